"""Build the province dashboard of ``de-an06 report`` as plain, JSON-ready data.

Private to the command line, which renders what :func:`build` returns as
text, Markdown or JSON; the layout of the JSON is documented on the
command-line page and pinned by tests.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from typing import Any

from de_an06 import analysis, checks, datasets
from de_an06.errors import DeAn06Error
from de_an06.model import (
    Jurisdiction,
    Level,
    Reading,
    Series,
    Target,
    Task,
    TaskStatus,
    Unit,
    rules,
)

#: Version of the JSON layout of ``de-an06 report --format json``.
REPORT_VERSION = 1

_LAST_DAY_OF_63 = datasets.REORGANISED - dt.timedelta(days=1)


def resolve(key: str) -> tuple[Jurisdiction, ...]:
    """Provinces of the bundled data (the 63) matching `key`.

    A province of the 34 that is not also one of the 63 by that name or code
    resolves to the provinces it was made of.
    """
    try:
        return (datasets.province(key, as_of=_LAST_DAY_OF_63),)
    except KeyError:
        merged = datasets.province(key, as_of=datasets.REORGANISED)
        return datasets.predecessors(merged.code)


def reported_provinces() -> tuple[Jurisdiction, ...]:
    """Provinces the bundled figures are reported for, in code order."""
    found = {r.jurisdiction.code for r in datasets.readings()}
    found |= {j.parent for j in datasets.jurisdictions() if j.code in found and j.parent}
    return tuple(j for j in datasets.provinces(as_of=_LAST_DAY_OF_63) if j.code in found)


def build(provinces: Sequence[Jurisdiction], *, as_of: dt.date | None) -> dict[str, Any]:
    """The whole report: one entry per province."""
    return {
        "format": "de_an06-report",
        "version": REPORT_VERSION,
        "as_of": None if as_of is None else as_of.isoformat(),
        "provinces": [_province(p, as_of) for p in provinces],
    }


def _known(code: str) -> bool:
    return any(j.code == code for j in datasets.jurisdictions())


def _province(place: Jurisdiction, as_of: dt.date | None) -> dict[str, Any]:
    successor = datasets.successor(place.code)
    entry: dict[str, Any] = {
        "code": place.code,
        "name": place.name,
        "name_vi": place.name_vi,
        "successor": {"code": successor.code, "name": successor.name,
                      "name_vi": successor.name_vi, "from": datasets.REORGANISED.isoformat()},
    }
    if not _known(place.code):
        readings: tuple[Reading, ...] = ()
        targets: tuple[Target, ...] = ()
        claims: tuple[Any, ...] = ()
        tasks: tuple[Task, ...] = ()
    else:
        readings = _until(datasets.readings(jurisdiction=place.code, subunits=True), as_of)
        targets = datasets.targets(jurisdiction=place.code, subunits=True)
        claims = tuple(c for c in datasets.claims(jurisdiction=place.code, subunits=True)
                       if as_of is None or c.as_of <= as_of)
        tasks = tuple(t for t in datasets.tasks()
                      if t.jurisdiction is not None and _inside(t.jurisdiction, place.code))
    sources = {r.source.code: r.source for r in readings if r.source is not None}
    entry["sources"] = [{"code": s.code, "title": s.title, "publisher": s.publisher,
                         "published": None if s.published is None else s.published.isoformat(),
                         "date_inferred": s.date_inferred} for s in sources.values()]
    entry["figures"] = [_figure_row(r) for r in readings]
    entry["targets"] = [_target_row(t, readings) for t in targets]
    entry["forecasts"] = [row for t in targets
                          if (row := _forecast_row(t, readings, as_of)) is not None]
    entry["tasks"] = _task_rows(readings)
    entry["task_list"] = [_task_item(t, as_of) for t in tasks]
    entry["linked_services"] = _linked_rows(readings)
    entry["ranks"] = rank_rows(readings)
    findings = checks.audit(readings, targets=targets, claims=claims)
    entry["findings"] = [finding_row(f) for f in findings]
    return entry


def _inside(code: str, province: str) -> bool:
    if code == province:
        return True
    try:
        return datasets.jurisdiction(code).parent == province
    except KeyError:
        return False


def _until(readings: Iterable[Reading], as_of: dt.date | None) -> tuple[Reading, ...]:
    return tuple(r for r in readings if as_of is None or r.as_of <= as_of)


def _latest(readings: Iterable[Reading], target: Target) -> Reading | None:
    matching = [r for r in readings if r.indicator == target.indicator
                and r.jurisdiction == target.jurisdiction]
    return max(matching, key=lambda r: r.as_of, default=None)


def _place(j: Jurisdiction) -> dict[str, str]:
    return {"code": j.code, "name_vi": j.name_vi}


def _figure_row(reading: Reading) -> dict[str, Any]:
    return {
        "place": _place(reading.jurisdiction),
        "indicator": reading.indicator.code,
        "name": reading.indicator.name,
        "unit": reading.unit.value,
        "value": reading.value,
        "qualifier": reading.qualifier.value,
        "as_of": reading.as_of.isoformat(),
        "basis": reading.basis.value,
        "numerator": reading.numerator,
        "denominator": reading.denominator,
        "inferred": sorted(reading.inferred),
        "source": None if reading.source is None else reading.source.code,
    }


def _target_row(target: Target, readings: Sequence[Reading]) -> dict[str, Any]:
    reading = _latest(readings, target)
    row: dict[str, Any] = {
        "place": _place(target.jurisdiction),
        "indicator": target.indicator.code,
        "name": target.indicator.name,
        "unit": target.indicator.unit.value,
        "target": target.value,
        "deadline": None if target.deadline is None else target.deadline.isoformat(),
        "target_inferred": target.inferred,
        "value": None, "qualifier": None, "as_of": None,
        "attainment_percent": None, "margin": None, "relative_margin": None, "met": None,
    }
    if reading is None:
        return row
    row.update({"value": reading.value, "qualifier": reading.qualifier.value,
                "as_of": reading.as_of.isoformat()})
    if target.value == 0:
        return row
    standing = analysis.attainment(reading, target)
    row.update({
        "attainment_percent": _round(standing.percent),
        "margin": amount(_round(standing.margin), target.indicator.unit),
        "relative_margin": _round(standing.relative_margin),
        "met": standing.met,
    })
    return row


def _round(value: float, places: int = 2) -> float:
    return round(value, places)


def amount(value: float, unit: Unit) -> int | float:
    """A figure in `unit` as JSON holds it: an ``int`` when whole in a unit of whole numbers.

    People, dossiers, uses and rank positions (:data:`~de_an06.model.rules.WHOLE_UNITS`)
    are counted, so a margin or gap of ``-210571.0`` people is ``-210571``, as
    the readings beside it are; other figures are left as they are.
    """
    if unit in rules.WHOLE_UNITS and float(value).is_integer():
        return int(value)
    return value


@functools.cache
def working_calendar() -> analysis.WorkingDayCounter | None:
    """Vietnam's working-day calendar, or ``None`` without the ``calendar`` extra."""
    try:
        from de_an06.calendar import WorkingCalendar

        return WorkingCalendar()
    except ImportError:
        return None


def _series(readings: Sequence[Reading], target: Target) -> Series | None:
    matching = [r for r in readings
                if r.indicator == target.indicator and r.jurisdiction == target.jurisdiction]
    return Series.from_readings(matching, duplicates="last") if matching else None


def _forecast_row(target: Target, readings: Sequence[Reading],
                  as_of: dt.date | None) -> dict[str, Any] | None:
    series = _series(readings, target)
    if target.deadline is None or series is None:
        return None
    latest = series.latest
    when = latest.as_of if as_of is None else max(as_of, latest.as_of)
    if latest.as_of >= target.deadline or when > target.deadline:
        return None
    plain = analysis.forecast(series, target, as_of=when)
    if plain.achieved:
        return None
    calendar = working_calendar()
    working: analysis.Forecast | None = None
    if calendar is not None:
        try:
            working = analysis.forecast(series, target, as_of=when, calendar=calendar)
        except DeAn06Error:  # no working day left before the deadline
            working = None
    return {
        "place": _place(target.jurisdiction),
        "indicator": target.indicator.code,
        "name": target.indicator.name,
        "from": latest.value,
        "from_date": latest.as_of.isoformat(),
        "target": target.value,
        "deadline": target.deadline.isoformat(),
        "gap": amount(target.value - latest.value, target.indicator.unit),
        "days_left": plain.days_left,
        "required_per_day": _maybe(plain.required_pace),
        "working_days_left": None if working is None else working.working_days_left,
        "required_per_working_day": None if working is None else _maybe(working.required_pace),
        "readings": len(series),
        "current_per_day": _maybe(plain.current_pace),
        "reach_date": None if plain.reach_date is None else plain.reach_date.isoformat(),
        "status": plain.status.value,
    }


def _maybe(value: float | None) -> float | None:
    return None if value is None else _round(value)


def _one(readings: Sequence[Reading], code: str, place: str) -> Reading | None:
    found = [r for r in readings if r.indicator.code == code and r.jurisdiction.code == place]
    return max(found, key=lambda r: r.as_of, default=None)


def _task_rows(readings: Sequence[Reading]) -> list[dict[str, Any]]:
    rows = []
    for share in (r for r in readings if r.indicator.code == "tasks-done-share"):
        if share.numerator is None or share.denominator is None:
            continue
        progress = _one(readings, "tasks-in-progress", share.jurisdiction.code)
        counts = analysis.Completion.from_counts(
            done=int(share.numerator), total=int(share.denominator),
            in_progress=None if progress is None else int(progress.value), as_of=share.as_of)
        rows.append({
            "place": _place(share.jurisdiction),
            "as_of": share.as_of.isoformat(),
            "done": counts.done,
            "total": counts.total,
            "in_progress": counts.in_progress,
            "percent": _round(counts.percent),
        })
    return rows


def _task_item(task: Task, as_of: dt.date | None) -> dict[str, Any]:
    return {
        "code": task.code,
        "name": task.name,
        "owner": task.owner,
        "deadline": None if task.deadline is None else task.deadline.isoformat(),
        "status": task.status.value,
        "overdue": None if as_of is None else task.is_overdue(as_of),
        "done": task.status is TaskStatus.DONE,
    }


def _linked_rows(readings: Sequence[Reading]) -> list[dict[str, Any]]:
    rows = []
    for before in (r for r in readings if r.indicator.code == "linked-days-before"):
        after = _one(readings, "linked-days-after", before.jurisdiction.code)
        if after is None:
            continue
        declarations = _one(readings, "linked-declarations", before.jurisdiction.code)
        saved = before.value - after.value
        rows.append({
            "place": _place(before.jurisdiction),
            "days_before": before.value,
            "days_after": after.value,
            "after_unit": after.unit.value,
            "days_saved": saved,
            "time_cut_percent": _round(100 * saved / before.value),
            "declarations_before": None if declarations is None else _bundled_declarations(),
            "declarations_after": None if declarations is None else declarations.value,
        })
    return rows


def _bundled_declarations() -> int:
    return max(s.declarations_before for s in datasets.programme().linked_services)


def rank_rows(readings: Sequence[Reading]) -> list[dict[str, Any]]:
    """The rank series of the provinces in `readings`, with their change (JSON-ready)."""
    groups: dict[tuple[str, str], list[Reading]] = {}
    for r in readings:
        if r.unit is Unit.RANK and r.jurisdiction.level is Level.PROVINCE:
            groups.setdefault((r.indicator.code, r.jurisdiction.code), []).append(r)
    rows = []
    for group in groups.values():
        group.sort(key=lambda r: r.as_of)
        ranks = [datasets.rank_of(r) for r in group]
        rows.append({
            "place": _place(group[0].jurisdiction),
            "indicator": group[0].indicator.code,
            "name": group[0].indicator.name,
            "ranks": [{"as_of": r.as_of.isoformat(), "position": k.position,
                       "total": k.total, "inferred": sorted(r.inferred)}
                      for r, k in zip(group, ranks, strict=True)],
            "change": (analysis.rank_change(ranks[0], ranks[-1]).places
                       if len(ranks) > 1 else None),
        })
    return rows


def finding_row(finding: checks.Finding) -> dict[str, Any]:
    """One audit finding as JSON-ready data (``de-an06 report`` and ``de-an06 audit``)."""
    return {
        "kind": finding.kind.value,
        "place": _place(finding.reading.jurisdiction),
        "indicator": finding.reading.indicator.code,
        "reported": finding.reported,
        "computed": None if finding.computed is None else _round(finding.computed, 3),
        "message": finding.message,
    }
