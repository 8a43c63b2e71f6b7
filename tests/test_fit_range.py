"""The fit's one input rule: values whose sums and squares overflow float64 are refused.

A least-squares fit sums the values, their deviations from the mean and the
squares of those deviations. When one of these passes the largest float64,
the fit cannot be computed; the library refuses such a series with a
ValidationError naming the caller, the field and the value of largest
magnitude, alike for one series (trend, forecast), for a table
(ReadingTable, batch.trends, batch.forecasts) and on a Dask cluster.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import batch
from de_an06 import dask as da_dask
from de_an06.analysis import _kernel as k

VN = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level=da.Level.NATION)
INDEX = da.Indicator("index", "An index", "Chỉ số", unit=da.Unit.COUNT)
START = dt.date(2023, 1, 1)
BIGGEST = sys.float_info.max
#: The largest rise over one day whose fit float64 holds: [0, RISE] gives
#: Syy = RISE**2 / 2, just below the largest float64.
RISE = float.fromhex("0x1.6a09e667f3bccp+512")
#: The largest level of two equal readings whose sum float64 holds.
LEVEL = BIGGEST / 2
RULE = r"must be small enough for the fit's sums and squares to stay finite in float64"


def series(values: list[float], gaps: list[int] | None = None) -> da.Series:
    days = np.cumsum([0, *(gaps or [1] * (len(values) - 1))]).tolist()
    return da.Series([da.Reading(INDEX, y, as_of=START + dt.timedelta(days=d), jurisdiction=VN)
                      for d, y in zip(days, values, strict=True)])


def table_of(s: da.Series) -> batch.ReadingTable:
    return batch.ReadingTable.from_series([s])


TOO_LARGE = [[1.7e308, 0.0, 1.7e308], [0.0, 1.7e308], [1.7e308, 1.7e308],
             [0.0, math.nextafter(RISE, math.inf)],
             [math.nextafter(LEVEL, math.inf)] * 2, [1e200, 0.0, 3.0]]


@pytest.mark.parametrize("values", TOO_LARGE)
def test_one_series_is_refused_by_trend_and_forecast(values: list[float]) -> None:
    s = series(values)
    largest = max(values)
    with pytest.raises(da.ValidationError, match=rf"^trend\.series {RULE} \(got ") as caught:
        da.trend(s)
    assert type(caught.value) is da.ValidationError
    assert (caught.value.owner, caught.value.field, caught.value.value) == (
        "trend", "series", largest)
    with pytest.raises(da.ValidationError, match=rf"^forecast\.series {RULE}") as caught:
        da.forecast(s, 10.0, as_of=START + dt.timedelta(days=400))
    assert caught.value.value == largest


@pytest.mark.parametrize("values", TOO_LARGE)
def test_a_table_is_refused_naming_the_series(values: list[float]) -> None:
    with pytest.raises(da.ValidationError,
                       match=rf"^ReadingTable\.values {RULE} in series 'index@VN' \(got "
                       ) as caught:
        table_of(series(values))
    assert (caught.value.field, caught.value.value) == ("values", max(values))
    days = np.arange(len(values))
    with pytest.raises(da.ValidationError,
                       match=re.escape(f"in series 7 (got {max(values)!r})")):
        batch.ReadingTable.from_arrays(np.array([5, 5, *[7] * len(values)]),
                                       np.concatenate(([0, 1], days)),
                                       np.array([1.0, 2.0, *values]))


def test_a_table_names_a_non_finite_value_first() -> None:
    with pytest.raises(da.ValidationError, match=r"values must be finite \(got inf\)"):
        batch.ReadingTable.from_arrays([1, 1, 2, 2], [0, 1, 0, 1], [1.7e308, 1.7e308, 1.0,
                                                                     np.inf])


def test_a_window_only_needs_its_own_readings_to_fit() -> None:
    s = series([1.7e308, 1.0, 3.0])
    assert da.trend(s, last=2).slope == 2.0
    with pytest.raises(da.ValidationError, match=RULE):
        da.trend(s)


def test_a_windowed_table_is_checked_in_the_callers_name() -> None:
    # the constructor takes columns as given (no checks): only the window's fit sees them
    unchecked = batch.ReadingTable(np.array([4]), np.array([0]), np.arange(3),
                                   np.array([0.0, 1.7e308, 0.0]), np.array([1], dtype=np.int8))
    for name, call in (("trends", lambda: batch.trends(unchecked, last=2)),
                       ("forecasts", lambda: batch.forecasts(unchecked, 1.0, last=2))):
        with pytest.raises(da.ValidationError,
                           match=rf"^{name}\.table {RULE} in series 4 \(got 1\.7e\+308\)"):
            call()


def test_the_largest_values_that_fit_still_give_a_line() -> None:
    # one ulp below the refused cases above: a rise of RISE in a day, and two readings at LEVEL
    rising = series([0.0, RISE])
    t = da.trend(rising)
    assert t.slope == RISE
    assert not t.flat
    table = table_of(rising)
    assert batch.trends(table).trend(0) == t
    when = START + dt.timedelta(days=1)
    goal = 2 * RISE
    f = da.forecast(rising, goal, as_of=when)
    assert f.reach_date == START + dt.timedelta(days=2)
    assert batch.forecasts(table, goal, as_of=when).forecast(0) == f

    level = da.trend(series([LEVEL, LEVEL]))
    assert (level.slope, level.intercept, level.flat) == (0.0, LEVEL, True)
    assert batch.trends(table_of(series([LEVEL, LEVEL]))).trend(0) == level


def test_the_rule_reads_the_fit_alone_and_alike() -> None:
    one = k.fit_one(np.array([0, 1]), np.array([0.0, 1.7e308]))
    many = k.fit(np.array([0, 2]), np.array([0, 1, 0, 1]), np.array([0.0, 1.7e308, 0.0, 1.0]))
    assert not math.isfinite(one.syy)
    assert many.in_range.tolist() == [False, True]
    error = k.out_of_range("trend", "series", [0.0, -1.7e308, 1.0])
    assert str(error) == f"trend.series {RULE.replace(chr(92), '')} (got -1.7e+308)"


def test_dask_raises_the_same() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    dask = pytest.importorskip("dask")
    frame = pd.DataFrame({"id": [1, 1, 2, 2], "day": [0, 1, 0, 1],
                          "value": [1.0, 2.0, 0.0, 1.7e308]})
    with dask.config.set({"scheduler": "sync", "dataframe.shuffle.method": "tasks"}):
        for result in (da_dask.trends(dd.from_pandas(frame, npartitions=2)),
                       da_dask.forecasts(dd.from_pandas(frame, npartitions=2), target=5.0)):
            with pytest.raises(da.ValidationError, match=rf"{RULE} in series 2 \(got 1\.7e"):
                result.compute()


#: Values of every size, the edges of the rule among them.
VALUES = st.one_of(
    st.floats(0, BIGGEST),
    st.floats(0, 1e160),
    st.floats(0, 100),
    st.sampled_from([0.0, RISE, math.nextafter(RISE, math.inf), LEVEL,
                     math.nextafter(LEVEL, math.inf), BIGGEST]),
)


@given(values=st.lists(VALUES, min_size=2, max_size=12), data=st.data())
def test_per_object_and_batch_refuse_alike_or_agree_bit_for_bit(
        values: list[float], data: st.DataObject) -> None:
    gaps = data.draw(st.lists(st.integers(1, 400), min_size=len(values) - 1,
                              max_size=len(values) - 1))
    s = series(values, gaps)
    if not math.isfinite(k.fit_columns(s.columns).syy):
        with pytest.raises(da.ValidationError, match=RULE) as caught:
            da.trend(s)
        assert (caught.value.owner, caught.value.field, caught.value.value) == (
            "trend", "series", max(values))
        with pytest.raises(da.ValidationError, match=RULE):
            table_of(s)
        return
    one = da.trend(s)
    assert batch.trends(table_of(s)).trend(0) == one
    assert math.isfinite(one.slope)
    # a line that moves is never called flat: flat means a rise below rounding
    if one.flat:
        assert abs(one.slope) * sum(gaps) <= 1e-12 * max(values)


def test_whole_values_are_named_as_floats() -> None:
    # readings may hold whole numbers as ints; the value named is the float the fit read
    with pytest.raises(da.ValidationError, match=RULE) as caught:
        da.trend(series([0, 10**308, 0]))
    assert type(caught.value.value) is float
    assert caught.value.value == 1e308
    assert "(got 1e+308)" in str(caught.value)
