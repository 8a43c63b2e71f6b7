"""The ``de-an06`` command line.

Commands
--------
``de-an06 report [--province NAME|CODE] [--as-of DATE] [--format text|json|markdown] [--strict]``
    The provincial dashboard on the bundled data: attainment against each
    target, the required pace to targets still open, task completion,
    linked-service savings, ranks, and the audit findings. ``--plot DIR``
    also writes one PNG per series with a target; it needs matplotlib
    (``pip install "de_an06[plot]"``), checked before any work is done.
``de-an06 audit [FILE] [--number-format plain|vi|international] [--format text|json] [--strict]``
    The consistency audit of a de_an06 JSON document or readings CSV file
    (:func:`de_an06.io.read_csv`), or of the bundled data.
``de-an06 forecast FILE --target N --deadline DATE [--indicator CODE] [--jurisdiction CODE]``
    The pace a series of a user's JSON or CSV file needs to reach a target, its
    trend, reach date and progress status (:func:`de_an06.forecast`).

The package holds :func:`main` and the argument parser; the report's data
(``_report``), its text and Markdown (``_render``) and the plot writer
(``_plots``) are private modules beside it.

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
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from de_an06 import analysis, checks, datasets, io
from de_an06._version import __version__
from de_an06.cli import _plots, _render, _report, _risk
from de_an06.errors import DeAn06Error, UnknownCodeError
from de_an06.model import Series

__all__ = ["build_parser", "main"]


def __dir__() -> list[str]:
    return __all__


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
    pace.add_argument("--target", type=_number, metavar="N",
                      help="required, unless --at-risk is given")
    pace.add_argument("--deadline", type=_date, metavar="DATE",
                      help="required, unless --at-risk is given")
    pace.add_argument("--at-risk", type=int, metavar="N",
                      help="forecast every series of a spreadsheet (CSV or .xlsx with target "
                           "and deadline columns, read by io.read_table) and list the N that "
                           "will miss the deadline by the most days")
    pace.add_argument("--indicator", metavar="CODE", help="needed when FILE holds several")
    pace.add_argument("--jurisdiction", metavar="CODE", help="needed when FILE holds several")
    pace.add_argument("--working-days", action="store_true",
                      help="paces per working day (Vietnam's calendar) instead of per day")
    pace.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                      help="markdown: only with --at-risk")
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
    except (_UsageError, _plots.PlotError, DeAn06Error) as error:
        sys.stderr.write(f"de-an06 {args.command}: error: {error}\n")
        return 2


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------


def _cmd_report(args: argparse.Namespace) -> int:
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
    render = {"json": _render.json_text, "markdown": _render.report_markdown,
              "text": _render.report_text}[args.format]
    sys.stdout.write(render(data))
    if writer is not None:
        _plots.write(writer, args.plot, places, args.as_of)
    missed = any(row["met"] is False for p in data["provinces"] for row in p["targets"])
    found = any(p["findings"] for p in data["provinces"])
    return 1 if args.strict and (missed or found) else 0


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
    return Series.from_readings(chosen, duplicates="last")


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
    missing = [f"--{name}" for name in ("target", "deadline") if getattr(args, name) is None]
    if missing:
        raise _UsageError(f"{' and '.join(missing)} required (or --at-risk N)")
    if args.format == "markdown":
        raise _UsageError("--format markdown needs --at-risk")
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
        sys.stdout.write(_render.json_text(result))
    else:
        sys.stdout.write(_render.forecast_text(series, args.target, args.deadline, f))
    behind = f.status in {analysis.ProgressStatus.MODERATE, analysis.ProgressStatus.LIMITED,
                          analysis.ProgressStatus.DETERIORATING}
    return 1 if args.strict and behind else 0


def _rounded(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
