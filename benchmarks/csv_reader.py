"""How fast `de_an06.io.read_csv_columns` reads a national-scale readings CSV.

Writes a readings file in the library's wide CSV layout (63 provinces, 16
indicators, daily dates, Vietnamese names; 1,000,000 rows by default) to a
temporary directory, then times, in the same run and on the same file:

* the baseline: bare ``csv.reader`` plus ``float()`` of the value column;
* ``de_an06.io.read_csv_columns`` (which also checks every value and date,
  codes the series keys and builds NumPy arrays).

Each is run ``repeat`` times, alternating, and the best time is kept. The
ratio is the reader's throughput over the baseline's (baseline time / reader
time); the goal is at least 0.5.

Run ``.venv/bin/python benchmarks/csv_reader.py [rows]``; ``main()`` returns
the figures for other scripts.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from de_an06 import io

PROVINCES = [(f"{code:02d}", f"Province {code:02d}", f"Tỉnh số {code:02d}")
             for code in range(1, 64)]
INDICATORS = [(f"ind-{n:02d}", f"Indicator {n}", f"Chỉ tiêu số {n} của Đề án 06",
               "percent" if n % 4 == 0 else "people") for n in range(16)]


def make_file(path: Path, rows: int, *, seed: int = 6) -> None:
    """Write `rows` readings in the wide layout of :data:`de_an06.io.READING_COLUMNS`."""
    rng = random.Random(seed)
    start = dt.date(2022, 1, 6)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
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
                "qualifier": "exact", "basis": "unstated", "source_date_inferred": "false",
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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
