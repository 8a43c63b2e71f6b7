"""The audit's checks between sources, on the national series and on small cases."""

from __future__ import annotations

import datetime as dt

import de_an06 as da
from de_an06 import datasets
from de_an06.checks import FindingKind

VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
TOTAL = da.Indicator("accounts", "Accounts", "Tài khoản", unit="count")
A = da.Source("paper-a", "Article", "Paper A", tier="central_press")
B = da.Source("portal-b", "Report", "Portal B", tier="official")


def reading(value: float, day: dt.date, source: da.Source, **kw: object) -> da.Reading:
    return da.Reading(TOTAL, value, as_of=day, jurisdiction=VN, source=source,
                      **kw)  # type: ignore[arg-type]


def test_the_national_contradictions_are_reported_citing_both_sources() -> None:
    findings = da.audit(datasets.national_readings())
    kinds = [(f.kind, f.reading.indicator.code) for f in findings]
    assert kinds == [
        (FindingKind.CORRECTED, "eid-org"),
        (FindingKind.DECREASE, "npd-citizens"),
        (FindingKind.DECREASE, "npd-lookups"),
        (FindingKind.CONFLICT, "health-facilities-cccd"),
        (FindingKind.DEFINITION, "online-dossier-share-any"),
    ]
    for finding in findings:
        assert len({r.source for r in finding.readings}) == 2
        for r in finding.readings:
            assert r.source is not None
            assert r.source.code in finding.message
    conflict = findings[3]
    assert (conflict.reported, conflict.computed) == (11_726, 11_945)
    assert "292,000,000" in findings[0].message


def test_a_month_figure_is_not_compared_with_a_day_of_that_month() -> None:
    day = reading(292_000, dt.date(2025, 4, 22), A)
    month = reading(300_000, dt.date(2025, 4, 30), B, precision="month")
    same_day = reading(300_000, dt.date(2025, 4, 22), B)
    assert da.audit([day, month]) == []
    (conflict,) = da.audit([day, same_day])
    assert conflict.kind is FindingKind.CONFLICT
    # One figure twice is no conflict.
    assert da.audit([day, reading(292_000, dt.date(2025, 4, 22), B)]) == []


def test_two_figures_for_one_date_are_a_conflict_whoever_gives_them() -> None:
    # The report and the dashboard keep the last of them: the audit must say so.
    day = dt.date(2025, 4, 22)
    (same,) = da.audit([reading(292_000, day, A), reading(300_000, day, A)])
    assert same.kind is FindingKind.CONFLICT
    assert "accounts: one source, two figures for one date" in same.message
    bare = [da.Reading(TOTAL, v, as_of=day, jurisdiction=VN) for v in (292_000, 300_000)]
    (unsourced,) = da.audit(bare)
    assert "no source, two figures for one date" in unsourced.message
    assert (unsourced.reported, unsourced.computed) == (292_000, 300_000)


def test_two_bases_of_one_date_are_no_conflict() -> None:
    share = da.Indicator("share", "Share", "Tỷ lệ", unit="percent")
    day = dt.date(2024, 1, 31)
    pair = [da.Reading(share, v, as_of=day, jurisdiction=VN, source=A, basis=b)
            for v, b in ((100, "target"), (97.28, "eligible"))]
    assert [f for f in da.audit(pair) if f.kind is FindingKind.CONFLICT] == []


def test_decreases_only_for_running_totals_and_ordered_periods() -> None:
    early = reading(100, dt.date(2024, 1, 31), A)
    later = reading(90, dt.date(2024, 3, 1), B)
    (down,) = da.audit([later, early])
    assert down.kind is FindingKind.DECREASE
    assert down.readings == (early, later)
    share = da.Indicator("share", "Share", "Tỷ lệ", unit="percent")
    shares = [da.Reading(share, v, as_of=d, jurisdiction=VN) for v, d in ((90, early.as_of), (80,
                                                                                              later.as_of))]
    assert da.audit(shares) == []
    inside = reading(90, dt.date(2024, 1, 31), B, precision="month")
    assert da.audit([reading(100, dt.date(2024, 1, 10), A), inside]) == []


def test_a_corrected_value_needs_another_source_of_its_period() -> None:
    fixed = reading(292_000, dt.date(2025, 4, 22), A, inferred={"value"}, note="unit slip")
    assert da.audit([fixed]) == []
    (finding,) = da.audit([fixed, reading(292_000, dt.date(2025, 4, 30), B,
                                          precision="month")])
    assert finding.kind is FindingKind.CORRECTED
    assert "unit slip" in finding.message


def test_definition_changes_need_one_stem_one_unit_and_a_later_start() -> None:
    old = da.Indicator("online-share-any", "Any", "Bất kỳ", unit="percent")
    new = da.Indicator("online-share-full", "Full", "Toàn trình", unit="percent")
    count = da.Indicator("online-share-count", "Count", "Số", unit="count")
    first = da.Reading(old, 52.8, as_of=dt.date(2022, 12, 31), jurisdiction=VN, source=A)
    second = da.Reading(new, 42, as_of=dt.date(2024, 6, 30), jurisdiction=VN, source=B,
                        precision="month")
    (change,) = da.audit([first, second])
    assert change.kind is FindingKind.DEFINITION
    higher = da.Reading(new, 60, as_of=dt.date(2024, 6, 30), jurisdiction=VN, source=B)
    assert da.audit([first, higher]) == []
    overlapping = da.Reading(new, 42, as_of=dt.date(2022, 12, 31), jurisdiction=VN, source=B)
    assert da.audit([first, overlapping]) == []
    assert da.audit([first, da.Reading(count, 1, as_of=dt.date(2024, 6, 30),
                                       jurisdiction=VN)]) == []
    elsewhere = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    assert da.audit([first, da.Reading(new, 42, as_of=dt.date(2024, 6, 30),
                                       jurisdiction=elsewhere)]) == []
    no_source = da.Reading(TOTAL, 5, as_of=dt.date(2024, 1, 1), jurisdiction=VN)
    (both,) = da.audit([no_source, da.Reading(TOTAL, 6, as_of=dt.date(2024, 1, 1), jurisdiction=VN,
                                              source=A)])
    assert "no source" in both.message
