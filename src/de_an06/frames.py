"""Readings and analysis results as pandas or polars data frames, and back.

Needs the optional extras ``pandas`` (pandas 2 or later) or ``polars``
(polars 1 or later), imported only when a function here is called.

A frame of readings is *tidy*: one row per reading. Each row also carries the
full definitions of its indicator, jurisdiction and source in wide columns
(``indicator_name_vi``, ``unit``, ``jurisdiction_level``, ``source_title``...),
so a frame converts back to exactly the same readings — polars has no
``attrs`` to keep them elsewhere, and a filtered or concatenated frame stays
self-describing. The columns, in order:

====================  ======================  ===============================
column                pandas dtype            polars dtype
====================  ======================  ===============================
indicator             category (code)         Categorical
jurisdiction          category (code)         Categorical
as_of                 datetime64[ns]          Date
value                 float64                 Float64
qualifier             category (all values)   Enum
numerator             float64 (NaN: unknown)  Float64 (null: unknown)
denominator           float64 (NaN: unknown)  Float64 (null: unknown)
basis                 category (all values)   Enum
period_start          datetime64[ns] (NaT)    Date
source                category (code)         Categorical
inferred              str (comma-separated)   String
note                  str                     String
indicator_name        str                     String
indicator_name_vi     str                     String
unit                  category (all values)   Enum
direction             category (all values)   Enum
measure               category (all values)   Enum
jurisdiction_name     str                     String
jurisdiction_name_vi  str                     String
jurisdiction_level    category (all values)   Enum
jurisdiction_parent   str                     String
source_title          str                     String
source_publisher      str                     String
source_published      datetime64[ns] (NaT)    Date
source_url            str                     String
source_date_inferred  boolean (nullable)      Boolean
source_note           str                     String
====================  ======================  ===============================

Missing numbers and dates (an unknown numerator, a reading without a source)
are NaN/NaT in pandas and null in polars, and come back as ``None``.
Integral values come back as ``int``.

Examples
--------
>>> from de_an06 import datasets
>>> from de_an06.frames import from_pandas, to_pandas
>>> readings = datasets.readings(jurisdiction="56")
>>> frame = to_pandas(readings)
>>> frame.loc[frame.indicator == "eid-collected", ["as_of", "value", "unit"]]
        as_of     value    unit
10 2023-07-01  546234.0  people
>>> from_pandas(frame) == readings
True
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from de_an06.analysis import Forecast, Trend
from de_an06.errors import DeAn06Error, ParseError
from de_an06.model import (
    Basis,
    Direction,
    Indicator,
    Jurisdiction,
    Level,
    Measure,
    Qualifier,
    Reading,
    Source,
    Unit,
)

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


_CODES = ("indicator", "jurisdiction", "source")
_ENUMS: dict[str, type[Any]] = {
    "qualifier": Qualifier, "basis": Basis, "unit": Unit, "direction": Direction,
    "measure": Measure, "jurisdiction_level": Level,
}
_DATES = ("as_of", "period_start", "source_published")
_NUMBERS = ("value", "numerator", "denominator")
_BOOLS = ("source_date_inferred",)

#: The columns of a frame of readings, in order.
COLUMNS: tuple[str, ...] = (
    "indicator", "jurisdiction", "as_of", "value", "qualifier", "numerator", "denominator",
    "basis", "period_start", "source", "inferred", "note",
    "indicator_name", "indicator_name_vi", "unit", "direction", "measure",
    "jurisdiction_name", "jurisdiction_name_vi", "jurisdiction_level", "jurisdiction_parent",
    "source_title", "source_publisher", "source_published", "source_url",
    "source_date_inferred", "source_note",
)

#: Columns that may be missing from a frame read back (a source-less frame).
_OPTIONAL = frozenset(c for c in COLUMNS if c.startswith("source")) | {
    "numerator", "denominator", "period_start", "inferred", "note", "basis", "qualifier"}


# --------------------------------------------------------------------------
# Readings -> plain columns
# --------------------------------------------------------------------------


def _row(reading: Reading) -> dict[str, object]:
    i, j, s = reading.indicator, reading.jurisdiction, reading.source
    return {
        "indicator": i.code, "jurisdiction": j.code, "as_of": reading.as_of,
        "value": float(reading.value), "qualifier": reading.qualifier.value,
        "numerator": None if reading.numerator is None else float(reading.numerator),
        "denominator": None if reading.denominator is None else float(reading.denominator),
        "basis": reading.basis.value, "period_start": reading.period_start,
        "source": None if s is None else s.code,
        "inferred": ",".join(sorted(reading.inferred)), "note": reading.note,
        "indicator_name": i.name, "indicator_name_vi": i.name_vi, "unit": i.unit.value,
        "direction": i.direction.value, "measure": i.measure.value,
        "jurisdiction_name": j.name, "jurisdiction_name_vi": j.name_vi,
        "jurisdiction_level": j.level.value, "jurisdiction_parent": j.parent,
        "source_title": None if s is None else s.title,
        "source_publisher": None if s is None else s.publisher,
        "source_published": None if s is None else s.published,
        "source_url": None if s is None else s.url,
        "source_date_inferred": None if s is None else s.date_inferred,
        "source_note": None if s is None else s.note,
    }


def _columns(readings: Iterable[Reading], owner: str) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for index, reading in enumerate(readings):
        if not isinstance(reading, Reading):
            raise ParseError(f"{owner}: item {index} must be a Reading, not "
                             f"{type(reading).__name__}", text=repr(reading))
        for name, value in _row(reading).items():
            columns[name].append(value)
    return columns


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
        ``datetime64[ns]`` and missing numbers as NaN.

    Raises
    ------
    ParseError
        For an item that is not a Reading, or a date outside the
        ``datetime64[ns]`` range (years 1677-2262).
    ModuleNotFoundError
        When pandas is not installed.

    Examples
    --------
    >>> from de_an06 import datasets
    >>> frame = to_pandas(datasets.readings(jurisdiction="54"))
    >>> frame.dtypes[["indicator", "as_of", "value", "numerator"]].astype(str).tolist()
    ['category', 'datetime64[ns]', 'float64', 'float64']
    """
    import pandas as pd

    columns = _columns(readings, "to_pandas")
    _check_ns(columns)
    data: dict[str, Any] = {}
    for name in COLUMNS:
        values = columns[name]
        if name in _CODES:
            data[name] = pd.Categorical(values)
        elif name in _ENUMS:
            data[name] = pd.Categorical(values, categories=[e.value for e in _ENUMS[name]])
        elif name in _DATES:
            data[name] = pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
        elif name in _NUMBERS:
            data[name] = pd.Series([math.nan if x is None else x for x in values],
                                   dtype="float64")
        elif name in _BOOLS:
            data[name] = pd.Series(values, dtype="boolean")
        else:
            data[name] = pd.Series(values, dtype=object if not values else None)
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
    rebuilt from the wide columns, once per code. The source columns, and
    ``numerator``, ``denominator``, ``period_start``, ``qualifier``,
    ``basis``, ``inferred`` and ``note``, may be left out.

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
        model refuses (the :class:`~de_an06.ValidationError` is chained).

    Examples
    --------
    >>> import pandas as pd
    >>> from de_an06 import datasets
    >>> frame = to_pandas(datasets.readings(jurisdiction="56"))
    >>> from_pandas(frame.assign(value=-1.0))
    Traceback (most recent call last):
    ...
    de_an06.errors.ParseError: pandas.DataFrame: column 'value': row 0 (index 0): Reading.value ...
    """
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
    null.

    Raises
    ------
    ParseError
        For an item that is not a Reading.
    ModuleNotFoundError
        When polars is not installed.

    Examples
    --------
    >>> from de_an06 import datasets
    >>> frame = to_polars(datasets.readings(jurisdiction="56", indicator="eid-collected"))
    >>> frame.select("jurisdiction_name_vi", "as_of", "value").row(0)
    ('Khánh Hòa', datetime.date(2023, 7, 1), 546234.0)
    """
    import polars as pl

    columns = _columns(readings, "to_polars")
    schema: dict[str, Any] = {}
    for name in COLUMNS:
        if name in _CODES:
            schema[name] = pl.Categorical()
        elif name in _ENUMS:
            schema[name] = pl.Enum([e.value for e in _ENUMS[name]])
        elif name in _DATES:
            schema[name] = pl.Date()
        elif name in _NUMBERS:
            schema[name] = pl.Float64()
        elif name in _BOOLS:
            schema[name] = pl.Boolean()
        else:
            schema[name] = pl.String()
    return pl.DataFrame(columns, schema=schema)


def from_polars(frame: pl.DataFrame) -> tuple[Reading, ...]:
    """The readings of a frame made by :func:`to_polars` (or shaped like one).

    Reads like :func:`from_pandas`; nulls are missing values.

    Raises
    ------
    ParseError
        Naming the column and row, as :func:`from_pandas` does.

    Examples
    --------
    >>> from de_an06 import datasets
    >>> readings = datasets.readings(jurisdiction="51", subunits=True)
    >>> from_polars(to_polars(readings)) == readings
    True
    """
    import polars as pl

    if not isinstance(frame, pl.DataFrame):
        raise ParseError(f"from_polars needs a polars.DataFrame, not {type(frame).__name__}")
    columns = {name: [None if _missing(x) else x for x in frame.get_column(name).to_list()]
               for name in frame.columns if name in COLUMNS}
    return _readings(columns, frame.height, "polars.DataFrame", list(range(frame.height)))


# --------------------------------------------------------------------------
# Plain columns -> readings
# --------------------------------------------------------------------------


class _Rows:
    """Reads typed cells of a frame's columns, with errors naming column and row."""

    def __init__(self, columns: Mapping[str, list[Any]], file: str,
                 labels: Sequence[object]) -> None:
        self.columns = columns
        self.file = file
        self.labels = labels
        for name in COLUMNS:
            if name not in columns and name not in _OPTIONAL:
                raise ParseError(f"the column is missing (a frame of readings needs "
                                 f"{[c for c in COLUMNS if c not in _OPTIONAL]})",
                                 file=file, column=name)

    def error(self, row: int, name: str, message: str) -> ParseError:
        where = f"row {row}"
        if self.file == "pandas.DataFrame":
            where += f" (index {self.labels[row]!r})"
        return ParseError(f"{where}: {message}", file=self.file, column=name)

    def get(self, row: int, name: str) -> object:
        column = self.columns.get(name)
        return None if column is None else column[row]

    def text(self, row: int, name: str) -> str:
        value = self.maybe_text(row, name)
        if value is None:
            raise self.error(row, name, "must be text, not missing (None)")
        return value

    def maybe_text(self, row: int, name: str) -> str | None:
        value = self.get(row, name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.error(row, name, f"must be text, not {_kind(value)} ({value!r})")
        return value

    def number(self, row: int, name: str) -> float:
        value = self.maybe_number(row, name)
        if value is None:
            raise self.error(row, name, "must be a number, not missing (None)")
        return value

    def maybe_number(self, row: int, name: str) -> float | None:
        value = self.get(row, name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(row, name, f"must be a number, not {_kind(value)} ({value!r})")
        if not math.isfinite(value):
            raise self.error(row, name, f"must be finite (got {value!r})")
        return int(value) if float(value).is_integer() else float(value)

    def date(self, row: int, name: str) -> dt.date:
        value = self.maybe_date(row, name)
        if value is None:
            raise self.error(row, name, "must be a date, not missing (None)")
        return value

    def maybe_date(self, row: int, name: str) -> dt.date | None:
        value = self.get(row, name)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            if value.time() != dt.time(0) or value.tzinfo is not None:
                raise self.error(row, name, f"must be a date without a time of day "
                                            f"(got {value.isoformat()})")
            return value.date()
        if not isinstance(value, dt.date):
            raise self.error(row, name, f"must be a date, not {_kind(value)} ({value!r})")
        return value

    def flag(self, row: int, name: str) -> bool:
        value = self.get(row, name)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.error(row, name, f"must be true or false, not {_kind(value)} "
                                        f"({value!r})")
        return value

    def enum(self, row: int, name: str, default: Any) -> Any:  # noqa: ANN401 - an enum member
        value = self.get(row, name)
        if value is None:
            if default is None:
                raise self.error(row, name, "must not be missing")
            return default
        kind = _ENUMS[name]
        try:
            return kind(value)
        except ValueError:
            raise self.error(row, name, f"must be one of {[e.value for e in kind]} "
                                        f"(got {value!r})") from None

    def build(self, row: int, factory: Callable[[], Any]) -> Any:  # noqa: ANN401
        """Call `factory`, turning a domain error into one naming the row."""
        try:
            return factory()
        except ParseError:
            raise
        except DeAn06Error as error:
            field = getattr(error, "field", None)
            raise self.error(row, _COLUMN_OF.get(str(field), str(field)), str(error)) \
                from error


_COLUMN_OF = {"name": "indicator_name", "name_vi": "indicator_name_vi", "code": "indicator",
              "level": "jurisdiction_level", "parent": "jurisdiction_parent",
              "title": "source_title", "publisher": "source_publisher",
              "published": "source_published", "url": "source_url",
              "date_inferred": "source_date_inferred"}


def _kind(value: object) -> str:
    return "missing" if value is None else type(value).__name__


def _indicator(rows: _Rows, row: int) -> Indicator:
    def make() -> Indicator:
        return Indicator(rows.text(row, "indicator"), rows.text(row, "indicator_name"),
                         rows.text(row, "indicator_name_vi"),
                         unit=rows.enum(row, "unit", None),
                         direction=rows.enum(row, "direction", None),
                         measure=rows.enum(row, "measure", None))

    return rows.build(row, make)  # type: ignore[no-any-return]


def _jurisdiction(rows: _Rows, row: int) -> Jurisdiction:
    def make() -> Jurisdiction:
        return Jurisdiction(rows.text(row, "jurisdiction"), rows.text(row, "jurisdiction_name"),
                            rows.text(row, "jurisdiction_name_vi"),
                            level=rows.enum(row, "jurisdiction_level", None),
                            parent=rows.maybe_text(row, "jurisdiction_parent"))

    return rows.build(row, make)  # type: ignore[no-any-return]


def _source(rows: _Rows, row: int) -> Source | None:
    code = rows.maybe_text(row, "source")
    if code is None:
        return None

    def make() -> Source:
        return Source(code, rows.text(row, "source_title"), rows.text(row, "source_publisher"),
                      published=rows.maybe_date(row, "source_published"),
                      url=rows.maybe_text(row, "source_url"),
                      date_inferred=rows.flag(row, "source_date_inferred"),
                      note=rows.maybe_text(row, "source_note") or "")

    return rows.build(row, make)  # type: ignore[no-any-return]


def _same(rows: _Rows, row: int, seen: dict[str, Any], item: Any, column: str) -> Any:  # noqa: ANN401
    """`item`, or the one already built for its code, which must be equal."""
    known = seen.setdefault(item.code, item)
    if known != item:
        field = next(f.name for f in attrs.fields(type(item))
                     if getattr(known, f.name) != getattr(item, f.name))
        name = field if column == "indicator" and field in _ENUMS else f"{column}_{field}"
        raise rows.error(row, name, f"{column} code {item.code!r} is defined differently on "
                                    f"an earlier row ({field} {getattr(known, field)!r})")
    return known


def _readings(columns: Mapping[str, list[Any]], height: int, file: str,
              labels: Sequence[object]) -> tuple[Reading, ...]:
    rows = _Rows(columns, file, labels)
    indicators: dict[str, Indicator] = {}
    places: dict[str, Jurisdiction] = {}
    sources: dict[str, Source] = {}
    out: list[Reading] = []
    for row in range(height):
        indicator = _same(rows, row, indicators, _indicator(rows, row), "indicator")
        place = _same(rows, row, places, _jurisdiction(rows, row), "jurisdiction")
        source = _source(rows, row)
        if source is not None:
            source = _same(rows, row, sources, source, "source")
        inferred = rows.maybe_text(row, "inferred") or ""

        def make(indicator: Indicator = indicator, place: Jurisdiction = place,
                 source: Source | None = source, inferred: str = inferred,
                 row: int = row) -> Reading:
            return Reading(indicator, rows.number(row, "value"), rows.date(row, "as_of"), place,
                           rows.enum(row, "qualifier", Qualifier.EXACT),
                           numerator=rows.maybe_number(row, "numerator"),
                           denominator=rows.maybe_number(row, "denominator"),
                           basis=rows.enum(row, "basis", Basis.UNSTATED),
                           period_start=rows.maybe_date(row, "period_start"),
                           source=source,
                           inferred=frozenset(inferred.split(",")) if inferred else frozenset(),
                           note=rows.maybe_text(row, "note") or "")

        out.append(rows.build(row, make))
    return tuple(out)


# --------------------------------------------------------------------------
# Analysis results
# --------------------------------------------------------------------------


def _results_frame(records: list[dict[str, Any]], dates: Sequence[str],
                   keys: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    frame: pd.DataFrame = pd.DataFrame.from_records(records, columns=list(keys))
    for name in dates:
        frame[name] = pd.Series(pd.to_datetime(frame[name]), dtype="datetime64[ns]")
    return frame


def trends_to_pandas(trends: Mapping[str, Trend]) -> pd.DataFrame:
    """Fitted trends as a pandas DataFrame, one row per key.

    Parameters
    ----------
    trends : dict
        Trends (:class:`~de_an06.Trend`) by a label of your choice (a
        series' place, say).

    Returns
    -------
    pandas.DataFrame
        Columns ``key, slope, intercept, slope_se, slope_ci_low,
        slope_ci_high, r_squared, n, start, end, confidence, flat``; missing
        quantities (two-point trends) are NaN.

    Examples
    --------
    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading, Series, trend
    >>> vn = Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    >>> ind = Indicator("index", "An index", "Chỉ số", unit="count")
    >>> s = Series([Reading(ind, y, dt.date(2023, 1, 1 + i), vn)
    ...             for i, y in enumerate([10, 12, 15])])
    >>> trends_to_pandas({"VN": trend(s)})[["key", "slope", "n"]]
      key  slope  n
    0  VN    2.5  3
    """
    records = []
    for key, t in trends.items():
        low, high = t.slope_ci if t.slope_ci is not None else (None, None)
        records.append({"key": key, "slope": t.slope, "intercept": t.intercept,
                        "slope_se": t.slope_se, "slope_ci_low": low, "slope_ci_high": high,
                        "r_squared": t.r_squared, "n": t.n, "start": t.start, "end": t.end,
                        "confidence": t.confidence, "flat": t.flat})
    keys = ("key", "slope", "intercept", "slope_se", "slope_ci_low", "slope_ci_high",
            "r_squared", "n", "start", "end", "confidence", "flat")
    frame = _results_frame(records, ("start", "end"), keys)
    for name in ("slope_se", "slope_ci_low", "slope_ci_high", "r_squared"):
        frame[name] = frame[name].astype("float64")
    return frame


def forecasts_to_pandas(forecasts: Mapping[str, Forecast]) -> pd.DataFrame:
    """Forecasts as a pandas DataFrame, one row per key.

    Parameters
    ----------
    forecasts : dict
        Forecasts (:class:`~de_an06.Forecast`) by a label of your choice.

    Returns
    -------
    pandas.DataFrame
        Columns ``key, status, target, deadline, as_of, latest, latest_date,
        reach_date, reach_earliest, reach_latest, current_pace, required_pace,
        pace_ratio, pace_unit, days_left, working_days_left``; ``status`` is
        categorical (Open SDG names), dates ``datetime64[ns]`` (NaT when
        missing), missing numbers NaN.

    Examples
    --------
    >>> import datetime as dt
    >>> from de_an06 import datasets, forecast
    >>> kh = datasets.readings(jurisdiction="56", indicator="eid-collected")[0]
    >>> f = forecast(kh, 756_805, deadline=dt.date(2023, 7, 30))
    >>> forecasts_to_pandas({"Khánh Hòa": f})[["key", "required_pace", "days_left"]].round(2)
             key  required_pace  days_left
    0  Khánh Hòa        7261.07       29.0
    """
    import pandas as pd

    keys = ("key", "status", "target", "deadline", "as_of", "latest", "latest_date",
            "reach_date", "reach_earliest", "reach_latest", "current_pace", "required_pace",
            "pace_ratio", "pace_unit", "days_left", "working_days_left")
    records = [{"key": key, **{name: getattr(f, name) for name in keys[1:]}}
               for key, f in forecasts.items()]
    for record in records:
        record["status"] = record["status"].value
    frame = _results_frame(records, ("deadline", "as_of", "latest_date", "reach_date",
                                     "reach_earliest", "reach_latest"), keys)
    from de_an06.analysis import ProgressStatus

    frame["status"] = pd.Categorical(frame["status"],
                                     categories=[s.value for s in ProgressStatus])
    for name in ("current_pace", "required_pace", "pace_ratio", "days_left",
                 "working_days_left"):
        frame[name] = frame[name].astype("float64")
    return frame
