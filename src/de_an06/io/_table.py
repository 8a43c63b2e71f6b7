"""A province's spreadsheet, as it is, into a :class:`~de_an06.batch.ReadingTable`.

:func:`read_table` finds the header row (title rows above it are skipped),
the delimiter, the role of each column (:mod:`de_an06.io._headers`), and
reads the rows a chunk at a time, a whole column at once
(:mod:`de_an06.io._sheet_cells`). A CSV file goes first to the columnar
fast path (:mod:`de_an06.io._fast_csv`), which reads the file's bytes and
hands it back when it cannot prove it reads it exactly as this reader would.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Mapping
from operator import itemgetter
from typing import IO, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.batch import ReadingTable
from de_an06.errors import ParseError
from de_an06.io import _fast_csv, _sheet_cells, _sheet_rows
from de_an06.io._fast_csv import ReadColumns
from de_an06.io._series_texts import DIRECTIONS, FIRSTS, NAMES, SeriesTexts, readonly, series_info
from de_an06.io._sheet_cells import MISSING, Bad, Evidence, NumberChunk
from de_an06.io._sheet_rows import Rows
from de_an06.io.cells import NUMBER_FORMATS
from de_an06.model import Direction, Indicator, Level

__all__ = ["read_table"]

_DATE_ORDERS: Final = ("auto", "iso")
_SPACE: Final = re.compile(r"[^\S\n]")  # white space other than the line break
_PADDED: Final = re.compile(r"^[^\S\n]|[^\S\n]$", re.MULTILINE)


class _Columns:
    """The long columns built chunk by chunk."""

    def __init__(self, rows: Rows, file: str, collect: bool) -> None:
        self.rows = rows
        self.file = file
        self.collect = collect
        self.errors: list[ParseError] = []
        self.index: dict[str, int] = {}
        self.texts = SeriesTexts()
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


def _keys(rows: list[list[str]], columns: list[int]) -> list[str]:
    """The series id of each row: its id cell, or its id cells joined with ``/``."""
    if len(columns) == 1:
        return _take(rows, columns[0])
    return ["/".join(parts) for parts in zip(*(_take(rows, i) for i in columns), strict=True)]


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
    key_columns = m.roles.get("id", m.roles.get("code"))
    assert key_columns is not None  # noqa: S101 - map_headers guarantees it
    keys = _keys(rows, key_columns) if set(map(len, rows)) == {width} else None
    if keys is None or not MISSING.isdisjoint(keys):  # short, long or blank rows
        rows, lines = _sheet_rows.fit_rows(rows, lines, width, acc.file)
        if not rows:
            return
        keys = _keys(rows, key_columns)
    count = len(rows)
    keep = np.ones(count, dtype=bool)
    blank = [] if MISSING.isdisjoint(keys) else [
        (at, f"no series id ({k!r}: a merged cell? fill the column down)")
        for at, k in enumerate(keys) if k in MISSING]
    acc.fail(blank, lines, keep, m.headers[key_columns[0]])
    index = acc.index
    for key in set(keys).difference(index):
        index[key] = len(index)
    codes = np.fromiter(map(index.__getitem__, keys), dtype=np.int64, count=count)
    _firsts(acc, rows, codes, lines)
    if m.wide:
        _wide_chunk(acc, rows, lines, codes, keep)
        return
    days, bad = _sheet_cells.read_dates(_take(rows, m.roles["date"][0]), acc.date_cache,
                                        date_order, optional=False)
    acc.fail(bad, lines, keep, m.header("date"))
    _append(acc, codes, days, lines, keep, *_take_joined(rows, m.roles["value"][0]))
    _extras(acc, rows, lines, keep, date_order)


def _append(acc: _Columns, codes: npt.NDArray[np.int64], days: npt.NDArray[np.int64],  # noqa: PLR0917 - the columns of a chunk
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


def _firsts(acc: _Columns, rows: list[list[str]], codes: npt.NDArray[np.int64],
            lines: npt.NDArray[np.int64]) -> None:
    """Each series' name, parent, indicator, direction and code cells, to be checked."""
    m = acc.rows.headers
    for role in FIRSTS:
        if role in m.roles:
            acc.texts.see_cells(role, codes, _take(rows, m.roles[role][0]), lines)


def _decide(acc: _Columns, number_format: str) -> dict[str, str]:
    if number_format != "auto":
        return dict.fromkeys(acc.numbers, number_format)
    m = acc.rows.headers
    headers = {role: "the date columns" if role == "value" and m.wide else repr(m.header(role))
               for role in acc.evidence if (role == "value" and m.wide) or role in m.roles}
    typed = [role for role in headers if _typed(acc, role)]
    return _sheet_cells.decide_formats({role: acc.evidence[role] for role in headers}, headers,
                                       typed=typed, delimiter=acc.rows.delimiter, file=acc.file)


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


def read_table(source: str | os.PathLike[str] | IO[str], *,
               columns: Mapping[str, str] | None = None, indicator: Indicator | str | None = None,
               level: Level | str | None = None, number_format: str = "auto",
               date_order: str = "auto", delimiter: str | None = None,
               sheet: str | int | None = None, collect_errors: bool = False,
               names: str = "raise") -> ReadingTable:
    r"""Read a spreadsheet of readings, as provinces export it, into a ReadingTable.

    One row per series and date (a *long* file), or one row per series with
    one column per date (a *wide* file: headers such as ``31/1/2024``,
    ``2024-01-31``, ``Tháng 1/2024`` or ``01/2024``, a month dated its last
    day). The table carries per-series metadata in ``table.info``
    (:class:`~de_an06.batch.SeriesInfo`): jurisdiction code, name, level
    and parent, indicator, and the target and deadline when the file has
    them, so that ``batch.forecasts(table)`` needs nothing more.

    Parameters
    ----------
    source : str, pathlib.Path or typing.TextIO
        A CSV file (UTF-8, with or without BOM; LF or CRLF; quoted cells), or
        an Excel ``.xlsx`` workbook (needs the ``excel`` extra:
        ``pip install 'de_an06[excel]'``).
    columns : Mapping, optional
        The file's header -> role (``{"Mã ĐVHC": "code", "Ngày": "date"}``;
        map several headers to ``"id"`` to join them with ``/``). Roles:
        ``id``, ``code``, ``name``, ``parent``, ``date``, ``value``,
        ``target``, ``deadline``, ``indicator``, ``direction``. Headers not
        mentioned take their role from the built-in Vietnamese and English
        vocabulary (``Mã xã``, ``Tên xã``, ``Ngày``, ``Giá trị``, ``Số tài
        khoản ...``, ``Chỉ tiêu``, ``Hạn hoàn thành``, ``date``, ``value``,
        ``target``, ``deadline`` ...); other columns (``STT``, notes) are
        ignored.
    indicator : Indicator or str, optional
        What every row measures. With an :class:`~de_an06.Indicator`, its
        direction is used and its unit's rules are checked (a count of
        people written ``4,5`` is refused); a code only labels the series.
    level : Level or str, optional
        Level of the jurisdictions, when the code header does not say it
        (``Mã xã`` says commune).
    number_format : {"auto", "vi", "international", "plain"}
        ``"auto"`` decides per column from the whole column (see below).
    date_order : {"auto", "iso"}
        ``"auto"``: ISO ``YYYY-MM-DD``, or day first (``5/1/2025`` is 5
        January), never month first; ``"iso"``: ISO only.
    delimiter : str, optional
        One character; by default the one of ``;``, ``,``, tab, ``|`` with
        which a header row is found.
    sheet : str or int, optional
        The sheet of a workbook (default: the first); given for a file not
        named ``.xlsx``, the file is read as a workbook.
    collect_errors : bool
        False (default): the first bad cell raises. True: rows with a bad
        cell are left out and their errors kept in ``table.info.errors``.
    names : {"raise", "first", "last"}
        A series named differently on two rows (its name or parent cell,
        compared stripped and NFC-normalised; empty cells say nothing):
        ``"raise"`` (default) refuses the file, naming both cells;
        ``"first"`` or ``"last"`` keeps the series' first or last one (a
        commune renamed during the year). Its indicator, direction and code
        cells must agree whatever `names` says.

    Returns
    -------
    de_an06.batch.ReadingTable
        Sorted by series id then date. The series id is the jurisdiction
        code (or the ``id`` columns joined with ``/``).

    Raises
    ------
    ParseError
        ``file:line: column 'Ngày': ...`` for a bad cell. Also: no header
        row in the first 30 lines (the message lists the headers found and
        the roles no column plays, and how to map them), a row with more
        filled cells than headers, an empty series id (a merged cell: fill
        it down), a series given two targets or deadlines (naming both
        lines), or two names, parents, indicators, directions or codes
        (naming both cells and lines; see `names`), two readings of a
        series on one date, a number column mixing ``1.234,5`` with
        ``1,234.5`` or one that cannot be decided.

    Notes
    -----
    What each cell may hold:

    * numbers: ``number_format="auto"`` reads ``2,5`` and ``1.234,5`` as
      vi, ``2.5`` and ``1,234.5`` as international; a column holding only
      ``1.500``-like cells takes the format other columns proved, else vi in
      a ``;``-separated file (spreadsheet programs separate with ``;``
      exactly where decimals take a comma), else it is refused;
    * empty, ``-``, ``#N/A``, ``N/A``: no value. A row without a value is
      no reading (dropped); a row without a target or deadline leaves them
      to the series' other rows;
    * dates as Excel serial numbers (``45658``) are refused in a CSV file;
      an ``.xlsx`` date cell is read as its date;
    * rows entirely blank, and trailing empty columns, are ignored.

    Speed: a CSV file is read whole columns at a time from its bytes (about
    the speed of ``pandas.read_csv``) unless it holds something only the
    row-by-row reader handles (quoted cells, rows of other widths, padded,
    missing or bad cells...), which then reads it, with the same results and
    errors.

    See Also
    --------
    de_an06.batch.forecasts : Forecasts every series, with the table's targets.
    de_an06.batch.ForecastTable.at_risk : Who will miss the deadline.
    read_csv_columns : The library's own long CSV layout, read fast.

    Examples
    --------
    >>> from de_an06 import batch, datasets, io
    >>> table = io.read_table(datasets.example_file())
    >>> table.ids.tolist()[:3], table.info.targets[:3].tolist()
    (['26734', '26737', '26740'], [2450.0, 1900.0, 3600.0])
    >>> batch.forecasts(table).at_risk(2).ids.tolist()
    ['26743', '26749']

    A file whose headers the vocabulary does not know says what to map:

    >>> import io as stdio
    >>> io.read_table(stdio.StringIO("Đơn vị;Thời gian;Số\n1;2/1/2025;5\n"))
    Traceback (most recent call last):
    ...
    de_an06.errors.ParseError: <table>:1: no column for 'code', 'date', 'value' among ...

    A commune named two ways is refused, unless `names` says which name to keep:

    >>> renamed = "Mã xã;Tên xã;Ngày;Giá trị\n1;Phường A;5/1/2025;4\n1;Phường B;12/1/2025;6\n"
    >>> io.read_table(stdio.StringIO(renamed))
    Traceback (most recent call last):
    ...
    de_an06.errors.ParseError: <table>:3: column 'Tên xã': series '1' is described ... line 2 (name
    'Phường A'); this row has 'Phường B' (names='first' or names='last' keeps one of them)
    >>> io.read_table(stdio.StringIO(renamed), names="first").info.names.tolist()
    ['Phường A']
    """
    given: object = number_format  # the annotation is not enforced
    if not isinstance(given, str) or (given != "auto" and given not in NUMBER_FORMATS):
        raise v.fail("read_table", "number_format", f"must be 'auto' or one of {NUMBER_FORMATS}",
                     number_format)
    if names not in NAMES:
        raise v.fail("read_table", "names", f"must be one of {NAMES}", names)
    if date_order not in _DATE_ORDERS:
        raise v.fail("read_table", "date_order", f"must be one of {_DATE_ORDERS}", date_order)
    sep: object = delimiter
    if sep is not None and (not isinstance(sep, str) or len(sep) != 1):
        raise v.fail("read_table", "delimiter", "must be one character", delimiter)
    if columns is not None and not isinstance(columns, Mapping):
        raise v.fail("read_table", "columns", "must map headers to roles", columns)
    indicator_code, indicator_obj = _check_indicator(indicator)
    try:
        fixed_level = None if level is None else Level(str(getattr(level, "value", level)))
    except ValueError:
        raise v.fail("read_table", "level", f"must be one of {[lv.value for lv in Level]}",
                     level) from None
    file = str(source) if isinstance(source, (str, os.PathLike)) else getattr(
        source, "name", "<table>")
    read = _fast_csv.read(source, file, delimiter=delimiter, sheet=sheet, columns=columns,
                          number_format=number_format, date_order=date_order)
    if read is None:
        read = _read_rows(_sheet_rows.open_rows(source, file, delimiter, sheet, columns), file,
                          number_format=number_format, date_order=date_order,
                          collect=collect_errors)
    return _build(read, file, indicator_code, indicator_obj, fixed_level, names_option=names)


def _read_rows(rows: Rows, file: str, *, number_format: str, date_order: str,
               collect: bool) -> ReadColumns:
    """The columns of a file read row by row: every cell checked, every error where it is."""
    acc = _Columns(rows, file, collect)
    # The rows of a chunk die young; the collector would scan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for chunk, lines in rows.chunks:
            _read_chunk(acc, chunk, lines, date_order)
    except UnicodeDecodeError as error:
        raise _sheet_rows.not_utf8(error, file) from None
    finally:
        if collecting:
            gc.enable()
        rows.close()
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
    deadlines = None
    if acc.deadlines:
        deadlines = np.concatenate(acc.deadlines)[keep].astype(np.float64)
        deadlines[~np.concatenate(acc.has_deadline)[keep]] = np.nan
    return ReadColumns(
        m, acc.index, acc.texts, codes=np.concatenate(acc.codes)[keep],
        days=np.concatenate(acc.days)[keep], lines=np.concatenate(acc.lines)[keep],
        values=values[keep], targets=None if targets is None else targets[keep],
        deadlines=deadlines, errors=acc.errors)


def _build(read: ReadColumns, file: str, indicator_code: str,  # noqa: C901, PLR0915 - one step after another
           indicator_obj: Indicator | None, fixed_level: Level | None, *,
           names_option: str) -> ReadingTable:
    """The table of the columns read, sorted and checked series by series."""
    m = read.headers
    codes, days, lines, values = read.codes, read.days, read.lines, read.values
    value_header = "the date columns" if m.wide else m.header("value")
    if indicator_obj is not None:
        from de_an06.model.rules import first_bad_value

        bad_value = first_bad_value(indicator_obj.unit, values)
        if bad_value is not None:
            raise ParseError(f"{bad_value[1]} (got {values[bad_value[0]]!r})", file=file,
                             line=int(lines[bad_value[0]]), column=value_header)
    names = np.array(list(read.index), dtype=str)
    first = read.texts.chosen(names_option, names.tolist(), m, file)
    order = np.argsort(names, kind="stable")
    rank = np.empty(names.shape[0], dtype=np.int64)
    rank[order] = np.arange(names.shape[0], dtype=np.int64)
    ids = rank[codes]
    sort = np.lexsort((days, ids))
    ids, days, lines, values = ids[sort], days[sort], lines[sort], values[sort]
    same = (ids[1:] == ids[:-1]) & (days[1:] == days[:-1])
    if same.any():
        at = int(np.flatnonzero(same)[0])
        series = str(names[order][ids[at]])
        raise ParseError(f"repeats the reading of series {series!r} on the same date as line "
                         f"{int(lines[at])}", file=file, line=int(lines[at + 1]),
                         column=m.header("date") if "date" in m.roles else None)
    count = names.shape[0]
    present = np.zeros(count, dtype=bool)
    present[ids] = True
    per_series_target = np.full(count, np.nan)
    if read.targets is not None:
        per_series_target = _sheet_cells.agree(
            read.targets[sort], ids, lines, count=count, what="target",
            header=m.header("target"), file=file)
    deadlines = np.full(count, np.datetime64("NaT"), dtype="datetime64[D]")
    if read.deadlines is not None:
        agreed = _sheet_cells.agree(read.deadlines[sort], ids, lines, count=count,
                                    what="deadline", header=m.header("deadline"), file=file)
        ok = ~np.isnan(agreed)
        deadlines[ok] = agreed[ok].astype(np.int64).astype("datetime64[D]")
    sorted_names = names[order]
    lower = np.zeros(count, dtype=bool)
    if indicator_obj is not None:
        lower[:] = indicator_obj.direction is Direction.LOWER_IS_BETTER
    for code, text in enumerate(first["direction"]):
        if text is not None:
            lower[rank[code]] = DIRECTIONS[text.casefold()]
    if not present.all():  # every reading of some series was left out
        keep_series = np.flatnonzero(present)
        remap = np.full(count, -1, dtype=np.int64)
        remap[keep_series] = np.arange(keep_series.shape[0])
        ids = remap[ids]
        sorted_names, per_series_target = sorted_names[keep_series], per_series_target[keep_series]
        deadlines, lower = deadlines[keep_series], lower[keep_series]
        rank = remap[rank]
    if ids.shape[0] == 0:
        raise ParseError(f"has no reading left: {len(read.errors)} cells could not be read "
                         f"(first: {read.errors[0]})", file=file)
    table = ReadingTable.from_arrays(ids, days, values, lower_is_better=lower)
    info = series_info(first, sorted_names, rank, targets=per_series_target,
                       deadlines=deadlines, indicator=indicator_code,
                       level=fixed_level or m.level, file=file, has_id="id" in m.roles,
                       errors=read.errors)
    return attrs.evolve(table, ids=readonly(sorted_names)).with_info(info)
