"""The duplicate-date policy of the report, the command line and the plots.

Reports sometimes give two figures of one series on one date (two sources,
or a figure restated); a :class:`~de_an06.Series` refuses that. The report,
``de-an06 forecast`` and :func:`de_an06.plotting.write_series_plots` keep one
reading per date: the last one listed. This is the one place that says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from de_an06.model import Reading, Series


def last_per_date(readings: Iterable[Reading]) -> Series:
    """The readings as a series, keeping the last one listed for each date.

    Raises
    ------
    ValidationError
        When there is no reading, or the readings are of several series.

    Examples
    --------
    >>> import attrs
    >>> from de_an06 import datasets
    >>> first = datasets.readings(jurisdiction="56", indicator="eid-collected")[0]
    >>> series = last_per_date([first, attrs.evolve(first, value=546_300)])
    >>> len(series), series.latest.value
    (1, 546300)
    """
    latest: dict[dt.date, Reading] = {}
    for reading in readings:
        latest[reading.as_of] = reading
    return Series(latest.values())
