"""The bundled national series, pinned, and traced figure by figure to the compiled file."""

from __future__ import annotations

import calendar
import datetime as dt
import io as stdio
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import de_an06 as da
from de_an06 import datasets, io
from de_an06.datasets import _load

# The compiled file sits in ``shared/`` beside the checkout (or a level above a worktree).
_COMPILED = Path("shared", "data", "national", "national_series.json")
SHARED = next((p / _COMPILED for p in Path(__file__).resolve().parents
               if (p / _COMPILED).exists()), _COMPILED)

# Readings per national indicator, written out by hand.
COUNTS = {
    "eid-received": 6, "eid-approved": 3, "eid-activated": 8, "eid-l2-received": 1,
    "eid-l2-approved": 1, "eid-l1-received": 1, "eid-l1-approved": 1, "eid-org": 3,
    "eid-foreign": 1, "cccd-received": 5, "cccd-issued": 7, "cancuoc-new-issued": 2,
    "pin-issued": 2, "npd-citizens": 7, "npd-sync": 2, "npd-lookups": 5,
    "health-cccd-people": 2, "health-cccd-uses": 2, "health-facilities-cccd": 5,
    "essential-svc-npsp": 5, "npsp-online-services": 2, "online-dossier-share-any": 1,
    "online-dossier-share-full": 3, "vneid-usage": 2, "vneid-utilities": 2,
    "vneid-hi-integrated": 2, "vneid-dl-integrated": 2, "bank-biometric-cif": 4,
}
QUALIFIERS = {"exact": "exact", "more_than": "more_than", "nearly": "nearly",
              "about": "about", "at_least": "more_than", "range": "exact"}


def test_counts_per_indicator() -> None:
    counts = Counter(r.indicator.code for r in datasets.national_readings())
    assert counts == COUNTS
    assert sum(counts.values()) == 87


def test_the_activated_accounts_series_is_pinned() -> None:
    series = datasets.national_series("eid-activated")
    assert [r.precision.label(r.as_of) for r in series] == [
        "2022-11-07", "2023-04", "2023-06-19", "2024-12", "2025-03-18", "2025-04-22",
        "2025-09-24", "2025-12-20"]
    assert series.values.tolist() == [1.4e6, 8.4e6, 16.5e6, 55.25e6, 61e6, 62e6, 65e6, 67e6]
    assert {r.source.tier for r in series if r.source is not None} == {
        da.Tier.CENTRAL_PRESS, da.Tier.PROVINCIAL_GOV}


def test_every_reading_has_a_source_with_an_address_and_a_tier() -> None:
    for reading in datasets.national_readings():
        assert reading.source is not None
        assert reading.source.url is not None
        assert reading.source.url.startswith(("http://", "https://"))
        assert reading.source.tier is not None
        assert reading.jurisdiction.code == "VN"


def test_the_range_and_the_corrected_unit_are_kept() -> None:
    (daily,) = [r for r in datasets.national_readings(indicator="vneid-usage")
                if r.value_high is not None]
    assert (daily.value, daily.value_high, daily.precision) == (3e6, 6e6, da.Precision.MONTH)
    assert daily.period_start == daily.as_of  # uses in a day
    corrected = datasets.national_readings(indicator="eid-org")[0]
    assert corrected.value == 292_000
    assert "value" in corrected.inferred
    assert "292,000,000" in corrected.note


def test_targets_cite_their_instruments() -> None:
    targets = datasets.national_targets()
    assert len(targets) == 15
    assert all(t.source is not None for t in targets)
    (t,) = datasets.national_targets(indicator="eid-accounts")
    assert (t.value, t.deadline) == (40_000_000, dt.date(2023, 6, 30))
    # The national.json target of the same directive is the same object.
    assert t in datasets.targets(indicator="eid-accounts")
    codes = {s.code for s in datasets.national_sources()}
    assert {f"target-t{n:02d}" for n in (3, 12, 14, 18, 19)} <= codes
    by_essential = datasets.national_targets(indicator=next(
        i for i in datasets.national_indicators() if i.code == "essential-svc-npsp"))
    assert [x.value for x in by_essential] == [25, 53]


def test_unknown_codes_and_target_only_indicators_are_refused() -> None:
    with pytest.raises(da.UnknownCodeError):
        datasets.national_readings(indicator="eid-activatd")
    with pytest.raises(da.UnknownCodeError):
        datasets.national_targets(indicator="nope")
    with pytest.raises(da.InsufficientDataError):
        datasets.national_series("vneid-users")
    # Two figures for November 2022 from two sources: refused, or the later kept.
    with pytest.raises(da.ValidationError, match="two readings on one date"):
        datasets.national_series("health-facilities-cccd")
    assert len(datasets.national_series("health-facilities-cccd", duplicates="last")) == 4


def test_the_bundled_file_reads_back_to_itself() -> None:
    text = _load.read_text("national_series.json")
    dataset = io.loads(text)
    assert io.dumps(dataset) == text


def _period_end(raw: str) -> dt.date:
    year, month = int(raw[:4]), int(raw[5:7])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@pytest.mark.skipif(not SHARED.exists(), reason="the compiled national file is not here")
def test_every_reading_against_the_compiled_file() -> None:
    data: dict[str, Any] = json.loads(SHARED.read_text(encoding="utf-8"))
    bundled = list(datasets.national_readings())
    points = [p for s in data["series"] for p in s["points"]]
    assert len(points) == len(bundled)
    for point, reading in zip(points, bundled, strict=True):
        assert reading.indicator.code == point["series"].lower().replace("_", "-")
        assert reading.value == point["value"]
        assert reading.value_high == point.get("value_high")
        assert reading.qualifier.value == QUALIFIERS[point["qualifier"]]
        if point["as_of_precision"] == "month":
            assert reading.precision is da.Precision.MONTH
            assert reading.as_of == _period_end(point["as_of"])
        else:
            assert reading.precision is da.Precision.DAY
            assert reading.as_of.isoformat() == point["as_of"]
        assert ("as_of" in reading.inferred) >= (point["as_of_precision"] == "approx")
        source = reading.source
        assert source is not None
        assert (source.url, source.publisher) == (point["url"], point["publisher"])
        assert source.tier is not None
        assert source.tier.value == point["source_tier"]
        published = point["published"]
        if source.published is not None:
            assert source.published.isoformat() == published
        else:
            assert published in source.note
    series = {s["code"].lower().replace("_", "-"): s for s in data["series"]}
    for indicator in datasets.national_indicators():
        if indicator.code in series:
            assert indicator.name_vi == series[indicator.code]["name_vi"]
    values = {t["id"]: t["target_value"] for t in data["targets"]}
    titles = {s.title for s in datasets.national_sources()}
    for item in data["targets"]:
        assert item["instrument"] in titles or item["id"] in ("T01", "T02")
    assert sorted(t.value for t in datasets.national_targets()) == sorted(
        v if isinstance(v, int) else v[0] for v in values.values() if v is not None)


VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
USES = da.Indicator("vneid-uses", "VNeID uses", "Lượt sử dụng VNeID", unit="uses")


def test_precision_and_ranges_are_checked() -> None:
    year = da.Reading(USES, 5, as_of=dt.date(2023, 12, 31), jurisdiction=VN, precision="year")
    assert str(year).endswith("5 uses in 2023")
    with pytest.raises(da.ValidationError, match=r"as_of must be the last day of its year"):
        da.Reading(USES, 5, as_of=dt.date(2023, 12, 30), jurisdiction=VN, precision="year")
    with pytest.raises(da.ValidationError, match="value_high must not be below value=6"):
        da.Reading(USES, 6, as_of=dt.date(2023, 1, 1), jurisdiction=VN, value_high=3)
    with pytest.raises(da.ValidationError, match="value_high"):
        da.Reading(USES, 6, as_of=dt.date(2023, 1, 1), jurisdiction=VN, value_high=-7)
    with pytest.raises(da.ValidationError, match="precision"):
        da.Reading(USES, 6, as_of=dt.date(2023, 1, 1), jurisdiction=VN, precision="week")


def test_precision_ranges_and_tiers_round_trip_through_csv_and_json() -> None:
    readings = datasets.national_readings()
    out = stdio.StringIO()
    io.write_csv(io.Dataset(readings=readings), out)
    assert "precision" in io.READING_COLUMNS
    assert "source_tier" in io.READING_COLUMNS
    back = io.read_csv(stdio.StringIO(out.getvalue()))
    assert back.readings == readings
    assert io.loads(io.dumps(io.Dataset(readings=readings))).readings == readings


def test_reprs_show_the_precision_the_range_and_the_tier() -> None:
    (daily,) = [r for r in datasets.national_readings(indicator="vneid-usage")
                if r.value_high is not None]
    html = daily._repr_html_()
    assert "3,000,000 to 6,000,000" in html
    assert "2025-04" in html
    assert "(central_press)" in html
    series = datasets.national_series("eid-activated")
    assert "<td" in series._repr_html_()
    assert "2023-04<" in series._repr_html_()
    uses = da.Reading(USES, 3, as_of=dt.date(2025, 4, 30), jurisdiction=VN, precision="month",
                      value_high=6)
    assert "3 to 6 uses" in da.Series([uses])._repr_html_()
