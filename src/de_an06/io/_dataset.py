"""The :class:`Dataset`: what a JSON document holds and what the readers return.

Public through :mod:`de_an06.io`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from de_an06 import _validators as v
from de_an06.errors import ParseError
from de_an06.model import Claim, Indicator, Jurisdiction, Reading, Source, Target, Task

__all__ = ["Dataset", "known_by_code"]


@attrs.frozen
class Dataset:
    """A set of sources, jurisdictions, indicators, readings, targets and tasks.

    The unit a JSON document holds. Sources, jurisdictions and indicators that
    readings or targets use need not be listed: :func:`~de_an06.io.dumps` writes them.

    Parameters
    ----------
    sources, jurisdictions, indicators : iterable
        Reference objects, each code at most once.
    readings, targets, tasks : iterable
        The figures and tasks.
    claims : iterable of Claim
        Statements the reports make about their figures (see
        :class:`~de_an06.Claim`).
    errors : tuple of ParseError
        With ``collect_errors=True``, what could not be read (the elements are
        left out). Not part of equality.

    Examples
    --------
    >>> Dataset().readings
    ()
    """

    sources: tuple[Source, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, validator=v.is_tuple_of(Source))
    jurisdictions: tuple[Jurisdiction, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, validator=v.is_tuple_of(Jurisdiction))
    indicators: tuple[Indicator, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, validator=v.is_tuple_of(Indicator))
    readings: tuple[Reading, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, validator=v.is_tuple_of(Reading))
    targets: tuple[Target, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, validator=v.is_tuple_of(Target))
    tasks: tuple[Task, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, validator=v.is_tuple_of(Task))
    claims: tuple[Claim, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, validator=v.is_tuple_of(Claim))
    errors: tuple[ParseError, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, eq=False, repr=False,
        validator=v.is_tuple_of(ParseError))

    def all_sources(self) -> tuple[Source, ...]:
        """Listed sources plus those readings and targets cite, first seen first."""
        return _unique(self.sources, self._used("source"))

    def all_jurisdictions(self) -> tuple[Jurisdiction, ...]:
        """Listed jurisdictions plus those readings and targets use."""
        return _unique(self.jurisdictions, self._used("jurisdiction"))

    def all_indicators(self) -> tuple[Indicator, ...]:
        """Listed indicators plus those readings and targets use."""
        return _unique(self.indicators, self._used("indicator"))

    def _used(self, field: str) -> list[Any]:
        return [getattr(x, field) for x in self.readings] + [
            getattr(x, field) for x in self.targets] + [
            getattr(x, field) for x in self.claims]


def _unique(listed: Iterable[Any], used: Iterable[Any]) -> tuple[Any, ...]:
    by_code: dict[str, Any] = {}
    for item in (*listed, *used):
        if item is None:
            continue
        known = by_code.setdefault(item.code, item)
        if known != item:
            raise v.fail("Dataset", type(item).__name__.lower(),
                         "must not hold two different objects with one code", item.code)
    return tuple(by_code.values())


#: The section of a Dataset holding each kind of object a record refers to by code.
_SECTIONS_OF = {"indicator": "indicators", "jurisdiction": "jurisdictions", "source": "sources"}


def known_by_code(known: Iterable[object], owner: str) -> dict[str, dict[str, Any]]:
    """The `known` objects of a reader, by section and code, each checked.

    The one reading of the ``known=`` argument of :func:`loads`,
    :func:`read_json` and :func:`~de_an06.io.read_csv`.
    """
    if isinstance(known, (str, bytes)) or not isinstance(known, Iterable):
        raise v.fail(owner, "known", "must be an iterable of Indicator, Jurisdiction or "
                     "Source objects", known)
    sections: dict[str, dict[str, Any]] = {name: {} for name in _SECTIONS_OF.values()}
    for item in known:
        if not isinstance(item, (Indicator, Jurisdiction, Source)):
            raise v.fail(owner, "known", "must hold only Indicator, Jurisdiction or Source "
                         f"objects, not {type(item).__name__}", item)
        section = sections[_SECTIONS_OF[type(item).__name__.lower()]]
        if section.setdefault(item.code, item) != item:
            raise v.fail(owner, "known", "must not hold two different objects with one "
                         "code", item.code)
    return sections
