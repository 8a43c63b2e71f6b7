"""The batch engine: same numbers as the per-object API, masks for degenerate series."""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import batch
from de_an06.analysis import ProgressStatus

VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level=da.Level.NATION)
UP = da.Indicator("up", "Higher is better", "Càng cao càng tốt", unit=da.Unit.COUNT)
DOWN = da.Indicator("down", "Lower is better", "Càng thấp càng tốt", unit=da.Unit.DAYS)
DAY0 = 19_300


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[da.Series], list[float], list[int | None]]:
    """Random series: lengths 1..10 (so degenerate ones), gaps, both directions."""
    count = draw(st.integers(1, 8))
    series: list[da.Series] = []
    targets: list[float] = []
    deadlines: list[int | None] = []
    for i in range(count):
        place = da.Jurisdiction(f"p{i}", f"Place {i}", f"Nơi {i}", level="province",
                                parent="VN")
        indicator = draw(st.sampled_from([UP, DOWN]))
        days = sorted(draw(st.sets(st.integers(DAY0, DAY0 + 200), min_size=1, max_size=10)))
        values = draw(st.lists(st.integers(0, 10**7).map(lambda c: c / 100),
                               min_size=len(days), max_size=len(days)))
        if draw(st.booleans()):  # a constant series now and then
            values = [values[0]] * len(days)
        series.append(da.Series([da.Reading(indicator, y, as_of=dt.date(1970, 1, 1)
                                            + dt.timedelta(days=d), jurisdiction=place)
                                 for d, y in zip(days, values, strict=True)]))
        targets.append(draw(st.integers(0, 10**7).map(lambda c: c / 100)))
        left = draw(st.none() | st.integers(1, 300))
        deadlines.append(None if left is None else days[-1] + left)
    return series, targets, deadlines


def aligned(table: batch.ReadingTable, series: list[da.Series]) -> list[da.Series]:
    by_id = {f"{s.indicator.code}@{s.jurisdiction.code}": s for s in series}
    return [by_id[str(i)] for i in table.ids]


@given(tables())
def test_batch_equals_per_object(data: tuple[list[da.Series], list[float],
                                             list[int | None]]) -> None:
    series, targets, deadlines = data
    table = batch.ReadingTable.from_series(series)
    ordered = aligned(table, series)
    key = [series.index(s) for s in ordered]
    goal = np.array([targets[i] for i in key])
    due = np.array([np.datetime64("NaT") if deadlines[i] is None
                    else np.datetime64(deadlines[i], "D") for i in key], dtype="datetime64[D]")
    t = batch.trends(table)
    f = batch.forecasts(table, goal, due)
    for row, s in enumerate(ordered):
        if len(s) < 2:
            assert not t.valid[row]
            assert np.isnan(t.slope[row])
            with pytest.raises(da.InsufficientDataError):
                t.trend(row)
            with pytest.raises(da.InsufficientDataError):
                da.trend(s)
        else:
            one = da.trend(s)
            assert t.trend(row) == one
            assert t.slope[row] == one.slope
            assert t.intercept[row] == one.intercept
            assert t.has_se[row] == (one.slope_se is not None)
            # the slope interval: the kernel's, taken as is by both
            ci = (t.slope_ci_low[row], t.slope_ci_high[row])
            assert (np.isnan(ci).all() if one.slope_ci is None else ci == one.slope_ci)
            assert (np.isnan(t.r_squared[row]) if one.r_squared is None
                    else t.r_squared[row] == one.r_squared)
        deadline = None if np.isnat(due[row]) else due[row].item()
        try:
            expected = da.forecast(s, float(goal[row]), deadline=deadline)
        except da.ValidationError:
            assert f.no_time_left[row]
            with pytest.raises(da.ValidationError, match="leaves no day"):
                f.forecast(row)
            continue
        got = f.forecast(row)
        assert got == expected
        assert f.status[row] == expected.status.code
        assert (np.isnat(f.reach_date[row]) if expected.reach_date is None
                else f.reach_date[row].item() == expected.reach_date)
        assert (np.isnan(f.required_pace[row]) if expected.required_pace is None
                else f.required_pace[row] == expected.required_pace)


def test_from_arrays_sorts_without_touching_inputs() -> None:
    ids = np.array([9, 3, 9, 3])
    days = np.array(["2023-07-01", "2023-07-01", "2023-06-25", "2023-06-25"],
                    dtype="datetime64[D]")
    values = np.array([4.0, 2.0, 3.0, 1.0])
    copies = ids.copy(), days.copy(), values.copy()
    table = batch.ReadingTable.from_arrays(ids, days, values)
    assert np.array_equal(ids, copies[0])
    assert np.array_equal(days, copies[1])
    assert np.array_equal(values, copies[2])
    assert table.ids.tolist() == [3, 9]
    assert table.values.tolist() == [1.0, 2.0, 3.0, 4.0]
    assert table.sizes.tolist() == [2, 2]
    assert not table.values.flags.writeable
    assert table.index(9) == 1
    with pytest.raises(KeyError):
        table.index(4)
    with pytest.raises(KeyError):
        table.index(99)
    assert len(table) == 2
    assert repr(table) == "ReadingTable(series=2, readings=4)"
    again = batch.ReadingTable.from_arrays(ids, days, values)
    assert again == table
    # already sorted input keeps its order, and a copy is taken
    sorted_table = batch.ReadingTable.from_arrays(table.ids.repeat(2), table.days,
                                                  table.values)
    assert sorted_table == table


@given(st.lists(st.tuples(st.sampled_from([0, 5, 2**62, 2**63 + 7, 2**64 - 1]),
                          st.integers(-1000, 1000)), min_size=1, max_size=30, unique=True),
       st.sampled_from(["uint64", "str"]))
def test_sorting_paths_agree_with_lexsort(pairs: list[tuple[int, int]], kind: str) -> None:
    ids = np.array([p[0] for p in pairs], dtype=np.uint64)
    if kind == "str":
        ids = ids.astype(str)
    days = np.array([p[1] for p in pairs], dtype=np.int64) + DAY0
    values = np.arange(len(pairs), dtype=np.float64)
    table = batch.ReadingTable.from_arrays(ids, days, values)
    order = np.lexsort((days, ids))
    assert np.array_equal(table.days, days[order])
    assert np.array_equal(table.values, values[order])


def test_string_ids_and_object_arrays() -> None:
    table = batch.ReadingTable.from_arrays(np.array(["b", "a", "b"], dtype=object),
                                           [2, 1, 1], [1.0, 2.0, 3.0])
    assert table.ids.tolist() == ["a", "b"]
    assert table.index("b") == 1


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"ids": [1.5, 2.5]}, "ids must be integers or strings"),
    ({"days": ["x", "y"]}, "days must be datetime64 or integer"),
    ({"days": np.array(["2023-01-01", "NaT"], dtype="datetime64[D]")}, "must not hold NaT"),
    ({"days": [10**9, 1]}, "day numbers of valid dates"),
    ({"values": [1.0, np.nan]}, "values must be finite"),
    ({"values": ["a", "b"]}, "values must be real numbers"),
    ({"values": [1.0, 2.0, 3.0]}, "must have the length"),
    ({"ids": [[1, 2]], "days": [[1, 2]], "values": [[1.0, 2.0]]}, "one-dimensional"),
    ({"days": [5, 5]}, "must not repeat a day within series 1"),
    ({"lower_is_better": [True, False]}, "one per series"),
    ({"lower_is_better": 1}, "one per series"),
])
def test_from_arrays_bad_input(kwargs: dict[str, Any], match: str) -> None:
    args: dict[str, Any] = {"ids": [1, 1], "days": [1, 2], "values": [1.0, 2.0]}
    args.update(kwargs)
    with pytest.raises(da.ValidationError, match=match):
        batch.ReadingTable.from_arrays(**args)


def test_from_readings_groups_series() -> None:
    place = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    readings = [da.Reading(UP, 500_000, as_of=dt.date(2023, 6, 25), jurisdiction=place),
                da.Reading(DOWN, 10, as_of=dt.date(2023, 6, 25), jurisdiction=place),
                da.Reading(UP, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=place)]
    table = batch.ReadingTable.from_readings(readings)
    assert table.ids.tolist() == ["down@56", "up@56"]
    assert table.signs.tolist() == [-1, 1]
    with pytest.raises(da.ValidationError, match="must hold Readings"):
        batch.ReadingTable.from_readings([1])  # type: ignore[list-item]
    s = da.Series(readings[::2])
    with pytest.raises(da.ValidationError, match="must not repeat a series id"):
        batch.ReadingTable.from_series([s, s])
    with pytest.raises(da.ValidationError, match="must hold Series"):
        batch.ReadingTable.from_series([readings])  # type: ignore[list-item]


def simple_table() -> batch.ReadingTable:
    return batch.ReadingTable.from_arrays(
        ids=np.array([1, 1, 1, 2]), days=np.array([0, 1, 2, 0]) + DAY0,
        values=np.array([1.0, 2.0, 3.0, 5.0]))


def test_trend_table_masks_and_repr() -> None:
    t = batch.trends(simple_table(), confidence=0.9)
    assert t.valid.tolist() == [True, False]
    assert t.has_se.tolist() == [True, False]
    assert t.slope[0] == 1.0
    assert np.isnan(t.slope_ci_low[1])
    assert t.n.tolist() == [3, 1]
    assert t.start[1] == np.datetime64(DAY0, "D")
    assert len(t) == 2
    assert repr(t) == "TrendTable(series=2, valid=1, confidence=0.9)"
    assert t == batch.trends(simple_table(), confidence=0.9)


def test_forecast_table_scalars_and_day_numbers() -> None:
    table = simple_table()
    f = batch.forecasts(table, 10.0, DAY0 + 10, as_of=dt.date(1970, 1, 1)
                        + dt.timedelta(days=DAY0 + 3))
    assert f.days_left.tolist() == [8.0, 10.0]
    assert f.status.tolist() == [da.ProgressStatus.ON_TRACK.code,
                                 da.ProgressStatus.NOT_AVAILABLE.code]
    assert f.reach_date[0].item() == dt.date(1970, 1, 1) + dt.timedelta(days=DAY0 + 9)
    assert "status_counts=[0, 1, 0, 0, 0, 1]" in repr(f)
    assert len(f) == 2
    g = batch.forecasts(table, [10.0, 1.0], np.array([DAY0 + 10, DAY0 + 10]))
    assert g.achieved.tolist() == [False, True]
    assert g.forecast(1).achieved
    h = batch.forecasts(table, 10.0, dt.date(1970, 1, 1) + dt.timedelta(days=DAY0 + 10))
    assert h.days_left.tolist() == [8.0, 10.0]
    none = batch.forecasts(table, 10.0)
    assert np.isnat(none.deadline).all()
    assert none.forecast(0).deadline is None


@pytest.mark.parametrize(("args", "kwargs", "match"), [
    ((np.array([1.0, 2.0, 3.0]),), {}, "one entry per series"),
    ((np.array(["a", "b"]),), {}, "targets must be real numbers"),
    ((np.array([np.inf, 2.0]),), {}, "targets must be finite"),
    ((1.0, np.array(["a", "b"])), {}, "deadlines must be dates"),
    ((1.0, DAY0 - 1), {}, "must not precede as_of for series 1"),
    ((1.0,), {"as_of": dt.date(1970, 1, 1)}, "must not precede the latest reading"),
    ((1.0,), {"as_of": "2023-01-01"}, "as_of must be a datetime.date"),
    ((1.0,), {"confidence": 2}, "confidence must be in"),
])
def test_forecasts_bad_input(args: tuple[Any, ...], kwargs: dict[str, Any],
                             match: str) -> None:
    with pytest.raises(da.ValidationError, match=match):
        batch.forecasts(simple_table(), *args, **kwargs)


def test_no_time_left_is_masked() -> None:
    f = batch.forecasts(simple_table(), 10.0, DAY0 + 2)
    assert f.no_time_left.tolist() == [True, False]
    assert np.isnan(f.required_pace[0])
    assert f.status[0] == da.ProgressStatus.NOT_AVAILABLE.code
    with pytest.raises(da.ValidationError, match="leaves no day"):
        f.forecast(0)


def test_bad_table_argument() -> None:
    with pytest.raises(da.ValidationError, match="must be a ReadingTable"):
        batch.trends([1, 2])  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="must be a ReadingTable"):
        batch.forecasts([1, 2], 1.0)  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="confidence must be a real number, not bool"):
        batch.trends(simple_table(), confidence=True)


def test_results_are_frozen_and_read_only() -> None:
    t = batch.trends(simple_table())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.confidence = 0.5  # type: ignore[misc]
    with pytest.raises(ValueError, match="read-only"):
        t.slope[0] = 2.0


def test_module_dir() -> None:
    assert dir(batch) == batch.__all__


def test_national_scale_guide_examples_run() -> None:
    import doctest
    from pathlib import Path

    guide = Path(__file__).resolve().parent.parent / "docs" / "national-scale.md"
    result = doctest.testfile(str(guide), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_pandas_round_trip() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"commune": [7, 7, 7, 9],
                          "date": pd.to_datetime(["2023-06-25", "2023-06-28", "2023-07-01",
                                                  "2023-07-01"]),
                          "collected": [500_000.0, 523_000.0, 546_234.0, 1_000.0]})
    table = batch.ReadingTable.from_pandas(frame, id="commune", day="date", value="collected")
    assert table == batch.ReadingTable.from_arrays(
        np.array([7, 7, 7, 9]), np.array(["2023-06-25", "2023-06-28", "2023-07-01",
                                          "2023-07-01"], dtype="datetime64[D]"),
        np.array([500_000.0, 523_000.0, 546_234.0, 1_000.0]))
    trends_frame = batch.trends(table).to_pandas()
    assert list(trends_frame.index) == [7, 9]
    assert bool(trends_frame.loc[7, "valid"])
    assert not bool(trends_frame.loc[9, "valid"])
    forecast_frame = batch.forecasts(table, 756_805.0, np.datetime64("2023-07-30")).to_pandas()
    assert forecast_frame.loc[7, "status"] is ProgressStatus.ON_TRACK
    assert forecast_frame.loc[9, "status"] is ProgressStatus.NOT_AVAILABLE
    numbered = pd.DataFrame({"id": ["a", "a"], "day": [DAY0, DAY0 + 1], "value": [1.0, 2.0]})
    assert batch.ReadingTable.from_pandas(numbered).days.tolist() == [DAY0, DAY0 + 1]
    with pytest.raises(da.ValidationError, match="must have a column 'id'"):
        batch.ReadingTable.from_pandas(frame)
    with pytest.raises(da.ValidationError, match="must have a column"):
        batch.ReadingTable.from_pandas([1, 2])


def test_from_columns_of_a_csv_file() -> None:
    import io as stdio

    from de_an06 import io

    header = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
              "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
              "value,as_of\n")
    rows = [("up", "56", 500_000, "2023-06-25"), ("up", "51", 10, "2023-06-25"),
            ("up", "56", 546_234, "2023-07-01"), ("down", "56", 21, "2023-06-25"),
            ("down", "56", 4, "2023-07-01")]
    text = header + "".join(
        f"{i},{i} name,{i} tên,count,{j},P{j},Tỉnh {j},province,VN,{value},{day}\n"
        for i, j, value, day in rows)
    columns = io.read_csv_columns(stdio.StringIO(text))
    table = batch.ReadingTable.from_columns(columns, lower_is_better=np.array([True, False,
                                                                               False]))
    assert table.ids.tolist() == ["down@56", "up@51", "up@56"]
    assert table.signs.tolist() == [-1, 1, 1]
    assert table.sizes.tolist() == [2, 1, 2]
    assert table.index("up@56") == 2
    assert table.values.tolist() == [21.0, 4.0, 10.0, 500_000.0, 546_234.0]
    with pytest.raises(da.ValidationError, match="must be ReadingColumns"):
        batch.ReadingTable.from_columns(object())


def test_current_pace_when_due_on_the_latest_date() -> None:
    # regression: a met target due on the latest reading's date kept no current pace
    table = batch.ReadingTable.from_arrays(
        ids=np.array(["kh", "kh", "kh"]),
        days=np.array(["2023-06-25", "2023-06-28", "2023-07-01"], dtype="datetime64[D]"),
        values=np.array([500_000.0, 520_000.0, 546_234.0]))
    f = batch.forecasts(table, 540_000.0, np.datetime64("2023-07-01"))
    assert bool(f.achieved[0])
    assert f.days_left[0] == 0.0
    assert f.current_pace[0] == f.trends.slope[0]
    assert f.current_pace[0] == pytest.approx(46_234 / 6)
    assert f.forecast(0).current_pace == f.current_pace[0]


def test_a_lower_is_better_file_is_lower_is_better_in_batch() -> None:
    # Processing time falling from 20 to 18 days against a 10-day target: the
    # columnar path must know the direction the file states, as forecast() does.
    text = ("indicator,indicator_name,indicator_name_vi,indicator_unit,indicator_direction,"
            "jurisdiction,jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,"
            "jurisdiction_parent,value,as_of\n"
            "proc,Processing,Thời gian xử lý,days,lower,56,Khanh Hoa,Khánh Hòa,province,VN,20,"
            "2024-01-01\n"
            "proc,Processing,Thời gian xử lý,days,lower,56,Khanh Hoa,Khánh Hòa,province,VN,18,"
            "2024-02-01\n")
    columns = da.io.read_csv_columns(io.StringIO(text))
    table = batch.ReadingTable.from_columns(columns)
    deadline = dt.date(2024, 12, 31)
    due = np.array([deadline], dtype="datetime64[D]")
    row = batch.forecasts(table, [10.0], due).forecast(0)
    readings = da.io.read_csv(io.StringIO(text), kind="readings").readings
    single = da.forecast(da.Series(readings), 10.0, deadline=deadline)
    assert row.status is single.status
    assert row.status is not da.ProgressStatus.ACHIEVED
    assert row.reach_date == single.reach_date
    overridden = batch.ReadingTable.from_columns(columns, lower_is_better=False)
    assert batch.forecasts(overridden, [10.0], due).forecast(0).status is (
        da.ProgressStatus.ACHIEVED)


def test_columns_must_give_one_direction_per_indicator() -> None:
    columns = da.io.read_csv_columns(io.StringIO(
        "indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
        "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
        "value,as_of\n"
        "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,VN,5,2023-06-25\n"))
    with pytest.raises(da.ValidationError, match="directions must hold one entry per"):
        attrs.evolve(columns, directions=())

    class Bare:
        indicator, indicator_codes = columns.indicator, columns.indicator_codes
        jurisdiction, jurisdiction_codes = columns.jurisdiction, columns.jurisdiction_codes
        as_of, value = columns.as_of, columns.value

    plain = batch.ReadingTable.from_columns(Bare())  # no directions: higher is better
    assert plain.n_series == 1

    class Columns:
        indicator, indicator_codes = columns.indicator, columns.indicator_codes
        jurisdiction, jurisdiction_codes = columns.jurisdiction, columns.jurisdiction_codes
        as_of, value = columns.as_of, columns.value
        directions = (da.Direction.LOWER_IS_BETTER, da.Direction.LOWER_IS_BETTER)

    with pytest.raises(da.ValidationError, match="one direction per indicator"):
        batch.ReadingTable.from_columns(Columns())


windows = st.one_of(
    st.just({}),
    st.builds(lambda k: {"last": k}, st.integers(1, 12)),
    st.builds(lambda d: {"since": dt.date(1970, 1, 1) + dt.timedelta(days=d)},
              st.integers(DAY0 - 5, DAY0 + 210)),
)


@given(tables(), windows)
def test_batch_equals_per_object_in_a_window(
        data: tuple[list[da.Series], list[float], list[int | None]],
        window: dict[str, Any]) -> None:
    """since= and last= select the same readings per series, bit for bit, both ways."""
    series, targets, deadlines = data
    table = batch.ReadingTable.from_series(series)
    ordered = aligned(table, series)
    key = [series.index(s) for s in ordered]
    goal = np.array([targets[i] for i in key])
    due = np.array([np.datetime64("NaT") if deadlines[i] is None
                    else np.datetime64(deadlines[i], "D") for i in key], dtype="datetime64[D]")
    t = batch.trends(table, **window)
    f = batch.forecasts(table, goal, due, **window)
    assert t.window == da.Window(**window)
    for row, s in enumerate(ordered):
        try:
            one = da.trend(s, **window)
        except da.InsufficientDataError:
            assert not t.valid[row]
            with pytest.raises(da.InsufficientDataError):
                t.trend(row)
        else:
            assert t.trend(row) == one
            assert one.window == da.Window(**window)
            assert t.slope[row] == one.slope
            assert t.n[row] == one.n
        deadline = None if np.isnat(due[row]) else due[row].item()
        try:
            expected = da.forecast(s, float(goal[row]), deadline=deadline, **window)
        except da.ValidationError:
            assert f.no_time_left[row]
            continue
        got = f.forecast(row)
        assert got == expected
        assert got.days_late == f.days_late[row] or (
            math.isnan(got.days_late) and math.isnan(f.days_late[row]))
        assert got.window == da.Window(**window)
        assert got.latest_date == s.latest.as_of
        assert f.status[row] == expected.status.code


def test_sorted_columns_are_copied_not_sorted_and_fitted_once() -> None:
    ids = np.array([1, 1, 1, 2, 2], dtype=np.int64)
    days = np.array([0, 1, 3, 0, 2], dtype=np.int64) + DAY0
    values = np.array([1.0, 2.0, 2.5, 7.0, 5.0])
    table = batch.ReadingTable.from_arrays(ids, days, values)
    assert not np.may_share_memory(table.days, days)
    assert not np.may_share_memory(table.values, values)
    days[0] += 100  # the caller's arrays stay theirs
    values[0] = -1.0
    assert table.days[0] == DAY0
    assert table.values[0] == 1.0
    # the fit made with the copies is the one a fresh fit of the table gives
    fresh = attrs.evolve(table)
    assert not fresh._cache
    for cached, refitted in zip(table._fit(), fresh._fit(), strict=True):
        assert np.array_equal(cached, refitted, equal_nan=True)
    # columns converted on the way in (datetime64 days) are the table's own already
    dated = batch.ReadingTable.from_arrays(ids, table.days.astype("datetime64[D]"),
                                           np.array([1, 2, 3, 7, 5]))
    assert dated == attrs.evolve(table, values=np.array([1.0, 2.0, 3.0, 7.0, 5.0]))


def test_checks_made_from_the_fit() -> None:
    with pytest.raises(da.ValidationError, match="day numbers of valid dates"):
        batch.ReadingTable.from_arrays([1, 1], [-10**9, 0], [1.0, 2.0])
    with pytest.raises(da.ValidationError, match="values must be finite"):
        batch.ReadingTable.from_arrays([1, 1, 2], [1, 2, 1], [1.0, np.inf, 2.0])
    # finite values whose sum overflows: no fit in float64, the series is named
    with pytest.raises(da.ValidationError, match=r"values must be small enough for the fit's "
                       r"sums and squares to stay finite in float64 in series 1 \(got 1\.7e"):
        batch.ReadingTable.from_arrays([2, 1, 1], [1, 1, 2], [5.0, 1e308, 1.7e308])


def test_from_columns_keeps_the_fit() -> None:
    columns = da.io.read_csv_columns(io.StringIO(
        "indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
        "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
        "value,as_of\n"
        "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,VN,500000,2023-06-25\n"
        "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,VN,546234,2023-07-01\n"))
    table = batch.ReadingTable.from_columns(columns)
    assert "fit" in table._cache
