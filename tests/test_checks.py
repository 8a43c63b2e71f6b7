"""The consistency audit: recomputed percents, hedges, parts, margins and bases."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import audit, checks, datasets

DAY = dt.date(2024, 1, 31)
PY = da.Jurisdiction("54", "Phu Yen", "Phú Yên", level="province", parent="VN")
SHARE = da.Indicator("share", "A share", "Tỷ lệ", unit="percent")
COUNT = da.Indicator("count", "A count", "Số lượng", unit="count")
PART_A = da.Indicator("part-a", "Part A", "Phần A", unit="count")
PART_B = da.Indicator("part-b", "Part B", "Phần B", unit="count")


def share(value: float, num: float | None = None, den: float | None = None, **kw: Any,
          ) -> da.Reading:
    return da.Reading(SHARE, value, as_of=DAY, jurisdiction=PY, numerator=num, denominator=den,
                      **kw)


def count(indicator: da.Indicator, value: float, **kw: Any) -> da.Reading:
    return da.Reading(indicator, value, as_of=DAY, jurisdiction=PY, **kw)


def test_bundled_data_has_exactly_the_real_discrepancies() -> None:
    findings = audit(datasets.readings(), targets=datasets.targets(),
                     claims=datasets.claims())
    summary = [(f.kind, f.reading.jurisdiction.code, f.reading.indicator.code, f.reported,
                round(f.computed or 0, 3)) for f in findings]
    assert summary == [
        (da.FindingKind.TRUNCATED, "54", "insurance-verified-share", 98.94, 98.949),
        (da.FindingKind.BASIS, "54-tuy-hoa", "cccd-collected-share", 100, 97.281),
    ]
    tuy_hoa = findings[1]
    assert "100 % of the target" in tuy_hoa.message
    assert "97.28 % of the eligible (139,026 / 142,912)" in tuy_hoa.message
    assert "not printed" in tuy_hoa.message
    assert len(tuy_hoa.readings) == 2


@pytest.mark.parametrize(("value", "kind"), [
    (98.95, None), (98.94, da.FindingKind.TRUNCATED), (98.96, da.FindingKind.MISMATCH),
    (98.9, None), (99, None), (98.8, da.FindingKind.MISMATCH),
])
def test_percent_against_counts(value: float, kind: da.FindingKind | None) -> None:
    findings = audit([share(value, 802_068, 810_585)])
    assert [f.kind for f in findings] == ([kind] if kind else [])


def test_rounded_up() -> None:
    (finding,) = audit([share(98.95, 802_068, 810_585)], decimals=3)
    assert finding.kind is da.FindingKind.ROUNDED_UP
    (finding,) = audit([share(72.2, 546_234, 756_805)], decimals=3)
    assert finding.kind is da.FindingKind.MISMATCH
    assert audit([share(72.2, 546_234, 756_805)]) == []


@pytest.mark.parametrize(("qualifier", "value", "flagged"), [
    ("nearly", 97, True), ("nearly", 99, False), ("nearly", 90, True),
    ("more_than", 98, False), ("more_than", 99, True), ("less_than", 99, False),
    ("less_than", 97, True), ("about", 98, False), ("about", 90, True),
])
def test_qualifiers_against_counts(qualifier: str, value: float, flagged: bool) -> None:
    # 983 / 1000 = 98.3 %
    findings = audit([share(value, 983, 1000, qualifier=qualifier)])
    assert bool(findings) is flagged
    if findings:
        assert findings[0].kind is da.FindingKind.QUALIFIER


def test_impossible_hedges() -> None:
    findings = audit([share(100, qualifier="more_than", basis="population"),
                            share(100, qualifier="more_than", basis="target"),
                            count(COUNT, 0, qualifier="less_than")])
    assert [f.kind for f in findings] == [da.FindingKind.QUALIFIER] * 2
    assert "more than 100" in findings[0].message


def test_basis_conflicts_only_between_different_bases() -> None:
    same = [share(100, basis="total"), share(80, 8, 10, basis="total")]
    # One basis, two figures: no basis finding, but the two figures conflict.
    assert [f.kind for f in audit(same)] == [da.FindingKind.CONFLICT]
    agree = [share(97.28, 139_026, 142_912, basis="eligible"), share(97.28, basis="target")]
    assert audit(agree) == []
    conflict = [share(100, basis="target"), share(90, basis="eligible")]
    (finding,) = audit(conflict)
    assert finding.kind is da.FindingKind.BASIS
    assert (finding.reported, finding.computed) == (100, 90)
    assert "the target itself is not printed" in finding.message


def _claim(**kw: Any) -> da.Claim:
    kind = kw.pop("kind", da.ClaimKind.EXCEEDS_TARGET)
    indicator = kw.pop("indicator", SHARE)
    return da.Claim("c", kind, jurisdiction=PY, as_of=DAY, statement="checked",
                    indicator=indicator, **kw)


def test_margins_under_either_reading() -> None:
    reading = share(47)
    target = da.Target(SHARE, 30, jurisdiction=PY)
    assert audit([reading], targets=[target], claims=[_claim(margin=17)]) == []
    relative = da.Target(SHARE, 40.17, jurisdiction=PY)
    assert audit([reading], targets=[relative], claims=[_claim(margin=17)]) == []
    wrong = da.Target(SHARE, 35, jurisdiction=PY)
    (finding,) = audit([reading], targets=[wrong], claims=[_claim(margin=17)])
    assert finding.kind is da.FindingKind.MARGIN
    assert finding.target == wrong
    assert finding.computed == 12
    assert "12 points (34.3 % relative)" in finding.message
    more = _claim(margin=35, qualifier="more_than")
    assert audit([share(65, qualifier="more_than")], targets=[da.Target(SHARE, 30,
                                                                        jurisdiction=PY)],
                       claims=[more]) == []
    assert audit([reading], claims=[_claim(margin=17)]) == []
    zero = da.Target(SHARE, 0, jurisdiction=PY)
    assert audit([share(17)], targets=[zero], claims=[_claim(margin=17)]) == []
    (finding,) = audit([share(5)], targets=[zero], claims=[_claim(margin=17)])
    assert "no relative reading" in finding.message


def test_parts_against_their_whole() -> None:
    claim = _claim(kind="parts", indicator=COUNT, parts=("part-a", "part-b"))
    fine = [count(COUNT, 44), count(PART_A, 21), count(PART_B, 23)]
    assert audit(fine, claims=[claim]) == []
    over = [count(COUNT, 40), count(PART_A, 21), count(PART_B, 23)]
    (finding,) = audit(over, claims=[claim])
    assert finding.kind is da.FindingKind.PART_EXCEEDS_WHOLE
    assert (finding.reported, finding.computed) == (40, 44)
    assert len(finding.readings) == 3
    hedged = [count(COUNT, 40, qualifier="more_than"), count(PART_A, 21), count(PART_B, 23)]
    assert audit(hedged, claims=[claim]) == []
    below = [count(COUNT, 10), count(PART_A, 21, qualifier="less_than"), count(PART_B, 5)]
    assert audit(below, claims=[claim]) == []
    assert audit(over[:2], claims=[claim]) == []
    event = da.Claim("e", "event", jurisdiction=PY, as_of=DAY, statement="A plan was issued")
    assert audit(over, claims=[event]) == []


@pytest.mark.parametrize("kwargs", [
    {"decimals": -1}, {"decimals": 1.5}, {"decimals": True}, {"hedge": 1}, {"hedge": "x"},
    {"targets": [1]}, {"claims": "abc"},
])
def test_bad_arguments(kwargs: dict[str, Any]) -> None:
    with pytest.raises(da.ValidationError):
        audit([], **kwargs)


def test_bad_readings() -> None:
    with pytest.raises(da.ValidationError, match=r"readings\[0\]"):
        audit([1])  # type: ignore[list-item]


def test_printed_decimals() -> None:
    assert [checks.printed_decimals(x) for x in (98.94, 72.2, 100, 0.9, 1e-5, 1e20)] == [
        2, 1, 0, 1, 5, 0]


@given(st.integers(1, 10**9), st.data(), st.integers(0, 6),
       st.sampled_from([ROUND_HALF_UP, ROUND_HALF_EVEN]))
def test_correctly_rounded_percents_are_never_flagged(
        denominator: int, data: st.DataObject, places: int, mode: str) -> None:
    numerator = data.draw(st.integers(0, denominator))
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    value = float(exact.quantize(Decimal(1).scaleb(-places), rounding=mode))
    assert audit([share(value, numerator, denominator)]) == []
    assert audit([share(value, numerator, denominator)], decimals=places) == []


@given(st.integers(1, 10**6), st.data(), st.integers(0, 4))
def test_truncation_is_named(denominator: int, data: st.DataObject, places: int) -> None:
    numerator = data.draw(st.integers(0, denominator))
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    step = Decimal(1).scaleb(-places)
    truncated = float((exact / step).to_integral_value(rounding="ROUND_FLOOR") * step)
    findings = audit([share(truncated, numerator, denominator)], decimals=places)
    if findings:
        assert findings[0].kind is da.FindingKind.TRUNCATED
        assert math.floor(findings[0].computed * 10**places) <= truncated * 10**places + 1e-6


def test_basis_conflicts_at_the_asked_number_of_decimals() -> None:
    # 97.3 % of the eligible and 97.28 % of the target agree to the one decimal
    # the first is printed with, but not to two decimals.
    pair = [share(97.3, basis="eligible"), share(97.28, basis="target")]
    assert audit(pair) == []
    assert audit(pair, decimals=1) == []
    (finding,) = audit(pair, decimals=2)
    assert finding.kind is da.FindingKind.BASIS
    assert (finding.reported, finding.computed) == (97.3, 97.28)


def test_audit_is_the_function_and_checks_the_module() -> None:
    import importlib.util
    import sys

    assert da.audit is checks.audit is audit
    assert da.checks is checks
    assert callable(da.audit)
    # No submodule may be called audit: importing it would shadow the function.
    assert importlib.util.find_spec("de_an06.audit") is None
    assert "de_an06.audit" not in sys.modules
