"""Immutable, validated domain objects of the Đề án 06 programme.

Every class here is an :func:`attrs.frozen` value class: hashable, comparable,
changed only through :func:`attrs.evolve` (which validates again), and checked
at construction. Bad input raises :class:`~de_an06.ValidationError` naming the
class, the field and the value.

Examples
--------
>>> import datetime as dt
>>> from de_an06 import Indicator, Jurisdiction, Level, Reading, Unit
>>> khanh_hoa = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level=Level.PROVINCE, parent="VN")
>>> collected = Indicator("eid-collected", "e-ID applications collected",
...                       "Hồ sơ định danh điện tử đã thu nhận", unit=Unit.PEOPLE)
>>> reading = Reading(collected, 546_234, dt.date(2023, 7, 1), khanh_hoa)
>>> reading.value, reading.unit
(546234, <Unit.PEOPLE: 'people'>)
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _display
from de_an06 import _validators as v
from de_an06.errors import UnknownCodeError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "PROGRAMME_START",
    "Basis",
    "Claim",
    "ClaimKind",
    "Confidence",
    "Direction",
    "EssentialService",
    "Indicator",
    "Jurisdiction",
    "Level",
    "LinkedService",
    "Measure",
    "Programme",
    "Qualifier",
    "Rank",
    "Reading",
    "Series",
    "ServiceLevel",
    "Source",
    "Target",
    "Task",
    "TaskStatus",
    "Unit",
    "UtilityGroup",
]


def __dir__() -> list[str]:
    return __all__


#: Date of Decision 06/QĐ-TTg; no target or task deadline may precede it.
PROGRAMME_START = dt.date(2022, 1, 6)

_EPOCH = dt.date(1970, 1, 1)


# --------------------------------------------------------------------------
# Closed sets
# --------------------------------------------------------------------------


class _Bilingual(enum.Enum):
    """An enum whose members carry a Vietnamese label next to their value."""

    @property
    def name_vi(self) -> str:
        """The Vietnamese label the reports use."""
        return _VI[self]

    def __str__(self) -> str:
        return str(self.value)


class Direction(_Bilingual):
    """Which way is better for an indicator.

    Examples
    --------
    >>> Direction.LOWER_IS_BETTER.sign
    -1
    """

    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"

    @property
    def sign(self) -> int:
        """``+1`` when higher is better, ``-1`` when lower is better."""
        return 1 if self is Direction.HIGHER_IS_BETTER else -1


class Unit(_Bilingual):
    """Unit of an indicator's values.

    Counts distinguish what is counted: people (:term:`người`), dossiers
    (:term:`hồ sơ`) and uses or visits (:term:`lượt`), which are not people.

    Examples
    --------
    >>> Unit.PERCENT.symbol, Unit.WORKING_DAYS.name_vi
    ('%', 'ngày làm việc')
    >>> Unit.MINUTES.default_direction
    <Direction.LOWER_IS_BETTER: 'lower'>
    """

    COUNT = "count"
    PEOPLE = "people"
    DOSSIERS = "dossiers"
    USES = "uses"
    PERCENT = "percent"
    DAYS = "days"
    WORKING_DAYS = "working_days"
    MINUTES = "minutes"
    VND = "vnd"
    RANK = "rank"

    @property
    def symbol(self) -> str:
        """A short symbol for display (``%``, ``d``, ``VND``...)."""
        return _SYMBOL[self]

    @property
    def is_duration(self) -> bool:
        """True for days, working days and minutes."""
        return self in {Unit.DAYS, Unit.WORKING_DAYS, Unit.MINUTES}

    @property
    def default_direction(self) -> Direction:
        """Durations and rank positions are lower-is-better; the rest higher."""
        if self.is_duration or self is Unit.RANK:
            return Direction.LOWER_IS_BETTER
        return Direction.HIGHER_IS_BETTER


class Measure(_Bilingual):
    """Whether a value is a stock as of a date or a flow over a period.

    See :term:`lũy kế` and :term:`trong kỳ`.
    """

    STOCK = "stock"
    FLOW = "flow"


class Qualifier(_Bilingual):
    """How exactly a reported figure is stated.

    See :term:`gần`, :term:`hơn`, :term:`khoảng` and :term:`dưới`.

    Examples
    --------
    >>> Qualifier.NEARLY.name_vi, Qualifier.MORE_THAN.symbol
    ('gần', '>')
    """

    EXACT = "exact"
    ABOUT = "about"
    NEARLY = "nearly"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"

    @property
    def symbol(self) -> str:
        """``''``, ``'≈'``, ``'<~'``, ``'>'`` or ``'<'`` for display."""
        return _QUALIFIER_SYMBOL[self]


class Basis(_Bilingual):
    """What a percent is a percent *of* — reports often leave it unstated.

    See :term:`chỉ tiêu` and :ref:`percent-of`.

    Examples
    --------
    >>> Basis.ELIGIBLE.name_vi
    'dân số thuộc diện'
    """

    UNSTATED = "unstated"
    TARGET = "target"
    ELIGIBLE = "eligible"
    POPULATION = "population"
    HOLDERS = "holders"
    TOTAL = "total"


class Level(_Bilingual):
    """Administrative level of a jurisdiction, from the nation down."""

    NATION = "nation"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"

    @property
    def depth(self) -> int:
        """0 for the nation, 3 for a commune."""
        return list(Level).index(self)


class TaskStatus(_Bilingual):
    """Progress of a programme task."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class ServiceLevel(_Bilingual):
    """How far an online public service goes.

    ``PARTIAL`` was called :term:`mức độ 3` and ``FULL_PROCESS``
    :term:`mức độ 4` before the rules renamed them.

    Examples
    --------
    >>> ServiceLevel.FULL_PROCESS.former_level
    4
    """

    PARTIAL = "partial"
    FULL_PROCESS = "full_process"

    @property
    def former_level(self) -> int:
        """The old numeric grade (3 or 4)."""
        return 3 if self is ServiceLevel.PARTIAL else 4


class Confidence(_Bilingual):
    """How well a catalogue fact is established.

    ``CONFIRMED``: two or more independent sources; ``ONE_SOURCE``; and
    ``INFERRED``: reasoned, not read anywhere.
    """

    CONFIRMED = "confirmed"
    ONE_SOURCE = "one_source"
    INFERRED = "inferred"


_VI: dict[enum.Enum, str] = {
    Direction.HIGHER_IS_BETTER: "càng cao càng tốt",
    Direction.LOWER_IS_BETTER: "càng thấp càng tốt",
    Unit.COUNT: "số lượng",
    Unit.PEOPLE: "người",
    Unit.DOSSIERS: "hồ sơ",
    Unit.USES: "lượt",
    Unit.PERCENT: "%",
    Unit.DAYS: "ngày",
    Unit.WORKING_DAYS: "ngày làm việc",
    Unit.MINUTES: "phút",
    Unit.VND: "đồng",
    Unit.RANK: "xếp hạng",
    Measure.STOCK: "lũy kế đến ngày",
    Measure.FLOW: "trong kỳ",
    Qualifier.EXACT: "đạt",
    Qualifier.ABOUT: "khoảng",
    Qualifier.NEARLY: "gần",
    Qualifier.MORE_THAN: "hơn",
    Qualifier.LESS_THAN: "dưới",
    Basis.UNSTATED: "không nêu",
    Basis.TARGET: "chỉ tiêu",
    Basis.ELIGIBLE: "dân số thuộc diện",
    Basis.POPULATION: "dân số",
    Basis.HOLDERS: "người đã có giấy tờ",
    Basis.TOTAL: "tổng số",
    Level.NATION: "quốc gia",
    Level.PROVINCE: "tỉnh",
    Level.DISTRICT: "huyện",
    Level.COMMUNE: "xã",
    TaskStatus.NOT_STARTED: "chưa triển khai",
    TaskStatus.IN_PROGRESS: "đang triển khai",
    TaskStatus.DONE: "hoàn thành",
    ServiceLevel.PARTIAL: "một phần",
    ServiceLevel.FULL_PROCESS: "toàn trình",
    Confidence.CONFIRMED: "đã xác nhận",
    Confidence.ONE_SOURCE: "một nguồn",
    Confidence.INFERRED: "suy luận",
}

_SYMBOL = {
    Unit.COUNT: "",
    Unit.PEOPLE: "people",
    Unit.DOSSIERS: "dossiers",
    Unit.USES: "uses",
    Unit.PERCENT: "%",
    Unit.DAYS: "days",
    Unit.WORKING_DAYS: "working days",
    Unit.MINUTES: "min",
    Unit.VND: "VND",
    Unit.RANK: "rank",
}

_QUALIFIER_SYMBOL = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "≈",
    Qualifier.NEARLY: "<~",
    Qualifier.MORE_THAN: ">",
    Qualifier.LESS_THAN: "<",
}


def _as_basis(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Basis, value)


def _as_confidence(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Confidence, value)


def _as_direction(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Direction, value)


def _as_level(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Level, value)


def _as_measure(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Measure, value)


def _as_optional_service_level(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_optional_enum(ServiceLevel, value)


def _as_task_status(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(TaskStatus, value)


def _as_unit(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Unit, value)


def _as_qualifier(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Qualifier, value)


def _text(**kwargs: Any) -> Any:  # noqa: ANN401
    return attrs.field(converter=v.to_nfc, validator=v.is_text, **kwargs)


def _note() -> Any:  # noqa: ANN401
    return attrs.field(default="", converter=v.to_nfc, validator=v.is_note, kw_only=True)


# --------------------------------------------------------------------------
# Provenance and places
# --------------------------------------------------------------------------


@attrs.frozen
class Source:
    """Where a figure was published.

    Parameters
    ----------
    code : str
        Short ASCII identifier, used by files to refer to the source.
    title : str
        Title of the report or document.
    publisher : str
        Who published it (a newspaper, a provincial portal...).
    published : datetime.date or None
        Publication date; ``None`` when the document does not print one.
    url : str or None
        Where it can be read, if known.
    date_inferred : bool
        True when `published` was reasoned from the content, not printed.
    note : str
        Free remarks.

    Examples
    --------
    >>> import datetime as dt
    >>> Source("kh-2023-07", "Khanh Hoa speeds up Project 06", "Khánh Hòa provincial press",
    ...        published=dt.date(2023, 7, 2)).published.year
    2023
    """

    code: str = attrs.field(validator=v.is_code)
    title: str = _text()
    publisher: str = _text()
    published: dt.date | None = attrs.field(default=None, kw_only=True,
                                            validator=v.is_optional_date)
    url: str | None = attrs.field(default=None, kw_only=True, converter=v.to_optional_nfc,
                                  validator=v.is_optional_text)
    date_inferred: bool = attrs.field(default=False, kw_only=True,
                                      validator=v.is_instance(bool))
    note: str = _note()

    @date_inferred.validator
    def _inferred_needs_date(self, attribute: attrs.Attribute[bool], value: bool) -> None:
        if value and self.published is None:
            raise v.fail(self, attribute.name, "needs a published date to qualify", value)


@attrs.frozen
class Jurisdiction:
    """A place a figure is reported for: the nation, a province, district or commune.

    Parameters
    ----------
    code : str
        ASCII code; provinces use their official two-digit code (``"56"``),
        the nation ``"VN"``.
    name, name_vi : str
        English and Vietnamese names.
    level : Level
        Administrative level.
    parent : str or None
        Code of the enclosing jurisdiction; ``None`` only for the nation.

    Examples
    --------
    >>> Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level=Level.PROVINCE, parent="VN").level
    <Level.PROVINCE: 'province'>
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = _text()
    name_vi: str = _text()
    level: Level = attrs.field(kw_only=True, converter=_as_level,
                               validator=v.is_instance(Level))
    parent: str | None = attrs.field(default=None, kw_only=True)

    @parent.validator
    def _parent_matches_level(self, attribute: attrs.Attribute[str | None], value: object) -> None:
        if value is None:
            if self.level is not Level.NATION:
                raise v.fail(self, attribute.name,
                             f"is required below the nation (level {self.level.value!r})", value)
            return
        v.is_code(self, attribute, value)
        if self.level is Level.NATION:
            raise v.fail(self, attribute.name, "must be None for the nation", value)
        if value == self.code:
            raise v.fail(self, attribute.name, "must differ from code", value)


# --------------------------------------------------------------------------
# Indicators, targets, readings
# --------------------------------------------------------------------------


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
    name: str = _text()
    name_vi: str = _text()
    unit: Unit = attrs.field(kw_only=True, converter=_as_unit,
                             validator=v.is_instance(Unit))
    direction: Direction = attrs.field(
        kw_only=True, converter=_as_direction, validator=v.is_instance(Direction),
        default=attrs.Factory(lambda self: self.unit.default_direction
                              if isinstance(self.unit, Unit) else None, takes_self=True),
    )
    measure: Measure = attrs.field(default=Measure.STOCK, kw_only=True,
                                   converter=_as_measure, validator=v.is_instance(Measure))

    @property
    def is_percent(self) -> bool:
        """True when values are percentages on the 0-100 scale."""
        return self.unit is Unit.PERCENT


_WHOLE_UNITS = frozenset({Unit.PEOPLE, Unit.DOSSIERS, Unit.USES, Unit.RANK})


def _value_rule(unit: Unit, value: float) -> str | None:
    """The rule a value in `unit` breaks, or None (one place for every reader).

    Values are non-negative; percents lie in [0, 100]; ranks are >= 1.
    People, dossiers, uses and rank positions are whole numbers, so a
    spreadsheet cell read in the wrong number format ("546,234" taken as
    546.234 people) fails loudly instead of passing as a tiny count.
    """
    if value < 0:
        return f"must be >= 0 for unit {unit.value!r}"
    if unit in _WHOLE_UNITS and not float(value).is_integer():
        return f"must be a whole number for unit {unit.value!r}"
    if unit is Unit.PERCENT and value > 100:  # noqa: PLR2004 - the percent scale
        return "must be in [0, 100] for a percent indicator"
    if unit is Unit.RANK and value < 1:
        return "must be >= 1 for a rank position"
    return None


def _check_value(owner: object, field: str, indicator: Indicator, value: float) -> None:
    rule = _value_rule(indicator.unit, value)
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
    deadline: dt.date | None = attrs.field(default=None, kw_only=True)
    inferred: bool = attrs.field(default=False, kw_only=True, validator=v.is_instance(bool))
    source: Source | None = attrs.field(default=None, kw_only=True,
                                        validator=v.is_optional_instance(Source))
    note: str = _note()

    @value.validator
    def _value_in_unit(self, attribute: attrs.Attribute[float], value: float) -> None:
        _check_value(self, attribute.name, self.indicator, value)

    @deadline.validator
    def _deadline_in_programme(self, attribute: attrs.Attribute[Any], value: object) -> None:
        v.is_optional_date(self, attribute, value)
        if value is not None and value < PROGRAMME_START:  # type: ignore[operator]
            raise v.fail(self, attribute.name,
                         f"must not precede the programme start {PROGRAMME_START}", value)

    def _repr_html_(self) -> str:
        return _display.target_html(self)

    def __str__(self) -> str:
        return _display.target_text(self)


_READING_INFERABLE = frozenset({"as_of", "period_start", "numerator", "denominator", "value"})


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
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_as_qualifier,
                                       validator=v.is_instance(Qualifier))
    numerator: float | None = attrs.field(default=None, kw_only=True,
                                          validator=[v.is_optional_real, v.non_negative])
    denominator: float | None = attrs.field(default=None, kw_only=True,
                                            validator=[v.is_optional_real, v.positive])
    basis: Basis = attrs.field(default=Basis.UNSTATED, kw_only=True,
                               converter=_as_basis, validator=v.is_instance(Basis))
    period_start: dt.date | None = attrs.field(default=None, kw_only=True,
                                               validator=v.is_optional_date)
    source: Source | None = attrs.field(default=None, kw_only=True,
                                        validator=v.is_optional_instance(Source))
    inferred: frozenset[str] = attrs.field(default=frozenset(), kw_only=True,
                                           converter=v.to_frozenset,
                                           validator=v.is_instance(frozenset))
    note: str = _note()

    def __attrs_post_init__(self) -> None:
        _check_value(self, "value", self.indicator, self.value)
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
        if not all(isinstance(x, str) for x in self.inferred):
            raise v.fail(self, "inferred", "must be a set of field names", self.inferred)
        unknown = self.inferred - _READING_INFERABLE
        if unknown:
            raise v.fail(self, "inferred",
                         f"may only name {sorted(_READING_INFERABLE)}", sorted(unknown))

    @property
    def unit(self) -> Unit:
        """The indicator's unit."""
        return self.indicator.unit

    @property
    def day(self) -> int:
        """``as_of`` as a day number (days since 1970-01-01), as kernels use."""
        return (self.as_of - _EPOCH).days

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


# --------------------------------------------------------------------------
# Series
# --------------------------------------------------------------------------


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
    jurisdictions, and an empty series.

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
    >>> s = Series([Reading(ind, 546_234, dt.date(2023, 7, 1), kh),
    ...             Reading(ind, 500_000, dt.date(2023, 6, 20), kh)])
    >>> [r.value for r in s]
    [500000, 546234]
    >>> s.values
    array([500000., 546234.])
    """

    readings: tuple[Reading, ...] = attrs.field(
        converter=_sorted_readings, validator=v.is_tuple_of(Reading)
    )

    @readings.validator
    def _one_series(self, attribute: attrs.Attribute[Any], value: tuple[Reading, ...]) -> None:
        if not value:
            raise v.fail(self, attribute.name, "must hold at least one reading", value)
        first = value[0]
        for previous, reading in itertools.pairwise(value):
            if reading.indicator != first.indicator:
                raise v.fail(self, attribute.name,
                             f"must share one indicator ({first.indicator.code!r})",
                             reading.indicator.code)
            if reading.jurisdiction != first.jurisdiction:
                raise v.fail(self, attribute.name,
                             f"must share one jurisdiction ({first.jurisdiction.code!r})",
                             reading.jurisdiction.code)
            if reading.as_of == previous.as_of:
                raise v.fail(self, attribute.name, "must not hold two readings on one date",
                             reading.as_of)

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
        return _readonly(np.array([r.day for r in self.readings], dtype=np.int64))

    @property
    def values(self) -> npt.NDArray[np.float64]:
        """Values as a read-only float64 array."""
        return _readonly(np.array([r.value for r in self.readings], dtype=np.float64))

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


# --------------------------------------------------------------------------
# Ranks
# --------------------------------------------------------------------------


@attrs.frozen
class Rank:
    """A position ``k`` out of ``n`` (1 is best), as in "25/63"; see :term:`áp chót`.

    Ranks order by quality: a rank is *less than* another when it is worse
    (a larger position), so ``max`` of ranks is the best one. Only ranks out
    of the same total compare; use :attr:`percentile` across totals.

    Examples
    --------
    >>> Rank(62, 63) < Rank(37, 63)
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

    def _same_total(self, other: Rank) -> None:
        if other.total != self.total:
            raise v.fail(self, "total", f"must equal the other rank's total {other.total} to "
                         "compare; use .percentile across totals", self.total)

    def __str__(self) -> str:
        return f"{self.position}/{self.total}"


# --------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------


@attrs.frozen
class UtilityGroup:
    """One of the programme's five utility groups (:term:`nhóm tiện ích`).

    Examples
    --------
    >>> UtilityGroup(3, "Building digital citizens", "Phát triển công dân số").code
    'group-3'
    """

    number: int = attrs.field(validator=[v.is_int, v.between(1, 5)])
    name: str = _text()
    name_vi: str = _text()
    confidence: Confidence = attrs.field(default=Confidence.CONFIRMED, converter=_as_confidence,
                                         validator=v.is_instance(Confidence))

    @property
    def code(self) -> str:
        """ASCII code ``group-<number>``."""
        return f"group-{self.number}"


@attrs.frozen
class Task:
    """A programme task (:term:`nhiệm vụ`) with its owner, deadline and status.

    Examples
    --------
    >>> import datetime as dt
    >>> t = Task("qn-2024-01", "Pilot model per department", "Mỗi sở triển khai 1 mô hình điểm",
    ...          owner="Quảng Ngãi departments", deadline=dt.date(2025, 12, 31))
    >>> t.status
    <TaskStatus.NOT_STARTED: 'not_started'>
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = _text()
    name_vi: str = _text()
    owner: str = attrs.field(kw_only=True, converter=v.to_nfc, validator=v.is_text)
    deadline: dt.date | None = attrs.field(default=None, kw_only=True)
    status: TaskStatus = attrs.field(default=TaskStatus.NOT_STARTED, kw_only=True,
                                     converter=_as_task_status,
                                     validator=v.is_instance(TaskStatus))
    group: int | None = attrs.field(default=None, kw_only=True)
    jurisdiction: str | None = attrs.field(default=None, kw_only=True)

    @deadline.validator
    def _deadline_in_programme(self, attribute: attrs.Attribute[Any], value: object) -> None:
        v.is_optional_date(self, attribute, value)
        if value is not None and value < PROGRAMME_START:  # type: ignore[operator]
            raise v.fail(self, attribute.name,
                         f"must not precede the programme start {PROGRAMME_START}", value)

    @group.validator
    def _group_number(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            v.is_int(self, attribute, value)
            v.between(1, 5)(self, attribute, value)

    @jurisdiction.validator
    def _jurisdiction_code(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            v.is_code(self, attribute, value)

    def is_overdue(self, as_of: dt.date) -> bool:
        """True when not done and the deadline is before `as_of`."""
        return (self.status is not TaskStatus.DONE and self.deadline is not None
                and self.deadline < as_of)


@attrs.frozen
class EssentialService:
    """One of the 25 essential online public services (:term:`dịch vụ công thiết yếu`).

    Examples
    --------
    >>> s = EssentialService("ess-03", 3, "Permanent residence registration",
    ...                      "Đăng ký thường trú", lead="BCA", level="full_process")
    >>> s.level.former_level
    4
    """

    code: str = attrs.field(validator=v.is_code)
    number: int = attrs.field(validator=[v.is_int, v.between(1, 25)])
    name: str = _text()
    name_vi: str = _text()
    lead: str = attrs.field(kw_only=True, converter=v.to_nfc, validator=v.is_text)
    level: ServiceLevel | None = attrs.field(default=None, kw_only=True,
                                             converter=_as_optional_service_level,
                                             validator=v.is_optional_instance(ServiceLevel))
    confidence: Confidence = attrs.field(default=Confidence.CONFIRMED, kw_only=True,
                                         converter=_as_confidence,
                                         validator=v.is_instance(Confidence))
    note: str = _note()


@attrs.frozen
class LinkedService:
    """A bundle of procedures declared once (:term:`dịch vụ công liên thông`).

    Parameters
    ----------
    code : str
        ASCII code.
    name, name_vi : str
        English and Vietnamese names.
    procedures : tuple of str
        The bundled procedures, in order (at least two).
    days_before, days_after : float
        Processing time before and after linking.
    declarations_before, declarations_after : int
        Number of declarations the citizen makes before and after.
    after_unit : Unit
        Unit of `days_after` (``DAYS`` or ``WORKING_DAYS``).

    Examples
    --------
    >>> birth = LinkedService("birth", "Birth bundle", "Liên thông khai sinh",
    ...     procedures=("birth registration", "permanent residence", "BHYT card under 6"),
    ...     days_before=21, days_after=4)
    >>> birth.days_saved, round(birth.time_cut, 4)
    (17, 0.8095)
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = _text()
    name_vi: str = _text()
    procedures: tuple[str, ...] = attrs.field(kw_only=True, converter=v.to_tuple,
                                              validator=v.is_tuple_of(str))
    days_before: float = attrs.field(kw_only=True, validator=[v.is_real, v.positive])
    days_after: float = attrs.field(kw_only=True, validator=[v.is_real, v.non_negative])
    declarations_before: int = attrs.field(default=3, kw_only=True,
                                           validator=[v.is_int, v.positive])
    declarations_after: int = attrs.field(default=1, kw_only=True,
                                          validator=[v.is_int, v.positive])
    after_unit: Unit = attrs.field(default=Unit.WORKING_DAYS, kw_only=True,
                                   converter=_as_unit, validator=v.is_instance(Unit))
    note: str = _note()

    def __attrs_post_init__(self) -> None:
        if len(self.procedures) < 2:  # noqa: PLR2004 - a bundle links two or more
            raise v.fail(self, "procedures", "must list at least two procedures",
                         self.procedures)
        if self.days_after > self.days_before:
            raise v.fail(self, "days_after", f"must not exceed days_before={self.days_before}",
                         self.days_after)
        if self.declarations_after > self.declarations_before:
            raise v.fail(self, "declarations_after",
                         f"must not exceed declarations_before={self.declarations_before}",
                         self.declarations_after)
        if self.after_unit not in {Unit.DAYS, Unit.WORKING_DAYS}:
            raise v.fail(self, "after_unit", "must be 'days' or 'working_days'",
                         self.after_unit.value)

    @property
    def days_saved(self) -> float:
        """``days_before - days_after``."""
        return self.days_before - self.days_after

    @property
    def time_cut(self) -> float:
        """Fraction of processing time removed, ``days_saved / days_before``."""
        return self.days_saved / self.days_before

    @property
    def declarations_saved(self) -> int:
        """``declarations_before - declarations_after``."""
        return self.declarations_before - self.declarations_after


def _years_in_order(instance: Programme, attribute: attrs.Attribute[int], value: int) -> None:
    if attribute.name == "end_year" and value < instance.start_year:
        raise v.fail(instance, attribute.name, f"must be >= start_year={instance.start_year}",
                     value)
    if attribute.name == "vision_year" and value < instance.end_year:
        raise v.fail(instance, attribute.name, f"must be >= end_year={instance.end_year}", value)


@attrs.frozen
class Programme:
    """The programme: decision, period, and its catalogue.

    Examples
    --------
    >>> import datetime as dt
    >>> p = Programme("de-an-06", "Project 06", "Đề án 06", decision="06/QĐ-TTg",
    ...               approved=dt.date(2022, 1, 6), start_year=2022, end_year=2025,
    ...               vision_year=2030)
    >>> p.decision, p.approved.isoformat()
    ('06/QĐ-TTg', '2022-01-06')
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = _text()
    name_vi: str = _text()
    decision: str = attrs.field(kw_only=True, converter=v.to_nfc, validator=v.is_text)
    approved: dt.date = attrs.field(kw_only=True, validator=v.is_date)
    start_year: int = attrs.field(kw_only=True, validator=v.is_int)
    end_year: int = attrs.field(kw_only=True, validator=[v.is_int, _years_in_order])
    vision_year: int = attrs.field(kw_only=True, validator=[v.is_int, _years_in_order])
    groups: tuple[UtilityGroup, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, repr=False,
        validator=[v.is_tuple_of(UtilityGroup), v.unique_by(lambda g: g.number, "group number")],
    )
    tasks: tuple[Task, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, repr=False,
        validator=[v.is_tuple_of(Task), v.unique_by(lambda t: t.code, "task code")],
    )
    services: tuple[EssentialService, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, repr=False,
        validator=[v.is_tuple_of(EssentialService), v.unique_by(lambda s: s.code, "service code")],
    )
    linked_services: tuple[LinkedService, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, repr=False,
        validator=[v.is_tuple_of(LinkedService),
                   v.unique_by(lambda s: s.code, "linked-service code")],
    )
    source: Source | None = attrs.field(default=None, kw_only=True,
                                        validator=v.is_optional_instance(Source))

    def service(self, code: str) -> EssentialService:
        """The essential service with `code`.

        Raises
        ------
        UnknownCodeError
            When no service has that code.
        """
        for service in self.services:
            if service.code == code:
                return service
        raise UnknownCodeError(f"unknown essential-service code {code!r}")

    def _repr_html_(self) -> str:
        return _display.programme_html(self)


# --------------------------------------------------------------------------
# Statements reports make about their figures
# --------------------------------------------------------------------------


class ClaimKind(_Bilingual):
    """What a :class:`Claim` states.

    ``EXCEEDS_TARGET``: a figure beats its target by a margin ("vượt X so
    với chỉ tiêu"); ``PARTS``: a whole is made up of listed parts (29 tasks =
    24 done + 5 in progress); ``EVENT``: a dated event or document (a
    resolution issued, a portal going live); ``STATEMENT``: an assessment in
    words with no figure to check ("the mountain districts lag behind").

    Examples
    --------
    >>> ClaimKind.EXCEEDS_TARGET.name_vi
    'vượt chỉ tiêu'
    """

    EXCEEDS_TARGET = "exceeds_target"
    PARTS = "parts"
    EVENT = "event"
    STATEMENT = "statement"


_VI.update({
    ClaimKind.EXCEEDS_TARGET: "vượt chỉ tiêu",
    ClaimKind.PARTS: "gồm các phần",
    ClaimKind.EVENT: "sự kiện",
    ClaimKind.STATEMENT: "nhận định",
})

_CLAIM_INFERABLE = frozenset({"as_of", "margin"})


def _as_claim_kind(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(ClaimKind, value)


@attrs.frozen
class Claim:
    """A statement a report makes about its figures, kept so it can be checked.

    Reports say things the figures alone do not carry: that a share "exceeds
    the target by 17 %" while the target is never printed, that 29 tasks are
    24 done and 5 in progress, or that a resolution was issued on a date. A
    claim keeps such a statement in the library's own words, tied to the
    indicator and place it is about, so :func:`de_an06.audit.audit` can test
    it against the readings and targets.

    Parameters
    ----------
    code : str
        ASCII identifier.
    kind : ClaimKind
        What is stated.
    jurisdiction : Jurisdiction
        Where the statement applies, as reported.
    as_of : datetime.date
        The date the statement holds at (the date of the figure it is about).
    statement : str
        The statement in the library's own words.
    indicator : Indicator or None
        The indicator the statement is about: the figure that exceeds its
        target (``EXCEEDS_TARGET``) or the whole (``PARTS``). Required for
        those two kinds.
    margin : float or None
        ``EXCEEDS_TARGET`` only: the margin as printed (``17`` for "vượt 17%").
        The report's unit is ambiguous (percentage points or relative
        percent); the audit tests both readings.
    qualifier : Qualifier
        How the margin is hedged ("vượt hơn 35%" is ``MORE_THAN``).
    parts : tuple of str
        ``PARTS`` only: codes of the indicators that make up the whole.
    reference : str or None
        The number of a document the statement names ("Nghị quyết 30").
    source : Source or None
        Where it was published.
    inferred : frozenset of str
        Fields reasoned rather than printed (``as_of``, ``margin``).
    note : str
        Free remarks.

    Examples
    --------
    >>> import datetime as dt
    >>> tra_bong = Jurisdiction("51-tra-bong", "Tra Bong", "Trà Bồng", level="district",
    ...                         parent="51")
    >>> noncash = Indicator("welfare-noncash-share", "Social-welfare payments made without cash",
    ...                     "Chi trả an sinh xã hội không dùng tiền mặt", unit="percent")
    >>> claim = Claim("qn-tb-noncash-exceeds", ClaimKind.EXCEEDS_TARGET, tra_bong,
    ...               dt.date(2024, 12, 31), "Non-cash welfare payment beats its target",
    ...               indicator=noncash, margin=17)
    >>> claim.margin, claim.kind.value
    (17, 'exceeds_target')
    """

    code: str = attrs.field(validator=v.is_code)
    kind: ClaimKind = attrs.field(converter=_as_claim_kind, validator=v.is_instance(ClaimKind))
    jurisdiction: Jurisdiction = attrs.field(validator=v.is_instance(Jurisdiction))
    as_of: dt.date = attrs.field(validator=v.is_date)
    statement: str = _text()
    indicator: Indicator | None = attrs.field(default=None, kw_only=True,
                                              validator=v.is_optional_instance(Indicator))
    margin: float | None = attrs.field(default=None, kw_only=True,
                                       validator=[v.is_optional_real, v.non_negative])
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, kw_only=True,
                                       converter=_as_qualifier,
                                       validator=v.is_instance(Qualifier))
    parts: tuple[str, ...] = attrs.field(factory=tuple, kw_only=True, converter=v.to_tuple,
                                         validator=v.is_tuple_of(str))
    reference: str | None = attrs.field(default=None, kw_only=True,
                                        converter=v.to_optional_nfc,
                                        validator=v.is_optional_text)
    source: Source | None = attrs.field(default=None, kw_only=True,
                                        validator=v.is_optional_instance(Source))
    inferred: frozenset[str] = attrs.field(default=frozenset(), kw_only=True,
                                           converter=v.to_frozenset,
                                           validator=v.is_instance(frozenset))
    note: str = _note()

    def __attrs_post_init__(self) -> None:
        exceeds = self.kind is ClaimKind.EXCEEDS_TARGET
        parts = self.kind is ClaimKind.PARTS
        if (exceeds or parts) and self.indicator is None:
            raise v.fail(self, "indicator", f"is required for a {self.kind.value!r} claim", None)
        if exceeds and self.margin is None:
            raise v.fail(self, "margin", "is required for an 'exceeds_target' claim", None)
        if not exceeds and self.margin is not None:
            raise v.fail(self, "margin", "is only meaningful for an 'exceeds_target' claim",
                         self.margin)
        self._check_parts(parts=parts)
        if not all(isinstance(x, str) for x in self.inferred):
            raise v.fail(self, "inferred", "must be a set of field names", self.inferred)
        unknown = self.inferred - _CLAIM_INFERABLE
        if unknown:
            raise v.fail(self, "inferred", f"may only name {sorted(_CLAIM_INFERABLE)}",
                         sorted(unknown))

    def _check_parts(self, *, parts: bool) -> None:
        if parts and not self.parts:
            raise v.fail(self, "parts", "must name at least one part for a 'parts' claim",
                         self.parts)
        if not parts and self.parts:
            raise v.fail(self, "parts", "is only meaningful for a 'parts' claim", self.parts)
        for part in self.parts:
            if not v.CODE_PATTERN.fullmatch(part):
                raise v.fail(self, "parts", "must hold indicator codes", part)
        if self.indicator is not None and self.indicator.code in self.parts:
            raise v.fail(self, "parts", "must not contain the whole itself",
                         self.indicator.code)
