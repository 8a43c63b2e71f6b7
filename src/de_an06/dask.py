"""Trends and forecasts of a Dask DataFrame, on one machine or a cluster.

When the readings outgrow one machine, :mod:`de_an06.batch` runs on
`Dask <https://docs.dask.org>`_: the functions here take a
``dask.dataframe.DataFrame`` with one row per reading, shuffle it so that
every series lies in one partition, and run the batch kernel on each
partition. The result is a lazy Dask DataFrame with the columns, dtypes and
``id`` index of :meth:`ForecastTable.to_pandas
<de_an06.batch.ForecastTable.to_pandas>` (or :meth:`TrendTable.to_pandas
<de_an06.batch.TrendTable.to_pandas>`), one row per series, and the local
batch's numbers, bit for bit: a series goes through the same floating-point
operations whichever partition it lands in and whatever else is there.

Needs the optional ``dask`` extra (``pip install "de_an06[dask]"``), imported
only when a function here is called. Computations run on the scheduler the
caller chose (the current ``distributed.Client``, or Dask's local threads).

Input columns
-------------
* series id -- integers (numpy dtype) or strings;
* day -- ``datetime64`` of any unit without time zone (``datetime64[ns]`` as
  pandas and Parquet give them; a time of day is dropped), or integer day
  numbers since 1970-01-01;
* value -- real numbers (numpy integer or float dtype), finite.

Columns are checked when a function is called; the readings themselves are
checked by :meth:`ReadingTable.from_arrays
<de_an06.batch.ReadingTable.from_arrays>` when the result is computed.

Examples
--------
The examples skip themselves when the extra is not installed.

>>> import pytest
>>> dd = pytest.importorskip("dask.dataframe")
>>> import pandas as pd
>>> from de_an06 import dask as da_dask
>>> readings = pd.DataFrame({
...     "commune": ["kh", "kh", "kh", "qn", "qn", "qn"],
...     "day": pd.to_datetime(["2023-06-25", "2023-06-28", "2023-07-01"] * 2),
...     "value": [500_000.0, 523_000.0, 546_234.0, 10.0, 11.0, 12.5]})
>>> ddf = dd.from_pandas(readings, npartitions=2)
>>> t = da_dask.trends(ddf, id="commune").compute().sort_index()
>>> t["slope"].round(2).tolist()
[7705.67, 0.42]
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

from de_an06 import _extras, batch
from de_an06 import _validators as v

__all__ = ["at_risk", "forecasts", "trends"]


def __dir__() -> list[str]:
    return __all__


Array = npt.NDArray[Any]

_DAYS = "datetime64 (without time zone) or integer day numbers"
#: The column :func:`at_risk` adds and ranks on.
_LATE = "days_late"
#: Columns :func:`at_risk` reads, with the numpy dtype kinds they may have.
_FORECAST_COLUMNS = {"days_late": "f"}


def _dask_dataframe() -> ModuleType:
    """Import ``dask.dataframe`` or say how to install it."""
    return _extras.require("dask.dataframe", "de_an06.dask")


# --------------------------------------------------------------------------
# Checks made when a function is called (on the frame's metadata)
# --------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_count(value: object) -> bool:
    return _is_number(value) and isinstance(value, int) and value >= 1


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _check_frame(owner: str, field: str, frame: object, dd: ModuleType) -> dict[str, Any]:
    """The dtypes of `frame` by column name, or an error when it is not a Dask DataFrame."""
    if not isinstance(frame, dd.DataFrame):
        raise v.fail(owner, field, f"must be a dask.dataframe.DataFrame, not "
                     f"{type(frame).__name__}", type(frame).__name__)
    return dict(frame.dtypes.items())


def _column(owner: str, field: str, name: object, dtypes: dict[str, Any]) -> Any:  # noqa: ANN401
    """The dtype of the column `name` given as argument `field`."""
    if not isinstance(name, str) or name not in dtypes:
        columns = ", ".join(map(str, dtypes))
        raise v.fail(owner, field, f"must name a column of the frame ({columns})", name)
    return dtypes[name]


def _require(owner: str, field: str, name: str, dtype: object, *, kinds: str,
             what: str) -> None:
    """Refuse a column whose dtype is not a numpy dtype of one of `kinds`."""
    if not isinstance(dtype, np.dtype) or dtype.kind not in kinds:
        raise v.fail(owner, field, f"must name a column of {what}, not {dtype} (column {name!r})",
                     name)


def _check_readings(owner: str, ddf: object, dd: ModuleType, *, id: str,  # noqa: A002
                    day: str, value: str) -> dict[str, Any]:
    from pandas.api.types import is_string_dtype

    dtypes = _check_frame(owner, "ddf", ddf, dd)
    id_dtype = _column(owner, "id", id, dtypes)
    if not is_string_dtype(id_dtype):
        _require(owner, "id", id, id_dtype, kinds="iu", what="integers or strings")
    _require(owner, "day", day, _column(owner, "day", day, dtypes), kinds="Miu", what=_DAYS)
    _require(owner, "value", value, _column(owner, "value", value, dtypes), kinds="iuf",
             what="real numbers")
    return dtypes


def _meta(id_dtype: object, owner: str, *, target: float = 0.0,
          confidence: float = 0.95) -> Any:  # noqa: ANN401 - a pandas DataFrame
    """The empty frame whose columns and dtypes the results have.

    Built by the batch functions themselves on a three-reading series, so
    that it cannot drift from ``to_pandas()``; this also checks `target` (a
    number) and `confidence` by the batch's own rules, before any work.
    """
    ids = np.array(["a"] * 3)
    if isinstance(id_dtype, np.dtype) and id_dtype.kind in "iu":
        ids = np.zeros(3, dtype=id_dtype)
    table = batch.ReadingTable.from_arrays(ids, np.arange(3), np.arange(3.0))
    if owner == "trends":
        return batch.trends(table, confidence=confidence).to_pandas().iloc[:0]
    return batch.forecasts(table, target, confidence=confidence).to_pandas().iloc[:0]


# --------------------------------------------------------------------------
# What runs on each partition (plain pandas and numpy)
# --------------------------------------------------------------------------


def _table(part: Any, id: str, day: str, value: str,  # noqa: ANN401, A002
           lower_is_better: npt.ArrayLike = False) -> batch.ReadingTable:
    """The partition's readings as a table."""
    return batch.ReadingTable.from_arrays(part[id].to_numpy(), part[day].to_numpy(),
                                          part[value].to_numpy(dtype=np.float64),
                                          lower_is_better=lower_is_better)


def _per_series(column: Array, name: str, *, field: str, table: batch.ReadingTable,
                rows: Array) -> Array:
    """Each series' value of `column` (of column `name`), which must not vary within a series."""
    first = np.empty(table.n_series, dtype=column.dtype)
    first[rows] = column
    spread = first[rows]
    # NaN and NaT are the same value here (x != x holds for both).
    same = (column == spread) | ((column != column) & (spread != spread))  # noqa: PLR0124
    if not same.all():
        at = int(np.flatnonzero(~same)[0])
        raise v.fail("forecasts", field, f"must name a column with one value per series; series "
                     f"{table.ids[rows[at]].item()!r} has {spread[at].item()!r} and "
                     f"{column[at].item()!r}", name)
    return first


def _forecasts_part(part: Any, *, id: str, day: str, value: str,  # noqa: ANN401, A002
                    target: float | str, deadline: dt.date | str | None,
                    lower_is_better: bool | str, as_of: dt.date | None, confidence: float,
                    empty: Any) -> Any:  # noqa: ANN401
    if len(part) == 0:
        return empty
    by_column = isinstance(lower_is_better, str)
    table = _table(part, id, day, value, lower_is_better=not by_column and lower_is_better)
    targets: Any = target  # one value for all series, or one per series below
    deadlines: Any = deadline
    if isinstance(target, str) or isinstance(deadline, str) or by_column:
        ids = part[id].to_numpy()
        rows = np.searchsorted(table.ids, ids.astype(table.ids.dtype, copy=False))
        if isinstance(target, str):
            targets = _per_series(part[target].to_numpy(dtype=np.float64), target,
                                  field="target", table=table, rows=rows)
        if isinstance(deadline, str):
            due = part[deadline].to_numpy()
            if due.dtype.kind == "M":
                due = due.astype("datetime64[D]")
            deadlines = _per_series(due, deadline, field="deadline", table=table, rows=rows)
        if isinstance(lower_is_better, str):
            flags = _per_series(part[lower_is_better].to_numpy(), lower_is_better,
                                field="lower_is_better", table=table, rows=rows)
            # Direction only sets each series' sign: rebuild from the sorted columns.
            table = batch.ReadingTable.from_arrays(np.repeat(table.ids, table.sizes),
                                                   table.days, table.values,
                                                   lower_is_better=flags)
    result = batch.forecasts(table, targets, deadlines, as_of=as_of, confidence=confidence)
    return result.to_pandas()


def _trends_part(part: Any, *, id: str, day: str, value: str,  # noqa: ANN401, A002
                 confidence: float, empty: Any) -> Any:  # noqa: ANN401
    if len(part) == 0:
        return empty
    return batch.trends(_table(part, id, day, value), confidence=confidence).to_pandas()


def _by_series(ddf: Any, columns: list[str], id: str) -> Any:  # noqa: ANN401, A002
    """The needed columns of `ddf`, shuffled so that each series lies in one partition."""
    return ddf[list(dict.fromkeys(columns))].shuffle(on=id)


def trends(ddf: Any, *, id: str = "id", day: str = "day", value: str = "value",  # noqa: ANN401, A002
           confidence: float = 0.95) -> Any:  # noqa: ANN401
    """Least-squares trend of every series of a Dask DataFrame of readings.

    The distributed :func:`de_an06.batch.trends`: shuffled on `id`, so that
    each series lies in one partition, then the batch kernel per partition.

    Parameters
    ----------
    ddf : ``dask.dataframe.DataFrame``
        One row per reading, partitioned in any way.
    id, day, value : str
        Column names of the series id, the date and the value (see the module
        documentation for their dtypes).
    confidence : float
        Level of the slope intervals (default 0.95).

    Returns
    -------
    ``dask.dataframe.DataFrame``
        Lazy; one row per series, indexed by series id (named ``id``), with
        the columns and dtypes of :meth:`TrendTable.to_pandas
        <de_an06.batch.TrendTable.to_pandas>` and its numbers, bit for bit.
        Rows are in no particular order.

    Raises
    ------
    ValidationError
        At once, for something other than a Dask DataFrame, a missing column
        or one of the wrong dtype, or a bad `confidence`; when computed, where
        :meth:`ReadingTable.from_arrays <de_an06.batch.ReadingTable.from_arrays>`
        raises.
    de_an06.MissingExtraError
        When the ``dask`` extra is not installed.

    See Also
    --------
    de_an06.batch.trends : The same on one machine, on a numpy table.
    forecasts : Forecasts to a target.

    Examples
    --------
    >>> import pytest
    >>> dd = pytest.importorskip("dask.dataframe")
    >>> import numpy as np, pandas as pd
    >>> from de_an06 import batch, dask as da_dask
    >>> rng = np.random.default_rng(6)
    >>> frame = pd.DataFrame({"id": np.repeat(np.arange(100), 30),
    ...                       "day": np.tile(np.arange(19_500, 19_530), 100)})
    >>> frame["value"] = 100 + 2.0 * (frame["day"] - 19_500) + rng.normal(0, 1, len(frame))
    >>> ddf = dd.from_pandas(frame.sample(frac=1, random_state=1), npartitions=4)
    >>> t = da_dask.trends(ddf).compute().sort_index()
    >>> local = batch.trends(batch.ReadingTable.from_pandas(frame)).to_pandas()
    >>> t.equals(local)
    True
    """
    dd = _dask_dataframe()
    owner = "trends"
    dtypes = _check_readings(owner, ddf, dd, id=id, day=day, value=value)
    meta = _meta(dtypes[id], owner, confidence=confidence)
    return _by_series(ddf, [id, day, value], id).map_partitions(
        _trends_part, id=id, day=day, value=value, confidence=confidence, empty=meta, meta=meta)


def forecasts(ddf: Any, *, id: str = "id", day: str = "day",  # noqa: ANN401, A002
              value: str = "value", target: str | float = "target",
              deadline: str | dt.date | None = None, lower_is_better: str | bool = False,
              as_of: dt.date | None = None, confidence: float = 0.95) -> Any:  # noqa: ANN401
    """Forecast every series of a Dask DataFrame of readings to its target.

    The distributed :func:`de_an06.batch.forecasts`: shuffled on `id`, so that
    each series lies in one partition, then the batch kernel per partition.

    Parameters
    ----------
    ddf : ``dask.dataframe.DataFrame``
        One row per reading, partitioned in any way.
    id, day, value : str
        Column names of the series id, the date and the value (see the module
        documentation for their dtypes).
    target : str or float
        One target for every series, or the name of a column of real numbers
        holding each series' target (the same on each of its readings).
    deadline : str or datetime.date, optional
        One deadline for every series, or the name of a column holding each
        series' deadline (the same on each of its readings): ``datetime64``
        (``NaT`` for none) or day numbers. Default: no deadline.
    lower_is_better : str or bool
        Direction of every series, or the name of a bool column holding each
        series' direction.
    as_of : datetime.date, optional
        Date of the forecasts (default: each series' latest date).
    confidence : float
        Level of the slope interval behind the reach-date interval.

    Returns
    -------
    ``dask.dataframe.DataFrame``
        Lazy; one row per series, indexed by series id (named ``id``), with
        the columns and dtypes of :meth:`ForecastTable.to_pandas
        <de_an06.batch.ForecastTable.to_pandas>` and its values, bit for
        bit. Rows are in no particular order.

    Raises
    ------
    ValidationError
        At once, for something other than a Dask DataFrame, a missing column
        or one of the wrong dtype, or a bad scalar argument; when computed,
        for a target, deadline or direction column that varies within a
        series, and where :meth:`ReadingTable.from_arrays
        <de_an06.batch.ReadingTable.from_arrays>` or
        :func:`de_an06.batch.forecasts` raise.
    de_an06.MissingExtraError
        When the ``dask`` extra is not installed.

    See Also
    --------
    de_an06.batch.forecasts : The same on one machine, on a numpy table.
    at_risk : The series that will miss their deadline by the most days.
    trends : The trends alone.

    Examples
    --------
    Khánh Hòa's e-ID applications against 756,805 by 2023-07-30:

    >>> import pytest
    >>> dd = pytest.importorskip("dask.dataframe")
    >>> import datetime as dt, pandas as pd
    >>> from de_an06 import dask as da_dask
    >>> readings = pd.DataFrame({
    ...     "id": ["kh", "kh", "qn", "qn"],
    ...     "day": pd.to_datetime(["2023-06-25", "2023-07-01"] * 2),
    ...     "value": [500_000.0, 546_234.0, 10.0, 11.0],
    ...     "target": [756_805.0, 756_805.0, 30.0, 30.0]})
    >>> f = da_dask.forecasts(dd.from_pandas(readings, npartitions=2),
    ...                       deadline=dt.date(2023, 7, 30)).compute().sort_index()
    >>> f[["status", "reach_date"]]
                         status reach_date
    id
    kh  ProgressStatus.ON_TRACK 2023-07-29
    qn   ProgressStatus.LIMITED 2023-10-23
    """
    dd = _dask_dataframe()
    owner = "forecasts"
    dtypes = _check_readings(owner, ddf, dd, id=id, day=day, value=value)
    columns = [id, day, value]
    if isinstance(target, str):
        _require(owner, "target", target, _column(owner, "target", target, dtypes),
                 kinds="iuf", what="real numbers")
        columns.append(target)
    elif not _is_number(target):
        raise v.fail(owner, "target", "must be a number or a column name", target)
    if isinstance(deadline, str):
        _require(owner, "deadline", deadline, _column(owner, "deadline", deadline, dtypes),
                 kinds="Miu", what=_DAYS)
        columns.append(deadline)
    elif deadline is not None and not _is_date(deadline):
        raise v.fail(owner, "deadline", "must be a datetime.date, a column name or None",
                     deadline)
    if isinstance(lower_is_better, str):
        _require(owner, "lower_is_better", lower_is_better,
                 _column(owner, "lower_is_better", lower_is_better, dtypes), kinds="b",
                 what="bools")
        columns.append(lower_is_better)
    elif not _is_bool(lower_is_better):
        raise v.fail(owner, "lower_is_better", "must be a bool or a column name",
                     lower_is_better)
    if as_of is not None and not _is_date(as_of):
        raise v.fail(owner, "as_of", "must be a datetime.date or None", as_of)
    meta = _meta(dtypes[id], owner, target=0.0 if isinstance(target, str) else target,
                 confidence=confidence)
    return _by_series(ddf, columns, id).map_partitions(
        _forecasts_part, id=id, day=day, value=value, target=target, deadline=deadline,
        lower_is_better=lower_is_better, as_of=as_of, confidence=confidence, empty=meta, meta=meta)


def _top(part: Any, n: int) -> Any:  # noqa: ANN401 - a pandas DataFrame
    """The `n` rows latest first, ties by ascending id; rows without a figure dropped."""
    ranked = part[part[_LATE].notna()].sort_index(kind="stable")
    return ranked.sort_values(_LATE, ascending=False, kind="stable").head(n)


def at_risk(forecasts: Any, n: int = 10) -> Any:  # noqa: ANN401
    """The `n` series that will miss their deadline by the most days.

    A Dask reduction over the result of :func:`forecasts`: each partition
    keeps its `n` latest series, and those are merged in a tree. It ranks by
    the column ``days_late`` (float, days) that :func:`forecasts` carries, as
    :attr:`de_an06.batch.ForecastTable.days_late` computes it:

    * ``reach_date - deadline`` in days where both exist (negative: early);
    * ``inf`` where the series has a deadline and a trend but the trend never
      reaches the target (flat or moving away);
    * NaN -- and the series is left out -- where there is no deadline, the
      target is achieved, or there is no trend (a single reading).

    Parameters
    ----------
    forecasts : ``dask.dataframe.DataFrame``
        As returned by :func:`forecasts`.
    n : int
        How many series to return (default 10).

    Returns
    -------
    ``dask.dataframe.DataFrame``
        Lazy, one partition: at most `n` rows, latest first (ties by
        ascending id), with the columns of `forecasts`.

    Raises
    ------
    ValidationError
        For something other than a Dask DataFrame with the forecast column
        ``days_late`` (float), or an `n` that is not a positive integer.
    de_an06.MissingExtraError
        When the ``dask`` extra is not installed.

    See Also
    --------
    forecasts : The forecasts ranked here.

    Examples
    --------
    >>> import pytest
    >>> dd = pytest.importorskip("dask.dataframe")
    >>> import datetime as dt, pandas as pd
    >>> from de_an06 import dask as da_dask
    >>> readings = pd.DataFrame({
    ...     "id": ["kh", "kh", "qn", "qn", "dn", "dn"],
    ...     "day": pd.to_datetime(["2023-06-25", "2023-07-01"] * 3),
    ...     "value": [500_000.0, 546_234.0, 10.0, 11.0, 20.0, 19.0],
    ...     "target": [756_805.0] * 2 + [30.0] * 4})
    >>> f = da_dask.forecasts(dd.from_pandas(readings, npartitions=2),
    ...                       deadline=dt.date(2023, 7, 30))
    >>> da_dask.at_risk(f, n=2).compute()[["status", "reach_date", "days_late"]]
                          status reach_date  days_late
    id
    dn  ProgressStatus.DETERIORATING        NaT        inf
    qn        ProgressStatus.LIMITED 2023-10-23       85.0
    """
    dd = _dask_dataframe()
    owner = "at_risk"
    dtypes = _check_frame(owner, "forecasts", forecasts, dd)
    for name, kinds in _FORECAST_COLUMNS.items():
        if name not in dtypes:
            raise v.fail(owner, "forecasts", f"must have the column {name!r} of "
                         "de_an06.dask.forecasts", sorted(dtypes))
        _require(owner, "forecasts", name, dtypes[name], kinds=kinds,
                 what=f"numpy dtype kind {kinds!r}")
    if not _is_count(n):
        raise v.fail(owner, "n", "must be a positive integer", n)
    return forecasts.reduction(_top, aggregate=_top, meta=dd.utils.make_meta(forecasts), n=n)
