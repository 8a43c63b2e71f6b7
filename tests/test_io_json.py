from __future__ import annotations

import datetime as dt
import io as stdio
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io
from de_an06 import strategies as das


def datasets() -> st.SearchStrategy[io.Dataset]:
    return das.datasets(max_readings=5)


@given(datasets())
def test_round_trip_is_lossless(data: io.Dataset) -> None:
    again = io.loads(io.dumps(data))
    assert again.readings == data.readings
    assert again.targets == data.targets
    assert again.tasks == data.tasks
    # Written once more, the document is identical: the format is canonical.
    assert io.dumps(again) == io.dumps(data)


@given(das.programmes())
def test_programme_round_trip(programme: da.Programme) -> None:
    data = json.loads(json.dumps(io.programme_to_dict(programme)))
    assert io.programme_from_dict(data) == programme


def test_file_round_trip(tmp_path: Path, reading: da.Reading) -> None:
    path = tmp_path / "readings.json"
    io.write_json(io.Dataset(readings=[reading]), path)
    assert io.read_json(path).readings == (reading,)
    assert io.read_json(str(path)).readings == (reading,)
    buffer = stdio.StringIO()
    io.write_json(io.Dataset(readings=[reading]), buffer)
    buffer.seek(0)
    assert io.read_json(buffer).readings == (reading,)
    text = path.read_text(encoding="utf-8")
    assert "Khánh Hòa" in text  # written as UTF-8, not \\u escapes


def test_bom_is_accepted(tmp_path: Path, reading: da.Reading) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + io.dumps(io.Dataset(readings=[reading])).encode())
    assert io.read_json(path).readings == (reading,)


def document(**sections: object) -> str:
    base: dict[str, object] = {
        "jurisdictions": [{"code": "56", "name": "Khanh Hoa", "name_vi": "Khánh Hòa",
                           "level": "province", "parent": "VN"}],
        "indicators": [{"code": "eid", "name": "e-ID", "name_vi": "ĐDĐT", "unit": "people"}],
    }
    base.update(sections)
    return json.dumps(base)


GOOD = {"indicator": "eid", "jurisdiction": "56", "value": 546234, "as_of": "2023-07-01"}


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        ({"value": "546.234"}, "$.readings[0].value", "as a number"),
        ({"value": True}, "$.readings[0].value", "as a number"),
        ({"value": -5}, "$.readings[0].value", "must be >= 0"),
        ({"as_of": "01/07/2023"}, "$.readings[0].as_of", "YYYY-MM-DD"),
        ({"as_of": "2023-02-31"}, "$.readings[0].as_of", "not a valid date"),
        ({"as_of": 20230701}, "$.readings[0].as_of", "YYYY-MM-DD"),
        ({"qualifier": "roughly"}, "$.readings[0].qualifier", "expected one of"),
        ({"indicator": "nope"}, "$.readings[0].indicator", "unknown indicator code"),
        ({"jurisdiction": 56}, "$.readings[0].jurisdiction", "expected a code"),
        ({"colour": "red"}, "$.readings[0].colour", "unknown field"),
        ({"inferred": "as_of"}, "$.readings[0].inferred", "expected a list"),
        ({"note": 3}, "$.readings[0].note", "expected a string"),
    ],
)
def test_bad_elements_name_path_and_value(change: dict[str, object], column: str,
                                          words: str) -> None:
    text = document(readings=[GOOD, {**GOOD, **change}])
    with pytest.raises(da.ParseError) as info:
        io.loads(text, file="readings.json")
    assert info.value.file == "readings.json"
    assert info.value.column == column.replace("[0]", "[1]")
    assert words in str(info.value)


def test_missing_field() -> None:
    bad = {k: v for k, v in GOOD.items() if k != "as_of"}
    with pytest.raises(da.ParseError, match="missing field 'as_of'"):
        io.loads(document(readings=[bad]))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "invalid JSON"),
        ("[]", "expected a JSON object"),
        ('{"format": "other"}', "not a de_an06 document"),
        ('{"version": 99}', "unsupported version"),
        ('{"colours": []}', "unknown section"),
        ('{"readings": {}}', "expected a list"),
        ('{"readings": [3]}', "expected an object"),
        ("[" * 100_000, "invalid JSON"),
    ],
)
def test_bad_documents(text: str, words: str) -> None:
    with pytest.raises(da.ParseError, match=words):
        io.loads(text)


def test_syntax_error_has_line() -> None:
    with pytest.raises(da.ParseError) as info:
        io.loads('{\n"readings": [\n,]}', file="x.json")
    assert info.value.line == 3
    assert str(info.value).startswith("x.json:3: invalid JSON")


def test_not_text_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(da.ParseError, match="expected JSON text"):
        io.loads(b"{}")  # type: ignore[arg-type]
    path = tmp_path / "latin1.json"
    path.write_bytes('{"x": "Khánh"}'.encode("latin-1"))
    with pytest.raises(da.ParseError, match="not UTF-8"):
        io.read_json(path)
    with pytest.raises(da.ParseError, match="cannot read file"):
        io.read_json(tmp_path / "missing.json")


def test_fails_whole_by_default_and_collects_on_request() -> None:
    text = document(readings=[GOOD, {**GOOD, "value": "x"}, {**GOOD, "as_of": "2023-07-02"}],
                    indicators=[{"code": "eid", "name": "e-ID", "name_vi": "ĐDĐT",
                                 "unit": "people"},
                                {"code": "eid", "name": "again", "name_vi": "x",
                                 "unit": "people"}])
    with pytest.raises(da.ParseError, match="duplicate code"):
        io.loads(text)
    data = io.loads(text, collect_errors=True)
    assert [r.as_of for r in data.readings] == [dt.date(2023, 7, 1), dt.date(2023, 7, 2)]
    assert [e.column for e in data.errors] == ["$.indicators[1].code", "$.readings[1].value"]


def test_ambiguous_codes_refuse_to_write(reading: da.Reading) -> None:
    other = da.Reading(da.Indicator(reading.indicator.code, "Other", "Khác", unit="percent"),
                       50, as_of=reading.as_of, jurisdiction=reading.jurisdiction)
    with pytest.raises(da.ValidationError, match="two different objects with one code"):
        io.dumps(io.Dataset(readings=[reading, other]))


def test_programme_errors_name_path() -> None:
    with pytest.raises(da.ParseError) as info:
        io.programme_from_dict({"code": "p", "name": "P", "name_vi": "P", "decision": "d",
                                "approved": "2022-01-06", "start_year": 2022,
                                "end_year": 2025, "vision_year": 2030,
                                "groups": [{"number": 9, "name": "x", "name_vi": "x"}]})
    assert info.value.column == "$.groups[0].number"


@pytest.mark.parametrize(
    ("section", "record", "column", "words"),
    [
        ("tasks", {"code": "t", "name": "T", "name_vi": "T", "owner": "x", "group": "1"},
         "$.tasks[0].group", "whole number"),
        ("targets", {"indicator": "eid", "jurisdiction": "56", "value": 1, "inferred": "yes"},
         "$.targets[0].inferred", "true/false"),
    ],
)
def test_bad_whole_numbers_and_flags(section: str, record: dict[str, object], column: str,
                                     words: str) -> None:
    with pytest.raises(da.ParseError) as info:
        io.loads(document(**{section: [record]}))
    assert info.value.column == column
    assert words in str(info.value)


def test_null_optional_fields_read_as_none() -> None:
    data = io.loads(document(readings=[{**GOOD, "source": None, "period_start": None}]))
    assert data.readings[0].source is None


# Regressions found by `make fuzz` (tests/fuzz).


def test_integer_beyond_a_float_is_a_parse_error() -> None:
    """10**400 used to escape as OverflowError from the finiteness check."""
    text = document(readings=[GOOD]).replace("546234", "1" + "0" * 400)
    with pytest.raises(da.ParseError, match="must be finite") as info:
        io.loads(text, file="big.json")
    assert info.value.column == "$.readings[0].value"


def test_integer_beyond_int_digit_limit_is_a_parse_error() -> None:
    """5,000 digits used to escape as ValueError from int()'s digit limit."""
    text = document(readings=[GOOD]).replace("546234", "\n" + "9" * 5000)
    with pytest.raises(da.ParseError, match="too many digits") as info:
        io.loads(text, file="big.json")
    assert (info.value.file, info.value.line) == ("big.json", 2)


def test_not_utf8_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"readings": [],\n "tasks": [{"name": "Kh\xe1nh"}]}')
    with pytest.raises(da.ParseError, match=r"not UTF-8 text \(byte 40\)") as info:
        io.read_json(path)
    assert (info.value.file, info.value.line) == (str(path), 2)


def test_type_hints_are_worked_out_once_per_class(monkeypatch: pytest.MonkeyPatch) -> None:
    """loads used to call typing.get_type_hints for every element (most of its time)."""
    import typing

    from de_an06.io import _json

    calls: list[type] = []
    real = typing.get_type_hints

    def counting(kind: type) -> dict[str, object]:
        calls.append(kind)
        return real(kind)

    monkeypatch.setattr(_json, "_LAYOUTS", {})
    monkeypatch.setattr(typing, "get_type_hints", counting)
    readings = [{**GOOD, "as_of": f"2023-07-{day:02d}"} for day in range(1, 29)]
    for _ in range(2):
        assert len(io.loads(document(readings=readings)).readings) == 28
    assert sorted(c.__name__ for c in calls) == ["Indicator", "Jurisdiction", "Reading"]
