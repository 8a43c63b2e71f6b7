"""The catalogue: utility groups, tasks, essential and linked services, the programme."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from de_an06 import _display
from de_an06 import _validators as v
from de_an06.errors import UnknownCodeError
from de_an06.model import rules
from de_an06.model._fields import (
    as_confidence,
    as_optional_service_level,
    as_task_status,
    as_unit,
    in_programme,
    note_field,
    source_field,
    text_field,
)
from de_an06.model.enums import Confidence, ServiceLevel, TaskStatus, Unit
from de_an06.model.places import Source

__all__ = ["EssentialService", "LinkedService", "Programme", "Task", "UtilityGroup"]


@attrs.frozen
class UtilityGroup:
    """One of the programme's five utility groups (:term:`nhóm tiện ích`).

    Examples
    --------
    >>> UtilityGroup(3, "Building digital citizens", "Phát triển công dân số").code
    'group-3'
    """

    number: int = attrs.field(validator=[v.is_int, v.between(1, 5)])
    name: str = text_field()
    name_vi: str = text_field()
    confidence: Confidence = attrs.field(default=Confidence.CONFIRMED, converter=as_confidence,
                                         validator=v.is_instance(Confidence))

    @property
    def code(self) -> str:
        """ASCII code ``group-<number>``."""
        return f"group-{self.number}"


@attrs.frozen
class Task:
    """A programme task (:term:`nhiệm vụ`) with its owner, deadline and status.

    Examples
    --------
    >>> import datetime as dt
    >>> t = Task("qn-2024-01", "Pilot model per department", "Mỗi sở triển khai 1 mô hình điểm",
    ...          owner="Quảng Ngãi departments", deadline=dt.date(2025, 12, 31))
    >>> t.status
    <TaskStatus.NOT_STARTED: 'not_started'>
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = text_field()
    name_vi: str = text_field()
    owner: str = attrs.field(kw_only=True, converter=v.to_nfc, validator=v.is_text)
    deadline: dt.date | None = attrs.field(default=None, kw_only=True, validator=in_programme)
    status: TaskStatus = attrs.field(default=TaskStatus.NOT_STARTED, kw_only=True,
                                     converter=as_task_status,
                                     validator=v.is_instance(TaskStatus))
    group: int | None = attrs.field(default=None, kw_only=True)
    jurisdiction: str | None = attrs.field(default=None, kw_only=True)

    @group.validator
    def _group_number(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            v.is_int(self, attribute, value)
            v.between(1, 5)(self, attribute, value)

    @jurisdiction.validator
    def _jurisdiction_code(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            v.is_code(self, attribute, value)

    def is_overdue(self, as_of: dt.date) -> bool:
        """True when not done and the deadline is before `as_of`."""
        return (self.status is not TaskStatus.DONE and self.deadline is not None
                and self.deadline < as_of)


@attrs.frozen
class EssentialService:
    """One of the 25 essential online public services (:term:`dịch vụ công thiết yếu`).

    Examples
    --------
    >>> s = EssentialService("ess-03", 3, "Permanent residence registration",
    ...                      "Đăng ký thường trú", lead="BCA", level="full_process")
    >>> s.level.former_level
    4
    """

    code: str = attrs.field(validator=v.is_code)
    number: int = attrs.field(validator=[v.is_int, v.between(1, 25)])
    name: str = text_field()
    name_vi: str = text_field()
    lead: str = attrs.field(kw_only=True, converter=v.to_nfc, validator=v.is_text)
    level: ServiceLevel | None = attrs.field(default=None, kw_only=True,
                                             converter=as_optional_service_level,
                                             validator=v.is_optional_instance(ServiceLevel))
    confidence: Confidence = attrs.field(default=Confidence.CONFIRMED, kw_only=True,
                                         converter=as_confidence,
                                         validator=v.is_instance(Confidence))
    note: str = note_field()


@attrs.frozen
class LinkedService:
    """A bundle of procedures declared once (:term:`dịch vụ công liên thông`).

    Parameters
    ----------
    code : str
        ASCII code.
    name, name_vi : str
        English and Vietnamese names.
    procedures : tuple of str
        The bundled procedures, in order (at least two).
    days_before, days_after : float
        Processing time before and after linking.
    declarations_before, declarations_after : int
        Number of declarations the citizen makes before and after.
    after_unit : Unit
        Unit of `days_after` (``DAYS`` or ``WORKING_DAYS``).

    Examples
    --------
    >>> birth = LinkedService("birth", "Birth bundle", "Liên thông khai sinh",
    ...     procedures=("birth registration", "permanent residence", "BHYT card under 6"),
    ...     days_before=21, days_after=4)
    >>> birth.days_saved, round(birth.time_cut, 4)
    (17, 0.8095)
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = text_field()
    name_vi: str = text_field()
    procedures: tuple[str, ...] = attrs.field(kw_only=True, converter=v.to_tuple,
                                              validator=v.is_tuple_of(str))
    days_before: float = attrs.field(kw_only=True, converter=rules.REAL,  # type: ignore[misc]
                                     validator=v.positive)
    days_after: float = attrs.field(kw_only=True, converter=rules.REAL,  # type: ignore[misc]
                                  validator=v.non_negative)
    declarations_before: int = attrs.field(default=3, kw_only=True,
                                           validator=[v.is_int, v.positive])
    declarations_after: int = attrs.field(default=1, kw_only=True,
                                          validator=[v.is_int, v.positive])
    after_unit: Unit = attrs.field(default=Unit.WORKING_DAYS, kw_only=True,
                                   converter=as_unit, validator=v.is_instance(Unit))
    note: str = note_field()

    def __attrs_post_init__(self) -> None:
        if len(self.procedures) < 2:  # noqa: PLR2004 - a bundle links two or more
            raise v.fail(self, "procedures", "must list at least two procedures",
                         self.procedures)
        if self.days_after > self.days_before:
            raise v.fail(self, "days_after", f"must not exceed days_before={self.days_before}",
                         self.days_after)
        if self.declarations_after > self.declarations_before:
            raise v.fail(self, "declarations_after",
                         f"must not exceed declarations_before={self.declarations_before}",
                         self.declarations_after)
        if self.after_unit not in {Unit.DAYS, Unit.WORKING_DAYS}:
            raise v.fail(self, "after_unit", "must be 'days' or 'working_days'",
                         self.after_unit.value)

    @property
    def days_saved(self) -> float:
        """``days_before - days_after``."""
        return self.days_before - self.days_after

    @property
    def time_cut(self) -> float:
        """Fraction of processing time removed, ``days_saved / days_before``."""
        return self.days_saved / self.days_before

    @property
    def declarations_saved(self) -> int:
        """``declarations_before - declarations_after``."""
        return self.declarations_before - self.declarations_after


def _years_in_order(instance: Programme, attribute: attrs.Attribute[int], value: int) -> None:
    if attribute.name == "end_year" and value < instance.start_year:
        raise v.fail(instance, attribute.name, f"must be >= start_year={instance.start_year}",
                     value)
    if attribute.name == "vision_year" and value < instance.end_year:
        raise v.fail(instance, attribute.name, f"must be >= end_year={instance.end_year}", value)


@attrs.frozen
class Programme:
    """The programme: decision, period, and its catalogue.

    Parameters
    ----------
    code : str
        A short code of the programme (``"de-an-06"``).
    name, name_vi : str
        Its name in English and in Vietnamese.
    decision : str
        The decision that approved it (``"06/QĐ-TTg"``).
    approved : datetime.date
        The day the decision was signed.
    start_year, end_year : int
        The first and last year of the programme's period (2022 and 2025);
        `end_year` is not before `start_year`.
    vision_year : int
        The year of its longer-term vision (2030), not before `end_year`.
    groups : tuple of UtilityGroup, optional
        The utility groups, numbered once each.
    tasks : tuple of Task, optional
        The tasks, with distinct codes.
    services : tuple of EssentialService, optional
        The essential services, with distinct codes.
    linked_services : tuple of LinkedService, optional
        The linked-service bundles, with distinct codes.
    source : Source, optional
        Where the catalogue's facts come from.

    See Also
    --------
    de_an06.datasets.programme : The bundled catalogue.

    Examples
    --------
    >>> import datetime as dt
    >>> p = Programme("de-an-06", "Project 06", "Đề án 06", decision="06/QĐ-TTg",
    ...               approved=dt.date(2022, 1, 6), start_year=2022, end_year=2025,
    ...               vision_year=2030)
    >>> p.decision, p.approved.isoformat()
    ('06/QĐ-TTg', '2022-01-06')
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = text_field()
    name_vi: str = text_field()
    decision: str = attrs.field(kw_only=True, converter=v.to_nfc, validator=v.is_text)
    approved: dt.date = attrs.field(kw_only=True, validator=v.is_date)
    start_year: int = attrs.field(kw_only=True, validator=v.is_int)
    end_year: int = attrs.field(kw_only=True, validator=[v.is_int, _years_in_order])
    vision_year: int = attrs.field(kw_only=True, validator=[v.is_int, _years_in_order])
    groups: tuple[UtilityGroup, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, repr=False,
        validator=[v.is_tuple_of(UtilityGroup), v.unique_by(lambda g: g.number, "group number")],
    )
    tasks: tuple[Task, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, repr=False,
        validator=[v.is_tuple_of(Task), v.unique_by(lambda t: t.code, "task code")],
    )
    services: tuple[EssentialService, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, repr=False,
        validator=[v.is_tuple_of(EssentialService), v.unique_by(lambda s: s.code, "service code")],
    )
    linked_services: tuple[LinkedService, ...] = attrs.field(
        factory=tuple, kw_only=True, converter=v.to_tuple, repr=False,
        validator=[v.is_tuple_of(LinkedService),
                   v.unique_by(lambda s: s.code, "linked-service code")],
    )
    source: Source | None = source_field()

    def service(self, code: str) -> EssentialService:
        """The essential service with `code`.

        Raises
        ------
        UnknownCodeError
            When no service has that code.
        """
        for service in self.services:
            if service.code == code:
                return service
        raise UnknownCodeError(f"unknown essential-service code {code!r}")

    def _repr_html_(self) -> str:
        return _display.programme_html(self)
