"""The Open SDG progress measure against sdg-build's algorithm.

The expected statuses come from :func:`sdg_build`, an independent
implementation written here from sdg-build's ``ProgressMeasure.py`` (commit
139fede) and the Statistics Canada methodology it follows. It keeps the
*data types* sdg-build has -- years read from a CSV column are numpy int64,
the configured base year is a Python int, values are Python floats -- and
lets the arithmetic fall where it falls, instead of restating the special
cases the library spells out.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import opensdg
from de_an06._opensdg_rules import series_score, status_from_score
from de_an06.errors import ValidationError
from de_an06.opensdg import OpenSdgMethod, OpenSdgStatus, progress_measure

S = OpenSdgStatus


# --------------------------------------------------------------------------
# The independent implementation
# --------------------------------------------------------------------------

CRASH = "crash"  # sdg-build raises: the site build stops


def _status(value: Any, high: float, med: float, low: float, achieved: bool) -> str:
    if achieved:
        return "target_achieved"
    if value is None:
        return "not_available"
    for name, ok in (("substantial_progress", value >= high),
                     ("moderate_progress", med <= value < high),
                     ("limited_progress", low <= value < med),
                     ("deterioration", value < low)):
        if ok:
            return name
    return "not_available"  # NaN


# sdg-build's score branches, one by one.
def _score(method: int, value: Any, bounds: dict[str, float],  # noqa: PLR0911
           achieved: bool) -> Any:
    if achieved:
        return 5
    if value is None:
        return None
    high, med, low = bounds["high"], bounds["med"], bounds["low"]
    if method == 1:
        c = bounds.get("coefficient", 1)
        if value < low:
            return max(125 * value - 2.5, -5)
        if c == 0:
            return 5
        if value >= high:
            return min(500 * value / c - 5, 5)
        if value >= med:
            return 250 * value / c - 1.25
        return 500 * value / c - 2.5 if value >= low else None
    if value >= high or value >= med:
        return min(7.1429 * value - 4.2857, 5)
    if value >= low or value < low:
        return max(4.1667 * value - 2.5, -5)
    return None


def _site(score: Any, *, achieved: bool) -> str | None:
    if achieved:
        return "target_achieved"
    if score is None:
        return "not_available"
    bands = [("substantial_progress", 2.5, 5, True), ("moderate_progress", 0, 2.5, False),
             ("limited_progress", -2.5, 0, False), ("deterioration", -5, -2.5, False)]
    for name, low, high, closed in bands:
        if low <= score <= high if closed else low <= score < high:
            return name
    return None


def sdg_build(data: dict[int, float | None], config: dict[str, Any]) -> dict[str, Any]:
    """One series through sdg-build's ``SeriesProgress``, from a Year/Value table."""
    with np.errstate(all="ignore"):
        try:
            return _sdg_build(data, config)
        except (ValueError, ZeroDivisionError, OverflowError):
            return {"status": CRASH}


def _sdg_build(data: dict[int, float | None], config: dict[str, Any]) -> dict[str, Any]:
    target = config.get("target")
    if target == 0:
        target = 0.001
    base_year: Any = config.get("base_year", 2015)
    target_year = config.get("target_year", 2030)
    d = 1 if config.get("direction") == "positive" else -1
    limit = config.get("limit")
    method = 1 if target is None else 2
    rows = {y: float(x) for y, x in data.items() if x is not None and not math.isnan(x)}
    out: dict[str, Any] = {"status": "not_available", "score": None, "value": None,
                           "achieved": False}
    if not rows:
        out["site"] = _site(None, achieved=False)
        return out
    years = np.array(sorted(rows), dtype=np.int64)   # the Year column
    current_year = years.max()
    current = rows[int(current_year)]
    if base_year not in years:
        base_year = years[years > base_year].min()   # empty: ValueError, as .item() raises
    base = rows[int(base_year)]
    sign = -1 if base < 0 else 1
    bounds: dict[str, float] = ({"high": 0.015, "med": 0.005, "low": 0} if method == 1
                                else {"high": 0.95, "med": 0.6, "low": 0})
    bounds.update(config.get("progress_thresholds", {}))
    if method == 1 and limit is not None:
        b, lim = abs(base), abs(limit)
        c = (1 if b >= 2 * lim else 1 - (b / lim) ** 4.44 if b <= lim
             else 1 - ((2 * lim - b) / lim) ** 4.44)
        bounds = {k: x * c for k, x in bounds.items()} | {"coefficient": c}
    achieved = target is not None and ((d == -1 and current <= target)
                                       or (d == 1 and current >= target))
    if base == 0:
        base = 0.001
    value: Any = None
    if not (base > 0 > current or base < 0 < current) and current_year - base_year >= 1:
        cagr_o = (current / base) ** (1 / (current_year - base_year)) - 1
        if method == 1:
            value = sign * d * cagr_o
        else:
            assert target is not None
            cagr_r = (target / base) ** (1 / (target_year - base_year)) - 1
            value = sign * d * cagr_o / abs(cagr_r)
    score = _score(method, value, bounds, achieved)
    out.update(status=_status(value, bounds["high"], bounds["med"], bounds["low"], achieved),
               score=score, value=value, achieved=achieved, site=_site(score, achieved=achieved),
               base_year=int(base_year), current_year=int(current_year))
    return out


def check(data: dict[int, float | None], config: dict[str, Any]) -> opensdg.OpenSdgProgress:
    """Assert that the library agrees with sdg-build on `data` and `config`."""
    kwargs: dict[str, Any] = {"direction": config.get("direction", "negative")}
    for ours, theirs in (("target", "target"), ("base_year", "base_year"),
                         ("target_year", "target_year"), ("limit", "limit"),
                         ("thresholds", "progress_thresholds")):
        if theirs in config:
            kwargs[ours] = config[theirs]
    got = progress_measure(data, **kwargs)
    expected = sdg_build(data, config)
    if expected["status"] == CRASH:
        assert got.status is S.NOT_AVAILABLE
        assert got.score is None
        assert any("sdg-build stops" in note for note in got.notes)
        return got
    assert got.status.value == expected["status"]
    assert got.target_achieved == expected["achieved"]
    assert got.score == (None if expected["score"] is None else float(expected["score"]))
    value = expected["value"]
    if value is None or math.isnan(value):
        assert got.progress_value is None
    else:
        assert got.progress_value == float(value)
    site = got.site_status
    assert (None if site is None else site.value) == expected["site"]
    if "base_year" in expected:
        assert (got.base_year, got.current_year) == (expected["base_year"],
                                                    expected["current_year"])
    return got


# --------------------------------------------------------------------------
# Cases from the methodology and sdg-build's example inputs
# --------------------------------------------------------------------------

#: sdg-build tests/assets/progress-calculation/data/indicator_3-3-3.csv, headline rows.
HEADLINE_3_3_3: dict[int, float | None] = {
    2010: 1.51, 2011: 1.51, 2012: 1.38, 2013: 1.4, 2014: 1.27, 2015: 1.55, 2016: 1.69,
    2017: 1.65, 2018: 1.62, 2019: 1.82}

CASES: list[tuple[str, dict[int, float | None], dict[str, Any], str, float | None]] = [
    # (what, data, config, series status, score rounded to 4 places)
    ("the issue: 100 -> 150 in 5 years, 300 by 2030", {2015: 100, 2020: 150},
     {"target": 300, "direction": "positive"}, "substantial_progress", 3.6545),
    ("sdg-build asset 1-1-1: default config, base moved to 2020", {2020: 100, 2021: 120},
     {}, "deterioration", -5.0),
    ("sdg-build asset 3-3-3: negative, target 0 read as 0.001", HEADLINE_3_3_3,
     {"direction": "negative", "target": 0}, "deterioration", -2.9408),
    ("method 1: +1.6 % a year is substantial", {2015: 100, 2016: 101.6},
     {"direction": "positive"}, "substantial_progress", 3.0),
    ("method 1: 100 -> 101.5 is 1.4999...% in floats, so moderate", {2015: 100, 2016: 101.5},
     {"direction": "positive"}, "moderate_progress", 2.5),
    ("method 1: +1 % a year is moderate", {2015: 100, 2017: 102.01},
     {"direction": "positive"}, "moderate_progress", 1.25),
    ("method 1: +0.2 % a year is limited", {2015: 100, 2016: 100.2},
     {"direction": "positive"}, "limited_progress", -1.5),
    ("method 1: lower is better and falling", {2016: 50.0, 2019: 45.6},
     {"direction": "negative"}, "substantial_progress", 5.0),
    ("method 1 with a limit: 99 -> 99.5 of a 100 ceiling", {2015: 99.0, 2016: 99.5},
     {"direction": "positive", "limit": 100}, "substantial_progress", 5.0),
    ("method 1 at the limit: coefficient 0, holding on is full marks",
     {2015: 100.0, 2016: 100.0}, {"direction": "positive", "limit": 100},
     "substantial_progress", 5.0),
    ("zero base value read as 0.001", {2015: 0.0, 2020: 5.0}, {"direction": "positive"},
     "substantial_progress", 5.0),
    ("target met at the base year and since", {2015: 3.0, 2018: 2.5},
     {"direction": "negative", "target": 4}, "target_achieved", 5.0),
    ("target met, one year of data", {2022: 97.0}, {"direction": "positive", "target": 95},
     "target_achieved", 5.0),
    ("one year of data, target not met", {2022: 90.0},
     {"direction": "positive", "target": 95}, "not_available", None),
    ("years past the target year", {2015: 100, 2032: 150},
     {"target": 300, "direction": "positive"}, "limited_progress", -1.1765),
    ("base already past the target, fallen back", {2015: 120, 2020: 90},
     {"target": 100, "direction": "positive"}, "deterioration", -5.0),
    ("data only before the base year: sdg-build stops", {2010: 1.0, 2012: 2.0}, {},
     "not_available", None),
    ("base and latest values of opposite signs", {2015: -5.0, 2020: 5.0},
     {"direction": "positive"}, "not_available", None),
    ("target year is the configured base year: sdg-build stops", {2030: 5.0, 2031: 6.0},
     {"target": 10, "direction": "positive", "base_year": 2030}, "not_available", None),
    ("target year is the moved base year: numpy's 1/0 is inf", {2030: 5.0, 2031: 6.0},
     {"target": 10, "direction": "positive"}, "limited_progress", -2.5),
    ("target of the other sign, configured base year: complex modulus",
     {2015: -5.0, 2018: -4.0}, {"target": 3, "direction": "positive"}, "limited_progress",
     -1.0657),
    ("a required growth that overflows: sdg-build stops", {2015: 1e300, 2020: 1e300},
     {"target": 1e-10, "target_year": 2014, "direction": "negative"}, "not_available", None),
    ("target of the other sign, moved base year: NaN", {2016: -5.0, 2018: -4.0},
     {"target": 3, "direction": "positive"}, "not_available", None),
    ("missing values are dropped", {2015: None, 2016: 100.0, 2018: float("nan"), 2019: 110.0},
     {"target": 150, "direction": "positive"}, "substantial_progress", 3.5609),
    ("no data at all", {2015: None}, {"direction": "positive"}, "not_available", None),
    ("custom thresholds change the status, not the score", {2015: 100, 2020: 140},
     {"target": 300, "direction": "positive", "progress_thresholds": {"high": 0.8}},
     "substantial_progress", 2.2576),
]


@pytest.mark.parametrize(("what", "data", "config", "status", "score"), CASES,
                         ids=[case[0] for case in CASES])
def test_cases(what: str, data: dict[int, float | None], config: dict[str, Any], status: str,
               score: float | None) -> None:
    got = check(data, config)
    assert got.status.value == status, what
    assert (None if got.score is None else round(got.score, 4)) == score


def test_the_issue_example_in_detail() -> None:
    p = progress_measure({2015: 100, 2020: 150}, target=300, target_year=2030,
                         direction=da.Direction.HIGHER_IS_BETTER)
    assert p.method is OpenSdgMethod.WITH_TARGET
    assert (p.base_year, p.base_value, p.current_year, p.current_value) == (2015, 100, 2020, 150)
    assert round(p.progress_value or 0, 4) == 1.1116
    assert p.thresholds == opensdg.OpenSdgThresholds(0.95, 0.6, 0.0)
    assert p.site_status is S.SUBSTANTIAL_PROGRESS
    assert p.notes == ()


def test_notes_say_which_rules_applied() -> None:
    p = check({2016: 0.0, 2020: 5.0}, {"direction": "positive", "target": 0, "limit": 3})
    assert p.notes == ("target 0 replaced by 0.001",
                       "base year moved to 2016, the first later year with data",
                       "limit ignored: a target is given",
                       "base value 0 replaced by 0.001")
    assert p.base_value == 0.001
    assert p.target == 0.001
    p = check({2015: 120.0, 2016: 110.0}, {"direction": "positive", "limit": 100})
    assert p.notes == ("base value 120.0 is above the ceiling 100.0",)
    p = check({2015: 1.0, 2016: 2.0}, {"direction": "negative", "limit": 5})
    assert p.notes == ("base value 1.0 is below the floor 5.0",)
    assert p.thresholds.high == pytest.approx(0.015 * p.coefficient)
    p = check({2016: -5.0, 2018: -4.0}, {"target": 3, "direction": "positive"})
    assert "the required growth is not a real number" in p.notes[-1]
    p = check({2016: -5.0, 2018: 4.0}, {"direction": "positive"})
    assert p.notes[-1] == "base and latest values have opposite signs"
    p = check({2016: 5.0}, {"direction": "positive"})
    assert p.notes[-1] == "a single year of data from the base year on"
    assert check({}, {}).notes == ("no data",)


def test_thin_band_below_095_site_status_differs() -> None:
    # The score slopes are rounded (7.1429, 4.2857): a ratio just under 0.95 is
    # 'moderate' for the series but scores 2.5 -- 'substantial' on the site.
    observed = 1.5 ** (1 / 5) - 1
    target = 100 * (1 + observed / 0.949996) ** 15
    p = check({2015: 100, 2020: 150}, {"target": target, "direction": "positive"})
    assert 0.94999 < (p.progress_value or 0) < 0.95
    assert p.status is S.MODERATE_PROGRESS
    assert p.site_status is S.SUBSTANTIAL_PROGRESS


def test_custom_thresholds_and_the_site() -> None:
    p = check({2015: 100, 2020: 140}, {"target": 300, "direction": "positive",
                                       "progress_thresholds": {"high": 0.8}})
    assert p.status is S.SUBSTANTIAL_PROGRESS
    assert p.site_status is S.MODERATE_PROGRESS
    # A score outside [-5, 5]: the site shows no status at all.
    p = check({2015: 100, 2016: 104}, {"direction": "positive",
                                       "progress_thresholds": {"high": 0.5}})
    assert p.score is not None
    assert p.score > 5
    assert p.site_status is None
    assert opensdg.indicator_progress([p]) == (p.score, None)


# --------------------------------------------------------------------------
# Several hundred generated series
# --------------------------------------------------------------------------

YEARS = st.integers(2005, 2035)
VALUES = st.one_of(
    st.floats(0, 1000, allow_nan=False).map(lambda x: round(x, 2)),
    st.sampled_from([0.0, 0.5, 1.0, 50.0, 100.0, 1e-6, 1e9]),
    st.floats(-100, -0.01).map(lambda x: round(x, 2)),
)


@st.composite
def series_and_config(draw: st.DrawFn) -> tuple[dict[int, float | None], dict[str, Any]]:
    years = draw(st.sets(YEARS, min_size=0, max_size=7))
    data: dict[int, float | None] = {
        y: draw(st.one_of(VALUES, st.none()) if draw(st.booleans()) else VALUES)
        for y in sorted(years)}
    config: dict[str, Any] = {"direction": draw(st.sampled_from(["positive", "negative"]))}
    if draw(st.booleans()):
        config["target"] = draw(st.one_of(VALUES, st.sampled_from([0, 100, 50])))
    if draw(st.booleans()):
        config["base_year"] = draw(st.sampled_from([2010, 2015, 2018, 2020, 2030]))
    if draw(st.booleans()):
        config["target_year"] = draw(st.sampled_from([2015, 2020, 2025, 2030, 2035]))
    if draw(st.integers(0, 3)) == 0:
        config["limit"] = draw(st.one_of(VALUES, st.sampled_from([0, 100])))
    if draw(st.integers(0, 4)) == 0:
        keys = draw(st.sets(st.sampled_from(["high", "med", "low"]), min_size=1))
        config["progress_thresholds"] = {k: draw(st.floats(-0.5, 1.5)) for k in sorted(keys)}
    return data, config


@settings(max_examples=400)
@given(case=series_and_config())
@example(case=({2015: 100, 2020: 150}, {"target": 300, "direction": "positive"}))
def test_generated_series_agree_with_sdg_build(
        case: tuple[dict[int, float | None], dict[str, Any]]) -> None:
    check(*case)


@settings(max_examples=100)
@given(base=VALUES, later=st.lists(VALUES, min_size=1, max_size=4),
       direction=st.sampled_from(["positive", "negative"]),
       target=st.one_of(st.none(), VALUES))
def test_zero_base(base: float, later: list[float], direction: str,
                   target: float | None) -> None:
    data: dict[int, float | None] = {2015: 0.0, **{2016 + i: x for i, x in enumerate(later)}}
    config: dict[str, Any] = {"direction": direction}
    if target is not None:
        config["target"] = target
    p = check(data, config)
    assert p.base_value == 0.001
    del base


@settings(max_examples=100)
@given(base=st.floats(0.1, 1000), later=st.lists(VALUES, max_size=4),
       direction=st.sampled_from(["positive", "negative"]))
def test_target_met_at_base(base: float, later: list[float], direction: str) -> None:
    data: dict[int, float | None] = {2015: base, **{2016 + i: x for i, x in enumerate(later)}}
    check(data, {"direction": direction, "target": base})


@settings(max_examples=100)
@given(case=series_and_config())
def test_lower_is_better(case: tuple[dict[int, float | None], dict[str, Any]]) -> None:
    data, config = case
    check(data, config | {"direction": "negative"})


@settings(max_examples=100)
@given(data=st.dictionaries(st.integers(2000, 2014), VALUES, max_size=5),
       target=st.one_of(st.none(), VALUES))
def test_series_before_the_base_year(data: dict[int, float], target: float | None) -> None:
    config: dict[str, Any] = {"direction": "positive"}
    if target is not None:
        config["target"] = target
    p = check(dict(data), config)
    assert p.status is S.NOT_AVAILABLE
    assert p.base_year is None


@settings(max_examples=100)
@given(case=series_and_config(), target_year=st.integers(2005, 2030))
def test_target_year_passed(case: tuple[dict[int, float | None], dict[str, Any]],
                            target_year: int) -> None:
    data, config = case
    check({**data, 2031: 42.0}, config | {"target_year": target_year,
                                         "target": config.get("target", 60.0)})


@settings(max_examples=100)
@given(year=YEARS, value=VALUES, case=series_and_config())
def test_one_point(year: int, value: float, case: tuple[Any, dict[str, Any]]) -> None:
    p = check({year: value}, case[1])
    assume(p.status is not S.TARGET_ACHIEVED)
    assert p.status is S.NOT_AVAILABLE


# --------------------------------------------------------------------------
# Indicators of several series
# --------------------------------------------------------------------------


@settings(max_examples=100)
@given(cases=st.lists(series_and_config(), max_size=4))
def test_indicator_progress_is_the_mean_score(
        cases: list[tuple[dict[int, float | None], dict[str, Any]]]) -> None:
    results = [check(*case) for case in cases]
    scored = [r for r in results if r.score is not None]
    score, status = opensdg.indicator_progress(results)
    if not scored:
        assert (score, status) == (None, None)
        return
    mean = sum(r.score or 0 for r in scored) / len(scored)
    assert score == pytest.approx(mean, rel=1e-12, abs=1e-12)
    name = _site(score, achieved=all(r.target_achieved for r in scored))
    assert (None if status is None else status.value) == name


def test_indicator_progress_refuses_other_things() -> None:
    with pytest.raises(ValidationError, match=r"indicator_progress\.results\[0\]"):
        opensdg.indicator_progress([42])  # type: ignore[list-item]


def test_status_from_score_bands() -> None:
    assert opensdg.status_from_score(5.0) is S.SUBSTANTIAL_PROGRESS
    assert opensdg.status_from_score(2.4999) is S.MODERATE_PROGRESS
    assert opensdg.status_from_score(-2.5) is S.LIMITED_PROGRESS
    assert opensdg.status_from_score(-5.0) is S.DETERIORATION
    assert opensdg.status_from_score(-5.01) is None
    assert opensdg.status_from_score(float("nan")) is None
    assert opensdg.status_from_score(-3, target_achieved=True) is S.TARGET_ACHIEVED
    assert status_from_score(None, target_achieved=False) == "not_available"


def test_score_rules_for_nan() -> None:
    # sdg-build returns no score for a NaN progress value, except at a limit (coefficient 0).
    nan = float("nan")
    assert series_score(2, nan, 0.95, 0.6, 0.0, coefficient=1.0, target_achieved=False) is None
    assert series_score(1, nan, 0.0, 0.0, 0.0, coefficient=0.0, target_achieved=False) == 5
    assert series_score(1, nan, 0.015, 0.005, 0.0, coefficient=1.0,
                        target_achieved=False) is None


# --------------------------------------------------------------------------
# Series input, configuration and errors
# --------------------------------------------------------------------------

VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
ACCOUNTS = da.Indicator("eid-accounts", "e-ID accounts", "Tài khoản định danh điện tử",
                        unit="count")
WAIT = da.Indicator("wait-days", "Waiting time", "Thời gian chờ", unit="days")


def series(indicator: da.Indicator, points: dict[dt.date, float]) -> da.Series:
    return da.Series([da.Reading(indicator, value, as_of=day, jurisdiction=VN) for day,
                      value in points.items()])


def test_series_takes_the_indicator_direction() -> None:
    s = series(WAIT, {dt.date(2022, 12, 31): 10.0, dt.date(2024, 12, 31): 8.0})
    p = progress_measure(s, target=5)
    assert p.direction is da.Direction.LOWER_IS_BETTER
    assert p.status.value == check({2022: 10.0, 2024: 8.0},
                                   {"target": 5, "direction": "negative"}).status.value
    assert progress_measure(s, target=5, direction="positive").direction is \
        da.Direction.HIGHER_IS_BETTER


def test_series_with_two_readings_in_a_year() -> None:
    s = series(ACCOUNTS, {dt.date(2023, 6, 30): 50.0, dt.date(2023, 12, 31): 60.0,
                          dt.date(2024, 12, 31): 90.0})
    with pytest.raises(ValidationError, match="one reading per year") as e:
        progress_measure(s)
    assert e.value.value == 2023
    p = progress_measure(s, same_year="latest", target=100)
    assert (p.base_year, p.base_value, p.current_value) == (2023, 60.0, 90.0)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"same_year": "first"}, "same_year"),
    ({"target": float("inf")}, "target"),
    ({"target": "300"}, "target"),
    ({"target": True}, "target"),
    ({"target_year": 2030.0}, "target_year"),
    ({"base_year": "2015"}, "base_year"),
    ({"limit": float("nan")}, "limit"),
    ({"direction": "up"}, "direction"),
    ({"thresholds": {"highest": 1}}, "thresholds"),
    ({"thresholds": [0.9]}, "thresholds"),
    ({"thresholds": {"high": None}}, "thresholds['high']"),
])
def test_configuration_errors(kwargs: dict[str, Any], field: str) -> None:
    kwargs.setdefault("direction", "higher")
    with pytest.raises(ValidationError, match="^progress_measure." + re.escape(field)) as e:
        progress_measure({2015: 1.0}, **kwargs)
    assert e.value.field == field


@pytest.mark.parametrize(("data", "field"), [
    ([1.0, 2.0], "data"),
    ({"2015": 1.0}, "data['2015']"),
    ({True: 1.0}, "data[True]"),
    ({2015: "1.0"}, "data[2015]"),
    ({2015: float("inf")}, "data[2015]"),
])
def test_data_errors(data: object, field: str) -> None:
    with pytest.raises(ValidationError) as e:
        progress_measure(data, direction="higher")  # type: ignore[arg-type]
    assert e.value.field == field


def test_a_mapping_needs_a_direction() -> None:
    with pytest.raises(ValidationError, match="direction is required"):
        progress_measure({2015: 1.0})


def test_numpy_numbers_are_accepted() -> None:
    p = progress_measure({np.int64(2015): np.float64(100.0), 2020: 150},
                         target=np.float64(50.0), direction="lower", base_year=np.int64(2015))
    assert p.status is S.DETERIORATION
    assert progress_measure({2015: 1.0, 2016: np.float64("nan")}, direction="lower").notes \
        == ("a single year of data from the base year on",)


def test_default_thresholds_and_enums() -> None:
    assert opensdg.default_thresholds(OpenSdgMethod.WITHOUT_TARGET).high == 0.015
    assert [s.value for s in S] == ["target_achieved", "substantial_progress",
                                    "moderate_progress", "limited_progress", "deterioration",
                                    "not_available"]
    assert (opensdg.DEFAULT_BASE_YEAR, opensdg.DEFAULT_TARGET_YEAR) == (2015, 2030)
