"""Analysis results as pandas frames: :func:`de_an06.frames.trends_to_pandas` and its twin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from de_an06 import _extras
from de_an06.analysis import Forecast, Trend

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["forecasts_to_pandas", "trends_to_pandas"]


# --------------------------------------------------------------------------
# Analysis results
# --------------------------------------------------------------------------


def _results_frame(records: list[dict[str, Any]], dates: Sequence[str],
                   keys: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    frame: pd.DataFrame = pd.DataFrame.from_records(records, columns=list(keys))
    for name in dates:
        frame[name] = pd.Series(pd.to_datetime(frame[name]), dtype="datetime64[ns]")
    return frame


def trends_to_pandas(trends: Mapping[str, Trend]) -> pd.DataFrame:
    """Fitted trends as a pandas DataFrame, one row per key.

    Parameters
    ----------
    trends : dict
        Trends (:class:`~de_an06.Trend`) by a label of your choice (a
        series' place, say).

    Returns
    -------
    pandas.DataFrame
        Columns ``key, slope, intercept, slope_se, slope_ci_low,
        slope_ci_high, r_squared, n, start, end, confidence, flat``; missing
        quantities (two-point trends) are NaN.

    Examples
    --------
    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading, Series, trend
    >>> vn = Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    >>> ind = Indicator("index", "An index", "Chỉ số", unit="count")
    >>> s = Series([Reading(ind, y, as_of=dt.date(2023, 1, 1 + i), jurisdiction=vn)
    ...             for i, y in enumerate([10, 12, 15])])
    >>> trends_to_pandas({"VN": trend(s)})[["key", "slope", "n"]]
      key  slope  n
    0  VN    2.5  3
    """
    _extras.require("pandas", "de_an06.frames.trends_to_pandas")
    records = []
    for key, t in trends.items():
        low, high = t.slope_ci if t.slope_ci is not None else (None, None)
        records.append({"key": key, "slope": t.slope, "intercept": t.intercept,
                        "slope_se": t.slope_se, "slope_ci_low": low, "slope_ci_high": high,
                        "r_squared": t.r_squared, "n": t.n, "start": t.start, "end": t.end,
                        "confidence": t.confidence, "flat": t.flat})
    keys = ("key", "slope", "intercept", "slope_se", "slope_ci_low", "slope_ci_high",
            "r_squared", "n", "start", "end", "confidence", "flat")
    frame = _results_frame(records, ("start", "end"), keys)
    for name in ("slope_se", "slope_ci_low", "slope_ci_high", "r_squared"):
        frame[name] = frame[name].astype("float64")
    return frame


def forecasts_to_pandas(forecasts: Mapping[str, Forecast]) -> pd.DataFrame:
    """Forecasts as a pandas DataFrame, one row per key.

    Parameters
    ----------
    forecasts : dict
        Forecasts (:class:`~de_an06.Forecast`) by a label of your choice.

    Returns
    -------
    pandas.DataFrame
        Columns ``key, status, target, deadline, as_of, latest, latest_date,
        reach_date, reach_earliest, reach_latest, current_pace, required_pace,
        pace_ratio, pace_unit, days_left, working_days_left``; ``status`` is
        categorical (Open SDG names), dates ``datetime64[ns]`` (NaT when
        missing), missing numbers NaN.

    Examples
    --------
    >>> import datetime as dt
    >>> from de_an06 import datasets, forecast
    >>> kh = datasets.readings(jurisdiction="56", indicator="eid-collected")[0]
    >>> f = forecast(kh, 756_805, deadline=dt.date(2023, 7, 30))
    >>> forecasts_to_pandas({"Khánh Hòa": f})[["key", "required_pace", "days_left"]].round(2)
             key  required_pace  days_left
    0  Khánh Hòa        7261.07       29.0
    """
    _extras.require("pandas", "de_an06.frames.forecasts_to_pandas")
    import pandas as pd

    keys = ("key", "status", "target", "deadline", "as_of", "latest", "latest_date",
            "reach_date", "reach_earliest", "reach_latest", "current_pace", "required_pace",
            "pace_ratio", "pace_unit", "days_left", "working_days_left")
    records = [{"key": key, **{name: getattr(f, name) for name in keys[1:]}}
               for key, f in forecasts.items()]
    for record in records:
        record["status"] = record["status"].value
    frame = _results_frame(records, ("deadline", "as_of", "latest_date", "reach_date",
                                     "reach_earliest", "reach_latest"), keys)
    from de_an06.analysis import ProgressStatus

    frame["status"] = pd.Categorical(frame["status"],
                                     categories=[s.value for s in ProgressStatus])
    for name in ("current_pace", "required_pace", "pace_ratio", "days_left",
                 "working_days_left"):
        frame[name] = frame[name].astype("float64")
    return frame
