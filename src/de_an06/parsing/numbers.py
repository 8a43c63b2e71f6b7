"""Numbers as reports print them: numbers, percentages and qualifiers.

- :func:`parse_number`, :func:`parse_percent` and :func:`parse_qualifier`
  read them, exactly, as :class:`~decimal.Decimal` (with the printed
  precision) and :class:`~de_an06.Qualifier`;
- :func:`format_number` writes a number back.

A whole figure (qualifier, number, scale, unit, counted noun) is
``_quantity``'s; the word tables are ``_prose_words``'; the number grammar
itself is :mod:`de_an06.parsing.grammar`; the scanner and the errors are the
lexical layer's (``_lexical``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

from de_an06 import _present
from de_an06 import _validators as v
from de_an06.model import Qualifier
from de_an06.model.rules import real_number
from de_an06.parsing._lexical import Scanner, is_int, normalise, with_folds
from de_an06.parsing._prose_words import QUALIFIERS
from de_an06.parsing.grammar import NUMBER_FORMATS, NumberFormat

# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

_QUALIFIER_WORDS: Final = with_folds(dict(QUALIFIERS))


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
