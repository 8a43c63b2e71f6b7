from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import math
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import frames, io
from de_an06 import strategies as das

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")


@st.composite
def reading_lists(draw: st.DrawFn) -> list[da.Reading]:
    """Readings whose codes are consistent: one definition per code."""
    indicators = draw(st.lists(das.indicators(), min_size=1, max_size=2,
                               unique_by=lambda i: i.code))
    places = draw(st.lists(das.jurisdictions(), min_size=1, max_size=2,
                           unique_by=lambda j: j.code))
    sources = draw(st.lists(das.sources(), max_size=2, unique_by=lambda s: s.code))
    readings = draw(st.lists(das.readings(indicators=st.sampled_from(indicators),
                                          jurisdictions=st.sampled_from(places),
                                          sources=st.none() | (st.sampled_from(sources)
                                                               if sources else st.none())),
                             max_size=6))
    # Some printed with more decimals than their shortest form shows ("98.90").
    return [attrs.evolve(r, decimals=r.printed_decimals + draw(st.integers(0, 3)))
            for r in readings]


@pytest.mark.slow
@settings(max_examples=30)
@given(reading_lists())
def test_pandas_round_trip(readings: list[da.Reading]) -> None:
    assert frames.from_pandas(frames.to_pandas(readings)) == tuple(readings)


@pytest.mark.slow
@settings(max_examples=30)
@given(reading_lists())
def test_polars_round_trip(readings: list[da.Reading]) -> None:
    assert frames.from_polars(frames.to_polars(readings)) == tuple(readings)


def test_bundled_data_round_trips() -> None:
    readings = da.datasets.readings()
    assert frames.from_pandas(frames.to_pandas(readings)) == readings
    assert frames.from_polars(frames.to_polars(readings)) == readings


def test_pandas_dtypes_and_missing_values() -> None:
    readings = da.datasets.readings(jurisdiction="54", subunits=True)
    frame = frames.to_pandas(readings)
    assert list(frame.columns) == list(frames.COLUMNS)
    assert len(frame) == len(readings)
    dtypes = {name: str(t) for name, t in frame.dtypes.items()}
    assert dtypes["as_of"] == "datetime64[ns]"
    assert dtypes["period_start"] == "datetime64[ns]"
    assert dtypes["indicator"] == "category"
    assert dtypes["value"] == "float64"
    assert dtypes["numerator"] == "float64"
    assert dtypes["source_date_inferred"] == "boolean"
    assert list(frame["qualifier"].cat.categories) == [q.value for q in da.Qualifier]
    without = [i for i, r in enumerate(readings) if r.numerator is None]
    assert without
    assert math.isnan(frame["numerator"].iloc[without[0]])
    assert frame["jurisdiction_name_vi"].iloc[0] == readings[0].jurisdiction.name_vi


def test_polars_dtypes() -> None:
    readings = da.datasets.readings(jurisdiction="56")
    frame = frames.to_polars(readings)
    assert frame.schema["as_of"] == pl.Date
    assert frame.schema["indicator"] == pl.Categorical
    assert isinstance(frame.schema["indicator_unit"], pl.Enum)
    assert frame.schema["numerator"] == pl.Float64
    assert frame["numerator"].null_count() == sum(r.numerator is None for r in readings)


def test_empty_and_integers(reading: da.Reading) -> None:
    assert frames.from_pandas(frames.to_pandas([])) == ()
    assert frames.from_polars(frames.to_polars([])) == ()
    back = frames.from_pandas(frames.to_pandas([reading]))[0]
    assert isinstance(back.value, int)
    assert repr(back) == repr(reading)


def test_minimal_frame_is_enough(reading: da.Reading) -> None:
    frame = frames.to_pandas([reading])
    # The columns a CSV file needs, and the parent a province needs.
    needed = [c for c in frames.COLUMNS
              if c in io.schema.REQUIRED["readings"] or c == "jurisdiction_parent"]
    assert frames.from_pandas(frame[needed]) == (reading,)
    assert frames.from_polars(frames.to_polars([reading]).select(needed)) == (reading,)


def test_frames_have_the_csv_layout(reading: da.Reading) -> None:
    """One row layout: a frame's columns are a readings CSV file's, in order, then decimals."""
    columns = frames.COLUMNS
    assert columns == (*io.READING_COLUMNS, "decimals")
    assert columns == io.schema.FRAME_COLUMNS["readings"]
    share = da.Indicator("eid-share", "e-ID share", "Tỷ lệ ĐDĐT", unit="percent")
    inferred = da.Reading(share, 72.2, as_of=reading.as_of, jurisdiction=reading.jurisdiction,
                          inferred={"as_of", "denominator"})
    out = stdio.StringIO()
    io.write_csv(io.Dataset(readings=[reading, inferred]), out)
    written = next(csv.DictReader(stdio.StringIO(out.getvalue().split("\n", 2)[0] + "\n"
                                                 + out.getvalue().split("\n")[2])))
    frame = frames.to_pandas([reading, inferred])
    assert frame["inferred"].iloc[1] == written["inferred"] == "as_of;denominator"
    assert frames.from_pandas(frame) == (reading, inferred)
    # A frame read from a CSV file by pandas itself reads back once dates are dates.
    raw = pd.read_csv(stdio.StringIO(out.getvalue()), keep_default_na=False,
                      na_values={c: [""] for c in ("numerator", "denominator", "value_high")},
                      dtype={"jurisdiction": str, "jurisdiction_parent": str})
    raw["as_of"] = pd.to_datetime(raw["as_of"])
    raw = raw.drop(columns=[c for c in raw.columns if c.startswith("source")
                            or c in ("period_start", "jurisdiction_parent")])
    back = frames.from_pandas(raw.assign(jurisdiction_parent="VN"))
    assert back == (reading, inferred)


def test_filtered_frame_keeps_its_index_in_errors() -> None:
    frame = frames.to_pandas(da.datasets.readings(jurisdiction="56"))
    part = frame[frame.indicator == "eid-collected"].copy()
    part["value"] = -5.0
    with pytest.raises(da.ParseError, match=r"column 'value': row 0 \(index 10\)") as info:
        frames.from_pandas(part)
    assert isinstance(info.value.__cause__, da.ValidationError)
    assert info.value.column == "value"


def _frame(reading: da.Reading, **changes: Any) -> Any:
    frame = frames.to_pandas([reading, reading]).astype(object)
    for name, value in changes.items():
        frame.at[1, name] = value
    return frame


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [("value", "many", "must be a number, not str"),
     ("value", math.inf, "must be finite"),
     ("as_of", "2023-07-01", "must be a date, not str"),
     ("as_of", pd.Timestamp("2023-07-01 10:00"), "without a time of day"),
     ("indicator_name", 5, "must be text, not int"),
     ("indicator_unit", "litres", "must be one of"),
     ("indicator_unit", None, "must be one of .*, not missing"),
     ("indicator_name_vi", "Khác", "described differently on row 0"),
     ("indicator_direction", "lower", r"described differently on row 0 \(direction 'higher'\)"),
     ("value", np.int64(-3), "must be >= 0"),
     ("value", None, "must be a number, not missing"),
     ("as_of", None, "must be a date, not missing"),
     ("indicator_name", None, "must be text, not missing"),
     ("jurisdiction_level", "nation", "Jurisdiction.parent must be None"),
     ("source_date_inferred", "yes", "must be true or false"),
     ("numerator", 5.0, "only meaningful for a percent indicator")],
)
def test_bad_cells_name_column_and_row(reading: da.Reading, column: str, value: object,
                                       words: str) -> None:
    source = da.Source("kh", "Report", "Báo Khánh Hòa", published=dt.date(2023, 7, 2))
    frame = _frame(attrs.evolve(reading, source=source), **{column: value})
    expected = "jurisdiction_parent" if column == "jurisdiction_level" else column
    with pytest.raises(da.ParseError, match=words) as info:
        frames.from_pandas(frame)
    assert info.value.column == expected
    assert "row 1 (index 1)" in str(info.value)


def test_missing_column_and_wrong_types(reading: da.Reading) -> None:
    frame = frames.to_pandas([reading]).drop(columns=["as_of"])
    with pytest.raises(da.ParseError, match="column 'as_of': the column is missing"):
        frames.from_pandas(frame)
    with pytest.raises(da.ParseError, match=r"needs a pandas\.DataFrame"):
        frames.from_pandas([reading])  # type: ignore[arg-type]
    with pytest.raises(da.ParseError, match=r"needs a polars\.DataFrame"):
        frames.from_polars(frames.to_pandas([reading]))  # type: ignore[arg-type]
    with pytest.raises(da.ParseError, match="item 0 must be a Reading"):
        frames.to_pandas([1])  # type: ignore[list-item]
    old = attrs.evolve(reading, as_of=dt.date(1600, 1, 1))
    with pytest.raises(da.ParseError, match="outside the datetime64"):
        frames.to_pandas([old])
    assert frames.from_polars(frames.to_polars([old])) == (old,)


def test_polars_errors_name_the_row(reading: da.Reading) -> None:
    frame = frames.to_polars([reading, reading]).with_columns(
        pl.Series("value", [1.0, -2.0]))
    with pytest.raises(da.ParseError, match=r"polars.DataFrame: column 'value': row 1: "):
        frames.from_polars(frame)


def test_trends_and_forecasts_frames(reading: da.Reading) -> None:
    earlier = attrs.evolve(reading, value=500_000, as_of=dt.date(2023, 6, 25))
    middle = attrs.evolve(reading, value=520_000, as_of=dt.date(2023, 6, 28))
    three = da.Series([reading, earlier, middle])
    two = da.Series([reading, earlier])
    trends = frames.trends_to_pandas({"three": da.trend(three), "two": da.trend(two)})
    assert list(trends["n"]) == [3, 2]
    assert math.isnan(trends["slope_se"].iloc[1])
    assert str(trends["start"].dtype) == "datetime64[ns]"
    fs = frames.forecasts_to_pandas({
        "trend": da.forecast(three, 756_805, deadline=dt.date(2023, 7, 30)),
        "one": da.forecast(reading, 756_805, deadline=dt.date(2023, 7, 30)),
    })
    assert str(fs["status"].dtype) == "category"
    assert list(fs["status"]) == [da.forecast(three, 756_805,
                                              deadline=dt.date(2023, 7, 30)).status.value,
                                  "not_available"]
    assert pd.isna(fs["reach_date"].iloc[1])
    assert str(fs["reach_date"].dtype) == "datetime64[ns]"
    assert round(fs["required_pace"].iloc[1], 2) == 7261.07


def test_missing_flag_column_reads_as_false(reading: da.Reading) -> None:
    source = da.Source("kh", "Report", "Báo Khánh Hòa")
    sourced = attrs.evolve(reading, source=source)
    frame = frames.to_pandas([sourced]).drop(columns=["source_date_inferred"])
    assert frames.from_pandas(frame) == (sourced,)


def test_a_cell_holding_a_list_is_named(reading: da.Reading) -> None:
    frame = frames.to_pandas([reading, reading]).astype(object)
    frame["indicator_name"] = pd.Series([reading.indicator.name, ["a", "list"]], dtype=object)
    with pytest.raises(da.ParseError, match=r"column 'indicator_name': row 1 \(index 1\): "
                                            r"must be text, not list"):
        frames.from_pandas(frame)


def test_errors_of_each_part_name_its_own_column(reading: da.Reading) -> None:
    """A jurisdiction's bad name used to be reported in the indicator_name column."""
    frame = _frame(reading, jurisdiction_name="  ")
    with pytest.raises(da.ParseError, match=r"Jurisdiction\.name must be") as info:
        frames.from_pandas(frame)
    assert info.value.column == "jurisdiction_name"


def test_an_integer_beyond_a_float_is_a_parse_error(reading: da.Reading) -> None:
    """A Python int too large for a float used to escape as OverflowError."""
    frame = _frame(reading, value=10**400)
    with pytest.raises(da.ParseError, match=r"Reading.value must be finite") as info:
        frames.from_pandas(frame)
    assert info.value.column == "value"


def test_source_cells_without_a_source_code_are_refused(reading: da.Reading) -> None:
    """As in a CSV file: source_* cells need a source code (they used to be dropped)."""
    frame = frames.to_pandas([reading]).assign(source_title="Report")
    with pytest.raises(da.ParseError, match=r"column 'source': row 0 .*: a source code is "):
        frames.from_pandas(frame)


SHARE = da.Indicator("eid-share", "e-ID share", "Tỷ lệ ĐDĐT", unit="percent")


def _printed(reading: da.Reading, value: str) -> da.Reading:
    return da.Reading(SHARE, Decimal(value), as_of=reading.as_of,
                      jurisdiction=reading.jurisdiction)


def test_a_percent_printed_98_90_keeps_its_two_decimals(reading: da.Reading) -> None:
    """Issue 17: a frame used to give back 98.9 with decimals None."""
    readings = (_printed(reading, "98.90"), _printed(reading, "100.00"),
                _printed(reading, "72.2"))
    assert [r.decimals for r in readings] == [2, 2, None]
    frame = frames.to_pandas(readings)
    assert str(frame["decimals"].dtype) == "Int16"
    assert frame["value"].tolist() == [98.9, 100.0, 72.2]
    assert frame["decimals"].tolist()[:2] == [2, 2]
    assert frame["decimals"].isna().tolist() == [False, False, True]
    polar = frames.to_polars(readings)
    assert polar.schema["decimals"] == pl.Int16
    assert polar["decimals"].to_list() == [2, 2, None]
    for back in (frames.from_pandas(frame), frames.from_polars(polar)):
        assert back == readings
        assert [r.decimals for r in back] == [2, 2, None]
        assert [r.printed_value for r in back] == [Decimal("98.90"), Decimal("100.00"),
                                                   Decimal("72.2")]


def test_a_frame_without_decimals_reads_as_before(reading: da.Reading) -> None:
    printed = _printed(reading, "98.90")
    bare = attrs.evolve(printed, decimals=None)
    assert frames.from_pandas(frames.to_pandas([printed]).drop(columns=["decimals"])) == (bare,)
    assert frames.from_polars(frames.to_polars([printed]).drop("decimals")) == (bare,)


def test_decimals_in_a_float_column_are_whole_numbers(reading: da.Reading) -> None:
    """A column of decimals with a gap, as pandas makes it by default (float64 and NaN)."""
    readings = (_printed(reading, "98.90"), _printed(reading, "72.2"))
    frame = frames.to_pandas(readings).assign(decimals=[2.0, math.nan])
    assert frames.from_pandas(frame) == readings


@pytest.mark.parametrize(
    ("value", "words"),
    [(-1, r"Reading\.decimals must be .*\(got -1\)"),
     (401, r"Reading\.decimals must be .*\(got 401\)"),
     (1, r"Reading\.decimals must be at least 2, .*\(got 1\)"),
     (2.5, r"must be a whole number, not float \(2\.5\)"),
     (math.inf, r"must be a whole number, not float \(inf\)"),
     ("2", r"must be a whole number, not str \('2'\)"),
     (True, r"must be a whole number, not bool \(True\)")],
)
def test_a_bad_decimals_value_names_column_row_and_value(reading: da.Reading, value: object,
                                                         words: str) -> None:
    frame = _frame(_printed(reading, "98.94"), decimals=value)
    with pytest.raises(da.ParseError, match=words) as info:
        frames.from_pandas(frame)
    assert info.value.column == "decimals"
    assert "row 1 (index 1)" in str(info.value)


def test_polars_bad_decimals_name_the_row(reading: da.Reading) -> None:
    frame = frames.to_polars([_printed(reading, "98.90")] * 2).with_columns(
        pl.Series("decimals", [2, -3], dtype=pl.Int16))
    with pytest.raises(da.ParseError, match=r"column 'decimals': row 1: Reading\.decimals "
                                            r"must be .*\(got -3\)") as info:
        frames.from_polars(frame)
    assert isinstance(info.value.__cause__, da.ValidationError)
