"""Reading the bundled JSON files, once per process."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import resources
from typing import Any, TypeVar

from de_an06 import _validators as v
from de_an06 import io
from de_an06.errors import ParseError, UnknownCodeError
from de_an06.model import Jurisdiction, Programme

_PACKAGE = "de_an06.data"
_FIGURE_FILES = ("reports.json", "national.json")

T = TypeVar("T")


# --------------------------------------------------------------------------
# Loading, once per process
# --------------------------------------------------------------------------


def read_text(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def where(name: str) -> str:
    return f"de_an06/data/{name}"


@functools.cache
def figures() -> io.Dataset:
    parts = [io.loads(read_text(name), file=where(name)) for name in _FIGURE_FILES]
    return io.Dataset(
        sources=merge(p.all_sources() for p in parts),
        jurisdictions=merge(p.all_jurisdictions() for p in parts),
        indicators=merge(p.all_indicators() for p in parts),
        readings=[r for p in parts for r in p.readings],
        targets=[t for p in parts for t in p.targets],
        tasks=[t for p in parts for t in p.tasks],
        claims=[c for p in parts for c in p.claims],
    )


def merge(groups: Iterable[tuple[Any, ...]]) -> tuple[Any, ...]:
    seen: dict[str, Any] = {}
    for group in groups:
        for item in group:
            known = seen.setdefault(item.code, item)
            if known != item:
                raise v.fail("datasets", type(item).__name__.lower(),
                             "must not hold two different objects with one code", item.code)
    return tuple(seen.values())


@functools.cache
def catalogue() -> Programme:
    name = "programme.json"
    try:
        data = json.loads(read_text(name))
    except json.JSONDecodeError as error:
        raise ParseError(f"invalid JSON: {error.msg}", file=where(name),
                         line=error.lineno) from None
    return io.programme_from_dict(data, file=where(name))


@functools.cache
def province_tables() -> tuple[tuple[Jurisdiction, ...], tuple[Jurisdiction, ...],
                                dict[str, str]]:
    name = "provinces.json"
    data = json.loads(read_text(name))
    tables = []
    for key in ("before", "after"):
        document = json.dumps({"jurisdictions": data[key]}, ensure_ascii=False)
        try:
            tables.append(io.loads(document, file=where(name)).jurisdictions)
        except ParseError as error:
            raise ParseError(error.message, file=where(name),
                             column=(error.column or "$").replace("$.jurisdictions",
                                                                  f"$.{key}")) from None
    successors: dict[str, str] = dict(data["successors"])
    return tables[0], tables[1], successors



def text_key(owner: str, field: str, value: object) -> str:
    """`value` if it is a str (a code or a name), else the library's error naming it."""
    if not isinstance(value, str):
        raise v.fail(owner, field, f"must be a str, not {type(value).__name__}", value)
    return value


def by_code(items: tuple[T, ...], code: str, what: str) -> T:
    for item in items:
        if getattr(item, "code", None) == code:
            return item
    raise UnknownCodeError(f"unknown {what} code {code!r}")
