"""What the fuzz tests share: settings, hostile inputs and the checks of an outcome.

Every reader has two allowed outcomes: a correct, whole result (every record
of the input, and it writes back to an input that reads the same), or the
documented :class:`de_an06.ParseError` naming the file (and, for a CSV file,
the line). The command line has its exit codes and a one-line message.
"""

from __future__ import annotations

import contextlib
import csv
import io as stdio
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import datasets as bundled
from de_an06 import io
from de_an06 import strategies as das
from de_an06.cli import main
from de_an06.io.cells import CsvNumberFormat
from de_an06.io.schema import CsvKind
from de_an06.parsing import NumberFormat

# The deadline per example comes from the loaded profile (tests/conftest.py):
# none in `make test`, a bound in `make fuzz`. Raw inputs (random text, bytes,
# JSON values) run the profile's examples: 100,000 in `make fuzz`, 100 in
# `make test`. A whole generated document costs ~50x a random string, so those
# tests run a hundredth (1,000 in `make fuzz`, 25 in `make test`), and the
# command line, which builds its parser and prints a report per call, a
# two-hundredth (500, and 10).
FUZZ = settings(suppress_health_check=list(HealthCheck))
STRUCTURED = settings(FUZZ, max_examples=max(25, settings().max_examples // 100))
COMMAND_LINE = settings(FUZZ, max_examples=max(10, settings().max_examples // 200))

KINDS: tuple[CsvKind, ...] = ("readings", "targets", "tasks")
NUMBER_FORMATS: tuple[CsvNumberFormat, ...] = ("plain", "vi", "international")

# Numbers at and beyond the edges of a float, spelled as files spell them.
HUGE_NUMBERS = (
    "1e309", "-1e309", "1e-400", "1.7976931348623157e308", "1.8e308", "4.9e-324",
    "1" + "0" * 400, "1" + "0" * 5000, "0" * 5000 + "1", "9" * 309, "0," + "0" * 400 + "1",
    "999.999.999.999.999.999", "999,999,999,999,999,999", "-0", "-0.0", "0,0", "-0,0",
    "inf", "-inf", "nan", "NaN", "Infinity", "-Infinity", "1_000", "１２３", "١٢٣", "²",
)
# Dates at the edges of what Python and NumPy read.
ODD_DATES = ("0000-01-01", "0001-01-01", "2023-02-29", "2024-02-29", "9999-12-31",
             "10000-01-01", "2023-13-01", "2023-07-01T00:00", "01/07/2023", "1/7/2023")
# The same as JSON tokens (NaN and Infinity are what Python's json writes).
JSON_NUMBER_TOKENS = (
    "1e309", "-1e309", "1e-400", "1.7976931348623157e308", "4.9e-324", "1" + "0" * 400,
    "1" + "0" * 5000, "-" + "9" * 5000, "-0", "-0.0", "NaN", "Infinity", "-Infinity",
)
# Encodings a spreadsheet may save a file in; only UTF-8 (with or without BOM) is read.
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1258",
             "latin-1")

# Text that looks like report figures, so the fuzzer reaches deep into the grammar.
REPORTISH = st.text(alphabet="0123456789.,%/- ngàyáthgầnơukoảđưrêiqýIVlc\u00a0\u2013",
                    max_size=30)
CELLS = (st.text(alphabet=st.characters(exclude_characters="\r\n"), max_size=12)
         | REPORTISH | st.sampled_from(HUGE_NUMBERS + ODD_DATES))

JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    | st.sampled_from(HUGE_NUMBERS),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
SECTIONS = ("sources", "jurisdictions", "indicators", "readings", "targets", "tasks")


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------


@st.composite
def bundled_datasets(draw: st.DrawFn) -> io.Dataset:
    """Parts of the bundled report figures: real codes, Vietnamese names, real values."""
    def some(items: Sequence[Any], most: int) -> list[Any]:
        picked = draw(st.lists(st.integers(0, len(items) - 1), max_size=most, unique=True))
        return [items[i] for i in sorted(picked)]

    return io.Dataset(readings=some(bundled.readings(), 6), targets=some(bundled.targets(), 3),
                      tasks=some(bundled.programme().tasks, 3),
                      claims=some(bundled.claims(), 2))


def datasets() -> st.SearchStrategy[io.Dataset]:
    """Valid datasets holding at least one record.

    Nine in ten are parts of the bundled data, one in ten drawn by the public
    :func:`de_an06.strategies.datasets` (odd codes, names and values): that
    strategy costs ~100 ms an example, most of a structured test's time.
    """
    generated = das.datasets()
    return st.integers(0, 9).flatmap(
        lambda i: generated if i == 0 else bundled_datasets()).filter(
        lambda d: bool(d.readings or d.targets or d.tasks))


def csv_text(data: io.Dataset, kind: CsvKind, number_format: CsvNumberFormat) -> str:
    buffer = stdio.StringIO()
    io.write_csv(data, buffer, kind=kind, number_format=number_format)
    return buffer.getvalue()


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, CsvKind, CsvNumberFormat]:
    """A valid CSV file: its text, kind and number format."""
    kind = draw(st.sampled_from(KINDS))
    number_format = draw(st.sampled_from(NUMBER_FORMATS))
    return csv_text(draw(datasets()), kind, number_format), kind, number_format


@st.composite
def broken_csv_files(draw: st.DrawFn, *, numbers_only: bool = False,
                     ) -> tuple[str, CsvKind, CsvNumberFormat]:
    """A valid CSV file with one cell replaced by text or a huge number.

    Any cell of any row, header included; with `numbers_only`, a number cell
    of a data row replaced by a number beyond a float's edges.
    """
    text, kind, number_format = draw(csv_files())
    rows = list(csv.reader(stdio.StringIO(text, newline="")))
    if not numbers_only:
        row = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(rows[row]) - 1))
        rows[row][column] = draw(CELLS)
    elif len(rows) > 1:
        row = draw(st.integers(1, len(rows) - 1))
        column = rows[0].index(draw(st.sampled_from(
            ["group"] if kind == "tasks" else ["value", "numerator", "denominator"]
            if kind == "readings" else ["value"])))
        rows[row][column] = draw(st.sampled_from(HUGE_NUMBERS))
    buffer = stdio.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue(), kind, number_format


@st.composite
def json_documents(draw: st.DrawFn) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(io.dumps(draw(datasets())))
    return document


@st.composite
def broken_json_documents(draw: st.DrawFn) -> str:
    """A valid document with one field of one element replaced by a JSON value or token."""
    document = draw(json_documents())
    section = draw(st.sampled_from([s for s in SECTIONS if document.get(s)]))
    element = draw(st.sampled_from(document[section]))
    key = draw(st.sampled_from(sorted(element)) | st.text(max_size=8))
    token = draw(st.none() | st.sampled_from(JSON_NUMBER_TOKENS))
    if token is None:
        element[key] = draw(JSON_VALUES)
        return json.dumps(document)
    element[key] = "\x00token"
    return json.dumps(document).replace('"\\u0000token"', token)


@st.composite
def deep_json(draw: st.DrawFn) -> str:
    """JSON nested up to 100,000 levels, closed or not, at the top or in a section."""
    openers = draw(st.lists(st.sampled_from(["[", '{"a":', '{"readings":', '[{"x":']),
                            min_size=1, max_size=3))
    depth = draw(st.integers(1, 3000) | st.sampled_from([10**4, 10**5]))
    closers = {"[": "]", '{"a":': "}", '{"readings":': "}", '[{"x":': "}]"}
    levels = [openers[i % len(openers)] for i in range(depth)]
    text = "".join(levels)
    if draw(st.booleans()):
        text += "0" + "".join(closers[o] for o in reversed(levels))
    if draw(st.booleans()):
        text = '{"readings": ' + text + "}"
    return text


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    """`text` as a file might hold it: another encoding, a BOM, CRLF, a NUL, cut short."""
    encoding = draw(st.sampled_from(ENCODINGS))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + "\x00" + text[at:]
    raw = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        raw = raw[:draw(st.integers(0, len(raw)))]
    return raw


# --------------------------------------------------------------------------
# Outcomes of the JSON reader
# --------------------------------------------------------------------------


def check_json_error(error: da.ParseError, file: str) -> None:
    assert error.file == file
    assert "\n" not in str(error), str(error)


def check_json(text: str, *, file: str = "fuzz.json",
               number_format: NumberFormat | None = None) -> io.Dataset | None:
    """Read `text` both ways (first error, collected errors) and check each outcome."""
    data: io.Dataset | None = None
    try:
        data = io.loads(text, file=file, number_format=number_format)
    except da.ParseError as error:
        check_json_error(error, file)
    else:
        check_json_whole(data, text, errors=())
        # A successful load writes back to a document that reads the same.
        assert io.loads(io.dumps(data), number_format=number_format) == data
    try:
        collected = io.loads(text, file=file, number_format=number_format,
                             collect_errors=True)
    except da.ParseError as error:
        check_json_error(error, file)
        assert data is None  # collect_errors refuses only what the plain read refuses
        return None
    for problem in collected.errors:
        check_json_error(problem, file)
    check_json_whole(collected, text, errors=collected.errors)
    assert (data is None) == bool(collected.errors)
    return data


def check_json_whole(data: io.Dataset, text: str, errors: Sequence[da.ParseError]) -> None:
    """Every element of every section is either read or reported, once."""
    document = json.loads(text)
    for section in (*SECTIONS, "claims"):
        listed = len(document.get(section, []))
        reported = {e.column.split("]", 1)[0] for e in errors
                    if e.column is not None and e.column.startswith(f"$.{section}[")}
        assert len(getattr(data, section)) + len(reported) == listed, section


def check_json_file(path: Path, *, number_format: NumberFormat | None = None) -> None:
    try:
        data = io.read_json(path, number_format=number_format)
    except da.ParseError as error:
        check_json_error(error, str(path))
        if error.message.startswith("not UTF-8"):
            assert error.line is not None  # noqa: PT017 - success is allowed too
        return
    text = path.read_bytes().decode("utf-8-sig")
    assert check_json(text, file=str(path), number_format=number_format) == data


# --------------------------------------------------------------------------
# Outcomes of the CSV readers
# --------------------------------------------------------------------------


def check_csv_error(error: da.ParseError, file: str) -> None:
    assert error.file == file
    assert error.line is not None, str(error)
    assert "\n" not in str(error), str(error)


def _data_rows(text: str) -> int:
    """Records after the header, blank lines left out (what a whole load holds)."""
    rows = [row for row in csv.reader(stdio.StringIO(text.removeprefix("\ufeff"), newline=""))
            if row]
    return len(rows) - 1


def check_csv(source: str | Path, *, kind: CsvKind | None,
              number_format: CsvNumberFormat = "plain") -> io.Dataset | None:
    """Read a CSV text or file both ways (first error, collected errors) and check."""
    def read(*, collect: bool) -> io.Dataset:
        handle = stdio.StringIO(source) if isinstance(source, str) else source
        return io.read_csv(handle, kind=kind, number_format=number_format,
                           collect_errors=collect)

    file = "<stream>" if isinstance(source, str) else str(source)
    text = source if isinstance(source, str) else None
    data: io.Dataset | None = None
    try:
        data = read(collect=False)
    except da.ParseError as error:
        check_csv_error(error, file)
    try:
        collected = read(collect=True)
    except da.ParseError as error:
        check_csv_error(error, file)
        assert data is None
        return None
    if text is None:
        text = Path(source).read_bytes().decode("utf-8-sig")
    records = sum(len(getattr(collected, k)) for k in KINDS)
    assert records + len(collected.errors) == _data_rows(text)
    for problem in collected.errors:
        check_csv_error(problem, file)
    assert (data is None) == bool(collected.errors)
    if data is not None:
        # A whole load writes back to a file that reads the same.
        the_kind: CsvKind = kind if kind is not None else next(
            (k for k in KINDS if getattr(data, k)), "readings")
        again = io.read_csv(stdio.StringIO(csv_text(data, the_kind, number_format)),
                            kind=the_kind, number_format=number_format)
        assert getattr(again, the_kind) == getattr(data, the_kind)
    return data


def check_columns(source: str | Path, *, number_format: CsvNumberFormat = "plain") -> None:
    """read_csv_columns agrees with read_csv, or raises a ParseError with file and line."""
    handle: Callable[[], str | Path | stdio.StringIO] = (
        (lambda: stdio.StringIO(source)) if isinstance(source, str) else (lambda: source))
    file = "<stream>" if isinstance(source, str) else str(source)
    try:
        full: io.Dataset | None = io.read_csv(handle(), kind="readings",
                                              number_format=number_format)
    except da.ParseError:
        full = None
    try:
        columns = io.read_csv_columns(handle(), number_format=number_format)
    except da.ParseError as error:
        check_csv_error(error, file)
        assert full is None, f"read_csv_columns refused what read_csv read: {error}"  # noqa: PT017
        return
    assert np.isfinite(columns.value).all()
    assert (columns.value >= 0).all()
    assert (columns.as_of >= np.datetime64("0001-01-01")).all()
    if full is not None:
        readings = full.readings
        assert len(columns) == len(readings)
        assert columns.value.tolist() == [float(r.value) for r in readings]
        assert columns.as_of.tolist() == [r.as_of for r in readings]
        assert [columns.indicator_codes[i] for i in columns.indicator] == [
            r.indicator.code for r in readings]
        assert [columns.jurisdiction_codes[i] for i in columns.jurisdiction] == [
            r.jurisdiction.code for r in readings]


# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``de-an06 argv``."""
    out, err = stdio.StringIO(), stdio.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def check_cli(argv: list[str], *, reads: bool | None = None) -> int:
    """Run the command; check its exit code and that an error is one line, no traceback.

    `reads` says whether the file reads without error, when known: then
    ``audit`` (without ``--strict``) must succeed exactly when it does.
    """
    code, out, err = run_cli(argv)
    assert code in {0, 1, 2}
    if code == 2:  # the documented exit code of an input error
        assert err.startswith(f"de-an06 {argv[0]}: error: "), err
        assert err.endswith("\n")
        assert err.count("\n") == 1, err
        assert "Traceback" not in err
    else:
        assert err == ""
        assert out
    if reads is not None and argv[0] == "audit" and "--strict" not in argv:
        assert (code == 0) == reads, err
    return code
