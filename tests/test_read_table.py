"""io.read_table: a province's spreadsheet as it is, into a ReadingTable."""

from __future__ import annotations

import datetime as dt
import io as stdio
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import de_an06 as da
from de_an06 import batch, datasets, io
from de_an06.errors import ParseError, ValidationError

HEADER = "Mã xã;Tên xã;Ngày;Giá trị;Chỉ tiêu;Hạn hoàn thành"


def read(text: str, **kwargs: Any) -> batch.ReadingTable:
    source = stdio.StringIO(text)
    source.name = "xa.csv"
    return io.read_table(source, **kwargs)


def rows(*lines: str, header: str = HEADER, sep: str = ";") -> str:
    return "\n".join([header.replace(";", sep), *(ln.replace(";", sep) for ln in lines)]) + "\n"


def test_vietnamese_layout_with_title_rows_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    text = ("BÁO CÁO;;;;;\r\n;;;;;\r\n" + HEADER + "\r\n"
            "26734;Xã Đồng Tâm;05/01/2025;1.187;2.450;30/06/2025\r\n"
            "26734;Xã Đồng Tâm;12/01/2025;1.279;2.450;30/06/2025\r\n"
            "26737;Xã Tân Lập;05/01/2025;640;1.900;\r\n")
    path.write_text(text, encoding="utf-8-sig", newline="")
    table = io.read_table(path)
    assert table.ids.tolist() == ["26734", "26737"]
    assert table.values.tolist() == [1187.0, 1279.0, 640.0]
    assert table.days.astype("datetime64[D]").tolist() == [
        dt.date(2025, 1, 5), dt.date(2025, 1, 12), dt.date(2025, 1, 5)]
    info = table.info
    assert info is not None
    assert info.names.tolist() == ["Xã Đồng Tâm", "Xã Tân Lập"]
    assert info.targets.tolist() == [2450.0, 1900.0]
    assert info.deadlines.tolist() == [dt.date(2025, 6, 30), None]
    assert info.levels.tolist() == ["commune", "commune"]
    assert info.source == str(path)
    assert repr(info) == "SeriesInfo(series=2, targets=2, errors=0)"


@pytest.mark.parametrize("sep", [",", "\t", "|", ";"])
def test_delimiters_are_sniffed(sep: str) -> None:
    text = rows("1;a;2025-01-05;10;;", "1;a;2025-01-12;12;;", sep=sep)
    assert read(text).values.tolist() == [10.0, 12.0]
    assert read(text, delimiter=sep).n_readings == 2


def test_wrong_delimiter_says_so() -> None:
    with pytest.raises(ParseError, match=r"xa.csv:1: .*one column: is the delimiter right"):
        read(rows("1;a;2025-01-05;10;;"), delimiter=",")


def test_quoted_cells_and_line_breaks_inside_them() -> None:
    text = ('Mã xã,Tên xã,Ngày,Giá trị\n1,"Xã ""A""\nmới",2025-01-05,10\n'
            '1,"x",2025-01-12,bad\n')
    with pytest.raises(ParseError, match=r"xa.csv:4: column 'Giá trị': cannot read 'bad'"):
        read(text)
    table = read(text.replace("bad", "12"), names="first")
    assert table.info is not None
    assert table.info.names.tolist() == ['Xã "A"\nmới']


def test_no_header_lists_headers_and_roles() -> None:
    with pytest.raises(ParseError) as info:
        read("Đơn vị;Thời gian;Số\n1;2/1/2025;5\n")
    message = str(info.value)
    assert "'Thời gian'" in message
    assert "no column for 'code', 'date', 'value'" in message
    assert "columns={'<header>': 'code'" in message


def test_columns_map_headers_and_fill_in_from_the_vocabulary() -> None:
    text = "Mã ĐVHC;Thời gian;Số\n26734;2/1/2025;5\n26734;9/1/2025;7\n"
    table = read(text, columns={"Mã ĐVHC": "code", "Thời gian": "date", "Số": "value"},
                 level="commune", indicator="eid-l2")
    assert table.ids.tolist() == ["26734"]
    assert table.info is not None
    assert table.info.indicators.tolist() == ["eid-l2"]
    assert table.info.levels.tolist() == ["commune"]


@pytest.mark.parametrize(("columns", "match"), [
    ({"Số": "amount"}, "'amount', which is not a role"),
    ({"Nope": "value"}, r"no header row holds \['Nope'\]"),
    ({"Số": "value", "Thời gian": "value"}, "both 'Số' and 'Thời gian' to 'value'"),
])
def test_bad_columns(columns: dict[str, str], match: str) -> None:
    text = "Mã xã;Thời gian;Số\n1;2/1/2025;5\n"
    with pytest.raises(ParseError, match=match):
        read(text, columns=columns)


def test_columns_that_no_row_holds() -> None:
    with pytest.raises(ParseError, match=r"no header row holds \['Số liệu'\]"):
        read("Mã xã;Ngày;Số\n1;2/1/2025;5\n", columns={"Số liệu": "value"})


def test_two_columns_for_one_role() -> None:
    with pytest.raises(ParseError, match="'Ngày' and 'Ngày báo cáo' could both be the date"):
        read("Mã xã;Ngày;Ngày báo cáo;Giá trị\n1;2/1/2025;2/1/2025;5\n")


def test_several_id_columns_are_joined() -> None:
    text = "Tỉnh;Xã;Ngày;Giá trị\n01;7;2/1/2025;5\n02;7;2/1/2025;6\n"
    table = read(text, columns={"Tỉnh": "id", "Xã": "id"})
    assert table.ids.tolist() == ["01/7", "02/7"]
    assert table.info is not None
    assert table.info.codes.tolist() == ["01/7", "02/7"]


def test_province_district_commune_codes() -> None:
    text = ("Mã tỉnh;Mã huyện;Mã xã;Tên huyện;Tên xã;Ngày;Giá trị\n"
            "01;001;00001;Ba Đình;Phúc Xá;2025-01-05;5\n")
    table = read(text)
    assert table.info is not None
    assert table.info.parents.tolist() == ["001"]
    assert table.info.names.tolist() == ["Phúc Xá"]


def test_wide_file_one_column_per_month() -> None:
    text = ("Mã xã;Tên xã;Tháng 1/2024;T2/2024;03/2024;Chỉ tiêu;Ghi chú\n"
            "1;A;10;12;-;20;\n2;B;1.500;1.700;1.900;2.000;x\n")
    table = read(text)
    assert table.ids.tolist() == ["1", "2"]
    assert table.sizes.tolist() == [2, 3]
    assert table.values.tolist() == [10.0, 12.0, 1500.0, 1700.0, 1900.0]
    assert table.days[:2].astype("datetime64[D]").tolist() == [dt.date(2024, 1, 31),
                                                               dt.date(2024, 2, 29)]
    assert table.info is not None
    assert table.info.targets.tolist() == [20.0, 2000.0]


def test_wide_file_with_an_empty_date_column() -> None:
    table = read("Mã xã;2024-01-31;2024-02-29\n1;5;\n")
    assert table.n_readings == 1


def test_wide_headers() -> None:
    from de_an06.io._headers import wide_header

    assert wide_header("31/1/2024") == dt.date(2024, 1, 31)
    assert wide_header("ngày 31.1.2024") == dt.date(2024, 1, 31)
    assert wide_header("2024-02") == dt.date(2024, 2, 29)
    assert wide_header("13/2024") is None
    assert wide_header("31/2/2024") is None


def test_number_formats_decided_per_column() -> None:
    text = rows("1;a;2025-01-05;2,5;1.500;", "1;a;2025-01-12;3;1.500;")
    table = read(text)
    assert table.values.tolist() == [2.5, 3.0]
    assert table.info is not None
    assert table.info.targets.tolist() == [1500.0]
    international = rows("1;a;2025-01-05;2.5;1,500;", "1;a;2025-01-12;3;1,500;", sep="\t")
    table = read(international)
    assert table.values.tolist() == [2.5, 3.0]
    assert table.info is not None
    assert table.info.targets.tolist() == [1500.0]


def test_mixed_column_is_refused_with_both_lines() -> None:
    with pytest.raises(ParseError, match=r"column 'Giá trị' mixes numbers written the vi way "
                                         r"\(line 3: '2,5'\) and the international way "
                                         r"\(line 2: '1.25'\)"):
        read(rows("1;a;2025-01-05;1.25;;", "1;a;2025-01-12;2,5;;"))


def test_mixed_target_column_is_refused() -> None:
    with pytest.raises(ParseError, match="column 'Chỉ tiêu' mixes"):
        read(rows("1;a;2025-01-05;1;1.25;", "1;a;2025-01-12;2;2,5;"))


def test_ambiguous_column_is_refused_without_evidence() -> None:
    text = rows("1;a;2025-01-05;1.500;;", "1;a;2025-01-12;1.700;;", sep=",")
    with pytest.raises(ParseError, match=r"cannot tell whether '1.500' \(line 2\)"):
        read(text)
    assert read(text, number_format="vi").values.tolist() == [1500.0, 1700.0]
    assert read(text, number_format="international").values.tolist() == [1.5, 1.7]
    with pytest.raises(ParseError, match="column 'Chỉ tiêu'"):
        read(rows("1;a;2025-01-05;1;1.500;", sep=","))


def test_ambiguous_column_follows_the_other_columns() -> None:
    text = rows("1;a;2025-01-05;1.500;2.5;", sep=",")
    assert read(text).values.tolist() == [1.5]


def test_plain_format_and_bad_cells() -> None:
    assert read(rows("1;a;2025-01-05;1.5;;"), number_format="plain").values.tolist() == [1.5]
    with pytest.raises(ParseError, match=r"xa.csv:2: column 'Giá trị': cannot read 'mười'"):
        read(rows("1;a;2025-01-05;mười;;"))
    with pytest.raises(ParseError, match=r"column 'Chỉ tiêu': cannot read 'x'"):
        read(rows("1;a;2025-01-05;1;x;"))


def test_dates() -> None:
    with pytest.raises(ParseError, match=r"xa.csv:2: column 'Ngày': cannot read '12/25/2024'"):
        read(rows("1;a;12/25/2024;1;;"))
    with pytest.raises(ParseError, match="serial day number"):
        read(rows("1;a;45658;1;;"))
    with pytest.raises(ParseError, match=r"column 'Ngày': no date \(''\)"):
        read(rows("1;a;;1;;"))
    with pytest.raises(ParseError, match="date_order='iso' expects"):
        read(rows("1;a;5/1/2025;1;;"), date_order="iso")
    with pytest.raises(ParseError, match=r"no date \('-'\)"):
        read(rows("1;a;-;1;;"), date_order="iso")
    assert read(rows("1;a;2025-01-05;1;;"), date_order="iso").n_readings == 1
    with pytest.raises(ParseError, match="column 'Hạn hoàn thành'"):
        read(rows("1;a;2025-01-05;1;;2025-02-30"))


def test_missing_values_are_no_reading() -> None:
    table = read(rows("1;a;2025-01-05;#N/A;;", "1;a;2025-01-12;-;;", "1;a;2025-01-19;4;;",
                      "2;b;2025-01-19;N/A;;"), collect_errors=True)
    assert table.values.tolist() == [4.0]
    assert table.info is not None
    assert [e.line for e in table.info.errors] == [2, 3, 5]
    with pytest.raises(ParseError, match=r"xa.csv:2: column 'Giá trị': no value"):
        read(rows("1;a;2025-01-05;#N/A;;"))


def test_collect_errors_keeps_the_good_rows() -> None:
    text = rows("1;a;2025-01-05;1;;", "1;a;bad;2;;", "2;b;2025-01-05;x;;", ";c;2025-01-05;3;;")
    table = read(text, collect_errors=True)
    assert table.ids.tolist() == ["1"]
    assert table.info is not None
    assert [(e.line, e.column) for e in table.info.errors] == [
        (3, "Ngày"), (4, "Giá trị"), (5, "Mã xã")]
    with pytest.raises(ParseError, match="has no reading left: 1 cells"):
        read(rows("1;a;bad;2;;"), collect_errors=True)


def test_empty_id_is_a_merged_cell() -> None:
    with pytest.raises(ParseError, match=r"xa.csv:3: column 'Mã xã': no series id \(''.*merged"):
        read(rows("1;a;2025-01-05;1;;", ";a;2025-01-12;2;;"))


def test_conflicting_target_or_deadline_names_both_lines() -> None:
    with pytest.raises(ParseError, match=r"xa.csv:4: column 'Chỉ tiêu': gives its series "
                                         r"another target than line 2"):
        read(rows("1;a;2025-01-05;1;10;", "2;b;2025-01-05;1;10;", "1;a;2025-01-12;2;11;"))
    with pytest.raises(ParseError, match=r"xa.csv:3: column 'Hạn hoàn thành': .* deadline "
                                         r"than line 2"):
        read(rows("1;a;2025-01-05;1;;1/6/2025", "1;a;2025-01-12;2;;2/6/2025"))


def test_repeated_date() -> None:
    with pytest.raises(ParseError, match=r"xa.csv:3: column 'Ngày': repeats the reading of "
                                         r"series '1' on the same date as line 2"):
        read(rows("1;a;2025-01-05;1;;", "1;a;5/1/2025;2;;"))


def test_row_widths() -> None:
    table = read(rows("1;a;2025-01-05;1", "", "1;a;2025-01-12;2;;;;", ";;;;;"))
    assert table.values.tolist() == [1.0, 2.0]
    with pytest.raises(ParseError, match=r"xa.csv:2: has 7 cells but the header has 6"):
        read(rows("1;a;2025-01-05;1;;;oops"))


def test_padded_cells_are_stripped() -> None:
    table = read(rows(" 1 ;a; 2025-01-05 ; 1.500 ;;"))
    assert table.ids.tolist() == ["1"]
    assert table.values.tolist() == [1500.0]


def test_indicator_checks_its_unit() -> None:
    people = da.Indicator("eid-l2", "Level-2 e-ID", "ĐDĐT mức 2", unit="people")
    with pytest.raises(ParseError, match=r"xa.csv:3: column 'Giá trị': .*4\.5"):
        read(rows("1;a;2025-01-05;4;;", "1;a;2025-01-12;4,5;;"), indicator=people)
    days = da.Indicator("wait", "Waiting time", "Thời gian chờ", unit="days")
    table = read(rows("1;a;2025-01-05;4;;"), indicator=days)
    assert table.signs.tolist() == [-1]


def test_direction_column() -> None:
    text = "Mã xã;Ngày;Giá trị;Xu hướng tốt\n1;2025-01-05;1;lower\n2;2025-01-05;1;cao\n"
    assert read(text).signs.tolist() == [-1, 1]
    with pytest.raises(ParseError, match="cannot read 'sideways' as a direction"):
        read(text.replace("cao", "sideways"))


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"number_format": "en"}, "number_format"), ({"date_order": "mdy"}, "date_order"),
    ({"delimiter": ";;"}, "delimiter"), ({"columns": ["Ngày"]}, "columns"),
    ({"indicator": 5}, "indicator"), ({"level": "village"}, "level"),
])
def test_bad_arguments(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        read(rows("1;a;2025-01-05;1;;"), **kwargs)
    assert info.value.field == field


def test_bad_sources(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="must be a path or a text file"):
        io.read_table(5)  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="cannot open the file"):
        io.read_table(tmp_path / "missing.csv")
    with pytest.raises(ParseError, match="the file has no rows"):
        read("\n\n")
    with pytest.raises(ParseError, match="a header but no readings"):
        read(HEADER + "\n")


def test_example_file() -> None:
    table = io.read_table(datasets.example_file())
    assert table.n_series == 6
    with pytest.raises(da.UnknownCodeError, match="no example file"):
        datasets.example_file("nope.csv")


# --------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------


def _workbook(path: Path, rows_: list[list[Any]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Dữ liệu"
    for row in rows_:
        sheet.append(row)
    book.save(path)
    return path


XLSX_ROWS: list[list[Any]] = [
    ["Báo cáo", None, None, None, None],
    ["Mã xã", "Tên xã", "Ngày", "Giá trị", "Chỉ tiêu"],
    ["26734", "Xã Đồng Tâm", dt.datetime(2025, 1, 5), 1187, 2450.0],  # noqa: DTZ001
    ["26734", "Xã Đồng Tâm", dt.date(2025, 1, 12), 1279.5, 2450],
    [26737, "Xã Tân Lập", "12/01/2025", 640, None],
]


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_xlsx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: str) -> None:
    path = _workbook(tmp_path / "xa.xlsx", XLSX_ROWS)
    if reader == "openpyxl":
        monkeypatch.setitem(sys.modules, "python_calamine", None)
    else:
        pytest.importorskip("python_calamine")
    table = io.read_table(path)
    assert table.ids.tolist() == ["26734", "26737"]
    assert table.values.tolist() == [1187.0, 1279.5, 640.0]
    assert table.info is not None
    assert table.info.targets.tolist()[0] == 2450.0
    assert io.read_table(path, sheet="Dữ liệu") == table
    with pytest.raises(ParseError, match="has no sheet 'Other'"):
        io.read_table(path, sheet="Other")


def test_xlsx_cells(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "xa.xlsx", [
        ["Mã xã", "Ngày", "Giá trị", "Hạn", "Ghi chú"],
        ["1", dt.datetime(2025, 1, 5, 10, 30), 1, None, True],  # noqa: DTZ001
    ])
    # A time of day in a date cell is dropped, as the date parser drops it in text.
    table = io.read_table(path)
    assert table.days.tolist() == [(dt.date(2025, 1, 5) - dt.date(1970, 1, 1)).days]
    serial = _workbook(tmp_path / "serial.xlsx", [["Mã xã", "Ngày", "Giá trị"],
                                                  ["1", 45658, 1]])
    with pytest.raises(ParseError, match="serial day number"):
        io.read_table(serial)
    no_header = _workbook(tmp_path / "none.xlsx", [["a", "b"], [1, 2]])
    with pytest.raises(ParseError, match="no column for 'code', 'date', 'value'"):
        io.read_table(no_header)


def test_xlsx_needs_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ParseError, match=r'pip install "de_an06\[excel\]"'):
        io.read_table(tmp_path / "x.xlsx")


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ParseError, match="cannot be read as a workbook"):
        io.read_table(path)
    with pytest.raises(ParseError, match="cannot be read as a workbook"):
        io.read_table(tmp_path / "x.csv", sheet=0)


def test_inputs_are_not_modified() -> None:
    columns = {"Số": "value"}
    read("Mã xã;Ngày;Số\n1;2025-01-05;1\n", columns=columns)
    assert columns == {"Số": "value"}


def test_evidence_of_a_chunk_without_separators() -> None:
    from de_an06.io._sheet_cells import Evidence, NumberChunk, read_numbers

    evidence = Evidence("x")
    evidence.see(["1", "2"], [2, 3])
    assert evidence.decide(None, ",") == "plain"
    values, bad = read_numbers(NumberChunk(["", "1"]), "plain", optional=True)
    assert np.isnan(values[0])
    assert not bad
    values, bad = read_numbers(NumberChunk([]), "vi", optional=False)
    assert values.shape == (0,)
    assert not bad
    assert NumberChunk(["", "1,5"]).cells() == ["", "1,5"]


def test_blank_rows_of_full_width_are_skipped() -> None:
    table = read(rows("1;a;2025-01-05;1;;", ";;;;;", "  ;;;;;"))
    assert table.n_readings == 1
    assert read(rows(";;;;;", "1;a;2025-01-05;1;;")).n_readings == 1


def test_a_chunk_of_blank_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from de_an06.io import _fast_csv, _sheet_rows

    monkeypatch.setattr(_sheet_rows, "_CHUNK", 2)
    monkeypatch.setattr(_fast_csv, "read", lambda *_, **__: None)  # the careful reader
    table = read(rows("1;a;2025-01-05;1;;", "1;a;2025-01-12;2;;", ";;;;;", ";;;;;",
                      "2;b;2025-01-05;3;;"))
    assert table.values.tolist() == [1.0, 2.0, 3.0]


def test_numbers_beyond_a_float() -> None:
    with pytest.raises(ParseError, match="'1e400' is too large"):
        read(rows("1;a;2025-01-05;1e400;;"), number_format="plain")
    with pytest.raises(ParseError, match=r"column 'Chỉ tiêu': '1e400' is too large"):
        read(rows("1;a;2025-01-05;1;;", "1;a;2025-01-12;1;1e400;"), number_format="plain")


def test_a_file_without_a_header_is_closed(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(ParseError, match="no column for"):
        io.read_table(path)


def test_the_collector_is_left_as_found(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from de_an06.io import _fast_csv

    monkeypatch.setattr(_fast_csv, "read", lambda *_, **__: None)  # the careful reader
    gc.disable()
    try:
        read(rows("1;a;2025-01-05;1;;"))
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(("text", "line"), [
    ("Mã xã;Ngày;Giá trị\n1;05/01/2025;5\n1;06/01/2025;6\rz\n", 3),  # past the header
    ("Mã xã;Ngày;Giá trị\r1;05/01/2025;5\r", 1),  # in the lines the header is looked for in
])
def test_a_carriage_return_the_csv_module_cannot_split_is_a_parse_error(text: str,
                                                                         line: int) -> None:
    # A text stream opened without newline="" hands the CSV module a lone \r inside a line.
    with pytest.raises(ParseError, match="cannot split the row into cells") as caught:
        io.read_table(stdio.StringIO(text))
    assert caught.value.line == line
