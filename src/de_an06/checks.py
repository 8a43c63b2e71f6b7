"""Check reported figures against themselves: the consistency audit.

Reports print a percent next to the counts it came from, hedge figures with
"nearly" or "more than", say a whole is made of parts, say a figure "exceeds
the target by X", and sometimes state one count against two different
denominators. :func:`~de_an06.audit` recomputes what can be recomputed, in exact
rational arithmetic, and returns a :class:`Finding` for every statement the
figures do not bear out:

* ``TRUNCATED`` / ``ROUNDED_UP`` / ``MISMATCH`` — a percent that is not
  ``numerator / denominator`` rounded at the precision the report printed
  (802,068 / 810,585 = 98.949 % printed as 98.94: truncated);
* ``QUALIFIER`` — a hedge the counts contradict ("nearly 98 %" when they give
  98.3 %, "more than 100 %" of a population);
* ``PART_EXCEEDS_WHOLE`` — parts that add up to more than their whole;
* ``MARGIN`` — "exceeds the target by X" that fits the target neither as
  percentage points nor as a relative margin;
* ``BASIS`` — one count reported as a share of two different things with
  different values (Tuy Hòa: "100 % of the target" and 139,026 / 142,912 =
  97.28 % of eligible citizens); both figures are shown, neither is hidden.

The function is :func:`de_an06.audit`, next to :func:`de_an06.attainment`
and the other analyses; this module was ``de_an06.audit`` before 0.2.

Examples
--------
>>> from de_an06 import audit, datasets
>>> for finding in audit(datasets.readings(), targets=datasets.targets(),
...                      claims=datasets.claims()):
...     print(finding.kind.value, finding.reading.jurisdiction.name_vi, finding.reported,
...           round(finding.computed, 3))
truncated Phú Yên 98.94 98.949
basis Tuy Hòa 100 97.281
"""

from __future__ import annotations

import decimal
import enum
import math
from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from typing import TypeVar

import attrs

from de_an06 import _validators as v
from de_an06._contradictions import source_checks
from de_an06._present import number, qualifier_symbol
from de_an06.model import Basis, Claim, ClaimKind, Qualifier, Reading, Target
from de_an06.model.rules import DEFAULT_HEDGE, printed_decimals, qualifier_bounds

__all__ = ["Finding", "FindingKind", "audit", "printed_decimals"]


def __dir__() -> list[str]:
    return __all__


class FindingKind(enum.Enum):
    """What kind of inconsistency a :class:`Finding` reports."""

    TRUNCATED = "truncated"
    ROUNDED_UP = "rounded_up"
    MISMATCH = "mismatch"
    QUALIFIER = "qualifier"
    PART_EXCEEDS_WHOLE = "part_exceeds_whole"
    MARGIN = "margin"
    BASIS = "basis"
    CONFLICT = "conflict"
    DECREASE = "decrease"
    DEFINITION = "definition"
    CORRECTED = "corrected"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Finding:
    """One statement the figures do not bear out.

    Parameters
    ----------
    kind : FindingKind
        What is wrong.
    readings : tuple of Reading
        The readings involved, the one reported first.
    message : str
        A sentence naming the place, the figures and what does not add up.
    reported : float or None
        The figure as reported.
    computed : float or None
        What the other figures give instead (a percent, a sum, a margin).
    claim : Claim or None
        The statement checked, for ``MARGIN`` and ``PART_EXCEEDS_WHOLE``.
    target : Target or None
        The target a ``MARGIN`` finding was checked against.

    Examples
    --------
    >>> from de_an06 import datasets
    >>> r = datasets.readings(jurisdiction="54", indicator="insurance-verified-share")[0]
    >>> print(audit([r])[0].message)
    Phú Yên insurance-verified-share 2024-01-31: reported 98.94 %, but
    802,068 / 810,585 = 98.949 %: truncated to 2 decimals, not rounded (98.95)
    """

    kind: FindingKind = attrs.field(validator=v.is_instance(FindingKind))
    readings: tuple[Reading, ...] = attrs.field(converter=v.to_tuple,
                                                validator=v.is_tuple_of(Reading))
    message: str = attrs.field(validator=v.is_text)
    reported: float | None = attrs.field(default=None, kw_only=True)
    computed: float | None = attrs.field(default=None, kw_only=True)
    claim: Claim | None = attrs.field(default=None, kw_only=True,
                                      validator=v.is_optional_instance(Claim))
    target: Target | None = attrs.field(default=None, kw_only=True,
                                        validator=v.is_optional_instance(Target))

    @property
    def reading(self) -> Reading:
        """The reading the finding is first about."""
        return self.readings[0]


def _exact(value: float) -> Fraction:
    """The number as printed: 98.94 is 9894/100, not the nearest binary float."""
    return Fraction(decimal.Decimal(repr(value)))


def _show(value: Fraction | float, decimals: int = 3) -> str:
    """A figure for a message: thousands grouped, at most `decimals` decimals."""
    return number(float(value), decimals)


def _where(reading: Reading) -> str:
    return (f"{reading.jurisdiction.name_vi} {reading.indicator.code} "
            f"{reading.as_of.isoformat()}")


def audit(
    readings: Iterable[Reading],
    *,
    targets: Iterable[Target] = (),
    claims: Iterable[Claim] = (),
    decimals: int | None = None,
    hedge: float = DEFAULT_HEDGE,
) -> list[Finding]:
    """Recompute what the figures allow and report every statement they contradict.

    Parameters
    ----------
    readings : iterable of Reading
        The figures to check.
    targets : iterable of Target
        Targets "exceeds the target by X" claims are checked against.
    claims : iterable of Claim
        Statements to check (``EXCEEDS_TARGET`` and ``PARTS``; events and
        statements carry nothing to check).
    decimals : int or None
        Precision the percents were printed at; ``None`` (the default) reads
        it from each value (98.94 → 2).
    hedge : float
        How far "about" and "nearly" may stray, as a fraction of the value
        (0.05: "nearly 98" covers 93.1 to 98).

    Returns
    -------
    list of Finding
        Percent checks in the order of `readings`, then basis conflicts,
        then claims in their order, then the checks between sources
        (two figures for one date, a running total going down, a change of
        definition, a corrected figure; see :ref:`national-contradictions`).
        Empty when everything adds up.

    Raises
    ------
    ValidationError
        For a negative `decimals`, a `hedge` outside [0, 1), or items of the
        wrong type.

    Examples
    --------
    >>> from de_an06 import datasets
    >>> audit(datasets.readings(jurisdiction="56"))
    []
    """
    _check_options(decimals, hedge)
    items = _checked(readings, Reading, "readings")
    goals = _checked(targets, Target, "targets")
    statements = _checked(claims, Claim, "claims")
    findings: list[Finding] = []
    for reading in items:
        finding = _check_percent(reading, decimals, hedge) or _check_bounds(reading)
        if finding is not None:
            findings.append(finding)
    findings.extend(_check_bases(items, decimals))
    for claim in statements:
        if claim.kind is ClaimKind.EXCEEDS_TARGET:
            findings.extend(_check_margin(claim, items, goals, hedge))
        elif claim.kind is ClaimKind.PARTS:
            findings.extend(_check_parts(claim, items, hedge))
    findings.extend(Finding(FindingKind(kind), found, message, reported=reported,
                            computed=computed)
                    for kind, found, message, reported, computed in source_checks(items))
    return findings


_T = TypeVar("_T")


def _check_options(decimals: object, hedge: object) -> None:
    if decimals is not None and (not isinstance(decimals, int) or isinstance(decimals, bool)
                                 or decimals < 0):
        raise v.fail("audit", "decimals", "must be None or an int >= 0", decimals)
    if isinstance(hedge, bool) or not isinstance(hedge, (int, float)) or not 0 <= hedge < 1:
        raise v.fail("audit", "hedge", "must be a number in [0, 1)", hedge)


def _checked(items: Iterable[_T], kind: type[_T], name: str) -> list[_T]:
    listed = list(v.iterable("audit", name, items))
    for index, item in enumerate(listed):
        if not isinstance(item, kind):
            raise v.fail("audit", f"{name}[{index}]",
                         f"must be a {kind.__name__}, not {type(item).__name__}", item)
    return listed


# --------------------------------------------------------------------------
# Percent against its counts
# --------------------------------------------------------------------------


def _check_percent(reading: Reading, decimals: int | None, hedge: float) -> Finding | None:
    if (not reading.indicator.is_percent or reading.numerator is None
            or reading.denominator is None):
        return None
    places = reading.printed_decimals if decimals is None else decimals
    step = Fraction(1, 10**places)
    exact = Fraction(reading.numerator) * 100 / Fraction(reading.denominator)
    reported = _exact(reading.value)
    counts = (f"{_show(reading.numerator)} / {_show(reading.denominator)} = "
              f"{_show(exact)} %")
    if reading.qualifier is Qualifier.EXACT:
        if abs(reported - exact) <= step / 2:
            return None
        low = math.floor(exact / step) * step
        high = math.ceil(exact / step) * step
        correct = low if exact - low <= high - exact else high
        if reported == low:
            kind, why = FindingKind.TRUNCATED, f"truncated to {places} decimals, not rounded"
        elif reported == high:
            kind, why = FindingKind.ROUNDED_UP, f"rounded up at {places} decimals"
        else:
            kind, why = FindingKind.MISMATCH, f"does not match at {places} decimals"
        return Finding(kind, (reading,),
                       f"{_where(reading)}: reported {number(reading.value, places, fixed=True)} "
                       f"%, but {counts}: {why} "
                       f"({_show(correct, places)})",
                       reported=reading.value, computed=float(exact))
    if exact not in qualifier_bounds(reported, reading.qualifier, hedge, step=step):
        return Finding(FindingKind.QUALIFIER, (reading,),
                       f"{_where(reading)}: reported '{reading.qualifier.name_vi} "
                       f"{_show(reported)} %', but {counts}",
                       reported=reading.value, computed=float(exact))
    return None


def _check_bounds(reading: Reading) -> Finding | None:
    """Hedges no value can satisfy: more than 100 % of a population, less than 0."""
    if reading.qualifier is Qualifier.LESS_THAN and reading.value == 0:
        return Finding(FindingKind.QUALIFIER, (reading,),
                       f"{_where(reading)}: 'less than 0' cannot hold for a count or share",
                       reported=reading.value)
    if (reading.indicator.is_percent and reading.qualifier is Qualifier.MORE_THAN
            and reading.value >= 100 and reading.basis is not Basis.TARGET):  # noqa: PLR2004
        return Finding(FindingKind.QUALIFIER, (reading,),
                       f"{_where(reading)}: 'more than 100 %' of {reading.basis.value} "
                       "cannot hold", reported=reading.value)
    return None


# --------------------------------------------------------------------------
# One count, two bases
# --------------------------------------------------------------------------


def _check_bases(readings: list[Reading], decimals: int | None) -> list[Finding]:
    groups: dict[tuple[object, ...], list[Reading]] = defaultdict(list)
    for reading in readings:
        if reading.indicator.is_percent and reading.basis is not Basis.UNSTATED:
            key = (reading.indicator.code, reading.jurisdiction.code, reading.as_of)
            groups[key].append(reading)
    findings = []
    for group in groups.values():
        for index, first in enumerate(group):
            for second in group[index + 1:]:
                finding = _basis_conflict(first, second, decimals)
                if finding is not None:
                    findings.append(finding)
    return findings


def _basis_conflict(first: Reading, second: Reading, decimals: int | None) -> Finding | None:
    if first.basis is second.basis:
        return None
    places = min(first.printed_decimals, second.printed_decimals)
    if decimals is not None:
        places = decimals
    if abs(_exact(first.value) - _exact(second.value)) <= Fraction(1, 2 * 10**places):
        return None
    shares = " and ".join(_share(r) for r in (first, second))
    unprinted = [r.basis.value for r in (first, second) if r.denominator is None]
    tail = f"; the {unprinted[0]} itself is not printed" if unprinted else ""
    other = second.computed_percent if second.computed_percent is not None else second.value
    return Finding(FindingKind.BASIS, (first, second),
                   f"{_where(first)}: the same count is reported as {shares}{tail}",
                   reported=first.value, computed=other)


def _share(reading: Reading) -> str:
    text = f"{_show(reading.value)} % of the {reading.basis.value}"
    if reading.numerator is not None and reading.denominator is not None:
        text += f" ({_show(reading.numerator)} / {_show(reading.denominator)})"
    elif reading.numerator is not None:
        text += f" ({_show(reading.numerator)})"
    return text


# --------------------------------------------------------------------------
# Claims
# --------------------------------------------------------------------------


def _matching(claim: Claim, readings: list[Reading], code: str) -> list[Reading]:
    return [r for r in readings
            if r.indicator.code == code and r.jurisdiction == claim.jurisdiction
            and r.as_of == claim.as_of
            and (claim.source is None or r.source is None or r.source == claim.source)]


def _interval(value: float, qualifier: Qualifier, hedge: float,
              places: int) -> tuple[float, float]:
    """The values a hedged figure allows, at its printed precision (`places` decimals)."""
    bounds = qualifier_bounds(value, qualifier, hedge, step=10.0 ** -places)
    return bounds.lo, bounds.hi


def _check_margin(claim: Claim, readings: list[Reading], targets: list[Target],
                  hedge: float) -> list[Finding]:
    assert claim.indicator is not None  # noqa: S101 - Claim validates this
    assert claim.margin is not None  # noqa: S101 - Claim validates this
    code = claim.indicator.code
    figures = _matching(claim, readings, code)
    goals = [t for t in targets
             if t.indicator.code == code and t.jurisdiction == claim.jurisdiction]
    margin_low, margin_high = _interval(claim.margin, claim.qualifier, hedge,
                                       printed_decimals(claim.margin))
    findings = []
    for reading in figures:
        low, high = _interval(reading.value, reading.qualifier, hedge, reading.printed_decimals)
        for target in goals:
            points = (low - target.value, high - target.value)
            fits = _overlap(points, (margin_low, margin_high))
            if target.value > 0:
                relative = (100 * (low / target.value - 1), 100 * (high / target.value - 1))
                fits = fits or _overlap(relative, (margin_low, margin_high))
                rel = f"{_show(100 * (reading.value / target.value - 1), 1)} % relative"
            else:
                rel = "no relative reading against a zero target"
            if fits:
                continue
            actual = reading.value - target.value
            findings.append(Finding(
                FindingKind.MARGIN, (reading,),
                f"{_where(reading)}: said to exceed the target by "
                f"{qualifier_symbol(claim.qualifier)}{_show(claim.margin)}, "
                f"but {_show(reading.value)} against the target {_show(target.value)} "
                f"is {_show(actual)} points ({rel})",
                reported=claim.margin, computed=actual, claim=claim, target=target))
    return findings


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _lower(reading: Reading, hedge: float) -> float:
    if reading.qualifier is Qualifier.LESS_THAN:
        return 0.0
    return max(0.0, _interval(reading.value, reading.qualifier, hedge, reading.printed_decimals)[0])


def _check_parts(claim: Claim, readings: list[Reading], hedge: float) -> list[Finding]:
    assert claim.indicator is not None  # noqa: S101 - Claim validates this
    wholes = _matching(claim, readings, claim.indicator.code)
    parts = [_matching(claim, readings, code) for code in claim.parts]
    if not wholes or not all(parts):
        return []
    chosen = [found[0] for found in parts]
    total = sum(_lower(r, hedge) for r in chosen)
    findings = []
    for whole in wholes:
        ceiling = _interval(whole.value, whole.qualifier, hedge, whole.printed_decimals)[1]
        if total > ceiling:
            listed = " + ".join(f"{_show(r.value)} ({r.indicator.code})" for r in chosen)
            findings.append(Finding(
                FindingKind.PART_EXCEEDS_WHOLE, (whole, *chosen),
                f"{_where(whole)}: the parts {listed} = {_show(sum(r.value for r in chosen))} "
                f"exceed the whole {_show(whole.value)}",
                reported=whole.value, computed=sum(r.value for r in chosen), claim=claim))
    return findings
