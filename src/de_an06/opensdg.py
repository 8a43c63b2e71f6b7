"""The Open SDG progress measure, computed as an Open SDG site computes it.

An Open SDG site (sdg-build's ``ProgressMeasure.py``, after the Statistics
Canada methodology) rates each configured series by **compound annual growth**
from a base year to the latest year with data:

* **with a numeric target** (method 2): the ratio ``R`` of the observed growth
  to the growth needed to reach the target in the target year, against the
  thresholds 0.95 / 0.60 / 0;
* **without a target** (method 1): the observed growth itself, against
  1.5 % / 0.5 % / 0 a year, lowered when the base value is close to a natural
  `limit` (100 % for a coverage rate);
* ``target_achieved`` as soon as the latest value meets the target;
  ``not_available`` when there is too little data.

:func:`progress_measure` reproduces that computation case for case, including
sdg-build's handling of zeros, of a base already past the target, of years at
or past the target year and of a single year of data; the notes of the result
say where such a rule applied. This is not de_an06's own forecast status
(:func:`de_an06.forecast`), which compares the *linear* pace of a
least-squares trend with the linear pace still needed: the two can disagree,
as the how-to "Publish to an Open SDG site or a DHIS2 instance" shows.

Examples
--------
>>> from de_an06 import opensdg
>>> p = opensdg.progress_measure({2015: 100, 2020: 150}, target=300, direction="higher")
>>> p.status, round(p.progress_value, 3), round(p.score, 2)
(<OpenSdgStatus.SUBSTANTIAL_PROGRESS: 'substantial_progress'>, 1.112, 3.65)
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping

import attrs

from de_an06 import _opensdg_rules as rules
from de_an06 import _validators as v
from de_an06.model import Direction, Series
from de_an06.model.rules import REAL

__all__ = [
    "DEFAULT_BASE_YEAR",
    "DEFAULT_TARGET_YEAR",
    "OpenSdgMethod",
    "OpenSdgProgress",
    "OpenSdgStatus",
    "OpenSdgThresholds",
    "default_thresholds",
    "indicator_progress",
    "progress_measure",
    "status_from_score",
]

#: sdg-build's default base year.
DEFAULT_BASE_YEAR = 2015
#: sdg-build's default target year.
DEFAULT_TARGET_YEAR = 2030

_SAME_YEAR = ("refuse", "latest")


class OpenSdgStatus(enum.Enum):
    """A progress status, with sdg-build's exact names as values.

    Examples
    --------
    >>> OpenSdgStatus("moderate_progress")
    <OpenSdgStatus.MODERATE_PROGRESS: 'moderate_progress'>
    """

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"


class OpenSdgMethod(enum.Enum):
    """sdg-build's methods, with its numbers: 1 without a numeric target, 2 with one.

    Examples
    --------
    >>> OpenSdgMethod.WITH_TARGET.value
    2
    """

    WITHOUT_TARGET = 1
    WITH_TARGET = 2


@attrs.frozen
class OpenSdgThresholds:
    """Lower bounds of substantial (`high`), moderate (`med`) and limited (`low`) progress.

    Examples
    --------
    >>> default_thresholds(OpenSdgMethod.WITH_TARGET)
    OpenSdgThresholds(high=0.95, med=0.6, low=0.0)
    """

    high: float = attrs.field(converter=REAL)  # type: ignore[misc]
    med: float = attrs.field(converter=REAL)  # type: ignore[misc]
    low: float = attrs.field(converter=REAL)  # type: ignore[misc]


def default_thresholds(method: OpenSdgMethod) -> OpenSdgThresholds:
    """sdg-build's thresholds for `method`, before any limit reduction.

    Examples
    --------
    >>> default_thresholds(OpenSdgMethod.WITHOUT_TARGET)
    OpenSdgThresholds(high=0.015, med=0.005, low=0.0)

    See Also
    --------
    progress_measure : takes partial overrides in `thresholds`.
    """
    return OpenSdgThresholds(*rules.DEFAULT_THRESHOLDS[method.value])


@attrs.frozen(kw_only=True)
class OpenSdgProgress:
    """The Open SDG progress of one series, with the figures behind it.

    Built by :func:`progress_measure`; the fields mirror sdg-build's
    ``indicator_calculation_components.yml``.

    Parameters
    ----------
    status : OpenSdgStatus
        The series' status (sdg-build ``SeriesProgress.status``).
    score : float or None
        The series' score in [-5, 5]; ``None`` when there is no progress value
        and the target is not achieved.
    progress_value : float or None
        Method 1: the observed growth rate (sign-adjusted so that progress is
        positive); method 2: the ratio ``R`` of observed to required growth.
        ``None`` when not computable.
    method : OpenSdgMethod
        With or without a numeric target.
    base_year, base_value : int, float or None
        The year and value growth is measured from: the configured base year,
        or the first later year with data. A zero base value is replaced by
        0.001, as sdg-build does. ``None`` without data from the base year on.
    current_year, current_value : int, float or None
        The latest year with data and its value.
    target : float or None
        The target used (0 is replaced by 0.001).
    target_year : int
        The year the target is due.
    direction : Direction
        Whether higher or lower values are progress.
    limit : float or None
        The natural limit (method 1 only).
    thresholds : OpenSdgThresholds
        The thresholds applied, after the limit reduction.
    coefficient : float
        The limit reduction factor (1 without a limit).
    target_achieved : bool
        Whether the latest value meets the target.
    notes : tuple of str
        The special rules that applied (sdg-build's warnings), in order.
    """

    status: OpenSdgStatus = attrs.field(validator=v.is_instance(OpenSdgStatus))
    score: float | None
    progress_value: float | None
    method: OpenSdgMethod = attrs.field(validator=v.is_instance(OpenSdgMethod))
    base_year: int | None
    base_value: float | None
    current_year: int | None
    current_value: float | None
    target: float | None
    target_year: int
    direction: Direction = attrs.field(validator=v.is_instance(Direction))
    limit: float | None = attrs.field(repr=False)
    thresholds: OpenSdgThresholds = attrs.field(repr=False)
    coefficient: float = attrs.field(repr=False)
    target_achieved: bool
    notes: tuple[str, ...] = attrs.field(repr=False)

    @property
    def site_status(self) -> OpenSdgStatus | None:
        """The status an Open SDG page shows when this is the indicator's only series.

        Sites show the indicator's status, which sdg-build derives from the
        score, not from the series status: the two differ in a hair-thin band
        below 0.95 and 0.60 (the score slopes are rounded) and whenever
        custom thresholds are configured. ``None`` when the page shows no
        status (a score outside [-5, 5]).

        Examples
        --------
        >>> progress_measure({2015: 100, 2020: 150}, target=300,
        ...                  direction="higher").site_status
        <OpenSdgStatus.SUBSTANTIAL_PROGRESS: 'substantial_progress'>
        """
        return status_from_score(self.score, target_achieved=self.target_achieved)


def status_from_score(score: float | None, *, target_achieved: bool = False
                      ) -> OpenSdgStatus | None:
    """The status sdg-build gives an indicator for its (mean) score.

    ``[2.5, 5]`` substantial, ``[0, 2.5)`` moderate, ``[-2.5, 0)`` limited,
    ``[-5, -2.5)`` deterioration, no score ``not_available``; ``None`` (no
    status shown) outside [-5, 5].

    Examples
    --------
    >>> status_from_score(0.0)
    <OpenSdgStatus.MODERATE_PROGRESS: 'moderate_progress'>
    >>> status_from_score(None)
    <OpenSdgStatus.NOT_AVAILABLE: 'not_available'>

    See Also
    --------
    indicator_progress : the mean score of several series.
    """
    name = rules.status_from_score(score, target_achieved=target_achieved)
    return None if name is None else OpenSdgStatus(name)


def indicator_progress(results: Iterable[OpenSdgProgress]
                       ) -> tuple[float | None, OpenSdgStatus | None]:
    """Score and status of an indicator from its series, as an Open SDG site shows them.

    sdg-build averages the scores of the series that have one and rates the
    mean with :func:`status_from_score`; the status is ``target_achieved``
    only when every scored series achieved its target. With no scored series
    the score is ``None`` and so is the status: the page shows none.

    Examples
    --------
    >>> a = progress_measure({2015: 100, 2020: 150}, target=300, direction="higher")
    >>> b = progress_measure({2015: 40, 2020: 38}, direction="higher")
    >>> a.status.value, round(a.score, 2), b.status.value, round(b.score, 2)
    ('substantial_progress', 3.65, 'deterioration', -3.78)
    >>> score, status = indicator_progress([a, b])
    >>> round(score, 2), status
    (-0.06, <OpenSdgStatus.LIMITED_PROGRESS: 'limited_progress'>)

    See Also
    --------
    progress_measure : one series.
    """
    scored = []
    for index, result in enumerate(results):
        if not isinstance(result, OpenSdgProgress):
            raise v.fail("indicator_progress", f"results[{index}]",
                         f"must be an OpenSdgProgress, not {type(result).__name__}", result)
        if result.score is not None:
            scored.append(result)
    if not scored:
        return None, None
    score = rules.mean_score([r.score for r in scored if r.score is not None])
    achieved = all(r.target_achieved for r in scored)
    return score, status_from_score(score, target_achieved=achieved)


def progress_measure(
    data: Series | Mapping[int, float | None],
    *,
    target: float | None = None,
    target_year: int = DEFAULT_TARGET_YEAR,
    base_year: int = DEFAULT_BASE_YEAR,
    direction: Direction | str | None = None,
    limit: float | None = None,
    thresholds: Mapping[str, float] | None = None,
    same_year: str = "refuse",
) -> OpenSdgProgress:
    """Rate a series as an Open SDG site does (sdg-build's ``SeriesProgress``).

    Parameters
    ----------
    data : Series or dict of int to float
        The annual values (any mapping of year to value will do). A
        :class:`~de_an06.Series` gives one value per calendar year of
        ``as_of`` (the ``Year`` that :func:`de_an06.io.to_open_sdg_csv`
        writes); sdg-build refuses two values for one year, and so does this
        function unless `same_year` is ``"latest"``. In a mapping, ``None``
        and NaN are missing values and are skipped, as sdg-build drops empty
        cells.
    target : float, optional
        The numeric target (method 2); without it, method 1. A target of 0
        is replaced by 0.001, as sdg-build does.
    target_year : int
        When the target is due (default 2030).
    base_year : int
        The year growth is measured from (default 2015); when it has no
        data, the first later year with data.
    direction : Direction or str, optional
        ``"higher"``/``"positive"`` or ``"lower"``/``"negative"``. Defaults to
        the indicator's direction for a Series; required for a mapping
        (sdg-build's own default, ``"negative"``, is rarely what a
        de_an06 indicator means).
    limit : float, optional
        Natural ceiling (higher is better) or floor (lower is better) of the
        values; lowers method 1's thresholds when the base value is near it.
        Ignored with a target.
    thresholds : dict of str to float, optional
        Overrides of ``"high"``, ``"med"`` and ``"low"`` (sdg-build's
        ``progress_thresholds``). They change the series status, not the
        score's slopes.
    same_year : {"refuse", "latest"}
        For a Series with several readings in one year: refuse (default), or
        take the year's latest reading, the year-end figure of a stock.

    Returns
    -------
    OpenSdgProgress

    Raises
    ------
    ValidationError
        For data that is neither a Series nor a mapping of int years to
        finite values (or missing values), two readings in one year with
        ``same_year="refuse"``, a missing `direction` for a mapping,
        non-finite numbers, unknown threshold keys.

    Notes
    -----
    Where sdg-build itself stops with an error -- no data in or after the
    base year, a target year equal to the configured base year -- the site
    shows no computed status; the result is then ``not_available`` with a
    note saying so.

    Examples
    --------
    The issue's example: 100 in 2015, 150 in 2020, 300 wanted by 2030. The
    observed growth (8.4 % a year) beats the growth needed (7.6 % a year):

    >>> p = progress_measure({2015: 100, 2020: 150}, target=300, direction="higher")
    >>> p.status, p.base_year, p.current_year
    (<OpenSdgStatus.SUBSTANTIAL_PROGRESS: 'substantial_progress'>, 2015, 2020)

    Without a target, the growth rate itself is rated; a lower-is-better
    series that fell 3 % a year is substantial progress:

    >>> p = progress_measure({2016: 50.0, 2019: 45.6}, direction="lower")
    >>> p.base_year, round(p.progress_value, 4), p.status.value
    (2016, 0.0302, 'substantial_progress')

    One year of data is not enough, unless the target is already met:

    >>> progress_measure({2022: 97.0}, target=95, direction="higher").status.value
    'target_achieved'

    See Also
    --------
    indicator_progress : combine several series as a site does.
    de_an06.forecast : de_an06's linear-pace status and reach date.
    """
    if same_year not in _SAME_YEAR:
        raise v.fail("progress_measure", "same_year", "must be 'refuse' or 'latest'",
                     same_year)
    values = rules.annual_values(data, same_year)
    chosen_direction = rules.direction_of(data, direction)
    goal = None if target is None else rules.as_real("target", target)
    due = rules.as_year("target_year", target_year)
    base = rules.as_year("base_year", base_year)
    bound = None if limit is None else rules.as_real("limit", limit)
    method = OpenSdgMethod.WITHOUT_TARGET if goal is None else OpenSdgMethod.WITH_TARGET
    bounds = rules.thresholds(method.value, thresholds)
    notes: list[str] = []
    if goal == 0:
        goal = rules.ZERO_REPLACEMENT
        notes.append("target 0 replaced by 0.001")
    state = _State(method=method, target=goal, target_year=due, direction=chosen_direction,
                   limit=bound, bounds=bounds, notes=notes)
    return state.measure(values, base)


@attrs.define(kw_only=True)
class _State:
    """The configuration of one measurement, and the notes gathered on the way."""

    method: OpenSdgMethod
    target: float | None
    target_year: int
    direction: Direction
    limit: float | None
    bounds: list[float]
    notes: list[str]
    coefficient: float = 1.0

    def result(self, *, status: OpenSdgStatus = OpenSdgStatus.NOT_AVAILABLE,
               score: float | None = None, progress_value: float | None = None,
               years: tuple[int | None, int | None] = (None, None),
               values: tuple[float | None, float | None] = (None, None),
               target_achieved: bool = False) -> OpenSdgProgress:
        """The result; `years` and `values` are (base, current)."""
        high, med, low = self.bounds
        return OpenSdgProgress(
            status=status, score=score, progress_value=progress_value, method=self.method,
            base_year=years[0], base_value=values[0], current_year=years[1],
            current_value=values[1], target=self.target, target_year=self.target_year,
            direction=self.direction, limit=self.limit,
            thresholds=OpenSdgThresholds(high, med, low), coefficient=self.coefficient,
            target_achieved=target_achieved, notes=tuple(self.notes),
        )

    def measure(self, values: dict[int, float], base_year: int) -> OpenSdgProgress:
        if not values:
            self.notes.append("no data")
            return self.result()
        current_year = max(values)
        current = values[current_year]
        moved = base_year not in values
        if moved:
            later = [year for year in values if year > base_year]
            if not later:
                self.notes.append(f"no data in or after the base year {base_year}: "
                                  "sdg-build stops with an error, the site shows no status")
                return self.result(years=(None, current_year), values=(None, current))
            base_year = min(later)
            self.notes.append(f"base year moved to {base_year}, the first later year with data")
        base = values[base_year]
        sign = -1 if base < 0 else 1
        self.apply_limit(base)
        d = self.direction.sign
        achieved = self.target is not None and (
            (d == -1 and current <= self.target) or (d == 1 and current >= self.target))
        if base == 0:
            base = rules.ZERO_REPLACEMENT
            self.notes.append("base value 0 replaced by 0.001")
        years, figures = (base_year, current_year), (base, current)
        try:
            value = self.progress_value(base, current, base_year, current_year, sign,
                                        moved=moved)
        except rules.StopError as error:
            self.notes.append(f"{error}: sdg-build stops with an error, the site shows "
                              "no status")
            return self.result(years=years, values=figures)
        high, med, low = self.bounds
        status = rules.series_status(value, high, med, low, target_achieved=achieved)
        score = rules.series_score(self.method.value, value, high, med, low,
                                   coefficient=self.coefficient, target_achieved=achieved)
        if value is not None and math.isnan(value):
            self.notes.append("the required growth is not a real number (target and base "
                              "value of opposite signs): sdg-build gets NaN")
            value = None
        return self.result(status=OpenSdgStatus(status), score=score, progress_value=value,
                           years=years, values=figures, target_achieved=achieved)

    def apply_limit(self, base: float) -> None:
        if self.limit is None:
            return
        if self.method is OpenSdgMethod.WITH_TARGET:
            self.notes.append("limit ignored: a target is given")
            return
        if base < self.limit and self.direction is Direction.LOWER_IS_BETTER:
            self.notes.append(f"base value {base!r} is below the floor {self.limit!r}")
        if base > self.limit and self.direction is Direction.HIGHER_IS_BETTER:
            self.notes.append(f"base value {base!r} is above the ceiling {self.limit!r}")
        self.coefficient = rules.limit_coefficient(base, self.limit)
        self.bounds = [bound * self.coefficient for bound in self.bounds]

    def progress_value(self, base: float, current: float, base_year: int, current_year: int,
                       sign: int, *, moved: bool) -> float | None:
        if (base > 0 > current) or (base < 0 < current):
            self.notes.append("base and latest values have opposite signs")
            return None
        if current_year - base_year < 1:
            self.notes.append("a single year of data from the base year on")
            return None
        observed = rules.observed_growth(current, base, current_year, base_year)
        factor = sign * self.direction.sign
        if self.target is None:
            return factor * observed
        required = rules.required_growth(self.target, base, self.target_year, base_year,
                                         moved=moved)
        return rules.divide(factor * observed, required)
