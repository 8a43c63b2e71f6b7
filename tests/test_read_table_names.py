"""io.read_table and a series described two ways: refused by default, or settled by names=.

Every case is read by the fast path and by the careful row-by-row reader
(the fast path turned off), which must agree to the message.
"""

from __future__ import annotations

import io as stdio
import json
import unicodedata
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from de_an06 import batch, io
from de_an06.cli import _sheet, main
from de_an06.errors import ParseError, ValidationError
from de_an06.io import _fast_csv

HEADER = "Mã xã;Tên xã;Ngày;Giá trị"


def rows(*lines: str, header: str = HEADER) -> str:
    return "\n".join([header, *lines]) + "\n"


def source(text: str) -> stdio.StringIO:
    stream = stdio.StringIO(text)
    stream.name = "xa.csv"
    return stream


def both(text: str, **kwargs: Any) -> batch.ReadingTable:
    """The table both readers read, after checking that they agree."""
    table = io.read_table(source(text), **kwargs)
    with mock.patch.object(_fast_csv, "read", return_value=None):
        assert io.read_table(source(text), **kwargs) == table
    return table


def refused(text: str, **kwargs: Any) -> str:
    """The error both readers give (the same), as printed."""
    with pytest.raises(ParseError) as fast:
        io.read_table(source(text), **kwargs)
    with mock.patch.object(_fast_csv, "read", return_value=None), \
            pytest.raises(ParseError) as careful:
        io.read_table(source(text), **kwargs)
    assert str(fast.value) == str(careful.value)
    return str(fast.value)


def names(table: batch.ReadingTable) -> list[str]:
    assert table.info is not None
    found: list[str] = table.info.names.tolist()
    return found


RENAMED = rows("X01;Phường A;05/01/2025;10", "X02;Xã C;05/01/2025;4",
               "X01;Phường A;12/01/2025;11", "X01;Phường B;19/01/2025;12",
               "X01;Phường A;26/01/2025;13")


def test_a_series_named_two_ways_is_refused_naming_both_cells() -> None:
    assert refused(RENAMED) == (
        "xa.csv:5: column 'Tên xã': series 'X01' is described differently on line 2 "
        "(name 'Phường A'); this row has 'Phường B' (names='first' or names='last' keeps "
        "one of them)")
    assert refused(RENAMED, names="raise") == refused(RENAMED)


def test_names_first_or_last_keeps_one() -> None:
    assert names(both(RENAMED, names="first")) == ["Phường A", "Xã C"]
    # The last row of X01 names it "Phường A" again: the last cell is what counts.
    assert names(both(RENAMED, names="last")) == ["Phường A", "Xã C"]
    renamed = RENAMED.replace("26/01/2025;13", "26/01/2025;13").replace(
        "X01;Phường A;26/01", "X01;Phường B;26/01")
    assert names(both(renamed, names="last")) == ["Phường B", "Xã C"]
    assert names(both(renamed, names="first")) == ["Phường A", "Xã C"]


def test_cells_alike_once_padded_or_composed_agree() -> None:
    decomposed = unicodedata.normalize("NFD", "Phường A")
    text = rows("X01;Phường A;05/01/2025;10", f"X01;  {decomposed} ;12/01/2025;11",
                "X01;;19/01/2025;12")
    assert names(both(text)) == ["Phường A"]
    assert names(both(text, names="last")) == [decomposed]


def test_the_earliest_disagreeing_cell_is_named_across_blocks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fast_csv, "_BLOCK", 64)  # many blocks, series across their ends
    lines = [f"{1 + n % 3};Xã {n % 3};{1 + n % 28:02d}/0{1 + n // 28}/2025;{n}"
             for n in range(40)]
    lines[30] = lines[30].replace("Xã 0", "Xã mới")  # series 1
    lines[25] = lines[25].replace("Xã 1", "Xã khác")  # series 2, earlier
    assert refused(rows(*lines)).startswith(
        "xa.csv:27: column 'Tên xã': series '2' is described differently on line 3 "
        "(name 'Xã 1'); this row has 'Xã khác'")
    table = both(rows(*lines), names="last")
    assert names(table) == ["Xã 0", "Xã 1", "Xã 2"]
    lines[39] = lines[39].replace("Xã 0", "Xã cuối")  # series 1's last row
    assert names(both(rows(*lines), names="last")) == ["Xã cuối", "Xã 1", "Xã 2"]
    assert names(both(rows(*lines), names="first")) == ["Xã 0", "Xã 1", "Xã 2"]


def test_a_parent_given_two_ways() -> None:
    header = "Mã tỉnh;Mã xã;Ngày;Giá trị"
    text = rows("01;7;05/01/2025;1", "02;7;12/01/2025;2", header=header)
    assert refused(text).startswith("xa.csv:3: column 'Mã tỉnh': series '7' is described "
                                    "differently on line 2 (parent '01'); this row has '02'")
    table = both(text, names="last")
    assert table.info is not None
    assert table.info.parents.tolist() == ["02"]


@pytest.mark.parametrize("option", ["raise", "first", "last"])
def test_directions_indicators_and_codes_must_always_agree(option: str) -> None:
    header = "Mã xã;Ngày;Giá trị;Xu hướng tốt"
    direction = rows("1;05/01/2025;1;higher", "1;12/01/2025;2;Cao", "1;19/01/2025;3;thấp",
                     header=header)
    assert refused(direction, names=option) == (
        "xa.csv:4: column 'Xu hướng tốt': series '1' is described differently on line 2 "
        "(direction 'higher'); this row has 'thấp'")
    assert both(direction.replace("thấp", "HIGHER"), names=option).signs.tolist() == [1]
    header = "Mã xã;Ngày;Giá trị;Mã chỉ số"
    indicator = rows("1;05/01/2025;1;eid", "1;12/01/2025;2;vneid", header=header)
    assert "(indicator 'eid'); this row has 'vneid'" in refused(indicator, names=option)
    columns = {"Tỉnh": "id", "Xã": "id", "Mã": "code"}
    code = rows("01;7;X;05/01/2025;1", "01;7;Y;12/01/2025;2", header="Tỉnh;Xã;Mã;Ngày;Giá trị")
    assert refused(code, names=option, columns=columns).startswith(
        "xa.csv:3: column 'Mã': series '01/7' is described differently on line 2 (code 'X')")


def test_a_series_without_a_direction_cell_keeps_the_indicator_s() -> None:
    header = "Mã xã;Ngày;Giá trị;Xu hướng tốt"
    text = rows("1;05/01/2025;1;", "2;05/01/2025;1;thấp", "1;12/01/2025;2;", header=header)
    assert both(text).signs.tolist() == [1, -1]


def test_a_word_that_is_no_direction_is_named_where_it_is() -> None:
    header = "Mã xã;Ngày;Giá trị;Xu hướng tốt"
    text = rows("1;05/01/2025;1;lower", "2;05/01/2025;1;cao", "2;12/01/2025;1;sideways",
                "1;12/01/2025;1;up", header=header)
    assert refused(text, names="first") == (
        "xa.csv:4: column 'Xu hướng tốt': cannot read 'sideways' as a direction (expected one "
        "of ['cao', 'higher', 'lower', 'thấp'])")


def test_a_wide_file_naming_a_series_on_two_rows() -> None:
    text = "Mã xã;Tên xã;Tháng 1/2024;Tháng 2/2024\n1;A;10;\n1;B;;12\n"
    assert refused(text).startswith("xa.csv:3: column 'Tên xã': series '1' is described "
                                    "differently on line 2 (name 'A')")
    assert names(both(text, names="last")) == ["B"]


@pytest.mark.parametrize("option", ["Last", "keep", None, 1, ["last"]])
def test_names_takes_one_of_three_words(option: object) -> None:
    with pytest.raises(ValidationError, match=r"read_table.names must be one of") as info:
        io.read_table(source(RENAMED), names=option)  # type: ignore[arg-type]
    assert info.value.field == "names"


def test_a_workbook_is_held_to_the_same_rule(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in [["Mã xã", "Tên xã", "Ngày", "Giá trị"], ["X01", "Phường A", "05/01/2025", 1],
                ["X01", "Phường B ", "12/01/2025", 2]]:
        book.active.append(row)
    path = tmp_path / "xa.xlsx"
    book.save(path)
    with pytest.raises(ParseError, match=r"xa.xlsx:3: column 'Tên xã': series 'X01' is "
                                         r"described differently on line 2 \(name 'Phường A'\)"):
        io.read_table(path)
    assert names(io.read_table(path, names="last")) == ["Phường B"]


def test_the_command_line_takes_names_in_its_columns_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "xa.csv"
    sheet.write_text(RENAMED, encoding="utf-8")
    site = str(tmp_path / "site")
    assert main(["report", str(sheet), "--html", site]) == 2
    assert "is described differently on line 2" in capsys.readouterr().err
    options = tmp_path / "options.json"
    options.write_text(json.dumps({"columns": {}, "names": "first"}), encoding="utf-8")
    assert _sheet.table_options(str(options)) == {"columns": {}, "names": "first"}
    assert main(["report", str(sheet), "--html", site, "--columns", str(options)]) == 0
    capsys.readouterr()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1", "2", "3"]),
                          st.sampled_from(["Xã A", "Xã B", "", " Xã A", "Xa\u0303 A"])),
                min_size=1, max_size=30),
       st.sampled_from(["raise", "first", "last"]), st.sampled_from([48, 1 << 22]))
def test_names_are_the_first_or_last_given_else_refused(
        given_rows: list[tuple[str, str]], option: str, block: int) -> None:
    lines = [f"{code};{name};{1 + n % 28:02d}/{1 + n // 28:02d}/2025;{n}"
             for n, (code, name) in enumerate(given_rows)]
    per_series: dict[str, list[str]] = {}
    for code, name in given_rows:
        per_series.setdefault(code, [])
        if name.strip():
            per_series[code].append(name.strip())
    text = rows(*lines)
    with mock.patch.object(_fast_csv, "_BLOCK", block):  # one block, or many
        if option == "raise" and any(len({unicodedata.normalize("NFC", n) for n in v}) > 1
                                     for v in per_series.values()):
            assert "is described differently" in refused(text, names=option)
            return
        pick = 0 if option != "last" else -1
        want = [v[pick] if v else "" for _, v in sorted(per_series.items())]
        assert names(both(text, names=option)) == want
