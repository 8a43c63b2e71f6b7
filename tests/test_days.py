"""Day numbers: the one date <-> integer conversion and its range check."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import _days


def test_the_range_is_that_of_datetime_date() -> None:
    assert dt.date(1970, 1, 1) == _days.EPOCH
    assert _days.date_of(_days.MIN_DAY) == dt.date(1, 1, 1)
    assert _days.date_of(_days.MAX_DAY) == dt.date(9999, 12, 31)
    assert _days.is_valid_day(_days.MIN_DAY)
    assert _days.is_valid_day(_days.MAX_DAY)
    assert not _days.is_valid_day(_days.MIN_DAY - 1)
    assert not _days.is_valid_day(_days.MAX_DAY + 1)
    with pytest.raises(OverflowError):
        _days.date_of(_days.MAX_DAY + 1)


@given(st.dates())
def test_round_trip_and_agreement_with_numpy(date: dt.date) -> None:
    day = _days.day_number(date)
    assert _days.date_of(day) == date
    assert _days.is_valid_day(day)
    assert day == np.datetime64(date, "D").astype(np.int64)
    assert _days.day_numbers(np.array([date], dtype="datetime64[D]")).tolist() == [day]
    assert _days.dates_of([day])[0] == np.datetime64(date, "D")


def test_vectorised_forms() -> None:
    stamps = np.array(["1969-12-31T23:00", "1970-01-01T12:00", "2023-07-01T00:00"],
                      dtype="datetime64[m]")
    assert _days.day_numbers(stamps).tolist() == [-1, 0, 19539]  # floored to the day
    assert _days.dates_of(np.array([0, 19539])).dtype == np.dtype("datetime64[D]")
    table = np.array([0, 19539], dtype=np.int64)
    table.flags.writeable = False
    view = _days.dates_of(table)
    assert np.shares_memory(view, table)
    assert not view.flags.writeable
    assert _days.dates_of([1, 2]).tolist() == [dt.date(1970, 1, 2), dt.date(1970, 1, 3)]
    assert _days.first_invalid_day(np.array([0, 19539])) is None
    assert _days.first_invalid_day(np.arange(3) + _days.MAX_DAY - 1) == 2
    odd = np.array(["2023-07-01", "NaT", "0000-01-01", "10000-01-01"], dtype="datetime64[D]")
    days = _days.day_numbers(odd)
    assert _days.first_invalid_day(days) == 1
    assert _days.first_invalid_day(days[2:]) == 0
    assert _days.first_invalid_day(days[3:]) == 0


def test_the_model_counts_days_this_way(reading: da.Reading) -> None:
    assert reading.day == _days.day_number(reading.as_of) == 19539
    series = da.Series([reading])
    assert series.days.tolist() == _days.day_numbers(np.array(series.dates)).tolist()
