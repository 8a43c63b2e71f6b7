"""A whole figure as a report prints it: :class:`Quantity` and its parser.

:func:`parse_quantity` reads one figure cut out of a report (lead words,
qualifier, number, scale word, ``%``, counted noun, rate) with the word
tables the finders of running text read (``_prose_words``) and the numbers of
:mod:`~de_an06.parsing.numbers`; :func:`format_quantity` writes one back.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

import attrs

from de_an06 import _validators as v
from de_an06.model import Qualifier, Unit
from de_an06.parsing._lexical import Scanner, normalise, with_folds
from de_an06.parsing._prose_words import (
    COMPOUND_WORDS,
    COUNTED,
    LEAD_FILLERS,
    LEADS,
    MEANING_WORDS,
    NUMBER_WORDS,
    PROSE_QUALIFIERS,
    RANK_WORDS,
    RATE_WORDS,
    SCALES,
    UNITS,
    Lead,
)
from de_an06.parsing.grammar import NumberFormat
from de_an06.parsing.numbers import _check_format, _scaled, format_number

# The words are those of ``_prose_words`` (one table per kind, which the
# finders read too), here in the form the scanner matches them.
_HEDGE_WORDS: Final = with_folds(dict(PROSE_QUALIFIERS))
_LEAD_WORDS: Final = with_folds(dict(LEADS))
_FILLER_WORDS: Final = with_folds(dict.fromkeys(LEAD_FILLERS, True))
_SCALE_WORDS: Final = with_folds(dict(SCALES))
_UNIT_WORDS: Final = with_folds(dict(UNITS))
_RATE_WORDS: Final = with_folds(dict.fromkeys(RATE_WORDS, True))
_NUMBER_WORDS: Final = with_folds(dict(NUMBER_WORDS), MEANING_WORDS)
_COUNTED_WORDS: Final = with_folds(dict.fromkeys(COUNTED, True))
_RANK_WORDS: Final = with_folds(dict.fromkeys(RANK_WORDS, True), MEANING_WORDS)
_COMPOUND_WORDS: Final = with_folds(dict.fromkeys(COMPOUND_WORDS, True))
#: The word written for each scale and each lead sense: the first of its table.
_SCALE_NAME: Final = {scale: word for word, scale in reversed(SCALES.items())}
_LEAD_NAME: Final = {sense: word for word, sense in reversed(LEADS.items())}
_WORD: Final = r"[^\W\d_]+(?:(?:-|/ ?)[^\W\d_]+)*"  # "định", "tỉnh/thành", "lượt/ ngày"
_NOUN: Final = re.compile(rf"{_WORD}(?: +{_WORD})*")
_WORDS: Final = re.compile(_WORD)
_SECOND: Final = re.compile(r"[-~;,]? *[0-9]")  # "5 - 7", "5 đến 7": two figures
_UNIT_NAMES: Final = frozenset(UNITS.values())




def _is_scale(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if value not in (1, *_SCALE_NAME):
        raise v.fail(instance, attribute.name, "must be 1, 1000, 10**6, 10**9 or 10**12", value)


def _is_decimal(instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise v.fail(instance, attribute.name, "must be a finite decimal.Decimal", value)


def _is_lead(instance: object, attribute: attrs.Attribute[Lead | None], value: object) -> None:
    if value is not None and value not in _LEAD_NAME:
        raise v.fail(instance, attribute.name, "must be None or a sense of LEADS", value)


def _is_rate(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or _phrase(value) not in _RATE_WORDS):
        raise v.fail(instance, attribute.name, "must be None or a word of rate (ngày, năm, "
                     "hồ sơ ...)", value)


def _phrase(text: str) -> str:
    """`text` as a key of a word table: single spaces, lower case."""
    return " ".join(text.split()).casefold()


def _unit_of(noun: str) -> tuple[object, bool]:
    """The unit word `noun` starts with (or None), and whether it is all of `noun`.

    A noun that starts with a word of :data:`COMPOUND_WORDS` starts with no
    unit word: *đồng chí* (comrade) counts no *đồng*.
    """
    words = Scanner(noun, "noun")
    if words.word(_COMPOUND_WORDS) is not None:
        return None, False
    return words.word(_UNIT_WORDS), words.at_end()


@attrs.frozen
class Quantity:
    """A figure as a report prints it: value, unit, qualifier and scale word.

    Parameters
    ----------
    value : decimal.Decimal
        The full value (``"37,1 triệu"`` gives 37,100,000), exact, with the
        printed precision.
    unit : Unit or None
        The unit word, if any (``None`` for a bare number or a counted noun
        the library has no unit for).
    qualifier : Qualifier
        ``EXACT`` unless a hedging word came first.
    scale : int
        The multiplier of the scale word printed (1, 1000, 10**6, 10**9 or
        10**12), kept so the figure can be written back the same way.
    noun : str or None
        The counted thing as printed when it says more than a unit word
        (``"tài khoản định danh điện tử"``, ``"người dân"``): free text,
        words only. It starts with the word of `unit` when there is one
        (``"người dân"`` counts ``Unit.PEOPLE``); after ``%``
        it is whatever the percentage is of (``"dân số"``).
    lead : str or None
        What the lead words before the figure say (``"reached"`` for
        *đạt*, ``"issued"`` for *đã cấp*, ... the senses of
        :data:`~de_an06.parsing.LEADS`).
    per : str or None
        The word after ``/`` of a rate (``"ngày"`` in *380.000 lượt/ngày*).

    Examples
    --------
    >>> q = parse_quantity("gần 3 tỷ đồng")
    >>> q
    Quantity(value=Decimal('3E+9'), unit=<Unit.VND: 'vnd'>,
             qualifier=<Qualifier.NEARLY: 'nearly'>, scale=1000000000,
             noun=None, lead=None, per=None)
    >>> int(q.value), format_quantity(q)
    (3000000000, 'gần 3 tỷ đồng')
    """

    value: Decimal = attrs.field(validator=_is_decimal)
    unit: Unit | None = attrs.field(default=None, validator=v.is_optional_instance(Unit))
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.is_instance(Qualifier))
    scale: int = attrs.field(default=1, validator=_is_scale)
    noun: str | None = attrs.field(default=None, kw_only=True)
    lead: Lead | None = attrs.field(default=None, kw_only=True, validator=_is_lead)
    per: str | None = attrs.field(default=None, kw_only=True, validator=_is_rate)

    @unit.validator
    def _unit_has_a_word(self, attribute: attrs.Attribute[Unit | None], value: object) -> None:
        if value is not None and value not in _UNIT_NAMES:
            raise v.fail(self, attribute.name, "must be a unit reports print a word for "
                         "(not count or rank)", value)

    @noun.validator
    def _noun_is_words(self, attribute: attrs.Attribute[str | None], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, str) or _NOUN.fullmatch(value) is None:
            raise v.fail(self, attribute.name, "must be None or words (letters, with '-' "
                         "or '/' inside a word)", value)
        if self.unit is not Unit.PERCENT and _unit_of(value) != (self.unit, False):
            raise v.fail(self, attribute.name, "must start with the word of the unit and say "
                         "more than it (a unit word alone is the unit)", value)

    @property
    def decimals(self) -> int:
        """Number of decimals printed (``"37,1 triệu"`` has 1)."""
        return max(0, -int(_scaled_down(self.value, self.scale).as_tuple().exponent))


def _scaled_down(value: Decimal, scale: int) -> Decimal:
    sign, digits, exponent = value.as_tuple()
    return Decimal((sign, digits, int(exponent) - (len(str(scale)) - 1)))


def parse_quantity(text: str, *, number_format: NumberFormat = "vi") -> Quantity:
    """Read one figure cut out of a report: ``"hơn 323.000 lượt"``, ``"đạt tỷ lệ 91,4%"``.

    Grammar (every word from the tables the finders read, any case, with or
    without diacritics)::

        quantity = ["("] [lead {filler}] [qualifier] number [scale] ["%"]
                   [noun] ["/" rate] [")"]
        number    = digits | number word before a counted noun  (ba tổ công tác)
        lead      = "đạt" | "đạt tỷ lệ" | "tăng" | "giảm" | "vượt" | "đã cấp" | ...
        filler    = "được" | "là" | "lên" | "thêm" | "tới" | "đến" | "mức" | ...
        qualifier = "gần" | "khoảng" | "hơn" | "trên" | "dưới" | "chưa đến"
                  | "tối thiểu" | "tới" | "vượt" | ...
        scale     = "nghìn" | "ngàn" | "triệu" | "tỷ" | "tỉ" | "nghìn tỷ" | ...
        noun      = word {" " word}        (free text: letters, "-" and "/" inside,
                                            up to a rank phrase: top, xếp thứ ...)
        rate      = "ngày" | "năm" | "hồ sơ" | "lượt" | ...

    The tables are :data:`LEADS` (a lead word is kept as its sense, in
    `lead`), :data:`PROSE_QUALIFIERS`, :data:`SCALES`, :data:`UNITS` (a noun
    that starts with a unit word gives `unit`) and the rate words of
    :func:`find_figures`. A lead word that is also a qualifier (*vượt 5%*)
    gives both. A counted noun the library does not know is kept as
    printed, never refused.

    Raises
    ------
    ParseError
        For anything else, with the position where reading stopped: a second
        figure in the cell (a range *5 đến 7 ngày*, a list, a fraction
        *41/63*: :func:`find_figures` reads those), a rank after the figure
        (*5 người top 10*: the noun ends before *top*, as in
        :func:`find_figures`), a vague amount with no number (*vài trăm
        nghìn*), a missing space (*3tỷ*), punctuation after
        the figure.

    Examples
    --------
    >>> parse_quantity("hơn 323.000 lượt")
    Quantity(value=Decimal('323000'), unit=<Unit.USES: 'uses'>,
             qualifier=<Qualifier.MORE_THAN: 'more_than'>, scale=1,
             noun=None, lead=None, per=None)
    >>> q = parse_quantity("37,1 triệu")
    >>> int(q.value), q.scale, q.decimals
    (37100000, 1000000, 1)
    >>> q = parse_quantity("đã cấp hơn 2.315.408 tài khoản định danh điện tử")
    >>> q.lead, q.qualifier.value, q.unit, q.noun
    ('issued', 'more_than', None, 'tài khoản định danh điện tử')
    >>> q = parse_quantity("(trên 12 nghìn tỷ đồng/năm)")
    >>> int(q.value), q.unit.value, q.per
    (12000000000000, 'vnd', 'năm')
    >>> parse_quantity("5 đến 7 ngày")
    Traceback (most recent call last):
      ...
    de_an06.errors.ParseError: Invalid Vietnamese quantity: '5 đến 7 ngày' (a second ...)
        5 đến 7 ngày
              ^

    See Also
    --------
    find_figures : every figure of a running text.
    format_quantity : writes a quantity back.
    """
    number_format = _check_format(number_format, "parse_quantity")  # type: ignore[assignment]
    scanner = Scanner(normalise(text, "Vietnamese quantity"), "Vietnamese quantity")
    scanner.skip_spaces()
    bracket = scanner.text.startswith("(", scanner.pos)
    scanner.pos += bracket
    scanner.skip_spaces()
    lead, qualifier = _lead_and_qualifier(scanner)
    value = _number(scanner, number_format)
    spaced = scanner.skip_spaces()
    scale_start = scanner.pos
    scale = scanner.word(_SCALE_WORDS)
    if scale is not None:
        if not spaced:
            raise scanner.error("expected a space before the scale word", scale_start)
        spaced = scanner.skip_spaces()
    unit = None
    if scanner.text.startswith("%", scanner.pos):
        unit = Unit.PERCENT
        scanner.pos += 1
        spaced = scanner.skip_spaces()
    unit, noun, per = _noun_and_rate(scanner, spaced, unit)
    scanner.skip_spaces()
    if bracket and scanner.text.startswith(")", scanner.pos):
        scanner.pos += 1
        bracket = False
        scanner.skip_spaces()
    if bracket or not scanner.at_end():
        reason = "expected ')' here" if bracket else "expected the end here"
        if _SECOND.match(scanner.text, scanner.pos):
            reason = "a second figure: a cell holds one (find_figures reads ranges and lists)"
        elif _at_rank(scanner, scanner.pos):
            reason = "a rank after the figure: a cell holds one (find_figures reads both)"
        raise scanner.error(reason)
    return Quantity(_scaled(value, scale or 1), unit,  # type: ignore[arg-type]
                    qualifier, scale or 1, noun=noun, lead=lead, per=per)  # type: ignore[arg-type]


def _number(scanner: Scanner, number_format: str) -> Decimal:
    """A number, or a small one in words before the noun it counts (*ba tổ công tác*)."""
    start = scanner.pos
    word = scanner.word(_NUMBER_WORDS)
    if word is None:
        return scanner.number(number_format)
    after = scanner.pos
    if not scanner.skip_spaces() or scanner.word(_COUNTED_WORDS) is None:
        raise scanner.error("a number in words must count a noun such as 'tổ' or 'người'",
                            start)
    scanner.pos = after
    return Decimal(word)  # type: ignore[arg-type]


def _space_after(scanner: Scanner, what: str) -> None:
    if not scanner.skip_spaces():
        raise scanner.error(f"expected a space after {what}")


def _lead_and_qualifier(scanner: Scanner) -> tuple[Lead | None, Qualifier]:
    """Read ``[lead {filler}] [qualifier]`` before the number."""
    start = scanner.pos
    lead = scanner.word(_LEAD_WORDS)
    lead_end = scanner.pos
    filled = False
    if lead is not None:
        _space_after(scanner, "the lead word")
        while scanner.word(_FILLER_WORDS) is not None:
            _space_after(scanner, "the lead word")
            filled = True
    qualifier = scanner.word(_HEDGE_WORDS)
    if qualifier is not None:
        _space_after(scanner, "the qualifier")
    elif not filled:  # "vượt 5%": the lead word is a qualifier too
        qualifier = _HEDGE_WORDS.get(_phrase(scanner.text[start:lead_end]))
    return lead, qualifier or Qualifier.EXACT  # type: ignore[return-value]


def _at_rank(scanner: Scanner, at: int) -> bool:
    """Whether a rank phrase (*top*, *xếp thứ* ...: :data:`RANK_WORDS`) starts at `at`."""
    mark = scanner.pos
    scanner.pos = at
    found = scanner.word(_RANK_WORDS) is not None
    scanner.pos = mark
    return found


def _noun_end(scanner: Scanner) -> int:
    """Where the counted noun at the cursor ends: before a rank phrase, as in the finders."""
    match = _NOUN.match(scanner.text, scanner.pos)
    if match is None:
        return scanner.pos
    for word in _WORDS.finditer(scanner.text, match.start(), match.end()):
        if _at_rank(scanner, word.start()):
            return word.start()
    return match.end()


def _noun_and_rate(scanner: Scanner, spaced: bool,
                   unit: Unit | None) -> tuple[Unit | None, str | None, str | None]:
    """Read ``[noun] ["/" rate]`` after the number (and its scale and ``%``)."""
    end = _noun_end(scanner)
    noun = per = None
    if end > scanner.pos:
        if not spaced:
            raise scanner.error("expected a space before the unit or the counted noun")
        noun = scanner.text[scanner.pos:end].rstrip(" ")
        scanner.pos = end
        head, slash, tail = noun.rpartition("/")
        if slash and _phrase(tail) in _RATE_WORDS:  # "lượt/ngày"
            noun, per = head, tail.lstrip(" ")
        if unit is None:
            unit, whole = _unit_of(noun)  # type: ignore[assignment]
            noun = None if whole else noun
    return unit, noun, per or _rate(scanner)


def _rate(scanner: Scanner) -> str | None:
    """The word of rate after ``/`` (``"%/năm"``, ``"lượt / ngày"``), if any."""
    mark = scanner.pos
    scanner.skip_spaces()
    if not scanner.text.startswith("/", scanner.pos):
        scanner.pos = mark
        return None
    scanner.pos += 1
    scanner.skip_spaces()
    start = scanner.pos
    if scanner.word(_RATE_WORDS) is None:
        raise scanner.error("expected a word of rate after '/' (a fraction such as "
                            "41/63 is not one figure)")
    return scanner.text[start:scanner.pos]


def format_quantity(quantity: Quantity, *, number_format: NumberFormat = "vi") -> str:
    """Write a :class:`Quantity` back in Vietnamese: lead, qualifier, number, scale, unit.

    ``parse_quantity(format_quantity(q)) == q`` for every quantity
    :func:`parse_quantity` returns. An exact figure is written without
    ``"đạt"``; a lead is written as the first word of its sense in
    :data:`LEADS`, the counted noun (when there is one) in place of the unit
    word.

    Examples
    --------
    >>> format_quantity(parse_quantity("gần 44.000 lượt"))
    'gần 44.000 lượt'
    >>> format_quantity(Quantity(Decimal("65.57"), Unit.PERCENT))
    '65,57%'
    >>> format_quantity(parse_quantity("Đã cấp hơn 2,4 triệu thẻ căn cước"))
    'cấp hơn 2,4 triệu thẻ căn cước'

    See Also
    --------
    parse_quantity : reads one back.
    """
    if not isinstance(quantity, Quantity):
        raise v.fail("format_quantity", "quantity", "must be a Quantity", quantity)
    parts = []
    if quantity.lead is not None:
        parts.append(_LEAD_NAME[quantity.lead])
        if quantity.qualifier is Qualifier.EXACT and _phrase(parts[0]) in _HEDGE_WORDS:
            parts.append("tới")  # "vượt tới 5%": exact ("vượt 5%" reads as more than)
    if quantity.qualifier is not Qualifier.EXACT:
        parts.append(quantity.qualifier.name_vi)
    number = format_number(_scaled_down(quantity.value, quantity.scale),
                           number_format=number_format)
    if quantity.scale != 1:
        number += " " + _SCALE_NAME[quantity.scale]
    if quantity.unit is Unit.PERCENT:
        number += "%"
    if quantity.noun is not None:
        number += " " + quantity.noun
    elif quantity.unit not in (None, Unit.PERCENT):
        number += " " + quantity.unit.name_vi
    if quantity.per is not None:
        number += "/" + quantity.per
    parts.append(number)
    return " ".join(parts)
