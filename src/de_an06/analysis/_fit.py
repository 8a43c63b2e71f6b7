"""The kernel's fit: centred least squares per group, in blocks that stay in the cache.

:func:`fit` fits every group of the kernel's grouped arrays (see
:mod:`de_an06.analysis._kernel`); :func:`fit_columns` (and :func:`fit_one`)
fits one series with the same floating-point operations, in the same order,
and returns Python numbers.

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
One series makes each pass in one numpy call over its two rows (days and
values) or its three products, whatever its length: a handful of calls.
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

__all__ = ["BLOCK_READINGS", "OUT_OF_RANGE", "Fit", "OneFit", "fit", "fit_columns", "fit_one",
           "group_starts", "out_of_range"]

Float = npt.NDArray[np.float64]
Int = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]

#: Readings per block of :func:`fit` (whole groups; a longer group is a block of its own).
BLOCK_READINGS = 1 << 16

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


def _block(starts: Int, n: Int, first_day: Int, days: Int, values: Float,  # noqa: PLR0917
           spread: Callable[[Float], Float], buffer: Float) -> tuple[Any, ...]:
    """The fit of the groups of one block: the passes over their readings.

    `days` and `values` are the block's readings (1-D, or 2-D with one row
    per group when the groups have equal sizes); `starts` are the groups'
    offsets in the flattened block; `spread` turns per-group quantities
    (last axis) into per-reading ones (a repeat or a new axis). Days and
    values are centred together as the two rows of one array. `buffer`
    holds at least three times as many numbers as `values` (the working
    arrays: allocating them afresh for every block would cost more in page
    faults than the arithmetic). :func:`fit_columns` makes the same passes
    over one group.
    Returns ``(mean_offset, mean_value, sxx, syy, ssr, slope, valid)``.
    """
    def total(per_reading: Float) -> Float:
        return np.add.reduceat(per_reading.reshape(-1), starts)

    size = values.size
    work = buffer[:2 * size].reshape(2, *values.shape)
    product = buffer[2 * size:3 * size].reshape(values.shape)
    tc, yc = work
    tc[...] = days  # whole numbers, and so are their sums: exact
    yc[...] = values
    mean_offset = (total(tc) - n * first_day) / n
    mean_value = total(yc) / n
    # centred: t - mean(t) with t = day - first_day, and value - mean(value)
    work -= spread(np.concatenate((first_day + mean_offset, mean_value)).reshape(2, -1))
    np.multiply(tc, tc, out=product)
    sxx = total(product)
    np.multiply(tc, yc, out=product)
    sxy = total(product)
    np.multiply(yc, yc, out=product)
    syy = total(product)
    valid, slope, ssr, need = g.fit_tail(VECTOR, sxx, sxy, syy)
    if need.any():
        # SSR = Syy - b Sxy cancels when the fit is nearly perfect: sum the residuals
        tc *= spread(slope)
        yc -= tc
        yc *= yc
        ssr = np.where(need, total(yc), ssr)
    return mean_offset, mean_value, sxx, syy, ssr, slope, valid


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

            *sums, ok = _block(starts[a:z] - lo, n[a:z], first_day[a:z], block_days,
                               block_values, spread, buffer)
            for row, x in zip(out[:6], sums, strict=True):
                row[a:z] = x
            valid[a:z] = ok
    mean_offset, mean_value, sxx, syy, ssr, slope, last_value = out
    return Fit(n, first_day, last_day, last_value, mean_offset, mean_value, sxx, syy, ssr,
               slope, valid)


def fit_one(days: Int, values: Float) -> OneFit:
    """:func:`fit` of a single group, with the same operations, as Python numbers.

    `days` and `values` are the group's readings (at least one); see
    :func:`fit_columns`.
    """
    return fit_columns(np.array((days, values), dtype=np.float64))


def fit_columns(columns: Float) -> OneFit:
    """:func:`fit` of a single group given as one array: ``(days, values)`` as float rows.

    `columns` has shape ``(2, n)``, ``n >= 1``: the day numbers (whole) and
    the values, as :attr:`de_an06.Series.columns` holds them. Each pass of
    :func:`fit` is one numpy call over both rows (or the three products)
    at once; :func:`numpy.add.reduceat` sums each row as it sums a group
    among others, so the results are the grouped kernel's, bit for bit.
    `columns` is not modified.
    """
    n = columns.shape[1]
    first = int(columns[0, 0])
    with np.errstate(all="ignore"):
        day_sum, value_sum = np.add.reduceat(columns, _ZERO, axis=1).ravel().tolist()
        mean_offset = (day_sum - n * first) / n
        mean_value = value_sum / n
        work = np.empty((2, n))
        tc, yc = work
        np.subtract(columns[0], first + mean_offset, out=tc)
        np.subtract(columns[1], mean_value, out=yc)
        products = np.empty((3, n))
        np.multiply(tc, work, out=products[:2])
        np.multiply(yc, yc, out=products[2])
        sxx, sxy, syy = np.add.reduceat(products, _ZERO, axis=1).ravel().tolist()
        valid, slope, ssr, need = g.fit_tail(SCALAR, sxx, sxy, syy)
        if need:
            # as in _block: SSR from the residuals themselves
            tc *= slope
            yc -= tc
            yc *= yc
            ssr = np.add.reduceat(yc, _ZERO).item(0)
    return OneFit(n, first, int(columns[0, -1]), columns[1, -1].item(), mean_offset,
                  mean_value, sxx, syy, ssr, slope, valid)
