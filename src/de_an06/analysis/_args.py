"""Checks shared by the analysis modules, for function arguments and result fields alike.

Each check takes ``(owner, field, value)``, returns the value as the analysis
uses it and raises :class:`~de_an06.ValidationError` naming owner, field and
value (through :func:`de_an06._validators.fail`). A function passes its own
name as owner (``trend.confidence must be in (0, 1) (got 1.0)``); a result
class runs the same checks on its fields through :func:`field`, with the
class as owner (``Trend.confidence must be in (0, 1) (got 1.0)``), so an
argument and the field it becomes obey one rule.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np

from de_an06 import _validators as v
from de_an06.analysis import _group as g
from de_an06.analysis._fit import OneFit, out_of_range
from de_an06.model import Indicator, Jurisdiction, Reading, Series, Target, rules

#: A check: ``check(owner, field, value)`` raises or returns the value.
Check = Callable[[str, str, Any], object]


def real(owner: str, field: str, value: object) -> float:
    """A number by :func:`~de_an06.model.rules.real_number`, as float."""
    if type(value) is float and value - value == 0.0:  # the common case: a finite float
        return value
    return float(rules.real_number(owner, field, value))


def non_negative(owner: str, field: str, value: object) -> float:
    """A finite real number ``>= 0``."""
    number = real(owner, field, value)
    if number < 0:
        raise v.fail(owner, field, "must be >= 0", value)
    return number


def count(owner: str, field: str, value: object) -> int:
    """An ``int >= 0`` (``bool`` refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise v.fail(owner, field, f"must be an int, not {type(value).__name__}", value)
    if value < 0:
        raise v.fail(owner, field, "must be >= 0", value)
    return int(value)


def date(owner: str, field: str, value: object) -> dt.date:
    """A :class:`datetime.date` that is not a :class:`datetime.datetime`."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise v.fail(owner, field, f"must be a datetime.date, not {type(value).__name__}", value)
    return value


def flag(owner: str, field: str, value: object) -> bool:
    """A ``bool``."""
    if not isinstance(value, bool):
        raise v.fail(owner, field, f"must be a bool, not {type(value).__name__}", value)
    return value


def hedge(owner: str, field: str, value: object) -> float:
    """The relative width of "about" and "nearly" figures: in ``[0, 1)``."""
    width = real(owner, field, value)
    if not 0 <= width < 1:
        raise v.fail(owner, field, "must be in [0, 1)", value)
    return width


def confidence(owner: str, field: str, value: object) -> float:
    """A confidence level: in ``(0, 1)``."""
    level = real(owner, field, value)
    if not 0 < level < 1:
        raise v.fail(owner, field, "must be in (0, 1)", value)
    return level


def interval(owner: str, field: str, value: object) -> tuple[float, float]:
    """A ``(low, high)`` tuple of finite real numbers with ``low <= high``."""
    if not isinstance(value, tuple) or len(value) != 2:  # noqa: PLR2004 - a pair
        raise v.fail(owner, field, "must be a (low, high) tuple", value)
    low = real(owner, f"{field}[0]", value[0])
    high = real(owner, f"{field}[1]", value[1])
    if low > high:
        raise v.fail(owner, field, "must have low <= high", value)
    return low, high


def goal(owner: str, target: object, indicator: Indicator | None,
         jurisdiction: Jurisdiction | None) -> float:
    """The value of a target: a Target of `indicator` and `jurisdiction`, or a plain number.

    A plain number obeys the value rules of the indicator's unit (a percent
    target of -5 or 150 is refused), as a :class:`~de_an06.Target` does.
    """
    if isinstance(target, Target):
        if indicator is not None and target.indicator != indicator:
            raise v.fail(owner, "target", f"must be for indicator {indicator.code!r}"
                         f"{v.difference(indicator, target.indicator)}", target.indicator.code)
        if jurisdiction is not None and target.jurisdiction != jurisdiction:
            raise v.fail(owner, "target", f"must be for jurisdiction {jurisdiction.code!r}"
                         f"{v.difference(jurisdiction, target.jurisdiction)}",
                         target.jurisdiction.code)
        return float(target.value)
    number = real(owner, "target", target)
    if indicator is not None:
        rule = rules.value_rule(indicator.unit, number)
        if rule is not None:
            raise v.fail(owner, "target", rule, target)
    return number


def optional(check: Check) -> Check:
    """`check`, letting ``None`` through."""

    def run(owner: str, field: str, value: object) -> object:
        return None if value is None else check(owner, field, value)

    return run


def field(check: Check) -> v.Validator:
    """An attrs validator running `check` with the class as owner.

    The field is named as ``__init__`` takes it (``sxx``, not ``_sxx``).
    """

    def run(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check(type(instance).__name__, attribute.alias or attribute.name, value)

    return run


def as_series(owner: str, series: object) -> Series:
    """A Series, or a single Reading as a Series of one."""
    if isinstance(series, Reading):
        return Series([series])
    if not isinstance(series, Series):
        raise v.fail(owner, "series", f"must be a Series, not {type(series).__name__}", series)
    return series


def in_range(owner: str, f: OneFit, series: Series) -> OneFit:
    """`f`, the fit of `series`, if float64 could hold it (:func:`~._group.in_range`).

    Otherwise the error of :func:`~._fit.out_of_range`, naming `owner`, the
    field ``series`` and the value of largest magnitude. The batch applies
    the same rule to each series (``Fit.in_range``).
    """
    if g.in_range(g.SCALAR, f.syy):
        return f
    raise out_of_range(owner, "series", series.values)


def none_if_nan(value: float) -> float | None:
    """``None`` for NaN (a quantity the kernel does not give), else the value."""
    return None if math.isnan(value) else value
