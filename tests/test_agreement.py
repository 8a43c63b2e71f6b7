"""Writers and readers agree: whatever the model accepts, each writer writes and its reader reads.

Issue 17, item 8: ``write_csv`` wrote files ``read_csv`` refused (a lone
``\\r`` in a note, a note over 131,072 characters, a NUL); the property at the
end checks every writer (CSV in the three number formats, JSON, pandas and
polars frames) against its reader on readings with extreme text and numbers,
each read back equal, printed decimals included.
"""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import sys
import unicodedata
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import batch, io
from de_an06 import strategies as das
from de_an06.io import schema

KH = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
PEOPLE = da.Indicator("eid-collected", "e-ID applications collected", "Thu nhận hồ sơ ĐDĐT",
                      unit="people")
DAY = dt.date(2023, 7, 1)
FORMATS = ("plain", "vi", "international")
LONG = 131_072 + 1  # one past csv.reader's default field limit


def _csv_round_trip(readings: list[da.Reading], number_format: str) -> tuple[da.Reading, ...]:
    out = stdio.StringIO()
    io.write_csv(io.Dataset(readings=readings), out, number_format=number_format)  # type: ignore[arg-type]
    return io.read_csv(stdio.StringIO(out.getvalue()),
                       number_format=number_format).readings  # type: ignore[arg-type]


def _note(note: str, value: object = 1) -> da.Reading:
    return da.Reading(PEOPLE, value, as_of=DAY, jurisdiction=KH, note=note)


@pytest.mark.parametrize("note", ["a\rb", "\r", "line\r", "x\r" * 10, "\r\n\r", "a\nb\r"])
@pytest.mark.parametrize("number_format", FORMATS)
def test_a_lone_carriage_return_is_quoted(note: str, number_format: str) -> None:
    reading = _note(note)
    assert _csv_round_trip([reading, _note("plain")], number_format) == (reading, _note("plain"))
    out = stdio.StringIO()
    io.write_csv(io.Dataset(readings=[reading]), out)
    columns = io.read_csv_columns(stdio.StringIO(out.getvalue()))
    assert columns.value.tolist() == [1.0]


def test_a_note_longer_than_the_csv_field_limit() -> None:
    reading = _note("x" * LONG + '\r"q"')
    assert _csv_round_trip([reading], "plain") == (reading,)
    out = stdio.StringIO()
    io.write_csv(io.Dataset(readings=[reading]), out)
    assert len(io.read_csv_columns(stdio.StringIO(out.getvalue()))) == 1
    # The limit is raised for the read only.
    assert sys.modules["csv"].field_size_limit() == 131_072


@pytest.mark.parametrize(("text", "match"), [
    ("a\x00b", r"Reading\.note must not hold a NUL character \(U\+0000\)"),
    ("\ud800", r"Reading\.note must not hold a lone surrogate \('\\ud800'\)"),
])
def test_text_no_file_can_hold_is_refused_by_the_model(text: str, match: str) -> None:
    with pytest.raises(da.ValidationError, match=match):
        _note(text)
    with pytest.raises(da.ValidationError, match=r"Jurisdiction\.name must not hold"):
        da.Jurisdiction("56", f"Khanh{text}Hoa", "Khánh Hòa", level="province")


@pytest.mark.parametrize("value", [10**30, 2**53 + 1, 1e300, 1e23, float(2**63), 10**300])
@pytest.mark.parametrize("number_format", FORMATS)
def test_huge_whole_numbers_are_written_in_full(value: float, number_format: str) -> None:
    reading = _note("", value)
    back = _csv_round_trip([reading], number_format)
    assert back == (reading,)
    assert back[0].value == value
    assert io.loads(io.dumps(io.Dataset(readings=[reading]))).readings == (reading,)


@pytest.mark.parametrize(("values", "pandas_dtype", "polars_dtype"), [
    ([546_234, 72.5], "float64", "Float64"),
    ([2**53 + 1, 3], "object", "Int64"),
    ([2**63 + 1, 3], "object", "Object"),
    ([2**53 + 1, 2.0**70], "object", "Object"),
    ([2.0**70, 3], "float64", "Float64"),
])
def test_frames_keep_integers_beyond_2_53(values: list[float], pandas_dtype: str,
                                          polars_dtype: str) -> None:
    frames: Any = pytest.importorskip("de_an06.frames")
    count = da.Indicator("x", "x", "x", unit="count")
    readings = tuple(da.Reading(count, value, as_of=DAY + dt.timedelta(days=i), jurisdiction=KH)
                     for i, value in enumerate(values))
    pytest.importorskip("pandas")
    frame = frames.to_pandas(readings)
    assert str(frame["value"].dtype) == pandas_dtype
    assert frames.from_pandas(frame) == readings
    assert [r.value for r in frames.from_pandas(frame)] == values
    pytest.importorskip("polars")
    table = frames.to_polars(readings)
    assert str(table["value"].dtype) == polars_dtype
    assert frames.from_polars(table) == readings


# --------------------------------------------------------------------------
# The property
# --------------------------------------------------------------------------

#: Every character Python calls a space, the controls, and the line breaks of str.splitlines.
SPACES = "".join(c for c in map(chr, range(sys.maxunicode + 1))
                 if c.isspace() or unicodedata.category(c) == "Zs")
CONTROLS = "".join(map(chr, range(1, 32))) + "\x7f\x85\u2028\u2029\ufeff\u200b\u200d"

_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
_TRICKY = st.sampled_from(SPACES + CONTROLS + "\"',;\r\n\u0301\u0323ĐđơƯ")
_PIECES = st.text(_CHARS, max_size=12) | st.text(_TRICKY, min_size=1, max_size=6)
TEXT = st.lists(_PIECES, max_size=4).map("".join)
#: Notes: any writable text, in NFC or NFD, sometimes longer than csv's field limit.
NOTES = st.one_of(
    TEXT,
    TEXT.map(lambda t: unicodedata.normalize("NFD", t)),
    st.just(SPACES + CONTROLS),
    st.sampled_from(["x" * LONG, ("\r\n" + SPACES) * 4_000]),
)
#: Names: text without surrounding whitespace, not blank.
NAMES = TEXT.map(lambda t: f"«{t}»") | TEXT.filter(lambda t: t.strip() == t and t != "")

#: Numbers of every size the model may accept (the unit's rule decides).
NUMBERS = st.one_of(
    st.integers(0, 10**40),
    st.integers(2**53 - 4, 2**53 + 4),
    st.floats(0, 1e308),
    st.floats(0, 100),
    st.floats(0, 1e-300),
    st.decimals(0, 10**6, places=3),
    st.sampled_from([5e-324, 1.7976931348623157e308, 1e23, 9007199254740993]),
)


@st.composite
def extreme_readings(draw: st.DrawFn) -> list[da.Reading]:
    """Readings of one jurisdiction with extreme notes, names and values."""
    place = draw(das.jurisdictions())
    place = attrs.evolve(place, name=draw(NAMES), name_vi=draw(NAMES))
    base = draw(st.lists(das.readings(jurisdictions=st.just(place)), min_size=1, max_size=3,
                         unique_by=lambda r: r.indicator.code))
    by_code = {r.indicator.code: r.indicator for r in base}
    indicators = {code: attrs.evolve(i, name=draw(NAMES)) for code, i in by_code.items()}
    # One source per code: a file holding a code described two ways is refused.
    sources = {r.source.code: r.source for r in reversed(base) if r.source is not None}
    base = [attrs.evolve(r, source=sources[r.source.code]) if r.source is not None else r
            for r in base]
    out = []
    for reading in base:
        value = draw(NUMBERS)
        try:
            changed = attrs.evolve(reading, indicator=indicators[reading.indicator.code],
                                   value=value, numerator=None, denominator=None,
                                   note=draw(NOTES))
        except da.ValidationError:
            changed = attrs.evolve(reading, indicator=indicators[reading.indicator.code],
                                   note=draw(NOTES))
        out.append(changed)
    return out


def _in_ns_range(readings: list[da.Reading]) -> bool:
    days = [d for r in readings for d in (r.as_of, r.period_start) if d is not None]
    return all(dt.date(1677, 9, 22) <= d <= dt.date(2262, 4, 11) for d in days)


# Each example writes and reads six files and frames: a two-hundredth of the profile's
# examples, 25 in `make test` (the floor) and 500 in `make fuzz`.
@pytest.mark.fuzz
@settings(max_examples=max(25, settings().max_examples // 200),
          suppress_health_check=list(HealthCheck))
@given(readings=extreme_readings(), number_format=st.sampled_from(FORMATS))
def test_every_writer_agrees_with_its_reader(readings: list[da.Reading],
                                             number_format: str) -> None:
    want = tuple(readings)
    assert _csv_round_trip(readings, number_format) == want
    dataset = io.Dataset(readings=readings)
    assert io.loads(io.dumps(dataset)).readings == want
    out = stdio.StringIO()
    io.write_csv(dataset, out, number_format=number_format)  # type: ignore[arg-type]
    columns = io.read_csv_columns(stdio.StringIO(out.getvalue()),
                                  number_format=number_format)  # type: ignore[arg-type]
    assert columns.value.tolist() == [float(r.value) for r in readings]
    assert columns.as_of.tolist() == [r.as_of for r in readings]
    assert [columns.indicator_codes[i] for i in columns.indicator] == [
        r.indicator.code for r in readings]
    # A frame keeps a reading's printed decimals too, in its `decimals` column.
    frames: Any = pytest.importorskip("de_an06.frames")
    if _in_ns_range(readings):
        pytest.importorskip("pandas")
        assert frames.from_pandas(frames.to_pandas(readings)) == want
    pytest.importorskip("polars")
    assert frames.from_polars(frames.to_polars(readings)) == want


def test_the_alphabets_hold_what_they_claim() -> None:
    assert "\u3000" in SPACES
    assert "\xa0" in SPACES
    assert "\x1c" in SPACES
    assert all(c not in SPACES + CONTROLS for c in "\x00\ud800")
    assert np.isfinite(float(Decimal("1e300")))


def test_format_number_follows_the_number_rule() -> None:
    from fractions import Fraction

    from de_an06.parsing import format_number

    assert format_number(np.float64(1.5)) == "1,5"
    assert format_number(np.int64(546_234)) == "546.234"
    assert format_number(Fraction(1, 2)) == "0,5"  # type: ignore[arg-type]
    assert format_number(Decimal("0.90")) == "0,90"
    for bad in (True, Decimal("NaN"), float("inf"), "5"):
        with pytest.raises(da.ValidationError, match=r"format_number\.value must be"):
            format_number(bad)  # type: ignore[arg-type]


def test_composed_and_decomposed_names_are_one_name_everywhere() -> None:
    composed = "Khánh Hòa"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    head = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
            "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
            "value,as_of\n")
    text = (head + f"eid,e-ID,Thu nhận,people,56,Khanh Hoa,{composed},province,VN,1,2023-07-01\n"
            + f"eid,e-ID,Thu nhận,people,56,Khanh Hoa,{decomposed},province,VN,2,2023-07-02\n")
    readings = io.read_csv(stdio.StringIO(text)).readings
    assert {r.jurisdiction.name_vi for r in readings} == {composed}
    columns = io.read_csv_columns(stdio.StringIO(text))
    assert columns.jurisdiction_codes == ("56",)
    assert da.Jurisdiction("56", "Khanh Hoa", decomposed, level="province", parent="VN") == \
        readings[0].jurisdiction
    mixed = [attrs.evolve(readings[0], note=decomposed), readings[1]]
    assert mixed[0].note == composed
    document = io.dumps(io.Dataset(readings=mixed)).replace(composed, decomposed)
    assert io.loads(document).readings == tuple(mixed)


# --------------------------------------------------------------------------
# Both CSV readers on files describing each code once
# --------------------------------------------------------------------------


def _csv_rows(readings: list[da.Reading], number_format: str) -> list[list[str]]:
    out = stdio.StringIO()
    io.write_csv(io.Dataset(readings=readings), out, number_format=number_format)  # type: ignore[arg-type]
    return list(csv.reader(stdio.StringIO(out.getvalue(), newline="")))


def _csv_file(rows: list[list[str]]) -> str:
    out = stdio.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _describing(header: list[str], part: str) -> list[int]:
    """Where the cells describing `part` are, its code's left out."""
    return [i for i, name in enumerate(header)
            if schema.column_named("readings", name).part == part and name != part]


@st.composite
def described_once(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]], str,
                                              list[da.Indicator]]:
    """A readings file of a few series, as written, then with codes described once.

    The rows as written (every row describes its codes), the same rows with
    some later rows of each code left empty but for the code, the number
    format and the objects known (the indicators, whose columns the file
    then leaves out, or none).
    """
    indicators = draw(st.lists(das.indicators(directions=st.sampled_from(da.Direction)),
                               min_size=1, max_size=3, unique_by=lambda i: i.code))
    places = draw(st.lists(das.jurisdictions(), min_size=1, max_size=2,
                           unique_by=lambda j: j.code))
    pairs = draw(st.lists(st.tuples(st.sampled_from(indicators), st.sampled_from(places)),
                          min_size=1, max_size=4, unique_by=lambda p: (p[0].code, p[1].code)))
    readings = [r for i, j in pairs
                for r in draw(das.series(indicators=st.just(i), jurisdictions=st.just(j),
                                         max_size=4))]
    number_format = draw(st.sampled_from(FORMATS))
    full = _csv_rows(draw(st.permutations(readings)), number_format)
    known: list[da.Indicator] = []
    if draw(st.booleans()):
        known = indicators
        kept = [i for i, name in enumerate(full[0]) if not name.startswith("indicator_")]
        full = [[row[i] for i in kept] for row in full]
    rows = [list(row) for row in full]
    for part in ("indicator", "jurisdiction"):
        code = rows[0].index(part)
        seen = set()
        for row in rows[1:]:
            if row[code] in seen and draw(st.booleans()):
                for i in _describing(rows[0], part):
                    row[i] = ""
            seen.add(row[code])
    return full, rows, number_format, known


def _outcome(reader: Any, text: str, number_format: str,
             known: list[da.Indicator]) -> Any:
    try:
        return reader(stdio.StringIO(text), number_format=number_format, known=known)
    except da.ParseError as error:
        return type(error), error.file, error.line, error.column, error.message, error.text


def _agree(text: str, number_format: str, known: list[da.Indicator]) -> Any:
    """Both readers' columns, checked equal; or both errors, checked equal."""
    data = _outcome(io.read_csv, text, number_format, known)
    columns = _outcome(io.read_csv_columns, text, number_format, known)
    if not isinstance(data, io.Dataset):
        assert columns == data
        return data
    assert isinstance(columns, io.ReadingColumns), columns
    readings = data.readings
    assert [columns.indicator_codes[i] for i in columns.indicator] == [
        r.indicator.code for r in readings]
    assert [columns.jurisdiction_codes[i] for i in columns.jurisdiction] == [
        r.jurisdiction.code for r in readings]
    assert columns.as_of.tolist() == [r.as_of for r in readings]
    assert columns.value.tolist() == [float(r.value) for r in readings]
    indicators = {r.indicator.code: r.indicator for r in readings}
    assert columns.units == tuple(indicators[c].unit for c in columns.indicator_codes)
    assert columns.directions == tuple(indicators[c].direction
                                       for c in columns.indicator_codes)
    return columns


@settings(max_examples=max(25, settings().max_examples // 20),
          suppress_health_check=list(HealthCheck))
@given(file=described_once())
def test_both_csv_readers_agree_on_codes_described_once(
        file: tuple[list[list[str]], list[list[str]], str, list[da.Indicator]]) -> None:
    full, rows, number_format, known = file
    text = _csv_file(rows)
    columns = _agree(text, number_format, known)
    assert isinstance(columns, io.ReadingColumns), columns
    assert columns == _agree(_csv_file(full), number_format, known)  # described on every row
    by_series: dict[tuple[str, str], list[da.Reading]] = {}
    for r in io.read_csv(stdio.StringIO(text), number_format=number_format,  # type: ignore[arg-type]
                         known=known).readings:
        by_series.setdefault((r.indicator.code, r.jurisdiction.code), []).append(r)
    table = batch.ReadingTable.from_series(da.Series(s) for s in by_series.values())
    assert batch.ReadingTable.from_columns(columns) == table


@settings(max_examples=max(25, settings().max_examples // 20),
          suppress_health_check=list(HealthCheck))
@given(file=described_once(), data=st.data())
def test_both_csv_readers_refuse_a_code_described_otherwise_alike(
        file: tuple[list[list[str]], list[list[str]], str, list[da.Indicator]],
        data: st.DataObject) -> None:
    """A row describing a code again, one cell changed: the same error from both readers."""
    full, rows, number_format, known = file
    header = rows[0]
    part = data.draw(st.sampled_from(["jurisdiction"] if known else
                                      ["indicator", "jurisdiction"]))
    first = data.draw(st.integers(1, len(rows) - 1))
    again = list(full[first])
    column = data.draw(st.sampled_from(_describing(header, part)))
    cell = schema.column_named("readings", header[column]).cell
    others = [m.value for m in cell.members] if cell.members is not None else []
    again[column] = data.draw(st.sampled_from([f"{again[column]} x", *others]).filter(
        lambda text: text != full[first][column]))
    later = data.draw(st.integers(first + 1, len(rows)))
    text = _csv_file([*rows[:later], again, *rows[later:]])
    found = _agree(text, number_format, known)
    assert isinstance(found, tuple), found
    assert found[0] is da.ParseError
