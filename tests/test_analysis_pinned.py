"""Exact behaviour of the analysis layer where a looser test would let a change slip through.

Each refusal is checked word for word, with the owner, field and value the
error carries; each boundary of a rule is checked from both sides; the
flatness rule is checked on series whose slope sits just either side of it,
for the trend and for the forecast built on it (a flat trend never reaches a
target its level does not meet). The kernel's quantities that are undefined
are NaN without a floating-point warning (the suite turns warnings into
errors).
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
import pytest

import de_an06 as da
from de_an06.analysis import _args
from de_an06.analysis import _kernel as k

VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level=da.Level.NATION)
KH = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level=da.Level.PROVINCE, parent="VN")
INDEX = da.Indicator("index", "An index", "Chỉ số", unit=da.Unit.COUNT)
SHARE = da.Indicator("e-results", "Results", "Kết quả", unit=da.Unit.PERCENT)
PEOPLE = da.Indicator("eid-collected", "e-ID applications collected",
                      "Thu nhận hồ sơ định danh điện tử", unit=da.Unit.PEOPLE)
START = dt.date(2023, 1, 1)
RISING = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]
EPS = sys.float_info.epsilon


def series(values: list[float], indicator: da.Indicator = INDEX,
           where: da.Jurisdiction = VN) -> da.Series:
    return da.Series([da.Reading(indicator, y, as_of=START + dt.timedelta(days=i),
                                 jurisdiction=where) for i, y in enumerate(values)])


def trend() -> da.Trend:
    return da.trend(series(RISING))


def two_point_trend() -> da.Trend:
    return da.trend(series([1.0, 4.0]))


def prediction() -> da.Prediction:
    return trend().predict(START + dt.timedelta(days=15))


def forecast() -> da.Forecast:
    """On track, reached 2023-07-29, 29 days left, no reach interval (two readings)."""
    two = da.Series([
        da.Reading(PEOPLE, 500_000, as_of=dt.date(2023, 6, 25), jurisdiction=KH),
        da.Reading(PEOPLE, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=KH)])
    return da.forecast(two, 756_805, deadline=dt.date(2023, 7, 30))


def forecast_with_interval() -> da.Forecast:
    """Reached 2023-01-21, between 2023-01-19 and 2023-01-23."""
    return da.forecast(series(RISING), 30, deadline=START + dt.timedelta(days=30))


def gap() -> da.Gap:
    nearly = da.Reading(SHARE, 78, as_of=dt.date(2024, 6, 30), jurisdiction=VN,
                        qualifier="nearly")
    return da.gap(nearly, 68.3)


def test_the_bases_are_what_the_cases_assume() -> None:
    t = trend()
    assert (t.n, t.start, t.window) == (7, START, da.Window())
    assert t.slope == pytest.approx(1.0428571428571)
    p = prediction()
    assert p.mean == pytest.approx(25.6714285714)
    assert p.mean_ci is not None
    assert p.mean_ci[0] < 25.0
    assert p.mean_ci[1] > 26.0
    f = forecast()
    assert (f.status, f.reach_date, f.days_left) == (
        da.ProgressStatus.ON_TRACK, dt.date(2023, 7, 29), 29)
    assert f.trend is not None
    assert f.trend.window == da.Window()
    fi = forecast_with_interval()
    assert (fi.reach_earliest, fi.reach_latest) == (dt.date(2023, 1, 19), dt.date(2023, 1, 23))
    assert gap().difference == pytest.approx(9.7)


def other_trend() -> da.Trend:
    return da.trend(series([1.0, 2.0]))


#: (valid result, changes, "Owner.field rule", the value the error names)
REFUSALS: list[tuple[Callable[[], Any], dict[str, Any], str, Any]] = [
    (prediction, {"mean_se": "0.5"}, "Prediction.mean_se must be a real number, not str", "0.5"),
    (prediction, {"mean_se": -1.0}, "Prediction.mean_se must be >= 0", -1.0),
    (prediction, {"mean_ci": [24.0, 27.0]}, "Prediction.mean_ci must be a (low, high) tuple",
     [24.0, 27.0]),
    (prediction, {"mean_ci": (27.0, 24.0)}, "Prediction.mean_ci must have low <= high",
     (27.0, 24.0)),
    (prediction, {"mean_ci": (26.0, 27.0)},
     "Prediction.mean_ci must contain mean=25.67142857142857", (26.0, 27.0)),
    (prediction, {"mean_ci": (24.0, 26.0), "obs_ci": (24.5, 27.0)},
     "Prediction.obs_ci must contain mean_ci=(24.0, 26.0)", (24.5, 27.0)),
    (prediction, {"mean_se": None, "obs_ci": None},
     "Prediction.mean_ci must be None exactly when mean_se is None", "mean_ci of the base"),
    (trend, {"n": 1}, "Trend.n must be >= 2", 1),
    (trend, {"end": START}, "Trend.end must be after start=2023-01-01", START),
    (trend, {"sxx": 0.0}, "Trend.sxx must be > 0", 0.0),
    (trend, {"flat": 0}, "Trend.flat must be a bool, not int", 0),
    (two_point_trend, {"slope_se": 0.25}, "Trend.slope_se must be None exactly when n == 2",
     0.25),
    (trend, {"slope_ci": (2.0, 3.0)}, "Trend.slope_ci must contain slope=1.0428571428571427",
     (2.0, 3.0)),
    (trend, {"r_squared": 1.5}, "Trend.r_squared must be <= 1", 1.5),
    (trend, {"window": da.Window(last=6)}, "Trend.n must not exceed window.last=6", 7),
    (trend, {"window": da.Window(since=dt.date(2023, 1, 2))},
     "Trend.start must not precede window.since=2023-01-02", START),
    (forecast, {"as_of": dt.date(2023, 6, 30)},
     "Forecast.as_of must not precede latest_date=2023-07-01", dt.date(2023, 6, 30)),
    (forecast, {"reach_date": dt.date(2023, 6, 30)},
     "Forecast.reach_date must not precede as_of=2023-07-01", dt.date(2023, 6, 30)),
    (forecast_with_interval, {"reach_latest": dt.date(2023, 1, 18)},
     "Forecast.reach_latest must not precede reach_earliest=2023-01-19", dt.date(2023, 1, 18)),
    (forecast, {"days_left": 5},
     "Forecast.days_left must be the days from latest_date to deadline (29)", 5),
    (forecast, {"working_days_left": 30},
     "Forecast.working_days_left must not exceed days_left=29", 30),
    (forecast, {"pace_unit": "working day"},
     "Forecast.pace_unit must be 'day' when working_days_left is None", "working day"),
    (forecast, {"status": da.ProgressStatus.ACHIEVED},
     "Forecast.reach_date must be None when the target is achieved", dt.date(2023, 7, 29)),
    (forecast, {"window": da.Window(last=2)},
     "Forecast.trend must be fitted to window=Window(last=2)", da.Window()),
    (forecast, {"status": da.ProgressStatus.LIMITED},
     ("Forecast.status must be ProgressStatus.ON_TRACK for latest=546234.0, "
      "target=756805.0, pace_ratio=1.061230337194264"), da.ProgressStatus.LIMITED),
    (gap, {"low": 10.0}, "Gap.low must not exceed difference=", 10.0),
    (gap, {"high": 9.0}, "Gap.high must not be below difference=", 9.0),
]


@pytest.mark.parametrize(("make", "changes", "rule", "value"), REFUSALS)
def test_results_refuse_with_the_exact_message(make: Callable[[], Any], changes: dict[str, Any],
                                               rule: str, value: Any) -> None:
    base = make()
    if value == "mean_ci of the base":
        value = base.mean_ci
    if rule.endswith("difference="):
        rule += repr(base.difference)
    with pytest.raises(da.ValidationError) as info:
        attrs.evolve(base, **changes)
    error = info.value
    assert str(error) == f"{rule} (got {value!r})"
    owner, _, rest = rule.partition(".")
    assert (error.owner, error.field, error.value) == (owner, rest.split(" ")[0], value)


def test_a_forecast_names_the_trend_that_ends_elsewhere() -> None:
    other = other_trend()
    with pytest.raises(da.ValidationError) as info:
        attrs.evolve(forecast(), trend=other)
    assert str(info.value) == f"Forecast.trend must end on latest_date=2023-07-01 (got {other!r})"
    assert info.value.value is other


def test_results_accept_their_boundaries() -> None:
    t = trend()
    # the window may hold exactly the readings fitted, starting on the first of them
    assert attrs.evolve(t, window=da.Window(last=7)).window == da.Window(last=7)
    assert attrs.evolve(t, window=da.Window(since=START)).window == da.Window(since=START)
    # an interval may close on the value it must contain
    p = prediction()
    assert p.mean_ci is not None
    assert p.obs_ci is not None
    touching = attrs.evolve(p, mean_ci=(p.mean, p.mean), obs_ci=(p.mean, p.mean))
    assert touching.mean_ci == touching.obs_ci == (p.mean, p.mean)
    same = attrs.evolve(p, obs_ci=p.mean_ci)
    assert same.obs_ci == same.mean_ci


def test_a_perfect_line_predicts_with_zero_width_intervals() -> None:
    p = da.trend(series([1.0, 2.0, 3.0, 4.0])).predict(START + dt.timedelta(days=9))
    assert p.mean == 10.0
    assert p.mean_se == 0.0
    assert p.mean_ci == p.obs_ci == (10.0, 10.0)


def test_window_arguments_are_refused_in_the_callers_name() -> None:
    s = series(RISING)
    with pytest.raises(da.ValidationError) as info:
        da.trend(s, since="2023-01-03")  # type: ignore[arg-type]
    assert str(info.value) == "trend.since must be a datetime.date, not str (got '2023-01-03')"
    with pytest.raises(da.ValidationError) as info:
        da.forecast(s, 30, last=0)
    assert str(info.value) == ("forecast.last must be >= 1 (last=1 keeps one reading: no trend)"
                               " (got 0)")
    assert (info.value.owner, info.value.field, info.value.value) == ("forecast", "last", 0)


def test_too_few_readings_in_a_window_says_which_window() -> None:
    with pytest.raises(da.InsufficientDataError) as info:
        da.trend(series(RISING), last=1)
    assert str(info.value) == ("trend.series must hold at least two distinct dates in the last "
                               "reading (got 1 reading)")
    with pytest.raises(da.InsufficientDataError) as info:
        da.trend(series([5.0]))
    assert str(info.value) == "trend.series must hold at least two distinct dates (got 1 reading)"


def test_a_target_of_another_place_is_refused() -> None:
    elsewhere = da.Target(INDEX, 30, jurisdiction=KH, deadline=dt.date(2023, 12, 31))
    message = "must be for jurisdiction 'VN' (got '56')"
    reading = series(RISING).readings[-1]
    with pytest.raises(da.ValidationError) as info:
        da.attainment(reading, elsewhere)
    assert str(info.value) == f"attainment.target {message}"
    assert (info.value.owner, info.value.field, info.value.value) == ("attainment", "target",
                                                                      "56")
    with pytest.raises(da.ValidationError) as info:
        da.forecast(series(RISING), elsewhere)
    assert str(info.value) == f"forecast.target {message}"
    # the same target for the right place is taken
    here = da.Target(INDEX, 30, jurisdiction=VN, deadline=dt.date(2023, 12, 31))
    assert da.attainment(reading, here).target == 30.0


def test_a_plain_target_obeys_the_value_rules_of_the_unit() -> None:
    reading = da.Reading(SHARE, 80, as_of=START, jurisdiction=VN)
    with pytest.raises(da.ValidationError) as info:
        da.attainment(reading, 150)
    assert str(info.value) == ("attainment.target must be in [0, 100] for a percent indicator "
                               "(got 150)")
    assert (info.value.owner, info.value.field, info.value.value) == ("attainment", "target", 150)
    with pytest.raises(da.ValidationError) as info:
        da.forecast(series([70.0, 80.0], SHARE), -5)
    assert str(info.value) == "forecast.target must be >= 0 for unit 'percent' (got -5)"
    assert da.attainment(reading, 100).target == 100.0


@pytest.mark.parametrize(("hedge", "low"), [(0.05, 5.8), (0.1, 1.9), (0.0, 9.7)])
def test_gap_uses_the_hedge_given(hedge: float, low: float) -> None:
    nearly = da.Reading(SHARE, 78, as_of=dt.date(2024, 6, 30), jurisdiction=VN,
                        qualifier="nearly")
    ahead = da.gap(nearly, 68.3, hedge=hedge)
    assert ahead.low == pytest.approx(low)
    assert ahead.high == pytest.approx(9.7)
    behind = da.gap(68.3, nearly, hedge=hedge)
    assert behind.high == pytest.approx(-low)
    assert behind.low == pytest.approx(-9.7)


# -- the checks of _args, run as a result class runs them ---------------------------------


def test_optional_lets_none_through_and_checks_the_rest() -> None:
    check = _args.optional(_args.non_negative)
    assert check("f", "x", None) is None
    assert check("f", "x", 2) == 2.0
    with pytest.raises(da.ValidationError) as info:
        check("f", "x", -1)
    assert str(info.value) == "f.x must be >= 0 (got -1)"
    assert (info.value.owner, info.value.field, info.value.value) == ("f", "x", -1)


def test_a_field_check_names_the_class_and_the_argument() -> None:
    @attrs.frozen
    class Holder:
        _level: float = attrs.field(validator=_args.field(_args.confidence))

    assert Holder(0.9)._level == 0.9
    with pytest.raises(da.ValidationError) as info:
        Holder(1.5)
    assert str(info.value) == "Holder.level must be in (0, 1) (got 1.5)"
    assert (info.value.owner, info.value.field, info.value.value) == ("Holder", "level", 1.5)


# -- undefined kernel quantities are NaN, silently ----------------------------------------

DAY0 = 19_358  # 2023-01-01


def one(days: list[int], values: list[float]) -> k.Fit:
    return k.fit(np.zeros(1, dtype=np.int64), np.array(days, dtype=np.int64),
                 np.array(values, dtype=np.float64))


@pytest.mark.parametrize("values", [[1.0, 4.0], [0.10888865090134581, 0.47533616182892036],
                                    [0.1, 0.7], [3.0, 3.0]])
def test_two_readings_have_no_residual_variance(values: list[float]) -> None:
    f = one([DAY0, DAY0 + 3], values)
    assert bool(f.valid[0])
    assert np.isnan(k.residual_variance(f)[0])
    assert np.isnan(k.slope_se(f)[0])


def test_constant_zero_values_have_no_r_squared() -> None:
    f = one([DAY0, DAY0 + 1, DAY0 + 4], [0.0, 0.0, 0.0])
    assert (f.syy[0], f.ssr[0]) == (0.0, 0.0)
    assert np.isnan(k.r_squared(f)[0])


@pytest.mark.parametrize("values", [[1.7e308, 0.0, 1.7e308], [1.7e308, -1.7e308],
                                    [1e308, 1.7e308, -1.7e308, 0.0]])
def test_one_series_fit_is_silent_at_the_float_limit(values: list[float]) -> None:
    days = np.arange(DAY0, DAY0 + len(values), dtype=np.int64)
    f = k.fit_one(days, np.array(values))
    assert f.n == len(values)
    assert f.valid


# -- the flatness rule, just either side of its bound -------------------------------------

NEAR_FLAT_DAYS = 3


def near_flat(nudge: float) -> da.Series:
    """0, 1, 1, nudge on four days: a least-squares slope of about 0.3 * nudge per day."""
    return series([0.0, 1.0, 1.0, nudge])


def flat_ratio(s: da.Series, slope: float) -> float:
    """``|slope| * span`` over the flatness bound ``32 sqrt(n) eps scale``."""
    values = [r.value for r in s.readings]
    n = len(values)
    mean = math.fsum(values) / n
    rms = math.sqrt(math.fsum((y - mean) ** 2 for y in values) / n)
    return abs(slope) * NEAR_FLAT_DAYS / (32.0 * math.sqrt(n) * EPS * (abs(mean) + rms))


#: nudges giving a slope 1.5 % above and 1.5 % below the bound
ABOVE = 32 * 2 * EPS / 0.9 * 1.015
BELOW = 32 * 2 * EPS / 0.9 * 0.985


def test_the_near_flat_cases_straddle_the_bound() -> None:
    above = da.trend(near_flat(ABOVE))
    below = da.trend(near_flat(BELOW))
    assert 1.005 < flat_ratio(near_flat(ABOVE), above.slope) < 1.025
    assert 0.975 < flat_ratio(near_flat(BELOW), below.slope) < 0.995
    assert above.slope > 0
    assert below.slope > 0


def test_a_slope_just_above_the_bound_is_not_flat_and_reaches_the_target() -> None:
    s = near_flat(ABOVE)
    t = da.trend(s)
    assert not t.flat
    latest = s.readings[-1].as_of
    due = latest + dt.timedelta(days=1000)
    target = t.value_at(due)
    f = da.forecast(s, target)
    assert f.reach_date is not None
    assert abs((f.reach_date - due).days) <= 1


def test_a_slope_just_below_the_bound_is_flat_and_never_reaches() -> None:
    s = near_flat(BELOW)
    t = da.trend(s)
    assert t.flat
    latest = s.readings[-1].as_of
    target = t.value_at(latest + dt.timedelta(days=1000))
    f = da.forecast(s, target)
    assert f.reach_date is None
    assert f.current_pace == 0.0


def test_a_level_series_spread_wider_than_its_mean_is_flat() -> None:
    # symmetric about its middle day: no slope, and a spread (rms 1.36) above the mean (0.86)
    t = da.trend(series([3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]))
    assert abs(t.slope) < 1e-15
    assert t.flat


def test_values_equal_up_to_rounding_make_a_flat_trend_in_any_year() -> None:
    t = da.trend(series([0.1 + 0.2, 0.3, 0.3]))
    assert t.slope != 0.0
    assert t.flat


def test_whole_numbers_beyond_int64_are_fitted_as_floats() -> None:
    # a count of 10**20 is a valid figure (stored as an int); the fit works in floats
    t = da.trend(series([10**20, 2 * 10**20, 3 * 10**20]))
    assert t.slope == pytest.approx(1e20)
    assert t.intercept == pytest.approx(1e20)
    assert t.r_squared == pytest.approx(1.0)
    f = da.forecast(series([10**20, 2 * 10**20, 3 * 10**20]), 5e20)
    assert f.reach_date == START + dt.timedelta(days=4)


def test_a_target_of_a_lookalike_says_what_differs() -> None:
    # same code, another name: the message names the field that tells them apart
    twin = attrs.evolve(INDEX, name="Another index")
    with pytest.raises(da.ValidationError, match=r"they differ in name: 'An index' vs "
                                                  r"'Another index'"):
        _args.goal("forecast", da.Target(twin, 5.0, jurisdiction=KH), INDEX, KH)
    other = attrs.evolve(KH, name="Khanh Hoa province")
    with pytest.raises(da.ValidationError, match=r"they differ in name: 'Khanh Hoa' vs "
                                                  r"'Khanh Hoa province'"):
        _args.goal("forecast", da.Target(INDEX, 5.0, jurisdiction=other), INDEX, KH)
