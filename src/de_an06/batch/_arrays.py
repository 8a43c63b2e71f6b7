"""Array helpers shared by the batch modules: read-only columns, equality, dates."""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

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


def dates(days: npt.NDArray[np.int64], ok: npt.NDArray[np.bool_]) -> Array:
    """Day numbers as read-only ``datetime64[D]``, ``NaT`` where not `ok`."""
    out = days.astype("datetime64[D]")
    out[~ok] = np.datetime64("NaT")
    return readonly(out)
