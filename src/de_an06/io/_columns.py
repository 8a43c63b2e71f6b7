"""A fast, columnar reader for large readings CSV files (public through :mod:`de_an06.io`).

The reader parses the blocks of the file's text (:class:`~de_an06.io._csv.Text`:
never the whole text at once) with ``str.split`` (or, from the first block
with quotes or carriage returns on, with :func:`csv.reader`) and converts
whole columns at once: one regular-expression match checks every number (or date) of a
block, ``float`` and NumPy convert them, and dictionaries turn codes into
small integers. The indicators, jurisdictions and sources are judged by the
rule :func:`~de_an06.io.read_csv` applies to each row
(:meth:`~de_an06.io.schema.RecordBuilder.part`), once for each distinct set
of a part's cells, in the order they first appear. Only when a check fails
does it read the file again row by row, to name the first bad line and
column exactly as :func:`~de_an06.io.read_csv` would.

Rows are transposed into columns a slice at a time (:data:`_SLICE` rows), so
the per-row objects die young and the cyclic garbage collector has next to
nothing to scan: the reader runs at full speed with the collector on.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import IO, Any, Final

import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.errors import ParseError
from de_an06.io import _csv, cells, schema
from de_an06.io._dataset import known_by_code
from de_an06.io._reading_columns import ReadingColumns, broken_rule
from de_an06.io.cells import CsvNumberFormat
from de_an06.model import Indicator, Unit
from de_an06.model.rules import real_number

__all__ = ["ReadingColumns", "read_csv_columns"]

_BLOCK: Final = 2_000_000  # characters per block (str.split path)
_CHUNK: Final = 16_384  # records per chunk (csv.reader path)
_SLICE: Final = 512  # rows transposed at a time: fewer than the collector's first threshold
#: The record's own columns read (the parts' columns are all read, by the description rule).
_OWN: Final = ("value", "as_of")
_PARTS: Final = ("indicator", "jurisdiction", "source")


class _Slow(Exception):  # noqa: N818 - a signal, not an error
    """A check failed in the fast path: read row by row to report or convert."""


class _Numbering(dict[Any, int]):
    """Numbers keys in order of first appearance: a key not seen yet gets the next number."""

    def __missing__(self, key: Any) -> int:  # noqa: ANN401 - any key
        number = self[key] = len(self)
        return number


class _Layout:
    """Where the columns read are in a file's rows: the own ones, then each part's cells."""

    def __init__(self, columns: list[str]) -> None:
        self.width = len(columns)
        self.own = [columns.index(c) for c in _OWN]
        of = [schema.column_named("readings", c).part for c in columns]
        self.parts: dict[str, list[int]] = {
            part: [i for i, p in enumerate(of) if p == part] for part in _PARTS if part in of}
        self.cut = max(*self.own, *chain.from_iterable(self.parts.values())) + 1
        #: Each row's value cell, date cell and the key of each part: its cells.
        self.picks = [*map(itemgetter, self.own),
                      *(itemgetter(*where) for where in self.parts.values())]

    def raw(self, part: str, key: str | tuple[str, ...]) -> list[str]:
        """A row whose only filled cells are the `part` cells of `key` (one cell, or a tuple)."""
        row = [""] * self.width
        where = self.parts[part]
        for index, text in zip(where, (key,) if isinstance(key, str) else key, strict=True):
            row[index] = text
        return row


def read_csv_columns(path: str | Path | IO[str], *, number_format: CsvNumberFormat = "plain",
                     known: Iterable[object] = ()) -> ReadingColumns:
    r"""Read the series keys, dates, values, units and directions of a readings CSV file, fast.

    For national-scale files: no :class:`~de_an06.Reading` objects are built,
    so it runs at close to the speed of :func:`csv.reader` alone. The file has
    the layout of :func:`~de_an06.io.read_csv`, and is read by its rules for
    what it reads: the header is checked the same way; each indicator,
    jurisdiction and source is described once, on the first row of its code
    (later rows may leave its cells empty), or given in `known`, and a row
    describing a code again must describe it the same way; ``value`` is a
    finite number in `number_format` that its unit allows (not negative, at
    most 100 for percent indicators, at least 1 for ranks, whole for counted
    units); ``as_of`` is a real ISO date (day-first dates are read too with
    ``"vi"`` and ``"international"``). The record's other columns
    (``qualifier``, ``note``...) are not read. Errors are those of
    :func:`~de_an06.io.read_csv`, naming the file, line and column (the
    first bad record fails the file).

    Parameters
    ----------
    path : str, pathlib.Path or typing.TextIO
        The file.
    number_format : {"plain", "vi", "international"}
        As for :func:`~de_an06.io.read_csv`.
    known : iterable of Indicator, Jurisdiction or Source
        Objects rows may name by code alone, as for :func:`~de_an06.io.read_csv`.

    Returns
    -------
    ReadingColumns
        Each indicator's unit and direction are those of the
        :class:`~de_an06.Indicator` that :func:`~de_an06.io.read_csv` reads:
        an empty or missing ``indicator_direction`` is the unit's
        :attr:`~de_an06.Unit.default_direction` (lower is better for
        durations and ranks, higher for the rest).

    Raises
    ------
    ParseError
        As :func:`~de_an06.io.read_csv` raises on the same file.

    See Also
    --------
    de_an06.io.read_csv : The same file as :class:`~de_an06.Reading` objects.
    de_an06.batch.ReadingTable.from_columns : Trends and forecasts of every series.

    Examples
    --------
    >>> import io as stdio
    >>> from de_an06 import datasets, io
    >>> text = ("indicator,jurisdiction,jurisdiction_name,jurisdiction_name_vi,"
    ...         "jurisdiction_level,jurisdiction_parent,value,as_of\n"
    ...         "eid-collected,56,Khanh Hoa,Khánh Hòa,province,VN,546234,2023-07-01\n"
    ...         "eid-collected,56,,,,,600000,2023-08-01\n")
    >>> cols = io.read_csv_columns(stdio.StringIO(text), known=datasets.indicators())
    >>> cols.indicator_codes, cols.value.tolist(), [u.value for u in cols.units]
    (('eid-collected',), [546234.0, 600000.0], ['people'])
    >>> io.read_csv_columns(stdio.StringIO(text))
    Traceback (most recent call last):
      ...
    de_an06.errors.ParseError: <stream>:2: column 'indicator': indicator 'eid-collected' is not ...
    """
    number_format = cells.check_number_format(number_format, "read_csv_columns")  # type: ignore[assignment]
    by_code = known_by_code(known, "read_csv_columns")
    text = _csv.Text(path, "read_csv_columns")
    with _csv.field_limit(text.size), text.first_error():
        try:
            return _fast(text, text.name, number_format, by_code)
        except (_Slow, csv.Error):
            pass
        return _slow(text, text.name, number_format, by_code)


class _Reader:
    """The fast path's state: the columns read so far, numbered, a chunk at a time."""

    def __init__(self, columns: list[str], name: str, number_format: str,
                 known: dict[str, dict[str, Any]]) -> None:
        self.layout = _Layout(columns)
        self.rows = _csv.Rows("readings", columns, name, number_format, known)
        self.number_format = number_format
        self.dates = _Numbering()
        self.keys: dict[str, _Numbering] = {part: _Numbering() for part in self.layout.parts}
        self.texts: list[str] = []  # the value cells of the chunk
        self.ids: list[list[int]] = [[] for _ in range(1 + len(self.layout.parts))]
        self.out: list[list[npt.NDArray[Any]]] = [[] for _ in range(2 + len(self.layout.parts))]

    def add(self, rows: list[list[str]]) -> None:
        """Take a slice of rows, each as long as the layout needs (checked by the caller)."""
        value, *picks = self.layout.picks
        self.texts.extend(map(value, rows))
        for ids, numbering, pick in zip(self.ids, (self.dates, *self.keys.values()), picks,
                                        strict=True):
            ids.extend(map(numbering.__getitem__, map(pick, rows)))

    def flush(self) -> None:
        """End a chunk: its values as numbers, its numbers as arrays."""
        if not self.texts:
            return
        self.out[0].append(_numbers(self.texts, self.number_format))
        for out, ids in zip(self.out[1:], self.ids, strict=True):
            out.append(np.array(ids, dtype=np.int32))
        self.texts = []
        self.ids = [[] for _ in self.ids]

    def columns(self) -> ReadingColumns | None:
        """The columns, or None when a date, a description or a value breaks a rule."""
        value, day, *keys = (_joined(parts, np.float64 if i == 0 else np.int32)
                             for i, parts in enumerate(self.out))
        dates = cells.read_iso_dates(self.dates)
        if dates is None:
            return None
        try:
            found = {part: self._described(part) for part in self.layout.parts}
        except ParseError:
            return None
        indicators, ind_of = found["indicator"]
        places, place_of = found["jurisdiction"]
        indicator = ind_of[keys[0]]
        units = [i.unit for i in indicators.values()]
        distinct = list(dict.fromkeys(units))
        unit_of = np.array([distinct.index(u) for u in units], dtype=np.int32)
        if broken_rule(value, unit_of[indicator], distinct) is not None:
            return None
        return ReadingColumns(
            indicator=indicator, indicator_codes=tuple(indicators),
            jurisdiction=place_of[keys[1]], jurisdiction_codes=tuple(places),
            as_of=dates[day], value=value, units=units,
            directions=[i.direction for i in indicators.values()])

    def _described(self, part: str) -> tuple[dict[str, Any], npt.NDArray[np.int32]]:
        """The objects of `part`'s codes, and the code each distinct set of its cells names.

        The description rule (:meth:`~de_an06.io.schema.RecordBuilder.part`)
        takes each distinct set of cells once, in order of first appearance,
        as it takes the rows of :func:`~de_an06.io.read_csv`.
        """
        objects: dict[str, Any] = {}
        codes = _Numbering()
        of_key = []
        for key in self.keys[part]:
            obj = self.rows.part(part, 0, self.layout.raw(part, key))
            if obj is not None:
                objects.setdefault(obj.code, obj)
            of_key.append(-1 if obj is None else codes[obj.code])
        return objects, np.array(of_key, dtype=np.int32)


def _simple(block: str) -> bool:
    """Whether `block` has neither quotes nor carriage returns."""
    return '"' not in block and "\r" not in block


def _fast(text: _csv.Text, name: str, number_format: str,
          known: dict[str, dict[str, Any]]) -> ReadingColumns:
    """The columns read with str.split (or, from the first block with quotes on, csv.reader)."""
    blocks = text.blocks()
    first = next(blocks)  # a file has a first block, or blocks() raised
    if _simple(first):
        end = first.find("\n")
        end = len(first) if end < 0 else end
        columns = first[:end].split(",")
        if columns == [""]:
            raise _Slow  # a blank first line: leave it to the careful reader
        _csv.header(columns, name, "readings", "read_csv_columns", described_once=True)
        reader = _Reader(columns, name, number_format, known)
        _split_blocks(reader, chain([first[end + 1:]], blocks))
    else:
        records = csv.reader(_csv.lines(chain([first], blocks)), strict=True)
        columns = next(records)
        if not columns:
            raise _Slow
        _csv.header(columns, name, "readings", "read_csv_columns", described_once=True)
        reader = _Reader(columns, name, number_format, known)
        _csv_body(reader, records)
    found = reader.columns()
    if found is None:
        raise _Slow
    return found


def _split_blocks(reader: _Reader, blocks: Iterator[str]) -> None:
    """Blocks split with str.split, then, from the first that is not simple, with csv.reader.

    Without quotes a CSV record is one line and its fields are what lies
    between commas, so ``str.split`` reads it exactly as :func:`csv.reader`
    does, at a fraction of the cost; only the leading fields up to the last
    one needed are split off. A block ends at a line end, so the blocks
    before the first with a quote leave no quoted field open.
    """
    for block in blocks:
        if not _simple(block):
            _csv_body(reader, csv.reader(_csv.lines(chain([block], blocks)), strict=True))
            return
        _split_body(reader, block)


def _split_body(reader: _Reader, text: str) -> None:
    layout = reader.layout
    rest = layout.width - 1 - layout.cut  # commas left in the unsplit tail of a good line
    size = layout.cut + 1 if rest >= 0 else layout.width
    split = methodcaller("split", ",", layout.cut)
    commas = methodcaller("count", ",")
    tail = itemgetter(layout.cut)
    position = 0
    while position < len(text):
        stop = text.find("\n", position + _BLOCK)
        stop = len(text) if stop < 0 else stop + 1
        lines = text[position:stop].split("\n")
        position = stop
        if lines[-1] == "":
            lines.pop()
        for start in range(0, len(lines), _SLICE):
            rows = list(map(split, lines[start:start + _SLICE]))
            # A short or blank line, or (in the tail) a long one.
            if set(map(len, rows)) != {size} or (
                    rest >= 0 and set(map(commas, map(tail, rows))) != {rest}):
                raise _Slow
            reader.add(rows)
        reader.flush()


def _csv_body(reader: _Reader, records: Iterator[list[str]]) -> None:
    width = reader.layout.width
    while True:
        taken = 0
        while taken < _CHUNK:
            rows = list(islice(records, min(_SLICE, _CHUNK - taken)))
            if not rows:
                break
            if set(map(len, rows)) != {width}:
                raise _Slow  # a short, long or blank record ("\r" alone is one)
            reader.add(rows)
            taken += len(rows)
        reader.flush()
        if not taken:
            return


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


def _slow(text: str | _csv.Text, name: str, number_format: str,
          known: dict[str, dict[str, Any]] | None = None) -> ReadingColumns:
    """Read row by row: the same result as the fast path, or the first error."""
    rows = _csv.records(text, name)
    _, first = next(rows)
    _, columns = _csv.header(first, name, "readings", "read_csv_columns", described_once=True)
    reader = _SlowReader(columns, name, number_format, known)
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

    def __init__(self, columns: list[str], name: str, number_format: str,
                 known: dict[str, dict[str, Any]] | None) -> None:
        self.rows = _csv.Rows("readings", columns, name, number_format, known)
        # The own cells in the order of the row, as read_csv reads them.
        self.own = sorted((columns.index(c), c) for c in _OWN)
        self.name = name
        self.out: dict[str, list[Any]] = {
            c: [] for c in ("indicator", "jurisdiction", "as_of", "value", "unit", "line")}
        self.units: list[Unit] = []
        self.described: dict[str, Indicator] = {}

    def add(self, line: int, row: list[str]) -> None:
        self.rows.check(line, row)
        read = self.rows.cell(row)
        with self.rows.at(line):
            own = {key: read(index) for index, key in self.own}
        indicator = self.rows.part("indicator", line, row)
        place = self.rows.part("jurisdiction", line, row)
        self.rows.part("source", line, row)
        number = real_number("Reading", "value", own["value"])
        self.described.setdefault(indicator.code, indicator)
        if indicator.unit not in self.units:
            self.units.append(indicator.unit)
        for key, value in (("indicator", indicator.code), ("jurisdiction", place.code),
                           ("as_of", own["as_of"]), ("value", number),
                           ("unit", self.units.index(indicator.unit)), ("line", line)):
            self.out[key].append(value)

    def check_values(self) -> None:
        numbers = self.out["value"]
        broken = broken_rule(np.array(numbers, dtype=np.float64),
                              np.array(self.out["unit"], dtype=np.int32), self.units)
        if broken is not None:
            row, rule = broken
            raise ParseError(str(v.fail("Reading", "value", rule, numbers[row])),
                             file=self.name, line=self.out["line"][row], column="value")

    def columns(self) -> ReadingColumns:
        indicators, places = _Numbering(), _Numbering()
        indicator = list(map(indicators.__getitem__, self.out["indicator"]))
        return ReadingColumns(
            indicator=indicator, indicator_codes=tuple(indicators),
            jurisdiction=list(map(places.__getitem__, self.out["jurisdiction"])),
            jurisdiction_codes=tuple(places),
            as_of=np.array(self.out["as_of"], dtype="datetime64[D]"), value=self.out["value"],
            units=[self.described[code].unit for code in indicators],
            directions=[self.described[code].direction for code in indicators])
