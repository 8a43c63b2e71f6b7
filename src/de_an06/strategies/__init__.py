"""Hypothesis strategies for every de_an06 domain type.

Use them to property-test code that consumes de_an06 objects. Every strategy
produces valid objects only; arguments that shape the output are keyword-only,
and arguments that supply parts take *strategies* (wrap a fixed value in
:func:`hypothesis.strategies.just`). Bad arguments raise
:class:`hypothesis.errors.InvalidArgument`.

This module imports Hypothesis, so ``import de_an06`` does not import it.
Once de_an06 is installed, :func:`hypothesis.strategies.from_type` knows every
public type through Hypothesis' entry-point plugin mechanism.

Examples
--------
>>> from hypothesis import given
>>> from de_an06 import strategies as das
>>> @given(das.series(min_size=2))
... def test_series_is_sorted(s):
...     assert list(s.dates) == sorted(s.dates)
>>> test_series_is_sorted()
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from de_an06 import _extras

_extras.require("hypothesis", "de_an06.strategies")  # the extra's name, not a bare import error

from hypothesis import strategies as st  # noqa: E402 - after the check of the extra
from hypothesis.errors import InvalidArgument  # noqa: E402

from de_an06.model import (  # noqa: E402
    PROGRAMME_START,
    Basis,
    Direction,
    Indicator,
    Jurisdiction,
    Level,
    Measure,
    Qualifier,
    Reading,
    Series,
    Source,
    Target,
    Unit,
)

__all__ = [
    "claims",
    "codes",
    "datasets",
    "essential_services",
    "indicators",
    "jurisdictions",
    "linked_services",
    "programmes",
    "ranks",
    "reading_tables",
    "readings",
    "series",
    "sources",
    "targets",
    "tasks",
    "utility_groups",
    "values_for",
]




def __dir__() -> list[str]:
    return __all__


T = TypeVar("T")

_MIN_DATE = dt.date(2020, 1, 1)
_MAX_DATE = dt.date(2035, 12, 31)

_VI_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
_EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CODE_ENDS = _EN_LETTERS + "0123456789"


@functools.cache
def _words(alphabet: str) -> st.SearchStrategy[str]:
    word = st.text(alphabet=alphabet, min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


def _check_strategy(name: str, value: object) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        msg = (f"{name} must be a SearchStrategy or None, but got {value!r} of type "
               f"{type(value).__name__}; wrap a fixed value with hypothesis.strategies.just()")
        raise InvalidArgument(msg)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_size(min_size: object, max_size: object) -> None:
    if not _is_int(min_size) or min_size < 1:  # type: ignore[operator]
        raise InvalidArgument(f"min_size={min_size!r} must be an int >= 1")
    if max_size is not None:
        if not _is_int(max_size):
            raise InvalidArgument(f"max_size={max_size!r} must be an int or None")
        if min_size > max_size:  # type: ignore[operator]
            raise InvalidArgument(f"min_size={min_size} is larger than max_size={max_size}")


def _check_dates(min_date: object, max_date: object) -> None:
    for name, value in (("min_date", min_date), ("max_date", max_date)):
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    if min_date > max_date:  # type: ignore[operator]
        raise InvalidArgument(f"min_date={min_date} is later than max_date={max_date}")


@functools.cache
def codes() -> st.SearchStrategy[str]:
    """ASCII codes as the model accepts them (``"eid-collected"``, ``"56"``).

    Examples
    --------
    >>> from hypothesis import find
    >>> from de_an06 import strategies as das
    >>> find(das.codes(), lambda code: len(code) > 3)
    'a00a'
    """
    ends = st.sampled_from(_CODE_ENDS)
    middle = st.text(alphabet=_CODE_ENDS + ".-", max_size=14)
    return ends | st.builds(lambda a, m, b: a + m + b, ends, middle, ends)


def sources() -> st.SearchStrategy[Source]:
    """:class:`~de_an06.Source` objects with and without publication dates."""
    return st.builds(
        Source,
        code=codes(),
        title=_words(_EN_LETTERS),
        publisher=_words(_VI_LETTERS),
        published=st.none() | st.dates(_MIN_DATE, _MAX_DATE),
        url=st.none() | codes().map(lambda c: f"https://example.org/{c}"),
    )


def jurisdictions(*, levels: st.SearchStrategy[Level] | None = None,
                  ) -> st.SearchStrategy[Jurisdiction]:
    """:class:`~de_an06.Jurisdiction` objects at any level.

    Parameters
    ----------
    levels : SearchStrategy of Level, optional
        Levels to draw from (default: all).
    """
    _check_strategy("levels", levels)

    @st.composite
    def build(draw: st.DrawFn) -> Jurisdiction:
        level = draw(levels if levels is not None else st.sampled_from(Level))
        code = draw(codes())
        parent = None if level is Level.NATION else draw(codes().filter(lambda c: c != code))
        return Jurisdiction(code, draw(_words(_EN_LETTERS)), draw(_words(_VI_LETTERS)),
                            level=level, parent=parent)

    return build()


def indicators(
    *,
    units: st.SearchStrategy[Unit] | None = None,
    directions: st.SearchStrategy[Direction] | None = None,
    measures: st.SearchStrategy[Measure] | None = None,
) -> st.SearchStrategy[Indicator]:
    """:class:`~de_an06.Indicator` objects.

    Parameters
    ----------
    units, directions, measures : SearchStrategy, optional
        Restrict the unit, direction or measure. By default the direction is
        the unit's default and the measure is drawn from both.

    Examples
    --------
    >>> from hypothesis import find, strategies as st
    >>> from de_an06 import Unit, strategies as das
    >>> find(das.indicators(units=st.just(Unit.PERCENT)), lambda i: True).unit
    <Unit.PERCENT: 'percent'>
    """
    for name, value in (("units", units), ("directions", directions), ("measures", measures)):
        _check_strategy(name, value)

    @st.composite
    def build(draw: st.DrawFn) -> Indicator:
        unit = draw(units if units is not None else st.sampled_from(Unit))
        direction = draw(directions) if directions is not None else unit.default_direction
        measure = draw(measures if measures is not None else st.sampled_from(Measure))
        return Indicator(draw(codes()), draw(_words(_EN_LETTERS)), draw(_words(_VI_LETTERS)),
                         unit=unit, direction=direction, measure=measure)

    return build()


def values_for(indicator: Indicator) -> st.SearchStrategy[float]:
    """Values valid for `indicator`, at the precision reports print.

    Percents are on 0-100 with two decimals, counts and money are integers,
    durations have one decimal, rank positions are integers from 1.

    Examples
    --------
    >>> from hypothesis import find
    >>> from de_an06 import Indicator, strategies as das
    >>> share = Indicator("x", "x", "x", unit="percent")
    >>> find(das.values_for(share), lambda value: value > 99.5)
    99.51
    """
    if not isinstance(indicator, Indicator):
        raise InvalidArgument(f"indicator={indicator!r} must be an Indicator")
    return _values_for_unit(indicator.unit)


@functools.cache
def _values_for_unit(unit: Unit) -> st.SearchStrategy[float]:
    # Strategies are built once per unit: building one per draw costs more
    # than drawing from it.
    if unit is Unit.PERCENT:
        return st.integers(0, 10_000).map(lambda n: n / 100)
    if unit.is_duration:
        return st.integers(0, 100_000).map(lambda n: n / 10)
    if unit is Unit.RANK:
        return st.integers(1, 63)
    return st.integers(0, 10**11)


_BASES = st.sampled_from(Basis)
_NO_SOURCE: st.SearchStrategy[Source | None] = st.none()
_QUALIFIERS = st.sampled_from(Qualifier)
_DENOMINATORS = st.integers(1, 10**8)
_PERIOD_DAYS = st.integers(0, 366)
_INFERRED = {
    False: st.sets(st.sampled_from(["as_of", "value"]), max_size=2),
    True: st.sets(st.sampled_from(["as_of", "value", "numerator", "denominator"]),
                  max_size=2),
}


def _percent_parts(draw: st.DrawFn) -> dict[str, Any]:
    if not draw(st.booleans()):
        return {"basis": draw(_BASES)}
    denominator = draw(_DENOMINATORS)
    numerator = draw(st.integers(0, denominator))
    value = round(100 * numerator / denominator, 2)
    return {"value": value, "numerator": numerator, "denominator": denominator,
            "basis": draw(_BASES)}


def readings(
    *,
    indicators: st.SearchStrategy[Indicator] | None = None,
    jurisdictions: st.SearchStrategy[Jurisdiction] | None = None,
    dates: st.SearchStrategy[dt.date] | None = None,
    qualifiers: st.SearchStrategy[Qualifier] | None = None,
    sources: st.SearchStrategy[Source | None] | None = None,
) -> st.SearchStrategy[Reading]:
    """:class:`~de_an06.Reading` objects valid for their indicator.

    Parameters
    ----------
    indicators, jurisdictions, dates, qualifiers, sources : SearchStrategy, optional
        Where each part comes from; by default any valid value (dates between
        2020 and 2035, an optional source).

    Examples
    --------
    >>> from hypothesis import find, strategies as st
    >>> from de_an06 import Qualifier, strategies as das
    >>> find(das.readings(qualifiers=st.just(Qualifier.NEARLY)), lambda r: True).qualifier
    <Qualifier.NEARLY: 'nearly'>
    """
    parts = {"indicators": indicators, "jurisdictions": jurisdictions, "dates": dates,
             "qualifiers": qualifiers, "sources": sources}
    for name, value in parts.items():
        _check_strategy(name, value)
    return _readings(
        indicators if indicators is not None else _any_indicator(),
        jurisdictions if jurisdictions is not None else _any_jurisdiction(),
        dates if dates is not None else st.dates(_MIN_DATE, _MAX_DATE),
        qualifiers if qualifiers is not None else st.sampled_from(Qualifier),
        sources if sources is not None else st.none() | _any_source(),
    )


def _readings(
    indicator_st: st.SearchStrategy[Indicator],
    jurisdiction_st: st.SearchStrategy[Jurisdiction],
    date_st: st.SearchStrategy[dt.date],
    qualifier_st: st.SearchStrategy[Qualifier],
    source_st: st.SearchStrategy[Source | None],
) -> st.SearchStrategy[Reading]:
    @st.composite
    def build(draw: st.DrawFn) -> Reading:
        return _draw_reading(draw, draw(indicator_st), draw(date_st), draw(jurisdiction_st),
                             qualifier_st=qualifier_st, source_st=source_st)

    return build()


def _draw_reading(draw: st.DrawFn, indicator: Indicator, as_of: dt.date,
                  jurisdiction: Jurisdiction, *, qualifier_st: st.SearchStrategy[Qualifier],
                  source_st: st.SearchStrategy[Source | None]) -> Reading:
    """One reading of `indicator` on `as_of`, its other parts drawn."""
    extra: dict[str, Any] = {"value": draw(values_for(indicator))}
    if indicator.is_percent:
        extra.update(_percent_parts(draw))
    if indicator.measure is Measure.FLOW:
        back = min(draw(_PERIOD_DAYS), (as_of - dt.date.min).days)
        extra["period_start"] = as_of - dt.timedelta(days=back)
    return Reading(
        indicator, extra.pop("value"), as_of=as_of, jurisdiction=jurisdiction,
        qualifier=draw(qualifier_st),
        source=draw(source_st), inferred=draw(_INFERRED["numerator" in extra]), **extra,
    )


def series(
    *,
    indicators: st.SearchStrategy[Indicator] | None = None,
    jurisdictions: st.SearchStrategy[Jurisdiction] | None = None,
    min_size: int = 1,
    max_size: int | None = 20,
    min_date: dt.date = _MIN_DATE,
    max_date: dt.date = _MAX_DATE,
) -> st.SearchStrategy[Series]:
    """:class:`~de_an06.Series` of one indicator in one jurisdiction.

    Parameters
    ----------
    indicators, jurisdictions : SearchStrategy, optional
        Where the series' single indicator and jurisdiction are drawn from.
    min_size, max_size : int
        Bounds on the number of readings (distinct dates).
    min_date, max_date : datetime.date
        Range of the reading dates.

    Examples
    --------
    >>> from hypothesis import find
    >>> from de_an06 import strategies as das
    >>> len(find(das.series(min_size=3, max_size=3), lambda s: True))
    3
    """
    _check_strategy("indicators", indicators)
    _check_strategy("jurisdictions", jurisdictions)
    _check_size(min_size, max_size)
    _check_dates(min_date, max_date)
    span = (max_date - min_date).days + 1
    if min_size > span:
        raise InvalidArgument(f"min_size={min_size} is larger than the {span} days between "
                              f"min_date={min_date} and max_date={max_date}")

    date_lists = st.lists(st.dates(min_date, max_date), min_size=min_size, max_size=max_size,
                          unique=True)

    @st.composite
    def build(draw: st.DrawFn) -> Series:
        indicator = draw(indicators if indicators is not None else _any_indicator())
        jurisdiction = draw(jurisdictions if jurisdictions is not None
                            else _any_jurisdiction())
        dates = draw(date_lists)
        items = [_draw_reading(draw, indicator, day, jurisdiction, qualifier_st=_QUALIFIERS,
                               source_st=_NO_SOURCE)
                 for day in dates]
        return Series(items)

    return build()


def targets(
    *,
    indicators: st.SearchStrategy[Indicator] | None = None,
    jurisdictions: st.SearchStrategy[Jurisdiction] | None = None,
    deadlines: st.SearchStrategy[dt.date | None] | None = None,
) -> st.SearchStrategy[Target]:
    """:class:`~de_an06.Target` objects with deadlines on or after the programme start.

    Examples
    --------
    >>> from hypothesis import find
    >>> from de_an06 import PROGRAMME_START, strategies as das
    >>> find(das.targets(), lambda t: t.deadline is not None).deadline == PROGRAMME_START
    True
    """
    for name, value in (("indicators", indicators), ("jurisdictions", jurisdictions),
                        ("deadlines", deadlines)):
        _check_strategy(name, value)

    @st.composite
    def build(draw: st.DrawFn) -> Target:
        indicator = draw(indicators if indicators is not None else _any_indicator())
        deadline = draw(deadlines if deadlines is not None
                        else st.none() | st.dates(PROGRAMME_START, _MAX_DATE))
        return Target(indicator, draw(values_for(indicator)),
                      jurisdiction=draw(jurisdictions if jurisdictions is not None
                           else _any_jurisdiction()),
                      deadline=deadline, inferred=draw(st.booleans()))

    return build()


def _any_indicator() -> st.SearchStrategy[Indicator]:
    return indicators()


def _any_jurisdiction() -> st.SearchStrategy[Jurisdiction]:
    return jurisdictions()


def _any_source() -> st.SearchStrategy[Source]:
    return sources()


def _unique(strategy: st.SearchStrategy[T], key: Callable[[T], object],
            max_size: int) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size, unique_by=key).map(tuple)


# The catalogue's strategies use the helpers above, so they load last.
from de_an06.strategies._catalogue import (  # noqa: E402
    claims,
    datasets,
    essential_services,
    linked_services,
    programmes,
    ranks,
    tasks,
    utility_groups,
)
from de_an06.strategies._tables import reading_tables  # noqa: E402
