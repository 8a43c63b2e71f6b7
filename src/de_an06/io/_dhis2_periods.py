"""DHIS2 period identifiers of the ISO calendar: the period holding a date, the dates of a period.

Private to :mod:`de_an06.io`, which re-exports :func:`dhis2_period`,
:func:`dhis2_period_range` and :data:`DHIS2_PERIOD_TYPES` (the functions
name themselves in their errors) and places data values with
:func:`period_holding` (``io.to_dhis2_datavalues``).

DHIS2 names every period by an ISO-like identifier whose form depends on the
period type of the data set (``GET /api/periodTypes``). This module knows all
ISO-calendar types of DHIS2 core (``org.hisp.dhis.period.*PeriodType``) and
writes identifiers exactly as core formats them: week numbers without a
leading zero (``2023W5``), bi-months numbered 01-06 (``202302B`` is March-April),
November-based years named after the year they end in (``2024Nov`` runs from
November 2023 to October 2024, ``2024NovQ1`` from November 2023 to January
2024), and the other financial years after the year they start in
(``2023April`` runs from April 2023 to March 2024).

Weeks follow ISO 8601 generalised to the type's first weekday: week 1 of a
year is the week that holds 4 January, so a year has 52 or 53 weeks and the
days around New Year may belong to the neighbouring year (``2020W53`` is
2020-12-28 .. 2021-01-03). Bi-weeks pair ISO weeks (1-2, 3-4, ...); in a
53-week year DHIS2 lets the last bi-week (``2020BiW27``) run on into week 1
of the next year, so it overlaps ``2021BiW1`` by seven days. The dates of
week 1 are in ``2021BiW1`` for :func:`period_id`, as in DHIS2.

Reading is as tolerant as DHIS2's own parser (``Period.Input.of``): it also
takes ``2014-02-04`` (daily), ``2014-02`` (monthly) and zero-padded week
numbers (``2014W05``); :func:`period_id` always writes the canonical form.

Examples
--------
>>> import datetime as dt
>>> period_id("Weekly", dt.date(2021, 1, 1))
'2020W53'
>>> period_range("2020W53")
(datetime.date(2020, 12, 28), datetime.date(2021, 1, 3))
>>> period_type_of("202302B"), period_range("202302B")
('BiMonthly', (datetime.date(2023, 3, 1), datetime.date(2023, 4, 30)))
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Final

from dateutil.relativedelta import FR, MO, SA, SU, TH, WE, relativedelta, weekday

from de_an06 import _validators as v
from de_an06.errors import ParseError, ValidationError

__all__ = [
    "DHIS2_PERIOD_TYPES",
    "checked_period_type",
    "dhis2_period",
    "dhis2_period_range",
    "period_holding",
    "period_id",
    "period_range",
    "period_type_of",
]

#: Weekly types: id infix and first day of the week.
_WEEKLY: dict[str, tuple[str, weekday]] = {
    "Weekly": ("W", MO),
    "WeeklyWednesday": ("WedW", WE),
    "WeeklyThursday": ("ThuW", TH),
    "WeeklyFriday": ("FriW", FR),
    "WeeklySaturday": ("SatW", SA),
    "WeeklySunday": ("SunW", SU),
}

#: Month-based types: months per period, first month of their year, what to
#: add to that year's starting calendar year to get the id's year, id format.
_MONTHLY: dict[str, tuple[int, int, int, str]] = {
    "Monthly": (1, 1, 0, "{year}{index:02d}"),
    "BiMonthly": (2, 1, 0, "{year}{index:02d}B"),
    "Quarterly": (3, 1, 0, "{year}Q{index}"),
    "QuarterlyNov": (3, 11, 1, "{year}NovQ{index}"),
    "SixMonthly": (6, 1, 0, "{year}S{index}"),
    "SixMonthlyApril": (6, 4, 0, "{year}AprilS{index}"),
    "SixMonthlyNov": (6, 11, 1, "{year}NovS{index}"),
    "Yearly": (12, 1, 0, "{year}"),
    "FinancialFeb": (12, 2, 0, "{year}Feb"),
    "FinancialApril": (12, 4, 0, "{year}April"),
    "FinancialJuly": (12, 7, 0, "{year}July"),
    "FinancialAug": (12, 8, 0, "{year}Aug"),
    "FinancialSep": (12, 9, 0, "{year}Sep"),
    "FinancialOct": (12, 10, 0, "{year}Oct"),
    "FinancialNov": (12, 11, 1, "{year}Nov"),
}

#: Every supported period type, by its DHIS2 name. ``WeeklyFriday``,
#: ``FinancialFeb``, ``FinancialAug`` and ``FinancialSep`` exist in DHIS2 core
#: only since 2026; older servers refuse them.
DHIS2_PERIOD_TYPES: Final[tuple[str, ...]] = ("Daily", *_WEEKLY, "BiWeekly", *_MONTHLY)

#: The types :func:`dhis2_period` recognises without a `period_type`.
_RECOGNISED: Final = ("Daily", "Monthly", "Quarterly", "SixMonthly", "Yearly")

_Y = "(?P<year>[0-9]{4})"
_N1 = "(?P<index>[0-9])"
_N2 = "(?P<index>[0-9]{1,2})"
#: DHIS2's id grammar (``Period.Input.of``), one pattern per type.
_GRAMMAR: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_Y + pattern, re.ASCII), name) for pattern, name in (
        ("", "Yearly"),
        ("-?(?P<index>[0-9]{2})", "Monthly"),
        ("(?P<month>[0-9]{2})(?P<day>[0-9]{2})", "Daily"),
        ("-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})", "Daily"),
        *((infix + _N2, name) for name, (infix, _) in _WEEKLY.items()),
        ("BiW" + _N2, "BiWeekly"),
        ("(?P<index>[0-9]{2})B", "BiMonthly"),
        ("Q" + _N1, "Quarterly"),
        ("NovQ" + _N1, "QuarterlyNov"),
        ("S" + _N1, "SixMonthly"),
        ("AprilS" + _N1, "SixMonthlyApril"),
        ("NovS" + _N1, "SixMonthlyNov"),
        *((suffix, f"Financial{suffix}")
          for suffix in ("Feb", "April", "July", "Aug", "Sep", "Oct", "Nov")),
    )
)

_ONE_DAY = dt.timedelta(days=1)


@functools.lru_cache(maxsize=1024)
def _week_one(year: int, first: weekday) -> dt.date:
    """First day of week 1 of `year`: the week starting on `first` that holds 4 January."""
    return dt.date(year, 1, 4) + relativedelta(weekday=first(-1))


def _weeks_in(year: int, first: weekday) -> int:
    # 28 December is always in the last week of its year.
    return _week_of(dt.date(year, 12, 28), first)[1]


def _week_of(day: dt.date, first: weekday) -> tuple[int, int]:
    """(week-based year, week number) of `day` for weeks starting on `first`."""
    start = day + relativedelta(weekday=first(-1))
    # A week belongs to the year holding its fourth day (and so 4 January).
    year = (start + 3 * _ONE_DAY).year
    return year, (start - _week_one(year, first)).days // 7 + 1


def _id_of(period_type: str, day: dt.date) -> tuple[int, str]:
    """(year of the id, id) of the period of `period_type` holding `day`."""
    if period_type == "Daily":
        return day.year, f"{day.year}{day.month:02d}{day.day:02d}"
    if period_type in _WEEKLY:
        infix, first = _WEEKLY[period_type]
        year, week = _week_of(day, first)
        return year, f"{year}{infix}{week}"
    if period_type == "BiWeekly":
        year, week = _week_of(day, MO)
        return year, f"{year}BiW{(week + 1) // 2}"
    months, first_month, shift, template = _MONTHLY[period_type]
    start = dt.date(day.year, first_month, 1)
    if start > day:
        start = start.replace(year=day.year - 1)
    elapsed = relativedelta(day, start).months
    year = start.year + shift
    return year, template.format(year=year, index=elapsed // months + 1)


def period_id(period_type: str, day: dt.date) -> str:
    """The identifier of the DHIS2 period of `period_type` that holds `day`.

    Parameters
    ----------
    period_type : str
        A DHIS2 period type name, one of :data:`DHIS2_PERIOD_TYPES` (``"Monthly"``,
        ``"Weekly"``, ``"FinancialApril"``...).
    day : datetime.date
        Any day; the period's id must have a four-digit year (1000-9999).

    Returns
    -------
    str

    Raises
    ------
    ValidationError
        For an unknown period type, a `day` that is not a date, or a period
        whose year has no four-digit id.

    Examples
    --------
    >>> import datetime as dt
    >>> day = dt.date(2023, 1, 31)
    >>> [period_id(t, day) for t in ("Daily", "Weekly", "WeeklySunday", "BiWeekly")]
    ['20230131', '2023W5', '2023SunW5', '2023BiW3']
    >>> [period_id(t, day) for t in ("BiMonthly", "QuarterlyNov", "SixMonthlyApril",
    ...                              "FinancialJuly", "FinancialNov")]
    ['202301B', '2023NovQ1', '2022AprilS2', '2022July', '2023Nov']

    See Also
    --------
    period_range : the dates of a period.
    """
    if period_type not in DHIS2_PERIOD_TYPES:
        raise v.fail("period_id", "period_type", f"must be one of {list(DHIS2_PERIOD_TYPES)}",
                     period_type)
    if not v.is_plain_date(day):
        raise v.fail("period_id", "day", f"must be a datetime.date, not {type(day).__name__}",
                     day)
    try:
        year, text = _id_of(period_type, day)
        if day.year in {dt.MINYEAR, dt.MAXYEAR}:
            _parse(text)  # the period must lie within the dates Python knows
    except (OverflowError, ValueError, ParseError):
        year = 0
    if not 1000 <= year <= 9999:  # noqa: PLR2004 - DHIS2 ids have four-digit years
        raise v.fail("period_id", "day", f"has no {period_type} period id (one with a "
                     "four-digit year, ending by 9999-12-31)", day)
    return text


def _fail(text: str, why: str) -> ParseError:
    return ParseError(f"period_id {text!r} is not a DHIS2 period: {why}", text=text)


def _match(text: str) -> tuple[str, re.Match[str]]:
    for pattern, name in _GRAMMAR:
        match = pattern.fullmatch(text)
        if match is not None:
            return name, match
    raise _fail(text, "no period type writes its ids this way")


def _parse(text: object) -> tuple[str, dt.date, dt.date]:
    if not isinstance(text, str):
        raise v.fail("period_range", "period_id", f"must be a str, not {type(text).__name__}",
                     text)
    name, match = _match(text)
    parts = {key: int(value) for key, value in match.groupdict().items() if value is not None}
    try:
        start, end = _range(name, parts)
    except (OverflowError, ValueError) as error:
        raise _fail(text, str(error)) from None
    return name, start, end


def _range(name: str, parts: dict[str, int]) -> tuple[dt.date, dt.date]:
    year = parts["year"]
    if name == "Daily":
        day = dt.date(year, parts["month"], parts["day"])
        return day, day
    index = parts.get("index", 1)
    if name in _WEEKLY or name == "BiWeekly":
        first = _WEEKLY[name][1] if name in _WEEKLY else MO
        weeks = 1 if name in _WEEKLY else 2
        week = weeks * index - (weeks - 1)  # a bi-week starts with its odd ISO week
        count = _weeks_in(year, first)
        if not 1 <= week <= count:
            what = "weeks" if weeks == 1 else "bi-weeks"
            raise ValueError(f"{year} has {(count + weeks - 1) // weeks} {name} {what}, "
                             f"not {index}")
        start = _week_one(year, first) + relativedelta(weeks=week - 1)
        return start, start + relativedelta(weeks=weeks, days=-1)
    months, first_month, shift, _ = _MONTHLY[name]
    if not 1 <= index <= 12 // months:
        raise ValueError(f"the number must be between 1 and {12 // months}, not {index}")
    start = dt.date(year - shift, first_month, 1) + relativedelta(months=months * (index - 1))
    # day=31 is the last day of the period's last month, whatever its length.
    return start, start + relativedelta(months=months - 1, day=31)


def period_range(period_id: str) -> tuple[dt.date, dt.date]:
    """The first and last day (inclusive) of the DHIS2 period `period_id`.

    Raises
    ------
    ParseError
        When `period_id` is not written as a DHIS2 period id, or names a
        period that does not exist (``2014W53``, ``2023Q5``, ``20230230``).
    ValidationError
        When `period_id` is not a string.

    Examples
    --------
    >>> period_range("2024Nov")
    (datetime.date(2023, 11, 1), datetime.date(2024, 10, 31))
    >>> period_range("2009BiW27")
    (datetime.date(2009, 12, 28), datetime.date(2010, 1, 10))

    See Also
    --------
    period_id : the id of the period holding a date.
    period_type_of : the type of an id.
    """
    _, start, end = _parse(period_id)
    return start, end


def period_type_of(period_id: str) -> str:
    """The DHIS2 period type of `period_id` (which must name an existing period).

    Raises
    ------
    ParseError, ValidationError
        As :func:`period_range`.

    Examples
    --------
    >>> [period_type_of(p) for p in ("2011", "2011-01", "2011W32", "2011NovS1", "2011Sep")]
    ['Yearly', 'Monthly', 'Weekly', 'SixMonthlyNov', 'FinancialSep']
    """
    name, _, _ = _parse(period_id)
    return name


# --------------------------------------------------------------------------
# The public face, through de_an06.io
# --------------------------------------------------------------------------


def checked_period_type(owner: str, period_type: object) -> str:
    """`period_type` if it is one of :data:`DHIS2_PERIOD_TYPES`; else `owner`'s error."""
    if not isinstance(period_type, str) or period_type not in DHIS2_PERIOD_TYPES:
        raise v.fail(owner, "period_type", f"must be one of {list(DHIS2_PERIOD_TYPES)}",
                     period_type)
    return period_type


def period_holding(period_type: str, day: dt.date, owner: str, field: str,
                   subject: object) -> str:
    """The id of the `period_type` period holding `day`; `owner`.`field` names a failure."""
    try:
        return period_id(period_type, day)
    except ValidationError:
        raise v.fail(owner, field, f"has no {period_type} period id for {day} (DHIS2 ids "
                     "have four-digit years, up to 9999-12-31)", subject) from None


def dhis2_period(start: dt.date, end: dt.date, *, period_type: str | None = None) -> str:
    """The DHIS2 period id for the days ``start`` .. ``end`` (inclusive).

    Parameters
    ----------
    start, end : datetime.date
        The first and last day of the period.
    period_type : str, optional
        A DHIS2 period type, one of :data:`DHIS2_PERIOD_TYPES`: the days
        must form exactly one period of that type. Without it, a day
        (``yyyyMMdd``), a calendar month (``yyyyMM``), a quarter (``yyyyQn``),
        a half-year (``yyyySn``, "6 tháng đầu năm" is ``S1``) or a year
        (``yyyy``) is recognised.

    Returns
    -------
    str
        The id, written as DHIS2 writes it (``2023W5``, not ``2023W05``).

    Raises
    ------
    ValidationError
        When the days are not one period (of `period_type`, or of the five
        recognised types: DHIS2 has no arbitrary ranges), for an unknown
        `period_type`, or for a start or end that is not a date.

    See Also
    --------
    dhis2_period_range : the days of a period id.

    Examples
    --------
    >>> import datetime as dt
    >>> dhis2_period(dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    '2023S1'
    >>> dhis2_period(dt.date(2023, 7, 1), dt.date(2023, 7, 1))
    '20230701'
    >>> dhis2_period(dt.date(2020, 12, 28), dt.date(2021, 1, 3), period_type="Weekly")
    '2020W53'
    >>> dhis2_period(dt.date(2023, 7, 1), dt.date(2024, 6, 30), period_type="FinancialJuly")
    '2023July'
    """
    owner = "dhis2_period"
    days = (v.checked_date(owner, "start", start), v.checked_date(owner, "end", end))
    if period_type is None:
        for kind in _RECOGNISED:
            text = period_holding(kind, start, owner, "period", days)
            if period_range(text) == days:
                return text
        raise v.fail(owner, "period", "must be a day, month, quarter, half-year or year "
                     "(or one period of the given period_type)", days)
    checked_period_type(owner, period_type)
    text = period_holding(period_type, start, owner, "period", days)
    first, last = period_range(text)
    if (first, last) != days:
        raise v.fail(owner, "period", f"must be exactly one {period_type} period (the one "
                     f"holding {start} is {text}, {first}..{last})", days)
    return text


def dhis2_period_range(period_id: str) -> tuple[dt.date, dt.date]:
    """The first and last day (inclusive) of the DHIS2 period `period_id`.

    Reads every id :func:`dhis2_period` writes, and the other forms DHIS2
    itself reads (``2014-02``, ``2014-02-04``, ``2014W05``).

    Raises
    ------
    ParseError
        When `period_id` is not written as a DHIS2 period id, or names a
        period that does not exist (``2014W53``, ``2023Q5``, ``20230230``).
    ValidationError
        When `period_id` is not a string.

    See Also
    --------
    dhis2_period : the id of a period.

    Examples
    --------
    >>> dhis2_period_range("2020W53")
    (datetime.date(2020, 12, 28), datetime.date(2021, 1, 3))
    >>> dhis2_period_range("2024Nov")
    (datetime.date(2023, 11, 1), datetime.date(2024, 10, 31))
    """
    if not isinstance(period_id, str):
        raise v.fail("dhis2_period_range", "period_id",
                     f"must be a str, not {type(period_id).__name__}", period_id)
    return period_range(period_id)
