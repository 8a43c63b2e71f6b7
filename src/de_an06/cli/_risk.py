"""``de-an06 forecast FILE --at-risk N``: the series that will miss their deadline."""

from __future__ import annotations

from typing import Any

from de_an06 import batch, io
from de_an06._present import MISSING, number
from de_an06.cli import _render
from de_an06.model.rules import printed_decimals

__all__ = ["at_risk_data", "at_risk_markdown", "at_risk_text"]

_HEADERS = ("id", "name", "latest", "target", "deadline", "reach date", "days late",
            "needed/day", "pace/day")


def at_risk_data(path: str, n: int) -> dict[str, Any]:
    """The at-risk list of the spreadsheet `path`, as the JSON output holds it."""
    table = io.read_table(path)
    f = batch.forecasts(table)
    risk = f.at_risk(n)
    return {"format": "de_an06-at-risk", "version": 1, "file": path,
            "series": len(f), "late": int((f.days_late > 0).sum()),
            "at_risk": [_whole_figures(row) for row in risk.records()]}


def _whole_figures(row: dict[str, Any]) -> dict[str, Any]:
    """`row` with its whole figures as ints: ``990`` accounts and ``600`` days, never ``990.0``.

    A spreadsheet's table keeps every value as a float; a whole one was
    written without decimals (the JSON writer's rule), and days late are whole days.
    """
    return {key: int(value) if key in _FIGURES and isinstance(value, float)
            and value.is_integer() else value for key, value in row.items()}


_FIGURES = frozenset({"latest", "target", "days_late"})


def _cells(row: dict[str, Any]) -> list[str]:
    def num(value: object) -> str:
        """A figure at its own decimals (latest, target and days late are always there)."""
        if value == "never":
            return "never"
        figure = float(value)  # type: ignore[arg-type]
        return number(figure, printed_decimals(figure), fixed=True)

    return [str(row["id"]), row["name"], num(row["latest"]), num(row["target"]),
            row["deadline"] or MISSING, row["reach_date"] or "never", num(row["days_late"]),
            _render.pace_cell(row["required_pace"]), _render.pace_cell(row["current_pace"])]


def at_risk_text(data: dict[str, Any]) -> str:
    """The list as an aligned table for a terminal."""
    rows = [_cells(r) for r in data["at_risk"]]
    lines = [f"{data['file']}: {data['series']} series, {data['late']} will miss the deadline"]
    if rows:
        lines += _render.table(_HEADERS, rows, "<<>>>>>>>")
    return "\n".join(lines) + "\n"


def at_risk_markdown(data: dict[str, Any]) -> str:
    """The list as a Markdown table."""
    lines = [f"**{data['file']}**: {data['series']} series, {data['late']} will miss the deadline",
             "", "| " + " | ".join(_HEADERS) + " |",
             "|" + "---|" * len(_HEADERS)]
    lines += ["| " + " | ".join(_render.md_cell(c) for c in _cells(r)) + " |"
              for r in data["at_risk"]]
    return "\n".join(lines) + "\n"
