"""Text and Markdown of the command line: tables in terminal columns, wrapped lines.

Every word, symbol and number format comes from :mod:`de_an06._present`;
this module lays them out for an 80-column terminal (Vietnamese names are
measured in columns, combining marks taking none) or as Markdown tables.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from collections.abc import Sequence
from typing import Any

from de_an06._present import (
    MISSING,
    met_word,
    number,
    pace_text,
    qualifier_symbol,
    status_word,
    unit_suffix,
)
from de_an06.analysis import Forecast
from de_an06.model import Series
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



def _num(value: float | None, places: int | None = None) -> str:
    """A figure as reported, thousands grouped, with the decimals it was printed with.

    Counts stay whole (``546,234``); ``places`` gives the decimals instead.
    """
    if value is None:
        return MISSING
    if places is None:
        places = printed_decimals(value)
    return number(value, places, fixed=True)


def _rate(value: float | None) -> str:
    """A computed percent (of a target, of time saved): always two decimals."""
    return _num(value, 2)


def _pace(value: float | None) -> str:
    """A pace per day or working day, by the one rule of :func:`~de_an06._present.pace_text`."""
    return MISSING if value is None else pace_text(value)


def _gap(high: float, low: float) -> str:
    """``high - low`` at the decimals of the more precise of the two figures."""
    return _num(high - low, max(printed_decimals(high), printed_decimals(low)))


_PACE_TITLE = "Pace needed to open targets"
_FIGURES_TITLE = "Reported figures"
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


def _sections(p: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]], str]]:
    """(title, headers, rows, aligns) of each table of one province."""
    targets = [[r["place"]["name_vi"], r["name"],
                qualifier_symbol(r["qualifier"]) + _num(r["value"], None)
                if r["value"] is not None else MISSING,
                _num(r["target"]) + ("*" if r["target_inferred"] else ""),
                _rate(r["attainment_percent"]),
                MISSING if r["value"] is None else met_word(r["met"], brief=True)]
               for r in p["targets"]]
    figures = [[r["place"]["name_vi"], r["name"], _figure_value(r), r["as_of"]]
               for r in p["figures"]]
    paces = [[r["place"]["name_vi"], r["name"], _gap(r["target"], r["from"]),
              str(r["days_left"]), _pace(r["required_per_day"]), _num(r["working_days_left"]),
              _pace(r["required_per_working_day"]), status_word(r["status"], brief=True)]
             for r in p["forecasts"]]
    tasks = [[r["place"]["name_vi"], f"{r['done']}/{r['total']}",
              MISSING if r["in_progress"] is None else str(r["in_progress"]),
              _rate(r["percent"])]
             for r in p["tasks"]]
    linked = [[r["place"]["name_vi"], _num(r["days_before"]), _num(r["days_after"]),
               _gap(r["days_before"], r["days_after"]), _rate(r["time_cut_percent"]),
               f"{_num(r['declarations_before'])} → {_num(r['declarations_after'])}"]
              for r in p["linked_services"]]
    ranks = [[r["place"]["name_vi"], r["name"],
              " → ".join(f"{k['position']}/{k['total']}" for k in r["ranks"]),
              MISSING if r["change"] is None else f"{r['change']:+d}"]
             for r in p["ranks"]]
    return [
        (_FIGURES_TITLE, ["Place", "Indicator", "Value", "As of"], figures, "<<><"),
        ("Targets (* inferred, not printed)",
         ["Place", "Indicator", "Value", "Target", "Att. %", "Met"], targets, "<<>>>>"),
        (_PACE_TITLE, ["Place", "Indicator", "Gap", "Days", "Per day", "Working days",
                       "Per working day", "Status"], paces, "<<>>>>><"),
        ("Task completion", ["Place", "Done", "In progress", "%"], tasks, "<>>>"),
        ("Linked services", ["Place", "Days before", "After", "Saved", "Cut %",
                             "Declarations"], linked, "<>>>>>"),
        ("Ranks (1 is best)", ["Place", "Indicator", "Ranks", "Change"], ranks, "<<>>"),
    ]


def report_text(data: dict[str, Any]) -> str:
    scope = "all figures" if data["as_of"] is None else f"figures up to {data['as_of']}"
    out = [_fit(f"Đề án 06 — provincial report ({scope})", WIDTH)]
    for p in data["provinces"]:
        out += _province_text(p)
    return "\n".join(out) + "\n"


def _province_text(p: dict[str, Any]) -> list[str]:
    out = ["", "=" * WIDTH, f"{p['name_vi']} ({p['code']})"]
    s = p["successor"]
    if s["code"] != p["code"] or s["name_vi"] != p["name_vi"]:
        out.append(f"  from {s['from']}: part of {s['name_vi']} ({s['code']})")
    for source in p["sources"]:
        published = source["published"] or "date not printed"
        mark = " (inferred)" if source["date_inferred"] else ""
        out.append(_fit(f"  Source {source['code']}, {published}{mark}", WIDTH))
    if not p["sources"]:
        out.append("  No bundled figures for this province (up to this date).")
    for title, headers, rows, aligns in _sections(p):
        if not rows:
            continue
        if title == _PACE_TITLE:
            out += ["", title, *_pace_lines(p["forecasts"])]
        elif title == _FIGURES_TITLE:
            out += ["", title, *_figure_lines(rows, headers[:-1], aligns[:-1])]
        else:
            out += ["", title, *_table(headers, rows, aligns)]
    if p["task_list"]:
        out += ["", "Tasks named in the reports"]
        out += _table(["Task", "Deadline", "Status"],
                      [[t["name"], t["deadline"] or MISSING, t["status"].replace("_", " ")]
                       for t in p["task_list"]], "<<<")
    out += ["", f"Audit findings: {len(p['findings'])}"]
    for finding in p["findings"]:
        out += _wrap(f"- [{finding['kind']}] {finding['message']}", 2)
    return out


def _figure_value(row: dict[str, Any]) -> str:
    text = (qualifier_symbol(row["qualifier"]) + _num(row["value"], None)
            + unit_suffix(row["unit"]))
    if row["unit"] == "percent" and row["basis"] in _BASES:
        text += f" of {row['basis']}"
    return text


def _figure_lines(rows: Sequence[Sequence[str]], headers: Sequence[str],
                  aligns: str) -> list[str]:
    """The figures table without its date column, one sub-heading per date."""
    ordered = sorted(rows, key=lambda row: row[-1])
    lines = _table(headers, [row[:-1] for row in ordered], aligns, indent=4)
    out = [lines[0]]
    previous = None
    for row, line in zip(ordered, lines[1:], strict=True):
        if row[-1] != previous:
            out.append(f"  as of {row[-1]}")
            previous = row[-1]
        out.append(line)
    return out


def _pace_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for r in rows:
        out += _wrap(f"{r['place']['name_vi']} — {r['name']}", 2)
        out += _wrap(f"{_num(r['from'])} on {r['from_date']} → {_num(r['target'])} by "
                     f"{r['deadline']}: {_gap(r['target'], r['from'])} to go", 4)
        pace = f"{_pace(r['required_per_day'])} a day over {r['days_left']} days"
        if r["required_per_working_day"] is not None:
            pace += (f"; {_pace(r['required_per_working_day'])} a working day over "
                     f"{r['working_days_left']} working days")
        out += _wrap(pace, 4)
        status = status_word(r["status"], brief=True)
        if r["current_per_day"] is not None:
            status += f"; pace so far {_pace(r['current_per_day'])} a day"
        if r["reach_date"] is not None:
            status += f", reaching the target on {r['reach_date']}"
        out += _wrap(f"status: {status}", 4)
    return out


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


# Shared with the at-risk list (cli._risk).
table = _table
md_cell = _md_cell


def report_markdown(data: dict[str, Any]) -> str:
    scope = "all figures" if data["as_of"] is None else f"figures up to {data['as_of']}"
    out = [f"# Đề án 06 — provincial report ({scope})"]
    for p in data["provinces"]:
        out += ["", f"## {p['name_vi']} ({p['code']})", ""]
        s = p["successor"]
        out.append(f"From {s['from']}: part of {s['name_vi']} ({s['code']}).")
        for source in p["sources"]:
            out.append(f"Source `{source['code']}` — {source['title']} "
                       f"({source['published'] or 'date not printed'}).")
        for title, headers, rows, aligns in _sections(p):
            if not rows:
                continue
            out += ["", f"### {title}", "", "| " + " | ".join(headers) + " |",
                    "|" + "|".join("---:" if a == ">" else "---" for a in aligns) + "|"]
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
        out += ["", f"### Audit findings ({len(p['findings'])})", ""]
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
        lines.append(f"  needed        {_pace(f.required_pace)} a {unit}")
    if f.current_pace is not None:
        lines.append(f"  pace so far   {_pace(f.current_pace)} a {unit} "
                     f"({len(series)} readings, first on {series[0].as_of})")
    if f.reach_date is not None:
        lines.append(f"  reaches it on {f.reach_date}")
    lines.append(f"  status        {status_word(f.status, brief=True)}")
    return "\n".join(lines) + "\n"
