"""Issue 17's crash list: each wrong argument gets the library's error, naming it."""

from __future__ import annotations

import datetime as dt
import io as stdio
from typing import Any

import attrs
import numpy as np
import pytest

import de_an06 as da
from de_an06 import batch, datasets, io, parsing

DAY = dt.date(2023, 7, 1)
KH = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
PEOPLE = da.Indicator("eid-collected", "e-ID applications collected", "Thu nhận hồ sơ ĐDĐT",
                      unit="people")


def _table() -> batch.ReadingTable:
    ids = np.repeat(np.arange(3), 4)
    days = np.tile(np.arange(19_500, 19_504), 3)
    return batch.ReadingTable.from_arrays(ids, days, days * 1.0)


def test_year_zero_is_a_parse_error() -> None:
    with pytest.raises(da.ParseError, match="year 0 does not exist"):
        parsing.parse_period("năm 0000")


ANY: Any = datasets  # the module, untyped: its functions are called with wrong types


@pytest.mark.parametrize(("call", "field"), [
    (lambda: ANY.province(56, as_of=DAY), r"province\.key must be a str, not int"),
    (lambda: ANY.province(None, as_of=DAY), r"province\.key must be a str, not NoneType"),
    (lambda: ANY.successor(54), r"successor\.code must be a str"),
    (lambda: ANY.predecessors(["51"]), r"predecessors\.code must be a str"),
    (lambda: ANY.indicator(1), r"indicator\.code must be a str"),
    (lambda: ANY.jurisdiction(56), r"jurisdiction\.code must be a str"),
])
def test_dataset_keys_must_be_text(call: Any, field: str) -> None:
    with pytest.raises(da.ValidationError, match=field):
        call()


@pytest.mark.parametrize(("start", "end", "period_type"), [
    ("2023-01-01", dt.date(2023, 12, 31), None),
    (dt.date(2023, 1, 1), 20231231, None),
    (dt.datetime(2023, 1, 1), dt.date(2023, 12, 31), None),  # noqa: DTZ001 - refused anyway
    (dt.date(2023, 1, 1), dt.date(2023, 12, 31), 5),
])
def test_dhis2_periods_refuse_wrong_types(start: Any, end: Any, period_type: Any) -> None:
    with pytest.raises(da.ValidationError, match=r"dhis2_period\.(start|end|period_type)"):
        io.dhis2_period(start, end, period_type=period_type)


@pytest.mark.parametrize("period_id", [5, None, b"2023"])
def test_dhis2_period_range_refuses_non_text(period_id: Any) -> None:
    with pytest.raises(da.ValidationError, match=r"dhis2_period_range\.period_id"):
        io.dhis2_period_range(period_id)


def test_io_entry_points_refuse_wrong_types() -> None:
    with pytest.raises(da.ValidationError, match=r"read_json\.path"):
        io.read_json(5)  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match=r"\.dataset must be a Dataset"):
        io.write_json(list, "unused.json")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match=r"to_dhis2_datavalues\.readings"):
        io.to_dhis2_datavalues([1])  # type: ignore[list-item]


@pytest.mark.parametrize(("key", "error", "match"), [
    (None, da.ValidationError, "must be an int or a str, not NoneType"),
    (1.5, da.ValidationError, "must be an int or a str, not float"),
    (True, da.ValidationError, "not bool"),
    (np.bool_(1), da.ValidationError, "not bool"),
    ("a", da.UnknownCodeError, "has no series 'a'"),
    (7, da.UnknownCodeError, "has no series 7"),
    (2**70, da.UnknownCodeError, "has no series"),
    (-(2**70), da.UnknownCodeError, "has no series"),
])
def test_table_index_refuses_wrong_keys(key: Any, error: type[Exception], match: str) -> None:
    table = _table()
    assert table.index(np.int64(2)) == 2
    with pytest.raises(error, match=match):
        table.index(key)


def test_a_missing_text_id_and_a_number_in_a_text_table() -> None:
    table = batch.ReadingTable.from_arrays(["a", "a", "b", "b"], [1, 2, 1, 2], [1.0, 2, 3, 4])
    assert table.index("b") == 1
    with pytest.raises(KeyError, match="has no series 1"):
        table.index(1)
    with pytest.raises(KeyError, match="has no series 'c'"):
        table.index("c")


@pytest.mark.parametrize(("row", "match"), [
    (5, r"\.row must be a row of the table, 0 to 2 \(or -3 to -1\) \(got 5\)"),
    (-4, r"\.row must be a row of the table"),
    (True, r"\.row must be an int, not bool"),
    (np.bool_(0), r"\.row must be an int, not bool"),
    (1.0, r"\.row must be an int, not float"),
    ("a", r"\.row must be an int, not str"),
])
def test_result_rows_must_be_row_numbers(row: Any, match: str) -> None:
    table = _table()
    trends = batch.trends(table)
    forecasts = batch.forecasts(table, 19_520.0, deadlines=dt.date(2023, 12, 31))
    assert trends.trend(-1) == trends.trend(np.int32(2))
    assert forecasts.forecast(np.uint8(0)) == forecasts.forecast(-3)
    with pytest.raises(da.ValidationError, match="TrendTable" + match):
        trends.trend(row)
    with pytest.raises(da.ValidationError, match="ForecastTable" + match):
        forecasts.forecast(row)


def test_deadlines_as_a_list_of_dates() -> None:
    table = _table()
    dates = [dt.date(2023, 12, 31), None, dt.date(2024, 1, 1)]
    got = batch.forecasts(table, 19_520.0, deadlines=dates)
    want = batch.forecasts(table, 19_520.0, deadlines=np.array(
        ["2023-12-31", "NaT", "2024-01-01"], dtype="datetime64[D]"))
    assert got == want
    assert got.forecast(0).deadline == dt.date(2023, 12, 31)
    assert got.forecast(1).deadline is None


@pytest.mark.parametrize(("deadlines", "match"), [
    ([dt.datetime(2023, 12, 31)] * 3, r"must hold dates or None \(entry 0 is datetime\)"),  # noqa: DTZ001
    ([dt.date(2023, 12, 31), "2024-01-01", None], r"must hold dates or None \(entry 1 is str\)"),
    ([10**7] * 3, r"must be day numbers of dates in years 1 to 9999 \(got 10000000\)"),
    (np.array([2**64 - 1] * 3, dtype=np.uint64), r"years 1 to 9999 \(got 18446744073709551615\)"),
    ([-(10**7)] * 3, r"years 1 to 9999"),
])
def test_bad_deadlines_are_named(deadlines: Any, match: str) -> None:
    with pytest.raises(da.ValidationError, match=r"forecasts\.deadlines .*" + match):
        batch.forecasts(_table(), 19_520.0, deadlines=deadlines)


def test_batch_confidence_follows_the_number_rule() -> None:
    table = _table()
    assert batch.trends(table, confidence=np.float32(0.5)).confidence == 0.5
    with pytest.raises(da.ValidationError, match=r"trends\.confidence must be a real number"):
        batch.trends(table, confidence=True)
    with pytest.raises(da.ValidationError, match=r"trends\.confidence must be in \(0, 1\)"):
        batch.trends(table, confidence=1)


@pytest.mark.parametrize("n", [2**63, -(2**63) - 1, 10**30])
def test_working_days_beyond_int64(n: int) -> None:
    pytest.importorskip("holidays")
    from de_an06.calendar import WorkingCalendar

    with pytest.raises(da.ValidationError, match=rf"WorkingCalendar\.n runs past .*\(got {n}\)"):
        WorkingCalendar().add_working_days(DAY, n)


@pytest.mark.parametrize(("first", "second"), [
    (dt.date(1, 1, 1), dt.date(1, 2, 1)),
    (dt.date(9999, 12, 1), dt.date(9999, 12, 31)),
    (dt.date(1, 1, 1), dt.date(9999, 12, 31)),
])
def test_plot_series_at_the_ends_of_the_calendar(first: dt.date, second: dt.date) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    from de_an06.plotting import plot_series

    readings = [da.Reading(PEOPLE, 1, as_of=first, jurisdiction=KH),
                da.Reading(PEOPLE, 2, as_of=second, jurisdiction=KH)]
    for shown in (readings, readings[0], readings[1]):
        ax = plot_series(shown)
        low, high = ax.get_xlim()
        assert low < high
        plt.close("all")


def test_plot_attainment_refuses_an_infinite_percent() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib as mpl

    mpl.use("Agg")
    from de_an06.plotting import plot_attainment

    huge = da.attainment(1e300, 1e-10)
    with pytest.raises(da.ValidationError, match=r"plot_attainment\.items\[1\] must be a finite"):
        plot_attainment([da.attainment(1, 2), huge])


def _columns(**changes: Any) -> io.ReadingColumns:
    parts: dict[str, Any] = {
        "indicator": [0, 0, 1], "indicator_codes": ("eid", "wait"),
        "jurisdiction": np.array([0, 0, 0], dtype=np.int64), "jurisdiction_codes": ("56",),
        "as_of": np.array(["2023-07-01", "2023-07-02", "2023-07-02"], dtype="datetime64[D]"),
        "value": [546_234, 560_000, 18.5], "units": ("people", da.Unit.DAYS),
        "directions": (da.Direction.HIGHER_IS_BETTER, "lower"),
    }
    return io.ReadingColumns(**{**parts, **changes})


def test_hand_built_columns_are_converted() -> None:
    columns = _columns()
    assert columns.indicator.dtype == np.int32
    assert columns.value.dtype == np.float64
    assert not columns.value.flags.writeable
    assert columns.units == (da.Unit.PEOPLE, da.Unit.DAYS)
    assert columns.directions[1] is da.Direction.LOWER_IS_BETTER
    assert len(columns) == 3
    assert len(_columns(indicator=[], jurisdiction=[], as_of=np.array([], "datetime64[D]"),
                        value=[])) == 0


@pytest.mark.parametrize(("changes", "match"), [
    ({"value": [1.0, 2.0]}, r"indicator must hold one entry per value \(2\) \(got 3\)"),
    ({"jurisdiction": [0, 0]}, r"jurisdiction must hold one entry per value \(3\) \(got 2\)"),
    ({"as_of": np.array(["2023-07-01"], "datetime64[D]")}, r"as_of must hold one entry"),
    ({"indicator": [0, 2, 1]}, r"indicator must hold positions in indicator_codes \(2 of"),
    ({"jurisdiction": [0, 1, 0]}, r"jurisdiction must hold positions in jurisdiction_codes"),
    ({"indicator": [0, -1, 1]}, r"indicator must hold positions in its codes \(0 or more\)"),
    ({"indicator": [0, 2**40, 1]}, r"indicator must hold positions in its codes"),
    ({"indicator": [0.0, 0.0, 1.0]}, r"indicator must be a 1-D array of integers"),
    ({"indicator": [[0, 0, 1]]}, r"indicator must be a 1-D array of integers"),
    ({"indicator": [0, "a", 1]}, r"indicator must be a 1-D array of integers"),
    ({"indicator": [0, [1], 1]}, r"indicator must be a 1-D array of integers"),
    ({"value": [1.0, float("nan"), 2.0]}, r"value must be finite \(got nan\)"),
    ({"value": ["1", "2", "3"]}, r"value must be a 1-D array of real numbers"),
    ({"value": [1, -5, 2]}, r"value\[1\] must be >= 0"),
    ({"as_of": ["2023-07-01"] * 3}, r"as_of must be a 1-D array of dates"),
    ({"as_of": np.array(["2023-07-01", "NaT", "2023-07-01"], "datetime64[D]")},
     r"as_of must hold dates of years 1 to 9999 \(no NaT\) \(got 'NaT'\)"),
    ({"as_of": np.array(["2023-07-01", "10000-01-01", "2023-07-01"], "datetime64[D]")},
     r"as_of must hold dates of years 1 to 9999"),
    ({"indicator_codes": ("eid", 5)}, r"indicator_codes must hold codes \(str\), not int"),
    ({"jurisdiction_codes": (None,)}, r"jurisdiction_codes must hold codes \(str\)"),
    ({"units": ("people",)}, r"units must hold one entry per indicator code \(2\) \(got 1\)"),
    ({"units": ("people", "parsecs")}, r"units must hold Unit values \(got 'parsecs'\)"),
    ({"directions": ("up", "lower")}, r"directions must hold Direction values"),
])
def test_hand_built_columns_are_checked(changes: dict[str, Any], match: str) -> None:
    with pytest.raises(da.ValidationError, match=r"ReadingColumns\." + match):
        _columns(**changes)


# --------------------------------------------------------------------------
# Found by the contract test (tests/test_contract.py)
# --------------------------------------------------------------------------


def test_datetime64_deadlines_outside_the_calendar() -> None:
    with pytest.raises(da.ValidationError, match=r"forecasts\.deadlines must be dates in years "
                       r"1 to 9999 \(got '-001-01-01'\)"):
        batch.forecasts(_table(), 10.0, np.datetime64("-0001-01-01"))


def test_format_number_with_absurd_decimals() -> None:
    with pytest.raises(da.ValidationError, match=r"format_number\.decimals gives too many"):
        parsing.format_number(1, decimals=10**60)


@pytest.mark.parametrize(("keywords", "match"), [
    ({"data_elements": 5}, r"data_elements must be a mapping of codes to DHIS2 uids, not int"),
    ({"org_units": ["56"]}, r"org_units must be a mapping"),
    ({"org_units": {"56": 5}}, r"org_units must map code '56' to a str \(got 5\)"),
])
def test_dhis2_mappings_are_checked(keywords: dict[str, Any], match: str) -> None:
    reading = da.Reading(PEOPLE, 5, as_of=DAY, jurisdiction=KH)
    with pytest.raises(da.ValidationError, match=r"to_dhis2_datavalues\." + match):
        io.to_dhis2_datavalues([reading], **keywords)


@pytest.mark.parametrize("readings", [5, "readings", None])
def test_dhis2_readings_must_be_iterable(readings: Any) -> None:
    with pytest.raises(da.ValidationError, match=r"to_dhis2_datavalues\.readings must be an "
                       "iterable"):
        io.to_dhis2_datavalues(readings)


@pytest.mark.parametrize("number_format", [np.array([1, 2]), ["vi"], 5])
def test_number_formats_that_are_no_text(number_format: Any) -> None:
    text = io.dumps(io.Dataset())
    for call in (lambda: parsing.parse_number("5", number_format=number_format),
                 lambda: io.loads(text, number_format=number_format),
                 lambda: io.read_table(stdio.StringIO("a\n"), number_format=number_format),
                 lambda: io.read_csv(stdio.StringIO("a\n"), number_format=number_format)):
        with pytest.raises(da.ValidationError, match=r"\.number_format must be"):
            call()


@pytest.mark.parametrize("kind", [[], np.array([1, 2]), 5])
def test_csv_kinds_that_are_no_text(kind: Any) -> None:
    with pytest.raises(da.ValidationError, match=r"write_csv\.kind must be one of"):
        io.write_csv(io.Dataset(), stdio.StringIO(), kind=kind)
    with pytest.raises(da.ValidationError, match=r"read_csv\.kind must be one of"):
        io.read_csv(stdio.StringIO("as_of\n"), kind=kind)


def test_a_zero_dimensional_array_is_no_list_of_readings() -> None:
    with pytest.raises(da.ValidationError, match=r"Series\.readings"):
        da.Series(np.array(5))


@pytest.mark.parametrize("relative", [np.array([1, 2]), 1, "yes", None])
def test_implied_target_wants_a_bool(relative: Any) -> None:
    with pytest.raises(da.ValidationError, match=r"implied_target\.relative must be a bool"):
        da.implied_target(47, 17, relative=relative)


def test_mismatches_say_what_differs() -> None:
    other = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hoà", level="province", parent="VN")
    day_two = dt.date(2023, 7, 2)
    with pytest.raises(da.ValidationError, match=r"must share one jurisdiction \('56'; they "
                       r"differ in name_vi: 'Khánh Hòa' vs 'Khánh Hoà' \('Kh\\xe1nh H\\xf2a' vs "
                       r"'Kh\\xe1nh Ho\\xe0'\)\) \(got '56'\)"):
        da.Series([da.Reading(PEOPLE, 1, as_of=DAY, jurisdiction=KH),
                   da.Reading(PEOPLE, 2, as_of=day_two, jurisdiction=other)])
    counted = attrs.evolve(PEOPLE, unit="count")
    with pytest.raises(da.ValidationError, match=r"must share one indicator \('eid-collected'; "
                       r"they differ in unit: <Unit.PEOPLE: 'people'> vs <Unit.COUNT: 'count'>\)"):
        da.Series([da.Reading(PEOPLE, 1, as_of=DAY, jurisdiction=KH),
                   da.Reading(counted, 2, as_of=day_two, jurisdiction=KH)])
    reading = da.Reading(PEOPLE, 1, as_of=DAY, jurisdiction=KH)
    with pytest.raises(da.ValidationError, match=r"forecast\.target must be for jurisdiction "
                       r"'56'; they differ in name_vi"):
        da.forecast(reading, da.Target(PEOPLE, 5, jurisdiction=other))
    with pytest.raises(da.ValidationError, match=r"must be for indicator 'eid-collected'; they "
                       r"differ in unit"):
        da.attainment(reading, da.Target(counted, 5, jurisdiction=KH))
    with pytest.raises(da.ValidationError, match=r"must be for indicator 'eid-collected' \(got"):
        da.attainment(reading, da.Target(attrs.evolve(PEOPLE, code="x"), 5, jurisdiction=KH))


def test_plot_series_says_what_differs() -> None:
    pytest.importorskip("matplotlib")
    from de_an06.plotting import plot_series

    other = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hoà", level="province", parent="VN")
    reading = da.Reading(PEOPLE, 1, as_of=DAY, jurisdiction=KH)
    with pytest.raises(da.ValidationError, match=r"plot_series\.target must be for jurisdiction "
                       r"'56'; they differ in name_vi"):
        plot_series(reading, da.Target(PEOPLE, 5, jurisdiction=other))
    counted = attrs.evolve(PEOPLE, unit="count")
    with pytest.raises(da.ValidationError, match=r"plot_series\.target must be for indicator "
                       r"'eid-collected'; they differ in unit"):
        plot_series(reading, da.Target(counted, 5, jurisdiction=KH))


@pytest.mark.parametrize("tasks", [5, np.array(5), "tasks"])
def test_completion_wants_an_iterable_of_tasks(tasks: Any) -> None:
    with pytest.raises(da.ValidationError, match=r"completion\.tasks must be an iterable"):
        da.completion(tasks, as_of=DAY)


@pytest.mark.parametrize("subunits", [np.array([], dtype=object), 1, "yes"])
def test_dataset_filters_want_a_bool(subunits: Any) -> None:
    with pytest.raises(da.ValidationError, match=r"datasets\.subunits must be a bool"):
        datasets.readings(jurisdiction="56", subunits=subunits)


@pytest.mark.parametrize("readings", [5, np.array(5), dt.date(2023, 7, 1)])
def test_frames_want_an_iterable_of_readings(readings: Any) -> None:
    frames: Any = pytest.importorskip("de_an06.frames")
    pytest.importorskip("pandas")
    with pytest.raises(da.ParseError, match=r"to_pandas\.readings must be an iterable"):
        frames.to_pandas(readings)


def test_audit_wants_iterables() -> None:
    with pytest.raises(da.ValidationError, match=r"audit\.readings must be an iterable, not "
                       r"ndarray"):
        da.audit(np.array(5))


@pytest.mark.parametrize("days", [np.array(5), [[dt.date(2023, 7, 1)]]])
def test_calendar_extra_days_that_are_no_dates(days: Any) -> None:
    pytest.importorskip("holidays")
    from de_an06.calendar import WorkingCalendar

    with pytest.raises(da.ValidationError, match=r"WorkingCalendar\.extra_days_off"):
        WorkingCalendar(extra_days_off=days)
