"""Day numbers: THE conversion between dates and integers, and its range check.

A *day number* is the number of days since 1970-01-01, which is also how
NumPy stores a ``datetime64[D]`` value; the kernel, the batch tables, the
columnar reader and the calendar compute on day numbers. Valid day numbers are
those of real :class:`datetime.date` values, years 1 to 9999:
:data:`MIN_DAY` to :data:`MAX_DAY`.

Examples
--------
>>> import datetime as dt
>>> import numpy as np
>>> day_number(dt.date(2023, 7, 1)), date_of(19539)
(19539, datetime.date(2023, 7, 1))
>>> day_numbers(np.array(["1970-01-02", "2023-07-01"], dtype="datetime64[D]"))
array([    1, 19539])
>>> first_invalid_day(np.array([0, MAX_DAY + 1]))
1
>>> month_end(2024, 2)
datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = [
    "EPOCH",
    "MAX_DAY",
    "MIN_DAY",
    "date_of",
    "dates_of",
    "day_number",
    "day_numbers",
    "first_invalid_day",
    "is_valid_day",
    "month_end",
]

#: Day number 0.
EPOCH: Final = dt.date(1970, 1, 1)
#: Day numbers of the first and last :class:`datetime.date` (0001-01-01, 9999-12-31).
MIN_DAY: Final = (dt.date.min - EPOCH).days
MAX_DAY: Final = (dt.date.max - EPOCH).days


def day_number(date: dt.date) -> int:
    """The day number of `date` (days since 1970-01-01)."""
    return (date - EPOCH).days


def month_end(year: int, month: int) -> dt.date:
    """The last day of `month` in `year`."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shifted(day: dt.date, by: dt.timedelta) -> dt.date:
    """`day` moved `by`, stopping at the first or last date Python knows (years 1, 9999).

    >>> shifted(dt.date(9999, 12, 1), dt.timedelta(days=90))
    datetime.date(9999, 12, 31)
    """
    if by < dt.timedelta(0):
        return day + by if day - dt.date.min >= -by else dt.date.min
    return day + by if dt.date.max - day >= by else dt.date.max


def is_valid_day(day: int) -> bool:
    """Whether `day` is the day number of a real date (years 1 to 9999)."""
    return MIN_DAY <= day <= MAX_DAY


def date_of(day: int) -> dt.date:
    """The date of day number `day`.

    Raises
    ------
    OverflowError
        When `day` is outside :data:`MIN_DAY` .. :data:`MAX_DAY`.
    """
    return EPOCH + dt.timedelta(days=int(day))


def day_numbers(dates: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """Day numbers of a ``datetime64`` array (any unit, floored to the day).

    ``NaT`` becomes the smallest ``int64``, which :func:`first_invalid_day`
    reports; so does any year NumPy can hold but :class:`datetime.date`
    cannot (0, or after 9999).
    """
    return np.asarray(dates).astype("datetime64[D]").astype(np.int64)


def dates_of(days: npt.ArrayLike) -> npt.NDArray[np.datetime64]:
    """Day numbers as a ``datetime64[D]`` array.

    A view, not a copy, when `days` is already an ``int64`` array (read-only
    if `days` is): copy it before writing into it.
    """
    dates: npt.NDArray[np.datetime64] = np.asarray(days, dtype=np.int64).view("datetime64[D]")
    return dates


def first_invalid_day(days: npt.ArrayLike) -> int | None:
    """Index of the first entry of `days` that is not a valid day number, or ``None``."""
    array = np.asarray(days)
    bad = (array < MIN_DAY) | (array > MAX_DAY)
    if not bad.any():
        return None
    return int(np.argmax(bad))
