"""Fuzzing of the JSON readers (``make fuzz``).

Every reader must either return valid objects or raise the documented
:class:`de_an06.ParseError` naming the file — never another exception (not
``RecursionError`` on deep nesting, not ``OverflowError`` on huge numbers),
never a partial load. ``make test`` runs these with few examples; ``make fuzz``
sets ``DE_AN06_FUZZ_EXAMPLES`` (100,000) for the long run (see ``fuzzing.py``).
"""

from __future__ import annotations

import io as stdio
import json
import operator
from pathlib import Path
from typing import Any

import pytest
from fuzzing import (
    FUZZ,
    JSON_VALUES,
    KINDS,
    STRUCTURED,
    broken_csv_files,
    broken_json_documents,
    check_columns,
    check_csv,
    check_json,
    check_json_file,
    csv_files,
    deep_json,
    encoded,
    json_documents,
)
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io
from de_an06.io.cells import CsvNumberFormat
from de_an06.io.schema import CsvKind
from de_an06.parsing import NumberFormat

pytestmark = pytest.mark.fuzz

# Openings of a CSV file or a JSON document, so random text after them gets
# past the header or the top of the document.
OPENINGS = st.sampled_from([
    "", ",".join(io.READING_COLUMNS) + "\n", ",".join(io.TARGET_COLUMNS) + "\n",
    ",".join(io.TASK_COLUMNS) + "\n", '{"readings": [', '{"indicators": [{"code": ',
    '{"format": "de_an06", "version": 1, "tasks": [{'])
RAW = (st.builds(operator.add, OPENINGS, st.text()) | JSON_VALUES.map(json.dumps)
       | st.binary(max_size=300))


@FUZZ
@given(RAW)
def test_readers_on_any_input(fuzz_dir: Path, raw: str | bytes) -> None:
    """Random text, JSON values or bytes, each to every reader, as text and as a file.

    ``io.loads``, ``io.read_json``, ``io.read_csv`` (each ``kind`` and
    auto-detected) and ``io.read_csv_columns`` each read every example: one
    test, so Hypothesis' own cost per example is paid once (100,000 examples
    in ``make fuzz``).
    """
    text = raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")
    data = raw.encode("utf-8", errors="surrogatepass") if isinstance(raw, str) else raw
    path = fuzz_dir / "any.csv"
    path.write_bytes(data)
    check_json(text)
    check_json_file(path)
    for kind in (None, *KINDS):
        check_csv(text, kind=kind)
        check_csv(path, kind=kind)
    check_columns(text)
    check_columns(path)


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


def check_descriptions(text: str, number_format: CsvNumberFormat) -> None:
    """Each indicator's unit and direction from read_csv_columns are read_csv's."""
    try:
        full = io.read_csv(stdio.StringIO(text), kind="readings", number_format=number_format)
    except da.ParseError:
        return
    columns = io.read_csv_columns(stdio.StringIO(text), number_format=number_format)
    indicators = {r.indicator.code: r.indicator for r in full.readings}
    assert columns.units == tuple(indicators[c].unit for c in columns.indicator_codes)
    assert columns.directions == tuple(indicators[c].direction
                                       for c in columns.indicator_codes)


@STRUCTURED
@given(csv_files() | broken_csv_files())
def test_columns_describe_indicators_as_read_csv_does(
        file: tuple[str, CsvKind, CsvNumberFormat]) -> None:
    """Valid files, and files with one cell replaced (a unit or a direction, say)."""
    text, kind, number_format = file
    if kind == "readings":
        check_descriptions(text, number_format)
