"""The finders of report prose: the phrase table, properties, seeds, to_reading and edges."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06.parsing import (
    Figure,
    _find,
    _scan_dates,
    _scan_figures,
    find_dates,
    find_figures,
    format_number,
    grammar,
    parse_date,
    parse_period,
    parse_rank,
)
from de_an06.parsing._lexical import Words, fold_text
from de_an06.parsing._prose_words import RELATIVE_DAYS
from prose_cases import DATES, FIGURES, NOTHING


@pytest.mark.parametrize(("phrase", "expected"), FIGURES)
def test_figure_table(phrase: str, expected: dict[str, Any]) -> None:
    found = [f for f in find_figures(phrase) if f.kind != "number" or f.value is not None]
    assert len(found) == 1, (phrase, found)
    figure = found[0]
    assert phrase[figure.span[0]:figure.span[1]] == figure.text
    for name, value in expected.items():
        assert getattr(figure, name) == value, (phrase, name, figure)


@pytest.mark.parametrize("phrase", NOTHING)
def test_nothing_to_find(phrase: str) -> None:
    assert find_figures(phrase) == (), phrase


@pytest.mark.parametrize(
    ("phrase", "published", "text", "start", "end", "role", "vague", "supplied"), DATES)
def test_date_table(phrase: str, published: dt.date | None, text: str,  # noqa: PLR0917
                    start: dt.date | None, end: dt.date | None, role: str, vague: bool,
                    supplied: bool) -> None:
    mention, = find_dates(phrase, published=published)
    assert (mention.text, mention.start, mention.end, mention.role, mention.vague,
            mention.year_supplied) == (text, start, end, role, vague, supplied)
    assert phrase[mention.span[0]:mention.span[1]] == text
    assert mention.resolved is (start is not None)


WORDS = st.sampled_from(["tỉnh", "đã", "thực hiện", "người dân", "xã", "trong", "tốt",
                         "công an", "kết quả", "và", "tiếp tục"])


@given(st.lists(WORDS, max_size=5), st.decimals(min_value=0, max_value=10**12, places=2,
                                                 allow_nan=False), st.lists(WORDS, max_size=5))
def test_any_number_in_words_is_found(before: list[str], value: Decimal,
                                      after: list[str]) -> None:
    number = format_number(value)
    head = " ".join(["Báo cáo", *before])
    text = f"{head} {number} {' '.join(after)}".strip()
    figures = find_figures(text)
    assert len(figures) == 1, (text, figures)
    assert figures[0].value == value
    start = len(head) + 1
    assert figures[0].span[0] <= start
    assert text[figures[0].span[0]:figures[0].span[1]].find(number) >= 0


@given(st.sampled_from(NOTHING), st.lists(WORDS, max_size=3))
def test_nothing_inside_references_dates_and_urls(phrase: str, words: list[str]) -> None:
    assert find_figures(" ".join([*words, phrase])) == ()


@given(st.integers(1, 28), st.integers(1, 12), st.integers(1990, 2090))
def test_every_printed_date_is_a_date_not_a_figure(day: int, month: int, year: int) -> None:
    text = f"Ngày {day}/{month}/{year} tỉnh có 5 xã."
    mention, = find_dates(text)
    assert mention.start == dt.date(year, month, day)
    figure, = find_figures(text)
    assert figure.value == 5
    assert figure.date is not None
    assert figure.date.end == dt.date(year, month, day)


def test_percent_lists_and_governing_dates() -> None:
    text = "Tính đến 30/6/2024, ba chỉ tiêu đạt 91,2; 85,07% và 80,5%. Năm 2023 có 7 vụ."
    figures = find_figures(text)
    assert [(f.value, f.percent) for f in figures] == [
        (3, False), (Decimal("91.2"), True), (Decimal("85.07"), True),
        (Decimal("80.5"), True), (7, False)]
    assert figures[1].date is not None
    assert figures[1].date.end == dt.date(2024, 6, 30)
    assert figures[-1].date is not None
    assert figures[-1].date.text == "Năm 2023"


def test_second_last_needs_total() -> None:
    assert find_figures("xếp áp chót")[0].value is None
    assert find_figures("xếp áp chót", total=63)[0].value == 62


def test_spans_follow_the_input_when_nfc_changes_it() -> None:
    text = "Gâ\u0300n 5 ho\u0302\u0300 sơ"  # decomposed marks
    figure, = find_figures(text)
    assert text[figure.span[0]:figure.span[1]] == figure.text
    assert figure.value == 5


def test_bad_arguments() -> None:
    with pytest.raises(da.ParseError):
        find_figures(b"5 xa")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="published"):
        find_dates("x", published="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match="total"):
        find_figures("x", total=1)


KH = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
SOURCE = da.Source("bao-tinh", "Bài báo", "Báo tỉnh")
D = dt.date
SHARE = da.Indicator("share", "share", "tỷ lệ", unit="percent")
COUNT = da.Indicator("count", "count", "số", unit="people")
FLOW = da.Indicator("flow", "flow", "luồng", unit="dossiers", measure="flow")


def test_to_reading() -> None:
    figure, = find_figures("Tính đến ngày 30/6/2023 đạt gần 72,2%.")
    reading = figure.to_reading(SHARE, KH)
    assert (reading.value, reading.qualifier, reading.as_of) == (
        72.2, da.Qualifier.NEARLY, dt.date(2023, 6, 30))
    assert figure.decimals == 1
    share, = find_figures("Đã có 41/63 tỉnh, tính đến 1/1/2024")
    reading = share.to_reading(SHARE, KH)
    assert reading.numerator == 41
    assert reading.inferred == {"value"}
    flow, = find_figures("Trong quý II, có 5.000 hồ sơ.", published=dt.date(2024, 8, 1))
    reading = flow.to_reading(FLOW, KH)
    assert reading.period_start == dt.date(2024, 4, 1)
    assert "as_of" in reading.inferred
    people, = find_figures("Có 5 người.")
    assert people.to_reading(COUNT, KH, as_of=dt.date(2024, 1, 1)).value == 5
    with pytest.raises(da.ValidationError, match="as_of"):
        people.to_reading(COUNT, KH)
    with pytest.raises(da.ValidationError, match="percent"):
        people.to_reading(SHARE, KH)
    with pytest.raises(da.ValidationError, match="Indicator"):
        people.to_reading("count", KH)  # type: ignore[arg-type]
    span, = find_figures("từ 5 đến 7 người")
    with pytest.raises(da.ValidationError, match="single value"):
        span.to_reading(COUNT, KH, as_of=dt.date(2024, 1, 1))
    assert span.decimals == 0
    assert find_figures("hàng triệu người")[0].decimals is None
    assert find_figures("hàng triệu người")[0].vague


SEEDS = Path("/work/shared/seeds")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed reports are not on this machine")
def test_bundled_figures_are_found_in_their_reports() -> None:
    """Each figure the bundled data takes from a seed report is found there."""
    checked = 0
    for source in da.datasets.sources():
        note = source.note or ""
        seed = next((p for p in SEEDS.glob("*.txt") if p.name in note), None)
        if seed is None:
            continue
        text = seed.read_text(encoding="utf-8")
        found = find_figures(text)
        values = {(f.value, f.qualifier) for f in found}
        values |= {(f.of, da.Qualifier.EXACT) for f in found}
        for reading in da.datasets.readings():
            if reading.source != source or "value" in reading.inferred:
                continue
            value = Decimal(repr(reading.value)).normalize()
            assert any(v is not None and v.normalize() == value and q is reading.qualifier
                       for v, q in values), (seed.name, reading.indicator.code, reading.value)
            checked += 1
    assert checked > 0


def test_edges_of_the_scanners() -> None:
    with pytest.raises(da.ValidationError, match="span"):
        Figure(span=(2, 1), text="x")
    text = "ngày 31/2/2023, tháng 13/2024 và 13 tháng đầu năm 2024"
    assert [m.text for m in find_dates(text)] == ["đầu năm 2024"]
    assert find_figures("đat 5 xã")[0].lead is None  # half-marked: no lead word
    assert find_figures("vái trăm người") == ()
    assert [f.value for f in find_figures("5% - 7 người")] == [5, 7]
    assert find_figures("5% - 7%")[0].high == 7
    assert [f.value for f in find_figures("có 5 - 2021-2025")] == [5]
    assert find_figures("5 xã/.")[0].per is None
    assert find_figures("15%/XYZ")[0].text == "15%"
    assert find_figures("Giảm 3 triệu đồng")[0].value == Decimal("3E+6")


def test_word_cache_is_bounded() -> None:
    words = Words({"gần": 1})
    for index in range(10_005):
        assert words.value(f"x{index}") is None
    assert words.value("GẦN") == 1


def test_strict_parsers_read_the_prose_forms() -> None:
    assert parse_period("tháng 10-2024") == (dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    assert parse_period("10/2024")[0] == dt.date(2024, 10, 1)
    assert parse_period("tháng 10 năm 2024")[1] == dt.date(2024, 10, 31)
    assert parse_period("2021-2025") == (
        dt.date(2021, 1, 1), dt.date(2025, 12, 31))
    assert parse_period("quý II", year=2023)[0] == dt.date(2023, 4, 1)
    assert parse_date("17h ngày 12.10", year=2024) == dt.date(2024, 10, 12)
    assert parse_date("05/11/2024 08:15:00") == dt.date(2024, 11, 5)
    assert parse_rank("đứng thứ 5/63") == da.Rank(5, 63)
    with pytest.raises(da.ParseError, match="before it starts"):
        parse_period("2025-2021")
    with pytest.raises(da.ParseError, match="year 0"):
        parse_period("năm 0000")
    with pytest.raises(da.ParseError, match="pass year"):
        parse_period("quý II")


def test_half_marked_relative_words_are_no_date() -> None:
    """A relative word written half with its marks is not the word: no date is made up."""
    published = dt.date(2024, 5, 6)
    assert find_dates("hom quà", published=published) == ()
    assert find_dates("năm nảy", published=published) == ()
    assert find_dates("hom qua", published=published)[0].start == dt.date(2024, 5, 5)


# --------------------------------------------------------------------------
# Figure.to_reading
# --------------------------------------------------------------------------

def _one(text: str, **kwargs: Any) -> Figure:
    figure, = find_figures(text, **kwargs)
    return figure


REFUSED: list[tuple[str, Any, str]] = [
    ("Có 5 người.", "count",
     "Figure.to_reading.indicator must be an Indicator (got 'count')"),
    ("Có 5 người.", SHARE,
     ("Figure.to_reading.indicator must be a percent indicator exactly when the figure is "
     "a percentage (the figure is '5 người') (got 'share')")),
    ("Đạt 5%.", COUNT,
     ("Figure.to_reading.indicator must be a percent indicator exactly when the figure is "
     "a percentage (the figure is '5%') (got 'count')")),
    ("Từ 5 đến 7 người.", COUNT,
     "Figure.to_reading.figure has no single value (a range) (got '5 đến 7 người')"),
    ("Có 5 người.", COUNT,
     "Figure.to_reading.as_of is needed: the figure has no dated mention (got None)"),
    ("Ngày 3/4 có 5 người.", COUNT,  # a date without its year, and no publication date
     "Figure.to_reading.as_of is needed: the figure has no dated mention (got None)"),
]


@pytest.mark.parametrize(("text", "indicator", "message"), REFUSED)
def test_to_reading_refuses(text: str, indicator: Any, message: str) -> None:
    with pytest.raises(da.ValidationError) as info:
        _one(text).to_reading(indicator, KH)
    assert str(info.value) == message


def test_to_reading_takes_every_field() -> None:
    figure = _one("Tính đến ngày 30/6/2023 đạt gần 72,2%.")
    reading = figure.to_reading(SHARE, KH, source=SOURCE)
    assert (reading.value, reading.qualifier, reading.as_of, reading.source) == (
        72.2, da.Qualifier.NEARLY, D(2023, 6, 30), SOURCE)
    assert (reading.indicator, reading.jurisdiction, reading.inferred) == (SHARE, KH, frozenset())
    assert reading.numerator is None
    assert reading.period_start is None  # a stock indicator has no period


def test_to_reading_of_a_fraction() -> None:
    share = _one("Đã có 41/63 tỉnh, tính đến 1/1/2024")
    reading = share.to_reading(SHARE, KH)
    assert (reading.numerator, reading.denominator, reading.basis) == (41, 63, da.Basis.TOTAL)
    assert reading.value == pytest.approx(4100 / 63)
    assert reading.inferred == {"value"}
    count = share.to_reading(COUNT, KH)  # the count of provinces: the numerator as it is
    assert (count.value, count.numerator, count.denominator) == (41, None, None)


def test_to_reading_dates() -> None:
    flow = _one("Trong quý II, có 5.000 hồ sơ.", published=D(2024, 8, 1))
    reading = flow.to_reading(FLOW, KH)
    assert (reading.period_start, reading.as_of, reading.inferred) == (
        D(2024, 4, 1), D(2024, 6, 30), frozenset({"as_of", "period_start"}))
    counted = _one("Trong quý II, có 5.000 người.", published=D(2024, 8, 1))
    given = counted.to_reading(COUNT, KH, as_of=D(2024, 7, 1))  # as_of wins over the date
    assert (given.as_of, given.period_start, given.inferred) == (D(2024, 7, 1), None, frozenset())
    printed = _one("Trong quý II/2024, có 5.000 hồ sơ.").to_reading(FLOW, KH)
    assert (printed.period_start, printed.inferred) == (D(2024, 4, 1), frozenset())
    stock = _one("Trong quý II/2024, có 5.000 người.").to_reading(COUNT, KH)
    assert (stock.as_of, stock.period_start) == (D(2024, 6, 30), None)


SPAN = "Từ ngày 9/2/2023 đến ngày 20/6/2023, có 44.000 hồ sơ."
SINCE = "Từ ngày 9/2/2023, có 44.000 hồ sơ."


def test_a_flow_takes_its_period_from_the_figure_or_the_caller() -> None:
    # as_of on the end of the figure's period: the period is the figure's
    spanned = _one(SPAN).to_reading(FLOW, KH, as_of=D(2023, 6, 20))
    assert (spanned.period_start, spanned.as_of) == (D(2023, 2, 9), D(2023, 6, 20))
    # a period open at its end ("from 9/2"): as_of closes it
    since = _one(SINCE).to_reading(FLOW, KH, as_of=D(2023, 6, 20))
    assert (since.period_start, since.as_of) == (D(2023, 2, 9), D(2023, 6, 20))
    # a single day is a period of one day
    day = _one("Ngày 19/3/2023 có 500 hồ sơ.").to_reading(FLOW, KH)
    assert (day.period_start, day.as_of) == (D(2023, 3, 19), D(2023, 3, 19))
    # the caller's period_start wins, with or without a date in the text
    given = _one(SPAN).to_reading(FLOW, KH, as_of=D(2023, 7, 1), period_start=D(2023, 1, 1))
    assert (given.period_start, given.as_of, given.inferred) == (
        D(2023, 1, 1), D(2023, 7, 1), frozenset())
    bare = _one("Có 500 hồ sơ.").to_reading(FLOW, KH, as_of=D(2023, 1, 20),
                                             period_start=D(2023, 1, 1))
    assert (bare.period_start, bare.as_of) == (D(2023, 1, 1), D(2023, 1, 20))
    # a year supplied from the publication date: the period's start is inferred too
    quarter = _one("Trong quý II, có 5.000 hồ sơ.", published=D(2024, 8, 1))
    assert quarter.to_reading(FLOW, KH, as_of=D(2024, 6, 30)).inferred == {"period_start"}


FLOW_REFUSED: list[tuple[str, dict[str, Any], str]] = [
    ("Có 500 hồ sơ.", {"as_of": D(2023, 1, 20)},
     ("Figure.to_reading.period_start is needed for flow indicator 'flow': pass "
     "period_start=, the first day the figure counts (got None)")),
    ("Tính đến 30/6/2023, có 500 hồ sơ.", {},
     ("Figure.to_reading.period_start is needed for flow indicator 'flow' ('Tính đến "
     "30/6/2023' starts no period): pass period_start=, the first day the figure counts "
     "(got None)")),
    (SPAN, {"as_of": D(2023, 7, 1)},
     ("Figure.to_reading.period_start is needed for flow indicator 'flow' ('Từ ngày 9/2/2023 "
     "đến ngày 20/6/2023' ends on 2023-06-20, not on as_of=2023-07-01): pass "
     "period_start=, the first day the figure counts (got None)")),
    (SINCE, {},
     ("Figure.to_reading.as_of is needed: the figure's period 'Từ ngày 9/2/2023' has no end "
     "(got None)")),
    (SINCE, {"as_of": D(2023, 1, 20)},
     ("Figure.to_reading.period_start must not be after as_of=2023-01-20 "
     "(got datetime.date(2023, 2, 9))")),
    ("Có 500 hồ sơ.", {"as_of": D(2023, 1, 20), "period_start": "2023-01-01"},
     "Figure.to_reading.period_start must be a datetime.date, not str (got '2023-01-01')"),
    ("Có 500 hồ sơ.", {"as_of": dt.datetime(2023, 1, 20, 8)},  # noqa: DTZ001 - refused
     ("Figure.to_reading.as_of must be a datetime.date, not datetime "
     "(got datetime.datetime(2023, 1, 20, 8, 0))")),
]


@pytest.mark.parametrize(("text", "kwargs", "message"), FLOW_REFUSED)
def test_a_flow_without_a_period_start_says_what_to_pass(text: str, kwargs: dict[str, Any],
                                                          message: str) -> None:
    with pytest.raises(da.ValidationError) as info:
        _one(text).to_reading(FLOW, KH, **kwargs)
    assert str(info.value) == message
    assert type(info.value) is da.ValidationError


def test_a_stock_takes_no_period_start() -> None:
    with pytest.raises(da.ValidationError,
                       match=r"^Figure\.to_reading\.period_start must be None for stock "
                             r"indicator 'count' \(got datetime\.date\(2023, 1, 1\)\)$"):
        _one("Có 5 người.").to_reading(COUNT, KH, as_of=D(2023, 1, 20),
                                       period_start=D(2023, 1, 1))


@given(first=st.dates(D(2000, 1, 1), D(2030, 12, 31)), days=st.integers(0, 400),
       as_of=st.none() | st.dates(D(2000, 1, 1), D(2032, 12, 31)),
       period_start=st.none() | st.dates(D(2000, 1, 1), D(2032, 12, 31)),
       open_end=st.booleans())
def test_a_flow_reading_is_a_period_or_a_typed_error(
        first: dt.date, days: int, as_of: dt.date | None, period_start: dt.date | None,
        open_end: bool) -> None:
    last = first + dt.timedelta(days=days)
    start_text = f"{first.day}/{first.month}/{first.year}"
    dates = (f"Từ ngày {start_text}" if open_end
             else f"Từ ngày {start_text} đến ngày {last.day}/{last.month}/{last.year}")
    figure = _one(f"{dates}, có 5.000 hồ sơ.")
    try:
        reading = figure.to_reading(FLOW, KH, as_of=as_of, period_start=period_start)
    except da.ValidationError as error:
        assert error.owner == "Figure.to_reading"  # noqa: PT017 - any of several fields
        assert error.field in {"as_of", "period_start"}  # noqa: PT017
        return
    assert reading.period_start is not None
    assert reading.period_start <= reading.as_of
    assert reading.as_of == (last if as_of is None else as_of)
    assert reading.period_start == (first if period_start is None else period_start)


# --------------------------------------------------------------------------
# Spans of two dates ("từ A đến B")
# --------------------------------------------------------------------------

# (phrase, published, the mention's start, end, year_supplied and vague)
SPANS: list[tuple[str, dt.date | None, tuple[Any, ...]]] = [
    ("từ giữa tháng 3/2024 đến 5/6/2024", None, (D(2024, 3, 11), D(2024, 6, 5), False, True)),
    ("từ đầu tháng 3/2024 đến 5/6/2024", None, (D(2024, 3, 1), D(2024, 6, 5), False, True)),
    ("từ hôm qua đến 5/6/2024", D(2024, 6, 1), (D(2024, 5, 31), D(2024, 6, 5), False, False)),
    ("từ 5/6/2024 đến 20/6", None, (None, None, True, False)),
    ("từ 5/6/2024 đến 20/6", D(2024, 7, 1), (D(2024, 6, 5), D(2024, 6, 20), True, False)),
    ("từ 31/2 đến 20/6/2024", None, (None, None, False, False)),
    ("từ 5/6/2024 đến 5/6/2024", None, (D(2024, 6, 5), D(2024, 6, 5), False, False)),
    ("từ 6/6/2024 đến 5/6/2024", None, (None, None, False, False)),
    ("từ tháng 6/2024 đến 10/6/2024", None, (D(2024, 6, 1), D(2024, 6, 10), False, False)),
    ("từ 9/2 đến 20/6/2023", D(2024, 1, 1), (D(2023, 2, 9), D(2023, 6, 20), False, False)),
]


@pytest.mark.parametrize(("phrase", "published", "expected"), SPANS)
def test_spans(phrase: str, published: dt.date | None, expected: tuple[Any, ...]) -> None:
    mention, = find_dates(phrase, published=published)
    assert (mention.text, mention.role) == (phrase, "period")
    assert (mention.start, mention.end, mention.year_supplied, mention.vague) == expected


# --------------------------------------------------------------------------
# Arguments, ranks and periods
# --------------------------------------------------------------------------

def test_the_finders_name_themselves() -> None:
    for finder in (find_dates, find_figures):
        with pytest.raises(da.ValidationError) as info:
            finder("x", published="2024")  # type: ignore[arg-type]
        assert str(info.value) == (f"{finder.__name__}.published must be a datetime.date, "
                                   "not str (got '2024')")


def test_second_to_last_is_a_rank() -> None:
    found = [(f.kind, f.value, f.of) for f in find_figures("xếp áp chót", total=63)]
    assert found == [("rank", Decimal(62), Decimal(63))]
    assert [(f.kind, f.value) for f in find_figures("xếp áp chót")] == [("rank", None)]


PERIOD_ERRORS: list[tuple[str, int, str]] = [
    ("2025-2021", 5, "the period ends (2021) before it starts (2025)"),
    ("  2025 - 2021", 9, "the period ends (2021) before it starts (2025)"),
    ("năm 0000", 4, "year 0 does not exist"),
    (" quý II/0000", 8, "year 0 does not exist"),
    ("tháng 5/0000", 8, "year 0 does not exist"),
]


@pytest.mark.parametrize(("text", "position", "reason"), PERIOD_ERRORS)
def test_period_errors(text: str, position: int, reason: str) -> None:
    with pytest.raises(da.ParseError) as info:
        parse_period(text)
    assert info.value.position == position
    assert str(info.value).splitlines()[0] == f"Invalid Vietnamese period: {text!r} ({reason})"


def test_a_span_of_one_year() -> None:
    assert parse_period("2025-2025") == (D(2025, 1, 1), D(2025, 12, 31))


# --------------------------------------------------------------------------
# A date mention cut out of prose reads the same with the strict parsers
# --------------------------------------------------------------------------



@pytest.mark.parametrize(("phrase", "published", "text", "start", "end"),
                         [case[:5] for case in DATES if case[3] is not None])
def test_a_date_found_reads_the_same_cut_out(phrase: str, published: dt.date | None,
                                             text: str, start: dt.date, end: dt.date) -> None:
    assert text in [m.text for m in find_dates(phrase, published=published)]
    year = None if published is None else published.year
    if any(word in text.casefold() for word in RELATIVE_DAYS):
        with pytest.raises(da.ParseError):  # counted from a day, which a cell lacks
            parse_period(text, year=year)
        return
    assert parse_period(text, year=year) == (start, end)
    if start == end:
        assert parse_date(text, year=year) == start


CUT_OUT: list[tuple[str, int | None, tuple[dt.date, dt.date]]] = [
    ("Tính đến ngày 14/9/2023", None, (D(2023, 9, 14), D(2023, 9, 14))),
    ("giai đoạn 2021-2025", None, (D(2021, 1, 1), D(2025, 12, 31))),
    ("cuối tháng 8/2024", None, (D(2024, 8, 21), D(2024, 8, 31))),
    ("giữa năm 2024", None, (D(2024, 5, 1), D(2024, 8, 31))),
    ("từ tháng 3 đến tháng 6/2024", None, (D(2024, 3, 1), D(2024, 6, 30))),
    ("tháng 8", 2024, (D(2024, 8, 1), D(2024, 8, 31))),
    ("năm nay", 2024, (D(2024, 1, 1), D(2024, 12, 31))),
    ("20-6", 2024, (D(2024, 6, 20), D(2024, 6, 20))),
]


@pytest.mark.parametrize(("text", "year", "days"), CUT_OUT)
def test_periods_cut_out_of_prose(text: str, year: int | None,
                                  days: tuple[dt.date, dt.date]) -> None:
    assert parse_period(text, year=year) == days


@pytest.mark.parametrize(("text", "year"), [
    ("hôm qua", 2024), ("tháng 8", None), ("tháng 8, tháng 9/2024", None),
    ("cuối tháng 8/2024 xong", None), ("từ 6/6/2024 đến 5/6/2024", None),
    ("giai đoạn 2025-2021", None), ("Sáng 23/5", None), ("31/2/2023", None)])
def test_still_refused(text: str, year: int | None) -> None:
    with pytest.raises(da.ParseError):
        parse_period(text, year=year)
    with pytest.raises(da.ParseError):
        parse_date(text, year=year)


def test_a_date_is_one_day() -> None:
    assert parse_date("Sáng 23/5", year=2024) == D(2024, 5, 23)
    assert parse_date("tính đến 17h ngày 12.10", year=2024) == D(2024, 10, 12)
    with pytest.raises(da.ParseError):
        parse_date("trong tháng 10/2024")  # a month is no date


RANKS: list[tuple[str, int | None, da.Rank]] = [
    ("thứ hạng 5/63", None, da.Rank(5, 63)),
    ("XEP HANG 37/63", None, da.Rank(37, 63)),
    ("Đứng thứ 5", 63, da.Rank(5, 63)),
    ("hạng 63", 63, da.Rank(63, 63)),
    ("thứ 1", 2, da.Rank(1, 2)),
    ("xếp thứ 12/63", 34, da.Rank(12, 63)),  # a printed total wins
]


@pytest.mark.parametrize(("text", "total", "rank"), RANKS)
def test_ranks_with_the_finders_words(text: str, total: int | None, rank: da.Rank) -> None:
    assert parse_rank(text, total=total) == rank


@pytest.mark.parametrize(("text", "total", "position", "reason"), [
    ("hạng 3", None, 6, "no total printed: pass total="),
    ("  thứ 64", 63, 6, "the position must be between 1 and 63"),
    ("đứng thứ 0", 63, 9, "the position must be between 1 and 63"),
    ("Top 5", 63, 0, "expected a rank such as 25/63"),
    ("25", 63, 0, "expected a rank such as 25/63"),
    ("thứ5", 63, 0, "expected a rank such as 25/63"),
])
def test_ranks_refused(text: str, total: int | None, position: int, reason: str) -> None:
    with pytest.raises(da.ParseError) as info:
        parse_rank(text, total=total)
    assert info.value.position == position
    assert str(info.value).splitlines()[0] == f"Invalid rank: {text!r} ({reason})"


def test_every_rank_found_reads_the_same_cut_out() -> None:
    text = "Tỉnh xếp thứ 12/63, huyện đứng thứ 3/9 và xã xếp hạng 40/120 toàn tỉnh."
    found = [f for f in find_figures(text) if f.kind == "rank"]
    assert len(found) == 3
    for figure in found:
        rank = parse_rank(figure.text)
        assert (Decimal(rank.position), Decimal(rank.total)) == (figure.value, figure.of)


# --------------------------------------------------------------------------
# The scanners' pieces
# --------------------------------------------------------------------------

def test_word_tables() -> None:
    table = Words({"hồ sơ": 1, "hồ": 2, "xã": 3})
    assert table.body == "ho +so|xa|ho"  # longest first, spaces repeatable
    assert table.before.pattern == r"(?<![^\W_])(?:ho +so|xa|ho) *$"
    assert table.after.pattern == r"(?:ho +so|xa|ho)(?![^\W_])"
    assert [table.value(p) for p in ("ho so", "HỒ  SƠ", "hồ so", "XA", "xá")] == [
        1, 1, None, 3, None]
    assert table.ending("ho so ", "hồ sơ ", 6) == (0, 1)
    assert table.starting("xa ho", "xã hồ", 3) == (5, 2)


def test_date_patterns_on_folded_text() -> None:
    first = _scan_dates._folded(grammar.MONTH, "t")
    assert first.pattern == "(?=[t])(?:" + grammar.MONTH.pattern + "\n)"
    assert first.flags & re.IGNORECASE == 0
    assert first.flags & re.VERBOSE
    plain = _scan_dates._folded(grammar.YEAR)
    assert plain.pattern == "(?:" + grammar.YEAR.pattern + "\n)"


@pytest.mark.parametrize(("phrase", "days"), [
    ("ngày 5/13/2024", None),
    ("tháng 1/2024", (D(2024, 1, 1), D(2024, 1, 31))),
    ("tháng 12/2024", (D(2024, 12, 1), D(2024, 12, 31))),
    ("1 tháng đầu năm 2024", (D(2024, 1, 1), D(2024, 1, 31))),
    ("12 tháng cuối năm 2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("giai đoạn 2025-2021", None),
    ("giai đoạn 2024-2024", (D(2024, 1, 1), D(2024, 12, 31))),
])
def test_edges_of_the_calendar(phrase: str, days: tuple[dt.date, dt.date] | None) -> None:
    found = [(m.start, m.end) for m in find_dates(phrase)]
    assert found == ([] if days is None else [days])


def test_blocked_spans_merge() -> None:
    scanner = _scan_figures.FigureScanner("", "", [(0, 5), (10, 20)], None)
    scanner._block(3, 12)
    assert (scanner.starts, scanner.ends) == ([0], [20])
    scanner._block(30, 40)
    scanner._block(25, 35)
    assert (scanner.starts, scanner.ends) == ([0, 25], [20, 40])


def test_chains_and_vague_amounts() -> None:
    chain, = find_figures("đạt 12/30/45 xã")
    assert (chain.kind, chain.parts, chain.of) == (
        "fraction", (Decimal(12), Decimal(30), Decimal(45)), Decimal(45))
    assert find_figures("vài trảm nghìn người") == ()  # half-marked: no word
    vague, = find_figures("hàng chục nghìn người dân")
    assert (vague.kind, vague.text, vague.noun) == ("vague", "hàng chục nghìn người dân",
                                                    "người dân")


def test_one_mention_one_object() -> None:
    text = "Tính đến ngày 30/6/2023 đạt 72,2%."
    figure, = find_figures(text)
    mention, = find_dates(text)
    assert figure.date is mention


@pytest.mark.parametrize(("text", "start", "end", "alone"), [
    ("xong -12/5/2024", 6, 15, True),      # a dash after a word, not after a number
    ("-1/6/2024 số 7", 1, 9, True),        # nothing before the dash
    ("5-12/5/2024", 2, 11, False),         # inside "5-12/5/2024"
    ("a5-12/5/2024", 3, 12, False),
    ("1/6/2024.5a", 0, 8, False),          # runs on into a decimal
    ("1/6/2024. Xong", 0, 8, True),
])
def test_a_date_stands_alone(text: str, start: int, end: int, alone: bool) -> None:
    assert _scan_dates._bounded(text, start, end) is alone


@pytest.mark.parametrize(("phrase", "found"), [
    ("ngày 1/1", True), ("ngày 5/12", True), ("ngày 1/5", True), ("ngày 31/5", True),
    ("ngày 32/5", False), ("ngày 5/13", False), ("ngày 0/5", False),
    ("tháng 1", True), ("tháng 12", True), ("tháng 13", False), ("tháng 0", False),
])
def test_a_date_without_year_could_exist(phrase: str, found: bool) -> None:
    mentions = find_dates(phrase)  # no publication date: found, but not resolved
    assert [m.start for m in mentions] == ([None] if found else [])


def test_relative_words_and_the_edges_of_the_calendar() -> None:
    yesterday, = find_dates("hôm qua")
    assert (yesterday.start, yesterday.year_supplied, yesterday.role) == (None, True, "point")
    last, = find_dates("năm ngoái", published=D(2024, 5, 1))
    assert (last.start, last.end) == (D(2023, 1, 1), D(2023, 12, 31))
    following, = find_dates("năm sau", published=D(2024, 5, 1))
    assert following.start == D(2025, 1, 1)
    assert find_dates("ngày 5/6", published=D(1, 1, 1))[0].start == D(1, 6, 5)
    assert find_dates("ngày 5/6", published=D(9999, 1, 1))[0].start == D(9999, 6, 5)
    assert find_dates("năm sau", published=D(9999, 1, 1))[0].start is None  # year 10000


def test_words_of_time_stop_at_the_mention_before() -> None:
    mentions = find_dates("năm tới 5/6/2024", published=D(2024, 1, 1))
    assert [(m.text, m.role) for m in mentions] == [("năm tới", "period"),
                                                   ("5/6/2024", "point")]


@pytest.mark.parametrize(("phrase", "texts"), [
    ("Tháng 5 xong việc", ["Tháng 5"]),              # a month: no word needed before it
    ("Họp ngày 19/3 xong", ["ngày 19/3"]),           # "ngày" makes it a date
    ("Xong 19/3.", ["19/3"]),                         # punctuation after it
    ("Có 2/10 nhiệm vụ", []),                         # a word after it: a fraction
    ("Có 2/10  nhiệm vụ", []),                        # however many spaces
    ("Có 2/10 %", []),
    ("Có 2/10", ["2/10"]),
])
def test_day_and_month_alone(phrase: str, texts: list[str]) -> None:
    assert [m.text for m in find_dates(phrase, published=D(2024, 1, 1))] == texts


# (phrase, [(text, value, low, high, noun, unit, per, qualifier)] of every figure)
READ_ON: list[tuple[str, list[tuple[Any, ...]]]] = [
    ("từ 500 nghìn đến 2 triệu người",  # each end keeps its own scale word
     [("500 nghìn đến 2 triệu người", None, Decimal("5.00E+5"), Decimal("2E+6"), "người",
       da.Unit.PEOPLE, None, "exact")]),
    ("18 trong tổng số 25 thủ tục",  # the noun after the total counts both
     [("18 trong tổng số 25 thủ tục", Decimal(18), None, None, "thủ tục", None, None,
       "exact")]),
    ("18 người trong tổng số 25 người",
     [("18 người trong tổng số 25 người", Decimal(18), None, None, "người", da.Unit.PEOPLE,
       None, "exact")]),
    ("5 Công an", [("5", Decimal(5), None, None, None, None, None, "exact")]),  # a name
    ("5 CCCD", [("5 CCCD", Decimal(5), None, None, "CCCD", None, None, "exact")]),
    ("5 thẻ Căn cước", [("5 thẻ Căn cước", Decimal(5), None, None, "thẻ Căn cước", None,
                          None, "exact")]),
    ("5 cán bộ chiến sĩ công an xã chính quy",  # six words at most
     [("5 cán bộ chiến sĩ công an", Decimal(5), None, None, "cán bộ chiến sĩ công an", None,
       None, "exact")]),
    ("5 lượt/Ngày", [("5 lượt/Ngày", Decimal(5), None, None, "lượt/Ngày", da.Unit.USES,
                       None, "exact")]),  # a capital after "/" is no rate
    ("5 hộ/Xã", [("5 hộ/Xã", Decimal(5), None, None, "hộ/Xã", None, None, "exact")]),
    ("5 CCCD/ngày", [("5 CCCD/ngày", Decimal(5), None, None, "CCCD", None, "ngày",
                       "exact")]),
    ("5 người xấp xỉ 6 người",  # a hedge ends the noun before it
     [("5 người", Decimal(5), None, None, "người", da.Unit.PEOPLE, None, "exact"),
      ("xấp xỉ 6 người", Decimal(6), None, None, "người", da.Unit.PEOPLE, None, "about")]),
]


@pytest.mark.parametrize(("phrase", "expected"), READ_ON)
def test_what_follows_a_number(phrase: str, expected: list[tuple[Any, ...]]) -> None:
    found = [(f.text, f.value, f.low, f.high, f.noun, f.unit, f.per, f.qualifier.value)
             for f in find_figures(phrase)]
    assert found == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("theo 112/KH-UBND đã xong", []),                    # a document number, no word before
    ("Gửi về cb2024@congan.gov.vn", []),                 # an e-mail address
    ("ngày 5/6/2024 gửi a1@b.vn", []),                   # a date and an address
    ("có 5 người top 10 tỉnh", [("5 người", "number"), ("top 10 tỉnh", "rank")]),  # rank ends noun
    ("xếp hạng     25/63", [("hạng     25/63", "rank")]),  # rank words close to the number
    ("5 triệu/10 người", [("5 triệu", "number")]),       # a scaled figure is no fraction
    ("Tỉnh đứng thứ 5 cả nước", [("đứng thứ 5", "rank")]),
])
def test_starts_of_figures(phrase: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.kind) for f in find_figures(phrase)] == expected


@pytest.mark.parametrize("phrase", ["80; 85 và 90%", "70; 80; 85 và 90%", "91,2; 85,07% và 80,5%"])
def test_percent_lists_reach_the_first_item(phrase: str) -> None:
    assert all(f.percent for f in find_figures(phrase))


def test_lead_words_are_kept_as_printed() -> None:
    figure, = find_figures("Toàn tỉnh đã cấp hơn 2,415 triệu thẻ")
    assert (figure.lead, figure.lead_text, figure.qualifier_word) == ("issued", "đã cấp", "hơn")


def test_blocked_spans_are_half_open() -> None:
    scanner = _scan_figures.FigureScanner("", "", [(10, 20)], None)
    assert [scanner._is_blocked(*span) for span in [(5, 10), (5, 11), (19, 25), (20, 25)]] == [
        False, True, True, False]


def test_clock_times_need_h_or_a_colon() -> None:
    assert _scan_dates.clock_spans("luc 17h va 10 gio, 8:15") == [(4, 7), (19, 23)]


def test_total_and_spans_are_checked() -> None:
    assert find_figures("xếp áp chót", total=2)[0].value == 1
    with pytest.raises(da.ValidationError) as info:
        find_figures("x", total=1)
    assert str(info.value) == "find_figures.total must be an int >= 2 or None (got 1)"
    message = "Figure.span must be (start, end) with 0 <= start <= end (got {!r})"
    for span in [(1, 2, 3), (1, "2"), (-1, 2), (3, 2), [1, 2]]:
        with pytest.raises(da.ValidationError) as info:
            Figure(span=span, text="x")  # type: ignore[arg-type]
        assert str(info.value) == message.format(span)
    assert Figure(span=(3, 3), text="").span == (3, 3)


def test_a_date_that_does_not_exist_says_so() -> None:
    with pytest.raises(da.ParseError) as info:
        parse_date("31/2", year=2023)
    assert "day 31 does not exist in 2023-02" in str(info.value)
    assert Words({"xã": 1}).starting("xa", "xá", 0) is None  # half-marked: no word


def test_a_hedge_that_is_a_lead_word() -> None:
    exceeded, = find_figures("Tỉnh vượt 5% kế hoạch")
    assert (exceeded.lead, exceeded.lead_text, exceeded.qualifier) == (
        "exceeded", "vượt", da.Qualifier.MORE_THAN)
    nearly, = find_figures("Tỉnh gần 5% kế hoạch")
    assert (nearly.lead, nearly.lead_text) == (None, None)


def test_last_edges() -> None:
    with pytest.raises(da.ParseError) as info:
        find_figures(b"5 xa")  # type: ignore[arg-type]
    assert str(info.value).startswith("Invalid text: expected str, got bytes")
    assert find_figures("Gửi về hotro@123.vn") == ()  # digits of an address
    share, = find_figures("18 người trong tổng số 25")
    assert (share.kind, share.unit, share.of) == ("fraction", da.Unit.PEOPLE, Decimal(25))


def test_spans_and_spaces_of_a_text_not_in_nfc() -> None:
    text = " 5 ho\u0302\u0300 sơ, gần\u00a07\u00a0người"  # decomposed marks, no-break spaces
    first, second = find_figures(text)
    assert (first.span, first.text, first.noun) == ((1, 10), "5 ho\u0302\u0300 sơ", "hồ sơ")
    assert text[second.span[0]:second.span[1]] == second.text == "gần\u00a07\u00a0người"
    assert (second.qualifier, second.noun) == (da.Qualifier.NEARLY, "người")
    plain, = find_figures("gần\u00a07\u00a0người")  # already NFC: the spaces still read
    assert (plain.qualifier, plain.noun) == (da.Qualifier.NEARLY, "người")


@pytest.mark.parametrize(("phrase", "expected"), [
    ("từ 9/2 - 20/6/2023", [("từ 9/2 - 20/6/2023", D(2023, 2, 9), D(2023, 6, 20), False)]),
    ("từ tháng 3/2024 tính đến 5/6/2024",
     [("từ tháng 3/2024 tính đến 5/6/2024", D(2024, 3, 1), D(2024, 6, 5), False)]),
    ("từ tháng 3/2024, xong, đến 5/6/2024",  # words between: two mentions
     [("từ tháng 3/2024", D(2024, 3, 1), D(2024, 3, 31), False),
      ("đến 5/6/2024", D(2024, 6, 5), D(2024, 6, 5), False)]),
    ("từ tháng 3/2024 ngày 5/6/2024",  # a point after an open start is no end
     [("từ tháng 3/2024", D(2024, 3, 1), D(2024, 3, 31), False),
      ("ngày 5/6/2024", D(2024, 6, 5), D(2024, 6, 5), False)]),
    ("từ 5/6/2024 đến cuối tháng 8/2024",
     [("từ 5/6/2024 đến cuối tháng 8/2024", D(2024, 6, 5), D(2024, 8, 31), True)]),
    ("ngày 6 tháng 1 năm 2022 và 5/6/2024",  # overlapping forms, then another date
     [("ngày 6 tháng 1 năm 2022", D(2022, 1, 6), D(2022, 1, 6), False),
      ("5/6/2024", D(2024, 6, 5), D(2024, 6, 5), False)]),
    ("tháng 5/2024 08:15", [("tháng 5/2024", D(2024, 5, 1), D(2024, 5, 31), False)]),
])
def test_spans_and_neighbours(phrase: str, expected: list[tuple[Any, ...]]) -> None:
    found = [(m.text, m.start, m.end, m.vague) for m in find_dates(phrase)]
    assert found == expected


def test_up_to_now_is_as_of() -> None:
    mention, = find_dates("Số liệu đến nay", published=D(2024, 5, 6))
    assert (mention.text, mention.role, mention.start) == ("đến nay", "as_of", D(2024, 5, 6))


def test_folding_characters_met_for_the_first_time() -> None:
    assert fold_text("Ŵ ﬁ Ǆ Ꜵ5") == "w ﬁ ǆ ꜵ5"  # "ﬁ" would fold to two letters: kept


def test_the_last_reading_is_kept_per_text_and_date() -> None:
    _find._LAST.clear()
    text = "Tính đến ngày 30/6/2023 đạt 72,2%."
    figure, = find_figures(text, published=D(2024, 1, 1))
    mention, = find_dates(text, published=D(2024, 1, 1))
    assert figure.date is mention
    assert find_dates(text)[0] == mention  # another date: read again, the same mention
    hedged, = find_figures("hôn 5 người")  # a half-marked "hơn" is no hedge
    assert hedged.qualifier is da.Qualifier.EXACT
