"""Plots of series against their targets, and of attainment across places.

Needs the optional ``plot`` extra (``pip install de_an06[plot]``, matplotlib
3.7 or later), imported only when a function here is called. Every function
draws on the :class:`matplotlib.axes.Axes` it is given (or on a new figure's)
and returns that Axes; none calls ``plt.show()`` or changes matplotlib's
global settings, so the caller keeps control of backend, style and output.

Examples
--------
The Khánh Hòa question: 546,234 e-ID applications on 2023-07-01 against
756,805 by 2023-07-30.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from de_an06 import datasets
>>> from de_an06.plotting import plot_series
>>> readings = datasets.readings(jurisdiction="56", indicator="eid-collected")
>>> target = datasets.targets(jurisdiction="56", indicator="eid-collected")[0]
>>> ax = plot_series(readings, target)
>>> ax.get_title()
'Hồ sơ cấp tài khoản định danh điện tử đã thu nhận — Khánh Hòa'
"""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from de_an06 import _extras, datasets
from de_an06 import _validators as v
from de_an06._days import shifted
from de_an06._present import (
    Lang,
    label,
    pace_text,
    qualifier_symbol,
    quantity,
    short_date,
    unit_symbol,
)
from de_an06.analysis import Attainment, Forecast, Trend, attainment, forecast, trend
from de_an06.model import Direction, Jurisdiction, Qualifier, Reading, Series, Target, rules

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_attainment", "plot_forecast", "plot_series", "write_series_plots"]


def __dir__() -> list[str]:
    return __all__


#: Colours (colour-blind safe, Okabe-Ito) used by the plots.
COLOURS = {
    "reading": "#0072B2",
    "trend": "#0072B2",
    "target": "#D55E00",
    "reach": "#009E73",
    "met": "#009E73",
    "missed": "#D55E00",
    "open": "#E69F00",
}

#: Characters per line of a bar label before it wraps.
_LABEL_WIDTH = 36

#: Points on the fitted line and its band.
_LINE_POINTS = 120

_HEDGE_MARKERS = {
    Qualifier.ABOUT: "D",
    Qualifier.NEARLY: "<",
    Qualifier.MORE_THAN: "^",
    Qualifier.LESS_THAN: "v",
}


def _days(dates: Iterable[dt.date]) -> npt.NDArray[np.datetime64]:
    """Dates as a ``datetime64[D]`` array, which matplotlib plots as dates."""
    return np.array(list(dates), dtype="datetime64[D]")


def _axes(ax: Axes | None) -> Axes:
    """`ax`, or the Axes of a new pyplot figure."""
    if ax is not None:
        from matplotlib.axes import Axes

        if not isinstance(ax, Axes):
            raise v.fail("plot", "ax", f"must be a matplotlib Axes, not {type(ax).__name__}",
                         ax)
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=(8, 4.5), layout="constrained")
    return new


def _as_series(value: object) -> Series:
    if isinstance(value, Series):
        return value
    if isinstance(value, Reading):
        return Series([value])
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return Series(list(value))
    raise v.fail("plot_series", "series",
                 f"must be a Series or readings, not {type(value).__name__}", value)


def _span_end(series: Series, deadline: dt.date | None, reach: dt.date | None) -> dt.date:
    """Last date the x axis shows: the deadline, or a reach date not too far out."""
    end = max(series.latest.as_of, deadline or series.latest.as_of)
    shown = max((end - series.dates[0]).days, 30)
    if reach is not None and (reach - end).days <= shown:
        end = max(end, reach)
    return end


def _draw_readings(ax: Axes, series: Series, lang: Lang) -> None:
    exact = [r for r in series if r.qualifier is Qualifier.EXACT]
    if exact:
        ax.scatter(_days(r.as_of for r in exact), [r.value for r in exact], s=36, zorder=3,
                   color=COLOURS["reading"], label=label("chart_reading", lang=lang))
    for qualifier, marker in _HEDGE_MARKERS.items():
        hedged = [r for r in series if r.qualifier is qualifier]
        if hedged:
            ax.scatter(_days(r.as_of for r in hedged), [r.value for r in hedged], s=44, zorder=3,
                       marker=marker, facecolors="white", edgecolors=COLOURS["reading"],
                       linewidths=1.5, label=label(
                           "chart_hedged", lang=lang, symbol=qualifier_symbol(qualifier),
                           qualifier=qualifier.name_vi if lang == "vi"
                           else qualifier.value.replace("_", " ")))


def _draw_trend(ax: Axes, fitted: Trend, start: dt.date, end: dt.date,
                lang: Lang = "en") -> None:
    days = max((end - start).days, 1)
    step = max(days / (_LINE_POINTS - 1), 1)
    grid = sorted({start + dt.timedelta(days=round(i * step)) for i in range(_LINE_POINTS)
                   if round(i * step) <= days} | {end})
    predictions = [fitted.predict(day) for day in grid]
    ax.plot(_days(grid), [p.mean for p in predictions], color=COLOURS["trend"], linewidth=1.5,
            label=label("chart_trend", lang=lang, pace=pace_text(fitted.slope, lang=lang)))
    bands = [p.mean_ci for p in predictions]
    if all(b is not None for b in bands):
        ax.fill_between(_days(grid), [b[0] for b in bands if b is not None],
                        [b[1] for b in bands if b is not None], color=COLOURS["trend"],
                        alpha=0.15, linewidth=0,
                        label=label("chart_band", lang=lang,
                                    level=_num(100 * fitted.confidence, lang)))


def _target_parts(series: Series, target: Target | float | None) -> tuple[float | None,
                                                                              dt.date | None]:
    if target is None:
        return None, None
    if isinstance(target, Target):
        if target.jurisdiction != series.jurisdiction:
            raise v.fail("plot_series", "target",
                         f"must be for jurisdiction {series.jurisdiction.code!r}"
                         f"{v.difference(series.jurisdiction, target.jurisdiction)}",
                         target.jurisdiction.code)
        if target.indicator != series.indicator:
            raise v.fail("plot_series", "target",
                         f"must be for indicator {series.indicator.code!r}"
                         f"{v.difference(series.indicator, target.indicator)}",
                         target.indicator.code)
        return float(target.value), target.deadline
    goal = float(rules.real_number("plot_series", "target", target))
    rule = rules.value_rule(series.indicator.unit, goal)
    if rule is not None:
        raise v.fail("plot_series", "target", rule, target)
    return goal, None


def plot_series(series: Series | Iterable[Reading] | Reading,
                target: Target | float | None = None,
                forecast: Forecast | None = None, *,
                trend: bool = True, confidence: float = 0.95,
                ax: Axes | None = None, lang: Literal["en", "vi"] = "en") -> Axes:
    """Draw a series, its fitted trend, its target, deadline and reach date.

    Parameters
    ----------
    series : Series, iterable of Reading, or Reading
        The readings. Exact readings are filled dots; hedged ones ("about",
        "nearly", "more than", "less than") are hollow markers pointing the
        way the qualifier leans.
    target : Target or float, optional
        Drawn as a horizontal dashed line; a :class:`~de_an06.Target` also
        brings its deadline, drawn as a vertical line.
    forecast : Forecast, optional
        The forecast whose reach date is marked. By default one is computed
        from the series and target (when there is a target and at least two
        readings); pass your own to use a working-day calendar or `as_of`.
    trend : bool
        Draw the least-squares line through the readings, extended to the
        deadline or reach date, with the confidence band of its mean (three
        readings or more). Default True.
    confidence : float
        Level of the band (default 0.95).
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new figure's.
    lang : {"en", "vi"}
        Language of the legend, the axis titles, numbers and dates (``"vi"``:
        ``mục tiêu 756.805 người``, ``hạn 30/07/2023``); the title keeps the
        Vietnamese names of indicator and place. Default English.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValidationError
        For readings that do not form a series, a target of another
        indicator, a bad confidence level or language, or something other
        than an Axes.
    de_an06.MissingExtraError
        When matplotlib is not installed.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from de_an06 import datasets
    >>> readings = datasets.readings(jurisdiction="56", indicator="eid-collected")
    >>> target = datasets.targets(jurisdiction="56", indicator="eid-collected")[0]
    >>> ax = plot_series(readings, target)
    >>> [line.get_label() for line in ax.get_lines()]
    ['target 756,805 people', 'deadline 2023-07-30', 'needed: 7,261 per day']
    """
    _extras.require("matplotlib.pyplot", "de_an06.plotting.plot_series")
    s = _as_series(series)
    lang = _check_lang("plot_series", lang)
    goal, deadline = _target_parts(s, target)
    if forecast is not None and not isinstance(forecast, Forecast):
        raise v.fail("plot_series", "forecast",
                     f"must be a Forecast, not {type(forecast).__name__}", forecast)
    outlook = forecast
    if outlook is None and goal is not None and len(s) >= 2:  # noqa: PLR2004 - a line
        outlook = _forecast(s, target, confidence)
    fitted = _trend(s, confidence) if trend and len(s) >= 2 else None  # noqa: PLR2004
    if outlook is not None and deadline is None:
        deadline = outlook.deadline
    reach = None if outlook is None else outlook.reach_date
    end = _span_end(s, deadline, reach)
    axes = _axes(ax)

    _draw_readings(axes, s, lang)
    if fitted is not None:
        _draw_trend(axes, fitted, s.dates[0], end, lang)
    unit = s.indicator.unit
    if goal is not None:
        axes.axhline(goal, color=COLOURS["target"], linestyle="--", linewidth=1.2,
                     label=label("chart_target", lang=lang, value=quantity(goal, unit, lang=lang)))
    if deadline is not None:
        axes.axvline(deadline, color=COLOURS["target"], linestyle=":", linewidth=1.2,  # type: ignore[arg-type]
                     label=label("chart_deadline", lang=lang, day=short_date(deadline, lang=lang)))
    if goal is not None and deadline is not None:
        _draw_required(axes, s.latest, goal, deadline, lang)
    if reach is not None and goal is not None:
        day = short_date(reach, lang=lang)
        if reach <= end:
            axes.scatter(_days([reach]), [goal], marker="*", s=160, zorder=4,
                         color=COLOURS["reach"], label=label("chart_reach", lang=lang, day=day))
        else:
            axes.plot([], [], " ", label=label("chart_reach_off", lang=lang, day=day))
    _decorate(axes, s, lang)
    span = (end - s.dates[0]).days
    pad = dt.timedelta(days=max(round(span * 0.04), 3) if span else 15)
    axes.set_xlim(shifted(s.dates[0], -pad), shifted(end, pad))  # type: ignore[arg-type]
    axes.margins(y=0.08)
    return axes


def _draw_required(ax: Axes, latest: Reading, goal: float, deadline: dt.date,
                   lang: Lang) -> None:
    """The straight path from the latest reading to the target on the deadline."""
    days = (deadline - latest.as_of).days
    gap = goal - float(latest.value)
    if days <= 0 or latest.indicator.direction.sign * gap <= 0:
        return
    ax.plot(_days([latest.as_of, deadline]), [latest.value, goal], color=COLOURS["target"],
            linestyle=(0, (4, 3)), linewidth=1, alpha=0.8,
            label=label("chart_needed", lang=lang, pace=pace_text(gap / days, lang=lang)))


def _forecast(series: Series, target: Target | float | None, confidence: float) -> Forecast:
    assert target is not None  # noqa: S101 - guarded by the caller
    return forecast(series, target, confidence=confidence)


def _trend(series: Series, confidence: float) -> Trend:
    return trend(series, confidence=confidence)


def _decorate(ax: Axes, series: Series, lang: Lang) -> None:
    indicator = series.indicator
    ax.set_title(f"{indicator.name_vi} — {series.jurisdiction.name_vi}")
    symbol = unit_symbol(indicator.unit, lang=lang) or label("chart_value", lang=lang)
    lower = indicator.direction is Direction.LOWER_IS_BETTER
    _axis_titles(ax, label("chart_lower", lang=lang, unit=symbol) if lower else symbol, lang)


# --------------------------------------------------------------------------
# Attainment bars
# --------------------------------------------------------------------------


def _attainments(items: Iterable[object]) -> tuple[list[Attainment], list[str]]:
    found: list[Attainment] = []
    names: list[str] = []
    for index, item in enumerate(items):
        if isinstance(item, Attainment):
            found.append(item)
            names.append(f"#{index + 1}")
        elif isinstance(item, tuple) and len(item) == 2:  # noqa: PLR2004 - a pair
            reading, target = item
            if not isinstance(reading, Reading):
                raise v.fail("plot_attainment", f"items[{index}]",
                             "must pair a Reading with its target", type(reading).__name__)
            found.append(attainment(reading, target))
            names.append(reading.jurisdiction.name_vi)
        else:
            raise v.fail("plot_attainment", f"items[{index}]",
                         "must be an Attainment or a (Reading, Target) pair", item)
    if not found:
        raise v.fail("plot_attainment", "items", "must hold at least one attainment", 0)
    for index, a in enumerate(found):
        if not math.isfinite(a.percent):
            raise v.fail("plot_attainment", f"items[{index}]",
                         "must be a finite percent of its target to draw as a bar", a.percent)
    return found, names


def plot_attainment(items: Iterable[Attainment | tuple[Reading, Target | float]], *,
                    labels: Sequence[str] | None = None, ax: Axes | None = None) -> Axes:
    """Horizontal bars of many figures as a percent of their targets.

    Each bar is ``100 * value / target``; a vertical line marks 100 %. Bars
    are coloured by :attr:`~de_an06.Attainment.met`, which knows the
    direction: a lower-is-better figure (days, minutes, rank) meets its
    target *below* 100 %, and its label says so. Hedged figures are hatched,
    since the qualifier may leave the answer open.

    Parameters
    ----------
    items : iterable
        What to draw, top to bottom: Attainment objects or (Reading,
        Target) pairs. Pairs are passed to
        :func:`~de_an06.attainment` and labelled with the reading's place.
    labels : list or tuple of str, optional
        One label per item, replacing the defaults (the place for pairs,
        ``#1``, ``#2``... for attainments).
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new figure's.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValidationError
        For an item that is neither, no items, or a label count that does
        not match.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from de_an06 import attainment
    >>> ax = plot_attainment([attainment(546_234, 756_805), attainment(47, 30)],
    ...                      labels=["Khánh Hòa e-ID", "Trà Bồng non-cash"])
    >>> [round(float(bar.get_width()), 2) for bar in ax.patches]
    [72.18, 156.67]
    """
    _extras.require("matplotlib.pyplot", "de_an06.plotting.plot_attainment")
    found, names = _attainments(items)
    if labels is not None:
        if isinstance(labels, str) or len(labels) != len(found):
            raise v.fail("plot_attainment", "labels",
                         f"must hold one label per item ({len(found)})", labels)
        names = [str(label) for label in labels]
    axes = _axes(ax)
    rows = list(range(len(found)))
    colours = {True: COLOURS["met"], False: COLOURS["missed"], None: COLOURS["open"]}
    for row, a, name in zip(rows, found, names, strict=True):
        axes.barh(row, a.percent, height=0.6, color=colours[a.met], alpha=0.85,
                  hatch="//" if a.qualifier is not Qualifier.EXACT else None,
                  edgecolor="white")
        text = (f"{quantity(a.value, a.unit, a.qualifier)} / "
                f"{quantity(a.target, a.unit)}")
        axes.annotate(text, (a.percent, row), xytext=(4, 0), textcoords="offset points",
                      va="center", fontsize="small", zorder=4,
                      bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                            "edgecolor": "none"})
        if a.direction is Direction.LOWER_IS_BETTER:
            names[row] = f"{name} (lower is better)"
    axes.axvline(100, color="black", linewidth=1, zorder=1, label="target (100 %)")
    axes.set_yticks(rows, [textwrap.fill(name, _LABEL_WIDTH) for name in names])
    axes.invert_yaxis()
    axes.set_xlabel("% of target")
    right = max(a.percent for a in found)
    axes.set_xlim(0, max(right, 100) * 1.3)
    from matplotlib.patches import Patch

    axes.legend(handles=[Patch(color=COLOURS["met"], label="met"),
                         Patch(color=COLOURS["missed"], label="not met"),
                         Patch(color=COLOURS["open"], label="open (hedged figure)")],
                loc="lower left", bbox_to_anchor=(0, 1.0), ncols=3, fontsize="small",
                frameon=False, borderaxespad=0.2, handlelength=1.2, columnspacing=1.0)
    return axes


# --------------------------------------------------------------------------
# One PNG per series with a target (``de-an06 report --plot DIR``)
# --------------------------------------------------------------------------


def _file_name(target: Target) -> str:
    raw = f"{target.jurisdiction.code}_{target.indicator.code}"
    return re.sub(r"[^A-Za-z0-9_.-]", "-", raw) + ".png"


def write_series_plots(directory: str | Path, jurisdictions: Iterable[Jurisdiction], *,
                       as_of: dt.date | None = None) -> tuple[Path, ...]:
    """Write one PNG per bundled series that has a target, for the given places.

    For each target of the bundled data in a place (or a district inside it),
    the readings of its indicator there dated on or before `as_of` are drawn
    with :func:`plot_series` and saved as ``<place>_<indicator>.png``; of two
    readings on one date, the last listed is drawn. Used
    by ``de-an06 report --plot DIR``. Figures are built without pyplot, so
    nothing is left open.

    Parameters
    ----------
    directory : str or Path
        Where to write; created when missing.
    jurisdictions : iterable of Jurisdiction
        The provinces to draw.
    as_of : datetime.date, optional
        Use only readings dated on or before this day.

    Returns
    -------
    tuple of Path
        The files written, in order.

    Examples
    --------
    >>> import tempfile
    >>> from de_an06 import datasets
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     paths = write_series_plots(folder, [datasets.jurisdiction("56")])
    ...     [p.name for p in paths][:1]
    ['56_eid-collected.png']
    """
    _extras.require("matplotlib.pyplot", "de_an06.plotting.write_series_plots")
    from matplotlib.figure import Figure

    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for place in jurisdictions:
        for target in datasets.targets(jurisdiction=place, subunits=True):
            readings = [r for r in datasets.readings(jurisdiction=target.jurisdiction,
                                                     indicator=target.indicator)
                        if r.jurisdiction == target.jurisdiction
                        and (as_of is None or r.as_of <= as_of)]
            if not readings:
                continue
            figure = Figure(figsize=(8, 4.5), layout="constrained")
            series = Series.from_readings(readings, duplicates="last")
            plot_series(series, target, ax=figure.add_subplot())
            path = folder / _file_name(target)
            figure.savefig(path, dpi=100)
            written.append(path)
    return tuple(written)


# One row of a batch forecast (kept in its own module; drawn with the helpers above).
from de_an06._plot_forecast import axis_titles as _axis_titles  # noqa: E402
from de_an06._plot_forecast import check_lang as _check_lang  # noqa: E402
from de_an06._plot_forecast import lang_number as _num  # noqa: E402
from de_an06._plot_forecast import plot_forecast  # noqa: E402

plot_forecast.__module__ = __name__
