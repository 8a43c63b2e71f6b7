"""The provinces before and after 2025-07-01, and ranks out of them."""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
import warnings
from typing import Final

from de_an06 import _validators as v
from de_an06.datasets._load import by_code, province_tables, text_key
from de_an06.errors import UnknownCodeError
from de_an06.model import Jurisdiction, Level, Rank, Reading, Unit

#: First day of the 34 provinces (Resolution 202/2025/QH15); the 63 hold until the day before.
REORGANISED = dt.date(2025, 7, 1)


def _day(owner: str, as_of: dt.date | None, on: dt.date | None) -> dt.date:
    """The day of `as_of`, or of the deprecated `on` with a warning."""
    if on is not None:
        if as_of is not None:
            raise TypeError(f"{owner}() takes as_of= or the deprecated on=, not both")
        warnings.warn(f"{owner}(on=...) is deprecated since de_an06 0.2 and will be removed "
                      "in 0.3; use as_of=...", DeprecationWarning, stacklevel=3)
        as_of = on
    if as_of is None:
        raise TypeError(f"{owner}() missing 1 required keyword-only argument: 'as_of'")
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):  # type: ignore[redundant-expr]
        raise v.fail(owner, "as_of", "must be a datetime.date", as_of)
    return as_of


def provinces(*, as_of: dt.date | None = None,
              on: dt.date | None = None) -> tuple[Jurisdiction, ...]:
    """The provinces in force on a date: 63 until 2025-06-30, 34 from 2025-07-01.

    Codes are the official two-digit ones; each new province keeps the code of
    one of the provinces merged into it, so a code alone does not say which
    table it belongs to — the date does.

    Parameters
    ----------
    as_of : datetime.date
        The day (required).
    on : datetime.date, optional
        The name of `as_of` before 0.2; deprecated, it warns
        (:class:`DeprecationWarning`) and goes in 0.3.

    Raises
    ------
    ValidationError
        When `as_of` is not a :class:`datetime.date`.
    TypeError
        When neither `as_of` nor `on` is given, or both are.

    Examples
    --------
    >>> old = provinces(as_of=dt.date(2023, 7, 1))
    >>> len(old), old[0].name_vi, old[-1].code
    (63, 'Hà Nội', '96')
    >>> [p.name_vi for p in provinces(as_of=REORGANISED) if p.code in {"48", "51", "56", "66"}]
    ['Đà Nẵng', 'Quảng Ngãi', 'Khánh Hòa', 'Đắk Lắk']
    """
    day = _day("provinces", as_of, on)
    before, after, _ = province_tables()
    return before if day < REORGANISED else after


def province(key: str, *, as_of: dt.date | None = None,
             on: dt.date | None = None) -> Jurisdiction:
    """Find the province in force on `as_of` by code or name (Vietnamese or English).

    Names match whatever the case, the accents and the spacing: ``"Khánh
    Hòa"``, ``"khanh hoa"`` and ``"56"`` all find Khánh Hòa.

    Parameters
    ----------
    key : str
        A code or a name.
    as_of : datetime.date
        The day (required): the 63 provinces until 2025-06-30, the 34 after.
    on : datetime.date, optional
        The name of `as_of` before 0.2; deprecated, it warns
        (:class:`DeprecationWarning`) and goes in 0.3.

    Raises
    ------
    UnknownCodeError
        When nothing matches; the message says where a name of the other
        side of the 2025 merger went, or suggests the names close to `key`.
    ValidationError, TypeError
        As for :func:`provinces`.

    Examples
    --------
    >>> province("khanh hoa", as_of=dt.date(2023, 7, 1)).code
    '56'
    >>> province("Phú Yên", as_of=dt.date(2023, 7, 1)).code
    '54'
    >>> province("Sai Gon", as_of=REORGANISED)
    Traceback (most recent call last):
    ...
    de_an06.errors.UnknownCodeError: no province 'Sai Gon'...mean Thành phố Hồ Chí Minh (79)?
    """
    text_key("province", "key", key)
    day = _day("province", as_of, on)
    table = provinces(as_of=day)
    wanted = _fold(key)
    for item in table:
        if key.strip() == item.code or wanted in {_fold(item.name), _fold(item.name_vi)}:
            return item
    raise UnknownCodeError(f"no province {key!r} on {day.isoformat()} "
                           f"({len(table)} provinces then){_suggestion(wanted, day)}")


#: Other names a province is known by (folded), for suggestions only: never a match.
OTHER_NAMES: Final = {
    "sai gon": "79",  # Ho Chi Minh City's name until 1976, still in common use
    "saigon": "79",
    "tp hcm": "79",
    "hcm": "79",
}


def _suggestion(wanted: str, day: dt.date) -> str:
    """What to say after "no province ...": where the name is, or names close to it.

    A name of the other side of the 2025 merger says so (Phú Yên on
    2025-07-01 was part of Đắk Lắk); otherwise the provinces in force whose
    names are close to `wanted` (folded by :func:`_fold`: no accents, no
    case), by :func:`difflib.get_close_matches`, and the province an other
    name of :data:`OTHER_NAMES` points to. ``""`` when nothing is close.
    """
    before, after, _ = province_tables()
    table, other = (before, after) if day < REORGANISED else (after, before)
    for item in other:
        if wanted in {_fold(item.name), _fold(item.name_vi)}:
            if day < REORGANISED:
                return f"; {item.name_vi} ({item.code}) is a province from {REORGANISED}"
            now = successor(item.code)
            return (f"; {item.name_vi} ({item.code}) was a province until "
                    f"{REORGANISED - dt.timedelta(days=1)}, then part of {now.name_vi} "
                    f"({now.code})")
    names = {_fold(name): item for item in table for name in (item.name_vi, item.name)}
    found = [item for item in table if item.code == OTHER_NAMES.get(wanted)]
    found += [names[name] for name in difflib.get_close_matches(wanted, names, n=3, cutoff=0.7)]
    unique = list(dict.fromkeys(found))
    if not unique:
        return ""
    return "; did you mean " + " or ".join(f"{p.name_vi} ({p.code})" for p in unique) + "?"


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
    text_key("successor", "code", code)
    _, after, successors = province_tables()
    if code not in successors:
        raise UnknownCodeError(f"unknown province code {code!r} (expected one of the 63 "
                               "codes in force until 2025-06-30)")
    return by_code(after, successors[code], "province")


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
    text_key("predecessors", "code", code)
    before, after, successors = province_tables()
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
    >>> from de_an06.datasets import readings
    >>> [str(rank_of(r)) for r in readings(jurisdiction="56", indicator="rank-cccd-eid")]
    ['62/63', '37/63']
    """
    if reading.unit is not Unit.RANK:
        raise v.fail("rank_of", "reading", "must be of a rank indicator", reading.indicator.code)
    if reading.jurisdiction.level is not Level.PROVINCE:
        raise v.fail("rank_of", "reading", "must be reported for a province",
                     reading.jurisdiction.code)
    return Rank(int(reading.value), len(provinces(as_of=reading.as_of)))
