"""The ``de-an06`` command line.

Examples
--------
>>> from de_an06.cli import main
>>> main(["--version"])
de-an06 0.1.0
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from de_an06._version import __version__

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``de-an06`` (exposed for documentation tools)."""
    parser = argparse.ArgumentParser(
        prog="de-an06",
        description=(
            "Figures, targets and forecasts of Vietnam's Đề án 06 programme "
            "(Decision 06/QĐ-TTg, 2022-2025, vision 2030)."
        ),
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Exit codes: 0 success, 2 usage or input error.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        sys.stdout.write(f"de-an06 {__version__}\n")
        return 0
    parser.print_help(sys.stdout)
    return 0
