"""Benchmarks of de_an06's batch engine and per-object API against the baselines of issue 22.

Run with ``make bench`` (or ``python benchmarks/run.py``). The machine is
shared and noisy, so every figure is the best of several repeats, the ways
being compared are timed in turn within each repeat, and every goal is a
ratio against a baseline timed in the same run on the same data (see
:mod:`baselines` for the baselines and the data). Each way is timed twice
over: wall time, and the CPU time of this process (user + system, which
counts the page faults of fresh memory). When other jobs keep the machine's
CPUs busy, wall time measures the scheduler as much as the code, so the
verdicts use the CPU times; the wall times are reported beside them.

1. table + forecasts (``ReadingTable.from_arrays`` + ``batch.forecasts``)
   against the hand-written numpy closed form (goal: at least 1.0x, at 10**6
   and 10**7 readings, series of 3 to 40 readings and of equal length), and
   against pandas' closed form (3x); ``batch.trends`` on a built table
   (its fit not yet computed) against the same hand-written form (1.5x);
   and, to show where the floor of a numpy formulation lies, against the
   hand-written numpy that does the batch's whole work
   (``baselines.hand_numpy_same_work``, checked to give the same statuses);
2. the whole batch in units of the floor ``np.sum(values) + np.sum(days)``
   (at most 30x at 10**7), at 10**5 to 10**7 readings (10**8 with
   ``--large``), and the cost per reading as the size grows;
3. per-object ``forecast()`` and ``trend()`` of a 24-reading series against
   one ``np.polyfit(deg=1)`` call on it (at most 2x), checking that they equal
   the same series' row in a batch;
4. extra memory per reading, with ``tracemalloc`` (at most 32 bytes): trends
   + forecasts on a built table (as measured before issue 22), and the
   table + forecasts from the caller's columns.

Also reported: where the batch's time goes (table, fit, arithmetic per
series), ``import de_an06`` time over ``import numpy``, and the CSV reader
against ``csv.reader``. ``--write`` writes the report to
``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import attrs
import numpy as np

import de_an06 as da
from de_an06 import batch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import baselines as base

HERE = Path(__file__).resolve().parent
KINDS = {"3-40": base.variable, f"equal ({base.EQUAL_LENGTH})": base.equal}
PER_OBJECT_LENGTH = 24


class Times(NamedTuple):
    """Best wall time and best CPU time of a way, in seconds."""

    wall: float
    cpu: float


def timed(ways: dict[str, Callable[[], object]], repeats: int) -> dict[str, Times]:
    """Best times of each way over `repeats` rounds, the ways taking turns in each round."""
    wall = dict.fromkeys(ways, float("inf"))
    cpu = dict.fromkeys(ways, float("inf"))
    for _ in range(repeats):
        for name, func in ways.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            func()
            cpu[name] = min(cpu[name], time.process_time() - start_cpu)
            wall[name] = min(wall[name], time.perf_counter() - start)
    return {name: Times(wall[name], cpu[name]) for name in ways}


def table_and_forecasts(ids: base.Ints, days: base.Ints, values: base.Floats) -> object:
    """What goal 1 times: the table from the caller's columns, then every forecast."""
    table = batch.ReadingTable.from_arrays(ids, days, values)
    return batch.forecasts(table, base.TARGET, base.DEADLINE)


def unfitted(table: batch.ReadingTable) -> batch.ReadingTable:
    """The same table with an empty cache, so that its fit is computed again."""
    return attrs.evolve(table)


def extra_bytes(func: Callable[[], object], readings: int) -> float:
    """Peak memory allocated by `func`, per reading (``tracemalloc``)."""
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / readings


def measure(size: int, kind: str, repeats: int, *, others: bool) -> dict[str, Times]:
    """Times of every way at one size and kind (and memory, bytes per reading, as Times)."""
    ids, days, values = KINDS[kind](size)
    table = batch.ReadingTable.from_arrays(ids, days, values)
    fitted = unfitted(table)
    fitted._fit()  # noqa: SLF001 - the arithmetic per series alone, below
    ways: dict[str, Callable[[], object]] = {
        "floor": lambda: base.floor(days, values),
        "hand": lambda: base.hand_numpy(ids, days, values),
        "same": lambda: base.hand_numpy_same_work(ids, days, values),
        "ours": lambda: table_and_forecasts(ids, days, values),
        "trends": lambda: batch.trends(unfitted(table)),
        "table": lambda: batch.ReadingTable.from_arrays(ids, days, values),
        "fit": lambda: unfitted(table)._fit(),  # noqa: SLF001 - the phase alone
        "per_series": lambda: batch.forecasts(fitted, base.TARGET, base.DEADLINE),
    }
    ways["floor"]()  # warm up
    same = base.hand_numpy_same_work(ids, days, values)["status"]
    if not np.array_equal(same, table_and_forecasts(ids, days, values).status):
        raise AssertionError("the same-work baseline's statuses differ from the library's")
    result = timed(ways, repeats)
    result["series"] = Times(table.n_series, table.n_series)
    if others:
        frame = base.frame(ids, days, values)
        result["pandas"] = timed({"pandas": lambda: base.pandas_closed_form(frame)},
                                 max(1, repeats // 2))["pandas"]
        del frame
        loop, scale = base.polyfit_loop(ids, days, values)
        once = timed({"polyfit": loop}, 1)["polyfit"]
        result["polyfit"] = Times(once.wall * scale, once.cpu * scale)
    if size <= 10**7:
        built = extra_bytes(
            lambda: batch.forecasts(unfitted(table), base.TARGET, base.DEADLINE), size)
        whole = extra_bytes(lambda: table_and_forecasts(ids, days, values), size)
        result["bytes"] = Times(built, whole)
    return result


def per_object(loops: int = 2_000, repeats: int = 7) -> dict[str, Times]:
    """Per-call seconds of forecast(), trend() and one np.polyfit on a 24-reading series.

    Also checks that forecast() and trend() equal the same series' row in a
    batch (raises otherwise).
    """
    place = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    indicator = da.Indicator("eid-collected", "e-ID applications collected",
                             "Thu nhận hồ sơ định danh điện tử", unit="people")
    start = dt.date(2023, 6, 8)
    values = [300_000 + 10_000 * i + (i % 3) * 500 for i in range(PER_OBJECT_LENGTH)]
    series = da.Series([da.Reading(indicator, y, as_of=start + dt.timedelta(days=i),
                                   jurisdiction=place)
                        for i, y in enumerate(values)])
    deadline = dt.date(2023, 7, 30)
    x, y = series.days, series.values

    table = batch.ReadingTable.from_series([series])
    if (da.forecast(series, 756_805, deadline=deadline)
            != batch.forecasts(table, 756_805.0, deadline).forecast(0)
            or da.trend(series) != batch.trends(table).trend(0)):
        raise AssertionError("per-object results differ from the batch")

    def forecast_loop() -> None:
        for _ in range(loops):
            da.forecast(series, 756_805, deadline=deadline)

    def trend_loop() -> None:
        for _ in range(loops):
            da.trend(series)

    def polyfit_loop() -> None:
        for _ in range(loops):
            np.polyfit(x, y, 1)

    times = timed({"forecast": forecast_loop, "trend": trend_loop, "polyfit": polyfit_loop,
                   "same": same_work_loop(series, deadline, loops)}, repeats)
    return {name: Times(t.wall / loops, t.cpu / loops) for name, t in times.items()}


def same_work_loop(series: da.Series, deadline: dt.date, loops: int) -> Callable[[], None]:
    """A loop of `loops` calls of the one-series same-work baseline (its status checked)."""
    from scipy import stats

    x, y = series.days, series.values
    due = (deadline - dt.date(1970, 1, 1)).days
    df = len(series) - 2
    quantiles = {df: float(stats.t.ppf(0.975, df))}  # computed once, as a user would
    by_hand = base.one_series_same_work(x, y, 756_805.0, due, quantiles)
    if by_hand["status"] != da.forecast(series, 756_805, deadline=deadline).status.code:
        raise AssertionError("the one-series same-work baseline's status differs")

    def loop() -> None:
        for _ in range(loops):
            base.one_series_same_work(x, y, 756_805.0, due, quantiles)

    return loop


def import_ms(module: str, repeats: int = 7) -> float:
    """Shortest cumulative import time of `module` in a fresh interpreter, ms.

    Bytecode caching is forced on (some environments set
    PYTHONDONTWRITEBYTECODE, which would make every run compile every module
    from source), and a first, untimed run writes the caches.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    samples = []
    for attempt in range(repeats + 1):
        out = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True, text=True, check=True, env=env).stderr
        if attempt == 0:
            continue
        for line in out.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == module:
                samples.append(int(parts[1]) / 1000)
    return min(samples)


def csv_comparison(readings: int) -> str:
    """de_an06.io.read_csv_columns against csv.reader + float on the same file."""
    reader = getattr(da.io, "read_csv_columns", None)
    if reader is None:
        return "not measured: this build of de_an06.io has no columnar CSV reader"
    ids, days, values = base.equal(readings)
    dates = (np.datetime64("1970-01-01") + days).astype(str)
    header = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
              "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,value,as_of\n")
    text = header + "".join(
        f"eid,e-ID,ĐDĐT,count,c{i},Commune {i},Xã {i},commune,{v:.2f},{d}\n"
        for i, v, d in zip(ids.tolist(), np.abs(values).tolist(), dates.tolist(), strict=True))

    def baseline() -> None:
        rows = csv.reader(io.StringIO(text))
        next(rows)
        for row in rows:
            float(row[8])

    def ours() -> None:
        batch.ReadingTable.from_columns(reader(io.StringIO(text)))

    times = timed({"baseline": baseline, "ours": ours}, 3)
    ours_cpu, base_cpu = times["ours"].cpu, times["baseline"].cpu
    return (f"{readings:,} rows: `io.read_csv_columns` + `ReadingTable.from_columns` "
            f"{ours_cpu * 1e3:.0f} ms, `csv.reader` + `float` {base_cpu * 1e3:.0f} ms "
            f"(CPU times; ratio {ours_cpu / base_cpu:.2f}×)")


def machine(load_before: float) -> str:
    """Machine, versions, date and load, as Markdown bullets."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import pandas as pd
        pandas_version = pd.__version__
    except ImportError:
        pandas_version = "not installed"
    return (f"- machine: {cpu}, {os.cpu_count()} logical CPUs, {platform.system()} "
            f"{platform.release()}\n"
            f"- Python {platform.python_version()}, numpy {np.__version__}, pandas "
            f"{pandas_version}, de_an06 {da.__version__}\n"
            f"- date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; load average "
            f"(1 min) {load_before:.1f} at the start of the run and {os.getloadavg()[0]:.1f} "
            "at the end: the machine is shared with other jobs, so absolute times vary "
            "from run to run, more than the ratios\n"
            f"- data: series of {base.MIN_LENGTH} to {base.MAX_LENGTH} readings (uniform, "
            f"mean 21.5) or of {base.EQUAL_LENGTH}; target {base.TARGET:g}, deadline "
            f"{base.DEADLINE}; polyfit loops timed on at most {base.POLYFIT_SERIES_CAP:,} "
            "series and scaled to all series")


def ms(seconds: float) -> str:
    """Seconds as milliseconds, to 3 significant figures."""
    value = seconds * 1e3
    return f"{value:.3g}" if value < 100 else f"{value:,.0f}"


class Report:
    """The lines of the report, printed as they come."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        """Print and keep `lines`."""
        for line in lines:
            print(line, flush=True)
            self.lines.append(line)


def verdict(value: float, op: str, goal: float) -> str:
    """``met`` or ``missed``."""
    met = value >= goal if op == ">=" else value <= goal
    return "**met**" if met else "**missed**"


def batch_tables(report: Report, results: dict[tuple[int, str], dict[str, Times]]) -> None:
    """The tables of goals 1 and 2: CPU times, then wall times, then the phases."""
    report.add("## Goals 1 and 2: the batch against the baselines", "",
               "CPU times in ms, best of several rounds in which the ways take turns. "
               "*ours*: `ReadingTable.from_arrays` + `batch.forecasts`; *trends*: "
               "`batch.trends` on a built table whose fit is not computed yet; *hand*: the "
               "hand-written numpy closed form; *same work*: hand-written numpy that does "
               "what *ours* does (the table's checks and copies, intervals, three reach "
               "days, paces, statuses); *floor*: `np.sum(values) + np.sum(days)`. "
               "Ratios above 1 in the *hand ÷* and *same ÷* columns mean faster than the "
               "hand-written numpy.", "",
               "| readings | series | kind | ours | trends | hand | same work | pandas "
               "| polyfit loop | floor | hand ÷ ours | same ÷ ours | hand ÷ trends "
               "| pandas ÷ ours | ours ÷ floor | ns/reading |",
               "|" + "---|" * 16)
    nan = Times(float("nan"), float("nan"))
    for (size, kind), r in results.items():
        pandas, polyfit = r.get("pandas", nan).cpu, r.get("polyfit", nan).cpu
        ours = r["ours"].cpu
        report.add(
            f"| {size:,} | {int(r['series'].cpu):,} | {kind} | {ms(ours)} "
            f"| {ms(r['trends'].cpu)} | {ms(r['hand'].cpu)} | {ms(r['same'].cpu)} "
            f"| {ms(pandas)} | {ms(polyfit)} "
            f"| {ms(r['floor'].cpu)} | {r['hand'].cpu / ours:.2f} | {r['same'].cpu / ours:.2f} "
            f"| {r['hand'].cpu / r['trends'].cpu:.2f} | {pandas / ours:.1f} "
            f"| {ours / r['floor'].cpu:.1f} | {1e9 * ours / size:.1f} |")
    report.add("", "The same rounds in wall time (ms); the machine's other jobs weigh on "
               "these:", "",
               "| readings | kind | ours | trends | hand | same work | pandas | floor "
               "| hand ÷ ours | same ÷ ours | hand ÷ trends | pandas ÷ ours | ours ÷ floor |",
               "|" + "---|" * 13)
    for (size, kind), r in results.items():
        pandas = r.get("pandas", nan).wall
        ours = r["ours"].wall
        report.add(f"| {size:,} | {kind} | {ms(ours)} | {ms(r['trends'].wall)} "
                   f"| {ms(r['hand'].wall)} | {ms(r['same'].wall)} | {ms(pandas)} "
                   f"| {ms(r['floor'].wall)} | {r['hand'].wall / ours:.2f} "
                   f"| {r['same'].wall / ours:.2f} | {r['hand'].wall / r['trends'].wall:.2f} "
                   f"| {pandas / ours:.1f} | {ours / r['floor'].wall:.1f} |")
    report.add("", "Where the time of *ours* goes (CPU ms, timed separately in the same "
               "rounds): *table*: `from_arrays` (checks, copies and, in the same pass, the "
               "fit); *fit*: the kernel's fit alone, on a built table; *per series*: "
               "`forecasts` on a table whose fit is known (trends, reach days, paces, "
               "statuses and the result arrays).", "",
               "| readings | kind | table | fit | per series | ours |",
               "|---|---|---|---|---|---|")
    for (size, kind), r in results.items():
        report.add(f"| {size:,} | {kind} | {ms(r['table'].cpu)} | {ms(r['fit'].cpu)} "
                   f"| {ms(r['per_series'].cpu)} | {ms(r['ours'].cpu)} |")


def goals(results: dict[tuple[int, str], dict[str, Times]],
          t: dict[str, Times]) -> list[tuple[str, Times, str, float]]:
    """Every goal of the issue: name, measured (CPU and wall), comparison, target."""
    def ratio(a: Times, b: Times) -> Times:
        return Times(a.wall / b.wall, a.cpu / b.cpu)

    checks: list[tuple[str, Times, str, float]] = []
    for size in (10**6, 10**7):
        for kind in KINDS:
            if (size, kind) in results:
                r = results[size, kind]
                checks += [
                    (f"1. table + forecasts vs hand numpy, {size:,}, {kind}",
                     ratio(r["hand"], r["ours"]), ">=", 1.0),
                    (f"1. table + forecasts vs pandas closed form, {size:,}, {kind}",
                     ratio(r["pandas"], r["ours"]), ">=", 3.0),
                    (f"1. trends on a built table vs hand numpy, {size:,}, {kind}",
                     ratio(r["hand"], r["trends"]), ">=", 1.5),
                    (f"1 (floor). table + forecasts vs same work by hand, {size:,}, {kind}",
                     ratio(r["same"], r["ours"]), ">=", 1.0),
                ]
    for kind in KINDS:
        if (10**7, kind) in results:
            r = results[10**7, kind]
            checks.append((f"2. whole batch in floor passes, 10,000,000, {kind}",
                           ratio(r["ours"], r["floor"]), "<=", 30.0))
    checks += [("3 (floor). per-object forecast() / the same work by hand",
                ratio(t["forecast"], t["same"]), "<=", 1.0),
               ("3. per-object forecast() / one np.polyfit",
                ratio(t["forecast"], t["polyfit"]), "<=", 2.0),
               ("3. per-object trend() / one np.polyfit", ratio(t["trend"], t["polyfit"]),
                "<=", 2.0)]
    for kind in KINDS:
        top = max(size for size, k in results if k == kind and "bytes" in results[size, k])
        memory = results[top, kind]["bytes"]
        checks += [(f"4. extra bytes per reading, built table, {top:,}, {kind}",
                    Times(memory.wall, memory.wall), "<=", 32.0),
                   (f"4. extra bytes per reading, table + forecasts, {top:,}, {kind}",
                    Times(memory.cpu, memory.cpu), "<=", 32.0)]
    return checks


def main() -> None:
    """Run every benchmark, print the report and optionally write RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also run 10**8 readings")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    parser.add_argument("--quick", action="store_true", help="only 10**5 and 10**6 (a smoke test)")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    sizes = [10**5, 10**6] if args.quick else [10**5, 10**6, 10**7]
    sizes += [10**8] if args.large else []
    repeats = {10**5: 15, 10**6: 9, 10**7: 5, 10**8: 2}

    report = Report()
    results = {(size, kind): measure(size, kind, repeats[size], others=size <= 10**7)
               for size in sizes for kind in KINDS}
    batch_tables(report, results)
    largest = max(sizes)
    growth = {kind: (results[largest, kind]["ours"].cpu / largest)
              / (results[10**5, kind]["ours"].cpu / 10**5) for kind in KINDS}
    report.add("", f"CPU cost per reading at {largest:,} readings over that at 100,000: "
               + ", ".join(f"{g:.2f}× ({kind})" for kind, g in growth.items()) + ".")

    t = per_object()
    report.add("", "## Goal 3: one series", "",
               f"On a {PER_OBJECT_LENGTH}-reading series (the results equal the series' row "
               "in a batch, checked), CPU (wall) time per call: "
               f"`forecast()` {t['forecast'].cpu * 1e6:.0f} µs ({t['forecast'].wall * 1e6:.0f}),"
               f" `trend()` {t['trend'].cpu * 1e6:.0f} µs ({t['trend'].wall * 1e6:.0f}), one "
               f"`np.polyfit(deg=1)` {t['polyfit'].cpu * 1e6:.0f} µs "
               f"({t['polyfit'].wall * 1e6:.0f}); what `forecast()` computes, written by "
               "hand with numpy on the series' arrays, without checks or result objects "
               "(`baselines.one_series_same_work`, same status, checked): "
               f"{t['same'].cpu * 1e6:.0f} µs ({t['same'].wall * 1e6:.0f}).")

    report.add("", "## Goal 4: memory", "",
               "Extra bytes per reading (peak of `tracemalloc`):", "",
               "| readings | kind | trends + forecasts on a built table "
               "| table + forecasts from the columns |", "|---|---|---|---|")
    for (size, kind), r in results.items():
        if "bytes" in r:
            report.add(f"| {size:,} | {kind} | {r['bytes'].wall:.1f} | {r['bytes'].cpu:.1f} |")

    report.add("", "## The goals of issue 22, goal by goal", "",
               "Verdicts on the CPU-time ratios; the wall-time ratio of the same rounds "
               "beside them.", "",
               "| goal | measured (CPU) | wall | target | |", "|---|---|---|---|---|")
    for name, value, op, goal in goals(results, t):
        unit = " bytes" if name.startswith("4.") else "×"
        report.add(f"| {name} | {value.cpu:,.2f}{unit} | {value.wall:,.2f}{unit} "
                   f"| {op} {goal:g}{unit} | {verdict(value.cpu, op, goal)} |")

    overhead = import_ms("de_an06") - import_ms("numpy")
    report.add("", "## Other figures", "",
               f"- `import de_an06` minus `import numpy`: {overhead:.1f} ms (shortest of 7 "
               "`python -X importtime` runs each)",
               f"- CSV: {csv_comparison(10**6)}")
    if args.write:
        import results_file

        written = HERE / "RESULTS.md"
        old = written.read_text(encoding="utf-8") if written.exists() else ""
        kept = results_file.kept_sections(old)
        text = ("# Benchmark results\n\nWritten by `python benchmarks/run.py --write` "
                "(`make bench` prints the same report). The baselines are in "
                "`benchmarks/baselines.py`; what the figures mean, and why the misses, "
                "are on the documentation's performance page (`docs/national-scale.md`)."
                "\n\n" + machine(load_before) + "\n\n" + "\n".join(report.lines) + "\n"
                + ("\n" + kept if kept else ""))
        written.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
