"""Phase-1 shim: the CSV reader moved into the :mod:`de_an06.io` package.

The fuzz tests import the two type aliases from here; import them from
``de_an06.io.schema`` (``CsvKind``) and ``de_an06.io.cells``
(``CsvNumberFormat``) instead. The lead removes this module when merging.
"""

from __future__ import annotations

from de_an06.io.cells import CsvNumberFormat  # phase-1 shim
from de_an06.io.schema import CsvKind  # phase-1 shim

__all__ = ["CsvKind", "CsvNumberFormat"]
