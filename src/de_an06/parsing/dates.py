"""Dates, reporting periods and ranks as reports print them.

- :func:`parse_date` reads a date, always day first (``20-6``, ``1/6/2022``,
  ``ngày 6 tháng 1 năm 2022``) or ISO (``2022-01-06``), with the patterns of
  :mod:`de_an06.parsing.grammar`;
- :func:`parse_period` reads a reporting period (``6 tháng đầu năm 2023``,
  ``quý II/2023``, ``từ 9-2 đến 20-6``) as its first and last day;
- :func:`parse_rank` reads a rank (``xếp hạng 25/63``, ``áp chót``).

Month ends come from the one date module, ``de_an06._days``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from de_an06 import _validators as v
from de_an06._days import month_end
from de_an06.errors import ParseError
from de_an06.model import Rank
from de_an06.parsing._lexical import Scanner, Words, fold, fold_text, is_int, normalise
from de_an06.parsing._prose_words import MEANING_WORDS, RANK_WORDS, SECOND_TO_LAST
from de_an06.parsing._scan_dates import scan_dates
from de_an06.parsing.grammar import (
    DAY_FIRST_DATE,
    ISO_DATE,
    MONTH_YEAR,
    MONTHS_OF_YEAR,
    QUARTER,
    WORDED_DATE,
    YEAR,
    YEAR_SPAN,
)

# --------------------------------------------------------------------------
# Grammar of periods and ranks
# --------------------------------------------------------------------------

_ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

#: The period forms, in the order they are tried (each of the grammar).
_PERIODS: Final = (("months", MONTHS_OF_YEAR), ("quarter", QUARTER), ("month", MONTH_YEAR),
                   ("years", YEAR_SPAN), ("year", YEAR))

_RANGE: Final = re.compile(r"""
    (?:từ|tu)\ +(?P<start>.+?)\ +(?:đến|den|tới|toi)\ +(?P<end>.+)   # "từ 9-2 đến 20-6"
""", re.VERBOSE | re.IGNORECASE)

# The words before a rank are those the finders read (but "top", which is no
# position), with the same rule of spellings: matched on the folded text, then
# checked as printed (Words.value).
_RANK_WORDS: Final = Words(dict.fromkeys((w for w in RANK_WORDS if w != "top"), True),
                           MEANING_WORDS)
_SECOND_TO_LAST: Final = Words(dict.fromkeys(SECOND_TO_LAST, True))
_RANK: Final = re.compile(
    rf"(?:(?P<words>{_RANK_WORDS.body}) +)?(?P<position>[0-9]{{1,6}}) */ *(?P<total>[0-9]{{1,6}})"
    rf"|(?P<named>{_RANK_WORDS.body}) +(?P<alone>[0-9]{{1,6}})"  # "đứng thứ 5"
    rf"|(?P<second_last>{_SECOND_TO_LAST.body})")  # second to last
_RANK_NAMES: Final = ", ".join(w for w in (*RANK_WORDS, *SECOND_TO_LAST) if w != "top")
_RANK_TABLES: Final = (("words", _RANK_WORDS), ("named", _RANK_WORDS),
                       ("second_last", _SECOND_TO_LAST))


class _NoShape(Exception):  # noqa: N818 - a signal between the readers, never raised out
    """No form of the strict grammar read the text (or its year is elsewhere).

    The text may still be one mention as :func:`find_dates` reads it
    (:func:`_mentioned`); `error` is raised if it is not.
    """

    def __init__(self, error: ParseError) -> None:
        super().__init__()
        self.error = error


def _check_year(year: object, owner: str) -> int | None:
    if year is None:
        return None
    if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 9999:  # noqa: PLR2004
        raise v.fail(owner, "year", "must be an int in [1, 9999] or None", year)
    return year


# --------------------------------------------------------------------------
# Dates, periods and ranks
# --------------------------------------------------------------------------


def _make_date(scanner: Scanner, year: int, month: int, day: int,
               positions: tuple[int, int, int]) -> dt.date:
    if not 1 <= month <= 12:  # noqa: PLR2004 - months in a year
        raise scanner.error(f"month {month} does not exist", positions[1])
    if year < 1:
        raise scanner.error("year 0 does not exist", positions[0])
    last = month_end(year, month).day
    if not 1 <= day <= last:
        raise scanner.error(f"day {day} does not exist in {year}-{month:02d}", positions[2])
    return dt.date(year, month, day)


def _date_at(scanner: Scanner, text: str, offset: int, year: int | None) -> dt.date:
    """Read the date `text`, which starts at `offset` of the scanner's text."""
    for pattern in (ISO_DATE, DAY_FIRST_DATE, WORDED_DATE):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        if match["year"] is None and year is None:  # a span may print it later
            raise _NoShape(scanner.error("no year printed: pass year=", offset + match.end()))
        the_year = int(match["year"]) if match["year"] is not None else int(year or 0)
        where = (offset + (match.start("year") if match["year"] else 0),
                 offset + match.start("month"), offset + match.start("day"))
        return _make_date(scanner, the_year, int(match["month"]), int(match["day"]), where)
    digits = re.search(r"[0-9]", text)
    raise _NoShape(scanner.error("expected a day-first date such as 20-6, 1/6/2022 or "
                                 "2022-01-06", offset + (digits.start() if digits else 0)))


def _trimmed(text: object, what: str) -> tuple[Scanner, str, int]:
    scanner = Scanner(normalise(text, what), what)
    body = scanner.text.strip(" ")
    return scanner, body, len(scanner.text) - len(scanner.text.lstrip(" "))


def parse_date(text: str, *, year: int | None = None) -> dt.date:
    """Read a date, always day first.

    Accepted: ISO ``2022-01-06``; ``D/M/YYYY``, ``D-M-YYYY`` and
    ``D.M.YYYY`` (one separator throughout, :data:`DAY_FIRST_DATE`); the same
    without the year (``"20-6"``) when `year` is given; each optionally after
    ``"ngày"``; and ``"ngày 6 tháng 1 năm 2022"``. A time of day printed
    before or after the date (``"17h ngày 12.10"``, ``"05/11/2024 08:15:00"``)
    is read and dropped. Two-digit years are refused. No month-first reading
    is ever tried. A date cut out of running text with its words of time
    (``"tính đến ngày 14/9/2023"``, ``"Sáng 23/5"``) reads as
    :func:`find_dates` reads it.

    Parameters
    ----------
    text : str
        The date.
    year : int, optional
        The year for dates printed without one (typically the report's).

    Raises
    ------
    ParseError
        For any other shape, a missing year, or a date that does not exist
        (``"31/2/2023"``).

    Examples
    --------
    >>> parse_date("ngày 6/1/2022"), parse_date("23/3/2022")
    (datetime.date(2022, 1, 6), datetime.date(2022, 3, 23))
    >>> parse_date("9-2", year=2023), parse_date("05/11/2024 08:15:00")
    (datetime.date(2023, 2, 9), datetime.date(2024, 11, 5))
    >>> parse_date("31/2/2023")
    Traceback (most recent call last):
      ...
    de_an06.errors.ParseError: Invalid Vietnamese date: '31/2/2023' (day 31 does not ...)
        31/2/2023
        ^
    """
    year = _check_year(year, "parse_date")
    scanner, body, offset = _trimmed(text, "Vietnamese date")
    try:
        return _date_at(scanner, body, offset, year)
    except _NoShape as no_shape:
        days = _mentioned(body, year)  # with a time of day or words of time
        if days is None or days[0] != days[1]:
            raise no_shape.error from None
        return days[0]


def parse_period(text: str, *, year: int | None = None) -> tuple[dt.date, dt.date]:
    """Read a reporting period as its first and last day (both included).

    Accepted shapes::

        "6 tháng đầu năm 2023"  -> (2023-01-01, 2023-06-30)   first N months
        "6 tháng cuối năm 2023" -> (2023-07-01, 2023-12-31)   last N months
        "quý II/2023", "quý 2 năm 2023" -> (2023-04-01, 2023-06-30)
        "tháng 6/2023", "tháng 6-2023", "tháng 6 năm 2023", "6/2023"
                                -> (2023-06-01, 2023-06-30)
        "năm 2024"              -> (2024-01-01, 2024-12-31)
        "2021-2025"             -> (2021-01-01, 2025-12-31)   a span of years
        "từ 9-2 đến 20-6"       -> two dates, read by parse_date(year=...)

    A period printed without its year ("6 tháng đầu năm", "quý II") takes `year`.
    The forms are those of :func:`find_dates` (patterns of
    :mod:`~de_an06.parsing.grammar`), and any one mention it finds, cut out
    whole, reads to the same days: words of time before it (``"giai đoạn
    2021-2025"``, ``"tính đến ngày 14/9/2023"``, a single day), *đầu*,
    *giữa*, *cuối* (``"cuối tháng 8/2024"``: days 21-31), ``"từ tháng 3 đến
    tháng 6/2024"``, ``"tháng 8"`` with `year` (and ``"năm nay"`` as
    `year`). A day counted from a publication date (``"hôm qua"``) is
    refused: pass that date to :func:`find_dates` instead.

    Raises
    ------
    ParseError
        For other shapes, 0 or more than 12 months, or a range that ends
        before it starts.

    Examples
    --------
    >>> parse_period("9 tháng đầu năm 2022")
    (datetime.date(2022, 1, 1), datetime.date(2022, 9, 30))
    >>> parse_period("quý II/2023")
    (datetime.date(2023, 4, 1), datetime.date(2023, 6, 30))
    >>> parse_period("từ 9-2 đến 20-6", year=2023)
    (datetime.date(2023, 2, 9), datetime.date(2023, 6, 20))
    >>> parse_period("tháng 10-2024")[1], parse_period("2021-2025")[1]
    (datetime.date(2024, 10, 31), datetime.date(2025, 12, 31))
    >>> parse_period("cuối tháng 8/2024")
    (datetime.date(2024, 8, 21), datetime.date(2024, 8, 31))
    """
    year = _check_year(year, "parse_period")
    scanner, body, offset = _trimmed(text, "Vietnamese period")
    try:
        return _strict_period(scanner, body, offset, year)
    except _NoShape as no_shape:
        days = _mentioned(body, year)
        if days is None:
            raise no_shape.error from None
        return days


def _mentioned(body: str, year: int | None) -> tuple[dt.date, dt.date] | None:
    """The days of `body` when it is one whole mention as :func:`find_dates` reads it.

    Words of time before it (*tính đến*, *giai đoạn*, *Sáng*), *đầu/giữa/cuối*
    and *từ ... đến ...* are read; a phrase without a year takes `year`. A
    day counted from the publication date (*hôm qua*) is no date here.
    """
    published = None if year is None else dt.date(year, 1, 1)
    mentions = scan_dates(body, fold_text(body), published)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    if (mention.start, mention.end) != (0, len(body)) or mention.found.form == "relday":
        return None
    return mention.days


def _strict_period(scanner: Scanner, body: str, offset: int,
                   year: int | None) -> tuple[dt.date, dt.date]:
    """The strict grammar of :func:`parse_period` (its errors point into the text)."""
    span = _RANGE.fullmatch(body)
    if span is not None:
        start = _date_at(scanner, span["start"], offset + span.start("start"), year)
        end = _date_at(scanner, span["end"], offset + span.start("end"), year)
        if end < start:
            raise scanner.error(f"the period ends ({end}) before it starts ({start})",
                                offset + span.start("end"))
        return start, end
    for form, pattern in _PERIODS:
        match = pattern.fullmatch(body)
        if match is not None:
            return _period(scanner, form, match, offset, year)
    raise _NoShape(scanner.error("expected e.g. '6 tháng đầu năm 2023', 'quý II/2023', "
                                 "'năm 2024' or 'từ 9-2 đến 20-6'", offset))


def _period(scanner: Scanner, form: str, match: re.Match[str], offset: int,  # noqa: C901
            year: int | None) -> tuple[dt.date, dt.date]:
    """The first and last day of the period `match` of `form` printed."""
    if form == "years":
        first, last = int(match["first"]), int(match["last"])
        if last < first:
            raise scanner.error(f"the period ends ({last}) before it starts ({first})",
                                offset + match.start("last"))
        return dt.date(first, 1, 1), dt.date(last, 12, 31)
    if match["year"] is None and year is None:
        raise scanner.error("no year printed: pass year=", offset + match.end())
    the_year = int(match["year"]) if match["year"] else int(year or 0)
    if the_year < 1:
        raise scanner.error("year 0 does not exist", offset + match.start("year"))
    if form == "year":
        return dt.date(the_year, 1, 1), dt.date(the_year, 12, 31)
    if form == "quarter":
        quarter = _ROMAN.get(match["quarter"].casefold()) or int(match["quarter"])
        return dt.date(the_year, 3 * quarter - 2, 1), month_end(the_year, 3 * quarter)
    if form == "month":
        month = int(match["month"])
        if not 1 <= month <= 12:  # noqa: PLR2004 - months in a year
            raise scanner.error(f"month {month} does not exist", offset + match.start("month"))
        return dt.date(the_year, month, 1), month_end(the_year, month)
    months = int(match["months"])
    if not 1 <= months <= 12:  # noqa: PLR2004 - months in a year
        raise scanner.error("a year has 1 to 12 months", offset + match.start("months"))
    if fold(match["edge"]) == "dau":
        return dt.date(the_year, 1, 1), month_end(the_year, months)
    return dt.date(the_year, 13 - months, 1), dt.date(the_year, 12, 31)


def _rank_match(scanner: Scanner, body: str, offset: int) -> re.Match[str]:
    """The match of :data:`_RANK` in `body`, its words checked as printed (Words.value)."""
    match = _RANK.fullmatch(fold_text(body))
    if match is None:
        raise scanner.error("expected a rank such as 25/63", offset)
    for group, table in _RANK_TABLES:
        printed = match[group] and body[match.start(group):match.end(group)]
        if printed and table.value(printed) is None:
            raise scanner.error(f"{printed!r} is no rank word as printed ({_RANK_NAMES})",
                                offset + match.start(group))
    return match


def parse_rank(text: str, *, total: int | None = None) -> Rank:
    """Read a rank such as ``"25/63"`` (optionally after ``"hạng"`` / ``"xếp thứ"``).

    The words before it are those :func:`find_figures` reads (``xếp thứ``,
    ``xếp hạng``, ``đứng thứ``, ``thứ hạng``, ``hạng``, ``thứ``); after one
    of them the total may be left out (``"đứng thứ 5"``) and is then `total`.
    ``"áp chót"`` (second to last) needs `total`. ``"Top 5"`` is no position.
    The words are read as the finders read them: as printed or without any
    diacritics (``"xep thu 5/63"``), never marked otherwise (``"thú"``), and
    ``"thu"`` is *thu* (collected), no ``"thứ"``.

    Raises
    ------
    ParseError
        For other shapes, a word that is no rank word as printed, or a
        position outside ``1..total``.

    Examples
    --------
    >>> parse_rank("25/63"), parse_rank("xếp hạng 37/63")
    (Rank(position=25, total=63), Rank(position=37, total=63))
    >>> parse_rank("áp chót", total=63), parse_rank("Đứng thứ 5", total=63)
    (Rank(position=62, total=63), Rank(position=5, total=63))
    >>> parse_rank("xếp thú 5/63")
    Traceback (most recent call last):
      ...
    de_an06.errors.ParseError: Invalid rank: 'xếp thú 5/63' ('xếp thú' is no rank word as ...)
        xếp thú 5/63
        ^

    See Also
    --------
    find_figures : the ranks of a running text, with the same words.
    """
    if total is not None and (not is_int(total) or total < 2):  # noqa: PLR2004 - two at least
        raise v.fail("parse_rank", "total", "must be an int >= 2 or None", total)
    scanner, body, offset = _trimmed(text, "rank")
    match = _rank_match(scanner, body, offset)
    if match["second_last"]:
        if total is None:
            raise scanner.error("'áp chót' (second to last) needs total=", offset)
        return Rank(total - 1, total)
    group = "alone" if match["alone"] else "position"
    if group == "alone":
        if total is None:
            raise scanner.error("no total printed: pass total=", offset + match.end())
        of = total
    else:
        of = int(match["total"])
        if of < 1:
            raise scanner.error("the total must be at least 1", offset + match.start("total"))
    position = int(match[group])
    if not 1 <= position <= of:
        raise scanner.error(f"the position must be between 1 and {of}",
                            offset + match.start(group))
    return Rank(position, of)
