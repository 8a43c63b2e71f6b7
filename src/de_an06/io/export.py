"""Export readings to the formats dashboards already read: Open SDG CSV and DHIS2.

Public through :mod:`de_an06.io`. Both exports write numbers in plain digits
(:func:`_digits`); DHIS2 period ids come from ``_dhis2_periods``, which knows
every ISO-calendar period type of DHIS2 core.
"""

from __future__ import annotations

import csv
import datetime as dt
import io as _io
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

from de_an06 import _validators as v
from de_an06.io._dhis2_periods import checked_period_type, period_holding, period_range
from de_an06.model import Level, Measure, Qualifier, Reading

__all__ = ["to_dhis2_datavalues", "to_open_sdg_csv"]

#: Longest value DHIS2 stores as a number: ``MathUtils.isNumeric`` wants fewer
#: than ``NUMBER_MAX_LENGTH = 250`` characters.
_DHIS2_VALUE_MAX: Final = 249

#: Whole numbers pandas reads as int64. sdg-build's ``check_csv`` reads the
#: file with ``pandas.read_csv`` and wants an int64 or float64 ``Value``
#: column; a whole number outside this range reads as uint64 or as text.
_INT64_MIN: Final = -(2**63)
_INT64_MAX: Final = 2**63 - 1

_OPEN_SDG_PERIODS: Final = ("year", "iso-date")


# --------------------------------------------------------------------------
# Shared by both exports
# --------------------------------------------------------------------------


def _digits(value: float) -> str:
    """`value` in plain digits: no exponent, no grouping, no ``.0`` on a whole number.

    An int is written in full; a float with the shortest digits that read
    back as it (its ``repr``), expanded: what was reported, not the binary
    approximation's tail (``5.016955162935969e16`` is ``50169551629359690``).

    >>> _digits(1e-05), _digits(2.0), _digits(-0.0), _digits(1e20), _digits(-61.28)
    ('0.00001', '2', '0', '100000000000000000000', '-61.28')
    >>> _digits(5.016955162935969e16), _digits(2**70)
    ('50169551629359690', '1180591620717411303424')
    """
    if isinstance(value, int):
        return str(value)
    text = format(Decimal(repr(float(value))), "f").removesuffix(".0")
    return "0" if text == "-0" else text


def _readings(owner: str, readings: Iterable[Reading]) -> list[Reading]:
    items = list(v.iterable(owner, "readings", readings))
    for item in items:
        if not isinstance(item, Reading):
            raise v.fail(owner, "readings", f"must hold Reading objects, not "
                         f"{type(item).__name__}", item)
    return items


def _named(reading: Reading) -> str:
    """The reading in a message: indicator, jurisdiction and dates."""
    days = (reading.as_of.isoformat() if reading.period_start is None
            else f"{reading.period_start}..{reading.as_of}")
    return f"the reading of {reading.indicator.code!r} in {reading.jurisdiction.code!r} ({days})"


# --------------------------------------------------------------------------
# Open SDG
# --------------------------------------------------------------------------


def _open_sdg_value(value: float) -> str:
    text = _digits(value)
    if "." in text or _INT64_MIN <= int(text) <= _INT64_MAX:
        return text
    # ".0" makes pandas read the column as float64, which check_csv accepts.
    return f"{text}.0"


def _check_open_sdg_period(period: object) -> None:
    if not isinstance(period, str) or period not in _OPEN_SDG_PERIODS:
        rule = ("'date' is now 'iso-date', which is not part of the Open SDG data format "
                "(period='year' is)" if period == "date"
                else "must be 'year' or 'iso-date'")
        raise v.fail("to_open_sdg_csv", "period", rule, period)


def to_open_sdg_csv(readings: Iterable[Reading], *, period: str = "year",
                    geocodes: bool = False) -> str:
    """Readings as an Open SDG data CSV (``Year``, disaggregations, ``Value``).

    One row per reading. Columns, in the order Open SDG enforces: ``Year``
    first; then ``Series`` (the indicator code), ``Units`` (the unit's
    value), ``Jurisdiction`` (the jurisdiction code — blank for the nation,
    so national rows form the *headline*), ``COMMENT_OBS`` (the qualifier
    when the figure is not exact), ``GeoCode`` when `geocodes` is true
    (second-to-last, as Open SDG requires); ``Value`` last, in plain digits.

    Parameters
    ----------
    readings : iterable of Reading
        What to export.
    period : {"year", "iso-date"}
        ``"year"`` (the Open SDG data format) writes the integer year of
        ``as_of`` and refuses two readings of one series in one year.
        ``"iso-date"`` writes the ISO date instead: it is **not** part of
        the Open SDG data format, whose ``Year`` is a whole year; use it only
        for pages that are not SDG indicators, and never with
        ``auto_progress_calculation`` (sdg-build cuts a longer ``Year`` to
        its first four characters and then stops at two values in one year).
    geocodes : bool
        Add a ``GeoCode`` column holding the jurisdiction code (match it to
        the ID property of your GeoJSON).

    Returns
    -------
    str
        The CSV text, one line per row and a header line.

    Raises
    ------
    ValidationError
        For an unknown `period` (``"date"`` is now ``"iso-date"``), an item
        that is not a :class:`~de_an06.Reading`, or two readings of one
        series in one period.

    See Also
    --------
    de_an06.opensdg.progress_measure : the status the site computes from the file.

    Notes
    -----
    ``COMMENT_OBS`` is an *observation attribute* only while it is listed in
    the data configuration's ``observation_attributes``, as it is by default
    (sdg-build's ``open_sdg_indicator_options_defaults``). A site that sets
    its own list must keep ``COMMENT_OBS`` in it: otherwise the column is a
    disaggregation, and a qualified reading ("gần 78 %") leaves the headline
    and the progress calculation, which use the rows whose disaggregation
    cells are all empty.

    Whole numbers outside the int64 range are written with ``.0``
    (``9223372036854775808.0``), so that sdg-build's ``check_csv``, which
    reads the file with pandas, still sees a numeric ``Value`` column.

    Examples
    --------
    >>> import datetime as dt
    >>> import de_an06 as da
    >>> qn = da.Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level="province", parent="VN")
    >>> share = da.Indicator("tasks-done", "Tasks completed", "Nhiệm vụ hoàn thành",
    ...                      unit="percent")
    >>> print(to_open_sdg_csv([da.Reading(share, 82.76, as_of=dt.date(2024, 12, 31),
    ...                                   jurisdiction=qn)]), end="")
    Year,Series,Units,Jurisdiction,COMMENT_OBS,Value
    2024,tasks-done,percent,51,,82.76
    """
    owner = "to_open_sdg_csv"
    _check_open_sdg_period(period)
    items = _readings(owner, readings)
    header = ["Year", "Series", "Units", "Jurisdiction", "COMMENT_OBS"]
    if geocodes:
        header.append("GeoCode")
    header.append("Value")
    rows: list[list[str]] = []
    seen: set[tuple[str, str, str]] = set()
    # Headline (national) rows first, then jurisdictions by code, then time.
    for reading in sorted(items, key=lambda r: (r.indicator.code, r.jurisdiction.level.depth,
                                                 r.jurisdiction.code, r.as_of)):
        label = str(reading.as_of.year) if period == "year" else reading.as_of.isoformat()
        key = (reading.indicator.code, reading.jurisdiction.code, label)
        if key in seen:
            rule = ("must hold one reading per series and year (Open SDG has one value a "
                    "year: export the year's closing reading)" if period == "year"
                    else "must hold one reading per series and date")
            raise v.fail(owner, "readings", rule, key)
        seen.add(key)
        national = reading.jurisdiction.level is Level.NATION
        row = [label, reading.indicator.code, reading.unit.value,
               "" if national else reading.jurisdiction.code,
               "" if reading.qualifier is Qualifier.EXACT else reading.qualifier.value]
        if geocodes:
            row.append(reading.jurisdiction.code)
        row.append(_open_sdg_value(reading.value))
        rows.append(row)
    out = _io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


# --------------------------------------------------------------------------
# DHIS2 data values
# --------------------------------------------------------------------------

_OWNER: Final = "to_dhis2_datavalues"


def _period_of(reading: Reading, period_type: str) -> str:
    """The period of `reading` in a data set of `period_type`."""
    if reading.indicator.measure is Measure.STOCK:
        return period_holding(period_type, reading.as_of, _OWNER, "readings", _named(reading))
    start = reading.period_start
    assert start is not None  # noqa: S101 - the model requires it of a flow
    text = period_holding(period_type, start, _OWNER, "readings", _named(reading))
    first, last = period_range(text)
    if (first, last) != (start, reading.as_of):
        raise v.fail(_OWNER, "readings", f"must span exactly one {period_type} period for a "
                     f"flow: {_named(reading)} does not (the {period_type} period holding "
                     f"{start} is {text}, {first}..{last})", (start, reading.as_of))
    return text


def _one_per_period(readings: list[Reading], period_type: str) -> list[tuple[str, Reading]]:
    """Each reading with its period; of a stock's readings in one period, the latest."""
    placed = [(_period_of(reading, period_type), reading) for reading in readings]

    def series(period: str, reading: Reading) -> tuple[str, str, str]:
        return reading.indicator.code, reading.jurisdiction.code, period

    closing: dict[tuple[str, str, str], dt.date] = {}
    for period, reading in placed:
        if reading.indicator.measure is Measure.STOCK:
            key = series(period, reading)
            closing[key] = max(closing.get(key, reading.as_of), reading.as_of)
    # Flows stay; readings of a stock on the same latest date stay too, and
    # are refused as duplicates.
    return [(period, reading) for period, reading in placed
            if reading.indicator.measure is Measure.FLOW
            or reading.as_of == closing[series(period, reading)]]


def _dhis2_value(reading: Reading) -> str:
    text = _digits(reading.value)
    if len(text) > _DHIS2_VALUE_MAX:
        raise v.fail(_OWNER, "readings", f"must have values DHIS2 can store: {_named(reading)} "
                     f"is {len(text)} characters written out, more than DHIS2's "
                     f"{_DHIS2_VALUE_MAX} characters", reading.value)
    return text


def _mapped(mapping: Mapping[str, str] | None, code: str, field: str) -> str:
    if mapping is None:
        return code
    if not isinstance(mapping, Mapping):
        raise v.fail(_OWNER, field, f"must be a mapping of codes to DHIS2 uids, not "
                     f"{type(mapping).__name__}", mapping)
    try:
        uid = mapping[code]
    except KeyError:
        raise v.fail(_OWNER, field, "has no entry for code", code) from None
    if not isinstance(uid, str):
        raise v.fail(_OWNER, field, f"must map code {code!r} to a str", uid)
    return uid


def to_dhis2_datavalues(
    readings: Iterable[Reading],
    *,
    period_type: str = "Monthly",
    data_elements: Mapping[str, str] | None = None,
    org_units: Mapping[str, str] | None = None,
    data_set: str | None = None,
    complete_date: dt.date | None = None,
) -> dict[str, object]:
    """Readings as a DHIS2 ``dataValueSets`` document (a dict ready for JSON).

    Each reading becomes one data value: ``dataElement`` from the indicator
    code, ``period`` the id of its period in a data set of `period_type`,
    ``orgUnit`` from the jurisdiction code, ``value`` as a string, and the
    qualifier as ``comment`` when the figure is not exact. Codes pass
    through unchanged unless mapped, so either post with
    ``dataElementIdScheme=code&orgUnitIdScheme=code`` or give the DHIS2 uids
    in `data_elements` / `org_units`.

    DHIS2 takes a value only in a period of its data set's type, so:

    * a **stock** reading goes in the period that holds its ``as_of``. A
      stock is reported once per period: when several readings of one
      indicator and jurisdiction fall in one period, the latest one is
      exported (the period's closing figure) and the others are left out;
    * a **flow** reading must span exactly one period, ``period_start`` to
      ``as_of``; any other span is refused, naming the reading (DHIS2 has no
      arbitrary ranges: add shorter flows up to the data set's periods
      first, or export them to a data set of their own period type).

    Values are written as DHIS2's number check (``MathUtils.isNumeric``)
    accepts them: plain digits, no exponent (``1e-05`` is ``0.00001``), no
    ``.0`` on a whole number (so integer data elements take them too), and
    at most 249 characters.

    Parameters
    ----------
    readings : iterable of Reading
        What to export.
    period_type : str
        The data set's period type, one of :data:`~de_an06.io.DHIS2_PERIOD_TYPES`
        (``"Monthly"``, ``"Weekly"``, ``"Quarterly"``, ``"FinancialJuly"``...).
        Pass ``"Daily"`` to export each stock reading on its own day.
    data_elements, org_units : dict of str to str, optional
        Our indicator / jurisdiction codes → DHIS2 identifiers. A code
        missing from a given mapping is an error, not a silent pass-through.
    data_set : str, optional
        ``dataSet`` identifier of the document.
    complete_date : datetime.date, optional
        ``completeDate`` of the document.

    Returns
    -------
    dict
        ``{"dataSet": ..., "completeDate": ..., "dataValues": [...]}``, the
        first two only when given; data values in the order of `readings`.

    Raises
    ------
    ValidationError
        For an unknown `period_type`; a flow that does not span exactly one
        period of it; two values for one data element, period and org unit
        (two flows in one period, two stock readings on one date, two codes
        mapped to one uid); a value longer than DHIS2 stores; a code missing
        from a mapping; an item that is not a :class:`~de_an06.Reading`.

    See Also
    --------
    de_an06.io.dhis2_period : the id of a period.

    Examples
    --------
    >>> import datetime as dt
    >>> import de_an06 as da
    >>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> ind = da.Indicator("eid-collected", "e-ID applications collected",
    ...                    "Thu nhận hồ sơ ĐDĐT", unit="people")
    >>> doc = to_dhis2_datavalues([da.Reading(ind, 546_234, as_of=dt.date(2023, 7, 1),
    ...                                       jurisdiction=kh)])
    >>> doc["dataValues"][0]
    {'dataElement': 'eid-collected', 'period': '202307', 'orgUnit': '56', 'value': '546234'}
    """
    checked_period_type(_OWNER, period_type)
    if complete_date is not None:
        v.checked_date(_OWNER, "complete_date", complete_date)
    values: list[dict[str, str]] = []
    given: dict[tuple[str, str, str], Reading] = {}
    for period, reading in _one_per_period(_readings(_OWNER, readings), period_type):
        item = {
            "dataElement": _mapped(data_elements, reading.indicator.code, "data_elements"),
            "period": period,
            "orgUnit": _mapped(org_units, reading.jurisdiction.code, "org_units"),
            "value": _dhis2_value(reading),
        }
        key = (item["dataElement"], period, item["orgUnit"])
        if key in given:
            raise v.fail(_OWNER, "readings", "must give one value per data element, period "
                         f"and org unit: {_named(given[key])} and {_named(reading)} both "
                         "give one for", key)
        given[key] = reading
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
