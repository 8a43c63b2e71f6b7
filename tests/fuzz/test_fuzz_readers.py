"""Fuzzing of the file readers and the command line (``make fuzz``).

Every reader must either return valid objects or raise the documented
:class:`de_an06.ParseError` naming the file — never another exception, never
a partial load. ``make test`` runs these with few examples; ``make fuzz`` sets
``DE_AN06_FUZZ_EXAMPLES`` (100,000 by default) for the long run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import io
from de_an06 import strategies as das
from de_an06.cli import main

pytestmark = pytest.mark.fuzz

FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck))
# Generating whole valid documents costs ~100x a random string, so the
# structured tests run a twentieth of the examples (5,000 in `make fuzz`).
STRUCTURED = settings(FUZZ, max_examples=max(100, settings().max_examples // 20))

JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)

SECTIONS = ["sources", "jurisdictions", "indicators", "readings", "targets", "tasks"]


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    indicator = draw(das.indicators())
    place = draw(das.jurisdictions())
    readings = draw(st.lists(das.readings(indicators=st.just(indicator),
                                          jurisdictions=st.just(place), sources=st.none()),
                             min_size=1, max_size=4))
    document: dict[str, Any] = json.loads(io.dumps(io.Dataset(readings=readings)))
    return document


@st.composite
def broken_documents(draw: st.DrawFn) -> str:
    """A valid document with one field of one element replaced by a random JSON value."""
    document = draw(valid_documents())
    section = draw(st.sampled_from([s for s in SECTIONS if document.get(s)]))
    element = draw(st.sampled_from(document[section]))
    key = draw(st.sampled_from(sorted(element)) | st.text(max_size=8))
    element[key] = draw(JSON_VALUES)
    return json.dumps(document)


def check_total(text: str) -> None:
    try:
        data = io.loads(text, file="fuzz.json")
    except da.ParseError as error:
        assert error.file == "fuzz.json"  # noqa: PT017 - success is allowed too
        return
    # A successful load is whole: every reading is a valid domain object and
    # writing it back gives a document that reads to the same readings.
    assert all(isinstance(r, da.Reading) for r in data.readings)
    assert io.loads(io.dumps(data)).readings == data.readings


@FUZZ
@given(st.text())
def test_json_reader_on_any_text(text: str) -> None:
    check_total(text)


@FUZZ
@given(JSON_VALUES)
def test_json_reader_on_any_json(value: object) -> None:
    check_total(json.dumps(value))


@STRUCTURED
@given(broken_documents())
def test_json_reader_on_documents_with_one_broken_field(text: str) -> None:
    check_total(text)


@STRUCTURED
@given(valid_documents(), st.data())
def test_json_reader_on_truncated_documents(document: dict[str, Any],
                                            data: st.DataObject) -> None:
    text = json.dumps(document)
    cut = data.draw(st.integers(0, len(text) - 1))
    with pytest.raises(da.ParseError):
        io.loads(text[:cut])


@FUZZ
@given(st.binary(max_size=200))
def test_json_file_reader_on_any_bytes(tmp_path_factory: pytest.TempPathFactory,
                                       raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "any.json"
    path.write_bytes(raw)
    try:
        io.read_json(path)
    except da.ParseError as error:
        assert error.file == str(path)  # noqa: PT017 - success is allowed too


@STRUCTURED
@given(broken_documents())
def test_cli_audit_never_crashes(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path: Path = tmp_path_factory.mktemp("cli") / "doc.json"
    path.write_text(text, encoding="utf-8")
    assert main(["audit", str(path)]) in {0, 1, 2}
