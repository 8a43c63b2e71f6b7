"""The national block of ``de-an06 report --national``: its data and its text.

Built from the bundled national data (:func:`de_an06.datasets.national_series`
and :func:`~de_an06.datasets.national_targets`): each series' latest value at
its date's precision (``2025-04`` for a month), its recent pace (the trend of
its last :data:`LAST` readings, per day) and each target's attainment against
its series' latest reading and forecast status. Words and number formats come
from :mod:`de_an06._present`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from de_an06 import analysis, datasets
from de_an06._present import (
    LANG_NUMBER_FORMATS,
    MISSING,
    NATIONAL_WORDS,
    NATIONAL_WORDS_VI,
    OUTLOOKS,
    Lang,
    met_word,
    number,
    pace_text,
    qualifier_symbol,
    status_word,
    unit_suffix,
)
from de_an06.errors import DeAn06Error
from de_an06.model import Reading, Series, Target

__all__ = ["LAST", "national_data", "national_markdown", "national_readings", "national_site",
           "national_text"]

#: Readings the recent pace (and the forecast) is fitted on.
LAST = 3

_WORDS = {"en": NATIONAL_WORDS, "vi": NATIONAL_WORDS_VI}


def _series(readings: Sequence[Reading]) -> tuple[Series, bool]:
    """The national series of `readings`; True when two sources give one date.

    Such a pair is kept as the later one in the file and flagged in the report
    (the audit lists both sources).
    """
    try:
        return Series.from_readings(readings), False
    except DeAn06Error:
        return Series.from_readings(readings, duplicates="last"), True


def national_readings(as_of: dt.date | None = None) -> tuple[Reading, ...]:
    """The bundled national readings dated on or before `as_of` (default: all)."""
    return tuple(r for r in datasets.national_readings() if as_of is None or r.as_of <= as_of)


def national_data(as_of: dt.date | None = None) -> dict[str, Any]:
    """The national block as plain data (what ``--format json`` prints).

    With `as_of`, only the readings dated on or before it are used.
    """
    groups: dict[str, list[Reading]] = {}
    for r in national_readings(as_of):
        groups.setdefault(r.indicator.code, []).append(r)
    series = {code: _series(rows) for code, rows in groups.items()}
    return {
        "format": "de_an06-national-report", "version": 1, "window": LAST,
        "series": [_series_row(s, conflict) for s, conflict in series.values()],
        "targets": [_target_row(t, series.get(t.indicator.code, (None, False))[0])
                    for t in datasets.national_targets()],
    }


def national_site(as_of: dt.date | None = None) -> Any:  # noqa: ANN401 - a _site.Site
    """The national series as a dashboard site, one page each (``report --html``).

    Each series is drawn against one of its targets: the first whose deadline
    is after its latest reading, else the one of the latest deadline; its
    forecast is fitted to its last :data:`LAST` readings, as in the report.
    """
    from de_an06.cli import _site

    readings = national_readings(as_of)
    latest: dict[str, dt.date] = {}
    for r in readings:
        latest[r.indicator.code] = max(r.as_of, latest.get(r.indicator.code, r.as_of))
    chosen: dict[str, Target] = {}
    for t in sorted(datasets.national_targets(), key=lambda t: t.deadline or dt.date.min):
        code = t.indicator.code
        before = None if code not in chosen else chosen[code].deadline
        if code in latest and (before is None or before <= latest[code]):
            chosen[code] = t
    return _site.build_site(readings, chosen.values(), as_of=as_of, last=LAST)


def _series_row(series: Series, conflict: bool) -> dict[str, Any]:
    last = series.latest
    pace = analysis.trend(series, last=LAST).slope if len(series) >= 2 else None  # noqa: PLR2004
    return {
        "indicator": series.indicator.code, "name": series.indicator.name,
        "unit": series.indicator.unit.value, "readings": len(series),
        "latest": last.value, "qualifier": last.qualifier.value,
        "latest_date": last.precision.label(last.as_of),
        "pace_per_day": pace, "two_sources_one_date": conflict,
    }


def _target_row(target: Target, series: Series | None) -> dict[str, Any]:
    deadline = target.deadline
    row: dict[str, Any] = {
        "indicator": target.indicator.code, "target": target.value,
        "unit": target.indicator.unit.value,
        "deadline": None if deadline is None else deadline.isoformat(),
        "source": target.source.code if target.source is not None else None,
        "latest": None, "latest_date": None, "attainment_percent": None, "met": None,
        "status": None,
    }
    if series is None:
        return row
    last = series.latest
    standing = analysis.attainment(last, target)
    row.update(latest=last.value, latest_date=last.precision.label(last.as_of),
               attainment_percent=round(standing.percent, 2), met=standing.met)
    if deadline is not None and deadline >= last.as_of:
        f = analysis.forecast(series, target, deadline=deadline, last=LAST)
        row["status"] = f.status.value
    return row


def _figure(value: float | None, unit: str, lang: Lang, qualifier: str = "exact") -> str:
    if value is None:
        return MISSING
    places = 0 if float(value).is_integer() else 2
    return (f"{qualifier_symbol(qualifier)}"
            f"{number(value, places, number_format=LANG_NUMBER_FORMATS[lang])}"
            f"{unit_suffix(unit, lang=lang)}")


def _pace(row: dict[str, Any], lang: Lang) -> str:
    pace = row["pace_per_day"]
    if pace is None:
        return OUTLOOKS[lang]["no_trend"]
    return f"{pace_text(pace, lang=lang)}{unit_suffix(row['unit'], lang=lang)}"


def _status(row: dict[str, Any], lang: Lang) -> str:
    return MISSING if row["status"] is None else status_word(row["status"], brief=True,
                                                               lang=lang)


def _series_cells(row: dict[str, Any], lang: Lang) -> list[str]:
    day = row["latest_date"]
    shown = _WORDS[lang]["two_sources"].format(day=day) if row["two_sources_one_date"] else day
    return [row["indicator"], _figure(row["latest"], row["unit"], lang, row["qualifier"]),
            shown, str(row["readings"]), _pace(row, lang)]


def _target_cells(row: dict[str, Any], lang: Lang) -> list[str]:
    percent = row["attainment_percent"]
    share = number(percent, 2, number_format=LANG_NUMBER_FORMATS[lang]) if percent is not None \
        else None
    return [row["indicator"], _figure(row["target"], row["unit"], lang),
            row["deadline"] or MISSING, _figure(row["latest"], row["unit"], lang),
            row["latest_date"] or MISSING, MISSING if share is None else f"{share} %",
            met_word(row["met"], lang=lang), _status(row, lang)]


def _heads(lang: Lang) -> tuple[list[str], list[str]]:
    w = _WORDS[lang]
    return ([w["series"], w["latest"], w["as_of"], w["readings"], w["pace"].format(n=LAST)],
            [w[k] for k in ("series", "target", "deadline", "latest", "as_of", "attainment",
                            "met", "forecast")])


def _lines(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(c) for c in col) for col in zip(headers, *rows, strict=False)]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
            for r in (headers, *rows)]


def national_text(data: dict[str, Any], lang: Lang = "en") -> str:
    """The national block as plain text, in English or Vietnamese."""
    series = [_series_cells(r, lang) for r in data["series"]]
    targets = [_target_cells(r, lang) for r in data["targets"]]
    series_head, target_head = _heads(lang)
    return "\n".join([_WORDS[lang]["series_title"], *_lines(series_head, series), "",
                      _WORDS[lang]["targets_title"], *_lines(target_head, targets)]) + "\n"


def _md(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
    return [line(headers), line(["---"] * len(headers)), *(line(r) for r in rows)]


def national_markdown(data: dict[str, Any], lang: Lang = "en") -> str:
    """The national block as Markdown tables, in English or Vietnamese."""
    series = [_series_cells(r, lang) for r in data["series"]]
    targets = [_target_cells(r, lang) for r in data["targets"]]
    series_head, target_head = _heads(lang)
    return "\n".join(["## " + _WORDS[lang]["series_title"], "", *_md(series_head, series), "",
                      "## " + _WORDS[lang]["targets_title"], "", *_md(target_head, targets)]
                     ) + "\n"
