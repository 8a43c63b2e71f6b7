"""A fast, columnar reader for large readings CSV files (re-exported by :mod:`de_an06.io`).

The reader parses with :func:`csv.reader` in chunks and converts whole
columns at once: one regular-expression match checks every number (or
date) of a chunk, ``float`` and NumPy convert them, and dictionaries turn
codes into small integers. Only when a check fails does it read the file
again row by row, to name the first bad line and column exactly as
:func:`~de_an06.io.read_csv` would.
"""

from __future__ import annotations

import csv
import gc
import io as stdio
import re
from collections.abc import Iterable, Iterator
from itertools import islice, tee
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import IO, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _csv
from de_an06 import _validators as v
from de_an06.errors import ParseError
from de_an06.model import _WHOLE_UNITS, Unit, _value_rule

__all__: list[str] = []

_CHUNK: Final = 16_384  # records per chunk (csv.reader path)
_BLOCK: Final = 2_000_000  # characters per block (str.split path)
_COLUMNS: Final = ("indicator", "jurisdiction", "as_of", "value", "indicator_unit")
_NUMBER_BODY: Final = {
    "plain": _csv._PLAIN_NUMBER,  # noqa: SLF001 - shared grammar
    "vi": r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?",
    "international": r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?",
}
# A whole column joined with "\n" matches these when every cell is valid.
_NUMBER_COLUMN: Final = {name: re.compile(rf"{body}(?:\n{body})*")
                         for name, body in _NUMBER_BODY.items()}
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UNITS: Final = {unit.value: unit for unit in Unit}
_FIRST_DAY: Final = np.datetime64("0001-01-01")


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.flags.writeable = False
    return array


def _int32(values: object) -> npt.NDArray[np.int32]:
    return _readonly(np.asarray(values, dtype=np.int32))


def _dates(values: object) -> npt.NDArray[np.datetime64]:
    return _readonly(np.asarray(values, dtype="datetime64[D]"))


def _float64(values: object) -> npt.NDArray[np.float64]:
    return _readonly(np.asarray(values, dtype=np.float64))


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


_ARRAY_EQ: Final = attrs.cmp_using(eq=np.array_equal)


@attrs.frozen
class ReadingColumns:
    r"""The key columns of a readings CSV file as read-only NumPy arrays.

    Row ``i`` is the reading of indicator ``indicator_codes[indicator[i]]``
    in jurisdiction ``jurisdiction_codes[jurisdiction[i]]`` with value
    ``value[i]`` on ``as_of[i]``, in file order. Codes are numbered in order
    of first appearance.

    Parameters
    ----------
    indicator, jurisdiction : numpy.ndarray
        Positions (``int32``) in `indicator_codes` and `jurisdiction_codes`.
    indicator_codes, jurisdiction_codes : tuple of str
        The distinct codes.
    as_of : numpy.ndarray
        Dates (``datetime64[D]``).
    value : numpy.ndarray
        Values (``float64``), finite and valid for the indicator's unit.

    Examples
    --------
    >>> import io as stdio
    >>> from de_an06 import io
    >>> text = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
    ...         "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,value,as_of\n"
    ...         "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,546234,2023-07-01\n"
    ...         "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,260234,2023-07-02\n")
    >>> cols = io.read_csv_columns(stdio.StringIO(text))
    >>> len(cols), cols.indicator_codes, cols.value.tolist()
    (2, ('eid',), [546234.0, 260234.0])
    >>> cols.as_of
    array(['2023-07-01', '2023-07-02'], dtype='datetime64[D]')
    """

    indicator: npt.NDArray[np.int32] = attrs.field(converter=_int32, eq=_ARRAY_EQ, repr=False)
    indicator_codes: tuple[str, ...] = attrs.field(converter=_strings)
    jurisdiction: npt.NDArray[np.int32] = attrs.field(converter=_int32, eq=_ARRAY_EQ,
                                                      repr=False)
    jurisdiction_codes: tuple[str, ...] = attrs.field(converter=_strings)
    as_of: npt.NDArray[np.datetime64] = attrs.field(converter=_dates, eq=_ARRAY_EQ, repr=False)
    value: npt.NDArray[np.float64] = attrs.field(converter=_float64, eq=_ARRAY_EQ, repr=False)

    def __len__(self) -> int:
        return len(self.value)


class _Slow(Exception):  # noqa: N818 - a signal, not an error
    """A check failed in the fast path: read row by row to report or convert."""


class _Codes:
    """Numbers strings in order of first appearance, a chunk at a time."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def encode(self, column: tuple[str, ...] | list[str]) -> list[int]:
        """The number of each string, numbering new ones."""
        for key in dict.fromkeys(column):
            if key not in self.ids:
                self.ids[key] = len(self.ids)
        return list(map(self.ids.__getitem__, column))


def read_csv_columns(path: str | Path | IO[str], *,
                     number_format: _csv.CsvNumberFormat = "plain") -> ReadingColumns:
    """Read the series keys, dates and values of a readings CSV file, fast.

    For national-scale files: no :class:`~de_an06.Reading` objects are built,
    so it runs at close to the speed of :func:`csv.reader` alone. The file has
    the layout of :func:`read_csv` (the header is checked the same way).
    Checked here: ``value`` is a finite number in `number_format`, not
    negative, at most 100 for percent indicators and at least 1 for ranks;
    ``as_of`` is a real ISO date (day-first dates are read too with ``"vi"``
    and ``"international"``); ``indicator_unit`` is a known unit; the codes
    are valid codes. Other columns are not read. Errors name the file, line
    and column like :func:`read_csv` (the first bad record fails the file).

    Parameters
    ----------
    path : str, pathlib.Path or typing.TextIO
        The file.
    number_format : {"plain", "vi", "international"}
        As for :func:`read_csv`.

    Returns
    -------
    ReadingColumns
    """
    number_format = _csv.check_number_format(number_format, "read_csv_columns")  # type: ignore[assignment]
    text, name = _csv.decode(path, "read_csv_columns")
    # Each row is a fresh list of strings; the cyclic garbage collector would
    # rescan them over and over while a chunk is alive, and none can form a
    # cycle, so it is paused while the fast path runs.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _fast(text, name, number_format)
    except (_Slow, csv.Error):
        pass
    finally:
        if collecting:
            gc.enable()
    return _slow(text, name, number_format)


_Chunk = tuple[tuple[str, ...], ...]


def _split_chunks(text: str, name: str) -> Iterator[_Chunk]:
    """Columns of a file without quotes or carriage returns, split with str.split.

    Without quotes a CSV record is one line and its fields are what lies
    between commas, so ``str.split`` reads it exactly as :func:`csv.reader`
    does, at a fraction of the cost; only the leading fields up to the last
    one needed are split off.
    """
    end = text.find("\n")
    end = len(text) if end < 0 else end
    columns = text[:end].split(",")
    if columns == [""]:
        raise _Slow  # a blank first line: leave it to the careful reader
    _csv.header(columns, name, "readings", "read_csv_columns")
    where = [columns.index(c) for c in _COLUMNS]
    cut = max(where) + 1
    rest = len(columns) - 1 - cut  # commas left in the unsplit tail of a good line
    split = methodcaller("split", ",", cut)
    commas = methodcaller("count", ",")
    pick = itemgetter(*where, cut) if rest >= 0 else itemgetter(*where)
    position = end + 1
    while position < len(text):
        stop = text.find("\n", position + _BLOCK)
        stop = len(text) if stop < 0 else stop + 1
        lines = text[position:stop].split("\n")
        position = stop
        if lines[-1] == "":
            lines.pop()
        try:
            picked = list(map(pick, map(split, lines)))
        except IndexError:
            raise _Slow from None  # a short or blank line
        chunk = tuple(zip(*picked, strict=False))
        if rest >= 0:
            if set(map(commas, chunk[-1])) != {rest}:
                raise _Slow
            chunk = chunk[:-1]
        elif set(map(len, map(split, lines))) != {len(columns)}:
            raise _Slow
        yield chunk


def _csv_chunks(text: str, name: str) -> Iterator[_Chunk]:
    """Columns of any CSV text, a chunk of records at a time, with csv.reader."""
    reader = csv.reader(stdio.StringIO(text, newline=""), strict=True)
    first = next(reader)
    if not first:
        raise _Slow
    _, columns = _csv.header(first, name, "readings", "read_csv_columns")
    pick = itemgetter(*(columns.index(c) for c in _COLUMNS))
    while True:
        # Two views of one stream: lengths and picked fields, in lock step, so
        # no whole row outlives its turn.
        lengths, rows = tee(islice(reader, _CHUNK))
        try:
            pairs = list(zip(map(len, lengths), map(pick, rows), strict=False))
        except IndexError:
            raise _Slow from None  # a short or blank record ("\r" alone is one)
        if not pairs:
            return
        sizes, picked = zip(*pairs, strict=False)
        if set(sizes) != {len(columns)}:
            raise _Slow
        yield tuple(zip(*picked, strict=False))


def _fast(text: str, name: str, number_format: str) -> ReadingColumns:
    simple = '"' not in text and "\r" not in text
    chunks = _split_chunks(text, name) if simple else _csv_chunks(text, name)
    indicators, places, units, dates = _Codes(), _Codes(), _Codes(), _Codes()
    parts: dict[str, list[Any]] = {c: [] for c in _COLUMNS}
    for indicator, place, as_of, value, unit in chunks:
        parts["indicator"].append(indicators.encode(indicator))
        parts["jurisdiction"].append(places.encode(place))
        parts["indicator_unit"].append(units.encode(unit))
        parts["as_of"].append(dates.encode(as_of))
        parts["value"].append(_numbers(value, number_format))
    columns = _assemble(parts, indicators, places, units, dates)
    if columns is None:
        raise _Slow
    return columns


def _numbers(cells: tuple[str, ...], number_format: str) -> npt.NDArray[np.float64]:
    joined = "\n".join(cells)
    if not _NUMBER_COLUMN[number_format].fullmatch(joined):
        raise _Slow
    if number_format == "vi":
        cells = tuple(joined.replace(".", "").replace(",", ".").split("\n"))
    elif number_format == "international":
        cells = tuple(joined.replace(",", "").split("\n"))
    values = np.fromiter(map(float, cells), dtype=np.float64, count=len(cells))
    if not np.isfinite(values).all():
        raise _Slow
    return values


def _joined(parts: list[Any], dtype: Any) -> npt.NDArray[Any]:  # noqa: ANN401
    if not parts:
        return np.empty(0, dtype=dtype)
    return np.concatenate([np.asarray(part, dtype=dtype) for part in parts])


def _assemble(parts: dict[str, list[Any]], indicators: _Codes, places: _Codes,
              units: _Codes, dates: _Codes) -> ReadingColumns | None:
    """The columns, or None when a value, date, unit or code breaks a rule."""
    if not all(v.CODE_PATTERN.fullmatch(c) for c in (*indicators.ids, *places.ids)):
        return None
    if not set(units.ids) <= set(_UNITS):
        return None
    if not all(_ISO_DATE.fullmatch(d) for d in dates.ids):
        return None
    try:
        distinct_dates = np.array(list(dates.ids), dtype="datetime64[D]")
    except ValueError:
        return None
    value = _joined(parts["value"], np.float64)
    unit = _joined(parts["indicator_unit"], np.int32)
    percent = units.ids.get(Unit.PERCENT.value, -1)
    rank = units.ids.get(Unit.RANK.value, -1)
    counted = np.isin(unit, [units.ids[u.value] for u in _WHOLE_UNITS if u.value in units.ids])
    if (value < 0).any() or (value[unit == percent] > 100).any() or (  # noqa: PLR2004
            value[unit == rank] < 1).any() or (
            value[counted] != np.floor(value[counted])).any() or (
            distinct_dates < _FIRST_DAY).any():  # NumPy reads year 0000, no real date
        return None
    return ReadingColumns(
        indicator=_joined(parts["indicator"], np.int32),
        indicator_codes=tuple(indicators.ids),
        jurisdiction=_joined(parts["jurisdiction"], np.int32),
        jurisdiction_codes=tuple(places.ids),
        as_of=distinct_dates[_joined(parts["as_of"], np.int32)],
        value=value,
    )


def _slow(text: str, name: str, number_format: str) -> ReadingColumns:
    """Read row by row: the same result as the fast path, or the first error."""
    rows = _csv.records(text, name)
    _, first = next(rows)
    _, columns = _csv.header(first, name, "readings", "read_csv_columns")
    where = [columns.index(c) for c in _COLUMNS]
    indicators, places = _Codes(), _Codes()
    out: dict[str, list[Any]] = {c: [] for c in _COLUMNS}
    for line, row in rows:
        if len(row) != len(columns):
            raise ParseError(f"expected {len(columns)} fields, got {len(row)}", file=name,
                             line=line)
        indicator, place, as_of, value, unit = (row[i] for i in where)
        out["indicator"].append(_code(indicator, "indicator", name, line))
        out["jurisdiction"].append(_code(place, "jurisdiction", name, line))
        out["as_of"].append(_cell(_csv._read_date, as_of, number_format=number_format,  # noqa: SLF001
                                  name=name, line=line, column="as_of"))
        number = _cell(_csv.read_number, value, number_format=number_format, name=name,
                       line=line, column="value")
        the_unit = _UNITS.get(unit)
        if the_unit is None:
            allowed = ", ".join(repr(u) for u in _UNITS)
            raise ParseError(f"cannot read {unit!r} as Unit (expected one of {allowed})",
                             file=name, line=line, column="indicator_unit")
        _check(number, the_unit, name, line)
        out["value"].append(float(number))
    return ReadingColumns(
        indicator=indicators.encode(out["indicator"]), indicator_codes=tuple(indicators.ids),
        jurisdiction=places.encode(out["jurisdiction"]), jurisdiction_codes=tuple(places.ids),
        as_of=np.array(out["as_of"], dtype="datetime64[D]"), value=out["value"])


def _code(cell: str, column: str, name: str, line: int) -> str:
    if not v.CODE_PATTERN.fullmatch(cell):
        rule = v.fail(column.capitalize(), "code",
                      "must be an ASCII code of letters, digits, '_', '.', '-'", cell)
        raise ParseError(str(rule), file=name, line=line, column=column, text=cell)
    return cell


def _cell(read: Any, cell: str, *, number_format: str, name: str, line: int,  # noqa: ANN401
          column: str) -> Any:  # noqa: ANN401
    try:
        return read(cell, number_format)
    except _csv._CellError as error:  # noqa: SLF001
        raise ParseError(str(error), file=name, line=line, column=column, text=cell) from None


def _check(value: float, unit: Unit, name: str, line: int) -> None:
    rule = _value_rule(unit, value)
    if rule is not None:
        raise ParseError(f"Reading.value {rule} (got {value!r})", file=name, line=line,
                         column="value")
