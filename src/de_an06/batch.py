"""Trends and forecasts for millions of series at once.

A national dashboard follows every indicator in every commune: tens of
millions of readings. :class:`ReadingTable` holds them as three columns (series
id, day, value); :func:`trends` and :func:`forecasts` fit every series in a
few passes of numpy over those columns, with no Python object per series.
They run the same numeric kernel as :func:`de_an06.trend` and
:func:`de_an06.forecast`, so a series gets bit-identical numbers here and
there; :meth:`TrendTable.trend` and :meth:`ForecastTable.forecast` turn one
row back into the per-object result.

Missing values
--------------
Results are float arrays; a quantity that does not exist for a series is NaN
(dates: ``NaT``), and a boolean mask says where values exist:

* ``TrendTable.valid`` -- the series has at least two distinct dates; where
  it is False, every trend quantity is NaN;
* ``TrendTable.has_se`` -- the series has three or more readings, so the
  slope's standard error and interval exist (with two they are NaN);
* ``r_squared`` is NaN where the values are constant (within rounding);
* ``ForecastTable`` dates are ``NaT`` where the per-object field is ``None``.

Examples
--------
>>> import numpy as np
>>> from de_an06 import batch
>>> table = batch.ReadingTable.from_arrays(
...     ids=np.array([7, 7, 7, 9]),
...     days=np.array(["2023-06-25", "2023-06-28", "2023-07-01", "2023-07-01"],
...                   dtype="datetime64[D]"),
...     values=np.array([500_000.0, 523_000.0, 546_234.0, 1_000.0]))
>>> t = batch.trends(table)
>>> t.ids.tolist(), t.valid.tolist(), np.round(t.slope, 1).tolist()
([7, 9], [True, False], [7705.7, nan])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _kernel as k
from de_an06 import _validators as v
from de_an06._kernel import Fit
from de_an06.analysis import Forecast, Trend, _forecast_row, _trend_row
from de_an06.errors import InsufficientDataError
from de_an06.model import Direction, Reading, Series

__all__ = [
    "ForecastTable",
    "ReadingTable",
    "TrendTable",
    "forecasts",
    "trends",
]


def __dir__() -> list[str]:
    return __all__


Array = npt.NDArray[Any]


def _readonly(array: Array) -> Array:
    array.flags.writeable = False
    return array


def _array_eq(a: Array, b: Array) -> bool:
    return bool(a.shape == b.shape and a.dtype == b.dtype
                and np.array_equal(a, b, equal_nan=a.dtype.kind in "fcmM"))


_ARRAY_EQ = attrs.cmp_using(eq=_array_eq)


def _series_id(series: Series) -> str:
    return f"{series.indicator.code}@{series.jurisdiction.code}"


# --------------------------------------------------------------------------
# The container
# --------------------------------------------------------------------------


def _as_ids(raw: object) -> Array:
    ids = np.asarray(raw)
    if ids.dtype.kind == "O" and all(isinstance(x, str) for x in ids.ravel().tolist()):
        ids = ids.astype(str)
    if ids.dtype.kind not in "iuU":
        raise v.fail("ReadingTable", "ids", "must be integers or strings",
                     f"dtype {ids.dtype}")
    return ids


def _as_days(raw: object) -> npt.NDArray[np.int64]:
    days = np.asarray(raw)
    if days.dtype.kind == "M":
        if np.isnat(days).any():
            raise v.fail("ReadingTable", "days", "must not hold NaT",
                         int(np.flatnonzero(np.isnat(days))[0]))
        return days.astype("datetime64[D]").astype(np.int64)
    if days.dtype.kind in "iu":
        out = days.astype(np.int64)
        bad = (out < k.MIN_DAY) | (out > k.MAX_DAY)
        if bad.any():
            raise v.fail("ReadingTable", "days", "must be day numbers of valid dates",
                         int(out[bad][0]))
        return out
    raise v.fail("ReadingTable", "days", "must be datetime64 or integer day numbers",
                 f"dtype {days.dtype}")


def _as_values(raw: object) -> npt.NDArray[np.float64]:
    values = np.asarray(raw)
    if values.dtype.kind not in "iuf":
        raise v.fail("ReadingTable", "values", "must be real numbers", f"dtype {values.dtype}")
    out = values.astype(np.float64, copy=False)
    finite = np.isfinite(out)
    if not finite.all():
        raise v.fail("ReadingTable", "values", "must be finite",
                     float(out[~finite][0]))
    return out


def _sort_order(ids: Array, days: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    """Permutation sorting by id, then day.

    One sort on a combined int64 key (id rank * day range + day offset) when
    it fits, which is about twice as fast as :func:`numpy.lexsort`; string
    ids are ranked with :func:`numpy.unique` first.
    """
    codes: npt.NDArray[Any] = ids
    if ids.dtype.kind == "U":
        codes = np.unique(ids, return_inverse=True)[1].reshape(-1)
    low = int(codes.min())
    high = int(codes.max())
    first = int(days.min())
    width = int(days.max()) - first + 1
    if (high - low + 1) * width < 2**62:
        key = (codes - low).astype(np.int64) * width + (days - first)
        return np.argsort(key, kind="stable")
    return np.lexsort((days, ids))


@attrs.frozen
class ReadingTable:
    """Readings of many series as columns, sorted by series id then day.

    Build it with :meth:`from_arrays`, :meth:`from_readings` or
    :meth:`from_series`; the constructor takes already-validated columns.
    Columns are read-only numpy arrays. Validation happens once, here:
    values finite, days valid dates, at most one reading per series and day.

    Parameters
    ----------
    ids : numpy.ndarray
        One id per series (integer or string dtype), ascending.
    starts : numpy.ndarray
        int64 index of each series' first reading.
    days : numpy.ndarray
        int64 day numbers (days since 1970-01-01), ascending within a series.
    values : numpy.ndarray
        float64 values.
    signs : numpy.ndarray
        int8 per series: +1 when higher is better, -1 when lower is better.

    Examples
    --------
    >>> import numpy as np
    >>> table = ReadingTable.from_arrays(ids=np.array(["b", "a", "b"]),
    ...                                  days=np.array([3, 1, 2]), values=np.array([3.0, 1, 2]))
    >>> table
    ReadingTable(series=2, readings=3)
    >>> table.ids.tolist(), table.days.tolist(), table.values.tolist()
    (['a', 'b'], [1, 2, 3], [1.0, 2.0, 3.0])
    """

    ids: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    starts: npt.NDArray[np.int64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    days: npt.NDArray[np.int64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    values: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    signs: npt.NDArray[np.int8] = attrs.field(eq=_ARRAY_EQ, repr=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    @classmethod
    def from_arrays(cls, ids: object, days: object, values: object, *,
                    lower_is_better: object = False) -> ReadingTable:
        """Build a table from three aligned columns.

        Parameters
        ----------
        ids : numpy.ndarray or list
            Series id of each reading: integers or strings.
        days : numpy.ndarray or list
            ``datetime64`` dates or integer day numbers since 1970-01-01.
        values : numpy.ndarray or list
            Real, finite values.
        lower_is_better : bool or numpy.ndarray
            Direction of every series (one flag), or one flag per distinct id
            in ascending id order.

        The inputs are never modified; when they are not sorted by id then
        day, the table holds sorted copies.

        Raises
        ------
        ValidationError
            For columns of different lengths or wrong dtypes, non-finite
            values, invalid days, or two readings of one series on one day.
        """
        id_col = _as_ids(ids)
        day_col = _as_days(days)
        value_col = _as_values(values)
        if not id_col.ndim == day_col.ndim == value_col.ndim == 1:
            raise v.fail("ReadingTable", "ids", "must be one-dimensional like days and values",
                         id_col.shape)
        if not id_col.shape == day_col.shape == value_col.shape:
            raise v.fail("ReadingTable", "values",
                         f"must have the length of ids and days ({id_col.shape[0]})",
                         value_col.shape[0])
        same = id_col[1:] == id_col[:-1]
        ordered = bool(np.all((id_col[1:] > id_col[:-1]) | (same & (day_col[1:] > day_col[:-1]))))
        if not ordered:
            order = _sort_order(id_col, day_col)
            id_col, day_col, value_col = id_col[order], day_col[order], value_col[order]
            same = id_col[1:] == id_col[:-1]
        else:
            id_col, day_col, value_col = id_col.copy(), day_col.copy(), value_col.copy()
        duplicate = same & (day_col[1:] == day_col[:-1])
        if duplicate.any():
            at = int(np.flatnonzero(duplicate)[0])
            raise v.fail("ReadingTable", "days", f"must not repeat a day within series "
                         f"{id_col[at].item()!r}", k.day_to_date(int(day_col[at])))
        starts = k.group_starts(id_col)
        unique = id_col[starts]
        flags = np.asarray(lower_is_better)
        if flags.dtype.kind != "b" or flags.ndim > 1 or (
                flags.ndim == 1 and flags.shape[0] != unique.shape[0]):
            raise v.fail("ReadingTable", "lower_is_better",
                         f"must be a bool or {unique.shape[0]} bools (one per series)",
                         lower_is_better)
        signs = np.where(np.broadcast_to(flags, unique.shape), -1, 1).astype(np.int8)
        return cls(_readonly(unique), _readonly(starts), _readonly(day_col),
                   _readonly(value_col), _readonly(signs))

    @classmethod
    def from_series(cls, series: Iterable[Series]) -> ReadingTable:
        """Build a table from :class:`~de_an06.Series`, one per id.

        Ids are ``"<indicator code>@<jurisdiction code>"``; directions come
        from the indicators.

        Raises
        ------
        ValidationError
            When two series share an indicator and a jurisdiction.
        """
        ids: list[str] = []
        days: list[int] = []
        values: list[float] = []
        lower: dict[str, bool] = {}
        for s in series:
            if not isinstance(s, Series):
                raise v.fail("ReadingTable", "series", f"must hold Series, not "
                             f"{type(s).__name__}", s)
            key = _series_id(s)
            if key in lower:
                raise v.fail("ReadingTable", "series", "must not repeat a series id", key)
            lower[key] = s.indicator.direction is Direction.LOWER_IS_BETTER
            for r in s:
                ids.append(key)
                days.append(r.day)
                values.append(float(r.value))
        flags = np.array([lower[key] for key in sorted(lower)], dtype=bool)
        return cls.from_arrays(np.array(ids, dtype=str), np.array(days, dtype=np.int64),
                               np.array(values, dtype=np.float64), lower_is_better=flags)

    @classmethod
    def from_readings(cls, readings: Iterable[Reading]) -> ReadingTable:
        """Build a table from readings, grouped by indicator and jurisdiction.

        Raises
        ------
        ValidationError
            For anything but readings, or two readings of one series on one day.
        """
        groups: dict[str, list[Reading]] = {}
        for r in readings:
            if not isinstance(r, Reading):
                raise v.fail("ReadingTable", "readings",
                             f"must hold Readings, not {type(r).__name__}", r)
            groups.setdefault(f"{r.indicator.code}@{r.jurisdiction.code}", []).append(r)
        return cls.from_series(Series(items) for items in groups.values())

    @property
    def n_series(self) -> int:
        """Number of series."""
        return int(self.ids.shape[0])

    @property
    def n_readings(self) -> int:
        """Number of readings."""
        return int(self.values.shape[0])

    @property
    def sizes(self) -> npt.NDArray[np.int64]:
        """Readings per series."""
        return np.diff(np.append(self.starts, self.n_readings))

    def index(self, series_id: object) -> int:
        """Row of `series_id`.

        Raises
        ------
        KeyError
            When the id is not in the table.
        """
        at = int(np.searchsorted(self.ids, np.asarray(series_id)))
        if at >= self.n_series or self.ids[at] != series_id:
            raise KeyError(series_id)
        return at

    def __len__(self) -> int:
        return self.n_series

    def __repr__(self) -> str:
        return f"ReadingTable(series={self.n_series}, readings={self.n_readings})"

    def _fit(self) -> k.Fit:
        """The kernel's fit of every series, computed once (the table is immutable)."""
        cached = self._cache.get("fit")
        if cached is None:
            cached = k.Fit(*(_readonly(a) for a in k.fit(self.starts, self.days, self.values)))
            self._cache["fit"] = cached
        return cached


# --------------------------------------------------------------------------
# Trends
# --------------------------------------------------------------------------


def _dates(days: npt.NDArray[np.int64], ok: npt.NDArray[np.bool_]) -> Array:
    out = days.astype("datetime64[D]")
    out[~ok] = np.datetime64("NaT")
    return _readonly(out)


@attrs.frozen(repr=False)
class TrendTable:
    """Least-squares trends of every series of a table (see :func:`trends`).

    Arrays hold one entry per series, aligned with `ids`; NaN where a
    quantity does not exist (see the masks).

    Parameters
    ----------
    ids : numpy.ndarray
        Series ids.
    slope, intercept, slope_se, slope_ci_low, slope_ci_high, r_squared : numpy.ndarray
        As the fields of :class:`~de_an06.Trend` (intercept on each series'
        first date).
    n : numpy.ndarray
        Readings per series.
    start, end : numpy.ndarray
        First and last dates (``datetime64[D]``).
    valid : numpy.ndarray
        True where the series has two or more distinct dates.
    has_se : numpy.ndarray
        True where the standard error exists (valid and three or more readings).
    confidence : float
        Level of the slope intervals.
    """

    ids: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    slope: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    intercept: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    slope_se: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    slope_ci_low: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    slope_ci_high: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    r_squared: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    n: npt.NDArray[np.int64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    start: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    end: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    valid: npt.NDArray[np.bool_] = attrs.field(eq=_ARRAY_EQ, repr=False)
    has_se: npt.NDArray[np.bool_] = attrs.field(eq=_ARRAY_EQ, repr=False)
    confidence: float = attrs.field()
    _fit: Any = attrs.field(eq=False, repr=False)  # the kernel's Fit
    _arrays: Any = attrs.field(eq=False, repr=False)  # the kernel's TrendArrays

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def __repr__(self) -> str:
        return (f"TrendTable(series={len(self)}, valid={int(self.valid.sum())}, "
                f"confidence={self.confidence})")

    def trend(self, row: int) -> Trend:
        """Row `row` as a :class:`~de_an06.Trend`, identical to :func:`de_an06.trend`.

        Raises
        ------
        InsufficientDataError
            Where the series has fewer than two distinct dates.
        """
        if not self.valid[row]:
            raise InsufficientDataError(
                f"TrendTable.row {row} (series {self.ids[row].item()!r}) has fewer than two "
                "distinct dates", owner="TrendTable", field="row", value=row)
        return _trend_row(self._fit, self._arrays, row, self.confidence)


def _check_confidence(owner: str, confidence: object) -> float:
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
            or not 0 < confidence < 1:
        raise v.fail(owner, "confidence", "must be in (0, 1)", confidence)
    return float(confidence)


def _trend_table(table: ReadingTable, f: Fit, confidence: float) -> TrendTable:
    a = k.trend_arrays(f, confidence)
    half = a.quantile * a.slope_se
    everywhere = np.ones(f.n.shape, dtype=bool)
    return TrendTable(
        table.ids,
        f.slope,
        _readonly(a.intercept),
        _readonly(a.slope_se),
        _readonly(f.slope - half),
        _readonly(f.slope + half),
        _readonly(a.r_squared),
        f.n,
        _dates(f.first_day, everywhere),
        _dates(f.last_day, everywhere),
        f.valid,
        _readonly(~np.isnan(a.slope_se)),
        confidence,
        f,
        a,
    )


def trends(table: ReadingTable, *, confidence: object = 0.95) -> TrendTable:
    """Least-squares trend of every series in `table`.

    Parameters
    ----------
    table : ReadingTable
        The readings.
    confidence : float
        Level of the slope intervals (default 0.95).

    Returns
    -------
    TrendTable

    Raises
    ------
    ValidationError
        For a bad `table` or `confidence`.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(6)
    >>> ids = np.repeat(np.arange(1_000), 30)
    >>> days = np.tile(np.arange(19_500, 19_530), 1_000)
    >>> values = 100 + 2.0 * (days - 19_500) + rng.normal(0, 1, days.size)
    >>> t = trends(ReadingTable.from_arrays(ids, days, values))
    >>> bool(abs(t.slope.mean() - 2.0) < 0.01), bool(t.has_se.all())
    (True, True)
    """
    if not isinstance(table, ReadingTable):
        raise v.fail("trends", "table", f"must be a ReadingTable, not {type(table).__name__}",
                     table)
    level = _check_confidence("trends", confidence)
    return _trend_table(table, table._fit(), level)  # noqa: SLF001 - same module


# --------------------------------------------------------------------------
# Forecasts
# --------------------------------------------------------------------------


@attrs.frozen(repr=False)
class ForecastTable:
    """Forecasts of every series of a table (see :func:`forecasts`).

    Arrays are aligned with `ids`. Dates are ``datetime64[D]`` with ``NaT``
    where the per-object :class:`~de_an06.Forecast` has ``None``; numbers are
    NaN there.

    Parameters
    ----------
    ids : numpy.ndarray
        Series ids.
    status : numpy.ndarray
        int8 :attr:`ProgressStatus.code <de_an06.ProgressStatus.code>` values.
    target, latest, current_pace, required_pace, pace_ratio : numpy.ndarray
        As in :class:`~de_an06.Forecast` (paces per calendar day).
    reach_date, reach_earliest, reach_latest, deadline, as_of, latest_date : numpy.ndarray
        Dates, as in :class:`~de_an06.Forecast`.
    achieved : numpy.ndarray
        True where the latest value meets the target.
    days_left : numpy.ndarray
        Days from the latest reading to the deadline (NaN without a deadline).
    no_time_left : numpy.ndarray
        True where the deadline leaves no day after the latest reading while
        the target is not met: :func:`de_an06.forecast` raises there; here the
        required pace is NaN and the status "not available".
    trends : TrendTable
        The trends behind the forecasts.
    """

    ids: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    status: npt.NDArray[np.int8] = attrs.field(eq=_ARRAY_EQ, repr=False)
    target: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    latest: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    latest_date: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    as_of: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    deadline: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    reach_date: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    reach_earliest: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    reach_latest: Array = attrs.field(eq=_ARRAY_EQ, repr=False)
    current_pace: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    required_pace: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    pace_ratio: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    achieved: npt.NDArray[np.bool_] = attrs.field(eq=_ARRAY_EQ, repr=False)
    days_left: npt.NDArray[np.float64] = attrs.field(eq=_ARRAY_EQ, repr=False)
    no_time_left: npt.NDArray[np.bool_] = attrs.field(eq=_ARRAY_EQ, repr=False)
    trends: TrendTable = attrs.field(eq=False)
    _projection: Any = attrs.field(eq=False)  # the kernel's Projection
    _signs: Any = attrs.field(eq=False)

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def __repr__(self) -> str:
        counts = np.bincount(self.status, minlength=6).tolist()
        return f"ForecastTable(series={len(self)}, status_counts={counts})"

    def forecast(self, row: int) -> Forecast:
        """Row `row` as a :class:`~de_an06.Forecast`, identical to :func:`de_an06.forecast`.

        Raises
        ------
        ValidationError
            Where :func:`de_an06.forecast` raises (no day left before the deadline).
        """
        if self.no_time_left[row]:
            raise v.fail("ForecastTable", "row", "has a deadline that leaves no day after "
                         "the latest reading while the target is not met", row)
        t = self.trends
        trend_ = t.trend(row) if t.valid[row] else None
        deadline = self.deadline[row]
        days_left = self.days_left[row]
        return _forecast_row(
            t._fit, self._projection, row, trend_,  # noqa: SLF001 - same module
            target=float(self.target[row]),
            deadline=None if np.isnat(deadline) else deadline.item(),
            as_of=self.as_of[row].item(),
            direction=Direction.HIGHER_IS_BETTER if self._signs[row] > 0
            else Direction.LOWER_IS_BETTER,
            days_left=None if np.isnan(days_left) else int(days_left),
            working_days_left=None,
        )


def _per_series(owner: str, field: str, value: object, count: int) -> Array:
    array = np.asarray(value)
    if array.ndim == 0:
        return np.broadcast_to(array, (count,))
    if array.shape != (count,):
        raise v.fail(owner, field, f"must be a scalar or hold one entry per series ({count})",
                     array.shape)
    return array


def _deadline_days(value: object,
                   count: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    owner = "forecasts"
    if value is None:
        return np.zeros(count, dtype=np.int64), np.zeros(count, dtype=bool)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return (np.full(count, k.date_to_day(value), dtype=np.int64),
                np.ones(count, dtype=bool))
    array = _per_series(owner, "deadlines", value, count)
    if array.dtype.kind == "M":
        missing = np.isnat(array)
        days = np.where(missing, np.datetime64(0, "D"),
                        array.astype("datetime64[D]")).astype(np.int64)
        return days, ~missing
    if array.dtype.kind in "iu":
        return array.astype(np.int64), np.ones(count, dtype=bool)
    raise v.fail(owner, "deadlines", "must be dates, datetime64 or day numbers",
                 f"dtype {array.dtype}")


def forecasts(table: ReadingTable, targets: object, deadlines: object = None, *,
              as_of: object = None, confidence: object = 0.95) -> ForecastTable:
    """Forecast every series of `table` to its target.

    The vectorised :func:`de_an06.forecast`: reach dates with their interval,
    current and required paces per calendar day, and Open SDG statuses.

    Parameters
    ----------
    table : ReadingTable
        The readings; their directions come from the table.
    targets : float or numpy.ndarray
        One target for all series, or one per series (aligned with
        ``table.ids``); finite.
    deadlines : datetime.date or numpy.ndarray, optional
        One deadline or one per series (``datetime64`` with ``NaT`` for
        none, or day numbers).
    as_of : datetime.date, optional
        Date of the forecasts, on or after every series' latest reading
        (default: each series' latest date).
    confidence : float
        Level of the slope interval behind the reach-date interval.

    Returns
    -------
    ForecastTable

    Raises
    ------
    ValidationError
        For misaligned or non-finite targets, bad deadlines, an `as_of` before
        a series' latest reading, or a deadline before `as_of` (the message
        names the first offending series).

    Examples
    --------
    >>> import numpy as np
    >>> table = ReadingTable.from_arrays(
    ...     ids=np.array(["kh", "kh", "qn", "qn"]),
    ...     days=np.array(["2023-06-25", "2023-07-01", "2023-06-25", "2023-07-01"],
    ...                   dtype="datetime64[D]"),
    ...     values=np.array([500_000.0, 546_234.0, 10.0, 11.0]))
    >>> f = forecasts(table, np.array([756_805.0, 30.0]), np.datetime64("2023-07-30"))
    >>> f.reach_date.tolist()
    [datetime.date(2023, 7, 29), datetime.date(2023, 10, 23)]
    >>> np.round(f.required_pace, 2).tolist(), f.status.tolist()
    ([7261.07, 0.66], [1, 3])
    """
    owner = "forecasts"
    if not isinstance(table, ReadingTable):
        raise v.fail(owner, "table", f"must be a ReadingTable, not {type(table).__name__}",
                     table)
    level = _check_confidence(owner, confidence)
    count = table.n_series
    goal = _per_series(owner, "targets", targets, count)
    if goal.dtype.kind not in "iuf":
        raise v.fail(owner, "targets", "must be real numbers", f"dtype {goal.dtype}")
    goal = goal.astype(np.float64)
    if not np.isfinite(goal).all():
        raise v.fail(owner, "targets", "must be finite", float(goal[~np.isfinite(goal)][0]))
    f = table._fit()  # noqa: SLF001 - same module
    if as_of is None:
        from_day = f.last_day
    else:
        if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
            raise v.fail(owner, "as_of", "must be a datetime.date", as_of)
        from_day = np.full(count, k.date_to_day(as_of), dtype=np.int64)
        early = from_day < f.last_day
        if early.any():
            at = int(np.flatnonzero(early)[0])
            raise v.fail(owner, "as_of", f"must not precede the latest reading "
                         f"{k.day_to_date(int(f.last_day[at]))} of series "
                         f"{table.ids[at].item()!r}", as_of)
    due, has_due = _deadline_days(deadlines, count)
    late = has_due & (due < from_day)
    if late.any():
        at = int(np.flatnonzero(late)[0])
        raise v.fail(owner, "deadlines", f"must not precede as_of for series "
                     f"{table.ids[at].item()!r}", k.day_to_date(int(due[at])))
    sign = table.signs.astype(np.float64)
    days_left = np.where(has_due, (due - f.last_day).astype(np.float64), np.nan)
    trends_ = _trend_table(table, f, level)
    arrays = trends_._arrays  # noqa: SLF001 - same module
    p = k.project(f, arrays, target=goal, sign=sign, from_day=from_day,
                  days_left=days_left, units_left=days_left)
    return ForecastTable(
        table.ids,
        _readonly(p.status),
        _readonly(goal),
        _readonly(f.last_value),
        _dates(f.last_day, np.ones(count, dtype=bool)),
        _dates(from_day, np.ones(count, dtype=bool)),
        _dates(due, has_due),
        _dates(p.reach_day, p.reachable),
        _dates(p.earliest_day, p.earliest_ok),
        _dates(p.latest_day, p.latest_ok),
        _readonly(p.current_pace),
        _readonly(p.required_pace),
        _readonly(p.ratio),
        _readonly(p.achieved),
        _readonly(days_left),
        _readonly(has_due & (days_left == 0) & ~p.achieved),
        trends_,
        p,
        table.signs,
    )
