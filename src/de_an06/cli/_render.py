"""Text and Markdown of the command line: tables in terminal columns, wrapped lines.

Every word, symbol and number format comes from :mod:`de_an06._present`,
in English or Vietnamese (``lang``; the names of indicators, tasks and
bases from the model's own Vietnamese labels); this module lays them out
for an 80-column terminal (Vietnamese names are measured in columns,
combining marks taking none) or as Markdown tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import math
import unicodedata
from collections.abc import Sequence
from typing import Any

from de_an06 import datasets
from de_an06._present import (
    LANG_NUMBER_FORMATS,
    MISSING,
    Lang,
    date_text,
    label,
    met_word,
    number,
    pace_text,
    qualifier_symbol,
    status_word,
    unit_suffix,
)
from de_an06.analysis import Forecast
from de_an06.model import Basis, Series, TaskStatus
from de_an06.model.rules import printed_decimals

#: Width the text output is laid out for.
WIDTH = 80


def json_text(data: object) -> str:
    """`data` as indented JSON, non-ASCII kept, with a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _columns(char: str) -> int:
    """Columns one character takes: combining marks 0, wide characters 2."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1


def _width(text: str) -> int:
    """Columns `text` takes in a terminal."""
    return sum(map(_columns, unicodedata.normalize("NFC", text)))


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` columns, with an ellipsis when cut."""
    if _width(text) <= width:
        return text
    chars = unicodedata.normalize("NFC", text)
    used = itertools.accumulate(map(_columns, chars))
    kept = sum(1 for _ in itertools.takewhile(lambda columns: columns < width, used))
    return chars[:kept].rstrip() + "…"


def _pad(text: str, width: int, align: str) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if align == ">" else text + gap


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], aligns: str,
           *, indent: int = 2, width: int = WIDTH) -> list[str]:
    """Rows aligned in columns; the first text column shrinks to fit `width`."""
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    room = width - indent - 2 * (len(headers) - 1)
    flexible = [i for i, a in enumerate(aligns) if a == "<"]
    while sum(widths) > room and flexible:
        widest = max(flexible, key=lambda i: widths[i])
        if widths[widest] <= 8:  # noqa: PLR2004 - keep a readable minimum
            break
        widths[widest] -= 1
    lines = []
    for row in [list(headers), *rows]:
        cells = [_pad(_fit(cell, widths[i]), widths[i], aligns[i]) for i, cell in enumerate(row)]
        lines.append((" " * indent + "  ".join(cells)).rstrip())
    return lines



def _num(value: float | None, places: int | None = None, lang: Lang = "en") -> str:
    """A figure as reported, thousands grouped, with the decimals it was printed with.

    Counts stay whole (``546,234``); ``places`` gives the decimals instead.
    """
    if value is None:
        return MISSING
    if places is None:
        places = printed_decimals(value)
    return number(value, places, fixed=True, number_format=LANG_NUMBER_FORMATS[lang])


def _rate(value: float | None, lang: Lang = "en") -> str:
    """A computed percent (of a target, of time saved): always two decimals."""
    return _num(value, 2, lang)


def pace_cell(value: float | None, lang: Lang = "en") -> str:
    """A pace per day or working day, by the one rule of :func:`~de_an06._present.pace_text`.

    The terminal, the at-risk list and the dashboard print every pace through
    here; a pace that is not there (``None`` or NaN) is :data:`MISSING`.
    """
    if value is None or math.isnan(value):
        return MISSING
    return pace_text(value, lang=lang)


def _gap(high: float, low: float, lang: Lang = "en") -> str:
    """``high - low`` at the decimals of the more precise of the two figures."""
    return _num(high - low, max(printed_decimals(high), printed_decimals(low)), lang)


def _day(iso: str, lang: Lang) -> str:
    """An ISO date of the report's data as the language writes it (English keeps ISO)."""
    return iso if lang == "en" else date_text(dt.date.fromisoformat(iso), lang=lang)


@functools.cache
def _names_vi() -> dict[str, dict[str, str]]:
    """Vietnamese names of the bundled indicators (by ``indicator``) and tasks (by ``code``)."""
    return {"indicator": {i.code: i.name_vi for i in datasets.indicators()},
            "code": {t.code: t.name_vi for t in datasets.programme().tasks}}


def _name(row: dict[str, Any], lang: Lang, key: str = "indicator") -> str:
    """The name of a row's indicator (or task, by `key`) in the language."""
    name: str = row["name"]
    return name if lang == "en" else _names_vi()[key].get(row[key], name)


_BASES = {"target", "eligible", "holders", "population"}


def _wrap(text: str, indent: int, width: int = WIDTH) -> list[str]:
    """`text` wrapped to `width`, continuation lines hanging two columns further in."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        margin = indent if not lines else indent + 2
        candidate = f"{line} {word}" if line else word
        if _width(candidate) + margin > width and line:
            lines.append(" " * margin + line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(" " * (indent if not lines else indent + 2) + line)
    return lines


def _sections(p: dict[str, Any], lang: Lang
              ) -> list[tuple[str, list[str], list[list[str]], str]]:
    """(key of the title, headers, rows, aligns) of each table of one province."""
    def w(key: str) -> str:
        return label(key, lang=lang)

    targets = [[r["place"]["name_vi"], _name(r, lang),
                qualifier_symbol(r["qualifier"]) + _num(r["value"], None, lang)
                if r["value"] is not None else MISSING,
                _num(r["target"], None, lang) + ("*" if r["target_inferred"] else ""),
                _rate(r["attainment_percent"], lang),
                MISSING if r["value"] is None else met_word(r["met"], brief=True, lang=lang)]
               for r in p["targets"]]
    figures = [[r["place"]["name_vi"], _name(r, lang), _figure_value(r, lang),
                _day(r["as_of"], lang)] for r in p["figures"]]
    paces = [[r["place"]["name_vi"], _name(r, lang), _gap(r["target"], r["from"], lang),
              str(r["days_left"]), pace_cell(r["required_per_day"], lang),
              _num(r["working_days_left"], None, lang),
              pace_cell(r["required_per_working_day"], lang),
              status_word(r["status"], brief=True, lang=lang)]
             for r in p["forecasts"]]
    tasks = [[r["place"]["name_vi"], f"{r['done']}/{r['total']}",
              MISSING if r["in_progress"] is None else str(r["in_progress"]),
              _rate(r["percent"], lang)]
             for r in p["tasks"]]
    linked = [[r["place"]["name_vi"], _num(r["days_before"], None, lang),
               _num(r["days_after"], None, lang), _gap(r["days_before"], r["days_after"], lang),
               _rate(r["time_cut_percent"], lang),
               (f"{_num(r['declarations_before'], None, lang)} → "
                f"{_num(r['declarations_after'], None, lang)}")]
              for r in p["linked_services"]]
    ranks = [[r["place"]["name_vi"], _name(r, lang),
              " → ".join(f"{k['position']}/{k['total']}" for k in r["ranks"]),
              MISSING if r["change"] is None else f"{r['change']:+d}"]
             for r in p["ranks"]]
    place, name, value = w("place"), w("name"), w("value")
    return [
        ("figures", [place, name, value, w("as_of_col")], figures, "<<><"),
        ("targets_t", [place, name, value, w("target"), w("att"), w("met_col")], targets,
         "<<>>>>"),
        ("pace_t", [place, name, w("gap"), w("days"), w("per_day"), w("work_days"),
                    w("per_work_day"), w("status")], paces, "<<>>>>><"),
        ("tasks_t", [place, w("done"), w("in_prog"), "%"], tasks, "<>>>"),
        ("linked", [place, w("before"), w("after"), w("saved"), w("cut"), w("decl")], linked,
         "<>>>>>"),
        ("ranks_t", [place, name, w("ranks"), w("moved")], ranks, "<<>>"),
    ]


def _scope(data: dict[str, Any], lang: Lang) -> str:
    scope = (label("all", lang=lang) if data["as_of"] is None
             else label("up_to", lang=lang, day=_day(data["as_of"], lang)))
    return label("report", lang=lang, scope=scope)


def report_text(data: dict[str, Any], lang: Lang = "en") -> str:
    """The report as text for an 80-column terminal, in English or Vietnamese."""
    out = [_fit(_scope(data, lang), WIDTH)]
    for p in data["provinces"]:
        out += _province_text(p, lang)
    return "\n".join(out) + "\n"


def _successor(p: dict[str, Any], lang: Lang) -> str:
    s = p["successor"]
    return label("part_of", lang=lang, day=_day(s["from"], lang),
                 name=f"{s['name_vi']} ({s['code']})")


def _published(source: dict[str, Any], lang: Lang) -> str:
    published = source["published"]
    return label("undated", lang=lang) if published is None else _day(published, lang)


def _province_text(p: dict[str, Any], lang: Lang) -> list[str]:
    out = ["", "=" * WIDTH, f"{p['name_vi']} ({p['code']})"]
    s = p["successor"]
    if s["code"] != p["code"] or s["name_vi"] != p["name_vi"]:
        out.append(f"  {_successor(p, lang)}")
    for source in p["sources"]:
        mark = label("inferred", lang=lang) if source["date_inferred"] else ""
        out.append(_fit(f"  {label('source', lang=lang)} {source['code']}, "
                        f"{_published(source, lang)}{mark}", WIDTH))
    if not p["sources"]:
        out.append("  " + label("no_figures", lang=lang))
    for key, headers, rows, aligns in _sections(p, lang):
        if not rows:
            continue
        title = label(key, lang=lang)
        if key == "pace_t":
            out += ["", title, *_pace_lines(p["forecasts"], lang)]
        elif key == "figures":
            dates = [r["as_of"] for r in p["figures"]]
            out += ["", title, *_figure_lines(rows, dates, headers[:-1], aligns[:-1], lang)]
        else:
            out += ["", title, *_table(headers, rows, aligns)]
    if p["task_list"]:
        out += ["", label("task_list", lang=lang)]
        out += _table([label(k, lang=lang) for k in ("task", "deadline", "status")],
                      [[_name(t, lang, "code"), MISSING if t["deadline"] is None
                        else _day(t["deadline"], lang), _task_status(t["status"], lang)]
                       for t in p["task_list"]], "<<<")
    out += ["", f"{label('findings', lang=lang)}: {len(p['findings'])}"]
    for finding in p["findings"]:
        out += _wrap(f"- [{finding['kind']}] {finding['message']}", 2)
    return out


def _task_status(code: str, lang: Lang) -> str:
    return code.replace("_", " ") if lang == "en" else TaskStatus(code).name_vi


def _figure_value(row: dict[str, Any], lang: Lang = "en") -> str:
    text = (qualifier_symbol(row["qualifier"]) + _num(row["value"], None, lang)
            + unit_suffix(row["unit"], lang=lang))
    if row["unit"] == "percent" and row["basis"] in _BASES:
        basis = row["basis"] if lang == "en" else Basis(row["basis"]).name_vi
        text += label("of_basis", lang=lang, basis=basis)
    return text


def _figure_lines(rows: Sequence[Sequence[str]], dates: Sequence[str], headers: Sequence[str],
                  aligns: str, lang: Lang) -> list[str]:
    """The figures table without its date column, one sub-heading per date.

    `dates` are the rows' ISO dates, which order them (the printed date may
    be day-first).
    """
    order = sorted(range(len(rows)), key=lambda i: dates[i])
    lines = _table(headers, [rows[i][:-1] for i in order], aligns, indent=4)
    out = [lines[0]]
    previous = None
    for i, line in zip(order, lines[1:], strict=True):
        if dates[i] != previous:
            out.append("  " + label("on_day", lang=lang, day=rows[i][-1]))
            previous = dates[i]
        out.append(line)
    return out


def _pace_lines(rows: Sequence[dict[str, Any]], lang: Lang = "en") -> list[str]:
    out: list[str] = []
    for r in rows:
        out += _wrap(f"{r['place']['name_vi']} — {_name(r, lang)}", 2)
        out += _wrap(label("to_go", lang=lang, start=_num(r["from"], None, lang),
                           day=_day(r["from_date"], lang), target=_num(r["target"], None, lang),
                           deadline=_day(r["deadline"], lang),
                           gap=_gap(r["target"], r["from"], lang)), 4)
        pace = label("a_day", lang=lang, pace=pace_cell(r["required_per_day"], lang),
                     days=r["days_left"])
        if r["required_per_working_day"] is not None:
            pace += label("a_work_day", lang=lang,
                          pace=pace_cell(r["required_per_working_day"], lang),
                          days=r["working_days_left"])
        out += _wrap(pace, 4)
        status = status_word(r["status"], brief=True, lang=lang)
        if r["current_per_day"] is not None:
            status += label("now", lang=lang, pace=pace_cell(r["current_per_day"], lang))
        if r["reach_date"] is not None:
            status += label("reaching", lang=lang, day=_day(r["reach_date"], lang))
        out += _wrap(label("status_is", lang=lang, s=status), 4)
    return out


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


# Shared with the at-risk list (cli._risk).
table = _table
md_cell = _md_cell


def report_markdown(data: dict[str, Any], lang: Lang = "en") -> str:
    """The report as Markdown tables, in English or Vietnamese."""
    out = [f"# {_scope(data, lang)}"]
    for p in data["provinces"]:
        out += ["", f"## {p['name_vi']} ({p['code']})", ""]
        moved = _successor(p, lang)
        out.append(f"{moved[0].upper()}{moved[1:]}.")
        for source in p["sources"]:
            out.append(f"{label('source', lang=lang)} `{source['code']}` — {source['title']} "
                       f"({_published(source, lang)}).")
        for key, headers, rows, aligns in _sections(p, lang):
            if not rows:
                continue
            out += ["", f"### {label(key, lang=lang)}", "", "| " + " | ".join(headers) + " |",
                    "|" + "|".join("---:" if a == ">" else "---" for a in aligns) + "|"]
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
        out += ["", f"### {label('findings', lang=lang)} ({len(p['findings'])})", ""]
        out += [f"- **{f['kind']}**: {_md_cell(f['message'])}" for f in p["findings"]]
    return "\n".join(out) + "\n"


def audit_text(name: str, readings: int, rows: Sequence[dict[str, Any]]) -> str:
    """The text of ``de-an06 audit``: a count line, then one wrapped line per finding."""
    plural = "" if len(rows) == 1 else "s"
    out = [f"Audit of {name}: {readings} readings, {len(rows)} finding{plural}"]
    for row in rows:
        out += _wrap(f"- [{row['kind']}] {row['message']}", 0)
    return "\n".join(out) + "\n"


def forecast_text(series: Series, target: float, deadline: object, f: Forecast) -> str:
    """The text of ``de-an06 forecast``: latest figure, target, paces and status."""
    last = series.latest
    unit = f.pace_unit
    lines = [f"{series.indicator.name} — {series.jurisdiction.name_vi}",
             f"  latest        {_num(last.value)} on {last.as_of}",
             (f"  target        {_num(target)} by {deadline} "
             f"({f.days_left} days)")]
    if f.achieved:
        lines.append("  already met")
    else:
        lines.append(f"  needed        {pace_cell(f.required_pace)} a {unit}")
    if f.current_pace is not None:
        lines.append(f"  pace so far   {pace_cell(f.current_pace)} a {unit} "
                     f"({len(series)} readings, first on {series[0].as_of})")
    if f.reach_date is not None:
        lines.append(f"  reaches it on {f.reach_date}")
    lines.append(f"  status        {status_word(f.status, brief=True)}")
    return "\n".join(lines) + "\n"
