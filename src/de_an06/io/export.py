"""Export readings to the formats dashboards already read: Open SDG CSV and DHIS2.

Public through :mod:`de_an06.io`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io as _io
from collections.abc import Iterable, Mapping

from de_an06 import _validators as v
from de_an06._days import month_end
from de_an06.model import Level, Measure, Qualifier, Reading

__all__ = ["dhis2_period", "to_dhis2_datavalues", "to_open_sdg_csv"]

_OPEN_SDG_PERIODS = ("year", "date")


def _number(value: float) -> str:
    """A value as DHIS2 and Open SDG expect it: plain digits, no grouping."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def to_open_sdg_csv(readings: Iterable[Reading], *, period: str = "year",
                    geocodes: bool = False) -> str:
    """Readings as an Open SDG data CSV (``Year``, disaggregations, ``Value``).

    One row per reading. Columns, in the order Open SDG enforces: ``Year``
    first; then ``Series`` (the indicator code), ``Units`` (the unit's
    value), ``Jurisdiction`` (the jurisdiction code — blank for the nation,
    so national rows form the *headline*), ``COMMENT_OBS`` (the qualifier
    when the figure is not exact), ``GeoCode`` when `geocodes` is true
    (second-to-last, as Open SDG requires); ``Value`` last.

    Parameters
    ----------
    readings : iterable of Reading
        What to export.
    period : {"year", "date"}
        ``"year"`` writes the integer year of ``as_of`` (Open SDG's progress
        measure works on years) and refuses two readings of one series in one
        year; ``"date"`` writes the ISO date, a sortable label for
        sub-annual data.
    geocodes : bool
        Add a ``GeoCode`` column holding the jurisdiction code (match it to
        the ID property of your GeoJSON).

    Raises
    ------
    ValidationError
        For an unknown `period`, or two readings of one series in one year.

    Examples
    --------
    >>> import datetime as dt
    >>> import de_an06 as da
    >>> qn = da.Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    >>> share = da.Indicator("tasks-done", "Tasks completed", "Nhiệm vụ hoàn thành",
    ...                      unit="percent")
    >>> print(to_open_sdg_csv([da.Reading(share, 82.76, dt.date(2024, 12, 31), qn)]), end="")
    Year,Series,Units,Jurisdiction,COMMENT_OBS,Value
    2024,tasks-done,percent,51,,82.76
    """
    if period not in _OPEN_SDG_PERIODS:
        raise v.fail("to_open_sdg_csv", "period", "must be 'year' or 'date'", period)
    header = ["Year", "Series", "Units", "Jurisdiction", "COMMENT_OBS"]
    if geocodes:
        header.append("GeoCode")
    header.append("Value")
    rows: list[list[str]] = []
    seen: set[tuple[str, str, str]] = set()
    # Headline (national) rows first, then jurisdictions by code, then time.
    for reading in sorted(readings, key=lambda r: (r.indicator.code, r.jurisdiction.level.depth,
                                                    r.jurisdiction.code, r.as_of)):
        label = str(reading.as_of.year) if period == "year" else reading.as_of.isoformat()
        key = (reading.indicator.code, reading.jurisdiction.code, label)
        if key in seen:
            raise v.fail("to_open_sdg_csv", "readings",
                         "must hold one reading per series and period (with period='year', "
                         "use period='date' for sub-annual data)", key)
        seen.add(key)
        national = reading.jurisdiction.level is Level.NATION
        row = [label, reading.indicator.code, reading.unit.value,
               "" if national else reading.jurisdiction.code,
               "" if reading.qualifier is Qualifier.EXACT else reading.qualifier.value]
        if geocodes:
            row.append(reading.jurisdiction.code)
        row.append(_number(reading.value))
        rows.append(row)
    out = _io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def dhis2_period(start: dt.date, end: dt.date) -> str:
    """The DHIS2 period identifier for the days ``start`` .. ``end`` (inclusive).

    Recognises a day (``yyyyMMdd``), a calendar month (``yyyyMM``), a quarter
    (``yyyyQn``), a half-year (``yyyySn``) and a year (``yyyy``) — the
    period types a provincial report uses ("6 tháng đầu năm" is ``S1``).

    Raises
    ------
    ValidationError
        When the days form none of those periods (DHIS2 has no arbitrary
        ranges).

    Examples
    --------
    >>> import datetime as dt
    >>> dhis2_period(dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    '2023S1'
    >>> dhis2_period(dt.date(2023, 7, 1), dt.date(2023, 7, 1))
    '20230701'
    """
    if start == end:
        return start.strftime("%Y%m%d")
    year = start.year
    if start.day == 1 and end.year == year:
        months = end.month - start.month + 1
        if end == month_end(year, end.month):
            if months == 12 and start.month == 1:  # noqa: PLR2004 - a calendar year
                return str(year)
            if months == 6 and start.month in {1, 7}:  # noqa: PLR2004 - a half-year
                return f"{year}S{1 if start.month == 1 else 2}"
            if months == 3 and start.month % 3 == 1:  # noqa: PLR2004 - a quarter
                return f"{year}Q{(start.month + 2) // 3}"
            if months == 1:
                return f"{year}{start.month:02d}"
    raise v.fail("dhis2_period", "period",
                 "must be a day, month, quarter, half-year or year", (start, end))


def to_dhis2_datavalues(
    readings: Iterable[Reading],
    *,
    data_elements: Mapping[str, str] | None = None,
    org_units: Mapping[str, str] | None = None,
    data_set: str | None = None,
    complete_date: dt.date | None = None,
) -> dict[str, object]:
    """Readings as a DHIS2 ``dataValueSets`` document (a dict ready for JSON).

    Each reading becomes one data value: ``dataElement`` from the indicator
    code, ``period`` in DHIS2 syntax (a stock is the day of ``as_of``; a
    flow the period from ``period_start`` to ``as_of``, see
    :func:`dhis2_period`), ``orgUnit`` from the jurisdiction code, ``value``
    as a string, and the qualifier as ``comment`` when the figure is not
    exact. Codes pass through unchanged unless mapped, so either post with
    ``dataElementIdScheme=code&orgUnitIdScheme=code`` or give the DHIS2 uids
    in `data_elements` / `org_units`.

    Parameters
    ----------
    readings : iterable of Reading
        What to export.
    data_elements, org_units : dict of str to str, optional
        Our indicator / jurisdiction codes → DHIS2 identifiers. A code
        missing from a given mapping is an error, not a silent pass-through.
    data_set : str, optional
        ``dataSet`` identifier of the document.
    complete_date : datetime.date, optional
        ``completeDate`` of the document.

    Raises
    ------
    ValidationError
        For a flow period DHIS2 cannot express, or a code missing from a mapping.

    Examples
    --------
    >>> import datetime as dt
    >>> import de_an06 as da
    >>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> ind = da.Indicator("eid-collected", "e-ID applications collected",
    ...                    "Thu nhận hồ sơ ĐDĐT", unit="people")
    >>> doc = to_dhis2_datavalues([da.Reading(ind, 546_234, dt.date(2023, 7, 1), kh)])
    >>> doc["dataValues"][0]
    {'dataElement': 'eid-collected', 'period': '20230701', 'orgUnit': '56', 'value': '546234'}
    """
    values: list[dict[str, str]] = []
    for reading in readings:
        start = (reading.period_start if reading.indicator.measure is Measure.FLOW
                 and reading.period_start is not None else reading.as_of)
        item = {
            "dataElement": _mapped(data_elements, reading.indicator.code, "data_elements"),
            "period": dhis2_period(start, reading.as_of),
            "orgUnit": _mapped(org_units, reading.jurisdiction.code, "org_units"),
            "value": _number(reading.value),
        }
        if reading.qualifier is not Qualifier.EXACT:
            item["comment"] = reading.qualifier.value
        values.append(item)
    document: dict[str, object] = {}
    if data_set is not None:
        document["dataSet"] = data_set
    if complete_date is not None:
        document["completeDate"] = complete_date.isoformat()
    document["dataValues"] = values
    return document


def _mapped(mapping: Mapping[str, str] | None, code: str, field: str) -> str:
    if mapping is None:
        return code
    try:
        return mapping[code]
    except KeyError:
        raise v.fail("to_dhis2_datavalues", field, "has no entry for code", code) from None
