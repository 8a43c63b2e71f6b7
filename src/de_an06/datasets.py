"""The programme's own data, bundled: catalogue, report figures and provinces.

Everything here is read from JSON files shipped inside the package
(``de_an06/data/``) through the same :mod:`de_an06.io` readers a user's file
goes through, so the bundled data gets exactly the same validation. Files are
read once, on first use, and cached; every function returns immutable objects
(tuples of frozen instances).

* :func:`programme` — the catalogue of Decision 06/QĐ-TTg: period, the five
  utility groups, the 25 essential services (2025 list, each with a
  :class:`~de_an06.Confidence`), the two linked-service bundles and the tasks
  the reports name.
* :func:`readings`, :func:`targets`, :func:`claims` — every figure of the five
  provincial reports (2022-2024) with its date, qualifier, basis and
  :class:`~de_an06.Source`, plus a few national targets from directives.
  Readings keep the jurisdiction *as reported*; mapping a province of before
  2025-07-01 to its successor is the separate, explicit :func:`successor`.
* :func:`provinces` — the 63 provinces in force until 2025-06-30 and the 34
  from 2025-07-01 (Resolution 202/2025/QH15), with :func:`successor` and
  :func:`predecessors`.

Examples
--------
>>> from de_an06 import datasets
>>> [r.value for r in datasets.readings(jurisdiction="56", indicator="eid-collected")]
[546234]
>>> datasets.successor("54").name_vi
'Đắk Lắk'
>>> len(datasets.provinces(on=dt.date(2025, 6, 30))), len(datasets.provinces(on=REORGANISED))
(63, 34)
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import unicodedata
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any, TypeVar

from de_an06 import _validators as v
from de_an06 import io
from de_an06.errors import ParseError, UnknownCodeError
from de_an06.model import (
    Claim,
    Indicator,
    Jurisdiction,
    Level,
    Programme,
    Rank,
    Reading,
    Source,
    Target,
    Task,
    Unit,
)

__all__ = [
    "REORGANISED",
    "claims",
    "indicator",
    "indicators",
    "jurisdiction",
    "jurisdictions",
    "predecessors",
    "programme",
    "province",
    "provinces",
    "rank_of",
    "readings",
    "sources",
    "successor",
    "targets",
    "tasks",
]


def __dir__() -> list[str]:
    return __all__


#: First day of the 34 provinces (Resolution 202/2025/QH15); the 63 hold until the day before.
REORGANISED = dt.date(2025, 7, 1)

_PACKAGE = "de_an06.data"
_FIGURE_FILES = ("reports.json", "national.json")

T = TypeVar("T")


# --------------------------------------------------------------------------
# Loading, once per process
# --------------------------------------------------------------------------


def _text(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _where(name: str) -> str:
    return f"de_an06/data/{name}"


@functools.cache
def _figures() -> io.Dataset:
    parts = [io.loads(_text(name), file=_where(name)) for name in _FIGURE_FILES]
    return io.Dataset(
        sources=_merge(p.all_sources() for p in parts),
        jurisdictions=_merge(p.all_jurisdictions() for p in parts),
        indicators=_merge(p.all_indicators() for p in parts),
        readings=[r for p in parts for r in p.readings],
        targets=[t for p in parts for t in p.targets],
        tasks=[t for p in parts for t in p.tasks],
        claims=[c for p in parts for c in p.claims],
    )


def _merge(groups: Iterable[tuple[Any, ...]]) -> tuple[Any, ...]:
    seen: dict[str, Any] = {}
    for group in groups:
        for item in group:
            known = seen.setdefault(item.code, item)
            if known != item:
                raise v.fail("datasets", type(item).__name__.lower(),
                             "must not hold two different objects with one code", item.code)
    return tuple(seen.values())


@functools.cache
def _programme() -> Programme:
    name = "programme.json"
    try:
        data = json.loads(_text(name))
    except json.JSONDecodeError as error:
        raise ParseError(f"invalid JSON: {error.msg}", file=_where(name),
                         line=error.lineno) from None
    return io.programme_from_dict(data, file=_where(name))


@functools.cache
def _province_tables() -> tuple[tuple[Jurisdiction, ...], tuple[Jurisdiction, ...],
                                dict[str, str]]:
    name = "provinces.json"
    data = json.loads(_text(name))
    tables = []
    for key in ("before", "after"):
        document = json.dumps({"jurisdictions": data[key]}, ensure_ascii=False)
        try:
            tables.append(io.loads(document, file=_where(name)).jurisdictions)
        except ParseError as error:
            raise ParseError(error.message, file=_where(name),
                             column=(error.column or "$").replace("$.jurisdictions",
                                                                  f"$.{key}")) from None
    successors: dict[str, str] = dict(data["successors"])
    return tables[0], tables[1], successors


# --------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------


def programme() -> Programme:
    """The catalogue of Đề án 06 (Decision 06/QĐ-TTg of 2022-01-06).

    The 25 essential services are the 2025 list; each carries a
    :class:`~de_an06.Confidence` (``INFERRED`` where the lead agency is
    reasoned, not read). The two linked-service bundles carry Quảng Ngãi's
    reported 21 → 4 working days and 3 → 1 declarations. Tasks are only those
    the bundled reports name: the decision's 52 tasks and 7 viewpoints are not
    reachable and are not invented.

    Examples
    --------
    >>> p = programme()
    >>> p.decision, p.approved.isoformat(), p.start_year, p.end_year, p.vision_year
    ('06/QĐ-TTg', '2022-01-06', 2022, 2025, 2030)
    >>> len(p.groups), len(p.services)
    (5, 25)
    >>> birth = p.linked_services[0]
    >>> birth.days_saved, round(100 * birth.time_cut, 2), birth.declarations_saved
    (17, 80.95, 2)
    >>> p.service("ess-13").lead, p.service("ess-25").confidence.value
    ('BCA', 'inferred')
    """
    return _programme()


def tasks(*, jurisdiction: str | Jurisdiction | None = None) -> tuple[Task, ...]:
    """The tasks the reports name, optionally only those of one jurisdiction.

    Examples
    --------
    >>> [t.deadline.isoformat() for t in tasks(jurisdiction="49")]
    ['2022-06-01', '2022-12-01']
    """
    if jurisdiction is None:
        return programme().tasks
    code = _jurisdiction_code(jurisdiction)
    return tuple(t for t in programme().tasks if t.jurisdiction == code)


# --------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------


def sources() -> tuple[Source, ...]:
    """The documents the bundled figures come from: the five reports, then directives.

    Examples
    --------
    >>> [s.code for s in sources()][:5]
    ['kh-2023-07-02', 'qn-2024', 'ht-2024-04', 'py-2024-01', 'qnam-2022-11']
    """
    return _figures().sources


def indicators() -> tuple[Indicator, ...]:
    """Every indicator the bundled figures use.

    Examples
    --------
    >>> indicator("rank-cccd-eid").direction.value
    'lower'
    """
    return _figures().indicators


def indicator(code: str) -> Indicator:
    """The bundled indicator with `code`.

    Raises
    ------
    UnknownCodeError
        When no bundled indicator has that code.
    """
    return _by_code(indicators(), code, "indicator")


def jurisdictions() -> tuple[Jurisdiction, ...]:
    """The nation, provinces and districts the bundled figures are reported for.

    Examples
    --------
    >>> jurisdiction("51-tra-bong").parent
    '51'
    """
    return _figures().jurisdictions


def jurisdiction(code: str) -> Jurisdiction:
    """The jurisdiction with `code`: one the figures use, else a province (either table).

    Raises
    ------
    UnknownCodeError
        When the code is neither.
    """
    for item in jurisdictions():
        if item.code == code:
            return item
    before, after, _ = _province_tables()
    for item in (*before, *after):
        if item.code == code:
            return item
    raise UnknownCodeError(f"unknown jurisdiction code {code!r}")


def readings(
    *,
    jurisdiction: str | Jurisdiction | None = None,
    indicator: str | Indicator | None = None,
    source: str | Source | None = None,
    subunits: bool = False,
) -> tuple[Reading, ...]:
    """The bundled readings, in file order, optionally filtered.

    Parameters
    ----------
    jurisdiction : str or Jurisdiction, optional
        Only readings reported for this place (its code or the object).
    indicator : str or Indicator, optional
        Only readings of this indicator.
    source : str or Source, optional
        Only readings from this document.
    subunits : bool
        With `jurisdiction`, also readings of the districts (and communes)
        inside it.

    Raises
    ------
    UnknownCodeError
        When a code given is not known, so a typo never looks like "no data".

    Examples
    --------
    >>> share = readings(jurisdiction="54", indicator="insurance-verified-share")[0]
    >>> share.value, round(share.computed_percent, 3)
    (98.94, 98.949)
    >>> len(readings(jurisdiction="51", subunits=True)) > len(readings(jurisdiction="51"))
    True
    """
    return _filtered(_figures().readings, jurisdiction=jurisdiction, indicator=indicator,
                     source=source, subunits=subunits)


def targets(
    *,
    jurisdiction: str | Jurisdiction | None = None,
    indicator: str | Indicator | None = None,
    source: str | Source | None = None,
    subunits: bool = False,
) -> tuple[Target, ...]:
    """The bundled targets, filtered like :func:`readings`.

    Targets the reports never print ("exceeds the target by 17 %") are derived
    under the percentage-point reading and marked ``inferred``; their note
    gives the relative reading too.

    Examples
    --------
    >>> t = targets(jurisdiction="51-tra-bong", indicator="welfare-noncash-share")[0]
    >>> t.value, t.inferred
    (30, True)
    >>> targets(jurisdiction="56", indicator="eid-collected")[0].value
    756805
    """
    return _filtered(_figures().targets, jurisdiction=jurisdiction, indicator=indicator,
                     source=source, subunits=subunits)


def claims(
    *,
    jurisdiction: str | Jurisdiction | None = None,
    indicator: str | Indicator | None = None,
    source: str | Source | None = None,
    subunits: bool = False,
) -> tuple[Claim, ...]:
    """The statements the reports make about their figures, filtered like :func:`readings`.

    Examples
    --------
    >>> [c.margin for c in claims(jurisdiction="51-tra-bong")]
    [17, 13, 16]
    """
    return _filtered(_figures().claims, jurisdiction=jurisdiction, indicator=indicator,
                     source=source, subunits=subunits)


def _filtered(items: tuple[T, ...], *, jurisdiction: str | Jurisdiction | None,
              indicator: str | Indicator | None, source: str | Source | None,
              subunits: bool) -> tuple[T, ...]:
    tests: list[Callable[[Any], bool]] = []
    if jurisdiction is not None:
        code = _jurisdiction_code(jurisdiction)
        if subunits:
            tests.append(lambda x: _within(x.jurisdiction, code))
        else:
            tests.append(lambda x: x.jurisdiction.code == code)
    if indicator is not None:
        wanted = _code_of(indicator, Indicator, indicators(), "indicator")
        tests.append(lambda x: x.indicator is not None and x.indicator.code == wanted)
    if source is not None:
        origin = _code_of(source, Source, sources(), "source")
        tests.append(lambda x: x.source is not None and x.source.code == origin)
    if not tests:
        return items
    return tuple(x for x in items if all(test(x) for test in tests))


def _within(place: Jurisdiction, code: str) -> bool:
    parents = {j.code: j.parent for j in jurisdictions()}
    current: str | None = place.code
    while current is not None:
        if current == code:
            return True
        current = parents.get(current)
    return False


def _code_of(value: object, kind: type[Any], known: tuple[Any, ...], what: str) -> str:
    code = value.code if isinstance(value, kind) else value
    if not isinstance(code, str):
        raise v.fail("datasets", what, f"must be a code or a {kind.__name__}", value)
    _by_code(known, code, what)
    return code


def _jurisdiction_code(value: object) -> str:
    code = value.code if isinstance(value, Jurisdiction) else value
    if not isinstance(code, str):
        raise v.fail("datasets", "jurisdiction", "must be a code or a Jurisdiction", value)
    jurisdiction(code)
    return code


def _by_code(items: tuple[T, ...], code: str, what: str) -> T:
    for item in items:
        if getattr(item, "code", None) == code:
            return item
    raise UnknownCodeError(f"unknown {what} code {code!r}")


# --------------------------------------------------------------------------
# Provinces, before and after 2025-07-01
# --------------------------------------------------------------------------


def provinces(*, on: dt.date) -> tuple[Jurisdiction, ...]:
    """The provinces in force on a date: 63 until 2025-06-30, 34 from 2025-07-01.

    Codes are the official two-digit ones; each new province keeps the code of
    one of the provinces merged into it, so a code alone does not say which
    table it belongs to — the date does.

    Raises
    ------
    ValidationError
        When `on` is not a :class:`datetime.date`.

    Examples
    --------
    >>> old = provinces(on=dt.date(2023, 7, 1))
    >>> len(old), old[0].name_vi, old[-1].code
    (63, 'Hà Nội', '96')
    >>> [p.name_vi for p in provinces(on=REORGANISED) if p.code in {"48", "51", "56", "66"}]
    ['Đà Nẵng', 'Quảng Ngãi', 'Khánh Hòa', 'Đắk Lắk']
    """
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):  # type: ignore[redundant-expr]
        raise v.fail("provinces", "on", "must be a datetime.date", on)
    before, after, _ = _province_tables()
    return before if on < REORGANISED else after


def province(key: str, *, on: dt.date) -> Jurisdiction:
    """Find the province in force on `on` by code or name (Vietnamese or English).

    Names match whatever the case, the accents and the spacing: ``"Khánh
    Hòa"``, ``"khanh hoa"`` and ``"56"`` all find Khánh Hòa.

    Raises
    ------
    UnknownCodeError
        When nothing matches.

    Examples
    --------
    >>> province("khanh hoa", on=dt.date(2023, 7, 1)).code
    '56'
    >>> province("Phú Yên", on=dt.date(2023, 7, 1)).code
    '54'
    """
    table = provinces(on=on)
    wanted = _fold(key)
    for item in table:
        if key.strip() == item.code or wanted in {_fold(item.name), _fold(item.name_vi)}:
            return item
    raise UnknownCodeError(f"no province {key!r} on {on.isoformat()} "
                           f"({len(table)} provinces then)")


def _fold(text: str) -> str:
    """Lower case, no accents, đ → d, single spaces."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(stripped.lower().replace("-", " ").split())


def successor(code: str) -> Jurisdiction:
    """The province (from 2025-07-01) that a province of the 63 became part of.

    Raises
    ------
    UnknownCodeError
        When `code` is not one of the 63 codes.

    Examples
    --------
    >>> for code in ("54", "49", "62", "58", "42"):
    ...     print(code, "->", successor(code).code, successor(code).name_vi)
    54 -> 66 Đắk Lắk
    49 -> 48 Đà Nẵng
    62 -> 51 Quảng Ngãi
    58 -> 56 Khánh Hòa
    42 -> 42 Hà Tĩnh
    """
    _, after, successors = _province_tables()
    if code not in successors:
        raise UnknownCodeError(f"unknown province code {code!r} (expected one of the 63 "
                               "codes in force until 2025-06-30)")
    return _by_code(after, successors[code], "province")


def predecessors(code: str) -> tuple[Jurisdiction, ...]:
    """The provinces of the 63 that make up a province of the 34, in code order.

    Raises
    ------
    UnknownCodeError
        When `code` is not one of the 34 codes.

    Examples
    --------
    >>> [p.name_vi for p in predecessors("51")]
    ['Quảng Ngãi', 'Kon Tum']
    >>> [p.code for p in predecessors("42")]
    ['42']
    """
    before, after, successors = _province_tables()
    if code not in {p.code for p in after}:
        raise UnknownCodeError(f"unknown province code {code!r} (expected one of the 34 "
                               "codes in force from 2025-07-01)")
    return tuple(p for p in before if successors[p.code] == code)


def rank_of(reading: Reading) -> Rank:
    """A rank reading as a :class:`~de_an06.Rank` out of the provinces of its date.

    A rank reported before 2025-07-01 stays out of 63, whenever it is read.

    Raises
    ------
    ValidationError
        When the reading is not a rank, or not reported for a province.

    Examples
    --------
    >>> [str(rank_of(r)) for r in readings(jurisdiction="56", indicator="rank-cccd-eid")]
    ['62/63', '37/63']
    """
    if reading.unit is not Unit.RANK:
        raise v.fail("rank_of", "reading", "must be of a rank indicator", reading.indicator.code)
    if reading.jurisdiction.level is not Level.PROVINCE:
        raise v.fail("rank_of", "reading", "must be reported for a province",
                     reading.jurisdiction.code)
    return Rank(int(reading.value), len(provinces(on=reading.as_of)))
