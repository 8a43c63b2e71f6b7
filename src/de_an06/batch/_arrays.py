"""Array helpers shared by the batch modules: read-only columns, equality, dates."""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v

Array = npt.NDArray[Any]


def readonly(array: Array) -> Array:
    """`array`, made read-only in place."""
    array.flags.writeable = False
    return array


def array_eq(a: Array, b: Array) -> bool:
    """Same shape, dtype and values (NaN and NaT equal to themselves)."""
    return bool(a.shape == b.shape and a.dtype == b.dtype
                and np.array_equal(a, b, equal_nan=a.dtype.kind in "fcmM"))


#: attrs comparison for array fields.
ARRAY_EQ = attrs.cmp_using(eq=array_eq)


def row_of(owner: str, row: object, count: int) -> int:
    """`row` as a row number of a table of `count` rows (negative counts from the end).

    ``bool`` is refused (it is no row number), and so is anything that is no
    integer or lies outside ``-count <= row < count``, with the library's error.
    """
    if isinstance(row, (bool, np.bool_)) or not isinstance(row, (int, np.integer)):
        raise v.fail(owner, "row", f"must be an int, not {type(row).__name__}", row)
    if not -count <= row < count:
        raise v.fail(owner, "row",
                     f"must be a row of the table, 0 to {count - 1} (or -{count} to -1)", row)
    return int(row) % count


_NAT = np.iinfo(np.int64).min  # NaT as an int64


def dates(days: npt.NDArray[np.int64]) -> Array:
    """Day numbers as a read-only ``datetime64[D]`` view (no copy)."""
    return readonly(days.view("datetime64[D]"))


def dates_of(*pairs: tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]) -> list[Array]:
    """``(days, ok)`` pairs as read-only ``datetime64[D]`` arrays, ``NaT`` where not `ok`.

    The arrays are the rows of one 2-D array (one allocation).
    """
    out = np.empty((len(pairs), pairs[0][0].shape[0]), dtype=np.int64)
    for row, (days, ok) in zip(out, pairs, strict=True):
        np.copyto(row, _NAT)
        np.copyto(row, days, where=ok)
    return [dates(row) for row in out]
