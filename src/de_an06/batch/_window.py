"""The readings of a table in a window (``since=`` / ``last=``), before the kernel runs."""

from __future__ import annotations

import attrs

from de_an06.analysis import rows
from de_an06.batch._arrays import readonly
from de_an06.batch._checks import check_fit
from de_an06.batch.table import ReadingTable


def windowed(owner: str, table: ReadingTable, within: rows.Window) -> ReadingTable:
    """`table` with each series reduced to its readings in `within`.

    The same series, in the same order, each keeping its latest reading
    (:func:`de_an06.analysis.rows.select`, the rule :func:`de_an06.trend`
    applies to one series); `table` itself when the window holds every
    reading. The result has its own kernel fit, checked like the table's
    (an error names `owner`).
    """
    if within.everything:
        return table
    starts, days, values = rows.select(table.starts, table.days, table.values, within)
    part = attrs.evolve(table, starts=readonly(starts), days=readonly(days),
                        values=readonly(values))
    check_fit(owner, "table", part)
    return part
