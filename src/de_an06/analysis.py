"""Attainment, trends, target forecasts, completion, gaps and rank changes.

Every function here is pure: the same inputs give the same result, nothing is
printed, no input is modified and no clock is read (pass ``as_of=``). Results
are small frozen attrs classes with readable reprs. No result field is
ever NaN or infinite: a quantity that does not exist (a standard error from
two points, a reach date that never comes) is ``None``, and each such case is
documented on the field.

The least-squares fit, projection, target-crossing day and paces are computed
by one numeric kernel over grouped numpy arrays, the same one
``de_an06.batch`` runs over millions of series, so a series gets the same
numbers alone or among others.

Examples
--------
The Khánh Hòa report of 2023-07-02: 546,234 e-ID applications collected on
2023-07-01 against a target of 756,805 by 2023-07-30.

>>> import datetime as dt
>>> import de_an06 as da
>>> round(da.attainment(546_234, 756_805).percent, 2)
72.18
>>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
>>> collected = da.Indicator("eid-collected", "e-ID applications collected",
...                          "Thu nhận hồ sơ định danh điện tử", unit="people")
>>> latest = da.Reading(collected, 546_234, dt.date(2023, 7, 1), kh)
>>> f = da.forecast(da.Series([latest]), 756_805, deadline=dt.date(2023, 7, 30))
>>> round(f.required_pace, 2), f.days_left
(7261.07, 29)
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import attrs
import numpy as np

from de_an06 import _display
from de_an06 import _kernel as k
from de_an06 import _validators as v
from de_an06.errors import InsufficientDataError
from de_an06.model import (
    Direction,
    Indicator,
    Qualifier,
    Rank,
    Reading,
    Series,
    Target,
    Task,
    TaskStatus,
    Unit,
)

__all__ = [
    "Attainment",
    "Completion",
    "Forecast",
    "Gap",
    "Prediction",
    "ProgressStatus",
    "RankChange",
    "Trend",
    "WorkingDayCounter",
    "attainment",
    "completion",
    "forecast",
    "gap",
    "implied_target",
    "rank_change",
    "trend",
]


def __dir__() -> list[str]:
    return __all__


#: Relative width assumed for "about" (khoảng) and "nearly" (gần) figures.
DEFAULT_HEDGE = 0.05


# --------------------------------------------------------------------------
# Input helpers
# --------------------------------------------------------------------------


def _real(owner: str, field: str, value: object) -> float:
    """A finite real number (``bool`` refused), as float."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise v.fail(owner, field, f"must be a real number, not {type(value).__name__}", value)
    number = float(value)
    if not math.isfinite(number):
        raise v.fail(owner, field, "must be finite", value)
    return number


def _date(owner: str, field: str, value: object) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise v.fail(owner, field, f"must be a datetime.date, not {type(value).__name__}", value)
    return value


def _hedge(owner: str, value: object) -> float:
    hedge = _real(owner, "hedge", value)
    if not 0 <= hedge < 1:
        raise v.fail(owner, "hedge", "must be in [0, 1)", value)
    return hedge


def _confidence(owner: str, value: object) -> float:
    confidence = _real(owner, "confidence", value)
    if not 0 < confidence < 1:
        raise v.fail(owner, "confidence", "must be in (0, 1)", value)
    return confidence


@attrs.frozen
class _Bounds:
    """The range a hedged figure stands for: ``lo``..``hi``, ends open or closed."""

    lo: float
    hi: float
    lo_open: bool
    hi_open: bool


def _bounds(value: float, qualifier: Qualifier, hedge: float) -> _Bounds:
    width = hedge * abs(value)
    if qualifier is Qualifier.MORE_THAN:
        return _Bounds(value, math.inf, lo_open=True, hi_open=True)
    if qualifier is Qualifier.LESS_THAN:
        return _Bounds(-math.inf, value, lo_open=True, hi_open=True)
    if qualifier is Qualifier.NEARLY:
        return _Bounds(value - width, value, lo_open=False, hi_open=True)
    if qualifier is Qualifier.ABOUT:
        return _Bounds(value - width, value + width, lo_open=False, hi_open=False)
    return _Bounds(value, value, lo_open=False, hi_open=False)


def _figure(owner: str, field: str, value: object) -> tuple[float, Qualifier, Indicator | None]:
    """A Reading or a plain number (taken as exact)."""
    if isinstance(value, Reading):
        return float(value.value), value.qualifier, value.indicator
    return _real(owner, field, value), Qualifier.EXACT, None


def _direction(owner: str, direction: object, *indicators: Indicator | None) -> Direction:
    known = [i for i in indicators if i is not None]
    if direction is None:
        return known[0].direction if known else Direction.HIGHER_IS_BETTER
    chosen = v.as_enum(Direction, direction)
    if not isinstance(chosen, Direction):
        raise v.fail(owner, "direction", "must be a Direction", direction)
    for indicator in known:
        if indicator.direction is not chosen:
            raise v.fail(owner, "direction",
                         f"must agree with indicator {indicator.code!r} "
                         f"({indicator.direction.value!r})", chosen.value)
    return chosen


# --------------------------------------------------------------------------
# Attainment
# --------------------------------------------------------------------------


@attrs.frozen(repr=False)
class Attainment:
    """How a figure stands against its target.

    Built by :func:`attainment`; the derived quantities are properties.

    Parameters
    ----------
    value : float
        The figure as reported.
    target : float
        The target (never zero).
    direction : Direction
        Whether higher or lower is better.
    qualifier : Qualifier
        How exactly `value` is stated ("more than", "nearly"...).
    unit : Unit or None
        The indicator's unit when known.
    hedge : float
        Relative width assumed for "about" and "nearly" figures.
    """

    value: float
    target: float
    direction: Direction = attrs.field(default=Direction.HIGHER_IS_BETTER, kw_only=True)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, kw_only=True)
    unit: Unit | None = attrs.field(default=None, kw_only=True)
    hedge: float = attrs.field(default=DEFAULT_HEDGE, kw_only=True)

    @property
    def ratio(self) -> float:
        """``value / target`` as a plain number (below 1 is good when lower is better)."""
        return self.value / self.target

    @property
    def percent(self) -> float:
        """``100 * value / target``."""
        return 100.0 * self.value / self.target

    @property
    def margin(self) -> float:
        """``value - target`` in the indicator's unit (percentage points for percents).

        This is the reading of "vượt 17%" as points: 47 % against a 30 %
        target has a margin of 17.
        """
        return self.value - self.target

    @property
    def relative_margin(self) -> float:
        """``100 * (value - target) / target``: the margin in percent *of the target*.

        This is the other reading of "vượt 17%": 47 % against a 40.17 %
        target has a relative margin of 17.
        """
        return 100.0 * (self.value - self.target) / self.target

    @property
    def surplus(self) -> float:
        """The margin signed so that positive is better than the target."""
        return self.direction.sign * self.margin

    @property
    def met(self) -> bool | None:
        """Whether the target is met, or ``None`` when the qualifier leaves it open.

        A hedged figure stands for a range of true values: "more than v" for
        ``(v, inf)``, "less than v" for ``(-inf, v)``, "nearly v" for
        ``[v - hedge*|v|, v)`` and "about v" for ``[v - hedge*|v|, v + hedge*|v|]``.
        ``met`` is ``True`` when every value of the range meets the target,
        ``False`` when none does, ``None`` otherwise.
        """
        b = _bounds(self.value, self.qualifier, self.hedge)
        t = self.target
        if self.direction is Direction.HIGHER_IS_BETTER:
            if b.lo >= t:
                return True
            if b.hi < t or (b.hi_open and b.hi == t):
                return False
            return None
        if b.hi <= t:
            return True
        if b.lo > t or (b.lo_open and b.lo == t):
            return False
        return None

    def __repr__(self) -> str:
        q = "" if self.qualifier is Qualifier.EXACT else f"{self.qualifier.value} "
        return (f"Attainment(value={q}{self.value!r}, target={self.target!r}, "
                f"percent={self.percent:.2f}, margin={self.margin!r}, met={self.met!r})")

    def _repr_html_(self) -> str:
        return _display.attainment_html(self)

    def __str__(self) -> str:
        return _display.attainment_text(self)


def attainment(value: Reading | float, target: Target | float, *,
               direction: Direction | str | None = None,
               hedge: float = DEFAULT_HEDGE) -> Attainment:
    """How a figure stands against a target.

    Parameters
    ----------
    value : Reading or float
        The figure. A :class:`~de_an06.Reading` brings its qualifier and
        indicator; a plain number is taken as exact.
    target : Target or float
        The target. A :class:`~de_an06.Target` must be for the reading's
        indicator.
    direction : Direction, optional
        Needed only when neither argument carries an indicator (default
        higher is better); must agree with the indicator otherwise.
    hedge : float
        Relative width assumed for "about" and "nearly" figures (default 0.05).

    Returns
    -------
    Attainment

    Raises
    ------
    ValidationError
        For a non-finite or non-numeric value, a zero target, a target for
        another indicator, or a direction that contradicts the indicator.

    Examples
    --------
    Khánh Hòa collected 546,234 e-ID applications against 756,805:

    >>> a = attainment(546_234, 756_805)
    >>> round(a.percent, 2), a.margin, a.met
    (72.18, -210571.0, False)

    Trà Bồng paid 47 % of social benefits without cash, "exceeding the target
    by 17 %"; the two readings of that phrase give two targets:

    >>> attainment(47, 30).margin
    17.0
    >>> round(attainment(47, 47 / 1.17).relative_margin, 10)
    17.0

    Qualifiers decide what can be said: "more than 65 %" meets 30 %, "nearly
    98 %" does not meet 98 %, and "more than 60 %" against 62 % is open:

    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading
    >>> qn = Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    >>> share = Indicator("ss-account-share", "Benefits paid through accounts",
    ...                   "Tỷ lệ chi trả qua tài khoản", unit="percent")
    >>> more_than_65 = Reading(share, 65, dt.date(2024, 6, 30), qn, qualifier="more_than")
    >>> attainment(more_than_65, 30).met
    True
    >>> nearly_98 = Reading(share, 98, dt.date(2024, 6, 30), qn, qualifier="nearly")
    >>> attainment(nearly_98, 98).met
    False
    >>> print(attainment(Reading(share, 60, dt.date(2024, 6, 30), qn, qualifier="more_than"),
    ...                  62).met)
    None
    """
    owner = "attainment"
    number, qualifier, indicator = _figure(owner, "value", value)
    target_indicator: Indicator | None = None
    if isinstance(target, Target):
        goal = float(target.value)
        target_indicator = target.indicator
        if indicator is not None and target_indicator != indicator:
            raise v.fail(owner, "target", f"must be for indicator {indicator.code!r}",
                         target_indicator.code)
    else:
        goal = _real(owner, "target", target)
    if goal == 0:
        raise v.fail(owner, "target", "must be non-zero for a ratio", target)
    known = indicator if indicator is not None else target_indicator
    return Attainment(number, goal, direction=_direction(owner, direction, known),
                      qualifier=qualifier, unit=None if known is None else known.unit,
                      hedge=_hedge(owner, hedge))


def implied_target(value: float, excess: float, *, relative: bool = False) -> float:
    """The target implied by "value exceeds the target by `excess`".

    Reports print the excess, not the target. Under the points reading the
    target is ``value - excess``; under the relative reading it is
    ``value / (1 + excess/100)``. Mark a target derived this way as inferred.

    Raises
    ------
    ValidationError
        For non-finite numbers, or a relative excess of -100 % or less.

    Examples
    --------
    Trà Bồng's 47 % "exceeds the target by 17 %":

    >>> implied_target(47, 17)
    30.0
    >>> round(implied_target(47, 17, relative=True), 2)
    40.17
    """
    owner = "implied_target"
    number = _real(owner, "value", value)
    extra = _real(owner, "excess", excess)
    if not relative:
        return number - extra
    if extra <= -100:  # noqa: PLR2004 - a share of the target
        raise v.fail(owner, "excess", "must be > -100 for the relative reading", excess)
    return number / (1.0 + extra / 100.0)


# --------------------------------------------------------------------------
# Gaps between two figures (e.g. a province against the national average)
# --------------------------------------------------------------------------


@attrs.frozen
class Gap:
    """The difference between two figures, with the bounds their qualifiers allow.

    For percent figures the difference is in percentage points.

    Parameters
    ----------
    difference : float
        ``value - other`` from the figures as printed.
    low, high : float or None
        Bounds of the true difference; ``None`` where unbounded.
    low_inclusive, high_inclusive : bool
        Whether the true difference may equal the bound.
    """

    difference: float
    low: float | None = attrs.field(kw_only=True)
    high: float | None = attrs.field(kw_only=True)
    low_inclusive: bool = attrs.field(kw_only=True)
    high_inclusive: bool = attrs.field(kw_only=True)

    @property
    def is_exact(self) -> bool:
        """True when both figures were exact."""
        return self.low == self.high == self.difference

    @property
    def qualifier(self) -> Qualifier:
        """How the difference can be stated.

        ``MORE_THAN`` when the printed difference is an exclusive lower
        bound, ``NEARLY`` when it is an exclusive upper bound, ``EXACT`` when
        both figures were exact and ``ABOUT`` otherwise.
        """
        if self.is_exact:
            return Qualifier.EXACT
        if self.low == self.difference and not self.low_inclusive:
            return Qualifier.MORE_THAN
        if self.high == self.difference and not self.high_inclusive:
            return Qualifier.NEARLY
        return Qualifier.ABOUT


def gap(value: Reading | float, other: Reading | float, *,
        hedge: float = DEFAULT_HEDGE) -> Gap:
    """Difference between two figures, as bounds when qualifiers hedge them.

    Parameters
    ----------
    value, other : Reading or float
        The figures; plain numbers are exact. Two readings must share a unit.
    hedge : float
        Relative width assumed for "about" and "nearly" figures.

    Raises
    ------
    ValidationError
        For non-finite numbers or readings in different units.

    Examples
    --------
    Quảng Ngãi against the national average: "nearly 78 %" of dossiers with
    electronic results against 68.3 %, "more than 83.8 %" digitised against
    67.06 %:

    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading
    >>> qn = Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    >>> e_results = Indicator("e-results", "Dossiers with electronic results",
    ...                       "Tỷ lệ hồ sơ có kết quả điện tử", unit="percent")
    >>> g = gap(Reading(e_results, 78, dt.date(2024, 6, 30), qn, qualifier="nearly"), 68.3)
    >>> round(g.difference, 2), g.qualifier
    (9.7, <Qualifier.NEARLY: 'nearly'>)
    >>> digitised = Indicator("digitised", "Dossiers digitised", "Tỷ lệ số hóa hồ sơ",
    ...                       unit="percent")
    >>> g = gap(Reading(digitised, 83.8, dt.date(2024, 6, 30), qn, qualifier="more_than"), 67.06)
    >>> round(g.low, 2), g.high, g.qualifier
    (16.74, None, <Qualifier.MORE_THAN: 'more_than'>)
    """
    owner = "gap"
    a, qa, ia = _figure(owner, "value", value)
    b, qb, ib = _figure(owner, "other", other)
    if ia is not None and ib is not None and ia.unit is not ib.unit:
        raise v.fail(owner, "other", f"must be in unit {ia.unit.value!r}", ib.unit.value)
    width = _hedge(owner, hedge)
    x = _bounds(a, qa, width)
    y = _bounds(b, qb, width)
    low = x.lo - y.hi
    high = x.hi - y.lo
    return Gap(a - b,
               low=low if math.isfinite(low) else None,
               high=high if math.isfinite(high) else None,
               low_inclusive=not (x.lo_open or y.hi_open),
               high_inclusive=not (x.hi_open or y.lo_open))


# --------------------------------------------------------------------------
# Ranks
# --------------------------------------------------------------------------


@attrs.frozen
class RankChange:
    """The move from one rank to another (1 is best).

    Parameters
    ----------
    before, after : Rank
        The earlier and later ranks.
    """

    before: Rank
    after: Rank

    @property
    def places(self) -> int | None:
        """Places gained (positive) or lost; ``None`` when the totals differ."""
        if self.before.total != self.after.total:
            return None
        return self.before.position - self.after.position

    @property
    def percentile_change(self) -> float:
        """Change of :attr:`Rank.percentile`, comparable across totals."""
        return self.after.percentile - self.before.percentile

    @property
    def improved(self) -> bool:
        """True when the later rank is relatively better."""
        return self.percentile_change > 0


def rank_change(before: Rank, after: Rank) -> RankChange:
    """How far a rank moved.

    Raises
    ------
    ValidationError
        When an argument is not a :class:`~de_an06.Rank`.

    Examples
    --------
    Khánh Hòa moved from second to last (62/63) to 37/63:

    >>> from de_an06 import Rank
    >>> change = rank_change(Rank(62, 63), Rank(37, 63))
    >>> change.places, change.improved
    (25, True)

    Across different totals only percentiles compare:

    >>> change = rank_change(Rank(25, 63), Rank(10, 34))
    >>> print(change.places, round(change.percentile_change, 2))
    None 11.44
    """
    for name, rank in (("before", before), ("after", after)):
        if not isinstance(rank, Rank):
            raise v.fail("rank_change", name, f"must be a Rank, not {type(rank).__name__}", rank)
    return RankChange(before, after)


# --------------------------------------------------------------------------
# Trends
# --------------------------------------------------------------------------


def _none_if_nan(value: float) -> float | None:
    return None if math.isnan(value) else value


@attrs.frozen
class Prediction:
    """The fitted line's value on a date, with statsmodels-style intervals.

    Parameters
    ----------
    date : datetime.date
        Where the line was evaluated.
    mean : float
        The fitted value.
    mean_se : float or None
        Standard error of the fitted mean; ``None`` for a two-point trend.
    mean_ci : tuple of float or None
        Confidence interval of the mean (``mean_ci_lower/upper`` in statsmodels).
    obs_ci : tuple of float or None
        Prediction interval for a new reading (``obs_ci_lower/upper``).
    """

    date: dt.date
    mean: float
    mean_se: float | None = attrs.field(kw_only=True)
    mean_ci: tuple[float, float] | None = attrs.field(kw_only=True)
    obs_ci: tuple[float, float] | None = attrs.field(kw_only=True)


@attrs.frozen
class Trend:
    """An ordinary least-squares line through a series, value against day.

    Built by :func:`trend`. Slopes are per calendar day. The intercept is the
    fitted value on `start`, the series' first date (not on day 0): with
    ``x = day - start`` the numbers equal those of statsmodels ``OLS`` on
    ``[1, x]``.

    Parameters
    ----------
    slope : float
        Change per day.
    intercept : float
        Fitted value on `start`.
    slope_se : float or None
        Standard error of the slope; ``None`` with two readings (no
        residual degrees of freedom; statsmodels reports infinity).
    slope_ci : tuple of float or None
        Confidence interval of the slope at `confidence` (Student t with
        ``n - 2`` degrees of freedom); ``None`` with two readings.
    r_squared : float or None
        Coefficient of determination; ``None`` when all values are equal
        (within rounding), where it is undefined.
    n : int
        Number of readings.
    start, end : datetime.date
        First and last dates.
    confidence : float
        Level of the intervals.
    flat : bool
        True when the slope is zero within rounding, relative to the values'
        scale; a flat trend never reaches a target it does not already meet.
    """

    slope: float
    intercept: float
    slope_se: float | None = attrs.field(kw_only=True)
    slope_ci: tuple[float, float] | None = attrs.field(kw_only=True)
    r_squared: float | None = attrs.field(kw_only=True)
    n: int = attrs.field(kw_only=True)
    start: dt.date = attrs.field(kw_only=True)
    end: dt.date = attrs.field(kw_only=True)
    confidence: float = attrs.field(kw_only=True)
    flat: bool = attrs.field(kw_only=True)
    _mean_offset: float = attrs.field(kw_only=True, repr=False)
    _mean_value: float = attrs.field(kw_only=True, repr=False)
    _sxx: float = attrs.field(kw_only=True, repr=False)
    _residual_variance: float | None = attrs.field(kw_only=True, repr=False)
    _quantile: float | None = attrs.field(kw_only=True, repr=False)

    def value_at(self, date: dt.date) -> float:
        """The fitted value on `date`."""
        day = k.date_to_day(_date("Trend", "date", date)) - k.date_to_day(self.start)
        return self._mean_value + self.slope * (day - self._mean_offset)

    def predict(self, date: dt.date) -> Prediction:
        """The fitted value on `date`, with mean and prediction intervals.

        The same quantities as statsmodels
        ``OLS(...).fit().get_prediction(...).summary_frame(alpha=1 - confidence)``.

        Examples
        --------
        >>> import datetime as dt
        >>> from de_an06 import Indicator, Jurisdiction, Reading, Series
        >>> vn = Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
        >>> ind = Indicator("index", "An index", "Chỉ số", unit="count")
        >>> ys = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]
        >>> s = Series([Reading(ind, y, dt.date(2023, 1, 1 + i), vn) for i, y in enumerate(ys)])
        >>> p = trend(s).predict(dt.date(2023, 1, 16))
        >>> round(p.mean, 6), round(p.mean_se, 6), [round(x, 6) for x in p.obs_ci]
        (25.671429, 0.549582, [24.130829, 27.212028])
        """
        mean = self.value_at(date)
        if self._residual_variance is None or self._quantile is None:
            return Prediction(date, mean, mean_se=None, mean_ci=None, obs_ci=None)
        x = k.date_to_day(date) - k.date_to_day(self.start) - self._mean_offset
        var_mean = self._residual_variance * (1.0 / self.n + x * x / self._sxx)
        mean_se = math.sqrt(var_mean)
        obs_se = math.sqrt(var_mean + self._residual_variance)
        q = self._quantile
        return Prediction(date, mean, mean_se=mean_se,
                          mean_ci=(mean - q * mean_se, mean + q * mean_se),
                          obs_ci=(mean - q * obs_se, mean + q * obs_se))

    def _repr_html_(self) -> str:
        return _display.trend_html(self)


def _trend_row(f: k.Fit, a: k.TrendArrays, i: int, confidence: float) -> Trend:
    """The Trend of group `i` of a kernel fit (which must be valid)."""
    slope = float(f.slope[i])
    se = _none_if_nan(float(a.slope_se[i]))
    q = None if se is None else float(a.quantile[i])
    return Trend(
        slope,
        float(a.intercept[i]),
        slope_se=se,
        slope_ci=None if se is None or q is None else (slope - q * se, slope + q * se),
        r_squared=_none_if_nan(float(a.r_squared[i])),
        n=int(f.n[i]),
        start=k.day_to_date(int(f.first_day[i])),
        end=k.day_to_date(int(f.last_day[i])),
        confidence=confidence,
        flat=bool(a.flat[i]),
        mean_offset=float(f.mean_offset[i]),
        mean_value=float(f.mean_value[i]),
        sxx=float(f.sxx[i]),
        residual_variance=_none_if_nan(float(a.residual_variance[i])),
        quantile=q,
    )


def _as_series(owner: str, series: object) -> Series:
    if isinstance(series, Reading):
        return Series([series])
    if not isinstance(series, Series):
        raise v.fail(owner, "series", f"must be a Series, not {type(series).__name__}", series)
    return series


def _fit_one(series: Series) -> k.Fit:
    return k.fit(np.zeros(1, dtype=np.int64), series.days, series.values)


def trend(series: Series, *, confidence: float = 0.95) -> Trend:
    """Ordinary least squares of value on time (in days) through a series.

    Parameters
    ----------
    series : Series
        At least two readings (a :class:`~de_an06.Series` has distinct dates).
    confidence : float
        Level of the slope's confidence interval (default 0.95).

    Returns
    -------
    Trend

    Raises
    ------
    InsufficientDataError
        With fewer than two readings.
    ValidationError
        When `series` is not a Series or `confidence` is not in (0, 1).

    Examples
    --------
    The worked check of the statsmodels notes, one reading a day:

    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading, Series
    >>> vn = Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    >>> ind = Indicator("index", "An index", "Chỉ số", unit="count")
    >>> ys = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]
    >>> t = trend(Series([Reading(ind, y, dt.date(2023, 1, 1 + i), vn) for i, y in enumerate(ys)]))
    >>> round(t.slope, 7), round(t.slope_se, 7), round(t.r_squared, 7)
    (1.0428571, 0.0451754, 0.9907046)
    """
    owner = "trend"
    level = _confidence(owner, confidence)
    s = _as_series(owner, series)
    f = _fit_one(s)
    if not f.valid[0]:
        raise InsufficientDataError(
            f"trend.series must hold at least two distinct dates (got {len(s)} reading)",
            owner=owner, field="series", value=len(s))
    return _trend_row(f, k.trend_arrays(f, level), 0, level)


# --------------------------------------------------------------------------
# Forecasts
# --------------------------------------------------------------------------


class ProgressStatus(enum.Enum):
    """Progress towards a target, on the Open SDG progress scale.

    The status comes from the ratio of the current pace to the pace required
    to meet the target by its deadline, with the thresholds of the Open SDG
    progress measure (sdg-build ``ProgressMeasure.py``, method 2, after the
    Statistics Canada methodology): at least 0.95 on track, at least 0.60
    moderate, at least 0 limited, below 0 deteriorating. ``ACHIEVED`` when the
    latest value already meets the target; ``NOT_AVAILABLE`` when there is no
    deadline or no trend. Values are Open SDG's status names. Paces are
    signed, so the ratio is right for lower-is-better indicators too.

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
        return list(ProgressStatus).index(self)

    @classmethod
    def from_code(cls, code: int) -> ProgressStatus:
        """The status with integer `code`."""
        return list(cls)[code]


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
        Open SDG progress status.
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
    direction : Direction
        Whether higher or lower is better.
    trend : Trend or None
        The fitted trend; ``None`` with a single reading.
    """

    status: ProgressStatus
    target: float = attrs.field(kw_only=True)
    deadline: dt.date | None = attrs.field(kw_only=True)
    as_of: dt.date = attrs.field(kw_only=True)
    latest: float = attrs.field(kw_only=True)
    latest_date: dt.date = attrs.field(kw_only=True)
    reach_date: dt.date | None = attrs.field(kw_only=True)
    reach_earliest: dt.date | None = attrs.field(kw_only=True)
    reach_latest: dt.date | None = attrs.field(kw_only=True)
    current_pace: float | None = attrs.field(kw_only=True)
    required_pace: float | None = attrs.field(kw_only=True)
    pace_ratio: float | None = attrs.field(kw_only=True)
    pace_unit: str = attrs.field(kw_only=True)
    days_left: int | None = attrs.field(kw_only=True)
    working_days_left: int | None = attrs.field(kw_only=True, repr=False)
    direction: Direction = attrs.field(kw_only=True, repr=False)
    trend: Trend | None = attrs.field(kw_only=True, repr=False)

    @property
    def achieved(self) -> bool:
        """True when the latest value already meets the target."""
        return self.status is ProgressStatus.ACHIEVED

    def _repr_html_(self) -> str:
        return _display.forecast_html(self)

    def __str__(self) -> str:
        return _display.forecast_text(self)


def _optional_date(ok: bool, day: int) -> dt.date | None:
    return k.day_to_date(day) if ok else None


def _forecast_row(f: k.Fit, p: k.Projection, i: int, trend_: Trend | None, *,
                  target: float, deadline: dt.date | None, as_of: dt.date,
                  direction: Direction, days_left: int | None,
                  working_days_left: int | None) -> Forecast:
    """The Forecast of group `i` from the kernel's arrays."""
    return Forecast(
        ProgressStatus.from_code(int(p.status[i])),
        target=target,
        deadline=deadline,
        as_of=as_of,
        latest=float(f.last_value[i]),
        latest_date=k.day_to_date(int(f.last_day[i])),
        reach_date=_optional_date(bool(p.reachable[i]), int(p.reach_day[i])),
        reach_earliest=_optional_date(bool(p.earliest_ok[i]), int(p.earliest_day[i])),
        reach_latest=_optional_date(bool(p.latest_ok[i]), int(p.latest_day[i])),
        current_pace=_none_if_nan(float(p.current_pace[i])),
        required_pace=_none_if_nan(float(p.required_pace[i])),
        pace_ratio=_none_if_nan(float(p.ratio[i])),
        pace_unit="day" if working_days_left is None else "working day",
        days_left=days_left,
        working_days_left=working_days_left,
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
             calendar: WorkingDayCounter | None = None,
             confidence: float = 0.95) -> Forecast:
    """Project a series to its target: reach date, paces and progress status.

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
        not met, or a calendar that returns something other than a count.

    Examples
    --------
    Khánh Hòa: 546,234 applications on 2023-07-01 and 756,805 wanted by
    2023-07-30 -- 210,571 in 29 days:

    >>> import datetime as dt
    >>> import de_an06 as da
    >>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> collected = da.Indicator("eid-collected", "e-ID applications collected",
    ...                          "Thu nhận hồ sơ định danh điện tử", unit="people")
    >>> one = da.Series([da.Reading(collected, 546_234, dt.date(2023, 7, 1), kh)])
    >>> f = forecast(one, 756_805, deadline=dt.date(2023, 7, 30))
    >>> round(f.required_pace, 2), f.status
    (7261.07, <ProgressStatus.NOT_AVAILABLE: 'not_available'>)

    With an earlier reading (illustrative, 500,000 on 2023-06-25) there is a
    trend, a reach date and a status:

    >>> two = da.Series([*one, da.Reading(collected, 500_000, dt.date(2023, 6, 25), kh)])
    >>> f = forecast(two, 756_805, deadline=dt.date(2023, 7, 30))
    >>> round(f.current_pace, 1), f.reach_date, f.status
    (7705.7, datetime.date(2023, 7, 29), <ProgressStatus.ON_TRACK: 'substantial_progress'>)
    """
    owner = "forecast"
    level = _confidence(owner, confidence)
    s = _as_series(owner, series)
    indicator = s.indicator
    if isinstance(target, Target):
        if target.indicator != indicator:
            raise v.fail(owner, "target", f"must be for indicator {indicator.code!r}",
                         target.indicator.code)
        goal = float(target.value)
        due = target.deadline if deadline is None else deadline
    else:
        goal = _real(owner, "target", target)
        due = deadline
    latest = s.latest
    when = latest.as_of if as_of is None else _date(owner, "as_of", as_of)
    if when < latest.as_of:
        raise v.fail(owner, "as_of", f"must not precede the latest reading {latest.as_of}", when)
    if due is not None:
        _date(owner, "deadline", due)
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

    f = _fit_one(s)
    arrays = k.trend_arrays(f, level)
    nan = np.full(1, np.nan)
    p = k.project(
        f, arrays, target= np.full(1, goal), sign=np.full(1, sign),
        from_day=np.full(1, k.date_to_day(when), dtype=np.int64),
        days_left=nan if days_left is None else np.full(1, float(days_left)),
        units_left=nan if days_left is None else np.full(1, float(days_left if working is None
                                                                  else working)),
    )
    trend_ = _trend_row(f, arrays, 0, level) if f.valid[0] else None
    return _forecast_row(f, p, 0, trend_, target=goal, deadline=due, as_of=when,
                         direction=direction, days_left=days_left, working_days_left=working)


# --------------------------------------------------------------------------
# Completion of tasks
# --------------------------------------------------------------------------


def _count(owner: str, field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise v.fail(owner, field, f"must be an int, not {type(value).__name__}", value)
    if value < 0:
        raise v.fail(owner, field, "must be >= 0", value)
    return int(value)


@attrs.frozen
class Completion:
    """How many tasks are done, in progress, not started and overdue.

    Build it from tasks with :func:`completion` or from reported counts with
    :meth:`from_counts`. Counts a report does not give are ``None``.

    Parameters
    ----------
    done : int
        Tasks completed.
    total : int
        All tasks (at least one).
    in_progress, not_started : int or None
        Tasks under way and not begun, when known.
    overdue : int or None
        Tasks not done whose deadline has passed, when known.
    as_of : datetime.date or None
        Date the counts hold at, when known.

    Examples
    --------
    >>> Completion.from_counts(done=24, total=29, in_progress=5)
    Completion(done=24, total=29, in_progress=5, not_started=None, overdue=None, as_of=None)
    """

    done: int
    total: int
    in_progress: int | None = attrs.field(default=None, kw_only=True)
    not_started: int | None = attrs.field(default=None, kw_only=True)
    overdue: int | None = attrs.field(default=None, kw_only=True)
    as_of: dt.date | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        owner = "Completion"
        for name in ("done", "total"):
            _count(owner, name, getattr(self, name))
        for name in ("in_progress", "not_started", "overdue"):
            value = getattr(self, name)
            if value is not None:
                _count(owner, name, value)
        if self.total == 0:
            raise v.fail(owner, "total", "must be > 0", self.total)
        known = self.done + (self.in_progress or 0) + (self.not_started or 0)
        if known > self.total:
            raise v.fail(owner, "total", "must be at least done + in_progress + not_started",
                         self.total)
        if self.overdue is not None and self.overdue > self.total - self.done:
            raise v.fail(owner, "overdue", "must not exceed the tasks not done", self.overdue)

    @classmethod
    def from_counts(cls, *, done: int, total: int, in_progress: int | None = None,
                    not_started: int | None = None, overdue: int | None = None,
                    as_of: dt.date | None = None) -> Completion:
        """Completion from counts as a report prints them.

        Examples
        --------
        Trà Bồng achieved 11 of its 13 important tasks:

        >>> round(Completion.from_counts(done=11, total=13).percent, 2)
        84.62
        """
        return cls(done, total, in_progress=in_progress, not_started=not_started,
                   overdue=overdue, as_of=as_of)

    @property
    def percent(self) -> float:
        """``100 * done / total``."""
        return 100.0 * self.done / self.total

    @property
    def remaining(self) -> int:
        """Tasks not done."""
        return self.total - self.done

    def _repr_html_(self) -> str:
        return _display.completion_html(self)

    def __str__(self) -> str:
        return _display.completion_text(self)


def completion(tasks: Iterable[Task], *, as_of: dt.date) -> Completion:
    """Count tasks by status, and those overdue on `as_of`.

    Parameters
    ----------
    tasks : iterable of Task
        At least one task.
    as_of : datetime.date
        The date deadlines are checked against.

    Raises
    ------
    ValidationError
        For an item that is not a Task, no tasks, or a bad `as_of`.

    Examples
    --------
    >>> import datetime as dt
    >>> from de_an06 import Task
    >>> tasks = [Task(f"qn-{i:02d}", f"Task {i}", f"Nhiệm vụ {i}", owner="Quảng Ngãi",
    ...               deadline=dt.date(2024, 12, 31), status="done" if i < 24 else "in_progress")
    ...          for i in range(29)]
    >>> c = completion(tasks, as_of=dt.date(2024, 12, 1))
    >>> c.done, c.in_progress, round(c.percent, 2)
    (24, 5, 82.76)
    """
    owner = "completion"
    when = _date(owner, "as_of", as_of)
    counts = dict.fromkeys(TaskStatus, 0)
    overdue = 0
    for index, task in enumerate(tasks):
        if not isinstance(task, Task):
            raise v.fail(owner, f"tasks[{index}]", f"must be a Task, not {type(task).__name__}",
                         task)
        counts[task.status] += 1
        overdue += task.is_overdue(when)
    total = sum(counts.values())
    if total == 0:
        raise v.fail(owner, "tasks", "must hold at least one task", total)
    return Completion(counts[TaskStatus.DONE], total,
                      in_progress=counts[TaskStatus.IN_PROGRESS],
                      not_started=counts[TaskStatus.NOT_STARTED], overdue=overdue, as_of=when)
