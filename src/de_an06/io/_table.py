"""A province's spreadsheet, as it is, into a :class:`~de_an06.batch.ReadingTable`.

:func:`read_table` finds the header row (title rows above it are skipped),
the delimiter, the role of each column (:mod:`de_an06.io._headers`), and
reads the rows a chunk at a time, a whole column at once
(:mod:`de_an06.io._sheet_cells`).
"""

from __future__ import annotations

import csv
import gc
import io as stdio
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.batch import ReadingTable, SeriesInfo
from de_an06.errors import ParseError
from de_an06.io import _headers, _sheet_cells
from de_an06.io._headers import HeaderMap
from de_an06.io._sheet_cells import MISSING, Bad, Evidence, Mixed, NumberChunk
from de_an06.io.cells import NUMBER_FORMATS
from de_an06.model import Direction, Indicator, Level

__all__ = ["read_table"]

_HEAD: Final = 30  # lines searched for the header row
_CHUNK: Final = 65_536  # rows read at a time
_DELIMITERS: Final = (";", ",", "\t", "|")
_DATE_ORDERS: Final = ("auto", "iso")
_EXCEL: Final = (".xlsx", ".xlsm")
_SPACE: Final = re.compile(r"[^\S\n]")  # white space other than the line break
_PADDED: Final = re.compile(r"^[^\S\n]|[^\S\n]$", re.MULTILINE)
_DIRECTIONS: Final = {"higher": False, "lower": True, "cao": False, "thấp": True}


class _Rows:
    """The rows of a file after its header: chunks of text cells with their line numbers."""

    def __init__(self, chunks: Iterator[tuple[list[list[str]], npt.NDArray[np.int64]]],
                 headers: HeaderMap, header_line: int, delimiter: str,
                 typed: frozenset[int]) -> None:
        self.chunks = chunks
        self.headers = headers
        self.header_line = header_line
        self.delimiter = delimiter
        self.typed = typed


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
              file: str) -> _Rows:
    head_lines = list(islice(stream, _HEAD))
    tried = [delimiter] if delimiter is not None else list(_DELIMITERS)
    best: tuple[int, int, str, HeaderMap] | None = None
    for sep in tried:
        head = list(csv.reader(head_lines, delimiter=sep))
        found = _find_header(head, columns, file)
        if found is not None and (best is None or len(found[1].headers) > len(best[3].headers)):
            best = (found[0], 0, sep, found[1])
    if best is None:
        raise _no_header(list(csv.reader(head_lines, delimiter=tried[0])), columns, file)
    at, _, sep, mapped = best
    reader = csv.reader(chain(head_lines[at + 1:], stream), delimiter=sep)
    return _Rows(_csv_chunks(reader, at + 1), mapped, at + 1, sep, frozenset())


def _csv_chunks(reader: Any, offset: int) -> Iterator[  # noqa: ANN401 - a csv reader
        tuple[list[list[str]], npt.NDArray[np.int64]]]:
    while True:
        before = reader.line_num
        rows = list(islice(reader, _CHUNK))
        if not rows:
            return
        if reader.line_num - before == len(rows):
            lines = np.arange(before + 1, before + 1 + len(rows), dtype=np.int64)
        else:  # a quoted cell holds a line break: count them
            extra = [sum(c.count("\n") for c in row) for row in rows]
            lines = before + np.cumsum(np.add(extra, 1, dtype=np.int64))
            lines -= np.asarray(extra, dtype=np.int64)
        yield rows, lines + offset


def _open_rows(source: object, file: str, delimiter: str | None, sheet: str | int | None,
               columns: Mapping[str, str] | None) -> _Rows:
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
            return _Rows(chunks, mapped, at + 1, ",",
                         frozenset(i for i in typed if i < len(mapped.headers)))
        try:
            stream: IO[str] = path.open(encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as error:
            raise ParseError(f"cannot open the file ({error.strerror})", file=file) from None
        return _csv_rows(stream, delimiter, columns, file)
    if isinstance(source, stdio.TextIOBase) or hasattr(source, "read"):
        return _csv_rows(source, delimiter, columns, file)  # type: ignore[arg-type]
    raise v.fail("read_table", "source", "must be a path or a text file",
                 type(source).__name__)


class _Columns:
    """The long columns built chunk by chunk."""

    def __init__(self, rows: _Rows, file: str, collect: bool) -> None:
        self.rows = rows
        self.file = file
        self.collect = collect
        self.errors: list[ParseError] = []
        self.index: dict[str, int] = {}
        self.first: dict[str, dict[int, str]] = {"name": {}, "parent": {}, "indicator": {},
                                                 "direction": {}, "code": {}}
        self.codes: list[npt.NDArray[np.int64]] = []
        self.days: list[npt.NDArray[np.int64]] = []
        self.lines: list[npt.NDArray[np.int64]] = []
        self.keep: list[npt.NDArray[np.bool_]] = []
        self.numbers: dict[str, list[NumberChunk]] = {"value": [], "target": []}
        self.evidence = {"value": Evidence(""), "target": Evidence("")}
        self.deadlines: list[npt.NDArray[np.int64]] = []
        self.has_deadline: list[npt.NDArray[np.bool_]] = []
        self.date_cache: dict[str, int | str] = {}
        self.deadline_cache: dict[str, int | str] = {}

    def fail(self, bad: list[Bad], lines: npt.NDArray[np.int64], keep: npt.NDArray[np.bool_],
             header: str) -> None:
        for at, message in bad:
            error = ParseError(message, file=self.file, line=int(lines[at]), column=header)
            if not self.collect:
                raise error
            self.errors.append(error)
            keep[at] = False


def _widths(rows: list[list[str]], width: int, lines: npt.NDArray[np.int64],
            file: str) -> list[list[str]]:
    """Rows padded to `width` cells; blank rows dropped; extra cells must be empty."""
    if all(len(r) == width for r in rows):
        return rows
    out = []
    for at, row in enumerate(rows):
        if len(row) < width:
            if not any(c.strip() for c in row):
                continue
            row = row + [""] * (width - len(row))  # noqa: PLW2901 - padded copy
        elif len(row) > width:
            if any(c.strip() for c in row[width:]):
                raise ParseError(f"has {len(row)} cells but the header has {width}",
                                 file=file, line=int(lines[at]))
            row = row[:width]  # noqa: PLW2901
        out.append(row)
    return out


def _take(rows: list[list[str]], index: int) -> list[str]:
    return _take_joined(rows, index)[0]


def _take_joined(rows: list[list[str]], index: int) -> tuple[list[str], str]:
    """Column `index` of `rows`, stripped, and its cells joined with newlines."""
    column = list(map(itemgetter(index), rows))
    joined = "\n".join(column)
    if _SPACE.search(joined) and _PADDED.search(joined):
        column = [c.strip() for c in column]
        joined = "\n".join(column)
    return column, joined


def _read_chunk(acc: _Columns, rows: list[list[str]], lines: npt.NDArray[np.int64],
                date_order: str) -> None:
    m = acc.rows.headers
    width = len(m.headers)
    if set(map(len, rows)) != {width}:
        kept = [(r, ln) for r, ln in zip(rows, lines.tolist(), strict=True)
                if any(c.strip() for c in r) or len(r) > width]
        rows = _widths([r for r, _ in kept], width, np.array([ln for _, ln in kept]), acc.file)
        lines = np.array([ln for r, ln in kept if any(c.strip() for c in r)], dtype=np.int64)
    if not rows:
        return
    key_columns = m.roles.get("id", m.roles.get("code"))
    assert key_columns is not None  # noqa: S101 - map_headers guarantees it
    keys = (_take(rows, key_columns[0]) if len(key_columns) == 1 else
            ["/".join(parts) for parts in zip(*(_take(rows, i) for i in key_columns),
                                               strict=True)])
    count = len(rows)
    keep = np.ones(count, dtype=bool)
    blank = [] if MISSING.isdisjoint(keys) else [(at, f"no series id (an empty cell{'' if k == '' else ' ' + repr(k)}: a merged "
                  "cell? fill the column down)") for at, k in enumerate(keys) if k in MISSING]
    acc.fail(blank, lines, keep, m.headers[key_columns[0]])
    index = acc.index
    for key in set(keys).difference(index):
        index[key] = len(index)
    codes = np.fromiter(map(index.__getitem__, keys), dtype=np.int64, count=count)
    _firsts(acc, rows, codes)
    if m.wide:
        _wide_chunk(acc, rows, lines, codes, keep)
        return
    days, bad = _sheet_cells.read_dates(_take(rows, m.roles["date"][0]), acc.date_cache,
                                        date_order, optional=False)
    acc.fail(bad, lines, keep, m.header("date"))
    _append(acc, codes, days, lines, keep, *_take_joined(rows, m.roles["value"][0]))
    _extras(acc, rows, lines, keep, date_order)


def _append(acc: _Columns, codes: npt.NDArray[np.int64], days: npt.NDArray[np.int64],
            lines: npt.NDArray[np.int64], keep: npt.NDArray[np.bool_], values: list[str],
            joined: str | None = None) -> None:
    acc.codes.append(codes)
    acc.days.append(days)
    acc.lines.append(lines)
    acc.keep.append(keep)
    acc.numbers["value"].append(acc.evidence["value"].see(values, lines, joined))


def _wide_chunk(acc: _Columns, rows: list[list[str]], lines: npt.NDArray[np.int64],
                codes: npt.NDArray[np.int64], keep: npt.NDArray[np.bool_]) -> None:
    for index, day in acc.rows.headers.wide.items():
        values = _take(rows, index)
        present = np.array([c not in MISSING for c in values], dtype=bool)
        if not present.any():
            continue
        chosen = [c for c, p in zip(values, present.tolist(), strict=True) if p]
        _append(acc, codes[present], np.full(len(chosen), _day(day), dtype=np.int64),
                lines[present], keep[present].copy(), chosen)
        acc.keep[-1] &= keep[present]
        _extras(acc, [r for r, p in zip(rows, present.tolist(), strict=True) if p],
                lines[present], acc.keep[-1], "auto")


def _day(day: Any) -> int:  # noqa: ANN401 - a date
    from de_an06 import _days

    return _days.day_number(day)


def _extras(acc: _Columns, rows: list[list[str]], lines: npt.NDArray[np.int64],
            keep: npt.NDArray[np.bool_], date_order: str) -> None:
    m = acc.rows.headers
    if "target" in m.roles:
        cells, joined = _take_joined(rows, m.roles["target"][0])
        acc.numbers["target"].append(acc.evidence["target"].see(cells, lines, joined))
    if "deadline" in m.roles:
        days, bad = _sheet_cells.read_dates(_take(rows, m.roles["deadline"][0]),
                                            acc.deadline_cache, date_order, optional=True)
        acc.fail(bad, lines, keep, m.header("deadline"))
        acc.deadlines.append(days)
        acc.has_deadline.append(np.array([c not in MISSING for c in
                                          _take(rows, m.roles["deadline"][0])], dtype=bool))


def _firsts(acc: _Columns, rows: list[list[str]], codes: npt.NDArray[np.int64]) -> None:
    m = acc.rows.headers
    unique, first = np.unique(codes, return_index=True)
    for role in ("name", "parent", "indicator", "direction", "code"):
        if role not in m.roles:
            continue
        column = m.roles[role][0]
        seen = acc.first[role]
        for code, at in zip(unique.tolist(), first.tolist(), strict=True):
            if not seen.get(code):
                seen[code] = rows[at][column].strip()


def _decide(acc: _Columns, number_format: str) -> dict[str, str]:
    if number_format != "auto":
        return dict.fromkeys(acc.numbers, number_format)
    m = acc.rows.headers
    own: dict[str, str | None] = {}
    for role, evidence in acc.evidence.items():
        if role == "value" and m.wide:
            header = "the date columns"
        elif role in m.roles:
            header = repr(m.header(role))
        else:
            continue
        try:
            own[role] = evidence.own()
        except Mixed as error:
            raise ParseError(f"column {header} {error}", file=acc.file) from None
    proved = {f for f in own.values() if f is not None}
    file_format = proved.pop() if len(proved) == 1 else None
    out = {}
    for role in own:
        if _typed(acc, role):
            out[role] = "plain"
            continue
        try:
            out[role] = acc.evidence[role].decide(file_format, acc.rows.delimiter)
        except Mixed as error:
            header = "the date columns" if role == "value" and m.wide else repr(m.header(role))
            raise ParseError(f"column {header}: {error}", file=acc.file) from None
    return out


def _typed(acc: _Columns, role: str) -> bool:
    m = acc.rows.headers
    indices = list(m.wide) if role == "value" and m.wide else m.roles.get(role, [])
    return bool(indices) and all(i in acc.rows.typed for i in indices)


def _numbers(acc: _Columns, role: str, number_format: str, header: str,
             *, optional: bool) -> npt.NDArray[np.float64]:
    parts = []
    for chunk, lines, keep in zip(acc.numbers[role], acc.lines, acc.keep, strict=True):
        values, bad = _sheet_cells.read_numbers(chunk, number_format, optional=optional)
        acc.fail(bad, lines, keep, header)
        parts.append(values)
    acc.numbers[role] = []
    return np.concatenate(parts) if parts else np.zeros(0)


def _check_indicator(indicator: object) -> tuple[str, Indicator | None]:
    if indicator is None:
        return "", None
    if isinstance(indicator, Indicator):
        return indicator.code, indicator
    if isinstance(indicator, str) and indicator.strip():
        return indicator.strip(), None
    raise v.fail("read_table", "indicator", "must be an Indicator or a code", indicator)


def read_table(source: str | os.PathLike[str] | IO[str], *,  # noqa: C901, PLR0912, PLR0915
               columns: Mapping[str, str] | None = None, indicator: Indicator | str | None = None,
               level: Level | str | None = None, number_format: str = "auto",
               date_order: str = "auto", delimiter: str | None = None,
               sheet: str | int | None = None, collect_errors: bool = False) -> ReadingTable:
    """Read a spreadsheet of readings, as provinces export them, into a ReadingTable."""
    if number_format != "auto" and number_format not in NUMBER_FORMATS:
        raise v.fail("read_table", "number_format", f"must be 'auto' or one of {NUMBER_FORMATS}",
                     number_format)
    if date_order not in _DATE_ORDERS:
        raise v.fail("read_table", "date_order", f"must be one of {_DATE_ORDERS}", date_order)
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise v.fail("read_table", "delimiter", "must be one character", delimiter)
    if columns is not None and not isinstance(columns, Mapping):
        raise v.fail("read_table", "columns", "must map headers to roles", columns)
    indicator_code, indicator_obj = _check_indicator(indicator)
    fixed_level = None if level is None else Level(level)
    file = str(source) if isinstance(source, (str, os.PathLike)) else getattr(
        source, "name", "<table>")
    rows = _open_rows(source, file, delimiter, sheet, columns)
    acc = _Columns(rows, file, collect_errors)
    # The rows of a chunk die young; the collector would scan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for chunk, lines in rows.chunks:
            _read_chunk(acc, chunk, lines, date_order)
    finally:
        if collecting:
            gc.enable()
        close = getattr(rows.chunks, "close", None)
        if close is not None:
            close()
    m = rows.headers
    formats = _decide(acc, number_format)
    value_header = "the date columns" if m.wide else m.header("value")
    values = _numbers(acc, "value", formats["value"], value_header, optional=bool(m.wide))
    targets = (_numbers(acc, "target", formats["target"], m.header("target"), optional=True)
               if "target" in m.roles else None)
    if not acc.codes:
        raise ParseError("the file has a header but no readings", file=file,
                         line=rows.header_line)
    keep = np.concatenate(acc.keep)
    codes = np.concatenate(acc.codes)[keep]
    days = np.concatenate(acc.days)[keep]
    lines = np.concatenate(acc.lines)[keep]
    values = values[keep]
    if indicator_obj is not None:
        from de_an06.model.rules import first_bad_value

        bad_value = first_bad_value(indicator_obj.unit, values)
        if bad_value is not None:
            raise ParseError(f"{bad_value[1]} (got {values[bad_value[0]]!r})", file=file,
                             line=int(lines[bad_value[0]]), column=value_header)
    names = np.array(list(acc.index), dtype=str)
    order = np.argsort(names, kind="stable")
    rank = np.empty(names.shape[0], dtype=np.int64)
    rank[order] = np.arange(names.shape[0], dtype=np.int64)
    ids = rank[codes]
    sort = np.lexsort((days, ids))
    ids, days, lines, values = ids[sort], days[sort], lines[sort], values[sort]
    same = (ids[1:] == ids[:-1]) & (days[1:] == days[:-1])
    if same.any():
        at = int(np.flatnonzero(same)[0])
        raise ParseError(f"repeats the reading of series {names[order][ids[at]]!r} on the same "
                         f"date as line {int(lines[at])}", file=file, line=int(lines[at + 1]),
                         column=m.header("date") if "date" in m.roles else None)
    count = names.shape[0]
    present = np.zeros(count, dtype=bool)
    present[ids] = True
    per_series_target = np.full(count, np.nan)
    if targets is not None:
        per_series_target = _agree(targets[keep][sort], ids, lines, count, "target",
                                   m.header("target"), file)
    deadlines = np.full(count, np.datetime64("NaT"), dtype="datetime64[D]")
    if acc.deadlines:
        dl = np.concatenate(acc.deadlines)[keep][sort].astype(np.float64)
        dl[~np.concatenate(acc.has_deadline)[keep][sort]] = np.nan
        agreed = _agree(dl, ids, lines, count, "deadline", m.header("deadline"), file)
        ok = ~np.isnan(agreed)
        deadlines[ok] = agreed[ok].astype(np.int64).astype("datetime64[D]")
    sorted_names = names[order]
    lower = np.zeros(count, dtype=bool)
    if indicator_obj is not None:
        lower[:] = indicator_obj.direction is Direction.LOWER_IS_BETTER
    for code, text in acc.first["direction"].items():
        word = text.casefold()
        if word not in _DIRECTIONS:
            raise ParseError(f"cannot read {text!r} as a direction (expected one of "
                             f"{sorted(_DIRECTIONS)})", file=file, column=m.header("direction"))
        lower[rank[code]] = _DIRECTIONS[word]
    if not present.all():  # every reading of some series was left out
        keep_series = np.flatnonzero(present)
        remap = np.full(count, -1, dtype=np.int64)
        remap[keep_series] = np.arange(keep_series.shape[0])
        ids = remap[ids]
        sorted_names, per_series_target = sorted_names[keep_series], per_series_target[keep_series]
        deadlines, lower = deadlines[keep_series], lower[keep_series]
        rank = remap[rank]
    if ids.shape[0] == 0:
        raise ParseError(f"has no reading left: {len(acc.errors)} cells could not be read "
                         f"(first: {acc.errors[0]})", file=file)
    table = ReadingTable.from_arrays(ids, days, values, lower_is_better=lower)
    info = _info(acc, sorted_names, rank, per_series_target, deadlines, indicator_code,
                 fixed_level or m.level, file)
    return attrs.evolve(table, ids=_readonly(sorted_names)).with_info(info)


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.flags.writeable = False
    return array


def _agree(per_row: npt.NDArray[np.float64], ids: npt.NDArray[np.int64],
           lines: npt.NDArray[np.int64], count: int, what: str, header: str,
           file: str) -> npt.NDArray[np.float64]:
    """One value per series from its rows (NaN where none); rows disagreeing are an error."""
    given = ~np.isnan(per_row)
    low = np.full(count, np.inf)
    high = np.full(count, -np.inf)
    np.minimum.at(low, ids[given], per_row[given])
    np.maximum.at(high, ids[given], per_row[given])
    differ = np.isfinite(low) & (low != high)
    if differ.any():
        series = int(np.flatnonzero(differ)[0])
        rows_ = np.flatnonzero((ids == series) & given)
        first = rows_[0]
        other = next(r for r in rows_ if per_row[r] != per_row[first])
        raise ParseError(f"gives its series another {what} than line {int(lines[first])}",
                         file=file, line=int(lines[other]), column=header)
    return np.where(np.isfinite(low), low, np.nan)


def _info(acc: _Columns, ids: npt.NDArray[Any], rank: npt.NDArray[np.int64],
          targets: npt.NDArray[np.float64], deadlines: npt.NDArray[Any], indicator: str,
          level: Level | None, file: str) -> SeriesInfo:
    count = ids.shape[0]

    def text(role: str, default: npt.NDArray[Any] | str) -> npt.NDArray[Any]:
        out = np.array(np.broadcast_to(default, (count,)), dtype=object)
        for code, value in acc.first[role].items():
            if rank[code] >= 0:
                out[rank[code]] = value
        return _readonly(out.astype(str))

    m = acc.rows.headers
    codes = text("code", ids) if "id" in m.roles else ids
    return SeriesInfo(
        _readonly(np.array(codes, dtype=str)), text("name", ""),
        _readonly(np.full(count, "" if level is None else level.value)),
        text("parent", ""), text("indicator", indicator), _readonly(targets),
        _readonly(deadlines), source=file, errors=tuple(acc.errors))
