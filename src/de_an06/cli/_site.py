"""What the dashboard of ``de-an06 report --html`` shows, as plain objects.

Private to the command line. :func:`build_site` takes readings, targets and
claims — of the bundled data or of a user's file, read by whatever reader the
command uses — and returns a :class:`Site`: one :class:`Entry` per series
(indicator x jurisdiction) with its target, forecast and *outlook*, the audit
findings and the sources. The HTML writer (``_html``, ``_html_pages``) only
lays this out.

The outlook groups a target's standing in five (words in
``de_an06._present.OUTLOOKS``):

``achieved``
    the latest reading meets the target (:func:`de_an06.attainment`), or the
    forecast says it is achieved;
``on_track``
    the forecast's status is ``substantial_progress``;
``at_risk``
    moderate or limited progress, moving away, or a deadline passed unmet;
``no_trend``
    not met, and no trend to judge by: one reading, or no deadline;
``no_figure``
    a target without any reading.

A series without a target has no outlook (``None``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from de_an06 import analysis, checks
from de_an06.errors import DeAn06Error
from de_an06.model import Claim, Jurisdiction, Reading, Series, Source, Target

#: Outlooks in the order the dashboard lists them.
OUTLOOK_ORDER = ("achieved", "on_track", "at_risk", "no_trend", "no_figure")

_AT_RISK = {analysis.ProgressStatus.MODERATE, analysis.ProgressStatus.LIMITED,
            analysis.ProgressStatus.DETERIORATING}


@dataclass(frozen=True)
class Entry:
    """One series of the dashboard, with its target and what is expected of it."""

    key: str
    series: Series
    target: Target | None = None
    forecast: analysis.Forecast | None = None
    outlook: str | None = None
    late: float = math.nan

    @property
    def reading(self) -> Reading:
        """The latest reading."""
        return self.series.latest


@dataclass(frozen=True)
class Site:
    """Everything the dashboard shows."""

    entries: tuple[Entry, ...]
    unread: tuple[Target, ...]
    findings: tuple[checks.Finding, ...]
    sources: tuple[Source, ...]
    as_of: dt.date | None
    title: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def at_risk(self) -> tuple[Entry, ...]:
        """Targets not met and not on track, the latest miss first, unknown last.

        Sorted by days late (``+inf`` first, NaN last), then by key; the
        seam for ``ForecastTable.at_risk``.
        """
        rows = [e for e in self.entries if e.outlook in {"at_risk", "no_trend"}]
        return tuple(sorted(rows, key=lambda e: (math.isnan(e.late),
                                                 0.0 if math.isnan(e.late) else -e.late, e.key)))

    def places(self) -> list[tuple[Jurisdiction, dict[str, int]]]:
        """Counts of outlooks per jurisdiction, in code order."""
        found: dict[str, tuple[Jurisdiction, dict[str, int]]] = {}
        pairs = [(e.series.jurisdiction, e.outlook) for e in self.entries]
        pairs += [(t.jurisdiction, "no_figure") for t in self.unread]
        for place, outlook in pairs:
            if outlook is None:
                continue
            counts = found.setdefault(place.code, (place, dict.fromkeys(OUTLOOK_ORDER, 0)))[1]
            counts[outlook] += 1
        return [found[code] for code in sorted(found)]


def file_key(jurisdiction: str, indicator: str) -> str:
    """A file-safe name for a series: ``56_eid-collected``.

    >>> file_key("56", "eid collected/2")
    '56_eid-collected-2'
    """
    return re.sub(r"[^A-Za-z0-9_.-]", "-", f"{jurisdiction}_{indicator}")


def _outlook(series: Series, target: Target, as_of: dt.date | None,
             ) -> tuple[analysis.Forecast | None, str, float]:
    latest = series.latest
    met = None if target.value == 0 else analysis.attainment(latest, target).met
    when = latest.as_of if as_of is None else max(as_of, latest.as_of)
    if target.deadline is None or when >= target.deadline:
        if met:
            return None, "achieved", math.nan
        return None, "no_trend" if target.deadline is None else "at_risk", math.nan
    try:
        outlook = analysis.forecast(series, target, as_of=when)
    except DeAn06Error:  # pragma: no cover - guarded above; kept for odd inputs
        return None, "no_trend", math.nan
    status = outlook.status
    if met or outlook.achieved:
        group = "achieved"
    elif status is analysis.ProgressStatus.ON_TRACK:
        group = "on_track"
    elif status in _AT_RISK:
        group = "at_risk"
    else:
        group = "no_trend"
    return outlook, group, outlook.days_late


def build_site(readings: Iterable[Reading], targets: Iterable[Target], *,
               claims: Iterable[Claim] = (), as_of: dt.date | None = None,
               title: str = "") -> Site:
    """The dashboard of `readings` against `targets`, using readings up to `as_of`."""
    kept = [r for r in readings if as_of is None or r.as_of <= as_of]
    goals = list(targets)
    groups: dict[tuple[str, str], list[Reading]] = {}
    for r in kept:
        groups.setdefault((r.jurisdiction.code, r.indicator.code), []).append(r)
    by_key = {(t.jurisdiction.code, t.indicator.code): t for t in goals}
    entries = []
    used: set[str] = set()
    for (place, code), rows in sorted(groups.items()):
        series = Series.from_readings(rows, duplicates="last")
        key = file_key(place, code)
        while key in used:
            key += "_"
        used.add(key)
        target = by_key.get((place, code))
        if target is None:
            entries.append(Entry(key, series))
            continue
        outlook, group, late = _outlook(series, target, as_of)
        entries.append(Entry(key, series, target, outlook, group, late))
    unread = tuple(t for t in goals if (t.jurisdiction.code, t.indicator.code) not in groups)
    counts = dict.fromkeys(OUTLOOK_ORDER, 0)
    for e in entries:
        if e.outlook is not None:
            counts[e.outlook] += 1
    counts["no_figure"] += len(unread)
    findings = tuple(checks.audit(kept, targets=goals, claims=claims))
    sources = {r.source.code: r.source for r in kept if r.source is not None}
    return Site(tuple(entries), unread, findings, tuple(sources[c] for c in sorted(sources)),
                as_of, title, counts)
