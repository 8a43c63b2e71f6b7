"""The model's rules: value rules (scalar and vectorised views of one table) and the
qualifier intervals (one function for attainment, gaps and the audit)."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06.model import rules
from de_an06.model.rules import DEFAULT_HEDGE, Bounds, first_bad_value, qualifier_bounds
from de_an06.model.rules import value_rule as rule

Q = da.Qualifier
U = da.Unit

# --------------------------------------------------------------------------
# Value rules
# --------------------------------------------------------------------------

# Every message a value can get, as the model gave them before the table.
MESSAGES = [
    (U.PEOPLE, -1, "must be >= 0 for unit 'people'"),
    (U.PEOPLE, 546.234, "must be a whole number for unit 'people'"),
    (U.DOSSIERS, 0.5, "must be a whole number for unit 'dossiers'"),
    (U.USES, 1.5, "must be a whole number for unit 'uses'"),
    (U.PERCENT, 112.5, "must be in [0, 100] for a percent indicator"),
    (U.PERCENT, -0.1, "must be >= 0 for unit 'percent'"),
    (U.RANK, 0, "must be >= 1 for a rank position"),
    (U.RANK, 0.5, "must be a whole number for unit 'rank'"),
    (U.RANK, -2, "must be >= 0 for unit 'rank'"),
    (U.DAYS, -0.5, "must be >= 0 for unit 'days'"),
    (U.VND, -1, "must be >= 0 for unit 'vnd'"),
]


@pytest.mark.parametrize(("unit", "value", "message"), MESSAGES)
def test_each_rule_keeps_its_message(unit: da.Unit, value: float, message: str) -> None:
    assert rule(unit, value) == message
    assert first_bad_value(unit, np.array([*([1.0] * 3), value])) == (3, message)


@pytest.mark.parametrize(("unit", "value"), [
    (U.COUNT, 0.5), (U.PEOPLE, 546_234), (U.PERCENT, 100), (U.PERCENT, 0), (U.RANK, 1),
    (U.DAYS, 1.5), (U.WORKING_DAYS, 0), (U.MINUTES, 2.25), (U.VND, 1e15), (U.PEOPLE, -0.0),
])
def test_good_values_pass(unit: da.Unit, value: float) -> None:
    assert rule(unit, value) is None
    assert first_bad_value(unit, [value, value]) is None


def test_the_table_covers_every_unit() -> None:
    assert set(rules.VALUE_RULES) == set(da.Unit)
    assert {U.PEOPLE, U.DOSSIERS, U.USES, U.RANK} == rules.WHOLE_UNITS
    assert first_bad_value(U.PEOPLE, np.empty(0)) is None


def test_readings_and_targets_use_the_rules(khanh_hoa: da.Jurisdiction) -> None:
    for unit, value, message in MESSAGES:
        indicator = da.Indicator("x", "x", "x", unit=unit)
        with pytest.raises(da.ValidationError) as reading:
            da.Reading(indicator, value, as_of=dt.date(2023, 7, 1), jurisdiction=khanh_hoa)
        assert str(reading.value) == f"Reading.value {message} (got {value!r})"
        with pytest.raises(da.ValidationError) as target:
            da.Target(indicator, value, jurisdiction=khanh_hoa)
        assert str(target.value) == f"Target.value {message} (got {value!r})"


_VALUES = st.one_of(
    st.floats(),
    st.integers(-3, 105).map(float),
    st.integers(-6, 210).map(lambda n: n / 2),
    st.sampled_from([0.0, -0.0, 1.0, 100.0, math.nextafter(100.0, math.inf), 5e-324,
                     -5e-324, 2.0**53, 2.0**53 + 2]),
)


@given(unit=st.sampled_from(list(da.Unit)), values=st.lists(_VALUES, max_size=12))
def test_vectorised_view_agrees_with_the_scalar_view(unit: da.Unit,
                                                     values: list[float]) -> None:
    """The array view names exactly the first element the scalar view refuses."""
    expected = next(((i, m) for i, x in enumerate(values)
                     if (m := rule(unit, x)) is not None), None)
    assert first_bad_value(unit, np.array(values, dtype=np.float64)) == expected


# --------------------------------------------------------------------------
# Qualifier intervals
# --------------------------------------------------------------------------
# The three places that computed these intervals before, kept here verbatim
# (apart from the return type of the first) as oracles: `analysis._bounds`,
# `audit._contradicts` and `audit._interval`.


def old_analysis_bounds(value: float, qualifier: da.Qualifier,
                        hedge: float) -> tuple[float, float, bool, bool]:
    width = hedge * abs(value)
    if qualifier is Q.MORE_THAN:
        return (value, math.inf, True, True)
    if qualifier is Q.LESS_THAN:
        return (-math.inf, value, True, True)
    if qualifier is Q.NEARLY:
        return (value - width, value, False, True)
    if qualifier is Q.ABOUT:
        return (value - width, value + width, False, False)
    return (value, value, False, False)


def old_audit_contradicts(qualifier: da.Qualifier, stated: Fraction, actual: Fraction,
                          step: Fraction, hedge: float) -> bool:
    half = step / 2
    slack = Fraction(hedge) * stated
    if qualifier is Q.MORE_THAN:
        return actual <= stated - half
    if qualifier is Q.LESS_THAN:
        return actual >= stated + half
    if qualifier is Q.NEARLY:
        return actual > stated + half or actual < stated - slack - half
    return abs(actual - stated) > slack + half


def old_audit_interval(value: float, qualifier: da.Qualifier, hedge: float,
                       decimals: int) -> tuple[float, float]:
    half = 0.5 * 10.0 ** -decimals
    spread = hedge * abs(value)
    return {
        Q.EXACT: (value - half, value + half),
        Q.ABOUT: (value - spread - half, value + spread + half),
        Q.NEARLY: (value - spread - half, value + half),
        Q.MORE_THAN: (value - half, math.inf),
        Q.LESS_THAN: (-math.inf, value + half),
    }[qualifier]


_FINITE = st.floats(allow_nan=False, allow_infinity=False)
_HEDGES = st.one_of(st.just(DEFAULT_HEDGE), st.just(0.0), st.floats(0, 1, exclude_max=True))


@given(value=_FINITE, qualifier=st.sampled_from(list(Q)), hedge=_HEDGES)
def test_same_bounds_as_attainment_and_gap(value: float, qualifier: da.Qualifier,
                                           hedge: float) -> None:
    b = qualifier_bounds(value, qualifier, hedge)
    got = (b.lo, b.hi, b.lo_open, b.hi_open)
    assert repr(got) == repr(old_analysis_bounds(value, qualifier, hedge))


@given(value=_FINITE, qualifier=st.sampled_from(list(Q)), hedge=_HEDGES,
       decimals=st.integers(0, 8))
def test_same_interval_as_the_margin_and_parts_checks(value: float, qualifier: da.Qualifier,
                                                      hedge: float, decimals: int) -> None:
    b = qualifier_bounds(value, qualifier, hedge, step=10.0**-decimals)
    assert repr((b.lo, b.hi)) == repr(old_audit_interval(value, qualifier, hedge, decimals))


@st.composite
def _hedged_percents(draw: st.DrawFn) -> tuple[da.Qualifier, Fraction, Fraction, Fraction,
                                               float]:
    places = draw(st.integers(0, 4))
    step = Fraction(1, 10**places)
    stated = Fraction(draw(st.integers(0, 100 * 10**places)), 10**places)
    hedge = draw(_HEDGES)
    half, slack = step / 2, Fraction(hedge) * stated
    # Land on every end the intervals can have, and around them.
    end = draw(st.sampled_from([stated, stated - half, stated + half, stated - slack - half,
                                stated + slack + half]))
    nudge = draw(st.sampled_from([Fraction(0), Fraction(1, 10**9), Fraction(-1, 10**9)]))
    actual = draw(st.one_of(st.just(end + nudge),
                            st.fractions(min_value=-1, max_value=120, max_denominator=10**6)))
    qualifier = draw(st.sampled_from([q for q in Q if q is not Q.EXACT]))
    return qualifier, stated, actual, step, hedge


@given(_hedged_percents())
def test_same_verdict_as_the_percent_check(case: tuple[da.Qualifier, Fraction, Fraction,
                                                       Fraction, float]) -> None:
    qualifier, stated, actual, step, hedge = case
    bounds = qualifier_bounds(stated, qualifier, hedge, step=step)
    assert (actual not in bounds) == old_audit_contradicts(qualifier, stated, actual, step,
                                                           hedge)


def test_fractions_stay_exact() -> None:
    b = qualifier_bounds(Fraction(989, 10), Q.ABOUT, 0.05, step=Fraction(1, 10))
    assert isinstance(b.lo, Fraction)
    assert b.lo == Fraction(989, 10) - Fraction(0.05) * Fraction(989, 10) - Fraction(1, 20)
    assert qualifier_bounds(Fraction(3), Q.MORE_THAN).hi == math.inf


@pytest.mark.parametrize(("qualifier", "inside", "outside"), [
    (Q.EXACT, [98.0], [97.99, 98.01]),
    (Q.ABOUT, [93.1, 98.0, 102.9], [93.0, 103.0]),
    (Q.NEARLY, [93.1, 97.99], [93.0, 98.0, 98.01]),
    (Q.MORE_THAN, [98.01, 1e300], [98.0, 97.0]),
    (Q.LESS_THAN, [97.99, -1e300], [98.0, 99.0]),
])
def test_what_a_hedged_98_allows(qualifier: da.Qualifier, inside: list[float],
                                 outside: list[float]) -> None:
    bounds = qualifier_bounds(98.0, qualifier)
    assert all(x in bounds for x in inside)
    assert not any(x in bounds for x in outside)


def test_a_printed_step_widens_and_closes_the_ends() -> None:
    nearly = qualifier_bounds(78.0, Q.NEARLY, step=1)
    assert (nearly.lo_open, nearly.hi_open) == (False, False)
    assert 78.5 in nearly
    more = qualifier_bounds(83.8, Q.MORE_THAN, step=0.1)
    assert more.lo == pytest.approx(83.75)
    assert more.lo_open
    assert more.lo not in more
    less = qualifier_bounds(5.0, Q.LESS_THAN, step=1)
    assert (less.lo, less.hi, less.hi_open) == (-math.inf, 5.5, True)
    assert qualifier_bounds(5.0, Q.EXACT, step=0) == Bounds(5.0, 5.0, lo_open=False,
                                                            hi_open=False)


@given(value=st.floats(0, 1e12), qualifier=st.sampled_from(list(Q)), hedge=_HEDGES)
def test_the_figure_bounds_its_own_interval(value: float, qualifier: da.Qualifier,
                                            hedge: float) -> None:
    """Exact and about include the figure; the others have it at an excluded end."""
    bounds = qualifier_bounds(value, qualifier, hedge)
    assert bounds.lo <= value <= bounds.hi
    assert (value in bounds) == (qualifier in {Q.EXACT, Q.ABOUT})
