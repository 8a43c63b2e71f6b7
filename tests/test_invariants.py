"""Invariants across the library, checked on generated objects.

- No public function changes what it is given: lists, dicts and data frames
  compare equal to deep copies taken before the call, and numpy arrays are
  passed read-only, so that a write into them raises.
- Every result is immutable (assigning to a field raises), hashable, and equal
  to its deep copy with the same hash.

Per-object and batch results agreeing on the same data is checked in
``test_batch.py`` (``test_batch_equals_per_object``); the lossless JSON and
CSV round trips in ``test_io_json.py`` and ``test_io_csv.py``.
"""

from __future__ import annotations

import copy
import datetime as dt
import io as stdio
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import batch, checks, io
from de_an06 import strategies as das


def assert_result(result: Any) -> None:
    """`result` is a frozen attrs object, hashable and equal to its deep copy."""
    assert attrs.has(type(result))
    field = attrs.fields(type(result))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(result, field, None)
    twin = copy.deepcopy(result)
    assert twin == result
    assert hash(twin) == hash(result)


@st.composite
def series_and_targets(draw: st.DrawFn) -> tuple[da.Series, da.Target]:
    indicator = draw(das.indicators())
    place = draw(das.jurisdictions())
    series = draw(das.series(indicators=st.just(indicator), jurisdictions=st.just(place),
                             max_size=8))
    target = draw(das.targets(indicators=st.just(indicator), jurisdictions=st.just(place),
                              deadlines=st.none() | st.dates(da.PROGRAMME_START,
                                                             dt.date(2036, 12, 31))))
    return series, target


def call(function: Callable[..., object], *args: Any, **kwargs: Any) -> object | None:
    """The result of the call, or None when the library refused the input."""
    try:
        return function(*args, **kwargs)
    except da.DeAn06Error:
        return None


@given(series_and_targets())
def test_analysis_leaves_its_inputs_alone(pair: tuple[da.Series, da.Target]) -> None:
    series, target = pair
    before = copy.deepcopy(pair)
    latest = series.latest
    results = [
        call(da.trend, series),
        call(da.forecast, series, target),
        call(da.forecast, latest, target),
        call(da.attainment, latest, target),
        call(da.gap, latest, series.readings[0]),
    ]
    assert (series, target) == before
    for result in results:
        if result is not None:
            assert_result(result)


@given(st.lists(das.tasks(), min_size=1, max_size=6),
       st.dates(dt.date(2022, 1, 1), dt.date(2031, 1, 1)))
def test_completion_leaves_the_task_list_alone(tasks: list[da.Task], as_of: dt.date) -> None:
    before = list(tasks)
    assert_result(da.completion(tasks, as_of=as_of))
    assert tasks == before


@given(das.ranks(), das.ranks())
def test_rank_change_is_a_frozen_result(before: da.Rank, after: da.Rank) -> None:
    result = call(da.rank_change, before, after)
    if result is not None:
        assert_result(result)


@given(st.lists(das.readings(), max_size=6), st.lists(das.targets(), max_size=3),
       st.lists(das.claims(), max_size=3))
def test_audit_leaves_its_lists_alone(readings: list[da.Reading], targets: list[da.Target],
                                      claims: list[da.Claim]) -> None:
    before = copy.deepcopy((readings, targets, claims))
    for finding in checks.audit(readings, targets=targets, claims=claims):
        assert_result(finding)
    assert (readings, targets, claims) == before


@given(das.datasets())
def test_writers_and_exports_leave_their_inputs_alone(data: io.Dataset) -> None:
    readings = list(data.readings)
    elements = {r.indicator.code: f"DE{i}" for i, r in enumerate(readings)}
    units = {r.jurisdiction.code: f"OU{i}" for i, r in enumerate(readings)}
    before = copy.deepcopy((data, readings, elements, units))
    io.dumps(data)
    io.write_csv(data, stdio.StringIO())
    # Exports may refuse generated data (two readings in one period, say).
    call(io.to_open_sdg_csv, readings, period="iso-date")
    call(io.to_dhis2_datavalues, readings, data_elements=elements, org_units=units)
    assert (data, readings, elements, units) == before


def read_only(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    frozen: npt.NDArray[Any] = array.copy()
    frozen.flags.writeable = False
    return frozen


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3_000),
                          st.floats(-1e9, 1e9, allow_nan=False)),
                min_size=1, max_size=40, unique_by=lambda row: row[:2]))
def test_batch_takes_read_only_arrays(rows: list[tuple[int, int, float]]) -> None:
    ids = read_only(np.array([r[0] for r in rows], dtype=np.int64))
    days = read_only(np.array([r[1] for r in rows], dtype=np.int64))
    values = read_only(np.array([r[2] for r in rows], dtype=np.float64))
    copies = (ids.copy(), days.copy(), values.copy())
    table = batch.ReadingTable.from_arrays(ids, days, values)
    targets = read_only(np.full(table.n_series, 1e6))
    trends = batch.trends(table)
    forecasts = batch.forecasts(table, targets)
    for given_array, kept in zip((ids, days, values), copies, strict=True):
        np.testing.assert_array_equal(given_array, kept)
    for result in (table, trends, forecasts):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(result, attrs.fields(type(result))[0].name, None)
        arrays = [a for a in attrs.asdict(result, recurse=False).values()
                  if isinstance(a, np.ndarray)]
        assert arrays
        assert not any(a.flags.writeable for a in arrays)


def test_frames_leave_the_data_frame_alone() -> None:
    pd = pytest.importorskip("pandas")
    from de_an06 import frames

    readings = list(da.datasets.readings(jurisdiction="56"))
    frame = frames.to_pandas(readings)
    kept = frame.copy(deep=True)
    assert list(frames.from_pandas(frame)) == readings
    pd.testing.assert_frame_equal(frame, kept)


@given(das.series(max_size=6))
def test_objects_keep_their_own_copy_of_a_given_list(series: da.Series) -> None:
    readings = list(series.readings)
    rebuilt = da.Series(readings)
    data = io.Dataset(readings=readings)
    readings.clear()
    assert rebuilt == series
    assert data.readings == series.readings
    assert isinstance(rebuilt.readings, tuple)
