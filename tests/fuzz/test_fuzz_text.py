"""Fuzzing of the text parsers and the CSV readers (``make fuzz``).

The only allowed outcomes are a value or :class:`de_an06.ParseError` (with the
file and line for files); a successful CSV load is whole and round-trips.
``make test`` runs these with few examples; ``make fuzz`` with
``DE_AN06_FUZZ_EXAMPLES`` (100,000) for the raw inputs (see ``fuzzing.py``).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from fuzzing import (
    FUZZ,
    HUGE_NUMBERS,
    REPORTISH,
    STRUCTURED,
    broken_csv_files,
    check_columns,
    check_csv,
    csv_files,
    encoded,
)
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import parsing
from de_an06.io.cells import CsvNumberFormat
from de_an06.io.schema import CsvKind

pytestmark = pytest.mark.fuzz


def _date(result: object) -> bool:
    return isinstance(result, dt.date)


def _period(result: object) -> bool:
    return isinstance(result, tuple) and _date(result[0]) and result[0] <= result[1]


def _finite(result: object) -> bool:
    return isinstance(result, Decimal) and result.is_finite()


# Each public parser, each number format, with what a value it returns must be.
PARSERS: dict[str, tuple[Callable[[str], object], Callable[[object], bool]]] = {
    "number": (parsing.parse_number, _finite),
    "number-international": (
        lambda t: parsing.parse_number(t, number_format="international"), _finite),
    "percent": (parsing.parse_percent, _finite),
    "percent-international": (
        lambda t: parsing.parse_percent(t, number_format="international"), _finite),
    "qualifier": (parsing.parse_qualifier, lambda r: isinstance(r, da.Qualifier)),
    "quantity": (parsing.parse_quantity,
                 lambda r: isinstance(r, parsing.Quantity) and r.value.is_finite()),
    "quantity-international": (
        lambda t: parsing.parse_quantity(t, number_format="international"),
        lambda r: isinstance(r, parsing.Quantity) and r.value.is_finite()),
    "date": (lambda t: parsing.parse_date(t, year=2023), _date),
    "date-no-year": (parsing.parse_date, _date),
    "period": (lambda t: parsing.parse_period(t, year=2023), _period),
    "period-no-year": (parsing.parse_period, _period),
    "rank": (parsing.parse_rank, lambda r: isinstance(r, da.Rank)),
    "rank-of-63": (lambda t: parsing.parse_rank(t, total=63), lambda r: isinstance(r, da.Rank)),
}
HUGE_FIGURES = st.builds(operator.add, st.sampled_from(HUGE_NUMBERS),
                         st.sampled_from(["", "%", " tỷ", " người", " nghìn tỷ đồng", "/63"]))


@FUZZ
@given(text=st.text() | REPORTISH | HUGE_FIGURES)
def test_parsers_are_total(text: str) -> None:
    """Each example goes to every parser: 100,000 examples each in ``make fuzz``."""
    for name, (parse, valid) in PARSERS.items():
        try:
            result = parse(text)
        except da.ParseError as error:
            assert error.text is not None, name  # noqa: PT017 - a value is allowed too
            continue
        assert valid(result), (name, result)


@STRUCTURED
@given(csv_files())
def test_csv_readers_on_valid_files(file: tuple[str, CsvKind, CsvNumberFormat]) -> None:
    text, kind, number_format = file
    assert check_csv(text, kind=kind, number_format=number_format) is not None
    if kind == "readings":
        check_columns(text, number_format=number_format)


@STRUCTURED
@given(broken_csv_files())
def test_csv_readers_on_files_with_one_broken_cell(
        file: tuple[str, CsvKind, CsvNumberFormat]) -> None:
    text, kind, number_format = file
    check_csv(text, kind=kind, number_format=number_format)
    check_csv(text, kind=None, number_format=number_format)
    check_columns(text, number_format=number_format)


@STRUCTURED
@given(broken_csv_files(numbers_only=True))
def test_csv_readers_on_huge_numbers(file: tuple[str, CsvKind, CsvNumberFormat]) -> None:
    text, kind, number_format = file
    check_csv(text, kind=kind, number_format=number_format)
    check_columns(text, number_format=number_format)


@STRUCTURED
@given(csv_files(), st.data())
def test_csv_readers_on_encoded_cut_and_odd_files(
        fuzz_dir: Path, file: tuple[str, CsvKind, CsvNumberFormat],
        data: st.DataObject) -> None:
    """Another encoding, a BOM, CRLF line ends, a NUL byte, the file cut short."""
    text, kind, number_format = file
    path = fuzz_dir / "odd.csv"
    path.write_bytes(data.draw(encoded(text)))
    check_csv(path, kind=kind, number_format=number_format)
    check_columns(path, number_format=number_format)
