"""Each series' texts in a spreadsheet (name, parent, indicator, direction, code), checked.

Both readers of :func:`~de_an06.io.read_table` -- the careful row-by-row one
and the fast path -- hand :class:`SeriesTexts` the (series, text) pairs of
each block of rows they read, in file order, with the first and last line
each pair is on; empty cells say nothing. Whatever the blocks, the result
is the same: each series' first and last text of each role, and the first
cell disagreeing with the series' first one. Texts are compared as the
library compares text (:func:`de_an06._validators.to_nfc`: composed and
decomposed Vietnamese alike), directions by what they mean.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from operator import ne
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.batch import SeriesInfo
from de_an06.errors import ParseError
from de_an06.io._headers import HeaderMap
from de_an06.io.schema import described_differently
from de_an06.model import Level

__all__ = ["DIRECTIONS", "FIRSTS", "NAMES", "SeriesTexts", "readonly", "series_info"]

#: The per-series texts of a spreadsheet.
FIRSTS: Final = ("name", "parent", "indicator", "direction", "code")
#: What ``read_table(names=...)`` does with a series named differently on two rows.
NAMES: Final = ("raise", "first", "last")
#: The roles ``names=`` settles; any other disagreement is an error.
_NAMED: Final = ("name", "parent")
#: The words of a direction cell (case aside): whether lower is better.
DIRECTIONS: Final = {"higher": False, "lower": True, "cao": False, "thấp": True}

_Seen = dict[int, tuple[str, int]]  # series number -> (text, line)


def _meaning(role: str, text: str) -> object:
    """What a cell says: its NFC text, or for a direction whether lower is better."""
    if role == "direction":
        return DIRECTIONS.get(text.casefold())
    return v.to_nfc(text)


def _later(last: _Seen, pairs: list[tuple[int, int, str, int]]) -> None:
    """`last` moved on to the last cells of `pairs` (first line, series, text, last line)."""
    for _, code, text, end in pairs:
        if text and code in last and end > last[code][1]:
            last[code] = (text, end)


class SeriesTexts:
    """The texts of each series and role seen so far, and the first disagreement of each.

    Series are numbered from 0 (`texts` holds the first text of series
    ``k`` at ``k``, ``None`` while it has none); only series with a second
    spelling have their last text kept.

    Examples
    --------
    >>> texts = SeriesTexts()
    >>> texts.see("name", [0, 0, 1], ["Phường A", "Phường B", "Xã C"], [2, 5, 3], [4, 5, 3])
    >>> texts.texts["name"], texts.lines["name"].tolist()
    (['Phường A', 'Xã C'], [2, 3])
    >>> texts.other["name"], texts.last["name"]
    ({0: ('Phường B', 5)}, {0: ('Phường B', 5)})
    """

    def __init__(self) -> None:
        #: Each series' first text, and its line.
        self.texts: dict[str, list[str | None]] = {role: [] for role in FIRSTS}
        self.lines: dict[str, array[int]] = {role: array("q") for role in FIRSTS}
        #: The last text of each series spelt two ways, and its line.
        self.last: dict[str, _Seen] = {role: {} for role in FIRSTS}
        #: The earliest cell of each series saying something else than its first one.
        self.other: dict[str, _Seen] = {role: {} for role in FIRSTS}
        #: The earliest direction cell that is no direction word.
        self.unread: tuple[str, int] | None = None

    def see(self, role: str, codes: Iterable[int], texts: Iterable[str],
            firsts: Iterable[int], lasts: Iterable[int]) -> None:
        """(Series, text) pairs of a block with their first and last lines (any order, repeats).

        Every line of a block comes after the lines of the blocks seen before.
        """
        kept, at = self.texts[role], self.lines[role]
        last, other = self.last[role], self.other[role]
        pairs = sorted(zip(firsts, codes, texts, lasts, strict=True))
        more = max((code for _, code, _, _ in pairs), default=-1) + 1 - len(kept)
        if more > 0:
            kept.extend([None] * more)
            at.extend([0] * more)
        for line, code, text, _ in pairs:
            if not text:
                continue
            if role == "direction" and text.casefold() not in DIRECTIONS and self.unread is None:
                self.unread = (text, line)  # the earliest: blocks and pairs come in line order
            known = kept[code]
            if known is None:
                kept[code], at[code] = text, line
            elif known != text:
                last.setdefault(code, (known, at[code]))
                if _meaning(role, known) != _meaning(role, text):
                    other.setdefault(code, (text, line))
        if last:
            _later(last, pairs)

    def see_cells(self, role: str, codes: npt.NDArray[np.int64], cells: Sequence[str],
                  lines: npt.NDArray[np.int64]) -> None:
        """Every row's cell of a block: each run of equal (series, cell) rows is seen once."""
        count = len(cells)
        change = np.empty(count, dtype=bool)
        change[0] = True
        change[1:] = np.fromiter(map(ne, cells[1:], cells[:-1]), dtype=bool, count=count - 1)
        change[1:] |= codes[1:] != codes[:-1]
        starts = np.flatnonzero(change)
        ends = np.append(starts[1:], count) - 1
        self.see(role, codes[starts].tolist(), [cells[i] for i in starts.tolist()],
                 lines[starts].tolist(), lines[ends].tolist())

    def chosen(self, names: str, ids: Sequence[str], headers: HeaderMap,
               file: str) -> dict[str, list[str | None]]:
        """Each series' text of each role, as `names` says (see :data:`NAMES`).

        Raises
        ------
        ParseError
            At the first cell (by line, then column) that is no direction
            word, or that disagrees with its series' first cell, unless
            `names` settles it.
        """
        problems: list[tuple[int, int, str]] = []
        if self.unread is not None:
            text, line = self.unread
            problems.append((line, headers.roles["direction"][0],
                             (f"cannot read {text!r} as a direction (expected one of "
                              f"{sorted(DIRECTIONS)})")))
        for role, others in self.other.items():
            if names != "raise" and role in _NAMED:
                continue
            for code, (text, line) in others.items():
                before, at = self.texts[role][code], self.lines[role][code]
                message = described_differently("series", ids[code], f"line {at}", role, before)
                message += f"; this row has {text!r}"
                if role in _NAMED:
                    message += " (names='first' or names='last' keeps one of them)"
                problems.append((line, headers.roles[role][0], message))
        if problems:
            line, column, message = min(problems)
            raise ParseError(message, file=file, line=line, column=headers.headers[column])
        if names == "last":
            for role in _NAMED:
                for code, (text, _) in self.last[role].items():
                    self.texts[role][code] = text
        return self.texts


def readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """`array`, made read-only (a table's arrays are)."""
    array.flags.writeable = False
    return array


def series_info(first: dict[str, list[str | None]], ids: npt.NDArray[Any],
                rank: npt.NDArray[np.int64], *, targets: npt.NDArray[np.float64],
                deadlines: npt.NDArray[Any], indicator: str, level: Level | None, file: str,
                has_id: bool, errors: list[ParseError]) -> SeriesInfo:
    """The table's :class:`~de_an06.batch.SeriesInfo`: series number `k` is row ``rank[k]``."""
    count = ids.shape[0]

    def text(role: str, default: npt.NDArray[Any] | str) -> npt.NDArray[Any]:
        out = np.array(np.broadcast_to(default, (count,)), dtype=object)
        for code, value in enumerate(first[role]):
            if value is not None and rank[code] >= 0:
                out[rank[code]] = value
        return readonly(out.astype(str))

    codes = text("code", ids) if has_id else ids
    return SeriesInfo(
        readonly(np.array(codes, dtype=str)), text("name", ""),
        readonly(np.full(count, "" if level is None else level.value)),
        text("parent", ""), text("indicator", indicator), readonly(targets),
        readonly(deadlines), source=file,
        errors=tuple(sorted(errors, key=lambda e: e.line or 0)))
