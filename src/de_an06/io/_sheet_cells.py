"""Whole columns of a spreadsheet: numbers whose format is decided per column, dates, codes.

The column layer of :func:`de_an06.io.read_table`, on top of
:mod:`de_an06.io.cells` (THE cell grammar: :data:`~de_an06.io.cells.NUMBER_BODY`,
:func:`~de_an06.io.cells.read_number`, :func:`~de_an06.io.cells.read_date`).
A column is read a chunk of rows at a time; a bad cell becomes a
:class:`Bad` (row index and message), never a guess.

Deciding the number format of a column (``number_format="auto"``)
-----------------------------------------------------------------
Each cell is *vi* only (``2,5``, ``1.234,5``), *international* only
(``2.5``, ``1,234.5``), *ambiguous* (``1.500``: 1500 in vi, 1.5 in
international; ``1,500``) or *neutral* (``1500``). A column with vi-only and
international-only cells is refused (mixed), naming one of each. Otherwise
its own evidence decides; a column of ambiguous cells takes the format the
other columns of the file proved, else vi when the file is separated by
``;`` (spreadsheet programs use ``;`` exactly in locales that write decimals
with a comma), else it is refused, naming the line and value.

Examples
--------
>>> e = Evidence("value")
>>> _ = e.see(["1.500", "2,5"], [4, 5])
>>> e.decide(None, ";")
'vi'
>>> e = Evidence("value")
>>> _ = e.see(["1.500", "2.5"], [4, 5])
>>> _ = e.see(["2,5"], [6])
>>> e.decide(None, ";")
Traceback (most recent call last):
...
de_an06.io._sheet_cells.Mixed: mixes numbers written the vi way (line 6: '2,5') and the ...
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from de_an06 import _days
from de_an06.errors import ParseError
from de_an06.io import cells
from de_an06.io.cells import NUMBER_BODY, CellError

__all__ = ["MISSING", "Bad", "Evidence", "Mixed", "NumberChunk", "agree", "decide_formats",
           "read_dates", "read_numbers"]

#: Cells meaning "no value": empty, a dash, or a spreadsheet's not-available mark.
MISSING: Final = frozenset({"", "-", "–", "—", "#N/A", "N/A", "n/a", "NA"})
_VI: Final = re.compile(NUMBER_BODY["vi"])
_INTL: Final = re.compile(NUMBER_BODY["international"])
_TWO_DOTS: Final = re.compile(r"\.[0-9]{3}\.")
_SERIAL: Final = re.compile(r"[0-9]{4,5}(?:\.[0-9]+)?")
_ISO_ONLY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Bad = tuple[int, str]  # row index in the chunk, message


class Mixed(Exception):  # noqa: N818 - an outcome, turned into a ParseError by the reader
    """A column whose number format cannot be decided; the message says why."""


def _kind(cell: str) -> str | None:
    """"vi", "international", "ambiguous", "neutral", or None for a non-number."""
    vi = _VI.fullmatch(cell) is not None
    intl = _INTL.fullmatch(cell) is not None
    if vi and intl:
        return "ambiguous" if ("." in cell or "," in cell) else "neutral"
    if vi:
        return "vi"
    return "international" if intl else None


class Evidence:
    """What the cells of one number column say of its format (see the module)."""

    def __init__(self, column: str) -> None:
        self.column = column
        self.first: dict[str, tuple[int, str]] = {}

    def see(self, cells_: Sequence[str], lines: Sequence[int] | npt.NDArray[np.int64],
            joined: str | None = None) -> NumberChunk:
        """Look at a chunk of cells (missing ones included) and their lines.

        `joined` is the cells joined with newlines, when the caller has it.
        """
        chunk = NumberChunk(cells_, joined)
        if "." not in chunk.joined and "," not in chunk.joined:
            return chunk
        if "," not in chunk.joined and chunk.fits("vi"):
            # Only dots, each before three digits: international unless a cell has two.
            chunk.matches["international"] = _TWO_DOTS.search(chunk.joined) is None
        needed = {"ambiguous"}
        if not (chunk.fits("vi") and chunk.fits("international")):
            needed |= ({"vi"} if chunk.fits("vi") else {"international"}
                       if chunk.fits("international") else {"vi", "international"})
        needed.difference_update(self.first)
        for at, cell in enumerate(cells_):
            if not needed:
                break
            kind = _kind(cell)
            if kind in needed:
                self.first[kind] = (int(lines[at]), cell)
                needed.discard(kind)
        return chunk

    def own(self) -> str | None:
        """The format the column proves by itself, None if it proves none.

        Raises
        ------
        Mixed
            When it has cells of both formats.
        """
        if "vi" in self.first and "international" in self.first:
            (vl, vc), (il, ic) = self.first["vi"], self.first["international"]
            raise Mixed(f"mixes numbers written the vi way (line {vl}: {vc!r}) and the "
                        f"international way (line {il}: {ic!r}); pass number_format=")
        for kind in ("vi", "international"):
            if kind in self.first:
                return kind
        return None

    def decide(self, file_format: str | None, delimiter: str) -> str:
        """The format of the column, given what the other columns proved (see the module).

        Raises
        ------
        Mixed
            When the column mixes formats, or is ambiguous with nothing to decide it.
        """
        own = self.own()
        if own is not None:
            return own
        if "ambiguous" not in self.first:
            return "plain"
        if file_format is not None:
            return file_format
        if delimiter == ";":
            return "vi"
        line, cell = self.first["ambiguous"]
        raise Mixed(f"cannot tell whether {cell!r} (line {line}) is written the vi way "
                    f"({cell.replace('.', '').replace(',', '.')}) or the international way; "
                    f"pass number_format='vi' or 'international'")


def decide_formats(evidence: Mapping[str, Evidence], headers: Mapping[str, str], *,
                   typed: Collection[str], delimiter: str, file: str) -> dict[str, str]:
    """The number format of each number column of a file (``number_format="auto"``).

    `evidence` holds what each column's cells showed, `headers` how a message
    names each column (``"'Giá trị'"``, ``"the date columns"``); a column in
    `typed` holds a workbook's typed numbers (plain). A column's own evidence
    decides it; a column of ambiguous cells takes the one format the other
    columns proved, else the rule of :meth:`Evidence.decide`.

    Raises
    ------
    ParseError
        For a column that mixes the formats or cannot be decided.
    """
    own: dict[str, str | None] = {}
    for role, seen in evidence.items():
        try:
            own[role] = seen.own()
        except Mixed as error:  # noqa: PERF203 - one column each
            raise ParseError(f"column {headers[role]} {error}", file=file) from None
    proved = {f for f in own.values() if f is not None}
    file_format = proved.pop() if len(proved) == 1 else None
    out = {}
    for role in own:
        if role in typed:
            out[role] = "plain"
            continue
        try:
            out[role] = evidence[role].decide(file_format, delimiter)
        except Mixed as error:
            raise ParseError(f"column {headers[role]}: {error}", file=file) from None
    return out


class NumberChunk:
    """A chunk of a number column, kept compact: its present cells joined with newlines."""

    __slots__ = ("count", "joined", "matches", "present")

    def __init__(self, cells_: Sequence[str], joined: str | None = None) -> None:
        self.count = len(cells_)
        self.present: npt.NDArray[np.bool_] | None = None
        if joined is None or not MISSING.isdisjoint(cells_):
            mask = [c not in MISSING for c in cells_]
            if not all(mask):
                self.present = np.array(mask, dtype=bool)
                cells_ = [c for c, p in zip(cells_, mask, strict=True) if p]
            joined = "\n".join(cells_)
        self.joined = joined
        self.matches: dict[str, bool] = {}

    def fits(self, number_format: str) -> bool:
        """Whether every present cell is a number in `number_format` (remembered)."""
        found = self.matches.get(number_format)
        if found is None:
            found = self.matches[number_format] = (
                not self.joined or cells.NUMBER_COLUMN[number_format].fullmatch(self.joined)
                is not None)
        return found

    def cells(self) -> list[str]:
        """The cells again (a missing one as ``""``)."""
        present = self.joined.split("\n") if self.joined else []
        if self.present is None:
            return present
        out = [""] * self.count
        for at, cell in zip(np.flatnonzero(self.present).tolist(), present, strict=True):
            out[at] = cell
        return out


def read_numbers(chunk: NumberChunk, number_format: str, *,
                 optional: bool) -> tuple[npt.NDArray[np.float64], list[Bad]]:
    """A chunk of number cells as float64 (NaN for a missing cell), and the bad cells.

    A missing cell (:data:`MISSING`) is an error unless `optional`.
    """
    if (chunk.present is None or optional) and chunk.fits(number_format):
        text = chunk.joined
        if number_format == "vi":
            text = text.replace(".", "").replace(",", ".")
        elif number_format == "international":
            text = text.replace(",", "")
        values = (np.fromstring(text, dtype=np.float64, sep="\n") if text
                  else np.zeros(0))
        expected = chunk.count if chunk.present is None else int(chunk.present.sum())
        if values.shape[0] == expected and np.isfinite(values).all():
            if chunk.present is None:
                return values, []
            out = np.full(chunk.count, np.nan)
            out[chunk.present] = values
            return out, []
    return _careful_numbers(chunk.cells(), number_format, optional=optional)


def _careful_numbers(cells_: Sequence[str], number_format: str, *,
                     optional: bool) -> tuple[npt.NDArray[np.float64], list[Bad]]:
    out = np.full(len(cells_), np.nan)
    bad: list[Bad] = []
    for at, cell in enumerate(cells_):
        if cell in MISSING:
            if not optional:
                bad.append((at, "no value (an empty cell, '-' or '#N/A')"))
            continue
        try:
            out[at] = cells.read_number(cell, number_format)
        except CellError as error:
            bad.append((at, str(error)))
    return out, bad


def read_dates(cells_: Sequence[str], cache: dict[str, int | str], date_order: str, *,
               optional: bool) -> tuple[npt.NDArray[np.int64], list[Bad]]:
    """A chunk of date cells as day numbers (0 for a missing optional cell), and the bad cells.

    `cache` maps a cell already read to its day number or its error message.
    """
    read: Callable[[str], int | str] = (_iso_day if date_order == "iso" else _day_first)
    for cell in set(cells_).difference(cache):
        cache[cell] = read(cell)
    found = list(map(cache.__getitem__, cells_))
    try:
        return np.array(found, dtype=np.int64), []
    except (TypeError, ValueError):
        pass
    out = np.zeros(len(cells_), dtype=np.int64)
    bad: list[Bad] = []
    for at, (cell, day) in enumerate(zip(cells_, found, strict=True)):
        if isinstance(day, int):
            out[at] = day
        elif not (optional and cell in MISSING):
            bad.append((at, day))
    return out, bad


def _day_first(cell: str) -> int | str:
    if cell in MISSING:
        return f"no date ({cell!r})"
    try:
        return _days.day_number(cells.read_date(cell, "vi"))
    except CellError as error:
        message = str(error).replace("expected YYYY-MM-DD", "expected YYYY-MM-DD or D/M/YYYY")
        if _SERIAL.fullmatch(cell):
            message += ("; it looks like a spreadsheet's serial day number: format the "
                        "column as dates before exporting")
        return message


def _iso_day(cell: str) -> int | str:
    if _ISO_ONLY.fullmatch(cell):
        return _day_first(cell)
    if cell in MISSING:
        return f"no date ({cell!r})"
    return f"cannot read {cell!r} as a date (date_order='iso' expects YYYY-MM-DD)"


def agree(per_row: npt.NDArray[np.float64], ids: npt.NDArray[np.int64],
          lines: npt.NDArray[np.int64], *, count: int, what: str, header: str,
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
