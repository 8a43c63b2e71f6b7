"""The finders of report prose: the phrase table, properties, seeds and to_reading."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06.parsing import (
    Figure,
    find_dates,
    find_figures,
    format_number,
    parse_date,
    parse_period,
    parse_rank,
)
from de_an06.parsing._lexical import Words
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
