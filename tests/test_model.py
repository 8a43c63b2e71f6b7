from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da

D = dt.date


def make_reading(indicator: da.Indicator, place: da.Jurisdiction, **changes: Any,
                 ) -> da.Reading:
    fields: dict[str, Any] = {"indicator": indicator, "value": 50.0, "as_of": D(2023, 7, 1),
                              "jurisdiction": place}
    fields.update(changes)
    return da.Reading(**fields)


class TestEnums:
    def test_units_have_vietnamese_names_and_symbols(self) -> None:
        assert da.Unit.PEOPLE.name_vi == "người"
        assert da.Unit.USES.name_vi == "lượt"
        assert da.Unit.PERCENT.symbol == "%"
        for unit in da.Unit:
            assert unit.name_vi
            assert isinstance(unit.symbol, str)

    @pytest.mark.parametrize(
        ("unit", "direction"),
        [
            (da.Unit.PEOPLE, da.Direction.HIGHER_IS_BETTER),
            (da.Unit.PERCENT, da.Direction.HIGHER_IS_BETTER),
            (da.Unit.DAYS, da.Direction.LOWER_IS_BETTER),
            (da.Unit.WORKING_DAYS, da.Direction.LOWER_IS_BETTER),
            (da.Unit.MINUTES, da.Direction.LOWER_IS_BETTER),
            (da.Unit.RANK, da.Direction.LOWER_IS_BETTER),
        ],
    )
    def test_default_direction(self, unit: da.Unit, direction: da.Direction) -> None:
        assert unit.default_direction is direction

    def test_str_is_value(self) -> None:
        assert str(da.Qualifier.MORE_THAN) == "more_than"
        assert da.Qualifier.MORE_THAN.symbol == ">"
        assert da.Direction.HIGHER_IS_BETTER.sign == 1

    def test_labels_sit_on_the_members(self) -> None:
        import pickle

        kinds = [da.Direction, da.Unit, da.Measure, da.Qualifier, da.Basis, da.Level,
                 da.TaskStatus, da.ServiceLevel, da.Confidence, da.ClaimKind]
        for kind in kinds:
            for member in kind:
                assert isinstance(member.value, str)
                assert kind(member.value) is member
                assert member.name_vi
                assert repr(member) == f"<{kind.__name__}.{member.name}: {member.value!r}>"
                assert pickle.loads(pickle.dumps(member)) is member  # noqa: S301
        assert [q.symbol for q in da.Qualifier] == ["", "≈", "<~", ">", "<"]
        assert da.Unit.COUNT.symbol == ""
        assert da.ClaimKind.PARTS.name_vi == "gồm các phần"
        with pytest.raises(ValueError, match="roughly"):
            da.Qualifier("roughly")

    def test_levels_and_service_levels(self) -> None:
        assert [lvl.depth for lvl in da.Level] == [0, 1, 2, 3]
        assert da.ServiceLevel.PARTIAL.former_level == 3
        assert da.ServiceLevel.FULL_PROCESS.name_vi == "toàn trình"


class TestReading:
    def test_khanh_hoa_percent_of_target(self, share: da.Indicator,
                                         khanh_hoa: da.Jurisdiction) -> None:
        r = make_reading(share, khanh_hoa, value=72.2, numerator=546_234, denominator=756_805,
                         basis=da.Basis.TARGET, inferred={"denominator"})
        assert r.computed_percent == pytest.approx(72.176, abs=1e-3)
        assert r.inferred == frozenset({"denominator"})
        assert r.unit is da.Unit.PERCENT

    def test_accepts_enum_values_as_text(self, share: da.Indicator,
                                         khanh_hoa: da.Jurisdiction) -> None:
        r = make_reading(share, khanh_hoa, qualifier="nearly", basis="holders")
        assert r.qualifier is da.Qualifier.NEARLY
        assert r.basis is da.Basis.HOLDERS

    def test_day_number(self, reading: da.Reading) -> None:
        assert reading.day == (D(2023, 7, 1) - D(1970, 1, 1)).days
        assert reading.computed_percent is None

    def test_nfc_normalises_names(self) -> None:
        decomposed = "Kha\u0301nh Ho\u0300a"
        j = da.Jurisdiction("56", "Khanh Hoa", decomposed, level="province", parent="VN")
        assert j.name_vi == "Khánh Hòa"

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"value": 112.5}, "value"),
            ({"value": -1}, "value"),
            ({"value": float("nan")}, "value"),
            ({"value": float("inf")}, "value"),
            ({"value": True}, "value"),
            ({"value": "50"}, "value"),
            ({"as_of": dt.datetime(2023, 7, 1, 12)}, "as_of"),  # noqa: DTZ001
            ({"as_of": "2023-07-01"}, "as_of"),
            ({"numerator": 11, "denominator": 10}, "numerator"),
            ({"denominator": 0}, "denominator"),
            ({"numerator": -1}, "numerator"),
            ({"qualifier": "roughly"}, "qualifier"),
            ({"basis": 3}, "basis"),
            ({"period_start": D(2023, 1, 1)}, "period_start"),
            ({"inferred": {"colour"}}, "inferred"),
            ({"inferred": "as_of"}, "inferred"),
            ({"note": None}, "note"),
            ({"source": "a report"}, "source"),
            ({"jurisdiction": "56"}, "jurisdiction"),
        ],
    )
    def test_invalid_fields_name_the_field(self, share: da.Indicator,
                                           khanh_hoa: da.Jurisdiction,
                                           changes: dict[str, Any], field: str) -> None:
        with pytest.raises(da.ValidationError) as info:
            make_reading(share, khanh_hoa, **changes)
        assert info.value.field == field
        assert f"Reading.{field}" in str(info.value)

    def test_indicator_must_be_an_indicator(self, khanh_hoa: da.Jurisdiction) -> None:
        with pytest.raises(da.ValidationError) as info:
            da.Reading("eid", 1,  # type: ignore[arg-type]
                       as_of=D(2023, 7, 1), jurisdiction=khanh_hoa)
        assert info.value.field == "indicator"

    def test_counts_refuse_percent_parts(self, reading: da.Reading) -> None:
        with pytest.raises(da.ValidationError, match="numerator"):
            attrs.evolve(reading, numerator=1)
        with pytest.raises(da.ValidationError, match="basis"):
            attrs.evolve(reading, basis=da.Basis.TARGET)

    def test_flow_needs_a_period(self, khanh_hoa: da.Jurisdiction) -> None:
        lookups = da.Indicator("db-lookups", "Population-DB look-ups", "Lượt tra cứu",
                               unit="uses", measure="flow")
        ok = da.Reading(lookups, 44_000, as_of=D(2023, 6, 20), jurisdiction=khanh_hoa,
                        qualifier=da.Qualifier.NEARLY, period_start=D(2023, 2, 9))
        assert ok.period_start == D(2023, 2, 9)
        with pytest.raises(da.ValidationError, match="period_start"):
            attrs.evolve(ok, period_start=None)
        with pytest.raises(da.ValidationError, match="must not be after"):
            attrs.evolve(ok, period_start=D(2023, 6, 21))

    def test_rank_values_start_at_one(self, khanh_hoa: da.Jurisdiction) -> None:
        rank = da.Indicator("rank", "Rank", "Xếp hạng", unit="rank")
        with pytest.raises(da.ValidationError, match=">= 1"):
            da.Reading(rank, 0, as_of=D(2023, 6, 28), jurisdiction=khanh_hoa)

    def test_frozen(self, reading: da.Reading) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            reading.value = 1  # type: ignore[misc]


class TestJurisdictionAndSource:
    def test_nation_has_no_parent(self) -> None:
        vn = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
        assert vn.parent is None
        with pytest.raises(da.ValidationError, match="parent"):
            da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation", parent="X")

    @pytest.mark.parametrize("parent", [None, "56", "bad code", 5])
    def test_bad_parents(self, parent: Any) -> None:
        with pytest.raises(da.ValidationError) as info:
            da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent=parent)
        assert info.value.field == "parent"

    @pytest.mark.parametrize("code", ["", " 56", "5 6", "Khánh", "-a", 56])
    def test_bad_codes(self, code: object) -> None:
        with pytest.raises(da.ValidationError, match=r"Jurisdiction\.code"):
            da.Jurisdiction(code, "x", "x", level="nation")  # type: ignore[arg-type]

    @pytest.mark.parametrize("name", ["", "  ", " padded", 3])
    def test_bad_names(self, name: Any) -> None:
        with pytest.raises(da.ValidationError, match="name_vi"):
            da.Jurisdiction("56", "x", name, level="province", parent="VN")

    def test_source_inferred_date_needs_a_date(self) -> None:
        s = da.Source("ht-2024", "Ha Tinh review", "Hà Tĩnh press",
                      published=D(2024, 4, 30), date_inferred=True)
        assert s.date_inferred
        with pytest.raises(da.ValidationError, match="date_inferred"):
            da.Source("ht-2024", "Ha Tinh review", "Hà Tĩnh press", date_inferred=True)
        with pytest.raises(da.ValidationError, match="url"):
            da.Source("ht-2024", "t", "p", url="")


class TestTarget:
    def test_deadline_not_before_programme(self, collected: da.Indicator,
                                           khanh_hoa: da.Jurisdiction) -> None:
        with pytest.raises(da.ValidationError, match=r"programme start 2022-01-06"):
            da.Target(collected, 1, jurisdiction=khanh_hoa, deadline=D(2021, 12, 31))
        assert da.Target(collected, 1, jurisdiction=khanh_hoa, deadline=da.PROGRAMME_START).deadline

    def test_percent_target_in_range(self, share: da.Indicator,
                                     khanh_hoa: da.Jurisdiction) -> None:
        with pytest.raises(da.ValidationError, match=r"\[0, 100\]"):
            da.Target(share, 101, jurisdiction=khanh_hoa)
        with pytest.raises(da.ValidationError, match="deadline"):
            da.Target(share, 30, jurisdiction=khanh_hoa,
                      deadline=dt.datetime(2024, 1, 1))  # noqa: DTZ001
        t = da.Target(share, 30, jurisdiction=khanh_hoa, inferred=True, note="from 'vượt 17%'")
        assert t.inferred


class TestSeries:
    def test_sorted_and_arrays(self, reading: da.Reading) -> None:
        earlier = attrs.evolve(reading, value=500_000, as_of=D(2023, 6, 20))
        s = da.Series(iter([reading, earlier]))
        assert s.dates == (D(2023, 6, 20), D(2023, 7, 1))
        np.testing.assert_array_equal(s.values, [500_000.0, 546_234.0])
        assert s.days[1] - s.days[0] == 11
        assert not s.values.flags.writeable
        assert s.latest is reading
        assert s[0] is earlier
        assert len(s) == 2
        assert s.indicator == reading.indicator
        assert s.jurisdiction == reading.jurisdiction

    def test_columns_are_read_only_and_survive_copies(self, reading: da.Reading) -> None:
        import copy
        import pickle

        earlier = attrs.evolve(reading, value=500_000, as_of=D(2023, 6, 20))
        s = da.Series([reading, earlier])
        expected = [[float(s.days[0]), float(s.days[1])], [500_000.0, 546_234.0]]
        assert s.columns.tolist() == expected
        # our own bytes, just written: no untrusted input is unpickled
        restored = pickle.loads(pickle.dumps(s))  # noqa: S301
        for twin in (s, restored, copy.deepcopy(s), copy.copy(s)):
            columns = twin.columns
            assert columns.tolist() == expected
            assert twin == s
            assert hash(twin) == hash(s)
            with pytest.raises(ValueError, match="WRITEABLE"):
                columns.flags.writeable = True
            with pytest.raises(ValueError, match="read-only"):
                twin.values[0] = 1.0
        assert "columns" not in repr(s)

    @given(st.data())
    def test_columns_hold_the_readings(self, data: st.DataObject) -> None:
        from de_an06 import strategies as das

        s = data.draw(das.series(max_size=30))
        assert s.columns.shape == (2, len(s))
        assert s.columns[0].tolist() == [float(r.day) for r in s]
        assert s.columns[1].tolist() == [float(r.value) for r in s]
        assert s.days.tolist() == [r.day for r in s]
        assert s.days.dtype == np.int64
        assert np.shares_memory(s.columns, s.values)  # one array, built once

    def test_refuses_bad_mixes(self, reading: da.Reading, share: da.Indicator,
                               khanh_hoa: da.Jurisdiction) -> None:
        with pytest.raises(da.ValidationError, match="at least one"):
            da.Series([])
        with pytest.raises(da.ValidationError, match="two readings on one date"):
            da.Series([reading, attrs.evolve(reading, value=1)])
        with pytest.raises(da.ValidationError, match="one indicator"):
            da.Series([reading, make_reading(share, khanh_hoa, as_of=D(2023, 7, 2))])
        other = attrs.evolve(khanh_hoa, code="51")
        with pytest.raises(da.ValidationError, match="one jurisdiction"):
            da.Series([reading, attrs.evolve(reading, jurisdiction=other, as_of=D(2023, 7, 2))])
        with pytest.raises(da.ValidationError, match=r"readings\[1\]"):
            da.Series([reading, 3])
        with pytest.raises(da.ValidationError, match="tuple"):
            da.Series(reading)


class TestSeriesFromReadings:
    def test_raise_names_the_date_and_both_readings(self, reading: da.Reading) -> None:
        corrected = attrs.evolve(reading, value=546_000)
        earlier = attrs.evolve(reading, as_of=D(2023, 6, 20))
        with pytest.raises(da.ValidationError) as info:
            da.Series.from_readings([reading, earlier, corrected])
        assert info.value.field == "readings"
        assert info.value.value == D(2023, 7, 1)
        assert str(info.value) == (
            "Series.readings must not hold two readings on one date: readings[0] "
            "(Khánh Hòa · e-ID applications collected: 546,234 people on 2023-07-01) and "
            "readings[2] (Khánh Hòa · e-ID applications collected: 546,000 people on "
            "2023-07-01); keep the last with duplicates='last' (got datetime.date(2023, 7, 1))")
        with pytest.raises(da.ValidationError, match="two readings on one date"):
            da.Series.from_readings([reading, reading], duplicates="raise")

    def test_last_keeps_the_reading_given_last(self, reading: da.Reading) -> None:
        corrected = attrs.evolve(reading, value=546_000)
        earlier = attrs.evolve(reading, as_of=D(2023, 6, 20))
        s = da.Series.from_readings(iter([reading, earlier, corrected]), duplicates="last")
        assert s.readings == (earlier, corrected)
        assert da.Series.from_readings([earlier, reading]) == da.Series([reading, earlier])

    def test_the_constructor_still_checks_the_rest(self, reading: da.Reading,
                                                   share: da.Indicator,
                                                   khanh_hoa: da.Jurisdiction) -> None:
        with pytest.raises(da.ValidationError, match="one indicator"):
            da.Series.from_readings([reading, make_reading(share, khanh_hoa)],
                                    duplicates="last")
        with pytest.raises(da.ValidationError, match="one indicator"):
            da.Series.from_readings([reading, make_reading(share, khanh_hoa)])
        with pytest.raises(da.ValidationError, match="at least one"):
            da.Series.from_readings([], duplicates="last")
        with pytest.raises(da.ValidationError, match=r"readings\[1\]"):
            da.Series.from_readings([reading, 3])  # type: ignore[list-item]
        with pytest.raises(da.ValidationError, match="tuple"):
            da.Series.from_readings(reading)  # type: ignore[arg-type]
        with pytest.raises(da.ValidationError) as info:
            da.Series.from_readings([reading], duplicates="first")  # type: ignore[arg-type]
        assert str(info.value) == ("Series.duplicates must be 'raise' or 'last' "
                                   "(got 'first')")

    @given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 1000)), min_size=1))
    def test_last_is_what_a_dict_by_date_keeps(self, rows: list[tuple[int, int]]) -> None:
        place = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
        ind = da.Indicator("eid", "e-ID", "ĐDĐT", unit="people")
        readings = [da.Reading(ind, value, as_of=D(2023, 7, 1 + day), jurisdiction=place) for day,
                    value in rows]
        by_date = {r.as_of: r for r in readings}  # what cli, _report and plotting did
        s = da.Series.from_readings(readings, duplicates="last")
        assert s.readings == tuple(by_date[day] for day in sorted(by_date))


def _three_ranks(total: int) -> st.SearchStrategy[tuple[da.Rank, da.Rank, da.Rank]]:
    rank = st.builds(da.Rank, st.integers(1, total), st.just(total))
    return st.tuples(rank, rank, rank)


class TestRank:
    def test_khanh_hoa_improvement(self) -> None:
        before, after = da.Rank(62, 63), da.Rank(37, 63)
        assert before < after
        assert after > before
        assert str(after) == "37/63"
        assert da.Rank(1, 1).percentile == 100.0
        assert da.Rank(1, 34).percentile == 100.0
        assert da.Rank(34, 34).percentile == 0.0

    def test_comparison_needs_equal_totals(self) -> None:
        with pytest.raises(da.ValidationError, match="percentile"):
            _ = da.Rank(1, 63) < da.Rank(1, 34)
        assert da.Rank(1, 63).__lt__(object()) is NotImplemented  # type: ignore[operator]

    def test_every_operator_refuses_other_totals_alike(self) -> None:
        a, b = da.Rank(1, 63), da.Rank(1, 34)
        # The rank on the worse-than side is named, as `a < b` always did.
        comparisons: list[Callable[[], bool]] = [lambda: a < b, lambda: a <= b,
                                                 lambda: b > a, lambda: b >= a]
        for compare in comparisons:
            with pytest.raises(da.ValidationError) as info:
                compare()
            assert str(info.value) == (
                "Rank.total must equal the other rank's total 34 to compare; use "
                ".percentile across totals (got 63)")
        for operator in ("__lt__", "__le__", "__gt__", "__ge__"):
            assert getattr(a, operator)(3) is NotImplemented
        with pytest.raises(TypeError):
            _ = a >= 3  # type: ignore[operator]
        assert a != b

    def test_full_ordering(self) -> None:
        before, after = da.Rank(62, 63), da.Rank(37, 63)
        assert before <= after
        assert after >= before
        assert not before >= after
        assert not after <= before
        assert after >= da.Rank(37, 63)
        assert after <= da.Rank(37, 63)
        assert sorted([after, before, da.Rank(1, 63)]) == [before, after, da.Rank(1, 63)]

    @given(st.integers(1, 7).flatmap(_three_ranks))
    def test_total_order_laws(self, ranks: tuple[da.Rank, da.Rank, da.Rank]) -> None:
        a, b, c = ranks
        assert (a < b) + (a == b) + (a > b) == 1  # trichotomy
        assert (a <= b) == (a < b or a == b)
        assert (a >= b) == (a > b or a == b)
        assert (a < b) == (b > a)
        assert (a <= b) == (b >= a)
        assert (a <= b <= a) == (a == b)  # antisymmetry
        if a <= b <= c:
            assert a <= c  # transitivity
        if a < b < c:
            assert a < c
        assert (a < b) == (a.percentile < b.percentile)  # better ranks compare greater

    @pytest.mark.parametrize(
        ("position", "total", "field"),
        [(0, 63, "position"), (64, 63, "position"), (1, 0, "total"), (1.0, 63, "position"),
         (True, 63, "position")],
    )
    def test_invalid(self, position: object, total: object, field: str) -> None:
        with pytest.raises(da.ValidationError) as info:
            da.Rank(position, total)  # type: ignore[arg-type]
        assert info.value.field == field


class TestCatalogue:
    def test_linked_service_quang_ngai(self) -> None:
        birth = da.LinkedService(
            "birth", "Birth bundle", "Liên thông khai sinh",
            procedures=["birth registration", "permanent residence", "BHYT card"],
            days_before=21, days_after=4,
        )
        assert birth.procedures == ("birth registration", "permanent residence", "BHYT card")
        assert birth.days_saved == 17
        assert birth.time_cut == pytest.approx(0.8095238095)
        assert birth.declarations_saved == 2
        assert birth.after_unit is da.Unit.WORKING_DAYS

    @pytest.mark.parametrize(
        ("changes", "field"),
        [({"procedures": ["one"]}, "procedures"), ({"days_after": 30}, "days_after"),
         ({"declarations_after": 4}, "declarations_after"), ({"after_unit": "percent"},
                                                              "after_unit"),
         ({"days_before": 0}, "days_before"), ({"procedures": "ab"}, "procedures")],
    )
    def test_linked_service_invalid(self, changes: dict[str, Any], field: str) -> None:
        fields: dict[str, Any] = {"procedures": ("a", "b"), "days_before": 21, "days_after": 4}
        fields.update(changes)
        with pytest.raises(da.ValidationError) as info:
            da.LinkedService("x", "x", "x", **fields)
        assert info.value.field == field

    def test_task(self) -> None:
        t = da.Task("t1", "Task", "Nhiệm vụ", owner="Công an tỉnh", deadline=D(2023, 6, 30),
                    status="in_progress", group=1, jurisdiction="51")
        assert t.is_overdue(D(2023, 7, 1))
        assert not t.is_overdue(D(2023, 6, 30))
        assert not attrs.evolve(t, status=da.TaskStatus.DONE).is_overdue(D(2024, 1, 1))
        for changes in ({"group": 6}, {"group": "1"}, {"deadline": D(2021, 1, 1)},
                        {"jurisdiction": "a b"}, {"status": "finished"}):
            with pytest.raises(da.ValidationError):
                attrs.evolve(t, **changes)

    def test_programme(self) -> None:
        group = da.UtilityGroup(3, "Digital citizens", "Công dân số")
        service = da.EssentialService("ess-03", 3, "Permanent residence", "Đăng ký thường trú",
                                      lead="BCA", level="full_process")
        p = da.Programme("de-an-06", "Project 06", "Đề án 06", decision="06/QĐ-TTg",
                         approved=D(2022, 1, 6), start_year=2022, end_year=2025,
                         vision_year=2030, groups=[group], services=[service])
        assert p.groups == (group,)
        assert p.service("ess-03") is service
        assert group.code == "group-3"
        with pytest.raises(da.UnknownCodeError, match="ess-99"):
            p.service("ess-99")
        with pytest.raises(da.ValidationError, match="group number"):
            attrs.evolve(p, groups=[group, group])
        with pytest.raises(da.ValidationError, match="end_year"):
            attrs.evolve(p, end_year=2021)
        with pytest.raises(da.ValidationError, match="vision_year"):
            attrs.evolve(p, vision_year=2024)
        with pytest.raises(da.ValidationError, match="number"):
            da.UtilityGroup(6, "x", "x")
        with pytest.raises(da.ValidationError, match="number"):
            attrs.evolve(service, number=26)


def test_inferred_names_must_be_text(reading: da.Reading) -> None:
    with pytest.raises(da.ValidationError, match="set of field names"):
        attrs.evolve(reading, inferred={1})


def test_python_dash_m_runs_the_command(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    import runpy
    import sys

    monkeypatch.setattr(sys, "argv", ["de_an06", "--version"])
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("de_an06", run_name="__main__", alter_sys=True)
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("de-an06 ")


@pytest.mark.parametrize("unit", ["people", "dossiers", "uses", "rank"])
def test_counted_units_refuse_fractions(unit: str, khanh_hoa: da.Jurisdiction) -> None:
    indicator = da.Indicator("x", "x", "x", unit=unit)
    assert da.Reading(indicator, 546_234.0, as_of=D(2023, 7, 1),
                      jurisdiction=khanh_hoa).value == 546_234
    with pytest.raises(da.ValidationError, match="whole number"):
        da.Reading(indicator, 546.234, as_of=D(2023, 7, 1), jurisdiction=khanh_hoa)
    with pytest.raises(da.ValidationError, match="whole number"):
        da.Target(indicator, 0.5, jurisdiction=khanh_hoa)


def test_plain_dates_only() -> None:
    from de_an06 import _validators as v

    assert v.is_plain_date(D(2023, 7, 1))
    assert not v.is_plain_date(dt.datetime(2023, 7, 1))  # noqa: DTZ001
    assert not v.is_plain_date("2023-07-01")
    assert v.checked_date("forecast", "as_of", D(2023, 7, 1)) == D(2023, 7, 1)
    with pytest.raises(da.ValidationError) as info:
        v.checked_date("forecast", "as_of", dt.datetime(2023, 7, 1))  # noqa: DTZ001
    assert str(info.value) == ("forecast.as_of must be a datetime.date, not datetime "
                               "(got datetime.datetime(2023, 7, 1, 0, 0))")


@pytest.mark.parametrize("level", ["district", "commune"])
def test_parent_may_be_unknown_below_the_province(level: str) -> None:
    place = da.Jurisdiction("26734", "Dong Tam", "Đồng Tâm", level=level)
    assert place.parent is None
    with pytest.raises(da.ValidationError, match="required for a province"):
        da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province")
