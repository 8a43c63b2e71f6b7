"""The sections of ``benchmarks/RESULTS.md`` that a benchmark script owns.

``run.py --write`` rewrites the file and keeps the sections the other scripts
(``read_table.py``, ``csv_reader.py``, ``dask_bench.py``) wrote, under the
headings below; each script replaces only its own.
"""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")

#: The headings of the sections the other scripts own, in the order of the file.
READ_TABLE = "## Spreadsheets: read_table (issue 16)"
CSV_READERS = "## CSV readers: speed and memory (issue 17)"
DASK = "## Dask: a two-worker cluster next to the local batch (issue 22)"
OWNED = (READ_TABLE, CSV_READERS, DASK)


def kept_section(results: str, heading: str) -> str:
    """The section under `heading` in the text of ``RESULTS.md`` ("" when it has none)."""
    start = results.find(heading)
    if start < 0:
        return ""
    end = results.find("\n## ", start + len(heading))
    return results[start:] if end < 0 else results[start:end + 1]


def kept_sections(results: str) -> str:
    """The sections of :data:`OWNED` in the text of ``RESULTS.md``, each ending in one newline."""
    return "\n".join(part.rstrip("\n") + "\n" for part in
                     (kept_section(results, heading) for heading in OWNED) if part)


def command(script: str, argv: list[str] | None) -> str:
    """The command a section was written by: `script` with the arguments it was given."""
    given = sys.argv[1:] if argv is None else argv
    return shlex.join(["python", f"benchmarks/{script}", *given])


def write_section(heading: str, lines: list[str], command: str, load: tuple[float, float],
                  how: str) -> None:
    """Put `lines` in ``RESULTS.md`` under `heading`, in place of what was there.

    `how` says how the figures were taken (one sentence, after the date and load).
    """
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    note = (f"Written by `{command}` on {when}; load average (1 min) {load[0]:.1f} at the "
            f"start and {load[1]:.1f} at the end. {how}")
    section = "\n".join([heading, "", note, "", *lines, ""])
    kept = kept_section(old, heading)
    text = (old.replace(kept, section + ("\n" if kept.endswith("\n\n") else "")) if kept
            else old.rstrip("\n") + "\n\n" + section)
    RESULTS.write_text(text, encoding="utf-8")
