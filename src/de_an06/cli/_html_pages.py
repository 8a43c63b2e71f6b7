"""The pieces of the dashboard's HTML, and the page of one series.

Private to the command line. Every text that reaches a page — names, codes,
notes, titles, URLs, all of which may come from a user's file — goes through
:func:`html.escape` here (:func:`esc`); the words are those of
``de_an06._present``, in the page's language.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from de_an06._present import (
    LANG_NUMBER_FORMATS,
    MISSING,
    Lang,
    date_text,
    label,
    number,
    outlook_word,
    quantity,
    unit_symbol,
)
from de_an06._version import __version__
from de_an06.cli import _html_assets
from de_an06.cli._render import pace_cell
from de_an06.cli._site import Entry, Site
from de_an06.model import Indicator, Source

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Metadata matplotlib writes into an SVG by default (with a link to its site): none.
_SVG_METADATA = ("Creator", "Date", "Format", "Type")

_WEB = re.compile(r"https?://[^\s\"'<>]+\Z")


def esc(text: object) -> str:
    """`text` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def num(value: float | None, lang: Lang, places: int = 2) -> str:
    """A number in the language's format; ``—`` when missing or NaN."""
    if value is None or math.isnan(value):
        return MISSING
    return number(value, places, number_format=LANG_NUMBER_FORMATS[lang])


def day(value: dt.date | None, lang: Lang) -> str:
    """A date in the language's format; ``—`` when missing."""
    return MISSING if value is None else date_text(value, lang=lang)


def sort_key(value: float | dt.date | str | None) -> str:
    """What a cell sorts by: numbers and ISO dates as text the script compares."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, dt.date):
        return str(value.toordinal())
    return str(value)


def td(text: str, sort: float | dt.date | str | None = None, *, numeric: bool = False,
       raw: bool = False) -> str:
    """A table cell: `text` escaped (unless `raw`, for HTML built here), sorting by `sort`."""
    classes = ' class="num"' if numeric else ""
    key = esc(sort_key(text if sort is None and not raw else sort))
    return f'<td{classes} data-sort="{key}">{text if raw else esc(text)}</td>'


def table(ident: str, caption: str, headers: Sequence[tuple[str, bool]],
          rows: Sequence[Sequence[str]], *, sortable: bool = True, lang: Lang = "en") -> str:
    """A semantic table; with `sortable`, a button per heading and a filter box."""
    if not rows:
        return f"<p>{esc(caption)}: {esc(label('none', lang=lang))}</p>"
    heads = "".join(
        f'<th scope="col"{" class=num" if n else ""}>'
        + (f'<button type="button">{esc(h)}</button>' if sortable else esc(h)) + "</th>"
        for h, n in headers)
    body = "\n".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    tools = ""
    if sortable:
        tools = (f'<label class="filter">{esc(label("filter", lang=lang))} '
                 f'<input type="search" data-filter="{esc(ident)}"></label>'
                 f'<p class="note sort-hint">{esc(label("sort_hint", lang=lang))}</p>\n')
    kind = ' class="sortable"' if sortable else ""
    return (f'{tools}<div class="scroll"><table id="{esc(ident)}"{kind}>'
            f"<caption>{esc(caption)}</caption>\n<thead><tr>{heads}</tr></thead>\n"
            f"<tbody>\n{body}\n</tbody></table></div>")


def link(url: str | None, text: str) -> str:
    """`text` as a plain link when `url` is a web address, else as text (both escaped)."""
    if url and _WEB.match(url):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(text)}</a>'
    return esc(text)


def indicator_name(indicator: Indicator, lang: Lang) -> str:
    """The indicator's name in the page's language."""
    return indicator.name_vi if lang == "vi" else indicator.name


def outlook_cell(outlook: str | None, lang: Lang) -> str:
    """A status cell, coloured by its outlook."""
    if outlook is None:
        return td(MISSING)
    word = esc(outlook_word(outlook, lang=lang))
    return td(f'<span class="status o-{outlook}">{word}</span>', word, raw=True)


def page(*, lang: Lang, title: str, heading: str, meta: str, body: str,
         nav: str = "") -> str:
    """A whole page: `title` and `heading` are text, `meta`, `body` and `nav` HTML."""
    return _html_assets.PAGE.substitute(
        lang=lang, csp=esc(_html_assets.CSP), version=esc(__version__), title=esc(title),
        css=_html_assets.CSS, nav=nav, heading=esc(heading), meta=meta, body=body,
        footer=esc(label("made_by", lang=lang, version=__version__)),
        script=_html_assets.SCRIPT)


def as_of_text(site: Site, lang: Lang) -> str:
    """The as-of line: the date asked for, or that of the latest reading."""
    dates = [e.reading.as_of for e in site.entries]
    when = site.as_of or (max(dates) if dates else None)
    if when is None:
        return esc(label("all_figures", lang=lang))
    return esc(label("as_of", lang=lang, day=date_text(when, lang=lang)))


def sources_table(sources: Sequence[Source], lang: Lang) -> str:
    """Code, title (a plain link where the source has a web address), publisher, date."""
    rows = [[td(s.code), td(link(s.url, s.title), s.title, raw=True), td(s.publisher or MISSING),
             td(label("undated", lang=lang) if s.published is None
                else day(s.published, lang), s.published)]
            for s in sources]
    heads = [(label(k, lang=lang), False) for k in ("source", "title_col", "publisher",
                                                    "published")]
    return table("sources", label("sources", lang=lang), heads, rows, sortable=False, lang=lang)


# --------------------------------------------------------------------------
# One series
# --------------------------------------------------------------------------


def forecast_words(entry: Entry, lang: Lang) -> str:
    """The forecast in one sentence, in the page's language."""
    target = entry.target
    if target is None:
        return label("no_target", lang=lang)
    unit = entry.series.indicator.unit
    goal = quantity(target.value, unit, lang=lang)
    latest = entry.reading
    if entry.outlook == "achieved":
        return label("met", lang=lang, target=goal,
                     latest=quantity(latest.value, unit, latest.qualifier, lang=lang))
    f = entry.forecast
    if f is None:
        return label("no_forecast", lang=lang)
    needed = pace_cell(f.required_pace, lang)
    if f.current_pace is None:
        return label("one_reading", lang=lang, target=goal, needed=needed,
                     deadline=day(f.deadline, lang))
    so_far = pace_cell(f.current_pace, lang)
    if math.isinf(entry.late) or f.reach_date is None:
        return label("never_reaches", lang=lang, pace=so_far, target=goal, needed=needed)
    days = round(entry.late)
    if days > 0:
        late = label("late", lang=lang, days=num(days, lang))
    elif days < 0:
        late = label("early", lang=lang, days=num(-days, lang))
    else:
        late = label("on_time", lang=lang)
    return label("reaches", lang=lang, pace=so_far, target=goal, reach=day(f.reach_date, lang),
                 late=late, needed=needed)


def _draw(entry: Entry, site: Site, ax: Axes, lang: Lang) -> None:
    """The picture of one series on `ax`: ``plot_forecast`` where there is a forecast."""
    from de_an06.plotting import plot_forecast, plot_series

    if entry.row is not None and site.table is not None and site.forecasts is not None:
        plot_forecast(site.table, site.forecasts, site.table.ids[entry.row], ax=ax, lang=lang)
        ax.set_ylabel(unit_symbol(entry.series.indicator.unit, lang=lang)
                      or label("chart_value", lang=lang))
        return
    # No forecast (no target, or a deadline behind the readings): readings, trend, target.
    goal = None if entry.target is None else float(entry.target.value)
    plot_series(entry.series, goal, ax=ax, lang=lang)


def chart_svg(entry: Entry, site: Site, caption: str, lang: Lang) -> str | None:
    """The series drawn by :func:`de_an06.plotting.plot_forecast` as inline SVG.

    Series without a forecast (no target, or a deadline already passed) are
    drawn by :func:`~de_an06.plotting.plot_series`. Text stays text
    (``svg.fonttype = "none"``), in the page's language; the chart is named
    by a ``<title>`` and ``role="img"``; ``None`` without matplotlib.
    """
    try:
        import matplotlib as mpl
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - the test environment has the plot extra
        return None
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": entry.key}):
        # Fixed margins: a constrained layout costs a third of the chart's time.
        figure = Figure(figsize=(8, 4.5))
        figure.subplots_adjust(left=0.13, right=0.98, top=0.93, bottom=0.14)
        ax = figure.add_subplot()
        _draw(entry, site, ax, lang)
        ax.set_title(caption)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata=dict.fromkeys(_SVG_METADATA))
    text = buffer.getvalue()
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", text[text.index("<svg"):], flags=re.DOTALL)
    head = svg.index(">")
    return (svg[:head] + ' role="img" aria-labelledby="chart-title">'
            f'<title id="chart-title">{esc(caption)}</title>' + svg[head + 1:])


def series_page(entry: Entry, site: Site, lang: Lang) -> str:
    """The page of one series: chart, forecast in words, readings with their sources."""
    s = entry.series
    name = indicator_name(s.indicator, lang)
    place = s.jurisdiction.name_vi
    heading = f"{name} — {place}"
    caption = label("chart", lang=lang, name=heading)
    svg = chart_svg(entry, site, caption, lang)
    figure = (f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>" if svg
              else f'<p class="note">{esc(label("no_chart", lang=lang))}</p>')
    unit = s.indicator.unit
    rows = [[td(day(r.as_of, lang), r.as_of),
             td(quantity(r.value, unit, r.qualifier, lang=lang), r.value, numeric=True),
             td(r.basis.name_vi if lang == "vi" else r.basis.value),
             td(MISSING) if r.source is None
             else td(link(r.source.url, f"{r.source.code} — {r.source.title}"),
                     r.source.code, raw=True)]
            for r in s]
    heads = [(label("date", lang=lang), False), (label("value", lang=lang), True),
             (label("basis", lang=lang), False), (label("source", lang=lang), False)]
    target = entry.target
    facts = []
    if target is not None:
        facts.append(f"{label('target', lang=lang)}: {quantity(target.value, unit, lang=lang)}"
                     f"; {label('deadline', lang=lang)}: {day(target.deadline, lang)}")
        status = outlook_word(entry.outlook or "", lang=lang)
        facts.append(f"{label('status', lang=lang)}: {status}")
    body = "\n".join([
        figure,
        f"<h2>{esc(label('forecast', lang=lang))}</h2>",
        *(f"<p>{esc(fact)}</p>" for fact in facts),
        f'<p class="forecast">{esc(forecast_words(entry, lang))}</p>',
        f"<h2>{esc(label('readings', lang=lang))}</h2>",
        table("readings", label("readings", lang=lang), heads, rows, lang=lang),
        f"<h2>{esc(label('sources', lang=lang))}</h2>",
        sources_table(sorted({r.source for r in s if r.source is not None},
                             key=lambda x: x.code), lang),
    ])
    nav = f'<p><a href="../index.html">{esc(label("back", lang=lang))}</a></p>\n'
    meta = f"{esc(place)} · {esc(s.indicator.code)} · {as_of_text(site, lang)}"
    return page(lang=lang, title=heading, heading=heading, meta=meta, body=body, nav=nav)
