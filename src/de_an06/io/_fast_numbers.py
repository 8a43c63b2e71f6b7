r"""Number cells of the fast CSV path, checked and converted a whole column at once.

A column of cells is a matrix of bytes (row ``j`` holds byte ``j`` of every
cell, zero beyond a cell's end: :meth:`de_an06.io._fast_csv._Cells.matrix`).
:func:`accepted` is the grammar of :data:`de_an06.parsing.grammar.NUMBER_PATTERNS`
read over that matrix (``tests/test_fast_csv.py`` holds it to the grammar's
own pattern on every short string of digits, marks and signs); :func:`values`
turns accepted cells into the doubles the careful reader's
:func:`numpy.fromstring` gives. A cell of at most :data:`DIGITS` digits is
``m / 10**k``: its digits make the whole number ``m``, ``k`` of them after the
decimal mark; ``m`` and ``10**k`` are exact doubles, so the one rounding of the
division gives the double nearest the decimal, as :func:`numpy.fromstring`
does. Longer numbers, and exponents, go through :func:`numpy.fromstring`.

Examples
--------
>>> cells = [b"1.234,5", b"-7", b"0,25"]
>>> matrix = np.zeros((7, 3), dtype=np.uint8)
>>> for at, cell in enumerate(cells):
...     matrix[:len(cell), at] = np.frombuffer(cell, dtype=np.uint8)
>>> length = np.array([len(c) for c in cells])
>>> accepted(matrix, length, "vi").tolist(), accepted(matrix, length, "international").tolist()
([True, True, True], [False, True, False])
>>> values(matrix, length, "vi", exponent=False).tolist()
[1234.5, -7.0, 0.25]
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

from de_an06.parsing import grammar

__all__ = ["DIGITS", "TooLarge", "accepted", "joined", "values"]

#: Each format's decimal mark (the grammar's); ``"plain"`` writes decimals after a point.
_DECIMAL: Final = {"vi": ord(grammar.MARKS["vi"][1]),
                   "international": ord(grammar.MARKS["international"][1]),
                   "plain": ord(".")}
#: Each grouped format's grouping mark (the grammar's).
_GROUPING: Final = {name: marks[0].encode() for name, marks in grammar.MARKS.items()}
_GROUP: Final = 3  # digits in a group of thousands
#: Digits of a number converted by arithmetic: 10**15 < 2**53, so exactly.
DIGITS: Final = 15
_POWERS: Final = np.array([10.0 ** k for k in range(DIGITS + 1)])


class TooLarge(Exception):  # noqa: N818 - a signal, not an error
    """A number beyond the range of a float: the careful reader names it."""


def joined(matrix: npt.NDArray[np.uint8], length: npt.NDArray[np.int64]) -> bytes:
    r"""The cells of a matrix (see :meth:`_Cells.matrix`) joined with ``"\n"``."""
    count = length.shape[0]
    wide = np.zeros((count, matrix.shape[0] + 1), dtype=np.uint8)
    wide[:, :-1] = matrix.T
    wide[np.arange(count), length] = ord("\n")
    return wide[np.arange(wide.shape[1]) <= length[:, None]].tobytes()[:-1]


def accepted(matrix: npt.NDArray[np.uint8], length: npt.NDArray[np.int64],
             number_format: str) -> npt.NDArray[np.bool_]:
    """Which cells are numbers of `number_format` without exponent, checked all at once.

    The grammar's pattern (:data:`~de_an06.parsing.grammar.NUMBER_PATTERNS`)
    read a character position at a time over a matrix of cells (see
    :meth:`_Cells.matrix`), with the format's marks (:data:`_DECIMAL`,
    :data:`_GROUPING`, from :data:`~de_an06.parsing.grammar.MARKS`): an
    optional ``-``; an integer part of digits, or of groups of three digits
    after a first group of one to three; an optional decimal mark followed by
    digits. ``tests/test_fast_csv.py`` checks it against the pattern itself
    on every short string of digits, marks and signs.
    """
    width, count = matrix.shape
    if width == 0 or count == 0:  # no cells, or only empty ones
        return np.zeros(count, dtype=bool)
    position = np.arange(width)[:, None]
    negative = matrix[0] == ord("-")
    body = negative.astype(np.int64)
    digit = (matrix >= ord("0")) & (matrix <= ord("9"))
    decimal = matrix == _DECIMAL[number_format]
    group = (matrix == _GROUPING[number_format][0] if number_format in _GROUPING
             else np.zeros_like(digit))
    other = (position < length) & ~(digit | decimal | group | ((position == 0) & negative))
    marks = decimal.sum(axis=0)
    end = np.where(marks > 0, decimal.argmax(axis=0), length)  # the end of the integer part
    ok = ~other.any(axis=0) & (marks <= 1) & (end > body) & ((marks == 0) | (length > end + 1))
    groups = group.sum(axis=0)
    if groups.any():
        misplaced = group & ((position >= end) | ((end - position) % 4 != 0))
        lead = group.argmax(axis=0) - body
        ok &= ~misplaced.any(axis=0) & ((groups == 0) | (
            (lead + body == end - 4 * groups) & (lead >= 1) & (lead <= _GROUP)))
    return ok  # type: ignore[no-any-return]


def values(matrix: npt.NDArray[np.uint8], length: npt.NDArray[np.int64], number_format: str,
            *, exponent: bool) -> npt.NDArray[np.float64]:
    """Numbers of `number_format` (every cell matched its grammar) as the nearest doubles."""
    digit = (matrix >= ord("0")) & (matrix <= ord("9"))
    if length.shape[0] == 0:
        return np.zeros(0)
    if exponent or int(digit.sum(axis=0).max()) > DIGITS:
        text = joined(matrix, length)
        if number_format in _GROUPING:
            text = text.replace(_GROUPING[number_format], b"").replace(b",", b".")
        read = np.fromstring(text, dtype=np.float64, sep="\n")
        if not np.isfinite(read).all():
            raise TooLarge
        return read
    whole = np.zeros(length.shape[0], dtype=np.int64)
    decimals = np.zeros(length.shape[0], dtype=np.int64)
    after = np.zeros(length.shape[0], dtype=bool)
    mark = _DECIMAL[number_format]
    for at in range(matrix.shape[0]):
        row, is_digit = matrix[at], digit[at]
        after |= row == mark
        whole = np.where(is_digit, whole * 10 + row.astype(np.int64) - ord("0"), whole)
        decimals += is_digit & after
    out = whole.astype(np.float64) / _POWERS[decimals]
    return np.where(matrix[0] == ord("-"), -out, out)  # type: ignore[no-any-return]
