"""Attainment, trends, forecasts, completion, gaps and ranks: figures and properties."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import de_an06 as da
from de_an06.analysis import _kernel as k

VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level=da.Level.NATION)
KH = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level=da.Level.PROVINCE, parent="VN")
QN = da.Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level=da.Level.PROVINCE, parent="VN")
COLLECTED = da.Indicator("eid-collected", "e-ID applications collected",
                         "Thu nhận hồ sơ định danh điện tử", unit=da.Unit.PEOPLE)
SHARE = da.Indicator("share", "A share", "Tỷ lệ", unit=da.Unit.PERCENT)
DAYS = da.Indicator("processing-days", "Processing time", "Thời gian giải quyết",
                    unit=da.Unit.DAYS)
INDEX = da.Indicator("index", "An index", "Chỉ số", unit=da.Unit.COUNT)
START = dt.date(2023, 1, 1)


def make_series(values: list[float], days: list[int] | None = None,
                indicator: da.Indicator = INDEX) -> da.Series:
    offsets = range(len(values)) if days is None else days
    return da.Series([da.Reading(indicator, y, as_of=START + dt.timedelta(days=d), jurisdiction=VN)
                      for d, y in zip(offsets, values, strict=True)])


class Weekdays:
    """A working-day counter that only knows weekends."""

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        return sum((start + dt.timedelta(days=i)).weekday() < 5
                   for i in range(1, (end - start).days + 1))


# --------------------------------------------------------------------------
# Figures from the reports
# --------------------------------------------------------------------------


def test_khanh_hoa_percentages() -> None:
    assert round(da.attainment(546_234, 756_805).percent, 2) == 72.18
    assert round(da.attainment(260_234, 756_805).percent, 2) == 34.39


def test_other_report_ratios() -> None:
    assert round(da.attainment(889_881, 985_560).percent, 2) == 90.29
    assert round(da.attainment(802_068, 810_585).percent, 3) == 98.949
    assert round(da.attainment(139_026, 142_912).percent, 2) == 97.28
    assert round(da.attainment(106_563, 106_929).percent, 2) == 99.66
    assert da.attainment(889_881, 985_560).margin == -95_679


def test_khanh_hoa_required_pace() -> None:
    latest = da.Reading(COLLECTED, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=KH)
    f = da.forecast(latest, 756_805, deadline=dt.date(2023, 7, 30))
    assert f.days_left == 29
    assert f.required_pace == pytest.approx(210_571 / 29, rel=1e-15)
    assert f.required_pace is not None
    assert round(f.required_pace, 2) == 7261.07
    assert f.trend is None
    assert f.current_pace is None
    assert f.reach_date is None
    assert f.status is da.ProgressStatus.NOT_AVAILABLE
    assert f.pace_unit == "day"


def test_khanh_hoa_required_pace_per_working_day() -> None:
    latest = da.Reading(COLLECTED, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=KH)
    calendar = Weekdays()
    assert isinstance(calendar, da.WorkingDayCounter)
    f = da.forecast(latest, 756_805, deadline=dt.date(2023, 7, 30), calendar=calendar)
    assert f.working_days_left == 20
    assert f.required_pace is not None
    assert round(f.required_pace, 2) == 10_528.55
    assert f.pace_unit == "working day"


def test_khanh_hoa_activation_pace() -> None:
    activated = da.Indicator("eid-activated", "e-ID accounts activated",
                             "Kích hoạt tài khoản định danh điện tử", unit=da.Unit.PEOPLE)
    latest = da.Reading(activated, 260_234, as_of=dt.date(2023, 7, 1), jurisdiction=KH)
    f = da.forecast(latest, 756_805, deadline=dt.date(2023, 7, 30))
    assert f.required_pace is not None
    assert round(f.required_pace) == 17_123


def test_task_completion_figures() -> None:
    assert round(da.Completion.from_counts(done=24, total=29, in_progress=5).percent, 2) == 82.76
    assert round(da.Completion.from_counts(done=11, total=13, in_progress=2).percent, 2) == 84.62


def test_linked_service_cut() -> None:
    birth = da.LinkedService("birth", "Birth bundle", "Liên thông khai sinh",
                             procedures=("birth", "residence", "insurance"),
                             days_before=21, days_after=4)
    assert birth.days_saved == 17
    assert round(100 * birth.time_cut, 2) == 80.95


def reading(indicator: da.Indicator, value: float, qualifier: str = "exact") -> da.Reading:
    return da.Reading(indicator, value, as_of=dt.date(2024, 6, 30), jurisdiction=QN,
                      qualifier=da.Qualifier(qualifier))


def test_gaps_against_the_national_average() -> None:
    g = da.gap(reading(SHARE, 78, "nearly"), reading(SHARE, 68.3))
    assert g.difference == pytest.approx(9.7)
    assert g.high == pytest.approx(9.7)
    assert not g.high_inclusive
    assert g.qualifier is da.Qualifier.NEARLY
    g = da.gap(reading(SHARE, 83.8, "more_than"), 67.06)
    assert g.low == pytest.approx(16.74)
    assert g.high is None
    assert g.qualifier is da.Qualifier.MORE_THAN
    g = da.gap(reading(SHARE, 25), reading(SHARE, 19, "nearly"))
    assert g.low == pytest.approx(6)
    assert not g.low_inclusive
    assert g.high == pytest.approx(25 - 19 * 0.95)
    assert g.qualifier is da.Qualifier.MORE_THAN
    exact = da.gap(80, 70)
    assert exact.is_exact
    assert exact.qualifier is da.Qualifier.EXACT
    about = da.gap(reading(SHARE, 80, "about"), 70)
    assert about.qualifier is da.Qualifier.ABOUT
    assert (about.low, about.high) == pytest.approx((6, 14))


def test_gap_refuses_mixed_units() -> None:
    with pytest.raises(da.ValidationError, match=r"gap\.other must be in unit 'percent'"):
        da.gap(reading(SHARE, 50), da.Reading(DAYS, 4, as_of=dt.date(2024, 6, 30), jurisdiction=QN))


def test_rank_change() -> None:
    change = da.rank_change(da.Rank(62, 63), da.Rank(37, 63))
    assert change.places == 25
    assert change.improved
    across = da.rank_change(da.Rank(25, 63), da.Rank(10, 34))
    assert across.places is None
    assert across.percentile_change == pytest.approx(100 * 24 / 33 - 100 * 38 / 62)
    with pytest.raises(da.ValidationError, match=r"rank_change\.after must be a Rank"):
        da.rank_change(da.Rank(1, 2), 3)  # type: ignore[arg-type]


def test_implied_targets_of_vuot() -> None:
    assert da.implied_target(47, 17) == 30
    assert round(da.implied_target(47, 17, relative=True), 2) == 40.17
    assert da.attainment(47, da.implied_target(47, 17)).margin == 17
    assert da.attainment(47, da.implied_target(47, 17, relative=True)).relative_margin == \
        pytest.approx(17)
    with pytest.raises(da.ValidationError, match="excess"):
        da.implied_target(47, -100, relative=True)


# --------------------------------------------------------------------------
# Attainment and qualifiers
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "qualifier", "target", "met"), [
    (65, "more_than", 30, True),
    (60, "more_than", 62, None),
    (60, "more_than", 60, True),
    (98, "nearly", 98, False),
    (98, "nearly", 90, True),
    (98, "nearly", 95, None),
    (50, "less_than", 60, False),
    (50, "less_than", 50, False),
    (50, "less_than", 40, None),
    (80, "about", 70, True),
    (80, "about", 90, False),
    (80, "about", 80, None),
    (80, "exact", 80, True),
    (79.9, "exact", 80, False),
])
def test_met_honours_qualifiers(value: float, qualifier: str, target: float,
                                met: bool | None) -> None:
    assert da.attainment(reading(SHARE, value, qualifier), target).met is met


@pytest.mark.parametrize(("value", "qualifier", "target", "met"), [
    (4, "exact", 5, True),
    (6, "exact", 5, False),
    (10, "about", 5, False),
    (5, "about", 5, None),
    (4, "more_than", 5, None),
    (5, "more_than", 5, False),
    (4, "less_than", 5, True),
    (5, "nearly", 5, True),
    (10, "nearly", 5, False),
    (5.2, "nearly", 5, None),
])
def test_met_lower_is_better(value: float, qualifier: str, target: float,
                             met: bool | None) -> None:
    assert da.attainment(reading(DAYS, value, qualifier), target).met is met


def test_attainment_with_target_object() -> None:
    target = da.Target(COLLECTED, 756_805, jurisdiction=KH, deadline=dt.date(2023, 7, 30))
    latest = da.Reading(COLLECTED, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=KH)
    a = da.attainment(latest, target)
    assert a.unit is da.Unit.PEOPLE
    assert a.ratio == pytest.approx(546_234 / 756_805)
    assert "percent=72.18" in repr(a)
    assert da.attainment(100, target).unit is da.Unit.PEOPLE
    with pytest.raises(da.ValidationError, match="must be for indicator 'eid-collected'"):
        da.attainment(latest, da.Target(INDEX, 5, jurisdiction=VN))


def test_attainment_direction_argument() -> None:
    assert da.attainment(4, 5, direction="lower").met is True
    assert da.attainment(reading(DAYS, 4), 5, direction="lower").met is True
    assert da.attainment(4, 5, direction=da.Direction.HIGHER_IS_BETTER).met is False
    with pytest.raises(da.ValidationError, match="must agree with indicator"):
        da.attainment(reading(DAYS, 4), 5, direction="higher")
    with pytest.raises(da.ValidationError, match="must be a Direction"):
        da.attainment(4, 5, direction="sideways")
    assert "more_than 65" in repr(da.attainment(reading(SHARE, 65, "more_than"), 30))


@pytest.mark.parametrize(("value", "target", "match"), [
    (math.nan, 5, "attainment.value must be finite"),
    (5, math.inf, "attainment.target must be finite"),
    (True, 5, "must be a real number, not bool"),
    ("5", 5, "must be a real number, not str"),
    (5, 0, "must be non-zero for a ratio"),
])
def test_attainment_bad_input(value: object, target: object, match: str) -> None:
    with pytest.raises(da.ValidationError, match=match):
        da.attainment(value, target)  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="hedge must be in"):
        da.attainment(1, 2, hedge=1.5)


positive = st.floats(0.01, 1e9, allow_nan=False)


@given(positive, positive, positive, st.sampled_from(list(da.Direction)))
def test_attainment_monotone(a: float, b: float, target: float, direction: da.Direction) -> None:
    lo, hi = sorted((a, b))
    worse, better = (lo, hi) if direction is da.Direction.HIGHER_IS_BETTER else (hi, lo)
    w = da.attainment(worse, target, direction=direction)
    b_ = da.attainment(better, target, direction=direction)
    assert w.surplus <= b_.surplus
    assert w.percent <= b_.percent if direction is da.Direction.HIGHER_IS_BETTER \
        else w.percent >= b_.percent
    assert not (w.met and not b_.met)


@given(positive, positive, st.sampled_from(list(da.Direction)))
def test_margin_sign_agrees_with_met(value: float, target: float,
                                     direction: da.Direction) -> None:
    a = da.attainment(value, target, direction=direction)
    assert a.met is (a.surplus >= 0)
    assert a.met is (direction.sign * a.margin >= 0)


# --------------------------------------------------------------------------
# Trends against statsmodels
# --------------------------------------------------------------------------

GOLDEN = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]


def test_golden_worked_check() -> None:
    t = da.trend(make_series(GOLDEN))
    assert t.slope == pytest.approx(1.0428571, abs=5e-8)
    assert t.slope_se == pytest.approx(0.0451754, abs=5e-8)
    assert t.r_squared == pytest.approx(0.9907046, abs=5e-8)
    assert t.n == 7
    assert (t.start, t.end) == (START, START + dt.timedelta(days=6))
    p = t.predict(START + dt.timedelta(days=15))
    assert p.mean == pytest.approx(25.671429, abs=5e-7)
    assert p.mean_se == pytest.approx(0.549582, abs=5e-7)
    assert p.mean_ci == pytest.approx((24.258682, 27.084175), abs=5e-7)
    assert p.obs_ci == pytest.approx((24.130829, 27.212028), abs=5e-7)
    assert "slope=1.04" in repr(t)
    assert "_sxx" not in repr(t)


def statsmodels_fit(days: list[int], values: list[float]) -> Any:
    sm = pytest.importorskip("statsmodels.api")
    x = sm.add_constant(np.array(days, dtype=np.float64))
    return sm.OLS(np.array(values), x).fit()


@st.composite
def day_values(draw: st.DrawFn, min_size: int = 3) -> tuple[list[int], list[float]]:
    days = sorted(draw(st.sets(st.integers(0, 1000), min_size=min_size, max_size=40)))
    values = draw(st.lists(st.integers(0, 10**8).map(lambda c: c / 100), min_size=len(days),
                           max_size=len(days)))
    return days, values


def rel(a: float, b: float, scale: float) -> float:
    return abs(a - b) / max(abs(b), scale)


@given(day_values(), st.sampled_from([0.8, 0.9, 0.95, 0.99]), st.integers(-30, 400))
@example(([0, 1, 2], [999989.82, 890346.47, 999989.7]), 0.8, 0)  # r² about 1e-12
def test_trend_agrees_with_statsmodels(data: tuple[list[int], list[float]], confidence: float,
                                       ahead: int) -> None:
    days, values = data
    assume(len(set(values)) > 1)
    s = make_series(values, days)
    t = da.trend(s, confidence=confidence)
    x0 = [d - days[0] for d in days]
    res = statsmodels_fit(x0, values)
    params, bse = res.params, res.bse
    assume(res.ssr > 1e-6 * max(1.0, res.centered_tss))
    span_scale = max(abs(v) for v in values) / max(1, days[-1] - days[0]) * 1e-6
    assert rel(t.slope, params[1], span_scale) <= 1e-9
    assert rel(t.intercept, params[0], max(values) * 1e-6) <= 1e-9
    assert t.slope_se is not None
    assert rel(t.slope_se, bse[1], span_scale) <= 1e-9
    assert t.r_squared is not None
    # r² = 1 - SSR/Syy: near 0 both sides carry the rounding of SSR/Syy, a few ulps of 1,
    # so the difference is judged against an absolute 1e-14 (about 45 ulps of 1)
    assert rel(t.r_squared, res.rsquared, 1e-5) <= 1e-9
    lo, hi = res.conf_int(alpha=1 - confidence)[1]
    assert t.slope_ci is not None
    assert rel(t.slope_ci[0], lo, span_scale) <= 1e-9
    assert rel(t.slope_ci[1], hi, span_scale) <= 1e-9
    target_day = days[-1] + ahead
    frame = res.get_prediction(np.array([[1.0, float(target_day - days[0])]])).summary_frame(
        alpha=1 - confidence)
    p = t.predict(START + dt.timedelta(days=target_day))
    scale = max(values) * 1e-6
    assert rel(p.mean, float(frame["mean"].iloc[0]), scale) <= 1e-9
    assert p.mean_se is not None
    assert rel(p.mean_se, float(frame["mean_se"].iloc[0]), scale) <= 1e-9
    assert p.mean_ci is not None
    assert p.obs_ci is not None
    assert rel(p.mean_ci[0], float(frame["mean_ci_lower"].iloc[0]), scale) <= 1e-9
    assert rel(p.mean_ci[1], float(frame["mean_ci_upper"].iloc[0]), scale) <= 1e-9
    assert rel(p.obs_ci[0], float(frame["obs_ci_lower"].iloc[0]), scale) <= 1e-9
    assert rel(p.obs_ci[1], float(frame["obs_ci_upper"].iloc[0]), scale) <= 1e-9


def test_two_readings_have_no_standard_error() -> None:
    t = da.trend(make_series([1.0, 4.0], [0, 3]))
    assert t.slope == 1.0
    assert t.slope_se is None
    assert t.slope_ci is None
    assert t.r_squared == 1.0
    p = t.predict(START + dt.timedelta(days=6))
    assert p.mean == 7.0
    assert p.mean_se is None
    assert p.obs_ci is None


def test_constant_series_has_no_r_squared() -> None:
    t = da.trend(make_series([0.1, 0.1, 0.1, 0.1]))
    assert t.r_squared is None
    assert t.flat


def test_trend_needs_two_dates() -> None:
    with pytest.raises(da.InsufficientDataError, match="at least two distinct dates"):
        da.trend(make_series([5.0]))
    with pytest.raises(da.ValidationError, match=r"trend\.series must be a Series"):
        da.trend([1, 2])  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="confidence must be in"):
        da.trend(make_series([1.0, 2.0]), confidence=1.0)


@given(day_values(min_size=2), st.randoms(use_true_random=False))
def test_trend_does_not_depend_on_order(data: tuple[list[int], list[float]],
                                        rnd: object) -> None:
    days, values = data
    readings = [da.Reading(INDEX, y, as_of=START + dt.timedelta(days=d), jurisdiction=VN)
                for d, y in zip(days, values, strict=True)]
    shuffled = list(readings)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert da.trend(da.Series(readings)) == da.trend(da.Series(shuffled))


def test_trend_is_frozen_and_inputs_untouched() -> None:
    s = make_series(GOLDEN)
    before = s.values.copy()
    t = da.trend(s)
    assert np.array_equal(s.values, before)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.slope = 0.0  # type: ignore[misc]


# --------------------------------------------------------------------------
# Forecasts
# --------------------------------------------------------------------------


def test_forecast_with_trend_and_interval() -> None:
    s = make_series([100, 110, 121, 129, 140, 151], [0, 1, 2, 3, 4, 5])
    f = da.forecast(s, 200, deadline=START + dt.timedelta(days=10))
    assert f.trend is not None
    assert f.reach_date is not None
    assert f.reach_earliest is not None
    assert f.reach_latest is not None
    assert f.reach_earliest <= f.reach_date <= f.reach_latest
    assert f.current_pace == pytest.approx(f.trend.slope)
    assert f.required_pace == pytest.approx((200 - 151) / 5)
    assert f.current_pace is not None
    assert f.required_pace is not None
    assert f.pace_ratio == pytest.approx(f.current_pace / f.required_pace)
    assert f.status is da.ProgressStatus.ON_TRACK
    assert not f.achieved


@pytest.mark.parametrize(("values", "status"), [
    ([100, 101, 102], da.ProgressStatus.LIMITED),
    ([100, 106, 112], da.ProgressStatus.MODERATE),
    ([100, 99, 98], da.ProgressStatus.DETERIORATING),
    ([100, 100, 100], da.ProgressStatus.LIMITED),
    ([100, 150, 250], da.ProgressStatus.ACHIEVED),
])
def test_forecast_status(values: list[float], status: da.ProgressStatus) -> None:
    f = da.forecast(make_series(values), 200, deadline=START + dt.timedelta(days=12))
    assert f.status is status


def test_forecast_lower_is_better() -> None:
    s = make_series([21, 18, 15, 12], indicator=DAYS)
    f = da.forecast(s, 4, deadline=START + dt.timedelta(days=6))
    assert f.required_pace == pytest.approx(-8 / 3)
    assert f.current_pace == pytest.approx(-3)
    assert f.status is da.ProgressStatus.ON_TRACK
    assert f.reach_date == START + dt.timedelta(days=6)  # 12 - 3*3 = 3 <= 4 on day 6
    worse = da.forecast(make_series([10, 12, 14], indicator=DAYS), 4,
                        deadline=START + dt.timedelta(days=20))
    assert worse.status is da.ProgressStatus.DETERIORATING
    assert worse.reach_date is None
    done = da.forecast(make_series([10, 3], indicator=DAYS), 4)
    assert done.achieved
    assert done.reach_date is None
    assert done.required_pace is None


def test_forecast_never_when_flat_or_far() -> None:
    flat = da.forecast(make_series([50.0, 50.0, 50.0]), 60)
    assert flat.reach_date is None
    assert flat.status is da.ProgressStatus.NOT_AVAILABLE
    far = da.forecast(make_series([0.0, 1e-9, 2e-9]), 1e9)
    assert far.reach_date is None


def test_forecast_with_target_object_and_calendar() -> None:
    target = da.Target(COLLECTED, 756_805, jurisdiction=KH, deadline=dt.date(2023, 7, 30))
    s = da.Series([da.Reading(COLLECTED, 500_000, as_of=dt.date(2023, 6, 25), jurisdiction=KH),
                   da.Reading(COLLECTED, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=KH)])
    f = da.forecast(s, target, calendar=Weekdays())
    assert f.deadline == dt.date(2023, 7, 30)
    per_day = da.forecast(s, target)
    assert f.pace_ratio == pytest.approx(per_day.pace_ratio, rel=1e-15)
    assert f.status is per_day.status
    assert per_day.current_pace is not None
    assert f.current_pace == pytest.approx(per_day.current_pace * 29 / 20)
    assert f.reach_date == per_day.reach_date == dt.date(2023, 7, 29)
    assert f.reach_latest is None  # two readings: no slope interval
    later = da.forecast(s, target, deadline=dt.date(2023, 8, 31), as_of=dt.date(2023, 7, 10))
    assert later.as_of == dt.date(2023, 7, 10)
    assert later.reach_date == dt.date(2023, 7, 29)


class BadCalendar:
    def __init__(self, answer: object) -> None:
        self.answer = answer

    def working_days_between(self, start: dt.date, end: dt.date) -> object:  # noqa: ARG002
        return self.answer


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"deadline": dt.date(2023, 1, 1)}, "forecast.deadline must not precede as_of"),
    ({"as_of": dt.date(2022, 1, 1)}, "forecast.as_of must not precede the latest reading"),
    ({"deadline": START + dt.timedelta(days=2)}, "must leave at least one day"),
    ({"deadline": START + dt.timedelta(days=9), "calendar": BadCalendar(0)},
     "must leave at least one working day"),
    ({"deadline": START + dt.timedelta(days=9), "calendar": BadCalendar(answer=True)},
     "must return an int"),
    ({"deadline": START + dt.timedelta(days=9), "calendar": BadCalendar(99)},
     r"must return a count in \[0, 7\]"),
    ({"deadline": START + dt.timedelta(days=9), "calendar": object()},
     "must have a working_days_between"),
    ({"as_of": dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)}, "must be a datetime.date"),
    ({"confidence": 0}, "confidence must be in"),
])
def test_forecast_bad_input(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(da.ValidationError, match=match):
        da.forecast(make_series([1.0, 2.0, 3.0]), 10, **kwargs)  # type: ignore[arg-type]


def test_forecast_bad_target() -> None:
    s = make_series([1.0, 2.0])
    with pytest.raises(da.ValidationError, match=r"forecast\.target must be finite"):
        da.forecast(s, math.nan)
    with pytest.raises(da.ValidationError, match="must be for indicator 'index'"):
        da.forecast(s, da.Target(COLLECTED, 5, jurisdiction=KH))
    with pytest.raises(da.ValidationError, match=r"forecast\.series must be a Series"):
        da.forecast("s", 5)  # type: ignore[arg-type]


@st.composite
def linear(draw: st.DrawFn) -> tuple[list[int], list[float], int, float]:
    slope = draw(st.integers(1, 500))
    start = draw(st.integers(0, 10_000))
    n = draw(st.integers(2, 15))
    step = draw(st.integers(1, 30))
    days = [step * i for i in range(n)]
    values = [float(start + slope * d) for d in days]
    reach = days[-1] + draw(st.integers(1, 300))
    return days, values, reach, float(start + slope * reach)


@given(linear(), st.integers(-500, 500))
def test_linear_forecast_is_exact_and_shifts(data: tuple[list[int], list[float], int, float],
                                             shift: int) -> None:
    days, values, reach, target = data
    f = da.forecast(make_series(values, days), target)
    assert f.reach_date == START + dt.timedelta(days=reach)
    assert f.trend is not None
    if len(days) > 2:
        assert f.trend.r_squared == 1.0
    moved = da.forecast(make_series(values, [d + shift for d in days]), target)
    assert moved.reach_date == START + dt.timedelta(days=reach + shift)


@given(day_values(min_size=2), st.integers(1, 10**7).map(lambda c: c / 100),
       st.sampled_from([10.0, 1000.0, 0.5, 4.0]), st.integers(1, 400))
def test_scaling_values_and_target(data: tuple[list[int], list[float]], target: float,
                                   factor: float, left: int) -> None:
    days, values = data
    assume(target > 0 and values[-1] > 0)
    assume(abs(values[-1] - target) > 1e-6 * target)
    deadline = START + dt.timedelta(days=days[-1] + left)
    base = da.forecast(make_series(values, days), target, deadline=deadline)
    scaled = da.forecast(make_series([v * factor for v in values], days), target * factor,
                         deadline=deadline)
    assert scaled.status is base.status or (
        base.pace_ratio is not None
        and min(abs(base.pace_ratio - x) for x in (0.95, 0.6, 0.0)) < 1e-9)
    if base.reach_date != scaled.reach_date:
        # only a crossing within rounding of a whole day may move, by one day
        assert base.reach_date is not None
        assert scaled.reach_date is not None
        assert abs((base.reach_date - scaled.reach_date).days) == 1
    assert da.attainment(values[-1], target).percent == pytest.approx(
        da.attainment(values[-1] * factor, target * factor).percent, rel=1e-14)


@given(day_values(min_size=1), st.integers(0, 10**7).map(lambda c: c / 100),
       st.integers(1, 400))
def test_required_pace_identity(data: tuple[list[int], list[float]], target: float,
                                left: int) -> None:
    days, values = data
    f = da.forecast(make_series(values, days), target,
                    deadline=START + dt.timedelta(days=days[-1] + left))
    if f.achieved:
        assert f.required_pace is None
        return
    assert f.required_pace is not None
    assert f.days_left == left
    assert f.required_pace * left + values[-1] == pytest.approx(target, rel=1e-12, abs=1e-9)


@given(day_values(min_size=1), st.integers(0, 10**7).map(lambda c: c / 100))
def test_forecast_fields_are_never_nan(data: tuple[list[int], list[float]], target: float) -> None:
    days, values = data
    f = da.forecast(make_series(values, days), target,
                    deadline=START + dt.timedelta(days=days[-1] + 30), calendar=Weekdays())
    for field in attrs.fields(da.Forecast):
        value = getattr(f, field.name)
        if isinstance(value, float):
            assert math.isfinite(value), field.name


@given(day_values(min_size=2))
def test_forecast_uses_the_kernel_like_batch(data: tuple[list[int], list[float]]) -> None:
    days, values = data
    s = make_series(values, days)
    t = da.trend(s)
    f = k.fit(np.zeros(1, dtype=np.int64), s.days, s.values)
    assert t.slope == f.slope[0]
    assert t.intercept == k.intercept(f)[0]


# --------------------------------------------------------------------------
# Completion
# --------------------------------------------------------------------------


def task(i: int, status: str, deadline: dt.date | None) -> da.Task:
    return da.Task(f"t-{i}", f"Task {i}", f"Nhiệm vụ {i}", owner="Quảng Ngãi",
                   deadline=deadline, status=status)


def test_completion_from_tasks() -> None:
    due = dt.date(2024, 6, 30)
    tasks = ([task(i, "done", due) for i in range(24)]
             + [task(24 + i, "in_progress", due) for i in range(3)]
             + [task(27, "in_progress", None), task(28, "not_started", dt.date(2025, 1, 1))])
    c = da.completion(tasks, as_of=dt.date(2024, 12, 1))
    assert (c.done, c.in_progress, c.not_started, c.overdue, c.total) == (24, 4, 1, 3, 29)
    assert round(c.percent, 2) == 82.76
    assert c.remaining == 5
    assert c.as_of == dt.date(2024, 12, 1)
    assert da.completion(iter(tasks), as_of=dt.date(2024, 1, 1)).overdue == 0


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"done": 3, "total": 0}, "Completion.total must be > 0"),
    ({"done": -1, "total": 3}, "Completion.done must be >= 0"),
    ({"done": 2.5, "total": 3}, "Completion.done must be an int"),
    ({"done": 2, "total": 3, "in_progress": 2}, "must be at least done"),
    ({"done": 2, "total": 3, "overdue": 2}, "must not exceed the tasks not done"),
    ({"done": 2, "total": 3, "not_started": True}, "must be an int"),
])
def test_completion_bad_counts(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(da.ValidationError, match=match):
        da.Completion.from_counts(**kwargs)  # type: ignore[arg-type]


def test_completion_bad_tasks() -> None:
    with pytest.raises(da.ValidationError, match=r"completion.tasks\[0\] must be a Task"):
        da.completion(["x"], as_of=dt.date(2024, 1, 1))  # type: ignore[list-item]
    with pytest.raises(da.ValidationError, match="at least one task"):
        da.completion([], as_of=dt.date(2024, 1, 1))
    with pytest.raises(da.ValidationError, match=r"completion\.as_of must be a datetime\.date"):
        da.completion([], as_of="2024-01-01")  # type: ignore[arg-type]


@given(st.lists(st.sampled_from(list(da.TaskStatus)), min_size=1, max_size=30))
def test_completion_counts_add_up(statuses: list[da.TaskStatus]) -> None:
    tasks = [task(i, s.value, dt.date(2024, 1, 1)) for i, s in enumerate(statuses)]
    c = da.completion(tasks, as_of=dt.date(2024, 6, 1))
    assert c.done + (c.in_progress or 0) + (c.not_started or 0) == c.total == len(tasks)
    assert c.overdue == c.total - c.done
    assert 0 <= c.percent <= 100


def test_progress_status_codes() -> None:
    for status in da.ProgressStatus:
        assert da.ProgressStatus.from_code(status.code) is status
    assert da.ProgressStatus.ACHIEVED.code == k.ACHIEVED
    assert da.ProgressStatus.NOT_AVAILABLE.code == k.NOT_AVAILABLE


def test_module_dir() -> None:
    from de_an06 import analysis
    assert dir(analysis) == analysis.__all__


# --------------------------------------------------------------------------
# Forecasts: reach-date intervals and paces, exact (mutation testing)
# --------------------------------------------------------------------------

RISING: list[float] = [100, 112, 118, 131, 139, 152]


def test_reach_interval_brackets_the_reach_date() -> None:
    f = da.forecast(make_series(RISING), 260, deadline=START + dt.timedelta(days=30))
    assert f.trend is not None
    assert f.trend.slope_ci == pytest.approx((8.912976969, 11.315594459))
    # the steep end of the slope interval gets there first, the shallow end last
    assert (f.reach_earliest, f.reach_date, f.reach_latest) == (
        dt.date(2023, 1, 16), dt.date(2023, 1, 17), dt.date(2023, 1, 19))
    assert f.status is da.ProgressStatus.ON_TRACK
    down = da.forecast(make_series(RISING[::-1], indicator=DAYS), 20,
                       deadline=START + dt.timedelta(days=30))
    assert (down.reach_earliest, down.reach_date, down.reach_latest) == (
        dt.date(2023, 1, 13), dt.date(2023, 1, 14), dt.date(2023, 1, 16))


def test_reach_interval_with_one_end_moving_away() -> None:
    # the slope interval (-9.49, 22.49) holds 0: the shallow end never gets there
    f = da.forecast(make_series([100, 90, 120, 95, 130]), 200,
                    deadline=START + dt.timedelta(days=30))
    assert f.current_pace == 6.5
    assert (f.reach_earliest, f.reach_date, f.reach_latest) == (
        dt.date(2023, 1, 8), dt.date(2023, 1, 18), None)
    # lower is better: the low end of (-7.74, 2.34) gets there, the high end does not
    down = da.forecast(make_series([20, 25, 12, 18, 10], indicator=DAYS), 5,
                       deadline=START + dt.timedelta(days=30))
    assert down.current_pace == pytest.approx(-2.7)
    assert (down.reach_earliest, down.reach_date, down.reach_latest) == (
        dt.date(2023, 1, 5), dt.date(2023, 1, 8), None)


def test_achieved_forecast_has_no_interval_and_no_ratio() -> None:
    f = da.forecast(make_series([100, 150, 250]), 200, deadline=START + dt.timedelta(days=20))
    assert f.status is da.ProgressStatus.ACHIEVED
    assert (f.reach_date, f.reach_earliest, f.reach_latest) == (None, None, None)
    assert f.required_pace is None
    assert f.pace_ratio is None
    assert f.current_pace == 75.0
    exactly = da.forecast(make_series([100, 150, 200]), 200, deadline=START + dt.timedelta(days=9))
    assert exactly.status is da.ProgressStatus.ACHIEVED


def test_current_pace_is_the_slope_per_day() -> None:
    s = make_series([100, 110, 125])
    assert da.forecast(s, 200).current_pace == 12.5  # no deadline
    one_day_left = da.forecast(s, 200, deadline=START + dt.timedelta(days=3))
    assert one_day_left.days_left == 1
    assert one_day_left.current_pace == 12.5
    assert one_day_left.required_pace == 75.0
    assert one_day_left.pace_ratio == pytest.approx(12.5 / 75)
    assert one_day_left.status is da.ProgressStatus.LIMITED


def test_current_pace_when_the_deadline_is_the_latest_date() -> None:
    # regression: a met target due on the latest reading's date kept no current pace
    s = make_series([100, 150, 250])
    f = da.forecast(s, 200, deadline=START + dt.timedelta(days=2))
    assert f.days_left == 0
    assert f.current_pace == 75.0
    assert f.trend is not None
    assert f.current_pace == f.trend.slope
    friday = [da.Reading(INDEX, 100, as_of=dt.date(2023, 6, 30), jurisdiction=VN),
              da.Reading(INDEX, 130, as_of=dt.date(2023, 7, 1), jurisdiction=VN)]
    on_the_day = da.forecast(da.Series(friday), 120, deadline=dt.date(2023, 7, 1),
                             calendar=Weekdays())
    assert (on_the_day.working_days_left, on_the_day.current_pace) == (0, 30.0)


def test_current_pace_without_a_working_day_left() -> None:
    # read on Saturday 2023-07-01, due on Sunday: a day left but no working day
    friday = [da.Reading(INDEX, 100, as_of=dt.date(2023, 6, 30), jurisdiction=VN),
              da.Reading(INDEX, 130, as_of=dt.date(2023, 7, 1), jurisdiction=VN)]
    f = da.forecast(da.Series(friday), 120, deadline=dt.date(2023, 7, 2), calendar=Weekdays())
    assert (f.days_left, f.working_days_left) == (1, 0)
    assert f.status is da.ProgressStatus.ACHIEVED
    assert f.current_pace is None
    assert f.pace_unit == "working day"


def test_flat_trend_has_a_zero_pace() -> None:
    # equal values on uneven days: the fitted slope is -8e-30, flat within rounding
    s = make_series([827.7, 827.7, 827.7], [8, 14, 18])
    assert da.trend(s).slope != 0.0
    assert da.trend(s).flat
    f = da.forecast(s, 900, deadline=START + dt.timedelta(days=28))
    assert f.current_pace == 0.0
    assert f.pace_ratio == 0.0
    assert f.status is da.ProgressStatus.LIMITED
    assert f.reach_date is None


# --------------------------------------------------------------------------
# Errors: the exact message, owner, field and value of every refusal
# --------------------------------------------------------------------------

NO_METHOD = object()
THREE = make_series([1.0, 2.0, 3.0])  # 2023-01-01 .. 2023-01-03
ONE_TWO = make_series([1.0, 2.0])


def _days_between(answer: object) -> Any:  # a calendar that breaks the protocol on purpose
    return BadCalendar(answer)


#: The package without its signatures: the calls below break them on purpose.
untyped: Any = da


ERRORS: list[tuple[Any, str, str, str, object]] = [
    (lambda: untyped.attainment("5", 5),
     "attainment.value must be a real number, not str (got '5')", "attainment", "value", "5"),
    (lambda: untyped.attainment(5, math.inf),
     "attainment.target must be finite (got inf)", "attainment", "target", math.inf),
    (lambda: untyped.attainment(5, 0),
     "attainment.target must be non-zero for a ratio (got 0)", "attainment", "target", 0),
    (lambda: untyped.attainment(reading(SHARE, 50), da.Target(DAYS, 5, jurisdiction=QN)),
     "attainment.target must be for indicator 'share' (got 'processing-days')",
     "attainment", "target", "processing-days"),
    (lambda: untyped.attainment(1, 2, hedge=1.0),
     "attainment.hedge must be in [0, 1) (got 1.0)", "attainment", "hedge", 1.0),
    (lambda: untyped.attainment(1, 2, hedge="x"),
     "attainment.hedge must be a real number, not str (got 'x')", "attainment", "hedge", "x"),
    (lambda: untyped.attainment(4, 5, direction="sideways"),
     "attainment.direction must be a Direction (got 'sideways')",
     "attainment", "direction", "sideways"),
    (lambda: untyped.attainment(reading(DAYS, 4), 5, direction="higher"),
     ("attainment.direction must agree with indicator 'processing-days' ('lower') "
     "(got 'higher')"), "attainment", "direction", "higher"),
    (lambda: untyped.implied_target("47", 17),
     "implied_target.value must be a real number, not str (got '47')",
     "implied_target", "value", "47"),
    (lambda: untyped.implied_target(47, math.inf),
     "implied_target.excess must be finite (got inf)", "implied_target", "excess", math.inf),
    (lambda: untyped.implied_target(47, -100, relative=True),
     "implied_target.excess must be > -100 for the relative reading (got -100)",
     "implied_target", "excess", -100),
    (lambda: untyped.gap("78", 68.3),
     "gap.value must be a real number, not str (got '78')", "gap", "value", "78"),
    (lambda: untyped.gap(78, "68.3"),
     "gap.other must be a real number, not str (got '68.3')", "gap", "other", "68.3"),
    (lambda: untyped.gap(78, 68.3, hedge=-0.01),
     "gap.hedge must be in [0, 1) (got -0.01)", "gap", "hedge", -0.01),
    (lambda: untyped.gap(reading(SHARE, 50), da.Reading(DAYS, 4, as_of=dt.date(2024, 6, 30),
                                                        jurisdiction=QN)),
     "gap.other must be in unit 'percent' (got 'days')", "gap", "other", "days"),
    (lambda: untyped.rank_change(3, da.Rank(1, 2)),
     "rank_change.before must be a Rank, not int (got 3)", "rank_change", "before", 3),
    (lambda: untyped.rank_change(da.Rank(1, 2), 3),
     "rank_change.after must be a Rank, not int (got 3)", "rank_change", "after", 3),
    (lambda: untyped.trend(THREE, confidence=1.0),
     "trend.confidence must be in (0, 1) (got 1.0)", "trend", "confidence", 1.0),
    (lambda: untyped.trend(THREE, confidence="high"),
     "trend.confidence must be a real number, not str (got 'high')",
     "trend", "confidence", "high"),
    (lambda: untyped.trend([1, 2]),
     "trend.series must be a Series, not list (got [1, 2])", "trend", "series", [1, 2]),
    (lambda: untyped.trend(THREE).value_at("2023-01-05"),
     "Trend.date must be a datetime.date, not str (got '2023-01-05')",
     "Trend", "date", "2023-01-05"),
    (lambda: untyped.forecast(THREE, 10, confidence=0),
     "forecast.confidence must be in (0, 1) (got 0)", "forecast", "confidence", 0),
    (lambda: untyped.forecast("s", 10),
     "forecast.series must be a Series, not str (got 's')", "forecast", "series", "s"),
    (lambda: untyped.forecast(THREE, da.Target(COLLECTED, 5, jurisdiction=KH)),
     "forecast.target must be for indicator 'index' (got 'eid-collected')",
     "forecast", "target", "eid-collected"),
    (lambda: untyped.forecast(THREE, math.nan),
     "forecast.target must be finite (got nan)", "forecast", "target", None),
    (lambda: untyped.forecast(THREE, 10, as_of="2023-01-05"),
     "forecast.as_of must be a datetime.date, not str (got '2023-01-05')",
     "forecast", "as_of", "2023-01-05"),
    (lambda: untyped.forecast(THREE, 10, as_of=dt.date(2023, 1, 2)),
     ("forecast.as_of must not precede the latest reading 2023-01-03 "
     "(got datetime.date(2023, 1, 2))"), "forecast", "as_of", dt.date(2023, 1, 2)),
    (lambda: untyped.forecast(THREE, 10, deadline="2023-02-01"),
     "forecast.deadline must be a datetime.date, not str (got '2023-02-01')",
     "forecast", "deadline", "2023-02-01"),
    (lambda: untyped.forecast(THREE, 10, deadline=dt.date(2023, 1, 2)),
     "forecast.deadline must not precede as_of=2023-01-03 (got datetime.date(2023, 1, 2))",
     "forecast", "deadline", dt.date(2023, 1, 2)),
    (lambda: untyped.forecast(THREE, 10, deadline=dt.date(2023, 1, 3)),
     ("forecast.deadline must leave at least one day after the latest reading 2023-01-03 "
     "while the target is not met (got datetime.date(2023, 1, 3))"),
     "forecast", "deadline", dt.date(2023, 1, 3)),
    (lambda: untyped.forecast(THREE, 10, deadline=dt.date(2023, 1, 10),
                         calendar=_days_between(0)),
     ("forecast.deadline must leave at least one working day after the latest reading "
     "2023-01-03 while the target is not met (got datetime.date(2023, 1, 10))"),
     "forecast", "deadline", dt.date(2023, 1, 10)),
    (lambda: untyped.forecast(THREE, 10, deadline=dt.date(2023, 1, 10), calendar=NO_METHOD),
     (f"forecast.calendar must have a working_days_between(start, end) method "
     f"(got {NO_METHOD!r})"), "forecast", "calendar", NO_METHOD),
    (lambda: untyped.forecast(THREE, 10, deadline=dt.date(2023, 1, 10),
                         calendar=_days_between(2.0)),
     "forecast.calendar working_days_between must return an int (got 2.0)",
     "forecast", "calendar", 2.0),
    (lambda: untyped.forecast(THREE, 10, deadline=dt.date(2023, 1, 10),
                         calendar=_days_between(8)),
     "forecast.calendar working_days_between must return a count in [0, 7] (got 8)",
     "forecast", "calendar", 8),
    (lambda: untyped.Completion.from_counts(done=2.5, total=3),
     "Completion.done must be an int, not float (got 2.5)", "Completion", "done", 2.5),
    (lambda: untyped.Completion.from_counts(done=1, total=-3),
     "Completion.total must be >= 0 (got -3)", "Completion", "total", -3),
    (lambda: untyped.Completion.from_counts(done=1, total=3, in_progress=-1),
     "Completion.in_progress must be >= 0 (got -1)", "Completion", "in_progress", -1),
    (lambda: untyped.Completion.from_counts(done=1, total=3, not_started=True),
     "Completion.not_started must be an int, not bool (got True)",
     "Completion", "not_started", True),
    (lambda: untyped.Completion.from_counts(done=0, total=0),
     "Completion.total must be > 0 (got 0)", "Completion", "total", 0),
    (lambda: untyped.Completion.from_counts(done=1, total=3, in_progress=1, not_started=2),
     "Completion.total must be at least done + in_progress + not_started (got 3)",
     "Completion", "total", 3),
    (lambda: untyped.Completion.from_counts(done=24, total=29, overdue=6),
     "Completion.overdue must not exceed the tasks not done (got 6)",
     "Completion", "overdue", 6),
    (lambda: untyped.completion(["x"], as_of=dt.date(2024, 1, 1)),
     "completion.tasks[0] must be a Task, not str (got 'x')", "completion", "tasks[0]", "x"),
    (lambda: untyped.completion([], as_of=dt.date(2024, 1, 1)),
     "completion.tasks must hold at least one task (got 0)", "completion", "tasks", 0),
    (lambda: untyped.completion([], as_of=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)),
     ("completion.as_of must be a datetime.date, not datetime "
     "(got datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))"),
     "completion", "as_of", dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)),
]


@pytest.mark.parametrize(("call", "message", "owner", "field", "value"), ERRORS)
def test_refusals_name_owner_field_and_value(call: Any, message: str, owner: str, field: str,
                                             value: object) -> None:
    with pytest.raises(da.ValidationError) as info:
        call()
    error = info.value
    assert str(error) == message
    assert (error.owner, error.field) == (owner, field)
    if value is None:  # NaN: equal to nothing
        assert isinstance(error.value, float)
        assert math.isnan(error.value)
    elif isinstance(value, (str, int, float, dt.date, list)):
        assert error.value == value
        assert type(error.value) is type(value)
    else:
        assert error.value is value


def test_too_few_readings_for_a_trend() -> None:
    with pytest.raises(da.InsufficientDataError) as info:
        da.trend(make_series([5.0]))
    error = info.value
    assert str(error) == "trend.series must hold at least two distinct dates (got 1 reading)"
    assert (error.owner, error.field, error.value) == ("trend", "series", 1)


def test_boundaries_that_are_accepted() -> None:
    assert da.attainment(47, 30, hedge=0).hedge == 0.0  # no hedge at all
    assert da.attainment(47, 30, hedge=0.999).hedge == 0.999
    f = da.forecast(THREE, 10, deadline=dt.date(2023, 1, 10), calendar=_days_between(7))
    assert f.working_days_left == 7  # every day a working day
    assert da.implied_target(47, -99.5, relative=True) == pytest.approx(9400)
    assert da.Completion.from_counts(done=1, total=3, in_progress=1, not_started=1).total == 3
    assert da.Completion.from_counts(done=24, total=29, overdue=5).overdue == 5


# --------------------------------------------------------------------------
# Every field of the results, exactly
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "other", "low", "high", "inclusive"), [
    # Quảng Ngãi against the national average, as qualified in the reports
    (reading(SHARE, 80), 70, 10.0, 10.0, (True, True)),
    (reading(SHARE, 83.8, "more_than"), 67.06, 83.8 - 67.06, None, (False, False)),
    (reading(SHARE, 50, "less_than"), 40, None, 10.0, (False, False)),
    (reading(SHARE, 78, "nearly"), 68.3, 78 * 0.95 - 68.3, 78 - 68.3, (True, False)),
    (reading(SHARE, 80, "about"), 70, 6.0, 14.0, (True, True)),
    (70, reading(SHARE, 80, "about"), -14.0, -6.0, (True, True)),
    (70, reading(SHARE, 78, "nearly"), 70 - 78, 70 - 78 * 0.95, (False, True)),
    (70, reading(SHARE, 60, "more_than"), None, 10.0, (False, False)),
    (70, reading(SHARE, 80, "less_than"), -10.0, None, (False, False)),
])
def test_gap_bounds_and_inclusiveness(value: Any, other: Any, low: float | None,
                                      high: float | None, inclusive: tuple[bool, bool]) -> None:
    g = da.gap(value, other)
    assert g.low == (None if low is None else pytest.approx(low))
    assert g.high == (None if high is None else pytest.approx(high))
    assert g.low_inclusive is inclusive[0]
    assert g.high_inclusive is inclusive[1]


def test_met_at_the_ends_of_a_hedged_range() -> None:
    # "nearly 5" days stands for [4.75, 5): a 4.75-day target may be met, or not
    assert da.attainment(reading(DAYS, 5, "nearly"), 4.75).met is None
    assert da.attainment(reading(DAYS, 5, "nearly"), 5).met is True
    # "about 80" % stands for [76, 84]: both ends are possible values
    assert da.attainment(reading(SHARE, 80, "about"), 76).met is True
    assert da.attainment(reading(SHARE, 80, "about"), 84).met is None
    assert da.attainment(reading(DAYS, 80, "about"), 84).met is True
    assert da.attainment(reading(DAYS, 80, "about"), 76).met is None


def test_attainment_text_forms() -> None:
    a = da.attainment(546_234, 756_805)
    assert repr(a) == ("Attainment(value=546234.0, target=756805.0, percent=72.18, "
                       "margin=-210571.0, met=False)")
    assert str(a) == "546,234 of 756,805 (72.18 %): not met"
    assert "72.18 % of target" in a._repr_html_()
    hedged = da.attainment(reading(SHARE, 65, "more_than"), 30)
    assert repr(hedged) == ("Attainment(value=more_than 65.0, target=30.0, percent=216.67, "
                            "margin=35.0, met=True)")


def test_completion_and_trend_text_forms() -> None:
    c = da.Completion.from_counts(done=24, total=29, in_progress=5, as_of=dt.date(2024, 12, 1))
    assert c.as_of == dt.date(2024, 12, 1)
    assert str(c).startswith("24 of 29 tasks done (82.76 %), 5 in progress")
    assert "24 of 29 (82.76 %)" in c._repr_html_()
    t = da.trend(make_series(GOLDEN))
    assert "1.04 per day" in t._repr_html_()
    assert "[0.93, 1.16] per day" in t._repr_html_()


def test_forecast_fields_and_text_forms() -> None:
    f = da.forecast(make_series(GOLDEN), 30, deadline=START + dt.timedelta(days=30),
                    confidence=0.9)
    assert (f.target, f.latest, f.latest_date) == (30.0, 16.4, dt.date(2023, 1, 7))
    assert type(f.target) is float
    assert f.direction is da.Direction.HIGHER_IS_BETTER
    assert f.deadline == dt.date(2023, 1, 31)
    assert f.as_of == dt.date(2023, 1, 7)
    assert f.trend is not None
    assert f.trend.confidence == 0.9
    assert str(f) == ("on track; needs 0.57 per day; going 1.04 per day; "
                      "reaches 30 on 2023-01-21")
    assert "Reach date" in f._repr_html_()
    down = da.forecast(make_series([21, 18, 15, 12], indicator=DAYS), 4)
    assert down.direction is da.Direction.LOWER_IS_BETTER


def test_forecast_deadline_overrides_the_targets() -> None:
    target = da.Target(COLLECTED, 756_805, jurisdiction=KH, deadline=dt.date(2023, 7, 30))
    s = da.Series([da.Reading(COLLECTED, 500_000, as_of=dt.date(2023, 6, 25), jurisdiction=KH),
                   da.Reading(COLLECTED, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=KH)])
    f = da.forecast(s, target, deadline=dt.date(2023, 8, 31))
    assert f.deadline == dt.date(2023, 8, 31)
    assert f.days_left == 61
    assert f.required_pace == pytest.approx(210_571 / 61)


@pytest.mark.parametrize("latest", [10.0, 10.5])
def test_met_target_needs_no_day_left(latest: float) -> None:
    # due on the latest reading's date: fine when the target is met, exactly or more
    s = make_series([8.0, latest])
    f = da.forecast(s, 10, deadline=START + dt.timedelta(days=1))
    assert f.status is da.ProgressStatus.ACHIEVED
    assert f.days_left == 0
    up_to = da.forecast(make_series([12.0, 20 - latest], indicator=DAYS), 10,
                        deadline=START + dt.timedelta(days=1))
    assert up_to.status is da.ProgressStatus.ACHIEVED


def test_predictions_keep_their_date() -> None:
    t = da.trend(make_series(GOLDEN))
    when = START + dt.timedelta(days=15)
    assert t.predict(when).date == when
    two = da.trend(make_series([1.0, 4.0], [0, 3]))
    assert two.predict(when).date == when
    # a two-point Trend has no intervals; a longer one cannot lose its residual variance
    p = two.predict(when)
    assert (p.mean_se, p.mean_ci, p.obs_ci) == (None, None, None)
    assert p.mean == two.value_at(when)
    with pytest.raises(da.ValidationError, match="residual_variance must be None exactly"):
        attrs.evolve(t, residual_variance=None)


@pytest.mark.parametrize("size", [64, 65, 129, 300])
def test_a_long_series_alone_equals_its_batch_row(size: int) -> None:
    # numpy sums up to 8 numbers, up to 128 and more in three ways: one series and the batch
    # must take the same one at each length
    from de_an06 import batch

    place = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    collected = da.Indicator("eid-collected", "e-ID applications collected",
                             "Thu nhận hồ sơ định danh điện tử", unit="people")
    start = dt.date(2023, 1, 1)
    series = da.Series([da.Reading(collected, 500_000 + 977 * i + (i * 37) % 101,
                                   as_of=start + dt.timedelta(days=2 * i), jurisdiction=place)
                        for i in range(size)])
    table = batch.ReadingTable.from_series([series])
    assert da.trend(series) == batch.trends(table).trend(0)
    deadline = start + dt.timedelta(days=2 * size + 30)
    assert (da.forecast(series, 700_000, deadline=deadline)
            == batch.forecasts(table, 700_000.0, deadline).forecast(0))
