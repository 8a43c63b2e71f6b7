"""Figures as reports print them: numbers, percentages, qualifiers, quantities.

- :func:`parse_number`, :func:`parse_percent`, :func:`parse_qualifier` and
  :func:`parse_quantity` read them, exactly, as :class:`~decimal.Decimal`
  (with the printed precision) and :class:`Quantity`;
- :func:`format_number` and :func:`format_quantity` write them back;
- :data:`QUALIFIERS`, :data:`SCALES` and :data:`UNITS` are the word tables.

The number grammar itself is :mod:`de_an06.parsing.grammar`; the scanner
and the errors are the lexical layer's (``_lexical``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

import attrs

from de_an06 import _present
from de_an06 import _validators as v
from de_an06.model import Qualifier, Unit
from de_an06.model.rules import real_number
from de_an06.parsing._lexical import Scanner, is_int, normalise, with_folds
from de_an06.parsing.grammar import NUMBER_FORMATS, NumberFormat

# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

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

_QUALIFIER_WORDS: Final = with_folds(dict(QUALIFIERS))
_SCALE_WORDS: Final = with_folds(dict(SCALES))
_UNIT_WORDS: Final = with_folds(dict(UNITS))
_SCALE_NAME: Final = {10**3: "nghìn", 10**6: "triệu", 10**9: "tỷ"}
_UNIT_NAME: Final = {Unit.VND: "đồng", Unit.PERCENT: "%"}
_UNIT_NAMES: Final = frozenset(UNITS.values())


def _check_format(number_format: object, owner: str) -> str:
    if not isinstance(number_format, str) or number_format not in NUMBER_FORMATS:
        raise v.fail(owner, "number_format", f"must be one of {NUMBER_FORMATS}", number_format)
    return str(number_format)


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
    scanner = Scanner(normalise(text, "Vietnamese number"), "Vietnamese number")
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
    scanner = Scanner(normalise(text, "Vietnamese percentage"), "Vietnamese percentage")
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
    scanner = Scanner(normalise(text, "qualifier"), "qualifier")
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
    scanner = Scanner(normalise(text, "Vietnamese quantity"), "Vietnamese quantity")
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
        A finite number, of any type :func:`~de_an06.model.rules.real_number`
        accepts (NumPy scalars, ``Fraction``...). A ``Decimal`` keeps its
        printed decimals; a float is written with the fewest digits that read
        back as the same float.
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
    if isinstance(value, Decimal):  # kept as printed, whatever its size
        if not value.is_finite():
            raise v.fail("format_number", "value", "must be finite", value)
        number = value
    else:  # THE rule for number types
        number = Decimal(repr(real_number("format_number", "value", value)))
    if decimals is not None and (not is_int(decimals) or decimals < 0):
        raise v.fail("format_number", "decimals", "must be an int >= 0", decimals)
    try:
        return _present.decimal_text(number, decimals=decimals, number_format=number_format)
    except (InvalidOperation, OverflowError):
        raise v.fail("format_number", "decimals", "gives too many digits", decimals) from None


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
