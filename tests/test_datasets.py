"""Every bundled figure against the tables of the domain notes, written out once by hand."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import datasets
from de_an06.datasets import _load

D = dt.date
KH, QN, HT, PY, QM = "kh-2023-07-02", "qn-2024", "ht-2024-04", "py-2024-01", "qnam-2022-11"
QD, HD, PD, MD = D(2024, 12, 31), D(2024, 4, 30), D(2024, 1, 31), D(2022, 11, 30)
E, N, M, L, A = "exact", "nearly", "more_than", "less_than", "about"

# Columns: source, jurisdiction, indicator, value, as_of, qualifier, numerator,
# denominator and basis.
READINGS: list[tuple[Any, ...]] = [
    (KH, "56", "online-services-national-portal", 855, D(2023, 7, 2), E, None, None, "unstated"),
    (KH, "56", "online-procedures-integrated", 610, D(2023, 7, 2), E, None, None, "unstated"),
    (KH, "56", "essential-services-provided-share", 80, D(2023, 7, 2), E, 8, 10, "total"),
    (KH, "56", "police-essential-services-share", 100, D(2023, 7, 2), E, 11, 11, "total"),
    (KH, "56", "popdb-lookups", 44_000, D(2023, 6, 20), N, None, None, "unstated"),
    (KH, "56", "dossiers-digitised", 130_400, D(2023, 6, 20), E, None, None, "unstated"),
    (KH, "56", "bhyt-facilities-cccd-share", 100, D(2023, 7, 2), E, None, None, "total"),
    (KH, "56", "bhyt-cccd-lookups", 323_000, D(2023, 7, 2), M, None, None, "unstated"),
    (KH, "56-khanh-son", "eid-collected", 9_096, D(2023, 7, 2), E, None, None, "unstated"),
    (KH, "56-khanh-son", "eid-collected-share", 100, D(2023, 7, 2), E, 9_096, None, "target"),
    (KH, "56-khanh-son", "eid-eligible", 20_000, D(2023, 7, 2), M, None, None, "unstated"),
    (KH, "56", "rank-cccd-eid", 62, D(2023, 5, 22), E, None, None, "unstated"),
    (KH, "56", "rank-cccd-eid", 37, D(2023, 6, 28), E, None, None, "unstated"),
    (KH, "56", "eid-collected", 546_234, D(2023, 7, 1), E, None, None, "unstated"),
    (KH, "56", "eid-collected-share", 72.2, D(2023, 7, 1), E, 546_234, 756_805, "target"),
    (KH, "56", "eid-activated", 260_234, D(2023, 7, 1), E, None, None, "unstated"),
    (KH, "56", "eid-activated-share", 34.39, D(2023, 7, 1), E, 260_234, 756_805, "target"),
    (KH, "56", "eid-target-share-of-eligible", 65.57, D(2023, 7, 2), E, 756_805, None,
     "eligible"),
    (KH, "56", "e-results-share", 61.28, D(2023, 6, 30), E, None, None, "total"),
    (KH, "56", "digitised-share", 55.6, D(2023, 6, 30), E, None, None, "total"),
    (KH, "56", "reuse-share", 0.9, D(2023, 6, 30), E, None, None, "total"),
    (KH, "56", "reuse-dossiers", 2_082, D(2023, 6, 30), E, None, None, "unstated"),
    (QN, "51", "tasks-done-share", 82.76, QD, E, 24, 29, "total"),
    (QN, "51", "tasks-in-progress", 5, QD, E, None, None, "unstated"),
    (QN, "51", "welfare-account-share", 65, QD, M, None, None, "unstated"),
    (QN, "51", "pension-noncash-share", 60, QD, M, None, None, "unstated"),
    (QN, "51", "pension-noncash-urban-share", 67, QD, E, None, None, "unstated"),
    (QN, "51", "essential-services-share", 98, QD, N, None, None, "unstated"),
    (QN, "51", "linked-days-before", 21, QD, E, None, None, "unstated"),
    (QN, "51", "linked-days-after", 4, QD, E, None, None, "unstated"),
    (QN, "51", "linked-declarations", 1, QD, E, None, None, "unstated"),
    (QN, "51", "eid-l2-collected-share", 81, QD, E, None, None, "holders"),
    (QN, "51", "eid-l2-activated-share", 92, QD, E, None, None, "unstated"),
    (QN, "51", "bhyt-facilities-cccd-share", 100, QD, E, None, None, "total"),
    (QN, "51", "rank-admin-quality", 25, QD, E, None, None, "unstated"),
    (QN, "51", "e-results-share", 78, QD, N, None, None, "total"),
    (QN, "51", "digitised-share", 83.8, QD, M, None, None, "total"),
    (QN, "51", "reuse-share", 25, QD, E, None, None, "total"),
    (QN, "51", "reuse-dossiers", 137_000, QD, M, None, None, "unstated"),
    (QN, "VN", "e-results-share", 68.3, QD, E, None, None, "total"),
    (QN, "VN", "digitised-share", 67.06, QD, E, None, None, "total"),
    (QN, "VN", "reuse-share", 19, QD, N, None, None, "total"),
    (QN, "51-tra-bong", "tasks-done-share", 84.62, QD, E, 11, 13, "total"),
    (QN, "51-tra-bong", "tasks-in-progress", 2, QD, E, None, None, "unstated"),
    (QN, "51-tra-bong", "workers-records-updated-share", 100, QD, E, None, None, "unstated"),
    (QN, "51-tra-bong", "online-services-share", 100, QD, E, None, None, "unstated"),
    (QN, "51-tra-bong", "digitised-share", 98, QD, E, None, None, "total"),
    (QN, "51-tra-bong", "welfare-noncash-share", 47, QD, E, None, None, "unstated"),
    (QN, "51-tra-bong", "pension-noncash-share", 73, QD, E, None, None, "unstated"),
    (QN, "51-tra-bong", "cccd-issued-share", 99.8, QD, E, None, None, "population"),
    (QN, "51-tra-bong", "id-under14-collected-share", 92, QD, E, None, None, "unstated"),
    (QN, "51-tra-bong", "eid-l2-holders-share", 81, QD, E, None, None, "population"),
    (QN, "51-tra-bong", "bhyt-visits-id-share", 96, QD, E, None, None, "unstated"),
    (QN, "51-tu-nghia", "welfare-noncash-share", 17, QD, N, None, None, "unstated"),
    (QN, "51-son-tinh", "welfare-noncash-share", 18.76, QD, E, None, None, "unstated"),
    (QN, "51-binh-son", "welfare-noncash-share", 28, QD, E, None, None, "unstated"),
    (HT, "42", "funds-mobilised", 3_000_000_000, HD, N, None, None, "unstated"),
    (HT, "42", "pilot-models-built", 21, HD, E, None, None, "unstated"),
    (HT, "42", "pilot-models-replicated", 23, HD, E, None, None, "unstated"),
    (HT, "42", "pilot-models", 44, HD, E, None, None, "unstated"),
    (HT, "42", "cccd-collected-share", 100, D(2023, 12, 31), E, None, None, "eligible"),
    (PY, "54", "essential-services-implemented", 53, PD, E, None, None, "unstated"),
    (PY, "54", "bhyt-facilities-reader-share", 100, PD, E, 119, 119, "total"),
    (PY, "54", "bhyt-cccd-uses", 985_560, PD, E, None, None, "unstated"),
    (PY, "54", "bhyt-cccd-success-share", 90.29, PD, E, 889_881, 985_560, "total"),
    (PY, "54", "reception-minutes-before", 10, PD, A, None, None, "unstated"),
    (PY, "54", "reception-minutes", 1, PD, E, None, None, "unstated"),
    (PY, "54", "procedures-using-cccd-share", 100, PD, E, None, None, "total"),
    (PY, "54", "insurance-verified-share", 98.94, PD, E, 802_068, 810_585, "total"),
    (PY, "54", "tax-records-cleaned-share", 99.66, PD, E, 106_563, 106_929, "total"),
    (PY, "54", "pilot-models", 7, PD, E, None, None, "unstated"),
    (PY, "54", "dt-day-visitors", 20_000, D(2023, 12, 31), M, None, None, "unstated"),
    (PY, "54", "dt-day-cccd-applications", 500, D(2023, 12, 31), M, None, None, "unstated"),
    (PY, "54", "dt-day-eid-l2-applications", 10_000, D(2023, 12, 31), M, None, None,
     "unstated"),
    (PY, "54", "dt-day-eid-activations", 15_000, D(2023, 12, 31), M, None, None, "unstated"),
    (PY, "54", "agencies-document-platform-share", 100, PD, E, None, None, "total"),
    (PY, "54", "officials-email-share", 100, PD, E, None, None, "total"),
    (PY, "54", "officials-email-use-share", 90, PD, M, None, None, "total"),
    (PY, "54", "civil-servant-records-synced-share", 100, PD, E, None, None, "total"),
    (PY, "54", "rank-civil-servant-records", 16, PD, E, None, None, "unstated"),
    (PY, "54-tuy-hoa", "news-items", 856, PD, A, None, None, "unstated"),
    (PY, "54-tuy-hoa", "outreach-participants", 123_613, PD, A, None, None, "unstated"),
    (PY, "54-tuy-hoa", "loudspeaker-runs", 2_670, PD, E, None, None, "unstated"),
    (PY, "54-tuy-hoa", "cccd-collected-share", 100, PD, E, 139_026, None, "target"),
    (PY, "54-tuy-hoa", "cccd-collected-share", 97.28, PD, E, 139_026, 142_912, "eligible"),
    (PY, "54-tuy-hoa", "civil-status-digitised-share", 100, PD, E, None, None, "unstated"),
    (PY, "54", "online-submission-share", 32.2, PD, E, None, None, "total"),
    (PY, "54", "digitised-share", 22.61, PD, E, None, None, "total"),
    (PY, "54", "welfare-account-share", 50, PD, L, None, None, "unstated"),
    (QM, "49", "essential-services-police-led", 11, MD, E, None, None, "unstated"),
    (QM, "49", "police-services-full-process", 7, MD, E, None, None, "unstated"),
    (QM, "49", "police-services-partial", 1, MD, E, None, None, "unstated"),
    (QM, "49", "police-units-taking-part-share", 100, MD, E, None, None, "total"),
]

# Readings whose value, date or denominator the library reasoned rather than read.
INFERRED_VALUE = {("56", "rank-cccd-eid", 62), ("56", "essential-services-provided-share", 80),
                  ("56", "police-essential-services-share", 100),
                  ("51", "tasks-done-share", 82.76), ("51-tra-bong", "tasks-done-share", 84.62),
                  ("54", "bhyt-facilities-reader-share", 100),
                  ("54", "tax-records-cleaned-share", 99.66),
                  ("54-tuy-hoa", "cccd-collected-share", 97.28)}
INFERRED_DENOMINATOR = {("56", "eid-collected-share"), ("56", "eid-activated-share")}
PRINTED_DATES = {(KH, D(2023, 7, 1)), (KH, D(2023, 7, 2)), (KH, D(2023, 6, 30))}

# Columns: source, jurisdiction, indicator, value, deadline and whether inferred.
TARGETS: list[tuple[Any, ...]] = [
    (KH, "56", "eid-collected", 756_805, D(2023, 7, 30), False),
    (KH, "56", "eid-activated", 756_805, D(2023, 7, 30), False),
    (QN, "51", "welfare-account-share", 30, None, True),
    (QN, "51", "pension-noncash-urban-share", 62, None, True),
    (QN, "51-tra-bong", "welfare-noncash-share", 30, None, True),
    (QN, "51-tra-bong", "pension-noncash-share", 60, None, True),
    (QN, "51-tra-bong", "bhyt-visits-id-share", 80, None, True),
    (QN, "51", "pilot-models-per-department", 1, D(2025, 12, 31), False),
    (QM, "49-dien-ban", "residence-notification-online-share", 100, D(2022, 12, 31), False),
    (QM, "49-dien-ban", "one-stop-officers-added", 1, D(2022, 12, 31), False),
    (QM, "49-dien-ban", "cccd-collected-share", 100, D(2022, 12, 31), False),
    ("ct-05-2023", "VN", "eid-accounts", 40_000_000, D(2023, 6, 30), False),
    ("ct-07-2025", "VN", "enterprises-online-share", 100, D(2025, 7, 1), False),
    ("qd-126-2025", "VN", "online-dossiers-share", 80, D(2025, 12, 31), False),
    ("qd-126-2025", "VN", "adults-online-share", 40, D(2025, 12, 31), False),
]

# "exceeds the target by X": (jurisdiction, indicator, margin, qualifier)
EXCEEDS = [("51", "welfare-account-share", 35, M), ("51", "pension-noncash-urban-share", 5, E),
           ("51-tra-bong", "welfare-noncash-share", 17, E),
           ("51-tra-bong", "pension-noncash-share", 13, E),
           ("51-tra-bong", "bhyt-visits-id-share", 16, E)]

EVENTS = {"Nghị quyết 30": D(2023, 5, 23), "Kế hoạch 67/KH-UBND": D(2022, 3, 23),
          "Nghị định 45/2020/NĐ-CP": D(2020, 4, 8), "Nghị định 107/2021/NĐ-CP": D(2021, 12, 6),
          "Kế hoạch 83/KH-UBND": D(2022, 4, 8), "Kế hoạch 21/KH-UBND": D(2021, 2, 1),
          "Nghị quyết 50/NQ-CP": MD}


def _row(r: da.Reading) -> tuple[Any, ...]:
    assert r.source is not None
    return (r.source.code, r.jurisdiction.code, r.indicator.code, r.value, r.as_of,
            r.qualifier.value, r.numerator, r.denominator, r.basis.value)


def test_every_reading_matches_the_table() -> None:
    assert [_row(r) for r in datasets.readings()] == READINGS


def test_inferred_fields_are_marked() -> None:
    for r in datasets.readings():
        key = (r.jurisdiction.code, r.indicator.code, r.value)
        assert ("value" in r.inferred) == (key in INFERRED_VALUE), key
        assert ("denominator" in r.inferred) == (key[:2] in INFERRED_DENOMINATOR), key
        assert r.source is not None
        printed = (r.source.code, r.as_of) in PRINTED_DATES or r.indicator.code in {
            "popdb-lookups", "dossiers-digitised", "rank-cccd-eid"}
        if not printed:
            assert "as_of" in r.inferred, key


def test_every_target_matches_the_table() -> None:
    rows = [(t.source.code if t.source else None, t.jurisdiction.code, t.indicator.code,
             t.value, t.deadline, t.inferred) for t in datasets.targets()]
    assert rows == TARGETS


def test_inferred_targets_follow_the_points_reading() -> None:
    for jurisdiction, indicator, margin, _ in EXCEEDS:
        (reading,) = datasets.readings(jurisdiction=jurisdiction, indicator=indicator)
        (target,) = datasets.targets(jurisdiction=jurisdiction, indicator=indicator)
        assert target.inferred
        assert target.value == reading.value - margin
        assert "percentage points" in target.note


def test_exceeds_claims_match_the_table() -> None:
    rows = [(c.jurisdiction.code, c.indicator.code if c.indicator else None, c.margin,
             c.qualifier.value) for c in datasets.claims()
            if c.kind is da.ClaimKind.EXCEEDS_TARGET]
    assert rows == EXCEEDS


def test_events_and_documents() -> None:
    events = {c.reference: c.as_of for c in datasets.claims() if c.reference}
    assert events == EVENTS


def test_parts_claims_name_bundled_indicators() -> None:
    parts = [c for c in datasets.claims() if c.kind is da.ClaimKind.PARTS]
    assert {c.code for c in parts} == {"ht-pilot-models-parts", "qnam-police-services-parts"}
    for claim in parts:
        for code in claim.parts:
            assert datasets.indicator(code).unit is da.Unit.COUNT


def test_sources() -> None:
    by_code = {s.code: s for s in datasets.sources()}
    assert by_code[KH].published == D(2023, 7, 2)
    assert not by_code[KH].date_inferred
    assert by_code[QN].published is None
    assert by_code[HT].date_inferred
    assert by_code[PY].date_inferred
    assert by_code[QM].date_inferred
    for code, seed in [(KH, "000_"), (QN, "001_"), (HT, "002_"), (PY, "003_"), (QM, "004_")]:
        assert seed in by_code[code].note


def test_programme_catalogue() -> None:
    p = datasets.programme()
    assert (p.decision, p.approved, p.start_year, p.end_year, p.vision_year) == (
        "06/QĐ-TTg", D(2022, 1, 6), 2022, 2025, 2030)
    assert [g.number for g in p.groups] == [1, 2, 3, 4, 5]
    assert [s.number for s in p.services] == list(range(1, 26))
    leads = [s.lead for s in p.services]
    assert leads.count("BCA") == 13
    inferred = {s.number for s in p.services if s.confidence is da.Confidence.INFERRED}
    assert inferred == {20, 21, 22, 23, 24, 25}
    assert p.service("ess-06").name_vi == "Thông báo lưu trú"
    for bundle in p.linked_services:
        assert (bundle.days_before, bundle.days_after) == (21, 4)
        assert (bundle.declarations_before, bundle.declarations_after) == (3, 1)
        assert bundle.after_unit is da.Unit.WORKING_DAYS
        assert len(bundle.procedures) == 3
    assert {t.code for t in p.tasks} >= {"qn-pilot-model-per-department",
                                         "qnam-digitise-province", "qnam-digitise-district"}


def test_results_are_cached_and_immutable() -> None:
    assert datasets.readings() is datasets.readings()
    assert datasets.programme() is datasets.programme()
    assert isinstance(datasets.readings(), tuple)
    with pytest.raises(AttributeError):
        datasets.readings()[0].value = 1  # type: ignore[misc]


def test_filters() -> None:
    kh = datasets.jurisdiction("56")
    assert datasets.readings(jurisdiction=kh) == datasets.readings(jurisdiction="56")
    assert all(r.source and r.source.code == HT for r in datasets.readings(source=HT))
    ind = datasets.indicator("welfare-noncash-share")
    assert len(datasets.readings(indicator=ind)) == 4
    source = datasets.sources()[0]
    assert datasets.targets(source=source) == datasets.targets(source=source.code)
    assert len(datasets.readings(jurisdiction="51", subunits=True)) == 31
    assert datasets.claims(indicator="pilot-models")[0].code == "ht-pilot-models-parts"
    assert datasets.tasks() == datasets.programme().tasks
    assert datasets.readings(jurisdiction="01") == ()


@pytest.mark.parametrize("call", [
    lambda: datasets.readings(jurisdiction="99"),
    lambda: datasets.readings(indicator="nope"),
    lambda: datasets.targets(source="nope"),
    lambda: datasets.indicator("nope"),
    lambda: datasets.jurisdiction("nope"),
    lambda: datasets.tasks(jurisdiction="nope"),
])
def test_unknown_codes_raise(call: Any) -> None:
    with pytest.raises(da.UnknownCodeError):
        call()


@pytest.mark.parametrize("call", [
    lambda: datasets.readings(jurisdiction=56),  # type: ignore[arg-type]
    lambda: datasets.readings(indicator=3.5),  # type: ignore[arg-type]
])
def test_wrong_types_raise(call: Any) -> None:
    with pytest.raises(da.ValidationError):
        call()


def test_ranks_stay_out_of_63() -> None:
    ranks = [str(datasets.rank_of(r)) for r in datasets.readings()
             if r.unit is da.Unit.RANK]
    assert ranks == ["62/63", "37/63", "25/63", "16/63"]
    with pytest.raises(da.ValidationError):
        datasets.rank_of(datasets.readings(indicator="pilot-models")[0])
    district = da.Reading(datasets.indicator("rank-cccd-eid"), 3, as_of=D(2023, 1, 1),
                          jurisdiction=datasets.jurisdiction("51-tra-bong"))
    with pytest.raises(da.ValidationError):
        datasets.rank_of(district)


# --------------------------------------------------------------------------
# Figures a user should be able to recompute
# --------------------------------------------------------------------------


def _one(jurisdiction: str, indicator: str) -> da.Reading:
    (reading,) = datasets.readings(jurisdiction=jurisdiction, indicator=indicator)
    return reading


def _percent(reading: da.Reading) -> float:
    value = reading.computed_percent
    assert value is not None
    return value


def test_khanh_hoa_shares() -> None:
    assert round(_percent(_one("56", "eid-collected-share")), 2) == 72.18
    assert round(_percent(_one("56", "eid-activated-share")), 2) == 34.39


def test_khanh_hoa_required_pace() -> None:
    collected = _one("56", "eid-collected")
    activated = _one("56", "eid-activated")
    (target,) = datasets.targets(jurisdiction="56", indicator="eid-collected")
    assert target.deadline is not None
    days = (target.deadline - collected.as_of).days
    gap = target.value - collected.value
    assert (gap, days) == (210_571, 29)
    assert round(gap / days) == 7_261
    weekdays = sum(1 for i in range(1, days + 1)
                   if (collected.as_of + dt.timedelta(i)).weekday() < 5)
    assert weekdays == 20
    assert round(gap / weekdays) == 10_529
    activation_gap = target.value - activated.value
    assert activation_gap == 496_571
    assert round(activation_gap / days) == 17_123


def test_phu_yen_shares() -> None:
    assert round(_percent(_one("54", "bhyt-cccd-success-share")), 2) == 90.29
    insurance = _percent(_one("54", "insurance-verified-share"))
    assert round(insurance, 3) == 98.949
    assert math.floor(insurance * 100) / 100 == 98.94
    assert round(_percent(_one("54", "tax-records-cleaned-share")), 2) == 99.66
    success = _one("54", "bhyt-cccd-success-share")
    assert success.denominator is not None
    assert success.numerator is not None
    assert success.denominator - success.numerator == 95_679


def test_linked_services() -> None:
    for bundle in datasets.programme().linked_services:
        assert bundle.days_saved == 17
        assert round(100 * bundle.time_cut, 2) == 80.95
    before = _one("51", "linked-days-before").value
    after = _one("51", "linked-days-after").value
    assert (before - after, round(100 * (before - after) / before, 2)) == (17, 80.95)


def test_task_completion() -> None:
    assert round(_percent(_one("51", "tasks-done-share")), 2) == 82.76
    assert round(_percent(_one("51-tra-bong", "tasks-done-share")), 2) == 84.62


def test_quang_ngai_against_the_national_average() -> None:
    gaps = {}
    for code in ("e-results-share", "digitised-share", "reuse-share"):
        mine, nation = _one("51", code), _one("VN", code)
        gaps[code] = (round(mine.value - nation.value, 2), mine.qualifier, nation.qualifier)
    assert gaps["e-results-share"] == (9.7, da.Qualifier.NEARLY, da.Qualifier.EXACT)
    assert gaps["digitised-share"] == (16.74, da.Qualifier.MORE_THAN, da.Qualifier.EXACT)
    # "25" against "nearly 19": more than 6 points.
    assert gaps["reuse-share"] == (6, da.Qualifier.EXACT, da.Qualifier.NEARLY)


def test_tuy_hoa_both_figures() -> None:
    rows = datasets.readings(jurisdiction="54-tuy-hoa", indicator="cccd-collected-share")
    by_basis = {r.basis: r for r in rows}
    assert by_basis[da.Basis.TARGET].value == 100
    assert round(_percent(by_basis[da.Basis.ELIGIBLE]), 2) == 97.28


@given(st.dates(D(2000, 1, 1), D(2040, 12, 31)))
def test_provinces_on_any_date(day: dt.date) -> None:
    assert len(datasets.provinces(as_of=day)) == (63 if day < datasets.REORGANISED else 34)


# A damaged installation: the bundled files are read with the same errors as a
# user's file, naming the file inside the package.

def _damaged(monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    real = _load.read_text
    monkeypatch.setattr(_load, "read_text", lambda n: text if n == name else real(n))


def test_damaged_programme_file_names_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    _damaged(monkeypatch, "programme.json", '{\n  "groups": [,]\n}')
    with pytest.raises(da.ParseError) as caught:
        _load.catalogue.__wrapped__()
    assert (caught.value.file, caught.value.line) == ("de_an06/data/programme.json", 2)


def test_damaged_province_table_names_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    document = json.loads(_load.read_text("provinces.json"))
    document["after"][3]["level"] = "kingdom"
    _damaged(monkeypatch, "provinces.json", json.dumps(document))
    with pytest.raises(da.ParseError) as caught:
        _load.province_tables.__wrapped__()
    assert caught.value.file == "de_an06/data/provinces.json"
    assert caught.value.column is not None
    assert caught.value.column.startswith("$.after[3]")


def test_one_code_must_not_name_two_objects() -> None:
    first = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    second = attrs.evolve(first, name="Khanh Hoa Province")
    assert _load.merge([(first,), (first,)]) == (first,)
    with pytest.raises(da.ValidationError,
                       match=r"datasets\.jurisdiction must not hold two different objects"):
        _load.merge([(first,), (second,)])
