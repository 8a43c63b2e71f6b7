"""Both CSV readers take a code as described once, by the one rule of io.schema.

``read_csv`` and ``read_csv_columns`` accept the same files as far as
descriptions go (a code described on its first row, or given in ``known=``)
and refuse the same ones with the same error: the columnar reader asks
``RecordBuilder.part`` about each distinct set of a part's cells.
"""

from __future__ import annotations

import io as stdio
from typing import Any

import pytest

import de_an06 as da
from de_an06 import datasets, io
from de_an06.io import _columns

HEADER = ("indicator,indicator_name,indicator_name_vi,indicator_unit,indicator_direction,"
          "jurisdiction,jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,"
          "jurisdiction_parent,value,as_of,source,source_title,source_publisher")
DESCRIBED = [
    "wait,Waiting days,Số ngày chờ,days,,56,Khanh Hoa,Khánh Hòa,province,VN,9,2023-07-01,,,",
    "wait,,,,,56,,,,,8,2023-07-02,,,",
    "eid,e-ID,ĐDĐT,people,,01,Ha Noi,Hà Nội,province,VN,5,2023-07-01,mps,Report,MPS",
    "eid,,,,,56,,,,,6,2023-07-02,mps,,",
    "wait,,,,,01,,,,,7,2023-07-02,,,",
]


def text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def slow(content: str, known: Any = ()) -> io.ReadingColumns:
    """The careful reader alone (a blank line sends the fast path to it; lines shift)."""
    head, _, rest = content.partition("\n")
    return io.read_csv_columns(stdio.StringIO(f"{head}\n\n{rest}"), known=known)


def error(reader: Any, content: str, **kwargs: Any) -> tuple[object, ...]:
    with pytest.raises(da.ParseError) as info:
        reader(stdio.StringIO(content), **kwargs)
    return type(info.value), info.value.line, info.value.column, info.value.message


def test_a_file_describing_each_code_once_reads_as_read_csv_reads_it() -> None:
    content = text(*DESCRIBED)
    readings = io.read_csv(stdio.StringIO(content)).readings
    columns = io.read_csv_columns(stdio.StringIO(content))
    assert columns == slow(content)
    assert columns.indicator_codes == ("wait", "eid")
    assert columns.jurisdiction_codes == ("56", "01")
    assert columns.units == (da.Unit.DAYS, da.Unit.PEOPLE)
    assert columns.directions == (da.Direction.LOWER_IS_BETTER, da.Direction.HIGHER_IS_BETTER)
    assert [columns.indicator_codes[i] for i in columns.indicator] == [
        r.indicator.code for r in readings]
    assert [columns.jurisdiction_codes[i] for i in columns.jurisdiction] == [
        r.jurisdiction.code for r in readings]
    assert columns.value.tolist() == [float(r.value) for r in readings]
    # Quoted cells: the fast path's csv.reader branch takes the same rule.
    quoted = content.replace("Khanh Hoa", '"Khanh Hoa, Nha Trang"')
    assert io.read_csv_columns(stdio.StringIO(quoted)) == columns


@pytest.mark.parametrize(("row", "column"), [
    ("wait,Waiting,Số ngày chờ,days,,56,,,,,8,2023-07-02,,,", "indicator_name"),
    ("wait,Waiting days,Số ngày chờ,minutes,,56,,,,,8,2023-07-02,,,", "indicator_unit"),
    ("wait,Waiting days,Số ngày chờ,days,higher,56,,,,,8,2023-07-02,,,", "indicator_direction"),
    ("wait,,,,,56,Khanh Hoa,Khánh Hòa,commune,VN,8,2023-07-02,,,", "jurisdiction_level"),
    ("wait,,,,,01,Ha Noi,Ha Noi,province,VN,8,2023-07-02,mps,Report,MPS", "jurisdiction_name_vi"),
    ("wait,,,,,01,,,,,8,2023-07-02,mps,Report 2,MPS", "source_title"),
    ("wait,,,,,01,,,,,8,2023-07-02,,Report,MPS", "source"),
    ("wait,Waiting days,,days,,56,,,,,8,2023-07-02,,,", "indicator_name_vi"),
    ("late,,,,,56,,,,,8,2023-07-02,,,", "indicator"),
])
def test_a_code_described_otherwise_later_is_refused_by_both_alike(row: str,
                                                                   column: str) -> None:
    content = text(*DESCRIBED, row)
    found = error(io.read_csv, content)
    assert found == error(io.read_csv_columns, content)
    assert found[1:3] == (len(DESCRIBED) + 2, column)


def test_a_code_named_only_later_is_not_described() -> None:
    content = text("wait,,,,,56,Khanh Hoa,Khánh Hòa,province,VN,9,2023-07-01,,,", *DESCRIBED)
    found = error(io.read_csv, content)
    assert found == error(io.read_csv_columns, content)
    assert found[1:] == (2, "indicator", ("indicator 'wait' is not described: give its "
                                          "indicator_name, indicator_name_vi, indicator_unit "
                                          "on its first row"))


KNOWN_HEADER = "indicator,jurisdiction,value,as_of"
KNOWN = [*datasets.indicators(), datasets.jurisdiction("56")]


def test_known_parts_need_no_columns_in_either_reader() -> None:
    content = text("eid-collected,56,5,2023-07-01", "eid-collected,56,6,2023-07-02",
                   "eid-collected-share,56,80,2023-07-02", header=KNOWN_HEADER)
    readings = io.read_csv(stdio.StringIO(content), known=KNOWN).readings
    columns = io.read_csv_columns(stdio.StringIO(content), known=KNOWN)
    assert columns == slow(content, KNOWN)
    assert columns.indicator_codes == ("eid-collected", "eid-collected-share")
    assert columns.units == tuple(r.indicator.unit for r in readings[1:])
    assert columns.directions == tuple(r.indicator.direction for r in readings[1:])
    found = error(io.read_csv, content)
    assert found == error(io.read_csv_columns, content)
    for reader in (io.read_csv, io.read_csv_columns):
        with pytest.raises(da.ValidationError, match=rf"{reader.__name__}\.known must hold"):
            reader(stdio.StringIO(content), known=[1])


def test_a_code_taken_from_known_may_not_be_described_otherwise_later() -> None:
    """A file may not make one code mean the known object, then another."""
    eid = datasets.indicator("eid-collected")
    header = "indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,value,as_of"
    content = text("eid-collected,,,,56,5,2023-07-01",
                   f"eid-collected,{eid.name},{eid.name_vi},count,56,6,2023-07-02",
                   header=header)
    found = error(io.read_csv, content, known=KNOWN)
    assert found == error(io.read_csv_columns, content, known=KNOWN)
    assert found[1:] == (3, "indicator_unit", ("indicator 'eid-collected' is described "
                                               "differently on line 2 (from known=) "
                                               "(unit 'people')"))
    # Described as known does, it reads.
    same = content.replace(",count,", ",people,")
    assert len(io.read_csv(stdio.StringIO(same), known=KNOWN).readings) == 2
    assert io.read_csv_columns(stdio.StringIO(same), known=KNOWN).units == (da.Unit.PEOPLE,)


def test_the_header_may_leave_descriptions_out_of_both() -> None:
    content = text(header=KNOWN_HEADER)
    assert len(io.read_csv_columns(stdio.StringIO(content))) == 0
    assert io.read_csv(stdio.StringIO(content)).readings == ()
    assert len(_columns._slow(content, "<stream>", "plain")) == 0
