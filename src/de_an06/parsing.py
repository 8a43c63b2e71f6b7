"""Read the figures, dates, periods and ranks of Vietnamese reports.

Every parser here is *total*, in the manner of ``packaging.version``: any
input either reads as a well-defined value or raises
:class:`~de_an06.ParseError` whose ``text`` is the (NFC-normalised) input,
whose ``position`` is where reading stopped, and whose message shows the
input with a caret under that position. Nothing is guessed: ``"1.5"`` is not
a Vietnamese number (a thousands group has exactly three digits), and a day
always comes before its month.

Numbers are returned as :class:`decimal.Decimal`, which is exact and keeps
the precision the report printed — ``Decimal("72.2")`` has one decimal,
``Decimal("0.90")`` two — so an audit can round a computed figure to the
report's own precision before comparing (``-value.as_tuple().exponent`` is the
number of printed decimals). Convert with ``float()`` when a domain object
needs the value.

Input is normalised first: Unicode NFC, then every space-like character in
:data:`SPACES` becomes a plain space and every dash in :data:`DASHES` a
hyphen-minus. Words match in any letter case, with their diacritics or
entirely without them (``"gần"``, ``"GẦN"``, ``"gan"``), never half-marked.

Examples
--------
>>> from de_an06.parsing import parse_number, parse_quantity, parse_date
>>> parse_number("546.234"), parse_number("65,57")
(Decimal('546234'), Decimal('65.57'))
>>> q = parse_quantity("gần 44.000 lượt")
>>> q.qualifier.value, int(q.value), q.unit.value
('nearly', 44000, 'uses')
>>> parse_date("20-6", year=2023)
datetime.date(2023, 6, 20)
>>> parse_number("1.5")
Traceback (most recent call last):
  ...
de_an06.errors.ParseError: Invalid Vietnamese number: '1.5' (a thousands group ...)
    1.5
       ^
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from decimal import Context, Decimal, InvalidOperation
from typing import Final, Literal

import attrs

from de_an06 import _validators as v
from de_an06.errors import ParseError
from de_an06.model import Qualifier, Rank, Unit

__all__ = [
    "DASHES",
    "DAY_FIRST_DATE",
    "INTERNATIONAL_NUMBER_PATTERN",
    "NUMBER_FORMATS",
    "QUALIFIERS",
    "SCALES",
    "SPACES",
    "UNITS",
    "VI_NUMBER_PATTERN",
    "WORDED_DATE",
    "NumberFormat",
    "Quantity",
    "format_number",
    "format_quantity",
    "parse_date",
    "parse_number",
    "parse_percent",
    "parse_period",
    "parse_qualifier",
    "parse_quantity",
    "parse_rank",
]


def __dir__() -> list[str]:
    return __all__


#: The two number formats, ``"vi"`` (``1.497.360``, ``65,57``) and
#: ``"international"`` (``1,497,360``, ``65.57``) as some spreadsheets export.
NumberFormat = Literal["vi", "international"]
NUMBER_FORMATS: Final = ("vi", "international")

# --------------------------------------------------------------------------
# Tables
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


def _fold(word: str) -> str:
    """`word` without diacritics (``đ`` becomes ``d``), lower case."""
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _with_folds(table: dict[str, object]) -> dict[str, object]:
    """`table` plus each key written without diacritics."""
    return {**{_fold(key): value for key, value in table.items()}, **table}


#: Words that hedge a figure, with the :class:`~de_an06.Qualifier` each means.
QUALIFIERS: Final[dict[str, Qualifier]] = {
    "gần": Qualifier.NEARLY,          # "gần 98%": nearly
    "khoảng": Qualifier.ABOUT,        # "khoảng 10 phút": about
    "xấp xỉ": Qualifier.ABOUT,        # approximately
    "hơn": Qualifier.MORE_THAN,       # "hơn 323.000 lượt": more than
    "trên": Qualifier.MORE_THAN,      # "trên 65%": above
    "dưới": Qualifier.LESS_THAN,      # "dưới 50%": below
    "đạt": Qualifier.EXACT,           # "đạt 72,2%": reached (exact figure)
    "đạt tỷ lệ": Qualifier.EXACT,     # "đạt tỷ lệ 100%": reached the rate
    "đạt tỉ lệ": Qualifier.EXACT,     # the older spelling of "tỷ"
}

#: Scale words and their multipliers.
SCALES: Final[dict[str, int]] = {
    "nghìn": 10**3,   # thousand (northern)
    "ngàn": 10**3,    # thousand (southern)
    "triệu": 10**6,   # million
    "tỷ": 10**9,      # billion (thousand million)
    "tỉ": 10**9,      # the older spelling
}

#: Unit words and the :class:`~de_an06.Unit` each names.
UNITS: Final[dict[str, Unit]] = {
    "người": Unit.PEOPLE,
    "hồ sơ": Unit.DOSSIERS,
    "lượt": Unit.USES,
    "ngày làm việc": Unit.WORKING_DAYS,
    "ngày": Unit.DAYS,
    "phút": Unit.MINUTES,
    "đồng": Unit.VND,
    "vnd": Unit.VND,
    "vnđ": Unit.VND,
    "%": Unit.PERCENT,
}

_QUALIFIER_WORDS: Final = _with_folds(dict(QUALIFIERS))
_SCALE_WORDS: Final = _with_folds(dict(SCALES))
_UNIT_WORDS: Final = _with_folds(dict(UNITS))
_WIDE: Final = Context(prec=10_000)
_SCALE_NAME: Final = {10**3: "nghìn", 10**6: "triệu", 10**9: "tỷ"}
_UNIT_NAME: Final = {Unit.VND: "đồng", Unit.PERCENT: "%"}
_UNIT_NAMES: Final = frozenset(UNITS.values())

# --------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------

#: A Vietnamese number, where ``.`` groups thousands and ``,`` marks decimals.
VI_NUMBER_PATTERN: Final = r"""
    (?P<sign>-)?                        # an optional minus sign
    (?P<integer>
        [0-9]{1,3}(?:\.[0-9]{3})+       # grouped: 546.234, 1.497.360
      | [0-9]+                          # or ungrouped: 2022, 44000
    )
    (?:,(?P<fraction>[0-9]+))?          # decimals after a comma: 65,57
"""

#: An international number, where ``,`` groups thousands and ``.`` marks decimals.
INTERNATIONAL_NUMBER_PATTERN: Final = r"""
    (?P<sign>-)?                        # an optional minus sign
    (?P<integer>
        [0-9]{1,3}(?:,[0-9]{3})+        # grouped: 1,497,360
      | [0-9]+                          # or ungrouped: 1497360
    )
    (?:\.(?P<fraction>[0-9]+))?         # decimals after a point: 65.57
"""

_NUMBER: Final = {
    "vi": re.compile(VI_NUMBER_PATTERN, re.VERBOSE),
    "international": re.compile(INTERNATIONAL_NUMBER_PATTERN, re.VERBOSE),
}
_MARKS: Final = {"vi": (".", ","), "international": (",", ".")}
# Anything a number could be made of, to point at the first character that is not.
_NUMBERISH: Final = re.compile(r"-?[0-9.,]+")

_ISO_DATE: Final = re.compile(r"""
    (?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})   # 2022-01-06
""", re.VERBOSE)

#: A day-first date such as ``20-6``, ``1/6/2022``, ``23.3.2022`` or ``ngày 6/1/2022``.
DAY_FIRST_DATE: Final = re.compile(r"""
    (?:ngày\ +|ngay\ +)?                # an optional "ngày" (day)
    (?P<day>[0-9]{1,2})
    (?P<sep>[-/.])                      # one separator, used throughout
    (?P<month>[0-9]{1,2})
    (?:(?P=sep)(?P<year>[0-9]{4}))?     # the year, unless given by the caller
""", re.VERBOSE | re.IGNORECASE)

#: A date in words, such as ``ngày 6 tháng 1 năm 2022``.
WORDED_DATE: Final = re.compile(r"""
    (?:ngày|ngay)\ +(?P<day>[0-9]{1,2})
    \ +(?:tháng|thang)\ +(?P<month>[0-9]{1,2})
    (?:\ +(?:năm|nam)\ +(?P<year>[0-9]{4}))?
""", re.VERBOSE | re.IGNORECASE)

_ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_PERIODS: Final = re.compile(r"""
    (?P<months>[0-9]{1,2})\ +(?:tháng|thang)\ +         # "6 tháng"
        (?P<edge>đầu|dau|cuối|cuoi)\ +(?:năm|nam)       # "đầu năm" / "cuối năm"
        (?:\ +(?P<months_year>[0-9]{4}))?               # "2023"
  | (?:quý|quy)\ +(?P<quarter>[1-4]|iv|iii|ii|i)        # "quý II"
        (?:\ */\ *|\ +(?:năm|nam)\ +)(?P<quarter_year>[0-9]{4})   # "/2023"
  | (?:tháng|thang)\ +(?P<month>[0-9]{1,2})             # "tháng 6"
        (?:\ */\ *|\ +(?:năm|nam)\ +)(?P<month_year>[0-9]{4})     # "/2023"
  | (?:năm|nam)\ +(?P<year>[0-9]{4})                    # "năm 2024"
""", re.VERBOSE | re.IGNORECASE)

_RANGE: Final = re.compile(r"""
    (?:từ|tu)\ +(?P<start>.+?)\ +(?:đến|den|tới|toi)\ +(?P<end>.+)   # "từ 9-2 đến 20-6"
""", re.VERBOSE | re.IGNORECASE)

_RANK: Final = re.compile(r"""
    (?:(?:xếp\ +)?(?:hạng|thứ)\ +|(?:xep\ +)?(?:hang|thu)\ +)?   # "hạng", "xếp thứ"
    (?P<position>[0-9]{1,6})\ */\ *(?P<total>[0-9]{1,6})        # "25/63"
  | (?P<second_last>áp\ +chót|ap\ +chot)                        # second to last
""", re.VERBOSE | re.IGNORECASE)


# --------------------------------------------------------------------------
# Errors and input
# --------------------------------------------------------------------------


def _shown(text: str) -> str:
    """`text` with control characters escaped, so the caret lines up."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _error(what: str, text: str, position: int, reason: str) -> ParseError:
    """A ParseError naming `what`, showing `text` and a caret at `position`."""
    position = max(0, min(position, len(text)))
    caret = " " * len(_shown(text[:position])) + "^"
    message = f"Invalid {what}: {text!r} ({reason})\n    {_shown(text)}\n    {caret}"
    return ParseError(message, text=text, position=position)


def _normalise(value: object, what: str) -> str:
    """NFC text with spaces and dashes unified, or a ParseError for non-text."""
    if not isinstance(value, str):
        shown = repr(value)
        raise ParseError(f"Invalid {what}: expected str, got {type(value).__name__} ({shown})",
                         text=shown, position=0)
    return unicodedata.normalize("NFC", value).translate(_TRANSLATE)


def _check_format(number_format: object, owner: str) -> str:
    if number_format not in NUMBER_FORMATS:
        raise v.fail(owner, "number_format", f"must be one of {NUMBER_FORMATS}", number_format)
    return str(number_format)


def _check_year(year: object, owner: str) -> int | None:
    if year is None:
        return None
    if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 9999:  # noqa: PLR2004
        raise v.fail(owner, "year", "must be an int in [1, 9999] or None", year)
    return year


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Scanner:
    """Reads a normalised text left to right (the tokenizer of the phrase grammar)."""

    def __init__(self, text: str, what: str) -> None:
        self.text = text
        self.what = what
        self.pos = 0

    def error(self, reason: str, position: int | None = None) -> ParseError:
        return _error(self.what, self.text, self.pos if position is None else position, reason)

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
        match = _NUMBER[number_format].match(self.text, self.pos)
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
    group, mark = _MARKS[number_format]
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
    group = _MARKS[number_format][0]
    digits = match["integer"].replace(group, "")
    fraction = match["fraction"] or ""
    sign = 1 if match["sign"] else 0
    all_digits = tuple(int(d) for d in (digits + fraction))
    return Decimal((sign, all_digits, -len(fraction)))


def _scaled(value: Decimal, scale: int) -> Decimal:
    """`value` times a power of ten, exactly (no context rounding)."""
    if scale == 1:
        return value
    sign, digits, exponent = value.as_tuple()
    return Decimal((sign, digits, int(exponent) + len(str(scale)) - 1))


# --------------------------------------------------------------------------
# Numbers, percents, qualifiers, quantities
# --------------------------------------------------------------------------


def parse_number(text: str, *, number_format: NumberFormat = "vi") -> Decimal:
    """Read a number as printed in a Vietnamese report.

    Grammar (with ``number_format="vi"``, see :data:`VI_NUMBER_PATTERN`)::

        number   = ["-"] integer ["," digits]
        integer  = digit{1,3} ("." digit{3})+  |  digit+

    Parameters
    ----------
    text : str
        The number, e.g. ``"546.234"`` or ``"65,57"``. Surrounding spaces
        (any in :data:`SPACES`) are ignored.
    number_format : {"vi", "international"}
        ``"international"`` reads spreadsheet exports (``"1,497,360"``,
        ``"65.57"``) with :data:`INTERNATIONAL_NUMBER_PATTERN`.

    Returns
    -------
    decimal.Decimal
        The exact value, with as many decimals as were printed.

    Raises
    ------
    ParseError
        For anything else, including ``"1.5"`` (not a thousands group),
        ``"12..3"``, ``""`` and non-``str`` input.

    Examples
    --------
    >>> parse_number("1.497.360"), parse_number("98,94"), parse_number("0,90")
    (Decimal('1497360'), Decimal('98.94'), Decimal('0.90'))
    >>> parse_number("1,497,360", number_format="international")
    Decimal('1497360')
    >>> parse_number("546.234,5.1")
    Traceback (most recent call last):
      ...
    de_an06.errors.ParseError: Invalid Vietnamese number: '546.234,5.1' (nothing may follow ...)
        546.234,5.1
                 ^
    """
    number_format = _check_format(number_format, "parse_number")  # type: ignore[assignment]
    scanner = _Scanner(_normalise(text, "Vietnamese number"), "Vietnamese number")
    scanner.skip_spaces()
    value = scanner.number(number_format)
    scanner.skip_spaces()
    if not scanner.at_end():
        raise scanner.error("unexpected text after the number")
    return value


def parse_percent(text: str, *, number_format: NumberFormat = "vi") -> Decimal:
    """Read a percentage such as ``"65,57%"`` or ``"65,57 %"``; return 65.57.

    The sign is required; the value is returned on the 0-100 scale as
    printed (values above 100, such as growth rates, are allowed).

    Examples
    --------
    >>> parse_percent("72,2%"), parse_percent("98,94 %")
    (Decimal('72.2'), Decimal('98.94'))
    >>> parse_percent("65.57%", number_format="international")
    Decimal('65.57')
    """
    number_format = _check_format(number_format, "parse_percent")  # type: ignore[assignment]
    scanner = _Scanner(_normalise(text, "Vietnamese percentage"), "Vietnamese percentage")
    scanner.skip_spaces()
    value = scanner.number(number_format)
    scanner.skip_spaces()
    if scanner.at_end() or scanner.text[scanner.pos] != "%":
        raise scanner.error("expected '%' after the number")
    scanner.pos += 1
    scanner.skip_spaces()
    if not scanner.at_end():
        raise scanner.error("unexpected text after '%'")
    return value


def parse_qualifier(text: str) -> Qualifier:
    """Read a hedging word (see :data:`QUALIFIERS`) as a :class:`~de_an06.Qualifier`.

    Examples
    --------
    >>> parse_qualifier("gần"), parse_qualifier("HƠN"), parse_qualifier("xap xi")
    (<Qualifier.NEARLY: 'nearly'>, <Qualifier.MORE_THAN: 'more_than'>, <Qualifier.ABOUT: 'about'>)
    >>> parse_qualifier("đạt tỷ lệ")
    <Qualifier.EXACT: 'exact'>
    """
    scanner = _Scanner(_normalise(text, "qualifier"), "qualifier")
    scanner.skip_spaces()
    found = scanner.word(_QUALIFIER_WORDS)
    if found is None:
        raise scanner.error("expected one of " + ", ".join(QUALIFIERS))
    scanner.skip_spaces()
    if not scanner.at_end():
        raise scanner.error("unexpected text after the qualifier")
    return found  # type: ignore[return-value]


def _is_scale(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if value not in (1, *_SCALE_NAME):
        raise v.fail(instance, attribute.name, "must be 1, 1000, 10**6 or 10**9", value)


def _is_decimal(instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise v.fail(instance, attribute.name, "must be a finite decimal.Decimal", value)


@attrs.frozen
class Quantity:
    """A figure as a report prints it: value, unit, qualifier and scale word.

    Parameters
    ----------
    value : decimal.Decimal
        The full value (``"37,1 triệu"`` gives 37,100,000), exact, with the
        printed precision.
    unit : Unit or None
        The unit word, if any (``None`` for a bare number).
    qualifier : Qualifier
        ``EXACT`` unless a hedging word came first.
    scale : int
        The multiplier of the scale word printed (1, 1000, 10**6 or 10**9),
        kept so the figure can be written back the same way.

    Examples
    --------
    >>> q = parse_quantity("gần 3 tỷ đồng")
    >>> q
    Quantity(value=Decimal('3E+9'), unit=<Unit.VND: 'vnd'>,
             qualifier=<Qualifier.NEARLY: 'nearly'>, scale=1000000000)
    >>> int(q.value), format_quantity(q)
    (3000000000, 'gần 3 tỷ đồng')
    """

    value: Decimal = attrs.field(validator=_is_decimal)
    unit: Unit | None = attrs.field(default=None, validator=v.is_optional_instance(Unit))
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.is_instance(Qualifier))
    scale: int = attrs.field(default=1, validator=_is_scale)

    @unit.validator
    def _unit_has_a_word(self, attribute: attrs.Attribute[Unit | None], value: object) -> None:
        if value is not None and value not in _UNIT_NAMES:
            raise v.fail(self, attribute.name, "must be a unit reports print a word for "
                         "(not count or rank)", value)

    @property
    def decimals(self) -> int:
        """Number of decimals printed (``"37,1 triệu"`` has 1)."""
        return max(0, -int(_scaled_down(self.value, self.scale).as_tuple().exponent))


def _scaled_down(value: Decimal, scale: int) -> Decimal:
    sign, digits, exponent = value.as_tuple()
    return Decimal((sign, digits, int(exponent) - (len(str(scale)) - 1)))


def parse_quantity(text: str, *, number_format: NumberFormat = "vi") -> Quantity:
    """Read a whole figure: ``"hơn 323.000 lượt"``, ``"gần 3 tỷ đồng"``, ``"72,2%"``.

    Grammar::

        quantity  = [qualifier] number [scale] [unit]
        qualifier = "gần" | "khoảng" | "xấp xỉ" | "hơn" | "trên" | "dưới"
                  | "đạt" ["tỷ lệ"]
        scale     = "nghìn" | "ngàn" | "triệu" | "tỷ"
        unit      = "người" | "hồ sơ" | "lượt" | "ngày" ["làm việc"] | "phút"
                  | "đồng" | "VND" | "%"

    Words may be written in any case and with or without diacritics
    (:data:`QUALIFIERS`, :data:`SCALES`, :data:`UNITS`).

    Examples
    --------
    >>> parse_quantity("hơn 323.000 lượt")
    Quantity(value=Decimal('323000'), unit=<Unit.USES: 'uses'>,
             qualifier=<Qualifier.MORE_THAN: 'more_than'>, scale=1)
    >>> q = parse_quantity("37,1 triệu")
    >>> int(q.value), q.scale, q.decimals
    (37100000, 1000000, 1)
    >>> parse_quantity("4 ngày làm việc").unit
    <Unit.WORKING_DAYS: 'working_days'>
    """
    number_format = _check_format(number_format, "parse_quantity")  # type: ignore[assignment]
    scanner = _Scanner(_normalise(text, "Vietnamese quantity"), "Vietnamese quantity")
    scanner.skip_spaces()
    qualifier = scanner.word(_QUALIFIER_WORDS)
    if qualifier is not None and not scanner.skip_spaces():
        raise scanner.error("expected a space after the qualifier")
    value = scanner.number(number_format)
    spaced = scanner.skip_spaces()
    scale_start = scanner.pos
    scale = scanner.word(_SCALE_WORDS)
    if scale is not None:
        if not spaced:
            raise scanner.error("expected a space before the scale word", scale_start)
        spaced = scanner.skip_spaces()
    unit_start = scanner.pos
    unit = scanner.word(_UNIT_WORDS)
    if unit is not None and unit is not Unit.PERCENT and not spaced:
        raise scanner.error("expected a space before the unit", unit_start)
    scanner.skip_spaces()
    if not scanner.at_end():
        expected = "a unit" if unit is None else "the end"
        if scale is None and unit is None:
            expected = "a scale word, a unit"
        raise scanner.error(f"expected {expected} here")
    return Quantity(_scaled(value, scale or 1),  # type: ignore[arg-type]
                    unit, qualifier or Qualifier.EXACT, scale or 1)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------


def format_number(value: Decimal | float, *, decimals: int | None = None,
                  number_format: NumberFormat = "vi") -> str:
    """Write a number the way Vietnamese reports do: ``546.234``, ``65,57``.

    Parameters
    ----------
    value : decimal.Decimal, int or float
        A finite number. A ``Decimal`` keeps its printed decimals; a float is
        written with the fewest digits that read back as the same float.
    decimals : int, optional
        Round (half to even) to this many decimals instead.
    number_format : {"vi", "international"}
        As for :func:`parse_number`.

    Raises
    ------
    ValidationError
        For a non-finite or non-numeric `value`, or negative `decimals`.

    Examples
    --------
    >>> format_number(1497360), format_number(65.57), format_number(Decimal("0.90"))
    ('1.497.360', '65,57', '0,90')
    >>> format_number(546234 / 756805 * 100, decimals=2)
    '72,18'
    >>> format_number(1497360, number_format="international")
    '1,497,360'
    """
    number_format = _check_format(number_format, "format_number")  # type: ignore[assignment]
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float)):
        raise v.fail("format_number", "value", "must be a Decimal, int or float", value)
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not number.is_finite():
        raise v.fail("format_number", "value", "must be finite", value)
    if decimals is not None:
        if not _is_int(decimals) or decimals < 0:
            raise v.fail("format_number", "decimals", "must be an int >= 0", decimals)
        try:
            number = number.quantize(Decimal((0, (1,), -decimals)), context=_WIDE)
        except InvalidOperation:
            raise v.fail("format_number", "decimals", "gives too many digits", decimals) from None
    sign, digits, exponent = number.as_tuple()
    text = "".join(map(str, digits)) + "0" * max(0, int(exponent))
    places = max(0, -int(exponent))
    text = text.rjust(places + 1, "0")
    integer, fraction = text[:len(text) - places], text[len(text) - places:]
    group, mark = _MARKS[number_format]
    head = len(integer) % 3 or 3
    groups = [integer[:head]] + [integer[i:i + 3] for i in range(head, len(integer), 3)]
    return ("-" if sign else "") + group.join(groups) + (mark + fraction if fraction else "")


def format_quantity(quantity: Quantity, *, number_format: NumberFormat = "vi") -> str:
    """Write a :class:`Quantity` back in Vietnamese: qualifier, number, scale, unit.

    ``parse_quantity(format_quantity(q)) == q`` for every quantity. An exact
    figure is written without ``"đạt"``.

    Examples
    --------
    >>> format_quantity(parse_quantity("gần 44.000 lượt"))
    'gần 44.000 lượt'
    >>> format_quantity(Quantity(Decimal("65.57"), Unit.PERCENT))
    '65,57%'
    """
    if not isinstance(quantity, Quantity):
        raise v.fail("format_quantity", "quantity", "must be a Quantity", quantity)
    parts = []
    if quantity.qualifier is not Qualifier.EXACT:
        parts.append(quantity.qualifier.name_vi)
    number = format_number(_scaled_down(quantity.value, quantity.scale),
                           number_format=number_format)
    if quantity.scale != 1:
        number += " " + _SCALE_NAME[quantity.scale]
    if quantity.unit is Unit.PERCENT:
        number += "%"
    elif quantity.unit is not None:
        number += " " + _UNIT_NAME.get(quantity.unit, quantity.unit.name_vi)
    parts.append(number)
    return " ".join(parts)


# --------------------------------------------------------------------------
# Dates, periods and ranks
# --------------------------------------------------------------------------


def _make_date(scanner: _Scanner, year: int, month: int, day: int,
               positions: tuple[int, int, int]) -> dt.date:
    if not 1 <= month <= 12:  # noqa: PLR2004 - months in a year
        raise scanner.error(f"month {month} does not exist", positions[1])
    if year < 1:
        raise scanner.error("year 0 does not exist", positions[0])
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise scanner.error(f"day {day} does not exist in {year}-{month:02d}", positions[2])
    return dt.date(year, month, day)


def _date_at(scanner: _Scanner, text: str, offset: int, year: int | None) -> dt.date:
    """Read the date `text`, which starts at `offset` of the scanner's text."""
    for pattern in (_ISO_DATE, DAY_FIRST_DATE, WORDED_DATE):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        if match["year"] is None and year is None:
            raise scanner.error("no year printed: pass year=", offset + match.end())
        the_year = int(match["year"]) if match["year"] is not None else int(year or 0)
        where = (offset + (match.start("year") if match["year"] else 0),
                 offset + match.start("month"), offset + match.start("day"))
        return _make_date(scanner, the_year, int(match["month"]), int(match["day"]), where)
    digits = re.search(r"[0-9]", text)
    raise scanner.error("expected a day-first date such as 20-6, 1/6/2022 or 2022-01-06",
                        offset + (digits.start() if digits else 0))


def _trimmed(text: object, what: str) -> tuple[_Scanner, str, int]:
    scanner = _Scanner(_normalise(text, what), what)
    body = scanner.text.strip(" ")
    return scanner, body, len(scanner.text) - len(scanner.text.lstrip(" "))


def parse_date(text: str, *, year: int | None = None) -> dt.date:
    """Read a date, always day first.

    Accepted: ISO ``2022-01-06``; ``D/M/YYYY``, ``D-M-YYYY`` and
    ``D.M.YYYY`` (one separator throughout, :data:`DAY_FIRST_DATE`); the same
    without the year (``"20-6"``) when `year` is given; each optionally after
    ``"ngày"``; and ``"ngày 6 tháng 1 năm 2022"``. Two-digit years are
    refused. No month-first reading is ever tried.

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
    >>> parse_date("9-2", year=2023)
    datetime.date(2023, 2, 9)
    >>> parse_date("31/2/2023")
    Traceback (most recent call last):
      ...
    de_an06.errors.ParseError: Invalid Vietnamese date: '31/2/2023' (day 31 does not ...)
        31/2/2023
        ^
    """
    year = _check_year(year, "parse_date")
    scanner, body, offset = _trimmed(text, "Vietnamese date")
    return _date_at(scanner, body, offset, year)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str, *, year: int | None = None) -> tuple[dt.date, dt.date]:  # noqa: C901
    """Read a reporting period as its first and last day (both included).

    Accepted shapes::

        "6 tháng đầu năm 2023"  -> (2023-01-01, 2023-06-30)   first N months
        "6 tháng cuối năm 2023" -> (2023-07-01, 2023-12-31)   last N months
        "quý II/2023", "quý 2 năm 2023" -> (2023-04-01, 2023-06-30)
        "tháng 6/2023"          -> (2023-06-01, 2023-06-30)
        "năm 2024"              -> (2024-01-01, 2024-12-31)
        "từ 9-2 đến 20-6"       -> two dates, read by parse_date(year=...)

    A period printed without its year ("6 tháng đầu năm") takes `year`.

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
    """
    year = _check_year(year, "parse_period")
    scanner, body, offset = _trimmed(text, "Vietnamese period")
    span = _RANGE.fullmatch(body)
    if span is not None:
        start = _date_at(scanner, span["start"], offset + span.start("start"), year)
        end = _date_at(scanner, span["end"], offset + span.start("end"), year)
        if end < start:
            raise scanner.error(f"the period ends ({end}) before it starts ({start})",
                                offset + span.start("end"))
        return start, end
    match = _PERIODS.fullmatch(body)
    if match is None:
        raise scanner.error("expected e.g. '6 tháng đầu năm 2023', 'quý II/2023', "
                            "'năm 2024' or 'từ 9-2 đến 20-6'", offset)
    if match["year"]:
        the_year = int(match["year"])
        return dt.date(the_year, 1, 1), dt.date(the_year, 12, 31)
    if match["quarter"]:
        quarter = _ROMAN.get(match["quarter"].casefold()) or int(match["quarter"])
        the_year = int(match["quarter_year"])
        return dt.date(the_year, 3 * quarter - 2, 1), _month_end(the_year, 3 * quarter)
    if match["month"]:
        month = int(match["month"])
        the_year = int(match["month_year"])
        if not 1 <= month <= 12:  # noqa: PLR2004 - months in a year
            raise scanner.error(f"month {month} does not exist", offset + match.start("month"))
        return dt.date(the_year, month, 1), _month_end(the_year, month)
    months = int(match["months"])
    if not 1 <= months <= 12:  # noqa: PLR2004 - months in a year
        raise scanner.error("a year has 1 to 12 months", offset + match.start("months"))
    if match["months_year"] is None and year is None:
        raise scanner.error("no year printed: pass year=", offset + match.end())
    the_year = int(match["months_year"]) if match["months_year"] else int(year or 0)
    if _fold(match["edge"]) == "dau":
        return dt.date(the_year, 1, 1), _month_end(the_year, months)
    return dt.date(the_year, 13 - months, 1), dt.date(the_year, 12, 31)


def parse_rank(text: str, *, total: int | None = None) -> Rank:
    """Read a rank such as ``"25/63"`` (optionally after ``"hạng"`` / ``"xếp thứ"``).

    ``"áp chót"`` (second to last) needs `total`.

    Raises
    ------
    ParseError
        For other shapes or a position outside ``1..total``.

    Examples
    --------
    >>> parse_rank("25/63"), parse_rank("xếp hạng 37/63")
    (Rank(position=25, total=63), Rank(position=37, total=63))
    >>> parse_rank("áp chót", total=63)
    Rank(position=62, total=63)
    """
    if total is not None and (not _is_int(total) or total < 2):  # noqa: PLR2004 - two at least
        raise v.fail("parse_rank", "total", "must be an int >= 2 or None", total)
    scanner, body, offset = _trimmed(text, "rank")
    match = _RANK.fullmatch(body)
    if match is None:
        raise scanner.error("expected a rank such as 25/63", offset)
    if match["second_last"]:
        if total is None:
            raise scanner.error("'áp chót' (second to last) needs total=", offset)
        return Rank(total - 1, total)
    position, of = int(match["position"]), int(match["total"])
    if of < 1:
        raise scanner.error("the total must be at least 1", offset + match.start("total"))
    if not 1 <= position <= of:
        raise scanner.error(f"the position must be between 1 and {of}",
                            offset + match.start("position"))
    return Rank(position, of)


