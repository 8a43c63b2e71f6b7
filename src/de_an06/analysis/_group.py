"""The per-series arithmetic of the kernel, written once for many series and for one.

Everything the kernel computes after its sums (slope, standard error,
interval, r², flatness, reach days, paces, status) is arithmetic on a few
numbers per series. It is written here once, over a *namespace* ``xp`` of
primitive operations, and runs two ways:

* :data:`VECTOR` -- numpy: every argument is an array with one entry per
  series (many series at once, :mod:`de_an06.batch`);
* :data:`SCALAR` -- plain Python numbers (one series: :func:`de_an06.trend`
  and :func:`de_an06.forecast`), which avoids numpy's fixed cost per call on
  arrays of one element.

Both perform the same IEEE 754 double operations in the same order: ``+``,
``-``, ``*`` and ``/`` (through ``xp.div``), ``sqrt``, comparisons, ``abs``,
``ceil`` and ``floor`` are correctly rounded or exact in numpy and in Python
alike, so a series gets bit-identical numbers either way (the test suite
pins this on random series). The scalar primitives reproduce numpy's
results where Python's differ: division by zero gives ``inf`` or NaN
instead of raising, ``sqrt`` of a negative number and ``ceil``/``floor`` of
NaN give NaN, ``minimum``/``maximum`` propagate NaN, signed zeros are kept.

The rules the functions follow are documented in
:mod:`de_an06.analysis._kernel`, which exposes them over arrays.
"""

# The functions here take numpy arrays or Python numbers alike (Any), and the
# columns of a fit positionally, as tuples of them.
# ruff: noqa: ANN401, PLR0917

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable
from typing import Any

import numpy as np

NAN = math.nan
EPS = float(np.finfo(np.float64).eps)

#: Below this share of Syy, the residual sum of squares is summed from the residuals
#: (``Syy - b*Sxy`` would lose more than three digits); above it the shortcut is used.
RESIDUAL_PASS_BELOW = 1e-3

#: Largest tolerance (in days) by which a crossing is snapped to a whole day.
MAX_TIE_TOLERANCE = 2.0**-20

# Progress status codes, in the order of :class:`de_an06.ProgressStatus`.
ACHIEVED, ON_TRACK, MODERATE, LIMITED, DETERIORATING, NOT_AVAILABLE = range(6)
#: Open SDG thresholds on the ratio of current to required pace (method 2).
ON_TRACK_FROM = 0.95
MODERATE_FROM = 0.60
LIMITED_FROM = 0.0

#: Day number (days since 1970-01-01) of ``datetime.date.max``, 9999-12-31.
MAX_DAY = (dt.date.max - dt.date(1970, 1, 1)).days


class Vector:
    """Primitives over numpy arrays (call inside ``np.errstate(all="ignore")``)."""

    @staticmethod
    def where(condition: Any, a: Any, b: Any) -> Any:
        """`a` where `condition`, else `b`."""
        return np.where(condition, a, b)

    @staticmethod
    def sqrt(x: Any) -> Any:
        """Square root."""
        return np.sqrt(x)

    @staticmethod
    def abs(x: Any) -> Any:
        """Absolute value."""
        return np.abs(x)

    @staticmethod
    def ceil(x: Any) -> Any:
        """Smallest whole number >= `x`."""
        return np.ceil(x)

    @staticmethod
    def floor(x: Any) -> Any:
        """Largest whole number <= `x`."""
        return np.floor(x)

    @staticmethod
    def isnan(x: Any) -> Any:
        """True where NaN."""
        return np.isnan(x)

    @staticmethod
    def isfinite(x: Any) -> Any:
        """True where finite."""
        return np.isfinite(x)

    @staticmethod
    def not_(x: Any) -> Any:
        """Logical not."""
        return np.logical_not(x)

    @staticmethod
    def minimum(a: Any, b: Any) -> Any:
        """Smaller of the two (NaN propagates)."""
        return np.minimum(a, b)

    @staticmethod
    def maximum(a: Any, b: Any) -> Any:
        """Larger of the two (NaN propagates)."""
        return np.maximum(a, b)

    @staticmethod
    def div(a: Any, b: Any) -> Any:
        """``a / b`` (``inf`` or NaN where `b` is zero)."""
        return np.true_divide(a, b)

    @staticmethod
    def to_float(x: Any) -> Any:
        """As float64."""
        return np.asarray(x, dtype=np.float64)

    @staticmethod
    def to_int(x: Any) -> Any:
        """Truncated to int64 (finite values)."""
        return np.asarray(x).astype(np.int64)

    @staticmethod
    def each(func: Callable[[Any], tuple[Any, ...]], args: tuple[Any, ...]) -> tuple[Any, ...]:
        """``func`` of each of `args`, as ``(first results, second results, ...)``.

        The arguments are stacked and `func` runs once over them all (the
        same operations on each entry, fewer calls).
        """
        return tuple(tuple(rows) for rows in func(np.stack(args)))


class Scalar:
    """The same primitives over Python numbers, with numpy's results."""

    @staticmethod
    def where(condition: object, a: object, b: object) -> Any:
        """`a` if `condition` else `b`."""
        return a if condition else b

    @staticmethod
    def sqrt(x: float) -> float:
        """Square root; NaN for a negative number or NaN."""
        return math.sqrt(x) if x >= 0.0 else NAN

    abs = staticmethod(abs)  # the builtins themselves: no call of ours in between

    @staticmethod
    def ceil(x: float) -> float:
        """Smallest whole number >= `x`, as a float (NaN and infinities kept, -0.0 kept)."""
        if not math.isfinite(x):
            return x
        return math.copysign(float(math.ceil(x)), x)

    @staticmethod
    def floor(x: float) -> float:
        """Largest whole number <= `x`, as a float (NaN and infinities kept, -0.0 kept)."""
        if not math.isfinite(x):
            return x
        return math.copysign(float(math.floor(x)), x)

    isnan = staticmethod(math.isnan)
    isfinite = staticmethod(math.isfinite)
    not_ = staticmethod(operator.not_)

    @staticmethod
    def minimum(a: float, b: float) -> float:
        """Numpy's ``minimum``: NaN if either is NaN, else the smaller (`b` on ties)."""
        return a if a < b or a != a else b  # noqa: PLR0124 - NaN test

    @staticmethod
    def maximum(a: float, b: float) -> float:
        """Numpy's ``maximum``: NaN if either is NaN, else the larger (`b` on ties)."""
        return a if a > b or a != a else b  # noqa: PLR0124 - NaN test

    @staticmethod
    def div(a: float, b: float) -> float:
        """IEEE division: ``inf`` or NaN where the divisor is zero, never an exception."""
        if b != 0:
            return a / b
        if a == 0 or a != a:  # noqa: PLR0124 - NaN test
            return NAN
        return math.copysign(math.inf, a) * math.copysign(1.0, b)

    to_float = staticmethod(float)
    to_int = staticmethod(int)  # truncates (finite values)

    @staticmethod
    def each(func: Callable[[Any], tuple[Any, ...]], args: tuple[Any, ...]) -> tuple[Any, ...]:
        """``func`` of each of `args`, as ``(first results, second results, ...)``."""
        return tuple(zip(*(func(arg) for arg in args), strict=True))


VECTOR = Vector()
SCALAR = Scalar()
Space = Vector | Scalar


# The functions below take and return per-group quantities: numpy arrays with
# VECTOR, Python numbers with SCALAR. They are typed Any for that reason.


def fit_tail(xp: Space, sxx: Any, sxy: Any, syy: Any) -> tuple[Any, Any, Any, Any]:
    """``(valid, slope, ssr, need)`` from the centred sums.

    ``ssr`` is the shortcut ``Syy - b*Sxy`` (NaN where not valid); ``need``
    marks the groups where it would lose more than three digits, whose
    residuals must be summed instead.
    """
    valid = sxx > 0
    slope = xp.where(valid, xp.div(sxy, sxx), NAN)
    shortcut = syy - slope * sxy
    need = xp.not_(shortcut >= RESIDUAL_PASS_BELOW * syy) & valid
    return valid, slope, xp.where(valid, shortcut, NAN), need


def in_range(xp: Space, syy: Any) -> Any:
    """Whether the fit of a group could be computed in float64: its ``Syy`` is finite.

    The one input rule of the fit. Values too large for it (a sum, a
    deviation from the mean or its square beyond the largest float64) make
    ``Syy`` infinite or NaN: a NaN or an infinity anywhere in the sums carries
    into ``Syy``, since a non-finite mean makes every deviation non-finite.
    While ``Syy`` is finite, so are the mean, ``Sxy`` (below ``sqrt(Sxx Syy)``),
    the slope and the scale that the flatness rule uses.
    """
    return xp.isfinite(syy)


def scale(xp: Space, n: Any, mean_value: Any, syy: Any) -> Any:
    """Magnitude of the values: ``|mean| + rms deviation``."""
    return xp.abs(mean_value) + xp.sqrt(syy / n)


def flat(xp: Space, n: Any, span: Any, size: Any, slope: Any) -> Any:
    """Slope zero within rounding: ``|slope| * span <= 32 sqrt(n) eps scale``."""
    days = xp.to_float(xp.maximum(span, 1))
    bound = 32.0 * xp.sqrt(xp.to_float(n)) * EPS * size
    return xp.not_(xp.abs(slope) * days > bound)


def constant(n: Any, syy: Any, size: Any) -> Any:
    """Values equal within rounding: ``Syy <= n (16 eps scale)**2``."""
    noise = 16.0 * EPS * size
    return syy <= n * noise * noise


def residual_variance(xp: Space, n: Any, valid: Any, ssr: Any) -> Any:
    """``SSR / (n - 2)``; NaN where ``n <= 2`` or not valid."""
    df = n - 2
    return xp.where(valid & (df > 0), xp.div(ssr, df), NAN)


def r_squared(xp: Space, valid: Any, syy: Any, ssr: Any, is_constant: Any) -> Any:
    """``1 - SSR/Syy``; NaN where not valid or constant."""
    return xp.where(valid & xp.not_(is_constant), 1.0 - xp.div(ssr, syy), NAN)


def slope_interval(slope: Any, se: Any, quantile: Any) -> tuple[Any, Any]:
    """The confidence interval of the slope: ``slope -/+ quantile * se``.

    The one place this interval is computed: :class:`de_an06.Trend`,
    :class:`de_an06.batch.TrendTable` and the reach-date interval of
    ``_kernel.project`` all take it from :func:`trend`. NaN where the
    standard error is (two readings, or not valid).
    """
    half = quantile * se
    return slope - half, slope + half


def trend(xp: Space, n: Any, span: Any, mean_offset: Any, mean_value: Any,
          sxx: Any, syy: Any, ssr: Any, slope: Any, valid: Any,
          quantile: Any) -> tuple[Any, ...]:
    """The fields of ``_kernel.TrendArrays``, in order.

    `quantile` is the two-sided Student-t quantile for ``n - 2`` degrees of
    freedom (NaN where there are none).
    """
    size = scale(xp, n, mean_value, syy)
    variance = residual_variance(xp, n, valid, ssr)
    se = xp.sqrt(xp.div(variance, sxx))
    return (mean_value - slope * mean_offset, se, variance,
            r_squared(xp, valid, syy, ssr, constant(n, syy, size)),
            flat(xp, n, span, size, slope), quantile, *slope_interval(slope, se, quantile),
            size)


def line(xp: Space, n: Any, first_day: Any, span: Any, mean_offset: Any,
         mean_value: Any, size: Any, target: Any, sign: Any, from_day: Any) -> tuple[Any, ...]:
    """The terms of the reach rule that do not depend on the slope (for :func:`reach`)."""
    root = xp.sqrt(xp.to_float(n))
    # a flat line's level is the mean, known to within its rounding noise
    level_meets = sign * (mean_value - target) >= -(16.0 * root * EPS * size)
    return (first_day, sign, mean_offset, xp.to_float(xp.maximum(span, 1)),
            32.0 * root * EPS * size, target - mean_value, xp.abs(target) + size,
            xp.to_float(from_day - first_day), xp.to_float(MAX_DAY - first_day), level_meets)


def reach(xp: Space, terms: tuple[Any, ...], slope: Any) -> tuple[Any, Any]:
    """``(day, reachable)``: the first whole day on or after `from_day` the line meets `target`.

    `terms` come from :func:`line`. See
    :func:`de_an06.analysis._kernel.reach_days` for the rule.
    """
    first_day, sign, mean_offset, days, bound, gap, height, offset_from, limit, level_meets = terms
    moving = xp.abs(slope) * days > bound  # not flat (see flat)
    toward = sign * slope
    # crossing, as an offset in days from the first day
    u = mean_offset + xp.div(gap, slope)
    error = 64.0 * EPS * (xp.abs(u) + days + xp.div(height, xp.abs(slope))
                          * (1.0 + xp.abs(u - mean_offset) / days))
    tolerance = xp.minimum(error, MAX_TIE_TOLERANCE)
    crossing = moving & xp.isfinite(u)

    first_after = xp.ceil(u - tolerance)
    rising_ok = crossing & (toward > 0) & (first_after <= limit)
    last_meeting = xp.floor(u + tolerance)
    falling_ok = crossing & (toward < 0) & (offset_from <= last_meeting)
    flat_ok = xp.not_(moving | xp.isnan(slope)) & level_meets

    reachable = rising_ok | falling_ok | flat_ok
    # a whole number of days, finite: on or after the crossing, or from_day
    offset = xp.where(rising_ok, xp.maximum(first_after, offset_from), offset_from)
    day = xp.where(reachable, xp.to_int(offset) + first_day, 0)
    return day, reachable


def status(xp: Space, is_achieved: Any, ratio: Any) -> Any:
    """Open SDG status code from the current/required pace ratio (NaN: not available).

    Counted down from :data:`NOT_AVAILABLE`: one step for a ratio that is a
    number, and one for each threshold it reaches (``LIMITED`` is
    ``DETERIORATING - 1`` and so on); :data:`ACHIEVED` overrides.
    """
    code = (NOT_AVAILABLE - xp.not_(xp.isnan(ratio)) - (ratio >= LIMITED_FROM)
            - (ratio >= MODERATE_FROM) - (ratio >= ON_TRACK_FROM))
    return xp.where(is_achieved, ACHIEVED, code)


def required_pace(xp: Space, target: Any, latest: Any, units_left: Any) -> Any:
    """``(target - latest) / units_left``; NaN where no unit is left."""
    return xp.where(units_left > 0, xp.div(target - latest, units_left), NAN)


def pace_ratio(xp: Space, current_per_day: Any, gap: Any, days_left: Any) -> Any:
    """``current * days_left / gap``; NaN where undefined."""
    ok = (days_left > 0) & (gap != 0) & xp.isfinite(current_per_day)
    return xp.where(ok, xp.div(current_per_day * days_left, gap), NAN)


def project(xp: Space, n: Any, first_day: Any, span: Any, mean_offset: Any,
            mean_value: Any, size: Any, last_value: Any, slope: Any, valid: Any,
            is_flat: Any, ci_low: Any, ci_high: Any, *, target: Any, sign: Any,
            from_day: Any, days_left: Any, units_left: Any) -> tuple[Any, ...]:
    """Reach days, paces and status of each group (fields of ``_kernel.Projection``)."""
    terms = line(xp, n, first_day, span, mean_offset, mean_value, size, target, sign, from_day)
    is_achieved = sign * (last_value - target) >= 0
    (reach_day, low, high), (reachable, low_ok, high_ok) = xp.each(
        lambda slopes: reach(xp, terms, slopes), (slope, ci_low, ci_high))
    interval = xp.not_(xp.isnan(ci_low) | is_achieved)
    low_ok = low_ok & interval
    high_ok = high_ok & interval
    latest_ok = low_ok & high_ok
    earliest = xp.where(latest_ok, xp.minimum(low, high), xp.where(low_ok, low, high))

    current_per_day = xp.where(valid, xp.where(is_flat, 0.0, slope), NAN)
    ratio = xp.where(is_achieved, NAN,
                     pace_ratio(xp, current_per_day, target - last_value, days_left))
    # days per pace unit over the window; an empty window (deadline on the
    # latest reading's date) leaves the pace per calendar day
    per_unit = xp.where(units_left > 0, xp.div(days_left, units_left),
                        xp.where(days_left == 0, 1.0, NAN))
    current = xp.where(xp.isnan(days_left), current_per_day, current_per_day * per_unit)
    required = xp.where(is_achieved, NAN, required_pace(xp, target, last_value, units_left))
    return (is_achieved, reach_day, reachable & xp.not_(is_achieved), earliest,
            low_ok | high_ok, xp.maximum(low, high), latest_ok, current, required, ratio,
            status(xp, is_achieved, ratio))
