"""The numeric kernel: exact against rational arithmetic, identical alone or among others."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from de_an06.analysis import _fit as fitting
from de_an06.analysis import _group as g
from de_an06.analysis import _kernel as k

DAY0 = 19_000  # days near 2022, where an uncentred fit loses digits

values_2dp = st.integers(-10_000_000, 10_000_000).map(lambda c: c / 100)


@st.composite
def series(draw: st.DrawFn, *, min_size: int = 2,
           max_size: int = 12) -> tuple[list[int], list[float]]:
    days = sorted(draw(st.sets(st.integers(DAY0, DAY0 + 400), min_size=min_size,
                               max_size=max_size)))
    values = draw(st.lists(values_2dp, min_size=len(days), max_size=len(days)))
    return days, values


def one(days: list[int], values: list[float]) -> k.Fit:
    return k.fit(np.zeros(1, dtype=np.int64), np.array(days, dtype=np.int64),
                 np.array(values, dtype=np.float64))


def exact(days: list[int], values: list[float]) -> tuple[Fraction, Fraction, Fraction, Fraction]:
    """Slope, mean day, mean value and SSR in rational arithmetic."""
    n = len(days)
    xs = [Fraction(d) for d in days]
    ys = [Fraction(y) for y in values]
    zero = Fraction(0)
    mx = sum(xs, zero) / n
    my = sum(ys, zero) / n
    sxx = sum(((x - mx) ** 2 for x in xs), zero)
    slope = sum(((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)), zero) / sxx
    ssr = sum(((y - my - slope * (x - mx)) ** 2 for x, y in zip(xs, ys, strict=True)), zero)
    return slope, mx, my, ssr


@given(series())
def test_fit_matches_exact_rationals(data: tuple[list[int], list[float]]) -> None:
    days, values = data
    f = one(days, values)
    slope, mx, my, ssr = exact(days, values)
    scale = max(abs(v) for v in values) + 1
    span = days[-1] - days[0]
    assert bool(f.valid[0])
    assert f.slope[0] == pytest.approx(float(slope), rel=1e-12, abs=1e-13 * scale / span)
    assert f.mean_offset[0] + days[0] == pytest.approx(float(mx), rel=1e-15)
    assert f.mean_value[0] == pytest.approx(float(my), rel=1e-13, abs=1e-13 * scale)
    assert f.ssr[0] == pytest.approx(float(ssr), rel=1e-9, abs=1e-20 * scale**2 * len(days))
    fitted_first = float(my + slope * (days[0] - mx))
    assert k.intercept(f)[0] == pytest.approx(fitted_first, rel=1e-12, abs=1e-12 * scale)


@st.composite
def groups(draw: st.DrawFn) -> list[tuple[list[int], list[float]]]:
    return draw(st.lists(series(min_size=1), min_size=1, max_size=8))


def stacked(items: list[tuple[list[int], list[float]]]) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    sizes = [len(d) for d, _ in items]
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    days = np.concatenate([np.array(d, dtype=np.int64) for d, _ in items])
    values = np.concatenate([np.array(v, dtype=np.float64) for _, v in items])
    return starts, days, values


def same(a: npt.NDArray[np.generic], b: npt.NDArray[np.generic]) -> bool:
    return bool(np.array_equal(a, b, equal_nan=True))


@given(groups(), st.data())
def test_a_series_alone_equals_it_among_others(
        items: list[tuple[list[int], list[float]]], data: st.DataObject) -> None:
    starts, days, values = stacked(items)
    before = (days.copy(), values.copy())
    together = k.fit(starts, days, values)
    assert same(days, before[0])
    assert same(values, before[1])
    g = len(items)
    targets = np.array(data.draw(st.lists(values_2dp, min_size=g, max_size=g)))
    signs = np.array(data.draw(st.lists(st.sampled_from([1.0, -1.0]), min_size=g, max_size=g)))
    from_day = np.array([d[-1] for d, _ in items], dtype=np.int64)
    left = np.full(g, 30.0)
    a_all = k.trend_arrays(together, 0.95)
    p_all = k.project(together, a_all, target=targets, sign=signs, from_day=from_day,
                      days_left=left, units_left=left)
    for i, (d, v) in enumerate(items):
        alone = one(d, v)
        for field in k.Fit._fields:
            assert same(getattr(alone, field), getattr(together, field)[i:i + 1]), field
        for func in (k.slope_se, k.r_squared, k.intercept):
            assert same(func(alone), func(together)[i:i + 1])
        a_one = k.trend_arrays(alone, 0.95)
        for field in k.TrendArrays._fields:
            assert same(getattr(a_one, field), getattr(a_all, field)[i:i + 1]), field
        p_one = k.project(alone, a_one, target=targets[i:i + 1],
                          sign=signs[i:i + 1], from_day=from_day[i:i + 1],
                          days_left=left[:1], units_left=left[:1])
        for field in k.Projection._fields:
            assert same(getattr(p_one, field), getattr(p_all, field)[i:i + 1]), field


@given(st.integers(-1000, 1000).filter(bool), st.integers(-10**6, 10**6),
       st.integers(2, 30), st.integers(1, 500), st.integers(0, 400))
def test_linear_series_reach_is_exact_to_the_day(
        slope: int, start: int, n: int, step: int, ahead: int) -> None:
    days = [DAY0 + step * i for i in range(n)]
    values = [float(start + slope * (d - DAY0)) for d in days]
    f = one(days, values)
    assert f.slope[0] == slope
    reach_day = days[-1] + ahead
    target = float(start + slope * (reach_day - DAY0))
    sign = 1.0 if slope > 0 else -1.0
    day, ok = k.reach_days(f, f.slope, np.array([target]), np.array([sign]),
                           np.array([days[-1]], dtype=np.int64))
    assert bool(ok[0])
    assert int(day[0]) == reach_day
    # a target a little beyond that day is reached the day after
    beyond = target + 0.5 * slope
    day, ok = k.reach_days(f, f.slope, np.array([beyond]), np.array([sign]),
                           np.array([days[-1]], dtype=np.int64))
    assert int(day[0]) == reach_day + 1


@given(series(min_size=2), values_2dp, st.sampled_from([1.0, -1.0]))
def test_reach_agrees_with_exact_arithmetic(
        data: tuple[list[int], list[float]], target: float, sign: float) -> None:
    days, values = data
    f = one(days, values)
    slope, mx, my, _ = exact(days, values)
    frm = days[-1]
    day, ok = k.reach_days(f, f.slope, np.array([target]), np.array([sign]),
                           np.array([frm], dtype=np.int64))
    def meets(d: int) -> bool:
        return sign * (my + slope * (d - mx) - Fraction(target)) >= 0
    if slope == 0 or bool(k.flat(f, f.slope)[0]):
        assert bool(ok[0]) == meets(frm)
        return
    toward = sign * slope > 0
    if not toward:
        assert bool(ok[0]) == meets(frm)
        if ok[0]:
            assert int(day[0]) == frm
        return
    crossing = mx + (Fraction(target) - my) / slope
    if crossing > k.MAX_DAY:
        assert not ok[0]
        return
    assert bool(ok[0])
    expected = max(frm, -((-crossing.numerator) // crossing.denominator))  # ceil
    got = int(day[0])
    # exact, or snapped onto a whole day within rounding of the crossing
    assert got == expected or (got == expected - 1 and abs(crossing - got) < Fraction(1, 10**6))


def test_flat_series_never_reaches() -> None:
    f = one([DAY0, DAY0 + 1, DAY0 + 2], [0.1, 0.1, 0.1])
    assert bool(k.flat(f, f.slope)[0])
    assert np.isnan(k.r_squared(f)[0])
    _, ok = k.reach_days(f, f.slope, np.array([0.2]), np.array([1.0]),
                         np.array([DAY0 + 2], dtype=np.int64))
    assert not ok[0]
    # a flat level already at the target meets it at once
    day, ok = k.reach_days(f, f.slope, np.array([0.05]), np.array([1.0]),
                           np.array([DAY0 + 5], dtype=np.int64))
    assert bool(ok[0])
    assert int(day[0]) == DAY0 + 5


def test_flat_level_equal_to_the_target_meets_it() -> None:
    # 0.35 * 3 / 3 rounds below 0.35; the level still meets a target of 0.35
    f = one([DAY0, DAY0 + 1, DAY0 + 2], [0.35, 0.35, 0.35])
    day, ok = k.reach_days(f, f.slope, np.array([0.35]), np.array([1.0]),
                           np.array([DAY0 + 2], dtype=np.int64))
    assert bool(ok[0])
    assert int(day[0]) == DAY0 + 2


def test_crossing_after_date_max_is_never() -> None:
    f = one([DAY0, DAY0 + 1], [0.0, 1e-6])
    _, ok = k.reach_days(f, f.slope, np.array([1e6]), np.array([1.0]),
                         np.array([DAY0 + 1], dtype=np.int64))
    assert not ok[0]
    _, ok = k.reach_days(f, f.slope, np.array([1e300]), np.array([1.0]),
                         np.array([DAY0 + 1], dtype=np.int64))
    assert not ok[0]


def test_moving_away_never_reaches_unless_met() -> None:
    f = one([DAY0, DAY0 + 10], [100.0, 90.0])
    _, ok = k.reach_days(f, f.slope, np.array([120.0]), np.array([1.0]),
                         np.array([DAY0 + 10], dtype=np.int64))
    assert not ok[0]
    day, ok = k.reach_days(f, f.slope, np.array([50.0]), np.array([1.0]),
                           np.array([DAY0 + 10], dtype=np.int64))
    assert bool(ok[0])
    assert int(day[0]) == DAY0 + 10


def test_degenerate_groups() -> None:
    f = k.fit(np.array([0, 1], dtype=np.int64), np.array([DAY0, DAY0, DAY0], dtype=np.int64),
              np.array([1.0, 2.0, 3.0]))
    assert not f.valid.any()
    assert np.isnan(f.slope).all()
    assert np.isnan(k.slope_se(f)).all()
    _, ok = k.reach_days(f, f.slope, np.array([5.0, 5.0]), np.array([1.0, 1.0]),
                         np.array([DAY0, DAY0], dtype=np.int64))
    assert not ok.any()


def test_two_points_have_no_standard_error() -> None:
    f = one([DAY0, DAY0 + 3], [1.0, 4.0])
    assert f.slope[0] == 1.0
    assert np.isnan(k.slope_se(f)[0])
    assert k.r_squared(f)[0] == 1.0
    assert np.isnan(k.t_quantiles(f.n - 2, 0.95)[0])


def test_group_starts() -> None:
    assert k.group_starts(np.array([3, 3, 5, 7, 7, 7])).tolist() == [0, 2, 3]
    assert k.group_starts(np.array(["a", "b", "b"])).tolist() == [0, 1]
    assert k.group_starts(np.array([], dtype=np.int64)).tolist() == []


def test_status_thresholds() -> None:
    ratio = np.array([1.2, 0.95, 0.94, 0.6, 0.59, 0.0, -0.01, np.nan, 0.5])
    done = np.array([False] * 8 + [True])
    assert k.status_codes(done, ratio).tolist() == [
        k.ON_TRACK, k.ON_TRACK, k.MODERATE, k.MODERATE, k.LIMITED, k.LIMITED,
        k.DETERIORATING, k.NOT_AVAILABLE, k.ACHIEVED]


def test_required_pace_identity() -> None:
    pace = k.required_pace(np.array([756_805.0]), np.array([546_234.0]), np.array([29.0]))
    assert pace[0] * 29 + 546_234 == pytest.approx(756_805, rel=1e-15)
    assert np.isnan(k.required_pace(np.array([1.0]), np.array([0.0]), np.array([0.0]))[0])


def test_dates_round_trip() -> None:
    assert k.day_to_date(k.MAX_DAY).isoformat() == "9999-12-31"
    assert k.date_to_day(k.day_to_date(19_000)) == 19_000


def test_equal_sizes_path_matches_the_general_path() -> None:
    rng = np.random.default_rng(6)
    days = np.tile(np.arange(DAY0, DAY0 + 50, dtype=np.int64), 4)
    values = rng.normal(1e5, 1e3, days.size).round(2)
    starts = np.arange(0, 200, 50, dtype=np.int64)
    equal = k.fit(starts, days, values)
    # one more, shorter group forces the repeat path
    mixed = k.fit(np.append(starts, 200), np.append(days, [DAY0, DAY0 + 3]),
                  np.append(values, [1.0, 2.0]))
    for field in k.Fit._fields:
        assert same(getattr(equal, field), getattr(mixed, field)[:4]), field


# --------------------------------------------------------------------------
# Exact boundaries, dtypes and floating-point flags (mutation testing)
# --------------------------------------------------------------------------

EPS = k.EPS


def test_output_dtypes() -> None:
    assert k.group_starts(np.array([], dtype=np.int64)).dtype == np.int64
    assert k.group_starts(np.array(["a", "b", "b"])).dtype == np.int64
    f = one([DAY0, DAY0 + 2, DAY0 + 5], [1.0, 2.0, 4.0])
    day, ok = k.reach_days(f, f.slope, np.array([10.0]), np.array([1.0]),
                           np.array([DAY0 + 5], dtype=np.int64))
    assert day.dtype == np.int64
    assert ok.dtype == np.bool_
    codes = k.status_codes(np.array([False, True]), np.array([0.5, np.nan]))
    assert codes.dtype == np.int8
    assert codes.tolist() == [k.LIMITED, k.ACHIEVED]


def test_fit_of_no_group_is_empty() -> None:
    f = k.fit(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    for field in k.Fit._fields:
        assert getattr(f, field).shape == (0,), field


def test_achieved_includes_the_target_itself() -> None:
    latest = np.array([756_805.0, 756_805.5, 756_804.5])
    target = np.full(3, 756_805.0)
    assert k.achieved(latest, target, np.ones(3)).tolist() == [True, True, False]
    assert k.achieved(latest, target, -np.ones(3)).tolist() == [True, False, True]


def test_constant_values_boundary() -> None:
    # Syy <= n (16 eps scale)^2: 1 and 1 + 32 eps are equal within rounding,
    # 1 and 1 + 33 eps are not (Syy = 512 eps^2 and 545 eps^2)
    equal = one([DAY0, DAY0 + 1], [1.0, 1.0 + 32 * EPS])
    assert equal.syy[0] == 512 * EPS**2
    assert bool(k.constant_values(equal)[0])
    assert np.isnan(k.r_squared(equal)[0])
    unequal = one([DAY0, DAY0 + 1], [1.0, 1.0 + 33 * EPS])
    assert unequal.syy[0] == 545 * EPS**2
    assert not k.constant_values(unequal)[0]
    assert k.r_squared(unequal)[0] == pytest.approx(1.0, abs=1e-2)
    zeros = one([DAY0, DAY0 + 1, DAY0 + 4], [0.0, 0.0, 0.0])
    assert zeros.syy[0] == 0.0
    assert zeros.scale[0] == 0.0
    assert bool(k.constant_values(zeros)[0])


def test_flat_boundary() -> None:
    # |slope| * span <= 32 sqrt(n) eps scale; values 1.0 give scale 1, n = 4, span 4
    f = one([DAY0, DAY0 + 1, DAY0 + 2, DAY0 + 4], [1.0, 1.0, 1.0, 1.0])
    assert f.scale[0] == 1.0
    bound = 64 * EPS
    at = bound / 4
    slopes = np.array([at, np.nextafter(at, 1.0), -at, -np.nextafter(at, 1.0), 0.0,
                       at * 1.03])
    six = k.fit(np.arange(0, 24, 4, dtype=np.int64),
                np.tile(np.array([DAY0, DAY0 + 1, DAY0 + 2, DAY0 + 4], dtype=np.int64), 6),
                np.ones(24))
    got = k.flat(six, slopes)
    assert got.tolist() == [True, False, True, False, True, False]


def test_flat_one_day_span() -> None:
    # two readings one day apart: the span is 1 day, not more
    f = one([DAY0, DAY0 + 1], [3.0, 3.0])
    bound = 32 * np.sqrt(2.0) * EPS * 3.0
    assert bool(k.flat(f, np.array([0.75 * bound]))[0])
    assert not k.flat(f, np.array([1.25 * bound]))[0]


def test_slope_se_matches_statsmodels() -> None:
    golden = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]
    f = one([DAY0 + i for i in range(7)], golden)
    assert k.slope_se(f)[0] == pytest.approx(0.0451754, abs=5e-8)
    assert k.residual_variance(f)[0] == pytest.approx(0.0571428571, rel=1e-6)


def test_slope_interval_is_the_one_of_trend_arrays_and_project() -> None:
    golden = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]
    f = one([DAY0 + i for i in range(7)], golden)
    a = k.trend_arrays(f, 0.95)
    half = a.quantile * a.slope_se
    assert a.slope_ci_low.tolist() == (f.slope - half).tolist()
    assert a.slope_ci_high.tolist() == (f.slope + half).tolist()
    assert a.slope_ci_low[0] == pytest.approx(0.92673, abs=5e-6)  # statsmodels conf_int
    assert a.slope_ci_high[0] == pytest.approx(1.15898, abs=5e-6)
    # the reach-date interval comes from the ends of that interval
    target = np.full(1, 30.0)
    sign = np.ones(1)
    day = np.full(1, DAY0 + 6, dtype=np.int64)
    p = k.project(f, a, target=target, sign=sign, from_day=day, days_left=np.full(1, 30.0),
                  units_left=np.full(1, 30.0))
    ends = [k.reach_days(f, np.array([s]), target, sign, day)[0][0]
            for s in (a.slope_ci_low[0], a.slope_ci_high[0])]
    assert (p.earliest_day[0], p.latest_day[0]) == (min(ends), max(ends))
    # two readings: no standard error, no interval
    two = k.trend_arrays(one([DAY0, DAY0 + 3], [1.0, 4.0]), 0.95)
    assert np.isnan(two.slope_ci_low[0])
    assert np.isnan(two.slope_ci_high[0])


def test_paces_at_their_boundaries() -> None:
    current = np.array([2.0, 2.0, 2.0, 0.0, 2.0, np.nan])
    gap = np.array([1.0, 4.0, 0.0, 0.0, -4.0, 3.0])
    left = np.array([1.0, 1.0, 5.0, 5.0, 2.0, 5.0])
    ratio = k.pace_ratio(current, gap, left)
    assert ratio[:2].tolist() == [2.0, 0.5]
    assert np.isnan(ratio[2:4]).all()  # a zero gap: no ratio, and no warning for 0/0
    assert ratio[4] == -1.0
    assert np.isnan(ratio[5])
    assert np.isnan(k.pace_ratio(np.array([1.0]), np.array([1.0]), np.array([0.0]))[0])
    pace = k.required_pace(np.array([5.0, 5.0, 7.0]), np.array([5.0, 4.0, 4.0]),
                           np.array([0.0, 0.0, 1.0]))
    assert np.isnan(pace[:2]).all()  # no unit left, 0/0 included
    assert pace[2] == 3.0


def test_unreachable_days_are_zero() -> None:
    f = one([DAY0, DAY0 + 10], [100.0, 90.0])
    day, ok = k.reach_days(f, np.array([-1.0, np.nan, -1.0]), np.full(3, 120.0),
                           np.ones(3), np.full(3, DAY0 + 10, dtype=np.int64))
    assert ok.tolist() == [False, False, False]
    assert day.tolist() == [0, 0, 0]


def test_crossing_on_date_max_is_reached() -> None:
    f = one([DAY0, DAY0 + 1], [0.0, 1.0])
    last = k.MAX_DAY - DAY0  # the line is 0 on DAY0 and rises by 1 a day
    day, ok = k.reach_days(f, f.slope, np.array([float(last), float(last + 1)]),
                           np.ones(2), np.full(2, DAY0 + 1, dtype=np.int64))
    assert ok.tolist() == [True, False]
    assert int(day[0]) == k.MAX_DAY
    assert k.day_to_date(int(day[0])).isoformat() == "9999-12-31"


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_flat_level_noise_boundary(sign: float) -> None:
    # a flat level meets the target within 16 sqrt(n) eps scale (n = 4, scale 4: 128 eps)
    f = one([DAY0, DAY0 + 1, DAY0 + 2, DAY0 + 3], [4.0, 4.0, 4.0, 4.0])
    assert (f.mean_value[0], f.scale[0]) == (4.0, 4.0)
    noise = 128 * EPS
    # a target 32 ulps (128 eps) beyond the level is met, 33 ulps is not
    targets = 4.0 + sign * np.array([noise, noise + 4 * EPS, -noise])
    _, ok = k.reach_days(f, np.zeros(3), targets, np.full(3, sign),
                         np.full(3, DAY0 + 3, dtype=np.int64))
    assert ok.tolist() == [True, False, True]


def tie_tolerance(f: k.Fit, slope: float, target: float, u: float) -> float:
    """The tie tolerance of :func:`~de_an06.analysis._kernel.reach_days`, as documented."""
    span = max(int(f.span[0]), 1)
    mean = float(f.mean_offset[0])
    error = 64 * EPS * (abs(u) + span + (abs(target) + float(f.scale[0])) / abs(slope)
                        * (1 + abs(u - mean) / span))
    return min(error, k.MAX_TIE_TOLERANCE)


def crossing_near(f: k.Fit, slope: float, day: int, share: float) -> tuple[float, float]:
    """A target whose crossing lies `share` tie tolerances after offset `day`; the share got."""
    def target_at(u: float) -> float:
        return float(f.mean_value[0] + (u - f.mean_offset[0]) * slope)

    tolerance = tie_tolerance(f, slope, target_at(day), day)
    target = target_at(day + share * tolerance)
    u = float(f.mean_offset[0] + (target - f.mean_value[0]) / slope)
    return target, (u - day) / tie_tolerance(f, slope, target, u)


TIE_CASES = [
    # days (offsets), values, slope, whole-day offset near the crossing
    ([0, 1], [10.0, 12.0], 0.25, 7),
    ([0, 10, 20, 40], [100.0, 90.0, 130.0, 160.0], 3.0, 55),
    ([0, 10, 20, 40], [100.0, 90.0, 130.0, 160.0], -3.0, 55),
    ([0, 3, 4, 9, 30], [2e5, 2.4e5, 2.1e5, 2.6e5, 3.1e5], 1500.0, 41),
]


@pytest.mark.parametrize(("offsets", "values", "slope", "day"), TIE_CASES)
def test_tie_rule_snaps_within_the_tolerance(offsets: list[int], values: list[float],
                                             slope: float, day: int) -> None:
    f = one([DAY0 + d for d in offsets], values)
    sign = 1.0 if slope > 0 else -1.0  # moving towards the target
    for share, expected in ((0.99, day), (1.01, day + 1), (0.0, day), (-0.5, day)):
        target, got_share = crossing_near(f, slope, day, share)
        assert got_share == pytest.approx(share, abs=2e-3)
        reach, ok = k.reach_days(f, np.array([slope]), np.array([target]), np.array([sign]),
                                 np.array([DAY0], dtype=np.int64))
        assert bool(ok[0])
        assert int(reach[0]) == DAY0 + expected, share


@pytest.mark.parametrize(("offsets", "values", "slope", "day"), TIE_CASES)
def test_tie_rule_for_a_line_moving_away(offsets: list[int], values: list[float],
                                         slope: float, day: int) -> None:
    f = one([DAY0 + d for d in offsets], values)
    sign = -1.0 if slope > 0 else 1.0  # moving away: met up to the crossing only
    for share, expected in ((-0.99, True), (-1.01, False), (0.0, True), (0.5, True)):
        target, got_share = crossing_near(f, slope, day, share)
        assert got_share == pytest.approx(share, abs=2e-3)
        reach, ok = k.reach_days(f, np.array([slope]), np.array([target]), np.array([sign]),
                                 np.array([DAY0 + day], dtype=np.int64))
        assert bool(ok[0]) is expected, share
        assert int(reach[0]) == (DAY0 + day if expected else 0)


def test_residual_pass_threshold() -> None:
    # Readings 3 days in a row whose SSR is exactly RESIDUAL_PASS_BELOW * Syy in floating
    # point: on the threshold the shortcut Syy - b Sxy is kept, and here it differs in the
    # last bits from the sum of the squared residuals.
    values = [39950.47, 39971.97803368129, 39995.98]
    f = one([DAY0, DAY0 + 1, DAY0 + 2], values)
    assert f.ssr[0] == k.RESIDUAL_PASS_BELOW * f.syy[0]
    residuals = [y - f.mean_value[0] - t * f.slope[0]
                 for t, y in zip((-1.0, 0.0, 1.0), values, strict=True)]
    summed = residuals[0] ** 2 + residuals[1] ** 2 + residuals[2] ** 2
    assert summed != f.ssr[0]
    assert f.ssr[0] == pytest.approx(summed, rel=1e-13)


def test_values_whose_squares_underflow() -> None:
    # Centred values of 1.2e-162 square to less than the smallest subnormal: Syy is 0 while
    # the residual pass leaves an SSR of one subnormal. r² is undefined (NaN), without a
    # floating-point warning (the suite turns warnings into errors).
    c = 1.2364809477298676e-162
    days = [19067, 19075, 19088, 19092, 19111, 19190]
    f = one(days, [c, c, -c, c, 0.0, -c])
    assert f.syy[0] == 0.0
    assert f.ssr[0] == 5e-324
    assert bool(k.constant_values(f)[0])
    assert np.isnan(k.r_squared(f)[0])
    assert np.isnan(k.trend_arrays(f, 0.95).r_squared[0])


def test_an_infinite_slope_reaches_at_once() -> None:
    # an interval bound is infinite when the values' squares overflow; rising without end,
    # the line meets any target on the first day allowed, and falling without end, never
    f = one([DAY0, DAY0 + 2], [1.0, 3.0])
    day, ok = k.reach_days(f, np.array([np.inf, -np.inf]), np.full(2, 100.0), np.ones(2),
                           np.full(2, DAY0 + 2, dtype=np.int64))
    assert ok.tolist() == [True, False]
    assert int(day[0]) == DAY0 + 2


# --------------------------------------------------------------------------
# The one-series path and the blocks (issue 22)
# --------------------------------------------------------------------------


def bits_equal(a: object, b: object) -> bool:
    """Equal as the kernel's numbers: same value, NaN for NaN, and the same sign of zero."""
    if isinstance(a, float) or isinstance(b, float):
        x, y = float(a), float(b)  # type: ignore[arg-type]
        if math.isnan(x) or math.isnan(y):
            return math.isnan(x) and math.isnan(y)
        return x == y and math.copysign(1.0, x) == math.copysign(1.0, y)
    return type(a) is type(b) and a == b


@st.composite
def long_groups(draw: st.DrawFn) -> list[tuple[list[int], list[float]]]:
    """Series of 1 to 300 readings: numpy sums more than 8 and more than 128 numbers pairwise."""
    def one_series() -> tuple[list[int], list[float]]:
        size = draw(st.sampled_from([1, 2, 3, 8, 9, 10, 24, 129, 137, 300])
                    | st.integers(1, 40))
        days = sorted(draw(st.sets(st.integers(DAY0, DAY0 + 2_000), min_size=size,
                                   max_size=size)))
        style = draw(st.sampled_from(["noise", "line", "constant"]))
        if style == "constant":
            values = [draw(values_2dp)] * size
        elif style == "line":
            start, step = draw(values_2dp), draw(st.integers(-500, 500)) / 4
            values = [round(start + step * (d - days[0]), 2) for d in days]
        else:
            values = draw(st.lists(values_2dp, min_size=size, max_size=size))
        return days, values
    return [one_series() for _ in range(draw(st.integers(1, 6)))]


@given(long_groups(), st.data())
def test_the_one_series_path_equals_the_grouped_kernel(
        items: list[tuple[list[int], list[float]]], data: st.DataObject) -> None:
    # fit_one / trend_one / project_one (Python numbers) perform the same floating-point
    # operations as fit / trend_arrays / project (numpy, many groups): bit-identical
    starts, days, values = stacked(items)
    together = k.fit(starts, days, values)
    count = len(items)
    targets = np.array(data.draw(st.lists(values_2dp, min_size=count, max_size=count)))
    signs = np.array(data.draw(st.lists(st.sampled_from([1.0, -1.0]), min_size=count,
                                        max_size=count)))
    ahead = np.array(data.draw(st.lists(st.integers(0, 60), min_size=count, max_size=count)))
    left = np.array(data.draw(st.lists(st.sampled_from([np.nan, 0.0, 1.0, 45.0]),
                                       min_size=count, max_size=count)))
    units = np.where(np.isnan(left), np.nan, np.floor(left * 5 / 7))
    from_day = together.last_day + ahead
    a_all = k.trend_arrays(together, 0.9)
    p_all = k.project(together, a_all, target=targets, sign=signs, from_day=from_day,
                      days_left=left, units_left=units)
    for i, (d, v) in enumerate(items):
        alone = k.fit_one(np.array(d, dtype=np.int64), np.array(v))
        a_one = k.trend_one(alone, 0.9)
        p_one = k.project_one(alone, a_one, target=float(targets[i]), sign=float(signs[i]),
                              from_day=int(from_day[i]), days_left=float(left[i]),
                              units_left=float(units[i]))
        for name, one, row in (("fit", alone, together.row(i)), ("trend", a_one, a_all.row(i)),
                               ("projection", p_one, p_all.row(i))):
            for field, x, y in zip(one._fields, one, row, strict=True):
                assert bits_equal(x, y), (name, field, x, y)


def test_blocks_do_not_change_the_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(22)
    sizes = rng.integers(1, 30, 500)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    days = np.concatenate([DAY0 + np.sort(rng.choice(400, s, replace=False))
                           for s in sizes]).astype(np.int64)
    values = np.round(rng.normal(1e4, 50, days.size) + 3 * (days - DAY0), 2)
    equal_starts = np.arange(0, 24 * 300, 24, dtype=np.int64)
    equal_days = np.tile(np.arange(DAY0, DAY0 + 48, 2, dtype=np.int64), 300)
    equal_values = np.round(rng.normal(50, 5, equal_days.size), 2)

    def everything(s: k.Int, d: k.Int, v: k.Float) -> list[npt.NDArray[np.generic]]:
        f = k.fit(s, d, v)
        a = k.trend_arrays(f, 0.95)
        count = f.n.shape[0]
        p = k.project(f, a, target=np.full(count, 2e4), sign=np.ones(count),
                      from_day=f.last_day, days_left=np.full(count, 30.0),
                      units_left=np.full(count, 21.0))
        return [*f, *a, *p]

    whole = [everything(starts, days, values), everything(equal_starts, equal_days,
                                                          equal_values)]
    monkeypatch.setattr(fitting, "BLOCK_READINGS", 40)
    monkeypatch.setattr(k, "BLOCK_GROUPS", 7)
    blocked = [everything(starts, days, values), everything(equal_starts, equal_days,
                                                            equal_values)]
    for ours, theirs in zip(whole, blocked, strict=True):
        for x, y in zip(ours, theirs, strict=True):
            assert x.dtype == y.dtype
            assert same(x, y)


def test_a_group_longer_than_a_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fitting, "BLOCK_READINGS", 4)
    days = np.array([DAY0, DAY0 + 1, DAY0 + 2, DAY0 + 5, DAY0 + 7, DAY0 + 9, DAY0 + 10],
                    dtype=np.int64)
    values = np.array([1.0, 2.0, 2.5, 4.0, 5.0, 6.5, 7.0])
    f = k.fit(np.array([0, 6], dtype=np.int64), days, values)
    assert f.n.tolist() == [6, 1]
    alone = k.fit_one(days[:6], values[:6])
    assert f.row(0) == alone


def test_t_quantiles_of_many_degrees_of_freedom() -> None:
    df = np.array([-1, 0, 3, 70_000, 3, 70_000])
    q = k.t_quantiles(df, 0.95)
    assert np.isnan(q[:2]).all()
    assert q[2] == q[4] == pytest.approx(3.182446305, rel=1e-9)
    assert q[3] == q[5] == pytest.approx(1.959992, rel=1e-5)
    assert np.isnan(k.t_quantiles(np.array([-1, 0]), 0.95)).all()


SPECIAL = [0.0, -0.0, 1.5, -1.5, 0.5, -0.5, 2.0, math.inf, -math.inf, math.nan]


@pytest.mark.parametrize("x", SPECIAL)
def test_scalar_primitives_give_numpy_results(x: float) -> None:
    scalar, vector = g.SCALAR, g.VECTOR
    array = np.array([x])
    with np.errstate(all="ignore"):
        for name in ("sqrt", "abs", "ceil", "floor"):
            assert bits_equal(getattr(scalar, name)(x), float(getattr(vector, name)(array)[0])), (
                name, x)
        for y in SPECIAL:
            other = np.array([y])
            for name in ("div", "minimum", "maximum"):
                got = getattr(scalar, name)(x, y)
                expected = float(getattr(vector, name)(array, other)[0])
                assert bits_equal(got, expected), (name, x, y, got, expected)
    assert scalar.isnan(x) == bool(vector.isnan(array)[0])
    assert scalar.isfinite(x) == bool(vector.isfinite(array)[0])
    assert scalar.where(x > 0, 1, 2) == int(vector.where(array > 0, 1, 2)[0])
    assert scalar.not_(x > 0) == bool(vector.not_(array > 0)[0])


def test_scalar_status_code_is_the_vector_one() -> None:
    ratios = [1.2, 0.95, 0.94, 0.6, 0.59, 0.0, -0.01, math.nan]
    for met in (False, True):
        codes = k.status_codes(np.full(len(ratios), met), np.array(ratios))
        assert [k.status_code(met, r) for r in ratios] == codes.tolist()


@given(st.lists(st.lists(st.floats(-1e12, 1e12) | values_2dp, min_size=1, max_size=400),
                min_size=1, max_size=3).filter(lambda rows: len({len(r) for r in rows}) == 1),
       st.integers(0, 20))
@example(rows=[[0.1 * i for i in range(300)], [0.3 * i for i in range(300)]], offset=3)
def test_a_row_is_summed_as_a_segment_among_others(rows: list[list[float]],
                                                   offset: int) -> None:
    # fit_columns sums the rows of one (2, n) or (3, n) array in one call; each row must
    # get the bits the grouped kernel's segment sums give
    at_once = np.add.reduceat(np.array(rows), np.zeros(1, dtype=np.intp), axis=1)[:, 0]
    for row, total in zip(rows, at_once.tolist(), strict=True):
        padded = np.array([0.5] * offset + row + [0.25])
        cuts = [0, offset, offset + len(row)] if offset else [0, len(row)]
        grouped = np.add.reduceat(padded, cuts)[1 if offset else 0]
        assert bits_equal(total, float(grouped))


@given(long_groups())
def test_fit_one_is_fit_columns(items: list[tuple[list[int], list[float]]]) -> None:
    for d, v in items:
        days, values = np.array(d, dtype=np.int64), np.array(v)
        columns = np.array((d, v), dtype=np.float64)
        columns.flags.writeable = False  # as a Series holds them: read, never written
        for x, y in zip(fitting.fit_one(days, values), fitting.fit_columns(columns),
                        strict=True):
            assert bits_equal(x, y)
        assert np.array_equal(columns, np.array((d, v), dtype=np.float64))
