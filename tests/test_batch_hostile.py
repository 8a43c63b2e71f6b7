"""Hostile input to the batch table: narrow id dtypes, dates NumPy holds but
Python has not, and copies of a table."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

import de_an06 as da
from de_an06.batch import ReadingTable


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32])
def test_narrow_ids_spanning_the_dtype_sort_right(dtype: type[np.signedinteger]) -> None:
    info = np.iinfo(dtype)
    ids = np.array([info.max, info.min, info.max, info.min], dtype=dtype)
    table = ReadingTable.from_arrays(ids, np.array([0, 0, 1, 1]), np.array([1.0, 2, 3, 4]))
    assert table.ids.tolist() == [info.min, info.max]
    assert table.index(info.max) == 1


def test_datetime64_outside_years_1_to_9999_is_refused() -> None:
    with pytest.raises(da.ValidationError, match=r"ReadingTable\.days"):
        ReadingTable.from_arrays([1, 1], np.array(["10000-01-01", "10000-01-02"],
                                                  dtype="datetime64[D]"), [1.0, 2.0])


@pytest.mark.parametrize("clone", [copy.deepcopy,
                                   lambda t: pickle.loads(pickle.dumps(t))])  # noqa: S301 - our own bytes
def test_copies_stay_read_only(clone: object) -> None:
    table = ReadingTable.from_arrays([1, 1], [0, 1], [1.0, 2.0])
    again = clone(table)  # type: ignore[operator]
    assert not again.values.flags.writeable
    assert not again.ids.flags.writeable
    assert not again.days.flags.writeable
    assert again == table
    assert "fit" not in again._cache
