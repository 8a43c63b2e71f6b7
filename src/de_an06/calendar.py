"""Working days in Vietnam: deadlines, processing times and paces.

Processing times in the programme are counted in *working days* (the linked
birth and death bundles promise 4 of them), and campaign paces are planned per
working day. Vietnam's working calendar is not a weekday rule: Tết and Hùng
Kings' day follow the lunar calendar, a public holiday that falls on a weekend
is compensated on a working day, and the government swaps days (Saturday
2025-04-26 was worked so that Friday 2025-05-02 could be taken off), so
the weekmask of ``numpy.busday_count`` cannot describe it.

:class:`WorkingCalendar` wraps the `holidays <https://holidays.readthedocs.io>`_
package (country ``"VN"``), which keeps the statutory holidays, their
compensation days and the announced swaps (including make-up working
Saturdays) as data, and turns a range of years once into two tables: the
running count of working days up to each day, and the sorted day numbers of
the working days. A count is then two look-ups in the first table and a due
date one index into the second, for one date or for whole arrays, with no
Python loop per day.

``holidays`` is an optional dependency: install ``de_an06[calendar]``. It is
imported only when a calendar is built, so ``import de_an06`` stays light.

Conventions
-----------
* Dates are :class:`datetime.date` (a :class:`datetime.datetime` is refused);
  arrays hold ``datetime64[D]`` values or ``int64`` *day numbers*, the number
  of days since 1970-01-01 (``datetime64[D]``'s own count).
* ``working_days_between(start, end)`` counts the working days ``d`` with
  ``start < d <= end``: the day of submission does not count, the due day
  does. The count is *signed*: it is ``0`` when ``end == start`` and
  ``-working_days_between(end, start)`` when ``end < start``, so counts add up
  over adjacent intervals in any order.
* ``add_working_days(start, n)`` is the ``n``-th working day after ``start``,
  so ``working_days_between(start, add_working_days(start, n)) == n``.

Examples
--------
Khánh Hòa planned to collect 756,805 e-ID applications by 2023-07-30 and had
546,234 on 2023-07-01. The 210,571 still missing are about 7,261.1 a
calendar day over 29 days, but 10,528.55 a working day over 20 working days:

>>> import datetime as dt
>>> from de_an06.calendar import WorkingCalendar
>>> calendar = WorkingCalendar()
>>> start, end = dt.date(2023, 7, 1), dt.date(2023, 7, 30)
>>> working, days = calendar.working_days_between(start, end), (end - start).days
>>> working, days
(20, 29)
>>> 210_571 / working, round(210_571 / days, 1)
(10528.55, 7261.1)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.model import LinkedService, Unit

__all__ = ["FIRST_YEAR", "WorkingCalendar", "due_date"]


def __dir__() -> list[str]:
    return __all__


FIRST_YEAR = 2000
"""The earliest year a :class:`WorkingCalendar` may cover.

Public servants have worked a five-day week, Monday to Friday, since October
1999 (Decree 188/1999/NĐ-CP); earlier years had working Saturdays that the
``holidays`` data does not describe.
"""

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_MIN_DAY = dt.date.min.toordinal() - _EPOCH_ORDINAL
_MAX_DAY = dt.date.max.toordinal() - _EPOCH_ORDINAL
_OWNER = "WorkingCalendar"

DayArray = npt.NDArray[np.int64]


def _load_holidays() -> Any:  # noqa: ANN401 - a module object
    """Import the optional ``holidays`` package or say how to install it."""
    try:
        import holidays
    except ImportError as error:
        msg = (
            "de_an06.calendar needs the optional 'holidays' package; "
            "install it with: pip install 'de_an06[calendar]'"
        )
        raise ModuleNotFoundError(msg, name="holidays") from error
    return holidays


def _day_number(value: dt.date) -> int:
    return value.toordinal() - _EPOCH_ORDINAL


def _date(day: int) -> dt.date:
    return dt.date.fromordinal(int(day) + _EPOCH_ORDINAL)


def _as_datetime64(days: DayArray) -> npt.NDArray[np.datetime64]:
    result: npt.NDArray[np.datetime64] = days.view("datetime64[D]")
    return result


def _is_plain_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _is_plain_int(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _to_date_set(value: object) -> object:
    """Turn an iterable of dates into a frozenset; leave anything else to the validator."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value
    return frozenset(value)


def _is_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not _is_plain_int(value):
        raise v.fail(instance, attribute.name, f"must be an int, not {type(value).__name__}",
                     value)


def _is_date_set(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset):
        raise v.fail(instance, attribute.name, "must be an iterable of datetime.date", value)
    for item in sorted(value, key=repr):
        if not _is_plain_date(item):
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
    ModuleNotFoundError
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

        first = _day_number(dt.date(self.first_year, 1, 1))
        last = _day_number(dt.date(self.last_year, 12, 31))
        days = np.arange(first, last + 1, dtype=np.int64)
        national = holidays.country_holidays(
            "VN", years=range(self.first_year, self.last_year + 1)
        )
        weekday = (days + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0 as in datetime
        mask = ~np.isin(weekday, np.fromiter(national.weekend, dtype=np.int64))

        def _index(dates: Iterable[dt.date]) -> npt.NDArray[np.int64]:
            numbers = np.fromiter((_day_number(d) for d in dates), dtype=np.int64)
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
        return _as_datetime64(self._table)

    def _table_origin(self) -> int:
        """The day number of 1 January of ``first_year``, index 0 of the per-day tables."""
        return _day_number(self.first_day)

    def _years_rule(self) -> str:
        return f"must fall in the calendar's years {self.first_year}-{self.last_year}"

    def _check_date(self, name: str, value: object) -> int:
        if not _is_plain_date(value):
            raise v.fail(_OWNER, name, f"must be a datetime.date, not {type(value).__name__}",
                         value)
        assert isinstance(value, dt.date)  # noqa: S101 - narrowed by the test above
        if not self.first_year <= value.year <= self.last_year:
            raise v.fail(_OWNER, name, self._years_rule(), value)
        return _day_number(value)

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
        first = _day_number(self.first_day)
        last = _day_number(self.last_day)
        outside = (days < first) | (days > last)
        if outside.any():
            bad = int(days[outside].flat[0])
            raise v.fail(_OWNER, name, self._years_rule(),
                         _date(bad) if _MIN_DAY <= bad <= _MAX_DAY else bad)
        return days

    def _check_steps(self, name: str, values: object) -> DayArray:
        array = np.asarray(values)
        if array.dtype.kind not in "iu":
            raise v.fail(_OWNER, name, f"must hold integers, not {array.dtype}", values)
        return array.astype(np.int64)

    def _rank(self, days: DayArray) -> DayArray:
        """The number of working days ``<= days`` within the calendar's years."""
        return self._count[days - self._table_origin()]

    def _shift(self, start: DayArray, steps: DayArray) -> DayArray:
        start, steps = _broadcast("start_days", start, "n", steps)
        index = self._rank(start) + steps - 1
        outside = (steps != 0) & ((index < 0) | (index >= self._table.size))
        if outside.any():
            where = np.flatnonzero(outside.ravel())[0]
            raise v.fail(_OWNER, "n", "runs past the calendar's years "
                         f"{self.first_year}-{self.last_year} from start="
                         f"{_date(int(start.ravel()[where])).isoformat()}",
                         int(steps.ravel()[where]))
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
        shifted = self._shift(np.asarray(s, dtype=np.int64), np.asarray(n, dtype=np.int64))
        return _date(int(shifted))

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
        return _as_datetime64(self._table[low:max(low, high)].copy())

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
        return _as_datetime64(self._shift(start, steps))


def _broadcast(name_a: str, a: DayArray, name_b: str, b: DayArray) -> tuple[DayArray, DayArray]:
    try:
        left, right = np.broadcast_arrays(a, b)
    except ValueError:
        raise v.fail(_OWNER, name_b, f"must broadcast against {name_a} of shape {a.shape}",
                     b.shape) from None
    return left, right


def due_date(service: LinkedService, submitted: dt.date,
             calendar: WorkingCalendar | None = None) -> dt.date:
    """The day a linked-service bundle submitted on ``submitted`` is due.

    ``service.days_after`` is counted in calendar days when
    ``service.after_unit`` is ``Unit.DAYS`` and in working days, with
    :meth:`WorkingCalendar.add_working_days`, when it is
    ``Unit.WORKING_DAYS``. The day of submission does not count.

    Parameters
    ----------
    service : de_an06.LinkedService
        The bundle; its ``days_after`` must be a whole number.
    submitted : datetime.date
        The day the dossier was submitted.
    calendar : WorkingCalendar, optional
        Required for working days; ignored for calendar days.

    Raises
    ------
    ValidationError
        If an argument has the wrong type, ``days_after`` is fractional, or a
        working-day limit comes without a calendar.

    Examples
    --------
    The birth bundle (21 days before linking, 4 working days after) for a
    dossier submitted on Friday 2025-08-29, before the 2-9 holidays:

    >>> import datetime as dt
    >>> from de_an06 import LinkedService
    >>> from de_an06.calendar import WorkingCalendar, due_date
    >>> birth = LinkedService("birth", "Birth bundle", "Liên thông khai sinh",
    ...     procedures=("birth registration", "permanent residence", "BHYT card under 6"),
    ...     days_before=21, days_after=4)
    >>> due_date(birth, dt.date(2025, 8, 29), WorkingCalendar())
    datetime.date(2025, 9, 8)
    """
    owner = "due_date"
    if not isinstance(service, LinkedService):
        raise v.fail(owner, "service", f"must be a LinkedService, not {type(service).__name__}",
                     service)
    if not _is_plain_date(submitted):
        raise v.fail(owner, "submitted",
                     f"must be a datetime.date, not {type(submitted).__name__}", submitted)
    days = service.days_after
    if not float(days).is_integer():
        raise v.fail(owner, "service", "must have a whole number of days_after",
                     days)
    if service.after_unit is Unit.DAYS:
        try:
            return submitted + dt.timedelta(days=int(days))
        except OverflowError:
            raise v.fail(owner, "submitted", f"is too late to add {int(days)} days",
                         submitted) from None
    if calendar is None:
        raise v.fail(owner, "calendar", "is required when service.after_unit is 'working_days'",
                     calendar)
    if not isinstance(calendar, WorkingCalendar):
        raise v.fail(owner, "calendar",
                     f"must be a WorkingCalendar, not {type(calendar).__name__}", calendar)
    return calendar.add_working_days(submitted, int(days))
