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
entirely without them (``"gần"``, ``"GẦN"``, ``"gan"``), never half-marked
nor marked otherwise (``"tăng"``, increased, is never ``"tầng"``, floor;
``"thắng"``, won, never ``"tháng"``, month); a syllable of a longer word is
not a word of its own (the ``đồng`` of ``đồng chí``, comrade, is no
currency; the ``Nam`` of ``Việt Nam`` no ``năm``, year).

How the package is laid out
---------------------------
``grammar``
    THE number and date grammar, public within the library: the patterns of
    the ``"vi"``, ``"international"`` and ``"plain"`` number formats (verbose,
    compiled, and as bodies to embed), ISO and day-first dates. The CSV
    readers of :mod:`de_an06.io` use it too.
``_lexical``
    the lexical layer: :data:`SPACES` and :data:`DASHES`, folding of
    Vietnamese words, the scanner, and the error with its caret.
``_prose_words``
    every word table, read by the strict parsers and the finders alike:
    :data:`QUALIFIERS`, :data:`PROSE_QUALIFIERS`, :data:`LEADS`,
    :data:`SCALES`, :data:`UNITS`, and the words of dates, nouns and rates.
``numbers``
    :func:`parse_number`, :func:`parse_percent`, :func:`parse_qualifier`
    and :func:`format_number`.
``_quantity``
    :class:`Quantity`, :func:`parse_quantity` (one figure cut out of a
    report) and :func:`format_quantity`.
``dates``
    :func:`parse_date`, :func:`parse_period` and :func:`parse_rank`.

Import the public names from ``de_an06.parsing`` (or ``de_an06``), not from
its modules; ``grammar`` is the one module other packages of the library
import directly.

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

from typing import Final

from de_an06.parsing import _lexical, _prose_words, grammar
from de_an06.parsing._figures import DateMention, Figure
from de_an06.parsing._find import find_dates, find_figures
from de_an06.parsing._quantity import Quantity, format_quantity, parse_quantity
from de_an06.parsing.dates import parse_date, parse_period, parse_rank
from de_an06.parsing.numbers import (
    format_number,
    parse_number,
    parse_percent,
    parse_qualifier,
)

__all__ = [
    "DASHES",
    "DAY_FIRST_DATE",
    "INTERNATIONAL_NUMBER_PATTERN",
    "LEADS",
    "NUMBER_FORMATS",
    "PROSE_QUALIFIERS",
    "QUALIFIERS",
    "SCALES",
    "SPACES",
    "UNITS",
    "VI_NUMBER_PATTERN",
    "WORDED_DATE",
    "DateMention",
    "Figure",
    "NumberFormat",
    "Quantity",
    "find_dates",
    "find_figures",
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


# The public tables and patterns, each defined once in its module. They are
# named here (not imported) so that each carries its documentation comment.

#: The two number formats, ``"vi"`` (``1.497.360``, ``65,57``) and
#: ``"international"`` (``1,497,360``, ``65.57``) as some spreadsheets export.
NumberFormat = grammar.NumberFormat
#: The names of the number formats, in the order of :data:`NumberFormat`.
NUMBER_FORMATS: Final = grammar.NUMBER_FORMATS

#: Space-like characters read as a plain space (all other text is kept).
SPACES: Final = _lexical.SPACES
#: Dash-like characters read as ``-`` (dates such as ``20–6``, minus signs).
DASHES: Final = _lexical.DASHES

#: Words that hedge a figure, with the :class:`~de_an06.Qualifier` each means.
QUALIFIERS: Final = _prose_words.QUALIFIERS
#: Words that hedge a figure in prose, with the :class:`~de_an06.Qualifier` each means.
PROSE_QUALIFIERS: Final = _prose_words.PROSE_QUALIFIERS
#: Lead words before a figure and what each says it is (``"đạt"``: ``"reached"``).
LEADS: Final = _prose_words.LEADS
#: Scale words and their multipliers.
SCALES: Final = _prose_words.SCALES
#: Unit words and the :class:`~de_an06.Unit` each names.
UNITS: Final = _prose_words.UNITS

#: A Vietnamese number, where ``.`` groups thousands and ``,`` marks decimals.
VI_NUMBER_PATTERN: Final = grammar.VI_NUMBER_PATTERN
#: An international number, where ``,`` groups thousands and ``.`` marks decimals.
INTERNATIONAL_NUMBER_PATTERN: Final = grammar.INTERNATIONAL_NUMBER_PATTERN
#: A day-first date such as ``20-6``, ``1/6/2022``, ``23.3.2022`` or ``ngày 6/1/2022``.
DAY_FIRST_DATE: Final = grammar.DAY_FIRST_DATE
#: A date in words, such as ``ngày 6 tháng 1 năm 2022``.
WORDED_DATE: Final = grammar.WORDED_DATE
