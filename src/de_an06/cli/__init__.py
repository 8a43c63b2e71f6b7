"""The ``de-an06`` command line.

Commands
--------
``de-an06 report [--province NAME|CODE] [--as-of DATE] [--format text|json|markdown] [--strict]``
    The provincial dashboard on the bundled data: attainment against each
    target, the required pace to targets still open, task completion,
    linked-service savings, ranks, and the audit findings; in English, or
    in Vietnamese with ``--lang vi`` (JSON is the same in both). ``--plot DIR``
    also writes one PNG per series with a target; it needs matplotlib
    (``pip install "de_an06[plot]"``), checked before any work is done.
``de-an06 report --national [--format text|json|markdown] [--strict]``
    The national picture from the bundled national data: each series' latest
    value (at its date's precision) and recent pace, and each national target
    with attainment and forecast status.
``de-an06 report [FILE [--columns MAP]] --html DIR [--lang vi|en] [--pages N] ...``
    The same as a static site a browser opens from ``file://`` (``index.html``
    and one page per series, no network): the targets at risk, sortable and
    filterable, outlooks by jurisdiction, ranks, the national block (bundled
    data), audit findings, sources, and a chart of each series. ``FILE`` (a
    province's spreadsheet read by :func:`de_an06.io.read_table` with the
    options of ``--columns``, a de_an06 JSON document or readings CSV file)
    replaces the bundled data; ``--pages N`` writes only the pages of the N
    series most at risk. Vietnamese by default (``--lang en`` for English).
``de-an06 audit [FILE] [--number-format plain|vi|international] [--format text|json] [--strict]``
    The consistency audit of a de_an06 JSON document or readings CSV file
    (:func:`de_an06.io.read_csv`), or of the bundled data.
``de-an06 forecast FILE [--target N] [--deadline DATE] [--indicator CODE] [--jurisdiction CODE]``
    The pace a series of a user's JSON or CSV file needs to reach a target, its
    trend, reach date and progress status (:func:`de_an06.forecast`). Without
    ``--target`` and ``--deadline``, the target FILE holds for the series.
    Numbers and dates on the command line are read as the same text in a
    file is, with the same ``--number-format``.

The package holds :func:`main` and the argument parser; the report's data
(``_report``), its text and Markdown (``_render``), the options read as
file cells and their hints (``_options``), the plot writer (``_plots``), the
national block (``_national``) and the dashboard (``_site``, ``_sheet``,
``_html``, ``_html_pages``, ``_html_national``, ``_html_assets``) are private
modules beside it.

Exit codes: 0 success; 1 when ``--strict`` is given and the audit finds
something or a target is missed; 2 for a usage or input error, with the file
and the element at fault on standard error (never a traceback).

Examples
--------
>>> from de_an06.cli import main
>>> main(["--version"])
de-an06 0.2.0.dev0
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
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from de_an06 import analysis, checks, datasets, io
from de_an06._extras import install_line
from de_an06._present import Lang
from de_an06._version import __version__
from de_an06.cli import _html, _national, _plots, _render, _report, _risk, _sheet, _site
from de_an06.cli._options import UsageError as _UsageError
from de_an06.cli._options import cell as _cell
from de_an06.cli._options import target as _target
from de_an06.cli._options import unknown as _unknown
from de_an06.errors import DeAn06Error, UnknownCodeError
from de_an06.model import Series
from de_an06.parsing import grammar

__all__ = ["build_parser", "main"]


def __dir__() -> list[str]:
    return __all__




class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


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
    report.set_defaults(command_parser=report)
    report.add_argument("--as-of", metavar="DATE",
                        help="use only figures dated on or before DATE (YYYY-MM-DD; with "
                             "--number-format vi or international also day-first, 31/12/2024)")
    report.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                        help="text for a terminal (the default), json (its layout is on the "
                             "command-line page of the docs) or markdown")
    report.add_argument("--strict", action="store_true",
                        help="exit 1 when a target is missed or the audit finds something")
    report.add_argument("--national", action="store_true",
                        help="the national series and targets instead of the provinces: "
                             "latest values, recent paces, attainment and forecast status")
    report.add_argument("--plot", metavar="DIR",
                        help="also write one PNG per series with a target to DIR "
                             "(needs matplotlib)")
    report.add_argument("file", nargs="?", metavar="FILE",
                        help="with --html: a de_an06 JSON document or readings CSV file "
                             "instead of the bundled data")
    report.add_argument("--html", metavar="DIR",
                        help="write the dashboard as a static site to DIR (index.html and "
                             "one page per series) instead of printing the report")
    report.add_argument("--lang", choices=("vi", "en"), default=None,
                        help="language of --html (default vi) and of the text and "
                             "Markdown report (default en); JSON is the same in both")
    report.add_argument("--number-format", choices=grammar.CELL_NUMBER_FORMATS,
                        default="plain",
                        help="how numbers are written in a CSV FILE (vi: 546.234 and 65,57)")
    # The dashboard on a spreadsheet, and on big inputs.
    report.add_argument("--columns", metavar="MAP",
                        help="with --html FILE: read FILE with io.read_table, its headers "
                             "mapped by MAP (a .json or .toml file, or 'Header=role;...')")
    report.add_argument("--pages", type=int, metavar="N",
                        help="with --html: write series pages only for the N most at risk")

    check = commands.add_parser(
        "audit", help="check figures against themselves",
        description="Recompute percents, hedges, parts and margins; list what does not add "
                    "up. Without FILE, audit the bundled data.")
    check.add_argument("file", nargs="?", metavar="FILE",
                       help="a de_an06 JSON document, or a readings CSV file (*.csv)")
    check.add_argument("--number-format", choices=grammar.CELL_NUMBER_FORMATS, default="plain",
                       help="how numbers are written in a CSV file (vi: 546.234 and 65,57)")
    check.set_defaults(command_parser=check)
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text for a terminal (the default) or json")
    check.add_argument("--strict", action="store_true", help="exit 1 when something is found")

    pace = commands.add_parser(
        "forecast", help="the pace a series needs to reach a target",
        description="From the latest reading of a series in FILE, the pace needed to reach "
                    "TARGET by DATE, and the pace of the series so far.")
    pace.add_argument("file", metavar="FILE",
                      help="a de_an06 JSON document, or a readings CSV file (*.csv)")
    pace.set_defaults(command_parser=pace)
    pace.add_argument("--number-format", choices=grammar.CELL_NUMBER_FORMATS, default="plain",
                      help="how numbers and dates are written in a CSV file and in --target "
                           "and --deadline (vi: 546.234, 65,57 and 30/07/2023)")
    pace.add_argument("--target", metavar="N",
                      help="the value to reach, written as a number in FILE is "
                           "(--number-format); by default the target FILE holds for the "
                           "series")
    pace.add_argument("--duplicates", choices=("raise", "last"), default="raise",
                      help="two readings of the series on one date: refuse them (the "
                           "default) or keep the one given last in FILE")
    pace.add_argument("--deadline", metavar="DATE",
                      help="the day the target is due, written as a date in FILE is "
                           "(YYYY-MM-DD; day-first too with --number-format vi or "
                           "international); by default the deadline of the target FILE holds "
                           "for the series")
    pace.add_argument("--at-risk", type=int, metavar="N",
                      help="forecast every series of a spreadsheet (CSV or .xlsx with target "
                           "and deadline columns, read by io.read_table) and list the N that "
                           "will miss the deadline by the most days")
    pace.add_argument("--indicator", metavar="CODE", help="needed when FILE holds several")
    pace.add_argument("--jurisdiction", metavar="CODE", help="needed when FILE holds several")
    pace.add_argument("--working-days", action="store_true",
                      help="paces per working day (Vietnam's calendar) instead of per day")
    pace.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                      help="text for a terminal (the default), json, or markdown (only with "
                           "--at-risk)")
    pace.add_argument("--strict", action="store_true",
                      help="exit 1 when the trend falls short of the pace needed (with "
                           "--at-risk: when a series will miss its deadline)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Exit codes: 0 success, 1 findings or missed targets with ``--strict``, 2
    usage or input error.
    """
    parser = build_parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:
            where = getattr(args, "command_parser", parser)
            where.error(_unknown(where, extras))
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
    except (_UsageError, _plots.PlotError, DeAn06Error) as error:
        sys.stderr.write(f"de-an06 {args.command}: error: {error}\n")
        return 2


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------


def _cmd_report(args: argparse.Namespace) -> int:
    if args.html is None and (args.pages is not None or args.columns is not None):
        raise _UsageError("--pages and --columns go with --html")
    if args.as_of is not None:
        args.as_of = _cell("--as-of", "readings", "as_of", args.as_of, args.number_format)
    if args.national:
        return _cmd_report_national(args)
    if args.html is not None:
        return _cmd_report_html(args)
    if args.file is not None:
        raise _UsageError("FILE is read only with --html")
    # A missing extra or an unwritable directory stops the command before any work.
    writer = None if args.plot is None else _plots.prepare(args.plot)
    if args.province is None:
        places = _report.reported_provinces()
    else:
        try:
            places = _report.resolve(args.province)
        except UnknownCodeError as error:
            raise _UsageError(str(error)) from None
    data = _report.build(places, as_of=args.as_of)
    lang: Lang = "vi" if args.lang == "vi" else "en"
    if args.format == "json":  # the same data in either language
        sys.stdout.write(_render.json_text(data))
    else:
        write = _render.report_text if args.format == "text" else _render.report_markdown
        sys.stdout.write(write(data, lang))
    if writer is not None:
        _plots.write(writer, args.plot, places, args.as_of)
    missed = any(row["met"] is False for p in data["provinces"] for row in p["targets"])
    found = any(p["findings"] for p in data["provinces"])
    return 1 if args.strict and (missed or found) else 0


def _cmd_report_national(args: argparse.Namespace) -> int:
    others = [name for name, value in (("--province", args.province), ("--as-of", args.as_of),
                                       ("--plot", args.plot), ("--html", args.html),
                                       ("FILE", args.file)) if value is not None]
    if others:
        raise _UsageError(f"--national takes no {', '.join(others)}")
    data = _national.national_data()
    lang: Lang = "vi" if args.lang == "vi" else "en"
    if args.format == "json":
        sys.stdout.write(_render.json_text(data))
    else:
        write = _national.national_text if args.format == "text" else _national.national_markdown
        sys.stdout.write(write(data, lang))
    missed = any(row["met"] is False for row in data["targets"])
    return 1 if args.strict and missed else 0


def _cmd_report_html(args: argparse.Namespace) -> int:
    if args.pages is not None and args.pages < 0:
        raise _UsageError(f"--pages must be 0 or more, not {args.pages}")
    if args.file is None:
        if args.columns is not None:
            raise _UsageError("--columns needs a FILE")
        places = (_report.reported_provinces() if args.province is None
                  else _places(args.province))
        readings, targets, claims = _bundled(places)
        title = ""
    else:
        if not Path(args.file).exists():
            raise _UsageError(f"{args.file}: no such file")
        readings, targets, claims = _sheet.read_report_file(args.file, args.number_format,
                                                            args.columns)
        title = f"Đề án 06 — {Path(args.file).name}"
    site = _site.build_site(readings, targets, claims=claims, as_of=args.as_of, title=title)
    if args.file is None:
        site = _site.with_national(site, _national.national_data(args.as_of),
                                   _national.national_site(args.as_of))
    try:
        written = _html.write_site(args.html, site, lang=args.lang or "vi", pages=args.pages,
                                   progress=_html.progress_bar)
    except OSError as error:
        raise _UsageError(f"--html cannot write to {args.html!r}: {error}") from None
    sys.stderr.write(f"wrote {written[0]} and {len(written) - 1} series pages\n")
    found = bool(site.findings) or site.counts["at_risk"] > 0
    return 1 if args.strict and found else 0


def _places(key: str) -> tuple[Any, ...]:
    try:
        return _report.resolve(key)
    except UnknownCodeError as error:
        raise _UsageError(str(error)) from None


def _bundled(places: Sequence[Any]) -> tuple[Any, Any, Any]:
    """Readings, targets and claims of the bundled data inside `places`."""
    readings = [r for p in places for r in datasets.readings(jurisdiction=p.code, subunits=True)]
    targets = [t for p in places for t in datasets.targets(jurisdiction=p.code, subunits=True)]
    claims = [c for p in places for c in datasets.claims(jurisdiction=p.code, subunits=True)]
    return readings, targets, claims


# --------------------------------------------------------------------------
# audit
# --------------------------------------------------------------------------


def _read(path: str, number_format: str) -> io.Dataset:
    """A user's file: CSV when its name ends in ``.csv``, else a JSON document."""
    if not Path(path).exists():
        raise _UsageError(f"{path}: no such file")
    # Readings and targets may name an indicator of the bundled catalogue by its code alone.
    known = datasets.indicators()
    if path.lower().endswith(".csv"):
        # argparse restricts number_format to the three formats read_csv knows.
        return io.read_csv(path, number_format=number_format,  # type: ignore[arg-type]
                           known=known)
    return io.read_json(path, known=known)


def _cmd_audit(args: argparse.Namespace) -> int:
    if args.file is None:
        readings, targets, claims = (datasets.readings(), datasets.targets(),
                                     datasets.claims())
        name = "bundled data"
    else:
        data = _read(args.file, args.number_format)
        readings, targets, claims = data.readings, data.targets, data.claims
        name = args.file
    findings = checks.audit(readings, targets=targets, claims=claims)
    rows = [_report.finding_row(f) for f in findings]
    if args.format == "json":
        sys.stdout.write(_render.json_text({"format": "de_an06-audit", "version": 1,
                                            "findings": rows}))
    else:
        sys.stdout.write(_render.audit_text(name, len(readings), rows))
    return 1 if args.strict and findings else 0


# --------------------------------------------------------------------------
# forecast
# --------------------------------------------------------------------------


def _series(data: io.Dataset, indicator: str | None, jurisdiction: str | None,
            file: str, duplicates: str = "raise") -> Series:
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
    try:
        return Series.from_readings(chosen, duplicates=duplicates)  # type: ignore[arg-type]
    except DeAn06Error as error:
        raise _UsageError(f"{file}: {error}; pass --duplicates last to keep the reading "
                          "given last for each date") from None


def _cmd_at_risk(args: argparse.Namespace) -> int:
    if args.at_risk < 0:
        raise _UsageError(f"--at-risk must be 0 or more, not {args.at_risk}")
    if not Path(args.file).exists():
        raise _UsageError(f"{args.file}: no such file")
    result = _risk.at_risk_data(args.file, args.at_risk)
    render = {"json": _render.json_text, "markdown": _risk.at_risk_markdown,
              "text": _risk.at_risk_text}[args.format]
    sys.stdout.write(render(result))
    return 1 if args.strict and result["late"] else 0


def _cmd_forecast(args: argparse.Namespace) -> int:
    if args.at_risk is not None:
        return _cmd_at_risk(args)
    if args.format == "markdown":
        raise _UsageError("--format markdown needs --at-risk")
    try:
        data = _read(args.file, args.number_format)
    except DeAn06Error as error:
        if args.target is not None or args.deadline is not None:
            raise
        raise _UsageError(f"{error}; a spreadsheet of series with target and deadline "
                          "columns is read with --at-risk N") from None
    series = _series(data, args.indicator, args.jurisdiction, args.file, args.duplicates)
    goal = _target(args, data, series)
    target, deadline = goal.value, goal.deadline
    assert deadline is not None  # noqa: S101 - _target gives a deadline
    last = series.latest
    if deadline <= last.as_of:
        raise _UsageError(f"--deadline {deadline} must be after the latest reading "
                          f"({last.as_of})")
    calendar = _report.working_calendar() if args.working_days else None
    if args.working_days and calendar is None:
        raise _UsageError(f"--working-days needs the calendar extra: {install_line('calendar')}")
    f = analysis.forecast(series, goal, calendar=calendar)
    result: dict[str, Any] = {
        "format": "de_an06-forecast", "version": 1,
        "indicator": series.indicator.code, "jurisdiction": series.jurisdiction.code,
        "readings": len(series), "latest": _report.amount(last.value, series.indicator.unit),
        "latest_date": last.as_of.isoformat(),
        "target": _report.amount(target, series.indicator.unit), "deadline": deadline.isoformat(),
        "achieved": f.achieved, "days_left": f.days_left,
        "working_days_left": f.working_days_left, "pace_unit": f.pace_unit,
        "required_pace": _rounded(f.required_pace), "current_pace": _rounded(f.current_pace),
        "pace_ratio": _rounded(f.pace_ratio, 4),
        "reach_date": _iso(f.reach_date), "reach_earliest": _iso(f.reach_earliest),
        "reach_latest": _iso(f.reach_latest), "status": f.status.value,
    }
    if args.format == "json":
        sys.stdout.write(_render.json_text(result))
    else:
        sys.stdout.write(_render.forecast_text(series, target, deadline, f))
    behind = f.status in {analysis.ProgressStatus.MODERATE, analysis.ProgressStatus.LIMITED,
                          analysis.ProgressStatus.DETERIORATING}
    return 1 if args.strict and behind else 0


def _rounded(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
