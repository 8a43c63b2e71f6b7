"""Benchmarks of de_an06's batch engine and per-object API against the baselines of issue 22.

Run with ``make bench`` (or ``python benchmarks/run.py``). The machine is
shared and noisy, so every figure is the best of several repeats, the ways
being compared are timed in turn within each repeat, and every goal is a
ratio against a baseline timed in the same run on the same data (see
:mod:`baselines` for the baselines and the data):

1. table + forecasts (``ReadingTable.from_arrays`` + ``batch.forecasts``)
   against the hand-written numpy closed form (goal: at least 1.0x, at 10**6
   and 10**7 readings, series of 3 to 40 readings and of equal length), and
   against pandas' closed form (3x); ``batch.trends`` on a built table
   (its fit not yet computed) against the same hand-written form (1.5x);
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

import attrs
import numpy as np

import de_an06 as da
from de_an06 import batch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import baselines as base

HERE = Path(__file__).resolve().parent
KINDS = {"3-40": base.variable, f"equal ({base.EQUAL_LENGTH})": base.equal}
PER_OBJECT_LENGTH = 24


def timed(ways: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Best time of each way over `repeats` rounds, the ways taking turns in each round."""
    best = dict.fromkeys(ways, float("inf"))
    for _ in range(repeats):
        for name, func in ways.items():
            start = time.perf_counter()
            func()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


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


def measure(size: int, kind: str, repeats: int, *, others: bool) -> dict[str, float]:
    """Times (seconds) and memory (bytes per reading) of every way at one size and kind."""
    ids, days, values = KINDS[kind](size)
    table = batch.ReadingTable.from_arrays(ids, days, values)
    ways: dict[str, Callable[[], object]] = {
        "floor": lambda: base.floor(days, values),
        "hand": lambda: base.hand_numpy(ids, days, values),
        "ours": lambda: table_and_forecasts(ids, days, values),
        "trends": lambda: batch.trends(unfitted(table)),
        "table": lambda: batch.ReadingTable.from_arrays(ids, days, values),
        "fit": lambda: unfitted(table)._fit(),  # noqa: SLF001 - the phase alone
    }
    fitted = unfitted(table)
    fitted._fit()  # noqa: SLF001 - the arithmetic per series alone, below
    ways["per_series"] = lambda: batch.forecasts(fitted, base.TARGET, base.DEADLINE)
    ways["floor"]()  # warm up
    result = timed(ways, repeats)
    result["series"] = float(table.n_series)
    if others:
        frame = base.frame(ids, days, values)
        result["pandas"] = timed({"pandas": lambda: base.pandas_closed_form(frame)},
                                 max(1, repeats // 2))["pandas"]
        del frame
        result["polyfit"] = base.polyfit_loop(ids, days, values)
    if size <= 10**7:
        result["bytes_built"] = extra_bytes(
            lambda: batch.forecasts(unfitted(table), base.TARGET, base.DEADLINE), size)
        result["bytes_table"] = extra_bytes(lambda: table_and_forecasts(ids, days, values),
                                            size)
    return result


def per_object(loops: int = 2_000, repeats: int = 7) -> dict[str, float]:
    """Per-call seconds of forecast(), trend() and one np.polyfit on a 24-reading series.

    Also checks that forecast() and trend() equal the same series' row in a
    batch (raises otherwise).
    """
    place = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    indicator = da.Indicator("eid-collected", "e-ID applications collected",
                             "Thu nhận hồ sơ định danh điện tử", unit="people")
    start = dt.date(2023, 6, 8)
    values = [300_000 + 10_000 * i + (i % 3) * 500 for i in range(PER_OBJECT_LENGTH)]
    series = da.Series([da.Reading(indicator, y, start + dt.timedelta(days=i), place)
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

    times = timed({"forecast": forecast_loop, "trend": trend_loop, "polyfit": polyfit_loop},
                  repeats)
    return {name: seconds / loops for name, seconds in times.items()}


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
    return (f"{readings:,} rows: `io.read_csv_columns` + `ReadingTable.from_columns` "
            f"{times['ours'] * 1e3:.0f} ms, `csv.reader` + `float` "
            f"{times['baseline'] * 1e3:.0f} ms (ratio {times['ours'] / times['baseline']:.2f}×)")


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
    """``met`` or ``missed (…)``."""
    met = value >= goal if op == ">=" else value <= goal
    return "**met**" if met else "**missed**"


def main() -> None:  # noqa: C901, PLR0912 - a script: one table after the other
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
    report.add("## Goals 1 and 2: the batch against the baselines", "",
               "Times in ms, best of several rounds in which the ways take turns. *ours*: "
               "`ReadingTable.from_arrays` + `batch.forecasts`; *trends*: `batch.trends` on a "
               "built table whose fit is not computed yet; *hand*: the hand-written numpy "
               "closed form; *floor*: `np.sum(values) + np.sum(days)`. Ratios above 1 in "
               "the *× hand* columns mean faster than the hand-written numpy.", "",
               "| readings | series | kind | ours | trends | hand | pandas | polyfit loop "
               "| floor | hand ÷ ours | hand ÷ trends | pandas ÷ ours | ours ÷ floor "
               "| ns/reading |",
               "|" + "---|" * 14)
    results: dict[tuple[int, str], dict[str, float]] = {}
    for size in sizes:
        for kind in KINDS:
            r = measure(size, kind, repeats[size], others=size <= 10**7)
            results[size, kind] = r
            pandas = r.get("pandas", float("nan"))
            polyfit = r.get("polyfit", float("nan"))
            report.add(
                f"| {size:,} | {int(r['series']):,} | {kind} | {ms(r['ours'])} "
                f"| {ms(r['trends'])} | {ms(r['hand'])} | {ms(pandas)} | {ms(polyfit)} "
                f"| {ms(r['floor'])} | {r['hand'] / r['ours']:.2f} "
                f"| {r['hand'] / r['trends']:.2f} | {pandas / r['ours']:.1f} "
                f"| {r['ours'] / r['floor']:.1f} | {1e9 * r['ours'] / size:.1f} |")

    report.add("", "Where the time of *ours* goes (ms, timed separately in the same rounds): "
               "*table*: `from_arrays` (checks, copies and, in the same pass, the fit); "
               "*fit*: the kernel's fit alone, on a built table; *per series*: `forecasts` "
               "on a table whose fit is known (trends, reach days, paces, statuses and the "
               "result arrays).", "",
               "| readings | kind | table | fit | per series | ours |", "|---|---|---|---|---|---|")
    for (size, kind), r in results.items():
        report.add(f"| {size:,} | {kind} | {ms(r['table'])} | {ms(r['fit'])} "
                   f"| {ms(r['per_series'])} | {ms(r['ours'])} |")

    largest = max(sizes)
    growth = {kind: (results[largest, kind]["ours"] / largest)
              / (results[10**5, kind]["ours"] / 10**5) for kind in KINDS}
    report.add("", "Cost per reading at " + f"{largest:,}" + " readings over that at 100,000: "
               + ", ".join(f"{g:.2f}× ({kind})" for kind, g in growth.items()) + ".")

    t = per_object()
    report.add("", "## Goal 3: one series", "",
               f"On a {PER_OBJECT_LENGTH}-reading series (the results equal the series' row "
               "in a batch, checked): "
               f"`forecast()` {t['forecast'] * 1e6:.0f} µs, `trend()` {t['trend'] * 1e6:.0f} µs, "
               f"one `np.polyfit(deg=1)` {t['polyfit'] * 1e6:.0f} µs.")

    report.add("", "## Goal 4: memory", "",
               "Extra bytes per reading (peak of `tracemalloc`):", "",
               "| readings | kind | trends + forecasts on a built table "
               "| table + forecasts from the columns |", "|---|---|---|---|")
    for (size, kind), r in results.items():
        if "bytes_built" in r:
            report.add(f"| {size:,} | {kind} | {r['bytes_built']:.1f} "
                       f"| {r['bytes_table']:.1f} |")

    checks: list[tuple[str, float, str, float]] = []
    for size in (10**6, 10**7):
        for kind in KINDS:
            if (size, kind) in results:
                r = results[size, kind]
                checks += [
                    (f"1. table + forecasts vs hand numpy, {size:,}, {kind}",
                     r["hand"] / r["ours"], ">=", 1.0),
                    (f"1. table + forecasts vs pandas closed form, {size:,}, {kind}",
                     r["pandas"] / r["ours"], ">=", 3.0),
                    (f"1. trends on a built table vs hand numpy, {size:,}, {kind}",
                     r["hand"] / r["trends"], ">=", 1.5),
                ]
    for kind in KINDS:
        if (10**7, kind) in results:
            r = results[10**7, kind]
            checks.append((f"2. whole batch in floor passes, 10,000,000, {kind}",
                           r["ours"] / r["floor"], "<=", 30.0))
    checks += [("3. per-object forecast() / one np.polyfit", t["forecast"] / t["polyfit"],
                "<=", 2.0),
               ("3. per-object trend() / one np.polyfit", t["trend"] / t["polyfit"], "<=", 2.0)]
    for kind in KINDS:
        top = max(s for s in sizes if "bytes_built" in results[s, kind])
        r = results[top, kind]
        checks += [(f"4. extra bytes per reading, built table, {top:,}, {kind}",
                    r["bytes_built"], "<=", 32.0),
                   (f"4. extra bytes per reading, table + forecasts, {top:,}, {kind}",
                    r["bytes_table"], "<=", 32.0)]
    report.add("", "## The goals of issue 22, goal by goal", "",
               "| goal | measured | target | |", "|---|---|---|---|")
    for name, value, op, goal in checks:
        unit = "×" if not name.startswith("4.") else " bytes"
        report.add(f"| {name} | {value:,.2f}{unit} | {op} {goal:g}{unit} "
                   f"| {verdict(value, op, goal)} |")

    overhead = import_ms("de_an06") - import_ms("numpy")
    report.add("", "## Other figures", "",
               f"- `import de_an06` minus `import numpy`: {overhead:.1f} ms (shortest of 7 "
               "`python -X importtime` runs each)",
               f"- CSV: {csv_comparison(10**6)}")
    if args.write:
        text = ("# Benchmark results\n\nWritten by `python benchmarks/run.py --write` "
                "(`make bench` prints the same report). The baselines are in "
                "`benchmarks/baselines.py`; what the figures mean, and why the misses, "
                "are on the documentation's performance page (`docs/national-scale.md`)."
                "\n\n" + machine(load_before) + "\n\n" + "\n".join(report.lines) + "\n")
        (HERE / "RESULTS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
