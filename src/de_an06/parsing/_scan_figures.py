"""The figure finder: every quantity of a running text.

A figure starts at a number of the ``"vi"`` format of
:mod:`~de_an06.parsing.grammar` (or a number word before a counted noun, or a
vague amount) that is not inside a date, a clock time, a URL, a telephone or
document number, a level or a code. The scanner then reads forward (scale
word, ``/`` of a fraction, the second number of a range, ``%``, the counted
noun, ``/`` of a rate) and backward (qualifier, lead words, rank words).
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import Final

import attrs

from de_an06.model import Qualifier, Unit
from de_an06.parsing._figures import DateMention, Figure
from de_an06.parsing._lexical import Words, _decimal
from de_an06.parsing._prose_words import (
    COMPOUND_WORDS,
    COUNTED,
    DOCUMENT_VERBS,
    DOCUMENT_WORDS,
    LEAD_FILLERS,
    LEADS,
    LEVEL_WORDS,
    MEANING_WORDS,
    NOUN_STOPS,
    NOUN_WORDS,
    NUMBER_WORDS,
    PHONE_WORDS,
    PROSE_QUALIFIERS,
    RANK_WORDS,
    RATE_WORDS,
    SCALES,
    SECOND_TO_LAST,
    UNITS,
    VAGUE_MAGNITUDES,
    VAGUE_WORDS,
)
from de_an06.parsing.grammar import NUMBER_BODIES, NUMBERS

_QUALIFIERS: Final = Words(PROSE_QUALIFIERS)
_LEADS: Final = Words(LEADS)
_FILLERS: Final = Words(dict.fromkeys(LEAD_FILLERS, True))
_SCALES: Final = Words(SCALES)
_UNITS: Final = Words({word: unit for word, unit in UNITS.items() if unit is not Unit.PERCENT})
_STOPS: Final = Words(dict.fromkeys(NOUN_STOPS, True), MEANING_WORDS)
_RATES: Final = Words(dict.fromkeys(RATE_WORDS, True))
_COUNTED: Final = Words(dict.fromkeys(COUNTED, True))
_NUMBER_WORDS: Final = Words(NUMBER_WORDS, MEANING_WORDS)
_VAGUE: Final = Words(dict.fromkeys(VAGUE_WORDS, True))
_MAGNITUDES: Final = Words(dict.fromkeys(VAGUE_MAGNITUDES, True))
_RANKS: Final = Words(dict.fromkeys(RANK_WORDS, True), MEANING_WORDS)
_BLOCKERS: Final = Words(dict.fromkeys(DOCUMENT_WORDS, True), MEANING_WORDS)
_LEVELS: Final = Words(dict.fromkeys(LEVEL_WORDS, True), MEANING_WORDS)
_PHONES: Final = Words(dict.fromkeys(PHONE_WORDS, True), MEANING_WORDS)
_DOCUMENT_VERBS: Final = Words(dict.fromkeys(DOCUMENT_VERBS, True))
_COMPOUNDS: Final = Words(dict.fromkeys(COMPOUND_WORDS, True))
_SECOND_TO_LAST: Final = Words(dict.fromkeys(SECOND_TO_LAST, True))

_UNSIGNED: Final = NUMBER_BODIES["vi"].removeprefix("-?")  # prose prints no minus sign
_NUMBER: Final = re.compile(
    rf"(?<![\w.,/+-])(?:{_UNSIGNED})(?![^\W_]|[.,][0-9])")
_LEAD_BEFORE: Final = re.compile(
    rf"(?<![^\W_])({_LEADS.body})((?: +(?:{_FILLERS.body}))*) *$")
# The words that make a number no figure, found in the folded text; the printed
# words are then checked against their table (Words.value), so a word folding
# alike with other marks blocks nothing ("tăng 5 người" is no "tầng 5").
_BLOCKED_BEFORE: Final = re.compile(
    rf"(?<![^\W_])(?:(?P<document>{_BLOCKERS.body})(?: +so)? *:?|(?P<level>{_LEVELS.body})"
    rf"|(?P<phone>{_PHONES.body}) *:?) *$|\+(?:84)? *$")
_BLOCKING: Final = {"document": _BLOCKERS, "level": _LEVELS, "phone": _PHONES}
_DOCUMENT_NUMBER: Final = re.compile(
    r"[0-9]+(?:[/.-][0-9]+)*(?:[/-][0-9]*[A-ZĐ]|/[0-9]{4}/)[\w/-]*")
_PHONE: Final = re.compile(r"0[0-9]{2,3}(?:[ .]?[0-9]{3}){2}[0-9]?(?![0-9])")
_DIGIT_RUN: Final = re.compile(r"[0-9](?:[0-9 .]*[0-9])?")
_URL: Final = re.compile(r"(?:https?://|www\.)\S+|(?<![0-9])24/(?:24|7)(?![0-9])",  # and "24/24"
                         re.IGNORECASE)
_EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # slow: only where "@" is
_FRACTION: Final = re.compile(rf" */ *({_UNSIGNED})(?![^\W_]|[.,][0-9])")
_RANGE: Final = re.compile(
    rf"(?: ?%)?(?: *(?:-|~) *| +(?:đến|den|tới|toi) +)({_UNSIGNED})"
    rf"(?![^\W_]|[.,/][0-9])", re.IGNORECASE)
_OUT_OF: Final = re.compile(
    rf" +(?:trong|trong tổng số|trong tong so|trên tổng số|tren tong so|trên|tren) +"
    rf"({_UNSIGNED})(?![^\W_]|[.,/][0-9])", re.IGNORECASE)
_PERCENT: Final = re.compile(r" ?%")
_SPACES: Final = re.compile(r" +")
_WORD: Final = re.compile(r" +([^\W\d_]+(?:-[^\W\d_]+)*)")
_VAGUE_AMOUNT: Final = re.compile(
    rf"(?<![^\W_])(?:{_VAGUE.body})(?: +(?:{_MAGNITUDES.body}))+(?![^\W_])")
_WORD_NUMBER: Final = re.compile(rf"(?<![^\W_])(?:{_NUMBER_WORDS.body})(?= +[^\W\d_])")
_SECOND_LAST: Final = re.compile(rf"(?<![^\W_])(?:{_SECOND_TO_LAST.body})(?![^\W_])")
_LOOK_BACK: Final = 40


@attrs.define
class _Draft:
    """A figure being read (mutable while the scanner works on it)."""

    start: int
    end: int = 0  # set by _rest for the starts that read on
    kind: str = "number"
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    of: Decimal | None = None
    parts: tuple[Decimal, ...] = ()
    scale: int = 1
    percent: bool = False
    unit: Unit | None = None
    noun: str | None = None
    per: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    qualifier_word: str | None = None
    lead: str | None = None
    lead_text: str | None = None


def _number(text: str, at: int) -> tuple[Decimal, int]:
    match = NUMBERS["vi"].match(text, at)
    assert match is not None  # noqa: S101 - the caller matched the same grammar
    return _decimal(match, "vi"), match.end()


def _scaled(value: Decimal, scale: int) -> Decimal:
    sign, digits, exponent = value.as_tuple()
    return Decimal((sign, digits, int(exponent) + len(str(scale)) - 1))


def _scale_at(text: str, folded: str, at: int) -> tuple[int, int]:
    """The scale word after `at` (its multiplier and end), or (1, at)."""
    spaces = _SPACES.match(text, at)
    hit = None if spaces is None else _SCALES.starting(folded, text, spaces.end())
    return (1, at) if hit is None else (hit[1], hit[0])


class FigureScanner:
    """Reads the figures of one normalised text (and its folded copy)."""

    def __init__(self, text: str, folded: str, blocked: list[tuple[int, int]],
                 total: int | None) -> None:
        self.text = text
        self.folded = folded
        self.total = total
        self.starts: list[int] = []
        self.ends: list[int] = []
        blocked = blocked + [m.span() for m in _URL.finditer(text)]
        if "@" in text:
            blocked += [m.span() for m in _EMAIL.finditer(text)]
        for low, high in sorted(blocked):
            self._block(low, high)
        self.floor = 0

    def _block(self, low: int, high: int) -> None:
        """Add low:high to the disjoint, sorted blocked spans."""
        index = bisect.bisect_left(self.ends, low)
        stop = bisect.bisect_right(self.starts, high)
        if index < stop:
            low, high = min(low, self.starts[index]), max(high, self.ends[stop - 1])
        self.starts[index:stop] = [low]
        self.ends[index:stop] = [high]

    def _is_blocked(self, start: int, end: int) -> bool:
        """Whether start:end (never empty) overlaps a blocked span."""
        index = bisect.bisect_right(self.starts, end - 1) - 1
        return index >= 0 and self.ends[index] > start

    def scan(self) -> list[_Draft]:
        """Every figure, in order."""
        starts: list[tuple[int, str, re.Match[str]]] = [
            (m.start(), "number", m) for m in _NUMBER.finditer(self.text)]
        starts += [(m.start(), "vague", m) for m in _VAGUE_AMOUNT.finditer(self.folded)]
        starts += [(m.start(), "word", m) for m in _WORD_NUMBER.finditer(self.folded)]
        starts += [(m.start(), "second_last", m) for m in _SECOND_LAST.finditer(self.folded)]
        starts.sort(key=lambda item: item[0])
        drafts: list[_Draft] = []
        for start, kind, match in starts:
            if start < self.floor or self._is_blocked(start, match.end()):
                continue
            draft = getattr(self, f"_{kind}")(match)
            if draft is None:
                continue
            self._before(draft)
            drafts.append(draft)
            self.floor = draft.end
        _percent_lists(drafts, self.folded)
        return drafts

    # -- what comes before ------------------------------------------------------

    def _blocked_before(self, start: int) -> str | None:
        """What the words before `start` make of the number, if anything.

        ``"none"``: no figure; ``"verb"``: a figure only if it counts a noun
        (a word of ``DOCUMENT_VERBS``).
        """
        low = max(0, start - _LOOK_BACK)
        while (match := _BLOCKED_BEFORE.search(self.folded, low, start)) is not None:
            name = match.lastgroup
            if name is None:
                return "none"
            printed = self.text[match.start(name):match.end(name)]
            if _BLOCKING[name].value(printed) is not None:
                alone = not self.text[match.end(name):match.end()].strip(" ")  # no "số", ":"
                verb = alone and _DOCUMENT_VERBS.value(printed) is not None
                return "verb" if verb else "none"
            low = match.start() + 1  # misspelt here: a shorter phrase may still block
        return None

    def _before(self, draft: _Draft) -> None:
        low = max(self.floor, draft.start - _LOOK_BACK)
        hit = _QUALIFIERS.ending(self.folded, self.text, draft.start, low)
        if hit is not None:
            draft.qualifier = hit[1]
            draft.qualifier_word = self.text[hit[0]:draft.start].rstrip(" ")
            draft.start = hit[0]
        lead = _LEAD_BEFORE.search(self.folded, low, draft.start)
        if lead is not None:
            sense = _LEADS.value(self.text[lead.start(1):lead.end(1)])
            if sense is not None and self._fillers(lead.start(2), lead.end(2)):
                draft.lead = sense
                draft.lead_text = self.text[lead.start():draft.start].rstrip(" ")
        if draft.lead is None and draft.qualifier_word is not None:
            draft.lead = _LEADS.value(draft.qualifier_word)
            draft.lead_text = draft.qualifier_word if draft.lead else None

    def _fillers(self, pos: int, end: int) -> bool:
        """Whether pos:end (the words after a lead word) are fillers as printed."""
        while pos < end:
            hit = _FILLERS.starting(self.folded, self.text, _SPACES.match(self.text, pos).end())  # type: ignore[union-attr]
            if hit is None:
                return False
            pos = hit[0]
        return True

    # -- the kinds of start -------------------------------------------------------

    def _number(self, match: re.Match[str]) -> _Draft | None:
        text, start = self.text, match.start()
        document = _DOCUMENT_NUMBER.match(text, start)
        blocked = None if document is not None else self._blocked_before(start)
        if document is not None or blocked == "none":
            run = document or _DIGIT_RUN.match(text, start)
            self.floor = max(self.floor, run.end())  # type: ignore[union-attr]
            return None
        phone = _PHONE.match(text, start)
        if phone is not None:
            self._block(*phone.span())
            return None
        draft = self._read_number(start)
        # "Hướng dẫn 05 của Bộ": the document; "hướng dẫn 5%": a share, no document number
        if blocked == "verb" and draft.noun is None and not draft.percent:
            self.floor = max(self.floor, _DIGIT_RUN.match(text, start).end())  # type: ignore[union-attr]
            return None
        return draft

    def _read_number(self, start: int) -> _Draft:
        """The figure of the number at `start`, read on (scale, fraction, rank, noun ...)."""
        text = self.text
        value, end = _number(text, start)
        draft = _Draft(start, end, value=value)
        rank = _RANKS.ending(self.folded, text, start, max(self.floor, start - 12))
        draft.scale, end = _scale_at(text, self.folded, end)
        fraction = _FRACTION.match(text, end) if draft.scale == 1 else None
        if fraction is not None:
            return self._fraction(draft, fraction, rank)
        if rank is not None:
            draft.kind, draft.start = "rank", rank[0]
            if self.folded.startswith("top", rank[0]):
                draft.kind, draft.value, draft.high = "rank", None, value
            return self._rest(draft, end)
        return self._rest(draft, end)

    def _fraction(self, draft: _Draft, fraction: re.Match[str],
                  rank: tuple[int, object] | None) -> _Draft:
        parts = [draft.value]
        step: re.Match[str] | None = fraction
        while step is not None:
            parts.append(_number(self.text, step.start(1))[0])
            end = step.end()
            step = _FRACTION.match(self.text, end)
        draft.kind = "fraction" if rank is None else "rank"
        if rank is not None:
            draft.start = rank[0]
        draft.parts = tuple(p for p in parts if p is not None)
        draft.of = draft.parts[-1]
        return self._rest(draft, end)

    def _vague(self, match: re.Match[str]) -> _Draft | None:
        # A vague phrase starts with a vague word ("hàng chục": "hàng", then a
        # magnitude); every word must be spelt right (never half-marked).
        words = self.text[match.start():match.end()].split()
        if _VAGUE.value(words[0]) is None or any(
                _MAGNITUDES.value(w) is None for w in words[1:]):
            return None
        return self._rest(_Draft(match.start(), kind="vague"), match.end())

    def _word(self, match: re.Match[str]) -> _Draft | None:
        value = _NUMBER_WORDS.value(self.text[match.start():match.end()])
        counted = _COUNTED.starting(self.folded, self.text, match.end() + 1)
        if value is None or counted is None:
            return None
        return self._rest(_Draft(match.start(), value=Decimal(value)), match.end())

    def _second_last(self, match: re.Match[str]) -> _Draft | None:
        if self._is_blocked(match.start(), match.end()):  # pragma: no cover - checked by scan
            return None
        if _SECOND_TO_LAST.value(self.text[match.start():match.end()]) is None:
            return None  # "ấp chót" is no "áp chót"
        draft = _Draft(match.start(), match.end(), kind="rank")
        if self.total is not None:
            draft.value, draft.of = Decimal(self.total - 1), Decimal(self.total)
        return draft

    # -- what comes after -----------------------------------------------------------

    def _rest(self, draft: _Draft, end: int) -> _Draft:
        text = self.text
        if draft.kind == "number":
            second = _RANGE.match(text, end)
            if second is not None and self._is_blocked(second.start(1), second.end()):
                second = None
            if second is not None:
                high, after = _number(text, second.start(1))
                scale, after = _scale_at(text, self.folded, after)
                if _PERCENT.match(text, after) is None and "%" in text[end:second.start(1)]:
                    second = None  # "5% - 7 người": two figures
            if second is None:
                draft.value = _scaled(draft.value, draft.scale)  # type: ignore[arg-type]
            else:
                draft.kind, draft.low, draft.value = "range", draft.value, None
                draft.high = _scaled(high, scale)
                draft.low = _scaled(draft.low, scale if draft.scale == 1 else draft.scale)  # type: ignore[arg-type]
                draft.scale, end = scale, after
        percent = _PERCENT.match(text, end)
        if percent is not None:
            draft.percent, end = True, percent.end()
        end = self._noun(draft, end)
        if draft.kind == "number":
            out_of = _OUT_OF.match(text, end)
            if out_of is not None and not self._is_blocked(out_of.start(1), out_of.end()):
                total, end = _number(text, out_of.start(1))
                draft.kind, draft.of = "fraction", total
                draft.parts = (draft.value, total)  # type: ignore[assignment]
                rest = _Draft(end, end)
                end = self._noun(rest, end)
                draft.noun = draft.noun or rest.noun
                draft.unit = draft.unit or rest.unit
        draft.end = end
        return draft

    def _noun(self, draft: _Draft, end: int) -> int:
        """Read the counted noun and a rate after `end`; return the new end."""
        text, words = self.text, 0
        noun_start, noun_end = None, end
        pos = end
        while words < NOUN_WORDS:
            match = _WORD.match(text, pos)
            if match is None or self._is_blocked(match.start(1), match.end()):
                break
            word = match[1]
            if (_STOPS.value(word) is not None or (words == 0 and word[0].isupper()
                                                   and not word.isupper())
                    or _RANKS.starting(self.folded, text, match.start(1)) is not None):
                break  # a rank phrase ends the noun too: "5 người | top 10"
            if noun_start is None:
                noun_start = match.start(1)
            noun_end = pos = match.end()
            words += 1
        if noun_start is None:
            return self._rate(draft, end)
        unit = _UNITS.starting(self.folded, text, noun_start)
        if _COMPOUNDS.starting(self.folded, text, noun_start) is not None:
            unit = None  # "5 đồng chí" (comrades) counts no đồng
        draft.unit = None if unit is None else unit[1]
        draft.noun = text[noun_start:noun_end]
        return self._rate(draft, noun_end)

    def _rate(self, draft: _Draft, end: int) -> int:
        text = self.text
        if not text.startswith("/", end):
            return end
        word = re.match(r"/ ?([^\W\d_]+(?: [^\W\d_]+)?)", text[end:])
        if word is None:
            return end
        per = _RATES.starting(self.folded, text, end + word.start(1))
        if per is not None and not text[end + 1:per[0]].strip(" ")[:1].isupper():
            draft.per = text[end + word.start(1):per[0]]
            return per[0]
        if draft.noun is not None:
            tail = end + word.start(1) + len(word[1].split()[0])
            draft.noun += text[end:tail]
            return tail
        return end


_LIST_JOIN: Final = re.compile(r" *(?:[;,]|va|hoac)(?: +va)? *")


def _percent_lists(drafts: list[_Draft], folded: str) -> None:
    """``"91,2; 85,07% và 80,5%"``: a bare number before a percent of its list is one too."""
    for index in range(len(drafts) - 2, -1, -1):
        this, after = drafts[index], drafts[index + 1]
        if (after.percent and not this.percent and this.kind == "number"
                and this.noun is None and this.scale == 1
                and _LIST_JOIN.fullmatch(folded, this.end, after.start)):
            this.percent = True


def figure(draft: _Draft, span: tuple[int, int], text: str, date: DateMention | None) -> Figure:
    """The frozen :class:`Figure` of a draft, at `span` of the input that reads `text`."""
    return Figure(span=span, text=text, date=date,
                  kind=draft.kind,  # type: ignore[arg-type]
                  value=draft.value, low=draft.low, high=draft.high,
                  of=draft.of, parts=draft.parts,
                  qualifier=draft.qualifier, qualifier_word=draft.qualifier_word,
                  percent=draft.percent, scale=draft.scale, unit=draft.unit, noun=draft.noun,
                  lead=draft.lead, lead_text=draft.lead_text, per=draft.per)
