"""Write the tables of the "Data" page from the bundled data, at every docs build.

``docs/conf.py`` calls :func:`write` when Sphinx starts; ``data.md`` includes
the files it writes under ``docs/_generated/``. Nothing here is copied by
hand: every row comes from :mod:`de_an06.datasets` and :mod:`de_an06.checks`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from de_an06 import audit, checks, datasets
from de_an06.model import Qualifier, Reading

REORGANISED = datasets.REORGANISED
_BEFORE = REORGANISED - dt.timedelta(days=1)


def _cell(value: object) -> str:
    if value is None:
        return "—"
    text = str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _whole(text: str) -> str:
    """`text` kept on one line: a date, a figure, a code (``white-space: nowrap``)."""
    return f'<span class="nowrap">{text}</span>' if text else ""


def _word(member: enum.Enum | None) -> str:
    """An enum member as words (``one source``), not its raw value (``one_source``)."""
    return "" if member is None else str(member.value).replace("_", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]],
           notes: Sequence[str | None] | None = None,
           inferred: Sequence[str] | None = None) -> list[str]:
    """A Markdown table; with `notes` (one a row), a "Note" column of numbers.

    A note that several rows share is written once, below the table, with one
    number; each row shows the number of its note, then (`inferred`, one a
    row) the fields the library reasoned rather than read.
    """
    rows = [list(row) for row in rows]
    numbered: dict[str, int] = {}
    if notes is not None:
        headers = [*headers, "Note"]
        for index, (row, note) in enumerate(zip(rows, notes, strict=True)):
            parts = [f"[{numbered.setdefault(note, len(numbered) + 1)}]"] if note else []
            if inferred and inferred[index]:
                parts.append(f"inferred: {inferred[index]}")
            row.append("; ".join(parts))
    lines = [":::{container} data-table", "",
             "| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    lines += ["", ":::", ""]
    if numbered:
        lines += [":::{container} data-notes", "",
                  *(f"{number}. {note}" for note, number in numbered.items()), "", ":::", ""]
    return lines


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{checks.printed_decimals(value)}f}"


def _value(reading: Reading) -> str:
    symbol = "" if reading.qualifier is Qualifier.EXACT else reading.qualifier.symbol + " "
    return _whole(f"{symbol}{_number(reading.value)} {reading.unit.symbol}".strip())


def _of(reading: Reading) -> str:
    """What a percent is of (its basis), with the printed counts: ``target: 8 / 10``."""
    if not reading.indicator.is_percent:
        return ""
    counts = ("" if reading.numerator is None else
              _whole(f"{_number(reading.numerator)} / {_number(reading.denominator)}"))
    return f"{_word(reading.basis)}: {counts}" if counts else _word(reading.basis)


def _date(day: dt.date | None) -> str:
    return "—" if day is None else _whole(day.isoformat())


def _places(items: Sequence[Reading] | Sequence[object]) -> list[str]:
    return list(dict.fromkeys(i.jurisdiction.name_vi for i in items))  # type: ignore[attr-defined]


def _figures() -> list[str]:
    out: list[str] = []
    for source in datasets.sources():
        readings = datasets.readings(source=source)
        targets = datasets.targets(source=source)
        claims = datasets.claims(source=source)
        published = source.published.isoformat() if source.published else "not printed"
        if source.date_inferred:
            published += " (inferred)"
        out += [f"## {source.title}", "",
                (f"Source `{source.code}` — {source.publisher}; published {published}. "
                f"{source.note}"), ""]
        if readings:
            main = Counter(r.jurisdiction.name_vi for r in readings).most_common(1)[0][0]
            others = len(_places(readings)) > 1
            out += [f"Figures of {main}" + ("; a row about another place starts with its name:"
                                             if others else ":"), ""]
            out += _table(
                ["Indicator", "Value", "As of", "Percent of"],
                [[("" if r.jurisdiction.name_vi == main else f"*{r.jurisdiction.name_vi}*: ")
                  + f"{r.indicator.name}<br>`{r.indicator.code}`", _value(r),
                  _date(r.as_of) if r.period_start is None
                  else f"{_date(r.period_start)} …<br>{_date(r.as_of)}",
                  _of(r)] for r in readings],
                [r.note for r in readings],
                [", ".join(f"`{name}`" for name in sorted(r.inferred)) for r in readings])
        if targets:
            out += ["Targets:", ""]
            out += _table(
                ["Place", "Indicator", "Target", "Deadline"],
                [[_whole(t.jurisdiction.name_vi), f"`{t.indicator.code}`",
                  _whole(_number(t.value)), _date(t.deadline)] for t in targets],
                [t.note for t in targets], ["the target" if t.inferred else "" for t in targets])
        if claims:
            out += ["Statements:", ""]
            out += _table(
                ["Place", "Kind", "Date", "Statement", "Figure", "Document"],
                [[_whole(c.jurisdiction.name_vi), _word(c.kind), _date(c.as_of), c.statement,
                  _claim_figure(c), c.reference] for c in claims])
    return out


def _claim_figure(claim: object) -> str:
    margin = getattr(claim, "margin", None)
    if margin is not None:
        qualifier = claim.qualifier  # type: ignore[attr-defined]
        symbol = "" if qualifier is Qualifier.EXACT else qualifier.symbol
        return (f"`{claim.indicator.code}` exceeds target by "  # type: ignore[attr-defined]
                f"{_whole(symbol + _number(margin))}")  # type: ignore[attr-defined]
    parts = getattr(claim, "parts", ())
    if parts:
        return f"`{claim.indicator.code}` = " + " + ".join(  # type: ignore[attr-defined]
            f"`{part}`" for part in parts)
    return ""


def _catalogue() -> list[str]:
    p = datasets.programme()
    out = [(f"Decision {p.decision} of {p.approved.isoformat()}; {p.start_year}–{p.end_year}, "
           f"vision {p.vision_year}."), "", "Utility groups:", ""]
    out += _table(["#", "Name", "Vietnamese", "Confidence"],
                  [[g.number, g.name, g.name_vi, _word(g.confidence)] for g in p.groups])
    out += ["The 25 essential services (2025 list):", ""]
    out += _table(["#", "Vietnamese", "English", "Lead", "Confidence"],
                  [[s.number, s.name_vi, s.name, s.lead, _word(s.confidence)]
                   for s in p.services], [s.note for s in p.services])
    out += ["Linked-service bundles:", ""]
    out += _table(["Code", "Procedures", "Days before → after", "Declarations"],
                  [[f"`{s.code}`", "; ".join(s.procedures),
                    _whole(f"{_number(s.days_before)} → {_number(s.days_after)} "
                           f"{s.after_unit.symbol}"),
                    _whole(f"{s.declarations_before} → {s.declarations_after}")]
                   for s in p.linked_services], [s.note for s in p.linked_services])
    out += ["Tasks the reports name:", ""]
    out += _table(["Code", "Task", "Owner", "Deadline", "Status"],
                  [[f"`{t.code}`", t.name, t.owner, _date(t.deadline), _word(t.status)]
                   for t in p.tasks])
    return out


def _findings() -> list[str]:
    findings = audit(datasets.readings(), targets=datasets.targets(),
                     claims=datasets.claims())
    return [f"The audit of the bundled data finds {len(findings)} discrepancies:", "",
            *(f"- **{_word(f.kind)}** — {f.message}" for f in findings), ""]


def _national() -> list[str]:
    readings = datasets.national_readings()
    count = len({r.indicator.code for r in readings})
    out = [f"{len(readings)} national readings of {count} series:", ""]
    out += _table(["Indicator", "As of", "Value", "Publisher (tier)", "Source"],
                  [[f"`{r.indicator.code}`", _whole(r.precision.label(r.as_of)),
                    _value(r) if r.value_high is None
                    else _whole(f"{_number(r.value)} to {_number(r.value_high)} {r.unit.symbol}"),
                    f"{r.source.publisher} ({_word(r.source.tier) or '—'})"
                    if r.source else "—",
                    f"[`{r.source.code}`]({r.source.url})" if r.source and r.source.url
                    else "—"] for r in readings])
    targets = datasets.national_targets()
    out += [f"{len(targets)} national targets:", ""]
    out += _table(["Indicator", "Target", "Deadline", "Instrument"],
                  [[f"`{t.indicator.code}`", _whole(_number(t.value)), _date(t.deadline),
                    t.source.title if t.source else "—"] for t in targets])
    findings = audit(readings)
    out += [f"The audit of the national readings reports {len(findings)} findings:", "",
            *(f"- **{f.kind.value}** — {f.message}" for f in findings),
            ""]
    return out


def _provinces() -> list[str]:
    before = datasets.provinces(as_of=_BEFORE)
    after = datasets.provinces(as_of=REORGANISED)
    out = [f"The {len(before)} provinces until {_BEFORE.isoformat()}:", ""]
    out += _table(["Code", "Vietnamese", "English", f"From {REORGANISED.isoformat()}"],
                  [[p.code, p.name_vi, p.name,
                    f"{datasets.successor(p.code).name_vi} ({datasets.successor(p.code).code})"]
                   for p in before])
    out += [f"The {len(after)} provinces from {REORGANISED.isoformat()}:", ""]
    out += _table(["Code", "Vietnamese", "English", "Made of"],
                  [[p.code, p.name_vi, p.name,
                    ", ".join(f"{o.name_vi} ({o.code})" for o in datasets.predecessors(p.code))]
                   for p in after])
    return out


def write(directory: Path) -> None:
    """Write ``figures.md``, ``catalogue.md``, ``findings.md`` and ``provinces.md``."""
    directory.mkdir(parents=True, exist_ok=True)
    parts = {"figures.md": _figures(), "catalogue.md": _catalogue(),
             "findings.md": _findings(), "provinces.md": _provinces(),
             "national.md": _national()}
    for name, lines in parts.items():
        text = "\n".join(lines).rstrip() + "\n"
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
