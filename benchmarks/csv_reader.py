r"""How fast `de_an06.io.read_csv_columns` reads a national-scale readings CSV.

Writes a readings file in the library's wide CSV layout (63 provinces, 16
indicators, daily dates, Vietnamese names; 1,000,000 rows by default) to a
temporary directory, then times, in the same run and on the same file:

* the baseline: bare ``csv.reader`` plus ``float()`` of the value column;
* ``de_an06.io.read_csv_columns`` (which also checks every value and date,
  codes the series keys and builds NumPy arrays).

Each is run ``repeat`` times, alternating, and the best time is kept. The
ratio is the reader's throughput over the baseline's (baseline time / reader
time); the goal is at least 0.5.

Then memory (issue 17): the peak of ``tracemalloc`` while each reader reads
the file, over the file's size in bytes, for the same rows written with
``\n`` and with ``\r\n`` line ends (the goal: at most 3 for both).
``tracemalloc`` sees every allocation of Python objects and of NumPy arrays
(NumPy reports its buffers to it), in this process alone, one call at a time.
``read_csv_columns`` is measured whole: its peak includes the arrays it
returns. ``read_csv`` builds a :class:`~de_an06.Reading` for every row, whose
size belongs to the result, not to the reader; it is measured on fewer rows
(``--csv-rows``), and its figure is the *working* memory: the peak less what
the returned dataset still holds when the call ends (its whole peak is
printed beside it).

Run ``.venv/bin/python benchmarks/csv_reader.py [rows] [--csv-rows N] [--write]``
(``make bench`` runs it with the defaults); ``main()`` returns the figures for
other scripts; ``--write`` puts them in ``RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import results_file

from de_an06 import io

PROVINCES = [(f"{code:02d}", f"Province {code:02d}", f"Tỉnh số {code:02d}")
             for code in range(1, 64)]
INDICATORS = [(f"ind-{n:02d}", f"Indicator {n}", f"Chỉ tiêu số {n} của Đề án 06",
               "percent" if n % 4 == 0 else "people") for n in range(16)]


def make_file(path: Path, rows: int, *, seed: int = 6, newline: str = "\n") -> None:
    """Write `rows` readings in the wide layout of :data:`de_an06.io.READING_COLUMNS`."""
    rng = random.Random(seed)
    start = dt.date(2022, 1, 6)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator=newline)
        writer.writerow(io.READING_COLUMNS)
        for i in range(rows):
            code, name, name_vi = PROVINCES[i % len(PROVINCES)]
            ind, ind_name, ind_name_vi, unit = INDICATORS[(i // len(PROVINCES)) % len(INDICATORS)]
            day = start + dt.timedelta(days=i // (len(PROVINCES) * len(INDICATORS)))
            value = round(rng.uniform(0, 100), 2) if unit == "percent" else rng.randrange(10**6)
            record = {
                "indicator": ind, "indicator_name": ind_name, "indicator_name_vi": ind_name_vi,
                "indicator_unit": unit, "indicator_direction": "higher",
                "indicator_measure": "stock", "jurisdiction": code, "jurisdiction_name": name,
                "jurisdiction_name_vi": name_vi, "jurisdiction_level": "province",
                "jurisdiction_parent": "VN", "value": repr(value), "as_of": day.isoformat(),
                "qualifier": "exact", "basis": "unstated",
            }
            writer.writerow([record.get(column, "") for column in io.READING_COLUMNS])


def baseline(path: Path) -> float:
    """Seconds for bare csv.reader + float() of every value."""
    begin = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.reader(file)
        column = next(reader).index("value")
        total = 0.0
        for row in reader:
            total += float(row[column])
    return time.perf_counter() - begin


def columns(path: Path) -> float:
    """Seconds for de_an06.io.read_csv_columns."""
    begin = time.perf_counter()
    io.read_csv_columns(path)
    return time.perf_counter() - begin


def peak(read: Callable[[Path], object], path: Path) -> tuple[int, int]:
    """Peak bytes allocated while `read` reads `path`, and the bytes its result holds."""
    gc.collect()
    tracemalloc.start()
    try:
        result = read(path)
        held, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return top, held


def memory(rows: int, csv_rows: int) -> dict[str, float]:
    """Peak memory of both readers over the file size, LF and CRLF files of the same rows."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for reader, count in (("read_csv_columns", rows), ("read_csv", csv_rows)):
            for ends, newline in (("lf", "\n"), ("crlf", "\r\n")):
                path = Path(folder) / f"{ends}.csv"
                make_file(path, count, newline=newline)
                size = path.stat().st_size
                top, held = peak(getattr(io, reader), path)
                key = f"{reader}_{ends}"
                figures[f"{key}_megabytes"] = size / 1e6
                figures[f"{key}_peak"] = top / size
                figures[f"{key}_working"] = (top - held) / size
                path.unlink()
    return figures


def memory_lines(rows: int, csv_rows: int, figures: dict[str, float]) -> list[str]:
    """The memory figures as rows of a Markdown table."""
    lines = []
    for reader, count, measure in (("read_csv_columns", rows, "peak"),
                                   ("read_csv", csv_rows, "working")):
        for ends, label in (("lf", "LF"), ("crlf", "CRLF")):
            key = f"{reader}_{ends}"
            what = ("peak / file size" if measure == "peak" else
                    f"working memory (peak less the result) / file size; whole peak "
                    f"{figures[f'{key}_peak']:.2f}")
            lines.append(f"| `io.{reader}`, {count:,} rows, {label} "
                         f"({figures[f'{key}_megabytes']:.0f} MB): {what} (<= 3 wanted) "
                         f"| {figures[f'{key}_{measure}']:.2f} |")
    return lines


def main(rows: int = 1_000_000, repeat: int = 3) -> dict[str, float]:
    """Time both readers on one generated file; return the figures."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "readings.csv"
        make_file(path, rows)
        size = path.stat().st_size
        base, ours = float("inf"), float("inf")
        for _ in range(repeat):
            base = min(base, baseline(path))
            ours = min(ours, columns(path))
    figures = {
        "rows": float(rows),
        "megabytes": size / 1e6,
        "csv_reader_float_s": base,
        "read_csv_columns_s": ours,
        "ratio": base / ours,
    }
    print(f"readings CSV: {rows:,} rows, {size / 1e6:.0f} MB")
    print(f"csv.reader + float():    {base:6.2f} s  ({rows / base:12,.0f} rows/s)")
    print(f"io.read_csv_columns():   {ours:6.2f} s  ({rows / ours:12,.0f} rows/s)")
    print(f"throughput ratio: {figures['ratio']:.2f} (goal >= 0.5)")
    return figures


def write_section(lines: list[str], command: str, load: tuple[float, float]) -> None:
    """Put the figures in ``RESULTS.md``, in place of the section written before."""
    results_file.write_section(results_file.CSV_READERS, lines, command, load,
                               "Times are the best of a few runs; memory is the peak of "
                               "`tracemalloc` during one call.")


def cli(argv: list[str] | None = None) -> int:
    """Print speed and memory as a Markdown table (and with ``--write``, put it in RESULTS.md)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("rows", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--csv-rows", type=int, default=100_000,
                        help="rows of the file read_csv's memory is measured on")
    parser.add_argument("--write", action="store_true", help="write the figures to RESULTS.md")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    speed = main(args.rows)
    figures = memory(args.rows, args.csv_rows)
    lines = ["| measure | figure |", "|---|---|",
             (f"| csv.reader + float(), {args.rows:,} rows ({speed['megabytes']:.0f} MB) "
             f"| {speed['csv_reader_float_s']:.2f} s |"),
             f"| io.read_csv_columns, same file | {speed['read_csv_columns_s']:.2f} s |",
             f"| throughput ratio (>= 0.5 wanted) | {speed['ratio']:.2f} |",
             *memory_lines(args.rows, args.csv_rows, figures)]
    print("\n".join(lines))
    if args.write:
        write_section(lines, results_file.command("csv_reader.py", argv),
                      (load_before, os.getloadavg()[0]))
    return 0


if __name__ == "__main__":
    sys.exit(cli())
