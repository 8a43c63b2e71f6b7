"""The date finder: every date and period of a running text.

Each form is a pattern of :mod:`~de_an06.parsing.grammar`, matched on the
folded text (:func:`~de_an06.parsing._lexical.fold_text`, same offsets as the
normalised text), then its words as printed (:data:`DATE_WORDS`: after
``"thắng"``, won, ``"thắng 3/2024"`` reads on as ``3/2024``; the ``Nam`` of
``Việt Nam``, a name of :data:`COMPOUND_WORDS`, is no year); overlapping
matches keep the one that starts first (then the longest); the words before
a match (:data:`DATE_CUES`), a time of day beside it and *đầu/giữa/cuối* give
its role, span and vagueness.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

import attrs

from de_an06.parsing import grammar
from de_an06.parsing._figures import Role
from de_an06.parsing._lexical import Words, fold
from de_an06.parsing._prose_words import (
    COMPOUND_WORDS,
    DATE_CUES,
    DATE_WORDS,
    RELATIVE_DAYS,
    RELATIVE_YEARS,
    VAGUE_EDGES,
)

_CUES: Final = Words(DATE_CUES)
_EDGES: Final = Words(VAGUE_EDGES)
_RELATIVE_DAYS: Final = Words(RELATIVE_DAYS)
_RELATIVE_YEARS: Final = Words(RELATIVE_YEARS)
_DATE_WORDS: Final = Words(dict.fromkeys(DATE_WORDS, True))
_COMPOUNDS: Final = Words(dict.fromkeys(COMPOUND_WORDS, True))
_DATE_FOLDS: Final = frozenset(fold(word) for word in DATE_WORDS)
#: The last syllables of the compounds (folded): only a date word that is one
#: is looked up in them.
_LAST_SYLLABLES: Final = frozenset(fold(word).split()[-1] for word in COMPOUND_WORDS)
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Every pattern here runs on the folded text, which is in lower case: without
# re.IGNORECASE, which makes a pattern markedly slower.
_FLAGS: Final = re.VERBOSE


def _folded(pattern: re.Pattern[str], first: str = "") -> re.Pattern[str]:
    """A grammar pattern for folded text; `first`, the characters it may start with."""
    lead = f"(?=[{first}])" if first else ""
    return re.compile(f"{lead}(?:{pattern.pattern}\n)", _FLAGS)


_ISO_DATE: Final = _folded(grammar.ISO_DATE)
_WORDED_DATE: Final = _folded(grammar.WORDED_DATE)
_DAY_FIRST_DATE: Final = _folded(grammar.DAY_FIRST_DATE, "0-9n")
_MONTH_YEAR: Final = _folded(grammar.MONTH_YEAR, "0-9t")
_MONTH: Final = _folded(grammar.MONTH)
_QUARTER: Final = _folded(grammar.QUARTER)
_MONTHS_OF_YEAR: Final = _folded(grammar.MONTHS_OF_YEAR)
_YEAR_SPAN: Final = _folded(grammar.YEAR_SPAN)
_YEAR: Final = _folded(grammar.YEAR)
_TIME: Final = f"(?:\n{grammar.TIME_OF_DAY.pattern}\n)"  # embedded on lines of its own
_TIME_BEFORE: Final = re.compile(_TIME + r"\ *,?\ *$", _FLAGS)
_TIME_AFTER: Final = re.compile(r"\ *,?\ *(?:(?:lúc|luc)\ +)?" + _TIME + r"(?![^\W_])", _FLAGS)
_CLOCK: Final = re.compile(r"(?<![\w.,:/])" + _TIME + r"(?![^\W_]|[:.,]?[0-9])", _FLAGS)
#: What may stand between two dates of one span ("từ 9-2 đến 20-6").
_JOIN: Final = re.compile(r" *(?:den|toi|-) *(?:het +)?")
_LOOK_BACK: Final = 30
#: A word or "%" after a day and month without year: "2/10 nhiệm vụ" is a fraction.
_WORD_AFTER: Final = re.compile(r" *(?:[^\W_]|%)")
_THIRDS: Final = ((1, 10), (11, 20), (21, 31))


@attrs.frozen
class _Found:
    """A match of one form: where, which form, its printed year and two numbers."""

    start: int
    end: int
    form: str   # day, month, quarter, months, years, year, relday, relyear
    year: int | None
    a: int = 0  # month, quarter, months, last year or shift
    b: int = 0  # day, or 1 for "đầu" (first months)


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether the match at start:end stands alone (not inside a longer number or word)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or (before in ".,/-" and start > 1 and text[start - 2].isdigit()):
        return False
    return not (after.isalnum() or (after in ".,/-" and text[end + 1:end + 2].isdigit()))


def _year(match: re.Match[str], group: str = "year") -> int | None:
    return int(match[group]) if match[group] else None


def _misread(text: str, folded: str, start: int, end: int) -> int | None:
    """The end of the first word of start:end that is no date word as printed; else None.

    A word folding like a word of :data:`DATE_WORDS` is one only as its table
    spells it (``Words.value``: ``"thắng"``, won, is no ``"tháng"``, month),
    and not as the last syllable of a name of :data:`COMPOUND_WORDS` (the
    ``"Nam"`` of ``"Việt Nam"``).
    """
    for word in _LETTERS.finditer(folded, start, end):
        if word[0] not in _DATE_FOLDS:
            continue  # a number's letters ("II", "h" of "17h")
        if (_DATE_WORDS.value(text[word.start():word.end()]) is None
                or (word[0] in _LAST_SYLLABLES and _COMPOUNDS.ending(
                    folded, text, word.end(), max(0, word.start() - _LOOK_BACK)) is not None)):
            return word.end()
    return None


def _standing(pattern: re.Pattern[str], text: str, folded: str) -> list[re.Match[str]]:
    """The matches of `pattern` in `folded` that stand alone and are spelt as printed.

    A match that stands alone is not inside a longer number or word (see
    :func:`_bounded`); a match with a word that is no date word as printed
    (:func:`_misread`) is none, and the text is read on after that word: what
    follows may be a date by itself (``"thắng 3/2024"`` holds ``3/2024``).
    """
    found: list[re.Match[str]] = []
    pos = 0
    while (match := pattern.search(folded, pos)) is not None:
        bad = _misread(text, folded, match.start(), match.end())
        pos = match.end() if bad is None else bad
        if bad is None and _bounded(folded, match.start(), match.end()):
            found.append(match)
    return found


def _candidates(text: str, folded: str) -> list[_Found]:
    found: list[_Found] = []
    for pattern in (_ISO_DATE, _WORDED_DATE, _DAY_FIRST_DATE):
        found += [_Found(m.start(), m.end(), "day", _year(m), int(m["month"]), int(m["day"]))
                  for m in _standing(pattern, text, folded)]
    found += [_Found(m.start(), m.end(), "month", _year(m), int(m["month"]))
              for m in _standing(_MONTH_YEAR, text, folded)]
    found += [_Found(m.start(), m.end(), "month", None, int(m["month"]))
              for m in _standing(_MONTH, text, folded)]
    found += [_Found(m.start(), m.end(), "quarter", _year(m),
                     _ROMAN.get(m["quarter"]) or int(m["quarter"]))
              for m in _standing(_QUARTER, text, folded)]
    found += [_Found(m.start(), m.end(), "months", _year(m), int(m["months"]),
                     int(m["edge"] == "dau"))
              for m in _standing(_MONTHS_OF_YEAR, text, folded)]
    found += [_Found(m.start(), m.end(), "years", _year(m, "first"), int(m["last"]))
              for m in _standing(_YEAR_SPAN, text, folded)]
    found += [_Found(m.start(), m.end(), "year", _year(m))
              for m in _standing(_YEAR, text, folded)]
    for form, words in (("relday", _RELATIVE_DAYS), ("relyear", _RELATIVE_YEARS)):
        for m in _standing(words.after, text, folded):
            shift = words.value(text[m.start():m.end()])
            if shift is not None:
                found.append(_Found(m.start(), m.end(), form, None, shift))
    found.sort(key=lambda f: (f.start, -f.end))
    return found


def clock_spans(folded: str) -> list[tuple[int, int]]:
    """Where the text prints a time of day with ``h`` or ``:`` (``17h``, ``08:15``)."""
    return [m.span() for m in _CLOCK.finditer(folded) if any(c in m.group() for c in "h:")]


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _whole_month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, _month_end(year, month))


def _third(year: int, month: int | None, edge: int) -> tuple[dt.date, dt.date]:
    """The documented bounds of đầu/giữa/cuối (start, middle, end) of a month or a year."""
    if month is None:
        first = 4 * edge + 1
        return dt.date(year, first, 1), _whole_month(year, first + 3)[1]
    low, high = _THIRDS[edge]
    return dt.date(year, month, low), dt.date(year, month, min(high, _month_end(year, month)))


def _days(found: _Found, year: int, edge: int | None) -> tuple[dt.date, dt.date] | None:  # noqa: C901, PLR0911
    """The first and last day of `found` in `year`; ``None`` when it is no date."""
    form, a, b = found.form, found.a, found.b
    if form == "day":
        if not (1 <= a <= 12 and 1 <= b <= _month_end(year, a)):  # noqa: PLR2004 - months
            return None
        return dt.date(year, a, b), dt.date(year, a, b)
    if form == "month":
        if not 1 <= a <= 12:  # noqa: PLR2004 - months in a year
            return None
        return _whole_month(year, a) if edge is None else _third(year, a, edge)
    if form == "quarter":
        return dt.date(year, 3 * a - 2, 1), _whole_month(year, 3 * a)[1]
    if form == "months":
        if not 1 <= a <= 12:  # noqa: PLR2004 - months in a year
            return None
        if b:
            return dt.date(year, 1, 1), _whole_month(year, a)[1]
        return dt.date(year, 13 - a, 1), dt.date(year, 12, 31)
    if form == "years":
        return None if a < year else (dt.date(year, 1, 1), dt.date(a, 12, 31))
    if edge is not None:
        return _third(year, None, edge)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _plausible(found: _Found) -> bool:
    """Whether a date without a year could exist (a month 1-12, a day 1-31)."""
    if found.form == "day":
        return 1 <= found.a <= 12 and 1 <= found.b <= 31  # noqa: PLR2004 - the calendar
    return found.form != "month" or 1 <= found.a <= 12  # noqa: PLR2004 - the calendar


def _resolve(found: _Found, edge: int | None, published: dt.date | None,
             year: int | None) -> tuple[tuple[dt.date, dt.date] | None, bool, bool]:
    """(first and last day or None, whether the year was supplied, whether it is a date)."""
    if found.form == "relday":
        if published is None:
            return None, True, True
        day = published + dt.timedelta(days=found.a)
        return (day, day), True, True
    supplied = found.year is None
    if found.form == "relyear":
        year = None if published is None else published.year + found.a
    elif found.year is not None:
        year = found.year
    elif year is None and published is not None:
        year = published.year
    if year is None or not 1 <= year <= 9999:  # noqa: PLR2004 - the years of datetime
        return None, supplied, _plausible(found)
    days = _days(found, year, edge)
    return days, supplied, days is not None


def _cue(text: str, folded: str, start: int, floor: int) -> tuple[int, str | None]:
    """The start of the cue words before `start` and the role they give."""
    hit = _CUES.ending(folded, text, start, max(floor, start - _LOOK_BACK))
    if hit is None:
        return start, None
    return hit[0], hit[1]


def _stands_as_date(text: str, folded: str, found: _Found, cued: bool) -> bool:
    """A day and month without year is a date after a cue word or before punctuation."""
    if (found.form != "day" or found.year is not None or cued
            or folded.startswith("ngay", found.start)):
        return True
    return _WORD_AFTER.match(text, found.end) is None


def _time_before(text: str, folded: str, start: int, floor: int) -> re.Match[str] | None:
    """The time of day printed just before `start`, its words spelt as printed."""
    time = _TIME_BEFORE.search(folded, max(floor, start - 16), start)
    if time is not None and _misread(text, folded, time.start(), start) is not None:
        return None  # "17 giỏ ngày 5/3": 17 baskets, no time of day
    return time


@attrs.frozen
class Mention:
    """A date mention in normalised offsets, before it is mapped back to the input."""

    start: int
    end: int
    days: tuple[dt.date, dt.date] | None
    role: Role
    supplied: bool
    vague: bool
    found: _Found


def scan_dates(text: str, folded: str, published: dt.date | None) -> list[Mention]:  # noqa: C901 - the steps of one pass
    """Every date mention of the normalised `text` (with its `folded` copy), in order."""
    mentions: list[Mention] = []
    floor = 0
    for found in _candidates(text, folded):
        if found.start < floor:
            continue
        start, end = found.start, found.end
        edge = None
        if found.form in ("month", "year"):
            hit = _EDGES.ending(folded, text, start, max(floor, start - 8))
            if hit is not None:
                start, edge = hit
        time = _time_before(text, folded, start, floor)
        if time is not None and found.form == "day":
            start = time.start()
        start, role = _cue(text, folded, start, floor)
        if not _stands_as_date(text, folded, found, role is not None or time is not None):
            continue
        after = _TIME_AFTER.match(folded, end) if found.form == "day" else None
        if after is not None and _misread(text, folded, end, after.end()) is None:
            end = after.end()
        days, supplied, is_date = _resolve(found, edge, published, None)
        if not is_date:
            continue
        if found.form == "relday":
            role = "as_of" if folded.startswith("den", found.start) else (role or "point")
        role = role or ("point" if found.form == "day" else "period")
        previous = mentions[-1] if mentions else None
        join = _JOIN.fullmatch(folded, previous.end, found.start) if previous else None
        if join is not None and _misread(text, folded, join.start(), join.end()) is not None:
            join = None  # "từ 9/2 tôi 20/6": no "tới" (to)
        if (previous is not None and previous.role == "open_start" and role in ("as_of", "point")
                and (join is not None
                     or (role == "as_of" and not folded[previous.end:start].strip()))):
            mentions[-1] = _span(previous, found, end, days, supplied=supplied,
                                 edge=edge, published=published)
        else:
            mentions.append(Mention(start, end, days, role, supplied,  # type: ignore[arg-type]
                                    edge is not None, found))
        floor = end
    return mentions


def _span(first: Mention, found: _Found, end: int, days: tuple[dt.date, dt.date] | None, *,
          supplied: bool, edge: int | None, published: dt.date | None) -> Mention:
    """Read "từ A đến B" as one period; A takes B's printed year when it prints none."""
    first_days = first.days
    first_supplied = first.supplied
    if first.found.year is None and found.year is not None:
        first_days, first_supplied, _ = _resolve(first.found, None, published, found.year)
        first_supplied = False
    if first_days is None or days is None or days[1] < first_days[0]:
        both = None
    else:
        both = (first_days[0], days[1])
    return Mention(first.start, end, both, "period", first_supplied or supplied,
                   first.vague or edge is not None, first.found)
