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

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from de_an06 import analysis, batch, checks
from de_an06.cli import _report
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
    #: The series' row in the site's forecast table (``None``: not in it).
    row: int | None = None

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
    #: The series with a forecast, as one batch: what the charts draw (``plot_forecast``).
    table: batch.ReadingTable | None = None
    forecasts: batch.ForecastTable | None = None
    #: Rank rows of the provinces whose data has ranks (``de-an06 report``'s JSON form).
    ranks: tuple[dict[str, Any], ...] = ()
    #: The national block: the report's rows (``_national.national_data``) and a site of
    #: the national series, one page each.
    national: dict[str, Any] | None = None
    national_site: Site | None = None

    def pages(self, limit: int | None = None) -> tuple[Entry, ...]:
        """The entries that get a page: all, or the `limit` most at risk.

        The targets at risk come first, in the order of :meth:`at_risk`, then
        the other series by key.
        """
        if limit is None:
            return self.entries
        first = self.at_risk()
        chosen = {e.key for e in first}
        rest = [e for e in self.entries if e.key not in chosen]
        return (*first, *rest)[:limit]

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


def _met(series: Series, target: Target) -> bool | None:
    return None if target.value == 0 else analysis.attainment(series.latest, target).met


def _ahead(series: Series, target: Target, as_of: dt.date | None) -> bool:
    """Whether the target's deadline is still ahead, so that there is a forecast."""
    when = series.latest.as_of if as_of is None else max(as_of, series.latest.as_of)
    return target.deadline is not None and when < target.deadline


def _outlook(series: Series, target: Target, outlook: analysis.Forecast | None,
             ) -> tuple[str, float]:
    met = _met(series, target)
    if outlook is None:
        if met:
            return "achieved", math.nan
        return "no_trend" if target.deadline is None else "at_risk", math.nan
    status = outlook.status
    if met or outlook.achieved:
        group = "achieved"
    elif status is analysis.ProgressStatus.ON_TRACK:
        group = "on_track"
    elif status in _AT_RISK:
        group = "at_risk"
    else:
        group = "no_trend"
    return group, outlook.days_late


def _forecasts(pairs: list[tuple[Series, Target]], as_of: dt.date | None, last: int | None,
               ) -> tuple[batch.ReadingTable | None, batch.ForecastTable | None]:
    """One batch forecast of every series whose target's deadline is ahead."""
    if not pairs:
        return None, None
    table = batch.ReadingTable.from_series(s for s, _ in pairs)
    keys = [f"{s.indicator.code}@{s.jurisdiction.code}" for s, _ in pairs]
    goals = {k: float(t.value) for k, (_, t) in zip(keys, pairs, strict=True)}
    due = {k: t.deadline for k, (_, t) in zip(keys, pairs, strict=True)}
    return table, batch.forecasts(table, goals, due, as_of=as_of, last=last)


def build_site(readings: Iterable[Reading], targets: Iterable[Target], *,
               claims: Iterable[Claim] = (), as_of: dt.date | None = None,
               title: str = "", last: int | None = None) -> Site:
    """The dashboard of `readings` against `targets`, using readings up to `as_of`.

    The forecasts are those of one :func:`de_an06.batch.forecasts` call over
    every series whose target's deadline is ahead (identical to
    :func:`de_an06.forecast` series by series), fitted to the `last`
    readings of each (default: all).
    """
    kept = [r for r in readings if as_of is None or r.as_of <= as_of]
    goals = list(targets)
    by_key = {(t.jurisdiction.code, t.indicator.code): t for t in goals}
    made: list[tuple[str, Series, Target | None]] = []
    used: set[str] = set()
    # One series per indicator, place and basis (Series.split): a share of the
    # target and a share of those eligible on one date are two series.
    every = Series.split(kept, duplicates="last") if kept else ()
    for series in sorted(every, key=lambda s: (s.jurisdiction.code, s.indicator.code)):
        place, code = series.jurisdiction.code, series.indicator.code
        key = file_key(place, code)
        while key in used:
            key += "_"
        used.add(key)
        made.append((key, series, by_key.get((place, code))))
    pending = [(s, t) for _, s, t in made if t is not None and _ahead(s, t, as_of)]
    table, forecast_table = _forecasts(pending, as_of, last)
    entries = []
    for key, series, target in made:
        if target is None:
            entries.append(Entry(key, series))
            continue
        row = None
        outlook = None
        if table is not None and forecast_table is not None and _ahead(series, target, as_of):
            row = table.index(f"{series.indicator.code}@{series.jurisdiction.code}")
            outlook = forecast_table.forecast(row)
        group, late = _outlook(series, target, outlook)
        entries.append(Entry(key, series, target, outlook, group, late, row))
    read = {(s.jurisdiction.code, s.indicator.code) for _, s, _ in made}
    unread = tuple(t for t in goals if (t.jurisdiction.code, t.indicator.code) not in read)
    counts = dict.fromkeys(OUTLOOK_ORDER, 0)
    for e in entries:
        if e.outlook is not None:
            counts[e.outlook] += 1
    counts["no_figure"] += len(unread)
    findings = tuple(checks.audit(kept, targets=goals, claims=claims))
    sources = {r.source.code: r.source for r in kept if r.source is not None}
    return Site(tuple(entries), unread, findings, tuple(sources[c] for c in sorted(sources)),
                as_of, title, counts, table, forecast_table,
                tuple(_report.rank_rows(kept)))


def with_national(site: Site, data: dict[str, Any], national: Site) -> Site:
    """`site` with the national block: the report's rows and a site of the national series."""
    return dataclasses.replace(site, national=data, national_site=national)
