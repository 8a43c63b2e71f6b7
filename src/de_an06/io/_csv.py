"""CSV files of readings, targets and tasks (public through :mod:`de_an06.io`).

One record per line, UTF-8 (a byte-order mark is accepted), a header row.
The layout, the cells and the row -> record builder are those of
:mod:`de_an06.io.schema` and :mod:`de_an06.io.cells`; this module adds the
text around them: decoding, the header check, records with their lines.

A file named by its path is read in blocks (:class:`Text`), so that the
readers never hold its whole text: their memory stays within a few times the
file's size, whatever its line ends or its characters.
"""

from __future__ import annotations

import contextlib
import csv
import io as stdio
import stat
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any, Final, NoReturn

from de_an06 import _validators as v
from de_an06.errors import DeAn06Error, ParseError
from de_an06.io import cells, schema
from de_an06.io._dataset import Dataset, known_by_code
from de_an06.io.cells import CellError, CsvNumberFormat
from de_an06.io.schema import COLUMNS, REQUIRED, CsvKind, RecordBuilder, RowError
from de_an06.model import Reading

__all__ = ["read_csv", "write_csv"]


# --------------------------------------------------------------------------
# Text in
# --------------------------------------------------------------------------


def decode(source: str | Path | IO[str], owner: str) -> tuple[str, str]:
    """The text of `source` and a name for messages; raise on bad bytes or NULs."""
    if isinstance(source, (str, Path)):
        name = str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise ParseError(f"cannot read file: {error.strerror}", file=name) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise ParseError(f"not UTF-8 text (byte {error.start})", file=name,
                             line=line) from None
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        text = source.read()
        if not isinstance(text, str):
            raise ParseError("expected a text stream (open the file with encoding='utf-8')",
                             file=name)
        text = text.removeprefix("\ufeff")
    else:
        raise v.fail(owner, "path", "must be a path or a text stream", source)
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError("NUL byte in the file (is it really CSV text?)", file=name,
                         line=text.count("\n", 0, nul) + 1)
    if not text or text.isspace():
        raise ParseError("empty file: expected a header row", file=name, line=1)
    return text, name


_BYTES: Final = 1 << 20  # bytes of a file decoded at a time
_CHARACTERS: Final = 1 << 20  # characters of a stream's text handed on at a time


class Text:
    r"""The text of a CSV source, in blocks that each end at a line end (but the last).

    A path is opened, then decoded a block of bytes at a time (cut after its
    last ``\n`` byte) each time :meth:`blocks` is called; a stream is read
    whole once (its text is the caller's) and cut into blocks. The checks
    are those of :func:`decode`; a block that fails one makes :func:`decode`
    read the whole file, so that the error is the one it raises, where it
    raises it.
    """

    def __init__(self, source: str | Path | IO[str], owner: str) -> None:
        self.owner = owner
        self.text: str | None = None
        self.path = Path()
        if isinstance(source, (str, Path)):
            self.name = str(source)
            self.path = Path(source)
            try:
                info = self.path.stat()
            except OSError:
                self.fail()
            self.size = info.st_size  # bounds the longest field
            if not stat.S_ISREG(info.st_mode):  # a pipe is read once: whole, as a stream
                self.text, _ = decode(source, owner)
                self.size = len(self.text)
        else:
            self.text, self.name = decode(source, owner)
            self.size = len(self.text)

    def fail(self) -> NoReturn:
        """Raise the error :func:`decode` raises on the whole file."""
        decode(self.path, self.owner)
        raise AssertionError("decode() found nothing wrong")  # pragma: no cover - a race

    def blocks(self) -> Iterator[str]:
        r"""The text, a block at a time; each block but the last ends with ``\n``."""
        if self.text is not None:
            yield from _cut(self.text)
            return
        # A "\n" byte is never part of a longer UTF-8 sequence: the bytes up to
        # one decode alone. The bytes after the last one wait for the next read.
        pending: list[bytes] = []
        codec = "utf-8-sig"  # the first block may open with a byte-order mark
        blank = True
        try:
            with self.path.open("rb") as file:
                while True:
                    data = file.read(_BYTES)
                    cut = data.rfind(b"\n") + 1
                    if data and not cut:
                        pending.append(data)
                        continue
                    pending.append(data[:cut])
                    raw = b"".join(pending)
                    pending = [data[cut:]]
                    if raw:
                        piece = raw.decode(codec)
                        codec = "utf-8"
                        if "\x00" in piece:
                            self.fail()
                        blank = blank and (not piece or piece.isspace())
                        yield piece
                    if not data:
                        break
        except (OSError, UnicodeDecodeError):
            self.fail()
        if blank:
            self.fail()  # empty, or nothing but white space

    def check(self) -> None:
        """Raise what :func:`decode` would on the whole source (nothing if it is fine)."""
        for _ in self.blocks():
            pass

    @contextlib.contextmanager
    def first_error(self) -> Iterator[None]:
        """Let an error found in the text's blocks come before one found in its records.

        As when the whole text was decoded before any record was read.
        """
        try:
            yield
        except DeAn06Error:
            self.check()
            raise


def _cut(text: str) -> Iterator[str]:
    r"""`text` in blocks of about :data:`_CHARACTERS`, each cut after a ``\n``."""
    position = 0
    while position < len(text):
        stop = text.find("\n", position + _CHARACTERS)
        stop = len(text) if stop < 0 else stop + 1
        yield text[position:stop]
        position = stop


def lines(blocks: Iterable[str]) -> Iterator[str]:
    r"""The lines of the blocks, as :class:`io.StringIO` with ``newline=""`` cuts them.

    No line spans two blocks, since each block ends with ``\n``.
    """
    return chain.from_iterable(stdio.StringIO(block, newline="") for block in blocks)


def header(columns: list[str], name: str, kind: str | None,
           owner: str, *, described_once: bool = False) -> tuple[str, list[str]]:
    """Check the header row; return the kind of file and its columns.

    With `described_once`, the columns describing an indicator or a
    jurisdiction beside its code may be left out (:class:`RecordBuilder`
    then needs each code described on an earlier row, or known).
    """
    if kind is None:
        if "as_of" in columns:
            kind = "readings"
        elif "owner" in columns:
            kind = "tasks"
        elif "indicator" in columns:
            kind = "targets"
        else:
            raise ParseError("cannot tell whether this file holds readings, targets or tasks "
                             "(pass kind=)", file=name, line=1)
    given: object = kind  # the annotation is not enforced
    if not isinstance(given, str) or given not in COLUMNS:
        raise v.fail(owner, "kind", f"must be one of {tuple(COLUMNS)}", kind)
    known = COLUMNS[kind]
    seen: set[str] = set()
    for column in columns:
        if column not in known:
            raise ParseError(f"unknown column for {kind} (expected some of "
                             f"{', '.join(known)})", file=name, line=1, column=column)
        if column in seen:
            raise ParseError("column appears twice", file=name, line=1, column=column)
        seen.add(column)
    missing = [c for c in known if c in REQUIRED[kind] and c not in seen
               and not (described_once and schema.column_named(kind, c).part != "self"
                        and schema.column_named(kind, c).field != "code")]
    if missing:
        raise ParseError(f"missing column {missing[0]!r}", file=name, line=1)
    return kind, columns


@contextlib.contextmanager
def field_limit(size: int) -> Iterator[None]:
    """Let :func:`csv.reader` take fields of up to `size` characters while reading a file.

    Its default limit (131,072 characters) would refuse a long note that
    :func:`write_csv` wrote; a file's length bounds its fields, so the limit
    is raised to that length for the read, then put back.
    """
    before = csv.field_size_limit()
    if size <= before:
        yield
        return
    csv.field_size_limit(size)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def records(text: str | Text, name: str) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the line each starts on; blank lines are skipped."""
    blocks = _cut(text) if isinstance(text, str) else text.blocks()
    reader = csv.reader(lines(blocks), strict=True)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ParseError(f"malformed CSV: {error}", file=name,
                             line=reader.line_num) from None
        if row:
            yield line, row
        line = reader.line_num + 1


class Rows:
    """Reads the cells of checked rows and builds their records, or their parts.

    The row -> record rule is :class:`RecordBuilder`'s; this adds where
    (file and line) to its errors, as :class:`ParseError`.
    """

    def __init__(self, kind: str, columns: list[str], name: str, number_format: str,
                 known: dict[str, dict[str, Any]] | None = None) -> None:
        self.columns = columns
        self.name = name
        self.number_format = number_format
        self.readers = [schema.column_named(kind, c).cell.read for c in columns]
        self.builder = RecordBuilder(kind, columns, known)

    def check(self, line: int, row: list[str]) -> None:
        """Raise unless `row` has a field for each column."""
        if len(row) != len(self.columns):
            raise ParseError(f"expected {len(self.columns)} fields, got {len(row)}",
                             file=self.name, line=line)

    def cell(self, row: list[str]) -> Callable[[int], object]:
        """``read(i)``: the value of cell ``i`` of `row`, or :class:`RowError`."""
        def read(index: int) -> object:
            try:
                return self.readers[index](row[index], self.number_format)
            except CellError as error:
                raise RowError(self.columns[index], str(error), text=row[index]) from None

        return read

    def build(self, line: int, row: list[str]) -> Any:  # noqa: ANN401 - a record
        """The record of the row on `line`."""
        self.check(line, row)
        with self.at(line):
            return self.builder.build(row, self.cell(row), f"line {line}")

    def part(self, part: str, line: int, row: list[str]) -> Any:  # noqa: ANN401 - a model object
        """The `part` the row on `line` names (:meth:`RecordBuilder.part`)."""
        with self.at(line):
            return self.builder.part(part, row, self.cell(row), f"line {line}")

    @contextlib.contextmanager
    def at(self, line: int) -> Iterator[None]:
        """Turn a :class:`RowError` into a :class:`ParseError` naming the file and `line`."""
        try:
            yield
        except RowError as error:
            raise ParseError(error.message, file=self.name, line=line, column=error.column,
                             text=error.text) from None


def read(path: str | Path | IO[str], *, kind: str | None, number_format: str,
         collect_errors: bool,
         known: Iterable[object] = ()) -> tuple[str, list[Any], list[ParseError]]:
    """The kind of records in the file, the records read, and the errors collected."""
    number_format = cells.check_number_format(number_format, "read_csv")
    by_code = known_by_code(known, "read_csv")
    text = Text(path, "read_csv")
    name = text.name
    with field_limit(text.size), text.first_error():
        rows = records(text, name)
        _, first = next(rows)  # decode() refused empty files, so a first record exists
        the_kind, columns = header(first, name, kind, "read_csv", described_once=True)
        builder = Rows(the_kind, columns, name, number_format, by_code)
        built: list[Any] = []
        errors: list[ParseError] = []
        for line, row in rows:
            try:
                built.append(builder.build(line, row))
            except ParseError as error:  # noqa: PERF203 - one row, one error
                if not collect_errors:
                    raise
                errors.append(error)
    return the_kind, built, errors


# --------------------------------------------------------------------------
# Text out
# --------------------------------------------------------------------------


def _written(column: schema.Column, record: object) -> object:
    """The field a column holds; a reading's value as printed, so its decimals are kept.

    A float value printed without decimals (``33.0``) is written ``33`` and
    reads back as the equal int.
    """
    if isinstance(record, Reading) and column.part == "self" and column.field == "value":
        return record.printed_value
    return column.get(record)


def write(items: Iterable[Any], path: str | Path | IO[str], *, kind: str,
          number_format: str) -> None:
    """Write `items` (all of `kind`, checked by the caller) as CSV to a path or a text stream."""
    number_format = cells.check_number_format(number_format, "write_csv")
    layout = schema.SCHEMAS[kind]
    buffer = stdio.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    # csv.writer quotes a field holding the line terminator ("\n") but not a lone
    # "\r", which a reader takes as a line end: such rows are written fully quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS[kind])
    for record in items:
        row = [cells.write_cell(_written(column, record), number_format) for column in layout]
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
    if isinstance(path, (str, Path)):
        Path(path).write_text(buffer.getvalue(), encoding="utf-8", newline="")
    else:
        path.write(buffer.getvalue())


# --------------------------------------------------------------------------
# The public readers and writers
# --------------------------------------------------------------------------


def read_csv(path: str | Path | IO[str], *, kind: CsvKind | None = None,
             number_format: CsvNumberFormat = "plain", collect_errors: bool = False,
             known: Iterable[object] = ()) -> Dataset:
    r"""Read readings, targets or tasks from a CSV file.

    The file is UTF-8 (a leading byte-order mark is accepted) with a header
    row naming columns of :data:`READING_COLUMNS`, :data:`TARGET_COLUMNS` or
    :data:`TASK_COLUMNS` in any order, and one record per line (quoted cells
    may span lines; ``\n`` and ``\r\n`` both end a line). The layout is
    described in :doc:`/api/io`.

    An indicator, a jurisdiction or a source is described once: the first
    row of a code fills its ``indicator_*`` (``jurisdiction_*``, ``source_*``)
    cells, later rows may leave them all empty. A code in `known` needs no
    description, so its columns may be left out of the file:
    ``indicator,jurisdiction,...,value,as_of`` is enough for the bundled
    indicators with ``known=datasets.indicators()``.

    Parameters
    ----------
    path : str, pathlib.Path or typing.TextIO
        The file.
    kind : {"readings", "targets", "tasks"}, optional
        What the file holds; by default told from the header (``as_of`` means
        readings, ``owner`` tasks, ``indicator`` targets).
    number_format : {"plain", "vi", "international"}
        How numbers are written: ``"plain"`` (``1497360``, ``65.57``, as
        Python prints them), ``"vi"`` (``1.497.360``, ``65,57``) or
        ``"international"`` (``1,497,360``, ``65.57``). A number with no
        decimals printed is read as an ``int``, otherwise as a ``float``.
        With ``"vi"`` and ``"international"``, dates may also be day-first.
    collect_errors : bool
        If false (the default), the first bad record raises and nothing is
        returned. If true, bad records are left out and their errors are in
        ``Dataset.errors``; a file that cannot be read as CSV at all (not
        UTF-8, a NUL byte, a bad header, broken quoting) still raises.
    known : iterable of Indicator, Jurisdiction or Source
        Objects rows may name by code alone, as for :func:`~de_an06.io.loads`.

    Returns
    -------
    Dataset
        With only the section `kind` filled.

    Raises
    ------
    ParseError
        Naming the file, the line, the column and the value.

    Examples
    --------
    >>> import io as stdio
    >>> text = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
    ...         "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
    ...         "value,as_of\n"
    ...         "eid,e-ID collected,Thu nhận hồ sơ,people,56,Khanh Hoa,Khánh Hòa,province,VN,"
    ...         "\"546.234\",2023-07-01\n")
    >>> data = read_csv(stdio.StringIO(text), number_format="vi")
    >>> data.readings[0].value, data.readings[0].jurisdiction.name_vi
    (546234, 'Khánh Hòa')
    >>> from de_an06 import datasets
    >>> minimal = ("indicator,jurisdiction,jurisdiction_name,jurisdiction_name_vi,"
    ...            "jurisdiction_level,jurisdiction_parent,value,as_of\n"
    ...            "eid-collected,56,Khanh Hoa,Khánh Hòa,province,VN,546234,2023-07-01\n"
    ...            "eid-collected,56,,,,,600000,2023-08-01\n")
    >>> [r.value for r in read_csv(stdio.StringIO(minimal), known=datasets.indicators()).readings]
    [546234, 600000]
    >>> bad = stdio.StringIO(text.replace("546.234", "12..3"))
    >>> bad.name = "readings.csv"
    >>> read_csv(bad, number_format="vi")
    Traceback (most recent call last):
      ...
    de_an06.errors.ParseError: readings.csv:2: column 'value': cannot read '12..3' as a number (...)
    """
    the_kind, built, errors = read(path, kind=kind, number_format=number_format,
                                   collect_errors=collect_errors, known=known)
    return Dataset(**{the_kind: built}, errors=errors)


def write_csv(dataset: Dataset, path: str | Path | IO[str], *, kind: CsvKind = "readings",
              number_format: CsvNumberFormat = "plain") -> None:
    r"""Write one section of `dataset` as a CSV file that :func:`read_csv` reads back.

    Every column of the layout is written (empty cells for ``None``), UTF-8
    without a byte-order mark, ``\n`` line ends. Reading the file back gives
    equal objects for every number format.

    Parameters
    ----------
    dataset : Dataset
        The records; only the section `kind` is written.
    path : str, pathlib.Path or typing.TextIO
        Where to write.
    kind : {"readings", "targets", "tasks"}
        Which section.
    number_format : {"plain", "vi", "international"}
        As for :func:`read_csv`. Floats keep at least one decimal so they read
        back as floats.

    Examples
    --------
    >>> import datetime as dt, io as stdio
    >>> import de_an06 as da
    >>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> share = da.Indicator("eid-share", "e-ID share", "Tỷ lệ ĐDĐT", unit="percent")
    >>> data = Dataset(readings=[da.Reading(share, 72.2, as_of=dt.date(2023, 7, 1),
    ...                                     jurisdiction=kh)])
    >>> out = stdio.StringIO()
    >>> write_csv(data, out, number_format="vi")
    >>> print(out.getvalue().splitlines()[1])
    eid-share,e-ID share,Tỷ lệ ĐDĐT,percent,higher,stock,56,...,"72,2",2023-07-01,exact,...
    >>> read_csv(stdio.StringIO(out.getvalue()), number_format="vi").readings == data.readings
    True
    """
    if not isinstance(dataset, Dataset):
        raise v.fail("write_csv", "dataset", "must be a Dataset", dataset)
    given: object = kind  # the annotation is not enforced
    if not isinstance(given, str) or given not in schema.SCHEMAS:
        raise v.fail("write_csv", "kind", f"must be one of {tuple(COLUMNS)}", kind)
    write(getattr(dataset, kind), path, kind=kind, number_format=number_format)
