"""Figures: what is measured (Indicator), its goals (Target), reported values (Reading), ranks."""

from __future__ import annotations

import datetime as dt

import attrs

from de_an06 import _days, _display
from de_an06 import _validators as v
from de_an06.model._fields import (
    as_basis,
    as_direction,
    as_measure,
    as_precision,
    as_qualifier,
    as_unit,
    in_programme,
    inferred_names,
    note_field,
    text_field,
)
from de_an06.model.enums import Basis, Direction, Measure, Precision, Qualifier, Unit
from de_an06.model.places import Jurisdiction, Source
from de_an06.model.rules import value_rule

__all__ = ["Indicator", "Rank", "Reading", "Target"]


@attrs.frozen
class Indicator:
    """What is measured: unit, direction and whether it is a stock or a flow.

    Parameters
    ----------
    code : str
        ASCII code (``"eid-collected"``).
    name, name_vi : str
        English and Vietnamese names.
    unit : Unit
        Unit of the values.
    direction : Direction, optional
        Defaults to the unit's :attr:`Unit.default_direction`.
    measure : Measure
        ``STOCK`` (as of a date, the default) or ``FLOW`` (over a period).

    Examples
    --------
    >>> Indicator("processing-time", "Processing time", "Thời gian giải quyết",
    ...           unit=Unit.DAYS).direction
    <Direction.LOWER_IS_BETTER: 'lower'>
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = text_field()
    name_vi: str = text_field()
    unit: Unit = attrs.field(kw_only=True, converter=as_unit,
                             validator=v.is_instance(Unit))
    direction: Direction = attrs.field(
        kw_only=True, converter=as_direction, validator=v.is_instance(Direction),
        default=attrs.Factory(lambda self: self.unit.default_direction
                              if isinstance(self.unit, Unit) else None, takes_self=True),
    )
    measure: Measure = attrs.field(default=Measure.STOCK, kw_only=True,
                                   converter=as_measure, validator=v.is_instance(Measure))

    @property
    def is_percent(self) -> bool:
        """True when values are percentages on the 0-100 scale."""
        return self.unit is Unit.PERCENT



def _check_value(owner: object, field: str, indicator: Indicator, value: float) -> None:
    rule = value_rule(indicator.unit, value)
    if rule is not None:
        raise v.fail(owner, field, rule, value)


@attrs.frozen
class Target:
    """A value an indicator should reach (or stay under) by a deadline.

    Parameters
    ----------
    indicator : Indicator
        What the target is for.
    value : float
        The target value, in the indicator's unit.
    jurisdiction : Jurisdiction
        Where it applies.
    deadline : datetime.date or None
        When it is due; ``None`` when the source gives no date. Never before
        :data:`PROGRAMME_START`.
    inferred : bool
        True when the target was derived (e.g. from "exceeds the target by
        17 %", see :term:`vượt`) rather than printed.
    source : Source or None
        Where the target was published or derived from.
    note : str
        Free remarks, e.g. how an inferred value was derived.

    Examples
    --------
    >>> import datetime as dt
    >>> kh = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> ind = Indicator("eid-collected", "e-ID applications collected", "Thu nhận hồ sơ ĐDĐT",
    ...                 unit="people")
    >>> Target(ind, 756_805, kh, deadline=dt.date(2023, 7, 30)).value
    756805
    """

    indicator: Indicator = attrs.field(validator=v.is_instance(Indicator))
    value: float = attrs.field(validator=v.is_real)
    jurisdiction: Jurisdiction = attrs.field(validator=v.is_instance(Jurisdiction))
    deadline: dt.date | None = attrs.field(default=None, kw_only=True, validator=in_programme)
    inferred: bool = attrs.field(default=False, kw_only=True, validator=v.is_instance(bool))
    source: Source | None = attrs.field(default=None, kw_only=True,
                                        validator=v.is_optional_instance(Source))
    note: str = note_field()

    @value.validator
    def _value_in_unit(self, attribute: attrs.Attribute[float], value: float) -> None:
        _check_value(self, attribute.name, self.indicator, value)

    def _repr_html_(self) -> str:
        return _display.target_html(self)

    def __str__(self) -> str:
        return _display.target_text(self)


_READING_INFERABLE = frozenset({"as_of", "period_start", "numerator", "denominator", "value"})


def _check_period(reading: Reading) -> None:
    """The precision and range fields of a reading (see :class:`Reading`)."""
    end = reading.precision.period(reading.as_of)[1]
    if reading.as_of != end:
        raise v.fail(reading, "as_of", f"must be the last day of its {reading.precision.value} "
                     f"({end}) for precision {reading.precision.value!r}", reading.as_of)
    high = reading.value_high
    if high is not None:
        _check_value(reading, "value_high", reading.indicator, high)
        if high < reading.value:
            raise v.fail(reading, "value_high", f"must not be below value={reading.value!r}",
                         high)


@attrs.frozen
class Reading:
    """One reported figure, with its date, qualifier and provenance.

    Parameters
    ----------
    indicator : Indicator
        What was measured.
    value : float
        The figure as reported, in the indicator's unit (percents 0-100).
    as_of : datetime.date
        The date the figure holds at (stocks) or the end of its period (flows).
    jurisdiction : Jurisdiction
        Where it was measured, as it was when reported.
    qualifier : Qualifier
        ``EXACT`` unless the report hedges ("gần", "hơn", "khoảng", "dưới").
    numerator, denominator : float or None
        For percents: the counts behind the figure, when known.
    basis : Basis
        For percents: what the percent is *of*; ``UNSTATED`` when the report
        does not say. Must stay ``UNSTATED`` for non-percent indicators.
    period_start : datetime.date or None
        First day of the period of a flow. Required for flow indicators and
        refused for stocks.
    source : Source or None
        The document the figure comes from.
    inferred : frozenset of str
        Names of fields that were reasoned rather than printed (e.g. an
        ``as_of`` whose year was taken from the report date).
    note : str
        Free remarks.
    precision : Precision
        How precisely `as_of` is known: ``DAY`` (the default), ``MONTH`` or
        ``YEAR``. With ``MONTH`` or ``YEAR``, `as_of` must be the period's
        last day ("as of March 2022" is held as 2022-03-31, shown as
        ``2022-03``).
    value_high : float or None
        For a figure printed as a range ("3-6 million"): the upper bound,
        `value` being the lower one. Never below `value`. The analysis reads
        the lower bound (`value`), so a range never overstates progress.

    Examples
    --------
    >>> import datetime as dt
    >>> kh = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> share = Indicator("eid-collected-share", "e-ID applications collected, share",
    ...                   "Tỷ lệ thu nhận hồ sơ ĐDĐT", unit="percent")
    >>> r = Reading(share, 72.2, dt.date(2023, 7, 1), kh, numerator=546_234,
    ...             denominator=756_805, basis=Basis.TARGET, inferred={"denominator"})
    >>> round(r.computed_percent, 2)
    72.18
    """

    indicator: Indicator = attrs.field(validator=v.is_instance(Indicator))
    value: float = attrs.field(validator=v.is_real)
    as_of: dt.date = attrs.field(validator=v.is_date)
    jurisdiction: Jurisdiction = attrs.field(validator=v.is_instance(Jurisdiction))
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=as_qualifier,
                                       validator=v.is_instance(Qualifier))
    numerator: float | None = attrs.field(default=None, kw_only=True,
                                          validator=[v.is_optional_real, v.non_negative])
    denominator: float | None = attrs.field(default=None, kw_only=True,
                                            validator=[v.is_optional_real, v.positive])
    basis: Basis = attrs.field(default=Basis.UNSTATED, kw_only=True,
                               converter=as_basis, validator=v.is_instance(Basis))
    period_start: dt.date | None = attrs.field(default=None, kw_only=True,
                                               validator=v.is_optional_date)
    source: Source | None = attrs.field(default=None, kw_only=True,
                                        validator=v.is_optional_instance(Source))
    inferred: frozenset[str] = attrs.field(default=frozenset(), kw_only=True,
                                           converter=v.to_frozenset,
                                           validator=v.is_instance(frozenset))
    note: str = note_field()
    precision: Precision = attrs.field(default=Precision.DAY, kw_only=True,
                                       converter=as_precision,
                                       validator=v.is_instance(Precision))
    value_high: float | None = attrs.field(default=None, kw_only=True,
                                           validator=v.is_optional_real)

    def __attrs_post_init__(self) -> None:
        _check_value(self, "value", self.indicator, self.value)
        _check_period(self)
        percent = self.indicator.is_percent
        for name in ("numerator", "denominator"):
            if getattr(self, name) is not None and not percent:
                raise v.fail(self, name, "is only meaningful for a percent indicator",
                             getattr(self, name))
        if not percent and self.basis is not Basis.UNSTATED:
            raise v.fail(self, "basis", "must be 'unstated' for a non-percent indicator",
                         self.basis.value)
        if (self.numerator is not None and self.denominator is not None
                and self.numerator > self.denominator):
            raise v.fail(self, "numerator", f"must not exceed denominator={self.denominator!r}",
                         self.numerator)
        flow = self.indicator.measure is Measure.FLOW
        if flow and self.period_start is None:
            raise v.fail(self, "period_start", "is required for a flow indicator", None)
        if not flow and self.period_start is not None:
            raise v.fail(self, "period_start", "must be None for a stock indicator",
                         self.period_start)
        if self.period_start is not None and self.period_start > self.as_of:
            raise v.fail(self, "period_start", f"must not be after as_of={self.as_of}",
                         self.period_start)
        inferred_names(self, self.inferred, _READING_INFERABLE)

    @property
    def unit(self) -> Unit:
        """The indicator's unit."""
        return self.indicator.unit

    @property
    def day(self) -> int:
        """``as_of`` as a day number (days since 1970-01-01), as kernels use."""
        return _days.day_number(self.as_of)

    @property
    def computed_percent(self) -> float | None:
        """``100 * numerator / denominator`` when both are known, else ``None``."""
        if self.numerator is None or self.denominator is None:
            return None
        return 100.0 * self.numerator / self.denominator

    def _repr_html_(self) -> str:
        return _display.reading_html(self)

    def __str__(self) -> str:
        return _display.reading_text(self)



@attrs.frozen
class Rank:
    """A position ``k`` out of ``n`` (1 is best), as in "25/63"; see :term:`áp chót`.

    Ranks order by quality: a rank is *less than* another when it is worse
    (a larger position), so ``max`` of ranks is the best one and
    ``sorted(ranks)`` runs from worst to best. ``<``, ``<=``, ``>`` and ``>=``
    form a total order among ranks out of the same total, consistent with
    ``==``. Ranks out of different totals do not compare (a
    :class:`~de_an06.ValidationError` says so); compare their
    :attr:`percentile` instead.

    Examples
    --------
    >>> Rank(62, 63) < Rank(37, 63)
    True
    >>> Rank(37, 63) >= Rank(37, 63)
    True
    >>> max(Rank(62, 63), Rank(37, 63))
    Rank(position=37, total=63)
    >>> Rank(25, 63).percentile
    61.29...
    >>> str(Rank(25, 63))
    '25/63'
    """

    position: int = attrs.field(validator=v.is_int)
    total: int = attrs.field(validator=[v.is_int, v.positive])

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.position <= self.total:
            raise v.fail(self, "position", f"must be between 1 and total={self.total}",
                         self.position)

    @property
    def percentile(self) -> float:
        """Share of units ranked at or below this one, on 0-100 (100 = first).

        Comparable across different totals (63 provinces before 2025, 34 after).
        """
        if self.total == 1:
            return 100.0
        return 100.0 * (self.total - self.position) / (self.total - 1)

    def __lt__(self, other: object) -> bool:
        """Worse-than: a larger position (comparable only for equal totals)."""
        if not isinstance(other, Rank):
            return NotImplemented
        self._same_total(other)
        return self.position > other.position

    def __le__(self, other: object) -> bool:
        """Worse than or equal to: a position no smaller."""
        if not isinstance(other, Rank):
            return NotImplemented
        self._same_total(other)
        return self.position >= other.position

    def __gt__(self, other: object) -> bool:
        """Better-than: ``other < self``."""
        if not isinstance(other, Rank):
            return NotImplemented
        return other < self

    def __ge__(self, other: object) -> bool:
        """Better than or equal to: ``other <= self``."""
        if not isinstance(other, Rank):
            return NotImplemented
        return other <= self

    def _same_total(self, other: Rank) -> None:
        if other.total != self.total:
            raise v.fail(self, "total", f"must equal the other rank's total {other.total} to "
                         "compare; use .percentile across totals", self.total)

    def __str__(self) -> str:
        return f"{self.position}/{self.total}"

