"""The rules a figure obeys, each stated once: value rules and qualifier intervals.

Value rules
    :data:`VALUE_RULES` lists, per :class:`~de_an06.Unit`, the checks a value
    in that unit must pass, in the order they are tried. Two views read that
    one table: :func:`value_rule` checks one value (what
    :class:`~de_an06.Reading` and :class:`~de_an06.Target` use) and
    :func:`first_bad_value` checks a whole NumPy array at once (what the fast
    readers use), naming the first element that breaks a rule with the same
    message.

Number types
    :func:`real_number` is the one rule for what a number is, for every
    value field of the model and every numeric argument of the analysis: any
    finite :class:`numbers.Real` (``int``, ``float``, NumPy scalars of every
    width, :class:`~fractions.Fraction`) or finite :class:`~decimal.Decimal`,
    stored as a plain ``int`` or ``float``; ``bool`` is refused.
    :func:`printed_decimals` says how many decimals a figure was printed with.

Qualifier intervals
    :func:`qualifier_bounds` is the range of true values a hedged figure
    ("gần 98 %", "hơn 83,8 %") stands for, with :data:`DEFAULT_HEDGE` as the
    width of "about" and "nearly". Attainment, gaps and the audit all read it.

Examples
--------
>>> import numpy as np
>>> value_rule(Unit.PEOPLE, 546.234)
"must be a whole number for unit 'people'"
>>> first_bad_value(Unit.PERCENT, np.array([72.2, 98.9, 112.5]))
(2, 'must be in [0, 100] for a percent indicator')
>>> qualifier_bounds(98.0, Qualifier.NEARLY)
Bounds(lo=93.1, hi=98.0, lo_open=False, hi_open=True)
"""

from __future__ import annotations

import math
import numbers
import sys
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Generic, Literal, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.model.enums import Qualifier, Unit

#: A figure: a float, or a Fraction for exact arithmetic (the qualifier intervals).
N = TypeVar("N", float, Fraction)

__all__ = [
    "DEFAULT_HEDGE",
    "MAX_DECIMALS",
    "OPTIONAL_REAL",
    "REAL",
    "VALUE_RULES",
    "WHOLE_UNITS",
    "Bounds",
    "Check",
    "first_bad_value",
    "printed_decimals",
    "qualifier_bounds",
    "real_number",
    "value_rule",
]


# --------------------------------------------------------------------------
# Number types
# --------------------------------------------------------------------------

#: The most decimals a figure may carry (the shortest form of the smallest
#: subnormal float, ``5e-324``, has 324).
MAX_DECIMALS: Final = 400


def real_number(owner: object, field: str, value: object) -> int | float:
    """`value` as the library stores a number: THE rule for number types.

    Any finite :class:`numbers.Real` is accepted (``int``, ``float``, NumPy
    integer and floating scalars of every width, :class:`~fractions.Fraction`),
    and so is a finite :class:`~decimal.Decimal` (what
    :func:`de_an06.parsing.parse_number` returns). Integers (and a ``Decimal``
    printed without decimals) become a plain ``int``, everything else a plain
    ``float``. ``bool`` (a number to Python, never to a report), text, complex
    numbers, NaN, the infinities and numbers beyond the range of a float are
    refused.

    Parameters
    ----------
    owner : object or str
        The class instance or function name the number belongs to, for the
        message.
    field : str
        The field or argument name, for the message.
    value : object
        The number as given.

    Returns
    -------
    int or float

    Raises
    ------
    ValidationError
        Naming `owner`, `field` and `value`.

    See Also
    --------
    printed_decimals : How many decimals a number was printed with.

    Examples
    --------
    >>> import numpy as np
    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> real_number("f", "x", np.int32(546234)), real_number("f", "x", Decimal("98.90"))
    (546234, 98.9)
    >>> real_number("f", "x", np.float32(0.5)), real_number("f", "x", Fraction(1, 4))
    (0.5, 0.25)
    >>> real_number("f", "x", True)
    Traceback (most recent call last):
    ...
    de_an06.errors.ValidationError: f.x must be a real number, not bool (got True)
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, Decimal)):
        raise v.fail(owner, field, f"must be a real number, not {type(value).__name__}", value)
    if isinstance(value, Decimal) and not value.is_finite():  # float() refuses a signalling NaN
        raise v.fail(owner, field, "must be finite", value)
    number: int | float
    if isinstance(value, numbers.Integral) or (
            isinstance(value, Decimal) and int(value.as_tuple().exponent) >= 0):
        number = int(value)
    else:
        try:
            with np.errstate(over="ignore"):
                number = float(value)
        except OverflowError:  # a Fraction beyond the float range
            number = math.inf
    # Compared with the float range rather than math.isfinite, which raises
    # OverflowError on an int too large for a float (10**400 read from a file).
    if not -sys.float_info.max <= number <= sys.float_info.max:
        raise v.fail(owner, field, "must be finite", value)
    return number


def _to_real(value: object, instance: object, field: attrs.Attribute[Any]) -> int | float:
    return real_number(instance, field.alias or field.name, value)


def _to_optional_real(value: object, instance: object,
                      field: attrs.Attribute[Any]) -> int | float | None:
    return None if value is None else _to_real(value, instance, field)


#: The attrs converter of a number field: :func:`real_number` naming class and field.
REAL: Final[Any] = attrs.Converter(_to_real, takes_self=True, takes_field=True)
#: Like :data:`REAL`, letting ``None`` through.
OPTIONAL_REAL: Final[Any] = attrs.Converter(_to_optional_real, takes_self=True,
                                            takes_field=True)


def printed_decimals(value: float | Decimal) -> int:
    """How many decimals `value` was printed with.

    A :class:`~decimal.Decimal` keeps what was printed (``Decimal("98.90")``
    has 2). An ``int`` or ``float`` has the decimals of its shortest form
    (``100.0`` has none): what a number means when nothing else is known
    about how it was printed.

    Examples
    --------
    >>> from decimal import Decimal
    >>> printed_decimals(98.94), printed_decimals(72.2), printed_decimals(100.0)
    (2, 1, 0)
    >>> printed_decimals(1e-05), printed_decimals(Decimal("98.90"))
    (5, 2)
    """
    number = value if isinstance(value, Decimal) else Decimal(repr(value)).normalize()
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - finite numbers only reach here
    return max(0, -exponent)


# --------------------------------------------------------------------------
# Value rules
# --------------------------------------------------------------------------


@attrs.frozen
class Check:
    """One rule on values: a lower bound, an upper bound, or whole numbers.

    Parameters
    ----------
    kind : {"min", "max", "whole"}
        ``"min"``: the value is at least `bound`; ``"max"``: at most `bound`;
        ``"whole"``: a whole number (`bound` unused).
    bound : float
        The bound of ``"min"`` and ``"max"``.
    message : str
        What a value breaking the rule "must" be; ``{unit}`` is replaced with
        the unit's value in quotes.
    """

    kind: Literal["min", "max", "whole"]
    bound: float
    message: str

    def breaks(self, value: float) -> bool:
        """Whether one value breaks the rule."""
        if self.kind == "min":
            return value < self.bound
        if self.kind == "max":
            return value > self.bound
        return not float(value).is_integer()

    def breaks_each(self, values: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """Which values of an array break the rule (:meth:`breaks` element-wise)."""
        if self.kind == "min":
            return values < self.bound
        if self.kind == "max":
            return values > self.bound
        # float.is_integer is False for NaN and the infinities; floor keeps those.
        fraction: npt.NDArray[np.bool_] = ~np.isfinite(values) | (values != np.floor(values))
        return fraction

    def says(self, unit: Unit) -> str:
        """The message for a value in `unit` that breaks the rule."""
        return self.message.format(unit=repr(unit.value))


_NOT_NEGATIVE: Final = Check("min", 0, "must be >= 0 for unit {unit}")
# People, dossiers, uses and rank positions are whole numbers, so a spreadsheet
# cell read in the wrong number format ("546,234" taken as 546.234 people)
# fails loudly instead of passing as a tiny count.
_WHOLE: Final = Check("whole", 0, "must be a whole number for unit {unit}")
_PERCENT_SCALE: Final = Check("max", 100, "must be in [0, 100] for a percent indicator")
_RANK_FROM_ONE: Final = Check("min", 1, "must be >= 1 for a rank position")

#: The checks a value in each unit must pass, in the order they are tried.
VALUE_RULES: Final[dict[Unit, tuple[Check, ...]]] = {
    Unit.COUNT: (_NOT_NEGATIVE,),
    Unit.PEOPLE: (_NOT_NEGATIVE, _WHOLE),
    Unit.DOSSIERS: (_NOT_NEGATIVE, _WHOLE),
    Unit.USES: (_NOT_NEGATIVE, _WHOLE),
    Unit.PERCENT: (_NOT_NEGATIVE, _PERCENT_SCALE),
    Unit.DAYS: (_NOT_NEGATIVE,),
    Unit.WORKING_DAYS: (_NOT_NEGATIVE,),
    Unit.MINUTES: (_NOT_NEGATIVE,),
    Unit.VND: (_NOT_NEGATIVE,),
    Unit.RANK: (_NOT_NEGATIVE, _WHOLE, _RANK_FROM_ONE),
}

#: Units whose values are whole numbers.
WHOLE_UNITS: Final = frozenset(unit for unit, checks in VALUE_RULES.items() if _WHOLE in checks)


def value_rule(unit: Unit, value: float) -> str | None:
    """The rule a value in `unit` breaks, or ``None``.

    The scalar view of :data:`VALUE_RULES`.

    Values are non-negative; percents lie in [0, 100]; ranks are >= 1;
    people, dossiers, uses and rank positions are whole numbers.

    Parameters
    ----------
    unit : Unit
        The indicator's unit.
    value : float
        A finite number.

    Returns
    -------
    str or None
        The first rule broken, worded to follow the field name
        (``Reading.value must be >= 0 ...``), or ``None``.

    See Also
    --------
    first_bad_value : The same rules over an array.

    Examples
    --------
    >>> value_rule(Unit.RANK, 0), value_rule(Unit.RANK, 3)
    ('must be >= 1 for a rank position', None)
    """
    for check in VALUE_RULES[unit]:
        if check.breaks(value):
            return check.says(unit)
    return None


def first_bad_value(unit: Unit, values: npt.ArrayLike) -> tuple[int, str] | None:
    """The first value breaking a rule of `unit`, vectorised.

    The array view of :data:`VALUE_RULES`.

    For every float64 array, this is the index of the first element that
    :func:`value_rule` refuses and the message it gives for that element.

    Parameters
    ----------
    unit : Unit
        The unit of every value.
    values : numpy.ndarray
        The values (converted to float64; flattened).

    Returns
    -------
    tuple or None
        ``(index, message)``, or ``None`` when every value passes.

    See Also
    --------
    value_rule : The same rules for one value.

    Examples
    --------
    >>> import numpy as np
    >>> first_bad_value(Unit.RANK, np.array([3.0, 0.5, 0.0]))
    (1, "must be a whole number for unit 'rank'")
    >>> first_bad_value(Unit.DAYS, np.array([1.5, 20.0])) is None
    True
    """
    array = np.asarray(values, dtype=np.float64).ravel()
    checks = VALUE_RULES[unit]
    broken = [check.breaks_each(array) for check in checks]
    bad = np.logical_or.reduce(broken)  # every unit has a check: values are >= 0
    if not bad.any():
        return None
    index = int(np.argmax(bad))
    check = next(c for c, mask in zip(checks, broken, strict=True) if mask[index])
    return index, check.says(unit)


# --------------------------------------------------------------------------
# Qualifier intervals
# --------------------------------------------------------------------------

#: Relative width assumed for "about" (khoảng) and "nearly" (gần) figures.
DEFAULT_HEDGE: Final = 0.05


@attrs.frozen
class Bounds(Generic[N]):
    """The range of true values a hedged figure stands for: `lo` .. `hi`.

    Parameters
    ----------
    lo, hi : float or fractions.Fraction
        The ends; ``-inf`` below "less than" and ``inf`` above "more than".
    lo_open, hi_open : bool
        Whether an end itself is excluded.
    """

    lo: N | float
    hi: N | float
    lo_open: bool
    hi_open: bool

    def __contains__(self, value: float | Fraction) -> bool:
        above = value > self.lo or (not self.lo_open and value == self.lo)
        below = value < self.hi or (not self.hi_open and value == self.hi)
        return above and below


def qualifier_bounds(value: N, qualifier: Qualifier, hedge: float = DEFAULT_HEDGE, *,
                     step: N | int = 0) -> Bounds[N]:
    """The range of true values "`qualifier` `value`" stands for.

    With ``w = hedge * |value|``:

    =============  ==================  ==========================================
    qualifier      range               reads
    =============  ==================  ==========================================
    ``EXACT``      ``[v, v]``          "đạt v": the figure itself
    ``ABOUT``      ``[v - w, v + w]``  "khoảng v": within the hedge either side
    ``NEARLY``     ``[v - w, v)``      "gần v": below v, by at most the hedge
    ``MORE_THAN``  ``(v, inf)``        "hơn v"
    ``LESS_THAN``  ``(-inf, v)``       "dưới v"
    =============  ==================  ==========================================

    A figure printed to a `step` (``0.1`` for one decimal) stands for any
    value within half a step of it, so each finite end moves out by
    ``step / 2``. The strict end of "more than" and "less than" stays open;
    every other end, the top of "nearly" included, is then closed: a figure
    rounded up to v may be said to be "nearly v".

    Parameters
    ----------
    value : float or fractions.Fraction
        The figure as printed. With a :class:`~fractions.Fraction` (and a
        Fraction `step`) the arithmetic is exact and the hedge is taken as
        ``Fraction(hedge)``.
    qualifier : Qualifier
        How it is hedged.
    hedge : float
        Relative width of "about" and "nearly", in [0, 1); not checked here
        (each caller checks its own argument).
    step : float or fractions.Fraction
        The printed step, or 0 (the default) for the figure's own value.

    Returns
    -------
    Bounds

    See Also
    --------
    de_an06.attainment : Whether a hedged figure meets its target.
    de_an06.gap : The difference of two hedged figures, as bounds.

    Examples
    --------
    "hơn 83,8 %" and "gần 78 %" as printed, to one decimal and to units:

    >>> qualifier_bounds(83.8, Qualifier.MORE_THAN)
    Bounds(lo=83.8, hi=inf, lo_open=True, hi_open=True)
    >>> b = qualifier_bounds(78.0, Qualifier.NEARLY, step=1)
    >>> b.lo, b.hi, b.hi_open, 78.5 in b, 78.6 in b
    (73.6, 78.5, False, True, False)
    """
    if isinstance(value, Fraction):
        width: N | float = Fraction(hedge) * abs(value)
    else:
        width = hedge * abs(value)
    lo: N | float
    hi: N | float
    if qualifier is Qualifier.MORE_THAN:
        lo, hi, lo_open, hi_open = value, math.inf, True, True
    elif qualifier is Qualifier.LESS_THAN:
        lo, hi, lo_open, hi_open = -math.inf, value, True, True
    elif qualifier is Qualifier.NEARLY:
        lo, hi, lo_open, hi_open = value - width, value, False, True
    elif qualifier is Qualifier.ABOUT:
        lo, hi, lo_open, hi_open = value - width, value + width, False, False
    else:
        lo, hi, lo_open, hi_open = value, value, False, False
    if step:
        half = step / 2
        if qualifier is not Qualifier.LESS_THAN:
            lo -= half
        if qualifier is not Qualifier.MORE_THAN:
            hi += half
        strict = qualifier in {Qualifier.MORE_THAN, Qualifier.LESS_THAN}
        lo_open = lo_open and strict
        hi_open = hi_open and strict
    return Bounds(lo, hi, lo_open, hi_open)
