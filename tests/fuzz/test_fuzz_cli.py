"""Fuzzing of the command line on users' files (``make fuzz``).

``de-an06 audit FILE`` and ``de-an06 forecast FILE`` read a JSON document or a
CSV file; whatever the file holds, they exit 0, 1 or 2, and an input error is
one line on standard error naming the file, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from fuzzing import (
    COMMAND_LINE,
    broken_csv_files,
    broken_json_documents,
    check_cli,
    csv_files,
    deep_json,
    encoded,
    json_documents,
)
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import datasets as bundled
from de_an06 import io
from de_an06.cli import _report
from de_an06.io.schema import CsvKind

pytestmark = pytest.mark.fuzz

SUFFIXES = st.sampled_from([".json", ".csv"])


@pytest.fixture(scope="module", autouse=True)
def _warm_calendar() -> None:
    """Load Vietnam's holidays before the first example, so it counts against no deadline."""
    _report.working_calendar()


@st.composite
def commands(draw: st.DrawFn, path: Path) -> list[str]:
    """``audit`` or ``forecast`` of `path`, with options drawn."""
    if draw(st.booleans()):
        argv = ["audit", str(path)]
    else:
        target = draw(st.floats(0, 1e12) | st.sampled_from([0.0, 100.0, 1e308]))
        deadline = draw(st.dates(dt.date(2022, 1, 1), dt.date(2031, 12, 31)))
        argv = ["forecast", str(path), "--target", repr(target),
                "--deadline", deadline.isoformat()]
        if draw(st.booleans()):
            argv.append("--working-days")
    if draw(st.booleans()):
        argv.append("--strict")
    argv += ["--format", draw(st.sampled_from(["text", "json"]))]
    if path.suffix == ".csv":
        argv += ["--number-format", draw(st.sampled_from(["plain", "vi", "international"]))]
    return argv


def reads(path: Path, argv: list[str]) -> bool:
    """Whether the file reads without error, as the command reads it."""
    known = bundled.indicators()  # the command reads files with the bundled indicators known
    try:
        if path.suffix == ".csv":
            number_format: Any = argv[argv.index("--number-format") + 1]
            io.read_csv(path, number_format=number_format, known=known)
        else:
            io.read_json(path, known=known)
    except da.ParseError:
        return False
    return True


def run(path: Path, data: st.DataObject) -> None:
    argv = data.draw(commands(path))
    check_cli(argv, reads=reads(path, argv))


@COMMAND_LINE
@given(st.binary(max_size=300), SUFFIXES, st.data())
def test_cli_on_any_bytes(fuzz_dir: Path, raw: bytes, suffix: str,
                          data: st.DataObject) -> None:
    path = fuzz_dir / f"any{suffix}"
    path.write_bytes(raw)
    run(path, data)


@COMMAND_LINE
@given(broken_json_documents() | json_documents().map(json.dumps) | deep_json(), st.data())
def test_cli_on_json_documents(fuzz_dir: Path, text: str, data: st.DataObject) -> None:
    """Valid, broken (huge numbers, NaN, wrong types) and deeply nested documents."""
    path = fuzz_dir / "doc.json"
    path.write_text(text, encoding="utf-8")
    run(path, data)


@COMMAND_LINE
@given(broken_csv_files() | broken_csv_files(numbers_only=True), st.data())
def test_cli_on_csv_files(fuzz_dir: Path, file: tuple[str, CsvKind, str],
                          data: st.DataObject) -> None:
    """Readings, targets and tasks files, each with one broken cell or a huge number."""
    path = fuzz_dir / "rows.csv"
    path.write_text(file[0], encoding="utf-8")
    run(path, data)


@COMMAND_LINE
@given(SUFFIXES, st.data())
def test_cli_on_encoded_cut_and_odd_files(fuzz_dir: Path, suffix: str,
                                          data: st.DataObject) -> None:
    """A valid file in another encoding, with a BOM, CRLF, a NUL byte or cut short."""
    if suffix == ".csv":
        text = data.draw(csv_files())[0]
    else:
        text = json.dumps(data.draw(json_documents()), ensure_ascii=False)
    path = fuzz_dir / f"odd{suffix}"
    path.write_bytes(data.draw(encoded(text)))
    run(path, data)
