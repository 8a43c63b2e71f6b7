"""The fast CSV path of io.read_table: the careful reader's results and errors, bit for bit."""

from __future__ import annotations

import datetime as dt
import io as stdio
import itertools
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from de_an06 import io
from de_an06.errors import ParseError
from de_an06.io import _fast_csv, _fast_numbers
from de_an06.parsing import grammar

HEADER = ["Mã xã", "Tên xã", "Ngày", "Giá trị", "Chỉ tiêu", "Hạn hoàn thành"]


def outcome(source: Callable[[], Any], **kwargs: Any) -> tuple[Any, ...]:
    """Everything read_table gives: the table and its metadata, or the error."""
    try:
        table = io.read_table(source(), **kwargs)
    except ParseError as error:
        return ("error", str(error))
    except Exception as error:  # noqa: BLE001 - whatever the careful reader raises
        return (type(error).__name__, str(error))
    info = table.info
    assert info is not None
    return ("table", table.ids.tolist(), table.starts.tobytes(), table.days.tobytes(),
            table.values.tobytes(), table.signs.tobytes(), info.codes.tolist(),
            info.names.tolist(), info.parents.tolist(), info.levels.tolist(),
            info.indicators.tolist(), info.targets.tobytes(), info.deadlines.tobytes(),
            [str(e) for e in info.errors])


def careful(source: Callable[[], Any], **kwargs: Any) -> tuple[Any, ...]:
    """The outcome with the fast path turned off."""
    with mock.patch.object(_fast_csv, "read", return_value=None):
        return outcome(source, **kwargs)


def fast(source: Callable[[], Any], **kwargs: Any) -> bool:
    """Whether the fast path reads the file (rather than leaving it to the careful reader)."""
    found = []

    def spy(*args: Any, **kw: Any) -> Any:
        found.append(real(*args, **kw))
        return found[-1]

    real = _fast_csv.read
    with mock.patch.object(_fast_csv, "read", spy):
        outcome(source, **kwargs)
    return found[-1] is not None


def text_source(text: str) -> Callable[[], Any]:
    def make() -> stdio.StringIO:
        source = stdio.StringIO(text)
        source.name = "xa.csv"
        return source
    return make


# -- the number grammar, read a character position at a time -----------------------------


def matrix_of(cells: list[str]) -> tuple[np.ndarray, np.ndarray]:
    width = max(map(len, cells), default=0)
    matrix = np.zeros((width, len(cells)), dtype=np.uint8)
    for at, cell in enumerate(cells):
        matrix[:len(cell), at] = np.frombuffer(cell.encode(), dtype=np.uint8)
    return matrix, np.array([len(c) for c in cells], dtype=np.int64)


@pytest.mark.parametrize(("alphabet", "longest"), [("01.,-", 6), ("0.,", 9), ("0,.-x", 4)])
def test_acceptance_is_the_grammar_on_every_short_string(alphabet: str, longest: int) -> None:
    cells = ["".join(t) for n in range(1, longest + 1)
             for t in itertools.product(alphabet, repeat=n)]
    matrix, length = matrix_of(cells)
    for number_format in grammar.CELL_NUMBER_FORMATS:
        got = _fast_numbers.accepted(matrix, length, number_format)
        want = [grammar.NUMBERS[number_format].fullmatch(c) is not None for c in cells]
        assert got.tolist() == want, number_format


@given(st.lists(st.text("0123456789.,-", min_size=1, max_size=24), min_size=1, max_size=30))
def test_acceptance_is_the_grammar(cells: list[str]) -> None:
    matrix, length = matrix_of(cells)
    for number_format in grammar.CELL_NUMBER_FORMATS:
        got = _fast_numbers.accepted(matrix, length, number_format)
        assert got.tolist() == [grammar.NUMBERS[number_format].fullmatch(c) is not None
                                for c in cells]


@given(st.lists(st.decimals(allow_nan=False, allow_infinity=False), min_size=1, max_size=20))
def test_values_are_the_nearest_doubles(numbers: list[Any]) -> None:
    cells = [f"{n:f}" for n in numbers]
    cells = [c for c in cells if grammar.NUMBERS["plain"].fullmatch(c)]
    matrix, length = matrix_of(cells)
    want = np.fromstring("\n".join(cells), dtype=np.float64, sep="\n") if cells else np.zeros(0)
    try:
        got = _fast_numbers.values(matrix, length, "plain", exponent=False)
    except _fast_numbers.TooLarge:
        assert not np.isfinite(want).all()
        return
    assert got.tobytes() == want.tobytes()


# -- whole files: the fast path against the careful reader ----------------------------------

digits = st.integers(0, 10**7)
ODD_NUMBERS = ["", "-", "#N/A", "NA", " 5", "abc", "1.5.0", "-0", "1,2,3", "4,5", "1.500",
               "1,500", "007", "—", "12345678901234567", "1234567890123456,5", "1e5", "2.5E-3",
               "1e400", "0,30000000000000004", "2.5", "2,5", "1,234.5", "1.234,5"]
ODD_DATES = ["", "-", "31/02/2025", "2025-02-30", "45658", "ngày 6/1/2025", "5/13/2025", "x",
             "2025-1-5", " 5/1/2025", "5/1/2025", "2025-01-05", "05.01.2025"]
ODD_TEXTS = ["", " ", "Xã A ", "#N/A", "-", "higher", "lower", "?"]


@st.composite
def number_cells(draw: st.DrawFn, style: str) -> str:
    """A number cell in `style`: grouped, with decimals, negative."""
    whole = draw(digits) * draw(st.sampled_from([1, 1, -1]))
    decimals = draw(st.sampled_from(["", "", "5", "25", "125", "0"]))
    if style == "plain":
        return f"{whole}" + (f".{decimals}" if decimals else "")
    thousands, mark = grammar.MARKS[style]
    grouped = f"{abs(whole):,}".replace(",", thousands)
    return ("-" if whole < 0 else "") + grouped + (f"{mark}{decimals}" if decimals else "")


@st.composite
def date_cells(draw: st.DrawFn, form: str) -> str:
    day = draw(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31)))
    return day.strftime(form)


@st.composite
def files(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:  # noqa: C901 - one file
    """A province's export: a header and rows, and now and then something odd."""
    sep = draw(st.sampled_from([";", ";", ",", "\t", "|"]))
    style = draw(st.sampled_from(["vi", "international", "plain"]))
    form = draw(st.sampled_from(["%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"]))
    header = list(HEADER)
    if draw(st.booleans()):
        header = header[:4]
    if draw(st.integers(0, 3)) == 3:
        header.append("Xu hướng tốt")
    if draw(st.booleans()):
        header = ["STT", *header]
    ids = draw(st.lists(st.sampled_from(["26734", "26737", "1", "00012", "12345678901234567",
                                         "Xã-26740"]), min_size=1, max_size=4, unique=True))
    # Each series' name and direction, and now and then a row giving another one
    # (spelled alike but decomposed, or really another).
    texts = st.sampled_from(["Xã A", "Xã Đồng Tâm", "Xa\u0303 A", "", "B"])
    named = {i: draw(texts) for i in ids}
    directions = st.sampled_from(["higher", "Lower", "thấp", "cao", "", "x"])
    headed = {i: draw(directions) for i in ids}
    rows = []
    for n in range(draw(st.integers(1, 25))):
        series = draw(st.sampled_from(ids))
        other = draw(st.integers(0, 7)) == 7
        cells = {"STT": str(n + 1), "Mã xã": series,
                 "Tên xã": draw(texts) if other else named[series],
                 "Xu hướng tốt": draw(directions) if other else headed[series],
                 "Ngày": draw(date_cells(form)),
                 "Giá trị": draw(number_cells(style)),
                 "Chỉ tiêu": draw(st.sampled_from(["", "2450"]) | number_cells(style)),
                 "Hạn hoàn thành": draw(st.sampled_from(["", "30/06/2025", "2025-12-31"]))}
        rows.append([cells[h] for h in header])
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):  # something odd
        if not rows:
            break
        row = draw(st.sampled_from(rows))
        at = draw(st.integers(0, len(header) - 1))
        kind = header[at]
        odd = (ODD_DATES if kind in {"Ngày", "Hạn hoàn thành"} else ODD_NUMBERS
               if kind in {"Giá trị", "Chỉ tiêu"} else ODD_TEXTS)
        row[at] = draw(st.sampled_from(odd))
    lines = [sep.join(row) for row in rows]
    for _ in range(draw(st.sampled_from([0, 0, 0, 1]))):  # a row of another shape
        shape = draw(st.sampled_from(["", sep * (len(header) - 1), sep * len(header),
                                      f"1{sep}x", sep.join(["1"] * (len(header) + 1)),
                                      sep.join(["1"] * len(header)) + sep]))
        lines.insert(draw(st.integers(0, len(lines))), shape)
    title = draw(st.sampled_from(["", "", "", "", "BÁO CÁO\n", '"Báo cáo, tuần"\n', "\n"]))
    end = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    text = title + end.join([sep.join(header), *lines])
    text += draw(st.sampled_from([end] * 6 + ["", "\r"]))
    if draw(st.integers(0, 9)) == 9:
        text = text.replace("Xã A", draw(st.sampled_from(['"Xã A"', "Xã\rA", "Xã\x00A"])))
    kwargs: dict[str, Any] = {}
    if draw(st.integers(0, 4)) == 4:
        kwargs["number_format"] = draw(st.sampled_from(grammar.CELL_NUMBER_FORMATS))
    if draw(st.integers(0, 4)) == 4:
        kwargs["delimiter"] = sep
    if draw(st.integers(0, 4)) == 4:
        kwargs["date_order"] = "iso"
    kwargs["collect_errors"] = draw(st.booleans())
    if draw(st.booleans()):
        kwargs["names"] = draw(st.sampled_from(["raise", "first", "last"]))
    return text, kwargs


@settings(max_examples=300, deadline=None)
@given(files())
def test_fast_path_is_the_careful_reader(case: tuple[str, dict[str, Any]]) -> None:
    text, kwargs = case
    source = text_source(text)
    assert outcome(source, **kwargs) == careful(source, **kwargs)


@settings(max_examples=60, deadline=None)
@given(files(), st.booleans())
def test_fast_path_of_a_file_is_the_careful_reader(case: tuple[str, dict[str, Any]],
                                                   bom: bool) -> None:
    text, kwargs = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "xa.csv"
        path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
        assert outcome(lambda: path, **kwargs) == careful(lambda: path, **kwargs)


# -- files the fast path reads, and files it leaves to the careful reader -------------------

LONG = "Mã xã;Tên xã;Ngày;Giá trị\n" + "".join(
    f"{26734 + n % 3};Xã {n % 3};{1 + n % 28:02d}/0{1 + n // 28}/2025;{n}.000\n"
    for n in range(60))


@pytest.mark.parametrize(("text", "kwargs", "taken"), [
    ("Mã tỉnh;Mã xã;Ngày;Giá trị\n01;7;5/1/2025;1\n02;7;5/1/2025;2\n01;7;6/1/2025;3\n",
     {"columns": {"Mã tỉnh": "id", "Mã xã": "id"}}, True),
    ('"Báo\ncáo"\nMã xã;Ngày;Giá trị\n1;5/1/2025;1\n', None, False),
    ('"Báo cáo; tuần"\nMã xã;Ngày;Giá trị\n1;5/1/2025;1\n', None, True),
    ("Mã xã;Tên xã;Ngày;Giá trị\n1; ;5/1/2025;1\n1;A;6/1/2025;1\n", None, True),
    ("Mã xã;Tên xã;Ngày;Giá trị\n1;;5/1/2025;1\n1;A;6/1/2025;1\n", None, True),
    ("Mã xã;Ngày;Giá trị\n\n\n", None, False),
    ("Mã xã;Ngày;Giá trị\n;;\n1;5/1/2025;1\n\n", None, True),
    ("Mã xã;Ngày;Giá trị\r\n1;5/1/2025;1\r\n\r\n2;5/1/2025;2\r", None, True),
    (LONG, None, True),
    (LONG.replace("Xã 2;04/03", "Xã\r2;04/03"), None, False),
    (LONG.replace("Xã 2;04/03", 'Xã "2";04/03'), None, False),
    (LONG.replace(";1.000\n", ";1,5\n").replace(";2.000\n", ";2.5\n"), None, False),
    (LONG.replace(";1.000\n", ";1,5\n"), None, True),
    (LONG.replace("Xã 2;04/03", f"Xã {'2' * 200};04/03"), None, True),
    (LONG.replace("Xã 2;04/03", f"Xã {'2' * 300};04/03"), {"names": "first"}, False),
    (LONG.replace(";1.000\n", ";1e400\n"), {"number_format": "plain"}, False),
    (LONG.replace(";1.000\n", ";1e300\n"), {"number_format": "plain"}, True),
    (LONG.replace(";1.000\n", ";1.234.567.890.123.456,5\n"), None, True),
    (LONG.replace(";1.000\n", f";{'1' * 300}\n"), None, False),
])
def test_fast_path_or_careful_reader(text: str, kwargs: dict[str, Any] | None, taken: bool,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fast_csv, "_BLOCK", 64)  # many blocks, lines across their ends
    source = text_source(text)
    kwargs = kwargs or {}
    assert outcome(source, **kwargs) == careful(source, **kwargs)
    assert fast(source, **kwargs) is taken


def test_a_stream_that_cannot_seek_is_read_carefully() -> None:
    class Pipe:
        name = "pipe.csv"

        def __init__(self, text: str) -> None:
            self.lines = iter(text.splitlines(keepends=True))

        def __iter__(self) -> Pipe:
            return self

        def __next__(self) -> str:
            return next(self.lines)

        def read(self) -> str:  # pragma: no cover - never called
            raise AssertionError

    table = io.read_table(Pipe("Mã xã;Ngày;Giá trị\n1;5/1/2025;1\n"))  # type: ignore[arg-type]
    assert table.values.tolist() == [1.0]


def test_a_stream_is_left_where_the_careful_reader_leaves_it() -> None:
    source = text_source("Mã xã;Ngày;Giá trị\n1;5/1/2025;1\n")()
    io.read_table(source)
    assert source.read() == ""
    source = text_source('Mã xã;Ngày;Giá trị\n1;5/1/2025;"1"\n')()
    io.read_table(source)
    assert source.read() == ""


def test_a_workbook_and_a_missing_file_are_not_for_the_fast_path(tmp_path: Path) -> None:
    assert _fast_csv.read(tmp_path / "x.xlsx", "x", delimiter=None, sheet=None, columns=None,
                          number_format="auto", date_order="auto") is None
    assert _fast_csv.read(tmp_path / "x.csv", "x", delimiter=None, sheet=0, columns=None,
                          number_format="auto", date_order="auto") is None
    assert _fast_csv.read(tmp_path / "none.csv", "x", delimiter=None, sheet=None,
                          columns=None, number_format="auto", date_order="auto") is None
    with pytest.raises(ParseError, match="cannot open"):
        io.read_table(tmp_path / "none.csv")
    assert _fast_csv.read(text_source("a")(), "x", delimiter="·", sheet=None, columns=None,
                          number_format="auto", date_order="auto") is None


def test_a_file_iterated_before_is_read_carefully(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    path.write_text("Báo cáo\nMã xã;Ngày;Giá trị\n1;5/1/2025;1\n", encoding="utf-8")
    with path.open(encoding="utf-8") as source:
        next(source)  # the title row, skipped by the caller: tell() is disabled
        assert io.read_table(source).values.tolist() == [1.0]
