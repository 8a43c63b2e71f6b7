"""Student-t quantiles computed without SciPy, checked against SciPy."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from de_an06.analysis import _student_t as t

stats = pytest.importorskip("scipy.stats")

DFS = [0.5, 1, 1.5, 2, 3, 4, 5, 7, 10, 15, 22, 30, 50, 100, 999, 5_000, 9_999, 10_000,
       30_000, 100_000, 1_000_000, 10_000_000]
# Near alpha = 1/2 the quantile is ill-conditioned (t = (1/2 - alpha) / pdf(0)) and
# SciPy's own isf drifts there; that region is checked by round trip below.
ALPHAS = [0.4, 0.25, 0.1, 0.05, 0.025, 0.005, 5e-4, 1e-6, 1e-10, 1e-15]


@pytest.mark.parametrize("df", DFS)
def test_isf_matches_scipy_on_a_grid(df: float) -> None:
    for alpha in ALPHAS:
        expected = float(stats.t.isf(alpha, df))
        assert t.t_isf(alpha, df) == pytest.approx(expected, rel=1e-10, abs=0)


@given(st.floats(0.5, 1e7), st.floats(1e-12, 0.4))
def test_isf_matches_scipy(df: float, alpha: float) -> None:
    expected = float(stats.t.isf(alpha, df))
    assert t.t_isf(alpha, df) == pytest.approx(expected, rel=1e-10, abs=0)


@given(st.floats(0.2, 0.999999), st.integers(1, 10_000_000))
def test_two_sided_quantile(confidence: float, df: int) -> None:
    expected = float(stats.t.isf((1 - confidence) / 2, df))
    assert t.two_sided_quantile(confidence, df) == pytest.approx(expected, rel=1e-10, abs=0)


@given(st.floats(-50, 50), st.floats(0.5, 5_000))
def test_sf_and_pdf_match_scipy(x: float, df: float) -> None:
    assert t.t_sf(x, df) == pytest.approx(float(stats.t.sf(x, df)), rel=1e-11, abs=1e-300)
    assert t.t_pdf(x, df) == pytest.approx(float(stats.t.pdf(x, df)), rel=1e-11, abs=1e-300)


@given(st.floats(0.4, 0.5, exclude_max=True), st.floats(0.5, 9_000))
def test_isf_round_trips_near_one_half(alpha: float, df: float) -> None:
    q = t.t_isf(alpha, df)
    assert float(stats.t.sf(q, df)) == pytest.approx(alpha, rel=1e-14)


def test_tiny_t() -> None:
    assert t.t_sf(1e-170, 1) == 0.5
    assert t.t_sf(1e-160, 3) == pytest.approx(0.5, rel=1e-15)


def test_half_is_zero_and_symmetry() -> None:
    assert t.t_isf(0.5, 3) == 0.0
    assert t.t_sf(0.0, 3) == 0.5
    assert t.t_sf(-1.5, 3) == pytest.approx(1 - t.t_sf(1.5, 3), rel=1e-15)


def test_cauchy_closed_form() -> None:
    # df = 1 is the Cauchy distribution: isf(a) = tan(pi (1/2 - a)).
    for alpha in (0.3, 0.05, 0.001):
        assert t.t_isf(alpha, 1) == pytest.approx(math.tan(math.pi * (0.5 - alpha)), rel=1e-13)


@pytest.mark.parametrize(("alpha", "df"), [(0.0, 3), (0.6, 3), (0.1, 0), (0.1, -1),
                                           (0.1, math.inf), (0.1, math.nan)])
def test_bad_arguments(alpha: float, df: float) -> None:
    with pytest.raises(ValueError, match="must be"):
        t.t_isf(alpha, df)


def test_continued_fraction_that_does_not_converge_is_an_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(t, "_MAX_ITERATIONS", 2)
    with pytest.raises(ArithmeticError, match=r"did not converge \(a=1.5, b=0.5"):
        t._beta_continued_fraction(1.5, 0.5, 0.75)


def test_newton_stopped_early_returns_its_bracketed_estimate(
        monkeypatch: pytest.MonkeyPatch) -> None:
    converged = t.t_isf.__wrapped__(0.025, 5)
    monkeypatch.setattr(t, "_NEWTON_STEPS", 1)
    early = t.t_isf.__wrapped__(0.025, 5)
    assert early != converged
    # One step from the middle of the bracket [2, 4] lands inside it, near the answer.
    assert 2.0 < early < 4.0
    assert early == pytest.approx(converged, rel=0.1)
