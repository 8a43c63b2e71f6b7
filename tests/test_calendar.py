from __future__ import annotations

import datetime as dt
import doctest
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import strategies as das
from de_an06.calendar import FIRST_YEAR, WorkingCalendar, due_date

# Every test here needs the calendar extra, and CAL below builds a calendar at
# import; without ``holidays`` the module is skipped, not an error. What a
# missing extra says is tested in test_package.py, which runs either way.
pytest.importorskip("holidays")

ROOT = Path(__file__).resolve().parent.parent
D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


# One calendar shared by the property tests (Hypothesis dislikes function fixtures).
CAL = WorkingCalendar()
dates = st.dates(min_value=D(2022, 1, 1), max_value=D(2030, 12, 31))
# Start dates that leave room for 300 working days inside the calendar.
early_dates = st.dates(min_value=D(2022, 1, 1), max_value=D(2029, 6, 30))


def off(cal: WorkingCalendar, first: D, last: D) -> list[D]:
    """The days off from first to last, inclusive."""
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return [d for d in days if not cal.is_working_day(d)]


def span(first: D, last: D) -> list[D]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# --------------------------------------------------------------- pinned years
def test_tet_2023(cal: WorkingCalendar) -> None:
    # Friday 20-1 (29 Tết) to Thursday 26-1 (mùng 5); back on Friday 27-1.
    assert off(cal, D(2023, 1, 19), D(2023, 1, 27)) == span(D(2023, 1, 20), D(2023, 1, 26))


def test_tet_2024(cal: WorkingCalendar) -> None:
    # Thursday 8-2 (29 Tết) to Wednesday 14-2 (mùng 5).
    assert off(cal, D(2024, 2, 7), D(2024, 2, 15)) == span(D(2024, 2, 8), D(2024, 2, 14))


def test_tet_2025(cal: WorkingCalendar) -> None:
    # Nine days, Saturday 25-1 to Sunday 2-2.
    assert off(cal, D(2025, 1, 24), D(2025, 2, 3)) == span(D(2025, 1, 25), D(2025, 2, 2))


def test_reunification_and_labour_day_2025_swap(cal: WorkingCalendar) -> None:
    assert cal.is_working_day(D(2025, 4, 26))  # Saturday worked
    assert not cal.is_working_day(D(2025, 5, 2))  # Friday taken off in exchange
    assert off(cal, D(2025, 4, 25), D(2025, 5, 5)) == [
        D(2025, 4, 27), *span(D(2025, 4, 30), D(2025, 5, 4))
    ]


def test_reunification_and_labour_day_2024_swap(cal: WorkingCalendar) -> None:
    assert cal.is_working_day(D(2024, 5, 4))  # Saturday worked for Monday 29-4
    assert off(cal, D(2024, 4, 26), D(2024, 5, 6)) == [
        *span(D(2024, 4, 27), D(2024, 5, 1)), D(2024, 5, 5)
    ]


def test_national_day_2024_and_2025(cal: WorkingCalendar) -> None:
    assert off(cal, D(2024, 8, 30), D(2024, 9, 4)) == span(D(2024, 8, 31), D(2024, 9, 3))
    assert off(cal, D(2025, 8, 29), D(2025, 9, 3)) == span(D(2025, 8, 30), D(2025, 9, 2))


# Working days per month of 2023, from the government's holiday notice for
# public servants: 2-1 (New Year compensation), 20-1..26-1 (Tết), 2-5 and 3-5
# (compensation for Hùng Kings' day and 30-4, which fell on the weekend),
# 1-5, 1-9 and 4-9 (National Day and its compensation).
WORKING_DAYS_2023 = [16, 20, 23, 20, 20, 22, 21, 23, 19, 22, 22, 21]


def test_working_days_per_month_2023(cal: WorkingCalendar) -> None:
    counts = []
    for month in range(1, 13):
        first = D(2023, month, 1)
        last = D(2023, month + 1, 1) - dt.timedelta(days=1) if month < 12 else D(2023, 12, 31)
        counts.append(cal.working_days_between(first - dt.timedelta(days=1), last))
    assert counts == WORKING_DAYS_2023
    assert sum(WORKING_DAYS_2023) == 249


def test_every_programme_year_has_its_holidays(cal: WorkingCalendar) -> None:
    # Five Tết days, Hùng Kings' day, 30-4, 1-5 and two National Day days at least,
    # so no year of the programme can silently come out as "weekdays only".
    for year in range(2022, 2031):
        days = span(D(year, 1, 1), D(year, 12, 31))
        weekdays = sum(1 for d in days if d.weekday() < 5)
        working = sum(1 for d in days if cal.is_working_day(d))
        assert weekdays - working >= 9, year


def test_khanh_hoa_pace(cal: WorkingCalendar) -> None:
    start, end = D(2023, 7, 1), D(2023, 7, 30)
    working = cal.working_days_between(start, end)
    days = (end - start).days
    assert (working, days) == (20, 29)
    missing = 756_805 - 546_234
    assert round(missing / working, 2) == 10_528.55
    assert round(missing / days, 1) == 7_261.1


# ------------------------------------------------------------------ scalar API
def test_convention_start_excluded_end_included(cal: WorkingCalendar) -> None:
    monday, tuesday = D(2023, 7, 3), D(2023, 7, 4)
    assert cal.working_days_between(monday, tuesday) == 1
    assert cal.working_days_between(monday, monday) == 0
    assert cal.working_days_between(tuesday, monday) == -1
    saturday, sunday = D(2023, 7, 1), D(2023, 7, 2)
    assert cal.working_days_between(saturday, sunday) == 0


def test_add_working_days(cal: WorkingCalendar) -> None:
    friday = D(2023, 7, 7)
    assert cal.add_working_days(friday, 1) == D(2023, 7, 10)
    assert cal.add_working_days(friday, 0) == friday
    assert cal.add_working_days(D(2023, 7, 8), 0) == D(2023, 7, 8)  # Saturday stays
    assert cal.add_working_days(D(2023, 7, 10), -1) == friday
    # Friday lies in (Thursday, Saturday], so one working day before a Saturday is Thursday.
    assert cal.add_working_days(D(2023, 7, 8), -1) == D(2023, 7, 6)
    assert cal.add_working_days(D(2024, 2, 6), 4) == D(2024, 2, 19)


def test_working_days_array(cal: WorkingCalendar) -> None:
    days = cal.working_days(D(2025, 4, 25), D(2025, 5, 6))
    assert days.dtype == np.dtype("datetime64[D]")
    assert days.tolist() == [D(2025, 4, 26), D(2025, 4, 28), D(2025, 4, 29), D(2025, 5, 5),
                             D(2025, 5, 6)]
    assert cal.working_days(D(2025, 5, 6), D(2025, 4, 25)).size == 0
    days[0] = np.datetime64("2000-01-01")  # a copy: the calendar is unchanged
    assert cal.is_working_day(D(2025, 4, 26))


def test_table_is_read_only_and_sorted(cal: WorkingCalendar) -> None:
    table = cal.table
    assert not table.flags.writeable
    assert np.all(np.diff(table.view(np.int64)) > 0)
    assert table[0] == np.datetime64("2022-01-04")  # 1-1 Saturday, 3-1 compensation
    assert table[-1] == np.datetime64("2030-12-31")
    assert cal.first_day == D(2022, 1, 1)
    assert cal.last_day == D(2030, 12, 31)


def test_extra_days(cal: WorkingCalendar) -> None:
    custom = WorkingCalendar(first_year=2023, last_year=2023,
                             extra_days_off=[D(2023, 7, 3)],
                             extra_working_days=(D(2023, 7, 8),))
    assert not custom.is_working_day(D(2023, 7, 3))
    assert custom.is_working_day(D(2023, 7, 8))
    assert custom.working_days_between(D(2023, 7, 1), D(2023, 7, 30)) == 20
    assert custom != WorkingCalendar(first_year=2023, last_year=2023)
    assert WorkingCalendar(first_year=2023, last_year=2023) == \
        WorkingCalendar(first_year=2023, last_year=2023)
    assert cal.extra_days_off == frozenset()
    assert "first_year=2022" in repr(cal)


def test_calendar_satisfies_forecast_protocol(cal: WorkingCalendar) -> None:
    count = cal.working_days_between(D(2023, 7, 1), D(2023, 7, 30))
    assert isinstance(count, int)
    assert not isinstance(count, bool)


# ------------------------------------------------------------------ vectorised
def test_count_working_days_months_2023(cal: WorkingCalendar) -> None:
    months = np.arange("2023-01", "2024-01", dtype="datetime64[M]")
    starts = months.astype("datetime64[D]") - 1
    ends = (months + 1).astype("datetime64[D]") - 1
    counts = cal.count_working_days(starts, ends)
    assert counts.dtype == np.int64
    assert counts.tolist() == WORKING_DAYS_2023
    as_numbers = cal.count_working_days(starts.view(np.int64), ends.view(np.int64))
    assert np.array_equal(as_numbers, counts)


def test_vectorised_broadcasts(cal: WorkingCalendar) -> None:
    start = np.datetime64("2023-07-01")
    ends = np.array(["2023-07-01", "2023-07-30", "2023-06-30"], dtype="datetime64[D]")
    assert cal.count_working_days(start, ends).tolist() == [0, 20, 0]
    grid = cal.shift_working_days(np.array([[19_539], [19_540]]), np.array([1, 2, 3]))
    assert grid.shape == (2, 3)
    assert cal.is_working_day_array([19_539, 19_540]).tolist() == [False, False]  # Sat, Sun


def test_shift_working_days_zero_and_negative(cal: WorkingCalendar) -> None:
    starts = np.array(["2023-07-08", "2023-07-10"], dtype="datetime64[D]")
    assert cal.shift_working_days(starts, 0).tolist() == [D(2023, 7, 8), D(2023, 7, 10)]
    assert cal.shift_working_days(starts, -1).tolist() == [D(2023, 7, 6), D(2023, 7, 7)]


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.is_working_day(dt.datetime(2023, 7, 3, 8, 0)), "day"),  # noqa: DTZ001
        (lambda c: c.is_working_day("2023-07-03"), "day"),
        (lambda c: c.is_working_day(D(2021, 12, 31)), "day"),
        (lambda c: c.is_working_day(D(2031, 1, 1)), "day"),
        (lambda c: c.working_days_between(D(2023, 1, 1), D(2031, 1, 1)), "end"),
        (lambda c: c.working_days_between(D(2019, 1, 1), D(2023, 1, 1)), "start"),
        (lambda c: c.working_days(D(2023, 1, 1), None), "end"),
        (lambda c: c.add_working_days(D(2023, 1, 1), 1.0), "n"),
        (lambda c: c.add_working_days(D(2023, 1, 1), True), "n"),  # noqa: FBT003
        (lambda c: c.add_working_days(D(2030, 12, 20), 30), "n"),
        (lambda c: c.add_working_days(D(2022, 1, 10), -30), "n"),
        (lambda c: c.count_working_days([1.5], [19_000]), "start_days"),
        (lambda c: c.count_working_days([18_000], [19_000]), "start_days"),
        (lambda c: c.count_working_days([19_500], [10**12]), "end_days"),
        (lambda c: c.count_working_days(np.array(["2023-01-01T00"], dtype="datetime64[h]"),
                                        [19_500]), "start_days"),
        (lambda c: c.count_working_days(np.array(["NaT"], dtype="datetime64[D]"), [19_500]),
         "start_days"),
        (lambda c: c.count_working_days([19_500, 19_501], [19_500, 19_501, 19_502]),
         "end_days"),
        (lambda c: c.shift_working_days([19_500], [0.5]), "n"),
        (lambda c: c.is_working_day_array(["2023-01-01"]), "days"),
    ],
)
def test_bad_calls_raise_validation_error(cal: WorkingCalendar, call: object,
                                          field: str) -> None:
    assert callable(call)
    with pytest.raises(da.ValidationError) as info:
        call(cal)
    assert info.value.field == field
    assert info.value.owner == "WorkingCalendar"


def test_out_of_range_message_names_date_and_years(cal: WorkingCalendar) -> None:
    with pytest.raises(da.ValidationError, match=r"2022-2030 \(got datetime.date\(2031, 1, 1\)\)"):
        cal.is_working_day(D(2031, 1, 1))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"first_year": 1999}, "first_year"),
        ({"first_year": 2022.0}, "first_year"),
        ({"last_year": 2101}, "last_year"),
        ({"first_year": 2025, "last_year": 2024}, "last_year"),
        ({"extra_days_off": D(2023, 1, 1)}, "extra_days_off"),
        ({"extra_days_off": "2023-01-01"}, "extra_days_off"),
        ({"extra_days_off": ["2023-01-01"]}, "extra_days_off"),
        ({"extra_days_off": [D(2031, 1, 1)]}, "extra_days_off"),
        ({"extra_working_days": [dt.datetime(2023, 1, 7)]}, "extra_working_days"),  # noqa: DTZ001
        ({"extra_days_off": [D(2023, 1, 7)], "extra_working_days": [D(2023, 1, 7)]},
         "extra_working_days"),
    ],
)
def test_bad_construction(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(da.ValidationError) as info:
        WorkingCalendar(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_first_year_constant() -> None:
    assert FIRST_YEAR == 2000
    assert WorkingCalendar(first_year=FIRST_YEAR, last_year=FIRST_YEAR).table.size > 240


# -------------------------------------------------------------------- due_date
@pytest.fixture
def birth() -> da.LinkedService:
    return da.LinkedService(
        "birth", "Birth bundle", "Liên thông khai sinh",
        procedures=("birth registration", "permanent residence", "BHYT card under 6"),
        days_before=21, days_after=4,
    )


def test_due_date_working_days(birth: da.LinkedService, cal: WorkingCalendar) -> None:
    # Submitted Friday 29-8-2025: 30-8..2-9 off, so 3, 4, 5 and 8 September.
    assert due_date(birth, D(2025, 8, 29), cal) == D(2025, 9, 8)
    assert da.due_date(birth, D(2023, 7, 3), cal) == cal.add_working_days(D(2023, 7, 3), 4)


def test_due_date_calendar_days(birth: da.LinkedService) -> None:
    plain = da.LinkedService(
        "birth", "Birth bundle", "Liên thông khai sinh",
        procedures=("birth registration", "permanent residence"),
        days_before=21, days_after=4, after_unit=da.Unit.DAYS,
    )
    assert due_date(plain, D(2025, 8, 29)) == D(2025, 9, 2)
    with pytest.raises(da.ValidationError) as info:
        due_date(birth, D(2025, 8, 29))
    assert info.value.field == "calendar"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("not a service", D(2025, 1, 1)), "service"),
        ((None, D(2025, 1, 1)), "service"),
        (("BIRTH", dt.datetime(2025, 1, 1)), "submitted"),  # noqa: DTZ001
        (("BIRTH", D(2025, 1, 1), "calendar"), "calendar"),
        (("HALF", D(2025, 1, 1)), "service"),
        (("LATE", D.max), "submitted"),
    ],
)
def test_due_date_errors(birth: da.LinkedService, args: tuple[object, ...], field: str) -> None:
    half = da.LinkedService("half", "Half", "Nửa", procedures=("a", "b"), days_before=3,
                            days_after=1.5)
    late = da.LinkedService("late", "Late", "Muộn", procedures=("a", "b"), days_before=3,
                            days_after=1, after_unit=da.Unit.DAYS)
    named = {"BIRTH": birth, "HALF": half, "LATE": late}
    real = tuple(named.get(a, a) if isinstance(a, str) else a for a in args)
    with pytest.raises(da.ValidationError) as info:
        due_date(*real)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.owner == "due_date"


# ------------------------------------------------------------------ properties
@given(early_dates, st.integers(min_value=1, max_value=300))
def test_add_gives_a_working_day_n_working_days_later(start: D, n: int) -> None:
    due = CAL.add_working_days(start, n)
    assert CAL.is_working_day(due)
    assert due > start
    assert CAL.working_days_between(start, due) == n
    # and it is the first such day: the day before is still short of n
    assert CAL.working_days_between(start, due - dt.timedelta(days=1)) == n - 1


@given(dates, st.integers(min_value=-200, max_value=200))
def test_between_add_identity_signed(start: D, n: int) -> None:
    try:
        due = CAL.add_working_days(start, n)
    except da.ValidationError:
        return  # ran past the calendar's years
    assert CAL.working_days_between(start, due) == n


@given(dates, dates, dates)
def test_counts_add_over_adjacent_intervals(a: D, b: D, c: D) -> None:
    assert (CAL.working_days_between(a, b) + CAL.working_days_between(b, c)
            == CAL.working_days_between(a, c))
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)


@given(dates, dates)
def test_count_matches_day_by_day(a: D, b: D) -> None:
    low, high = min(a, b), max(a, b)
    if (high - low).days > 120:
        high = low + dt.timedelta(days=120)
    expected = sum(CAL.is_working_day(d) for d in span(low, high)[1:])
    assert CAL.working_days_between(low, high) == expected
    assert CAL.working_days(low, high).size == expected


@given(st.lists(st.tuples(dates, dates, st.integers(min_value=-50, max_value=50)),
                min_size=1, max_size=20))
def test_vectorised_equals_scalar(rows: list[tuple[D, D, int]]) -> None:
    starts = np.array([r[0] for r in rows], dtype="datetime64[D]")
    ends = np.array([r[1] for r in rows], dtype="datetime64[D]")
    counts = CAL.count_working_days(starts, ends)
    assert counts.tolist() == [CAL.working_days_between(s, e) for s, e, _ in rows]
    mask = CAL.is_working_day_array(starts.view(np.int64))
    assert mask.tolist() == [CAL.is_working_day(s) for s, _, _ in rows]
    steps = np.array([r[2] for r in rows])
    try:
        expected = [CAL.add_working_days(s, n) for s, _, n in rows]
    except da.ValidationError:
        with pytest.raises(da.ValidationError):
            CAL.shift_working_days(starts, steps)
        return
    assert CAL.shift_working_days(starts, steps).tolist() == expected


@given(dates)
def test_weekends_off_unless_swapped(day: D) -> None:
    swapped = {D(2024, 5, 4), D(2025, 4, 26), D(2026, 8, 22)}
    if day.weekday() >= 5:
        assert CAL.is_working_day(day) == (day in swapped)


@given(das.linked_services(), early_dates)
def test_due_date_follows_the_unit(service: da.LinkedService, submitted: D) -> None:
    due = due_date(service, submitted, CAL)
    n = int(service.days_after)
    if service.after_unit is da.Unit.DAYS:
        assert (due - submitted).days == n
    else:
        assert CAL.working_days_between(submitted, due) == n
        assert n == 0 or CAL.is_working_day(due)


# ------------------------------------------------------------------------ docs
def test_docs_page_examples_run() -> None:
    failures, tried = doctest.testfile(
        str(ROOT / "docs" / "calendar.md"), module_relative=False,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
    )
    assert tried > 0
    assert failures == 0
