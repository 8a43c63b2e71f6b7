"""A fast, columnar reader for large readings CSV files (public through :mod:`de_an06.io`).

The reader parses the blocks of the file's text (:class:`~de_an06.io._csv.Text`:
never the whole text at once) with ``str.split`` (or, from the first block
with quotes or carriage returns on, with :func:`csv.reader`) and converts
whole columns at once: one regular-expression match checks every number (or date) of a
block, ``float`` and NumPy convert them, and dictionaries turn codes into
small integers. Only when a check fails does it read the file again row by
row, to name the first bad line and column exactly as
:func:`~de_an06.io.read_csv` would.

Rows are transposed into columns a slice at a time (:data:`_SLICE` rows), so
the per-row objects die young and the cyclic garbage collector has next to
nothing to scan: the reader runs at full speed with the collector on.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import IO, Any, Final

import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.errors import ParseError
from de_an06.io import _csv, cells, schema
from de_an06.io._reading_columns import ReadingColumns, broken_rule
from de_an06.io.cells import CellError, CsvNumberFormat
from de_an06.model import Direction, Unit
from de_an06.model.rules import real_number

__all__ = ["ReadingColumns", "read_csv_columns"]

_BLOCK: Final = 2_000_000  # characters per block (str.split path)
_CHUNK: Final = 16_384  # records per chunk (csv.reader path)
_SLICE: Final = 512  # rows transposed at a time: fewer than the collector's first threshold
# The columns read; a file may leave out indicator_direction (then each unit's default).
_KEYS: Final = ("indicator", "jurisdiction", "as_of", "value", "indicator_unit",
                "indicator_direction")
_UNITS: Final = {unit.value: unit for unit in Unit}
_DIRECTIONS: Final = tuple(Direction)


class _Slow(Exception):  # noqa: N818 - a signal, not an error
    """A check failed in the fast path: read row by row to report or convert."""


class _Codes:
    """Numbers strings in order of first appearance, a chunk at a time."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def encode(self, column: Sequence[str]) -> list[int]:
        """The number of each string, numbering new ones."""
        for key in dict.fromkeys(column):
            if key not in self.ids:
                self.ids[key] = len(self.ids)
        return list(map(self.ids.__getitem__, column))


def read_csv_columns(path: str | Path | IO[str], *,
                     number_format: CsvNumberFormat = "plain") -> ReadingColumns:
    """Read the series keys, dates, values, units and directions of a readings CSV file, fast.

    For national-scale files: no :class:`~de_an06.Reading` objects are built,
    so it runs at close to the speed of :func:`csv.reader` alone. The file has
    the layout of :func:`~de_an06.io.read_csv` (the header is checked the same
    way). Checked here: ``value`` is a finite number in `number_format`, not
    negative, at most 100 for percent indicators, at least 1 for ranks and
    whole for counted units; ``as_of`` is a real ISO date (day-first dates
    are read too with ``"vi"`` and ``"international"``);
    ``indicator_unit`` is a known unit and ``indicator_direction`` (when the
    file has it) a direction or empty, each the same on every row of an
    indicator; the codes are valid codes. Other columns are not read. Errors
    name the file, line and column like :func:`~de_an06.io.read_csv` (the
    first bad record fails the file).

    Parameters
    ----------
    path : str, pathlib.Path or typing.TextIO
        The file.
    number_format : {"plain", "vi", "international"}
        As for :func:`~de_an06.io.read_csv`.

    Returns
    -------
    ReadingColumns
        Each indicator's direction is its ``indicator_direction`` cell, or,
        when the cell is empty or the column left out, its unit's
        :attr:`~de_an06.Unit.default_direction` (lower is better for
        durations and ranks, higher for the rest).

    See Also
    --------
    de_an06.io.read_csv : The same file as :class:`~de_an06.Reading` objects.
    de_an06.batch.ReadingTable.from_columns : Trends and forecasts of every series.
    """
    number_format = cells.check_number_format(number_format, "read_csv_columns")  # type: ignore[assignment]
    text = _csv.Text(path, "read_csv_columns")
    with _csv.field_limit(text.size), text.first_error():
        try:
            return _fast(text, text.name, number_format)
        except (_Slow, csv.Error):
            pass
        return _slow(text, text.name, number_format)


_Chunk = list[list[str]]


def _present(columns: list[str]) -> list[str]:
    """The key columns the file has (the header check made sure of the required ones)."""
    return [key for key in _KEYS if key in columns]


def _simple(block: str) -> bool:
    """Whether `block` has neither quotes nor carriage returns."""
    return '"' not in block and "\r" not in block


def _chunks(text: _csv.Text, name: str) -> tuple[list[str], Iterator[_Chunk]]:
    """The key columns and the columns of the rows, a chunk of rows at a time."""
    blocks = text.blocks()
    first = next(blocks)  # a file has a first block, or blocks() raised
    if not _simple(first):
        return _csv_chunks(chain([first], blocks), name)
    end = first.find("\n")
    end = len(first) if end < 0 else end
    columns = first[:end].split(",")
    if columns == [""]:
        raise _Slow  # a blank first line: leave it to the careful reader
    _csv.header(columns, name, "readings", "read_csv_columns")
    keys = _present(columns)
    return keys, _split_blocks(chain([first[end + 1:]], blocks), columns, keys)


def _split_blocks(blocks: Iterator[str], columns: list[str],
                  keys: list[str]) -> Iterator[_Chunk]:
    """Blocks split with str.split, then, from the first that is not simple, with csv.reader.

    Without quotes a CSV record is one line and its fields are what lies
    between commas, so ``str.split`` reads it exactly as :func:`csv.reader`
    does, at a fraction of the cost; only the leading fields up to the last
    one needed are split off. A block ends at a line end, so the blocks
    before the first with a quote leave no quoted field open.
    """
    for block in blocks:
        if not _simple(block):
            reader = csv.reader(_csv.lines(chain([block], blocks)), strict=True)
            yield from _csv_body(reader, columns, keys)
            return
        yield from _split_body(block, 0, columns, keys)


def _split_body(text: str, position: int, columns: list[str],
                keys: list[str]) -> Iterator[_Chunk]:
    where = [columns.index(c) for c in keys]
    cut = max(where) + 1
    rest = len(columns) - 1 - cut  # commas left in the unsplit tail of a good line
    split = methodcaller("split", ",", cut)
    commas = methodcaller("count", ",")
    pick = itemgetter(*where, cut) if rest >= 0 else itemgetter(*where)
    while position < len(text):
        stop = text.find("\n", position + _BLOCK)
        stop = len(text) if stop < 0 else stop + 1
        lines = text[position:stop].split("\n")
        position = stop
        if lines[-1] == "":
            lines.pop()
        chunk: _Chunk = [[] for _ in range(len(where) + (rest >= 0))]
        for start in range(0, len(lines), _SLICE):
            part = lines[start:start + _SLICE]
            try:
                _extend(chunk, map(pick, map(split, part)))
            except IndexError:
                raise _Slow from None  # a short or blank line
            if rest < 0 and set(map(len, map(split, part))) != {len(columns)}:
                raise _Slow
        # The tails (picked last) hold the commas a line has beyond the last key.
        if rest >= 0 and set(map(commas, chunk.pop())) != {rest}:
            raise _Slow
        yield chunk


def _extend(chunk: _Chunk, rows: Iterable[Sequence[str]]) -> None:
    """Append a slice of picked rows to the columns of `chunk`."""
    for column, cells_ in zip(chunk, zip(*rows, strict=True), strict=False):
        column.extend(cells_)


def _csv_chunks(blocks: Iterator[str], name: str) -> tuple[list[str], Iterator[_Chunk]]:
    """Columns of any CSV text, a chunk of records at a time, with csv.reader."""
    reader = csv.reader(_csv.lines(blocks), strict=True)
    first = next(reader)
    if not first:
        raise _Slow
    _, columns = _csv.header(first, name, "readings", "read_csv_columns")
    keys = _present(columns)
    return keys, _csv_body(reader, columns, keys)


def _csv_body(reader: Iterator[list[str]], columns: list[str],
              keys: list[str]) -> Iterator[_Chunk]:
    pick = itemgetter(*(columns.index(c) for c in keys))
    while True:
        chunk: _Chunk = [[] for _ in keys]
        taken = 0
        while taken < _CHUNK:
            rows = list(islice(reader, min(_SLICE, _CHUNK - taken)))
            if not rows:
                break
            if set(map(len, rows)) != {len(columns)}:
                raise _Slow  # a short, long or blank record ("\r" alone is one)
            _extend(chunk, map(pick, rows))
            taken += len(rows)
        if not taken:
            return
        yield chunk


def _fast(text: _csv.Text, name: str, number_format: str) -> ReadingColumns:
    keys, chunks = _chunks(text, name)
    codes = {key: _Codes() for key in keys if key != "value"}
    parts: dict[str, list[Any]] = {key: [] for key in keys}
    for chunk in chunks:
        for key, column in zip(keys, chunk, strict=True):
            parts[key].append(_numbers(column, number_format) if key == "value"
                              else codes[key].encode(column))
    columns = _assemble(parts, codes)
    if columns is None:
        raise _Slow
    return columns


def _numbers(cells_: list[str], number_format: str) -> npt.NDArray[np.float64]:
    joined = "\n".join(cells_)
    if not cells.NUMBER_COLUMN[number_format].fullmatch(joined):
        raise _Slow
    if number_format == "vi":
        cells_ = joined.replace(".", "").replace(",", ".").split("\n")
    elif number_format == "international":
        cells_ = joined.replace(",", "").split("\n")
    values = np.fromiter(map(float, cells_), dtype=np.float64, count=len(cells_))
    if not np.isfinite(values).all():
        raise _Slow
    return values


def _joined(parts: list[Any], dtype: Any) -> npt.NDArray[Any]:  # noqa: ANN401
    if not parts:
        return np.empty(0, dtype=dtype)
    return np.concatenate([np.asarray(part, dtype=dtype) for part in parts])


def _assemble(parts: dict[str, list[Any]], codes: dict[str, _Codes]) -> ReadingColumns | None:
    """The columns, or None when a value, date, unit, direction or code breaks a rule."""
    indicators, places = codes["indicator"], codes["jurisdiction"]
    if not all(v.CODE_PATTERN.fullmatch(c) for c in (*indicators.ids, *places.ids)):
        return None
    cell = schema.column_named("readings", "indicator_direction").cell
    given = codes.get("indicator_direction")
    names = list(given.ids) if given is not None else [""]
    if not set(codes["indicator_unit"].ids) <= set(_UNITS) or not set(names) <= {
            "", *(d.value for d in Direction)}:
        return None
    units = [_UNITS[u] for u in codes["indicator_unit"].ids]
    distinct_dates = cells.read_iso_dates(codes["as_of"].ids)
    if distinct_dates is None:
        return None
    indicator = _joined(parts["indicator"], np.int32)
    unit = _joined(parts["indicator_unit"], np.int32)
    direction = (_joined(parts["indicator_direction"], np.int32) if given is not None
                 else np.zeros_like(indicator))
    described = _describe(indicator, unit, direction, units,
                          [cell.read(n, "plain") for n in names])
    value = _joined(parts["value"], np.float64)
    if described is None or broken_rule(value, unit, units) is not None:
        return None
    return ReadingColumns(
        indicator=indicator, indicator_codes=tuple(indicators.ids),
        jurisdiction=_joined(parts["jurisdiction"], np.int32),
        jurisdiction_codes=tuple(places.ids),
        as_of=distinct_dates[_joined(parts["as_of"], np.int32)],
        value=value, units=described[0], directions=described[1],
    )


def _describe(indicator: npt.NDArray[np.int32], unit: npt.NDArray[np.int32],
              direction: npt.NDArray[np.int32], units: Sequence[Unit],
              directions: Sequence[Direction | None],
              ) -> tuple[tuple[Unit, ...], tuple[Direction, ...]] | None:
    """Each indicator's unit and direction, or None when its rows disagree.

    An empty direction is the unit's default, so ``""`` and ``"higher"`` agree
    for people, as they do for :func:`~de_an06.io.read_csv`.
    """
    resolved = np.array([[_DIRECTIONS.index(d or u.default_direction) for d in directions]
                         for u in units], dtype=np.int8).reshape(len(units), len(directions))
    way = resolved[unit, direction]
    # Codes are numbered in order of first appearance, so the running maximum
    # steps up exactly on each indicator's first row.
    first = np.flatnonzero(np.diff(np.maximum.accumulate(indicator), prepend=-1))
    if (unit[first][indicator] != unit).any() or (way[first][indicator] != way).any():
        return None
    return (tuple(units[u] for u in unit[first].tolist()),
            tuple(_DIRECTIONS[w] for w in way[first].tolist()))


def _slow(text: str | _csv.Text, name: str, number_format: str) -> ReadingColumns:
    """Read row by row: the same result as the fast path, or the first error."""
    rows = _csv.records(text, name)
    _, first = next(rows)
    _, columns = _csv.header(first, name, "readings", "read_csv_columns")
    reader = _SlowReader(columns, name, number_format)
    try:
        for line, row in rows:
            reader.add(line, row)
    except ParseError:
        reader.check_values()  # a value on an earlier line breaking its rule comes first
        raise
    reader.check_values()
    return reader.columns()


class _SlowReader:
    """The careful reader's state: the rows so far, and each indicator's description."""

    def __init__(self, columns: list[str], name: str, number_format: str) -> None:
        self.width = len(columns)
        self.keys = _present(columns)
        self.where = [columns.index(c) for c in self.keys]
        self.cells = {key: schema.column_named("readings", key).cell for key in self.keys}
        self.name = name
        self.number_format = number_format
        self.out: dict[str, list[Any]] = {c: [] for c in (*_KEYS, "line")}
        self.units: list[Unit] = []
        self.described: dict[str, tuple[Unit, Direction, int]] = {}

    def add(self, line: int, row: list[str]) -> None:
        if len(row) != self.width:
            raise ParseError(f"expected {self.width} fields, got {len(row)}", file=self.name,
                             line=line)
        cell = dict(zip(self.keys, (row[i] for i in self.where), strict=True))
        code = self.code(cell["indicator"], "indicator", line)
        self.code(cell["jurisdiction"], "jurisdiction", line)
        as_of = self.read("as_of", cell, line)
        number = real_number("Reading", "value", self.read("value", cell, line))
        unit: Unit = self.read("indicator_unit", cell, line)
        way = (self.read("indicator_direction", cell, line) if "indicator_direction" in cell
               else None) or unit.default_direction
        known = self.described.setdefault(code, (unit, way, line))
        if known[:2] != (unit, way):
            field, before = ("unit", known[0]) if known[0] is not unit else ("direction",
                                                                             known[1])
            raise ParseError(schema.described_differently("indicator", code, f"line {known[2]}",
                                                          field, before),
                             file=self.name, line=line, column=f"indicator_{field}")
        if unit not in self.units:
            self.units.append(unit)
        for key, value in (("indicator", code), ("jurisdiction", cell["jurisdiction"]),
                           ("as_of", as_of), ("value", number),
                           ("indicator_unit", self.units.index(unit)), ("line", line)):
            self.out[key].append(value)

    def code(self, text: str, column: str, line: int) -> str:
        if not v.CODE_PATTERN.fullmatch(text):
            rule = v.fail(column.capitalize(), "code",
                          "must be an ASCII code of letters, digits, '_', '.', '-'", text)
            raise ParseError(str(rule), file=self.name, line=line, column=column, text=text)
        return text

    def read(self, key: str, cell: dict[str, str], line: int) -> Any:  # noqa: ANN401
        try:
            return self.cells[key].read(cell[key], self.number_format)
        except CellError as error:
            raise ParseError(str(error), file=self.name, line=line, column=key,
                             text=cell[key]) from None

    def check_values(self) -> None:
        numbers = self.out["value"]
        broken = broken_rule(np.array(numbers, dtype=np.float64),
                              np.array(self.out["indicator_unit"], dtype=np.int32), self.units)
        if broken is not None:
            row, rule = broken
            raise ParseError(str(v.fail("Reading", "value", rule, numbers[row])),
                             file=self.name, line=self.out["line"][row], column="value")

    def columns(self) -> ReadingColumns:
        indicators, places = _Codes(), _Codes()
        indicator = indicators.encode(self.out["indicator"])
        return ReadingColumns(
            indicator=indicator, indicator_codes=tuple(indicators.ids),
            jurisdiction=places.encode(self.out["jurisdiction"]),
            jurisdiction_codes=tuple(places.ids),
            as_of=np.array(self.out["as_of"], dtype="datetime64[D]"), value=self.out["value"],
            units=[self.described[code][0] for code in indicators.ids],
            directions=[self.described[code][1] for code in indicators.ids])
