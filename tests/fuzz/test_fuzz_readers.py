"""Fuzzing of the JSON readers (``make fuzz``).

Every reader must either return valid objects or raise the documented
:class:`de_an06.ParseError` naming the file — never another exception (not
``RecursionError`` on deep nesting, not ``OverflowError`` on huge numbers),
never a partial load. ``make test`` runs these with few examples; ``make fuzz``
sets ``DE_AN06_FUZZ_EXAMPLES`` (100,000) for the long run (see ``fuzzing.py``).
"""

from __future__ import annotations

import json
import operator
from pathlib import Path
from typing import Any

import pytest
from fuzzing import (
    FUZZ,
    JSON_VALUES,
    STRUCTURED,
    broken_json_documents,
    check_json,
    check_json_file,
    deep_json,
    encoded,
    json_documents,
)
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io
from de_an06.parsing import NumberFormat

pytestmark = pytest.mark.fuzz

# Openings of a document, so random text after them reaches the element reader.
OPENINGS = st.sampled_from(["", '{"readings": [', '{"indicators": [{"code": ',
                            '{"format": "de_an06", "version": 1, "tasks": [{'])


@FUZZ
@given(st.builds(operator.add, OPENINGS, st.text()))
def test_json_reader_on_any_text(text: str) -> None:
    check_json(text)


@FUZZ
@given(JSON_VALUES)
def test_json_reader_on_any_json(value: object) -> None:
    check_json(json.dumps(value))


@STRUCTURED
@given(json_documents())
def test_json_reader_on_valid_documents(document: dict[str, Any]) -> None:
    assert check_json(json.dumps(document)) is not None


@STRUCTURED
@given(broken_json_documents(), st.sampled_from([None, "vi", "international"]))
def test_json_reader_on_documents_with_one_broken_field(
        text: str, number_format: NumberFormat | None) -> None:
    """One field replaced by any JSON value, a huge number or NaN/Infinity."""
    check_json(text, number_format=number_format)


@STRUCTURED
@given(json_documents(), st.data())
def test_json_reader_on_truncated_documents(document: dict[str, Any],
                                            data: st.DataObject) -> None:
    text = json.dumps(document)
    cut = data.draw(st.integers(0, len(text) - 1))
    with pytest.raises(da.ParseError):
        io.loads(text[:cut])


@STRUCTURED
@given(json_documents(), st.data())
def test_json_file_reader_on_encoded_cut_and_odd_files(
        fuzz_dir: Path, document: dict[str, Any], data: st.DataObject) -> None:
    """Another encoding, a BOM, CRLF line ends, a NUL byte, the file cut short."""
    path = fuzz_dir / "odd.json"
    path.write_bytes(data.draw(encoded(io.dumps(io.loads(json.dumps(document))))))
    check_json_file(path)


@STRUCTURED
@given(deep_json())
def test_json_reader_on_deep_nesting(text: str) -> None:
    """Up to 100,000 nested brackets: a ParseError naming the file, never RecursionError."""
    check_json(text, file="deep.json")
