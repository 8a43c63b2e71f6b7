"""The programme catalogue as JSON data (public through :mod:`de_an06.io`)."""

from __future__ import annotations

from de_an06.io._json import _Reader, _record
from de_an06.model import Programme

__all__ = ["programme_from_dict", "programme_to_dict"]



def programme_to_dict(programme: Programme) -> dict[str, object]:
    """The programme catalogue as JSON-ready data (see :func:`programme_from_dict`)."""
    return _record(programme)


def programme_from_dict(data: object, *, file: str = "<data>") -> Programme:
    """Build a :class:`~de_an06.Programme` from JSON data, validating every entry.

    Raises
    ------
    ParseError
        Naming the JSON path of the first bad entry.

    Examples
    --------
    >>> p = programme_from_dict({"code": "de-an-06", "name": "Project 06",
    ...     "name_vi": "Đề án 06", "decision": "06/QĐ-TTg", "approved": "2022-01-06",
    ...     "start_year": 2022, "end_year": 2025, "vision_year": 2030,
    ...     "groups": [{"number": 3, "name": "Digital citizens", "name_vi": "Công dân số"}]})
    >>> p.groups[0].code
    'group-3'
    """
    reader = _Reader(file, collect=False, by_code=False)
    programme: Programme = reader.build(Programme, data, "$")
    return programme
