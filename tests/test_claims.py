"""Claims: statements reports make about their figures, and their JSON section."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io
from de_an06 import strategies as das

TB = da.Jurisdiction("51-tra-bong", "Tra Bong", "Trà Bồng", level="district", parent="51")
SHARE = da.Indicator("welfare-noncash-share", "Non-cash welfare payment",
                     "Chi trả an sinh xã hội không dùng tiền mặt", unit="percent")
DAY = dt.date(2024, 12, 31)


def make(**kwargs: Any) -> da.Claim:
    base: dict[str, Any] = {"indicator": SHARE, "margin": 17}
    base.update(kwargs)
    kind = base.pop("kind", da.ClaimKind.EXCEEDS_TARGET)
    return da.Claim("c1", kind, jurisdiction=TB, as_of=DAY, statement="Beats its target", **base)


def test_exceeds_claim() -> None:
    claim = make(qualifier="more_than", inferred={"as_of"})
    assert claim.qualifier is da.Qualifier.MORE_THAN
    assert claim.inferred == frozenset({"as_of"})
    assert da.ClaimKind.PARTS.name_vi == "gồm các phần"


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"indicator": None}, "indicator"),
    ({"margin": None}, "margin"),
    ({"margin": -1}, "margin"),
    ({"kind": "event", "indicator": None}, "margin"),
    ({"kind": "parts"}, "margin"),
    ({"kind": "parts", "margin": None}, "parts"),
    ({"parts": ("a",)}, "parts"),
    ({"kind": "parts", "margin": None, "parts": ("not a code!",)}, "parts"),
    ({"kind": "parts", "margin": None, "parts": ("welfare-noncash-share",)}, "parts"),
    ({"inferred": {"value"}}, "inferred"),
    ({"inferred": {1}}, "inferred"),
    ({"kind": "nonsense"}, "kind"),
])
def test_bad_claims(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(da.ValidationError) as info:
        make(**kwargs)
    assert info.value.field == field


def test_json_round_trip() -> None:
    parts = make(kind="parts", margin=None, parts=("a", "b"), reference="Nghị quyết 30")
    data = io.Dataset(claims=[make(), parts])
    again = io.loads(io.dumps(data))
    assert again.claims == data.claims
    assert [j.code for j in again.jurisdictions] == ["51-tra-bong"]


def test_json_errors_name_the_claim() -> None:
    text = io.dumps(io.Dataset(claims=[make()])).replace('"margin": 17', '"margin": -3')
    with pytest.raises(da.ParseError, match=r"claims\[0\]\.margin"):
        io.loads(text, file="x.json")


@given(das.claims())
def test_generated_claims_round_trip(claim: da.Claim) -> None:
    assert io.loads(io.dumps(io.Dataset(claims=[claim]))).claims == (claim,)


@given(st.data())
def test_from_type_is_registered(data: st.DataObject) -> None:
    assert isinstance(data.draw(st.from_type(da.Claim)), da.Claim)
