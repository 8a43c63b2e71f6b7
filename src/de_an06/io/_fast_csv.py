r"""The fast path of :func:`~de_an06.io.read_table` for CSV: whole columns at once, from the bytes.

The careful reader (:mod:`de_an06.io._table`) makes a Python string of
every cell with :func:`csv.reader`; this one finds the delimiters and line
ends of a block of the file with NumPy, and reads each column it needs as
a whole:

* numbers: every cell of the column must be a number of the format the
  column is decided to have, by the careful reader's decision
  (:func:`~de_an06.io._sheet_cells.decide_formats`) on the same evidence;
  the check is the grammar (:data:`de_an06.parsing.grammar.NUMBER_PATTERNS`)
  read over all cells at once, a character position at a time
  (:func:`de_an06.io._fast_numbers.accepted`; a column with an exponent is
  matched against the grammar's own pattern). Digits then become values
  with exact integer arithmetic (:func:`de_an06.io._fast_numbers.values`):
  the same doubles as the careful reader's :func:`numpy.fromstring`;
* dates and series ids: the distinct cells of a column (found by sorting
  the cells packed into integers) are read one by one by the careful
  reader's own functions (:func:`~de_an06.io._sheet_cells.read_dates`);
* names and the other per-series texts: the distinct (series, cell) pairs
  of a block, each with its first and last line, checked by the careful
  reader's :class:`~de_an06.io._series_texts.SeriesTexts`.

Whenever a file holds anything this path does not prove it reads exactly
as the careful reader would -- a quote, a lone carriage return, a row of
another width, a padded, missing or bad cell, a number column that does
not decide, a wide file, a workbook -- :func:`read` returns ``None`` and the
careful reader reads the file, so results and errors (with their line and
column) are the careful reader's.
"""

from __future__ import annotations

import codecs
import csv
import io as stdio
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final

import numpy as np
import numpy.typing as npt

from de_an06.errors import ParseError
from de_an06.io import _fast_numbers, _sheet_cells, _sheet_rows
from de_an06.io._headers import HeaderMap
from de_an06.io._series_texts import FIRSTS, SeriesTexts
from de_an06.io._sheet_cells import MISSING, Evidence
from de_an06.parsing import grammar

__all__ = ["ReadColumns", "read"]

_BLOCK: Final = 1 << 22  # bytes of the file looked at together
_WIDEST: Final = 256  # bytes of the widest id, date or number cell read by this path
_LF: Final = ord("\n")
_CR: Final = ord("\r")
_BYTES_KEY: Final = 8  # cells up to this wide are packed a byte a character
_NIBBLES_KEY: Final = 16  # cells of digits and marks up to this wide, four bits a character
_EXCEL: Final = (".xlsx", ".xlsm")
#: The whole-column number patterns of the grammar, for bytes.
_COLUMNS: Final = {name: re.compile(pattern.pattern.encode())
                   for name, pattern in grammar.NUMBER_COLUMNS.items()}
_MISSING: Final = tuple(sorted({cell.encode() for cell in MISSING} - {b""}))
# Bytes a date or code cell is packed with four bits each: digits and marks.
_NIBBLE: Final = np.zeros(256, dtype=np.uint64)
_NIBBLE[list(b"0123456789-/.,")] = np.arange(1, 15, dtype=np.uint64)
_NIBBLE_OK: Final = np.zeros(256, dtype=bool)
_NIBBLE_OK[list(b"0123456789-/.,")] = True
_NIBBLE_OK[0] = True
#: The first 0 to 8 bytes of a little-endian word.
_MASKS: Final = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)


class ReadColumns:
    """The columns of a long or wide file, as :func:`read_table` assembles them.

    One entry per reading kept: the series' number in `index` (`codes`), its
    day number, file line, value, target (NaN: none) and deadline day
    number (NaN: none); `texts` the series' names, parents... (the cells of
    :data:`~de_an06.io._series_texts.FIRSTS`); `errors` the cells left out.
    """

    def __init__(self, headers: HeaderMap, index: dict[str, int],
                 texts: SeriesTexts, *, codes: npt.NDArray[np.int64],
                 days: npt.NDArray[np.int64], lines: npt.NDArray[np.int64],
                 values: npt.NDArray[np.float64], targets: npt.NDArray[np.float64] | None,
                 deadlines: npt.NDArray[np.float64] | None, errors: list[ParseError]) -> None:
        self.headers = headers
        self.index = index
        self.texts = texts
        self.codes, self.days, self.lines, self.values = codes, days, lines, values
        self.targets, self.deadlines, self.errors = targets, deadlines, errors


class _Decline(Exception):  # noqa: N818 - a signal, not an error
    """The fast path does not prove it reads the file exactly: the careful reader will."""


def read(source: object, file: str, *, delimiter: str | None, sheet: object,
         columns: Any, number_format: str, date_order: str) -> ReadColumns | None:  # noqa: ANN401
    """The columns of a CSV file read fast, or None to leave the file to the careful reader.

    A text stream is read to its end; when this path declines, it is put back
    where it was, for the careful reader.
    """
    if delimiter is not None and not delimiter.isascii():
        return None
    how = {"delimiter": delimiter, "columns": columns, "number_format": number_format,
           "date_order": date_order}
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if sheet is not None or path.suffix.lower() in _EXCEL:
            return None
        try:
            with path.open("rb") as binary:
                return _read(binary, file, bom=True, **how)
        except OSError:
            return None
    if isinstance(source, stdio.TextIOBase) and source.seekable():
        return _read_stream(source, file, how)
    return None


def _read_stream(source: stdio.TextIOBase, file: str, how: dict[str, Any]) -> ReadColumns | None:
    try:
        start = source.tell()
    except OSError:  # a file iterated with next(): it cannot say where it is
        return None
    data = stdio.BytesIO(source.read().encode("utf-8", "surrogatepass"))
    found = _read(data, file, bom=False, **how)
    if found is None:
        source.seek(start)
    return found


def _read(binary: IO[bytes], file: str, *, delimiter: str | None, columns: Any,  # noqa: ANN401
          number_format: str, date_order: str, bom: bool) -> ReadColumns | None:
    try:
        return _Reader(binary, file, delimiter, columns, bom=bom).read(number_format, date_order)
    except (_Decline, ParseError, csv.Error, UnicodeDecodeError):
        return None


class _Reader:
    """One file's bytes, read a block of whole lines at a time."""

    def __init__(self, binary: IO[bytes], file: str, delimiter: str | None,
                 columns: Any, *, bom: bool) -> None:  # noqa: ANN401
        self.binary = binary
        data = binary.read(_BLOCK)
        if bom and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        while data.count(b"\n") < _sheet_rows.HEAD:
            more = binary.read(_BLOCK)
            if not more:
                break
            data += more
        head_end = 0
        head_lines = []
        for _ in range(_sheet_rows.HEAD):
            if head_end >= len(data):
                break
            stop = data.find(b"\n", head_end)
            stop = len(data) if stop < 0 else stop + 1
            head_lines.append(data[head_end:stop].decode("utf-8"))
            head_end = stop
        if any("\r" in line.removesuffix("\n").removesuffix("\r") or "\x00" in line
               for line in head_lines):
            raise _Decline  # a lone carriage return or a NUL: the careful reader
        at, sep, self.headers = _sheet_rows.find_csv_header(head_lines, delimiter, columns, file)
        records = csv.reader(head_lines[:at + 1], delimiter=sep)
        if sum(1 for _ in records) != records.line_num:
            raise _Decline  # a quoted cell above the data holds a line break
        if self.headers.wide:
            raise _Decline
        self.sep = ord(sep)
        self.delimiter = sep
        self.rest = data[sum(len(line.encode("utf-8")) for line in head_lines[:at + 1]):]
        self.header_line = at + 1
        self.index: dict[str, int] = {}
        self.texts = SeriesTexts()

    def read(self, number_format: str, date_order: str) -> ReadColumns:
        m = self.headers
        width = len(m.headers)
        key_columns = m.roles.get("id", m.roles.get("code"))
        assert key_columns is not None  # noqa: S101 - map_headers guarantees it
        parts: dict[str, list[Any]] = {k: [] for k in ("codes", "days", "lines", "deadlines")}
        numbers: dict[str, list[_Numbers]] = {
            role: [] for role in ("value", "target") if role in m.roles}
        date_cache: dict[str, int | str] = {}
        deadline_cache: dict[str, int | str] = {}
        line = self.header_line + 1
        for block in self._blocks():
            cells = _Cells(block, self.sep, width, line)
            line += cells.line_count
            if cells.rows == 0:
                continue
            codes = self._codes(cells, key_columns)
            self._firsts(cells, codes)
            parts["codes"].append(codes)
            parts["lines"].append(cells.lines)
            day, _ = _dates(cells, m.roles["date"][0], date_cache, date_order, optional=False)
            parts["days"].append(day)
            if "deadline" in m.roles:
                day, given = _dates(cells, m.roles["deadline"][0], deadline_cache, date_order,
                                    optional=True)
                parts["deadlines"].append(np.where(given, day, np.nan))
            for role, chunks in numbers.items():
                chunks.append(_Numbers(cells, m.roles[role][0], optional=role != "value"))
        if not parts["codes"]:
            raise _Decline  # no readings: the careful reader says so
        formats = self._formats(numbers, number_format)
        values = {role: np.concatenate([chunk.read(formats[role]) for chunk in chunks])
                  for role, chunks in numbers.items()}
        return ReadColumns(
            m, self.index, self.texts, codes=np.concatenate(parts["codes"]),
            days=np.concatenate(parts["days"]), lines=np.concatenate(parts["lines"]),
            values=values["value"], targets=values.get("target"),
            deadlines=np.concatenate(parts["deadlines"]) if "deadline" in m.roles else None,
            errors=[])

    def _blocks(self) -> Iterator[bytes]:
        """The rest of the file in blocks of whole lines (the last may lack its line end)."""
        carry, self.rest = self.rest, b""
        while True:
            piece = self.binary.read(_BLOCK)
            if piece:
                carry += piece
                cut = carry.rfind(b"\n") + 1
                if cut == 0:
                    continue
                block, carry = carry[:cut], carry[cut:]
            elif carry:
                block, carry = carry, b""
            else:
                return
            if b'"' in block or b"\x00" in block:
                raise _Decline  # quoted cells, or a NUL the careful reader refuses
            block.decode("utf-8")  # the careful reader refuses bad UTF-8
            yield block

    def _codes(self, cells: _Cells, key_columns: list[int]) -> npt.NDArray[np.int64]:
        """Each row's series number, numbering new series ids (the id cells joined by ``/``)."""
        texts, inverse = _distinct(cells, key_columns[0])
        for column in key_columns[1:]:
            more, other = _distinct(cells, column)
            pairs, inverse = np.unique(inverse * len(more) + other, return_inverse=True)
            texts = [f"{texts[p // len(more)]}/{more[p % len(more)]}" for p in pairs.tolist()]
        if not MISSING.isdisjoint(texts):
            raise _Decline  # a blank id: a merged cell, which the careful reader names
        index = self.index
        numbers = np.array([index.setdefault(t, len(index)) for t in texts], dtype=np.int64)
        return numbers[inverse]

    def _firsts(self, cells: _Cells, codes: npt.NDArray[np.int64]) -> None:
        """The distinct (series, cell) pairs of each per-series text column, seen once each."""
        for role in FIRSTS:
            if role not in self.headers.roles:
                continue
            keys = _words(cells, self.headers.roles[role][0])
            change = np.empty(cells.rows, dtype=bool)  # where a run of one pair starts
            change[:1] = True
            np.not_equal(codes[1:], codes[:-1], out=change[1:])
            change[1:] |= (keys[1:] != keys[:-1]).any(axis=1)
            runs = np.flatnonzero(change)
            ends = np.append(runs[1:], cells.rows) - 1
            _, which, text = np.unique(keys[runs].view(f"S{8 * keys.shape[1]}").ravel(),
                                       return_index=True, return_inverse=True)
            pairs = codes[runs] * len(which) + text.ravel()
            found, first = np.unique(pairs, return_index=True)
            _, last = np.unique(pairs[::-1], return_index=True)
            start, end = cells.bounds(self.headers.roles[role][0])
            rows = runs[which].tolist()
            texts = [cells.block[int(start[r]):int(end[r])].decode("utf-8").strip() for r in rows]
            self.texts.see(role, (found // len(which)).tolist(),
                           [texts[t] for t in (found % len(which)).tolist()],
                           cells.lines[runs[first]].tolist(),
                           cells.lines[ends[len(runs) - 1 - last]].tolist())

    def _formats(self, numbers: dict[str, list[_Numbers]], number_format: str) -> dict[str, str]:
        if number_format != "auto":
            return dict.fromkeys(numbers, number_format)
        evidence = {}
        for role, chunks in numbers.items():
            seen = Evidence(role)
            for kind in ("vi", "international", "ambiguous"):
                if any(kind in chunk.kinds() for chunk in chunks):
                    # Where the kind was first seen matters only to an error, and an
                    # error sends the file to the careful reader.
                    seen.first[kind] = (0, "")
            evidence[role] = seen
        return _sheet_cells.decide_formats(
            evidence, {role: repr(self.headers.header(role)) for role in numbers}, typed=(),
            delimiter=self.delimiter, file="")


class _Cells:
    """Where the cells of a block of whole lines start and end."""

    def __init__(self, block: bytes, sep: int, width: int, first_line: int) -> None:
        self.block = block
        self.array = array = np.frombuffer(block, dtype=np.uint8)
        ends = np.flatnonzero(array == _LF)
        if ends.shape[0] == 0 or ends[-1] != len(block) - 1:  # the last line has no line end
            ends = np.append(ends, len(block))
        self.line_count = ends.shape[0]
        starts = np.empty_like(ends)
        starts[0] = 0
        starts[1:] = ends[:-1] + 1
        returns = block.count(b"\r")
        if returns:
            crlf = array[np.maximum(ends - 1, 0)] == _CR
            crlf &= ends > starts
            if int(crlf.sum()) != returns:
                raise _Decline  # a carriage return inside a line
            ends = ends - crlf
        seps = np.flatnonzero(array == sep)
        counts = np.diff(np.searchsorted(seps, ends), prepend=0)
        blank = ends == starts
        if not (counts[~blank] == width - 1).all():
            raise _Decline  # rows of other widths: the careful reader pads or names them
        empty = ends - starts == width - 1  # every cell empty: a blank row too
        if empty.any():
            seps = seps[~np.repeat(empty[~blank], width - 1)]
            blank |= empty
        kept = ~blank
        self.lines = (np.flatnonzero(kept) + first_line).astype(np.int64)
        self.rows = int(kept.sum())
        self.starts, self.ends = starts[kept], ends[kept]
        self.seps = seps.reshape(self.rows, width - 1) if width > 1 else seps.reshape(self.rows, 0)
        self.width = width
        self.words: npt.NDArray[np.uint64] | None = None

    def bounds(self, column: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Where each row's cell of `column` starts and ends (the end excluded)."""
        start = self.starts if column == 0 else self.seps[:, column - 1] + 1
        end = self.ends if column == self.width - 1 else self.seps[:, column]
        return start, end

    def matrix(self, column: int) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64]]:
        """The cells of `column`, one per column of a matrix padded with zero bytes; their lengths.

        Row ``j`` of the matrix holds byte ``j`` of every cell: the checks and
        conversions below go a character position at a time over all cells.
        """
        start, end = self.bounds(column)
        length = end - start
        width = int(length.max()) if length.shape[0] else 0
        if width > _WIDEST:
            raise _Decline  # one long cell would make a matrix of its width for every row
        matrix = np.empty((width, length.shape[0]), dtype=np.uint8)
        last = len(self.block) - 1
        for at in range(width):
            np.take(self.array, np.minimum(start + at, last), out=matrix[at])
            np.multiply(matrix[at], length > at, out=matrix[at])
        return matrix, length


def _distinct(cells: _Cells, column: int) -> tuple[list[str], npt.NDArray[np.int64]]:
    """The distinct cells of a column (stripped) and which of them each row holds.

    Cells are packed into integers (a byte, or for digits and marks four
    bits, per character; zero pads, and no cell holds a zero byte), runs of
    equal cells are taken once, and the distinct keys found by sorting.
    """
    matrix, _ = cells.matrix(column)
    width, count = matrix.shape
    keys: npt.NDArray[Any]
    if width <= _BYTES_KEY or (width <= _NIBBLES_KEY and _NIBBLE_OK[matrix].all()):
        nibbles = width > _BYTES_KEY
        keys = np.zeros(count, dtype=np.uint64)
        for at in range(width):
            part = _NIBBLE[matrix[at]] if nibbles else matrix[at].astype(np.uint64)
            keys |= part << np.uint64((4 if nibbles else 8) * at)
    else:
        keys = np.ascontiguousarray(matrix.T).view(f"S{width}").ravel()
    change = np.empty(count, dtype=bool)
    change[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=change[1:])
    runs = np.flatnonzero(change)
    _, first, inverse = np.unique(keys[runs], return_index=True, return_inverse=True)
    start, end = cells.bounds(column)
    block = cells.block
    texts = [block[int(start[r]):int(end[r])].decode("utf-8").strip()
             for r in runs[first].tolist()]
    return texts, np.repeat(inverse.ravel(), np.diff(np.append(runs, count)))


def _words(cells: _Cells, column: int) -> npt.NDArray[np.uint64]:
    """Each cell of a column as whole words of eight bytes (zeros after its end), one row each.

    Equal rows are equal cells: no cell holds a zero byte.
    """
    start, end = cells.bounds(column)
    length = end - start
    width = int(length.max()) if length.shape[0] else 0
    if width > _WIDEST:
        raise _Decline  # as in _Cells.matrix
    if cells.words is None:  # the block, a word starting at each byte (zeros after its end)
        padded = cells.block + bytes(8)
        cells.words = np.ndarray((len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))
    words = cells.words
    out = np.empty((length.shape[0], max(1, -(-width // 8))), dtype=np.uint64)
    for at in range(out.shape[1]):
        left = np.minimum(np.maximum(length - 8 * at, 0), 8)
        np.bitwise_and(words[np.minimum(start + 8 * at, words.shape[0] - 1)], _MASKS[left],
                       out=out[:, at])
    return out


def _dates(cells: _Cells, column: int, cache: dict[str, int | str], date_order: str, *,
           optional: bool) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """A date column's day numbers and where a date is given, read by the careful reader's rule."""
    texts, inverse = _distinct(cells, column)
    days, bad = _sheet_cells.read_dates(texts, cache, date_order, optional=optional)
    if bad:
        raise _Decline
    given = np.array([t not in MISSING for t in texts], dtype=bool)
    return days[inverse], given[inverse]


class _Numbers:
    """A block of a number column: its present cells, until the column's format is decided."""

    def __init__(self, cells: _Cells, column: int, *, optional: bool) -> None:
        matrix, length = cells.matrix(column)
        missing = length == 0
        for token in _MISSING:
            if matrix.shape[0] >= len(token):
                same = length == len(token)
                for at, byte in enumerate(token):
                    same &= matrix[at] == byte
                missing |= same
        self.count = missing.shape[0]
        self.present: npt.NDArray[np.bool_] | None = None
        if missing.any():
            if not optional:
                raise _Decline  # a reading without a value: the careful reader names it
            self.present = ~missing
            matrix, length = matrix[:, self.present], length[self.present]
        self.matrix, self.length = matrix, length
        self.fits: dict[str, bool] = {}
        self.exponent = bool(((matrix == ord("e")) | (matrix == ord("E"))).any())

    def fit(self, number_format: str) -> bool:
        """Whether every present cell is a number of `number_format` (remembered)."""
        found = self.fits.get(number_format)
        if found is None:
            if self.exponent:  # only "plain" has exponents: ask the grammar itself
                joined = _fast_numbers.joined(self.matrix, self.length)
                found = _COLUMNS[number_format].fullmatch(joined) is not None
            else:
                found = bool(_fast_numbers.accepted(self.matrix, self.length, number_format).all())
            self.fits[number_format] = found
        return found

    def kinds(self) -> set[str]:
        """The kinds of cell (:func:`de_an06.io._sheet_cells.Evidence`) this block holds.

        Raises
        ------
        _Decline
            When a cell is neither a vi nor an international number, or both
            kinds are there: the careful reader names the cell.
        """
        if not ((self.matrix == ord(".")) | (self.matrix == ord(","))).any():
            return set()
        vi, international = self.fit("vi"), self.fit("international")
        if vi and international:
            return {"ambiguous"}
        if vi or international:
            return {"vi" if vi else "international"}
        raise _Decline

    def read(self, number_format: str) -> npt.NDArray[np.float64]:
        """The values in `number_format` (NaN for a missing cell)."""
        if not self.fit(number_format):
            raise _Decline
        try:
            values = _fast_numbers.values(self.matrix, self.length, number_format,
                                          exponent=self.exponent)
        except _fast_numbers.TooLarge:
            raise _Decline from None
        if self.present is None:
            return values
        out = np.full(self.count, np.nan)
        out[self.present] = values
        return out
