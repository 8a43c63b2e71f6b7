"""The one numeric kernel: least squares, projection and target crossing per group.

Everything numeric that :mod:`de_an06.analysis` and :mod:`de_an06.batch`
report is computed here, over *grouped* numpy arrays (batch reaches it
through :mod:`de_an06.analysis.rows`):

* ``starts`` -- int64 index of the first reading of each group, ascending,
  starting at 0; groups are contiguous and non-empty;
* ``days`` -- int64 day numbers (days since 1970-01-01), ascending inside a
  group;
* ``values`` -- float64 values, finite.

A single series is the case of one group; :func:`fit_columns`, :func:`trend_one`
and :func:`project_one` compute it with the same floating-point operations,
in the same order, as a group among a million others, so the two give
bit-identical results (the test suite pins this).

The fit (the passes over the readings, in blocks that stay in the cache)
is :mod:`de_an06.analysis._fit`; the arithmetic per group after it (trend
quantities, reach days, paces, statuses) is :mod:`de_an06.analysis._group`,
written once for arrays of groups and for the numbers of one group. This
module gives both their array interface, and runs the arithmetic over
blocks of :data:`BLOCK_GROUPS` groups for the same reason as the fit.

No input array is modified.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from de_an06.analysis import _group as g
from de_an06.analysis._fit import (
    BLOCK_READINGS,
    Fit,
    OneFit,
    fit,
    fit_columns,
    fit_one,
    group_starts,
    out_of_range,
)
from de_an06.analysis._group import (
    ACHIEVED,
    DETERIORATING,
    EPS,
    LIMITED,
    LIMITED_FROM,
    MAX_DAY,
    MAX_TIE_TOLERANCE,
    MODERATE,
    MODERATE_FROM,
    NOT_AVAILABLE,
    ON_TRACK,
    ON_TRACK_FROM,
    RESIDUAL_PASS_BELOW,
    SCALAR,
    VECTOR,
    slope_interval,
)
from de_an06.analysis._student_t import two_sided_quantile

__all__ = [
    "ACHIEVED",
    "BLOCK_GROUPS",
    "BLOCK_READINGS",
    "DETERIORATING",
    "EPOCH",
    "EPS",
    "LIMITED",
    "LIMITED_FROM",
    "MAX_DAY",
    "MAX_TIE_TOLERANCE",
    "MIN_DAY",
    "MODERATE",
    "MODERATE_FROM",
    "NOT_AVAILABLE",
    "ON_TRACK",
    "ON_TRACK_FROM",
    "RESIDUAL_PASS_BELOW",
    "Fit",
    "OneFit",
    "OneProjection",
    "OneTrend",
    "Projection",
    "TrendArrays",
    "achieved",
    "constant_values",
    "date_to_day",
    "day_to_date",
    "fit",
    "fit_columns",
    "fit_one",
    "flat",
    "group_starts",
    "intercept",
    "out_of_range",
    "pace_ratio",
    "project",
    "project_one",
    "r_squared",
    "reach_days",
    "required_pace",
    "residual_variance",
    "slope_interval",
    "slope_se",
    "status_code",
    "status_codes",
    "t_quantiles",
    "trend_arrays",
    "trend_one",
]

Float = npt.NDArray[np.float64]
Int = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]

EPOCH = dt.date(1970, 1, 1)
_EPOCH_ORDINAL = EPOCH.toordinal()
#: Day number of the first representable :class:`datetime.date` (that of the last is
#: :data:`MAX_DAY`).
MIN_DAY = (dt.date.min - EPOCH).days

#: Groups per block of the arithmetic per group of :func:`trend_arrays` and :func:`project`.
BLOCK_GROUPS = 1 << 14


def _by_blocks(func: Callable[..., tuple[Any, ...]], count: int,
               args: tuple[Any, ...]) -> list[npt.NDArray[Any]]:
    """`func`, which works group by group, on blocks of :data:`BLOCK_GROUPS` groups.

    Each of `args` holds one entry per group; the results are put together
    into arrays of `count` entries. Blocks keep the temporaries of the
    arithmetic in the processor's cache; the results of one dtype are rows
    of one 2-D array, which the system maps in large pages (a fresh array
    per result costs more in page faults than the arithmetic).
    """
    if count <= BLOCK_GROUPS:
        return [np.asarray(x) for x in func(*args)]
    out: list[npt.NDArray[Any]] = []
    for lo in range(0, count, BLOCK_GROUPS):
        part = [np.asarray(x) for x in func(*(a[lo:lo + BLOCK_GROUPS] for a in args))]
        if not out:
            out = _rows_like(part, count)
        for column, x in zip(out, part, strict=True):
            column[lo:lo + BLOCK_GROUPS] = x
    return out


def _rows_like(parts: list[npt.NDArray[Any]], count: int) -> list[npt.NDArray[Any]]:
    """Empty arrays of `count` entries with the dtypes of `parts`, as rows of 2-D arrays."""
    kinds = [x.dtype for x in parts]
    blocks = {kind: iter(np.empty((kinds.count(kind), count), dtype=kind)) for kind in kinds}
    return [next(blocks[kind]) for kind in kinds]


def intercept(f: Fit) -> Float:
    """Fitted value on each group's first day."""
    return f.mean_value - f.slope * f.mean_offset


def residual_variance(f: Fit) -> Float:
    """``SSR / (n - 2)``; NaN where ``n <= 2`` or the fit is not valid."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return g.residual_variance(VECTOR, f.n, f.valid, f.ssr)  # type: ignore[no-any-return]


def slope_se(f: Fit) -> Float:
    """Standard error of the slope; NaN where ``n <= 2`` or not valid."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.sqrt(residual_variance(f) / f.sxx)


def constant_values(f: Fit) -> Bool:
    """True where the values are equal within rounding (``Syy`` is noise)."""
    return g.constant(f.n, f.syy, f.scale)  # type: ignore[no-any-return]


def r_squared(f: Fit) -> Float:
    """``1 - SSR/Syy``; NaN where not valid or where the values are constant."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return g.r_squared(VECTOR, f.valid, f.syy, f.ssr,  # type: ignore[no-any-return]
                           constant_values(f))


#: Largest degrees of freedom :func:`t_quantiles` looks up in a table indexed by them.
_TABLE_UP_TO = 1 << 16


def t_quantiles(df: Int, confidence: float) -> Float:
    """Two-sided Student-t quantiles for each entry of `df` (NaN where ``df <= 0``).

    Each distinct ``df`` is computed once (:func:`two_sided_quantile`), then
    looked up: in a table indexed by ``df`` up to :data:`_TABLE_UP_TO`, by
    :func:`numpy.unique` beyond.
    """
    out = np.full(df.shape, np.nan)
    positive = df > 0
    wanted = df[positive]
    if wanted.size == 0:
        return out
    top = int(wanted.max())
    if top <= _TABLE_UP_TO:
        present = np.zeros(top + 1, dtype=bool)
        present[wanted] = True
        distinct = np.flatnonzero(present)
        table = np.full(top + 1, np.nan)
        table[distinct] = [two_sided_quantile(confidence, float(k)) for k in distinct.tolist()]
        return table[np.maximum(df, 0)]  # entry 0 is NaN
    distinct, inverse = np.unique(wanted, return_inverse=True)
    quantiles = [two_sided_quantile(confidence, float(k)) for k in distinct.tolist()]
    out[positive] = np.array(quantiles)[inverse.reshape(-1)]
    return out


class OneTrend(NamedTuple):
    """:class:`TrendArrays` of one group, as Python numbers."""

    intercept: float
    slope_se: float
    residual_variance: float
    r_squared: float
    flat: bool
    quantile: float
    slope_ci_low: float
    slope_ci_high: float
    scale: float


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
    scale: Float  # |mean value| + rms deviation, for the rounding tests

    def row(self, i: int) -> OneTrend:
        """Group `i` as Python numbers."""
        return OneTrend(*(column[i].item() for column in self))


def _trend_args(f: Fit | OneFit) -> tuple[Any, ...]:
    """What :func:`de_an06.analysis._group.trend` takes of a fit (all but the quantile)."""
    return (f.n, f.last_day - f.first_day, f.mean_offset, f.mean_value, f.sxx, f.syy, f.ssr,
            f.slope, f.valid)


def trend_arrays(f: Fit, confidence: float) -> TrendArrays:
    """Everything a :class:`de_an06.Trend` reports, for every group at once."""
    quantile = t_quantiles(f.n - 2, confidence)

    def arithmetic(*args: Any) -> tuple[Any, ...]:  # noqa: ANN401
        return g.trend(VECTOR, *args)

    with np.errstate(all="ignore"):
        return TrendArrays(*_by_blocks(arithmetic, f.n.shape[0], (*_trend_args(f), quantile)))


def trend_one(f: OneFit, confidence: float) -> OneTrend:
    """:func:`trend_arrays` of one group, with the same operations, as Python numbers."""
    df = f.n - 2
    quantile = two_sided_quantile(confidence, float(df)) if df > 0 else np.nan
    return OneTrend(*g.trend(SCALAR, *(*_trend_args(f), quantile)))


def flat(f: Fit, slope: Float) -> Bool:
    """True where `slope` is zero within rounding, relative to the values' scale.

    The change the slope makes over the series' span is compared with the
    rounding noise of the values: ``|slope| * span <= 32 * sqrt(n) * eps * scale``.
    """
    return g.flat(VECTOR, f.n, f.span, f.scale, slope)  # type: ignore[no-any-return]


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
    with np.errstate(all="ignore"):
        terms = g.line(VECTOR, f.n, f.first_day, f.span, f.mean_offset, f.mean_value, f.scale,
                       target, sign, from_day)
        return g.reach(VECTOR, terms, slope)


def required_pace(target: Float, latest: Float, units_left: Float) -> Float:
    """``(target - latest) / units_left``; NaN where no unit is left."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return g.required_pace(VECTOR, target, latest, units_left)  # type: ignore[no-any-return]


def achieved(latest: Float, target: Float, sign: Float) -> Bool:
    """The latest value meets the target, direction-aware."""
    return sign * (latest - target) >= 0


def status_codes(is_achieved: Bool, ratio: Float) -> npt.NDArray[np.int8]:
    """Open SDG status codes from the current/required pace ratio (NaN: not available)."""
    return np.asarray(g.status(VECTOR, is_achieved, ratio), dtype=np.int8)


def status_code(is_achieved: bool, ratio: float) -> int:
    """:func:`status_codes` of one group."""
    return g.status(SCALAR, is_achieved, ratio)  # type: ignore[no-any-return]


def pace_ratio(current_per_day: Float, gap: Float, days_left: Float) -> Float:
    """``current / required`` with both per calendar day: ``current * days_left / gap``.

    The ratio is the same whichever unit (calendar or working day) the paces
    are later expressed in. NaN where it is undefined (no days left, no
    current pace, or a zero gap).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return g.pace_ratio(VECTOR, current_per_day, gap, days_left)  # type: ignore[no-any-return]


def day_to_date(day: int) -> dt.date:
    """A day number as a :class:`datetime.date`."""
    return dt.date.fromordinal(_EPOCH_ORDINAL + day)


def date_to_day(date: dt.date) -> int:
    """A :class:`datetime.date` as a day number."""
    return (date - EPOCH).days


class OneProjection(NamedTuple):
    """:class:`Projection` of one group, as Python numbers."""

    achieved: bool
    reach_day: int
    reachable: bool
    earliest_day: int
    earliest_ok: bool
    latest_day: int
    latest_ok: bool
    current_pace: float
    required_pace: float
    ratio: float
    status: int


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

    def row(self, i: int) -> OneProjection:
        """Group `i` as Python numbers."""
        return OneProjection(*(column[i].item() for column in self))


def _project_args(f: Fit | OneFit, a: TrendArrays | OneTrend) -> tuple[Any, ...]:
    return (f.n, f.first_day, f.last_day - f.first_day, f.mean_offset, f.mean_value, a.scale,
            f.last_value, f.slope, f.valid, a.flat, a.slope_ci_low, a.slope_ci_high)


def project(f: Fit, a: TrendArrays, *, target: Float, sign: npt.NDArray[Any], from_day: Int,
            days_left: Float, units_left: Float) -> Projection:
    """Reach days, paces and status per group.

    Parameters
    ----------
    f : Fit
        The groups' fits.
    a : TrendArrays
        Their derived quantities (slope interval, flatness).
    target, sign : arrays
        Target value and direction sign (+1 higher is better, -1 lower; float or
        integer).
    from_day : int64 array
        First day a reach may fall on (the forecast's ``as_of``).
    days_left : array
        Calendar days from the latest reading to the deadline (NaN: no deadline).
    units_left : array
        Pace units (calendar or working days) in the same window (NaN: no deadline).
    """
    count = f.n.shape[0]
    given = tuple(np.broadcast_to(x, (count,))
                  for x in (target, sign, from_day, days_left, units_left))

    def arithmetic(*args: Any) -> tuple[Any, ...]:  # noqa: ANN401
        *per_group, target, sign, from_day, days_left, units_left = args
        return g.project(VECTOR, *per_group, target=target, sign=sign, from_day=from_day,
                         days_left=days_left, units_left=units_left)

    with np.errstate(all="ignore"):
        columns = _by_blocks(arithmetic, count, (*_project_args(f, a), *given))
    columns[-1] = columns[-1].astype(np.int8)  # the status
    return Projection(*columns)


def project_one(f: OneFit, a: OneTrend, *, target: float, sign: float, from_day: int,
                days_left: float, units_left: float) -> OneProjection:
    """:func:`project` of one group, with the same operations, as Python numbers."""
    return OneProjection(*g.project(SCALAR, *_project_args(f, a), target=target, sign=sign,
                                    from_day=from_day, days_left=days_left,
                                    units_left=units_left))
