from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import de_an06 as da
from de_an06 import io

BASE: dict[str, Any] = {
    "jurisdictions": [{"code": "56", "name": "Khanh Hoa", "name_vi": "Khánh Hòa",
                       "level": "province", "parent": "VN"}],
    "indicators": [{"code": "eid", "name": "e-ID", "name_vi": "ĐDĐT", "unit": "percent"}],
}


def document(value: object, **extra: object) -> str:
    reading = {"indicator": "eid", "jurisdiction": "56", "value": value, "as_of": "2023-07-01",
               **extra}
    return json.dumps({**BASE, "readings": [reading]})


@pytest.mark.parametrize(("value", "number_format", "expected"), [
    ("72,2", "vi", 72.2),
    ("65,57", "vi", 65.57),
    ("100", "vi", 100),
    ("65.57", "international", 65.57),
    (72.2, "vi", 72.2),  # JSON numbers stay accepted
])
def test_vietnamese_strings(value: object, number_format: Any, expected: float) -> None:
    reading = io.loads(document(value), number_format=number_format).readings[0]
    assert reading.value == expected
    assert type(reading.value) is type(expected)


def test_numerator_and_denominator_too() -> None:
    text = document("72,2", numerator="546.234", denominator="756.805")
    reading = io.loads(text, number_format="vi").readings[0]
    assert (reading.numerator, reading.denominator) == (546234, 756805)


def test_errors_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(da.ParseError, match=r"field '\$.readings\[0\].value': cannot read "
                                            r"'1.5' as a number \(a thousands group"):
        io.loads(document("1.5"), number_format="vi")
    with pytest.raises(da.ParseError, match="cannot read '72,2' as a number"):
        io.loads(document("72,2"))  # strings need number_format
    path = tmp_path / "doc.json"
    path.write_text(document("12..3"), encoding="utf-8")
    data = io.read_json(path, number_format="vi", collect_errors=True)
    assert data.readings == ()
    assert data.errors[0].column == "$.readings[0].value"
    assert io.read_json(_ok(tmp_path), number_format="vi").readings[0].value == 98.94


def _ok(tmp_path: Path) -> Path:
    path = tmp_path / "ok.json"
    path.write_text(document("98,94"), encoding="utf-8")
    return path


def test_bad_number_format() -> None:
    with pytest.raises(da.ValidationError, match="number_format"):
        io.loads(document(1), number_format="plain")  # type: ignore[arg-type]
