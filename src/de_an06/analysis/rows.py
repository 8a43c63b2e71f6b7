"""What the vectorised layer uses from the analysis: the kernel and the row builders.

:mod:`de_an06.batch` runs the same numeric kernel as :func:`de_an06.trend`
and :func:`de_an06.forecast`, over many series at once, and turns one row of
its arrays back into the per-object result with the same builders those
functions use, so a series gets bit-identical numbers either way. This module
is that seam: batch imports from here, never from the private modules of
:mod:`de_an06.analysis`. It is public to the package, not part of the
library's API (not in ``de_an06.__all__``, no stability promise).

* the kernel (:mod:`de_an06.analysis._kernel`): :class:`Fit`, :func:`fit`,
  :func:`group_starts`, :func:`out_of_range` (the error refusing a series
  whose fit overflows float64, those not ``Fit.in_range``),
  :class:`TrendArrays` and :func:`trend_arrays` (slope, its standard error
  and its confidence interval), :class:`Projection` and
  :func:`project` (reach days, paces, statuses), and the day numbers
  (:func:`day_to_date`, :func:`date_to_day`, :data:`MIN_DAY`, :data:`MAX_DAY`);
* the window (:mod:`de_an06.analysis.windows`): :class:`Window`,
  :func:`window` (the ``since=``/``last=`` arguments, checked) and
  :func:`select` (the readings in a window, per group, before the kernel);
* the row builders: :func:`trend_row` (a :class:`~de_an06.Trend` from group
  ``i``) and :func:`forecast_row` (a :class:`~de_an06.Forecast`).
"""

from __future__ import annotations

from de_an06.analysis._kernel import (
    MAX_DAY,
    MIN_DAY,
    Fit,
    Projection,
    TrendArrays,
    date_to_day,
    day_to_date,
    fit,
    group_starts,
    out_of_range,
    project,
    trend_arrays,
)
from de_an06.analysis.forecasts import forecast_row
from de_an06.analysis.trends import trend_row
from de_an06.analysis.windows import ALL, Window, select, window

__all__ = [
    "ALL",
    "MAX_DAY",
    "MIN_DAY",
    "Fit",
    "Projection",
    "TrendArrays",
    "Window",
    "date_to_day",
    "day_to_date",
    "fit",
    "forecast_row",
    "group_starts",
    "out_of_range",
    "project",
    "select",
    "trend_arrays",
    "trend_row",
    "window",
]


def __dir__() -> list[str]:
    return __all__
