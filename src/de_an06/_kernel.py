"""The one numeric kernel: least squares, projection and target crossing per group.

Everything numeric that :mod:`de_an06.analysis` and :mod:`de_an06.batch`
report is computed here, over *grouped* numpy arrays:

* ``starts`` -- int64 index of the first reading of each group, ascending,
  starting at 0; groups are contiguous and non-empty;
* ``days`` -- int64 day numbers (days since 1970-01-01), ascending inside a
  group;
* ``values`` -- float64 values, finite.

A single series is the case of one group (``starts = [0]``); it goes through
exactly the same operations as a group among a million others, so the two
give bit-identical results (the test suite pins this).

Numerics
--------
Time is centred per group before fitting: ``t = day - first_day`` is exact in
int64, then ``tc = t - mean(t)`` and ``yc = value - mean(value)``; slope
``b = sum(tc*yc) / sum(tc**2)``, the residual sum of squares is summed from the
residuals themselves (not ``Syy - b*Sxy``, which cancels for near-perfect
fits). Grouped sums use :func:`numpy.add.reduceat`. Degenerate groups (fewer
than two distinct days) keep NaN in the kernel's arrays and ``False`` in the
``valid`` mask; the public layers turn those into ``None`` or a documented
mask, never a silent NaN.

No input array is modified.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from de_an06._student_t import two_sided_quantile

Float = npt.NDArray[np.float64]
Int = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]

EPS = float(np.finfo(np.float64).eps)
EPOCH = dt.date(1970, 1, 1)
#: Day numbers of the first and last representable :class:`datetime.date`.
MIN_DAY = (dt.date.min - EPOCH).days
MAX_DAY = (dt.date.max - EPOCH).days

#: Largest tolerance (in days) by which a crossing is snapped to a whole day.
MAX_TIE_TOLERANCE = 2.0**-20

# Progress status codes, in the order of :class:`de_an06.ProgressStatus`.
ACHIEVED, ON_TRACK, MODERATE, LIMITED, DETERIORATING, NOT_AVAILABLE = range(6)
#: Open SDG thresholds on the ratio of current to required pace (method 2).
ON_TRACK_FROM = 0.95
MODERATE_FROM = 0.60
LIMITED_FROM = 0.0


class Fit(NamedTuple):
    """Per-group least-squares results (arrays of one entry per group)."""

    n: Int
    first_day: Int
    last_day: Int
    last_value: Float
    mean_offset: Float  # mean(day) - first_day
    mean_value: Float
    sxx: Float
    syy: Float
    ssr: Float
    slope: Float  # NaN where not valid
    valid: Bool  # at least two distinct days

    @property
    def span(self) -> Int:
        """``last_day - first_day``."""
        return self.last_day - self.first_day

    @property
    def scale(self) -> Float:
        """Magnitude of the values: ``|mean| + rms deviation`` (for rounding tests)."""
        return np.abs(self.mean_value) + np.sqrt(self.syy / self.n)


def group_starts(ids: npt.NDArray[np.generic]) -> Int:
    """Start index of each run of equal ids in a sorted id array."""
    if ids.size == 0:
        return np.zeros(0, dtype=np.int64)
    change = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    return np.concatenate((np.zeros(1, dtype=np.int64), change.astype(np.int64)))


def fit(starts: Int, days: Int, values: Float) -> Fit:
    """Centred ordinary least squares of value on day, per group."""
    size = values.shape[0]
    n = np.diff(np.append(starts, size)).astype(np.int64)
    ends = starts + n - 1
    first_day = days[starts]
    last_day = days[ends]
    last_value = values[ends]
    nf = n.astype(np.float64)

    t = (days - np.repeat(first_day, n)).astype(np.float64)
    mean_offset = np.add.reduceat(t, starts) / nf
    t -= np.repeat(mean_offset, n)  # tc, in place on our own temporary
    mean_value = np.add.reduceat(values, starts) / nf
    yc = values - np.repeat(mean_value, n)

    work = t * t
    sxx = np.add.reduceat(work, starts)
    np.multiply(t, yc, out=work)
    sxy = np.add.reduceat(work, starts)
    np.multiply(yc, yc, out=work)
    syy = np.add.reduceat(work, starts)

    valid = sxx > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(valid, sxy / sxx, np.nan)
    # residuals: yc - slope * tc, reusing the buffers
    np.multiply(t, np.repeat(slope, n), out=work)
    np.subtract(yc, work, out=yc)
    np.multiply(yc, yc, out=yc)
    ssr = np.add.reduceat(yc, starts)
    ssr = np.where(valid, ssr, np.nan)
    return Fit(n, first_day, last_day, last_value, mean_offset, mean_value, sxx, syy, ssr,
               slope, valid)


def intercept(f: Fit) -> Float:
    """Fitted value on each group's first day."""
    return f.mean_value - f.slope * f.mean_offset


def residual_variance(f: Fit) -> Float:
    """``SSR / (n - 2)``; NaN where ``n <= 2`` or the fit is not valid."""
    df = f.n - 2
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(f.valid & (df > 0), f.ssr / df, np.nan)


def slope_se(f: Fit) -> Float:
    """Standard error of the slope; NaN where ``n <= 2`` or not valid."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.sqrt(residual_variance(f) / f.sxx)


def constant_values(f: Fit) -> Bool:
    """True where the values are equal within rounding (``Syy`` is noise)."""
    noise = 16.0 * EPS * f.scale
    return f.syy <= f.n * noise * noise


def r_squared(f: Fit) -> Float:
    """``1 - SSR/Syy``; NaN where not valid or where the values are constant."""
    with np.errstate(divide="ignore", invalid="ignore"):
        r2 = 1.0 - f.ssr / f.syy
    return np.where(f.valid & ~constant_values(f), r2, np.nan)


def t_quantiles(df: Int, confidence: float) -> Float:
    """Two-sided Student-t quantiles for each entry of `df` (NaN where ``df <= 0``)."""
    out = np.full(df.shape, np.nan)
    positive = df > 0
    unique, inverse = np.unique(df[positive], return_inverse=True)
    table = np.array([two_sided_quantile(confidence, float(k)) for k in unique],
                     dtype=np.float64)
    out[positive] = table[inverse]
    return out


def predict(f: Fit, day: Int) -> Float:
    """Fitted value on `day` (int64 day numbers, one per group)."""
    return f.mean_value + f.slope * ((day - f.first_day) - f.mean_offset)


def flat(f: Fit, slope: Float) -> Bool:
    """True where `slope` is zero within rounding, relative to the values' scale.

    The change the slope makes over the series' span is compared with the
    rounding noise of the values: ``|slope| * span <= 32 * sqrt(n) * eps * scale``.
    """
    span = np.maximum(f.span, 1).astype(np.float64)
    bound = 32.0 * np.sqrt(f.n.astype(np.float64)) * EPS * f.scale
    return ~(np.abs(slope) * span > bound)


def reach_days(f: Fit, slope: Float, target: Float, sign: Float,
               from_day: Int) -> tuple[Int, Bool]:
    """First whole day on or after `from_day` on which the line meets `target`.

    The line is the one through each group's centroid with the given `slope`
    (the fitted slope, or a bound of its confidence interval). "Meets" is
    ``sign * (line - target) >= 0`` (``sign`` is +1 when higher is better,
    -1 when lower is better).

    Tie rule: the crossing ``x`` (a real day number) is snapped to the whole
    day ``k`` when ``|x - k|`` is within its rounding error, estimated as
    ``64 eps (|x - first| + span + (|target| + scale) / |slope| *
    (1 + |x - mean| / span))`` and capped at :data:`MAX_TIE_TOLERANCE`; a
    line that crosses the target exactly on a day reaches it on that day.

    Returns ``(days, reachable)``. Not reachable: the slope is zero within
    rounding (see :func:`flat`) and the level does not meet the target; the
    line moves away from the target and does not meet it on `from_day`; the
    crossing lies after :data:`MAX_DAY`; or the slope is NaN.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        toward = sign * slope
        is_flat = flat(f, slope)
        offset_from = (from_day - f.first_day).astype(np.float64)
        # crossing, as an offset in days from the first day
        u = f.mean_offset + (target - f.mean_value) / slope
        span = np.maximum(f.span, 1).astype(np.float64)
        error = 64.0 * EPS * (np.abs(u) + span + (np.abs(target) + f.scale) / np.abs(slope)
                              * (1.0 + np.abs(u - f.mean_offset) / span))
        tolerance = np.minimum(error, MAX_TIE_TOLERANCE)
        limit = (MAX_DAY - f.first_day).astype(np.float64)

        rising = ~is_flat & (toward > 0)
        first_after = np.ceil(u - tolerance)
        rising_ok = rising & np.isfinite(u) & (first_after <= limit)
        reach_rising = np.maximum(np.where(rising_ok, first_after, 0.0), offset_from)

        falling = ~is_flat & (toward < 0)
        last_meeting = np.floor(u + tolerance)
        falling_ok = falling & np.isfinite(u) & (offset_from <= last_meeting)

        level_meets = sign * (f.mean_value - target) >= 0
        flat_ok = is_flat & level_meets & ~np.isnan(slope)

    reachable = rising_ok | falling_ok | flat_ok
    offset = np.where(rising_ok, reach_rising, offset_from)
    days = np.where(reachable, offset, 0.0).astype(np.int64) + np.where(reachable, f.first_day, 0)
    return days, reachable


def required_pace(target: Float, latest: Float, units_left: Float) -> Float:
    """``(target - latest) / units_left``; NaN where no unit is left."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(units_left > 0, (target - latest) / units_left, np.nan)


def achieved(latest: Float, target: Float, sign: Float) -> Bool:
    """The latest value meets the target, direction-aware."""
    return sign * (latest - target) >= 0


def status_codes(is_achieved: Bool, ratio: Float) -> npt.NDArray[np.int8]:
    """Open SDG status codes from the current/required pace ratio (NaN: not available)."""
    codes = np.full(ratio.shape, NOT_AVAILABLE, dtype=np.int8)
    codes[ratio < LIMITED_FROM] = DETERIORATING
    codes[ratio >= LIMITED_FROM] = LIMITED
    codes[ratio >= MODERATE_FROM] = MODERATE
    codes[ratio >= ON_TRACK_FROM] = ON_TRACK
    codes[is_achieved] = ACHIEVED
    return codes


def pace_ratio(current_per_day: Float, gap: Float, days_left: Float) -> Float:
    """``current / required`` with both per calendar day: ``current * days_left / gap``.

    The ratio is the same whichever unit (calendar or working day) the paces
    are later expressed in. NaN where it is undefined (no days left, no
    current pace, or a zero gap).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = (days_left > 0) & (gap != 0) & np.isfinite(current_per_day)
        return np.where(ok, current_per_day * days_left / gap, np.nan)


def day_to_date(day: int) -> dt.date:
    """A day number as a :class:`datetime.date`."""
    return EPOCH + dt.timedelta(days=day)


def date_to_day(date: dt.date) -> int:
    """A :class:`datetime.date` as a day number."""
    return (date - EPOCH).days


class Projection(NamedTuple):
    """Per-group forecast quantities (see :func:`project`)."""

    achieved: Bool
    reach_day: Int
    reachable: Bool
    earliest_day: Int
    earliest_ok: Bool
    latest_day: Int
    latest_ok: Bool
    current_pace: Float  # per pace unit; NaN without a trend
    required_pace: Float  # per pace unit; NaN without deadline, when achieved or no unit left
    ratio: Float  # current / required; NaN when not defined
    status: npt.NDArray[np.int8]


def project(f: Fit, *, quantile: Float, target: Float, sign: Float, from_day: Int,
            days_left: Float, units_left: Float) -> Projection:
    """Reach days, paces and status per group.

    Parameters
    ----------
    f : Fit
        The groups' fits.
    quantile : array
        Two-sided Student-t quantile for each group's slope interval (NaN: none).
    target, sign : arrays
        Target value and direction sign (+1 higher is better, -1 lower).
    from_day : int64 array
        First day a reach may fall on (the forecast's ``as_of``).
    days_left : array
        Calendar days from the latest reading to the deadline (NaN: no deadline).
    units_left : array
        Pace units (calendar or working days) in the same window (NaN: no deadline).
    """
    is_achieved = achieved(f.last_value, target, sign)
    reach, reachable = reach_days(f, f.slope, target, sign, from_day)
    se = slope_se(f)
    low, low_ok = reach_days(f, f.slope - quantile * se, target, sign, from_day)
    high, high_ok = reach_days(f, f.slope + quantile * se, target, sign, from_day)
    interval = ~np.isnan(quantile * se) & ~is_achieved
    low_ok &= interval
    high_ok &= interval
    earliest_ok = low_ok | high_ok
    earliest = np.where(low_ok & high_ok, np.minimum(low, high), np.where(low_ok, low, high))
    latest_ok = low_ok & high_ok
    latest = np.maximum(low, high)

    current_per_day = np.where(f.valid, np.where(flat(f, f.slope), 0.0, f.slope), np.nan)
    gap = target - f.last_value
    ratio = pace_ratio(current_per_day, gap, days_left)
    ratio = np.where(is_achieved, np.nan, ratio)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_unit = np.where(units_left > 0, days_left / units_left, np.nan)
    current = np.where(np.isnan(days_left), current_per_day, current_per_day * per_unit)
    required = np.where(is_achieved, np.nan, required_pace(target, f.last_value, units_left))
    return Projection(
        achieved=is_achieved,
        reach_day=reach,
        reachable=reachable & ~is_achieved,
        earliest_day=earliest,
        earliest_ok=earliest_ok,
        latest_day=latest,
        latest_ok=latest_ok,
        current_pace=current,
        required_pace=required,
        ratio=ratio,
        status=status_codes(is_achieved, ratio),
    )
