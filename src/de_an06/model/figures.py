"""Figures: what is measured (Indicator), its goals (Target), reported values (Reading), ranks."""

from __future__ import annotations

import datetime as dt
from decimal import Context, Decimal
from typing import Any, Protocol

import attrs

from de_an06 import _days, _display
from de_an06 import _validators as v
from de_an06.model import rules
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
    source_field,
    text_field,
)
from de_an06.model.enums import Basis, Direction, Measure, Precision, Qualifier, Unit
from de_an06.model.places import Jurisdiction, Source
from de_an06.model.rules import value_rule

# Wide enough to write any float in full (1e300 has 301 digits; the default context, 28).
_WIDE = Context(prec=10_000)


class PrintedFigure(Protocol):
    """What :meth:`Reading.from_quantity` reads: a :class:`~de_an06.parsing.Quantity`."""

    @property
    def value(self) -> Decimal:
        """The figure, exact, with its printed decimals."""

    @property
    def unit(self) -> Unit | None:
        """The unit word printed, if any."""

    @property
    def qualifier(self) -> Qualifier:
        """The hedge printed before it."""


def _to_reading_value(value: object, instance: object,
                      field: attrs.Attribute[Any]) -> object:
    # A Decimal is kept until __attrs_post_init__ has read its printed decimals.
    number = rules.real_number(instance, field.name, value)
    return value if isinstance(value, Decimal) else number


_READING_VALUE: Any = attrs.Converter(_to_reading_value, takes_self=True,
                                      takes_field=True)


def _is_decimals(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        v.is_int(instance, attribute, value)
        v.between(0, rules.MAX_DECIMALS)(instance, attribute, value)

__all__ = ["Indicator", "Reading", "Target"]


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
    >>> Target(ind, 756_805, jurisdiction=kh, deadline=dt.date(2023, 7, 30)).value
    756805
    """

    indicator: Indicator = attrs.field(validator=v.is_instance(Indicator))
    value: float = attrs.field(converter=rules.REAL)  # type: ignore[misc]
    jurisdiction: Jurisdiction = attrs.field(kw_only=True, validator=v.is_instance(Jurisdiction))
    deadline: dt.date | None = attrs.field(default=None, kw_only=True, validator=in_programme)
    inferred: bool = attrs.field(default=False, kw_only=True, validator=v.is_instance(bool))
    source: Source | None = source_field()
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
    decimals : int or None
        How many decimals the figure was printed with ("98,90 %" has 2), when
        that is more than its shortest form shows; ``None`` otherwise. Taken
        from a :class:`~decimal.Decimal` value when not given. Numbers of
        every type follow :func:`~de_an06.model.rules.real_number` and are
        stored as a plain ``int`` or ``float``.
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
    >>> r = Reading(share, 72.2, as_of=dt.date(2023, 7, 1), jurisdiction=kh, numerator=546_234,
    ...             denominator=756_805, basis=Basis.TARGET, inferred={"denominator"})
    >>> round(r.computed_percent, 2)
    72.18
    """

    indicator: Indicator = attrs.field(validator=v.is_instance(Indicator))
    value: float = attrs.field(
        converter=_READING_VALUE)  # type: ignore[misc]
    as_of: dt.date = attrs.field(kw_only=True, validator=v.is_date)
    jurisdiction: Jurisdiction = attrs.field(kw_only=True, validator=v.is_instance(Jurisdiction))
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, kw_only=True,
                                       converter=as_qualifier,
                                       validator=v.is_instance(Qualifier))
    numerator: float | None = attrs.field(
        default=None, kw_only=True, converter=rules.OPTIONAL_REAL,  # type: ignore[misc]
        validator=v.non_negative)
    denominator: float | None = attrs.field(
        default=None, kw_only=True, converter=rules.OPTIONAL_REAL,  # type: ignore[misc]
        validator=v.positive)
    decimals: int | None = attrs.field(default=None, kw_only=True, validator=_is_decimals)
    basis: Basis = attrs.field(default=Basis.UNSTATED, kw_only=True,
                               converter=as_basis, validator=v.is_instance(Basis))
    period_start: dt.date | None = attrs.field(default=None, kw_only=True,
                                               validator=v.is_optional_date)
    source: Source | None = source_field()
    inferred: frozenset[str] = attrs.field(default=frozenset(), kw_only=True,
                                           converter=v.to_frozenset,
                                           validator=v.is_instance(frozenset))
    note: str = note_field()
    precision: Precision = attrs.field(default=Precision.DAY, kw_only=True,
                                       converter=as_precision,
                                       validator=v.is_instance(Precision))
    value_high: float | None = attrs.field(
        default=None, kw_only=True, converter=rules.OPTIONAL_REAL)  # type: ignore[misc]

    def __attrs_post_init__(self) -> None:
        self._settle_decimals()
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

    def _settle_decimals(self) -> None:
        """Store a Decimal value as a plain number and keep the decimals it was printed with.

        ``decimals`` is stored as ``None`` when it says no more than the
        value's shortest form, so two readings of one printed figure are equal.
        """
        decimals = self.decimals
        if isinstance(self.value, Decimal):
            if decimals is None:
                decimals = rules.printed_decimals(self.value)
            object.__setattr__(self, "value", rules.real_number(self, "value", self.value))
        if decimals is not None:
            shortest = rules.printed_decimals(self.value)
            if decimals < shortest:
                raise v.fail(self, "decimals", f"must be at least {shortest}, the decimals of "
                             f"value={self.value!r}", decimals)
            object.__setattr__(self, "decimals", None if decimals == shortest else decimals)

    @classmethod
    def from_quantity(cls, quantity: PrintedFigure, *, indicator: Indicator, as_of: dt.date,
                      jurisdiction: Jurisdiction, **fields: Any) -> Reading:  # noqa: ANN401
        """The reading of a parsed figure, keeping its qualifier and printed decimals.

        Parameters
        ----------
        quantity : de_an06.parsing.Quantity
            The figure as :func:`~de_an06.parsing.parse_quantity` read it. A
            unit it names must be the indicator's.
        indicator, as_of, jurisdiction
            As for :class:`Reading`.
        **fields
            Any other field of :class:`Reading` (not ``value``, ``qualifier``
            or ``decimals``, which come from `quantity`).

        Returns
        -------
        Reading

        Raises
        ------
        ValidationError
            For a unit other than the indicator's, or any field the reading refuses.

        See Also
        --------
        de_an06.parsing.parse_quantity : Reads the figure from text.

        Examples
        --------
        >>> import datetime as dt
        >>> from de_an06.parsing import parse_quantity
        >>> kh = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
        >>> share = Indicator("eid-share", "e-ID share", "Tỷ lệ ĐDĐT", unit="percent")
        >>> r = Reading.from_quantity(parse_quantity("gần 98,90 %"), indicator=share,
        ...                           as_of=dt.date(2023, 7, 1), jurisdiction=kh)
        >>> r.value, r.qualifier.name, r.decimals
        (98.9, 'NEARLY', 2)
        """
        unit = getattr(quantity, "unit", None)
        figure = getattr(quantity, "value", None)
        if not isinstance(figure, Decimal):
            raise v.fail("Reading.from_quantity", "quantity",
                         "must be a parsed Quantity (with a Decimal value)", quantity)
        if unit is not None and unit != getattr(indicator, "unit", unit):
            raise v.fail("Reading.from_quantity", "quantity",
                         f"must be in the indicator's unit {indicator.unit.value!r}",
                         getattr(unit, "value", unit))
        return cls(indicator, figure, as_of=as_of, jurisdiction=jurisdiction,
                   qualifier=getattr(quantity, "qualifier", Qualifier.EXACT), **fields)

    @property
    def printed_decimals(self) -> int:
        """The decimals the figure was printed with (`decimals`, or those of its shortest form).

        This is the precision :func:`de_an06.audit` checks the figure at.
        """
        if self.decimals is not None:
            return self.decimals
        return rules.printed_decimals(self.value)

    @property
    def printed_value(self) -> Decimal:
        """The figure as printed, `value` with :attr:`printed_decimals` decimals.

        What the writers write, so a file read back gives an equal reading.

        Examples
        --------
        >>> import datetime as dt
        >>> kh = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
        >>> share = Indicator("eid-share", "e-ID share", "Tỷ lệ ĐDĐT", unit="percent")
        >>> Reading(share, 98.9, as_of=dt.date(2023, 7, 1), jurisdiction=kh,
        ...         decimals=2).printed_value
        Decimal('98.90')
        """
        places = self.printed_decimals
        if places == 0 and isinstance(self.value, float):
            # A float printed without decimals is whole: its exact digits read back as
            # an int equal to it, where those of its repr (1e+23) would not.
            return Decimal(self.value)
        return Decimal(repr(self.value)).quantize(Decimal((0, (1,), -places)), context=_WIDE)

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
