"""Build ``src/de_an06/data/national_series.json`` from the compiled national figures.

Run by hand (``python docs/_national.py PATH/national_series.json``) when the
compiled file changes; the library reads only the JSON this writes, through
:func:`de_an06.io.loads`. Quotes are not copied: notes here are the library's
own words; figures, dates, publishers and addresses are.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import de_an06 as da
from de_an06 import io

OUT = Path(__file__).parent.parent / "src" / "de_an06" / "data" / "national_series.json"
NATIONAL = Path(__file__).parent.parent / "src" / "de_an06" / "data" / "national.json"

#: The compiled file's units, in the library's units (what is counted stays in the name).
UNITS = {"accounts": "count", "applications": "dossiers", "cards": "count",
         "people": "people", "services": "count", "records": "count", "uses": "uses",
         "percent": "percent", "requests": "uses", "facilities": "count"}
#: The compiled file's qualifiers; ``at_least`` reads as "more than" (noted on the reading)
#: and ``range`` as an exact low bound with ``value_high``.
QUALIFIERS = {"exact": "exact", "more_than": "more_than", "nearly": "nearly",
              "about": "about", "less_than": "less_than", "at_least": "more_than",
              "range": "exact"}
#: Series whose values are uses over a period (a flow), not a running total.
FLOWS = frozenset({"VNEID_USAGE"})

#: The targets with a figure: id -> (indicator code, value, deadline, note).
#: A target is due by the end of its month or year; a deadline before the programme
#: start cannot be a Target deadline and is kept in the note.
TARGETS: dict[str, tuple[str, float, str | None, str]] = {
    "T01": ("eid-accounts", 40_000_000, "2023-06-30", "By June 2023."),
    "T02": ("vneid-health-records", 30_000_000, None, "No deadline printed."),
    "T03": ("vneid-users", 3_000_000, "2023-01-31",
            ("Printed as a range, 3 to 5 million users, by end-2022 or early 2023; the low "
             "bound is kept.")),
    "T04": ("essential-svc-npsp", 25, "2022-05-31", "By May 2022 (month only)."),
    "T05": ("essential-svc-npsp", 53, "2023-12-31", "During 2023 (year only)."),
    "T06": ("adults-eid-share", 30, "2023-12-31", "During 2023 (year only)."),
    "T07": ("online-dossier-share-any", 50, "2023-12-31", "During 2023 (year only)."),
    "T08": ("vneid-utilities-added", 10, "2023-12-31", "Utilities added in 2023."),
    "T09": ("online-dossier-share-full", 80, "2025-12-31", "By 2025 (year only)."),
    "T10": ("digital-identity-share", 70, "2025-12-31", "By 2025 (year only); a draft."),
    "T11": ("provincial-online-procedures-share", 70, "2025-12-31", "By 2025 (year only)."),
    "T13": ("vneid-full-online-services", 25, "2025-09-30", "By September 2025."),
    "T15": ("adults-digital-identity-share", 100, "2026-12-31", "During 2026 (year only)."),
    "T16": ("cccd-issued", 50_000_000, None,
            "Due 2021-07-01, before the programme started (not a Target deadline)."),
    "T17": ("pin-issued-share", 100, None,
            "Due 2021-07-01, before the programme started (not a Target deadline)."),
}
#: Indicators only targets use: code -> (name, name_vi, unit).
TARGET_INDICATORS = {
    "vneid-health-records": ("VNeID accounts showing an electronic health record",
                             "Tài khoản VNeID hiển thị sổ sức khỏe điện tử", "count"),
    "vneid-users": ("VNeID users", "Người sử dụng VNeID", "people"),
    "adults-eid-share": ("Adults with an e-ID account",
                         "Tỷ lệ người trưởng thành có tài khoản định danh điện tử", "percent"),
    "vneid-utilities-added": ("VNeID utilities added", "Tiện ích VNeID bổ sung", "count"),
    "digital-identity-share": ("Population with a digital identity",
                               "Tỷ lệ dân số có danh tính số", "percent"),
    "provincial-online-procedures-share": (
        "Provincial procedures provided online",
        "Tỷ lệ thủ tục hành chính cấp tỉnh cung cấp trực tuyến", "percent"),
    "vneid-full-online-services": ("Full-process online services through VNeID",
                                   "Dịch vụ công trực tuyến toàn trình qua VNeID", "count"),
    "adults-digital-identity-share": ("Adults with a digital identity",
                                      "Tỷ lệ người trưởng thành có danh tính số", "percent"),
    "pin-issued-share": ("Citizens given a personal identification number",
                         "Tỷ lệ công dân được cấp số định danh cá nhân", "percent"),
}
_INFERRED_DATE = re.compile(r"(?:year )?\d{4} inferred|as_of [^.;]*inferred|inferred from",
                            re.IGNORECASE)


def code_of(series: str) -> str:
    """``EID_ACTIVATED`` -> ``eid-activated``."""
    return series.lower().replace("_", "-")


def month_end(text: str) -> dt.date:
    """The last day of ``YYYY-MM`` or ``YYYY``."""
    if len(text) == len("YYYY"):
        return dt.date(int(text), 12, 31)
    year, month = int(text[:4]), int(text[5:7])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def as_of(point: dict[str, Any]) -> tuple[dt.date, str, bool]:
    """The reading's date, precision and whether the day is approximate."""
    raw, precision = point["as_of"], point["as_of_precision"]
    if precision in ("day", "approx"):
        return dt.date.fromisoformat(raw), "day", precision == "approx"
    return month_end(raw), precision, False


class Sources:
    """One Source per (address, publisher, publication date), with a stable code."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str, str], da.Source] = {}
        self.codes: set[str] = set()

    def get(self, url: str, publisher: str, published: str | None, tier: str | None,
            title: str) -> da.Source:
        key = (url, publisher, published or "")
        if key in self.by_key:
            return self.by_key[key]
        host = urlparse(url).hostname or "source"
        stem = next(p for p in host.split(".") if p not in ("www", "en", "news"))
        date = re.sub(r"[^0-9]", "", (published or "")[:7])
        base = f"{stem}-{date}" if date else stem
        code, n = base, 1
        while code in self.codes:
            n += 1
            code = f"{base}-{n}"
        self.codes.add(code)
        exact = published is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published)
        source = da.Source(
            code, title, publisher, url=url, tier=tier,
            published=dt.date.fromisoformat(published) if exact else None,
            note="" if exact or published is None else f"Published {published} (day unknown).")
        self.by_key[key] = source
        return source


def note_of(point: dict[str, Any], *, approx: bool) -> str:
    parts = []
    if approx:
        parts.append("The day stands for 'early in the month'.")
    if point["qualifier"] == "at_least":
        parts.append("Printed as 'at least'.")
    if "value_as_printed" in point:
        parts.append(f"Printed as {point['value_as_printed']:,}, read as {point['value']:,}: "
                     "a unit slip in the English edition.")
    if point.get("period") == "per_month":
        parts.append("Uses in one month.")
    if point.get("period") == "per_day":
        parts.append("Uses a day, typical of the period.")
    if "denominator" in point:
        parts.append(f"Out of {point['denominator']}.")
    if "share_percent" in point:
        parts.append(f"{point['share_percent']} % of the total.")
    if point.get("corroborated_by"):
        also = ", ".join(u.split(" ")[0] for u in point["corroborated_by"])
        parts.append(f"Also reported at {also}.")
    return " ".join(parts)


def build(data: dict[str, Any]) -> io.Dataset:
    national = io.loads(NATIONAL.read_text(encoding="utf-8"))
    vn = national.jurisdictions[0]
    sources = Sources()
    indicators: dict[str, da.Indicator] = {
        i.code: i for i in national.indicators if i.code == "eid-accounts"}
    readings = []
    for series in data["series"]:
        flow = series["code"] in FLOWS
        indicator = da.Indicator(code_of(series["code"]), series["name"], series["name_vi"],
                                 unit=UNITS[series["unit"]], direction="higher",
                                 measure="flow" if flow else "stock")
        indicators[indicator.code] = indicator
        for point in series["points"]:
            day, precision, approx = as_of(point)
            source = sources.get(point["url"], point["publisher"], point["published"],
                                 point["source_tier"], f"{urlparse(point['url']).hostname} "
                                 "article")
            inferred = set()
            if approx or _INFERRED_DATE.search(point["note"]):
                inferred.add("as_of")
            if "value_as_printed" in point:
                inferred.add("value")
            start = None
            if flow:
                start = day.replace(day=1) if point["period"] == "per_month" else day
            readings.append(da.Reading(
                indicator, point["value"], as_of=day, jurisdiction=vn,
                qualifier=QUALIFIERS[point["qualifier"]],
                precision=precision, value_high=point.get("value_high"), source=source,
                inferred=inferred, period_start=start, note=note_of(point, approx=approx)))
    for code, (name, name_vi, unit) in TARGET_INDICATORS.items():
        indicators[code] = da.Indicator(code, name, name_vi, unit=unit, direction="higher")
    directive = next(s for s in national.sources if s.code == "ct-05-2023")
    targets = []
    instruments = []
    for item in data["targets"]:
        if item["id"] in ("T01", "T02"):
            source = directive
        else:
            source = da.Source(f"target-{item['id'].lower()}", item["instrument"],
                               item["publisher"] or "not found", url=item["url"] or None)
        instruments.append(source)
        if item["id"] not in TARGETS:
            continue
        code, value, deadline, note = TARGETS[item["id"]]
        targets.append(da.Target(
            indicators[code], value, jurisdiction=vn, source=source, note=note,
            deadline=None if deadline is None else dt.date.fromisoformat(deadline)))
    return io.Dataset(sources=(*sources.by_key.values(), *dict.fromkeys(instruments)),
                      jurisdictions=[vn], indicators=list(indicators.values()),
                      readings=readings, targets=targets)


def main(path: str) -> None:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    OUT.write_text(io.dumps(build(data)), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
