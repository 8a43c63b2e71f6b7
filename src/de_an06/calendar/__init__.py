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

# Defined before the import below: the calendar's module reads FIRST_YEAR from here.
from de_an06.calendar._working import WorkingCalendar  # noqa: E402


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
    if not v.is_plain_date(submitted):
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
