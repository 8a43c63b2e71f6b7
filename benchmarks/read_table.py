"""Benchmarks of ``de_an06.io.read_table``, as ratios against baselines timed in the same run.

Run standalone: ``python benchmarks/read_table.py [--rows 1000000] [--xlsx-rows 100000]``.

* a Vietnamese-locale CSV (``;``, ``.`` thousands, day-first dates, target and
  deadline on every row): ``read_table`` against ``pandas.read_csv(sep=";",
  thousands=".", decimal=",", dayfirst=True)``: throughput ratio (>= 0.5 wanted),
  peak extra memory (``tracemalloc``) against the file size (<= 3 wanted), and
  CRLF against LF line ends;
* end to end, 10,000 series x 52 weeks: read, forecast, at-risk list (<= 1.5 s wanted);
* an ``.xlsx`` workbook: python-calamine against openpyxl through ``read_table``,
  and ``read_table`` against ``pandas.read_excel`` with the same engine.

Every time is the best of a few repeats; the machine is shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import results_file

from de_an06 import batch, io

HEADER = ("STT;Mã tỉnh;Mã xã;Tên xã;Ngày;Số tài khoản ĐDĐT mức 2 đã kích hoạt;Chỉ tiêu;"
          "Hạn hoàn thành")


def vi(number: int) -> str:
    """`number` with ``.`` between thousands."""
    return f"{number:,}".replace(",", ".")


def write_csv(path: Path, series: int, weeks: int, newline: str = "\n") -> None:
    """A commune-level weekly export in the Vietnamese layout."""
    rnd = random.Random(6)
    start = dt.date(2025, 1, 5)
    dates = [f"{start + dt.timedelta(weeks=w):%d/%m/%Y}" for w in range(weeks)]
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(HEADER + newline)
        row = 0
        for number in range(series):
            code = f"{10000 + number:05d}"
            target = vi(rnd.randint(5_000, 30_000))
            base, slope = rnd.randint(300, 3_000), rnd.randint(0, 300)
            lines = []
            for week, day in enumerate(dates):
                row += 1
                value = vi(base + slope * week + rnd.randint(-30, 30))
                lines.append(f"{row};01;{code};Xã Thử {number};{day};{value};{target};"
                             f"31/12/2025{newline}")
            out.write("".join(lines))


def best(run: Callable[[], object], repeats: int = 3) -> float:
    """The fastest of `repeats` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def peak(run: Callable[[], object]) -> int:
    """Peak memory allocated during `run`, in bytes (tracemalloc)."""
    tracemalloc.start()
    run()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


def csv_figures(folder: Path, rows: int) -> list[str]:
    """read_table against pandas.read_csv on a Vietnamese-locale file: rows of the table."""
    import pandas as pd

    weeks = 52
    series = rows // weeks
    lf, crlf = folder / "lf.csv", folder / "crlf.csv"
    write_csv(lf, series, weeks)
    write_csv(crlf, series, weeks, "\r\n")
    size = lf.stat().st_size

    def pandas_read() -> object:
        return pd.read_csv(lf, sep=";", thousands=".", decimal=",", dayfirst=True,
                           parse_dates=["Ngày", "Hạn hoàn thành"],
                           dtype={"Mã xã": str, "Mã tỉnh": str})

    ways = {"ours": lambda: io.read_table(lf), "pandas": pandas_read,
            "crlf": lambda: io.read_table(crlf), "careful": lambda: careful_read(lf)}
    times = dict.fromkeys(ways, float("inf"))
    for round_ in range(3):  # the ways take turns, so that the machine's load weighs on all
        for name, way in ways.items():
            if name != "careful" or round_ < 2:
                times[name] = min(times[name], best(way, repeats=1))
    ours, theirs, ours_crlf, careful = (times[k] for k in ("ours", "pandas", "crlf", "careful"))
    memory = peak(lambda: io.read_table(lf))
    return [
        f"| read_table, {series * weeks:,} rows ({size / 1e6:.0f} MB) | {ours:.2f} s |",
        f"| pandas.read_csv, same file | {theirs:.2f} s |",
        f"| throughput ratio (read_table / pandas, >= 0.5 wanted) | {theirs / ours:.2f} |",
        f"| the careful (row by row) reader alone, same file | {careful:.2f} s |",
        (f"| its throughput ratio (careful / pandas; the reader before the fast path) "
         f"| {theirs / careful:.2f} |"),
        f"| peak extra memory / file size (<= 3 wanted) | {memory / size:.2f} |",
        f"| CRLF time / LF time (<= 1 wanted) | {ours_crlf / ours:.2f} |",
    ]


class _OneWay:
    """A text file that cannot seek, which read_table reads row by row.

    As it read every file before its columnar fast path.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.name = stream.name

    def __iter__(self) -> Iterator[str]:
        return iter(self.stream)

    def read(self, size: int = -1) -> str:
        return self.stream.read(size)


def careful_read(path: Path) -> object:
    """read_table by its careful, row-by-row reader alone."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return io.read_table(_OneWay(stream))  # type: ignore[arg-type]


def end_to_end(folder: Path) -> list[str]:
    """Read, forecast and list the at-risk series of 10,000 x 52 readings."""
    path = folder / "e2e.csv"
    write_csv(path, 10_000, 52)

    def run() -> object:
        table = io.read_table(path)
        return batch.forecasts(table).at_risk(10)

    return [(f"| end to end, 10,000 x 52: read, forecast, at_risk(10) (<= 1.5 s wanted) "
             f"| {best(run):.2f} s |")]


def xlsx_figures(folder: Path, rows: int) -> list[str]:
    """read_table on a workbook, each engine, against pandas.read_excel with that engine."""
    import openpyxl
    import pandas as pd

    path = folder / "book.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["Mã xã", "Tên xã", "Ngày", "Giá trị", "Chỉ tiêu", "Hạn hoàn thành"])
    start = dt.datetime(2025, 1, 5)  # noqa: DTZ001 - a spreadsheet's naive date
    for row in range(rows):
        sheet.append([f"{10000 + row // 52:05d}", f"Xã {row // 52}",
                      start + dt.timedelta(weeks=row % 52), 1000 + row % 52 * 7, 20_000,
                      dt.datetime(2025, 12, 31)])  # noqa: DTZ001
    book.save(path)
    out = []
    calamine = best(lambda: io.read_table(path))
    for engine in ("calamine", "openpyxl"):
        if engine == "openpyxl":
            saved = sys.modules.get("python_calamine")
            sys.modules["python_calamine"] = None  # type: ignore[assignment]
            try:
                ours = best(lambda: io.read_table(path), repeats=1)
            finally:
                sys.modules.pop("python_calamine")
                if saved is not None:
                    sys.modules["python_calamine"] = saved
        else:
            ours = calamine
        theirs = best(lambda e=engine: pd.read_excel(path, engine=e),  # type: ignore[misc]
                      repeats=1 if engine == "openpyxl" else 3)
        out += [f"| read_table .xlsx {rows:,} rows, {engine} | {ours:.2f} s |",
                f"| pandas.read_excel, engine={engine} | {theirs:.2f} s |",
                (f"| ratio (read_table / pandas, >= 0.5 wanted), {engine} | "
                 f"{theirs / ours:.2f} |")]
    return out


def write_section(lines: list[str], command: str, load: tuple[float, float]) -> None:
    """Put the figures in ``RESULTS.md``, in place of the section written before."""
    results_file.write_section(results_file.READ_TABLE, lines, command, load,
                               "The machine is shared: times vary from run to run more than "
                               "the ratios, each of which compares two figures of this run. "
                               "Times are the best of a few runs.")


def main(argv: list[str] | None = None) -> int:
    """Print the figures as a Markdown table (and with ``--write``, put them in RESULTS.md)."""
    import os

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--write", action="store_true", help="write the figures to RESULTS.md")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    lines = ["| measure | figure |", "|---|---|"]
    with tempfile.TemporaryDirectory() as folder:
        lines += csv_figures(Path(folder), args.rows)
        lines += end_to_end(Path(folder))
        lines += xlsx_figures(Path(folder), args.xlsx_rows)
    print("\n".join(lines))
    if args.write:
        write_section(lines, results_file.command("read_table.py", argv),
                      (load_before, os.getloadavg()[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())


