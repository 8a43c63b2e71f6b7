"""The plot writer of ``de-an06 report --plot DIR``.

:func:`prepare` runs before the report is built, so that a missing
matplotlib or a directory that cannot be written stops the command at once,
with the line that installs the extra, instead of after the whole report has
been printed. :func:`write` then draws one PNG per series with a target
(:func:`de_an06.plotting.write_series_plots`).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from de_an06._extras import install_line
from de_an06.model import Jurisdiction

#: What installs the plotting extra.
INSTALL = install_line("plot")

Writer = Callable[..., tuple[Path, ...]]


class PlotError(Exception):
    """``--plot`` cannot be done (exit code 2)."""


def prepare(directory: str) -> Writer:
    """The function that writes the plots, once matplotlib and `directory` are ready.

    Raises
    ------
    PlotError
        Without matplotlib (the message says how to install it), or when
        `directory` cannot be created.
    """
    try:
        import matplotlib.figure  # noqa: F401 - only to know it is there

        from de_an06.plotting import write_series_plots
    except ImportError as error:
        raise PlotError(f"--plot needs matplotlib ({error}); install it with: {INSTALL}") from None
    try:
        Path(directory).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PlotError(f"--plot cannot write to {directory!r}: {error}") from None
    return write_series_plots


def write(writer: Writer, directory: str, places: Sequence[Jurisdiction],
          as_of: dt.date | None) -> None:
    """Write the plots of `places` to `directory`; name each file on standard error."""
    try:
        paths = writer(directory, places, as_of=as_of)
    except OSError as error:
        raise PlotError(f"--plot cannot write to {directory!r}: {error}") from None
    for path in paths:
        sys.stderr.write(f"wrote {path}\n")
