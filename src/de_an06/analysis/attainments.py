"""Attainment against a target, implied targets, and gaps between two figures.

A hedged figure ("more than 65 %", "nearly 98 %") stands for a range of true
values; :attr:`Attainment.met` and :func:`gap` reason over that range.
"""

from __future__ import annotations

import math

import attrs

from de_an06 import _display
from de_an06 import _validators as v
from de_an06.analysis import _args as check
from de_an06.model import Direction, Indicator, Qualifier, Reading, Target, Unit
from de_an06.model.rules import DEFAULT_HEDGE, qualifier_bounds


def _figure(owner: str, field: str, value: object) -> tuple[float, Qualifier, Indicator | None]:
    """A Reading or a plain number (taken as exact)."""
    if isinstance(value, Reading):
        return float(value.value), value.qualifier, value.indicator
    return check.real(owner, field, value), Qualifier.EXACT, None


def _direction(owner: str, direction: object, *indicators: Indicator | None) -> Direction:
    known = [i for i in indicators if i is not None]
    if direction is None:
        return known[0].direction if known else Direction.HIGHER_IS_BETTER
    chosen = v.as_enum(Direction, direction)
    if not isinstance(chosen, Direction):
        raise v.fail(owner, "direction", "must be a Direction", direction)
    for indicator in known:
        if indicator.direction is not chosen:
            raise v.fail(owner, "direction",
                         f"must agree with indicator {indicator.code!r} "
                         f"({indicator.direction.value!r})", chosen.value)
    return chosen


# --------------------------------------------------------------------------
# Attainment
# --------------------------------------------------------------------------


@attrs.frozen(repr=False)
class Attainment:
    """How a figure stands against its target.

    Built by :func:`attainment`; the derived quantities are properties.

    Parameters
    ----------
    value : float
        The figure as reported.
    target : float
        The target (never zero).
    direction : Direction
        Whether higher or lower is better.
    qualifier : Qualifier
        How exactly `value` is stated ("more than", "nearly"...).
    unit : Unit or None
        The indicator's unit when known.
    hedge : float
        Relative width assumed for "about" and "nearly" figures.

    Raises
    ------
    ValidationError
        For a value or target that is not a finite number, a zero target, a
        direction, qualifier or unit of the wrong type, or a hedge outside
        ``[0, 1)``.
    """

    value: float = attrs.field(validator=check.field(check.real))
    target: float = attrs.field(validator=check.field(check.real))
    direction: Direction = attrs.field(default=Direction.HIGHER_IS_BETTER, kw_only=True,
                                       validator=v.is_instance(Direction))
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, kw_only=True,
                                       validator=v.is_instance(Qualifier))
    unit: Unit | None = attrs.field(default=None, kw_only=True,
                                    validator=v.is_optional_instance(Unit))
    hedge: float = attrs.field(default=DEFAULT_HEDGE, kw_only=True,
                               validator=check.field(check.hedge))

    def __attrs_post_init__(self) -> None:
        if self.target == 0:
            raise v.fail(self, "target", "must be non-zero for a ratio", self.target)

    @property
    def ratio(self) -> float:
        """``value / target`` as a plain number (below 1 is good when lower is better)."""
        return self.value / self.target

    @property
    def percent(self) -> float:
        """``100 * value / target``."""
        return 100.0 * self.value / self.target

    @property
    def margin(self) -> float:
        """``value - target`` in the indicator's unit (percentage points for percents).

        This is the reading of "vượt 17%" as points: 47 % against a 30 %
        target has a margin of 17.
        """
        return self.value - self.target

    @property
    def relative_margin(self) -> float:
        """The margin in percent *of the target*, ``100 * (value - target) / target``.

        This is the other reading of "vượt 17%": 47 % against a 40.17 %
        target has a relative margin of 17.
        """
        return 100.0 * (self.value - self.target) / self.target

    @property
    def surplus(self) -> float:
        """The margin signed so that positive is better than the target."""
        return self.direction.sign * self.margin

    @property
    def met(self) -> bool | None:
        """Whether the target is met, or ``None`` when the qualifier leaves it open.

        A hedged figure stands for a range of true values: "more than v" for
        ``(v, inf)``, "less than v" for ``(-inf, v)``, "nearly v" for
        ``[v - hedge*|v|, v)`` and "about v" for ``[v - hedge*|v|, v + hedge*|v|]``.
        ``met`` is ``True`` when every value of the range meets the target,
        ``False`` when none does, ``None`` otherwise.
        """
        b = qualifier_bounds(self.value, self.qualifier, self.hedge)
        t = self.target
        if self.direction is Direction.HIGHER_IS_BETTER:
            if b.lo >= t:
                return True
            if b.hi < t or (b.hi_open and b.hi == t):
                return False
            return None
        if b.hi <= t:
            return True
        if b.lo > t or (b.lo_open and b.lo == t):
            return False
        return None

    def __repr__(self) -> str:
        q = "" if self.qualifier is Qualifier.EXACT else f"{self.qualifier.value} "
        return (f"Attainment(value={q}{self.value!r}, target={self.target!r}, "
                f"percent={self.percent:.2f}, margin={self.margin!r}, met={self.met!r})")

    def _repr_html_(self) -> str:
        return _display.attainment_html(self)

    def __str__(self) -> str:
        return _display.attainment_text(self)


def attainment(value: Reading | float, target: Target | float, *,
               direction: Direction | str | None = None,
               hedge: float = DEFAULT_HEDGE) -> Attainment:
    """How a figure stands against a target.

    Parameters
    ----------
    value : Reading or float
        The figure. A :class:`~de_an06.Reading` brings its qualifier and
        indicator; a plain number is taken as exact.
    target : Target or float
        The target. A :class:`~de_an06.Target` must be for the reading's
        indicator.
    direction : Direction, optional
        Needed only when neither argument carries an indicator (default
        higher is better); must agree with the indicator otherwise.
    hedge : float
        Relative width assumed for "about" and "nearly" figures (default 0.05).

    Returns
    -------
    Attainment

    Raises
    ------
    ValidationError
        For a non-finite or non-numeric value, a zero target, a target for
        another indicator, or a direction that contradicts the indicator.

    Examples
    --------
    Khánh Hòa collected 546,234 e-ID applications against 756,805:

    >>> a = attainment(546_234, 756_805)
    >>> round(a.percent, 2), a.margin, a.met
    (72.18, -210571.0, False)

    Trà Bồng paid 47 % of social benefits without cash, "exceeding the target
    by 17 %"; the two readings of that phrase give two targets:

    >>> attainment(47, 30).margin
    17.0
    >>> round(attainment(47, 47 / 1.17).relative_margin, 10)
    17.0

    Qualifiers decide what can be said: "more than 65 %" meets 30 %, "nearly
    98 %" does not meet 98 %, and "more than 60 %" against 62 % is open:

    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading
    >>> qn = Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    >>> share = Indicator("ss-account-share", "Benefits paid through accounts",
    ...                   "Tỷ lệ chi trả qua tài khoản", unit="percent")
    >>> more_than_65 = Reading(share, 65, as_of=dt.date(2024, 6, 30), jurisdiction=qn,
    ...                        qualifier="more_than")
    >>> attainment(more_than_65, 30).met
    True
    >>> nearly_98 = Reading(share, 98, as_of=dt.date(2024, 6, 30), jurisdiction=qn,
    ...                     qualifier="nearly")
    >>> attainment(nearly_98, 98).met
    False
    >>> print(attainment(Reading(share, 60, as_of=dt.date(2024, 6, 30), jurisdiction=qn,
    ...                          qualifier="more_than"),
    ...                  62).met)
    None
    """
    owner = "attainment"
    number, qualifier, indicator = _figure(owner, "value", value)
    target_indicator = target.indicator if isinstance(target, Target) else None
    place = value.jurisdiction if isinstance(value, Reading) else None
    goal = check.goal(owner, target, indicator, place)
    if goal == 0:
        raise v.fail(owner, "target", "must be non-zero for a ratio", target)
    known = indicator if indicator is not None else target_indicator
    return Attainment(number, goal, direction=_direction(owner, direction, known),
                      qualifier=qualifier, unit=None if known is None else known.unit,
                      hedge=check.hedge(owner, "hedge", hedge))


def implied_target(value: float, excess: float, *, relative: bool = False) -> float:
    """The target implied by "value exceeds the target by `excess`".

    Reports print the excess, not the target. Under the points reading the
    target is ``value - excess``; under the relative reading it is
    ``value / (1 + excess/100)``. Mark a target derived this way as inferred.

    Raises
    ------
    ValidationError
        For non-finite numbers, a `relative` that is no bool, or a relative
        excess of -100 % or less.

    Examples
    --------
    Trà Bồng's 47 % "exceeds the target by 17 %":

    >>> implied_target(47, 17)
    30.0
    >>> round(implied_target(47, 17, relative=True), 2)
    40.17
    """
    owner = "implied_target"
    number = check.real(owner, "value", value)
    extra = check.real(owner, "excess", excess)
    if not check.flag(owner, "relative", relative):
        return number - extra
    if extra <= -100:  # noqa: PLR2004 - a share of the target
        raise v.fail(owner, "excess", "must be > -100 for the relative reading", excess)
    return number / (1.0 + extra / 100.0)


# --------------------------------------------------------------------------
# Gaps between two figures (e.g. a province against the national average)
# --------------------------------------------------------------------------


@attrs.frozen
class Gap:
    """The difference between two figures, with the bounds their qualifiers allow.

    For percent figures the difference is in percentage points.

    Parameters
    ----------
    difference : float
        ``value - other`` from the figures as printed.
    low, high : float or None
        Bounds of the true difference; ``None`` where unbounded.
    low_inclusive, high_inclusive : bool
        Whether the true difference may equal the bound.

    Raises
    ------
    ValidationError
        For a difference or bound that is not a finite number, a flag that is
        not a bool, or bounds that do not hold `difference`.
    """

    difference: float = attrs.field(validator=check.field(check.real))
    low: float | None = attrs.field(kw_only=True,
                                    validator=check.field(check.optional(check.real)))
    high: float | None = attrs.field(kw_only=True,
                                     validator=check.field(check.optional(check.real)))
    low_inclusive: bool = attrs.field(kw_only=True, validator=check.field(check.flag))
    high_inclusive: bool = attrs.field(kw_only=True, validator=check.field(check.flag))

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.low > self.difference:
            raise v.fail(self, "low", f"must not exceed difference={self.difference!r}",
                         self.low)
        if self.high is not None and self.high < self.difference:
            raise v.fail(self, "high", f"must not be below difference={self.difference!r}",
                         self.high)

    @property
    def is_exact(self) -> bool:
        """True when both figures were exact."""
        return self.low == self.high == self.difference

    @property
    def qualifier(self) -> Qualifier:
        """How the difference can be stated.

        ``MORE_THAN`` when the printed difference is an exclusive lower
        bound, ``NEARLY`` when it is an exclusive upper bound, ``EXACT`` when
        both figures were exact and ``ABOUT`` otherwise.
        """
        if self.is_exact:
            return Qualifier.EXACT
        if self.low == self.difference and not self.low_inclusive:
            return Qualifier.MORE_THAN
        if self.high == self.difference and not self.high_inclusive:
            return Qualifier.NEARLY
        return Qualifier.ABOUT


def gap(value: Reading | float, other: Reading | float, *,
        hedge: float = DEFAULT_HEDGE) -> Gap:
    """Difference between two figures, as bounds when qualifiers hedge them.

    Parameters
    ----------
    value, other : Reading or float
        The figures; plain numbers are exact. Two readings must share a unit.
    hedge : float
        Relative width assumed for "about" and "nearly" figures.

    Raises
    ------
    ValidationError
        For non-finite numbers or readings in different units.

    Examples
    --------
    Quảng Ngãi against the national average: "nearly 78 %" of dossiers with
    electronic results against 68.3 %, "more than 83.8 %" digitised against
    67.06 %:

    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading
    >>> qn = Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    >>> e_results = Indicator("e-results", "Dossiers with electronic results",
    ...                       "Tỷ lệ hồ sơ có kết quả điện tử", unit="percent")
    >>> g = gap(Reading(e_results, 78, as_of=dt.date(2024, 6, 30), jurisdiction=qn,
    ...                 qualifier="nearly"), 68.3)
    >>> round(g.difference, 2), g.qualifier
    (9.7, <Qualifier.NEARLY: 'nearly'>)
    >>> digitised = Indicator("digitised", "Dossiers digitised", "Tỷ lệ số hóa hồ sơ",
    ...                       unit="percent")
    >>> g = gap(Reading(digitised, 83.8, as_of=dt.date(2024, 6, 30), jurisdiction=qn,
    ...                 qualifier="more_than"), 67.06)
    >>> round(g.low, 2), g.high, g.qualifier
    (16.74, None, <Qualifier.MORE_THAN: 'more_than'>)
    """
    owner = "gap"
    a, qa, ia = _figure(owner, "value", value)
    b, qb, ib = _figure(owner, "other", other)
    if ia is not None and ib is not None and ia.unit is not ib.unit:
        raise v.fail(owner, "other", f"must be in unit {ia.unit.value!r}", ib.unit.value)
    width = check.hedge(owner, "hedge", hedge)
    x = qualifier_bounds(a, qa, width)
    y = qualifier_bounds(b, qb, width)
    low = x.lo - y.hi
    high = x.hi - y.lo
    return Gap(a - b,
               low=low if math.isfinite(low) else None,
               high=high if math.isfinite(high) else None,
               low_inclusive=not (x.lo_open or y.hi_open),
               high_inclusive=not (x.hi_open or y.lo_open))
