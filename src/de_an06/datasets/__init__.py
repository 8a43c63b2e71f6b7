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
* :func:`national_readings`, :func:`national_series`, :func:`national_targets`
  — Viet Nam's headline figures 2021-2025 (e-ID applications and
  activations, chip cards, the population database...), one reading per
  published figure with its source and :class:`~de_an06.Tier`, dates known
  only to the month kept as such (:class:`~de_an06.Precision`), and the
  national targets citing their instruments.
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
>>> import datetime as dt
>>> before, after = dt.date(2025, 6, 30), datasets.REORGANISED
>>> len(datasets.provinces(as_of=before)), len(datasets.provinces(as_of=after))
(63, 34)
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from de_an06 import _validators as v
from de_an06.datasets._load import by_code, catalogue, figures, province_tables, text_key
from de_an06.datasets._national import (
    national_indicators,
    national_readings,
    national_series,
    national_sources,
    national_targets,
)
from de_an06.datasets._provinces import (
    REORGANISED,
    predecessors,
    province,
    provinces,
    rank_of,
    successor,
)
from de_an06.errors import UnknownCodeError
from de_an06.model import (
    Claim,
    Indicator,
    Jurisdiction,
    Programme,
    Reading,
    Source,
    Target,
    Task,
)

__all__ = [
    "REORGANISED",
    "claims",
    "example_file",
    "indicator",
    "indicators",
    "jurisdiction",
    "jurisdictions",
    "national_indicators",
    "national_readings",
    "national_series",
    "national_sources",
    "national_targets",
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


T = TypeVar("T")


# --------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------


#: The example spreadsheets bundled under ``de_an06/data/examples``.
EXAMPLE_FILES = ("xa_kich_hoat.csv",)


def example_file(name: str = "xa_kich_hoat.csv") -> Path:
    """The path of a bundled example spreadsheet, to try :func:`de_an06.io.read_table` on.

    ``xa_kich_hoat.csv`` is a made-up district's weekly export of level-2
    e-ID activations per commune, laid out as provinces send them: UTF-8
    with BOM, ``;`` separators, CRLF, title rows above the header,
    Vietnamese headers, ``.`` thousands, day-first dates, and the target
    and deadline repeated on every row. Its figures are invented.

    Raises
    ------
    UnknownCodeError
        For a name not in ``EXAMPLE_FILES`` (``("xa_kich_hoat.csv",)``).

    See Also
    --------
    de_an06.io.read_table : Reads it.

    Examples
    --------
    >>> from de_an06 import datasets, io
    >>> table = io.read_table(datasets.example_file())
    >>> table, table.info.names[0]
    (ReadingTable(series=6, readings=48), np.str_('Xã Đồng Tâm'))
    """
    if name not in EXAMPLE_FILES:
        raise UnknownCodeError(f"no example file {name!r} (known: {EXAMPLE_FILES})")
    return Path(str(resources.files("de_an06.data").joinpath("examples").joinpath(name)))


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
    return catalogue()


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
    return figures().sources


def indicators() -> tuple[Indicator, ...]:
    """Every indicator the bundled figures use.

    Examples
    --------
    >>> indicator("rank-cccd-eid").direction.value
    'lower'
    """
    return figures().indicators


def indicator(code: str) -> Indicator:
    """The bundled indicator with `code`.

    Raises
    ------
    UnknownCodeError
        When no bundled indicator has that code.
    """
    return by_code(indicators(), text_key("indicator", "code", code), "indicator")


def jurisdictions() -> tuple[Jurisdiction, ...]:
    """The nation, provinces and districts the bundled figures are reported for.

    Examples
    --------
    >>> jurisdiction("51-tra-bong").parent
    '51'
    """
    return figures().jurisdictions


def jurisdiction(code: str) -> Jurisdiction:
    """The jurisdiction with `code`: one the figures use, else a province (either table).

    Raises
    ------
    UnknownCodeError
        When the code is neither.
    """
    text_key("jurisdiction", "code", code)
    for item in jurisdictions():
        if item.code == code:
            return item
    before, after, _ = province_tables()
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
    return _filtered(figures().readings, jurisdiction=jurisdiction, indicator=indicator,
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
    return _filtered(figures().targets, jurisdiction=jurisdiction, indicator=indicator,
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
    return _filtered(figures().claims, jurisdiction=jurisdiction, indicator=indicator,
                     source=source, subunits=subunits)


def _filtered(items: tuple[T, ...], *, jurisdiction: str | Jurisdiction | None,
              indicator: str | Indicator | None, source: str | Source | None,
              subunits: bool) -> tuple[T, ...]:
    if not isinstance(subunits, bool):
        raise v.fail("datasets", "subunits", f"must be a bool, not {type(subunits).__name__}",
                     subunits)
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
    by_code(known, code, what)
    return code


def _jurisdiction_code(value: object) -> str:
    code = value.code if isinstance(value, Jurisdiction) else value
    if not isinstance(code, str):
        raise v.fail("datasets", "jurisdiction", "must be a code or a Jurisdiction", value)
    jurisdiction(code)
    return code
