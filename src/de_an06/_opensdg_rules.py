"""The rules of the Open SDG progress measure: its arithmetic and how it reads its inputs.

Private helpers of :mod:`de_an06.opensdg`. Each function restates one rule of
sdg-build's ``sdg/ProgressMeasure.py`` (the version merged for Open SDG 2.4,
commit ``139fede``), including what its number types make of the awkward
cases, so that a status computed here is the status an Open SDG site shows.

Two kinds of arithmetic meet in sdg-build. Years read from the data are numpy
integers, so every growth rate over *observed* years is numpy arithmetic:
division by zero gives an infinity and a negative number to a fractional power
gives NaN, both silently. The required growth is computed over the configured
years; when the configured base year is one of the data's years it is a plain
Python ``int``, and Python arithmetic applies instead: a target year equal to
the base year raises ``ZeroDivisionError`` (the site build stops), and a
negative ratio to a fractional power is a complex number whose modulus is then
used. :func:`required_growth` takes a ``moved`` flag for exactly this reason.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from de_an06 import _validators as v
from de_an06.model import Direction, Series

#: Thresholds ``(high, med, low)`` by method: 1 compares the observed compound
#: annual growth rate, 2 compares the ratio of observed to required growth.
DEFAULT_THRESHOLDS = {1: (0.015, 0.005, 0.0), 2: (0.95, 0.6, 0.0)}

#: Exponent of the closeness-to-limit reduction of method 1's thresholds.
LIMIT_EXPONENT = 4.44

#: What sdg-build substitutes for a zero base value or a zero target.
ZERO_REPLACEMENT = 0.001


_DIRECTIONS = {"positive": Direction.HIGHER_IS_BETTER, "negative": Direction.LOWER_IS_BETTER}


class StopError(Exception):
    """sdg-build raises at this point, so the site shows no computed status."""


def _numpy_growth(ratio: float, years: float) -> float:
    """``ratio ** (1 / years) - 1`` in numpy float64 scalars, warnings silenced.

    The scalar operator, like sdg-build's, calls the C library's ``pow``;
    ``numpy.power`` on arrays may use a vectorised ``pow`` that differs in
    the last bit.
    """
    with np.errstate(all="ignore"):
        exponent = np.float64(1.0) / np.float64(years)
        return float(np.float64(ratio) ** exponent - np.float64(1.0))


def observed_growth(current: float, base: float, current_year: int, base_year: int) -> float:
    """Compound annual growth from the base year to the latest year (numpy arithmetic).

    >>> round(observed_growth(150.0, 100.0, 2020, 2015), 6)
    0.084472
    """
    return _numpy_growth(current / base, current_year - base_year)


def required_growth(target: float, base: float, target_year: int, base_year: int, *,
                    moved: bool) -> float:
    """Magnitude of the compound annual growth that reaches `target` in `target_year`.

    `moved` says whether the base year was moved to the first later year with
    data (numpy arithmetic) or is the configured one (Python arithmetic).

    Raises
    ------
    StopError
        Where sdg-build's Python arithmetic raises (target year equal to the
        configured base year; a power that overflows).

    Examples
    --------
    >>> round(required_growth(300.0, 100.0, 2030, 2015, moved=False), 6)
    0.07599
    >>> required_growth(10.0, 5.0, 2030, 2030, moved=True)    # 2 ** inf - 1
    inf
    """
    ratio = target / base
    years = target_year - base_year
    if moved:
        return abs(_numpy_growth(ratio, years))
    if years == 0:
        raise StopError("the target year is the base year (division by zero)")
    try:
        # A negative ratio to a fractional power is complex in Python; abs()
        # is then its modulus, as in sdg-build.
        return float(abs(ratio ** (1 / years) - 1))
    except OverflowError as error:
        raise StopError("the required growth overflows") from error


def divide(numerator: float, denominator: float) -> float:
    """``numerator / denominator`` in numpy float64: ±inf or NaN for a zero denominator."""
    with np.errstate(all="ignore"):
        return float(np.float64(numerator) / np.float64(denominator))


def limit_coefficient(base: float, limit: float) -> float:
    """Method 1's reduction of the thresholds when the base value is near the limit.

    1 when the base value is at least twice the limit (compared in absolute
    value), 0 when it equals the limit, and a smooth curve in between.

    >>> limit_coefficient(50.0, 100.0), limit_coefficient(100.0, 100.0)
    (0.9539..., 0.0)
    """
    b, lim = abs(base), abs(limit)
    if b >= 2 * lim:  # checked first: a zero base with a zero limit gives 1
        return 1.0
    if b <= lim:
        return float(1 - (b / lim) ** LIMIT_EXPONENT)
    return float(1 - ((2 * lim - b) / lim) ** LIMIT_EXPONENT)


def series_status(value: float | None, high: float, med: float, low: float, *,
                  target_achieved: bool) -> str:
    """The series status from its progress value (sdg-build ``get_progress_status``).

    NaN, which no comparison accepts, falls through to ``not_available``.

    >>> series_status(1.11, 0.95, 0.6, 0.0, target_achieved=False)
    'substantial_progress'
    """
    if target_achieved:
        return "target_achieved"
    if value is not None:
        if value >= high:
            return "substantial_progress"
        if med <= value < high:
            return "moderate_progress"
        if low <= value < med:
            return "limited_progress"
        if value < low:
            return "deterioration"
    return "not_available"


def series_score(method: int, value: float | None, high: float, med: float, low: float, *,
                 coefficient: float, target_achieved: bool) -> float | None:
    """The score in [-5, 5] of a series (sdg-build ``SeriesProgress.get_score``).

    The slopes are those of the default thresholds whatever thresholds are
    configured; the thresholds only choose the branch, in sdg-build's order.

    >>> round(series_score(2, 1.1116, 0.95, 0.6, 0.0, coefficient=1.0,
    ...                    target_achieved=False), 4)
    3.6543
    """
    if target_achieved:
        return 5.0
    if value is None:
        return None
    if method == 1:
        return _growth_score(value, high, med, low, coefficient)
    if value >= high or value >= med:
        return min((7.1429 * value) - 4.2857, 5.0)
    if not math.isnan(value):
        return max((4.1667 * value) - 2.5, -5.0)
    return None


def _growth_score(value: float, high: float, med: float, low: float,
                  coefficient: float) -> float | None:
    """Method 1's score; growth above zero is first divided by the limit coefficient."""
    if value < low:
        return max(125 * value - 2.5, -5.0)
    if coefficient == 0:  # the base value is at the limit: holding it is full marks
        return 5.0
    if value >= high:
        return min(500 * value / coefficient - 5, 5.0)
    if value >= med:
        return 250 * value / coefficient - 1.25
    if value >= low:
        return 500 * value / coefficient - 2.5
    return None


#: Lower bounds of the score bands, best first (the top band is closed at 5).
_SCORE_BANDS = (
    ("substantial_progress", 2.5),
    ("moderate_progress", 0.0),
    ("limited_progress", -2.5),
    ("deterioration", -5.0),
)


def status_from_score(score: float | None, *, target_achieved: bool) -> str | None:
    """The status an Open SDG page shows for a (mean) score.

    ``None`` when the score lies outside [-5, 5] (possible with configured
    thresholds): sdg-build then returns nothing and the page shows no status.

    >>> status_from_score(2.5, target_achieved=False), status_from_score(6.0,
    ...                                                                  target_achieved=False)
    ('substantial_progress', None)
    """
    if target_achieved:
        return "target_achieved"
    if score is None:
        return "not_available"
    if score > 5:  # noqa: PLR2004 - the top of the score scale
        return None
    for name, floor in _SCORE_BANDS:
        if score >= floor:
            return name
    return None


def mean_score(scores: list[float]) -> float:
    """The mean of series scores as sdg-build takes it (``numpy.mean``)."""
    return float(np.mean(np.array(scores, dtype=np.float64)))


# --------------------------------------------------------------------------
# Reading the inputs as sdg-build reads its Year/Value table
# --------------------------------------------------------------------------


def as_real(field: str, value: object) -> float:
    """A finite real number (``bool`` refused), as float."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise v.fail("progress_measure", field, f"must be a real number, not "
                     f"{type(value).__name__}", value)
    number = float(value)
    if not math.isfinite(number):
        raise v.fail("progress_measure", field, "must be finite", value)
    return number


def as_year(field: str, value: object) -> int:
    """An int (numpy ints too, ``bool`` refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise v.fail("progress_measure", field, f"must be an int year, not "
                     f"{type(value).__name__}", value)
    return int(value)


def direction_of(data: object, value: object) -> Direction:
    """The direction given, else the Series' indicator's (a mapping needs one)."""
    if value is None:
        if isinstance(data, Series):
            return data.indicator.direction
        raise v.fail("progress_measure", "direction", "is required with a mapping "
                     "('higher'/'positive' or 'lower'/'negative'; sdg-build's default "
                     "is 'negative')", None)
    if isinstance(value, str) and value in _DIRECTIONS:
        return _DIRECTIONS[value]
    direction = v.as_enum(Direction, value)
    if not isinstance(direction, Direction):
        raise v.fail("progress_measure", "direction", "must be a Direction, 'higher', "
                     "'lower', 'positive' or 'negative'", value)
    return direction


def annual_values(data: object, same_year: str) -> dict[int, float]:
    """Year -> value, the way sdg-build reads a ``Year``/``Value`` table."""
    if isinstance(data, Series):
        values: dict[int, float] = {}
        for reading in data:  # in date order: a later reading of a year replaces an earlier
            year = reading.as_of.year
            if year in values and same_year == "refuse":
                raise v.fail("progress_measure", "data",
                             "must hold one reading per year (Open SDG reads annual "
                             "values; pass same_year='latest' to take each year's latest)",
                             year)
            values[year] = float(reading.value)
        return values
    if not isinstance(data, Mapping):
        raise v.fail("progress_measure", "data", "must be a Series or a mapping of year "
                     f"to value, not {type(data).__name__}", data)
    values = {}
    for key, value in data.items():
        year = as_year(f"data[{key!r}]", key)
        if value is None or (isinstance(value, (float, np.floating)) and math.isnan(value)):
            continue  # sdg-build drops missing values
        values[year] = as_real(f"data[{key!r}]", value)
    return values


def thresholds(method: int, overrides: object) -> list[float]:
    """``[high, med, low]``: the method's defaults with sdg-build-style overrides."""
    high, med, low = DEFAULT_THRESHOLDS[method]
    chosen = {"high": high, "med": med, "low": low}
    if overrides is not None:
        if not isinstance(overrides, Mapping):
            raise v.fail("progress_measure", "thresholds", "must be a mapping with keys "
                         "'high', 'med', 'low'", overrides)
        for key, value in overrides.items():
            if key not in chosen:
                raise v.fail("progress_measure", "thresholds",
                             "may only set 'high', 'med' and 'low'", key)
            chosen[key] = as_real(f"thresholds[{key!r}]", value)
    return [chosen["high"], chosen["med"], chosen["low"]]
