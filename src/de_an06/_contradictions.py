"""Checks between sources: figures of one series that cannot all be right.

Used by :func:`de_an06.audit`; each check yields ``(kind, readings, message,
reported, computed)`` for the audit to turn into a
:class:`~de_an06.checks.Finding`. Every message cites both sources.

* ``conflict``: two different figures for one series, one basis and one
  date, whether two sources, one source or none give them (the report and the
  dashboard keep the last: this finding says so). Dates count as one only at
  the same :class:`~de_an06.Precision`: a figure for March 2022 and one for
  2022-03-31 are never compared as the same day.
* ``decrease``: a running total (a stock counted in people, dossiers, uses or
  items, higher being better) printed lower than an earlier figure. Figures
  whose periods overlap (a day inside a month figure's month) are not ordered.
* ``definition``: two indicators with one stem (``online-dossier-share-any``
  and ``...-full``) where the second starts after the first ends, lower: a
  change of definition, not a fall.
* ``corrected``: a figure whose value was reasoned, not printed (``value`` in
  ``Reading.inferred``), that another source gives for the same period (the
  unit slip of an English edition, kept corrected with its note).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from de_an06._present import number
from de_an06.model import Direction, Measure, Reading, Unit

__all__ = ["source_checks"]

Found = tuple[str, tuple[Reading, ...], str, float | None, float | None]

_COUNTS = frozenset({Unit.COUNT, Unit.PEOPLE, Unit.DOSSIERS, Unit.USES})


def _cite(reading: Reading) -> str:
    source = reading.source
    who = "no source" if source is None else f"{source.publisher} ({source.code})"
    figure = f"{reading.qualifier.symbol}{number(reading.value)}"
    return f"{figure} in {reading.precision.label(reading.as_of)} per {who}"


def _name(reading: Reading) -> str:
    return f"{reading.jurisdiction.name_vi} {reading.indicator.code}"


def _groups(readings: Sequence[Reading]) -> dict[tuple[str, str], list[Reading]]:
    groups: dict[tuple[str, str], list[Reading]] = {}
    for reading in readings:
        key = (reading.indicator.code, reading.jurisdiction.code)
        groups.setdefault(key, []).append(reading)
    return groups


def _overlap(a: Reading, b: Reading) -> bool:
    first, last = a.precision.period(a.as_of)
    start, end = b.precision.period(b.as_of)
    return first <= end and start <= last


def _conflicts(group: list[Reading]) -> Iterator[Found]:
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            # Another basis is another series (Series.split), not a second figure.
            if (a.as_of, a.precision, a.basis) != (b.as_of, b.precision, b.basis):
                continue
            if a.value != b.value:
                sources = "two sources" if a.source != b.source else (
                    "one source" if a.source is not None else "no source")
                message = (f"{_name(a)}: {sources}, two figures for one date: "
                           f"{_cite(a)}, {_cite(b)}")
                yield ("conflict", (a, b), message, a.value, b.value)


def _cumulative(reading: Reading) -> bool:
    ind = reading.indicator
    return (ind.measure is Measure.STOCK and ind.unit in _COUNTS
            and ind.direction is Direction.HIGHER_IS_BETTER)


def _decreases(group: list[Reading]) -> Iterator[Found]:
    if not _cumulative(group[0]):
        return
    ordered = sorted(group, key=lambda r: r.as_of)
    for a, b in pairwise(ordered):
        if not _overlap(a, b) and b.value < a.value:
            message = f"{_name(a)}: a running total goes down: {_cite(a)}, then {_cite(b)}"
            yield ("decrease", (a, b), message, b.value, a.value)


def _corrections(group: list[Reading]) -> Iterator[Found]:
    for reading in group:
        if "value" not in reading.inferred:
            continue
        others = tuple(r for r in group if r is not reading and _overlap(r, reading)
                       and r.source != reading.source)
        if not others:  # a value worked out from one report's own figures
            continue
        also = "".join(f"; compare {_cite(r)}" for r in others)
        message = (f"{_name(reading)}: the figure was corrected, not printed: "
                   f"{_cite(reading)} ({reading.note}){also}")
        yield ("corrected", (reading, *others), message, reading.value, None)


def _definitions(groups: dict[tuple[str, str], list[Reading]]) -> Iterator[Found]:
    firsts = {key: min(g, key=lambda r: r.as_of) for key, g in groups.items()}
    lasts = {key: max(g, key=lambda r: r.as_of) for key, g in groups.items()}
    for (code, place), old in lasts.items():
        stem = code.rsplit("-", 1)[0]
        if "-" not in stem:  # "eid-approved" and "eid-org" are not one measure redefined
            continue
        for (other, where), new in firsts.items():
            if (where != place or other == code or other.rsplit("-", 1)[0] != stem
                    or old.indicator.unit is not new.indicator.unit):
                continue
            if new.precision.period(new.as_of)[0] > old.as_of and new.value < old.value:
                message = (f"{_name(old)} then {new.indicator.code}: a change of "
                           f"definition, not a fall: {_cite(old)}, then {_cite(new)}")
                yield ("definition", (old, new), message, new.value, old.value)


def source_checks(readings: Sequence[Reading]) -> list[Found]:
    """Every finding between sources, series by series in first-seen order."""
    groups = _groups(readings)
    found: list[Found] = []
    for group in groups.values():
        found.extend(_conflicts(group))
        found.extend(_decreases(group))
        found.extend(_corrections(group))
    found.extend(_definitions(groups))
    return found
