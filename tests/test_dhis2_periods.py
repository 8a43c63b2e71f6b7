"""DHIS2 period ids: DHIS2 core's own test assertions, an exhaustive walk, properties.

The tables quote dhis2-core's unit tests (dhis-api ``org.hisp.dhis.period.*Test``
and ``org.hisp.dhis.calendar.DateTimeUnitPeriodTypeParserTest``); the
oracles below are written from the rules, without dateutil.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from de_an06 import io
from de_an06.errors import ParseError, ValidationError
from de_an06.io._dhis2_periods import DHIS2_PERIOD_TYPES, period_id, period_range, period_type_of

D = dt.date

# --------------------------------------------------------------------------
# DHIS2 core's assertions
# --------------------------------------------------------------------------

#: DateTimeUnitPeriodTypeParserTest, WeeklyPeriodTypeTest.isoDates and
#: testWeeklySunFromString, SixMonthlyNovemberPeriodTest.testCreatePeriodFromIsoDate,
#: StringFormatTest: id -> (first day, last day).
PARSED = {
    "20140204": (D(2014, 2, 4), D(2014, 2, 4)),
    "2014-02-04": (D(2014, 2, 4), D(2014, 2, 4)),
    "2014W1": (D(2013, 12, 30), D(2014, 1, 5)),
    "2014W2": (D(2014, 1, 6), D(2014, 1, 12)),
    "2014BiW1": (D(2013, 12, 30), D(2014, 1, 12)),
    "201402": (D(2014, 2, 1), D(2014, 2, 28)),
    "201404": (D(2014, 4, 1), D(2014, 4, 30)),
    "2014-03": (D(2014, 3, 1), D(2014, 3, 31)),
    "2014-05": (D(2014, 5, 1), D(2014, 5, 31)),
    "201401B": (D(2014, 1, 1), D(2014, 2, 28)),
    "201402B": (D(2014, 3, 1), D(2014, 4, 30)),
    "201403B": (D(2014, 5, 1), D(2014, 6, 30)),
    "201404B": (D(2014, 7, 1), D(2014, 8, 31)),
    "201405B": (D(2014, 9, 1), D(2014, 10, 31)),
    "201406B": (D(2014, 11, 1), D(2014, 12, 31)),
    "2014Q1": (D(2014, 1, 1), D(2014, 3, 31)),
    "2014Q2": (D(2014, 4, 1), D(2014, 6, 30)),
    "2014Q3": (D(2014, 7, 1), D(2014, 9, 30)),
    "2014Q4": (D(2014, 10, 1), D(2014, 12, 31)),
    "2014S1": (D(2014, 1, 1), D(2014, 6, 30)),
    "2014S2": (D(2014, 7, 1), D(2014, 12, 31)),
    "2014AprilS1": (D(2014, 4, 1), D(2014, 9, 30)),
    "2014AprilS2": (D(2014, 10, 1), D(2015, 3, 31)),
    "2013": (D(2013, 1, 1), D(2013, 12, 31)),
    "2014": (D(2014, 1, 1), D(2014, 12, 31)),
    "2013April": (D(2013, 4, 1), D(2014, 3, 31)),
    "2014April": (D(2014, 4, 1), D(2015, 3, 31)),
    "2013July": (D(2013, 7, 1), D(2014, 6, 30)),
    "2014July": (D(2014, 7, 1), D(2015, 6, 30)),
    "2013Oct": (D(2013, 10, 1), D(2014, 9, 30)),
    "2014Oct": (D(2014, 10, 1), D(2015, 9, 30)),
    "2025SunW52": (D(2025, 12, 21), D(2025, 12, 27)),
    "2025SunW53": (D(2025, 12, 28), D(2026, 1, 3)),
    "2026SunW1": (D(2026, 1, 4), D(2026, 1, 10)),
    "2015NovS1": (D(2014, 11, 1), D(2015, 4, 30)),
    "2015NovS2": (D(2015, 5, 1), D(2015, 10, 31)),
    "20100101": (D(2010, 1, 1), D(2010, 1, 1)),
    "201001": (D(2010, 1, 1), D(2010, 1, 31)),
    "2010": (D(2010, 1, 1), D(2010, 12, 31)),
    "2010Q1": (D(2010, 1, 1), D(2010, 3, 31)),
    "2010S1": (D(2010, 1, 1), D(2010, 6, 30)),
    "2010AprilS1": (D(2010, 4, 1), D(2010, 9, 30)),
    "201002B": (D(2010, 3, 1), D(2010, 4, 30)),
    "2010April": (D(2010, 4, 1), D(2011, 3, 31)),
    "2010July": (D(2010, 7, 1), D(2011, 6, 30)),
    "2010Oct": (D(2010, 10, 1), D(2011, 9, 30)),
}
#: WeeklyPeriodTypeTest.isoDates: id -> first day.
WEEK_STARTS = {"2009W1": D(2008, 12, 29), "2011W1": D(2011, 1, 3), "2011W11": D(2011, 3, 14)}
#: Ids DHIS2's parser answers with null or an exception (the same tests and PeriodTypeTest).
REFUSED = ["2018BiW0", "2018BiW27", "2009BiW28", "2014W0", "2014W53", "2009W54", "201400B",
           "201407B", "2014Q0", "2014Q5", "2014S0", "2014S3", "2014AprilS0", "2014AprilS3",
           "2025SunW54", "201", "20111", "201W2", "2011Q12", "2011W234", "201er2345566",
           "2011Q10"]
#: Ids DHIS2 accepts as existing (DateTimeUnitPeriodTypeParserTest).
EXIST = ["2009BiW27", "2009W53"]
#: PeriodTypeTest.testGetPeriodTypeFromIsoString and PeriodTypeEnumTest.testOfIsoPeriod.
TYPES = {
    "2011": "Yearly", "201101": "Monthly", "2011-01": "Monthly", "2011W1": "Weekly",
    "2011W32": "Weekly", "2011BiW2": "BiWeekly", "2011BiW12": "BiWeekly",
    "20110101": "Daily", "2011-01-01": "Daily", "2011Q3": "Quarterly",
    "2011NovQ3": "QuarterlyNov", "201101B": "BiMonthly", "2011S1": "SixMonthly",
    "2011AprilS1": "SixMonthlyApril", "2011NovS1": "SixMonthlyNov",
    "2011April": "FinancialApril", "2011July": "FinancialJuly", "2011Sep": "FinancialSep",
    "2011Oct": "FinancialOct", "2011Nov": "FinancialNov",
}
#: getIsoDate assertions (WeeklyPeriodTypeTest, BiWeeklyPeriodTypeTest.testToIsoDate,
#: StringFormatTest): (type, a day of the period) -> id.
IDS = {
    ("Weekly", D(2011, 1, 3)): "2011W1",
    ("Weekly", D(2012, 12, 31)): "2013W1",
    ("Weekly", D(2012, 12, 30)): "2012W52",
    ("Weekly", D(2009, 12, 29)): "2009W53",
    ("Weekly", D(2010, 1, 4)): "2010W1",
    **{("WeeklyWednesday", D(2017, 5, d)): f"2017WedW{18 if d >= 3 else 17}"
       for d in (1, 2, 3, 4)},
    **{("WeeklyThursday", D(2017, 5, d)): f"2017ThuW{19 if d >= 4 else 18}"
       for d in range(1, 8)},
    **{("WeeklySaturday", D(2017, 5, d)): f"2017SatW{19 if d >= 6 else 18}"
       for d in range(1, 8)},
    **{("WeeklySunday", D(2017, 5, d)): f"2017SunW{19 if d == 7 else 18}"
       for d in range(1, 8)},
    ("WeeklySunday", D(2017, 1, 8)): "2017SunW2",
    ("WeeklySunday", D(2017, 1, 1)): "2017SunW1",
    ("BiWeekly", D(2017, 1, 16)): "2017BiW2",
    ("BiWeekly", D(2018, 1, 1)): "2018BiW1",
    ("BiWeekly", D(2018, 1, 16)): "2018BiW2",
    ("BiWeekly", D(2019, 1, 1)): "2019BiW1",
    ("BiWeekly", D(2010, 1, 1)): "2009BiW27",
    ("BiWeekly", D(2009, 1, 12)): "2009BiW2",
    ("BiWeekly", D(2020, 1, 1)): "2020BiW1",
    ("Daily", D(2010, 1, 1)): "20100101",
    ("Monthly", D(2010, 1, 1)): "201001",
    ("Yearly", D(2010, 1, 1)): "2010",
    ("Quarterly", D(2010, 1, 1)): "2010Q1",
    ("SixMonthly", D(2010, 1, 1)): "2010S1",
    ("SixMonthlyApril", D(2010, 4, 1)): "2010AprilS1",
    ("BiMonthly", D(2010, 3, 1)): "201002B",
    ("FinancialApril", D(2010, 4, 1)): "2010April",
    ("FinancialJuly", D(2010, 7, 1)): "2010July",
    ("FinancialOct", D(2010, 10, 1)): "2010Oct",
}
#: createPeriod(date) assertions: (type, day) -> (first day, last day).
CREATED = {
    ("Weekly", D(2009, 4, 27)): (D(2009, 4, 27), D(2009, 5, 3)),
    ("BiWeekly", D(2018, 1, 8)): (D(2018, 1, 1), D(2018, 1, 14)),
    ("BiWeekly", D(2017, 12, 29)): (D(2017, 12, 18), D(2017, 12, 31)),
    ("BiWeekly", D(2018, 1, 3)): (D(2018, 1, 1), D(2018, 1, 14)),
    ("BiMonthly", D(2009, 8, 15)): (D(2009, 7, 1), D(2009, 8, 31)),
    ("BiMonthly", D(2009, 3, 15)): (D(2009, 3, 1), D(2009, 4, 30)),
    ("Monthly", D(2009, 8, 15)): (D(2009, 8, 1), D(2009, 8, 31)),
    ("Monthly", D(2009, 6, 15)): (D(2009, 6, 1), D(2009, 6, 30)),
    ("Quarterly", D(2009, 8, 15)): (D(2009, 7, 1), D(2009, 9, 30)),
    ("Quarterly", D(2009, 4, 15)): (D(2009, 4, 1), D(2009, 6, 30)),
    ("Quarterly", D(2014, 11, 20)): (D(2014, 10, 1), D(2014, 12, 31)),
    ("QuarterlyNov", D(2009, 3, 15)): (D(2009, 2, 1), D(2009, 4, 30)),
    ("QuarterlyNov", D(2009, 8, 15)): (D(2009, 8, 1), D(2009, 10, 31)),
    ("QuarterlyNov", D(2014, 11, 20)): (D(2014, 11, 1), D(2015, 1, 31)),
    ("SixMonthly", D(2009, 8, 15)): (D(2009, 7, 1), D(2009, 12, 31)),
    ("SixMonthly", D(2009, 4, 15)): (D(2009, 1, 1), D(2009, 6, 30)),
    ("SixMonthly", D(2014, 6, 1)): (D(2014, 1, 1), D(2014, 6, 30)),
    ("SixMonthly", D(2014, 7, 1)): (D(2014, 7, 1), D(2014, 12, 31)),
    ("SixMonthlyApril", D(2009, 8, 15)): (D(2009, 4, 1), D(2009, 9, 30)),
    ("SixMonthlyApril", D(2009, 12, 15)): (D(2009, 10, 1), D(2010, 3, 31)),
    ("SixMonthlyApril", D(2009, 7, 15)): (D(2009, 4, 1), D(2009, 9, 30)),
    ("SixMonthlyApril", D(2015, 2, 1)): (D(2014, 10, 1), D(2015, 3, 31)),
    ("SixMonthlyApril", D(2014, 3, 31)): (D(2013, 10, 1), D(2014, 3, 31)),
    ("SixMonthlyNov", D(2009, 8, 15)): (D(2009, 5, 1), D(2009, 10, 31)),
    ("SixMonthlyNov", D(2009, 12, 15)): (D(2009, 11, 1), D(2010, 4, 30)),
    ("SixMonthlyNov", D(2009, 7, 15)): (D(2009, 5, 1), D(2009, 10, 31)),
    ("SixMonthlyNov", D(2015, 2, 1)): (D(2014, 11, 1), D(2015, 4, 30)),
    ("SixMonthlyNov", D(2014, 3, 31)): (D(2013, 11, 1), D(2014, 4, 30)),
    ("Yearly", D(2009, 8, 15)): (D(2009, 1, 1), D(2009, 12, 31)),
    ("FinancialJuly", D(2009, 2, 15)): (D(2008, 7, 1), D(2009, 6, 30)),
    ("FinancialJuly", D(2009, 9, 12)): (D(2009, 7, 1), D(2010, 6, 30)),
    ("FinancialOct", D(2009, 2, 15)): (D(2008, 10, 1), D(2009, 9, 30)),
    ("FinancialOct", D(2009, 11, 12)): (D(2009, 10, 1), D(2010, 9, 30)),
    ("FinancialNov", D(2009, 2, 15)): (D(2008, 11, 1), D(2009, 10, 31)),
    ("FinancialNov", D(2009, 11, 12)): (D(2009, 11, 1), D(2010, 10, 31)),
}


@pytest.mark.parametrize(("text", "expected"), PARSED.items())
def test_dhis2_parses(text: str, expected: tuple[dt.date, dt.date]) -> None:
    assert period_range(text) == expected


@pytest.mark.parametrize(("text", "start"), WEEK_STARTS.items())
def test_dhis2_week_starts(text: str, start: dt.date) -> None:
    assert period_range(text)[0] == start


@pytest.mark.parametrize("text", REFUSED)
def test_dhis2_refuses(text: str) -> None:
    with pytest.raises(ParseError, match=re.escape(repr(text))) as caught:
        period_range(text)
    assert caught.value.text == text


@pytest.mark.parametrize("text", EXIST)
def test_dhis2_accepts(text: str) -> None:
    start, end = period_range(text)
    assert (end - start).days in {6, 13}


@pytest.mark.parametrize(("text", "name"), TYPES.items())
def test_dhis2_types(text: str, name: str) -> None:
    assert period_type_of(text) == name


@pytest.mark.parametrize(("key", "expected"), IDS.items())
def test_dhis2_ids(key: tuple[str, dt.date], expected: str) -> None:
    assert period_id(*key) == expected


@pytest.mark.parametrize(("key", "expected"), CREATED.items())
def test_dhis2_created(key: tuple[str, dt.date], expected: tuple[dt.date, dt.date]) -> None:
    assert period_range(period_id(*key)) == expected


def test_dhis2_bi_weekly_last_of_53_week_year_runs_into_next_year() -> None:
    # BiWeeklyPeriodTypeTest.testToIsoDate: 2010-01-01 (ISO week 53 of 2009) is in 2009BiW27,
    # which the parser makes 14 days long; 2010BiW1 starts on the Monday of its second week.
    assert period_range("2009BiW27") == (D(2009, 12, 28), D(2010, 1, 10))
    assert period_range("2010BiW1") == (D(2010, 1, 4), D(2010, 1, 17))
    assert period_id("BiWeekly", D(2010, 1, 4)) == "2010BiW1"
    assert period_range("2020BiW27") == (D(2020, 12, 28), D(2021, 1, 10))


def test_the_issue_example() -> None:
    assert period_id("Weekly", D(2020, 12, 28)) == "2020W53"
    assert period_range("2020W53") == (D(2020, 12, 28), D(2021, 1, 3))
    assert period_id("Weekly", D(2023, 2, 1)) == "2023W5"
    assert period_id("BiWeekly", D(2023, 1, 2)) == "2023BiW1"
    assert period_id("BiMonthly", D(2023, 2, 28)) == "202301B"


# --------------------------------------------------------------------------
# Independent oracles (no dateutil): week arithmetic by counting days
# --------------------------------------------------------------------------

WEEK_FIRST = {"Weekly": 0, "WeeklyWednesday": 2, "WeeklyThursday": 3, "WeeklyFriday": 4,
              "WeeklySaturday": 5, "WeeklySunday": 6, "BiWeekly": 0}
WEEK_INFIX = {"Weekly": "W", "WeeklyWednesday": "WedW", "WeeklyThursday": "ThuW",
              "WeeklyFriday": "FriW", "WeeklySaturday": "SatW", "WeeklySunday": "SunW"}
#: Month-based types: (months per period, first month, id year minus start year, id format).
MONTHS = {
    "Monthly": (1, 1, 0, "{y}{i:02d}"), "BiMonthly": (2, 1, 0, "{y}{i:02d}B"),
    "Quarterly": (3, 1, 0, "{y}Q{i}"), "QuarterlyNov": (3, 11, 1, "{y}NovQ{i}"),
    "SixMonthly": (6, 1, 0, "{y}S{i}"), "SixMonthlyApril": (6, 4, 0, "{y}AprilS{i}"),
    "SixMonthlyNov": (6, 11, 1, "{y}NovS{i}"), "Yearly": (12, 1, 0, "{y}"),
    "FinancialFeb": (12, 2, 0, "{y}Feb"), "FinancialApril": (12, 4, 0, "{y}April"),
    "FinancialJuly": (12, 7, 0, "{y}July"), "FinancialAug": (12, 8, 0, "{y}Aug"),
    "FinancialSep": (12, 9, 0, "{y}Sep"), "FinancialOct": (12, 10, 0, "{y}Oct"),
    "FinancialNov": (12, 11, 1, "{y}Nov"),
}


def first_week_start(year: int, first: int) -> dt.date:
    """The first day on weekday `first` from 29 December of the year before."""
    day = D(year - 1, 12, 29)
    while day.weekday() != first:
        day += dt.timedelta(days=1)
    return day


def oracle_id(name: str, day: dt.date) -> str:
    if name == "Daily":
        return day.strftime("%Y%m%d")
    if name in WEEK_FIRST:
        first = WEEK_FIRST[name]
        start = day
        while start.weekday() != first:
            start -= dt.timedelta(days=1)
        year = day.year + 1
        while first_week_start(year, first) > start:
            year -= 1
        week = (start - first_week_start(year, first)).days // 7 + 1
        if name == "BiWeekly":
            assert (year, week) == day.isocalendar()[:2]
            return f"{year}BiW{(week + 1) // 2}"
        if name == "Weekly":
            assert (year, week) == day.isocalendar()[:2]
        return f"{year}{WEEK_INFIX[name]}{week}"
    months, first_month, shift, template = MONTHS[name]
    since = (day.month - first_month) % 12
    start_year = day.year if day.month >= first_month else day.year - 1
    return template.format(y=start_year + shift, i=since // months + 1)


# --------------------------------------------------------------------------
# Every period of every type, 2000 to 2035
# --------------------------------------------------------------------------

FIRST, LAST = D(2000, 1, 1), D(2035, 12, 31)


@pytest.mark.parametrize("name", DHIS2_PERIOD_TYPES)
def test_every_period_2000_to_2035_round_trips(name: str) -> None:
    """Walk the periods: each range maps back to its id, and the ranges tile the days."""
    day = FIRST
    seen: set[str] = set()
    previous_end: dt.date | None = None
    while day <= LAST:
        text = period_id(name, day)
        assert text == oracle_id(name, day)
        assert text not in seen
        seen.add(text)
        assert period_type_of(text) == name
        start, end = period_range(text)
        assert start <= day <= end
        assert period_id(name, start) == text
        # The public face gives the same id for the same days, and reads it back.
        assert io.dhis2_period(start, end, period_type=name) == text
        assert io.dhis2_period_range(text) == (start, end)
        if previous_end is not None:
            assert start == previous_end + dt.timedelta(days=1)
        if name == "BiWeekly" and text.endswith("BiW27"):
            # DHIS2's overlap: the second week of the last bi-week is week 1 of the next year.
            overlap = end - dt.timedelta(days=6)
            assert period_id(name, overlap) == f"{start.year + 1}BiW1"
            assert period_range(f"{start.year + 1}BiW1")[0] == overlap
            end = overlap - dt.timedelta(days=1)
        assert period_id(name, end) == text
        previous_end = end
        day = end + dt.timedelta(days=1)


@pytest.mark.parametrize("name", DHIS2_PERIOD_TYPES)
def test_every_day_of_2019_to_2021_against_the_oracle(name: str) -> None:
    """Day by day over a 53-week year and its neighbours."""
    day = D(2019, 1, 1)
    while day <= D(2021, 12, 31):
        text = period_id(name, day)
        assert text == oracle_id(name, day)
        start, end = period_range(text)
        assert start <= day <= end
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("name", [n for n in DHIS2_PERIOD_TYPES if n != "Daily"])
def test_every_written_id_2000_to_2035_exists_or_is_refused(name: str) -> None:
    """Ids written from the grammar: existing ones round-trip, the rest are refused."""
    numbers = range(54) if name in WEEK_FIRST else range(14)
    for year in range(2000, 2036):
        for number in numbers:
            if name in WEEK_FIRST:
                text = f"{year}{WEEK_INFIX.get(name, 'BiW')}{number}"
            else:
                months, _, _, template = MONTHS[name]
                if number == 0 and months == 12:  # one period a year: no number
                    continue
                text = template.format(y=year, i=number)
            try:
                start, _ = period_range(text)
            except ParseError:
                continue
            assert period_id(name, start) == text


def test_canonical_form_is_written() -> None:
    assert period_range("2014W05") == period_range("2014W5")
    assert period_id("Weekly", period_range("2014W05")[0]) == "2014W5"
    assert period_range("2017WedW05") == period_range("2017WedW5")
    assert period_range("2017BiW05") == period_range("2017BiW5")
    assert period_id("Daily", period_range("2014-02-04")[0]) == "20140204"
    assert period_id("Monthly", period_range("2014-02")[0]) == "201402"


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

days = st.dates(min_value=D(1001, 1, 1), max_value=D(9998, 12, 31))


@given(name=st.sampled_from(DHIS2_PERIOD_TYPES), day=days)
def test_the_period_of_a_day_holds_it(name: str, day: dt.date) -> None:
    text = period_id(name, day)
    assert text == oracle_id(name, day)
    start, end = period_range(text)
    assert start <= day <= end
    assert period_type_of(text) == name
    assert period_id(name, start) == text


GRAMMAR = (r"[0-9]{4}(|-?[0-9]{2}|[0-9]{4}|-[0-9]{2}-[0-9]{2}|(Wed|Thu|Fri|Sat|Sun|Bi)?W[0-9]{1,2}"
           r"|[0-9]{2}B|(Nov)?Q[0-9]|(April|Nov)?S[0-9]|Feb|April|July|Aug|Sep|Oct|Nov)")


def range_or_error(text: str) -> tuple[dt.date, dt.date] | ParseError:
    try:
        return period_range(text)
    except ParseError as error:
        return error


@given(text=st.from_regex(GRAMMAR, fullmatch=True))
def test_any_id_in_the_grammar_is_a_period_or_refused(text: str) -> None:
    answer = range_or_error(text)
    if isinstance(answer, ParseError):
        assert answer.text == text
        return
    start, end = answer
    name = period_type_of(text)
    if start.year < 1000:  # DHIS2 writes such years with fewer digits
        return
    canonical = period_id(name, start)
    assert period_range(canonical) == (start, end)


@given(text=st.text(max_size=12))
def test_any_text_is_a_period_or_a_parse_error(text: str) -> None:
    with contextlib.suppress(ParseError):
        period_range(text)


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


def test_unknown_period_type() -> None:
    with pytest.raises(ValidationError, match=r"period_id\.period_type must be one of") as e:
        period_id("Fortnightly", D(2023, 1, 1))
    assert e.value.field == "period_type"
    assert e.value.value == "Fortnightly"


@pytest.mark.parametrize("day", [dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc),
                                 "2023-01-01", None])
def test_day_must_be_a_date(day: object) -> None:
    with pytest.raises(ValidationError, match=r"period_id\.day must be a datetime\.date"):
        period_id("Daily", day)  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "day"), [
    ("Yearly", D(999, 12, 31)),          # a three-digit year
    ("FinancialNov", D(9999, 11, 1)),    # named after year 10000
    ("WeeklySunday", D(1, 1, 1)),        # the week starts before 0001-01-01
    ("FinancialApril", D(1, 1, 1)),      # the financial year starts in year 0
    ("Weekly", D(9999, 12, 31)),         # a Friday: its week ends in 10000
    ("WeeklySunday", D(9999, 12, 31)),   # a Friday, in the first week of 10000
])
def test_periods_without_a_four_digit_id(name: str, day: dt.date) -> None:
    with pytest.raises(ValidationError, match="four-digit year, ending by 9999-12-31") as e:
        period_id(name, day)
    assert e.value.value == day


def test_ids_at_the_edges_of_the_calendar() -> None:
    assert period_id("Weekly", D(9999, 12, 26)) == "9999W51"
    assert period_range("9999W51") == (D(9999, 12, 20), D(9999, 12, 26))
    assert period_id("Yearly", D(9999, 12, 31)) == "9999"
    assert period_id("Daily", D(1000, 1, 1)) == "10000101"
    assert period_range("0001") == (D(1, 1, 1), D(1, 12, 31))
    with pytest.raises(ParseError, match="out of range"):
        period_range("9999W52")
    with pytest.raises(ParseError, match="out of range"):
        period_range("9999AprilS2")
    with pytest.raises(ParseError, match="out of range"):
        period_range("0000")


@pytest.mark.parametrize("value", [2023, None, b"2023"])
def test_period_id_must_be_text(value: object) -> None:
    with pytest.raises(ValidationError, match=r"period_range\.period_id must be a str"):
        period_range(value)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        period_type_of(value)  # type: ignore[arg-type]


def test_messages_name_the_id_and_the_rule() -> None:
    with pytest.raises(ParseError, match=r"'2014W53' is not a DHIS2 period: 2014 has 52 "
                                         r"Weekly weeks, not 53"):
        period_range("2014W53")
    with pytest.raises(ParseError, match=r"2018 has 26 BiWeekly bi-weeks, not 27"):
        period_range("2018BiW27")
    with pytest.raises(ParseError, match="between 1 and 4, not 5"):
        period_type_of("2014NovQ5")
    with pytest.raises(ParseError, match="no period type writes its ids this way"):
        period_range("2014W١")  # a non-ASCII digit
