"""The command line as a new user meets it: help, hints, their own files, plain numbers."""

from __future__ import annotations

import argparse
import datetime as dt
import io as stdio
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import datasets, io
from de_an06.cli import _render, _report, _risk, build_parser, main
from de_an06.model import Unit

KH = "56"
EID = "eid-collected"


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def target(value: float, deadline: dt.date, indicator: str = EID) -> da.Target:
    return da.Target(datasets.indicator(indicator), value, jurisdiction=datasets.jurisdiction(KH),
                     deadline=deadline)


def user_file(tmp_path: Path, *targets: da.Target, name: str = "kh.json") -> Path:
    """Khánh Hòa's e-ID readings and `targets`, as a user's JSON document."""
    readings = [r for r in datasets.readings(jurisdiction=KH) if r.indicator.code == EID]
    path = tmp_path / name
    io.write_json(io.Dataset(readings=readings, targets=targets), path)
    return path


# --------------------------------------------------------------------------
# Help and hints
# --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["report", "audit", "forecast"])
def test_every_option_has_help_text(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    parser = subcommands()[command]
    for action in parser._actions:
        assert action.help, (command, action.option_strings or action.dest)
    assert run(capsys, command, "--help")[0] == 0


def test_format_target_and_deadline_say_what_they_take(
        capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "forecast", "--help")
    text = " ".join(out.split())
    assert "--format {text,json,markdown} text for a terminal (the default)" in text
    assert "--target N the value to reach" in text
    assert "--deadline DATE the day the target is due" in text


@pytest.mark.parametrize(("argv", "hint"), [
    (["report", "--json"], "did you mean --format json?"),
    (["report", "--markdown"], "did you mean --format markdown?"),
    (["audit", "--json=yes"], "did you mean --format json?"),
    (["forecast", "f.json", "--json"], "did you mean --format json?"),
    (["report", "--provnce", "56"], "did you mean --province?"),
    (["forecast", "f.json", "--dedline", "2025-12-31"], "did you mean --deadline?"),
])
def test_an_unknown_option_gets_a_hint(argv: list[str], hint: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert f"({hint})" in err
    assert err.startswith(f"usage: de-an06 {argv[0]}")


@pytest.mark.parametrize("argv", [["report", "--zzz"], ["--json"], ["report", "stray", "x"]])
def test_an_option_nothing_is_close_to_gets_no_guess(argv: list[str],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "unrecognized arguments" in err
    assert "did you mean" not in err


# --------------------------------------------------------------------------
# --province
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "said"), [
    ("Sai Gon", "did you mean Thành phố Hồ Chí Minh (79)?"),
    ("Ho Chi Minh", "did you mean Thành phố Hồ Chí Minh (79)?"),
    ("Khanh Hao", "did you mean Khánh Hòa (56)"),
])
def test_province_suggests_close_names(key: str, said: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "report", "--province", key)
    assert (code, out) == (2, "")
    assert said in err
    assert err.count("\n") == 1


def test_province_says_where_a_name_went_in_2025() -> None:
    with pytest.raises(KeyError, match=r"Phú Yên \(54\) was a province until 2025-06-30, "
                                       r"then part of Đắk Lắk \(66\)"):
        datasets.province("phu yen", as_of=datasets.REORGANISED)
    with pytest.raises(KeyError, match=r"Huế \(46\) is a province from 2025-07-01"):
        datasets.province("Hue", as_of=dt.date(2024, 1, 1))
    with pytest.raises(KeyError, match=r"\(63 provinces then\)$"):
        datasets.province("Atlantis", as_of=dt.date(2024, 1, 1))


@given(st.sampled_from([p for p in datasets.provinces(as_of=datasets.REORGANISED)
                        if len(p.name_vi) >= 6]), st.integers(0, 20), st.sampled_from("xz"))
def test_a_typo_in_a_province_name_suggests_it(province: da.Jurisdiction, at: int,
                                               letter: str) -> None:
    """One wrong letter in a name of six or more: the province is among the suggestions."""
    name = province.name_vi
    at = at % len(name)
    typo = name[:at] + letter + name[at + 1:]
    try:
        found = datasets.province(typo, as_of=datasets.REORGANISED)
    except KeyError as error:
        message = str(error)
    else:
        assert found == province  # the letter replaced one the fold drops
        return
    assert f"{province.name_vi} ({province.code})" in message


# --------------------------------------------------------------------------
# A user's files naming bundled indicators
# --------------------------------------------------------------------------


KH_PROVINCE = {"code": KH, "name": "Khanh Hoa", "name_vi": "Khánh Hòa", "level": "province",
               "parent": "VN"}


def document(*readings: dict[str, object], indicators: tuple[dict[str, str], ...] = ()) -> str:
    return json.dumps({"jurisdictions": [KH_PROVINCE], "indicators": list(indicators),
                       "readings": list(readings)}, ensure_ascii=False)


def reading(value: int, day: str, indicator: str = EID) -> dict[str, object]:
    return {"indicator": indicator, "jurisdiction": KH, "value": value, "as_of": day}


def test_a_json_file_may_name_a_bundled_indicator(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.json"
    path.write_text(document(reading(546_234, "2023-07-01"), reading(600_000, "2023-08-01")),
                    encoding="utf-8")
    code, out, err = run(capsys, "forecast", str(path), "--target", "756805",
                         "--deadline", "2023-12-31")
    assert code == 0, err
    assert "e-ID account applications collected — Khánh Hòa" in out
    code, out, err = run(capsys, "audit", str(path))
    assert code == 0, err


def test_without_known_the_error_names_a_field_not_a_column() -> None:
    with pytest.raises(da.ParseError) as caught:
        io.loads(document(reading(1, "2023-07-01")), file="mine.json")
    assert str(caught.value) == ("mine.json: field '$.readings[0].indicator': unknown "
                                 "indicator code 'eid-collected'")
    assert caught.value.column == "$.readings[0].indicator"


def test_an_indicator_the_document_lists_wins_over_a_known_one() -> None:
    own = {"code": EID, "name": "Mine", "name_vi": "Của tôi", "unit": "count"}
    data = io.loads(document(reading(1, "2023-07-01"), indicators=(own,)),
                    known=datasets.indicators())
    assert data.readings[0].indicator.name == "Mine"


@pytest.mark.parametrize(("known", "message"), [
    (5, "must be an iterable of Indicator, Jurisdiction or Source objects"),
    ("eid-collected", "must be an iterable"),
    ([1], "must hold only Indicator, Jurisdiction or Source objects, not int"),
    ([datasets.indicator(EID), da.Indicator(EID, "Other", "Khác", unit="count")],
     "must not hold two different objects with one code"),
])
def test_known_is_checked(known: object, message: str) -> None:
    with pytest.raises(da.ValidationError, match=message):
        io.loads("{}", known=known)  # type: ignore[arg-type]
    with pytest.raises(da.ValidationError, match=message):
        io.read_csv(stdio.StringIO("indicator,jurisdiction,value,as_of\n"),
                    known=known)  # type: ignore[arg-type]


def test_known_may_hold_jurisdictions_and_sources() -> None:
    source = datasets.sources()[0]
    text = json.dumps({"readings": [{**reading(1, "2023-07-01"), "source": source.code}]})
    known = [datasets.indicator(EID), datasets.jurisdiction(KH), source]
    assert io.loads(text, known=known).readings[0].source == source


# --------------------------------------------------------------------------
# A minimal CSV file: each code described once, bundled indicators not at all
# --------------------------------------------------------------------------


MINIMAL = ("indicator,jurisdiction,jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,"
           "jurisdiction_parent,value,as_of\n"
           "eid-collected,56,Khanh Hoa,Khánh Hòa,province,VN,546234,2023-07-01\n"
           "eid-collected,56,,,,,600000,2023-08-01\n"
           "eid-collected-share,56,,,,,80,2023-08-01\n")


def test_a_minimal_csv_names_bundled_indicators_by_code() -> None:
    data = io.read_csv(stdio.StringIO(MINIMAL), known=datasets.indicators())
    assert [r.indicator for r in data.readings] == [datasets.indicator(EID)] * 2 + [
        datasets.indicator("eid-collected-share")]
    assert len({id(r.jurisdiction) for r in data.readings}) == 1
    assert data.readings[2].jurisdiction.name_vi == "Khánh Hòa"


def test_a_code_is_described_on_its_first_row() -> None:
    described = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
                 "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
                 "value,as_of\n"
                 "mine,Mine,Của tôi,people,56,Khanh Hoa,Khánh Hòa,province,VN,5,2023-07-01\n"
                 "mine,,,,56,,,,,7,2023-08-01\n")
    data = io.read_csv(stdio.StringIO(described))
    assert data.readings[0].indicator == data.readings[1].indicator
    first_row_bare = described.replace("Mine,Của tôi,people", ",,", 1)
    with pytest.raises(da.ParseError, match=r":2: column 'indicator': indicator 'mine' is not "
                                            r"described: give its indicator_name, "
                                            r"indicator_name_vi, indicator_unit on its first "
                                            r"row"):
        io.read_csv(stdio.StringIO(first_row_bare))


def test_a_row_describing_a_code_again_must_agree() -> None:
    text = MINIMAL.replace("56,,,,,600000", "56,Khanh Hoa,Khánh Hòa,commune,VN,600000")
    with pytest.raises(da.ParseError, match=r":3: column 'jurisdiction_level': jurisdiction "
                                            r"'56' is described differently on line 2"):
        io.read_csv(stdio.StringIO(text), known=datasets.indicators())


def test_a_minimal_csv_without_known_names_what_is_missing() -> None:
    with pytest.raises(da.ParseError, match=r":2: column 'indicator': indicator "
                                            r"'eid-collected' is not described"):
        io.read_csv(stdio.StringIO(MINIMAL))


def test_read_csv_columns_reads_a_minimal_csv_as_read_csv_does() -> None:
    known = datasets.indicators()
    columns = io.read_csv_columns(stdio.StringIO(MINIMAL), known=known)
    readings = io.read_csv(stdio.StringIO(MINIMAL), known=known).readings
    assert columns.indicator_codes == (EID, "eid-collected-share")
    assert columns.value.tolist() == [546234.0, 600000.0, 80.0]
    assert columns.units == tuple(datasets.indicator(c).unit for c in columns.indicator_codes)
    assert [columns.indicator_codes[i] for i in columns.indicator] == [
        r.indicator.code for r in readings]
    # Without known=, both name what the first row lacks, in the same words.
    errors = []
    for reader in (io.read_csv, io.read_csv_columns):
        with pytest.raises(da.ParseError) as info:
            reader(stdio.StringIO(MINIMAL))
        errors.append((info.value.line, info.value.column, info.value.message))
    assert errors[0] == errors[1]
    assert errors[0][:2] == (2, "indicator")


def test_the_command_reads_a_minimal_csv(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(MINIMAL, encoding="utf-8")
    code, out, err = run(capsys, "forecast", str(path), "--indicator", EID,
                         "--target", "756.805", "--deadline", "31/12/2023",
                         "--number-format", "vi", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["target"], result["deadline"], result["readings"]) == (
        756_805, "2023-12-31", 2)


# --------------------------------------------------------------------------
# forecast FILE: the target the file holds
# --------------------------------------------------------------------------


def test_forecast_takes_the_target_the_file_holds(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = user_file(tmp_path, target(756_805, dt.date(2023, 7, 30)))
    code, out, err = run(capsys, "forecast", str(path), "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["target"], result["deadline"]) == (756_805, "2023-07-30")
    # --target alone takes the file's deadline; --deadline alone picks the target due then.
    code, out, err = run(capsys, "forecast", str(path), "--target", "800000", "--format",
                         "json")
    assert (code, json.loads(out)["deadline"]) == (0, "2023-07-30")
    code, out, err = run(capsys, "forecast", str(path), "--deadline", "2023-07-30")
    assert code == 0, err
    assert "756,805 by 2023-07-30" in out


def test_forecast_without_a_target_to_take(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    none = user_file(tmp_path, da.Target(datasets.indicator(EID), 756_805,
                                         jurisdiction=datasets.jurisdiction(KH)))
    code, _, err = run(capsys, "forecast", str(none))
    assert code == 2
    assert err == (f"de-an06 forecast: error: --target and --deadline required: {none} holds "
                   "no target for eid-collected@56 with a deadline (or use --at-risk N)\n")
    two = user_file(tmp_path, target(756_805, dt.date(2023, 7, 30)),
                    target(900_000, dt.date(2024, 12, 31)), name="two.json")
    code, _, err = run(capsys, "forecast", str(two))
    assert code == 2
    assert ("holds 2 targets for eid-collected@56 (756,805 by 2023-07-30, 900,000 by "
            "2024-12-31); choose one with --deadline") in err
    code, out, err = run(capsys, "forecast", str(two), "--deadline", "2024-12-31")
    assert code == 0, err
    assert "900,000 by 2024-12-31" in out
    code, _, err = run(capsys, "forecast", str(two), "--deadline", "2025-01-01")
    assert code == 2
    assert "--target required: " in err
    assert "with a deadline due 2025-01-01" in err


@pytest.mark.parametrize(("options", "message"), [
    (["--target", "756.805", "--deadline", "2023-07-30"],
     "--target: Target.value must be a whole number for unit 'people' (got 756.805)"),
    (["--target", "-5", "--deadline", "2023-07-30"], "--target: Target.value must be >= 0"),
    (["--target", "1e3x", "--deadline", "2023-07-30"],
     "--target: cannot read '1e3x' as a number (--number-format plain)"),
    (["--target=--", "--deadline", "2023-07-30"], "--target: cannot read"),
    (["--target", "756805", "--deadline", "30/07/2023"],
     ("--deadline: cannot read '30/07/2023' as a date (expected YYYY-MM-DD) "
      "(--number-format plain)")),
    (["--target", "756805", "--deadline="], "--deadline must not be empty"),
    (["--target", "756805", "--deadline", "2020-01-01"],
     "--deadline: Target.deadline must not precede the programme start"),
    (["--target", "756805", "--deadline", "2023-06-30"],
     "--deadline 2023-06-30 must be after the latest reading (2023-07-01)"),
])
def test_forecast_options_are_checked_as_file_cells(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str],
        message: str) -> None:
    code, out, err = run(capsys, "forecast", str(user_file(tmp_path)), *options)
    assert (code, out) == (2, "")
    assert message in err


def test_a_vietnamese_target_is_read_the_vietnamese_way(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "forecast", str(user_file(tmp_path)), "--number-format", "vi",
                       "--target", "756.805", "--deadline", "30/07/2023", "--strict")
    assert code == 0
    assert "target        756,805 by 2023-07-30" in out
    assert "already met" not in out


def test_report_as_of_day_first_with_a_number_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", "--province", KH, "--as-of", "01/07/2023",
                       "--number-format", "vi", "--format", "json")
    assert (code, json.loads(out)["as_of"]) == (0, "2023-07-01")
    code, _, err = run(capsys, "report", "--as-of", "01/07/2023")
    assert code == 2
    assert "--as-of: cannot read '01/07/2023' as a date" in err


# --------------------------------------------------------------------------
# Numbers and units
# --------------------------------------------------------------------------


def test_rates_keep_two_decimals_figures_their_own() -> None:
    assert [_render._rate(v) for v in (4_731.0, 7_261.0714, None)] == ["4,731.00", "7,261.07",
                                                                         "—"]
    assert [_render._num(v) for v in (546_234, 72.2, 98.94)] == ["546,234", "72.2", "98.94"]
    assert _render._gap(80, 72.2) == "7.8"  # not 7.799999999999997
    assert _render._gap(756_805, 546_234) == "210,571"


def test_report_text_prints_paces_alike(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "report")
    paces = re.findall(r"(\S+) a (?:working )?day over", out)
    assert len(paces) >= 4
    # One rule for every pace (_present.pace_text): whole above 1,000, one decimal below.
    assert all(re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+|[0-9]{1,3}\.[0-9]", pace)
               for pace in paces), paces


def test_report_json_counts_are_ints(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "report", "--province", KH, "--format", "json")
    (kh,) = json.loads(out)["provinces"]
    people = [row for row in kh["targets"] if row["unit"] == "people"]
    assert people
    for row in people:
        assert isinstance(row["margin"], int)
        assert isinstance(row["target"], int)
    for row in kh["forecasts"]:
        assert isinstance(row["gap"], int)


@given(st.sampled_from(list(Unit)), st.floats(-1e15, 1e15) | st.integers(-10**15, 10**15))
def test_amount_is_an_int_exactly_for_whole_counts(unit: Unit, value: float) -> None:
    out = _report.amount(value, unit)
    assert out == value
    whole_count = unit in da.model.rules.WHOLE_UNITS and float(value).is_integer()
    assert isinstance(out, int) == (whole_count or isinstance(value, int))


def test_at_risk_json_has_whole_figures_as_ints() -> None:
    data = _risk.at_risk_data(str(datasets.example_file()), 3)
    row = data["at_risk"][0]
    assert all(isinstance(row[key], int) for key in ("latest", "target", "days_late"))
    assert isinstance(row["required_pace"], float)
    text = _risk.at_risk_text(data)
    assert "9.5" in text
    assert _risk._cells({**row, "required_pace": 9.0, "latest": 990.5})[-2:-1] == ["9.0"]
    assert _risk._cells({**row, "latest": 990.5})[2] == "990.5"


@pytest.mark.parametrize("code", ["news-items", "outreach-participants", "loudspeaker-runs"])
def test_outreach_counts_are_not_uses(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    indicator = datasets.indicator(code)
    assert indicator.unit is Unit.COUNT
    _, out, _ = run(capsys, "report", "--province", "54")
    (line,) = [line for line in out.splitlines() if indicator.name in line]
    assert not line.endswith("uses")


def test_forecast_hints_at_risk_only_without_target_options(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Mã xã,Ngày,Giá trị\n1,2024-01-01,5\n", encoding="utf-8")
    code, _, err = run(capsys, "forecast", str(sheet))
    assert code == 2
    assert err.endswith("cannot tell whether this file holds readings, targets or tasks "
                        "(pass kind=); a spreadsheet of series with target and deadline "
                        "columns is read with --at-risk N\n")
    code, _, err = run(capsys, "forecast", str(sheet), "--target", "5")
    assert code == 2
    assert "--at-risk" not in err
