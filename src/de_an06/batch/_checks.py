"""The checks a table makes from its fit: the rule :func:`de_an06.trend` applies to one series."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from de_an06 import _validators as v
from de_an06.analysis import rows

if TYPE_CHECKING:
    from de_an06.batch.table import ReadingTable


def check_fit(owner: str, field: str, table: ReadingTable) -> None:
    """Every value finite, and every series' fit within float64 (``Fit.in_range``).

    The rule :func:`de_an06.trend` applies to one series, checked on the
    table's fit (its per-series ``Syy``, not the readings): a series with a
    non-finite value, or with values whose sums or squares overflow, fails
    it. Only then are the values looked at, to name a non-finite one, or
    else the series whose fit overflows and its value of largest magnitude.
    """
    fits = table._fit().in_range  # noqa: SLF001 - same package
    if not fits.all():
        values = table.values
        finite = np.isfinite(values)
        if not finite.all():
            raise v.fail(owner, field, "must be finite", float(values[~finite][0]))
        at = int(np.argmin(fits))
        bounds = np.append(table.starts, values.shape[0])
        raise rows.out_of_range(owner, field, values[bounds[at]:bounds[at + 1]],
                                f" in series {table.ids[at].item()!r}")
