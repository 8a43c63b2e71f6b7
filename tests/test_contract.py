"""The public API's contract: any argument is accepted, or refused with DeAn06Error.

For each public function and constructor in :data:`CONTRACT`, one argument at
a time is replaced with a value from :data:`HOSTILE`: NumPy scalars of every
width, ``Decimal``, ``Fraction``, ``bool``, ``None``, text, huge integers,
NaN and the infinities, dates as ``datetime``, ``datetime64``, pandas
``Timestamp`` and text, dates outside years 1 to 9999, containers and plain
objects. The call must then either return (the value meant what the
documentation says it may mean) or raise :class:`de_an06.DeAn06Error` (its
subclasses, and :class:`de_an06.MissingExtraError` among them) naming the
argument. Any other exception (``TypeError``, ``AttributeError``,
``OverflowError``, ``decimal.InvalidOperation``, ``KeyError``...) fails.

A few examples per entry in ``make test``; ``make fuzz`` runs many.
"""

from __future__ import annotations

import datetime as dt
import functools
import io as stdio
import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import batch, datasets, io, parsing
from de_an06.model import rules

pytestmark = pytest.mark.fuzz

# A hundredth of the profile's examples per entry: 20 in `make test` (the floor),
# 1,000 in `make fuzz`.
CONTRACT_SETTINGS = settings(max_examples=max(20, settings().max_examples // 100),
                             suppress_health_check=list(HealthCheck))

KH = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
PEOPLE = da.Indicator("eid-collected", "e-ID applications collected", "Thu nhận hồ sơ ĐDĐT",
                      unit="people")
DAY = dt.date(2023, 7, 1)
READING = da.Reading(PEOPLE, 546_234, as_of=DAY, jurisdiction=KH)
SERIES = da.Series([READING, da.Reading(PEOPLE, 600_000, as_of=dt.date(2023, 7, 10),
                                        jurisdiction=KH)])
TARGET = da.Target(PEOPLE, 756_805, jurisdiction=KH, deadline=dt.date(2023, 7, 30))
TABLE = batch.ReadingTable.from_arrays(np.repeat([1, 2], 3), np.tile([19_500, 19_501, 19_502], 2),
                                       np.arange(6.0))

# --------------------------------------------------------------------------
# Hostile values
# --------------------------------------------------------------------------

_INTS = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
_FLOATS = [np.float16, np.float32, np.float64, np.longdouble]


def _numpy_int(kind: Any) -> st.SearchStrategy[Any]:
    info = np.iinfo(kind)
    return st.integers(int(info.min), int(info.max)).map(kind)


_NUMPY = st.one_of(
    *(_numpy_int(kind) for kind in _INTS),
    st.floats(width=16).map(np.float16),
    st.floats(width=32).map(np.float32),
    *(st.floats().map(kind) for kind in _FLOATS[2:]),
    st.sampled_from([np.bool_(1), np.float64("nan"), np.complex128(1)]),
)
_NUMBERS = st.one_of(
    st.integers(-(10**400), 10**400),
    st.sampled_from([0, 1, -1, 2**53 + 1, 2**63, 2**64, 10**308, 10**309, -(2**63) - 1]),
    st.floats(),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 5e-324, 1.7976931348623157e308]),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("98.90"), Decimal("1e400"), Decimal("-0"), Decimal("sNaN")]),
    st.fractions(),
    st.sampled_from([Fraction(10**400, 3), Fraction(1, 10**400)]),
    st.booleans(),
    st.complex_numbers(),
)


def _timestamps() -> st.SearchStrategy[Any]:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a test dependency
        return st.nothing()
    return st.sampled_from([pd.Timestamp("2023-07-01"), pd.Timestamp("2023-07-01 12:30"),
                            pd.NaT])


_DATES = st.one_of(
    st.dates(),
    st.sampled_from([dt.date.min, dt.date.max]),
    st.datetimes(),
    st.sampled_from([dt.datetime(2023, 7, 1, tzinfo=dt.timezone.utc), dt.time(1, 2),
                     dt.timedelta(days=3)]),
    st.sampled_from([np.datetime64("2023-07-01"), np.datetime64("2023-07-01T12:00"),
                     np.datetime64("NaT"), np.datetime64("10000-01-01"),
                     np.datetime64("-0001-01-01"), np.datetime64("2023-07", "M"),
                     np.datetime64(2**62, "D")]),
    _timestamps(),
    st.sampled_from(["2023-07-01", "01/07/2023", "0000-01-01", "10000-01-01", "", "ngày 1"]),
)
_TEXT = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["56", "Khánh Hòa", "546.234", "1,5", "98,90 %", "-1", "nan", "\x00",
                     "\ud800", " ", "eid-collected", "năm 0000", "2023-W53", "2023Q5"]),
    st.binary(max_size=8),
)
_OTHER = st.sampled_from([None, [], [1], (1, 2), {}, {"a": 1}, set(), object(), print, int,
                          np.array([1, 2]), np.array(5), np.array([], dtype=object),
                          np.array(["a"]), READING, TARGET, KH, PEOPLE, SERIES, TABLE])

#: Everything a user may pass.
HOSTILE = st.one_of(_NUMPY, _NUMBERS, _DATES, _TEXT, _OTHER)

# --------------------------------------------------------------------------
# The table: a call with good arguments, and which of them to replace
# --------------------------------------------------------------------------


@attrs.frozen
class Entry:
    """`function(*args, **kwargs)` with valid arguments; `names` are replaced one at a time."""

    name: str
    function: Callable[..., object]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = attrs.field(factory=dict)
    #: Positional parameters by name: ``{"value": 1}`` is ``args[1]``; the keyword
    #: arguments in `kwargs` are replaced too.
    positions: dict[str, int] = attrs.field(factory=dict)

    @property
    def names(self) -> list[str]:
        return [*self.positions, *self.kwargs]

    def call(self, name: str, value: object) -> object:
        args, kwargs = list(self.args), dict(self.kwargs)
        if name in self.positions:
            args[self.positions[name]] = value
        else:
            kwargs[name] = value
        return self.function(*args, **kwargs)


def _reading(indicator: object, value: object, **kwargs: object) -> da.Reading:
    return da.Reading(indicator, value, **kwargs)  # type: ignore[arg-type]


_CSV = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
        "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,value,"
        "as_of\neid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,VN,5,2023-07-01\n")


def _write_csv(dataset: object, **kwargs: Any) -> str:
    out = stdio.StringIO()
    io.write_csv(dataset, out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def _write_json(dataset: object) -> str:
    out = stdio.StringIO()
    io.write_json(dataset, out)  # type: ignore[arg-type]
    return out.getvalue()


def _read_csv(**kwargs: Any) -> object:
    return io.read_csv(stdio.StringIO(_CSV), **kwargs)


def _read_csv_columns(**kwargs: Any) -> object:
    return io.read_csv_columns(stdio.StringIO(_CSV), **kwargs)


def _calendar(**kwargs: Any) -> object:
    calendar: Any = pytest.importorskip("de_an06.calendar")
    pytest.importorskip("holidays")
    return calendar.WorkingCalendar(**kwargs)


def _calendar_method(name: str) -> Callable[..., object]:
    """A method of the default working calendar, built on first use (holidays is an extra)."""
    def call(*args: object) -> object:
        return getattr(_default_calendar(), name)(*args)
    return call


@functools.cache
def _default_calendar() -> Any:
    return _calendar()


#: Stands for a frame of READING, built when called (pandas and polars are extras).
GOOD = "a frame of READING"


def _frames(name: str) -> Callable[..., object]:
    """A function of de_an06.frames, imported when called."""
    def call(value: object) -> object:
        from de_an06 import frames

        if value is GOOD:
            value = getattr(frames, name.replace("from_", "to_"))([READING])
        return getattr(frames, name)(value)
    return call


CONTRACT = [
    Entry("Reading", _reading, (PEOPLE, 546_234),
          {"as_of": DAY, "jurisdiction": KH, "numerator": None, "denominator": None,
           "decimals": None, "note": "", "qualifier": "exact", "period_start": None},
          {"indicator": 0, "value": 1}),
    Entry("Target", da.Target, (PEOPLE, 756_805),
          {"jurisdiction": KH, "deadline": dt.date(2023, 7, 30)},
          {"indicator": 0, "value": 1}),
    Entry("Jurisdiction", da.Jurisdiction, ("56", "Khanh Hoa", "Khánh Hòa"),
          {"level": "province", "parent": "VN"}, {"code": 0, "name": 1, "name_vi": 2}),
    Entry("Rank", da.Rank, (5, 63), {}, {"position": 0, "total": 1}),
    Entry("Series", da.Series, ([READING],), {}, {"readings": 0}),
    Entry("attainment", da.attainment, (READING, TARGET), {"direction": None, "hedge": 0.05},
          {"value": 0, "target": 1}),
    Entry("gap", da.gap, (READING, 600_000), {"hedge": 0.05}, {"value": 0, "other": 1}),
    Entry("trend", da.trend, (SERIES,), {"confidence": 0.95, "since": None, "last": None},
          {"series": 0}),
    Entry("forecast", da.forecast, (SERIES, TARGET),
          {"deadline": None, "as_of": None, "since": None, "last": None, "confidence": 0.95},
          {"series": 0, "target": 1}),
    Entry("real_number", rules.real_number, ("f", "x", 1), {}, {"value": 2}),
    Entry("parse_number", parsing.parse_number, ("546.234",), {"number_format": "vi"},
          {"text": 0}),
    Entry("parse_quantity", parsing.parse_quantity, ("hơn 1,5 triệu người",), {},
          {"text": 0}),
    Entry("parse_date", parsing.parse_date, ("01/07/2023",), {"year": None}, {"text": 0}),
    Entry("parse_period", parsing.parse_period, ("năm 2023",), {"year": None}, {"text": 0}),
    Entry("format_number", parsing.format_number, (546_234,),
          {"decimals": None, "number_format": "vi"}, {"value": 0}),
    Entry("dhis2_period", io.dhis2_period, (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
          {"period_type": None}, {"start": 0, "end": 1}),
    Entry("dhis2_period_range", io.dhis2_period_range, ("2023",), {}, {"period_id": 0}),
    Entry("loads", io.loads, ('{"version": 1}',),
          {"file": "x.json", "collect_errors": False, "number_format": None}, {"text": 0}),
    Entry("to_dhis2_datavalues", io.to_dhis2_datavalues, ([READING],),
          {"period_type": "Monthly", "data_elements": None, "org_units": None,
           "data_set": None, "complete_date": None}, {"readings": 0}),
    Entry("from_arrays", batch.ReadingTable.from_arrays,
          ([1, 1, 2], [19_500, 19_501, 19_500], [1.0, 2.0, 3.0]), {},
          {"ids": 0, "days": 1, "values": 2}),
    Entry("trends", batch.trends, (TABLE,), {"since": None, "last": None, "confidence": 0.9},
          {"table": 0}),
    Entry("forecasts", batch.forecasts, (TABLE, 10.0, None),
          {"as_of": None, "since": None, "last": None, "confidence": 0.9},
          {"table": 0, "targets": 1, "deadlines": 2}),
    Entry("index", TABLE.index, (1,), {}, {"series_id": 0}),
    Entry("TrendTable.trend", batch.trends(TABLE).trend, (0,), {}, {"row": 0}),
    Entry("ForecastTable.forecast", batch.forecasts(TABLE, 10.0).forecast, (0,), {},
          {"row": 0}),
    Entry("Indicator", da.Indicator, ("eid", "e-ID", "ĐDĐT"),
          {"unit": "people", "direction": "higher", "measure": "stock"},
          {"code": 0, "name": 1, "name_vi": 2}),
    Entry("implied_target", da.implied_target, (546_234.0, 10.0), {"relative": False},
          {"value": 0, "excess": 1}),
    Entry("write_csv", _write_csv, (io.Dataset(readings=[READING]),),
          {"kind": "readings", "number_format": "vi"}, {"dataset": 0}),
    Entry("write_json", _write_json, (io.Dataset(readings=[READING]),), {}, {"dataset": 0}),
    Entry("read_csv", _read_csv, (), {"kind": None, "number_format": "plain",
                                       "collect_errors": False}),
    Entry("read_csv_columns", _read_csv_columns, (), {"number_format": "plain"}),
    Entry("rank_change", da.rank_change, (da.Rank(62, 63), da.Rank(37, 63)), {},
          {"before": 0, "after": 1}),
    Entry("audit", da.audit, ([READING],),
          {"targets": (TARGET,), "claims": (), "decimals": None, "hedge": 0.05},
          {"readings": 0}),
    Entry("completion", da.completion, (datasets.tasks()[:3],), {"as_of": DAY}, {"tasks": 0}),
    Entry("parse_percent", parsing.parse_percent, ("98,90 %",), {"number_format": "vi"},
          {"text": 0}),
    Entry("parse_qualifier", parsing.parse_qualifier, ("hơn",), {}, {"text": 0}),
    Entry("parse_rank", parsing.parse_rank, ("62/63",), {"total": None}, {"text": 0}),
    Entry("format_quantity", parsing.format_quantity, (parsing.parse_quantity("hơn 1,5 triệu"),),
          {"number_format": "vi"}, {"quantity": 0}),
    Entry("readings", datasets.readings, (),
          {"jurisdiction": "56", "indicator": None, "source": None, "subunits": False}),
    Entry("targets", datasets.targets, (),
          {"jurisdiction": "56", "indicator": None, "source": None, "subunits": False}),
    Entry("to_pandas", _frames("to_pandas"), ([READING],), {}, {"readings": 0}),
    Entry("to_polars", _frames("to_polars"), ([READING],), {}, {"readings": 0}),
    Entry("from_pandas", _frames("from_pandas"), (GOOD,), {}, {"frame": 0}),
    Entry("from_polars", _frames("from_polars"), (GOOD,), {}, {"frame": 0}),
    Entry("WorkingCalendar", _calendar, (), {"first_year": 2023, "last_year": 2024,
                                             "extra_days_off": (), "extra_working_days": ()}),
    Entry("add_working_days", _calendar_method("add_working_days"), (DAY, 4), {},
          {"start": 0, "n": 1}),
    Entry("working_days_between", _calendar_method("working_days_between"),
          (DAY, dt.date(2023, 7, 30)), {}, {"start": 0, "end": 1}),
    Entry("is_working_day", _calendar_method("is_working_day"), (DAY,), {}, {"day": 0}),
    Entry("province", datasets.province, ("56",), {"as_of": DAY}, {"key": 0}),
    Entry("indicator", datasets.indicator, ("eid-collected",), {}, {"code": 0}),
    Entry("jurisdiction", datasets.jurisdiction, ("56",), {}, {"code": 0}),
    Entry("successor", datasets.successor, ("54",), {}, {"code": 0}),
]

#: How a refusal may name an argument other than by its own name: the field
#: that `real_number` is told, and DHIS2's period built from the two dates.
ALIASES = {
    ("real_number", "value"): "f.x",
    ("dhis2_period", "start"): "dhis2_period.period",
    ("dhis2_period", "end"): "dhis2_period.period",
}
#: Refusals documented as another exception: ``as_of=None`` is a missing
#: required argument, which Python reports as a TypeError.
DOCUMENTED = {("province", "as_of"): TypeError}


def _check_refusal(entry: Entry, name: str, error: da.DeAn06Error) -> None:
    """A ValidationError names the argument; a ParseError or unknown code shows the text."""
    if isinstance(error, da.ValidationError):
        assert name in str(error) or ALIASES.get((entry.name, name), name) in str(error), \
            f"{entry.name}: the refusal of {name!r} does not name it: {error}"


@pytest.mark.parametrize("entry", CONTRACT, ids=lambda e: e.name)
def test_good_arguments_are_accepted(entry: Entry) -> None:
    for name in entry.names:
        value = (entry.args[entry.positions[name]] if name in entry.positions
                 else entry.kwargs[name])
        entry.call(name, value)


@pytest.mark.parametrize("entry", CONTRACT, ids=lambda e: e.name)
@CONTRACT_SETTINGS
@given(data=st.data())
def test_any_argument_is_accepted_or_refused_with_the_library_error(entry: Entry,
                                                                    data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(entry.names), label="argument")
    value = data.draw(HOSTILE, label="value")
    try:
        entry.call(name, value)
    except da.DeAn06Error as error:
        _check_refusal(entry, name, error)
    except DOCUMENTED.get((entry.name, name), da.DeAn06Error):
        assert value is None
