"""The kernel's fit: centred least squares per group, in blocks that stay in the cache.

:func:`fit` fits every group of the kernel's grouped arrays (see
:mod:`de_an06.analysis._kernel`); :func:`fit_one` fits one series with the
same floating-point operations, in the same order, as Python numbers.

Numerics
--------
Time is centred per group before fitting: days are converted to floats and
summed (whole numbers: exact), so that ``mean(t)`` with ``t = day -
first_day`` is ``(sum(day) - n first_day) / n``, rounded once; then ``tc = day
- (first_day + mean(t))`` and ``yc = value - mean(value)``; slope ``b =
sum(tc*yc) / sum(tc**2)``. The residual sum of squares is ``Syy - b*Sxy``
except where that would lose more than three digits (``SSR < 1e-3 Syy``,
near-perfect fits), where it is summed from the residuals themselves.
Grouped sums use :func:`numpy.add.reduceat`, one segment per group, which
sums a segment the same way wherever it lies (one group alone included).

Speed
-----
The readings are walked in blocks of whole groups of about
:data:`BLOCK_READINGS` readings, so that the working arrays (two rows, days
and values centred together, and one of products, reused from block to
block) stay in the processor's cache instead of making a dozen trips to
memory over arrays of the size of the input. The residual pass runs only on
the blocks that hold a group that needs it. Groups of equal size are
processed as 2-D views, with broadcasting instead of repeats. A caller that
needs copies of the readings gets them in the same pass (``copy_into``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.analysis import _group as g
from de_an06.analysis._group import SCALAR, VECTOR
from de_an06.errors import ValidationError

__all__ = ["BLOCK_READINGS", "OUT_OF_RANGE", "SMALL", "Fit", "OneFit", "fit", "fit_one",
           "fit_small", "group_starts", "out_of_range", "segment_sum"]

Float = npt.NDArray[np.float64]
Int = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]

#: Readings per block of :func:`fit` (whole groups; a longer group is a block of its own).
BLOCK_READINGS = 1 << 15
#: Readings of a group that :func:`fit_one` sums in Python rather than with numpy.
SMALL = 64
_UNROLL = 8  # running sums of numpy's pairwise sum
_PAIRWISE_BLOCK = 128  # numbers numpy's pairwise sum adds without halving

_ZERO = np.zeros(1, dtype=np.intp)

#: The rule :func:`de_an06.analysis._group.in_range` tests, as the errors state it.
OUT_OF_RANGE = "must be small enough for the fit's sums and squares to stay finite in float64"


class OneFit(NamedTuple):
    """The least-squares results of one group, as Python numbers (see :class:`Fit`)."""

    n: int
    first_day: int
    last_day: int
    last_value: float
    mean_offset: float
    mean_value: float
    sxx: float
    syy: float
    ssr: float
    slope: float
    valid: bool


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
    def in_range(self) -> Bool:
        """Where float64 could hold the group's fit (:func:`~._group.in_range`).

        A group where it could not is refused with :func:`out_of_range`.
        """
        return g.in_range(VECTOR, self.syy)  # type: ignore[no-any-return]

    @property
    def span(self) -> Int:
        """``last_day - first_day``."""
        return self.last_day - self.first_day

    @property
    def scale(self) -> Float:
        """Magnitude of the values: ``|mean| + rms deviation`` (for rounding tests)."""
        return g.scale(VECTOR, self.n, self.mean_value, self.syy)  # type: ignore[no-any-return]

    def row(self, i: int) -> OneFit:
        """Group `i` as Python numbers."""
        return OneFit(*(column[i].item() for column in self))


def out_of_range(owner: str, field: str, values: npt.ArrayLike,
                 where: str = "") -> ValidationError:
    """The error refusing a group whose fit overflows float64, naming its largest value.

    `values` are the group's readings; the one of largest magnitude is the
    value named. `where` follows the rule (``" in series 'a'"``).
    """
    numbers = np.asarray(values, dtype=np.float64)
    return v.fail(owner, field, OUT_OF_RANGE + where,
                  numbers[np.argmax(np.abs(numbers))].item())


def group_starts(ids: npt.NDArray[np.generic]) -> Int:
    """Start index of each run of equal ids in a sorted id array."""
    if ids.size == 0:
        return np.zeros(0, dtype=np.int64)
    change = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    return np.concatenate((np.zeros(1, dtype=np.int64), change.astype(np.int64)))


def _block(xp: g.Space, starts: Any, n: Any, first_day: Any,  # noqa: ANN401, PLR0917
           days: Any, values: Any,  # noqa: ANN401
           spread: Callable[[Any], Any], buffer: Float) -> tuple[Any, ...]:
    """The fit of the groups of one block: the passes over their readings.

    `days` and `values` are the block's readings (1-D, or 2-D with one row
    per group when the groups have equal sizes); `starts` are the groups'
    offsets in the flattened block; `spread` turns per-group quantities
    (last axis) into per-reading ones (a repeat, a new axis, or nothing for
    one group). Days and values are centred together as the two rows of one
    array. `buffer` holds at least three times as many numbers as `values`
    (the working arrays: allocating them afresh for every block would cost
    more in page faults than the arithmetic).
    Returns ``(mean_offset, mean_value, sxx, syy, ssr, slope, valid)``.
    """
    def total(per_reading: Any) -> Any:  # noqa: ANN401
        return xp.item(np.add.reduceat(per_reading.reshape(-1), starts))

    size = values.size
    work = buffer[:2 * size].reshape(2, *values.shape)
    product = buffer[2 * size:3 * size].reshape(values.shape)
    tc, yc = work
    tc[...] = days  # whole numbers, and so are their sums: exact
    yc[...] = values
    mean_offset = (total(tc) - n * first_day) / n
    mean_value = total(yc) / n
    # centred: t - mean(t) with t = day - first_day, and value - mean(value)
    work -= spread(xp.pair(first_day + mean_offset, mean_value))
    np.multiply(tc, tc, out=product)
    sxx = total(product)
    np.multiply(tc, yc, out=product)
    sxy = total(product)
    np.multiply(yc, yc, out=product)
    syy = total(product)
    valid, slope, ssr, need = g.fit_tail(xp, sxx, sxy, syy)
    if xp.any(need):
        # SSR = Syy - b Sxy cancels when the fit is nearly perfect: sum the residuals
        tc *= spread(slope)
        yc -= tc
        yc *= yc
        ssr = xp.where(need, total(yc), ssr)
    return mean_offset, mean_value, sxx, syy, ssr, slope, valid


def _same(per_group: Any) -> Any:  # noqa: ANN401
    return per_group


def _column(per_group: Float) -> Float:
    return per_group[..., np.newaxis]


def fit(starts: Int, days: Int, values: Float, *,
        copy_into: tuple[Int, Float] | None = None) -> Fit:
    """Centred ordinary least squares of value on day, per group.

    The readings are processed in blocks of whole groups (see the module's
    notes); memory beyond the results is a few buffers of one block.

    With `copy_into`, two arrays of the sizes of `days` and `values`, each
    block of `days` and `values` is copied there as it is read: a caller
    that needs copies of its columns (:mod:`de_an06.batch`) gets them in the
    same pass over the readings.
    """
    size = values.shape[0]
    count = starts.shape[0]
    # the results, as rows of two 2-D arrays (see _rows_like)
    whole = np.empty((3, count), dtype=np.int64)
    n, first_day, last_day = whole
    out = np.empty((7, count))
    valid = np.empty(count, dtype=bool)
    np.subtract(starts[1:], starts[:-1], out=n[:-1])
    n[-1:] = size - starts[-1:]
    np.take(days, starts, out=first_day)
    ends = starts + n - 1
    np.take(days, ends, out=last_day)
    np.take(values, ends, out=out[6])
    equal = count > 0 and bool((n == n[0]).all())
    # blocks: the groups from each multiple of BLOCK_READINGS on, whole
    cuts = np.unique(np.searchsorted(starts, np.arange(0, size, BLOCK_READINGS)))
    edges = np.append(cuts[cuts < count], count)
    bounds = np.append(starts, size)
    buffer = np.empty(3 * int(np.diff(bounds[edges]).max(initial=0)))
    with np.errstate(all="ignore"):
        for a, z in itertools.pairwise(edges.tolist()):
            lo, hi = int(bounds[a]), int(bounds[z])
            block_days, block_values = days[lo:hi], values[lo:hi]
            if copy_into is not None:
                day_copy, value_copy = copy_into[0][lo:hi], copy_into[1][lo:hi]
                day_copy[...] = block_days
                value_copy[...] = block_values
                block_days, block_values = day_copy, value_copy
            spread: Callable[[Any], Any]
            if equal:
                shape = (z - a, int(n[0]))
                block_days, block_values = block_days.reshape(shape), block_values.reshape(shape)
                spread = _column
            else:
                sizes = n[a:z]

                def spread(per_group: Any, sizes: Int = sizes) -> Any:  # noqa: ANN401
                    return per_group.repeat(sizes, axis=-1)

            *sums, ok = _block(VECTOR, starts[a:z] - lo, n[a:z], first_day[a:z], block_days,
                               block_values, spread, buffer)
            for row, x in zip(out[:6], sums, strict=True):
                row[a:z] = x
            valid[a:z] = ok
    mean_offset, mean_value, sxx, syy, ssr, slope, last_value = out
    return Fit(n, first_day, last_day, last_value, mean_offset, mean_value, sxx, syy, ssr,
               slope, valid)


def fit_one(days: Int, values: Float) -> OneFit:
    """:func:`fit` of a single group, with the same operations, as Python numbers.

    `days` and `values` are the group's readings (at least one). Up to
    :data:`SMALL` readings, the sums are taken in Python in the order
    :func:`numpy.add.reduceat` takes them (:func:`segment_sum`), which skips
    numpy's fixed cost per call; the results are the same bits.
    """
    n = days.shape[0]
    first = int(days[0])
    if n > SMALL:
        with np.errstate(all="ignore"):
            sums = _block(SCALAR, _ZERO, n, first, days, values, _same, np.empty(3 * n))
        return OneFit(n, first, int(days[-1]), float(values[-1]), *sums)
    return fit_small(days.tolist(), values.tolist())


def fit_small(days: list[int], values: list[float]) -> OneFit:
    """:func:`fit_one` of a group of at most :data:`SMALL` readings given as lists."""
    n = len(days)
    first = days[0]
    day_list = [float(d) for d in days]
    value_list = [float(y) for y in values]
    mean_offset = (segment_sum(day_list) - n * first) / n
    mean_value = segment_sum(value_list) / n
    shift = first + mean_offset
    tc = [d - shift for d in day_list]
    yc = [y - mean_value for y in value_list]
    sxx = segment_sum([t * t for t in tc])
    sxy = segment_sum([t * y for t, y in zip(tc, yc, strict=True)])
    syy = segment_sum([y * y for y in yc])
    valid, slope, ssr, need = g.fit_tail(SCALAR, sxx, sxy, syy)
    if need:
        residuals = [y - t * slope for t, y in zip(tc, yc, strict=True)]
        ssr = segment_sum([r * r for r in residuals])
    return OneFit(n, first, days[-1], value_list[-1], mean_offset, mean_value, sxx, syy,
                  ssr, slope, valid)


def segment_sum(numbers: list[float]) -> float:
    """The sum :func:`numpy.add.reduceat` gives for one segment, in the same order.

    The first number, plus numpy's pairwise sum of the rest (eight running
    sums over blocks of up to 128 numbers, halves beyond), so that a series
    summed alone in Python and among others by the grouped kernel gives the
    same bits (``tests/test_kernel.py`` checks it against numpy).
    """
    if len(numbers) == 1:
        return numbers[0]
    return numbers[0] + _pairwise(numbers, 1, len(numbers) - 1)


def _pairwise(numbers: list[float], low: int, count: int) -> float:
    """Numpy's pairwise sum of ``numbers[low:low + count]``."""
    if count < _UNROLL:
        total = 0.0
        for x in numbers[low:low + count]:
            total += x
        return total
    if count <= _PAIRWISE_BLOCK:
        r0, r1, r2, r3, r4, r5, r6, r7 = numbers[low:low + _UNROLL]
        at, whole = low + _UNROLL, low + count - count % _UNROLL
        while at < whole:
            r0 += numbers[at]
            r1 += numbers[at + 1]
            r2 += numbers[at + 2]
            r3 += numbers[at + 3]
            r4 += numbers[at + 4]
            r5 += numbers[at + 5]
            r6 += numbers[at + 6]
            r7 += numbers[at + 7]
            at += _UNROLL
        total = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        for x in numbers[at:low + count]:
            total += x
        return total
    half = count // 2
    half -= half % _UNROLL
    return _pairwise(numbers, low, half) + _pairwise(numbers, low + half, count - half)
