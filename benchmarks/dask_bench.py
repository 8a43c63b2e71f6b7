"""Forecasts of 10**7 readings through a two-worker Dask cluster, next to the local batch.

Run with ``python benchmarks/dask_bench.py [--readings N] [--write]`` (needs
the ``dask`` extra; ``--write`` puts the figures in ``benchmarks/RESULTS.md``).
The data: series of 3 to 40 readings (mean 21.5), a reading every one to three
days, each series with its own pace; one target and one deadline for all.
Both ways start from the same pandas DataFrame, sorted by series id then day,
and end with the forecasts as a pandas DataFrame (the local batch's
``to_pandas()``):

* **local** -- ``ReadingTable.from_arrays`` + ``batch.forecasts`` +
  ``to_pandas()`` in this process (best of `--repeats`);
* **cluster** -- a ``distributed.LocalCluster`` of two worker processes with
  one thread each, on this machine. The readings are first scattered to the
  workers' memory in `--partitions` row ranges (not timed: on a real cluster
  the workers read them from storage), then ``de_an06.dask.forecasts(...).compute()`` is timed:
  hash shuffle of the readings between workers, the batch kernel on each
  partition, and the result gathered into this process. The same with
  result left on the workers (only its row count comes back) is timed too,
  and the shuffle alone.

The results of both are checked to be equal bit for bit. On one machine the
cluster can only add work (serialising every reading through the shuffle, and
the result back), so expect a ratio below 1: what a cluster buys is memory
and cores beyond one machine, not speed on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import logging
import os
import platform
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import results_file

from de_an06 import batch

DAY0 = 19_000
TARGET = 5_000.0
DEADLINE = dt.date(2022, 9, 1)


def best(func: Callable[[], object], repeats: int) -> float:
    """Best wall time of `repeats` calls, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def synthetic(readings: int, seed: int = 22) -> Any:  # noqa: ANN401 - a pandas DataFrame
    """`readings` readings of series of 3-40 readings, sorted by id then day."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    sizes = rng.integers(3, 41, readings // 3 + 1)
    sizes = sizes[: int(np.searchsorted(np.cumsum(sizes), readings)) + 1]
    sizes[-1] -= int(sizes.sum()) - readings
    series = sizes.size
    ids = np.repeat(np.arange(series, dtype=np.int64), sizes)
    starts = np.cumsum(sizes) - sizes
    gaps = rng.integers(1, 4, readings)
    gaps[starts] = 0
    within = np.cumsum(gaps) - np.repeat(np.cumsum(gaps)[starts], sizes)
    days = np.repeat(DAY0 + rng.integers(0, 60, series), sizes) + within
    pace = rng.uniform(-5, 40, series)
    values = np.round(1_000 + pace[ids] * within + rng.normal(0, 20, readings), 2)
    return pd.DataFrame({"id": ids, "day": days, "value": values})


def rows(part: Any) -> int:  # noqa: ANN401 - a pandas DataFrame
    """Rows of a partition: what comes back when the result stays on the workers."""
    return int(part.shape[0])


def local(frame: Any) -> Any:  # noqa: ANN401 - pandas DataFrames
    """The local batch, from the frame's columns to the forecasts as a DataFrame."""
    table = batch.ReadingTable.from_arrays(frame["id"].to_numpy(), frame["day"].to_numpy(),
                                           frame["value"].to_numpy())
    return batch.forecasts(table, TARGET, DEADLINE).to_pandas()


def same_bits(got: Any, want: Any) -> bool:  # noqa: ANN401 - pandas DataFrames
    """Whether two frames hold the same rows, columns, dtypes and bits (any NaN equal)."""
    got = got.sort_index()
    if not (got.index.equals(want.index) and got.dtypes.equals(want.dtypes)):
        return False
    for name in want.columns:
        a, b = got[name].to_numpy(), want[name].to_numpy()
        if a.dtype.kind == "f":
            a, b = (np.where(np.isnan(x), np.nan, x).view(np.int64) for x in (a, b))
        elif a.dtype.kind == "M":
            a, b = a.view(np.int64), b.view(np.int64)
        if not np.array_equal(a, b):
            return False
    return True


def main(argv: list[str] | None = None) -> None:
    """Time both ways and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readings", type=int, default=10**7)
    parser.add_argument("--partitions", type=int, default=8,
                        help="partitions of the readings on the cluster (default 8)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--shuffle", choices=["p2p", "tasks"], default=None,
                        help="Dask's shuffle method (default: Dask's choice, p2p on a cluster)")
    parser.add_argument("--write", action="store_true", help="write the figures to RESULTS.md")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]

    try:
        import dask
        import dask.dataframe as dd
        from distributed import Client, LocalCluster, wait
    except ImportError:
        print('dask_bench: skipped, needs the dask extra: pip install "de_an06[dask]"')
        return

    from de_an06 import dask as da_dask

    frame = synthetic(args.readings)
    series = int(frame["id"].iloc[-1]) + 1
    print(f"{args.readings:,} readings, {series:,} series "
          f"(mean {args.readings / series:.1f} readings), {args.partitions} partitions; "
          f"{platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}; dask {dask.__version__}")

    want = local(frame)
    t_local = best(lambda: local(frame), args.repeats)
    print(f"{'local batch (table + forecasts + to_pandas)':<46} {t_local:8.3f} s")

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client, \
            dask.config.set({"dataframe.shuffle.method": args.shuffle}):
        edges = np.linspace(0, len(frame), args.partitions + 1).astype(int)
        pieces = client.scatter([frame.iloc[a:b] for a, b in itertools.pairwise(edges)])
        ddf = dd.from_delayed(pieces, meta=frame.iloc[:0], verify_meta=False)
        warm = dd.from_pandas(frame.iloc[:1_000], npartitions=2)
        da_dask.forecasts(warm, target=TARGET, deadline=DEADLINE).compute()  # imports on workers

        def on_cluster() -> Any:  # noqa: ANN401
            return da_dask.forecasts(ddf, target=TARGET, deadline=DEADLINE).compute()

        def left_on_workers() -> None:
            result = da_dask.forecasts(ddf, target=TARGET, deadline=DEADLINE)
            result.map_partitions(rows, meta=(None, "int64")).sum().compute()

        def shuffle_alone() -> None:
            # persisted and waited for: a row count of the shuffled frame would be
            # optimised into a row count of the frame, without the shuffle
            shuffled = ddf.shuffle(on="id").persist()
            wait(shuffled)
            del shuffled

        got = on_cluster()
        t_cluster = best(on_cluster, args.repeats)
        t_persist = best(left_on_workers, args.repeats)
        t_shuffle = best(shuffle_alone, args.repeats)
    rows_out = [
        ("2-worker LocalCluster, result gathered", t_cluster),
        ("2-worker LocalCluster, result left on workers", t_persist),
        ("2-worker LocalCluster, the shuffle alone", t_shuffle),
    ]
    for label, seconds in rows_out:
        print(f"{label:<46} {seconds:8.3f} s  ({seconds / t_local:5.1f}x the local time)")
    equal = same_bits(got, want)
    print(f"ratio local / cluster (result gathered): {t_local / t_cluster:.3f}")
    print(f"results equal bit for bit: {equal}")
    if args.write:
        lines = ["| way | seconds | × the local time |", "|---|---|---|",
                 f"| local batch (table + forecasts + to_pandas) | {t_local:.3f} | 1 |",
                 *(f"| {label} | {seconds:.3f} | {seconds / t_local:.1f} |"
                   for label, seconds in rows_out),
                 "", (f"{args.readings:,} readings in {series:,} series, {args.partitions} "
                      f"partitions, dask {dask.__version__}; results equal to the local "
                      f"batch's bit for bit: {'yes' if equal else 'NO'}.")]
        results_file.write_section(
            results_file.DASK, lines, results_file.command("dask_bench.py", argv),
            (load_before, os.getloadavg()[0]),
            "Times are the best of a few runs; the cluster's workers are processes of this "
            "machine, so the cluster can only add work here (see the Dask page).")


if __name__ == "__main__":
    main()
