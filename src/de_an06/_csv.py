"""CSV files of readings, targets and tasks (re-exported by :mod:`de_an06.io`).

One record per line, UTF-8 (a byte-order mark is accepted), a header row.
The layout is *wide*: each reading or target row carries its indicator's,
jurisdiction's and source's fields inline, so a file needs nothing beside it.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io as stdio
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, Literal

from de_an06 import _validators as v
from de_an06.errors import ParseError, ValidationError
from de_an06.model import (
    Basis,
    Direction,
    Indicator,
    Jurisdiction,
    Level,
    Measure,
    Qualifier,
    Reading,
    Source,
    Target,
    Task,
    TaskStatus,
    Unit,
)
from de_an06.parsing import format_number, parse_date, parse_number

CsvKind = Literal["readings", "targets", "tasks"]
CsvNumberFormat = Literal["plain", "vi", "international"]
CSV_NUMBER_FORMATS: Final = ("plain", "vi", "international")

_INDICATOR: Final = ("indicator", "indicator_name", "indicator_name_vi", "indicator_unit",
                     "indicator_direction", "indicator_measure")
_JURISDICTION: Final = ("jurisdiction", "jurisdiction_name", "jurisdiction_name_vi",
                        "jurisdiction_level", "jurisdiction_parent")
_SOURCE: Final = ("source", "source_title", "source_publisher", "source_published",
                  "source_url", "source_date_inferred", "source_note")

#: Columns of a readings file, in the order :func:`~de_an06.io.write_csv` writes them.
READING_COLUMNS: Final = (*_INDICATOR, *_JURISDICTION, "value", "as_of", "qualifier",
                          "numerator", "denominator", "basis", "period_start", "inferred",
                          "note", *_SOURCE)
#: Columns of a targets file.
TARGET_COLUMNS: Final = (*_INDICATOR, *_JURISDICTION, "value", "deadline", "inferred", "note",
                         *_SOURCE)
#: Columns of a tasks file.
TASK_COLUMNS: Final = ("code", "name", "name_vi", "owner", "deadline", "status", "group",
                       "jurisdiction")

_REQUIRED: Final[dict[str, frozenset[str]]] = {
    "readings": frozenset({*_INDICATOR[:4], *_JURISDICTION[:4], "value", "as_of"}),
    "targets": frozenset({*_INDICATOR[:4], *_JURISDICTION[:4], "value"}),
    "tasks": frozenset({"code", "name", "name_vi", "owner"}),
}
_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "readings": READING_COLUMNS, "targets": TARGET_COLUMNS, "tasks": TASK_COLUMNS}

_PLAIN_NUMBER: Final = r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_PLAIN: Final = re.compile(_PLAIN_NUMBER)
_WHOLE: Final = re.compile(r"-?[0-9]+")
_ISO: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Digits of the largest float (1.8e308); a longer whole number is out of range.
_MAX_DIGITS: Final = 309


class _CellError(Exception):
    """A cell could not be read; carries the message (the column is added later)."""


def check_number_format(number_format: object, owner: str) -> str:
    if number_format not in CSV_NUMBER_FORMATS:
        raise v.fail(owner, "number_format", f"must be one of {CSV_NUMBER_FORMATS}",
                     number_format)
    return str(number_format)


# --------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------


def read_number(cell: str, number_format: str) -> int | float:
    """A number cell: an int when no decimals are printed, else a float."""
    if number_format == "plain":
        if _WHOLE.fullmatch(cell):
            return _whole(cell)
        if not _PLAIN.fullmatch(cell):
            raise _CellError(f"cannot read {cell!r} as a number")
        value = float(cell)
        if value in (float("inf"), float("-inf")):
            raise _CellError(f"{cell!r} is too large to be a finite number")
        return value
    try:
        number = parse_number(cell, number_format=number_format)  # type: ignore[arg-type]
    except ParseError as error:
        reason = error.message.split("\n", 1)[0].rsplit(" (", 1)[-1].rstrip(")")
        raise _CellError(f"cannot read {cell!r} as a number ({reason})") from None
    if abs(number) > sys.float_info.max:
        raise _CellError(f"{cell!r} is too large to be a finite number")
    if int(number.as_tuple().exponent) >= 0:
        return int(number)
    return float(number)


def _whole(cell: str) -> int:
    """A plain whole-number cell, refused beyond the float range like any number."""
    # Leading zeros are dropped first: int() refuses strings of more than
    # sys.get_int_max_str_digits() characters, zeros included.
    digits = cell.lstrip("-").lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS or int(digits) > sys.float_info.max:
        raise _CellError(f"{cell!r} is too large to be a finite number")
    return -int(digits) if cell.startswith("-") else int(digits)


def write_number(value: float, number_format: str) -> str:
    if number_format == "plain":
        return str(value) if isinstance(value, int) else repr(value)
    if isinstance(value, int):
        return format_number(value, number_format=number_format)  # type: ignore[arg-type]
    exponent = int(Decimal(repr(value)).as_tuple().exponent)
    return format_number(value, decimals=max(1, -exponent),
                         number_format=number_format)  # type: ignore[arg-type]


def _read_date(cell: str, number_format: str) -> dt.date:
    if _ISO.fullmatch(cell):
        try:
            return dt.date.fromisoformat(cell)
        except ValueError:
            raise _CellError(f"{cell!r} is not a valid date") from None
    if number_format != "plain":
        try:
            return parse_date(cell)
        except ParseError:
            pass
    raise _CellError(f"cannot read {cell!r} as a date (expected YYYY-MM-DD)")


def _optional(read: Callable[[str, str], Any]) -> Callable[[str, str], Any]:
    def read_optional(cell: str, number_format: str) -> Any:  # noqa: ANN401
        return None if cell == "" else read(cell, number_format)
    return read_optional


def _enum(kind: type[enum.Enum], default: enum.Enum | None = None) -> Callable[[str, str], Any]:
    def read_enum(cell: str, _: str) -> Any:  # noqa: ANN401
        if cell == "" and default is not None:
            return default
        try:
            return kind(cell)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in kind)
            raise _CellError(f"cannot read {cell!r} as {kind.__name__} "
                             f"(expected one of {allowed})") from None
    return read_enum


def _read_bool(cell: str, _: str) -> bool:
    if cell in ("", "false"):
        return False
    if cell == "true":
        return True
    raise _CellError(f"cannot read {cell!r} as true/false")


def _read_int(cell: str, _: str) -> int:
    if not _WHOLE.fullmatch(cell):
        raise _CellError(f"cannot read {cell!r} as a whole number")
    return _whole(cell)


def _read_text(cell: str, _: str) -> str:
    return cell


def _read_optional_text(cell: str, _: str) -> str | None:
    return None if cell == "" else cell


def _read_inferred(cell: str, _: str) -> frozenset[str]:
    return frozenset() if cell == "" else frozenset(cell.split(";"))


def _write(value: object, number_format: str) -> str:  # noqa: PLR0911 - one case per kind
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return ";".join(sorted(value))
    if isinstance(value, (int, float)):
        return write_number(value, number_format)
    return str(value)


# column -> (part, field, reader)
_Spec = tuple[str, str, Callable[[str, str], Any]]
_SPECS: Final[dict[str, _Spec]] = {
    "indicator": ("indicator", "code", _read_text),
    "indicator_name": ("indicator", "name", _read_text),
    "indicator_name_vi": ("indicator", "name_vi", _read_text),
    "indicator_unit": ("indicator", "unit", _enum(Unit)),
    "indicator_direction": ("indicator", "direction", _optional(_enum(Direction))),
    "indicator_measure": ("indicator", "measure", _enum(Measure, Measure.STOCK)),
    "jurisdiction": ("jurisdiction", "code", _read_text),
    "jurisdiction_name": ("jurisdiction", "name", _read_text),
    "jurisdiction_name_vi": ("jurisdiction", "name_vi", _read_text),
    "jurisdiction_level": ("jurisdiction", "level", _enum(Level)),
    "jurisdiction_parent": ("jurisdiction", "parent", _read_optional_text),
    "source": ("source", "code", _read_text),
    "source_title": ("source", "title", _read_text),
    "source_publisher": ("source", "publisher", _read_text),
    "source_published": ("source", "published", _optional(_read_date)),
    "source_url": ("source", "url", _read_optional_text),
    "source_date_inferred": ("source", "date_inferred", _read_bool),
    "source_note": ("source", "note", _read_text),
    "value": ("self", "value", read_number),
    "as_of": ("self", "as_of", _read_date),
    "qualifier": ("self", "qualifier", _enum(Qualifier, Qualifier.EXACT)),
    "numerator": ("self", "numerator", _optional(read_number)),
    "denominator": ("self", "denominator", _optional(read_number)),
    "basis": ("self", "basis", _enum(Basis, Basis.UNSTATED)),
    "period_start": ("self", "period_start", _optional(_read_date)),
    "note": ("self", "note", _read_text),
    "deadline": ("self", "deadline", _optional(_read_date)),
    "code": ("self", "code", _read_text),
    "name": ("self", "name", _read_text),
    "name_vi": ("self", "name_vi", _read_text),
    "owner": ("self", "owner", _read_text),
    "status": ("self", "status", _enum(TaskStatus, TaskStatus.NOT_STARTED)),
    "group": ("self", "group", _optional(_read_int)),
}
_PART_KINDS: Final = {"indicator": Indicator, "jurisdiction": Jurisdiction, "source": Source}
_RECORD_KINDS: Final = {"readings": Reading, "targets": Target, "tasks": Task}


def _spec(kind: str, column: str) -> _Spec:
    if column == "inferred":
        return ("self", "inferred", _read_bool if kind == "targets" else _read_inferred)
    if column == "jurisdiction" and kind == "tasks":
        return ("self", "jurisdiction", _read_optional_text)
    return _SPECS[column]


def _column_of(part: str, field: str, kind: str) -> str:
    """The CSV column holding `field` of `part` (for error messages)."""
    if part == "self" or kind == "tasks":
        return field
    return part if field == "code" else f"{part}_{field}"


# --------------------------------------------------------------------------
# Text in
# --------------------------------------------------------------------------


def decode(source: str | Path | IO[str], owner: str) -> tuple[str, str]:
    """The text of `source` and a name for messages; raise on bad bytes or NULs."""
    if isinstance(source, (str, Path)):
        name = str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise ParseError(f"cannot read file: {error.strerror}", file=name) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise ParseError(f"not UTF-8 text (byte {error.start})", file=name,
                             line=line) from None
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        text = source.read()
        if not isinstance(text, str):
            raise ParseError("expected a text stream (open the file with encoding='utf-8')",
                             file=name)
        text = text.removeprefix("\ufeff")
    else:
        raise v.fail(owner, "path", "must be a path or a text stream", source)
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError("NUL byte in the file (is it really CSV text?)", file=name,
                         line=text.count("\n", 0, nul) + 1)
    if not text or text.isspace():
        raise ParseError("empty file: expected a header row", file=name, line=1)
    return text, name


def header(columns: list[str], name: str, kind: str | None,
           owner: str) -> tuple[str, list[str]]:
    """Check the header row; return the kind of file and its columns."""
    if kind is None:
        if "as_of" in columns:
            kind = "readings"
        elif "owner" in columns:
            kind = "tasks"
        elif "indicator" in columns:
            kind = "targets"
        else:
            raise ParseError("cannot tell whether this file holds readings, targets or tasks "
                             "(pass kind=)", file=name, line=1)
    if kind not in _COLUMNS:
        raise v.fail(owner, "kind", f"must be one of {tuple(_COLUMNS)}", kind)
    known = _COLUMNS[kind]
    seen: set[str] = set()
    for column in columns:
        if column not in known:
            raise ParseError(f"unknown column for {kind} (expected some of "
                             f"{', '.join(known)})", file=name, line=1, column=column)
        if column in seen:
            raise ParseError("column appears twice", file=name, line=1, column=column)
        seen.add(column)
    missing = [c for c in known if c in _REQUIRED[kind] and c not in seen]
    if missing:
        raise ParseError(f"missing column {missing[0]!r}", file=name, line=1)
    return kind, columns


def records(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the line each starts on; blank lines are skipped."""
    reader = csv.reader(stdio.StringIO(text, newline=""), strict=True)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ParseError(f"malformed CSV: {error}", file=name,
                             line=reader.line_num) from None
        if row:
            yield line, row
        line = reader.line_num + 1


class _Builder:
    """Turns checked rows into domain objects, sharing equal parts."""

    def __init__(self, kind: str, columns: list[str], name: str, number_format: str) -> None:
        self.kind = kind
        self.columns = columns
        self.name = name
        self.number_format = number_format
        self.specs = [_spec(kind, c) for c in columns]
        self.parts: dict[str, dict[tuple[str, ...], Any]] = {p: {} for p in _PART_KINDS}
        self.codes: dict[str, dict[str, tuple[tuple[str, ...], int]]] = {
            p: {} for p in _PART_KINDS}
        self.indices: dict[str, list[int]] = {p: [] for p in ("self", *_PART_KINDS)}
        for index, (part, _, _) in enumerate(self.specs):
            self.indices[part].append(index)

    def error(self, line: int, column: str | None, message: str) -> ParseError:
        return ParseError(message, file=self.name, line=line, column=column)

    def build(self, line: int, row: list[str]) -> Any:  # noqa: ANN401
        if len(row) != len(self.columns):
            raise self.error(line, None, f"expected {len(self.columns)} fields, "
                                         f"got {len(row)}")
        kwargs = self.fields("self", line, row)
        if self.kind != "tasks":
            kwargs["indicator"] = self.part("indicator", line, row)
            kwargs["jurisdiction"] = self.part("jurisdiction", line, row)
            source_cells = [row[i] for i in self.indices["source"]]
            if any(source_cells):
                kwargs["source"] = self.part("source", line, row)
        return self.construct(_RECORD_KINDS[self.kind], "self", kwargs, line)

    def fields(self, part: str, line: int, row: list[str]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for index in self.indices[part]:
            _, field, read = self.specs[index]
            try:
                value = read(row[index], self.number_format)
            except _CellError as error:
                raise ParseError(str(error), file=self.name, line=line,
                                 column=self.columns[index], text=row[index]) from None
            if value is not None:
                kwargs[field] = value
        return kwargs

    def part(self, part: str, line: int, row: list[str]) -> Any:  # noqa: ANN401
        cells = tuple(row[i] for i in self.indices[part])
        cached = self.parts[part].get(cells)
        if cached is not None:
            return cached
        kwargs = self.fields(part, line, row)
        if "code" not in kwargs or kwargs["code"] == "":
            raise self.error(line, part, f"a {part} code is required when other "
                                         f"{part}_ columns are filled")
        obj = self.construct(_PART_KINDS[part], part, kwargs, line)
        first = self.codes[part].setdefault(obj.code, (cells, line))
        if first[0] != cells:
            raise self.error(line, part, f"{part} {obj.code!r} is described differently "
                                         f"on line {first[1]}")
        self.parts[part][cells] = obj
        return obj

    def construct(self, kind: type[Any], part: str, kwargs: dict[str, Any], line: int) -> Any:  # noqa: ANN401
        try:
            return kind(**kwargs)
        except ValidationError as error:
            column = _column_of(part, error.field, self.kind) if error.field else None
            raise self.error(line, column, str(error)) from None


def read(path: str | Path | IO[str], *, kind: str | None, number_format: str,
         collect_errors: bool) -> tuple[str, list[Any], list[ParseError]]:
    """The kind of records in the file, the records read, and the errors collected."""
    number_format = check_number_format(number_format, "read_csv")
    text, name = decode(path, "read_csv")
    rows = records(text, name)
    _, first = next(rows)  # decode() refused empty files, so a first record exists
    the_kind, columns = header(first, name, kind, "read_csv")
    builder = _Builder(the_kind, columns, name, number_format)
    built: list[Any] = []
    errors: list[ParseError] = []
    for line, row in rows:
        try:
            built.append(builder.build(line, row))
        except ParseError as error:  # noqa: PERF203 - one row, one error
            if not collect_errors:
                raise
            errors.append(error)
    return the_kind, built, errors


# --------------------------------------------------------------------------
# Text out
# --------------------------------------------------------------------------


def _cells(record: Any, kind: str, number_format: str) -> list[str]:  # noqa: ANN401
    cells = []
    for column in _COLUMNS[kind]:
        part, field, _ = _spec(kind, column)
        owner = record if part == "self" else getattr(record, part)
        value = None if owner is None else getattr(owner, field)
        cells.append(_write(value, number_format))
    return cells


def write(items: Iterable[Any], path: str | Path | IO[str], *, kind: str,
          number_format: str) -> None:
    """Write `items` (all of `kind`) as CSV to a path or a text stream."""
    number_format = check_number_format(number_format, "write_csv")
    if kind not in _COLUMNS:
        raise v.fail("write_csv", "kind", f"must be one of {tuple(_COLUMNS)}", kind)
    buffer = stdio.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_COLUMNS[kind])
    for record in items:
        writer.writerow(_cells(record, kind, number_format))
    if isinstance(path, (str, Path)):
        Path(path).write_text(buffer.getvalue(), encoding="utf-8", newline="")
    else:
        path.write(buffer.getvalue())


__all__: list[str] = []
