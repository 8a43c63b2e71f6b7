"""The rows of a spreadsheet after its header row, for :func:`de_an06.io.read_table`.

The header row is the first of the first :data:`HEAD` rows whose headers
give every role a table needs; the delimiter, when not given, the one of
``;``, ``,``, tab and ``|`` that finds one (the widest header if several).
"""

from __future__ import annotations

import csv
import io as stdio
import os
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any, Final

import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.errors import ParseError
from de_an06.io import _headers
from de_an06.io._headers import HeaderMap

__all__ = ["HEAD", "Rows", "find_csv_header", "fit_rows", "open_rows"]

HEAD: Final = 30  # lines searched for the header row
_HEAD: Final = HEAD
_CHUNK: Final = 16_384  # rows read at a time
_DELIMITERS: Final = (";", ",", "\t", "|")
_EXCEL: Final = (".xlsx", ".xlsm")


class Rows:
    """The rows of a file after its header: chunks of text cells with their line numbers."""

    def __init__(self, chunks: Iterator[tuple[list[list[str]], npt.NDArray[np.int64]]],
                 headers: HeaderMap, header_line: int, delimiter: str,
                 typed: frozenset[int]) -> None:
        self.chunks = chunks
        self.headers = headers
        self.header_line = header_line
        self.delimiter = delimiter
        self.typed = typed
        self.closing: IO[str] | None = None

    def close(self) -> None:
        """Close the file the rows come from, if this reader opened it."""
        if self.closing is not None:
            self.closing.close()


def _find_header(rows: Sequence[Sequence[str]], columns: Mapping[str, str] | None,
                 file: str) -> tuple[int, HeaderMap] | None:
    for at, row in enumerate(rows):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if columns and not all(h.strip() in cells for h in columns):
            continue
        mapped = _headers.map_headers(cells, columns, file=file)
        if not mapped.missing():
            return at, mapped
    return None


def _no_header(rows: Sequence[Sequence[str]], columns: Mapping[str, str] | None,
               file: str) -> ParseError:
    for at, row in enumerate(rows):
        cells = [c.strip() for c in row]
        if any(cells):
            if columns and not all(h.strip() in cells for h in columns):
                absent = [h for h in columns if h.strip() not in cells]
                return ParseError(f"no header row holds {absent!r} (first rows: "
                                  f"{cells!r})", file=file, line=at + 1)
            mapped = _headers.map_headers(cells, columns, file=file)
            return _headers.unmapped_error(cells, mapped.missing(), file=file, line=at + 1)
    return ParseError("the file has no rows", file=file)


def _csv_rows(stream: IO[str], delimiter: str | None, columns: Mapping[str, str] | None,
              file: str) -> Rows:
    head_lines = list(islice(stream, _HEAD))
    at, sep, mapped = find_csv_header(head_lines, delimiter, columns, file)
    reader = csv.reader(chain(head_lines[at + 1:], stream), delimiter=sep)
    return Rows(_csv_chunks(reader, at + 1, file), mapped, at + 1, sep, frozenset())


def _not_csv(error: csv.Error, file: str, line: int) -> ParseError:
    """The error of a row Python's CSV reader cannot split (a stray carriage return, say)."""
    return ParseError(f"cannot split the row into cells ({error}); a text stream must be opened "
                      "with newline=''", file=file, line=line)


def find_csv_header(head_lines: list[str], delimiter: str | None,
                    columns: Mapping[str, str] | None, file: str) -> tuple[int, str, HeaderMap]:
    """The header row among the first lines of a CSV file: its index, delimiter and roles.

    Raises
    ------
    ParseError
        When no line is a header row (the message says what is missing).
    """
    tried = [delimiter] if delimiter is not None else list(_DELIMITERS)
    best: tuple[int, int, str, HeaderMap] | None = None
    for sep in tried:
        reader = csv.reader(head_lines, delimiter=sep)
        try:
            head = list(reader)
        except csv.Error as error:
            raise _not_csv(error, file, reader.line_num) from None
        found = _find_header(head, columns, file)
        if found is not None and (best is None or len(found[1].headers) > len(best[3].headers)):
            best = (found[0], 0, sep, found[1])
    if best is None:
        raise _no_header(list(csv.reader(head_lines, delimiter=tried[0])), columns, file)
    at, _, sep, mapped = best
    return at, sep, mapped


def _csv_chunks(reader: Any, offset: int, file: str) -> Iterator[  # noqa: ANN401 - a csv reader
        tuple[list[list[str]], npt.NDArray[np.int64]]]:
    while True:
        before = reader.line_num
        try:
            rows = list(islice(reader, _CHUNK))
        except csv.Error as error:
            raise _not_csv(error, file, reader.line_num + offset) from None
        if not rows:
            return
        if reader.line_num - before == len(rows):
            lines = np.arange(before + 1, before + 1 + len(rows), dtype=np.int64)
        else:  # a quoted cell holds a line break: count them
            extra = [sum(c.count("\n") for c in row) for row in rows]
            lines = before + np.cumsum(np.add(extra, 1, dtype=np.int64))
            lines -= np.asarray(extra, dtype=np.int64)
        yield rows, lines + offset


def not_utf8(error: UnicodeDecodeError, file: str) -> ParseError:
    """The error of a CSV file that is not UTF-8 text (a spreadsheet saved in a code page)."""
    return ParseError(f"not UTF-8 text ({error.reason} at byte {error.start}); save it as "
                      "CSV UTF-8", file=file)


def open_rows(source: object, file: str, delimiter: str | None, sheet: str | int | None,
               columns: Mapping[str, str] | None) -> Rows:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if sheet is not None or path.suffix.lower() in _EXCEL:
            from de_an06.io import _xlsx

            rows, typed = _xlsx.read_rows(path, sheet, file)
            found = _find_header(rows[:_HEAD], columns, file)
            if found is None:
                raise _no_header(rows[:_HEAD], columns, file)
            at, mapped = found
            data = rows[at + 1:]
            chunks = ((data[i:i + _CHUNK],
                       np.arange(at + 2 + i, at + 2 + i + len(data[i:i + _CHUNK]),
                                 dtype=np.int64)) for i in range(0, len(data), _CHUNK))
            return Rows(chunks, mapped, at + 1, ",",
                        _xlsx.typed_columns(data, typed[at + 1:]))
        try:
            stream: IO[str] = path.open(encoding="utf-8-sig", newline="")
        except OSError as error:
            raise ParseError(f"cannot open the file ({error.strerror})", file=file) from None
        try:
            opened = _csv_rows(stream, delimiter, columns, file)
        except ParseError:
            stream.close()
            raise
        except UnicodeDecodeError as error:
            stream.close()
            raise not_utf8(error, file) from None
        opened.closing = stream
        return opened
    if isinstance(source, stdio.TextIOBase) or hasattr(source, "read"):
        return _csv_rows(source, delimiter, columns, file)  # type: ignore[arg-type]
    raise v.fail("read_table", "source", "must be a path or a text file",
                 type(source).__name__)


def fit_rows(rows: list[list[str]], lines: npt.NDArray[np.int64], width: int,
             file: str) -> tuple[list[list[str]], npt.NDArray[np.int64]]:
    """Rows of `width` cells and their lines: blank rows dropped, short rows padded.

    Cells beyond the header must be empty (trailing empty columns).
    """
    kept: list[list[str]] = []
    kept_lines: list[int] = []
    for row, line in zip(rows, lines.tolist(), strict=True):
        if not any(c.strip() for c in row):
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))  # noqa: PLW2901 - padded copy
        elif len(row) > width:
            if any(c.strip() for c in row[width:]):
                raise ParseError(f"has {len(row)} cells but the header has {width}",
                                 file=file, line=line)
            row = row[:width]  # noqa: PLW2901
        kept.append(row)
        kept_lines.append(line)
    return kept, np.array(kept_lines, dtype=np.int64)
