"""The vocabulary: words, symbols and number formats of every output."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import _present, parsing
from de_an06.model import rules


def test_every_member_has_its_words() -> None:
    assert set(_present.QUALIFIER_SYMBOLS) == {q.value for q in da.Qualifier}
    assert set(_present.UNIT_SYMBOLS) == {u.value for u in da.Unit}
    assert set(_present.UNIT_SUFFIXES) == {u.value for u in da.Unit}
    assert set(_present.STATUS_PHRASES) == {s.value for s in da.ProgressStatus}
    assert set(_present.STATUS_WORDS) == {s.value for s in da.ProgressStatus}


def test_the_model_shows_the_same_symbols() -> None:
    # Until Unit.symbol and Qualifier.symbol read them from here, they must agree.
    for unit in da.Unit:
        assert unit.symbol == _present.unit_symbol(unit) == _present.unit_symbol(unit.value)
    for qualifier in da.Qualifier:
        assert qualifier.symbol == _present.qualifier_symbol(qualifier)


def test_words() -> None:
    status = da.ProgressStatus.DETERIORATING
    assert (_present.status_word(status), _present.status_word(status, brief=True)) == (
        "moving away", "deteriorating")
    assert _present.status_word("something_new") == "something_new"
    assert [_present.met_word(m) for m in (True, False, None)] == ["met", "not met", "open"]
    assert [_present.met_word(m, brief=True) for m in (True, False, None)] == [
        "yes", "no", "open"]
    assert (_present.target_sign(1), _present.target_sign(-1)) == ("≥", "≤")
    assert _present.unit_suffix(da.Unit.WORKING_DAYS) == " wd"
    assert _present.quantity(98, da.Unit.PERCENT, da.Qualifier.NEARLY) == "<~ 98 %"
    assert _present.quantity(3, None, da.Qualifier.EXACT) == "3"


def test_numbers() -> None:
    assert _present.number(1234.5, number_format="vi") == "1.234,5"
    assert _present.number(1234.5, fixed=True) == "1,234.50"
    assert _present.number(-0.001, fixed=True) == "0.00"  # no sign on a zero
    assert _present.number(4731.0, fixed=True) == "4,731.00"  # a rate column keeps its decimals
    assert _present.number(1230.4, 0) == "1,230"
    assert _present.number(-0.4, 0) == "0"
    assert _present.number(float("nan")) == "nan"
    assert _present.decimal_text(Decimal("1E+3")) == "1.000"
    assert _present.decimal_text(Decimal("-0.5"), number_format="international") == "-0.5"


def _f_string(value: float, places: int, *, fixed: bool) -> str:
    """What the CLI, the reprs and the audit printed before the vocabulary existed.

    Except two changes of 0.2: `fixed` keeps the decimals of whole numbers too
    (``4,731.00`` in a column of rates), and a zero prints without a sign.
    """
    if fixed:
        text = f"{value:,.{places}f}"
        return text[1:] if text.startswith("-") and not text.strip("-0,.") else text
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(1, 6), st.booleans())
def test_numbers_read_as_before(value: float, places: int, fixed: bool) -> None:
    assert _present.number(value, places, fixed=fixed) == _f_string(value, places, fixed=fixed)


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(1, 6))
def test_vi_numbers_swap_the_marks(value: float, places: int) -> None:
    english = _present.number(value, places)
    swapped = english.translate(str.maketrans(",.", ".,"))
    assert _present.number(value, places, number_format="vi") == swapped


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None),
       st.sampled_from(["vi", "international"]))
def test_decimals_are_what_format_number_writes(number: Decimal, number_format: str) -> None:
    text = _present.decimal_text(number, number_format=number_format)  # type: ignore[arg-type]
    assert text == parsing.format_number(number, number_format=number_format)  # type: ignore[arg-type]
    assert parsing.parse_number(text, number_format=number_format) == number  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [98.94, 72.2, 100.0, 0.9, 1e-5, 1e20, 546_234])
def test_printed_decimals(value: float) -> None:
    places = rules.printed_decimals(value)
    assert float(f"{value:.{places}f}") == value
    assert places == 0 or not math.isclose(float(f"{value:.{places - 1}f}"), value)
