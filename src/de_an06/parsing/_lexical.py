"""The lexical layer of the parsers: characters, words, tokens and errors.

- the input: :data:`SPACES` and :data:`DASHES`, the Unicode characters read
  as a plain space and as ``-``, and :func:`normalise` (NFC, then those);
- words: :func:`fold` writes a Vietnamese word without diacritics, and
  :func:`with_folds` adds the folded spelling of every key of a word table;
- :class:`Scanner`, the tokenizer every phrase parser reads with: spaces,
  the longest word of a table, and a number of a format of
  :mod:`~de_an06.parsing.grammar` (exact, as a :class:`~decimal.Decimal`);
- :func:`caret_error`, the one builder of a :class:`~de_an06.ParseError` that
  shows the input with a caret under the position where reading stopped;
- :func:`is_int`, the check of the parsers' integer arguments.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final, Generic, TypeVar

from de_an06.errors import ParseError
from de_an06.parsing.grammar import MARKS, NUMBERS

T = TypeVar("T")

# --------------------------------------------------------------------------
# Characters
# --------------------------------------------------------------------------

#: Space-like characters read as a plain space (all other text is kept).
SPACES: Final[dict[str, str]] = {
    "\t": " ",        # tab, from spreadsheet cells
    "\n": " ",        # line breaks inside a pasted cell
    "\r": " ",
    "\v": " ",
    "\f": " ",
    "\u0085": " ",    # next line (a line break from some encodings)
    "\u00a0": " ",    # no-break space, common in web pages and Word files
    "\u1680": " ",    # ogham space mark (a Unicode space separator)
    "\u2000": " ",    # en quad
    "\u2001": " ",    # em quad
    "\u2002": " ",    # en space, from word processors and PDF text
    "\u2003": " ",    # em space
    "\u2004": " ",    # three-per-em space
    "\u2005": " ",    # four-per-em space
    "\u2006": " ",    # six-per-em space
    "\u2007": " ",    # figure space
    "\u2008": " ",    # punctuation space
    "\u2009": " ",    # thin space
    "\u200a": " ",    # hair space
    "\u200b": " ",    # zero-width space, left by copy and paste
    "\u2028": " ",    # line separator
    "\u2029": " ",    # paragraph separator
    "\u202f": " ",    # narrow no-break space (French-style grouping)
    "\u205f": " ",    # medium mathematical space
    "\u3000": " ",    # ideographic space
    "\ufeff": " ",    # byte-order mark pasted inside a cell
}

#: Dash-like characters read as ``-`` (dates such as ``20–6``, minus signs).
DASHES: Final[dict[str, str]] = {
    "\u2010": "-",    # hyphen
    "\u2011": "-",    # non-breaking hyphen
    "\u2012": "-",    # figure dash
    "\u2013": "-",    # en dash
    "\u2014": "-",    # em dash
    "\u2212": "-",    # minus sign
    "\uff0d": "-",    # fullwidth hyphen-minus
}

_TRANSLATE: Final = str.maketrans({**SPACES, **DASHES, "\uff05": "%"})
_SPECIAL: Final = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")


def normalise(value: object, what: str) -> str:
    """NFC text with spaces and dashes unified, or a ParseError for non-text."""
    if not isinstance(value, str):
        shown = repr(value)
        raise ParseError(f"Invalid {what}: expected str, got {type(value).__name__} ({shown})",
                         text=shown, position=0)
    return unicodedata.normalize("NFC", value).translate(_TRANSLATE)


# --------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------


def fold(word: str) -> str:
    """`word` without diacritics (``đ`` becomes ``d``), lower case."""
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def unmarked_spellings(keys: Iterable[str], yields_to: Iterable[str] = ()) -> dict[str, str]:
    """Each of `keys` written without diacritics, mapped to the key it stands for.

    A key marked otherwise than a word of `yields_to` that folds alike gives
    that spelling up (with the diacritics dropped, the two words read alike and the
    other one is meant): ``"tầng"`` (floor, a level) yielding to ``"tăng"``
    (increased) gets no ``"tang"``, so ``"tang 5"`` stays a figure. A key
    that is spelt without diacritics keeps its spelling. This is the one
    rule of words written without diacritics, for :func:`with_folds` and
    :class:`Words` alike.
    """
    keys = list(keys)
    others = {fold(word) for word in yields_to if word.casefold() not in keys}
    return {fold(key): key for key in reversed(keys)
            if fold(key) == key or fold(key) not in others}


def with_folds(table: Mapping[str, object], yields_to: Iterable[str] = ()) -> dict[str, object]:
    """`table` plus each key written without diacritics (see :func:`unmarked_spellings`)."""
    spellings = unmarked_spellings(table, yields_to)
    return {**{folded: table[key] for folded, key in spellings.items()}, **table}


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


def shown(text: str) -> str:
    """`text` with control characters escaped, so the caret lines up."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def caret_error(what: str, text: str, position: int, reason: str) -> ParseError:
    """A ParseError naming `what`, showing `text` and a caret at `position`."""
    position = max(0, min(position, len(text)))
    caret = " " * len(shown(text[:position])) + "^"
    message = f"Invalid {what}: {text!r} ({reason})\n    {shown(text)}\n    {caret}"
    return ParseError(message, text=text, position=position)


# --------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------


class Scanner:
    """Reads a normalised text left to right (the tokenizer of the phrase grammar)."""

    def __init__(self, text: str, what: str) -> None:
        self.text = text
        self.what = what
        self.pos = 0

    def error(self, reason: str, position: int | None = None) -> ParseError:
        at = self.pos if position is None else position
        return caret_error(self.what, self.text, at, reason)

    def skip_spaces(self) -> bool:
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1
        return self.pos > start

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def word(self, table: dict[str, object]) -> object | None:
        """The longest phrase of `table` at the cursor (any case), consumed; else None."""
        best: tuple[int, object] | None = None
        for phrase, value in table.items():
            end = self._match(phrase)
            if end is not None and (best is None or end > best[0]):
                best = (end, value)
        if best is None:
            return None
        self.pos = best[0]
        return best[1]

    def _match(self, phrase: str) -> int | None:
        pos = self.pos
        for index, word in enumerate(phrase.split(" ")):
            if index:
                start = pos
                while pos < len(self.text) and self.text[pos] == " ":
                    pos += 1
                if pos == start:
                    return None
            piece = self.text[pos:pos + len(word)]
            if len(piece) != len(word) or piece.casefold() != word:
                return None
            pos += len(word)
        if word[-1].isalpha() and pos < len(self.text) and self.text[pos].isalnum():
            return None  # "hơn" must not match the start of "hơnx"
        return pos

    def number(self, number_format: str) -> Decimal:
        match = NUMBERS[number_format].match(self.text, self.pos)
        if match is None:
            raise self.error("expected a number")
        value = _decimal(match, number_format)
        end = match.end()
        # A number must not run on into more digits or marks ("1.5", "12..3", "1,2,3").
        if end < len(self.text) and (self.text[end] in _DIGITS or self.text[end] in ".,"):
            position, reason = _number_fault(self.text, self.pos, number_format)
            raise self.error(reason, position)
        self.pos = end
        return value


_DIGITS: Final = frozenset("0123456789")


def _number_fault(text: str, start: int, number_format: str) -> tuple[int, str]:  # noqa: C901, PLR0911 - one case per mark
    """Where and why the number at `start` breaks the grammar (after a failed match)."""
    group, mark = MARKS[number_format]
    three = "a thousands group has exactly three digits"
    pos = start + (text.startswith("-", start))
    run, grouped = 0, False
    while pos < len(text):
        char = text[pos]
        if char in _DIGITS:
            run += 1
            if grouped and run > 3:  # noqa: PLR2004 - a thousands group
                return pos, three
        elif char == group:
            if grouped and run != 3:  # noqa: PLR2004 - a thousands group
                return pos, three
            if run > 3:  # noqa: PLR2004 - a thousands group
                return pos, f"a number grouped with {group!r} starts with 1 to 3 digits"
            grouped, run = True, 0
        elif char == mark:
            if grouped and run != 3:  # noqa: PLR2004 - a thousands group
                return pos, three
            pos += 1
            while pos < len(text) and text[pos] in _DIGITS:
                pos += 1
            if pos < len(text) and text[pos] in (group, mark):
                return pos, f"nothing may follow the decimals after {mark!r}"
            return pos, f"expected digits after {mark!r}"
        else:
            break
        pos += 1
    return pos, three


def _decimal(match: re.Match[str], number_format: str) -> Decimal:
    group = MARKS[number_format][0]
    digits = match["integer"].replace(group, "")
    fraction = match["fraction"] or ""
    sign = 1 if match["sign"] else 0
    all_digits = tuple(int(d) for d in (digits + fraction))
    return Decimal((sign, all_digits, -len(fraction)))


# --------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------


def is_int(value: object) -> bool:
    """Whether `value` is an int (and not a bool, which is one too)."""
    return isinstance(value, int) and not isinstance(value, bool)


# --------------------------------------------------------------------------
# Running text (the finders)
# --------------------------------------------------------------------------


# The characters fold_text has met, and those it changes (to one character each).
_FOLD_SEEN: Final[set[str]] = set()
_FOLD_TABLE: Final[dict[int, str]] = {}


def fold_text(text: str) -> str:
    """`text` folded character by character (same length): ``"Gần 5"`` -> ``"gan 5"``."""
    for char in set(text) - _FOLD_SEEN:
        folded = fold(char)  # every character met gets an entry: a miss is slow in translate
        _FOLD_TABLE[ord(char)] = folded if len(folded) == 1 else char
        _FOLD_SEEN.add(char)
    return text.translate(_FOLD_TABLE)


def normalise_prose(value: object, what: str) -> tuple[str, tuple[int, ...] | None]:
    """A running text read as :func:`normalise` does, with the way back to the input.

    Returns the normalised text and, when NFC changed its length, the offset
    in `value` of each of its characters (plus one past the end); ``None``
    when every offset is the same.
    """
    if not isinstance(value, str):
        normalise(value, what)  # raises the ParseError for non-text
    text = str(value)
    if unicodedata.is_normalized("NFC", text):
        return (text.translate(_TRANSLATE) if _SPECIAL.search(text) else text), None
    pieces: list[str] = []
    offsets: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or unicodedata.combining(text[index]) == 0:
            piece = unicodedata.normalize("NFC", text[start:index])
            pieces.append(piece)
            offsets.extend([start] * len(piece))
            start = index
    offsets.append(len(text))
    return "".join(pieces).translate(_TRANSLATE), tuple(offsets)


_SEEN_MAX: Final = 10_000  # phrases remembered per table


class Words(Generic[T]):
    """A word table matched in folded text (see :func:`fold_text`).

    A phrase matches in any case, with its diacritics or with none (never
    half-marked, which :meth:`value` checks on the printed words); spaces
    between its words may be repeated.
    """

    def __init__(self, table: Mapping[str, T], yields_to: Iterable[str] = ()) -> None:
        self.table: dict[str, T] = {key.casefold(): value for key, value in table.items()}
        self._seen: dict[str, T | None] = {}  # grows with the distinct phrases met
        self._unmarked: dict[str, T] = {
            folded: self.table[key]
            for folded, key in unmarked_spellings(self.table, yields_to).items()}
        folds = dict.fromkeys(fold(key) for key in reversed(list(self.table)))
        words = sorted(folds, key=len, reverse=True)
        #: The alternatives, folded, longest first, to embed in a pattern.
        self.body = "|".join(re.escape(word).replace(r"\ ", " +") for word in words)
        self.before = re.compile(rf"(?<![^\W_])(?:{self.body}) *$")
        self.after = re.compile(rf"(?:{self.body})(?![^\W_])")

    def value(self, printed: str) -> T | None:
        """The value of the `printed` phrase, if it is in the table and spelt right."""
        if printed in self._seen:
            return self._seen[printed]
        if len(self._seen) > _SEEN_MAX:
            self._seen.clear()
        self._seen[printed] = found = self._value(printed)
        return found

    def _value(self, printed: str) -> T | None:
        key = " ".join(printed.split()).casefold()
        if key in self.table:
            return self.table[key]
        if fold(key) == key:
            return self._unmarked.get(key)
        return None

    def ending(self, folded: str, printed: str, end: int, start: int = 0) -> tuple[int, T] | None:
        """The phrase ending at `end` (spaces allowed before `end`): its start and value."""
        match = self.before.search(folded, start, end)
        if match is None:
            return None
        found = self.value(printed[match.start():end])
        return None if found is None else (match.start(), found)

    def starting(self, folded: str, printed: str, at: int) -> tuple[int, T] | None:
        """The phrase starting at `at`: its end and value."""
        match = self.after.match(folded, at)
        if match is None:
            return None
        found = self.value(printed[at:match.end()])
        return None if found is None else (match.end(), found)
