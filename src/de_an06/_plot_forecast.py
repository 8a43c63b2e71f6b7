"""One row of a batch forecast as a chart: :func:`de_an06.plotting.plot_forecast`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from de_an06 import _days, _extras
from de_an06 import _validators as v
from de_an06._present import (
    DATE_TICKS,
    LANG_NUMBER_FORMATS,
    Lang,
    label,
    number,
    pace_text,
    short_date,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from de_an06.batch import ForecastTable, ReadingTable

__all__ = ["axis_titles", "check_lang", "lang_number", "plot_forecast"]


def check_lang(owner: str, lang: object) -> Lang:
    """`lang` when it is a language of the outputs (``"en"``, ``"vi"``), else ValidationError."""
    if lang not in LANG_NUMBER_FORMATS:
        raise v.fail(owner, "lang", "must be 'en' or 'vi'", lang)
    return lang  # type: ignore[return-value]


def lang_number(value: float, lang: Lang) -> str:
    """`value` as :func:`~de_an06._present.number` writes it in `lang`."""
    return number(value, number_format=LANG_NUMBER_FORMATS[lang])


def axis_titles(ax: Axes, values: str, lang: Lang) -> None:
    """Axis titles, date ticks and grouped numbers in `lang`; grid and legend."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    ax.set_xlabel(label("chart_date", lang=lang))
    ax.set_ylabel(values)
    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ticks = DATE_TICKS[lang]
    formats = {} if ticks is None else dict(zip(("formats", "zero_formats", "offset_formats"),
                                                 ticks, strict=True))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, **formats))  # type: ignore[no-untyped-call]
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: lang_number(x, lang)))
    ax.grid(visible=True, alpha=0.3)
    ax.legend(loc="best", fontsize="small")


def plot_forecast(table: ReadingTable, forecasts: ForecastTable, id: Any,  # noqa: A002, ANN401
                  ax: Axes | None = None, *, lang: Literal["en", "vi"] = "en") -> Axes:
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
    lang : {"en", "vi"}
        Language of the legend and axis titles, of numbers (``1.234,5`` in
        Vietnamese) and dates (``30/06/2025``). Default English.

    Returns
    -------
    matplotlib.axes.Axes
        Titled with the series' name (when the table has names) and id.

    Raises
    ------
    ValidationError
        For a forecast table of another table, an id of neither, or a
        language other than ``"en"`` and ``"vi"``.

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

    In Vietnamese:

    >>> ax = plotting.plot_forecast(table, f, "a", lang="vi")
    >>> [t.get_text() for t in ax.get_legend().get_texts()][3:5], ax.get_xlabel()
    (['mục tiêu 100', 'hạn 15/02/1970'], 'Ngày')
    """
    _extras.require("matplotlib.pyplot", "de_an06.plotting.plot_forecast")
    from de_an06 import plotting
    from de_an06.batch import ForecastTable, ReadingTable

    lang = check_lang("plot_forecast", lang)
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
                 color=colours["reading"], label=label("chart_reading", lang=lang))
    if forecasts.trends.valid[row]:
        plotting._draw_trend(axes, forecasts.trends.trend(row), dates[0], end,  # noqa: SLF001
                             lang)
    axes.axhline(goal, color=colours["target"], linestyle="--", linewidth=1.2,
                 label=label("chart_target", lang=lang, value=lang_number(goal, lang)))
    if deadline is not None:
        axes.axvline(deadline, color=colours["target"], linestyle=":",  # type: ignore[arg-type]
                     linewidth=1.2,
                     label=label("chart_deadline", lang=lang, day=short_date(deadline, lang=lang)))
        pace = float(forecasts.required_pace[row])
        if not np.isnan(pace) and deadline > dates[-1]:
            axes.plot(np.array([dates[-1], deadline], dtype="datetime64[D]"),
                      [float(table.values[stop - 1]), goal], color=colours["target"],
                      linestyle=(0, (4, 3)), linewidth=1, alpha=0.8,
                      label=label("chart_needed", lang=lang, pace=pace_text(pace, lang=lang)))
    if reach is not None and reach <= end:
        axes.scatter(np.array([reach], dtype="datetime64[D]"), [goal], marker="*", s=160,
                     zorder=4, color=colours["reach"],
                     label=label("chart_reach", lang=lang, day=short_date(reach, lang=lang)))
    elif reach is not None:  # too far out to draw: named in the legend, as plot_series does
        axes.plot([], [], " ", label=label("chart_reach_off", lang=lang,
                                           day=short_date(reach, lang=lang)))
    info = table.info
    name = "" if info is None else str(info.names[row])
    axes.set_title(f"{name} ({id})" if name else str(id))
    axis_titles(axes, label("chart_value", lang=lang), lang)
    span = (end - dates[0]).days
    pad = dt.timedelta(days=max(round(span * 0.04), 3) if span else 15)
    axes.set_xlim(dates[0] - pad, end + pad)  # type: ignore[arg-type]
    return axes


def _date(value: np.datetime64) -> dt.date | None:
    day: dt.date | None = None if np.isnat(value) else value.astype("datetime64[D]").item()
    return day
