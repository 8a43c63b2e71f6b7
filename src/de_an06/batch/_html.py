"""How a ReadingTable and a ForecastTable show in a notebook (``_repr_html_``)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import numpy as np

from de_an06.analysis import ProgressStatus

__all__ = ["forecast_table_html", "reading_table_html"]

_SHOWN = 5  # rows shown at the top (and, for forecasts, of the worst)


def _cell(value: object) -> str:
    if isinstance(value, np.datetime64):
        return "" if np.isnat(value) else str(value)
    if isinstance(value, (float, np.floating)):
        return "" if np.isnan(value) else f"{value:,.6g}"
    return html.escape(str(value.item() if isinstance(value, np.generic) else value))


def _grid(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def reading_table_html(table: Any) -> str:  # noqa: ANN401 - a ReadingTable
    """Size, then the first series: id, name, readings, first and last date, latest value."""
    info = table.info
    last = np.append(table.starts[1:], table.n_readings) - 1
    rows = [[table.ids[row], "" if info is None else info.names[row],
             table.sizes[row], table.days[table.starts[row]].astype("datetime64[D]"),
             table.days[last[row]].astype("datetime64[D]"), table.values[last[row]],
             np.nan if info is None else info.targets[row],
             np.datetime64("NaT") if info is None else info.deadlines[row]]
            for row in range(min(_SHOWN, table.n_series))]
    headers = ("id", "name", "readings", "first", "latest date", "latest", "target",
               "deadline")
    return (f"<p><b>ReadingTable</b>: {table.n_series:,} series, {table.n_readings:,} "
            f"readings</p>" + _grid(headers, rows))


def forecast_table_html(table: Any) -> str:  # noqa: ANN401 - a ForecastTable
    """Size and statuses, the first rows, and the worst (most days late)."""
    counts = np.bincount(table.status, minlength=len(ProgressStatus))
    statuses = ", ".join(f"{s.value}: {int(c):,}" for s, c in zip(ProgressStatus, counts,
                                                                  strict=True) if c)
    headers = ("id", "status", "latest", "target", "deadline", "reach date", "days late",
               "required pace", "current pace")

    def row(at: int) -> list[object]:
        return [table.ids[at], ProgressStatus.from_code(int(table.status[at])).value,
                table.latest[at], table.target[at], table.deadline[at], table.reach_date[at],
                table.days_late[at], table.required_pace[at], table.current_pace[at]]

    out = (f"<p><b>ForecastTable</b>: {len(table):,} series ({statuses})</p>"
           + _grid(headers, [row(at) for at in range(min(_SHOWN, len(table)))]))
    worst = table.at_risk(_SHOWN)
    if len(worst):
        out += "<p>Most days late:</p>" + _grid(headers, [row(int(at)) for at in worst.rows])
    return out
