"""The object a dotted name in the docs stands for: shared by the docs tests and the site checks."""

from __future__ import annotations

import importlib


def resolve(target: str) -> object:
    """The object a dotted autodoc target or inventory entry names (``de_an06.Reading``)."""
    parts = target.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            obj = getattr(obj, attribute)
        return obj
    raise LookupError(target)  # pragma: no cover - the docs name importable objects
