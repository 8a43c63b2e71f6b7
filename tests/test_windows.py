"""since= and last=: which readings a trend or forecast is fitted to."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import numpy as np
import pytest

import de_an06 as da
from de_an06 import batch
from de_an06.analysis import rows

VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level=da.Level.NATION)
ACCOUNTS = da.Indicator("accounts", "Accounts", "Tài khoản", unit=da.Unit.COUNT)
START = dt.date(2024, 1, 1)

# an S-shape: slow, fast, then level (one reading every 30 days)
LEVELS = [0, 1, 3, 10, 30, 60, 80, 90, 94, 95]
S_CURVE = da.Series([da.Reading(ACCOUNTS, y, as_of=START + dt.timedelta(days=30 * i),
                                jurisdiction=VN)
                     for i, y in enumerate(LEVELS)])


def test_default_window_is_every_reading() -> None:
    t = da.trend(S_CURVE)
    assert t.window == da.Window() == rows.ALL
    assert t.window.everything
    assert t.n == len(S_CURVE)
    assert str(t.window) == "all readings"
    assert da.forecast(S_CURVE, 200).window == da.Window()


def test_last_fits_the_recent_readings_only() -> None:
    every = da.trend(S_CURVE)
    recent = da.trend(S_CURVE, last=3)
    assert recent.n == 3
    assert recent.start == START + dt.timedelta(days=210)
    assert recent.end == every.end
    assert recent.slope < every.slope  # the levelling off shows
    assert recent.window == da.Window(last=3)
    assert "window=Window(last=3)" in repr(recent)


def test_since_keeps_readings_on_or_after_the_date() -> None:
    day = START + dt.timedelta(days=180)  # the 7th reading's date
    t = da.trend(S_CURVE, since=day)
    assert (t.n, t.start) == (4, day)
    assert t.window == da.Window(since=day)
    assert str(t.window) == "the readings since 2024-06-29"
    # the same four readings as last=4: the same fit, another label
    assert attrs.evolve(da.trend(S_CURVE, last=4), window=t.window) == t


def test_forecast_states_its_window_and_uses_its_pace() -> None:
    every = da.forecast(S_CURVE, 200, deadline=START + dt.timedelta(days=400))
    recent = da.forecast(S_CURVE, 200, deadline=START + dt.timedelta(days=400), last=3)
    assert recent.window == da.Window(last=3)
    assert recent.trend is not None
    assert recent.trend.window == recent.window
    assert recent.latest == every.latest == 95
    assert recent.current_pace is not None
    assert every.current_pace is not None
    assert recent.current_pace < every.current_pace
    assert recent.required_pace == every.required_pace  # from the latest reading either way
    assert "window=Window(last=3)" in repr(recent)


@pytest.mark.parametrize("window", [{"last": 1}, {"since": START + dt.timedelta(days=999)}])
def test_a_window_of_one_reading_has_no_trend(window: dict[str, Any]) -> None:
    with pytest.raises(da.InsufficientDataError, match="at least two distinct dates in the"):
        da.trend(S_CURVE, **window)
    f = da.forecast(S_CURVE, 200, deadline=START + dt.timedelta(days=400), **window)
    assert f.status is da.ProgressStatus.NOT_AVAILABLE
    assert f.trend is None
    assert f.current_pace is None
    assert f.latest == 95  # the latest reading is always kept
    assert f.required_pace is not None


def test_last_larger_than_the_series_is_every_reading() -> None:
    assert da.trend(S_CURVE, last=50).slope == da.trend(S_CURVE).slope


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"last": 0}, r"trend.last must be >= 1"),
    ({"last": -2}, r"trend.last must be >= 1"),
    ({"last": 2.0}, r"trend.last must be an int, not float"),
    ({"last": True}, r"trend.last must be an int, not bool"),
    ({"last": "3"}, r"trend.last must be an int, not str"),
    ({"since": "2024-01-01"}, r"trend.since must be a datetime.date, not str"),
    ({"since": dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)},
     r"trend.since must be a datetime.date, not datetime"),
    ({"since": START, "last": 3}, r"trend.since cannot be given with last=3"),
])
def test_bad_windows_are_refused(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(da.ValidationError, match=match):
        da.trend(S_CURVE, **kwargs)
    with pytest.raises(da.ValidationError, match=match.replace("trend", "forecast")):
        da.forecast(S_CURVE, 200, **kwargs)
    table = batch.ReadingTable.from_series([S_CURVE])
    with pytest.raises(da.ValidationError, match=match.replace("trend", "trends")):
        batch.trends(table, **kwargs)
    with pytest.raises(da.ValidationError, match=match.replace("trend", "forecasts")):
        batch.forecasts(table, 200.0, **kwargs)


def test_window_class_checks_its_fields() -> None:
    with pytest.raises(da.ValidationError, match=r"Window.since cannot be given with last=2"):
        da.Window(since=START, last=2)
    with pytest.raises(da.ValidationError, match=r"Window.last must be >= 1"):
        da.Window(last=0)
    assert str(da.Window(last=1)) == "the last reading"
    assert repr(da.Window(since=START)) == "Window(since=datetime.date(2024, 1, 1))"


def test_results_refuse_a_window_that_does_not_match() -> None:
    t = da.trend(S_CURVE, last=3)
    fields = attrs.asdict(t, recurse=False)
    fields = {name.lstrip("_"): value for name, value in fields.items()}
    slope, intercept = fields.pop("slope"), fields.pop("intercept")
    with pytest.raises(da.ValidationError, match=r"Trend.n must not exceed window.last=2"):
        da.Trend(slope, intercept, **{**fields, "window": da.Window(last=2)})
    with pytest.raises(da.ValidationError, match=r"Trend.start must not precede window.since"):
        da.Trend(slope, intercept, **{**fields, "window": da.Window(since=t.end)})
    with pytest.raises(da.ValidationError, match=r"Trend.window must be a Window"):
        da.Trend(slope, intercept, **{**fields, "window": "last 3"})
    f = da.forecast(S_CURVE, 200, last=3)
    with pytest.raises(da.ValidationError, match=r"Forecast.trend must be fitted to window="):
        attrs.evolve(f, window=da.Window())


def test_batch_windows_select_per_series() -> None:
    table = batch.ReadingTable.from_arrays(
        ids=np.array([1, 1, 1, 1, 2, 2, 3]),
        days=np.array([10, 20, 30, 40, 10, 50, 5]),
        values=np.array([1.0, 2, 4, 8, 1, 3, 7]))
    t = batch.trends(table, last=2)
    assert t.n.tolist() == [2, 2, 1]
    assert t.valid.tolist() == [True, True, False]
    assert t.slope[0] == 0.4  # (8 - 4) / 10
    s = batch.trends(table, since=dt.date(1970, 1, 26))
    assert s.n.tolist() == [2, 1, 1]  # series 3 keeps its latest reading
    assert repr(s) == ("TrendTable(series=3, valid=1, confidence=0.95, "
                       "window=Window(since=datetime.date(1970, 1, 26)))")
    assert table.n_readings == 7  # the table is not touched
    f = batch.forecasts(table, 10.0, since=dt.date(1970, 1, 26))
    assert f.latest.tolist() == [8.0, 3.0, 7.0]
    assert f.forecast(0).window == da.Window(since=dt.date(1970, 1, 26))


def test_select_returns_empty_and_unwindowed_arrays_as_they_are() -> None:
    empty = np.zeros(0, dtype=np.int64)
    values = np.zeros(0, dtype=np.float64)
    got = rows.select(empty, empty, values, da.Window(last=2))
    assert got[1] is empty
    one = np.zeros(1, dtype=np.int64)
    days = np.array([3, 4], dtype=np.int64)
    assert rows.select(one, days, np.ones(2), rows.ALL)[1] is days
