"""The analysis results cannot be built from nonsense: each field and each tie between fields.

Every case takes a result built by the library (so valid), changes one or two
fields with :func:`attrs.evolve` (which runs the validators again) and checks
the ValidationError names the class, the field and the value.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import de_an06 as da

VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level=da.Level.NATION)
KH = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level=da.Level.PROVINCE, parent="VN")
INDEX = da.Indicator("index", "An index", "Chỉ số", unit=da.Unit.COUNT)
COLLECTED = da.Indicator("eid-collected", "e-ID applications collected",
                         "Thu nhận hồ sơ định danh điện tử", unit=da.Unit.PEOPLE)
START = dt.date(2023, 1, 1)
GOLDEN = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]
DUE = dt.date(2023, 7, 30)
LATEST = dt.date(2023, 7, 1)


def series(values: list[float], indicator: da.Indicator = INDEX) -> da.Series:
    return da.Series([da.Reading(indicator, y, as_of=START + dt.timedelta(days=i), jurisdiction=VN)
                      for i, y in enumerate(values)])


def attainment() -> da.Attainment:
    return da.attainment(546_234, 756_805)


def gap() -> da.Gap:
    hedged = da.Reading(da.Indicator("e-results", "Results", "Kết quả", unit="percent"), 78,
                        as_of=dt.date(2024, 6, 30), jurisdiction=VN, qualifier="nearly")
    return da.gap(hedged, 68.3)  # difference 9.7 in [5.8, 9.7)


def rank_change() -> da.RankChange:
    return da.rank_change(da.Rank(62, 63), da.Rank(37, 63))


def trend() -> da.Trend:
    return da.trend(series(GOLDEN))


def two_point_trend() -> da.Trend:
    return da.trend(series([1.0, 4.0]))


def prediction() -> da.Prediction:
    return trend().predict(START + dt.timedelta(days=15))


def forecast() -> da.Forecast:
    """On track: 546,234 on 2023-07-01 after 500,000 on 06-25, 756,805 due 07-30."""
    two = da.Series([da.Reading(COLLECTED, 500_000, as_of=dt.date(2023, 6, 25), jurisdiction=KH),
                     da.Reading(COLLECTED, 546_234, as_of=LATEST, jurisdiction=KH)])
    return da.forecast(two, 756_805, deadline=DUE)


def forecast_with_interval() -> da.Forecast:
    return da.forecast(series(GOLDEN), 30, deadline=START + dt.timedelta(days=30))


def completion() -> da.Completion:
    return da.Completion.from_counts(done=24, total=29, in_progress=5)


NAN = math.nan
WHEN = dt.datetime(2023, 7, 1, tzinfo=dt.timezone.utc)

#: (valid result, changes, field named, start of the rule in the message)
CASES: list[tuple[Callable[[], Any], dict[str, Any], str, str]] = [
    (attainment, {"value": "5"}, "value", "must be a real number, not str"),
    (attainment, {"value": NAN}, "value", "must be finite"),
    (attainment, {"target": 0.0}, "target", "must be non-zero for a ratio"),
    (attainment, {"target": math.inf}, "target", "must be finite"),
    (attainment, {"direction": "higher"}, "direction", "must be a Direction, not str"),
    (attainment, {"qualifier": "nearly"}, "qualifier", "must be a Qualifier, not str"),
    (attainment, {"unit": "people"}, "unit", "must be a Unit, not str"),
    (attainment, {"hedge": 1.0}, "hedge", "must be in [0, 1)"),
    (attainment, {"hedge": True}, "hedge", "must be a real number, not bool"),
    (gap, {"difference": math.inf}, "difference", "must be finite"),
    (gap, {"low": "5.8"}, "low", "must be a real number, not str"),
    (gap, {"high": NAN}, "high", "must be finite"),
    (gap, {"low_inclusive": 1}, "low_inclusive", "must be a bool, not int"),
    (gap, {"high_inclusive": None}, "high_inclusive", "must be a bool, not NoneType"),
    (gap, {"low": 10.0}, "low", "must not exceed difference=9.7"),
    (gap, {"high": 9.0}, "high", "must not be below difference=9.7"),
    (rank_change, {"before": 62}, "before", "must be a Rank, not int"),
    (rank_change, {"after": (37, 63)}, "after", "must be a Rank, not tuple"),
    (prediction, {"date": WHEN}, "date", "must be a datetime.date, not datetime"),
    (prediction, {"mean": NAN}, "mean", "must be finite"),
    (prediction, {"mean_se": -1.0}, "mean_se", "must be >= 0"),
    (prediction, {"mean_ci": [24.0, 27.0]}, "mean_ci", "must be a (low, high) tuple"),
    (prediction, {"mean_ci": (24.0,)}, "mean_ci", "must be a (low, high) tuple"),
    (prediction, {"mean_ci": (NAN, 27.0)}, "mean_ci[0]", "must be finite"),
    (prediction, {"obs_ci": (24.0, "27")}, "obs_ci[1]", "must be a real number, not str"),
    (prediction, {"mean_ci": (27.0, 24.0)}, "mean_ci", "must have low <= high"),
    (prediction, {"mean_ci": None}, "mean_ci", "must be None exactly when mean_se is None"),
    (prediction, {"obs_ci": None}, "obs_ci", "must be None exactly when mean_se is None"),
    (prediction, {"mean_ci": (26.0, 27.0)}, "mean_ci", "must contain mean=25.67"),
    (prediction, {"mean_ci": (24.0, 26.0), "obs_ci": (24.5, 27.0)}, "obs_ci",
     "must contain mean_ci=(24.0, 26.0)"),
    (prediction, {"mean_ci": (24.0, 26.0), "obs_ci": (23.0, 25.9)}, "obs_ci",
     "must contain mean_ci=(24.0, 26.0)"),
    (trend, {"slope": "1"}, "slope", "must be a real number, not str"),
    (trend, {"intercept": math.inf}, "intercept", "must be finite"),
    (trend, {"slope_se": -0.1}, "slope_se", "must be >= 0"),
    (trend, {"slope_ci": (1.0,)}, "slope_ci", "must be a (low, high) tuple"),
    (trend, {"r_squared": NAN}, "r_squared", "must be finite"),
    (trend, {"n": 7.0}, "n", "must be an int, not float"),
    (trend, {"n": 1}, "n", "must be >= 2"),
    (trend, {"start": "2023-01-01"}, "start", "must be a datetime.date, not str"),
    (trend, {"end": WHEN}, "end", "must be a datetime.date, not datetime"),
    (trend, {"end": START}, "end", "must be after start=2023-01-01"),
    (trend, {"confidence": 1.0}, "confidence", "must be in (0, 1)"),
    (trend, {"flat": 0}, "flat", "must be a bool, not int"),
    (trend, {"mean_offset": NAN}, "mean_offset", "must be finite"),
    (trend, {"mean_value": "x"}, "mean_value", "must be a real number, not str"),
    (trend, {"sxx": 0.0}, "sxx", "must be > 0"),
    (trend, {"residual_variance": -1.0}, "residual_variance", "must be >= 0"),
    (trend, {"quantile": -2.0}, "quantile", "must be >= 0"),
    (trend, {"slope_se": None}, "slope_se", "must be None exactly when n == 2"),
    (trend, {"slope_ci": None}, "slope_ci", "must be None exactly when n == 2"),
    (trend, {"quantile": None}, "quantile", "must be None exactly when n == 2"),
    (two_point_trend, {"slope_se": 0.1}, "slope_se", "must be None exactly when n == 2"),
    (two_point_trend, {"residual_variance": 0.1}, "residual_variance",
     "must be None exactly when n == 2"),
    (trend, {"slope_ci": (2.0, 3.0)}, "slope_ci", "must contain slope=1.04"),
    (trend, {"slope_ci": (0.0, 1.0)}, "slope_ci", "must contain slope=1.04"),
    (trend, {"r_squared": 1.5}, "r_squared", "must be <= 1"),
    (forecast, {"status": "substantial_progress"}, "status",
     "must be a ProgressStatus, not str"),
    (forecast, {"target": NAN}, "target", "must be finite"),
    (forecast, {"deadline": "2023-07-30"}, "deadline", "must be a datetime.date, not str"),
    (forecast, {"as_of": None}, "as_of", "must be a datetime.date, not NoneType"),
    (forecast, {"latest": "546234"}, "latest", "must be a real number, not str"),
    (forecast, {"latest_date": WHEN}, "latest_date", "must be a datetime.date, not datetime"),
    (forecast, {"reach_date": 1}, "reach_date", "must be a datetime.date, not int"),
    (forecast, {"reach_earliest": 1}, "reach_earliest", "must be a datetime.date, not int"),
    (forecast, {"reach_latest": 1}, "reach_latest", "must be a datetime.date, not int"),
    (forecast, {"current_pace": math.inf}, "current_pace", "must be finite"),
    (forecast, {"required_pace": "1"}, "required_pace", "must be a real number, not str"),
    (forecast, {"pace_ratio": NAN}, "pace_ratio", "must be finite"),
    (forecast, {"days_left": -1}, "days_left", "must be >= 0"),
    (forecast, {"working_days_left": 1.5}, "working_days_left", "must be an int, not float"),
    (forecast, {"direction": "higher"}, "direction", "must be a Direction, not str"),
    (forecast, {"trend": 1}, "trend", "must be a Trend, not int"),
    (forecast, {"as_of": dt.date(2023, 6, 30)}, "as_of",
     "must not precede latest_date=2023-07-01"),
    (forecast, {"as_of": dt.date(2023, 7, 10), "deadline": dt.date(2023, 7, 9)}, "deadline",
     "must not precede as_of=2023-07-10"),
    (forecast, {"reach_date": dt.date(2023, 6, 30)}, "reach_date",
     "must not precede as_of=2023-07-01"),
    (forecast_with_interval, {"reach_earliest": None}, "reach_latest",
     "must not precede reach_earliest=None"),
    (forecast_with_interval, {"reach_latest": dt.date(2023, 1, 8)}, "reach_latest",
     "must not precede reach_earliest=2023-01-"),
    (forecast, {"days_left": 5}, "days_left",
     "must be the days from latest_date to deadline (29)"),
    (forecast, {"deadline": None}, "days_left",
     "must be the days from latest_date to deadline (None)"),
    (forecast, {"working_days_left": 30}, "working_days_left", "must not exceed days_left=29"),
    (forecast, {"deadline": None, "days_left": None, "working_days_left": 3},
     "working_days_left", "must not exceed days_left=None"),
    (forecast, {"pace_unit": "working day"}, "pace_unit",
     "must be 'day' when working_days_left is None"),
    (forecast, {"working_days_left": 20}, "pace_unit",
     "must be 'working day' when working_days_left is 20"),
    (forecast, {"status": da.ProgressStatus.ACHIEVED}, "reach_date",
     "must be None when the target is achieved"),
    (forecast, {"trend": None}, "reach_date", "must be None without a trend"),
    (forecast, {"trend": None, "reach_date": None}, "current_pace",
     "must be None without a trend"),
    (forecast, {"deadline": None, "days_left": None}, "required_pace",
     "must be None without a deadline"),
    (forecast, {"trend": da.trend(series([1.0, 2.0]))}, "trend",
     "must end on latest_date=2023-07-01"),
    (forecast, {"status": da.ProgressStatus.LIMITED}, "status",
     "must be ProgressStatus.ON_TRACK for latest=546234.0, target=756805.0, pace_ratio=1.06"),
    (forecast, {"target": 500_000.0, "required_pace": None, "pace_ratio": None,
                "reach_date": None}, "status",
     "must be ProgressStatus.ACHIEVED for latest=546234.0, target=500000.0, pace_ratio=None"),
    (completion, {"done": 2.5}, "done", "must be an int, not float"),
    (completion, {"total": 0}, "total", "must be > 0"),
    (completion, {"overdue": -1}, "overdue", "must be >= 0"),
    (completion, {"as_of": "2024-12-01"}, "as_of", "must be a datetime.date, not str"),
]


@pytest.mark.parametrize(("make", "changes", "field", "rule"), CASES)
def test_results_refuse_nonsense(make: Callable[[], Any], changes: dict[str, Any], field: str,
                                 rule: str) -> None:
    valid = make()
    with pytest.raises(da.ValidationError) as info:
        attrs.evolve(valid, **changes)
    error = info.value
    owner = type(valid).__name__
    assert (error.owner, error.field) == (owner, field)
    assert str(error).startswith(f"{owner}.{field} {rule}"), str(error)
    assert str(error).endswith(f"(got {error.value!r})")


def test_nonsense_fails_on_construction_not_on_repr() -> None:
    with pytest.raises(da.ValidationError) as info:
        da.Attainment(1.0, 0.0)
    assert str(info.value) == "Attainment.target must be non-zero for a ratio (got 0.0)"
    assert (info.value.owner, info.value.field, info.value.value) == ("Attainment", "target",
                                                                      0.0)


def test_the_bases_are_valid_and_as_expected() -> None:
    # the cases above start from these; each must be what the comments there assume
    assert gap().difference == pytest.approx(9.7)
    assert forecast().status is da.ProgressStatus.ON_TRACK
    assert forecast().days_left == 29
    f = forecast_with_interval()
    assert f.reach_earliest is not None
    assert f.reach_latest is not None
    assert f.reach_earliest > dt.date(2023, 1, 8)
    assert prediction().mean == pytest.approx(25.671429, abs=5e-7)
    for make in (attainment, gap, rank_change, trend, two_point_trend, prediction, forecast,
                 forecast_with_interval, completion):
        result = make()
        assert attrs.evolve(result) == result
