"""Exact behaviour of the number rule (``model.rules``) at its edges.

The message of every refusal is checked word for word with the owner, field
and value it carries; the ends of the float range are accepted and the first
numbers past them refused; a ``Decimal`` printed without decimals becomes an
``int``; the vectorised value rules take anything numpy converts to floats.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
import warnings
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

import de_an06 as da
from de_an06.model import Unit, rules

BIG = sys.float_info.max
VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level=da.Level.NATION)
INDEX = da.Indicator("index", "An index", "Chỉ số", unit=da.Unit.COUNT)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 10**400, -(10**400),
                                   Fraction(10**400, 3), np.float64("inf"), Decimal("NaN"),
                                   Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_a_number_outside_the_float_range_is_refused_by_name(value: object) -> None:
    with pytest.raises(da.ValidationError) as info:
        rules.real_number("Owner", "amount", value)
    assert str(info.value) == f"Owner.amount must be finite (got {value!r})"
    assert (info.value.owner, info.value.field) == ("Owner", "amount")
    assert info.value.value is value


def test_the_ends_of_the_float_range_are_numbers() -> None:
    assert rules.real_number("f", "x", BIG) == BIG
    assert rules.real_number("f", "x", -BIG) == -BIG
    assert rules.real_number("f", "x", Fraction(BIG)) == BIG


def test_a_long_double_beyond_the_float_range_is_refused_without_a_warning() -> None:
    huge = np.longdouble(BIG) * np.longdouble(4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(da.ValidationError) as info:
            rules.real_number("f", "x", huge)
    assert str(info.value).startswith("f.x must be finite (got ")


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal(546_234), 546_234), (Decimal("5E+2"), 500), (Decimal(-7), -7),
    (Decimal(0), 0), (Decimal("-0"), 0)])
def test_a_decimal_printed_without_decimals_is_an_int(value: Decimal, expected: int) -> None:
    number = rules.real_number("f", "x", value)
    assert type(number) is int
    assert number == expected


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("546234.0"), 546_234.0), (Decimal("0.5"), 0.5), (Decimal("1E-1"), 0.1)])
def test_a_decimal_printed_with_decimals_is_a_float(value: Decimal, expected: float) -> None:
    number = rules.real_number("f", "x", value)
    assert type(number) is float
    assert number == expected


def test_a_converted_field_names_its_class_and_field() -> None:
    with pytest.raises(da.ValidationError) as info:
        da.Reading(INDEX, "12", as_of=dt.date(2024, 1, 1), jurisdiction=VN)
    assert str(info.value) == "Reading.value must be a real number, not str (got '12')"
    assert (info.value.owner, info.value.field, info.value.value) == ("Reading", "value", "12")


def test_an_optional_converted_field_names_its_class_and_field() -> None:
    with pytest.raises(da.ValidationError) as info:
        da.Reading(INDEX, 12, as_of=dt.date(2024, 1, 1), jurisdiction=VN,
                   numerator=math.inf)
    assert str(info.value) == "Reading.numerator must be finite (got inf)"
    assert (info.value.owner, info.value.field) == ("Reading", "numerator")


def test_first_bad_value_converts_python_numbers_to_floats() -> None:
    # 2**70 is no int64; as a float it is a whole number of people
    assert rules.first_bad_value(Unit.PEOPLE, [3, 2**70]) is None
    rows: list[list[float]] = [[3, 4], [5.5, 2**70]]
    assert rules.first_bad_value(Unit.PEOPLE, rows) == (
        2, "must be a whole number for unit 'people'")
    assert rules.first_bad_value(Unit.PERCENT, [99, 2**70]) == (
        1, "must be in [0, 100] for a percent indicator")
