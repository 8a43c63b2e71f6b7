"""Series: one indicator in one place, in date order; the one duplicate-date policy."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _display
from de_an06 import _validators as v
from de_an06.model.figures import Indicator, Reading
from de_an06.model.places import Jurisdiction

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["Series"]

_DUPLICATES = ("raise", "last")


def _sorted_readings(value: object) -> object:
    items = v.to_tuple(value)
    if isinstance(items, tuple) and all(isinstance(r, Reading) for r in items):
        return tuple(sorted(items, key=lambda r: r.as_of))
    return items


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.flags.writeable = False
    return array


@attrs.frozen
class Series:
    """Readings of one indicator in one jurisdiction, in date order.

    Build it from any iterable of :class:`Reading`; it is sorted by date. Two
    readings on the same date are refused, as are mixed indicators or
    jurisdictions, and an empty series. :meth:`from_readings` builds one from
    readings that may repeat a date, with an explicit choice of which to keep.

    Parameters
    ----------
    readings : iterable of Reading
        At least one reading.

    Examples
    --------
    >>> import datetime as dt
    >>> kh = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> ind = Indicator("eid-collected", "e-ID applications collected", "Thu nhận hồ sơ ĐDĐT",
    ...                 unit="people")
    >>> s = Series([Reading(ind, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=kh),
    ...             Reading(ind, 500_000, as_of=dt.date(2023, 6, 20), jurisdiction=kh)])
    >>> [r.value for r in s]
    [500000, 546234]
    >>> s.values
    array([500000., 546234.])
    """

    readings: tuple[Reading, ...] = attrs.field(
        converter=_sorted_readings, validator=v.is_tuple_of(Reading)
    )
    # (day numbers, values as floats), built on first use by ``columns``
    _columns: npt.NDArray[np.float64] | None = attrs.field(
        init=False, default=None, eq=False, repr=False)

    @readings.validator
    def _one_series(self, attribute: attrs.Attribute[Any], value: tuple[Reading, ...]) -> None:
        if not value:
            raise v.fail(self, attribute.name, "must hold at least one reading", value)
        first = value[0]
        for previous, reading in itertools.pairwise(value):
            if reading.indicator != first.indicator:
                raise v.fail(self, attribute.name,
                             f"must share one indicator ({first.indicator.code!r}"
                             f"{v.difference(first.indicator, reading.indicator)})",
                             reading.indicator.code)
            if reading.jurisdiction != first.jurisdiction:
                raise v.fail(self, attribute.name,
                             f"must share one jurisdiction ({first.jurisdiction.code!r}"
                             f"{v.difference(first.jurisdiction, reading.jurisdiction)})",
                             reading.jurisdiction.code)
            if reading.as_of == previous.as_of:
                raise v.fail(self, attribute.name, "must not hold two readings on one date",
                             reading.as_of)

    @classmethod
    def from_readings(cls, readings: Iterable[Reading], *,
                      duplicates: Literal["raise", "last"] = "raise") -> Series:
        """Build a series from readings that may report one date twice.

        The one duplicate-date policy of the library: two reports often give
        a figure for the same date (a provincial press release and its
        re-publication, or a figure later corrected).

        Parameters
        ----------
        readings : iterable of Reading
            Readings of one indicator in one jurisdiction, in any order.
        duplicates : {"raise", "last"}
            ``"raise"`` (the default) refuses two readings on one date and
            names both; ``"last"`` keeps the reading given last for each date.
            Two readings of one date on different bases (a share of the
            target and a share of those eligible) are never duplicates:
            they belong to two series (:meth:`split`), and are refused here
            whatever `duplicates` says.

        Returns
        -------
        Series

        Raises
        ------
        ValidationError
            With ``"raise"``, for two readings on one date; for an unknown
            `duplicates`; and as the constructor does (mixed indicators or
            places, no readings, items that are not readings).

        Examples
        --------
        >>> import datetime as dt
        >>> kh = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
        >>> ind = Indicator("eid-collected", "e-ID applications collected",
        ...                 "Thu nhận hồ sơ ĐDĐT", unit="people")
        >>> first = Reading(ind, 546_000, as_of=dt.date(2023, 7, 1), jurisdiction=kh)
        >>> corrected = Reading(ind, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=kh)
        >>> Series.from_readings([first, corrected], duplicates="last").values
        array([546234.])
        >>> Series.from_readings([first, corrected])
        Traceback (most recent call last):
        ...
        de_an06.errors.ValidationError: Series.readings must not hold two readings on one date:
        readings[0] (Khánh Hòa · e-ID applications collected: 546,000 people on 2023-07-01) and
        readings[1] (Khánh Hòa · e-ID applications collected: 546,234 people on 2023-07-01);
        keep the last with duplicates='last' (got datetime.date(2023, 7, 1))
        """
        if duplicates not in _DUPLICATES:
            raise v.fail(cls.__name__, "duplicates", "must be 'raise' or 'last'", duplicates)
        items = v.to_tuple(readings)
        if not isinstance(items, tuple) or not all(isinstance(r, Reading) for r in items):
            return cls(items)  # the constructor says what is wrong
        kept: dict[tuple[Indicator, Jurisdiction, dt.date], int] = {}
        for index, reading in enumerate(items):
            key = (reading.indicator, reading.jurisdiction, reading.as_of)
            if key in kept and items[kept[key]].basis is not reading.basis:
                before = kept[key]
                raise v.fail(cls.__name__, "readings",
                             f"must not mix bases on one date: readings[{before}] "
                             f"({items[before].basis.value}) and readings[{index}] "
                             f"({reading.basis.value}) are two series; use Series.split",
                             reading.as_of)
            if duplicates == "raise" and key in kept:
                before = kept[key]
                raise v.fail(cls.__name__, "readings",
                             f"must not hold two readings on one date: readings[{before}] "
                             f"({items[before]}) and readings[{index}] ({reading}); keep the "
                             "last with duplicates='last'", reading.as_of)
            kept[key] = index
        return cls(items[index] for index in kept.values())

    @classmethod
    def split(cls, readings: Iterable[Reading], *,
              duplicates: Literal["raise", "last"] = "raise") -> tuple[Series, ...]:
        """One series per indicator, jurisdiction and basis, in order of first appearance.

        The key of a series: a share of the target and a share of those
        eligible, reported for one place on one date, are two series.

        Parameters
        ----------
        readings : iterable of Reading
            Readings of any indicators, places and bases.
        duplicates : {"raise", "last"}
            As :meth:`from_readings`, within each series.

        Returns
        -------
        tuple of Series

        Raises
        ------
        ValidationError
            As :meth:`from_readings`, for no readings or items that are not
            readings.

        See Also
        --------
        from_readings : One series, with the duplicate-date policy.

        Examples
        --------
        >>> import datetime as dt
        >>> th = Jurisdiction("th", "Tuy Hoa", "Tuy Hòa", level="district")
        >>> ind = Indicator("id-share", "ID cards collected", "Thu nhận CCCD", unit="percent")
        >>> day = dt.date(2024, 1, 31)
        >>> pair = [Reading(ind, 100, as_of=day, jurisdiction=th, basis="target"),
        ...         Reading(ind, 97.28, as_of=day, jurisdiction=th, basis="eligible")]
        >>> [(s.readings[0].basis.value, s.values.tolist()) for s in Series.split(pair)]
        [('target', [100.0]), ('eligible', [97.28])]
        """
        items = v.to_tuple(readings)
        if not isinstance(items, tuple) or not items or not all(
                isinstance(r, Reading) for r in items):
            return (cls(items),)  # the constructor says what is wrong
        groups: dict[tuple[Indicator, Jurisdiction, object], list[Reading]] = {}
        for reading in items:
            groups.setdefault((reading.indicator, reading.jurisdiction, reading.basis),
                              []).append(reading)
        return tuple(cls.from_readings(group, duplicates=duplicates)
                     for group in groups.values())

    @property
    def indicator(self) -> Indicator:
        """The indicator all readings share."""
        return self.readings[0].indicator

    @property
    def jurisdiction(self) -> Jurisdiction:
        """The jurisdiction all readings share."""
        return self.readings[0].jurisdiction

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The ``as_of`` dates, ascending."""
        return tuple(r.as_of for r in self.readings)

    @property
    def days(self) -> npt.NDArray[np.int64]:
        """Dates as day numbers since 1970-01-01 (read-only int64 array)."""
        return _readonly(self.columns[0].astype(np.int64))

    @property
    def values(self) -> npt.NDArray[np.float64]:
        """Values as a read-only float64 array."""
        values: npt.NDArray[np.float64] = self.columns[1]
        return values

    @property
    def columns(self) -> npt.NDArray[np.float64]:
        """The readings as the analysis reads them, day numbers and values as float rows.

        A read-only float64 array of shape ``(2, n)``: row 0 the day numbers
        (days since 1970-01-01, whole), row 1 the values, in date order.
        Built once, on first use (a series cannot change); :attr:`days` and
        :attr:`values` are its rows.

        Examples
        --------
        >>> import datetime as dt
        >>> vn = Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
        >>> ind = Indicator("index", "An index", "Chỉ số", unit="count")
        >>> s = Series([Reading(ind, 3, as_of=dt.date(1970, 1, 2), jurisdiction=vn),
        ...             Reading(ind, 4.5, as_of=dt.date(1970, 1, 5), jurisdiction=vn)])
        >>> s.columns
        array([[1. , 4. ],
               [3. , 4.5]])
        >>> s.columns.flags.writeable
        False
        """
        cached = self._columns
        if cached is None or cached.flags.writeable:  # not built, or a copy's (pickle, copy)
            cached = _readonly(np.array(([r.day for r in self.readings],
                                         [r.value for r in self.readings]), dtype=np.float64))
            object.__setattr__(self, "_columns", cached)
        view: npt.NDArray[np.float64] = cached.view()
        return view

    @property
    def latest(self) -> Reading:
        """The most recent reading."""
        return self.readings[-1]

    def __len__(self) -> int:
        return len(self.readings)

    def __iter__(self) -> Iterator[Reading]:
        return iter(self.readings)

    def __getitem__(self, index: int) -> Reading:
        return self.readings[index]

    def _repr_html_(self) -> str:
        return _display.series_html(self)

    def __str__(self) -> str:
        return _display.series_text(self)

