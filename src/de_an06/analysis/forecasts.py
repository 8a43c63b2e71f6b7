"""Forecasts: where a series is heading relative to its target, and how fast.

Reach dates, current and required paces and the linear-pace progress status
come from the kernel's projection (:func:`de_an06.analysis._kernel.project`), the
same one :func:`de_an06.batch.forecasts` runs over many series;
:func:`forecast_row` turns one group of its arrays into a :class:`Forecast`,
here and in :mod:`de_an06.batch` alike.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from typing import Protocol, runtime_checkable

import attrs
import numpy as np

from de_an06 import _display
from de_an06 import _validators as v
from de_an06.analysis import _args as check
from de_an06.analysis import _kernel as k
from de_an06.analysis.trends import Trend, fit_series, trend_of
from de_an06.analysis.windows import ALL, Window, window
from de_an06.model import Direction, Reading, Series, Target


class ProgressStatus(enum.Enum):
    """Progress towards a target at the current linear pace.

    The status of :func:`forecast`: on track when the series' least-squares
    trend, kept up, meets the target by its deadline. It compares the trend's
    slope (the *current pace*, per day or per working day) with the pace the
    latest reading still needs to reach the target on the deadline: a ratio
    of at least 0.95 is on track, at least 0.60 moderate, at least 0 limited,
    below 0 deteriorating. ``ACHIEVED`` when the latest value already meets
    the target; ``NOT_AVAILABLE`` without a deadline or a trend. Paces are
    signed, so the ratio is right for lower-is-better indicators too.

    The thresholds and the status names (the values) are those of the Open
    SDG progress measure, but the measure is not: Open SDG compares compound
    annual growth rates from a base year (see :mod:`de_an06.opensdg`), and
    the two disagree on about one series in six. Use
    :func:`de_an06.opensdg.progress_measure` for the status an Open SDG site
    shows.

    See Also
    --------
    de_an06.opensdg.OpenSdgStatus : the Open SDG site's own status.

    Examples
    --------
    >>> ProgressStatus.ON_TRACK.value
    'substantial_progress'
    """

    ACHIEVED = "target_achieved"
    ON_TRACK = "substantial_progress"
    MODERATE = "moderate_progress"
    LIMITED = "limited_progress"
    DETERIORATING = "deterioration"
    NOT_AVAILABLE = "not_available"

    @property
    def code(self) -> int:
        """Small integer code (0 achieved ... 5 not available), as batch results use."""
        return _STATUSES.index(self)

    @classmethod
    def from_code(cls, code: int) -> ProgressStatus:
        """The status with integer `code`."""
        return _STATUSES[code]


_STATUSES = tuple(ProgressStatus)


@runtime_checkable
class WorkingDayCounter(Protocol):
    """Anything that counts working days, such as a working-day calendar.

    ``working_days_between(start, end)`` returns the number of working days
    ``d`` with ``start < d <= end``.
    """

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days ``d`` with ``start < d <= end``."""
        ...  # pragma: no cover - a Protocol method: only its implementations run


@attrs.frozen
class Forecast:
    """Where a series is heading relative to its target.

    Built by :func:`forecast`.

    Parameters
    ----------
    status : ProgressStatus
        Progress at the current linear pace (not the Open SDG progress
        measure; see :func:`de_an06.opensdg.progress_measure`).
    target : float
        The target value.
    deadline : datetime.date or None
        When the target is due; ``None`` when not given.
    as_of : datetime.date
        The date of the forecast; reach dates fall on or after it.
    latest : float
        The latest reading's value.
    latest_date : datetime.date
        The latest reading's date.
    reach_date : datetime.date or None
        First day on or after `as_of` on which the fitted line meets the
        target. ``None`` when the target is already achieved (see
        `status`), when there is no trend (one reading), or when the line
        never gets there (flat within rounding, moving away, or past
        ``datetime.date.max``).
    reach_earliest, reach_latest : datetime.date or None
        Reach dates of the lines through the series' centroid with the
        slopes at the ends of the slope's confidence interval. ``None`` when
        the interval does not exist (two readings, achieved) or, for
        `reach_latest`, when the target may never be reached.
    current_pace : float or None
        The trend's slope (0 when flat), per day; with a calendar and a
        deadline, the trend's progress over the days left spread over the
        working days left (per day when the deadline is the latest
        reading's date). ``None`` without a trend, or with a calendar whose
        window up to the deadline holds days but no working day.
    required_pace : float or None
        ``(target - latest) / units_left``: the pace needed from the latest
        reading to meet the target on the deadline. ``None`` without a
        deadline or when already achieved.
    pace_ratio : float or None
        ``current_pace / required_pace`` (the same in either unit), on which
        `status` is decided.
    pace_unit : str
        ``"day"`` or ``"working day"``.
    days_left : int or None
        Calendar days from the latest reading to the deadline.
    working_days_left : int or None
        Working days in the same window, when a calendar is given.
    window : Window
        The readings the trend was fitted to (default: all of them); the
        latest reading is always among them.
    direction : Direction
        Whether higher or lower is better.
    trend : Trend or None
        The fitted trend; ``None`` with a single reading.

    Raises
    ------
    ValidationError
        For a field of the wrong type or not finite, or fields that
        contradict each other: dates out of order (`latest_date`, `as_of`,
        `deadline`, reach dates), `days_left` other than the days from
        `latest_date` to `deadline`, more working days than days, a
        `pace_unit` that does not match `working_days_left`, a `trend` fitted
        to another window than `window`, a quantity given
        where it cannot exist (a reach date when achieved or without a trend,
        a pace ratio without a deadline...), a trend that ends elsewhere than
        on `latest_date`, or a `status` other than the one `latest`, `target`
        and `pace_ratio` give.
    """

    status: ProgressStatus = attrs.field(validator=v.is_instance(ProgressStatus))
    target: float = attrs.field(kw_only=True, validator=check.field(check.real))
    deadline: dt.date | None = attrs.field(kw_only=True,
                                           validator=check.field(check.optional(check.date)))
    as_of: dt.date = attrs.field(kw_only=True, validator=check.field(check.date))
    latest: float = attrs.field(kw_only=True, validator=check.field(check.real))
    latest_date: dt.date = attrs.field(kw_only=True, validator=check.field(check.date))
    reach_date: dt.date | None = attrs.field(kw_only=True,
                                             validator=check.field(check.optional(check.date)))
    reach_earliest: dt.date | None = attrs.field(
        kw_only=True, validator=check.field(check.optional(check.date)))
    reach_latest: dt.date | None = attrs.field(
        kw_only=True, validator=check.field(check.optional(check.date)))
    current_pace: float | None = attrs.field(kw_only=True,
                                             validator=check.field(check.optional(check.real)))
    required_pace: float | None = attrs.field(kw_only=True,
                                              validator=check.field(check.optional(check.real)))
    pace_ratio: float | None = attrs.field(kw_only=True,
                                           validator=check.field(check.optional(check.real)))
    pace_unit: str = attrs.field(kw_only=True)
    days_left: int | None = attrs.field(kw_only=True,
                                        validator=check.field(check.optional(check.count)))
    working_days_left: int | None = attrs.field(
        kw_only=True, repr=False, validator=check.field(check.optional(check.count)))
    window: Window = attrs.field(kw_only=True, default=ALL, validator=v.is_instance(Window))
    direction: Direction = attrs.field(kw_only=True, repr=False,
                                       validator=v.is_instance(Direction))
    trend: Trend | None = attrs.field(kw_only=True, repr=False,
                                      validator=v.is_optional_instance(Trend))

    def __attrs_post_init__(self) -> None:
        self._check_dates()
        self._check_days()
        for applies, when, names in (
                (self.status is ProgressStatus.ACHIEVED, "when the target is achieved",
                 ("reach_date", "reach_earliest", "reach_latest", "required_pace",
                  "pace_ratio")),
                (self.trend is None, "without a trend",
                 ("reach_date", "reach_earliest", "reach_latest", "current_pace",
                  "pace_ratio")),
                (self.deadline is None, "without a deadline", ("required_pace", "pace_ratio"))):
            for name in names:
                if applies and getattr(self, name) is not None:
                    raise v.fail(self, name, f"must be None {when}", getattr(self, name))
        if self.trend is not None and self.trend.window != self.window:
            raise v.fail(self, "trend", f"must be fitted to window={self.window!r}",
                         self.trend.window)
        if self.trend is not None and self.trend.end != self.latest_date:
            raise v.fail(self, "trend", f"must end on latest_date={self.latest_date}",
                         self.trend)
        # the status the kernel gives for these figures (one rule: k.status_code)
        met = self.direction.sign * (self.latest - self.target) >= 0
        ratio = math.nan if self.pace_ratio is None else self.pace_ratio
        expected = ProgressStatus.from_code(k.status_code(met, ratio))
        if self.status is not expected:
            raise v.fail(self, "status", f"must be {expected} for latest={self.latest!r}, "
                         f"target={self.target!r}, pace_ratio={self.pace_ratio!r}", self.status)

    def _check_dates(self) -> None:
        if self.as_of < self.latest_date:
            raise v.fail(self, "as_of", f"must not precede latest_date={self.latest_date}",
                         self.as_of)
        for name in ("deadline", "reach_date", "reach_earliest", "reach_latest"):
            day = getattr(self, name)
            if day is not None and day < self.as_of:
                raise v.fail(self, name, f"must not precede as_of={self.as_of}", day)
        if self.reach_latest is not None and (self.reach_earliest is None
                                              or self.reach_latest < self.reach_earliest):
            raise v.fail(self, "reach_latest",
                         f"must not precede reach_earliest={self.reach_earliest}",
                         self.reach_latest)

    def _check_days(self) -> None:
        left = None if self.deadline is None else (self.deadline - self.latest_date).days
        if self.days_left != left:
            raise v.fail(self, "days_left",
                         f"must be the days from latest_date to deadline ({left})",
                         self.days_left)
        working = self.working_days_left
        if working is not None and (left is None or working > left):
            raise v.fail(self, "working_days_left", f"must not exceed days_left={left}",
                         working)
        unit = "day" if working is None else "working day"
        if self.pace_unit != unit:
            raise v.fail(self, "pace_unit", f"must be {unit!r} when working_days_left is "
                         f"{working}", self.pace_unit)

    @property
    def achieved(self) -> bool:
        """True when the latest value already meets the target."""
        return self.status is ProgressStatus.ACHIEVED

    @property
    def days_late(self) -> float:
        """Days from the deadline to the reach date (negative when early).

        ``inf`` when the trend never reaches the target; NaN when the target
        is achieved, or there is no trend or no deadline. The batch twin is
        :attr:`de_an06.batch.ForecastTable.days_late`, row for row.
        """
        if self.achieved or self.deadline is None or self.trend is None:
            return math.nan
        if self.reach_date is None:
            return math.inf
        return float((self.reach_date - self.deadline).days)

    def _repr_html_(self) -> str:
        return _display.forecast_html(self)

    def __str__(self) -> str:
        return _display.forecast_text(self)


def _optional_date(ok: bool, day: int) -> dt.date | None:
    return k.day_to_date(day) if ok else None


def forecast_row(f: k.Fit, p: k.Projection, i: int, trend_: Trend | None, *,
                 target: float, deadline: dt.date | None, as_of: dt.date,
                 direction: Direction, days_left: int | None,
                 working_days_left: int | None, within: Window = ALL) -> Forecast:
    """The Forecast of group `i` from the kernel's arrays.

    :meth:`de_an06.batch.ForecastTable.forecast` builds its results here, and
    :func:`forecast` through :func:`forecast_of` from the one-series kernel.
    """
    return forecast_of(f.row(i), p.row(i), trend_, target=target, deadline=deadline,
                       as_of=as_of, direction=direction, days_left=days_left,
                       working_days_left=working_days_left, within=within)


def forecast_of(f: k.OneFit, p: k.OneProjection, trend_: Trend | None, *,
                target: float, deadline: dt.date | None, as_of: dt.date,
                direction: Direction, days_left: int | None,
                working_days_left: int | None, within: Window = ALL) -> Forecast:
    """The Forecast of one group's fit and projection, fitted in `within`."""
    return Forecast(
        ProgressStatus.from_code(p.status),
        target=target,
        deadline=deadline,
        as_of=as_of,
        latest=f.last_value,
        latest_date=k.day_to_date(f.last_day),
        reach_date=_optional_date(p.reachable, p.reach_day),
        reach_earliest=_optional_date(p.earliest_ok, p.earliest_day),
        reach_latest=_optional_date(p.latest_ok, p.latest_day),
        current_pace=check.none_if_nan(p.current_pace),
        required_pace=check.none_if_nan(p.required_pace),
        pace_ratio=check.none_if_nan(p.ratio),
        pace_unit="day" if working_days_left is None else "working day",
        days_left=days_left,
        working_days_left=working_days_left,
        window=within,
        direction=direction,
        trend=trend_,
    )


def _working_days(calendar: object, start: dt.date, end: dt.date, days_left: int) -> int:
    owner = "forecast"
    method = getattr(calendar, "working_days_between", None)
    if not callable(method):
        raise v.fail(owner, "calendar", "must have a working_days_between(start, end) method",
                     calendar)
    count = method(start, end)
    if isinstance(count, bool) or not isinstance(count, (int, np.integer)):
        raise v.fail(owner, "calendar", "working_days_between must return an int", count)
    if not 0 <= count <= days_left:
        raise v.fail(owner, "calendar",
                     f"working_days_between must return a count in [0, {days_left}]", count)
    return int(count)


def forecast(series: Series | Reading, target: Target | float, *,
             deadline: dt.date | None = None, as_of: dt.date | None = None,
             since: dt.date | None = None, last: int | None = None,
             calendar: WorkingDayCounter | None = None,
             confidence: float = 0.95) -> Forecast:
    """Project a series to its target: reach date, paces and linear-pace status.

    The status (:class:`ProgressStatus`) compares the trend's linear pace
    with the linear pace still needed; it is *not* the status an Open SDG
    site computes from compound annual growth, for which use
    :func:`de_an06.opensdg.progress_measure`. The how-to "Publish to an Open
    SDG site or a DHIS2 instance" shows a series on which they disagree.

    Parameters
    ----------
    series : Series or Reading
        The readings. One reading gives no trend (no reach date, no current
        pace) but still a required pace.
    target : Target or float
        The target; a :class:`~de_an06.Target` must be for the series'
        indicator and brings its deadline.
    deadline : datetime.date, optional
        Overrides the target's deadline.
    as_of : datetime.date, optional
        The forecast's date, on or after the latest reading (default: the
        latest reading's date). Reach dates fall on or after it.
    since : datetime.date, optional
        Fit the trend (the current pace) to the readings dated on or after
        `since` only; the latest reading is always kept, so a `since` after
        it leaves one reading and no trend.
    last : int, optional
        Fit the trend to the last `last` readings only (at least 1;
        ``last=1`` gives no trend). At most one of `since` and `last`;
        neither fits all readings. The result states its `window`.
    calendar : WorkingDayCounter, optional
        Express paces per working day instead of per calendar day.
    confidence : float
        Level of the slope interval behind the reach-date interval.

    Returns
    -------
    Forecast

    Raises
    ------
    ValidationError
        For a target of another indicator, a non-finite target, an `as_of`
        before the latest reading, a deadline before `as_of`, a deadline that
        leaves no (working) day after the latest reading while the target is
        not met, a calendar that returns something other than a count, a
        `since` that is not a date, a `last` that is not an int >= 1, both
        `since` and `last`, or values too large for the fit in float64 (as
        :func:`~de_an06.trend`).

    See Also
    --------
    de_an06.batch.forecasts : The same forecast for every series of a table at once.
    de_an06.opensdg.progress_measure : The Open SDG site's status.
    de_an06.Window : The window the forecast states.

    Examples
    --------
    Khánh Hòa: 546,234 applications on 2023-07-01 and 756,805 wanted by
    2023-07-30 -- 210,571 in 29 days:

    >>> import datetime as dt
    >>> import de_an06 as da
    >>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> collected = da.Indicator("eid-collected", "e-ID applications collected",
    ...                          "Thu nhận hồ sơ định danh điện tử", unit="people")
    >>> one = da.Series([da.Reading(collected, 546_234, as_of=dt.date(2023, 7, 1),
    ...                             jurisdiction=kh)])
    >>> f = forecast(one, 756_805, deadline=dt.date(2023, 7, 30))
    >>> round(f.required_pace, 2), f.status
    (7261.07, <ProgressStatus.NOT_AVAILABLE: 'not_available'>)

    With an earlier reading (illustrative, 500,000 on 2023-06-25) there is a
    trend, a reach date and a status:

    >>> two = da.Series([*one, da.Reading(collected, 500_000, as_of=dt.date(2023, 6, 25),
    ...                                   jurisdiction=kh)])
    >>> f = forecast(two, 756_805, deadline=dt.date(2023, 7, 30))
    >>> round(f.current_pace, 1), f.reach_date, f.status
    (7705.7, datetime.date(2023, 7, 29), <ProgressStatus.ON_TRACK: 'substantial_progress'>)

    Fitted to the last reading only, there is no trend again:

    >>> f = forecast(two, 756_805, deadline=dt.date(2023, 7, 30), last=1)
    >>> f.window, f.current_pace, f.status
    (Window(last=1), None, <ProgressStatus.NOT_AVAILABLE: 'not_available'>)
    """
    owner = "forecast"
    level = check.confidence(owner, "confidence", confidence)
    s = check.as_series(owner, series)
    within = window(owner, since, last)
    indicator = s.indicator
    goal = check.goal(owner, target, indicator, s.jurisdiction)
    due = target.deadline if isinstance(target, Target) and deadline is None else deadline
    latest = s.latest
    when = latest.as_of if as_of is None else check.date(owner, "as_of", as_of)
    if when < latest.as_of:
        raise v.fail(owner, "as_of", f"must not precede the latest reading {latest.as_of}", when)
    if due is not None:
        check.date(owner, "deadline", due)
        if due < when:
            raise v.fail(owner, "deadline", f"must not precede as_of={when}", due)
    direction = indicator.direction
    sign = float(direction.sign)
    met = sign * (float(latest.value) - goal) >= 0

    days_left: int | None = None
    working: int | None = None
    if due is not None:
        days_left = (due - latest.as_of).days
        units = days_left
        if calendar is not None:
            working = _working_days(calendar, latest.as_of, due, days_left)
            units = working
        if units == 0 and not met:
            word = "working day" if calendar is not None else "day"
            raise v.fail(owner, "deadline",
                         f"must leave at least one {word} after the latest reading "
                         f"{latest.as_of} while the target is not met", due)

    f = check.in_range(owner, fit_series(s, within), s)
    arrays = k.trend_one(f, level)
    left = math.nan if days_left is None else float(days_left)
    p = k.project_one(
        f, arrays, target=goal, sign=sign, from_day=k.date_to_day(when), days_left=left,
        units_left=left if working is None else float(working))
    trend_ = trend_of(f, arrays, level, within) if f.valid else None
    return forecast_of(f, p, trend_, target=goal, deadline=due, as_of=when,
                       direction=direction, days_left=days_left, working_days_left=working,
                       within=within)
