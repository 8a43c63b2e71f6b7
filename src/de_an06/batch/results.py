"""The results of the batch engine: trends and forecasts of every series, as arrays."""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.analysis import Forecast, ProgressStatus, Trend, rows
from de_an06.batch._arrays import ARRAY_EQ, Array, dates, readonly
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

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def __repr__(self) -> str:
        return (f"TrendTable(series={len(self)}, valid={int(self.valid.sum())}, "
                f"confidence={self.confidence})")

    def to_pandas(self) -> Any:  # noqa: ANN401 - pandas is optional
        """The table as a ``pandas.DataFrame`` indexed by series id (needs pandas)."""
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
            Where the series has fewer than two distinct dates.
        """
        if not self.valid[row]:
            raise InsufficientDataError(
                f"TrendTable.row {row} (series {self.ids[row].item()!r}) has fewer than two "
                "distinct dates", owner="TrendTable", field="row", value=row)
        return rows.trend_row(self._fit, self._arrays, row, self.confidence)


def trend_table(ids: Array, f: rows.Fit, confidence: float) -> TrendTable:
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

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def __repr__(self) -> str:
        counts = np.bincount(self.status, minlength=6).tolist()
        return f"ForecastTable(series={len(self)}, status_counts={counts})"

    def to_pandas(self) -> Any:  # noqa: ANN401 - pandas is optional
        """The table as a ``pandas.DataFrame`` indexed by series id (needs pandas).

        The ``status`` column holds the :class:`~de_an06.ProgressStatus` values
        (Open SDG names) instead of integer codes.
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        names = ("target", "latest", "latest_date", "as_of", "deadline", "reach_date",
                 "reach_earliest", "reach_latest", "current_pace", "required_pace",
                 "pace_ratio", "achieved", "days_left", "no_time_left")
        labels = np.array([s.value for s in ProgressStatus], dtype=object)
        data = {"status": labels[self.status]}
        data.update({name: getattr(self, name) for name in names})
        return pd.DataFrame(data, index=pd.Index(self.ids, name="id"))

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
        return rows.forecast_row(
            t._fit, self._projection, row, trend_,  # noqa: SLF001 - same module
            target=float(self.target[row]),
            deadline=None if np.isnat(deadline) else deadline.item(),
            as_of=self.as_of[row].item(),
            direction=Direction.HIGHER_IS_BETTER if self._signs[row] > 0
            else Direction.LOWER_IS_BETTER,
            days_left=None if np.isnan(days_left) else int(days_left),
            working_days_left=None,
        )
