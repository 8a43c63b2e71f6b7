"""The national block and the ranks of the dashboard's index.

Private to the command line. The national block lays out what
``de-an06 report --national`` computes (``_national.national_data``): each
national series' latest value at its date's precision and its pace over its
last readings, linked to its page under ``national/``, and the national
targets with attainment and forecast status. The ranks are those of
``de-an06 report`` (``_report.rank_rows``). Words from ``de_an06._present``.
"""

from __future__ import annotations

from typing import Any

from de_an06 import datasets
from de_an06._present import (
    MISSING,
    Lang,
    label,
    met_word,
    quantity,
    status_word,
)
from de_an06.cli._html_pages import esc, num, table, td
from de_an06.cli._render import pace_cell
from de_an06.cli._site import Entry, Site

#: The folder of the national series' pages, beside ``index.html``.
NATIONAL_DIR = "national"


def national_href(entry: Entry) -> str:
    """Where the page of a national series is, from ``index.html``."""
    return f"{NATIONAL_DIR}/{entry.key}.html"


def _names(lang: Lang) -> dict[str, str]:
    return {i.code: i.name_vi if lang == "vi" else i.name
            for i in datasets.national_indicators()}


def _figure(value: float | None, unit: str, lang: Lang, qualifier: str = "exact") -> str:
    return MISSING if value is None else quantity(value, unit, qualifier, lang=lang)


def _series_rows(site: Site, data: dict[str, Any], lang: Lang) -> list[list[str]]:
    names = _names(lang)
    pages = {} if site.national_site is None else {
        e.series.indicator.code: e for e in site.national_site.entries}
    rows = []
    for row in data["series"]:
        code = row["indicator"]
        entry = pages.get(code)
        link = (f'<a href="{esc(national_href(entry))}">{esc(code)}</a>' if entry is not None
                else esc(code))
        shown = row["latest_date"]
        if row["two_sources_one_date"]:
            shown = label("two_sources", lang=lang, day=shown)
        rows.append([td(link, code, raw=True), td(names.get(code, row["name"])),
                     td(_figure(row["latest"], row["unit"], lang, row["qualifier"]),
                        float(row["latest"]), numeric=True),
                     td(shown, row["latest_date"]),
                     td(str(row["readings"]), row["readings"], numeric=True),
                     td(pace_cell(row["pace_per_day"], lang), row["pace_per_day"], numeric=True)])
    return rows


def _target_rows(data: dict[str, Any], lang: Lang) -> list[list[str]]:
    names = _names(lang)
    rows = []
    for row in data["targets"]:
        code = row["indicator"]
        percent = row["attainment_percent"]
        status = row["status"]
        rows.append([td(names.get(code, code)),
                     td(_figure(row["target"], row["unit"], lang), float(row["target"]),
                        numeric=True),
                     td(row["deadline"] or MISSING, row["deadline"]),
                     td(_figure(row["latest"], row["unit"], lang),
                        None if row["latest"] is None else float(row["latest"]), numeric=True),
                     td(row["latest_date"] or MISSING, row["latest_date"]),
                     td(MISSING if percent is None else f"{num(percent, lang)} %", percent,
                        numeric=True),
                     td(met_word(row["met"], brief=True, lang=lang)),
                     td(MISSING if status is None
                        else status_word(status, brief=True, lang=lang)),
                     td(row["source"] or MISSING)])
    return rows


def national_section(site: Site, lang: Lang) -> str:
    """The national series and targets, as two tables with a note (empty without them)."""
    data = site.national
    if data is None:
        return ""
    n = data["window"]
    series_heads = [(label(k, lang=lang, n=n), numeric) for k, numeric in (
        ("id", False), ("name", False), ("latest", True), ("date", False), ("count", True),
        ("pace_last", True))]
    target_heads = [(label(k, lang=lang), numeric) for k, numeric in (
        ("name", False), ("target", True), ("deadline", False), ("latest", True),
        ("date", False), ("attainment", True), ("met_col", False), ("status", False),
        ("source", False))]
    return "\n".join([
        (f'<section aria-labelledby="h-national"><h2 id="h-national">'
         f'{esc(label("national", lang=lang))}</h2>'),
        f'<p class="note">{esc(label("national_note", lang=lang, n=n))}</p>',
        table("national-series", label("national_series", lang=lang), series_heads,
              _series_rows(site, data, lang), lang=lang),
        table("national-targets", label("national_targets", lang=lang), target_heads,
              _target_rows(data, lang), lang=lang),
        "</section>"])


def ranks_section(site: Site, lang: Lang) -> str:
    """The ranks of the provinces that have them, oldest to latest (empty without any)."""
    if not site.ranks:
        return ""
    names = {i.code: i.name_vi if lang == "vi" else i.name for i in datasets.indicators()}
    rows = []
    for row in site.ranks:
        ranks = row["ranks"]
        latest = ranks[-1]
        history = ", ".join(f"{r['position']}/{r['total']} ({r['as_of']})" for r in ranks)
        change = row["change"]
        rows.append([td(row["place"]["name_vi"]), td(names.get(row["indicator"], row["name"])),
                     td(f"{latest['position']}/{latest['total']}", latest["position"],
                        numeric=True),
                     td(history),
                     td(MISSING if change is None else f"{change:+d}", change, numeric=True)])
    heads = [(label(k, lang=lang), numeric) for k, numeric in (
        ("place", False), ("name", False), ("rank", True), ("readings", False),
        ("change", True))]
    return (f'<section aria-labelledby="h-ranks"><h2 id="h-ranks">'
            f'{esc(label("ranks", lang=lang))}</h2>\n'
            f'<p class="note">{esc(label("ranks_note", lang=lang))}</p>\n'
            + table("ranks", label("ranks", lang=lang), heads, rows, lang=lang)
            + "</section>")
