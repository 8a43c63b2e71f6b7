"""The one numeric kernel: least squares, projection and target crossing per group.

Everything numeric that :mod:`de_an06.analysis` and :mod:`de_an06.batch`
report is computed here, over *grouped* numpy arrays (batch reaches it
through :mod:`de_an06.analysis.rows`):

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
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from de_an06.analysis._student_t import two_sided_quantile

Float = npt.NDArray[np.float64]
Int = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]

EPS = float(np.finfo(np.float64).eps)
EPOCH = dt.date(1970, 1, 1)
#: Day numbers of the first and last representable :class:`datetime.date`.
MIN_DAY = (dt.date.min - EPOCH).days
MAX_DAY = (dt.date.max - EPOCH).days

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
    """Centred ordinary least squares of value on day, per group.

    Memory: three float64 buffers of the size of the input (24 bytes a
    reading) plus, for groups of unequal sizes, one transient repeat of a
    per-group array. Groups of equal size are processed as a 2-D view, with
    broadcasting instead of repeats; the sums are the same
    :func:`numpy.add.reduceat` calls either way, so the results do not depend
    on which path ran.
    """
    size = values.shape[0]
    n = np.diff(np.append(starts, size)).astype(np.int64)
    ends = starts + n - 1
    first_day = days[starts]
    last_day = days[ends]
    last_value = values[ends]
    nf = n.astype(np.float64)

    equal = n.size > 0 and bool((n == n[0]).all())
    if equal:
        shape = (int(n.size), int(n[0]))
        day_grid: npt.NDArray[Any] = days.reshape(shape)
        value_grid: npt.NDArray[Any] = values.reshape(shape)

        def spread(per_group: Float) -> Float:
            return per_group[:, np.newaxis]
    else:
        day_grid, value_grid = days, values

        def spread(per_group: Float) -> Float:
            return np.repeat(per_group, n)

    def total(buffer: Float) -> Float:
        return np.add.reduceat(buffer.reshape(-1), starts)

    # Day sums are exact in int64; the mean day is first_day + mean_offset.
    mean_offset = (np.add.reduceat(days, starts) - n * first_day) / nf
    t = np.subtract(day_grid, spread(first_day + mean_offset), dtype=np.float64)
    mean_value = np.add.reduceat(values, starts) / nf
    yc = np.subtract(value_grid, spread(mean_value))

    work = np.multiply(t, t)
    sxx = total(work)
    np.multiply(t, yc, out=work)
    sxy = total(work)
    np.multiply(yc, yc, out=work)
    syy = total(work)
    del work

    valid = sxx > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(valid, sxy / sxx, np.nan)
        # SSR = Syy - b Sxy, exact algebra; it cancels when the fit is nearly
        # perfect, so there (and only there) the residuals are summed instead.
        shortcut = syy - slope * sxy
    need = ~(shortcut >= RESIDUAL_PASS_BELOW * syy) & valid
    ssr = np.where(valid, shortcut, np.nan)
    if need.any():
        # residuals yc - slope * tc, squared, reusing t and yc
        t *= spread(slope)
        yc -= t
        del t
        yc *= yc
        ssr = np.where(need, total(yc), ssr)
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
    if df.shape == (1,):  # one series: skip the grouping
        return np.array([two_sided_quantile(confidence, float(df[0])) if df[0] > 0
                         else np.nan])
    out = np.full(df.shape, np.nan)
    positive = df > 0
    unique, inverse = np.unique(df[positive], return_inverse=True)
    table = np.array([two_sided_quantile(confidence, float(k)) for k in unique],
                     dtype=np.float64)
    out[positive] = table[inverse]
    return out


class TrendArrays(NamedTuple):
    """Per-group trend quantities derived from a :class:`Fit` (NaN where undefined)."""

    intercept: Float
    slope_se: Float
    residual_variance: Float
    r_squared: Float
    flat: Bool
    quantile: Float  # two-sided Student-t quantile at the requested confidence
    slope_ci_low: Float  # the slope's confidence interval (see slope_interval)
    slope_ci_high: Float


def slope_interval(slope: Float, se: Float, quantile: Float) -> tuple[Float, Float]:
    """The confidence interval of the slope: ``slope -/+ quantile * se``.

    The one place this interval is computed: :class:`de_an06.Trend`,
    :class:`de_an06.batch.TrendTable` and the reach-date interval of
    :func:`project` all take it from :func:`trend_arrays`. NaN where the
    standard error is (two readings, or not valid).
    """
    half = quantile * se
    return slope - half, slope + half


def trend_arrays(f: Fit, confidence: float) -> TrendArrays:
    """Everything a :class:`de_an06.Trend` reports, for every group at once."""
    variance = residual_variance(f)
    with np.errstate(invalid="ignore"):
        se = np.sqrt(variance / f.sxx)
    quantile = t_quantiles(f.n - 2, confidence)
    low, high = slope_interval(f.slope, se, quantile)
    return TrendArrays(
        intercept=intercept(f),
        slope_se=se,
        residual_variance=variance,
        r_squared=r_squared(f),
        flat=flat(f, f.slope),
        quantile=quantile,
        slope_ci_low=low,
        slope_ci_high=high,
    )


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

    A flat line (slope zero within rounding, see :func:`flat`) meets the
    target when its level, the mean value, does within the mean's rounding
    noise (``16 sqrt(n) eps scale``).

    Returns ``(days, reachable)``, with ``days`` 0 where not reachable. Not
    reachable: the line is flat and its
    level does not meet the target; the
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

        # a flat line's level is the mean, known to within its rounding noise
        noise = 16.0 * np.sqrt(f.n.astype(np.float64)) * EPS * f.scale
        level_meets = sign * (f.mean_value - target) >= -noise
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


def project(f: Fit, a: TrendArrays, *, target: Float, sign: Float, from_day: Int,
            days_left: Float, units_left: Float) -> Projection:
    """Reach days, paces and status per group.

    Parameters
    ----------
    f : Fit
        The groups' fits.
    a : TrendArrays
        Their derived quantities (slope interval, flatness).
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
    slopes = np.stack((f.slope, a.slope_ci_low, a.slope_ci_high))
    days, ok = reach_days(f, slopes, target, sign, from_day)
    reach, low, high = days
    reachable, low_ok, high_ok = ok
    interval = ~np.isnan(a.slope_ci_low) & ~is_achieved
    low_ok &= interval
    high_ok &= interval
    earliest_ok = low_ok | high_ok
    earliest = np.where(low_ok & high_ok, np.minimum(low, high), np.where(low_ok, low, high))
    latest_ok = low_ok & high_ok
    latest = np.maximum(low, high)

    current_per_day = np.where(f.valid, np.where(a.flat, 0.0, f.slope), np.nan)
    gap = target - f.last_value
    ratio = pace_ratio(current_per_day, gap, days_left)
    ratio = np.where(is_achieved, np.nan, ratio)
    with np.errstate(divide="ignore", invalid="ignore"):
        # days per pace unit over the window; an empty window (deadline on the
        # latest reading's date) leaves the pace per calendar day
        per_unit = np.where(units_left > 0, days_left / units_left,
                            np.where(days_left == 0, 1.0, np.nan))
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
