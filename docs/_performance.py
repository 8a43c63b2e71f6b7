"""Write the performance tables and plot from ``benchmarks/RESULTS.md``, at every build.

``make bench`` (``benchmarks/run.py --write``) records its last run in
``benchmarks/RESULTS.md``; the Performance page and the national-scale guide
include what :func:`write` makes of it, so the figures the site shows are
always those of the last recorded run:

* ``performance.md``: the run's machine and data, then its tables;
* ``performance-summary.md``: one row per way at 10⁷ readings;
* ``throughput.png``: readings per second of each way against the number of
  readings.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

#: The columns of the first table of RESULTS.md drawn in the plot, with their labels.
WAYS = {"ours": "de_an06 (table + forecasts)", "trends": "de_an06 trends, built table",
        "hand": "numpy by hand", "same work": "numpy by hand, de_an06's whole work",
        "pandas": "pandas", "polyfit loop": "np.polyfit loop"}
_ROW = re.compile(r"^\|(.*)\|\s*$")


def _number(cell: str) -> float:
    text = cell.strip().replace(",", "").rstrip("×").split()[0] if cell.strip() else "nan"
    try:
        return float(text)
    except ValueError:
        return math.nan


def sections(text: str) -> list[tuple[str, list[str]]]:
    """The ``## `` sections of `text`: (title, lines), the preamble titled ``""``."""
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        if line.startswith("## "):
            out.append((line[3:].strip(), []))
        elif not line.startswith("# "):
            out[-1][1].append(line)
    return out


def tables(lines: list[str]) -> list[list[list[str]]]:
    """The Markdown tables in `lines`, each as rows of cells (header first)."""
    found: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*lines, ""]:
        match = _ROW.match(line.strip())
        if match:
            cells = [c.strip() for c in match[1].split("|")]
            if not all(set(c) <= {"-", ":"} for c in cells):
                current.append(cells)
        elif current:
            found.append(current)
            current = []
    return found


def _throughput(rows: list[list[str]]) -> dict[str, dict[str, list[tuple[float, float]]]]:
    """Series kind -> way -> [(readings, readings per second)] from the batch table."""
    header, *body = rows
    out: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for row in body:
        cells = dict(zip(header, row, strict=False))
        readings = _number(cells["readings"])
        for way in WAYS:
            ms = _number(cells.get(way, ""))
            if not math.isnan(ms) and ms > 0:
                out.setdefault(cells["kind"], {}).setdefault(way, []).append(
                    (readings, readings / ms * 1000))
    return out


def _plot(data: dict[str, dict[str, list[tuple[float, float]]]], path: Path) -> None:
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(data), figsize=(9, 3.6), sharey=True, layout="constrained")
    for ax, (kind, ways) in zip(list(getattr(axes, "flat", [axes])), data.items(), strict=True):
        for way, points in ways.items():
            xs, ys = zip(*points, strict=True)
            ax.plot(xs, ys, marker="o", label=WAYS[way],
                    linewidth=2.5 if way == "ours" else 1.2)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(f"series of {kind} readings")
        ax.set_xlabel("readings in the table")
        ax.grid(visible=True, which="major", alpha=0.3)
    axes_list = list(getattr(axes, "flat", [axes]))
    axes_list[0].set_ylabel("readings per second (CPU)")
    axes_list[-1].legend(fontsize="small", loc="lower right")
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _markdown(rows: list[list[str]]) -> list[str]:
    header, *body = rows
    return ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|",
            *("| " + " | ".join(row) + " |" for row in body), ""]


def _summary(rows: list[list[str]], readings: str = "10,000,000") -> list[str]:
    header, *body = rows
    out = [("| series | de_an06 | numpy by hand | numpy by hand, same work | pandas "
            "| `np.polyfit` loop | floor |"),
           "|---|---|---|---|---|---|---|"]
    for row in body:
        cells = dict(zip(header, row, strict=False))
        if cells["readings"] != readings:
            continue
        ours = _number(cells["ours"])
        out.append(" | ".join([
            f"| {cells['kind']} readings ({cells['series']} series)",
            f"**{cells['ours']} ms**",
            *(f"{cells[way]} ms ({_number(cells[way]) / ours:.2f}×)"
              for way in ("hand", "same work", "pandas", "polyfit loop", "floor")),
        ]) + " |")
    return [*out, ""]


def write(directory: Path, results: Path) -> None:
    """Write ``performance.md``, ``performance-summary.md`` and ``throughput.png``."""
    directory.mkdir(parents=True, exist_ok=True)
    parts = sections(results.read_text(encoding="utf-8"))
    preamble = [line for line in parts[0][1] if line.startswith("- ")]
    batch = tables(parts[1][1])[0]
    page = ["The run recorded in `benchmarks/RESULTS.md`:", "", *preamble, ""]
    for title, lines in parts[1:]:
        # A way not run at that size is "nan" in the file, a dash on the page.
        page += [f"### {title}", "",
                 *(re.sub(r"(?<=\| )nan(?= \|)", "—", line) for line in lines)]
    _write(directory / "performance.md", "\n".join(page))
    _write(directory / "performance-summary.md", "\n".join(_summary(batch)))
    _plot(_throughput(batch), directory / "throughput.png")


def _write(path: Path, text: str) -> None:
    text = text.rstrip() + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
