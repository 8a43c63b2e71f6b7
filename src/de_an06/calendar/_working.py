"""The working-day tables behind :class:`de_an06.calendar.WorkingCalendar`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _days, _extras
from de_an06 import _validators as v
from de_an06.calendar import FIRST_YEAR

_OWNER = "WorkingCalendar"

DayArray = npt.NDArray[np.int64]


def _load_holidays() -> Any:  # noqa: ANN401 - a module object
    """Import the optional ``holidays`` package or say how to install it."""
    return _extras.require("holidays", "de_an06.calendar")


def _is_plain_int(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _to_date_set(value: object) -> object:
    """Turn an iterable of dates into a frozenset; leave anything else to the validator."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value
    try:
        return frozenset(value)
    except TypeError:  # a 0-d array, or unhashable items: the validator names them
        return value


def _is_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not _is_plain_int(value):
        raise v.fail(instance, attribute.name, f"must be an int, not {type(value).__name__}",
                     value)


def _is_date_set(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset):
        raise v.fail(instance, attribute.name, "must be an iterable of datetime.date", value)
    for item in sorted(value, key=repr):
        if not v.is_plain_date(item):
            raise v.fail(instance, attribute.name,
                         f"must hold only datetime.date values, not {type(item).__name__}",
                         item)


@attrs.frozen
class WorkingCalendar:
    """The working days of Vietnam's public administration over a range of years.

    Built from the ``holidays`` package (country ``"VN"``): Saturdays and
    Sundays are days off, and so are the public holidays, their compensation
    days and the days the government swapped away; the Saturdays it swapped
    in (``weekend_workdays``) are working days. The result is kept as a
    running count of working days per day and a sorted table of working day
    numbers, so every query is a look-up.

    Parameters
    ----------
    first_year, last_year : int
        The years covered, inclusive (default 2022-2030, the programme and
        its vision). ``first_year`` may not precede :data:`FIRST_YEAR`, and
        ``last_year`` may not pass the last year the ``holidays`` package
        computes. A date outside these years raises
        :class:`~de_an06.ValidationError` rather than being treated as a
        plain weekday.
    extra_days_off : iterable of datetime.date
        Further days off on top of the national data (a swap announced after
        the installed ``holidays`` release, or a local decision).
    extra_working_days : iterable of datetime.date
        Further working days (a make-up Saturday the data lacks).

    Raises
    ------
    ValidationError
        If the years are not ints, are out of order or out of coverage, or an
        extra day is not a date within the years or is in both extra sets.
    de_an06.MissingExtraError
        If the optional ``holidays`` package is not installed.

    Notes
    -----
    Building the default table (2022-2030, 3,287 days) takes a few
    milliseconds; build one calendar and reuse it.

    Years after the last one for which the government has announced its swaps
    follow the Labor Code's rules only (holidays and their compensation
    days); a swap announced later can be added with ``extra_days_off`` and
    ``extra_working_days`` until the ``holidays`` package carries it.

    Examples
    --------
    The 2025 swap: Saturday 2025-04-26 was worked so that Friday 2025-05-02
    joined the 30-4 and 1-5 holidays.

    >>> import datetime as dt
    >>> from de_an06.calendar import WorkingCalendar
    >>> calendar = WorkingCalendar()
    >>> calendar.is_working_day(dt.date(2025, 4, 26)), calendar.is_working_day(dt.date(2025, 5, 2))
    (True, False)

    A dossier submitted on Tuesday 2025-04-29 with a limit of 4 working days
    is due on Thursday 2025-05-08: 30-4, 1-5, 2-5 and the weekend are days off.

    >>> calendar.add_working_days(dt.date(2025, 4, 29), 4)
    datetime.date(2025, 5, 8)
    >>> calendar.working_days_between(dt.date(2025, 4, 29), dt.date(2025, 5, 8))
    4
    """

    first_year: int = attrs.field(default=2022, kw_only=True, validator=_is_year)
    last_year: int = attrs.field(default=2030, kw_only=True, validator=_is_year)
    extra_days_off: frozenset[dt.date] = attrs.field(
        default=frozenset(), kw_only=True, converter=_to_date_set, validator=_is_date_set,
        repr=False,
    )
    extra_working_days: frozenset[dt.date] = attrs.field(
        default=frozenset(), kw_only=True, converter=_to_date_set, validator=_is_date_set,
        repr=False,
    )
    _mask: npt.NDArray[np.bool_] = attrs.field(init=False, repr=False, eq=False)
    _count: DayArray = attrs.field(init=False, repr=False, eq=False)
    _table: DayArray = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        holidays = _load_holidays()
        last_supported = int(holidays.country_holidays("VN").end_year)
        if self.first_year < FIRST_YEAR:
            raise v.fail(self, "first_year", f"must be >= {FIRST_YEAR}", self.first_year)
        if self.last_year > last_supported:
            raise v.fail(self, "last_year",
                         f"must be <= {last_supported}, the last year the holidays data covers",
                         self.last_year)
        if self.last_year < self.first_year:
            raise v.fail(self, "last_year", f"must be >= first_year={self.first_year}",
                         self.last_year)
        for name in ("extra_days_off", "extra_working_days"):
            for day in sorted(getattr(self, name)):
                if not self.first_year <= day.year <= self.last_year:
                    raise v.fail(self, name, self._years_rule(), day)
        both = self.extra_days_off & self.extra_working_days
        if both:
            raise v.fail(self, "extra_working_days", "must not repeat a day of extra_days_off",
                         min(both))

        first = _days.day_number(dt.date(self.first_year, 1, 1))
        last = _days.day_number(dt.date(self.last_year, 12, 31))
        days = np.arange(first, last + 1, dtype=np.int64)
        national = holidays.country_holidays(
            "VN", years=range(self.first_year, self.last_year + 1)
        )
        weekday = (days + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0 as in datetime
        mask = ~np.isin(weekday, np.fromiter(national.weekend, dtype=np.int64))

        def _index(dates: Iterable[dt.date]) -> npt.NDArray[np.int64]:
            numbers = np.fromiter((_days.day_number(d) for d in dates), dtype=np.int64)
            return numbers[(numbers >= first) & (numbers <= last)] - first

        mask[_index(national.keys())] = False
        mask[_index(national.weekend_workdays)] = True
        mask[_index(self.extra_days_off)] = False
        mask[_index(self.extra_working_days)] = True
        mask.flags.writeable = False
        table = np.flatnonzero(mask).astype(np.int64) + first
        table.flags.writeable = False
        count = np.cumsum(mask, dtype=np.int64)
        count.flags.writeable = False
        object.__setattr__(self, "_mask", mask)
        object.__setattr__(self, "_count", count)
        object.__setattr__(self, "_table", table)

    # ------------------------------------------------------------------ range
    @property
    def first_day(self) -> dt.date:
        """The first day covered, 1 January of ``first_year``."""
        return dt.date(self.first_year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day covered, 31 December of ``last_year``."""
        return dt.date(self.last_year, 12, 31)

    @property
    def table(self) -> npt.NDArray[np.datetime64]:
        """Every working day covered, ascending, as a read-only ``datetime64[D]`` array.

        Examples
        --------
        >>> from de_an06.calendar import WorkingCalendar
        >>> calendar = WorkingCalendar(first_year=2023, last_year=2023)
        >>> len(calendar.table), calendar.table[0]
        (249, np.datetime64('2023-01-03'))
        """
        return _days.dates_of(self._table)

    def _table_origin(self) -> int:
        """The day number of 1 January of ``first_year``, index 0 of the per-day tables."""
        return _days.day_number(self.first_day)

    def _years_rule(self) -> str:
        return f"must fall in the calendar's years {self.first_year}-{self.last_year}"

    def _check_date(self, name: str, value: object) -> int:
        if not v.is_plain_date(value):
            raise v.fail(_OWNER, name, f"must be a datetime.date, not {type(value).__name__}",
                         value)
        assert isinstance(value, dt.date)  # noqa: S101 - narrowed by the test above
        if not self.first_year <= value.year <= self.last_year:
            raise v.fail(_OWNER, name, self._years_rule(), value)
        return _days.day_number(value)

    def _check_days(self, name: str, values: object) -> DayArray:
        """Validate an array of day numbers or ``datetime64[D]`` values; return int64 days."""
        array = np.asarray(values)
        if array.dtype.kind == "M":
            if np.datetime_data(array.dtype)[0] != "D":
                raise v.fail(_OWNER, name, "must have dtype datetime64[D]", array.dtype.str)
            if np.isnat(array).any():
                raise v.fail(_OWNER, name, "must not hold NaT", values)
            days = array.view(np.int64)
        elif array.dtype.kind in "iu":
            days = array.astype(np.int64)
        else:
            raise v.fail(_OWNER, name,
                         f"must hold int64 day numbers or datetime64[D], not {array.dtype}",
                         values)
        first = _days.day_number(self.first_day)
        last = _days.day_number(self.last_day)
        outside = (days < first) | (days > last)
        if outside.any():
            bad = int(days[outside].flat[0])
            raise v.fail(_OWNER, name, self._years_rule(),
                         _days.date_of(bad) if _days.is_valid_day(bad) else bad)
        return days

    def _check_steps(self, name: str, values: object) -> DayArray:
        array = np.asarray(values)
        if array.dtype.kind not in "iu":
            raise v.fail(_OWNER, name, f"must hold integers, not {array.dtype}", values)
        return array.astype(np.int64)

    def _rank(self, days: DayArray) -> DayArray:
        """The number of working days ``<= days`` within the calendar's years."""
        return self._count[days - self._table_origin()]

    def _shift(self, start: DayArray, steps: DayArray, given: object = None) -> DayArray:
        start, steps = _broadcast("start_days", start, "n", steps)
        index = self._rank(start) + steps - 1
        outside = (steps != 0) & ((index < 0) | (index >= self._table.size))
        if outside.any():
            where = np.flatnonzero(outside.ravel())[0]
            raise v.fail(_OWNER, "n", "runs past the calendar's years "
                         f"{self.first_year}-{self.last_year} from start="
                         f"{_days.date_of(int(start.ravel()[where])).isoformat()}",
                         int(steps.ravel()[where]) if given is None else given)
        picked = self._table[np.clip(index, 0, self._table.size - 1)]
        return np.where(steps == 0, start, picked)

    # ----------------------------------------------------------------- scalar
    def is_working_day(self, day: dt.date) -> bool:
        """Whether public offices work on ``day``.

        Examples
        --------
        >>> import datetime as dt
        >>> from de_an06.calendar import WorkingCalendar
        >>> calendar = WorkingCalendar()
        >>> calendar.is_working_day(dt.date(2024, 2, 9))  # Lunar New Year's Eve
        False
        >>> calendar.is_working_day(dt.date(2024, 5, 4))  # Saturday worked for Monday 29-4
        True
        """
        number = self._check_date("day", day)
        return bool(self._mask[number - self._table_origin()])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """The signed number of working days ``d`` with ``start < d <= end``.

        ``0`` when ``end == start``; ``-working_days_between(end, start)`` when
        ``end < start``. The counts of adjacent intervals add up:
        ``between(a, b) + between(b, c) == between(a, c)``.

        Examples
        --------
        >>> import datetime as dt
        >>> from de_an06.calendar import WorkingCalendar
        >>> calendar = WorkingCalendar()
        >>> calendar.working_days_between(dt.date(2023, 7, 1), dt.date(2023, 7, 30))
        20
        >>> calendar.working_days_between(dt.date(2023, 7, 30), dt.date(2023, 7, 1))
        -20
        """
        s = self._check_date("start", start)
        e = self._check_date("end", end)
        origin = self._table_origin()
        return int(self._count[e - origin] - self._count[s - origin])

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start``: the due date of an ``n``-working-day limit.

        ``start`` itself never counts, whether or not it is a working day, so
        ``working_days_between(start, add_working_days(start, n)) == n``.
        ``n == 0`` returns ``start``; a negative ``n`` counts back and returns
        the earliest working day ``x`` with ``working_days_between(x, start) == -n``.

        Raises
        ------
        ValidationError
            If ``start`` is not a date in the calendar's years, ``n`` is not an
            int, or the answer falls outside the years.

        Examples
        --------
        A 4-working-day limit over Tết 2024 (2024-02-08 to 2024-02-14 off):

        >>> import datetime as dt
        >>> from de_an06.calendar import WorkingCalendar
        >>> WorkingCalendar().add_working_days(dt.date(2024, 2, 6), 4)
        datetime.date(2024, 2, 19)
        """
        s = self._check_date("start", start)
        if not _is_plain_int(n):
            raise v.fail(_OWNER, "n", f"must be an int, not {type(n).__name__}", n)
        # More steps than the table has days run past it from any start; capping them
        # keeps an n beyond int64 from overflowing on its way to numpy (the error shows n).
        steps = max(-self._table.size - 1, min(int(n), self._table.size + 1))
        shifted = self._shift(np.asarray(s, dtype=np.int64), np.asarray(steps, dtype=np.int64),
                              given=n)
        return _days.date_of(int(shifted))

    def working_days(self, start: dt.date, end: dt.date) -> npt.NDArray[np.datetime64]:
        """The working days ``d`` with ``start < d <= end``, as a ``datetime64[D]`` array.

        Empty when ``end <= start``; its length is
        ``max(0, working_days_between(start, end))``.

        Examples
        --------
        >>> import datetime as dt
        >>> from de_an06.calendar import WorkingCalendar
        >>> WorkingCalendar().working_days(dt.date(2025, 4, 25), dt.date(2025, 5, 6))
        array(['2025-04-26', '2025-04-28', '2025-04-29', '2025-05-05', '2025-05-06'],
              dtype='datetime64[D]')
        """
        s = self._check_date("start", start)
        e = self._check_date("end", end)
        origin = self._table_origin()
        low = int(self._count[s - origin])
        high = int(self._count[e - origin])
        return _days.dates_of(self._table[low:max(low, high)].copy())

    # ------------------------------------------------------------- vectorised
    def is_working_day_array(self, days: npt.ArrayLike) -> npt.NDArray[np.bool_]:
        """:meth:`is_working_day` over an array of day numbers or ``datetime64[D]`` values.

        Examples
        --------
        >>> import numpy as np
        >>> from de_an06.calendar import WorkingCalendar
        >>> days = np.array(["2025-04-26", "2025-04-27", "2025-05-02"], dtype="datetime64[D]")
        >>> WorkingCalendar().is_working_day_array(days)
        array([ True, False, False])
        """
        numbers = self._check_days("days", days)
        return self._mask[numbers - self._table_origin()]

    def count_working_days(self, start_days: npt.ArrayLike,
                           end_days: npt.ArrayLike) -> npt.NDArray[np.int64]:
        """:meth:`working_days_between` over broadcast arrays of start and end days.

        Parameters
        ----------
        start_days, end_days : numpy.ndarray
            ``int64`` day numbers (days since 1970-01-01) or ``datetime64[D]``
            values, as arrays, sequences or scalars; they are broadcast
            against each other.

        Returns
        -------
        numpy.ndarray
            ``int64`` signed counts of the working days ``d`` with
            ``start < d <= end``.

        Examples
        --------
        Working days in each month of 2023, from the last day of the month before:

        >>> import numpy as np
        >>> from de_an06.calendar import WorkingCalendar
        >>> calendar = WorkingCalendar()
        >>> ends = np.arange("2023-01", "2024-01", dtype="datetime64[M]")
        >>> months = (ends + 1).astype("datetime64[D]") - 1
        >>> calendar.count_working_days(ends.astype("datetime64[D]") - 1, months)
        array([16, 20, 23, 20, 20, 22, 21, 23, 19, 22, 22, 21])
        """
        start, end = _broadcast("start_days", self._check_days("start_days", start_days),
                                "end_days", self._check_days("end_days", end_days))
        return self._rank(end) - self._rank(start)

    def shift_working_days(self, start_days: npt.ArrayLike,
                           n: npt.ArrayLike) -> npt.NDArray[np.datetime64]:
        """:meth:`add_working_days` over broadcast arrays of start days and steps.

        Returns
        -------
        numpy.ndarray
            ``datetime64[D]`` due days.

        Examples
        --------
        >>> import numpy as np
        >>> from de_an06.calendar import WorkingCalendar
        >>> starts = np.array(["2024-02-06", "2025-04-29"], dtype="datetime64[D]")
        >>> WorkingCalendar().shift_working_days(starts, 4)
        array(['2024-02-19', '2025-05-08'], dtype='datetime64[D]')
        """
        start = self._check_days("start_days", start_days)
        steps = self._check_steps("n", n)
        return _days.dates_of(self._shift(start, steps))


def _broadcast(name_a: str, a: DayArray, name_b: str, b: DayArray) -> tuple[DayArray, DayArray]:
    try:
        left, right = np.broadcast_arrays(a, b)
    except ValueError:
        raise v.fail(_OWNER, name_b, f"must broadcast against {name_a} of shape {a.shape}",
                     b.shape) from None
    return left, right
