"""The results of the batch engine: trends and forecasts of every series, as arrays."""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _extras
from de_an06 import _validators as v
from de_an06.analysis import Forecast, ProgressStatus, Trend, rows
from de_an06.batch import _html, _risk
from de_an06.batch._arrays import ARRAY_EQ, Array, dates, readonly, row_of
from de_an06.batch._info import SeriesInfo
from de_an06.batch._risk import AtRisk
from de_an06.errors import InsufficientDataError
from de_an06.model import Direction


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
    window : de_an06.Window
        The readings each series was fitted to (``n``, ``start`` and ``end``
        describe those readings).
    """

    ids: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    slope: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    intercept: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    slope_se: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    slope_ci_low: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    slope_ci_high: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    r_squared: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    n: npt.NDArray[np.int64] = attrs.field(eq=ARRAY_EQ, repr=False)
    start: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    end: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    valid: npt.NDArray[np.bool_] = attrs.field(eq=ARRAY_EQ, repr=False)
    has_se: npt.NDArray[np.bool_] = attrs.field(eq=ARRAY_EQ, repr=False)
    confidence: float = attrs.field()
    _fit: Any = attrs.field(eq=False, repr=False)  # the kernel's Fit
    _arrays: Any = attrs.field(eq=False, repr=False)  # the kernel's TrendArrays
    window: rows.Window = attrs.field(kw_only=True, default=rows.ALL)

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def __repr__(self) -> str:
        within = "" if self.window.everything else f", window={self.window!r}"
        return (f"TrendTable(series={len(self)}, valid={int(self.valid.sum())}, "
                f"confidence={self.confidence}{within})")

    def to_pandas(self) -> Any:  # noqa: ANN401 - pandas is optional
        """The table as a ``pandas.DataFrame`` indexed by series id (needs pandas)."""
        _extras.require("pandas", "TrendTable.to_pandas")
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        names = ("slope", "intercept", "slope_se", "slope_ci_low", "slope_ci_high",
                 "r_squared", "n", "start", "end", "valid", "has_se")
        return pd.DataFrame({name: getattr(self, name) for name in names},
                            index=pd.Index(self.ids, name="id"))

    def trend(self, row: int) -> Trend:
        """Row `row` as a :class:`~de_an06.Trend`, identical to :func:`de_an06.trend`.

        Raises
        ------
        InsufficientDataError
            Where the series has fewer than two distinct dates; a `row` that is
            no int (``bool`` included) or outside the table raises its parent,
            :class:`~de_an06.ValidationError`.
        """
        row = row_of("TrendTable", row, len(self))
        if not self.valid[row]:
            raise InsufficientDataError(
                f"TrendTable.row {row} (series {self.ids[row].item()!r}) has fewer than two "
                "distinct dates", owner="TrendTable", field="row", value=row)
        return rows.trend_row(self._fit, self._arrays, row, self.confidence, self.window)


def trend_table(ids: Array, f: rows.Fit, confidence: float,
                within: rows.Window = rows.ALL) -> TrendTable:
    """The TrendTable of the series `ids` from their kernel fit (interval: the kernel's)."""
    a = rows.trend_arrays(f, confidence)
    return TrendTable(
        ids,
        f.slope,
        readonly(a.intercept),
        readonly(a.slope_se),
        readonly(a.slope_ci_low),
        readonly(a.slope_ci_high),
        readonly(a.r_squared),
        f.n,
        dates(f.first_day),
        dates(f.last_day),
        f.valid,
        readonly(~np.isnan(a.slope_se)),
        confidence,
        f,
        a,
        window=within,
    )


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

    ids: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    status: npt.NDArray[np.int8] = attrs.field(eq=ARRAY_EQ, repr=False)
    target: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    latest: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    latest_date: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    as_of: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    deadline: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    reach_date: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    reach_earliest: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    reach_latest: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    current_pace: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    required_pace: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    pace_ratio: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    achieved: npt.NDArray[np.bool_] = attrs.field(eq=ARRAY_EQ, repr=False)
    days_left: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    no_time_left: npt.NDArray[np.bool_] = attrs.field(eq=ARRAY_EQ, repr=False)
    trends: TrendTable = attrs.field(eq=False)
    _projection: Any = attrs.field(eq=False)  # the kernel's Projection
    _signs: Any = attrs.field(eq=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False)
    #: The table's per-series metadata (names...), when it had some.
    info: SeriesInfo | None = attrs.field(default=None, kw_only=True, eq=False)

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def __repr__(self) -> str:
        counts = np.bincount(self.status, minlength=6).tolist()
        return f"ForecastTable(series={len(self)}, status_counts={counts})"

    def to_pandas(self) -> Any:  # noqa: ANN401 - pandas is optional
        """The table as a ``pandas.DataFrame`` indexed by series id (needs pandas).

        The ``status`` column holds :class:`~de_an06.ProgressStatus` members
        instead of integer codes; ``days_late`` and (for a table read by
        :func:`de_an06.io.read_table`) ``name`` are added.
        """
        _extras.require("pandas", "ForecastTable.to_pandas")
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        names = ("target", "latest", "latest_date", "as_of", "deadline", "reach_date",
                 "reach_earliest", "reach_latest", "current_pace", "required_pace",
                 "pace_ratio", "achieved", "days_left", "no_time_left")
        labels = np.array(list(ProgressStatus), dtype=object)
        data = {"status": labels[self.status]}
        data.update({name: getattr(self, name) for name in names})
        data["days_late"] = self.days_late
        if self.info is not None:
            data["name"] = self.info.names
        return pd.DataFrame(data, index=pd.Index(self.ids, name="id"))

    def _repr_html_(self) -> str:
        """The size, statuses, first rows and the most days late, for a notebook."""
        return _html.forecast_table_html(self)

    @property
    def days_late(self) -> npt.NDArray[np.float64]:
        """Reach date minus deadline, in days, per series.

        Positive: late; zero or negative: on time. ``+inf`` where the trend
        never reaches the target (flat, or moving away from it); NaN where
        the target is achieved, the series has no trend (fewer than two
        dates) or no deadline.
        """
        cached: npt.NDArray[np.float64] | None = self._cache.get("days_late")
        if cached is None:
            cached = self._cache["days_late"] = _risk.days_late(self)
        return cached

    def at_risk(self, n: int = 10) -> AtRisk:
        """The `n` series that will miss their deadline by the most days, worst first.

        Only series with :attr:`days_late` ``> 0`` are listed (never-reaching
        ones first, as ``inf``); ties are broken by ascending id, so the list
        is the same whatever the order of the file.

        Returns
        -------
        AtRisk
            Id, name, latest value, target, deadline, reach date, days late,
            required and current pace of each; ``.to_pandas()``, ``.records()``.

        Examples
        --------
        >>> import numpy as np
        >>> from de_an06 import batch
        >>> table = batch.ReadingTable.from_arrays(
        ...     ids=np.array(["a", "a", "b", "b", "c", "c"]), days=np.array([0, 7] * 3),
        ...     values=np.array([0.0, 7, 0, 1, 0, 0]))
        >>> f = batch.forecasts(table, 70.0, np.datetime64("1970-02-01"))
        >>> f.days_late.tolist()
        [39.0, 459.0, inf]
        >>> f.at_risk(2).ids.tolist()
        ['c', 'b']
        """
        return _risk.at_risk(self, n)

    def forecast(self, row: int) -> Forecast:
        """Row `row` as a :class:`~de_an06.Forecast`, identical to :func:`de_an06.forecast`.

        Raises
        ------
        ValidationError
            Where :func:`de_an06.forecast` raises (no day left before the
            deadline), and for a `row` that is no int (``bool`` included) or
            outside the table.
        """
        row = row_of("ForecastTable", row, len(self))
        if self.no_time_left[row]:
            raise v.fail("ForecastTable", "row", "has a deadline that leaves no day after "
                         "the latest reading while the target is not met", row)
        t = self.trends
        trend_ = t.trend(row) if t.valid[row] else None
        deadline = self.deadline[row]
        days_left = self.days_left[row]
        return rows.forecast_row(
            t._fit, self._projection, row, trend_,  # noqa: SLF001 - same module
            target=float(self.target[row]),
            deadline=None if np.isnat(deadline) else deadline.item(),
            as_of=self.as_of[row].item(),
            direction=Direction.HIGHER_IS_BETTER if self._signs[row] > 0
            else Direction.LOWER_IS_BETTER,
            days_left=None if np.isnan(days_left) else int(days_left),
            working_days_left=None,
            within=t.window,
        )
