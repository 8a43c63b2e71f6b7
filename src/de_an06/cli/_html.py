"""The dashboard of ``de-an06 report --html DIR``: a static site, no server, no network.

Private to the command line. :func:`write_site` writes ``index.html`` and
``series/<place>_<indicator>.html`` for each series of a
:class:`~de_an06.cli._site.Site`; every page holds its own style sheet and
script, so the folder opens from ``file://``, from a mail attachment or from
an intranet share alike.

The index: how the targets stand (counts and a small chart), the targets at
risk (sortable, filterable), the outlooks by jurisdiction, every series, the
audit findings, the as-of date and the sources.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from de_an06._present import Lang, label, outlook_word, quantity
from de_an06.cli._html_national import (
    NATIONAL_DIR,
    national_href,
    national_section,
    ranks_section,
)
from de_an06.cli._html_pages import (
    as_of_text,
    day,
    esc,
    indicator_name,
    num,
    outlook_cell,
    page,
    series_page,
    sources_table,
    table,
    td,
)
from de_an06.cli._render import pace_cell
from de_an06.cli._site import OUTLOOK_ORDER, Entry, Site

T = TypeVar("T")

#: What wraps the pages being written: ``progress(items, total)`` yields the items.
Progress = Callable[[Iterable[Any], int], Iterable[Any]]

#: The folder of the series pages, beside ``index.html``.
SERIES_DIR = "series"

_BAR_COLOURS = {"achieved": "#009E73", "on_track": "#56B4E9", "at_risk": "#D55E00",
                "no_trend": "#E69F00", "no_figure": "#999999"}


def summary_chart(counts: dict[str, int], lang: Lang) -> str:
    """Counts by outlook as a small horizontal bar chart, inline SVG with a title."""
    words = [(k, outlook_word(k, lang=lang), counts.get(k, 0)) for k in OUTLOOK_ORDER]
    described = "; ".join(f"{w}: {n}" for _, w, n in words)
    title = label("summary_chart", lang=lang, counts=described)
    top = max([n for _, _, n in words] + [1])
    bars = []
    for row, (key, word, n) in enumerate(words):
        y = 8 + row * 30
        width = round(200 * n / top, 1)
        bars.append(
            f'<text x="150" y="{y + 15}" text-anchor="end" font-size="13">{esc(word)}</text>'
            f'<rect x="158" y="{y + 2}" width="{width}" height="18" fill="{_BAR_COLOURS[key]}"/>'
            f'<text x="{158 + width + 5}" y="{y + 15}" font-size="13">{n}</text>')
    height = 16 + 30 * len(words)
    return (f'<svg viewBox="0 0 420 {height}" width="420" height="{height}" role="img" '
            f'aria-labelledby="summary-title" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="summary-title">{esc(title)}</title>{"".join(bars)}</svg>')


def _href(entry: Entry) -> str:
    return f"{SERIES_DIR}/{entry.key}.html"


def _series_link(entry: Entry, linked: set[str] | None) -> str:
    if linked is not None and entry.key not in linked:
        return td(entry.key)
    return td(f'<a href="{esc(_href(entry))}">{esc(entry.key)}</a>', entry.key, raw=True)


def at_risk_rows(site: Site, lang: Lang, linked: set[str] | None = None) -> list[list[str]]:
    """One row per target at risk: the columns of the at-risk table."""
    rows = []
    for e in site.at_risk():
        target = e.target
        assert target is not None  # noqa: S101 - an outlook implies a target
        unit = e.series.indicator.unit
        f = e.forecast
        late = e.late
        late_text = label("never", lang=lang) if late == float("inf") else num(late, lang, 0)
        reach = None if f is None else f.reach_date
        rows.append([
            _series_link(e, linked),
            td(indicator_name(e.series.indicator, lang)),
            td(e.series.jurisdiction.name_vi),
            td(quantity(e.reading.value, unit, e.reading.qualifier, lang=lang),
               float(e.reading.value), numeric=True),
            td(quantity(target.value, unit, lang=lang), float(target.value), numeric=True),
            td(day(target.deadline, lang), target.deadline),
            td(day(reach, lang), reach),
            td(late_text, late, numeric=True),
            td(pace_cell(None if f is None else f.required_pace, lang),
               None if f is None else f.required_pace, numeric=True),
            td(pace_cell(None if f is None else f.current_pace, lang),
               None if f is None else f.current_pace, numeric=True),
            outlook_cell(e.outlook, lang),
        ])
    return rows


def _at_risk(site: Site, lang: Lang, linked: set[str] | None) -> str:
    keys = [("id", False), ("name", False), ("place", False), ("latest", True),
            ("target", True), ("deadline", False), ("reach", False), ("days_late", True),
            ("needed", True), ("so_far", True), ("status", False)]
    heads = [(label(k, lang=lang), n) for k, n in keys]
    return (f'<p class="note">{esc(label("at_risk_note", lang=lang))}</p>\n'
            + table("at-risk", label("at_risk", lang=lang), heads, at_risk_rows(site, lang, linked),
                    lang=lang))


def _summary(site: Site, lang: Lang, _linked: set[str] | None) -> str:
    total = sum(site.counts.values())
    items = "".join(f"<dt>{esc(outlook_word(k, lang=lang))}</dt><dd>{site.counts.get(k, 0)}</dd>"
                    for k in OUTLOOK_ORDER)
    return (f'<div class="summary"><dl><dt>{esc(label("targets", lang=lang))}</dt>'
            f"<dd>{total}</dd>{items}</dl>"
            f"<figure>{summary_chart(site.counts, lang)}</figure></div>")


def _by_place(site: Site, lang: Lang, _linked: set[str] | None) -> str:
    rows = []
    for place, counts in site.places():
        total = sum(counts.values())
        share = 100 * counts["achieved"] / total
        rows.append([td(place.name_vi), td(place.code),
                     td(str(total), total, numeric=True),
                     *(td(str(counts[k]), counts[k], numeric=True) for k in OUTLOOK_ORDER),
                     td(num(share, lang, 1), share, numeric=True)])
    heads = [(label("place", lang=lang), False), (label("code", lang=lang), False),
             (label("targets", lang=lang), True),
             *((outlook_word(k, lang=lang), True) for k in OUTLOOK_ORDER),
             (label("share_achieved", lang=lang), True)]
    return table("by-place", label("by_place", lang=lang), heads, rows, lang=lang)


def _all_series(site: Site, lang: Lang, linked: set[str] | None) -> str:
    rows = [[_series_link(e, linked), td(indicator_name(e.series.indicator, lang)),
             td(e.series.jurisdiction.name_vi),
             td(quantity(e.reading.value, e.series.indicator.unit, e.reading.qualifier,
                         lang=lang), float(e.reading.value), numeric=True),
             td(day(e.reading.as_of, lang), e.reading.as_of),
             outlook_cell(e.outlook, lang)]
            for e in site.entries]
    heads = [(label(k, lang=lang), k == "latest")
             for k in ("id", "name", "place", "latest", "date", "status")]
    return table("all-series", label("series", lang=lang), heads, rows, lang=lang)


def _findings(site: Site, lang: Lang, _linked: set[str] | None) -> str:
    rows = [[td(f.kind.value), td(f.reading.jurisdiction.name_vi), td(f.message)]
            for f in site.findings]
    heads = [(label(k, lang=lang), False) for k in ("kind", "place", "message")]
    note = f'<p class="note">{esc(label("findings_note", lang=lang))}</p>\n' if rows else ""
    return note + table("findings", label("findings", lang=lang), heads, rows,
                        sortable=False, lang=lang)


def index_page(site: Site, lang: Lang, linked: set[str] | None = None) -> str:
    """``index.html``: summary, at-risk, places, ranks, national block, series, findings.

    Series link only to the pages in `linked` (default: every series).
    """
    title = site.title or label("title", lang=lang)
    sections = [("summary", _summary), ("at_risk", _at_risk), ("by_place", _by_place)]
    body = [f'<section aria-labelledby="h-{key}"><h2 id="h-{key}">{esc(label(key, lang=lang))}'
            f"</h2>\n{make(site, lang, linked)}</section>" for key, make in sections]
    body += [part for part in (ranks_section(site, lang), national_section(site, lang)) if part]
    body += [f'<section aria-labelledby="h-{key}"><h2 id="h-{key}">{esc(label(key, lang=lang))}'
             f"</h2>\n{make(site, lang, linked)}</section>"
             for key, make in (("series", _all_series), ("findings", _findings))]
    body.append(f'<section aria-labelledby="h-sources"><h2 id="h-sources">'
                f'{esc(label("sources", lang=lang))}</h2>\n'
                f"{sources_table(site.sources, lang)}</section>")
    return page(lang=lang, title=title, heading=title, meta=as_of_text(site, lang),
                body="\n".join(body))


def _quiet(items: Iterable[T], _total: int) -> Iterable[T]:
    return items


def progress_bar(items: Iterable[T], total: int) -> Iterable[T]:
    """`items` with a progress bar on standard error, when it is a terminal and tqdm is here.

    tqdm is optional (``pip install "de_an06[progress]"``); without it, or
    when standard error is not a terminal (a pipe, a log file, CI), nothing
    is printed.
    """
    if not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return items
    bar: Iterable[T] = tqdm(items, total=total, unit="page", file=sys.stderr, leave=False)
    return bar


def write_site(directory: str | Path, site: Site, *, lang: Lang = "vi",
               pages: int | None = None, progress: Progress = _quiet) -> tuple[Path, ...]:
    """Write the dashboard of `site` to `directory` (created when missing).

    `pages` limits the series pages to that many, the most at risk first
    (:meth:`Site.pages`); the index links only to the pages written. The
    national series (when the site has them) get a page each under
    ``national/``. `progress` wraps the pages being written (see
    :func:`progress_bar`).

    Returns the files written, ``index.html`` first. Raises :class:`OSError`
    when the folder cannot be written.
    """
    folder = Path(directory)
    (folder / SERIES_DIR).mkdir(parents=True, exist_ok=True)
    chosen = site.pages(pages)
    linked = None if pages is None else {e.key for e in chosen}
    written = [folder / "index.html"]
    written[0].write_text(index_page(site, lang, linked), encoding="utf-8")
    todo = [(e, site, folder / _href(e)) for e in chosen]
    if site.national_site is not None:
        (folder / NATIONAL_DIR).mkdir(exist_ok=True)
        todo += [(e, site.national_site, folder / national_href(e))
                 for e in site.national_site.entries]
    for entry, owner, path in progress(todo, len(todo)):
        path.write_text(series_page(entry, owner, lang), encoding="utf-8")
        written.append(path)
    return tuple(written)
