"""One row of a batch forecast as a chart: :func:`de_an06.plotting.plot_forecast`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np

from de_an06 import _days, _extras
from de_an06 import _validators as v
from de_an06._present import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from de_an06.batch import ForecastTable, ReadingTable

__all__ = ["plot_forecast"]


def plot_forecast(table: ReadingTable, forecasts: ForecastTable, id: Any,  # noqa: A002, ANN401
                  ax: Axes | None = None) -> Axes:
    """Draw one series of a batch: readings, trend and its band, target, deadline, needed pace.

    Parameters
    ----------
    table : de_an06.batch.ReadingTable
        The readings (from :func:`de_an06.io.read_table`, say).
    forecasts : de_an06.batch.ForecastTable
        ``batch.forecasts(table, ...)``.
    id : str or int
        The series id (``table.ids``).
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes
        Titled with the series' name (when the table has names) and id.

    Raises
    ------
    ValidationError
        For a forecast table of another table, or an id of neither.

    See Also
    --------
    plot_series : The same chart for a :class:`~de_an06.Series`.
    de_an06.batch.ForecastTable.at_risk : Which ids to look at first.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import numpy as np
    >>> from de_an06 import batch, plotting
    >>> table = batch.ReadingTable.from_arrays(ids=np.array(["a"] * 3), days=np.array([0, 7, 14]),
    ...                                        values=np.array([10.0, 17, 24]))
    >>> f = batch.forecasts(table, 100.0, np.datetime64("1970-02-15"))
    >>> ax = plotting.plot_forecast(table, f, "a")
    >>> ax.get_title(), len(ax.lines)
    ('a', 4)
    """
    _extras.require("matplotlib.pyplot", "de_an06.plotting.plot_forecast")
    from de_an06 import plotting
    from de_an06.batch import ForecastTable, ReadingTable

    given: object = table
    if not isinstance(given, ReadingTable):
        raise v.fail("plot_forecast", "table", "must be a ReadingTable", type(table).__name__)
    result: object = forecasts
    if not isinstance(result, ForecastTable) or not np.array_equal(result.ids, table.ids):
        raise v.fail("plot_forecast", "forecasts", "must be the forecasts of `table`",
                     type(forecasts).__name__)
    try:
        row = table.index(id)
    except (KeyError, TypeError, ValueError):
        raise v.fail("plot_forecast", "id", "must be an id of the table", id) from None
    start = int(table.starts[row])
    stop = start + int(table.sizes[row])
    days = table.days[start:stop]
    dates = [_days.date_of(int(d)) for d in days]
    goal = float(forecasts.target[row])
    deadline = _date(forecasts.deadline[row])
    reach = _date(forecasts.reach_date[row])
    end = max(dates[-1], deadline or dates[-1])
    shown = max((end - dates[0]).days, 30)
    if reach is not None and (reach - end).days <= shown:
        end = max(end, reach)
    axes = plotting._axes(ax)  # noqa: SLF001 - same package
    colours = plotting.COLOURS
    axes.scatter(days.astype("datetime64[D]"), table.values[start:stop], s=36, zorder=3,
                 color=colours["reading"], label="reading")
    if forecasts.trends.valid[row]:
        plotting._draw_trend(axes, forecasts.trends.trend(row), dates[0], end)  # noqa: SLF001
    axes.axhline(goal, color=colours["target"], linestyle="--", linewidth=1.2,
                 label=f"target {number(goal)}")
    if deadline is not None:
        axes.axvline(deadline, color=colours["target"], linestyle=":",  # type: ignore[arg-type]
                     linewidth=1.2, label=f"deadline {deadline.isoformat()}")
        pace = float(forecasts.required_pace[row])
        if not np.isnan(pace) and deadline > dates[-1]:
            axes.plot(np.array([dates[-1], deadline], dtype="datetime64[D]"),
                      [float(table.values[stop - 1]), goal], color=colours["target"],
                      linestyle=(0, (4, 3)), linewidth=1, alpha=0.8,
                      label=f"needed: {number(pace)} per day")
    if reach is not None and reach <= end:
        axes.scatter(np.array([reach], dtype="datetime64[D]"), [goal], marker="*", s=160,
                     zorder=4, color=colours["reach"], label=f"projected reach {reach}")
    info = table.info
    name = "" if info is None else str(info.names[row])
    axes.set_title(f"{name} ({id})" if name else str(id))
    axes.grid(visible=True, alpha=0.3)
    axes.legend(loc="best", fontsize="small")
    span = (end - dates[0]).days
    pad = dt.timedelta(days=max(round(span * 0.04), 3) if span else 15)
    axes.set_xlim(dates[0] - pad, end + pad)  # type: ignore[arg-type]
    return axes


def _date(value: np.datetime64) -> dt.date | None:
    day: dt.date | None = None if np.isnat(value) else value.astype("datetime64[D]").item()
    return day
