"""One series per indicator, place and basis: ``Series.split`` and where it is used."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from de_an06 import Basis, Indicator, Jurisdiction, Reading, Series, ValidationError, datasets
from de_an06.cli import _site

PLACE = Jurisdiction("th", "Tuy Hoa", "Tuy Hòa", level="district")
SHARE = Indicator("id-share", "ID cards collected", "Thu nhận CCCD", unit="percent")
DAY = dt.date(2024, 1, 31)


def _reading(value: float, day: dt.date, basis: str) -> Reading:
    return Reading(SHARE, value, as_of=day, jurisdiction=PLACE, basis=basis)


def test_two_bases_on_one_date_are_two_series_never_a_duplicate() -> None:
    pair = [_reading(100, DAY, "target"), _reading(97.28, DAY, "eligible")]
    for duplicates in ("raise", "last"):
        with pytest.raises(ValidationError, match=r"must not mix bases on one date: readings\[0\] "
                           r"\(target\) and readings\[1\] \(eligible\) are two series; use "
                           r"Series.split"):
            Series.from_readings(pair, duplicates=duplicates)
    target, eligible = Series.split(pair)
    assert (target.readings, eligible.readings) == ((pair[0],), (pair[1],))


def test_split_keeps_the_duplicate_policy_within_a_series() -> None:
    first, corrected = _reading(90, DAY, "target"), _reading(91, DAY, "target")
    with pytest.raises(ValidationError, match="must not hold two readings on one date"):
        Series.split([first, corrected])
    (kept,) = Series.split([first, corrected], duplicates="last")
    assert kept.readings == (corrected,)


@pytest.mark.parametrize("bad", [[], [1], None])
def test_split_refuses_what_is_not_readings(bad: object) -> None:
    with pytest.raises(ValidationError):
        Series.split(bad)  # type: ignore[arg-type]


@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(list(Basis)),
                          st.floats(0, 100)), min_size=1, max_size=30,
                unique_by=lambda t: (t[0], t[1])))
def test_split_loses_no_reading_and_mixes_no_basis(rows: list[tuple[int, Basis, float]]) -> None:
    readings = [_reading(value, DAY + dt.timedelta(days=day), basis.value)
                for day, basis, value in rows]
    parts = Series.split(readings)
    assert sorted(len(s) for s in parts) == sorted(
        sum(1 for _, b, _ in rows if b is basis) for basis in {b for _, b, _ in rows})
    for part in parts:
        assert len({r.basis for r in part.readings}) == 1
    assert sorted((r.as_of, r.basis.value) for s in parts for r in s.readings) == sorted(
        (r.as_of, r.basis.value) for r in readings)


def test_the_dashboard_shows_both_bases_of_the_bundled_pair() -> None:
    site = _site.build_site(datasets.readings(), datasets.targets())
    shares = [e.series for e in site.entries
              if (e.series.jurisdiction.code, e.series.indicator.code)
              == ("54-tuy-hoa", "cccd-collected-share")]
    assert sorted((s.readings[-1].basis.value, float(s.latest.value)) for s in shares) == [
        ("eligible", 97.28), ("target", 100.0)]
