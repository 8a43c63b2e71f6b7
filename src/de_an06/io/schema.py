"""THE row layout of readings, targets and tasks, and the one way a row becomes a record.

Public in the package. A row is *wide*: a reading or target row carries its
indicator's, jurisdiction's and source's fields inline (``indicator_unit``,
``jurisdiction_name_vi``, ``source_title``...), so a file or a frame needs
nothing beside it. This module states, once, for the CSV reader and writer,
the columnar reader and :mod:`de_an06.frames`:

* the columns of each kind of record, in order (:data:`COLUMNS`), and which
  of them a file must have (:data:`REQUIRED`);
* which model field each column holds and how its cell is read
  (:class:`Column`, with a :class:`~de_an06.io.cells.Cell`);
* how a row of cells becomes a record (:class:`RecordBuilder`): equal parts
  shared, a code described two ways refused, and every error naming its column;
* the columns a data frame holds beyond a file's (:data:`FRAME_ONLY`): a
  reading's printed ``decimals``, which a file keeps in the text of its value
  (``98.90``) and a frame's float (98.9) cannot.

Examples
--------
>>> READING_COLUMNS[:4]
('indicator', 'indicator_name', 'indicator_name_vi', 'indicator_unit')
>>> column = column_named("readings", "indicator_unit")
>>> column.part, column.field, column.cell.kind
('indicator', 'unit', 'enum')
>>> FRAME_COLUMNS["readings"][-3:]
('source_note', 'source_tier', 'decimals')
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Sequence
from operator import itemgetter
from typing import Any, Final, Literal

import attrs

from de_an06.errors import ValidationError
from de_an06.io import cells
from de_an06.io.cells import (
    DATE,
    FLAG,
    NAMES,
    NUMBER,
    OPTIONAL_DATE,
    OPTIONAL_NUMBER,
    OPTIONAL_TEXT,
    TEXT,
    WHOLE,
    Cell,
    enum_cell,
)
from de_an06.model import (
    Basis,
    Direction,
    Indicator,
    Jurisdiction,
    Level,
    Measure,
    Precision,
    Qualifier,
    Reading,
    Source,
    Target,
    Task,
    TaskStatus,
    Tier,
    Unit,
)

__all__ = [
    "COLUMNS",
    "FRAME_COLUMNS",
    "FRAME_ONLY",
    "FRAME_SCHEMAS",
    "KINDS",
    "PART_KINDS",
    "READING_COLUMNS",
    "RECORD_KINDS",
    "REQUIRED",
    "SCHEMAS",
    "TARGET_COLUMNS",
    "TASK_COLUMNS",
    "Column",
    "CsvKind",
    "RecordBuilder",
    "RowError",
    "column_named",
    "described_differently",
]

#: The kinds of record a file holds.
CsvKind = Literal["readings", "targets", "tasks"]
#: The values of :data:`CsvKind`.
KINDS: Final = ("readings", "targets", "tasks")


@attrs.frozen
class Column:
    """One column of the row layout.

    Parameters
    ----------
    name : str
        The column's name (``"indicator_unit"``).
    part : {"self", "indicator", "jurisdiction", "source"}
        Whose field it holds: the record's own, or one of its parts'.
    field : str
        The model field (``"unit"``).
    cell : de_an06.io.cells.Cell
        How its cells are read.
    required : bool
        Whether a file must have the column.
    """

    name: str
    part: str
    field: str
    cell: Cell
    required: bool = False

    def get(self, record: object) -> object:
        """The field of `record` this column holds (``None`` for a missing part)."""
        owner = record if self.part == "self" else getattr(record, self.part)
        return None if owner is None else getattr(owner, self.field)


def _columns(part: str, prefix: str, *fields: tuple[str, Cell, bool]) -> tuple[Column, ...]:
    return tuple(Column(prefix if field == "code" else f"{prefix}_{field}", part, field, cell,
                        required) for field, cell, required in fields)


_INDICATOR: Final = _columns(
    "indicator", "indicator", ("code", TEXT, True), ("name", TEXT, True),
    ("name_vi", TEXT, True), ("unit", enum_cell(Unit), True),
    ("direction", enum_cell(Direction, optional=True), False),
    ("measure", enum_cell(Measure, Measure.STOCK), False))
_JURISDICTION: Final = _columns(
    "jurisdiction", "jurisdiction", ("code", TEXT, True), ("name", TEXT, True),
    ("name_vi", TEXT, True), ("level", enum_cell(Level), True),
    ("parent", OPTIONAL_TEXT, False))
_SOURCE: Final = _columns(
    "source", "source", ("code", TEXT, False), ("title", TEXT, False),
    ("publisher", TEXT, False), ("published", OPTIONAL_DATE, False),
    ("url", OPTIONAL_TEXT, False), ("date_inferred", FLAG, False), ("note", TEXT, False),
    ("tier", enum_cell(Tier, optional=True), False))


def _own(*fields: tuple[str, Cell, bool]) -> tuple[Column, ...]:
    return tuple(Column(field, "self", field, cell, required) for field, cell, required in fields)


#: The columns of each kind of record, in the order files and frames hold them.
SCHEMAS: Final[dict[str, tuple[Column, ...]]] = {
    "readings": (*_INDICATOR, *_JURISDICTION, *_own(
        ("value", NUMBER, True), ("as_of", DATE, True),
        ("qualifier", enum_cell(Qualifier, Qualifier.EXACT), False),
        ("numerator", OPTIONAL_NUMBER, False), ("denominator", OPTIONAL_NUMBER, False),
        ("basis", enum_cell(Basis, Basis.UNSTATED), False),
        ("period_start", OPTIONAL_DATE, False), ("inferred", NAMES, False),
        ("note", TEXT, False), ("precision", enum_cell(Precision, Precision.DAY), False),
        ("value_high", OPTIONAL_NUMBER, False)), *_SOURCE),
    "targets": (*_INDICATOR, *_JURISDICTION, *_own(
        ("value", NUMBER, True), ("deadline", OPTIONAL_DATE, False), ("inferred", FLAG, False),
        ("note", TEXT, False)), *_SOURCE),
    "tasks": _own(
        ("code", TEXT, True), ("name", TEXT, True), ("name_vi", TEXT, True),
        ("owner", TEXT, True), ("deadline", OPTIONAL_DATE, False),
        ("status", enum_cell(TaskStatus, TaskStatus.NOT_STARTED), False),
        ("group", WHOLE, False), ("jurisdiction", OPTIONAL_TEXT, False)),
}
#: Column names of each kind of record, in order.
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    kind: tuple(c.name for c in schema) for kind, schema in SCHEMAS.items()}
#: The columns a file of each kind must have.
REQUIRED: Final[dict[str, frozenset[str]]] = {
    kind: frozenset(c.name for c in schema if c.required) for kind, schema in SCHEMAS.items()}

#: Columns a data frame holds after those of a file, by kind of record. A file
#: keeps a reading's printed decimals in the text of its value (``98.90``) and
#: reads them back from it, so its layout stays as it is; a frame holds the
#: value as a float (98.9) and the decimals beside it, in a whole-number
#: column left empty when the value's shortest form says them all
#: (the reading's ``decimals`` is then ``None``).
FRAME_ONLY: Final[dict[str, tuple[Column, ...]]] = {
    "readings": _own(("decimals", WHOLE, False)), "targets": (), "tasks": ()}
#: The columns of each kind of record in a data frame: a file's, then :data:`FRAME_ONLY`.
FRAME_SCHEMAS: Final[dict[str, tuple[Column, ...]]] = {
    kind: (*schema, *FRAME_ONLY[kind]) for kind, schema in SCHEMAS.items()}
#: Column names of each kind of record in a data frame, in order.
FRAME_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    kind: tuple(c.name for c in schema) for kind, schema in FRAME_SCHEMAS.items()}

#: Columns of a readings file, in the order :func:`~de_an06.io.write_csv` writes them.
READING_COLUMNS: Final = COLUMNS["readings"]
#: Columns of a targets file.
TARGET_COLUMNS: Final = COLUMNS["targets"]
#: Columns of a tasks file.
TASK_COLUMNS: Final = COLUMNS["tasks"]

#: The model class of each part of a wide row.
PART_KINDS: Final[dict[str, type[Any]]] = {
    "indicator": Indicator, "jurisdiction": Jurisdiction, "source": Source}
#: The model class of each kind of record.
RECORD_KINDS: Final[dict[str, type[Any]]] = {
    "readings": Reading, "targets": Target, "tasks": Task}

# Every column a file or a frame may hold (a file's reader checks its header first).
_BY_NAME: Final = {kind: {c.name: c for c in schema} for kind, schema in FRAME_SCHEMAS.items()}
_BY_FIELD: Final = {kind: {(c.part, c.field): c for c in schema}
                    for kind, schema in FRAME_SCHEMAS.items()}
_EMPTY: Final = ("", None)


def described_differently(part: str, code: str, first: str, field: str,
                          before: object) -> str:
    """The message for a code whose `field` differs from its description on `first`.

    Examples
    --------
    >>> described_differently("indicator", "eid", "line 2", "unit", Unit.PEOPLE)
    "indicator 'eid' is described differently on line 2 (unit 'people')"
    """
    return (f"{part} {code!r} is described differently on {first} "
            f"({field} {cells.write_cell(before, 'plain')!r})")


def column_named(kind: str, name: str) -> Column:
    """The column `name` of `kind`, frame-only ones too (a KeyError for an unknown one)."""
    return _BY_NAME[kind][name]


class RowError(Exception):
    """A row could not become a record: the column at fault and the message.

    The reader that raised it adds where (file and line, or frame and row).
    """

    def __init__(self, column: str | None, message: str, *, text: str | None = None,
                 cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.column = column
        self.message = message
        self.text = text
        self.cause = cause


class RecordBuilder:
    """Turns rows into records of one kind: THE row -> Reading (Target, Task) builder.

    Parameters
    ----------
    kind : {"readings", "targets", "tasks"}
        What the rows hold.
    columns : sequence of str
        The columns the rows have, in row order (names of the layout).
    known : dict, optional
        Objects rows may name by code alone, by section and code
        (:func:`~de_an06.io._dataset.known_by_code`).

    Notes
    -----
    :meth:`build` takes one row as its raw cells and a function reading the
    value of cell ``i``. Raw cells recognise a part seen before, so its cells
    are read once, and say whether a row cites a source (any ``source``
    column filled). Parts with one code must be equal; the record is built by
    the model, whose error names the column of the field it refuses.

    A part is described once: a row whose ``indicator_*`` (``jurisdiction_*``,
    ``source_*``) cells are all empty means the part of that code described
    on an earlier row, or the one of that code in `known`; once a row has
    named a known part by its code, a later row describing that code must
    describe it as `known` does. :meth:`part` states the rule for one part.
    """

    def __init__(self, kind: str, columns: Sequence[str],
                 known: dict[str, dict[str, Any]] | None = None) -> None:
        self.kind = kind
        self.catalogue = known or {}
        self.columns = [column_named(kind, name) for name in columns]
        self.indices: dict[str, list[int]] = {p: [] for p in ("self", *PART_KINDS)}
        for index, column in enumerate(self.columns):
            self.indices[column.part].append(index)
        # A part's raw cells: the key of the part built from them.
        self.keys = {p: itemgetter(*self.indices[p]) for p in PART_KINDS if self.indices[p]}
        self.parts: tuple[str, ...] = () if kind == "tasks" else ("indicator", "jurisdiction")
        self.seen: dict[str, dict[Hashable, Any]] = {p: {} for p in PART_KINDS}
        self.known: dict[str, dict[str, tuple[Any, str]]] = {p: {} for p in PART_KINDS}

    def build(self, raw: Sequence[Hashable], read: Callable[[int], object], where: str) -> Any:  # noqa: ANN401 - a record
        """The record of one row.

        Parameters
        ----------
        raw : sequence
            The row's cells as given (text, or a frame's values).
        read : callable
            ``read(i)``: the value of cell ``i`` (``None`` when empty), or
            :class:`RowError`.
        where : str
            Where the row is (``"line 3"``), for a later row's message.

        Raises
        ------
        RowError
            Naming the column.
        """
        kwargs = self._fields("self", read)
        for part in (*self.parts, "source"):
            found = self.part(part, raw, read, where)
            if found is not None:
                kwargs[part] = found
        return self._construct(RECORD_KINDS[self.kind], "self", kwargs)

    def part(self, part: str, raw: Sequence[Hashable], read: Callable[[int], object],
             where: str) -> Any:  # noqa: ANN401 - a model object
        """The `part` (``"indicator"``, ``"jurisdiction"``, ``"source"``) a row names.

        The rule of descriptions, which :meth:`build` applies to each part of
        each row, and the columnar reader to each distinct set of a part's
        cells: ``None`` for a source the row does not cite (its ``source``
        cells all empty), else the part, described on this row, named by its
        code alone, or :class:`RowError`. Arguments as for :meth:`build`.
        """
        if part == "source" and all(raw[i] in _EMPTY for i in self.indices["source"]):
            return None
        return self._part(part, raw, read, where)

    def column_of(self, part: str, field: str) -> str:
        """The column holding `field` of `part` (the field's name if none does)."""
        column = _BY_FIELD[self.kind].get((part, field))
        return field if column is None else column.name

    def _fields(self, part: str, read: Callable[[int], object]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for index in self.indices[part]:
            value = read(index)
            if value is not None:
                kwargs[self.columns[index].field] = value
        return kwargs

    def _part(self, part: str, raw: Sequence[Hashable], read: Callable[[int], object],
              where: str) -> Any:  # noqa: ANN401 - a model object
        key = self.keys[part](raw)
        try:
            cached = self.seen[part].get(key)
        except TypeError:  # a frame cell holding a list, say: reading it says what is wrong
            cached = None
        if cached is not None:
            return cached
        code_only = self._code_only(part, raw, read, where)
        if code_only is not None:
            return code_only
        kwargs = self._fields(part, read)
        if not kwargs.get("code"):
            raise RowError(part, f"a {part} code is required when other {part}_ columns "
                                 f"are filled")
        obj = self._construct(PART_KINDS[part], part, kwargs)
        known, first = self.known[part].setdefault(obj.code, (obj, where))
        if known != obj:
            field = next(f.name for f in attrs.fields(type(obj))
                         if getattr(known, f.name) != getattr(obj, f.name))
            raise RowError(self.column_of(part, field), described_differently(
                part, obj.code, first, field, getattr(known, field)))
        with contextlib.suppress(TypeError):
            self.seen[part][key] = known
        return known

    def _code_only(self, part: str, raw: Sequence[Hashable], read: Callable[[int], object],
                   where: str) -> Any:  # noqa: ANN401 - a model object
        """The part a row names by its code alone, or ``None`` when the row describes it."""
        code = next((i for i in self.indices[part] if self.columns[i].field == "code"), None)
        others = [i for i in self.indices[part] if i != code]
        if code is None or raw[code] in _EMPTY or any(raw[i] not in _EMPTY for i in others):
            return None
        name = read(code)
        described = self.known[part].get(name)  # type: ignore[call-overload]
        if described is not None:
            return described[0]
        found = self.catalogue.get(f"{part}s", {}).get(name)  # type: ignore[call-overload]
        if found is None:
            needed = [self.column_of(part, f) for f in _mandatory(PART_KINDS[part])
                      if f != "code"]
            raise RowError(self.columns[code].name,
                           f"{part} {name!r} is not described: give its {', '.join(needed)} "
                           f"on its first row")
        # From here on the code means the known object: a later row may not describe it
        # otherwise, or one file would give one code two meanings.
        self.known[part][name] = (found, f"{where} (from known=)")  # type: ignore[index]
        return found

    def _construct(self, kind: type[Any], part: str, kwargs: dict[str, Any]) -> Any:  # noqa: ANN401
        for field in _mandatory(kind):
            if field not in kwargs:
                needed = _BY_FIELD[self.kind][part, field]
                raise RowError(needed.name, f"must be {needed.cell.noun}, not missing")
        try:
            return kind(**kwargs)
        except ValidationError as error:
            column = self.column_of(part, error.field) if error.field else None
            raise RowError(column, str(error), cause=error) from None


_MANDATORY: Final[dict[type[Any], tuple[str, ...]]] = {}


def _mandatory(kind: type[Any]) -> tuple[str, ...]:
    """The fields of `kind` without a default (worked out once per class)."""
    fields = _MANDATORY.get(kind)
    if fields is None:
        fields = _MANDATORY[kind] = tuple(
            f.name for f in attrs.fields(kind) if f.default is attrs.NOTHING)
    return fields
