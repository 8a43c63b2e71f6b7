"""Rich display: compact HTML tables and short text for notebooks and consoles.

Every public value class that shows up in a notebook gets a one-line
``_repr_html_`` (and, where it helps, ``__str__``) calling a function here,
so all the rendering lives in one place; the words, symbols and number
formats come from :mod:`de_an06._present`. Every string that comes from a user
(names, titles, notes, URLs) is HTML-escaped; Vietnamese text is shown in NFC
form inside ``lang="vi"`` spans.

The classes are imported only for type checking: this module is imported by
:mod:`de_an06.model` and must not import it back at run time.
"""

from __future__ import annotations

import datetime as dt
import html
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from de_an06._present import (
    MISSING,
    met_word,
    number,
    qualifier_symbol,
    quantity,
    status_word,
    target_sign,
)

if TYPE_CHECKING:
    from de_an06.analysis import Attainment, Completion, Forecast, Trend
    from de_an06.model import (
        Indicator,
        Jurisdiction,
        Programme,
        Qualifier,
        Reading,
        Series,
        Source,
        Target,
        Unit,
    )


#: Rows of a series shown at each end before the middle is elided.
SERIES_EDGE = 5

_STYLE = "border-collapse:collapse;text-align:left"
_CELL = "padding:1px 8px;text-align:left;vertical-align:top"
_SAFE_SCHEMES = ("http://", "https://")


# --------------------------------------------------------------------------
# Plain text pieces
# --------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _date(day: dt.date | None) -> str:
    return MISSING if day is None else day.isoformat()


def reading_date(reading: Reading) -> str:
    """``as_of`` to the reading's precision: ``2022-03-31``, ``2022-03`` or ``2022``."""
    return reading.precision.label(reading.as_of)


def reading_figure(reading: Reading) -> str:
    """The figure with its unit and qualifier; a range as ``low to high``.

    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading
    >>> vn = Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    >>> uses = Indicator("vneid-uses", "VNeID uses a day", "Lượt sử dụng VNeID", unit="uses")
    >>> r = Reading(uses, 3e6, as_of=dt.date(2025, 4, 30), jurisdiction=vn, precision="month",
    ...             value_high=6e6)
    >>> reading_figure(r)
    '3,000,000 to 6,000,000 uses'
    >>> str(r)
    'Việt Nam · VNeID uses a day: 3,000,000 to 6,000,000 uses in 2025-04'
    """
    figure = quantity(reading.value, reading.unit, reading.qualifier)
    if reading.value_high is not None:
        figure = f"{number(reading.value)} to {quantity(reading.value_high, reading.unit)}"
    return figure


def reading_text(reading: Reading) -> str:
    """One line: place, indicator, figure and date.

    >>> import datetime as dt
    >>> from de_an06 import Indicator, Jurisdiction, Reading
    >>> kh = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> ind = Indicator("eid", "e-ID applications", "Hồ sơ ĐDĐT", unit="people")
    >>> str(Reading(ind, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=kh))
    'Khánh Hòa · e-ID applications: 546,234 people on 2023-07-01'
    """
    when = reading_date(reading)
    if reading.period_start is not None:
        when = f"{reading.period_start.isoformat()} to {when}"
    else:
        when = f"on {when}" if len(when) == len("YYYY-MM-DD") else f"in {when}"
    figure = reading_figure(reading)
    return (f"{_nfc(reading.jurisdiction.name_vi)} · {_nfc(reading.indicator.name)}: "
            f"{figure} {when}")


def target_text(target: Target) -> str:
    """One line: place, indicator, target value and deadline."""
    sign = target_sign(target.indicator.direction.sign)
    due = "" if target.deadline is None else f" by {target.deadline.isoformat()}"
    inferred = " (inferred)" if target.inferred else ""
    return (f"{_nfc(target.jurisdiction.name_vi)} · {_nfc(target.indicator.name)}: target "
            f"{sign} {quantity(target.value, target.indicator.unit)}{due}{inferred}")


def series_text(series: Series) -> str:
    """One line: place, indicator, number of readings, span and latest figure."""
    latest = series.latest
    span = (latest.as_of.isoformat() if len(series) == 1
            else f"{series.dates[0].isoformat()} to {latest.as_of.isoformat()}")
    count = "1 reading" if len(series) == 1 else f"{len(series)} readings"
    return (f"{_nfc(series.jurisdiction.name_vi)} · {_nfc(series.indicator.name)}: {count}, "
            f"{span}, latest {quantity(latest.value, latest.unit, latest.qualifier)}")


def attainment_text(a: Attainment) -> str:
    """One line: value against target, percent and whether it is met.

    >>> from de_an06 import attainment
    >>> str(attainment(546_234, 756_805))
    '546,234 of 756,805 (72.18 %): not met'
    """
    return (f"{quantity(a.value, a.unit, a.qualifier)} of {quantity(a.target, a.unit)} "
            f"({number(a.percent)} %): {met_word(a.met)}")


def completion_text(c: Completion) -> str:
    """One line: done of total, percent.

    >>> from de_an06 import Completion
    >>> str(Completion.from_counts(done=24, total=29, in_progress=5))
    '24 of 29 tasks done (82.76 %), 5 in progress'
    """
    text = f"{c.done} of {c.total} tasks done ({number(c.percent)} %)"
    if c.in_progress is not None:
        text += f", {c.in_progress} in progress"
    if c.not_started is not None:
        text += f", {c.not_started} not started"
    if c.overdue is not None:
        text += f", {c.overdue} overdue"
    if c.as_of is not None:
        text += f" on {c.as_of.isoformat()}"
    return text


def forecast_text(f: Forecast) -> str:
    """One line: status, required pace and reach date."""
    parts = [status_word(f.status)]
    if f.required_pace is not None:
        parts.append(f"needs {number(f.required_pace)} per {f.pace_unit}")
    if f.current_pace is not None:
        parts.append(f"going {number(f.current_pace)} per {f.pace_unit}")
    if f.reach_date is not None:
        parts.append(f"reaches {number(f.target)} on {f.reach_date.isoformat()}")
    return "; ".join(parts)


# --------------------------------------------------------------------------
# HTML pieces
# --------------------------------------------------------------------------


def esc(text: object) -> str:
    """`text` as HTML, quotes included; strings are put in NFC first."""
    return html.escape(_nfc(str(text)), quote=True)


def _vi(text: str) -> str:
    return f'<span lang="vi">{esc(text)}</span>'


def _named(thing: Indicator | Jurisdiction | Programme) -> str:
    """Vietnamese name first, the English one and the code after it."""
    return (f"{_vi(thing.name_vi)} <small>({esc(thing.name)}; "
            f"<code>{esc(thing.code)}</code>)</small>")


def _table(title: str, rows: Iterable[tuple[str, str]], extra: str = "") -> str:
    """A two-column table: each row is (label, already-escaped HTML)."""
    body = "".join(f'<tr><th style="{_CELL}">{esc(label)}</th><td style="{_CELL}">{cell}</td>'
                   "</tr>" for label, cell in rows)
    return (f'<div class="de-an06"><table style="{_STYLE}"><caption style="text-align:left">'
            f"<b>{esc(title)}</b></caption><tbody>{body}</tbody></table>{extra}</div>")


def _source(source: Source | None) -> str:
    if source is None:
        return MISSING
    text = f"{esc(source.title)} — {esc(source.publisher)}"
    if source.published is not None:
        inferred = " (date inferred)" if source.date_inferred else ""
        text += f", {source.published.isoformat()}{inferred}"
    if source.tier is not None:
        text += f" <small>({esc(source.tier.value)})</small>"
    if source.url is not None:
        if source.url.lower().startswith(_SAFE_SCHEMES):
            text += f' <a href="{esc(source.url)}" rel="noopener noreferrer">link</a>'
        else:
            text += f" <code>{esc(source.url)}</code>"
    return text


def _quantity_html(value: float, unit: Unit | None, qualifier: Qualifier | None = None) -> str:
    text = esc(quantity(value, unit, qualifier))
    if qualifier is not None and qualifier_symbol(qualifier):
        text += f" <small>({_vi(qualifier.name_vi)})</small>"
    return text


def _unit_html(indicator: Indicator) -> str:
    unit = indicator.unit
    return (f"{esc(unit.value)} ({_vi(unit.name_vi)}), {esc(indicator.direction.value)} is "
            f"better, {esc(indicator.measure.value)}")


def reading_html(reading: Reading) -> str:
    """A :class:`~de_an06.Reading` as an HTML table."""
    rows = [("Indicator", _named(reading.indicator)),
            ("Place", _named(reading.jurisdiction)),
            ("Value", _quantity_html(reading.value, reading.unit, reading.qualifier)
             if reading.value_high is None else esc(reading_figure(reading))),
            ("As of", esc(reading_date(reading)))]
    if reading.period_start is not None:
        rows.append(("Period", f"{_date(reading.period_start)} to {_date(reading.as_of)}"))
    if reading.numerator is not None or reading.denominator is not None:
        num = "?" if reading.numerator is None else number(reading.numerator)
        den = "?" if reading.denominator is None else number(reading.denominator)
        rows.append(("Counts", esc(f"{num} / {den}")))
    if reading.indicator.is_percent:
        rows.append(("Basis", f"{esc(reading.basis.value)} ({_vi(reading.basis.name_vi)})"))
    if reading.inferred:
        rows.append(("Inferred", esc(", ".join(sorted(reading.inferred)))))
    rows.append(("Source", _source(reading.source)))
    if reading.note:
        rows.append(("Note", esc(reading.note)))
    return _table("Reading", rows)


def target_html(target: Target) -> str:
    """A :class:`~de_an06.Target` as an HTML table."""
    sign = target_sign(target.indicator.direction.sign)
    value = f"{esc(sign)} {_quantity_html(target.value, target.indicator.unit)}"
    if target.inferred:
        value += " <small>(inferred)</small>"
    rows = [("Indicator", _named(target.indicator)),
            ("Place", _named(target.jurisdiction)),
            ("Target", value),
            ("Deadline", _date(target.deadline)),
            ("Source", _source(target.source))]
    if target.note:
        rows.append(("Note", esc(target.note)))
    return _table("Target", rows)


def _head(cells: Sequence[str]) -> str:
    return "<tr>" + "".join(f'<th style="{_CELL}">{esc(c)}</th>' for c in cells) + "</tr>"


def _reading_row(reading: Reading) -> str:
    cells = [esc(reading_date(reading)),
             _quantity_html(reading.value, reading.unit, reading.qualifier)
             if reading.value_high is None else esc(reading_figure(reading)),
             _source(reading.source) if reading.source is not None else ""]
    return "<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in cells) + "</tr>"


def series_html(series: Series) -> str:
    """A :class:`~de_an06.Series` as a header table and a table of its readings.

    Long series show their first and last :data:`SERIES_EDGE` readings.
    """
    info = _table(f"Series of {len(series)} reading" + ("" if len(series) == 1 else "s"), [
        ("Indicator", _named(series.indicator)),
        ("Place", _named(series.jurisdiction)),
        ("Unit", _unit_html(series.indicator)),
    ])
    readings = series.readings
    if len(readings) > 2 * SERIES_EDGE + 1:
        hidden = len(readings) - 2 * SERIES_EDGE
        body = ("".join(_reading_row(r) for r in readings[:SERIES_EDGE])
                + f'<tr><td colspan="3" style="{_CELL}">… {hidden} more …</td></tr>'
                + "".join(_reading_row(r) for r in readings[-SERIES_EDGE:]))
    else:
        body = "".join(_reading_row(r) for r in readings)
    rows = (f'<table style="{_STYLE}"><thead>{_head(["As of", "Value", "Source"])}</thead>'
            f"<tbody>{body}</tbody></table>")
    return info.removesuffix("</div>") + rows + "</div>"


def programme_html(programme: Programme) -> str:
    """A :class:`~de_an06.Programme` as an HTML table with its utility groups."""
    rows = [("Programme", _named(programme)),
            ("Decision", f"{esc(programme.decision)} of {_date(programme.approved)}"),
            ("Period", esc(f"{programme.start_year}–{programme.end_year}, "
                           f"vision {programme.vision_year}")),
            ("Catalogue", esc(f"{len(programme.groups)} utility groups, "
                              f"{len(programme.tasks)} tasks, "
                              f"{len(programme.services)} essential services, "
                              f"{len(programme.linked_services)} linked services"))]
    rows.extend((f"Group {group.number}",
                 f"{_vi(group.name_vi)} <small>({esc(group.name)})</small>")
                for group in programme.groups)
    rows.append(("Source", _source(programme.source)))
    return _table("Programme", rows)


def _optional(value: float | None, suffix: str = "") -> str:
    return MISSING if value is None else esc(number(value) + suffix)


def _interval(ci: tuple[float, float] | None, suffix: str = "") -> str:
    if ci is None:
        return MISSING
    return esc(f"[{number(ci[0])}, {number(ci[1])}]{suffix}")


def attainment_html(a: Attainment) -> str:
    """An :class:`~de_an06.Attainment` as an HTML table."""
    unit = a.unit
    margin_unit = " points" if unit is not None and unit.value == "percent" else ""
    rows = [("Value", _quantity_html(a.value, unit, a.qualifier)),
            ("Target", _quantity_html(a.target, unit)),
            ("Attainment", esc(f"{number(a.percent)} % of target")),
            ("Margin", esc(f"{number(a.margin)}{margin_unit}")),
            ("Direction", f"{esc(a.direction.value)} is better ({_vi(a.direction.name_vi)})"),
            ("Met", esc(met_word(a.met)))]
    return _table("Attainment", rows)


def trend_html(t: Trend) -> str:
    """A :class:`~de_an06.Trend` as an HTML table."""
    level = f"{number(100 * t.confidence)} %"
    rows = [("Slope", esc(f"{number(t.slope)} per day") + (" (flat)" if t.flat else "")),
            (f"Slope {level} CI", _interval(t.slope_ci, " per day")),
            ("Slope SE", _optional(t.slope_se)),
            ("Intercept", esc(f"{number(t.intercept)} on {_date(t.start)}")),
            ("R²", _optional(t.r_squared if t.r_squared is None else round(t.r_squared, 4))),
            ("Readings", esc(f"{t.n}, {_date(t.start)} to {_date(t.end)}"))]
    return _table("Trend", rows)


def forecast_html(f: Forecast) -> str:
    """A :class:`~de_an06.Forecast` as an HTML table."""
    per = f" per {f.pace_unit}"
    reach = _date(f.reach_date)
    if f.reach_earliest is not None or f.reach_latest is not None:
        reach += esc(f" (between {_date(f.reach_earliest)} and {_date(f.reach_latest)})")
    left = MISSING if f.days_left is None else f"{f.days_left} days"
    if f.working_days_left is not None:
        left += f" ({f.working_days_left} working days)"
    rows = [("Status", esc(f"{status_word(f.status)} ({f.status.value})")),
            ("Latest", esc(f"{number(f.latest)} on {_date(f.latest_date)}")),
            ("Target", esc(f"{number(f.target)} by {_date(f.deadline)}")),
            ("Time left", esc(left)),
            ("Required pace", _optional(f.required_pace, per)),
            ("Current pace", _optional(f.current_pace, per)),
            ("Pace ratio", _optional(f.pace_ratio)),
            ("Reach date", reach),
            ("As of", _date(f.as_of))]
    return _table("Forecast", rows)


def completion_html(c: Completion) -> str:
    """A :class:`~de_an06.Completion` as an HTML table."""
    def count(value: int | None) -> str:
        return MISSING if value is None else str(value)

    rows = [("Done", esc(f"{c.done} of {c.total} ({number(c.percent)} %)")),
            ("In progress", count(c.in_progress)),
            ("Not started", count(c.not_started)),
            ("Overdue", count(c.overdue)),
            ("As of", _date(c.as_of))]
    return _table("Completion", rows)
