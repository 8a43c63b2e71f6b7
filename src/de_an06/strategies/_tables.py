"""Hypothesis strategies for batch tables: :func:`de_an06.strategies.reading_tables`."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from de_an06.batch import ReadingTable, SeriesInfo

__all__ = ["reading_tables"]

_FIRST_DAY = 19_358  # 2023-01-01
_SPAN = 3_000  # days in which readings fall


def _check(name: str, value: object, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidArgument(f"{name}={value!r} must be an int >= {low}")
    return value


@st.composite
def _tables(draw: st.DrawFn, min_series: int, max_series: int, max_readings: int,
            with_targets: bool) -> ReadingTable:
    count = draw(st.integers(min_series, max_series))
    codes = draw(st.lists(st.from_regex(r"[0-9]{5}", fullmatch=True), min_size=count,
                          max_size=count, unique=True))
    ids: list[str] = []
    days: list[int] = []
    values: list[float] = []
    latest: dict[str, int] = {}
    for code in codes:
        series_days = draw(st.lists(st.integers(0, _SPAN), min_size=1, max_size=max_readings,
                                    unique=True))
        for day in sorted(series_days):
            ids.append(code)
            days.append(_FIRST_DAY + day)
            values.append(draw(st.floats(0, 1e7, allow_nan=False, allow_infinity=False)))
        latest[code] = _FIRST_DAY + max(series_days)
    lower = np.array(draw(st.lists(st.booleans(), min_size=count, max_size=count)), dtype=bool)
    ordered = sorted(codes)
    table = ReadingTable.from_arrays(np.array(ids, dtype=str), np.array(days, dtype=np.int64),
                                     np.array(values), lower_is_better=lower)
    info = SeriesInfo.empty(count)
    if with_targets:
        targets = np.array([draw(st.floats(0, 1e7, allow_nan=False)) for _ in ordered])
        deadlines = np.array([latest[c] + draw(st.integers(1, 2_000)) for c in ordered],
                             dtype=np.int64).astype("datetime64[D]")
        names = np.array([f"Xã {c}" for c in ordered])
        info = SeriesInfo(np.array(ordered), names, np.full(count, "commune"),
                          np.full(count, ""), np.full(count, ""), targets, deadlines)
    return table.with_info(info)


def reading_tables(*, min_series: int = 1, max_series: int = 20, max_readings: int = 12,
                   with_targets: bool = True) -> st.SearchStrategy[ReadingTable]:
    """Valid :class:`~de_an06.batch.ReadingTable` objects, with per-series metadata.

    Series ids are five-digit commune codes; each series has 1 to
    `max_readings` readings on distinct days from 2023 on, a random direction,
    and, with `with_targets`, a name, a target and a deadline after its
    latest reading in ``table.info`` (so ``batch.forecasts(table)`` runs).

    Parameters
    ----------
    min_series, max_series : int
        Bounds on the number of series (``1 <= min_series <= max_series``).
    max_readings : int
        Most readings per series (>= 1).
    with_targets : bool
        Whether ``table.info`` holds names, targets and deadlines.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        For bounds that are not ints or out of order.

    Examples
    --------
    >>> from hypothesis import given
    >>> from de_an06 import batch, strategies as das
    >>> @given(das.reading_tables(max_series=5))
    ... def test_every_series_is_forecast(table):
    ...     assert len(batch.forecasts(table)) == table.n_series
    >>> test_every_series_is_forecast()
    """
    _check("min_series", min_series, 1)
    _check("max_series", max_series, 1)
    _check("max_readings", max_readings, 1)
    if min_series > max_series:
        raise InvalidArgument(f"min_series={min_series} is larger than max_series={max_series}")
    if not isinstance(with_targets, bool):
        raise InvalidArgument(f"with_targets={with_targets!r} must be a bool")
    return _tables(min_series, max_series, max_readings, with_targets)
