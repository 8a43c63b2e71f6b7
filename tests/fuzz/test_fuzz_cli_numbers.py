"""The command line reads a number or a date as a file reads the same text.

``--target``, ``--deadline`` (``de-an06 forecast``) and ``--as-of``
(``de-an06 report``) are cells typed on the command line: whatever the text
and the ``--number-format``, the command takes the value a file cell with
that text gives, or stops with exit code 2 naming the option when that cell
is refused (the whole-number rule of counts and the percent scale included).
Options are given as ``--target=TEXT``, as text starting with a dash must be.
A few examples in ``make test``, many in ``make fuzz``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import json
from pathlib import Path

import pytest
from fuzzing import COMMAND_LINE, HUGE_NUMBERS, run_cli
from hypothesis import example, given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import datasets, io
from de_an06._present import MARKS, decimal_text

pytestmark = pytest.mark.fuzz

FORMATS = st.sampled_from(["plain", "vi", "international"])
KHANH_HOA = "56"
# A count (people: whole numbers only) and a percent (at most 100).
SERIES = ("eid-collected", "eid-collected-share")
JURISDICTION_COLUMNS = ("jurisdiction", "jurisdiction_name", "jurisdiction_name_vi",
                        "jurisdiction_level", "jurisdiction_parent")


@st.composite
def number_texts(draw: st.DrawFn, number_format: str) -> str:
    """A number as a file in `number_format` writes it, or text close to one."""
    kind = draw(st.sampled_from(["printed", "grouped", "near", "huge"]))
    if kind == "printed":
        value = draw(st.decimals(allow_nan=False, allow_infinity=False, places=3,
                                 min_value=-10**7, max_value=10**9))
        places = draw(st.integers(0, 3))
        text = decimal_text(value, decimals=places,
                            number_format="vi" if number_format == "vi" else "international")
        return text.replace(",", "") if number_format == "plain" else text
    if kind == "grouped":
        group, mark = MARKS["vi" if number_format == "vi" else "international"]
        whole = draw(st.integers(0, 10**9))
        text = f"{whole:,}".replace(",", group)
        return text + (mark + draw(st.from_regex(r"[0-9]{1,3}", fullmatch=True))
                       if draw(st.booleans()) else "")
    if kind == "near":
        return draw(st.text(alphabet="0123456789.,-+eE %≈", max_size=12))
    return draw(st.sampled_from(HUGE_NUMBERS))


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    """A date as files write it (ISO or day-first), or text close to one."""
    day = draw(st.dates(dt.date(2021, 1, 1), dt.date(2032, 12, 31)))
    kind = draw(st.sampled_from(["iso", "day-first", "near"]))
    if kind == "iso":
        return day.isoformat()
    if kind == "day-first":
        separator = draw(st.sampled_from(["/", "-", "."]))
        return separator.join((f"{day.day:02d}", f"{day.month:02d}", str(day.year)))
    return draw(st.text(alphabet="0123456789/-. T", max_size=12))


@pytest.fixture(scope="module")
def series_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Khánh Hòa's bundled readings of a count and a percent, as a user's JSON file."""
    readings = [r for r in datasets.readings(jurisdiction=KHANH_HOA) if r.indicator.code in SERIES]
    path = tmp_path_factory.mktemp("cli-numbers") / "kh.json"
    io.write_json(io.Dataset(readings=readings), path)
    return path


def cell(column: str, text: str, number_format: str, indicator: str,
         kind: str = "targets") -> object:
    """The `column` of the one row of a `kind` CSV file holding `text` there, or None if refused.

    The other cells are valid; the file is read as the command reads files
    (the bundled indicators known).
    """
    place = datasets.jurisdiction(KHANH_HOA)
    own = {"targets": {"value": "1", "deadline": "2031-12-31"},
           "readings": {"value": "1", "as_of": "2023-07-01"}}[kind]
    own[column] = text
    buffer = stdio.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["indicator", *JURISDICTION_COLUMNS, *own])
    writer.writerow([indicator, place.code, place.name, place.name_vi, place.level.value,
                     place.parent, *own.values()])
    try:
        data = io.read_csv(stdio.StringIO(buffer.getvalue()), kind=kind,  # type: ignore[arg-type]
                           number_format=number_format,  # type: ignore[arg-type]
                           known=datasets.indicators())
    except da.ParseError:
        return None
    record = (data.targets or data.readings)[0]
    return getattr(record, column)


@COMMAND_LINE
@given(st.data(), FORMATS, st.sampled_from(SERIES))
@example(None, "vi", "eid-collected").via("--target 756.805 read the Vietnamese way")
def test_target_reads_as_a_file_cell(series_file: Path, data: st.DataObject | None,
                                     number_format: str, indicator: str) -> None:
    text = "756.805" if data is None else data.draw(number_texts(number_format))
    expected = cell("value", text, number_format, indicator)
    code, out, err = run_cli(["forecast", str(series_file), "--indicator", indicator,
                              f"--target={text}", "--deadline", "2031-12-31",
                              "--number-format", number_format, "--format", "json"])
    if expected is None:
        assert code == 2, out
        assert err.startswith("de-an06 forecast: error: --target"), err
    else:
        assert code == 0, err
        target = json.loads(out)["target"]
        assert target == expected
        # A count is whole, so printed as an int (as its readings are); a percent as read.
        assert type(target) is (int if indicator == "eid-collected" else type(expected))


@COMMAND_LINE
@given(date_texts(), FORMATS)
def test_deadline_reads_as_a_file_cell(series_file: Path, text: str,
                                       number_format: str) -> None:
    expected = cell("deadline", text, number_format, "eid-collected")
    code, out, err = run_cli(["forecast", str(series_file), "--indicator", "eid-collected",
                              "--target", "999999", f"--deadline={text}",
                              "--number-format", number_format, "--format", "json"])
    if expected is None:
        assert code == 2, out
        assert err.startswith("de-an06 forecast: error: --deadline"), err
    elif isinstance(expected, dt.date) and expected <= dt.date(2023, 7, 1):
        assert code == 2, out
        assert "must be after the latest reading" in err
    else:
        assert code == 0, err
        assert json.loads(out)["deadline"] == expected.isoformat()  # type: ignore[attr-defined]


@COMMAND_LINE
@given(date_texts(), FORMATS)
def test_as_of_reads_as_a_file_cell(text: str, number_format: str) -> None:
    expected = cell("as_of", text, number_format, "eid-collected", kind="readings")
    code, out, err = run_cli(["report", "--province", KHANH_HOA, f"--as-of={text}",
                              "--number-format", number_format, "--format", "json"])
    if expected is None:
        assert code == 2, out
        assert err.startswith("de-an06 report: error: --as-of"), err
    else:
        assert code == 0, err
        assert json.loads(out)["as_of"] == expected.isoformat()  # type: ignore[attr-defined]
