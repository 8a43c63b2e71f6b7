"""The national series: Viet Nam's headline figures for Đề án 06, 2021-2025.

Read from ``de_an06/data/national_series.json`` through :func:`de_an06.io.loads`,
like a user's file, once per process.
"""

from __future__ import annotations

import functools
from typing import Literal

from de_an06 import io
from de_an06.datasets._load import by_code, read_text, where
from de_an06.errors import InsufficientDataError
from de_an06.model import Indicator, Reading, Series, Source, Target

__all__ = [
    "national_indicators",
    "national_readings",
    "national_series",
    "national_sources",
    "national_targets",
]

_FILE = "national_series.json"


@functools.cache
def _national() -> io.Dataset:
    return io.loads(read_text(_FILE), file=where(_FILE))


def national_indicators() -> tuple[Indicator, ...]:
    """The indicators of the national series and targets.

    Examples
    --------
    >>> activated = [i for i in national_indicators() if i.code == "eid-activated"][0]
    >>> activated.name_vi, activated.unit.value, activated.direction.value
    ('Tài khoản định danh điện tử mức 2 đã kích hoạt', 'count', 'higher')
    """
    return _national().all_indicators()


def national_sources() -> tuple[Source, ...]:
    """The articles and instruments the national figures and targets come from.

    Each article carries its :class:`~de_an06.Tier`; an instrument of a target
    (a directive, a decision, a notice) its title.

    Examples
    --------
    >>> directive = [s for s in national_sources() if s.code == "ct-05-2023"][0]
    >>> directive.title, directive.published.isoformat()
    ('Directive 05/CT-TTg on pushing Project 06 forward', '2023-02-23')
    """
    return _national().all_sources()


def national_readings(*, indicator: str | Indicator | None = None) -> tuple[Reading, ...]:
    """The national readings, in file order, optionally of one indicator.

    Raises
    ------
    UnknownCodeError
        For an indicator code the national data does not have.

    Examples
    --------
    >>> [r.precision.label(r.as_of) for r in national_readings(indicator="eid-activated")][:3]
    ['2022-11-07', '2023-04', '2023-06-19']
    """
    readings = _national().readings
    if indicator is None:
        return readings
    code = indicator.code if isinstance(indicator, Indicator) else indicator
    by_code(national_indicators(), code, "indicator")
    return tuple(r for r in readings if r.indicator.code == code)


def national_series(indicator: str | Indicator, *,
                    duplicates: Literal["raise", "last"] = "raise") -> Series:
    """The national readings of `indicator` as a :class:`~de_an06.Series`.

    Two sources giving one date (two figures for one month, say) are refused
    by default, naming both; ``duplicates="last"`` keeps the later one in the
    file. :func:`de_an06.audit` reports such pairs as findings.

    Raises
    ------
    UnknownCodeError
        For an unknown indicator code.
    InsufficientDataError
        For an indicator only targets use (it has no reading).

    Examples
    --------
    >>> s = national_series("eid-activated")
    >>> len(s), s.latest.value
    (8, 67000000)
    """
    readings = national_readings(indicator=indicator)
    if not readings:
        raise InsufficientDataError(f"no national reading of {indicator!r}")
    return Series.from_readings(readings, duplicates=duplicates)


def national_targets(*, indicator: str | Indicator | None = None) -> tuple[Target, ...]:
    """The national targets with a figure, optionally of one indicator.

    Each cites its instrument as its source. A deadline known to the month or
    the year is the period's last day; one before the programme start (the
    2021 card campaign) is left out and stated in the note.

    Examples
    --------
    >>> t = national_targets(indicator="eid-accounts")[0]
    >>> t.value, t.deadline.isoformat(), t.source.code
    (40000000, '2023-06-30', 'ct-05-2023')
    """
    targets = _national().targets
    if indicator is None:
        return targets
    code = indicator.code if isinstance(indicator, Indicator) else indicator
    by_code(national_indicators(), code, "indicator")
    return tuple(t for t in targets if t.indicator.code == code)
