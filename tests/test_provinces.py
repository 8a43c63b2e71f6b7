"""The 63 provinces until 2025-06-30, the 34 from 2025-07-01, and the mapping between them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import datasets

BEFORE = datasets.provinces(as_of=dt.date(2025, 6, 30))
AFTER = datasets.provinces(as_of=datasets.REORGANISED)

# The 34 and what each was made of (Resolution 202/2025/QH15), written out by hand.
MERGERS = {
    "01": {"01"}, "04": {"04"}, "08": {"02", "08"}, "11": {"11"}, "12": {"12"}, "14": {"14"},
    "15": {"10", "15"}, "19": {"06", "19"}, "20": {"20"}, "22": {"22"}, "24": {"24", "27"},
    "25": {"17", "25", "26"}, "31": {"30", "31"}, "33": {"33", "34"}, "37": {"35", "36", "37"},
    "38": {"38"}, "40": {"40"}, "42": {"42"}, "44": {"44", "45"}, "46": {"46"},
    "48": {"48", "49"}, "51": {"51", "62"}, "52": {"52", "64"}, "56": {"56", "58"},
    "66": {"54", "66"}, "68": {"60", "67", "68"}, "75": {"70", "75"}, "79": {"74", "77", "79"},
    "80": {"72", "80"}, "82": {"82", "87"}, "86": {"83", "84", "86"}, "91": {"89", "91"},
    "92": {"92", "93", "94"}, "96": {"95", "96"},
}


def test_counts() -> None:
    assert len(BEFORE) == 63
    assert len(AFTER) == 34
    assert len({p.code for p in BEFORE}) == 63
    assert len({p.code for p in AFTER}) == 34


def test_every_old_province_maps_to_exactly_one_new_one() -> None:
    targets: Counter[str] = Counter()
    for old in BEFORE:
        new = datasets.successor(old.code)
        assert new in AFTER
        targets[new.code] += 1
    assert sum(targets.values()) == 63


def test_every_new_province_has_a_predecessor() -> None:
    for new in AFTER:
        olds = datasets.predecessors(new.code)
        assert olds
        assert all(datasets.successor(o.code) == new for o in olds)


def test_mergers_as_written_in_the_resolution() -> None:
    assert {new: {o.code for o in datasets.predecessors(new)} for new in MERGERS} == MERGERS
    assert {p.code for p in AFTER} == set(MERGERS)
    unchanged = [code for code, olds in MERGERS.items() if olds == {code}]
    assert len(unchanged) == 11


@pytest.mark.parametrize(("old", "new", "name_vi"), [
    ("54", "66", "Đắk Lắk"), ("49", "48", "Đà Nẵng"), ("62", "51", "Quảng Ngãi"),
    ("51", "51", "Quảng Ngãi"), ("58", "56", "Khánh Hòa"), ("56", "56", "Khánh Hòa"),
    ("42", "42", "Hà Tĩnh"), ("35", "37", "Ninh Bình"),
])
def test_named_examples(old: str, new: str, name_vi: str) -> None:
    successor = datasets.successor(old)
    assert (successor.code, successor.name_vi) == (new, name_vi)


def test_names_and_levels() -> None:
    for p in (*BEFORE, *AFTER):
        assert p.level is da.Level.PROVINCE
        assert p.parent == "VN"
        assert len(p.code) == 2
        assert p.code.isdigit()
    old = {p.code: p.name_vi for p in BEFORE}
    assert (old["35"], old["42"], old["49"], old["51"], old["54"], old["56"]) == (
        "Hà Nam", "Hà Tĩnh", "Quảng Nam", "Quảng Ngãi", "Phú Yên", "Khánh Hòa")


def test_province_lookup_by_name_or_code() -> None:
    day = dt.date(2023, 7, 1)
    assert datasets.province("Khánh Hòa", as_of=day).code == "56"
    assert datasets.province("KHANH  HOA", as_of=day).code == "56"
    assert datasets.province("dak lak", as_of=day).code == "66"
    assert datasets.province("Ba Ria Vung Tau", as_of=day).code == "77"
    assert datasets.province("Hue", as_of=datasets.REORGANISED).code == "46"
    with pytest.raises(da.UnknownCodeError, match="34 provinces"):
        datasets.province("Phú Yên", as_of=datasets.REORGANISED)


def test_unknown_codes() -> None:
    with pytest.raises(da.UnknownCodeError):
        datasets.successor("99")
    with pytest.raises(da.UnknownCodeError):
        datasets.predecessors("54")
    with pytest.raises(da.ValidationError):
        datasets.provinces(as_of="2025-07-01")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError):
        datasets.provinces(as_of=dt.datetime(2025, 7, 1))  # noqa: DTZ001


def test_on_is_the_deprecated_name_of_as_of() -> None:
    day = dt.date(2023, 7, 1)
    with pytest.warns(DeprecationWarning, match=r"provinces\(on=...\) is deprecated"):
        assert datasets.provinces(on=day) == datasets.provinces(as_of=day)
    with pytest.warns(DeprecationWarning, match=r"province\(on=...\) is deprecated") as caught:
        assert datasets.province("56", on=day) == datasets.province("56", as_of=day)
    assert caught[0].filename == __file__  # the warning points at the caller
    with pytest.raises(TypeError, match="not both"):
        datasets.provinces(as_of=day, on=day)
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'as_of'"):
        datasets.province("56")


@given(st.sampled_from(BEFORE))
def test_successor_then_predecessors_round_trips(old: da.Jurisdiction) -> None:
    assert old in datasets.predecessors(datasets.successor(old.code).code)


def test_jurisdiction_falls_back_to_the_province_tables() -> None:
    assert datasets.jurisdiction("01").name_vi == "Hà Nội"
