"""Every reader refuses exactly the values :class:`de_an06.Reading` refuses, in its words.

One table of values, each tried on ``Reading`` itself (the oracle) and then
through every reader: JSON (``io.loads``), CSV (``io.read_csv``), columnar
CSV (``io.read_csv_columns``), pandas (``frames.from_pandas``) and polars
(``frames.from_polars``). A value ``Reading`` takes, every reader takes; a
value it refuses, every reader refuses, naming the value's column, with
``Reading``'s own message — except where a medium cannot carry the value as
a number at all (see :func:`medium_words`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import json
import math
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import frames, io

DAY = dt.date(2023, 7, 1)
PLACE = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")

# (unit, value): rule breakers and their neighbours that keep the rules.
VALUES: list[tuple[str, float]] = [
    ("people", -5), ("people", 1.5), ("people", 0), ("people", 546_234.0),
    ("dossiers", 2.5), ("uses", 0.25), ("rank", 0), ("rank", 1), ("rank", 1.5),
    ("percent", 100.5), ("percent", 100), ("percent", -0.1), ("percent", 0.5),
    ("count", 1.5), ("count", -1), ("vnd", 1e15), ("days", -2), ("minutes", 0.5),
    ("people", math.nan), ("percent", math.inf), ("count", -math.inf),
]


def indicator(unit: str) -> da.Indicator:
    return da.Indicator("x", "Some figure", "Chỉ tiêu", unit=unit)


def valid(unit: str) -> da.Reading:
    """A reading of `unit` whose value every rule accepts; the table's value replaces it."""
    return da.Reading(indicator(unit), 1, as_of=DAY, jurisdiction=PLACE)


def via_json(unit: str, value: float) -> float:
    document = json.loads(io.dumps(io.Dataset(readings=[valid(unit)])))
    document["readings"][0]["value"] = value
    # NaN and infinities as Python's json writes them (NaN, Infinity), which it reads back.
    return io.loads(json.dumps(document)).readings[0].value


def csv_file(unit: str, value: float) -> stdio.StringIO:
    out = stdio.StringIO()
    io.write_csv(io.Dataset(readings=[valid(unit)]), out)
    header, row = csv.reader(stdio.StringIO(out.getvalue()))
    row[header.index("value")] = repr(value)  # what Python prints: -5, 1.5, nan, inf
    text = stdio.StringIO()
    csv.writer(text, lineterminator="\n").writerows([header, row])
    return stdio.StringIO(text.getvalue())


def via_csv(unit: str, value: float) -> float:
    return io.read_csv(csv_file(unit, value)).readings[0].value


def via_columns(unit: str, value: float) -> float:
    return float(io.read_csv_columns(csv_file(unit, value)).value[0])


def via_pandas(unit: str, value: float) -> float:
    pytest.importorskip("pandas")
    frame = frames.to_pandas([valid(unit)]).assign(value=[float(value)])
    return frames.from_pandas(frame)[0].value


def via_polars(unit: str, value: float) -> float:
    pl = pytest.importorskip("polars")
    frame = frames.to_polars([valid(unit)]).with_columns(pl.Series("value", [float(value)]))
    return frames.from_polars(frame)[0].value


READERS: dict[str, Callable[[str, float], float]] = {
    "loads": via_json, "read_csv": via_csv, "read_csv_columns": via_columns,
    "from_pandas": via_pandas, "from_polars": via_polars,
}
COLUMN = {"loads": "$.readings[0].value"}


def medium_words(reader: str, value: float) -> str | None:
    """What a reader says instead of Reading when its medium has no such number.

    The CSV number grammar has no spelling of NaN or infinity, so the text
    readers refuse the cell before any rule is asked; in a data frame NaN is
    the missing value. Every finite value, and infinity in JSON and frames,
    gets Reading's own message.
    """
    if math.isfinite(value):
        return None
    if reader in ("read_csv", "read_csv_columns"):
        return f"cannot read {repr(value)!r} as a number"
    if math.isnan(value) and reader in ("from_pandas", "from_polars"):
        return "must be a number, not missing"
    return None


def carried(reader: str, value: float) -> float:
    """`value` as the reader's medium holds it: a frame has float64 columns and
    gives an integral value back as an int (``-1.0`` is ``-1``)."""
    if reader in ("from_pandas", "from_polars") and float(value).is_integer():
        return int(value)
    return value


def check(reader: str, unit: str, value: float) -> None:
    """`reader` takes `value` as Reading does, or refuses it as Reading does."""
    try:
        expected = da.Reading(indicator(unit), carried(reader, value), as_of=DAY,
                              jurisdiction=PLACE)
    except da.ValidationError as error:
        refused = str(error)
    else:
        # Frames and columns hold float64; JSON and CSV keep an int an int.
        assert float(READERS[reader](unit, value)) == float(expected.value)
        return
    with pytest.raises(da.ParseError) as info:
        READERS[reader](unit, value)
    assert info.value.message.endswith(medium_words(reader, value) or refused), (
        info.value.message, refused)
    assert info.value.column == COLUMN.get(reader, "value")


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("unit", "value"), VALUES)
def test_every_reader_refuses_what_reading_refuses(reader: str, unit: str,
                                                   value: float) -> None:
    check(reader, unit, value)


@settings(max_examples=50)
@given(st.sampled_from([u.value for u in da.Unit]),
       st.floats() | st.integers(-(2**53), 2**53),
       st.sampled_from(list(READERS)))
def test_any_value_meets_every_reader_as_it_meets_reading(unit: str, value: float,
                                                          reader: str) -> None:
    check(reader, unit, value)


def test_the_table_holds_refused_and_accepted_values() -> None:
    """The table is worth its name: each unit rule is broken, and kept, at least once."""
    def rule(unit: str, value: float) -> str | None:
        try:
            da.Reading(indicator(unit), value, as_of=DAY, jurisdiction=PLACE)
        except da.ValidationError as error:
            return str(error).split(" (got")[0]
        return None

    rules = [rule(unit, value) for unit, value in VALUES]
    assert None in rules
    assert set(rules) - {None} == {
        "Reading.value must be >= 0 for unit 'people'",
        "Reading.value must be a whole number for unit 'people'",
        "Reading.value must be a whole number for unit 'dossiers'",
        "Reading.value must be a whole number for unit 'uses'",
        "Reading.value must be >= 1 for a rank position",
        "Reading.value must be a whole number for unit 'rank'",
        "Reading.value must be in [0, 100] for a percent indicator",
        "Reading.value must be >= 0 for unit 'percent'",
        "Reading.value must be >= 0 for unit 'count'",
        "Reading.value must be >= 0 for unit 'days'",
        "Reading.value must be finite",
    }
