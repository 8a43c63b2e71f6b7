"""Options of the command line read as a user means them: file cells, hints, the file's target.

Private to :mod:`de_an06.cli`: the numbers and dates of ``--target``,
``--deadline`` and ``--as-of`` are read by the cell readers of the files
(:mod:`de_an06.io.schema`), an unknown option gets a hint, and ``forecast``
takes the target a file holds when none is given.
"""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Sequence
from typing import Any

from de_an06 import io
from de_an06._present import number
from de_an06.errors import ValidationError
from de_an06.model import Series, Target

__all__ = ["UsageError", "cell", "target", "unknown"]


class UsageError(Exception):
    """A bad argument value found after parsing (exit code 2)."""


def unknown(parser: argparse.ArgumentParser, extras: Sequence[str]) -> str:
    """The message for arguments `parser` does not know, with a hint where one helps.

    ``--json`` (or ``--markdown``, ``--text``) names a value of ``--format``;
    another unknown option close to a known one (``--provice``) gets that one.
    """
    message = f"unrecognized arguments: {' '.join(extras)}"
    formats = next((a.choices for a in parser._actions  # noqa: SLF001 - argparse's own list
                    if "--format" in a.option_strings), None) or ()
    known = [o for a in parser._actions for o in a.option_strings]  # noqa: SLF001
    for extra in extras:
        name = extra.split("=", 1)[0]
        if name.startswith("--") and name[2:] in formats:
            return f"{message} (did you mean --format {name[2:]}?)"
        close = (difflib.get_close_matches(name, known, n=1, cutoff=0.75)
                 if name.startswith("--") else [])
        if close:
            return f"{message} (did you mean {close[0]}?)"
    return message


def cell(option: str, kind: str, column: str, text: str, number_format: str) -> Any:  # noqa: ANN401
    """An option's value, read as the same text in the `column` cell of a `kind` file is.

    The command line and the files share one reader per cell (:mod:`de_an06.io.schema`),
    so ``--number-format vi --target 756.805`` is 756805, as in a file.
    """
    if not isinstance(text, str):  # argparse before 3.12 reads "--target=--" as []
        text = ""
    try:
        value = io.schema.column_named(kind, column).cell.read(text, number_format)
    except io.cells.CellError as error:
        raise UsageError(f"{option}: {error} (--number-format {number_format})") from None
    if value is None:
        raise UsageError(f"{option} must not be empty")
    return value


def target(args: argparse.Namespace, data: io.Dataset, series: Series) -> Target:
    """The target to forecast: ``--target`` and ``--deadline``, or the one FILE holds.

    Both options are read as the same text in a targets file is (:func:`cell`)
    and checked by :class:`~de_an06.Target` as a file's target is (a count is a
    whole number, a percent at most 100). What is not given comes from the
    target FILE holds for the series with a deadline (with ``--deadline``
    given: on that deadline); there must be exactly one.
    """
    fmt = args.number_format
    value = None if args.target is None else cell("--target", "targets", "value",
                                                  args.target, fmt)
    deadline = None if args.deadline is None else cell("--deadline", "targets", "deadline",
                                                       args.deadline, fmt)
    if value is None or deadline is None:
        held = [t for t in data.targets
                if t.indicator.code == series.indicator.code
                and t.jurisdiction.code == series.jurisdiction.code
                and t.deadline is not None and deadline in (None, t.deadline)]
        missing = " and ".join(name for name, given in (("--target", value),
                                                         ("--deadline", deadline))
                               if given is None)
        where = f"{series.indicator.code}@{series.jurisdiction.code}"
        on = "" if deadline is None else f" due {deadline}"
        if not held:
            raise UsageError(f"{missing} required: {args.file} holds no target for {where} "
                              f"with a deadline{on} (or use --at-risk N)")
        if len(held) > 1:
            listed = ", ".join(f"{number(t.value)} by {t.deadline}" for t in held[:6])
            raise UsageError(f"{missing} required: {args.file} holds {len(held)} targets for "
                              f"{where} ({listed}); choose one with --deadline")
        value = held[0].value if value is None else value
        deadline = held[0].deadline if deadline is None else deadline
    try:
        return Target(series.indicator, value, jurisdiction=series.jurisdiction,
                      deadline=deadline)
    except ValidationError as error:
        option = "--deadline" if error.field == "deadline" else "--target"
        raise UsageError(f"{option}: {error}") from None
