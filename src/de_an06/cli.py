"""The ``de-an06`` command line.

Commands
--------
``de-an06 report [--province NAME|CODE] [--as-of DATE] [--format text|json|markdown] [--strict]``
    The provincial dashboard on the bundled data: attainment against each
    target, the required pace to targets still open, task completion,
    linked-service savings, ranks, and the audit findings. ``--plot DIR``
    also writes one PNG per series with a target (needs matplotlib).
``de-an06 audit [FILE] [--number-format plain|vi|international] [--format text|json] [--strict]``
    The consistency audit of a de_an06 JSON document or readings CSV file
    (:func:`de_an06.io.read_csv`), or of the bundled data.
``de-an06 forecast FILE --target N --deadline DATE [--indicator CODE] [--jurisdiction CODE]``
    The pace a series of a user's JSON or CSV file needs to reach a target, its
    trend, reach date and progress status (:func:`de_an06.forecast`).

Exit codes: 0 success; 1 when ``--strict`` is given and the audit finds
something or a target is missed; 2 for a usage or input error, with the file
and the element at fault on standard error (never a traceback).

Examples
--------
>>> from de_an06.cli import main
>>> main(["--version"])
de-an06 0.1.0
0
>>> main(["audit", "--strict"])  # doctest: +ELLIPSIS
Audit of bundled data: 93 readings, 2 findings
- [truncated] Phú Yên insurance-verified-share 2024-01-31: reported 98.94 %, but
...
1
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from de_an06 import _report, analysis, datasets, io
from de_an06 import audit as _audit
from de_an06._version import __version__
from de_an06.errors import DeAn06Error, UnknownCodeError
from de_an06.model import Reading, Series

__all__ = ["build_parser", "main"]

#: Width the text output is laid out for.
WIDTH = 80

_NUMBER_FORMATS = ("plain", "vi", "international")


class _UsageError(Exception):
    """A bad argument value found after parsing (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _number(text: str) -> float:
    try:
        value = float(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value != value or value in {float("inf"), float("-inf")}:  # noqa: PLR0124
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``de-an06`` (exposed for documentation tools)."""
    parser = _Parser(
        prog="de-an06",
        description=(
            "Figures, targets and forecasts of Vietnam's Đề án 06 programme "
            "(Decision 06/QĐ-TTg, 2022-2025, vision 2030)."
        ),
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    report = commands.add_parser(
        "report", help="the provincial dashboard on the bundled data",
        description="Attainment, required paces, tasks, linked services, ranks and audit "
                    "findings per province, from the bundled report figures.")
    report.add_argument("--province", metavar="NAME|CODE",
                        help="one province, by code (56) or name (Khánh Hòa, khanh hoa)")
    report.add_argument("--as-of", type=_date, metavar="DATE",
                        help="use only figures dated on or before DATE (YYYY-MM-DD)")
    report.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    report.add_argument("--strict", action="store_true",
                        help="exit 1 when a target is missed or the audit finds something")
    report.add_argument("--plot", metavar="DIR",
                        help="also write one PNG per series with a target to DIR "
                             "(needs matplotlib)")

    check = commands.add_parser(
        "audit", help="check figures against themselves",
        description="Recompute percents, hedges, parts and margins; list what does not add "
                    "up. Without FILE, audit the bundled data.")
    check.add_argument("file", nargs="?", metavar="FILE",
                       help="a de_an06 JSON document, or a readings CSV file (*.csv)")
    check.add_argument("--number-format", choices=_NUMBER_FORMATS, default="plain",
                       help="how numbers are written in a CSV file (vi: 546.234 and 65,57)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="exit 1 when something is found")

    pace = commands.add_parser(
        "forecast", help="the pace a series needs to reach a target",
        description="From the latest reading of a series in FILE, the pace needed to reach "
                    "TARGET by DATE, and the pace of the series so far.")
    pace.add_argument("file", metavar="FILE",
                      help="a de_an06 JSON document, or a readings CSV file (*.csv)")
    pace.add_argument("--number-format", choices=_NUMBER_FORMATS, default="plain",
                      help="how numbers are written in a CSV file (vi: 546.234 and 65,57)")
    pace.add_argument("--target", type=_number, required=True, metavar="N")
    pace.add_argument("--deadline", type=_date, required=True, metavar="DATE")
    pace.add_argument("--indicator", metavar="CODE", help="needed when FILE holds several")
    pace.add_argument("--jurisdiction", metavar="CODE", help="needed when FILE holds several")
    pace.add_argument("--working-days", action="store_true",
                      help="paces per working day (Vietnam's calendar) instead of per day")
    pace.add_argument("--format", choices=("text", "json"), default="text")
    pace.add_argument("--strict", action="store_true",
                      help="exit 1 when the trend falls short of the pace needed")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Exit codes: 0 success, 1 findings or missed targets with ``--strict``, 2
    usage or input error.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    if args.version:
        sys.stdout.write(f"de-an06 {__version__}\n")
        return 0
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "report": _cmd_report, "audit": _cmd_audit, "forecast": _cmd_forecast}
    if args.command is None:
        parser.print_help(sys.stdout)
        return 0
    try:
        return commands[args.command](args)
    except (_UsageError, DeAn06Error) as error:
        sys.stderr.write(f"de-an06 {args.command}: error: {error}\n")
        return 2


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------


def _cmd_report(args: argparse.Namespace) -> int:
    if args.province is None:
        places = _report.reported_provinces()
    else:
        try:
            places = _report.resolve(args.province)
        except UnknownCodeError as error:
            raise _UsageError(str(error)) from None
    data = _report.build(places, as_of=args.as_of)
    render = {"json": _json, "markdown": _report_markdown, "text": _report_text}[args.format]
    sys.stdout.write(render(data))
    if args.plot is not None:
        _write_plots(args.plot, places, args.as_of)
    missed = any(row["met"] is False for p in data["provinces"] for row in p["targets"])
    found = any(p["findings"] for p in data["provinces"])
    return 1 if args.strict and (missed or found) else 0


def _write_plots(directory: str, places: Sequence[Any], as_of: dt.date | None) -> None:
    try:
        from de_an06.plotting import write_series_plots
        paths = write_series_plots(directory, places, as_of=as_of)
    except ModuleNotFoundError as error:
        raise _UsageError(f"--plot needs matplotlib ({error})") from None
    except OSError as error:
        raise _UsageError(f"--plot cannot write to {directory!r}: {error}") from None
    for path in paths:
        sys.stderr.write(f"wrote {path}\n")


def _json(data: object) -> str:
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


def _num(value: float | None, places: int | None = 2) -> str:
    """A figure with grouped thousands; ``places=None`` keeps the printed decimals."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    if places is None:
        places = _audit.printed_decimals(value)
    return f"{value:,.{places}f}"


_QUALIFIER = {"exact": "", "about": "≈", "nearly": "<~", "more_than": ">", "less_than": "<"}
_MET = {True: "yes", False: "no", None: "open"}
_PACE_TITLE = "Pace needed to open targets"
_FIGURES_TITLE = "Reported figures"
_BASES = {"target", "eligible", "holders", "population"}
_STATUS = {"target_achieved": "achieved", "substantial_progress": "on track",
           "moderate_progress": "moderate progress", "limited_progress": "limited progress",
           "deterioration": "deteriorating", "not_available": "no trend (one reading)"}
_UNIT = {"percent": " %", "people": "", "count": "", "dossiers": "", "uses": " uses",
         "days": " d", "working_days": " wd", "minutes": " min", "vnd": " VND", "rank": ""}


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
                _QUALIFIER[r["qualifier"]] + _num(r["value"], None)
                if r["value"] is not None else "—",
                _num(r["target"]) + ("*" if r["target_inferred"] else ""),
                _num(r["attainment_percent"]),
                "—" if r["value"] is None else _MET[r["met"]]] for r in p["targets"]]
    figures = [[r["place"]["name_vi"], r["name"], _figure_value(r), r["as_of"]]
               for r in p["figures"]]
    paces = [[r["place"]["name_vi"], r["name"], _num(r["gap"]), str(r["days_left"]),
              _num(r["required_per_day"]), _num(r["working_days_left"]),
              _num(r["required_per_working_day"]), _STATUS.get(r["status"], r["status"])]
             for r in p["forecasts"]]
    tasks = [[r["place"]["name_vi"], f"{r['done']}/{r['total']}",
              "—" if r["in_progress"] is None else str(r["in_progress"]), _num(r["percent"])]
             for r in p["tasks"]]
    linked = [[r["place"]["name_vi"], _num(r["days_before"]), _num(r["days_after"]),
               _num(r["days_saved"]), _num(r["time_cut_percent"]),
               f"{_num(r['declarations_before'])} → {_num(r['declarations_after'])}"]
              for r in p["linked_services"]]
    ranks = [[r["place"]["name_vi"], r["name"],
              " → ".join(f"{k['position']}/{k['total']}" for k in r["ranks"]),
              "—" if r["change"] is None else f"{r['change']:+d}"] for r in p["ranks"]]
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


def _report_text(data: dict[str, Any]) -> str:
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
                      [[t["name"], t["deadline"] or "—", t["status"].replace("_", " ")]
                       for t in p["task_list"]], "<<<")
    out += ["", f"Audit findings: {len(p['findings'])}"]
    for finding in p["findings"]:
        out += _wrap(f"- [{finding['kind']}] {finding['message']}", 2)
    return out


def _figure_value(row: dict[str, Any]) -> str:
    text = _QUALIFIER[row["qualifier"]] + _num(row["value"], None) + _UNIT[row["unit"]]
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
                     f"{r['deadline']}: {_num(r['gap'])} to go", 4)
        pace = f"{_num(r['required_per_day'])} a day over {r['days_left']} days"
        if r["required_per_working_day"] is not None:
            pace += (f"; {_num(r['required_per_working_day'])} a working day over "
                     f"{r['working_days_left']} working days")
        out += _wrap(pace, 4)
        status = _STATUS.get(r["status"], r["status"])
        if r["current_per_day"] is not None:
            status += f"; pace so far {_num(r['current_per_day'])} a day"
        if r["reach_date"] is not None:
            status += f", reaching the target on {r['reach_date']}"
        out += _wrap(f"status: {status}", 4)
    return out


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def _report_markdown(data: dict[str, Any]) -> str:
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


# --------------------------------------------------------------------------
# audit
# --------------------------------------------------------------------------


def _read(path: str, number_format: str) -> io.Dataset:
    """A user's file: CSV when its name ends in ``.csv``, else a JSON document."""
    if not Path(path).exists():
        raise _UsageError(f"{path}: no such file")
    if path.lower().endswith(".csv"):
        # argparse restricts number_format to the three formats read_csv knows.
        return io.read_csv(path, number_format=number_format)  # type: ignore[arg-type]
    return io.read_json(path)


def _cmd_audit(args: argparse.Namespace) -> int:
    if args.file is None:
        readings, targets, claims = (datasets.readings(), datasets.targets(),
                                     datasets.claims())
        name = "bundled data"
    else:
        data = _read(args.file, args.number_format)
        readings, targets, claims = data.readings, data.targets, data.claims
        name = args.file
    findings = _audit.audit(readings, targets=targets, claims=claims)
    rows = [_report._finding_row(f) for f in findings]  # noqa: SLF001 - our own module
    if args.format == "json":
        sys.stdout.write(_json({"format": "de_an06-audit", "version": 1, "findings": rows}))
    else:
        plural = "" if len(findings) == 1 else "s"
        out = [f"Audit of {name}: {len(readings)} readings, {len(findings)} finding{plural}"]
        for row in rows:
            out += _wrap(f"- [{row['kind']}] {row['message']}", 0)
        sys.stdout.write("\n".join(out) + "\n")
    return 1 if args.strict and findings else 0


# --------------------------------------------------------------------------
# forecast
# --------------------------------------------------------------------------


def _series(data: io.Dataset, indicator: str | None, jurisdiction: str | None,
            file: str) -> Series:
    chosen = [r for r in data.readings
              if (indicator is None or r.indicator.code == indicator)
              and (jurisdiction is None or r.jurisdiction.code == jurisdiction)]
    keys = sorted({(r.indicator.code, r.jurisdiction.code) for r in chosen})
    if not keys:
        raise _UsageError(f"{file}: no readings match (indicator {indicator!r}, "
                          f"jurisdiction {jurisdiction!r})")
    if len(keys) > 1:
        listed = ", ".join(f"{i}@{j}" for i, j in keys[:6])
        raise _UsageError(f"{file}: several series ({listed}); choose one with --indicator "
                          "and --jurisdiction")
    latest: dict[dt.date, Reading] = {}
    for reading in chosen:
        latest[reading.as_of] = reading
    return Series(latest.values())


def _cmd_forecast(args: argparse.Namespace) -> int:
    data = _read(args.file, args.number_format)
    series = _series(data, args.indicator, args.jurisdiction, args.file)
    last = series.latest
    if args.deadline <= last.as_of:
        raise _UsageError(f"--deadline {args.deadline} must be after the latest reading "
                          f"({last.as_of})")
    calendar = _report.working_calendar() if args.working_days else None
    if args.working_days and calendar is None:
        raise _UsageError("--working-days needs the calendar extra: "
                          "pip install 'de_an06[calendar]'")
    f = analysis.forecast(series, args.target, deadline=args.deadline, calendar=calendar)
    result: dict[str, Any] = {
        "format": "de_an06-forecast", "version": 1,
        "indicator": series.indicator.code, "jurisdiction": series.jurisdiction.code,
        "readings": len(series), "latest": last.value, "latest_date": last.as_of.isoformat(),
        "target": args.target, "deadline": args.deadline.isoformat(),
        "achieved": f.achieved, "days_left": f.days_left,
        "working_days_left": f.working_days_left, "pace_unit": f.pace_unit,
        "required_pace": _rounded(f.required_pace), "current_pace": _rounded(f.current_pace),
        "pace_ratio": _rounded(f.pace_ratio, 4),
        "reach_date": _iso(f.reach_date), "reach_earliest": _iso(f.reach_earliest),
        "reach_latest": _iso(f.reach_latest), "status": f.status.value,
    }
    if args.format == "json":
        sys.stdout.write(_json(result))
    else:
        unit = f.pace_unit
        lines = [f"{series.indicator.name} — {series.jurisdiction.name_vi}",
                 f"  latest        {_num(last.value)} on {last.as_of}",
                 (f"  target        {_num(args.target)} by {args.deadline} "
                 f"({f.days_left} days)")]
        if f.achieved:
            lines.append("  already met")
        else:
            lines.append(f"  needed        {_num(f.required_pace)} a {unit}")
        if f.current_pace is not None:
            lines.append(f"  pace so far   {_num(f.current_pace)} a {unit} "
                         f"({len(series)} readings, first on {series[0].as_of})")
        if f.reach_date is not None:
            lines.append(f"  reaches it on {f.reach_date}")
        lines.append(f"  status        {_STATUS[f.status.value]}")
        sys.stdout.write("\n".join(lines) + "\n")
    behind = f.status in {analysis.ProgressStatus.MODERATE, analysis.ProgressStatus.LIMITED,
                          analysis.ProgressStatus.DETERIORATING}
    return 1 if args.strict and behind else 0


def _rounded(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
