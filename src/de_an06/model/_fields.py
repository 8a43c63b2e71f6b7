"""Field helpers shared by the model's classes: enum converters, text fields, deadlines.

attrs' mypy plugin only follows converters that are named functions, so each
enum gets its own small converter here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from de_an06 import _validators as v
from de_an06.model.enums import (
    Basis,
    ClaimKind,
    Confidence,
    Direction,
    Level,
    Measure,
    Precision,
    Qualifier,
    ServiceLevel,
    TaskStatus,
    Tier,
    Unit,
)

#: Date of Decision 06/QĐ-TTg; no target or task deadline may precede it.
PROGRAMME_START = dt.date(2022, 1, 6)


def as_basis(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Basis, value)


def as_claim_kind(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(ClaimKind, value)


def as_confidence(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Confidence, value)


def as_direction(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Direction, value)


def as_level(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Level, value)


def as_measure(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Measure, value)


def as_optional_service_level(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_optional_enum(ServiceLevel, value)


def as_qualifier(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Qualifier, value)


def as_task_status(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(TaskStatus, value)


def as_unit(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Unit, value)


def text_field(**kwargs: Any) -> Any:  # noqa: ANN401
    """A non-blank, NFC-normalised text field."""
    return attrs.field(converter=v.to_nfc, validator=v.is_text, **kwargs)


def note_field() -> Any:  # noqa: ANN401
    """The keyword-only free-remarks field every class ends with."""
    return attrs.field(default="", converter=v.to_nfc, validator=v.is_note, kw_only=True)


def source_field() -> Any:  # noqa: ANN401
    """The keyword-only ``source`` field: the :class:`~de_an06.Source` of a figure, or ``None``."""
    from de_an06.model.places import Source

    return attrs.field(default=None, kw_only=True, validator=v.is_optional_instance(Source))


# ``inferred`` stays declared in each class: attrs' mypy plugin types ``__init__``
# from a converter only when it sees the ``attrs.field`` call itself.


def in_programme(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a date not before :data:`PROGRAMME_START` (targets and task deadlines)."""
    v.is_optional_date(instance, attribute, value)
    if value is not None and value < PROGRAMME_START:  # type: ignore[operator]
        raise v.fail(instance, attribute.name,
                     f"must not precede the programme start {PROGRAMME_START}", value)


def inferred_names(owner: object, names: frozenset[Any], allowed: frozenset[str]) -> None:
    """Check the ``inferred`` field of a reading or claim: names of its own fields."""
    if not all(isinstance(x, str) for x in names):
        raise v.fail(owner, "inferred", "must be a set of field names", names)
    unknown = names - allowed
    if unknown:
        raise v.fail(owner, "inferred", f"may only name {sorted(allowed)}", sorted(unknown))


def as_precision(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_enum(Precision, value)


def as_optional_tier(value: object) -> Any:  # noqa: ANN401 - validated next
    return v.as_optional_enum(Tier, value)
