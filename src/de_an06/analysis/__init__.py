"""Attainment, trends, target forecasts, completion, gaps and rank changes.

Every function here is pure: the same inputs give the same result, nothing is
printed, no input is modified and no clock is read (pass ``as_of=``). Results
are small frozen attrs classes with readable reprs. No result field is
ever NaN or infinite: a quantity that does not exist (a standard error from
two points, a reach date that never comes) is ``None``, and each such case is
documented on the field.

The least-squares fit, projection, target-crossing day and paces are computed
by one numeric kernel over grouped numpy arrays, the same one
``de_an06.batch`` runs over millions of series, so a series gets the same
numbers alone or among others.

Examples
--------
The Khánh Hòa report of 2023-07-02: 546,234 e-ID applications collected on
2023-07-01 against a target of 756,805 by 2023-07-30.

>>> import datetime as dt
>>> import de_an06 as da
>>> round(da.attainment(546_234, 756_805).percent, 2)
72.18
>>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
>>> collected = da.Indicator("eid-collected", "e-ID applications collected",
...                          "Thu nhận hồ sơ định danh điện tử", unit="people")
>>> latest = da.Reading(collected, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=kh)
>>> f = da.forecast(da.Series([latest]), 756_805, deadline=dt.date(2023, 7, 30))
>>> round(f.required_pace, 2), f.days_left
(7261.07, 29)
"""

from __future__ import annotations

from de_an06.analysis.attainments import (
    Attainment,
    Gap,
    attainment,
    gap,
    implied_target,
)
from de_an06.analysis.forecasts import Forecast, ProgressStatus, WorkingDayCounter, forecast
from de_an06.analysis.progress import Completion, RankChange, completion, rank_change
from de_an06.analysis.trends import Prediction, Trend, trend
from de_an06.analysis.windows import Window
from de_an06.model.rules import DEFAULT_HEDGE  # noqa: F401 - importable here, as before

__all__ = [
    "Attainment",
    "Completion",
    "Forecast",
    "Gap",
    "Prediction",
    "ProgressStatus",
    "RankChange",
    "Trend",
    "Window",
    "WorkingDayCounter",
    "attainment",
    "completion",
    "forecast",
    "gap",
    "implied_target",
    "rank_change",
    "trend",
]


def __dir__() -> list[str]:
    return __all__
