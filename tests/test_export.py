"""Open SDG CSV and DHIS2 data value sets: structure, periods, values, refusals."""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import json
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io
from de_an06 import strategies as das
from de_an06.io._dhis2_periods import period_id

D = dt.date

# dhis2-core MathUtils: NUMERIC_REGEXP, and isNumeric wants fewer than 250 characters.
DHIS2_NUMBER = re.compile(r"(-?0|-?[1-9]\d*)(\.\d+)?")
DHIS2_INTEGER = re.compile(r"0|-?[1-9]\d*")
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
        io.dhis2_period_range(item["period"])  # a period DHIS2 reads
        assert DHIS2_NUMBER.fullmatch(item["value"])
        assert len(item["value"]) < 250  # DHIS2's NUMBER_MAX_LENGTH
    json.dumps(document)


def data_values(document: dict[str, object]) -> list[dict[str, str]]:
    values = document["dataValues"]
    assert isinstance(values, list)
    return values


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


@pytest.fixture
def received() -> da.Indicator:
    """A flow: applications received in a period."""
    return da.Indicator("eid-received", "e-ID applications received",
                        "Hồ sơ định danh điện tử tiếp nhận", unit="dossiers", measure="flow")


def flow(indicator: da.Indicator, value: float, start: dt.date, end: dt.date,
         where: da.Jurisdiction) -> da.Reading:
    return da.Reading(indicator, value, as_of=end, jurisdiction=where, period_start=start)


def stock(indicator: da.Indicator, value: float, day: dt.date,
          where: da.Jurisdiction) -> da.Reading:
    return da.Reading(indicator, value, as_of=day, jurisdiction=where)


# --------------------------------------------------------------------------
# Open SDG
# --------------------------------------------------------------------------


def test_open_sdg_quang_ngai_vs_nation(nation: da.Jurisdiction) -> None:
    qn = da.Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    e_results = da.Indicator("e-results", "Dossiers with electronic results",
                             "Hồ sơ có kết quả điện tử", unit="percent")
    readings = [da.Reading(e_results, 78, as_of=D(2024, 12, 31), jurisdiction=qn,
                           qualifier="nearly"),
                da.Reading(e_results, 68.3, as_of=D(2024, 12, 31), jurisdiction=nation)]
    rows = check_open_sdg_csv(io.to_open_sdg_csv(readings, geocodes=True))
    assert rows == [
        {"Year": "2024", "Series": "e-results", "Units": "percent", "Jurisdiction": "",
         "COMMENT_OBS": "", "GeoCode": "VN", "Value": "68.3"},
        {"Year": "2024", "Series": "e-results", "Units": "percent", "Jurisdiction": "51",
         "COMMENT_OBS": "nearly", "GeoCode": "51", "Value": "78"},
    ]


def test_open_sdg_one_reading_per_year(reading: da.Reading) -> None:
    later = stock(reading.indicator, 600_000, D(2023, 8, 1), reading.jurisdiction)
    with pytest.raises(da.ValidationError, match="one reading per series and year"):
        io.to_open_sdg_csv([reading, later])
    rows = check_open_sdg_csv(io.to_open_sdg_csv([later, reading], period="iso-date"))
    assert [r["Year"] for r in rows] == ["2023-07-01", "2023-08-01"]
    with pytest.raises(da.ValidationError, match="one reading per series and date"):
        io.to_open_sdg_csv([reading, reading], period="iso-date")


@pytest.mark.parametrize("period", ["month", None, ["year"], b"year"])
def test_open_sdg_unknown_period(reading: da.Reading, period: object) -> None:
    with pytest.raises(da.ValidationError, match="must be 'year' or 'iso-date'"):
        io.to_open_sdg_csv([reading], period=period)  # type: ignore[arg-type]


def test_open_sdg_date_period_is_renamed_and_marked_non_standard(reading: da.Reading) -> None:
    with pytest.raises(da.ValidationError, match="'iso-date', which is not part of the Open SDG"):
        io.to_open_sdg_csv([reading], period="date")


@pytest.mark.parametrize(("value", "written"), [
    (2**63 - 1, "9223372036854775807"),
    (2**63, "9223372036854775808.0"),
    (2**64, "18446744073709551616.0"),
    (1e20, "100000000000000000000.0"),
    (9.2e18, "9200000000000000000"),
    (1e-05, "0.00001"),
    (-0.0, "0"),
    (12.5, "12.5"),
])
def test_open_sdg_values(nation: da.Jurisdiction, value: float, written: str) -> None:
    count = da.Indicator("accounts", "Accounts", "Tài khoản", unit="count")
    rows = check_open_sdg_csv(io.to_open_sdg_csv([stock(count, value, D(2024, 1, 1), nation)]))
    assert rows[0]["Value"] == written
    assert Decimal(written) == Decimal(value if isinstance(value, int) else repr(value))


def test_open_sdg_huge_whole_numbers_keep_the_value_column_numeric(
        nation: da.Jurisdiction) -> None:
    """What sdg-build's check_csv asks: pandas reads Value as int64 or float64."""
    pd = pytest.importorskip("pandas")
    count = da.Indicator("accounts", "Accounts", "Tài khoản", unit="count")
    for big in (2**63, 2**64, 10**30):
        readings = [stock(count, 5, D(2023, 1, 1), nation),
                    stock(count, big, D(2024, 1, 1), nation)]
        frame = pd.read_csv(stdio.StringIO(io.to_open_sdg_csv(readings)))
        assert str(frame["Value"].dtype) in {"int64", "float64"}
        assert frame["Value"].iloc[1] == float(big)
    small = [stock(count, 2**63 - 1, D(2024, 1, 1), nation)]
    assert str(pd.read_csv(stdio.StringIO(io.to_open_sdg_csv(small)))["Value"].dtype) == "int64"


@given(st.lists(das.readings(), max_size=8))
def test_open_sdg_structure_for_any_readings(readings: list[da.Reading]) -> None:
    keys = {(r.indicator.code, r.jurisdiction.code, r.as_of) for r in readings}
    if len(keys) < len(readings):
        with pytest.raises(da.ValidationError, match="one reading per series"):
            io.to_open_sdg_csv(readings, period="iso-date")
        return
    text = io.to_open_sdg_csv(readings, period="iso-date", geocodes=True)
    assert len(check_open_sdg_csv(text)) == len(readings)


@pytest.mark.parametrize("export", [io.to_open_sdg_csv, io.to_dhis2_datavalues])
def test_exports_take_readings_only(reading: da.Reading, export: object) -> None:
    with pytest.raises(da.ValidationError, match="must hold Reading objects, not dict"):
        export([reading, {"value": 1}])  # type: ignore[operator]


# --------------------------------------------------------------------------
# DHIS2 periods
# --------------------------------------------------------------------------


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
def test_dhis2_period_recognised_without_a_type(start: dt.date, end: dt.date,
                                                period: str) -> None:
    assert io.dhis2_period(start, end) == period
    assert io.dhis2_period_range(period) == (start, end)


@pytest.mark.parametrize(
    ("start", "end"),
    [(D(2023, 2, 9), D(2023, 6, 20)), (D(2023, 1, 1), D(2023, 9, 30)),
     (D(2023, 2, 1), D(2023, 4, 30)), (D(2023, 1, 2), D(2023, 1, 31)),
     (D(2023, 3, 1), D(2023, 8, 31)), (D(2023, 12, 1), D(2024, 2, 29)),
     (D(2023, 1, 1), D(2023, 1, 15)), (D(2020, 12, 28), D(2021, 1, 3))],
)
def test_dhis2_period_refuses_other_ranges_without_a_type(start: dt.date, end: dt.date) -> None:
    with pytest.raises(da.ValidationError, match="half-year or year"):
        io.dhis2_period(start, end)


@pytest.mark.parametrize(
    ("start", "end", "period_type", "period"),
    [
        (D(2020, 12, 28), D(2021, 1, 3), "Weekly", "2020W53"),
        (D(2023, 1, 29), D(2023, 2, 4), "WeeklySunday", "2023SunW5"),
        (D(2020, 12, 28), D(2021, 1, 10), "BiWeekly", "2020BiW27"),
        (D(2023, 3, 1), D(2023, 4, 30), "BiMonthly", "202302B"),
        (D(2023, 11, 1), D(2024, 1, 31), "QuarterlyNov", "2024NovQ1"),
        (D(2023, 4, 1), D(2023, 9, 30), "SixMonthlyApril", "2023AprilS1"),
        (D(2023, 7, 1), D(2024, 6, 30), "FinancialJuly", "2023July"),
        (D(2023, 11, 1), D(2024, 10, 31), "FinancialNov", "2024Nov"),
        (D(2023, 7, 1), D(2023, 7, 1), "Daily", "20230701"),
    ],
)
def test_dhis2_period_of_a_type(start: dt.date, end: dt.date, period_type: str,
                                period: str) -> None:
    assert io.dhis2_period(start, end, period_type=period_type) == period
    assert io.dhis2_period_range(period) == (start, end)


def test_dhis2_period_must_be_exactly_one_period_of_the_type() -> None:
    with pytest.raises(da.ValidationError,
                       match=r"exactly one Weekly period \(the one holding 2023-01-01 is 2022W52"):
        io.dhis2_period(D(2023, 1, 1), D(2023, 1, 7), period_type="Weekly")
    with pytest.raises(da.ValidationError, match="exactly one Monthly period"):
        io.dhis2_period(D(2023, 1, 1), D(2023, 2, 28), period_type="Monthly")


@pytest.mark.parametrize("period_type", ["weekly", "Monthly ", "", 12, None, ["Monthly"]])
def test_unknown_period_types_are_refused(reading: da.Reading, period_type: object) -> None:
    if period_type is not None:
        with pytest.raises(da.ValidationError, match=r"dhis2_period\.period_type must be one of"):
            io.dhis2_period(D(2023, 1, 1), D(2023, 1, 1),
                            period_type=period_type)  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError,
                       match=r"to_dhis2_datavalues\.period_type must be one of"):
        io.to_dhis2_datavalues([reading], period_type=period_type)  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc), "2023-01-01"])
def test_dhis2_period_takes_dates(day: object) -> None:
    with pytest.raises(da.ValidationError, match=r"dhis2_period\.start must be a datetime\.date"):
        io.dhis2_period(day, D(2023, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match=r"dhis2_period\.end must be a datetime\.date"):
        io.dhis2_period(D(2023, 1, 1), day)  # type: ignore[arg-type]


def test_dhis2_period_without_a_four_digit_id() -> None:
    with pytest.raises(da.ValidationError, match=r"dhis2_period\.period has no Daily period id"):
        io.dhis2_period(D(999, 5, 1), D(999, 5, 1))
    with pytest.raises(da.ValidationError, match="has no Weekly period id for 9999-12-31"):
        io.dhis2_period(D(9999, 12, 31), D(9999, 12, 31), period_type="Weekly")


def test_dhis2_period_range_refusals() -> None:
    with pytest.raises(da.ParseError, match="'2014W53' is not a DHIS2 period"):
        io.dhis2_period_range("2014W53")
    with pytest.raises(da.ValidationError, match=r"dhis2_period_range\.period_id must be a str"):
        io.dhis2_period_range(2014)  # type: ignore[arg-type]


@given(st.sampled_from(io.DHIS2_PERIOD_TYPES), st.dates(D(2000, 1, 1), D(2035, 12, 31)))
def test_dhis2_period_round_trips(period_type: str, day: dt.date) -> None:
    text = period_id(period_type, day)
    start, end = io.dhis2_period_range(text)
    assert start <= day <= end
    assert io.dhis2_period(start, end, period_type=period_type) == text


# --------------------------------------------------------------------------
# DHIS2 data values
# --------------------------------------------------------------------------


def test_dhis2_document(reading: da.Reading, khanh_hoa: da.Jurisdiction) -> None:
    h1 = da.Indicator("e-results", "Dossiers with electronic results",
                      "Hồ sơ có kết quả điện tử", unit="percent", measure="flow")
    half = flow(h1, 61.28, D(2023, 1, 1), D(2023, 6, 30), khanh_hoa)
    hedged = da.Reading(reading.indicator, 44_000, as_of=D(2023, 6, 20), jurisdiction=khanh_hoa,
                        qualifier="nearly")
    doc = io.to_dhis2_datavalues([reading, half, hedged], period_type="SixMonthly",
                                 data_set="ds1", complete_date=D(2023, 7, 2),
                                 org_units={"56": "KhanhHoaUid"})
    check_dhis2_document(doc)
    assert doc["dataSet"] == "ds1"
    assert doc["completeDate"] == "2023-07-02"
    assert data_values(doc) == [
        {"dataElement": "eid-collected", "period": "2023S2", "orgUnit": "KhanhHoaUid",
         "value": "546234"},
        {"dataElement": "e-results", "period": "2023S1", "orgUnit": "KhanhHoaUid",
         "value": "61.28"},
        {"dataElement": "eid-collected", "period": "2023S1", "orgUnit": "KhanhHoaUid",
         "value": "44000", "comment": "nearly"},
    ]
    with pytest.raises(da.ValidationError, match="data_elements has no entry"):
        io.to_dhis2_datavalues([reading], data_elements={"other": "x"})
    with pytest.raises(da.ValidationError, match="org_units has no entry"):
        io.to_dhis2_datavalues([reading], org_units={"other": "x"})


def test_dhis2_stock_defaults_to_the_month(reading: da.Reading) -> None:
    assert data_values(io.to_dhis2_datavalues([reading])) == [
        {"dataElement": "eid-collected", "period": "202307", "orgUnit": "56", "value": "546234"}]
    daily = data_values(io.to_dhis2_datavalues([reading], period_type="Daily"))
    assert daily[0]["period"] == "20230701"


def test_dhis2_stock_latest_reading_of_a_period_wins(reading: da.Reading) -> None:
    mid = stock(reading.indicator, 560_000, D(2023, 7, 15), reading.jurisdiction)
    end = stock(reading.indicator, 590_000, D(2023, 7, 31), reading.jurisdiction)
    august = stock(reading.indicator, 600_000, D(2023, 8, 2), reading.jurisdiction)
    for order in ([reading, mid, end, august], [august, end, reading, mid]):
        values = data_values(io.to_dhis2_datavalues(order))
        assert sorted((x["period"], x["value"]) for x in values) == [
            ("202307", "590000"), ("202308", "600000")]
    # Another jurisdiction is another series: its own closing figure.
    other = da.Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    elsewhere = stock(reading.indicator, 1_000, D(2023, 7, 2), other)
    doc = io.to_dhis2_datavalues([end, elsewhere, reading], period_type="Quarterly")
    assert [x["value"] for x in data_values(doc)] == ["590000", "1000"]


def test_dhis2_stock_readings_on_one_date_are_duplicates(reading: da.Reading) -> None:
    again = stock(reading.indicator, 546_000, reading.as_of, reading.jurisdiction)
    earlier = stock(reading.indicator, 500_000, D(2023, 7, 1), reading.jurisdiction)
    later = stock(reading.indicator, 600_000, D(2023, 7, 9), reading.jurisdiction)
    with pytest.raises(da.ValidationError, match="one value per data element, period and org"):
        io.to_dhis2_datavalues([reading, again])
    # Not when a later reading closes the period.
    values = data_values(io.to_dhis2_datavalues([earlier, reading, later]))
    assert [x["value"] for x in values] == ["600000"]


def test_dhis2_duplicates_are_refused_naming_both_readings(
        received: da.Indicator, khanh_hoa: da.Jurisdiction) -> None:
    july = flow(received, 52_310, D(2023, 7, 1), D(2023, 7, 31), khanh_hoa)
    again = flow(received, 52_000, D(2023, 7, 1), D(2023, 7, 31), khanh_hoa)
    message = (r"must give one value per data element, period and org unit: the reading of "
               r"'eid-received' in '56' \(2023-07-01\.\.2023-07-31\) and the reading of "
               r"'eid-received' in '56' \(2023-07-01\.\.2023-07-31\) both give one for "
               r"\(got \('eid-received', '202307', '56'\)\)")
    with pytest.raises(da.ValidationError, match=message):
        io.to_dhis2_datavalues([july, again])
    # Two indicators mapped to one data element.
    other = da.Indicator("eid-received-2", "Applications received (second count)",
                         "Hồ sơ tiếp nhận (lần đếm thứ hai)", unit="dossiers", measure="flow")
    twin = flow(other, 52_000, D(2023, 7, 1), D(2023, 7, 31), khanh_hoa)
    one_uid = {"eid-received": "fbfJHSPpUQD", "eid-received-2": "fbfJHSPpUQD"}
    with pytest.raises(da.ValidationError, match="'fbfJHSPpUQD', '202307', '56'"):
        io.to_dhis2_datavalues([july, twin], data_elements=one_uid)
    # Two jurisdictions mapped to one org unit.
    qn = da.Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    there = flow(received, 1_000, D(2023, 7, 1), D(2023, 7, 31), qn)
    with pytest.raises(da.ValidationError, match="'202307', 'ou'"):
        io.to_dhis2_datavalues([july, there], org_units={"56": "ou", "51": "ou"})
    assert len(data_values(io.to_dhis2_datavalues([july, twin, there]))) == 3


@pytest.mark.parametrize("period_type", io.DHIS2_PERIOD_TYPES)
def test_dhis2_flow_spanning_one_period_of_each_type(
        received: da.Indicator, khanh_hoa: da.Jurisdiction, period_type: str) -> None:
    text = period_id(period_type, D(2024, 2, 29))
    start, end = io.dhis2_period_range(text)
    doc = io.to_dhis2_datavalues([flow(received, 7, start, end, khanh_hoa)],
                                 period_type=period_type)
    check_dhis2_document(doc)
    assert data_values(doc)[0]["period"] == text
    longer = flow(received, 7, start, end + dt.timedelta(days=1), khanh_hoa)
    message = (rf"must span exactly one {period_type} period for a flow: the reading of "
               rf"'eid-received' in '56' \({start}\.\.{end + dt.timedelta(days=1)}\) does not")
    with pytest.raises(da.ValidationError, match=message):
        io.to_dhis2_datavalues([longer], period_type=period_type)
    if start < end:
        shorter = flow(received, 7, start + dt.timedelta(days=1), end, khanh_hoa)
        with pytest.raises(da.ValidationError, match="must span exactly one"):
            io.to_dhis2_datavalues([shorter], period_type=period_type)


def test_dhis2_bi_week_overlap(received: da.Indicator, khanh_hoa: da.Jurisdiction,
                               collected: da.Indicator) -> None:
    """DHIS2's 2020BiW27 runs into week 1 of 2021, where a day belongs to 2021BiW1."""
    last = flow(received, 9, D(2020, 12, 28), D(2021, 1, 10), khanh_hoa)
    first = stock(collected, 9, D(2021, 1, 5), khanh_hoa)
    values = data_values(io.to_dhis2_datavalues([last, first], period_type="BiWeekly"))
    assert [x["period"] for x in values] == ["2020BiW27", "2021BiW1"]


def test_dhis2_period_of_a_reading_without_a_four_digit_id(
        collected: da.Indicator, khanh_hoa: da.Jurisdiction) -> None:
    late = stock(collected, 1, D(9999, 12, 31), khanh_hoa)
    with pytest.raises(da.ValidationError, match=r"readings has no Weekly period id for "
                       r"9999-12-31 .*\(got \"the reading of 'eid-collected' in '56'"):
        io.to_dhis2_datavalues([late], period_type="Weekly")
    assert data_values(io.to_dhis2_datavalues([late], period_type="Yearly"))[0][
        "period"] == "9999"


@pytest.mark.parametrize(("value", "written"), [
    (1e-05, "0.00001"), (2.0, "2"), (-0.0, "0"), (0.1, "0.1"), (546_234, "546234"),
    (1e20, "100000000000000000000"), (2.5e-7, "0.00000025"), (98.94, "98.94"),
    (1e248, "1" + "0" * 248),
])
def test_dhis2_values_as_dhis2_reads_them(khanh_hoa: da.Jurisdiction, value: float,
                                          written: str) -> None:
    count = da.Indicator("accounts", "Accounts", "Tài khoản", unit="count")
    doc = io.to_dhis2_datavalues([stock(count, value, D(2024, 1, 1), khanh_hoa)])
    check_dhis2_document(doc)
    text = data_values(doc)[0]["value"]
    assert text == written
    if float(value).is_integer():
        assert DHIS2_INTEGER.fullmatch(text)


@pytest.mark.parametrize("value", [1e250, 10**249, 5e-324, 1.5e-250])
def test_dhis2_values_too_long_are_refused(khanh_hoa: da.Jurisdiction, value: float) -> None:
    count = da.Indicator("accounts", "Accounts", "Tài khoản", unit="count")
    with pytest.raises(da.ValidationError, match="more than DHIS2's 249 characters") as caught:
        io.to_dhis2_datavalues([stock(count, value, D(2024, 1, 1), khanh_hoa)])
    assert "the reading of 'accounts' in '56' (2024-01-01)" in str(caught.value)


@given(st.floats(min_value=0, allow_nan=False, allow_infinity=False) | st.integers(0, 10**300))
def test_dhis2_any_value_is_written_exactly_or_refused(value: float) -> None:
    vn = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    count = da.Indicator("accounts", "Accounts", "Tài khoản", unit="count")
    # What was given: an int, or the shortest decimal that reads back as the float.
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    expected = str(int(exact)) if exact == exact.to_integral_value() else f"{exact:f}"
    if len(expected) >= 250:
        with pytest.raises(da.ValidationError, match="more than DHIS2's 249 characters"):
            io.to_dhis2_datavalues([stock(count, value, D(2024, 1, 1), vn)])
        return
    text = data_values(io.to_dhis2_datavalues([stock(count, value, D(2024, 1, 1), vn)]))[0]["value"]
    assert text == expected
    assert DHIS2_NUMBER.fullmatch(text)
    if isinstance(value, float):
        assert float(text) == value  # the float DHIS2 reads is the one given


def test_dhis2_complete_date_must_be_a_date(reading: da.Reading) -> None:
    with pytest.raises(da.ValidationError, match=r"complete_date must be a datetime\.date"):
        io.to_dhis2_datavalues([reading], complete_date=dt.datetime(2023, 7, 2))  # noqa: DTZ001


def stock_oracle(readings: list[da.Reading]) -> list[tuple[str, str, str, float]] | None:
    """The monthly values of stock readings, written from the rule; None when refused."""
    latest: dict[tuple[str, str, str], list[da.Reading]] = {}
    for r in readings:
        key = (r.indicator.code, f"{r.as_of.year}{r.as_of.month:02d}", r.jurisdiction.code)
        kept = latest.setdefault(key, [])
        if not kept or r.as_of > kept[0].as_of:
            latest[key] = [r]
        elif r.as_of == kept[0].as_of:
            kept.append(r)
    if any(len(kept) > 1 for kept in latest.values()):
        return None
    return sorted((*key, kept[0].value) for key, kept in latest.items())


@given(st.lists(das.readings(indicators=das.indicators(measures=st.just(da.Measure.STOCK))),
                max_size=8))
def test_dhis2_any_stock_readings(readings: list[da.Reading]) -> None:
    expected = stock_oracle(readings)
    if expected is None:
        with pytest.raises(da.ValidationError, match="one value per data element"):
            io.to_dhis2_datavalues(readings)
        return
    doc = io.to_dhis2_datavalues(readings)
    check_dhis2_document(doc)
    values = data_values(doc)
    assert isinstance(values, list)
    got = sorted((x["dataElement"], x["period"], x["orgUnit"], float(x["value"]))
                 for x in values)
    assert got == [(*key, float(value)) for *key, value in expected]
