"""Print the mutation score of the last ``mutmut run``, per module (``make mutate``).

A mutant counts as *detected* when a test failed on it, or when it made the
tests time out or crash. Mutants listed in ``benchmarks/equivalent_mutants.txt``
(one ``name  reason`` per line) were judged equivalent to the original code:
no test can tell them apart, so the adjusted score leaves them out. The
script exits with status 1 when a mutant listed as equivalent was in fact
detected (the list is stale) or when the adjusted score of a module is under
``--fail-under`` percent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

EQUIVALENT = Path(__file__).with_name("equivalent_mutants.txt")
DETECTED = {"killed", "timeout", "segfault"}


def results() -> dict[str, str]:
    """Map every mutant's name to its status, as ``mutmut results --all true`` gives it."""
    output = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        check=True, capture_output=True, text=True,
    ).stdout
    statuses = {}
    for line in output.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and "__mutmut_" in name:
            statuses[name] = status.strip()
    return statuses


def equivalent() -> dict[str, str]:
    """The mutants judged equivalent, with the reason given for each."""
    listed = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            listed[name] = reason.strip()
    return listed


def module(name: str) -> str:
    """``de_an06.analysis._kernel.x_fit__mutmut_18`` -> ``de_an06.analysis._kernel``.

    The last dotted part is the function (``x_fit``) or the method
    (``xǁScannerǁword``: class and method joined by ``ǁ``, never by a dot);
    all before it is the module path.
    """
    function = name.partition("__mutmut_")[0]
    return function.rpartition(".")[0]


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 1 on a stale equivalent list or a low score."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fail-under", type=float, default=0.0,
                        help="lowest adjusted score (percent) accepted for each module")
    args = parser.parse_args(argv)
    statuses = results()
    listed = equivalent()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    stale = []
    for name, status in statuses.items():
        row = counts[module(name)]
        row["total"] += 1
        if status in DETECTED:
            row["detected"] += 1
            if name in listed:
                stale.append(name)
        elif name in listed:
            row["equivalent"] += 1
    width = max((len(name) for name in counts), default=6)
    print(f"{'module':<{width}} {'mutants':>8} {'detected':>9} {'equivalent':>11} "
          f"{'score':>7} {'adjusted':>9}")
    failed = False
    for name in sorted(counts):
        row = counts[name]
        raw = 100 * row["detected"] / row["total"]
        adjusted = 100 * row["detected"] / (row["total"] - row["equivalent"])
        failed |= adjusted < args.fail_under
        print(f"{name:<{width}} {row['total']:>8} {row['detected']:>9} {row['equivalent']:>11} "
              f"{raw:>6.1f}% {adjusted:>8.1f}%")
    survivors = sorted(n for n, s in statuses.items() if s not in DETECTED and n not in listed)
    print(f"\n{len(survivors)} surviving mutants not judged equivalent:")
    for name in survivors:
        print(f"  {name}: {statuses[name]}")
    for name in stale:
        print(f"stale: {name} is listed as equivalent but a test detects it")
    return 1 if stale or failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
