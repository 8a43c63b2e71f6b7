"""Regression tests of issue 17: hostile but realistic input, a right answer or a typed error."""

from __future__ import annotations

import datetime as dt
import io as stdio
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest

import de_an06 as da
from de_an06 import io
from de_an06.model import rules
from de_an06.parsing import parse_quantity

KH = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
PEOPLE = da.Indicator("eid-collected", "e-ID applications collected", "Thu nhận hồ sơ ĐDĐT",
                      unit="people")
SHARE = da.Indicator("eid-share", "e-ID share", "Tỷ lệ ĐDĐT", unit="percent")
DAY = dt.date(2023, 7, 1)

NUMPY_SCALARS = [t(5) for t in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16,
                                np.uint32, np.uint64)] + [
    t(0.5) for t in (np.float16, np.float32, np.float64, np.longdouble)]


# --------------------------------------------------------------------------
# The number-type rule
# --------------------------------------------------------------------------


@pytest.mark.parametrize("number", [*NUMPY_SCALARS, Decimal("0.5"), Fraction(1, 2), 5, 0.5])
def test_every_real_is_stored_as_a_plain_number(number: Any) -> None:
    share = da.Reading(SHARE, number, as_of=DAY, jurisdiction=KH, numerator=number,
                       denominator=number * 2)
    target = da.Target(SHARE, number, jurisdiction=KH)
    claim = da.Claim("c", da.ClaimKind.EXCEEDS_TARGET, jurisdiction=KH, as_of=DAY, statement="s",
                     indicator=SHARE,
                     margin=number)
    for value in (share.value, share.numerator, share.denominator, target.value, claim.margin):
        assert type(value) in (int, float)
        assert value in (5, 0.5, 10, 1)


@pytest.mark.parametrize("number", [True, np.bool_(1), "5", 1 + 0j, None])
def test_non_numbers_are_refused_naming_class_and_field(number: object) -> None:
    with pytest.raises(da.ValidationError, match=r"^Target\.value must be a real number"):
        da.Target(SHARE, number, jurisdiction=KH)


@pytest.mark.parametrize("number", [np.float32("nan"), np.float64("inf"), Decimal("NaN"),
                                    Decimal("sNaN"), Decimal("1E+400"), 10**400,
                                    Fraction(10**400, 3), np.longdouble("1e4000")])
def test_non_finite_numbers_are_refused(number: object) -> None:
    with pytest.raises(da.ValidationError, match=r"^Reading\.value must be finite"):
        da.Reading(PEOPLE, number, as_of=DAY, jurisdiction=KH)


def test_numpy_values_are_written_as_plain_numbers() -> None:
    reading = da.Reading(PEOPLE, np.float64(546234.0), as_of=DAY, jurisdiction=KH)
    for number_format in ("plain", "vi", "international"):
        out = stdio.StringIO()
        io.write_csv(io.Dataset(readings=[reading]), out,
                     number_format=number_format)
        assert "np." not in out.getvalue()
        again = io.read_csv(stdio.StringIO(out.getvalue()), number_format=number_format)
        assert again.readings == (reading,)
    assert da.audit([reading]) == []


@pytest.mark.parametrize("confidence", [np.float32(0.9), Decimal("0.9"), Fraction(9, 10)])
def test_analysis_arguments_follow_the_same_rule(confidence: Any) -> None:
    series = da.Series([da.Reading(PEOPLE, 500_000, as_of=dt.date(2023, 6, 25), jurisdiction=KH),
                        da.Reading(PEOPLE, 546_234, as_of=DAY, jurisdiction=KH)])
    assert da.trend(series, confidence=confidence).confidence == pytest.approx(0.9)


# --------------------------------------------------------------------------
# Printed precision
# --------------------------------------------------------------------------


def test_98_90_is_audited_at_two_decimals() -> None:
    # "98,90 %" against 802,068 / 810,585 = 98.949...: wrong at two decimals, and
    # right at one, which is all repr(98.9) shows.
    reading = io.read_csv(stdio.StringIO(
        "indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
        "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,value,as_of,numerator,"
        "denominator\n"
        's,Share,Tỷ lệ,percent,56,Khanh Hoa,Khánh Hòa,province,VN,"98,90",2023-07-01,'
        "802.068,810.585\n"), number_format="vi").readings[0]
    assert reading.decimals == 2
    (finding,) = da.audit([reading])
    assert finding.kind is da.FindingKind.MISMATCH
    assert "reported 98.90 %" in finding.message
    assert "at 2 decimals" in finding.message


def test_decimals_come_from_a_decimal_and_are_kept_by_every_writer() -> None:
    reading = da.Reading(SHARE, Decimal("98.90"), as_of=DAY, jurisdiction=KH)
    assert (reading.value, reading.decimals, reading.printed_value) == (98.9, 2, Decimal("98.90"))
    data = io.Dataset(readings=[reading])
    assert io.loads(io.dumps(data)).readings == (reading,)
    for number_format in ("plain", "vi", "international"):
        out = stdio.StringIO()
        io.write_csv(data, out, number_format=number_format)
        again = io.read_csv(stdio.StringIO(out.getvalue()), number_format=number_format)
        assert again.readings == (reading,)


def test_json_text_keeps_its_decimals() -> None:
    doc = ('{"jurisdictions": [{"code": "56", "name": "K", "name_vi": "K", "level": "province",'
           ' "parent": "VN"}],'
           ' "indicators": [{"code": "s", "name": "s", "name_vi": "s", "unit": "percent"}],'
           ' "readings": [{"indicator": "s", "jurisdiction": "56", "value": 98.90,'
           ' "as_of": "2023-07-01"}]}')
    assert io.loads(doc).readings[0].decimals == 2


def test_decimals_say_more_than_the_value_or_nothing() -> None:
    assert da.Reading(SHARE, 98.9, as_of=DAY, jurisdiction=KH, decimals=1).decimals is None
    assert da.Reading(SHARE, 98.9, as_of=DAY, jurisdiction=KH, decimals=1) == da.Reading(
        SHARE, 98.9, as_of=DAY, jurisdiction=KH)
    with pytest.raises(da.ValidationError, match=r"Reading\.decimals must be at least 2"):
        da.Reading(SHARE, 98.94, as_of=DAY, jurisdiction=KH, decimals=1)
    with pytest.raises(da.ValidationError, match=r"Reading\.decimals must be an int"):
        da.Reading(SHARE, 98.94, as_of=DAY, jurisdiction=KH, decimals=2.0)  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match=r"Reading\.decimals must be between"):
        da.Reading(SHARE, 98.94, as_of=DAY, jurisdiction=KH, decimals=rules.MAX_DECIMALS + 1)


def test_from_quantity() -> None:
    reading = da.Reading.from_quantity(parse_quantity("gần 98,90 %"), indicator=SHARE,
                                       as_of=DAY, jurisdiction=KH, note="x")
    assert (reading.value, reading.qualifier, reading.decimals, reading.note) == (
        98.9, da.Qualifier.NEARLY, 2, "x")
    people = da.Reading.from_quantity(parse_quantity("546.234 người"), indicator=PEOPLE,
                                      as_of=DAY, jurisdiction=KH)
    assert type(people.value) is int
    with pytest.raises(da.ValidationError, match="must be in the indicator's unit 'percent'"):
        da.Reading.from_quantity(parse_quantity("546.234 người"), indicator=SHARE, as_of=DAY,
                                 jurisdiction=KH)
    with pytest.raises(da.ValidationError, match=r"Reading\.from_quantity\.quantity"):
        da.Reading.from_quantity(98.9,  # type: ignore[arg-type]
                                 indicator=SHARE, as_of=DAY, jurisdiction=KH)


# --------------------------------------------------------------------------
# Targets: of the series' jurisdiction, in the indicator's unit
# --------------------------------------------------------------------------

TUY_HOA = da.Jurisdiction("56-tuy-hoa", "Tuy Hoa", "Tuy Hòa", level="district", parent="56")
SERIES = da.Series([da.Reading(PEOPLE, 500_000, as_of=dt.date(2023, 6, 25), jurisdiction=KH),
                    da.Reading(PEOPLE, 546_234, as_of=DAY, jurisdiction=KH)])


def test_a_target_of_another_jurisdiction_is_refused() -> None:
    elsewhere = da.Target(PEOPLE, 756_805, jurisdiction=TUY_HOA, deadline=dt.date(2023, 7, 30))
    with pytest.raises(da.ValidationError, match=r"forecast\.target must be for jurisdiction"):
        da.forecast(SERIES, elsewhere)
    with pytest.raises(da.ValidationError, match=r"attainment\.target must be for jurisdiction"):
        da.attainment(SERIES.latest, elsewhere)


@pytest.mark.parametrize("target", [-5, 150])
def test_plain_targets_obey_the_unit(target: float) -> None:
    share = da.Series([da.Reading(SHARE, 72.2, as_of=DAY, jurisdiction=KH)])
    with pytest.raises(da.ValidationError, match=r"forecast\.target must be .*percent"):
        da.forecast(share, target)
    with pytest.raises(da.ValidationError, match=r"attainment\.target must be .*percent"):
        da.attainment(share.latest, target)
    with pytest.raises(da.ValidationError, match=r"forecast\.target must be a whole number"):
        da.forecast(SERIES, 756.805)


@pytest.mark.parametrize("function", [da.attainment, da.gap, da.implied_target])
def test_huge_ints_are_refused_not_overflowing(function: Any) -> None:
    with pytest.raises(da.ValidationError, match="must be finite"):
        function(10**400, 5)
    with pytest.raises(da.ValidationError, match="must be finite"):
        da.forecast(SERIES, 10**400)


# --------------------------------------------------------------------------
# JSON: repeated keys, BOM on a stream, version
# --------------------------------------------------------------------------

JSON_DOC = ('{"jurisdictions": [{"code": "56", "name": "K", "name_vi": "K", "level": "province",'
            ' "parent": "VN"}], "indicators": [{"code": "p", "name": "p", "name_vi": "p",'
            ' "unit": "people"}], "readings": [{"indicator": "p", "jurisdiction": "56",'
            ' "value": 546234, "as_of": "2023-07-01"%s}]%s}')


@pytest.mark.parametrize(("extra", "tail", "path"), [
    (', "value": 1', "", "$.readings[0].value"),
    ("", ', "readings": []', "$.readings"),
])
def test_json_repeated_keys_are_refused_with_their_path(extra: str, tail: str,
                                                        path: str) -> None:
    with pytest.raises(da.ParseError, match="given twice") as info:
        io.loads(JSON_DOC % (extra, tail))
    assert info.value.column == path


def test_json_stream_with_a_bom_and_the_version() -> None:
    text = JSON_DOC % ("", "")
    assert io.read_json(stdio.StringIO("\ufeff" + text)).readings[0].value == 546234
    with pytest.raises(da.ParseError, match="unsupported version True"):
        io.loads(text[:-1] + ', "version": true}')
    with pytest.raises(da.ParseError, match="expected a text stream"):
        io.read_json(stdio.BytesIO(text.encode()))  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match=r"read_json\.path"):
        io.read_json(5)  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match=r"dumps\.dataset"):
        io.write_json([], stdio.StringIO())  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match=r"write_json\.path"):
        io.write_json(io.Dataset(), 5)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# The command line reads numbers as files do; duplicates are refused
# --------------------------------------------------------------------------

HEADER = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
          "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
          "value,as_of\n")


def _csv(tmp_path: Any, *rows: tuple[str, str]) -> str:
    path = tmp_path / "series.csv"
    path.write_text(HEADER + "".join(
        f'p,p,p,people,56,K,K,province,VN,"{value}",{day}\n' for day, value in rows),
        encoding="utf-8")
    return str(path)


def test_cli_target_is_read_in_the_number_format(tmp_path: Any,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from de_an06.cli import main

    path = _csv(tmp_path, ("2023-06-25", "500.000"), ("2023-07-01", "546.234"))
    args = ["forecast", path, "--number-format", "vi", "--deadline", "2023-07-30",
            "--format", "json", "--strict"]
    assert main([*args, "--target", "756.805"]) == 0
    assert '"target": 756805' in capsys.readouterr().out
    plain = _csv(tmp_path, ("2023-06-25", "500000"), ("2023-07-01", "546234"))
    assert main(["forecast", plain, "--target", "756.805", "--deadline", "2023-07-30"]) == 2
    assert "must be a whole number" in capsys.readouterr().err
    assert main([*args, "--target", "756,805"]) == 2  # 756.805 people in vi
    assert "must be a whole number" in capsys.readouterr().err
    assert main([*args, "--target", "756_805"]) == 2
    assert "--target: cannot read '756_805'" in capsys.readouterr().err


def test_cli_refuses_two_readings_on_one_date(tmp_path: Any,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from de_an06.cli import main

    path = _csv(tmp_path, ("2023-06-25", "500000"), ("2023-07-01", "546234"),
                ("2023-07-01", "1"))
    args = ["forecast", path, "--target", "756805", "--deadline", "2023-07-30"]
    assert main(args) == 2
    assert "--duplicates last" in capsys.readouterr().err
    assert main([*args, "--duplicates", "last", "--format", "json"]) == 0
    assert '"latest": 1' in capsys.readouterr().out


def test_plot_series_checks_its_target_like_forecast() -> None:
    pytest.importorskip("matplotlib")
    from de_an06.plotting import plot_series

    elsewhere = da.Target(PEOPLE, 756_805, jurisdiction=TUY_HOA)
    with pytest.raises(da.ValidationError, match=r"plot_series\.target must be for jurisdiction"):
        plot_series(SERIES, elsewhere)
    with pytest.raises(da.ValidationError, match=r"plot_series\.target must be a whole number"):
        plot_series(SERIES, 756.805)
