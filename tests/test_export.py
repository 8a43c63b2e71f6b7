from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io
from de_an06 import strategies as das

D = dt.date

# DHIS2 period syntax (developer docs, "Date and period format"): the types we emit.
DHIS2_PERIOD = re.compile(r"\d{8}|\d{6}|\d{4}Q[1-4]|\d{4}S[12]|\d{4}")
DHIS2_VALUE_KEYS = {"dataElement", "period", "orgUnit", "categoryOptionCombo",
                    "attributeOptionCombo", "value", "comment"}


def check_dhis2_document(document: dict[str, object]) -> None:
    """The structure DHIS2's dataValueSets import expects (api/dataValueSets)."""
    assert set(document) <= {"dataSet", "completeDate", "period", "orgUnit",
                             "attributeOptionCombo", "dataValues"}
    if "completeDate" in document:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(document["completeDate"]))
    values = document["dataValues"]
    assert isinstance(values, list)
    for item in values:
        assert set(item) <= DHIS2_VALUE_KEYS
        assert {"dataElement", "period", "orgUnit", "value"} <= set(item)
        assert all(isinstance(x, str) and x for x in item.values())
        assert DHIS2_PERIOD.fullmatch(item["period"])
        float(item["value"])  # numeric data elements take a numeric string
    json.dumps(document)


def check_open_sdg_csv(text: str) -> list[dict[str, str]]:
    """Open SDG data format: Year first, Value last, GeoCode second-to-last, clean cells."""
    lines = text.splitlines()
    assert lines
    assert all(line.strip(",") for line in lines), "no fully empty rows"
    rows = list(csv.reader(stdio.StringIO(text)))
    header = rows[0]
    assert header[0] == "Year"
    assert header[-1] == "Value"
    if "GeoCode" in header:
        assert header[-2] == "GeoCode"
    for row in rows:
        assert len(row) == len(header)
        assert all(cell == cell.strip() for cell in row)
    for row in rows[1:]:
        if row[-1]:
            float(row[-1])
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.fixture
def nation() -> da.Jurisdiction:
    return da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")


def test_open_sdg_quang_ngai_vs_nation(nation: da.Jurisdiction) -> None:
    qn = da.Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    e_results = da.Indicator("e-results", "Dossiers with electronic results",
                             "Hồ sơ có kết quả điện tử", unit="percent")
    readings = [da.Reading(e_results, 78, D(2024, 12, 31), qn, "nearly"),
                da.Reading(e_results, 68.3, D(2024, 12, 31), nation)]
    rows = check_open_sdg_csv(io.to_open_sdg_csv(readings, geocodes=True))
    assert rows == [
        {"Year": "2024", "Series": "e-results", "Units": "percent", "Jurisdiction": "",
         "COMMENT_OBS": "", "GeoCode": "VN", "Value": "68.3"},
        {"Year": "2024", "Series": "e-results", "Units": "percent", "Jurisdiction": "51",
         "COMMENT_OBS": "nearly", "GeoCode": "51", "Value": "78"},
    ]


def test_open_sdg_refuses_two_readings_in_one_year(reading: da.Reading) -> None:
    later = da.Reading(reading.indicator, 600_000, D(2023, 8, 1), reading.jurisdiction)
    with pytest.raises(da.ValidationError, match="period='date'"):
        io.to_open_sdg_csv([reading, later])
    rows = check_open_sdg_csv(io.to_open_sdg_csv([reading, later], period="date"))
    assert [r["Year"] for r in rows] == ["2023-07-01", "2023-08-01"]
    with pytest.raises(da.ValidationError, match="period"):
        io.to_open_sdg_csv([reading], period="month")


@given(st.lists(das.readings(), max_size=8))
def test_open_sdg_structure_for_any_readings(readings: list[da.Reading]) -> None:
    keys = {(r.indicator.code, r.jurisdiction.code, r.as_of) for r in readings}
    if len(keys) < len(readings):
        with pytest.raises(da.ValidationError, match="one reading per series"):
            io.to_open_sdg_csv(readings, period="date")
        return
    text = io.to_open_sdg_csv(readings, period="date", geocodes=True)
    assert len(check_open_sdg_csv(text)) == len(readings)


@pytest.mark.parametrize(
    ("start", "end", "period"),
    [
        (D(2023, 7, 1), D(2023, 7, 1), "20230701"),
        (D(2023, 1, 1), D(2023, 6, 30), "2023S1"),
        (D(2023, 7, 1), D(2023, 12, 31), "2023S2"),
        (D(2023, 4, 1), D(2023, 6, 30), "2023Q2"),
        (D(2023, 10, 1), D(2023, 12, 31), "2023Q4"),
        (D(2024, 1, 1), D(2024, 12, 31), "2024"),
        (D(2024, 2, 1), D(2024, 2, 29), "202402"),
    ],
)
def test_dhis2_periods(start: dt.date, end: dt.date, period: str) -> None:
    assert io.dhis2_period(start, end) == period
    assert DHIS2_PERIOD.fullmatch(period)


@pytest.mark.parametrize(
    ("start", "end"),
    [(D(2023, 2, 9), D(2023, 6, 20)), (D(2023, 1, 1), D(2023, 9, 30)),
     (D(2023, 2, 1), D(2023, 4, 30)), (D(2023, 1, 2), D(2023, 1, 31)),
     (D(2023, 3, 1), D(2023, 8, 31)), (D(2023, 12, 1), D(2024, 2, 29))],
)
def test_dhis2_refuses_other_ranges(start: dt.date, end: dt.date) -> None:
    with pytest.raises(da.ValidationError, match="half-year"):
        io.dhis2_period(start, end)


def test_dhis2_document(reading: da.Reading, khanh_hoa: da.Jurisdiction) -> None:
    h1 = da.Indicator("e-results", "Dossiers with electronic results",
                      "Hồ sơ có kết quả điện tử", unit="percent", measure="flow")
    flow = da.Reading(h1, 61.28, D(2023, 6, 30), khanh_hoa, period_start=D(2023, 1, 1))
    hedged = da.Reading(reading.indicator, 44_000, D(2023, 6, 20), khanh_hoa, "nearly")
    doc = io.to_dhis2_datavalues([reading, flow, hedged], data_set="ds1",
                                 complete_date=D(2023, 7, 2),
                                 org_units={"56": "KhanhHoaUid"})
    check_dhis2_document(doc)
    assert doc["dataSet"] == "ds1"
    assert doc["completeDate"] == "2023-07-02"
    values = doc["dataValues"]
    assert isinstance(values, list)
    assert values[1] == {"dataElement": "e-results", "period": "2023S1",
                         "orgUnit": "KhanhHoaUid", "value": "61.28"}
    assert values[2]["comment"] == "nearly"
    with pytest.raises(da.ValidationError, match="data_elements"):
        io.to_dhis2_datavalues([reading], data_elements={"other": "x"})


@given(st.lists(das.readings(indicators=das.indicators(measures=st.just(da.Measure.STOCK))),
                max_size=6))
def test_dhis2_structure_for_any_stock_readings(readings: list[da.Reading]) -> None:
    check_dhis2_document(io.to_dhis2_datavalues(readings))


def test_dhis2_refuses_a_part_of_a_month() -> None:
    with pytest.raises(da.ValidationError, match="half-year"):
        io.dhis2_period(D(2023, 1, 1), D(2023, 1, 15))
