"""Least-squares trends of a series: slope, its interval, fitted values and predictions.

The numbers come from the kernel (:mod:`de_an06.analysis._kernel`), the same
one :func:`de_an06.batch.trends` runs over many series; :func:`trend_row`
turns one group of its arrays into a :class:`Trend`, here and in
:mod:`de_an06.batch` alike.
"""

from __future__ import annotations

import datetime as dt
import math

import attrs
import numpy as np

from de_an06 import _display
from de_an06 import _validators as v
from de_an06.analysis import _args as check
from de_an06.analysis import _kernel as k
from de_an06.analysis.windows import ALL, Window, select, window
from de_an06.errors import InsufficientDataError
from de_an06.model import Series


@attrs.frozen
class Prediction:
    """The fitted line's value on a date, with statsmodels-style intervals.

    Parameters
    ----------
    date : datetime.date
        Where the line was evaluated.
    mean : float
        The fitted value.
    mean_se : float or None
        Standard error of the fitted mean; ``None`` for a two-point trend.
    mean_ci : tuple of float or None
        Confidence interval of the mean (``mean_ci_lower/upper`` in statsmodels).
    obs_ci : tuple of float or None
        Prediction interval for a new reading (``obs_ci_lower/upper``).

    Raises
    ------
    ValidationError
        For a field of the wrong type or not finite, intervals given without
        `mean_se` (or the reverse), a `mean_ci` that does not hold `mean`
        or an `obs_ci` that does not hold `mean_ci`.
    """

    date: dt.date = attrs.field(validator=check.field(check.date))
    mean: float = attrs.field(validator=check.field(check.real))
    mean_se: float | None = attrs.field(
        kw_only=True, validator=check.field(check.optional(check.non_negative)))
    mean_ci: tuple[float, float] | None = attrs.field(
        kw_only=True, validator=check.field(check.optional(check.interval)))
    obs_ci: tuple[float, float] | None = attrs.field(
        kw_only=True, validator=check.field(check.optional(check.interval)))

    def __attrs_post_init__(self) -> None:
        for name in ("mean_ci", "obs_ci"):
            if (getattr(self, name) is None) != (self.mean_se is None):
                raise v.fail(self, name, "must be None exactly when mean_se is None",
                             getattr(self, name))
        if self.mean_ci is not None and not self.mean_ci[0] <= self.mean <= self.mean_ci[1]:
            raise v.fail(self, "mean_ci", f"must contain mean={self.mean!r}", self.mean_ci)
        if self.mean_ci is not None and self.obs_ci is not None and not (
                self.obs_ci[0] <= self.mean_ci[0] and self.mean_ci[1] <= self.obs_ci[1]):
            raise v.fail(self, "obs_ci", f"must contain mean_ci={self.mean_ci!r}", self.obs_ci)


@attrs.frozen
class Trend:
    """An ordinary least-squares line through a series, value against day.

    Built by :func:`trend`. Slopes are per calendar day. The intercept is the
    fitted value on `start`, the series' first date (not on day 0): with
    ``x = day - start`` the numbers equal those of statsmodels ``OLS`` on
    ``[1, x]``.

    Parameters
    ----------
    slope : float
        Change per day.
    intercept : float
        Fitted value on `start`.
    slope_se : float or None
        Standard error of the slope; ``None`` with two readings (no
        residual degrees of freedom; statsmodels reports infinity).
    slope_ci : tuple of float or None
        Confidence interval of the slope at `confidence` (Student t with
        ``n - 2`` degrees of freedom); ``None`` with two readings.
    r_squared : float or None
        Coefficient of determination; ``None`` when all values are equal
        (within rounding), where it is undefined.
    n : int
        Number of readings.
    start, end : datetime.date
        First and last dates.
    confidence : float
        Level of the intervals.
    flat : bool
        True when the slope is zero within rounding, relative to the values'
        scale; a flat trend never reaches a target it does not already meet.
    window : Window
        The readings fitted (default: all of them); `n`, `start` and `end`
        describe the readings in the window.

    Raises
    ------
    ValidationError
        For a field of the wrong type or not finite, fewer than two readings,
        `end` not after `start`, a standard error or interval given with two
        readings or missing with more, a `slope_ci` that does not hold
        `slope`, an `r_squared` above 1, more readings than ``window.last``
        or a `start` before ``window.since``.
    """

    slope: float = attrs.field(validator=check.field(check.real))
    intercept: float = attrs.field(validator=check.field(check.real))
    slope_se: float | None = attrs.field(
        kw_only=True, validator=check.field(check.optional(check.non_negative)))
    slope_ci: tuple[float, float] | None = attrs.field(
        kw_only=True, validator=check.field(check.optional(check.interval)))
    r_squared: float | None = attrs.field(
        kw_only=True, validator=check.field(check.optional(check.real)))
    n: int = attrs.field(kw_only=True, validator=check.field(check.count))
    start: dt.date = attrs.field(kw_only=True, validator=check.field(check.date))
    end: dt.date = attrs.field(kw_only=True, validator=check.field(check.date))
    confidence: float = attrs.field(kw_only=True, validator=check.field(check.confidence))
    flat: bool = attrs.field(kw_only=True, validator=check.field(check.flag))
    window: Window = attrs.field(kw_only=True, default=ALL, validator=v.is_instance(Window))
    _mean_offset: float = attrs.field(kw_only=True, repr=False,
                                      validator=check.field(check.real))
    _mean_value: float = attrs.field(kw_only=True, repr=False,
                                     validator=check.field(check.real))
    _sxx: float = attrs.field(kw_only=True, repr=False, validator=check.field(check.real))
    _residual_variance: float | None = attrs.field(
        kw_only=True, repr=False, validator=check.field(check.optional(check.non_negative)))
    _quantile: float | None = attrs.field(
        kw_only=True, repr=False, validator=check.field(check.optional(check.non_negative)))

    def __attrs_post_init__(self) -> None:
        if self.n < 2:  # noqa: PLR2004 - a line needs two points
            raise v.fail(self, "n", "must be >= 2", self.n)
        if self.end <= self.start:
            raise v.fail(self, "end", f"must be after start={self.start}", self.end)
        if self._sxx <= 0:
            raise v.fail(self, "sxx", "must be > 0", self._sxx)
        two = self.n == 2  # noqa: PLR2004 - no residual degrees of freedom
        for name, value in (("slope_se", self.slope_se), ("slope_ci", self.slope_ci),
                            ("residual_variance", self._residual_variance),
                            ("quantile", self._quantile)):
            if (value is None) != two:
                raise v.fail(self, name, "must be None exactly when n == 2", value)
        if self.slope_ci is not None and not self.slope_ci[0] <= self.slope <= self.slope_ci[1]:
            raise v.fail(self, "slope_ci", f"must contain slope={self.slope!r}", self.slope_ci)
        if self.r_squared is not None and self.r_squared > 1:
            raise v.fail(self, "r_squared", "must be <= 1", self.r_squared)
        if self.window.last is not None and self.n > self.window.last:
            raise v.fail(self, "n", f"must not exceed window.last={self.window.last}", self.n)
        if self.window.since is not None and self.start < self.window.since:
            raise v.fail(self, "start", f"must not precede window.since={self.window.since}",
                         self.start)

    def value_at(self, date: dt.date) -> float:
        """The fitted value on `date`."""
        day = k.date_to_day(check.date("Trend", "date", date)) - k.date_to_day(self.start)
        return self._mean_value + self.slope * (day - self._mean_offset)

    def predict(self, date: dt.date) -> Prediction:
        """The fitted value on `date`, with mean and prediction intervals.

        The same quantities as statsmodels
        ``OLS(...).fit().get_prediction(...).summary_frame(alpha=1 - confidence)``.

        Examples
        --------
        >>> import datetime as dt
        >>> from de_an06 import Indicator, Jurisdiction, Reading, Series
        >>> vn = Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
        >>> ind = Indicator("index", "An index", "Chỉ số", unit="count")
        >>> ys = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]
        >>> s = Series([Reading(ind, y, as_of=dt.date(2023, 1, 1 + i), jurisdiction=vn) for i,
        ...             y in enumerate(ys)])
        >>> p = trend(s).predict(dt.date(2023, 1, 16))
        >>> round(p.mean, 6), round(p.mean_se, 6), [round(x, 6) for x in p.obs_ci]
        (25.671429, 0.549582, [24.130829, 27.212028])
        """
        mean = self.value_at(date)
        if self._residual_variance is None or self._quantile is None:
            return Prediction(date, mean, mean_se=None, mean_ci=None, obs_ci=None)
        x = k.date_to_day(date) - k.date_to_day(self.start) - self._mean_offset
        var_mean = self._residual_variance * (1.0 / self.n + x * x / self._sxx)
        mean_se = math.sqrt(var_mean)
        obs_se = math.sqrt(var_mean + self._residual_variance)
        q = self._quantile
        return Prediction(date, mean, mean_se=mean_se,
                          mean_ci=(mean - q * mean_se, mean + q * mean_se),
                          obs_ci=(mean - q * obs_se, mean + q * obs_se))

    def _repr_html_(self) -> str:
        return _display.trend_html(self)


def trend_row(f: k.Fit, a: k.TrendArrays, i: int, confidence: float,
              within: Window = ALL) -> Trend:
    """The Trend of group `i` of a kernel fit (which must be valid), fitted in `within`.

    :meth:`de_an06.batch.TrendTable.trend` builds its results here, and
    :func:`trend` through :func:`trend_of` from the one-series kernel: the
    same numbers, slope interval included.
    """
    return trend_of(f.row(i), a.row(i), confidence, within)


def trend_of(f: k.OneFit, a: k.OneTrend, confidence: float, within: Window = ALL) -> Trend:
    """The Trend of one group's fit and trend quantities (the fit must be valid)."""
    se = check.none_if_nan(a.slope_se)
    return Trend(
        f.slope,
        a.intercept,
        slope_se=se,
        slope_ci=None if se is None else (a.slope_ci_low, a.slope_ci_high),
        r_squared=check.none_if_nan(a.r_squared),
        n=f.n,
        start=k.day_to_date(f.first_day),
        end=k.day_to_date(f.last_day),
        confidence=confidence,
        flat=a.flat,
        window=within,
        mean_offset=f.mean_offset,
        mean_value=f.mean_value,
        sxx=f.sxx,
        residual_variance=check.none_if_nan(a.residual_variance),
        quantile=None if se is None else a.quantile,
    )


def fit_series(series: Series, within: Window = ALL) -> k.OneFit:
    """The kernel's fit of one series (:func:`~de_an06.analysis._kernel.fit_columns`).

    Only the readings in `within` are fitted.
    """
    columns = series.columns
    if within.everything:
        return k.fit_columns(columns)
    _, days, values = select(np.zeros(1, dtype=np.int64), columns[0].astype(np.int64),
                             columns[1], within)
    return k.fit_one(days, values)


def trend(series: Series, *, since: dt.date | None = None, last: int | None = None,
          confidence: float = 0.95) -> Trend:
    """Ordinary least squares of value on time (in days) through a series.

    Parameters
    ----------
    series : Series
        At least two readings (a :class:`~de_an06.Series` has distinct dates).
    since : datetime.date, optional
        Fit only the readings dated on or after `since` (the latest reading
        is always kept).
    last : int, optional
        Fit only the last `last` readings (at least 1; ``last=1`` leaves one
        reading, so no trend). At most one of `since` and `last`; neither
        fits all readings.
    confidence : float
        Level of the slope's confidence interval (default 0.95).

    Returns
    -------
    Trend

    Raises
    ------
    InsufficientDataError
        With fewer than two readings (in the window).
    ValidationError
        When `series` is not a Series, `confidence` is not in (0, 1), `since`
        is not a date, `last` is not an int >= 1, or both are given; or
        when the values are too large for the fit in float64 (their sums or
        squares overflow), naming the value of largest magnitude.

    See Also
    --------
    de_an06.batch.trends : The same fit for every series of a table at once.
    de_an06.Window : The window the trend states.

    Examples
    --------
    The worked check of the statsmodels notes, one reading a day:

    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading, Series
    >>> vn = Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    >>> ind = Indicator("index", "An index", "Chỉ số", unit="count")
    >>> ys = [10, 11.2, 11.9, 13.5, 13.9, 15.2, 16.4]
    >>> t = trend(Series([Reading(ind, y, as_of=dt.date(2023, 1, 1 + i), jurisdiction=vn) for i,
    ...                   y in enumerate(ys)]))
    >>> round(t.slope, 7), round(t.slope_se, 7), round(t.r_squared, 7)
    (1.0428571, 0.0451754, 0.9907046)

    The last three readings only:

    >>> t = trend(Series([Reading(ind, y, as_of=dt.date(2023, 1, 1 + i), jurisdiction=vn) for i,
    ...                   y in enumerate(ys)]),
    ...           last=3)
    >>> round(t.slope, 2), t.n, t.start, t.window
    (1.25, 3, datetime.date(2023, 1, 5), Window(last=3))
    """
    owner = "trend"
    level = check.confidence(owner, "confidence", confidence)
    s = check.as_series(owner, series)
    within = window(owner, since, last)
    f = check.in_range(owner, fit_series(s, within), s)
    if not f.valid:
        held = int(f.n)
        where = "" if within.everything else f" in {within}"
        raise InsufficientDataError(
            f"trend.series must hold at least two distinct dates{where} (got {held} reading)",
            owner=owner, field="series", value=held)
    return trend_of(f, k.trend_one(f, level), level, within)
