from __future__ import annotations

import csv
import datetime as dt
import io as stdio
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io
from de_an06 import strategies as das
from de_an06.io import cells

FORMATS = ("plain", "vi", "international")


def datasets() -> st.SearchStrategy[io.Dataset]:
    return das.datasets(max_readings=4)


@given(datasets(), st.sampled_from(FORMATS))
def test_round_trip_is_lossless(data: io.Dataset, number_format: Any) -> None:
    for kind in ("readings", "targets", "tasks"):
        out = stdio.StringIO()
        io.write_csv(data, out, kind=kind, number_format=number_format)
        again = io.read_csv(stdio.StringIO(out.getvalue()), number_format=number_format,
                            kind=kind)
        assert getattr(again, kind) == getattr(data, kind)
        # Types survive too: an int stays an int, a float a float -- except a
        # reading's value, written as printed: 33.0 (no printed decimals) is 33.
        for old, new in zip(getattr(data, kind), getattr(again, kind), strict=True):
            if kind == "targets" or (kind == "readings" and old.printed_decimals > 0):
                assert type(old.value) is type(new.value)
            if kind == "readings":
                assert new.printed_decimals == old.printed_decimals
        out2 = stdio.StringIO()
        io.write_csv(again, out2, kind=kind, number_format=number_format)
        assert out2.getvalue() == out.getvalue()


@given(datasets())
def test_kind_is_told_from_the_header(data: io.Dataset) -> None:
    for kind in ("readings", "targets", "tasks"):
        out = stdio.StringIO()
        io.write_csv(data, out, kind=kind)
        again = io.read_csv(stdio.StringIO(out.getvalue()))
        assert getattr(again, kind) == getattr(data, kind)


@given(datasets())
def test_columns_agree_with_records(data: io.Dataset) -> None:
    out = stdio.StringIO()
    io.write_csv(data, out)
    columns = io.read_csv_columns(stdio.StringIO(out.getvalue()))
    assert len(columns) == len(data.readings)
    assert columns.value.tolist() == [float(r.value) for r in data.readings]
    assert [dt.date.fromisoformat(str(d)) for d in columns.as_of] == [
        r.as_of for r in data.readings]
    assert [columns.indicator_codes[i] for i in columns.indicator] == [
        r.indicator.code for r in data.readings]
    assert [columns.jurisdiction_codes[i] for i in columns.jurisdiction] == [
        r.jurisdiction.code for r in data.readings]
    indicators = {r.indicator.code: r.indicator for r in data.readings}
    assert columns.units == tuple(indicators[c].unit for c in columns.indicator_codes)
    assert columns.directions == tuple(indicators[c].direction
                                       for c in columns.indicator_codes)


def test_file_round_trip(tmp_path: Path, reading: da.Reading) -> None:
    path = tmp_path / "readings.csv"
    io.write_csv(io.Dataset(readings=[reading]), path)
    assert io.read_csv(path).readings == (reading,)
    assert io.read_csv(str(path)).readings == (reading,)
    text = path.read_text(encoding="utf-8")
    assert "Khánh Hòa" in text
    assert text.splitlines()[0].split(",") == list(io.READING_COLUMNS)


HEADER = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
          "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
          "value,as_of")
ROW = "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,VN,{value},{as_of}"


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def good(value: str = "546234", as_of: str = "2023-07-01") -> str:
    return ROW.format(value=value, as_of=as_of)


def write(tmp_path: Path, text: str | bytes, name: str = "readings.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def share(value: str) -> str:
    return ROW.replace("eid,e-ID,ĐDĐT,people", "eid-share,e-ID share,Tỷ lệ ĐDĐT,percent").format(
        value=value, as_of="2023-07-01")


def test_vietnamese_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(good('"546.234"'), share('"72,2"')))
    readings = io.read_csv(path, number_format="vi").readings
    assert [r.value for r in readings] == [546234, 72.2]
    assert isinstance(readings[0].value, int)
    columns = io.read_csv_columns(path, number_format="vi")
    assert columns.value.tolist() == [546234.0, 72.2]
    intl = write(tmp_path, csv_text(good('"1,497,360"'), share("65.57")), "intl.csv")
    assert [r.value for r in io.read_csv(intl, number_format="international").readings] == [
        1497360, 65.57]
    assert io.read_csv_columns(intl, number_format="international").value.tolist() == [
        1497360.0, 65.57]


def test_a_count_read_in_the_wrong_format_fails_loudly(tmp_path: Path) -> None:
    # "546,234" written the international way, read as Vietnamese: 546.234 people.
    path = write(tmp_path, csv_text(good(), good('"546,234"', as_of="2023-07-02")))
    with pytest.raises(da.ParseError, match="whole number") as info:
        io.read_csv(path, number_format="vi")
    assert info.value.line == 3


def test_day_first_dates_with_vietnamese_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(good(as_of="1/7/2023")))
    assert io.read_csv(path, number_format="vi").readings[0].as_of == dt.date(2023, 7, 1)
    assert io.read_csv_columns(path, number_format="vi").as_of.tolist() == [dt.date(2023, 7, 1)]


@pytest.mark.parametrize(("rows", "number_format", "message"), [
    ((good(), good(), good('"12..3"')), "vi",
     "readings.csv:4: column 'value': cannot read '12..3' as a number (a thousands group"),
    ((good("12..3"),), "plain", "readings.csv:2: column 'value': cannot read '12..3' as a number"),
    ((good("nan"),), "plain", "readings.csv:2: column 'value': cannot read 'nan' as a number"),
    ((good("1e999"),), "plain", "readings.csv:2: column 'value': '1e999' is too large"),
    ((good("1.5"),), "vi", "readings.csv:2: column 'value': cannot read '1.5' as a number"),
    ((good("-5"),), "plain", "readings.csv:2: column 'value': Reading.value must be >= 0"),
    ((good(as_of="2023-02-30"),), "plain",
     "readings.csv:2: column 'as_of': '2023-02-30' is not a valid date"),
    ((good(as_of="1/7/2023"),), "plain",
     "readings.csv:2: column 'as_of': cannot read '1/7/2023' as a date (expected YYYY-MM-DD)"),
    ((good() + ",extra",), "plain", "readings.csv:2: expected 11 fields, got 12"),
    ((good().replace("people", "persons"),), "plain",
     "readings.csv:2: column 'indicator_unit': cannot read 'persons' as Unit"),
    ((good().replace(",56,", ",5 6,"),), "plain", "readings.csv:2: column 'jurisdiction': "),
])
def test_row_errors(tmp_path: Path, rows: tuple[str, ...], number_format: Any,
                    message: str) -> None:
    path = write(tmp_path, csv_text(*rows))
    with pytest.raises(da.ParseError) as info:
        io.read_csv(path, number_format=number_format)
    assert str(info.value).startswith(str(tmp_path / message))
    assert info.value.file == str(path)
    # The fast reader names the same line and column.
    with pytest.raises(da.ParseError) as fast:
        io.read_csv_columns(path, number_format=number_format)
    assert (fast.value.line, fast.value.column) == (info.value.line, info.value.column)
    assert str(fast.value) == str(info.value)


def test_model_errors_name_the_column(tmp_path: Path) -> None:
    share = good("112.5").replace("people", "percent")
    path = write(tmp_path, csv_text(share))
    with pytest.raises(da.ParseError, match=r":2: column 'value': Reading.value must be in"):
        io.read_csv(path)
    with pytest.raises(da.ParseError, match=r":2: column 'value': Reading.value must be in"):
        io.read_csv_columns(path)
    path = write(tmp_path, csv_text(good().replace("Khanh Hoa", "")), "blank.csv")
    with pytest.raises(da.ParseError, match=r"column 'jurisdiction_name': Jurisdiction.name"):
        io.read_csv(path)
    rank = good("0").replace("people", "rank")
    path = write(tmp_path, csv_text(rank), "rank.csv")
    with pytest.raises(da.ParseError, match="must be >= 1 for a rank"):
        io.read_csv_columns(path)


def test_inconsistent_descriptions(tmp_path: Path) -> None:
    other = good().replace("Khánh Hòa", "Khanh Hoà (cũ)")
    path = write(tmp_path, csv_text(good(), other))
    with pytest.raises(da.ParseError, match=r":3: column 'jurisdiction_name_vi': jurisdiction "
                                            r"'56' is described differently on line 2 "
                                            r"\(name_vi 'Khánh Hòa'\)"):
        io.read_csv(path)


def test_header_errors(tmp_path: Path) -> None:
    with pytest.raises(da.ParseError, match=r"readings.csv:1: missing column 'as_of'"):
        io.read_csv(write(tmp_path, csv_text(header=HEADER.replace(",as_of", ",note"))),
                    kind="readings")
    with pytest.raises(da.ParseError, match=r":1: column 'colour': unknown column"):
        io.read_csv(write(tmp_path, csv_text(good() + ",x", header=HEADER + ",colour")))
    with pytest.raises(da.ParseError, match=r":1: column 'value': column appears twice"):
        io.read_csv(write(tmp_path, csv_text(good() + ",1", header=HEADER + ",value")))
    with pytest.raises(da.ParseError, match="cannot tell whether"):
        io.read_csv(write(tmp_path, "a,b\n1,2\n"))
    with pytest.raises(da.ParseError, match="missing column"):
        io.read_csv_columns(write(tmp_path, "indicator,value\n"))


def test_bom_crlf_and_quoted_newlines(tmp_path: Path) -> None:
    text = csv_text(good(), good("7")).replace("\n", "\r\n")
    path = write(tmp_path, b"\xef\xbb\xbf" + text.encode())
    assert [r.value for r in io.read_csv(path).readings] == [546234, 7]
    assert io.read_csv_columns(path).value.tolist() == [546234.0, 7.0]
    header = HEADER + ",note"
    text = csv_text(good() + ',"two\nlines"', good("x") + ",", header=header)
    path = write(tmp_path, text, "multi.csv")
    with pytest.raises(da.ParseError, match=r"multi.csv:4: column 'value'"):
        io.read_csv(path)
    with pytest.raises(da.ParseError, match=r"multi.csv:4: column 'value'"):
        io.read_csv_columns(path)


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "\n" + csv_text(good(), "", good("8")) + "\n\n")
    assert len(io.read_csv(path).readings) == 2
    assert len(io.read_csv_columns(path)) == 2


@pytest.mark.parametrize(("content", "message"), [
    (b"", "readings.csv:1: empty file"),
    (b"\xef\xbb\xbf \n", "readings.csv:1: empty file"),
    (csv_text(good(), good()).encode().replace(b"5462", b"54\x0062"),
     "readings.csv:2: NUL byte"),
    (csv_text(good()).encode().replace("Khánh".encode(), b"Kh\xe1nh"),
     "readings.csv:2: not UTF-8 text"),
    (csv_text('eid,"e-ID"x,ĐDĐT'), "readings.csv:2: malformed CSV"),
])
def test_file_errors(tmp_path: Path, content: bytes | str, message: str) -> None:
    path = write(tmp_path, content)
    for read in (io.read_csv, io.read_csv_columns):
        with pytest.raises(da.ParseError) as info:
            read(path)
        assert str(info.value).startswith(str(tmp_path / message))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(da.ParseError, match="cannot read file"):
        io.read_csv(tmp_path / "nope.csv")


def test_collect_mode(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(good(), good("x"), good("7"), good(as_of="2023-13-01"),
                                    good() + ",1"))
    with pytest.raises(da.ParseError, match=":3:"):
        io.read_csv(path)
    data = io.read_csv(path, collect_errors=True)
    assert [r.value for r in data.readings] == [546234, 7]
    assert [(e.line, e.column) for e in data.errors] == [(3, "value"), (5, "as_of"), (6, None)]
    assert data.errors[0].text == "x"


def test_source_and_optional_columns(tmp_path: Path, reading: da.Reading) -> None:
    source = da.Source("kh-2023", "Report", "UBND Khánh Hòa", published=dt.date(2023, 7, 2))
    with_source = da.Reading(reading.indicator, 7, as_of=dt.date(2023, 7, 2),
                             jurisdiction=reading.jurisdiction,
                             source=source, note='a, "quoted"\nnote')
    path = tmp_path / "r.csv"
    io.write_csv(io.Dataset(readings=[reading, with_source]), path)
    assert io.read_csv(path).readings == (reading, with_source)
    header = HEADER + ",source_title"
    text = csv_text(good() + ",Report", header=header)
    with pytest.raises(da.ParseError, match="column 'source': a source code is required"):
        io.read_csv(write(tmp_path, text, "s.csv"))


def test_tasks_and_targets(tmp_path: Path, collected: da.Indicator,
                           khanh_hoa: da.Jurisdiction) -> None:
    task = da.Task("qn-2024-01", "Pilot model", "Mô hình điểm", owner="Sở", group=3,
                   jurisdiction="51", deadline=dt.date(2025, 12, 31), status="in_progress")
    target = da.Target(collected, 756_805, jurisdiction=khanh_hoa, deadline=dt.date(2023, 7, 30),
                       inferred=True)
    data = io.Dataset(tasks=[task], targets=[target])
    io.write_csv(data, tmp_path / "tasks.csv", kind="tasks")
    io.write_csv(data, tmp_path / "targets.csv", kind="targets", number_format="vi")
    assert io.read_csv(tmp_path / "tasks.csv").tasks == (task,)
    assert io.read_csv(tmp_path / "targets.csv", number_format="vi").targets == (target,)
    bad = (tmp_path / "tasks.csv").read_text(encoding="utf-8").replace(",3,", ",three,")
    with pytest.raises(da.ParseError, match="column 'group': cannot read 'three' as a whole"):
        io.read_csv(write(tmp_path, bad, "bad.csv"))
    bad = (tmp_path / "targets.csv").read_text(encoding="utf-8").replace(",true,", ",yes,")
    with pytest.raises(da.ParseError, match="column 'inferred': cannot read 'yes'"):
        io.read_csv(write(tmp_path, bad, "bad2.csv"), number_format="vi")


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(da.ValidationError, match="number_format"):
        io.read_csv(tmp_path / "x.csv", number_format="de")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="number_format"):
        io.read_csv_columns(tmp_path / "x.csv", number_format="de")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="kind"):
        io.write_csv(io.Dataset(), tmp_path / "x.csv", kind="people")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="kind"):
        io.read_csv(write(tmp_path, csv_text(good())), kind="people")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="dataset"):
        io.write_csv([], tmp_path / "x.csv")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="path"):
        io.read_csv(3)  # type: ignore[arg-type]
    with pytest.raises(da.ParseError, match="text stream"):
        io.read_csv(stdio.BytesIO(b"a"))  # type: ignore[arg-type]


def test_columns_are_read_only_and_compare(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(good(), good("9", "2023-07-02")))
    columns = io.read_csv_columns(path)
    assert columns == io.read_csv_columns(path)
    assert columns.value.dtype == np.float64
    assert columns.as_of.dtype == np.dtype("datetime64[D]")
    with pytest.raises(ValueError, match="read-only"):
        columns.value[0] = 1.0
    empty = io.read_csv_columns(write(tmp_path, csv_text(), "empty.csv"))
    assert len(empty) == 0


def test_columns_fast_path_matches_slow_path(tmp_path: Path) -> None:
    rows = [good(str(i), f"2023-07-{1 + i % 28:02d}") for i in range(200)]
    rows += [ROW.replace("eid", "other").replace("people", "count").format(
        value="1.5", as_of="2024-01-01")]
    path = write(tmp_path, csv_text(*rows))
    fast = io.read_csv_columns(path)
    from de_an06.io import _columns

    slow = _columns._slow(path.read_text(encoding="utf-8"), str(path), "plain")
    assert fast == slow
    assert fast.indicator_codes == ("eid", "other")


def test_writer_quotes_what_needs_quoting() -> None:
    out = stdio.StringIO()
    ind = da.Indicator("x", "a, b", "c", unit="percent")
    place = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    io.write_csv(io.Dataset(readings=[da.Reading(ind, 65.57, as_of=dt.date(2023, 1, 1),
                                                 jurisdiction=place)]),
                 out, number_format="vi")
    row = next(iter(csv.DictReader(stdio.StringIO(out.getvalue()))))
    assert row["indicator_name"] == "a, b"
    assert row["value"] == "65,57"
    assert row["jurisdiction_parent"] == ""


def test_vietnamese_edge_cells(tmp_path: Path) -> None:
    huge = "1" + "0" * 400 + ",5"
    path = write(tmp_path, csv_text(good(f'"{huge}"')))
    with pytest.raises(da.ParseError, match="too large to be a finite number"):
        io.read_csv(path, number_format="vi")
    path = write(tmp_path, csv_text(good(as_of="ngày mai")), "d.csv")
    with pytest.raises(da.ParseError, match="column 'as_of': cannot read 'ngày mai' as a date"):
        io.read_csv(path, number_format="vi")
    header = HEADER + ",qualifier,basis"
    path = write(tmp_path, csv_text(good() + ",,", header=header), "q.csv")
    reading = io.read_csv(path).readings[0]
    assert reading.qualifier is da.Qualifier.EXACT
    assert reading.basis is da.Basis.UNSTATED


def full_layout(tmp_path: Path, reading: da.Reading, name: str = "full.csv") -> Path:
    path = tmp_path / name
    io.write_csv(io.Dataset(readings=[reading, reading]), path)
    return path


@pytest.mark.parametrize(("change", "line", "column"), [
    (lambda rows: [*rows[:2], "", rows[2]], None, None),  # blank line: skipped
    (lambda rows: [rows[0], rows[1] + ",x", rows[2]], 2, None),
    (lambda rows: [rows[0], rows[1].rsplit(",", 1)[0], rows[2]], 2, None),
    (lambda rows: [rows[0], rows[1], '"' + rows[2].replace(",", '",', 1)], None, None),
    (lambda rows: [rows[0], rows[1], '"' + rows[2].replace(",", '",', 1) + ",x"], 3, None),
    (lambda rows: ["", *rows], None, None),  # blank first line: skipped
    (lambda rows: ["", rows[0], '"' + rows[1].replace(",", '",', 1), rows[2]], None, None),
])
def test_columns_structure(tmp_path: Path, reading: da.Reading, change: Any,
                           line: int | None, column: str | None) -> None:
    path = full_layout(tmp_path, reading)
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(change(rows)) + "\n", encoding="utf-8")
    if line is None:
        assert len(io.read_csv_columns(path)) == 2
        assert len(io.read_csv(path).readings) == 2
        return
    with pytest.raises(da.ParseError) as info:
        io.read_csv_columns(path)
    assert (info.value.line, info.value.column) == (line + 0, column)


def test_columns_leave_the_collector_alone(tmp_path: Path, reading: da.Reading,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader used to pause the (process-wide) garbage collector; it needs not."""
    import gc

    def refuse() -> None:
        raise AssertionError("read_csv_columns must not switch the collector")

    path = full_layout(tmp_path, reading)
    blank_first = tmp_path / "blank.csv"
    blank_first.write_text("\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(gc, "disable", refuse)
    monkeypatch.setattr(gc, "enable", refuse)
    assert len(io.read_csv_columns(path)) == 2
    assert len(io.read_csv_columns(blank_first)) == 2  # the careful path


def test_columns_in_many_chunks(tmp_path: Path, reading: da.Reading,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    from de_an06.io import _columns

    monkeypatch.setattr(_columns, "_BLOCK", 10)
    monkeypatch.setattr(_columns, "_CHUNK", 1)
    path = full_layout(tmp_path, reading)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n"), encoding="utf-8")  # no newline at the end
    columns = io.read_csv_columns(path)
    assert columns.indicator.tolist() == [0, 0]
    quoted = text.replace("Khánh Hòa", '"Khánh Hòa"')
    path.write_text(quoted, encoding="utf-8")
    assert io.read_csv_columns(path) == columns


# Regressions found by `make fuzz` (tests/fuzz).


@pytest.mark.parametrize("number_format", FORMATS)
@pytest.mark.parametrize("value", ["1" + "0" * 400, "1" + "0" * 5000, "9" * 309])
def test_numbers_beyond_a_float_are_parse_errors(value: str, number_format: Any) -> None:
    """10**400 used to escape as OverflowError, 5,000 digits as ValueError (int() limit)."""
    text = csv_text(ROW.format(value=value, as_of="2023-07-01"))
    with pytest.raises(da.ParseError, match="too large to be a finite number") as info:
        io.read_csv(stdio.StringIO(text), number_format=number_format)
    assert (info.value.line, info.value.column) == (2, "value")
    with pytest.raises(da.ParseError, match="too large to be a finite number") as info:
        io.read_csv_columns(stdio.StringIO(text), number_format=number_format)
    assert (info.value.line, info.value.column) == (2, "value")


def test_leading_zeros_beyond_int_digit_limit_still_read() -> None:
    text = csv_text(ROW.format(value="0" * 5000 + "546234", as_of="2023-07-01"))
    assert io.read_csv(stdio.StringIO(text)).readings[0].value == 546234
    assert io.read_csv_columns(stdio.StringIO(text)).value.tolist() == [546234.0]


def test_task_group_with_thousands_of_digits_is_a_parse_error() -> None:
    text = "code,name,name_vi,owner,group\nt1,T,T,x," + "9" * 5000 + "\n"
    with pytest.raises(da.ParseError, match="too large") as info:
        io.read_csv(stdio.StringIO(text), kind="tasks")
    assert (info.value.line, info.value.column) == (2, "group")


def test_columns_skip_a_record_of_a_lone_carriage_return() -> None:
    """A blank record ("\\r" after the header) used to raise IndexError in the fast path."""
    text = csv_text(ROW.format(value=546234, as_of="2023-07-01")).replace("\n", "\n\r", 1)
    assert io.read_csv(stdio.StringIO(text)).readings[0].value == 546234
    assert io.read_csv_columns(stdio.StringIO(text)).value.tolist() == [546234.0]


def test_columns_refuse_year_zero() -> None:
    """NumPy reads 0000-01-01, Python has no year 0: read_csv_columns used to accept it."""
    text = csv_text(ROW.format(value="5", as_of="0000-01-01"))
    for read in (io.read_csv, io.read_csv_columns):
        with pytest.raises(da.ParseError, match="'0000-01-01' is not a valid date") as info:
            read(stdio.StringIO(text))
        assert (info.value.line, info.value.column) == (2, "as_of")
    first = csv_text(ROW.format(value="5", as_of="0001-01-01"))
    assert io.read_csv_columns(stdio.StringIO(first)).as_of.tolist() == [dt.date(1, 1, 1)]


@pytest.mark.parametrize("number_format", ["plain", "vi"])
def test_columns_refuse_a_fraction_of_a_counted_unit(tmp_path: Path,
                                                    number_format: str) -> None:
    # "546,234" read in the plain format is 546.234 people: refused by both readers.
    cell = "546.234" if number_format == "plain" else '"546,234"'
    path = write(tmp_path, csv_text(good("1000"), good(cell, "2023-07-02")))
    message = r":3: column 'value': Reading.value must be a whole number for unit 'people'"
    with pytest.raises(da.ParseError, match=message):
        io.read_csv(path, number_format=number_format)  # type: ignore[arg-type]
    with pytest.raises(da.ParseError, match=message):
        io.read_csv_columns(path, number_format=number_format)  # type: ignore[arg-type]
    whole = write(tmp_path, csv_text(good("546234"), good("546234.0", "2023-07-02")), "w.csv")
    assert io.read_csv_columns(whole).value.tolist() == [546_234.0, 546_234.0]


# Units and directions: data on the fast path.


def days(value: str, as_of: str, direction: str = "") -> str:
    """A row of a lower-is-better indicator (processing days), direction cell last."""
    return (ROW.replace("eid,e-ID,ĐDĐT,people", "wait,Processing days,Số ngày,days")
            .format(value=value, as_of=as_of) + f",{direction}")


DIRECTED = HEADER + ",indicator_direction"


def test_columns_carry_each_indicators_unit_and_direction(tmp_path: Path) -> None:
    rows = [good() + ",", days("20", "2023-07-01"), good("7", "2023-07-02") + ",higher",
            days("18", "2023-07-02", "lower"), ROW.replace("eid,e-ID,ĐDĐT,people",
                                                          "share,Share,Tỷ lệ,percent").format(
                value="12.5", as_of="2023-07-02") + ",lower"]
    path = write(tmp_path, csv_text(*rows, header=DIRECTED))
    full = io.read_csv(path).readings
    for columns in (io.read_csv_columns(path),
                    _columns_slow(path)):
        assert columns.indicator_codes == ("eid", "wait", "share")
        assert columns.units == (da.Unit.PEOPLE, da.Unit.DAYS, da.Unit.PERCENT)
        assert columns.directions == (da.Direction.HIGHER_IS_BETTER,
                                      da.Direction.LOWER_IS_BETTER,
                                      da.Direction.LOWER_IS_BETTER)
        by_code = {r.indicator.code: r.indicator for r in full}
        assert columns.units == tuple(by_code[c].unit for c in columns.indicator_codes)
        assert columns.directions == tuple(by_code[c].direction
                                           for c in columns.indicator_codes)


def test_columns_without_a_direction_column_take_the_units_default(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(good(), days("20", "2023-07-01")[:-1]))
    for columns in (io.read_csv_columns(path), _columns_slow(path)):
        assert columns.directions == (da.Direction.HIGHER_IS_BETTER,
                                      da.Direction.LOWER_IS_BETTER)
    empty = io.read_csv_columns(write(tmp_path, csv_text(header=DIRECTED), "empty.csv"))
    assert (empty.units, empty.directions) == ((), ())


def _columns_slow(path: Path) -> io.ReadingColumns:
    from de_an06.io import _columns

    return _columns._slow(path.read_text(encoding="utf-8"), str(path), "plain")


@pytest.mark.parametrize(("rows", "line", "column", "message"), [
    ((good() + ",", good("7", "2023-07-02").replace("people", "count") + ","), 3,
     "indicator_unit", "indicator 'eid' is described differently on line 2 (unit 'people')"),
    ((good() + ",", good("7", "2023-07-02") + ",lower"), 3, "indicator_direction",
     "indicator 'eid' is described differently on line 2 (direction 'higher')"),
    ((good() + ",", good("7", "2023-07-02") + ",upward"), 3, "indicator_direction",
     "cannot read 'upward' as Direction (expected one of 'higher', 'lower')"),
])
def test_columns_refuse_an_indicator_described_two_ways(
        tmp_path: Path, rows: tuple[str, ...], line: int, column: str, message: str) -> None:
    path = write(tmp_path, csv_text(*rows, header=DIRECTED))
    for read in (io.read_csv, io.read_csv_columns):
        with pytest.raises(da.ParseError) as info:
            read(path)
        assert (info.value.line, info.value.column, info.value.message) == (
            line, column, message)


def test_an_empty_direction_agrees_with_the_units_default(tmp_path: Path) -> None:
    path = write(tmp_path, csv_text(good() + ",", good("7", "2023-07-02") + ",higher",
                                    header=DIRECTED))
    assert len(io.read_csv(path).readings) == 2
    assert io.read_csv_columns(path).directions == (da.Direction.HIGHER_IS_BETTER,)


def test_a_value_rule_on_an_earlier_line_is_reported_first(tmp_path: Path) -> None:
    # Line 2 breaks a value rule, line 3 has a bad date: the careful reader names line 2.
    path = write(tmp_path, csv_text(good("-5"), good(as_of="1/7/2023")))
    for read in (io.read_csv, io.read_csv_columns):
        with pytest.raises(da.ParseError, match=r":2: column 'value': Reading.value must be"):
            read(path)


def test_a_source_without_its_title_column_is_a_parse_error(tmp_path: Path) -> None:
    """A source code without source_title/source_publisher columns used to raise TypeError."""
    path = write(tmp_path, csv_text(good() + ",kh", header=HEADER + ",source"))
    with pytest.raises(da.ParseError, match=r":2: column 'source': source 'kh' is not "
                                            r"described: give its source_title, "
                                            r"source_publisher on its first row"):
        io.read_csv(path)


# A file is read in blocks (issue 17): what spans blocks reads as the whole file did,
# and errors come in the order they did when the whole text was decoded first.


def many_rows(rows: int, newline: str = "\n") -> str:
    return csv_text(*(good(str(i), f"2023-07-{1 + i % 28:02d}") for i in range(rows))
                    ).replace("\n", newline)


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    from de_an06.io import _columns, _csv

    monkeypatch.setattr(_csv, "_BYTES", 64)
    monkeypatch.setattr(_csv, "_CHARACTERS", 64)
    monkeypatch.setattr(_columns, "_CHUNK", 3)


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_files_read_in_small_blocks_read_as_whole(tmp_path: Path, newline: str) -> None:
    text = many_rows(40, newline)
    text = text.replace("Khanh Hoa", "Khanh Hoa " + "x" * 300)  # lines over many blocks
    path = write(tmp_path, text.encode("utf-8-sig"))
    stream = stdio.StringIO(text)
    columns = io.read_csv_columns(path)
    from de_an06.io import _columns

    assert columns == io.read_csv_columns(stdio.StringIO(text))
    assert columns == _columns._slow(text, "text", "plain")
    assert columns.value.tolist() == [float(i) for i in range(40)]
    readings = io.read_csv(path).readings
    assert readings == io.read_csv(stream).readings
    assert [r.value for r in readings] == list(range(40))
    assert readings[0].jurisdiction.name.endswith("x" * 300)


@pytest.mark.usefixtures("small_blocks")
def test_a_quote_after_the_first_block_is_read_by_csv_reader(tmp_path: Path) -> None:
    rows = [good(str(i)) for i in range(30)]
    rows[20] = rows[20].replace("56,Khanh Hoa", '57,"Khanh\nHoa, a place"')
    path = write(tmp_path, csv_text(*rows))
    columns = io.read_csv_columns(path)
    assert columns.value.tolist() == [float(i) for i in range(30)]
    assert io.read_csv(path).readings[20].jurisdiction.name == "Khanh\nHoa, a place"
    broken = write(tmp_path, csv_text(*rows, "eid,x"), "broken.csv")
    with pytest.raises(da.ParseError, match="expected 11 fields, got 2") as info:
        io.read_csv_columns(broken)
    assert info.value.line == 33  # the quoted cell spans two lines


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize(("tail", "message"), [
    (b"\xff\n", "not UTF-8 text"),
    (b"a\x00b\n", "NUL byte"),
])
def test_a_bad_byte_late_in_the_file_comes_before_a_bad_record(tmp_path: Path, tail: bytes,
                                                               message: str) -> None:
    text = many_rows(30)
    bad_header = text.replace("as_of", "as_off", 1).encode()
    bad_row = text.replace(",0,2023-07-01", ",x,2023-07-01", 1).encode()
    for data in (bad_header, bad_row):
        path = write(tmp_path, data + tail)
        for reader in (io.read_csv, io.read_csv_columns):
            with pytest.raises(da.ParseError, match=message) as info:
                reader(path)
            assert info.value.line == 32
    with pytest.raises(da.ParseError, match="unknown column"):
        io.read_csv(write(tmp_path, bad_header))
    with pytest.raises(da.ParseError, match="as a number") as info:
        io.read_csv_columns(write(tmp_path, bad_row))
    assert info.value.line == 2


@pytest.mark.usefixtures("small_blocks")
def test_blank_files_of_many_blocks_are_empty(tmp_path: Path) -> None:
    for blank in (" " * 200, "\n" * 200, "\r\n" * 100):
        path = write(tmp_path, blank)
        for reader in (io.read_csv, io.read_csv_columns):
            with pytest.raises(da.ParseError, match="empty file"):
                reader(path)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_readers_do_not_hold_the_whole_text(tmp_path: Path, newline: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A generous bound on a 2 MB file: holding its text (2 bytes a character) breaks it.

    Blocks and chunks are made smaller than a real file's, so that they do
    not weigh on so small a file; ``benchmarks/csv_reader.py`` measures real files.
    """
    import tracemalloc

    from de_an06.io import _columns, _csv

    monkeypatch.setattr(_csv, "_BYTES", 1 << 16)
    monkeypatch.setattr(_columns, "_CHUNK", 1024)
    path = write(tmp_path, many_rows(27_000, newline))
    size = path.stat().st_size
    assert size > 2_000_000
    io.read_csv_columns(path)  # first calls fill caches (compiled patterns, imports)
    for reader in (io.read_csv_columns, io.read_csv):
        tracemalloc.start()
        try:
            result = reader(path)
            held, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(result.readings if isinstance(result, io.Dataset) else result) == 27_000
        assert (peak - held) / size <= 3  # the working memory, beside the result


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_read_once(tmp_path: Path) -> None:
    """A pipe cannot be read twice: its text is read whole, as a stream's is."""
    import os
    import threading

    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    text = csv_text(good(), good("7", "2023-07-02").replace(",56,", ",57,"))

    def feed() -> None:
        path.write_text(text.replace(",546234,", ",x,"), encoding="utf-8")

    for reader in (io.read_csv_columns, io.read_csv):
        writer = threading.Thread(target=feed)
        writer.start()
        with pytest.raises(da.ParseError, match="as a number") as info:
            reader(path)
        writer.join()
        assert info.value.line == 2


@pytest.mark.parametrize("value", ["1e+400", "-1E400"])
def test_a_plain_exponent_beyond_a_float_is_a_parse_error(value: str) -> None:
    text = csv_text(ROW.format(value=value, as_of="2023-07-01"))
    with pytest.raises(da.ParseError, match="too large to be a finite number") as info:
        io.read_csv(stdio.StringIO(text), number_format="plain")
    assert (info.value.line, info.value.column) == (2, "value")
    sheet = stdio.StringIO(f"Mã xã;Ngày;Giá trị\n1;2023-07-01;5\n1;2023-07-02;{value}\n")
    with pytest.raises(da.ParseError, match="too large to be a finite number") as info:
        io.read_table(sheet, number_format="plain")
    assert info.value.line == 3
    with pytest.raises(cells.CellError, match="too large to be a finite number"):
        cells.read_number(value, "plain")
