"""The optional extras: import one, or say which to install (one message for all).

Every part of the library that needs an optional package asks :func:`require`
for it before doing any work, so a missing package is one
:class:`~de_an06.MissingExtraError` naming the ``pip install`` line of its
extra, never a bare :class:`ModuleNotFoundError` from deep inside, nor a
report half printed.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Final

from de_an06.errors import MissingExtraError

__all__ = ["EXTRAS", "install_line", "require"]

#: The extra that brings each optional top-level package (pyproject.toml's
#: ``[project.optional-dependencies]``).
EXTRAS: Final = {
    "matplotlib": "plot",
    "pandas": "pandas",
    "polars": "polars",
    "holidays": "calendar",
    "hypothesis": "test",
    "dask": "dask",
    "distributed": "dask",
    "python_calamine": "excel",
    "openpyxl": "excel",
    "tqdm": "progress",
}


def install_line(extra: str) -> str:
    """The command that installs `extra`: ``pip install "de_an06[plot]"``."""
    return f'pip install "de_an06[{extra}]"'


def require(module: str, purpose: str) -> ModuleType:
    """Import `module` (``"matplotlib.pyplot"``), or raise naming the extra to install.

    Parameters
    ----------
    module : str
        The module to import; its top-level package picks the extra.
    purpose : str
        What needs it, for the message (``"de_an06.plotting"``).

    Raises
    ------
    MissingExtraError
        When the module (or a package it needs) cannot be imported.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        top = module.partition(".")[0]
        missing = error.name or top
        raise MissingExtraError(
            f"{purpose} needs the optional package {top!r}, which is not installed "
            f"(missing: {missing}); install it with: {install_line(EXTRAS[top])}",
            name=missing) from error
