"""Readings and analysis results as pandas or polars data frames, and back.

Needs the optional extras ``pandas`` (pandas 2 or later) or ``polars``
(polars 1 or later), imported only when a function here is called.

A frame of readings is *tidy*: one row per reading. Each row also carries the
full definitions of its indicator, jurisdiction and source in wide columns
(``indicator_name_vi``, ``indicator_unit``, ``jurisdiction_level``,
``source_title``...), so a frame converts back to exactly the same readings —
polars has no ``attrs`` to keep them elsewhere, and a filtered or
concatenated frame stays self-describing. The columns are those of a
readings CSV file (:data:`de_an06.io.READING_COLUMNS`: one layout for both,
``de_an06.io.schema``), in the same order, then ``decimals``: the printed
decimals of a value (``98.90`` has 2), which a file keeps in the text of the
number and a frame's float cannot. Codes and enums are categorical, dates are
``datetime64[ns]`` (pandas) or ``Date`` (polars), and ``inferred`` joins
field names with ``;`` (the table is in :doc:`/api/frames`).

Missing numbers and dates (an unknown numerator, a reading without a source)
are NaN/NaT in pandas and null in polars, and come back as ``None``.
Integral values come back as ``int``. A frame read back needs only the
columns a readings CSV file must have (see :doc:`/api/io`); a missing cell
of an optional column takes the default a CSV file's empty cell takes (the
unit's direction, a stock, an exact figure...), and a frame without
``decimals`` (one from before 0.2, or read from a CSV file by pandas) gives
readings whose ``decimals`` is ``None``.

Examples
--------
>>> from de_an06 import datasets
>>> from de_an06.frames import from_pandas, to_pandas
>>> readings = datasets.readings(jurisdiction="56")
>>> frame = to_pandas(readings)
>>> frame.loc[frame.indicator == "eid-collected", ["as_of", "value", "indicator_unit"]]
        as_of     value indicator_unit
10 2023-07-01  546234.0         people
>>> from_pandas(frame) == readings
True

A percent printed ``98,90 %`` keeps its two decimals:

>>> from decimal import Decimal
>>> import attrs
>>> printed = attrs.evolve(readings[11], value=Decimal("98.90"))
>>> to_pandas([printed])[["value", "decimals"]]
   value  decimals
0   98.9         2
>>> from_pandas(to_pandas([printed]))[0].printed_value
Decimal('98.90')
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from de_an06 import _extras
from de_an06 import _validators as v
from de_an06._results_frames import forecasts_to_pandas, trends_to_pandas
from de_an06.errors import ParseError, ValidationError
from de_an06.io import cells, schema
from de_an06.io.cells import CellError
from de_an06.io.schema import Column, RecordBuilder, RowError
from de_an06.model import Reading

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

__all__ = [
    "COLUMNS",
    "forecasts_to_pandas",
    "from_pandas",
    "from_polars",
    "to_pandas",
    "to_polars",
    "trends_to_pandas",
]


def __dir__() -> list[str]:
    return __all__


#: The columns of a frame of readings, in order; those of a readings CSV file,
#: then ``decimals`` (``de_an06.io.schema.FRAME_COLUMNS``).
COLUMNS: tuple[str, ...] = schema.FRAME_COLUMNS["readings"]

_LAYOUT: tuple[Column, ...] = schema.FRAME_SCHEMAS["readings"]
# The one whole-number column, ``decimals``, holds at most 400 (rules.MAX_DECIMALS).
_WHOLE_PANDAS = "Int16"
_DATES = tuple(c.name for c in _LAYOUT if c.cell.kind == "date")


# --------------------------------------------------------------------------
# Readings -> plain columns
# --------------------------------------------------------------------------


def _kind_of(column: Column) -> str:
    """What a frame holds in `column`: codes are categorical, the rest go by their cell."""
    return "code" if column.field == "code" else column.cell.kind


def _members(column: Column) -> list[str]:
    return [str(e.value) for e in column.cell.members or ()]


def _plain(column: Column, reading: Reading) -> object:
    """The value of `column` for `reading`, as a frame holds it."""
    value = column.get(reading)
    if value is None:
        return None
    kind = column.cell.kind
    if kind == "enum":
        return value.value  # type: ignore[attr-defined]
    if kind == "names":
        return cells.write_names(value)  # type: ignore[arg-type]
    return value


def _columns(readings: Iterable[Reading], owner: str) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    try:
        items = v.iterable(owner, "readings", readings)
    except ValidationError as error:
        raise ParseError(str(error), text=repr(readings)) from None
    for index, reading in enumerate(items):
        if not isinstance(reading, Reading):
            raise ParseError(f"{owner}: item {index} must be a Reading, not "
                             f"{type(reading).__name__}", text=repr(reading))
        for column in _LAYOUT:
            columns[column.name].append(_plain(column, reading))
    return columns


def _floats_hold(values: list[Any]) -> bool:
    """Whether a ``float64`` column holds every number of `values` exactly.

    Integers beyond 2**53 are the ones it may not (``9007199254740993``
    would become ``...992``); a frame keeps those in a column of Python
    numbers (pandas ``object``, polars ``Int64`` or ``Object``) instead.
    """
    return all(x is None or isinstance(x, float) or float(x) == x for x in values)


def _int64s(values: list[Any]) -> bool:
    """Whether every number of `values` is an int that ``int64`` holds."""
    return all(x is None or (isinstance(x, int) and -(2**63) <= x < 2**63) for x in values)


# --------------------------------------------------------------------------
# pandas
# --------------------------------------------------------------------------


_NS_MIN = dt.date(1677, 9, 22)
_NS_MAX = dt.date(2262, 4, 11)


def _check_ns(columns: Mapping[str, list[Any]]) -> None:
    for name in _DATES:
        for row, day in enumerate(columns[name]):
            if day is not None and not _NS_MIN <= day <= _NS_MAX:
                raise ParseError(f"row {row}: {day} is outside the datetime64[ns] range "
                                 f"{_NS_MIN}..{_NS_MAX}", file="to_pandas", column=name)


def to_pandas(readings: Iterable[Reading]) -> pd.DataFrame:
    """Readings as a tidy pandas DataFrame, one row per reading.

    Parameters
    ----------
    readings : iterable of Reading
        Any readings (a :class:`~de_an06.Series`, a tuple from
        :mod:`de_an06.datasets`...).

    Returns
    -------
    pandas.DataFrame
        The :data:`COLUMNS`, with categorical codes and enums, dates as
        ``datetime64[ns]`` and missing numbers as NaN. Numbers are
        ``float64``, unless a column holds an integer that ``float64`` would
        round (beyond 2**53): that column holds the Python numbers
        (``object``), so every value comes back exact. ``decimals`` is
        ``Int16`` (nullable), missing where the value's shortest form shows
        all its decimals.

    Raises
    ------
    ParseError
        For an item that is not a Reading, or a date outside the
        ``datetime64[ns]`` range (years 1677-2262).
    de_an06.MissingExtraError
        When pandas is not installed.

    See Also
    --------
    from_pandas : The readings back.
    to_polars : The same frame in polars.
    de_an06.io.write_csv : The same columns in a CSV file.

    Examples
    --------
    >>> from de_an06 import datasets
    >>> frame = to_pandas(datasets.readings(jurisdiction="54"))
    >>> frame.dtypes[["indicator", "as_of", "value", "decimals"]].astype(str).tolist()
    ['category', 'datetime64[ns]', 'float64', 'Int16']
    """
    _extras.require("pandas", "de_an06.frames.to_pandas")
    import pandas as pd

    columns = _columns(readings, "to_pandas")
    _check_ns(columns)
    data: dict[str, Any] = {}
    for column in _LAYOUT:
        values, kind = columns[column.name], _kind_of(column)
        if kind == "code":
            data[column.name] = pd.Categorical(values)
        elif kind == "enum":
            data[column.name] = pd.Categorical(values, categories=_members(column))
        elif kind == "date":
            data[column.name] = pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
        elif kind == "number":
            data[column.name] = pd.Series([math.nan if x is None else x for x in values],
                                          dtype="float64" if _floats_hold(values) else object)
        elif kind == "whole":
            data[column.name] = pd.Series(values, dtype=_WHOLE_PANDAS)
        else:
            data[column.name] = pd.Series(values, dtype="boolean" if kind == "flag"
                                          else object if not values else None)
    frame: pd.DataFrame = pd.DataFrame(data, columns=list(COLUMNS))
    return frame


def _missing(value: object) -> bool:
    """NaN, NaT, None or pandas.NA."""
    if value is None:
        return True
    try:
        return bool(value != value)  # noqa: PLR0124 - NaN and NaT are not equal to themselves
    except TypeError:  # pandas.NA refuses bool()
        return True


def _pandas_cell(value: object) -> object:
    if _missing(value):
        return None
    to_pydatetime = getattr(value, "to_pydatetime", None)
    if callable(to_pydatetime):  # a pandas Timestamp
        return to_pydatetime()
    item = getattr(value, "item", None)
    if callable(item):  # a numpy scalar
        return item()
    return value


def from_pandas(frame: pd.DataFrame) -> tuple[Reading, ...]:
    """The readings of a frame made by :func:`to_pandas` (or shaped like one).

    Rows become readings in order; indicators, jurisdictions and sources are
    rebuilt from the wide columns, once per code, by the builder
    :func:`~de_an06.io.read_csv` uses, and each value with its printed
    ``decimals``. Only the columns a readings CSV file must have are needed;
    the others may be left out (without ``decimals``, a reading's
    ``decimals`` is ``None``).

    Parameters
    ----------
    frame : pandas.DataFrame
        The frame; its index is used only in error messages.

    Returns
    -------
    tuple of Reading

    Raises
    ------
    ParseError
        Naming the column and row (by position and index label) for a
        missing column, a cell of the wrong type, an unknown enum value, a
        code whose definition differs between rows, or a value the domain
        model refuses (the :class:`~de_an06.ValidationError` is chained),
        ``decimals`` fewer than the value shows included.

    See Also
    --------
    to_pandas : The frame of readings.
    from_polars : The same from a polars frame.
    de_an06.io.read_csv : The same columns from a CSV file.

    Examples
    --------
    >>> import pandas as pd
    >>> from de_an06 import datasets
    >>> frame = to_pandas(datasets.readings(jurisdiction="56"))
    >>> from_pandas(frame.assign(value=-1.0))
    Traceback (most recent call last):
    ...
    de_an06.errors.ParseError: pandas.DataFrame: column 'value': row 0 (index 0): Reading.value ...
    >>> from_pandas(frame.assign(decimals=-1))
    Traceback (most recent call last):
    ...
    de_an06.errors.ParseError: pandas.DataFrame: column 'decimals': row 0 (index 0): ...
    """
    _extras.require("pandas", "de_an06.frames.from_pandas")
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise ParseError(f"from_pandas needs a pandas.DataFrame, not {type(frame).__name__}")
    labels = list(frame.index)
    columns = {str(name): [_pandas_cell(x) for x in frame[name].tolist()]
               for name in frame.columns if str(name) in COLUMNS}
    return _readings(columns, len(frame), "pandas.DataFrame", labels)


# --------------------------------------------------------------------------
# polars
# --------------------------------------------------------------------------


def to_polars(readings: Iterable[Reading]) -> pl.DataFrame:
    """Readings as a tidy polars DataFrame, one row per reading.

    The same :data:`COLUMNS` as :func:`to_pandas`; codes are ``Categorical``,
    enums ``Enum`` with all their values, dates ``Date`` and missing numbers
    null. Numbers are ``Float64``, unless a column holds an integer that
    ``Float64`` would round (beyond 2**53): then ``Int64`` if every number of
    the column is an integer that fits, else ``Object``, so every value comes
    back exact. ``decimals`` is ``Int16``, null where the value's shortest
    form shows all its decimals.

    Raises
    ------
    ParseError
        For an item that is not a Reading.
    de_an06.MissingExtraError
        When polars is not installed.

    See Also
    --------
    from_polars : The readings back.
    to_pandas : The same frame in pandas.

    Examples
    --------
    >>> from de_an06 import datasets
    >>> frame = to_polars(datasets.readings(jurisdiction="56", indicator="eid-collected"))
    >>> frame.select("jurisdiction_name_vi", "as_of", "value").row(0)
    ('Khánh Hòa', datetime.date(2023, 7, 1), 546234.0)
    """
    _extras.require("polars", "de_an06.frames.to_polars")
    import polars as pl

    columns = _columns(readings, "to_polars")
    kinds = {"code": pl.Categorical(), "date": pl.Date(), "number": pl.Float64(),
             "whole": pl.Int16(), "flag": pl.Boolean(), "text": pl.String(),
             "names": pl.String()}
    types = {column.name: pl.Enum(_members(column)) if column.cell.members is not None
             else kinds[_kind_of(column)] for column in _LAYOUT}
    for column in _LAYOUT:
        values = columns[column.name]
        if column.cell.kind == "number" and not _floats_hold(values):
            types[column.name] = pl.Int64() if _int64s(values) else pl.Object()
    return pl.DataFrame(columns, schema=types)


def from_polars(frame: pl.DataFrame) -> tuple[Reading, ...]:
    """The readings of a frame made by :func:`to_polars` (or shaped like one).

    Reads like :func:`from_pandas`; nulls are missing values.

    Raises
    ------
    ParseError
        Naming the column and row, as :func:`from_pandas` does.

    See Also
    --------
    to_polars : The frame of readings.
    from_pandas : The same from a pandas frame.
    de_an06.io.read_csv : The same columns from a CSV file.

    Examples
    --------
    >>> from de_an06 import datasets
    >>> readings = datasets.readings(jurisdiction="51", subunits=True)
    >>> from_polars(to_polars(readings)) == readings
    True
    """
    _extras.require("polars", "de_an06.frames.from_polars")
    import polars as pl

    if not isinstance(frame, pl.DataFrame):
        raise ParseError(f"from_polars needs a polars.DataFrame, not {type(frame).__name__}")
    columns = {name: [None if _missing(x) else x for x in frame.get_column(name).to_list()]
               for name in frame.columns if name in COLUMNS}
    return _readings(columns, frame.height, "polars.DataFrame", list(range(frame.height)))


# --------------------------------------------------------------------------
# Plain columns -> readings
# --------------------------------------------------------------------------


def _cell(layout: Sequence[Column], row: Sequence[object], index: int) -> object:
    """Cell `index` of a frame's row as the model takes it (None: the default)."""
    try:
        return cells.read_value(layout[index].cell, row[index])
    except CellError as error:
        raise RowError(layout[index].name, str(error)) from None


def _readings(columns: Mapping[str, list[Any]], height: int, file: str,
              labels: Sequence[object]) -> tuple[Reading, ...]:
    required = [c for c in COLUMNS if c in schema.REQUIRED["readings"]]
    for name in required:
        if name not in columns:
            raise ParseError(f"the column is missing (a frame of readings needs {required})",
                             file=file, column=name)
    names = [name for name in COLUMNS if name in columns]
    layout = [schema.column_named("readings", name) for name in names]
    data = [columns[name] for name in names]
    builder = RecordBuilder("readings", names)
    out: list[Reading] = []
    for row in range(height):
        cells_ = [column[row] for column in data]
        try:
            out.append(builder.build(cells_, functools.partial(_cell, layout, cells_),
                                     f"row {row}"))
        except RowError as error:
            where = f"row {row}"
            if file == "pandas.DataFrame":
                where += f" (index {labels[row]!r})"
            raise ParseError(f"{where}: {error.message}", file=file,
                             column=error.column) from error.cause
    return tuple(out)
