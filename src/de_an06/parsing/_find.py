"""The finders' public faces: :func:`find_figures` and :func:`find_dates`."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Final

from de_an06 import _validators as v
from de_an06.parsing._figures import DateMention, Figure
from de_an06.parsing._lexical import fold_text, is_int, normalise_prose
from de_an06.parsing._scan_dates import Mention, clock_spans, scan_dates
from de_an06.parsing._scan_figures import FigureScanner, figure

_SENTENCE_END: Final = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[^\w\s]*[A-ZĐÀ-Ỹ0-9])|\n")


class _Text:
    """A text read for the finders: normalised, folded, and the way back to the input."""

    def __init__(self, value: object, owner: str, published: object) -> None:
        if published is not None:
            v.checked_date(owner, "published", published)
        self.source = value
        self.original = str(value) if isinstance(value, str) else ""
        self.text, self.offsets = normalise_prose(value, "text")
        self.folded = fold_text(self.text)
        self.published: dt.date | None = published  # type: ignore[assignment]
        self.mentions = scan_dates(self.text, self.folded, self.published)
        self._dates: dict[int, DateMention] = {}

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end]

    def date(self, mention: Mention) -> DateMention:
        """The :class:`DateMention` of `mention` (one object per mention of the text)."""
        found = self._dates.get(mention.start)
        if found is None:
            start, end = self.span(mention.start, mention.end)
            days = mention.days
            found = self._dates[mention.start] = DateMention(
                span=(start, end), text=self.original[start:end],
                start=None if days is None else days[0],
                end=None if days is None else days[1], role=mention.role,
                year_supplied=mention.supplied, vague=mention.vague)
        return found


# The last text read: find_figures and find_dates on one article read it once.
_LAST: list[_Text] = []


def _read(value: object, owner: str, published: object) -> _Text:
    """`value` read for the finders, or the last reading when it is of the same text."""
    last = _LAST[0] if _LAST else None
    if (last is not None and last.source is value and type(last.published) is type(published)
            and last.published == published):
        return last
    read = _Text(value, owner, published)
    _LAST[:] = [read]
    return read


def find_dates(text: str, *, published: dt.date | None = None) -> tuple[DateMention, ...]:
    """Find every date and period named in a text, in order.

    Forms: ``23/5/2023``, ``23-5-2023``, ``23.5.2023``, ``ngày 23 tháng 5 năm
    2023``, ``2023-05-23``, ``23/5`` (day and month), ``tháng 10/2024``,
    ``tháng 10-2024``, ``tháng 10 năm 2024``, ``10/2024``, ``quý II/2023``,
    ``6 tháng đầu năm 2023``, ``năm 2024``, ``2021-2025``, *hôm nay*,
    *hôm qua*, *đến nay*, *năm nay*, *năm ngoái*; a time of day beside a
    date (``17h ngày 12.10``, ``05/11/2024 08:15:00``) is part of the mention.
    The words before it give its role (``tính đến`` as of, ``trước ngày``
    deadline, ``trong``/``giai đoạn`` period, ``từ`` open start, ``ngày``,
    ``sáng`` point); *từ A đến B* is one period.

    *đầu*, *giữa*, *cuối* (start, middle, end) of a month cover its days
    1-10, 11-20 and 21 to the end (*thượng*, *trung*, *hạ tuần*); of a year,
    January-April, May-August and September-December. Those mentions are
    ``vague``.

    A day and month without year (``19/3``) count as a date only after a
    word of time (``ngày``, ``sáng``, ``đến`` ...), beside a time of day or
    before punctuation; otherwise they may be a fraction (``2/10 nhiệm vụ``).

    Parameters
    ----------
    text : str
        Any text.
    published : datetime.date, optional
        The date the text was published: the year of a phrase that prints
        none, and the day *hôm qua* and *năm nay* count from. Without it such
        a phrase is found with ``start`` and ``end`` ``None``: no year is
        ever assumed.

    Raises
    ------
    ParseError
        When `text` is not a ``str``.
    ValidationError
        When `published` is not a ``datetime.date``.

    Examples
    --------
    >>> import datetime as dt
    >>> from de_an06.parsing import find_dates
    >>> m, = find_dates("Tính đến ngày 14/9/2023, toàn tỉnh đã thu nhận 546.234 hồ sơ.")
    >>> m.text, m.role, m.end
    ('Tính đến ngày 14/9/2023', 'as_of', datetime.date(2023, 9, 14))
    >>> [(m.text, m.role, m.start) for m in find_dates("Sáng 23/5, trong quý II/2024")]
    [('Sáng 23/5', 'point', None), ('trong quý II/2024', 'period', datetime.date(2024, 4, 1))]
    >>> find_dates("cuối tháng 8", published=dt.date(2024, 9, 2))[0].start
    datetime.date(2024, 8, 21)

    See Also
    --------
    find_figures : the figures of a text, each with the date that governs it.
    parse_period : one period in a cell.
    """
    read = _read(text, "find_dates", published)
    return tuple(read.date(mention) for mention in read.mentions)


def find_figures(text: str, *, published: dt.date | None = None,
                 total: int | None = None) -> tuple[Figure, ...]:
    """Find every figure of a text, in order, with what the text says about it.

    A figure is a number of the Vietnamese format (``2.315.408``, ``91,4``,
    ``2300``) with its scale word (``2,415 triệu`` is 2,415,000), a range
    (``5 đến 7 ngày``, ``200.000 - 300.000 hồ sơ``), a fraction or chain
    (``41/63``, ``3.118/5.402``, ``18 thủ tục trong tổng số 25``), a rank
    (``xếp thứ 25/63``, ``Top 5``, ``áp chót``), a small number in words
    before a counted noun (``ba tổ công tác``) or a vague amount
    (``vài trăm nghìn``, kind ``"vague"``, no value). Each carries its
    qualifier (:data:`PROSE_QUALIFIERS`), ``%`` (also for the bare first
    items of a list such as ``91,2; 85,07% và 80,5%``), unit and counted
    noun, lead words (:data:`LEADS`), rate (``lượt/ngày``) and the date that
    governs it in its sentence (:func:`find_dates`).

    Never a figure: a number inside a date or a clock time, a URL or an
    e-mail address, a telephone number, a document number or reference
    (``06/QĐ-TTg``, ``Nghị quyết 50/NQ-CP``, ``Đề án 06``), a level
    (``mức 2``, ``mức độ 4``) or a code (``COVID-19``, ``4G``).

    Parameters
    ----------
    text : str
        Any text.
    published : datetime.date, optional
        As for :func:`find_dates`.
    total : int, optional
        The number of ranked places, for ``áp chót`` (second to last).

    Raises
    ------
    ParseError
        When `text` is not a ``str``.
    ValidationError
        For a `published` that is not a date or a `total` that is not an int >= 2.

    Examples
    --------
    >>> from de_an06.parsing import find_figures
    >>> f, = find_figures("Toàn tỉnh đã cấp hơn 2,415 triệu thẻ căn cước.")
    >>> f.value, f.qualifier.value, f.qualifier_word, f.lead, f.noun
    (Decimal('2.415E+6'), 'more_than', 'hơn', 'issued', 'thẻ căn cước')
    >>> [f.text for f in find_figures("Theo Quyết định 06/QĐ-TTg, mức 2, có 41/63 tỉnh")]
    ['41/63 tỉnh']

    See Also
    --------
    find_dates : the dates of a text.
    Figure.to_reading : a figure as a :class:`~de_an06.Reading`.
    parse_quantity : one figure in a cell.
    """
    if total is not None and (not is_int(total) or total < 2):  # noqa: PLR2004 - two at least
        raise v.fail("find_figures", "total", "must be an int >= 2 or None", total)
    read = _read(text, "find_figures", published)
    blocked = [(m.start, m.end) for m in read.mentions] + clock_spans(read.folded)
    drafts = FigureScanner(read.text, read.folded, blocked, total).scan()
    ends = [m.end() for m in _SENTENCE_END.finditer(read.text)]
    by_sentence: dict[int, list[Mention]] = {}
    for mention in read.mentions:
        by_sentence.setdefault(bisect.bisect_right(ends, mention.start), []).append(mention)
    figures = []
    for draft in drafts:
        same = by_sentence.get(bisect.bisect_right(ends, draft.start), [])
        before = [m for m in same if m.end <= draft.start]
        governing = before[-1] if before else next(
            (m for m in same if m.start >= draft.end), None)
        date = None
        if governing is not None:
            date = read.date(governing)
        start, end = read.span(draft.start, draft.end)
        figures.append(figure(draft, (start, end), read.original[start:end], date))
    return tuple(figures)
