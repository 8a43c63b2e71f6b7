"""The number and date grammar of `de_an06.parsing.grammar`, shared with the io readers."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import parsing as p
from de_an06.parsing import grammar as g

CELL = st.text(alphabet="0123456789.,-eE+ ", max_size=12)


def test_the_package_shows_its_public_names() -> None:
    for module in (p, g):
        assert sorted(dir(module)) == sorted(module.__all__)
        assert all(hasattr(module, name) for name in module.__all__)


def test_the_text_grammar_is_re_exported() -> None:
    assert p.VI_NUMBER_PATTERN is g.VI_NUMBER_PATTERN
    assert p.INTERNATIONAL_NUMBER_PATTERN is g.INTERNATIONAL_NUMBER_PATTERN
    assert p.DAY_FIRST_DATE is g.DAY_FIRST_DATE
    assert p.WORDED_DATE is g.WORDED_DATE
    assert p.NUMBER_FORMATS == g.NUMBER_FORMATS == g.CELL_NUMBER_FORMATS[1:]
    assert set(g.NUMBER_PATTERNS) == set(g.NUMBERS) == set(g.NUMBER_BODIES) == set(
        g.NUMBER_COLUMNS) == set(g.CELL_NUMBER_FORMATS)
    assert set(g.MARKS) == set(g.NUMBER_FORMATS)


def test_bodies_are_the_patterns_without_groups_or_layout() -> None:
    # These are, character for character, the bodies the CSV readers wrote
    # out by hand before the grammar had one place.
    assert g.NUMBER_BODIES == {
        "plain": r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?",
        "vi": r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?",
        "international": r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?",
    }
    for name, body in g.NUMBER_BODIES.items():
        assert re.compile(body).groups == 0
        assert g.NUMBERS[name].flags & re.VERBOSE


@pytest.mark.parametrize(("number_format", "good", "bad"), [
    ("vi", ["546.234", "65,57", "-1.234,5", "2022", "0,90"],
     ["1.5", "1,2,3", "12..3", ".5", "5,", "1e5", "+1", "1 000", ""]),
    ("international", ["1,497,360", "65.57", "-1,234.5", "1.5"],
     ["1,5", "1.2.3", "5.", "1e5", ""]),
    ("plain", ["1497360", "65.57", "-3", "1e-05", "1.5E+20", "007"],
     ["1.497.360", "65,57", "1,497", ".5", "5.", "1e", "+1", "inf", "nan", ""]),
])
def test_each_format(number_format: str, good: list[str], bad: list[str]) -> None:
    number = g.NUMBERS[number_format]
    column = g.NUMBER_COLUMNS[number_format]
    for cell in good:
        assert number.fullmatch(cell), cell
    for cell in bad:
        assert not number.fullmatch(cell), cell
    assert column.fullmatch("\n".join(good))
    for cell in bad:
        assert not column.fullmatch("\n".join([*good, cell]))


@given(st.lists(CELL, min_size=1, max_size=4), st.sampled_from(g.CELL_NUMBER_FORMATS))
@example(["1", ""], "plain")
@example(["1.5", "2"], "vi")
def test_a_column_matches_when_every_cell_does(cells: list[str], number_format: str) -> None:
    every = all(g.NUMBERS[number_format].fullmatch(cell) for cell in cells)
    assert bool(g.NUMBER_COLUMNS[number_format].fullmatch("\n".join(cells))) is every


@given(CELL, st.sampled_from(g.NUMBER_FORMATS))
@example("1.234,5", "vi")
@example("1,234.5", "international")
def test_the_parser_reads_exactly_the_grammar(cell: str, number_format: p.NumberFormat) -> None:
    """Without spaces around it, a number parses exactly when the grammar matches it."""
    cell = cell.strip(" ")
    try:
        p.parse_number(cell, number_format=number_format)
    except da.ParseError:
        parsed = False
    else:
        parsed = True
    assert parsed is bool(g.NUMBERS[number_format].fullmatch(cell))


@given(st.integers(-(10**12), 10**12), st.integers(0, 999), st.sampled_from(g.NUMBER_FORMATS))
def test_written_numbers_match_their_format(whole: int, part: int,
                                            number_format: p.NumberFormat) -> None:
    text = p.format_number(whole, number_format=number_format)
    assert g.NUMBERS[number_format].fullmatch(text)
    mark = g.MARKS[number_format][1]
    assert g.NUMBERS[number_format].fullmatch(f"{text}{mark}{part}")


@given(st.integers())
def test_whole_numbers(value: int) -> None:
    assert g.WHOLE_NUMBER.fullmatch(str(value))
    assert g.NUMBERS["plain"].fullmatch(str(value))
    assert not g.WHOLE_NUMBER.fullmatch(f"{value}.0")


@given(st.dates())
def test_iso_dates(day: dt.date) -> None:
    match = g.ISO_DATE.fullmatch(day.isoformat())
    assert match is not None
    assert dt.date(int(match["year"]), int(match["month"]), int(match["day"])) == day
    assert not g.ISO_DATE.fullmatch(f"{day.day}/{day.month}/{day.year}")


def _parts(pattern: re.Pattern[str], text: str) -> tuple[str | None, ...]:
    match = pattern.fullmatch(text)
    assert match is not None
    return match.group("day", "month", "year")


def test_day_first_dates() -> None:
    assert _parts(g.DAY_FIRST_DATE, "ngày 6/1/2022") == ("6", "1", "2022")
    assert _parts(g.DAY_FIRST_DATE, "20-6") == ("20", "6", None)
    assert not g.DAY_FIRST_DATE.fullmatch("6/1-2022")  # one separator throughout
    assert _parts(g.WORDED_DATE, "ngày 6 tháng 1 năm 2022") == ("6", "1", "2022")
