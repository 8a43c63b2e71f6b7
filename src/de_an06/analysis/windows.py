"""Which readings a trend is fitted to: all of them, the last *k*, or those since a date.

A cumulative national series is S-shaped: slow, then fast, then levelling
off. A straight line through all of it is not its pace today. ``since=`` (a
date) and ``last=`` (a count of readings), taken by :func:`de_an06.trend`,
:func:`de_an06.forecast` and their batch twins, fit only the recent part.

The window is a *selection of readings* made before the numeric kernel
runs: :func:`select` keeps, in each group of sorted arrays, the readings in
the window, and the kernel fits what is left exactly as it fits a shorter
series. One rule for one series and for a million, so the per-object and
the batch results stay bit-identical.

The latest reading of a series is always kept: a forecast starts from it. A
`since` after it leaves that one reading, and ``last=1`` leaves one reading:
no trend (:func:`de_an06.trend` raises
:class:`~de_an06.InsufficientDataError`, :func:`de_an06.forecast` gives
:attr:`~de_an06.ProgressStatus.NOT_AVAILABLE`), as for a series of one
reading.
"""

from __future__ import annotations

import datetime as dt

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _days
from de_an06 import _validators as v
from de_an06.analysis import _args as check

__all__ = ["ALL", "Window", "select", "window"]


def __dir__() -> list[str]:
    return __all__


def _last(owner: str, field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise v.fail(owner, field, f"must be an int, not {type(value).__name__}", value)
    number = int(value)
    if number < 1:
        raise v.fail(owner, field, "must be >= 1 (last=1 keeps one reading: no trend)", value)
    return number


@attrs.frozen(repr=False)
class Window:
    """The readings a trend or forecast was fitted to.

    Stated by every :class:`~de_an06.Trend` and :class:`~de_an06.Forecast`
    (their ``window`` field); built from the ``since=`` and ``last=``
    arguments of :func:`de_an06.trend` and :func:`de_an06.forecast`.

    Parameters
    ----------
    since : datetime.date or None
        Keep the readings dated on or after `since` (and the latest reading).
    last : int or None
        Keep the last `last` readings (at least 1). With neither: all
        readings.

    Raises
    ------
    ValidationError
        For a `since` that is not a date, a `last` that is not an int >= 1,
        or both given.

    Examples
    --------
    >>> import datetime as dt
    >>> Window(), Window(last=3), Window(since=dt.date(2024, 1, 1))
    (Window(), Window(last=3), Window(since=datetime.date(2024, 1, 1)))
    >>> print(Window(last=3))
    the last 3 readings
    """

    since: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=check.field(check.optional(check.date)))
    last: int | None = attrs.field(
        default=None, kw_only=True, validator=check.field(check.optional(_last)))

    def __attrs_post_init__(self) -> None:
        if self.since is not None and self.last is not None:
            raise v.fail(self, "since", f"cannot be given with last={self.last!r}: "
                         "choose since= or last=", self.since)

    @property
    def everything(self) -> bool:
        """True for the window of all readings (the default)."""
        return self.since is None and self.last is None

    def __repr__(self) -> str:
        if self.since is not None:
            return f"Window(since={self.since!r})"
        if self.last is not None:
            return f"Window(last={self.last})"
        return "Window()"

    def __str__(self) -> str:
        if self.since is not None:
            return f"the readings since {self.since.isoformat()}"
        if self.last is not None:
            return "the last reading" if self.last == 1 else f"the last {self.last} readings"
        return "all readings"


#: The default window: every reading.
ALL = Window()


def window(owner: str, since: object, last: object) -> Window:
    """The Window of a function's ``since=`` and ``last=`` arguments, checked.

    Errors name `owner` (``trend.last must be an int, not str (got '3')``).
    """
    if since is None and last is None:
        return ALL
    if since is not None and last is not None:
        raise v.fail(owner, "since", f"cannot be given with last={last!r}: "
                     "choose since= or last=", since)
    day = None if since is None else check.date(owner, "since", since)
    count = None if last is None else _last(owner, "last", last)
    return Window(since=day, last=count)


Int = npt.NDArray[np.int64]
Float = npt.NDArray[np.float64]


def select(starts: Int, days: Int, values: Float,
           within: Window) -> tuple[Int, Int, Float]:
    """The grouped arrays reduced to the readings in `within`, per group.

    `starts`, `days` and `values` are grouped as the kernel takes them
    (non-empty groups, days ascending within a group); so is the result, with
    the same number of groups, each keeping its latest reading. The inputs
    are not modified; with the window of all readings they are returned as
    they are.
    """
    size = days.shape[0]
    if within.everything or size == 0:
        return starts, days, values
    n = np.diff(np.append(starts, size))
    ends = starts + n - 1
    if within.last is not None:
        from_end = np.repeat(ends, n) - np.arange(size, dtype=np.int64)
        keep = from_end < within.last
    else:
        assert within.since is not None  # noqa: S101 - one of the two is set
        keep = days >= _days.day_number(within.since)
        keep[ends] = True
    kept = np.add.reduceat(keep.astype(np.int64), starts)
    new_starts = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(kept)[:-1]))
    return new_starts.astype(np.int64), days[keep], values[keep]
