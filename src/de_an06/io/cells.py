"""One cell of a file: how numbers, dates, enums, flags, text and name sets are read and written.

Public in the package: :mod:`de_an06.io.schema` gives each column of the row
layout one of the :class:`Cell` kinds below, and the CSV reader and writer,
the columnar reader, the JSON reader (numbers written as strings) and
:mod:`de_an06.frames` read and write cells through them. The number and date
grammar of a cell (:data:`NUMBER_BODY`, :data:`ISO_DATE`) and the
date range check (:data:`FIRST_DAY`) are stated here, once, for all of them.

Examples
--------
>>> read_number("546.234", "vi"), read_number("65,57", "vi"), read_number("72.20", "plain")
(546234, Decimal('65.57'), Decimal('72.20'))
>>> write_number(65.57, "vi"), write_names(frozenset({"denominator", "as_of"}))
('65,57', 'as_of;denominator')
>>> read_date("1/7/2023", "vi")
datetime.date(2023, 7, 1)
"""

from __future__ import annotations

import datetime as dt
import enum
import sys
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.errors import ParseError
from de_an06.parsing import format_number, grammar, parse_date, parse_number

__all__ = [
    "DATE",
    "FIRST_DAY",
    "FLAG",
    "ISO_DATE",
    "NAMES",
    "NAMES_SEPARATOR",
    "NUMBER",
    "NUMBER_BODY",
    "NUMBER_COLUMN",
    "NUMBER_FORMATS",
    "OPTIONAL_DATE",
    "OPTIONAL_NUMBER",
    "OPTIONAL_TEXT",
    "TEXT",
    "WHOLE",
    "Cell",
    "CellError",
    "CsvNumberFormat",
    "check_number_format",
    "enum_cell",
    "read_date",
    "read_enum",
    "read_iso_dates",
    "read_names",
    "read_number",
    "read_value",
    "write_cell",
    "write_names",
    "write_number",
]

# The grammar of a number or date cell is the parsers' (de_an06.parsing.grammar),
# named here as the readers and writers of this package use it.
#: How the numbers of a file are written (see :func:`de_an06.io.read_csv`).
CsvNumberFormat = grammar.CellNumberFormat
#: The values of :data:`CsvNumberFormat`.
NUMBER_FORMATS: Final = grammar.CELL_NUMBER_FORMATS
#: A number as one cell spells it, by number format.
NUMBER_BODY: Final = grammar.NUMBER_BODIES
#: A whole column of numbers joined with ``"\n"`` matches when every cell is valid.
NUMBER_COLUMN: Final = grammar.NUMBER_COLUMNS
#: A date cell in ISO form, ``YYYY-MM-DD`` (ASCII digits).
ISO_DATE: Final = grammar.ISO_DATE
#: The first day a file may name (NumPy reads the year 0, which Python has not).
FIRST_DAY: Final = np.datetime64("0001-01-01")
#: What joins the names of a set (``inferred``) in one cell.
NAMES_SEPARATOR: Final = ";"

_PLAIN: Final = grammar.NUMBERS["plain"]
_WHOLE: Final = grammar.WHOLE_NUMBER
# Digits of the largest float (1.8e308); a longer whole number is out of range.
_MAX_DIGITS: Final = 309


class CellError(Exception):
    """A cell could not be read; carries the message (the reader adds where)."""


def check_number_format(number_format: object, owner: str) -> str:
    """`number_format` when it is one of :data:`NUMBER_FORMATS`, else a ValidationError."""
    if not isinstance(number_format, str) or number_format not in NUMBER_FORMATS:
        raise v.fail(owner, "number_format", f"must be one of {NUMBER_FORMATS}", number_format)
    return str(number_format)


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def read_number(cell: str, number_format: str) -> int | float | Decimal:
    """A number cell: an ``int`` when no decimals are printed, else a ``Decimal``.

    The ``Decimal`` keeps the printed decimals (``"98,90"`` has two), which a
    :class:`~de_an06.Reading` keeps as its ``decimals``; the model stores it
    as a float (:func:`~de_an06.model.rules.real_number`).

    Raises
    ------
    CellError
        For text that is not a number in `number_format`, or a number beyond
        the range of a float.
    """
    if number_format == "plain":
        if _WHOLE.fullmatch(cell):
            return _whole(cell)
        if not _PLAIN.fullmatch(cell):
            raise CellError(f"cannot read {cell!r} as a number")
        number = Decimal(cell)
        if int(number.as_tuple().exponent) >= 0:  # "1e+20": a float printed without decimals
            value = float(cell)
            if value in (float("inf"), float("-inf")):
                raise CellError(f"{cell!r} is too large to be a finite number")
            return value
    else:
        try:
            number = parse_number(cell, number_format=number_format)  # type: ignore[arg-type]
        except ParseError as error:
            reason = error.message.split("\n", 1)[0].rsplit(" (", 1)[-1].rstrip(")")
            raise CellError(f"cannot read {cell!r} as a number ({reason})") from None
    if abs(number) > sys.float_info.max:
        raise CellError(f"{cell!r} is too large to be a finite number")
    if int(number.as_tuple().exponent) >= 0:
        return int(number)
    return number


def _whole(cell: str) -> int:
    """A plain whole-number cell, refused beyond the float range like any number."""
    # Leading zeros are dropped first: int() refuses strings of more than
    # sys.get_int_max_str_digits() characters, zeros included.
    digits = cell.lstrip("-").lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS or int(digits) > sys.float_info.max:
        raise CellError(f"{cell!r} is too large to be a finite number")
    return -int(digits) if cell.startswith("-") else int(digits)


def _read_whole(cell: str, _: str) -> int:
    if not _WHOLE.fullmatch(cell):
        raise CellError(f"cannot read {cell!r} as a whole number")
    return _whole(cell)


def write_number(value: float | Decimal, number_format: str) -> str:
    """A number as :func:`read_number` reads it back: floats keep at least one decimal.

    A ``Decimal`` (a reading's :attr:`~de_an06.Reading.printed_value`) is
    written with its own decimals.
    """
    if isinstance(value, Decimal):
        if number_format == "plain":
            return f"{value:f}"
        return format_number(value, number_format=number_format)  # type: ignore[arg-type]
    if number_format == "plain":
        return str(value) if isinstance(value, int) else repr(value)
    if isinstance(value, int):
        return format_number(value, number_format=number_format)  # type: ignore[arg-type]
    exponent = int(Decimal(repr(value)).as_tuple().exponent)
    return format_number(value, decimals=max(1, -exponent),
                         number_format=number_format)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def read_date(cell: str, number_format: str) -> dt.date:
    """An ISO date cell; day-first dates too unless `number_format` is ``"plain"``.

    Raises
    ------
    CellError
        For text that is not a date, or not a real one (``2023-02-30``).
    """
    if ISO_DATE.fullmatch(cell):
        try:
            return dt.date.fromisoformat(cell)
        except ValueError:
            raise CellError(f"{cell!r} is not a valid date") from None
    if number_format != "plain":
        try:
            return parse_date(cell)
        except ParseError:
            pass
    raise CellError(f"cannot read {cell!r} as a date (expected YYYY-MM-DD)")


def read_iso_dates(cells: Iterable[str]) -> npt.NDArray[np.datetime64] | None:
    """Distinct ISO date cells as ``datetime64[D]``, or None when one is not a real date.

    The vectorised twin of :func:`read_date` for the columnar reader; None
    sends it to the careful reader, which names the cell.
    """
    texts = list(cells)
    if not all(ISO_DATE.fullmatch(text) for text in texts):
        return None
    try:
        days = np.array(texts, dtype="datetime64[D]")
    except ValueError:
        return None
    if (days < FIRST_DAY).any():
        return None
    return days


# --------------------------------------------------------------------------
# Enums, flags, text, name sets
# --------------------------------------------------------------------------


def read_enum(kind: type[enum.Enum], cell: object) -> Any:  # noqa: ANN401 - a member of `kind`
    """The member of `kind` whose value is `cell` (text, or a JSON value)."""
    try:
        return kind(cell)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise CellError(f"cannot read {cell!r} as {kind.__name__} "
                        f"(expected one of {allowed})") from None


def _read_flag(cell: str, _: str) -> bool:
    if cell in ("", "false"):
        return False
    if cell == "true":
        return True
    raise CellError(f"cannot read {cell!r} as true/false")


def _read_text(cell: str, _: str) -> str:
    return cell


def read_names(cell: str) -> frozenset[str]:
    """A set of names joined with :data:`NAMES_SEPARATOR`; empty text is the empty set."""
    return frozenset() if cell == "" else frozenset(cell.split(NAMES_SEPARATOR))


def write_names(names: Iterable[str]) -> str:
    """A set of names as one cell, sorted, joined with :data:`NAMES_SEPARATOR`."""
    return NAMES_SEPARATOR.join(sorted(names))


def _read_names(cell: str, _: str) -> frozenset[str]:
    return read_names(cell)


def _optional(read: Callable[[str, str], Any]) -> Callable[[str, str], Any]:
    def read_optional(cell: str, number_format: str) -> Any:  # noqa: ANN401
        return None if cell == "" else read(cell, number_format)
    return read_optional


def write_cell(value: object, number_format: str) -> str:  # noqa: PLR0911 - one case per kind
    """Any field value as the text of its cell (``None`` is the empty cell)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return write_names(value)
    if isinstance(value, (int, float, Decimal)):
        return write_number(value, number_format)
    return str(value)


def _kind(value: object) -> str:
    return type(value).__name__


def _text_value(cell: Cell, value: object) -> object:
    if not isinstance(value, str):
        raise CellError(f"must be text, not {_kind(value)} ({value!r})")
    return read_names(value) if cell.kind == "names" else value


def _number_value(_: Cell, value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CellError(f"must be a number, not {_kind(value)} ({value!r})")
    # Integral floats come back as int; the model judges the rest (inf, say).
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _whole_value(_: Cell, value: object) -> object:
    # An integral float is whole (a pandas column of whole numbers with NaN is float64).
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CellError(f"must be a whole number, not {_kind(value)} ({value!r})")
    return value


def _date_value(_: Cell, value: object) -> object:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0) or value.tzinfo is not None:
            raise CellError(f"must be a date without a time of day (got {value.isoformat()})")
        return value.date()
    if not isinstance(value, dt.date):
        raise CellError(f"must be a date, not {_kind(value)} ({value!r})")
    return value


def _flag_value(_: Cell, value: object) -> object:
    if not isinstance(value, bool):
        raise CellError(f"must be true or false, not {_kind(value)} ({value!r})")
    return value


def _member_value(cell: Cell, value: object) -> object:
    try:
        return cell.members(value)  # type: ignore[misc]
    except ValueError:
        raise CellError(f"must be {cell.noun} (got {value!r})") from None


def read_value(cell: Cell, value: object) -> object:
    """A cell holding a Python value (a data frame's), as the model takes it.

    The typed twin of ``cell.read(text, number_format)``: ``None`` (a
    missing value) is the cell's default; text must be ``str``, numbers
    ``int`` or ``float`` (an integral float comes back as ``int``), whole
    numbers ``int`` or an integral ``float``, dates
    ``datetime.date`` or a midnight ``datetime``, flags ``bool``, enums a
    member's value.

    Raises
    ------
    CellError
        Naming what the value should be and what it is.

    Examples
    --------
    >>> read_value(NUMBER, 546234.0), read_value(NAMES, "as_of;value") == {"as_of", "value"}
    (546234, True)
    >>> read_value(TEXT, 5)
    Traceback (most recent call last):
    ...
    de_an06.io.cells.CellError: must be text, not int (5)
    """
    if value is None:
        return cell.default
    return _VALUE_READERS[cell.kind](cell, value)


@attrs.frozen
class Cell:
    """One kind of cell: what it holds and how its text is read.

    Parameters
    ----------
    kind : {"text", "number", "whole", "date", "enum", "flag", "names"}
        What the cell holds (frames choose their column types from it).
    read : callable
        ``read(text, number_format)``: the value, or ``None`` for an empty
        optional cell; raises :class:`CellError`.
    members : type, optional
        The enum of an ``"enum"`` cell.
    default : object
        The value of an empty enum cell, when it has one.

    Examples
    --------
    >>> from de_an06.model import Qualifier
    >>> qualifier = enum_cell(Qualifier, Qualifier.EXACT)
    >>> qualifier.read("", "plain"), qualifier.read("about", "plain"), qualifier.noun
    (<Qualifier.EXACT: 'exact'>, <Qualifier.ABOUT: 'about'>, "one of ['exact', ...]")
    """

    kind: str
    read: Callable[[str, str], Any] = attrs.field(eq=False, repr=False)
    members: type[enum.Enum] | None = None
    default: object = None

    @property
    def noun(self) -> str:
        """What the cell must hold, for messages (``"a number"``)."""
        if self.members is not None:
            return f"one of {[m.value for m in self.members]}"
        return _NOUNS[self.kind]


_NOUNS: Final = {"text": "text", "names": "text", "number": "a number", "whole": "a whole number",
                 "date": "a date", "flag": "true or false"}


def enum_cell(kind: type[enum.Enum], default: enum.Enum | None = None, *,
              optional: bool = False) -> Cell:
    """A cell holding a member of `kind`; empty means `default`, or ``None`` if `optional`."""
    def read(cell: str, _: str) -> Any:  # noqa: ANN401
        if cell == "" and (default is not None or optional):
            return default
        return read_enum(kind, cell)
    return Cell("enum", read, members=kind, default=default)


# How a Python value is read, by the kind of cell (read_value).
_VALUE_READERS: Final[dict[str, Callable[[Cell, object], object]]] = {
    "text": _text_value, "names": _text_value, "number": _number_value, "whole": _whole_value,
    "date": _date_value, "flag": _flag_value, "enum": _member_value}

#: Text, empty allowed (names, notes, codes: the model judges them).
TEXT: Final = Cell("text", _read_text)
#: Text, an empty cell is ``None``.
OPTIONAL_TEXT: Final = Cell("text", _optional(_read_text))
#: A number in the file's number format.
NUMBER: Final = Cell("number", read_number)
#: A number, an empty cell is ``None``.
OPTIONAL_NUMBER: Final = Cell("number", _optional(read_number))
#: A whole number (``-?[0-9]+``), an empty cell is ``None``.
WHOLE: Final = Cell("whole", _optional(_read_whole))
#: A date (ISO, or day-first outside the plain number format).
DATE: Final = Cell("date", read_date)
#: A date, an empty cell is ``None``.
OPTIONAL_DATE: Final = Cell("date", _optional(read_date))
#: ``true`` or ``false``; an empty cell is false.
FLAG: Final = Cell("flag", _read_flag)
#: A set of names joined with :data:`NAMES_SEPARATOR`.
NAMES: Final = Cell("names", _read_names)
