"""Fuzzing of the text parsers and the CSV readers (``make fuzz``).

The only allowed outcomes are a value or :class:`de_an06.ParseError` (with the
file and line for files); a successful CSV load is whole and round-trips.
"""

from __future__ import annotations

import io as stdio
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io, parsing
from de_an06 import strategies as das

pytestmark = pytest.mark.fuzz

FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck))
STRUCTURED = settings(FUZZ, max_examples=max(100, settings().max_examples // 20))

# Text that looks like report figures, so the fuzzer reaches deep into the grammar.
REPORTISH = st.text(alphabet="0123456789.,%/- ngàyáthgầnơukoảđưrêiqýIVlc\u00a0\u2013", max_size=30)

PARSERS: dict[str, Callable[[str], object]] = {
    "number": parsing.parse_number,
    "number-international": lambda t: parsing.parse_number(t, number_format="international"),
    "percent": parsing.parse_percent,
    "qualifier": parsing.parse_qualifier,
    "quantity": parsing.parse_quantity,
    "date": lambda t: parsing.parse_date(t, year=2023),
    "period": lambda t: parsing.parse_period(t, year=2023),
    "rank": parsing.parse_rank,
}


@pytest.mark.parametrize("name", sorted(PARSERS))
@FUZZ
@given(text=st.text() | REPORTISH)
def test_parsers_are_total(name: str, text: str) -> None:
    try:
        PARSERS[name](text)
    except da.ParseError as error:
        assert error.text is not None  # noqa: PT017 - a value is allowed too


@st.composite
def reading_csvs(draw: st.DrawFn) -> str:
    indicator = draw(das.indicators())
    place = draw(das.jurisdictions())
    readings = draw(st.lists(das.readings(indicators=st.just(indicator),
                                          jurisdictions=st.just(place)),
                             min_size=1, max_size=4))
    buffer = stdio.StringIO()
    io.write_csv(io.Dataset(readings=readings), buffer)
    return buffer.getvalue()


@st.composite
def broken_csvs(draw: st.DrawFn) -> str:
    """A valid readings CSV with one cell of one data row replaced by random text."""
    lines = draw(reading_csvs()).splitlines()
    row = draw(st.integers(1, len(lines) - 1))
    cells = lines[row].split(",")
    column = draw(st.integers(0, len(cells) - 1))
    cells[column] = draw(st.text(alphabet=st.characters(exclude_characters="\r\n"),
                                 max_size=12))
    lines[row] = ",".join(cells)
    return "\n".join(lines) + "\n"


def check_csv_total(text: str) -> None:
    try:
        data = io.read_csv(stdio.StringIO(text), kind="readings")
    except da.ParseError as error:
        assert error.line is not None or error.file is not None  # noqa: PT017
        return
    buffer = stdio.StringIO()
    io.write_csv(data, buffer)
    buffer.seek(0)
    assert io.read_csv(buffer, kind="readings").readings == data.readings


@FUZZ
@given(st.text())
def test_csv_reader_on_any_text(text: str) -> None:
    check_csv_total(text)


@STRUCTURED
@given(broken_csvs())
def test_csv_reader_on_rows_with_one_broken_cell(text: str) -> None:
    check_csv_total(text)


@STRUCTURED
@given(reading_csvs(), st.data())
def test_csv_reader_on_truncated_files(text: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(text)))
    check_csv_total(text[:cut])


@STRUCTURED
@given(reading_csvs(), st.sampled_from(["\r\n", "\ufeff", "\x00"]))
def test_csv_reader_on_line_ends_bom_and_nul(text: str, oddity: str) -> None:
    if oddity == "\r\n":
        text = text.replace("\n", "\r\n")
    elif oddity == "\ufeff":
        text = oddity + text
    else:
        text = text.replace(",", ",\x00", 1)
    check_csv_total(text)


@FUZZ
@given(st.binary(max_size=300))
def test_csv_file_readers_on_any_bytes(tmp_path_factory: pytest.TempPathFactory,
                                       raw: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / "any.csv"
    path.write_bytes(raw)
    check_file_total(lambda: io.read_csv(path, kind="readings"), path)
    check_file_total(lambda: io.read_csv_columns(path), path)


def check_file_total(read: Callable[[], object], path: Path) -> None:
    try:
        read()
    except da.ParseError as error:
        assert error.file == str(path)  # noqa: PT017 - a value is allowed too
