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
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from de_an06 import _days
from de_an06 import _validators as v
from de_an06.analysis import rows
from de_an06.batch import _info
from de_an06.batch._arrays import Array, dates, dates_of, readonly
from de_an06.batch._info import SeriesInfo
from de_an06.batch._risk import AtRisk
from de_an06.batch._window import windowed
from de_an06.batch.results import ForecastTable, TrendTable, trend_table
from de_an06.batch.table import ReadingTable
from de_an06.model.rules import real_number

__all__ = [
    "AtRisk",
    "ForecastTable",
    "ReadingTable",
    "SeriesInfo",
    "TrendTable",
    "forecasts",
    "trends",
]


def __dir__() -> list[str]:
    return __all__


#: What ``targets=`` takes: keyed by id (a Mapping or a pandas Series), one number, an
#: array aligned with ``table.ids``, or None for the table's own targets.
Targets = Mapping[Any, float] | npt.ArrayLike | None
#: What ``deadlines=`` takes: keyed by id, one date, an array or a list (of dates and
#: None) aligned with ``table.ids``, or None for the table's own deadlines.
Deadlines = (Mapping[Any, "dt.date | None"] | dt.date | Sequence["dt.date | None"]
             | npt.ArrayLike | None)


def _check_confidence(owner: str, confidence: object) -> float:
    level = real_number(owner, "confidence", confidence)
    if not 0 < level < 1:
        raise v.fail(owner, "confidence", "must be in (0, 1)", confidence)
    return float(level)


def trends(table: ReadingTable, *, since: dt.date | None = None, last: int | None = None,
           confidence: float = 0.95) -> TrendTable:
    """Least-squares trend of every series in `table`.

    Parameters
    ----------
    table : ReadingTable
        The readings.
    since : datetime.date, optional
        Fit each series to its readings dated on or after `since` (and its
        latest reading), as :func:`de_an06.trend` does.
    last : int, optional
        Fit each series to its last `last` readings (at least 1). At most one
        of `since` and `last`; neither fits all readings.
    confidence : float
        Level of the slope intervals (default 0.95).

    Returns
    -------
    TrendTable

    Raises
    ------
    ValidationError
        For a bad `table`, `confidence`, `since` or `last`, or both of these.

    See Also
    --------
    de_an06.trend : The same fit for one series, as a :class:`~de_an06.Trend`.
    TrendTable.trend : One row of the result as that :class:`~de_an06.Trend`.

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

    The last five readings of each series:

    >>> t = trends(ReadingTable.from_arrays(ids, days, values), last=5)
    >>> t, t.n.max().item()
    (TrendTable(series=1000, valid=1000, confidence=0.95, window=Window(last=5)), 5)
    """
    if not isinstance(table, ReadingTable):
        raise v.fail("trends", "table", f"must be a ReadingTable, not {type(table).__name__}",
                     table)
    level = _check_confidence("trends", confidence)
    within = rows.window("trends", since, last)
    fitted = windowed("trends", table, within)
    return trend_table(table.ids, fitted._fit(), level, within)  # noqa: SLF001 - same package


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
    """Deadlines as day numbers and where there is one (one deadline: broadcast, no copy)."""
    owner = "forecasts"
    if value is None:
        return np.broadcast_to(np.int64(0), (count,)), np.broadcast_to(np.False_, (count,))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return (np.broadcast_to(np.int64(rows.date_to_day(value)), (count,)),
                np.broadcast_to(np.True_, (count,)))
    array = _per_series(owner, "deadlines", value, count)
    if array.dtype.kind == "O":
        array = _object_deadlines(owner, array)
    if array.dtype.kind == "M":
        missing = np.isnat(array)
        days = np.where(missing, np.datetime64(0, "D"),
                        array.astype("datetime64[D]")).astype(np.int64)
        at = _days.first_invalid_day(days)
        if at is not None:
            raise v.fail(owner, "deadlines", "must be dates in years 1 to 9999", str(array[at]))
        return days, ~missing
    if array.dtype.kind in "iu":
        days = array.astype(np.int64)
        if array.dtype.kind == "u" and array.dtype.itemsize == 8:  # noqa: PLR2004 - uint64
            days = np.where(array > _days.MAX_DAY, _days.MAX_DAY + 1, array).astype(np.int64)
        at = _days.first_invalid_day(days)
        if at is not None:
            raise v.fail(owner, "deadlines", "must be day numbers of dates in years 1 to 9999",
                         array[at].item())
        return days, np.broadcast_to(np.True_, (count,))
    raise v.fail(owner, "deadlines", "must be dates, datetime64 or day numbers",
                 f"dtype {array.dtype}")


def _object_deadlines(owner: str, array: Array) -> Array:
    """A list or object array of dates (``None`` for no deadline) as ``datetime64[D]``."""
    out = np.full(array.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    for at, day in enumerate(array.tolist()):
        if day is None:
            continue
        if not v.is_plain_date(day):
            raise v.fail(owner, "deadlines", f"must hold dates or None (entry {at} is "
                         f"{type(day).__name__})", day)
        out[at] = np.datetime64(day, "D")
    return out


def _single(value: object) -> bool:
    """One value for every series (a scalar, or a 0-d array)."""
    return np.ndim(value) == 0  # type: ignore[arg-type]


def forecasts(table: ReadingTable, targets: Targets = None,
              deadlines: Deadlines = None, *,
              as_of: dt.date | None = None, since: dt.date | None = None,
              last: int | None = None, confidence: float = 0.95) -> ForecastTable:
    """Forecast every series of `table` to its target.

    The vectorised :func:`de_an06.forecast`: reach dates with their interval,
    current and required paces per calendar day, and Open SDG statuses.

    Parameters
    ----------
    table : ReadingTable
        The readings; their directions come from the table.
    targets : Mapping, float or numpy.ndarray, optional
        Best keyed by series id: ``{"26734": 1200.0, ...}`` or a pandas
        Series indexed by id, holding exactly the ids of the table (a
        missing or extra id raises, naming it). Also one target for every
        series, or an array read **in the order of** ``table.ids``. Default:
        the table's own targets (``table.info.targets``, from the file's
        target column); finite.
    deadlines : Mapping, datetime.date, list or numpy.ndarray, optional
        Keyed by id like `targets` (``None`` for no deadline), one deadline,
        or an array in the order of ``table.ids`` (``datetime64`` with
        ``NaT`` for none, day numbers of years 1 to 9999, or a list of
        :class:`datetime.date` with ``None`` for none). Default: the table's
        own deadlines, if it has some.
    as_of : datetime.date, optional
        Date of the forecasts, on or after every series' latest reading
        (default: each series' latest date).
    since, last : optional
        The window of readings each trend is fitted to, as for :func:`trends`.
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
        names the first offending series), a bad `since` or `last`, or both.

    See Also
    --------
    de_an06.forecast : The same forecast for one series, as a :class:`~de_an06.Forecast`.
    ForecastTable.forecast : One row of the result as that :class:`~de_an06.Forecast`.

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

    Keyed by id, the order does not matter:

    >>> g = forecasts(table, {"qn": 30.0, "kh": 756_805.0}, np.datetime64("2023-07-30"))
    >>> bool((g.reach_date == f.reach_date).all())
    True
    >>> forecasts(table, {"kh": 756_805.0})
    Traceback (most recent call last):
    ...
    de_an06.errors.ValidationError: forecasts.targets has no entry for 1 series ...: 'qn' ...
    """
    owner = "forecasts"
    if not isinstance(table, ReadingTable):
        raise v.fail(owner, "table", f"must be a ReadingTable, not {type(table).__name__}",
                     table)
    level = _check_confidence(owner, confidence)
    within = rows.window(owner, since, last)
    count = table.n_series
    goals, due_dates = _info.resolve(owner, table.ids, table.info, targets, deadlines)
    goal = _per_series(owner, "targets", goals, count)
    if goal.dtype.kind not in "iuf":
        raise v.fail(owner, "targets", "must be real numbers", f"dtype {goal.dtype}")
    goal = (np.broadcast_to(goal.astype(np.float64), goal.shape) if _single(targets)
            else goal.astype(np.float64))  # one target: a view, otherwise a copy
    if not np.isfinite(goal).all():
        raise v.fail(owner, "targets", "must be finite", float(goal[~np.isfinite(goal)][0]))
    f = windowed(owner, table, within)._fit()  # noqa: SLF001 - same package
    if as_of is None:
        from_day = f.last_day
    else:
        when: object = as_of  # checked: the annotation is not enforced
        if not isinstance(when, dt.date) or isinstance(when, dt.datetime):
            raise v.fail(owner, "as_of", "must be a datetime.date", as_of)
        from_day = np.broadcast_to(np.int64(rows.date_to_day(when)), (count,))
        early = from_day < f.last_day
        if early.any():
            at = int(np.flatnonzero(early)[0])
            raise v.fail(owner, "as_of", f"must not precede the latest reading "
                         f"{rows.day_to_date(int(f.last_day[at]))} of series "
                         f"{table.ids[at].item()!r}", as_of)
    due, has_due = _deadline_days(due_dates, count)
    late = has_due & (due < from_day)
    if late.any():
        at = int(np.flatnonzero(late)[0])
        raise v.fail(owner, "deadlines", f"must not precede as_of for series "
                     f"{table.ids[at].item()!r}", rows.day_to_date(int(due[at])))
    everywhere = bool(has_due.all())
    left = (due - f.last_day).astype(np.float64)
    days_left = left if everywhere else np.where(has_due, left, np.nan)
    trends_ = trend_table(table.ids, f, level, within)
    arrays = trends_._arrays  # noqa: SLF001 - same package
    p = rows.project(f, arrays, target=goal, sign=table.signs, from_day=from_day,
                     days_left=days_left, units_left=days_left)
    reach, earliest, latest = dates_of((p.reach_day, p.reachable),
                                       (p.earliest_day, p.earliest_ok),
                                       (p.latest_day, p.latest_ok))
    return ForecastTable(
        table.ids,
        readonly(p.status),
        readonly(goal),
        readonly(f.last_value),
        dates(f.last_day),
        dates(from_day),
        dates(due) if everywhere else dates_of((due, has_due))[0],
        reach,
        earliest,
        latest,
        readonly(p.current_pace),
        readonly(p.required_pace),
        readonly(p.ratio),
        readonly(p.achieved),
        readonly(days_left),
        readonly(has_due & (days_left == 0) & ~p.achieved),
        trends_,
        p,
        table.signs,
        info=table.info,
    )
