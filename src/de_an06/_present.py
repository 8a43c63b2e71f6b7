"""The vocabulary of every output: words, symbols and number formats.

The HTML and text reprs (:mod:`de_an06._display`), the plots, the command
line and the audit messages take the words they print from here, so that a
status, a unit or a number reads the same wherever it appears:

* status words: what a :class:`~de_an06.ProgressStatus` is called, in a
  sentence (``"moving away"``) or a table cell (``"deteriorating"``), and
  whether a target is met;
* symbols: of units (``%``, ``people``; ``d`` and ``wd`` in tables), of
  qualifiers (``≈``, ``<~``, ``>``, ``<``) and of a target's direction
  (``≥``, ``≤``);
* numbers: thousands grouped and decimals marked the English way
  (``1,234.5``, ``number_format="international"``) or the Vietnamese way
  (``1.234,5``, ``"vi"``), from one routine for floats and decimals alike.

Keys are the enum values (``"percent"``, ``"more_than"``,
``"substantial_progress"``); every function also takes the enum member. This
module imports nothing from de_an06, so the model can use it too.

Examples
--------
>>> number(546_234), number(72.1789), number(65.5, number_format="vi")
('546,234', '72.18', '65,5')
>>> quantity(44_000, "uses", "nearly"), status_word("deterioration", brief=True)
('<~ 44,000 uses', 'deteriorating')
"""

from __future__ import annotations

import decimal
import enum
import math
from decimal import Decimal
from typing import Final, Literal

NumberFormat = Literal["vi", "international"]

#: Thousands separator and decimal mark of each number format.
MARKS: Final = {"vi": (".", ","), "international": (",", ".")}

#: What is printed where a value is missing.
MISSING: Final = "—"

#: Symbols printed before a qualified figure ("nearly 98 %" is "<~ 98 %").
QUALIFIER_SYMBOLS: Final = {
    "exact": "", "about": "≈", "nearly": "<~", "more_than": ">", "less_than": "<",
}

#: Unit symbols printed after a figure, with a space: ``98 %``, ``44,000 uses``.
UNIT_SYMBOLS: Final = {
    "count": "", "people": "people", "dossiers": "dossiers", "uses": "uses", "percent": "%",
    "days": "days", "working_days": "working days", "minutes": "min", "vnd": "VND",
    "rank": "rank",
}

#: Short unit suffixes for table cells (counts of people need none there).
UNIT_SUFFIXES: Final = {
    "count": "", "people": "", "dossiers": "", "uses": " uses", "percent": " %",
    "days": " d", "working_days": " wd", "minutes": " min", "vnd": " VND", "rank": "",
}

#: What a progress status is called in a sentence or a repr.
STATUS_PHRASES: Final = {
    "target_achieved": "target achieved",
    "substantial_progress": "on track",
    "moderate_progress": "moderate progress",
    "limited_progress": "limited progress",
    "deterioration": "moving away",
    "not_available": "status not available",
}

#: What a progress status is called in a table cell or a one-word field.
STATUS_WORDS: Final = {
    "target_achieved": "achieved",
    "substantial_progress": "on track",
    "moderate_progress": "moderate progress",
    "limited_progress": "limited progress",
    "deterioration": "deteriorating",
    "not_available": "no trend (one reading)",
}

#: Whether a target is met, in a sentence and as a yes/no table cell.
MET_WORDS: Final = {True: "met", False: "not met", None: "open"}
MET_ANSWERS: Final = {True: "yes", False: "no", None: "open"}

#: The comparison a target states, by the sign of its direction.
TARGET_SIGNS: Final = {1: "≥", -1: "≤"}

# Wide enough for any float written out in full (about 1,100 digits at most).
_WIDE: Final = decimal.Context(prec=10_000)


def _code(member: enum.Enum | str) -> str:
    return str(member.value) if isinstance(member, enum.Enum) else member


def qualifier_symbol(qualifier: enum.Enum | str) -> str:
    """The symbol of a qualifier: ``''``, ``'≈'``, ``'<~'``, ``'>'`` or ``'<'``.

    >>> qualifier_symbol("more_than")
    '>'
    """
    return QUALIFIER_SYMBOLS[_code(qualifier)]


def unit_symbol(unit: enum.Enum | str) -> str:
    """The symbol of a unit (``''`` for plain counts).

    >>> unit_symbol("working_days"), unit_symbol("count")
    ('working days', '')
    """
    return UNIT_SYMBOLS[_code(unit)]


def unit_suffix(unit: enum.Enum | str) -> str:
    """The short suffix of a unit in a table cell, its space included.

    >>> unit_suffix("working_days"), unit_suffix("people")
    (' wd', '')
    """
    return UNIT_SUFFIXES[_code(unit)]


def status_word(status: enum.Enum | str, *, brief: bool = False) -> str:
    """What a progress status is called; `brief` for a table cell.

    A status this vocabulary does not know is printed as it is.

    >>> status_word("deterioration"), status_word("deterioration", brief=True)
    ('moving away', 'deteriorating')
    """
    code = _code(status)
    return (STATUS_WORDS if brief else STATUS_PHRASES).get(code, code)


def met_word(met: bool | None, *, brief: bool = False) -> str:
    """``"met"``, ``"not met"`` or ``"open"``; `brief` says ``"yes"`` or ``"no"``.

    >>> met_word(False), met_word(False, brief=True), met_word(None)
    ('not met', 'no', 'open')
    """
    return (MET_ANSWERS if brief else MET_WORDS)[met]


def target_sign(sign: int) -> str:
    """``"≥"`` for a higher-is-better target (`sign` 1), ``"≤"`` for a lower one (-1)."""
    return TARGET_SIGNS[sign]


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def decimal_text(number: Decimal, *, decimals: int | None = None,
                 number_format: NumberFormat = "vi") -> str:
    """A finite decimal with its printed decimals, thousands grouped.

    The core of :func:`de_an06.parsing.format_number`, which validates its
    arguments first. `decimals` rounds half to even.

    Raises
    ------
    decimal.InvalidOperation
        When rounding to `decimals` needs more than 10,000 digits.

    Examples
    --------
    >>> decimal_text(Decimal("1497360")), decimal_text(Decimal("0.90"))
    ('1.497.360', '0,90')
    >>> decimal_text(Decimal("-1234.565"), decimals=2, number_format="international")
    '-1,234.56'
    """
    if decimals is not None:
        number = number.quantize(Decimal((0, (1,), -decimals)), context=_WIDE)
    sign, digits, exponent = number.as_tuple()
    text = "".join(map(str, digits)) + "0" * max(0, int(exponent))
    places = max(0, -int(exponent))
    text = text.rjust(places + 1, "0")
    integer, fraction = text[:len(text) - places], text[len(text) - places:]
    group, mark = MARKS[number_format]
    head = len(integer) % 3 or 3
    groups = [integer[:head]] + [integer[i:i + 3] for i in range(head, len(integer), 3)]
    return ("-" if sign else "") + group.join(groups) + (mark + fraction if fraction else "")


def number(value: float, places: int = 2, *, fixed: bool = False,
           number_format: NumberFormat = "international") -> str:
    """`value` with thousands grouped, rounded (half to even) to `places` decimals.

    A whole number has no decimals. Otherwise trailing zeros are dropped,
    unless `fixed` keeps all `places` decimals. ``inf`` and ``nan`` are
    printed as Python does.

    Examples
    --------
    >>> number(546234), number(72.1789), number(0.5), number(-1234.5)
    ('546,234', '72.18', '0.5', '-1,234.5')
    >>> number(0.5, fixed=True), number(-0.001), number(1234.5, number_format="vi")
    ('0.50', '0', '1.234,5')
    """
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return decimal_text(Decimal(int(value)), number_format=number_format)
    text = decimal_text(Decimal(float(value)), decimals=places, number_format=number_format)
    if fixed:
        return text
    if places > 0:
        text = text.rstrip("0").rstrip(MARKS[number_format][1])
    return "0" if text == "-0" else text


def quantity(value: float, unit: enum.Enum | str | None,
             qualifier: enum.Enum | str | None = None) -> str:
    """A figure as reports print it: qualifier symbol, number, unit symbol.

    Examples
    --------
    >>> quantity(65, "percent", "more_than")
    '> 65 %'
    >>> quantity(44_000, "uses", "nearly")
    '<~ 44,000 uses'
    """
    parts = []
    if qualifier is not None and qualifier_symbol(qualifier):
        parts.append(qualifier_symbol(qualifier))
    parts.append(number(value))
    if unit is not None and unit_symbol(unit):
        parts.append(unit_symbol(unit))
    return " ".join(parts)
