"""What each column of a spreadsheet means: the header vocabulary of :func:`read_table`.

:data:`HEADER_VOCABULARY` is THE table of the headers :func:`read_table`
understands without help, Vietnamese and English; :func:`map_headers` turns a
header row (and the caller's ``columns=``) into the role of each column, and
:func:`wide_header` reads the date a header of a wide file stands for.

Examples
--------
>>> m = map_headers(["STT", "Mã xã", "Tên xã", "Ngày", "Giá trị"], None)
>>> sorted(m.roles.items())
[('code', [1]), ('date', [3]), ('name', [2]), ('value', [4])]
>>> m.level
<Level.COMMUNE: 'commune'>
>>> wide_header("Tháng 2/2024"), wide_header("2024-03-31"), wide_header("Ghi chú")
(datetime.date(2024, 2, 29), datetime.date(2024, 3, 31), None)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from de_an06.errors import ParseError
from de_an06.model import Level

__all__ = ["HEADER_VOCABULARY", "ROLES", "HeaderMap", "map_headers", "normalise", "unmapped_error",
           "wide_header"]

#: The roles a column can play, and what each holds.
ROLES: Final = {
    "id": "the series id (several columns are joined with '/')",
    "code": "the jurisdiction code",
    "name": "the jurisdiction name",
    "parent": "the code of the enclosing jurisdiction",
    "date": "the date of the reading",
    "value": "the value read",
    "target": "the series' target",
    "deadline": "the deadline of the target",
    "indicator": "the indicator code (files holding several)",
    "direction": "'higher' or 'lower' is better",
}

_C, _D, _P, _N = Level.COMMUNE, Level.DISTRICT, Level.PROVINCE, Level.NATION

#: THE header vocabulary: normalised header -> (role, level of the code or name).
#: A header matches when it equals an entry, or starts with an entry ending in
#: ``"*"``. Headers are normalised by :func:`normalise` (NFC, lower case, one
#: space, no trailing ``:``).
HEADER_VOCABULARY: Final[dict[str, tuple[str, Level | None]]] = {
    # the jurisdiction code, by level
    "mã xã": ("code", _C), "mã phường": ("code", _C), "mã xã/phường": ("code", _C),
    "mã phường/xã": ("code", _C), "mã xã, phường": ("code", _C),
    "commune code": ("code", _C), "mã huyện": ("code", _D), "mã quận/huyện": ("code", _D),
    "district code": ("code", _D), "mã tỉnh": ("code", _P), "mã tỉnh/thành phố": ("code", _P),
    "province code": ("code", _P), "mã đơn vị": ("code", None), "code": ("code", None),
    "jurisdiction": ("code", None), "jurisdiction code": ("code", None),
    # the jurisdiction name, by level
    "tên xã": ("name", _C), "tên phường": ("name", _C), "tên xã/phường": ("name", _C),
    "xã/phường": ("name", _C), "commune": ("name", _C), "tên huyện": ("name", _D),
    "district": ("name", _D), "tên tỉnh": ("name", _P), "tỉnh/thành phố": ("name", _P),
    "province": ("name", _P), "tên đơn vị": ("name", None), "đơn vị": ("name", None),
    "name": ("name", None), "jurisdiction name": ("name", None),
    # series id, when it is not a jurisdiction code
    "id": ("id", None), "series": ("id", None), "series id": ("id", None),
    # date
    "ngày": ("date", None), "ngày báo cáo": ("date", None), "ngày cập nhật": ("date", None),
    "thời điểm": ("date", None), "date": ("date", None), "as_of": ("date", None),
    "as of": ("date", None), "report date": ("date", None),
    # value
    "giá trị": ("value", None), "số liệu": ("value", None), "kết quả": ("value", None),
    "số lượng": ("value", None), "số tài khoản*": ("value", None), "value": ("value", None),
    # target and deadline
    "chỉ tiêu": ("target", None), "mục tiêu": ("target", None), "kế hoạch": ("target", None),
    "target": ("target", None), "hạn": ("deadline", None), "hạn hoàn thành": ("deadline", None),
    "thời hạn": ("deadline", None), "deadline": ("deadline", None), "due": ("deadline", None),
    # indicator and direction
    "chỉ số": ("indicator", None), "mã chỉ số": ("indicator", None),
    "indicator": ("indicator", None), "xu hướng tốt": ("direction", None),
    "direction": ("direction", None),
}
_PREFIXES: Final = tuple((key[:-1], role) for key, role in HEADER_VOCABULARY.items()
                         if key.endswith("*"))
_SPACES: Final = re.compile(r"\s+")

# Headers of a wide file: a date, or a month (the reading of a month is dated
# its last day).
_MONTH: Final = re.compile(r"(?:tháng|th|t|month)?\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})")
_ISO_MONTH: Final = re.compile(r"([0-9]{4})-([0-9]{2})")
_DAY_FIRST: Final = re.compile(r"(?:ngày\s*)?([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")
_ISO_DAY: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def normalise(header: str) -> str:
    """A header as the vocabulary spells it: NFC, lower case, single spaces, no ``:``.

    Examples
    --------
    >>> normalise("  Mã  XÃ: ")
    'mã xã'
    """
    text = unicodedata.normalize("NFC", header).casefold()
    return _SPACES.sub(" ", text).strip().rstrip(":*").strip()


def _vocabulary_role(header: str) -> tuple[str, Level | None] | None:
    key = normalise(header)
    found = HEADER_VOCABULARY.get(key)
    if found is not None:
        return found
    for prefix, role in _PREFIXES:
        if key.startswith(prefix):
            return role
    return None


def wide_header(header: str) -> dt.date | None:
    """The date a column of a wide file holds, or None for any other header.

    ``2024-03-31`` and ``31/3/2024`` are that day; ``Tháng 3/2024``,
    ``T3/2024``, ``03/2024`` and ``2024-03`` are that month, dated its last day.
    """
    key = normalise(header)
    match = _ISO_DAY.fullmatch(key)
    parts: tuple[int, int, int] | None = None
    if match:
        parts = (int(match[1]), int(match[2]), int(match[3]))
    elif match := _DAY_FIRST.fullmatch(key):
        parts = (int(match[4]), int(match[3]), int(match[1]))
    elif (match := _MONTH.fullmatch(key)) or (match := _ISO_MONTH.fullmatch(key)):
        year, month = ((int(match[2]), int(match[1])) if match.re is _MONTH
                       else (int(match[1]), int(match[2])))
        if 1 <= month <= 12 and year >= 1:  # noqa: PLR2004 - months of the year
            parts = (year, month, calendar.monthrange(year, month)[1])
    if parts is None:
        return None
    try:
        return dt.date(*parts)
    except ValueError:
        return None


@attrs.frozen
class HeaderMap:
    """The roles of the columns of one header row.

    Parameters
    ----------
    headers : tuple of str
        The header row, as the file spells it.
    roles : dict
        Role -> indices of its columns (several only for ``"id"``).
    level : Level or None
        The level of the code column, when its header says it.
    wide : dict
        Index -> date of each date column of a wide file (empty for a long file).
    """

    headers: tuple[str, ...]
    roles: dict[str, list[int]]
    level: Level | None
    wide: dict[int, dt.date]

    def missing(self) -> list[str]:
        """The roles a table needs that no column plays."""
        needed = [] if ("code" in self.roles or "id" in self.roles) else ["code"]
        if not self.wide:
            needed += [role for role in ("date", "value") if role not in self.roles]
        return needed

    def header(self, role: str) -> str:
        """The header of the (first) column playing `role`."""
        return self.headers[self.roles[role][0]]


def _explicit(headers: Sequence[str], columns: Mapping[str, str],
              file: str) -> dict[str, list[int]]:
    roles: dict[str, list[int]] = {}
    stripped = [h.strip() for h in headers]
    for header, role in columns.items():
        if role not in ROLES:
            raise ParseError(f"columns maps {header!r} to {role!r}, which is not a role "
                             f"(roles: {', '.join(ROLES)})", file=file)
        index = stripped.index(header.strip())
        if role in roles and role != "id":
            raise ParseError(f"columns maps both {headers[roles[role][0]]!r} and {header!r} "
                             f"to {role!r}", file=file)
        roles.setdefault(role, []).append(index)
    for indices in roles.values():
        indices.sort()
    return roles


def map_headers(headers: Sequence[str], columns: Mapping[str, str] | None, *,  # noqa: C901
                file: str = "<table>") -> HeaderMap:
    """The role of each column of `headers`: `columns` first, then the vocabulary.

    A header `columns` does not mention takes its role from
    :data:`HEADER_VOCABULARY` when no other column plays that role already;
    headers the vocabulary does not know are ignored. When several code
    columns are given (province, district, commune), the lowest level is the
    jurisdiction and the one above it the parent.

    Raises
    ------
    ParseError
        For a `columns` entry naming an unknown role or a header not in the
        file, or two columns the vocabulary gives one role.
    """
    roles = _explicit(headers, columns or {}, file)
    taken = {i for indices in roles.values() for i in indices}
    found: dict[str, list[tuple[int, Level | None]]] = {}
    wide: dict[int, dt.date] = {}
    for index, header in enumerate(headers):
        if index in taken:
            continue
        role = _vocabulary_role(header)
        if role is not None and role[0] not in roles:
            found.setdefault(role[0], []).append((index, role[1]))
        elif role is None and (day := wide_header(header)) is not None:
            wide[index] = day
    level = None
    codes = sorted(found.pop("code", []), key=lambda c: -1 if c[1] is None else c[1].depth)
    if codes:
        roles["code"] = [codes[-1][0]]
        level = codes[-1][1]
        if len(codes) > 1 and "parent" not in roles:
            roles["parent"] = [codes[-2][0]]
    names = found.pop("name", [])
    if names and "name" not in roles:
        same = [i for i, lv in names if lv is level] or [i for i, _ in names]
        roles["name"] = [same[-1]]
    for name, indices in found.items():
        if len(indices) > 1:
            both = " and ".join(repr(headers[i]) for i, _ in indices[:2])
            raise ParseError(f"{both} could both be the {name} column; choose one with "
                             f"columns={{{headers[indices[0][0]]!r}: {name!r}}}", file=file)
        roles[name] = [indices[0][0]]
    if "date" in roles or "value" in roles:
        wide = {}
    return HeaderMap(tuple(headers), roles, level, wide)


def _listed(headers: Sequence[str]) -> str:
    return ", ".join(repr(h) for h in headers)


def unmapped_error(headers: Sequence[str], missing: Sequence[str], *, file: str,
                   line: int | None) -> ParseError:
    """THE error for a header row lacking roles: the headers, the roles, how to map them."""
    example = ", ".join(f"'<header>': {role!r}" for role in missing)
    hint = ""
    if len(headers) == 1 and any(d in headers[0] for d in ",;\t|"):
        hint = " (one column: is the delimiter right? pass delimiter=)"
    return ParseError(
        f"no column for {', '.join(repr(r) for r in missing)} among the headers "
        f"{_listed(headers)}{hint}; map them with columns={{{example}}}",
        file=file, line=line)
