"""Who will miss the deadline, and by how many days: ``ForecastTable.days_late`` and ``at_risk``."""

from __future__ import annotations

import html
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _extras
from de_an06 import _validators as v
from de_an06.batch._arrays import ARRAY_EQ, Array, readonly

__all__ = ["AtRisk", "at_risk", "days_late"]

#: The columns of an at-risk list, in order.
COLUMNS = ("id", "name", "latest", "target", "deadline", "reach_date", "days_late",
           "required_pace", "current_pace")


def days_late(table: Any) -> npt.NDArray[np.float64]:  # noqa: ANN401 - a ForecastTable
    """Reach date minus deadline, in days, per series (see ``ForecastTable.days_late``)."""
    has_deadline = ~np.isnat(table.deadline)
    reaches = ~np.isnat(table.reach_date)
    late = np.full(len(table), np.nan)
    both = has_deadline & reaches & ~table.achieved
    late[both] = (table.reach_date[both] - table.deadline[both]).astype(np.float64)
    never = has_deadline & ~reaches & ~table.achieved & table.trends.valid
    late[never] = np.inf
    return readonly(late)


@attrs.frozen(repr=False)
class AtRisk:
    """The series that will miss their deadline by the most days (see ``ForecastTable.at_risk``).

    Parameters
    ----------
    rows : numpy.ndarray
        Rows of the forecast table, worst first.
    ids, names : numpy.ndarray
        Series id and name (``""`` when the table has no names).
    latest, target, required_pace, current_pace : numpy.ndarray
        As in the forecast table (paces per calendar day).
    deadline, reach_date : numpy.ndarray
        ``datetime64[D]`` (``NaT``: the trend never reaches the target).
    days_late : numpy.ndarray
        Days past the deadline (``inf``: never).
    """

    rows: npt.NDArray[np.intp] = attrs.field(eq=ARRAY_EQ)
    ids: Array = attrs.field(eq=ARRAY_EQ)
    names: Array = attrs.field(eq=ARRAY_EQ)
    latest: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ)
    target: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ)
    deadline: Array = attrs.field(eq=ARRAY_EQ)
    reach_date: Array = attrs.field(eq=ARRAY_EQ)
    days_late: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ)
    required_pace: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ)
    current_pace: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ)

    def __len__(self) -> int:
        return int(self.rows.shape[0])

    def __repr__(self) -> str:
        return f"AtRisk(series={len(self)}, ids={self.ids.tolist()!r})"

    def records(self) -> list[dict[str, Any]]:
        """One dict per series, worst first, of plain Python values (dates as ISO text)."""
        out = []
        for at in range(len(self)):
            row: dict[str, Any] = {}
            for name in COLUMNS:
                value = getattr(self, "ids" if name == "id" else "names" if name == "name"
                                else name)[at]
                if isinstance(value, np.datetime64):
                    row[name] = None if np.isnat(value) else str(value)
                elif isinstance(value, np.floating):
                    row[name] = None if np.isnan(value) else (
                        "never" if np.isinf(value) else float(value))
                else:
                    row[name] = value.item()
            out.append(row)
        return out

    def to_pandas(self) -> Any:  # noqa: ANN401 - pandas is optional
        """The list as a ``pandas.DataFrame`` indexed by id, worst first (needs pandas)."""
        _extras.require("pandas", "AtRisk.to_pandas")
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        data = {"name": self.names}
        data.update({name: getattr(self, name) for name in COLUMNS[2:]})
        return pd.DataFrame(data, index=pd.Index(self.ids, name="id"))

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{name}</th>" for name in COLUMNS)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(value))}</td>"
                                        for value in row.values()) + "</tr>"
                       for row in self.records())
        return (f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
                f"<p>{len(self)} series at risk</p>")


def at_risk(table: Any, n: int) -> AtRisk:  # noqa: ANN401 - a ForecastTable
    """The `n` series of `table` late by the most days, ties broken by ascending id."""
    count: object = n
    if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or count < 0:
        raise v.fail("ForecastTable.at_risk", "n", "must be a whole number >= 0", n)
    late = table.days_late
    rows = np.flatnonzero(late > 0)
    # Sort by days late descending, then id ascending: lexsort's last key is the primary.
    order = np.lexsort((table.ids[rows], -late[rows]))
    chosen = rows[order][: int(n)]
    info = table.info
    names = (info.names[chosen] if info is not None
             else np.full(chosen.shape[0], "", dtype=str))
    return AtRisk(readonly(chosen), table.ids[chosen], readonly(np.asarray(names)),
                  table.latest[chosen], table.target[chosen], table.deadline[chosen],
                  table.reach_date[chosen], readonly(late[chosen]),
                  table.required_pace[chosen], table.current_pace[chosen])
