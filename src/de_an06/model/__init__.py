"""Immutable, validated domain objects of the Đề án 06 programme.

Every class here is an :func:`attrs.frozen` value class: hashable, comparable,
changed only through :func:`attrs.evolve` (which validates again), and checked
at construction. Bad input raises :class:`~de_an06.ValidationError` naming the
class, the field and the value.

The package is laid out by topic: :mod:`~de_an06.model.enums` (the closed
sets, with their Vietnamese labels), :mod:`~de_an06.model.rules` (value rules
and qualifier intervals, each stated once), ``places``
(:class:`~de_an06.Source`, :class:`~de_an06.Jurisdiction`), ``figures``
(:class:`~de_an06.Indicator`, :class:`~de_an06.Target`,
:class:`~de_an06.Reading`, :class:`~de_an06.Rank`), ``series``
(:class:`~de_an06.Series`), ``catalogue`` (the programme, its tasks and
services) and ``claims`` (:class:`~de_an06.Claim`). Import the classes from here.

Examples
--------
>>> import datetime as dt
>>> from de_an06 import Indicator, Jurisdiction, Level, Reading, Unit
>>> khanh_hoa = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level=Level.PROVINCE, parent="VN")
>>> collected = Indicator("eid-collected", "e-ID applications collected",
...                       "Hồ sơ định danh điện tử đã thu nhận", unit=Unit.PEOPLE)
>>> reading = Reading(collected, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=khanh_hoa)
>>> reading.value, reading.unit
(546234, <Unit.PEOPLE: 'people'>)
"""

from __future__ import annotations

from de_an06.model._fields import PROGRAMME_START
from de_an06.model.catalogue import (
    EssentialService,
    LinkedService,
    Programme,
    Task,
    UtilityGroup,
)
from de_an06.model.claims import Claim
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
from de_an06.model.figures import Indicator, Reading, Target
from de_an06.model.places import Jurisdiction, Source
from de_an06.model.ranks import Rank
from de_an06.model.series import Series

__all__ = [
    "PROGRAMME_START",
    "Basis",
    "Claim",
    "ClaimKind",
    "Confidence",
    "Direction",
    "EssentialService",
    "Indicator",
    "Jurisdiction",
    "Level",
    "LinkedService",
    "Measure",
    "Precision",
    "Programme",
    "Qualifier",
    "Rank",
    "Reading",
    "Series",
    "ServiceLevel",
    "Source",
    "Target",
    "Task",
    "TaskStatus",
    "Tier",
    "Unit",
    "UtilityGroup",
]


def __dir__() -> list[str]:
    return __all__
