"""The baselines of issue 22: what a user would write by hand, timed on the same data.

Every baseline takes the same sorted columns (series id, day number, value)
and one target and deadline for every series, and computes per series what
``ReadingTable.from_arrays`` + ``batch.forecasts`` compute (or as much of it as
the way allows):

* :func:`hand_numpy` -- the closed form a numpy user writes: per-series
  centring with :func:`numpy.add.reduceat` and :func:`numpy.repeat`; slope,
  intercept, slope standard error, reach day and required pace. No
  validation, no tie rule, no flat or degenerate series handling;
* :func:`hand_numpy_same_work` -- what a numpy user writes to get what the
  library's batch gives (its checks, copies, intervals, three reach days,
  paces and statuses): the floor of a plain numpy formulation of that work;
* :func:`pandas_closed_form` -- the same closed form with
  ``groupby().transform("mean")`` and ``groupby().sum()`` (the DataFrame is
  built before the clock starts, see :func:`frame`);
* :func:`polyfit_loop` -- one ``np.polyfit(deg=1)`` per series, timed on at
  most :data:`POLYFIT_SERIES_CAP` series and scaled to all;
* :func:`floor` -- ``np.sum(values) + np.sum(days)``: reading the two input
  columns once, the least any method can do.

The data: :func:`variable` (series of 3 to 40 readings, 21.5 on average) and
:func:`equal` (every series :data:`EQUAL_LENGTH` readings), daily-ish dates
near 2022 with gaps of 1 to 7 days, values with a per-series pace and noise,
rounded to 2 decimals like the programme's reports.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Columns = tuple[Ints, Ints, Floats]

DAY0 = 19_000  # 2022-01-08
MIN_LENGTH, MAX_LENGTH = 3, 40  # readings per series in :func:`variable` (mean 21.5)
EQUAL_LENGTH = 24  # readings per series in :func:`equal`
TARGET = 5_000.0
DEADLINE = np.datetime64("2024-12-31")
DEADLINE_DAY = int(DEADLINE.astype("datetime64[D]").astype(np.int64))
POLYFIT_SERIES_CAP = 20_000


def _columns(sizes: Ints, rng: np.random.Generator) -> Columns:
    """Sorted columns of series with the given sizes."""
    count = int(sizes.size)
    readings = int(sizes.sum())
    ids = np.repeat(np.arange(count, dtype=np.int64), sizes)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    gaps = rng.integers(1, 8, readings)
    gaps[starts] = 0
    offsets = np.cumsum(gaps)
    offsets -= np.repeat(offsets[starts], sizes)
    days = DAY0 + np.repeat(rng.integers(0, 200, count), sizes) + offsets
    pace = rng.uniform(-5.0, 40.0, count)
    level = rng.uniform(500.0, 1_500.0, count)
    noise = rng.normal(0.0, 20.0, readings)
    values = np.round(np.repeat(level, sizes) + np.repeat(pace, sizes) * offsets + noise, 2)
    return ids, days.astype(np.int64), values


def variable(readings: int, seed: int = 22) -> Columns:
    """`readings` readings in series of 3 to 40 readings (uniform, mean 21.5)."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(MIN_LENGTH, MAX_LENGTH + 1, readings // MIN_LENGTH + 1)
    total = np.cumsum(sizes)
    last = int(np.searchsorted(total, readings))
    sizes = sizes[:last + 1]
    sizes[-1] -= int(total[last]) - readings
    return _columns(sizes[sizes > 0], rng)


def equal(readings: int, seed: int = 22) -> Columns:
    """`readings` readings in series of :data:`EQUAL_LENGTH` readings (the last may be shorter).

    With a multiple of the length, every series has the same length, which is
    the case the equal-length baselines are about.
    """
    rng = np.random.default_rng(seed)
    count = -(-readings // EQUAL_LENGTH)
    sizes = np.full(count, EQUAL_LENGTH, dtype=np.int64)
    sizes[-1] -= count * EQUAL_LENGTH - readings
    return _columns(sizes, rng)


def _centred_sums(starts: Ints, days: Ints, values: Floats) -> tuple[Any, ...]:
    """The closed form's passes: sizes, last indices, means, centred columns, their sums."""
    n = np.diff(np.append(starts, days.shape[0]))
    mean_day = np.add.reduceat(days, starts) / n
    mean_value = np.add.reduceat(values, starts) / n
    tc = days - np.repeat(mean_day, n)
    yc = values - np.repeat(mean_value, n)
    return (n, starts + n - 1, mean_day, mean_value, tc, yc, np.add.reduceat(tc * tc, starts),
            np.add.reduceat(tc * yc, starts), np.add.reduceat(yc * yc, starts))


def hand_numpy(ids: Ints, days: Ints, values: Floats, target: float = TARGET,
               deadline: int = DEADLINE_DAY) -> dict[str, Floats]:
    """The closed form a numpy user writes, on columns sorted by id then day.

    Slope, intercept (on each series' first day), slope standard error, the
    first whole day on which the line meets `target` (not before the latest
    reading) and the required pace to the deadline.
    """
    starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
    with np.errstate(divide="ignore", invalid="ignore"):
        n, last, mean_day, mean_value, _, _, sxx, sxy, syy = _centred_sums(starts, days, values)
        slope = sxy / sxx
        intercept = mean_value - slope * (mean_day - days[starts])
        se = np.sqrt((syy - slope * sxy) / (n - 2) / sxx)
        crossing = np.ceil(mean_day + (target - mean_value) / slope)
        reach = np.maximum(crossing, days[last])
        pace = (target - values[last]) / (deadline - days[last])
    return {"slope": slope, "intercept": intercept, "slope_se": se, "reach_day": reach,
            "required_pace": pace}


def hand_numpy_same_work(ids: Ints, days: Ints, values: Floats, target: float = TARGET,
                         deadline: int = DEADLINE_DAY, *,
                         confidence: float = 0.95) -> dict[str, Any]:
    """What a numpy user writes to get what ``from_arrays`` + ``batch.forecasts`` give.

    The floor of a plain numpy formulation of the library's batch: the
    checks a table makes (ids in order, days strictly increasing within a
    series, values finite), the table's own copies of the days and values,
    the fit of :func:`hand_numpy` plus the residual pass for nearly perfect
    fits, the Student-t quantile per series (a look-up table by degrees of
    freedom, from scipy), the slope's interval, r², flatness, a reach day
    for the slope and for each end of its interval, whether the target is
    achieved, current and required paces, their ratio and the status. Each
    step is one numpy expression over all readings or all series, as a user
    writes it; unlike the library it has no tie rule, no lower-is-better
    direction and no degenerate-series handling. On the benchmark's data its
    statuses and reach days are the library's (``run.py`` checks the
    statuses).
    """
    from scipy import stats

    change = ids[1:] != ids[:-1]
    if ((ids[1:] < ids[:-1]).any() or ((days[1:] <= days[:-1]) & ~change).any()
            or not np.isfinite(values).all()):
        raise ValueError("ids out of order, a repeated day or a value that is not finite")
    days, values = days.copy(), values.copy()  # a table owns its columns
    starts = np.flatnonzero(np.concatenate(([True], change)))
    eps = np.finfo(np.float64).eps
    with np.errstate(divide="ignore", invalid="ignore"):
        n, last, mean_day, mean_value, tc, yc, sxx, sxy, syy = _centred_sums(starts, days,
                                                                             values)
        first_day, last_day, last_value = days[starts], days[last], values[last]
        slope = sxy / sxx
        ssr = syy - slope * sxy
        need = ssr < 1e-3 * syy  # nearly perfect fits: sum the residuals themselves
        if need.any():
            residual = yc - tc * np.repeat(slope, n)
            ssr = np.where(need, np.add.reduceat(residual * residual, starts), ssr)
        df = n - 2
        table = stats.t.ppf((1 + confidence) / 2, np.arange(1, int(df.max(initial=1)) + 1))
        quantile = np.where(df > 0, np.append(np.nan, table)[np.maximum(df, 0)], np.nan)
        se = np.sqrt(ssr / df / sxx)
        low, high = slope - quantile * se, slope + quantile * se
        r_squared = 1 - ssr / syy
        intercept = mean_value - slope * (mean_day - first_day)
        scale = np.abs(mean_value) + np.sqrt(syy / n)
        span = np.maximum(last_day - first_day, 1)
        flat = np.abs(slope) * span <= 32 * np.sqrt(n) * eps * scale
        achieved = last_value >= target
        reach = {}
        for name, s in (("reach", slope), ("earliest", high), ("latest", low)):
            crossing = np.ceil(mean_day + (target - mean_value) / s)
            ok = (s > 0) & ~flat & np.isfinite(crossing) & ~achieved
            reach[name] = (np.where(ok, np.maximum(crossing, last_day), 0), ok)
        required = np.where(achieved, np.nan, (target - last_value) / (deadline - last_day))
        current = np.where(flat, 0.0, slope)
        ratio = current / required
        status = np.select([achieved, ratio >= 0.95, ratio >= 0.6, ratio >= 0, ratio < 0],
                           [0, 1, 2, 3, 4], 5)
    return {"slope": slope, "intercept": intercept, "slope_se": se, "slope_ci": (low, high),
            "r_squared": r_squared, "flat": flat, "reach": reach, "current_pace": current,
            "required_pace": required, "ratio": ratio, "status": status, "days": days,
            "values": values}


def frame(ids: Ints, days: Ints, values: Floats) -> Any:  # noqa: ANN401 - pandas is optional
    """The pandas DataFrame :func:`pandas_closed_form` starts from (built before timing)."""
    import pandas as pd

    return pd.DataFrame({"id": ids, "day": days, "value": values})


def pandas_closed_form(df: Any, target: float = TARGET,  # noqa: ANN401 - pandas is optional
                       deadline: int = DEADLINE_DAY) -> Any:  # noqa: ANN401
    """The same closed form in pandas: ``groupby().transform`` to centre, ``sum()`` to add."""
    import pandas as pd

    groups = df.groupby("id", sort=False)
    tc = df["day"] - groups["day"].transform("mean")
    yc = df["value"] - groups["value"].transform("mean")
    sums = pd.DataFrame({"id": df["id"], "xx": tc * tc, "xy": tc * yc, "yy": yc * yc}
                        ).groupby("id", sort=False).sum()
    firsts = groups[["day", "value"]].agg(["first", "last", "mean", "size"])
    n = firsts["day"]["size"]
    mean_day = firsts["day"]["mean"]
    mean_value = firsts["value"]["mean"]
    last_day = firsts["day"]["last"]
    slope = sums["xy"] / sums["xx"]
    result = pd.DataFrame({
        "slope": slope,
        "intercept": mean_value - slope * (mean_day - firsts["day"]["first"]),
        "slope_se": np.sqrt((sums["yy"] - slope * sums["xy"]) / (n - 2) / sums["xx"]),
        "reach_day": np.maximum(np.ceil(mean_day + (target - mean_value) / slope), last_day),
        "required_pace": (target - firsts["value"]["last"]) / (deadline - last_day),
    })
    return result.replace([np.inf, -np.inf], np.nan)


def polyfit_loop(ids: Ints, days: Ints, values: Floats,
                 limit: int = POLYFIT_SERIES_CAP) -> tuple[Callable[[], None], float]:
    """A loop of ``np.polyfit(deg=1)`` over the first `limit` series, and its scale.

    Time the loop and multiply by the scale (all series over those fitted) for
    the time of a loop over every series. Only the fits are timed: the reach
    day and paces from the coefficients would add little to them.
    """
    bounds = np.append(np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1]))),
                       ids.shape[0])
    count = min(limit, bounds.shape[0] - 1)

    def run() -> None:
        for i in range(count):
            lo, hi = int(bounds[i]), int(bounds[i + 1])
            np.polyfit(days[lo:hi], values[lo:hi], 1)

    return run, (bounds.shape[0] - 1) / count


def floor(days: Ints, values: Floats) -> float:
    """``np.sum(values) + np.sum(days)``: one read of the two input columns."""
    return float(np.sum(values)) + float(np.sum(days))


def one_series_same_work(days: Ints, values: Floats, target: float, deadline: int,
                         quantiles: dict[int, float]) -> dict[str, float]:
    """What ``forecast()`` gives for one series, written with numpy by hand.

    The per-object counterpart of :func:`hand_numpy_same_work`, on one
    series' arrays: centred fit (``np.dot`` for the sums), the residual
    sum of squares, the slope's standard error and interval (the Student-t
    quantile looked up in `quantiles`, by degrees of freedom, as a user
    would cache scipy's), r², flatness, a reach day for the slope and each
    end of its interval, current and required paces, their ratio and the
    status; returned as a dict of Python numbers. No checks, and no result
    objects.
    """
    n = days.shape[0]
    eps = 2.220446049250313e-16
    mean_day, mean_value = days.mean(), values.mean()
    tc, yc = days - mean_day, values - mean_value
    sxx, sxy, syy = float(np.dot(tc, tc)), float(np.dot(tc, yc)), float(np.dot(yc, yc))
    slope = sxy / sxx
    ssr = syy - slope * sxy
    if ssr < 1e-3 * syy:
        residual = yc - slope * tc
        ssr = float(np.dot(residual, residual))
    se = (ssr / (n - 2) / sxx) ** 0.5
    half = quantiles[n - 2] * se
    first, last = int(days[0]), int(days[-1])
    latest = float(values[-1])
    scale = abs(float(mean_value)) + (syy / n) ** 0.5
    flat = abs(slope) * max(last - first, 1) <= 32 * n ** 0.5 * eps * scale
    achieved = latest >= target
    reach = {}
    for name, s in (("reach", slope), ("earliest", slope + half), ("latest", slope - half)):
        ok = s > 0 and not flat and not achieved
        reach[name] = max(math.ceil(float(mean_day) + (target - float(mean_value)) / s),
                          last) if ok else None
    required = math.nan if achieved else (target - latest) / (deadline - last)
    current = 0.0 if flat else slope
    ratio = current / required if required == required and required != 0 else math.nan  # noqa: PLR0124
    status = (0 if achieved else 5 if ratio != ratio else 1 if ratio >= 0.95  # noqa: PLR0124
              else 2 if ratio >= 0.6 else 3 if ratio >= 0 else 4)
    return {"slope": slope, "intercept": float(mean_value) - slope * (float(mean_day) - first),
            "slope_se": se, "slope_ci_low": slope - half, "slope_ci_high": slope + half,
            "r_squared": 1 - ssr / syy, "flat": flat, **reach, "current_pace": current,
            "required_pace": required, "ratio": ratio, "status": status}
