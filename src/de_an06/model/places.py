"""Provenance and places: where a figure was published and where it holds."""

from __future__ import annotations

import datetime as dt

import attrs

from de_an06 import _validators as v
from de_an06.model._fields import as_level, as_optional_tier, note_field, text_field
from de_an06.model.enums import Level, Tier

__all__ = ["Jurisdiction", "Source"]


@attrs.frozen
class Source:
    """Where a figure was published.

    Parameters
    ----------
    code : str
        Short ASCII identifier, used by files to refer to the source.
    title : str
        Title of the report or document.
    publisher : str
        Who published it (a newspaper, a provincial portal...).
    published : datetime.date or None
        Publication date; ``None`` when the document does not print one.
    url : str or None
        Where it can be read, if known.
    date_inferred : bool
        True when `published` was reasoned from the content, not printed.
    note : str
        Free remarks.
    tier : Tier or None
        What kind of publisher it is (an official portal, the central press,
        an aggregator...); ``None`` when not assessed.

    Examples
    --------
    >>> import datetime as dt
    >>> Source("kh-2023-07", "Khanh Hoa speeds up Project 06", "Khánh Hòa provincial press",
    ...        published=dt.date(2023, 7, 2)).published.year
    2023
    """

    code: str = attrs.field(validator=v.is_code)
    title: str = text_field()
    publisher: str = text_field()
    published: dt.date | None = attrs.field(default=None, kw_only=True,
                                            validator=v.is_optional_date)
    url: str | None = attrs.field(default=None, kw_only=True, converter=v.to_optional_nfc,
                                  validator=v.is_optional_text)
    date_inferred: bool = attrs.field(default=False, kw_only=True,
                                      validator=v.is_instance(bool))
    note: str = note_field()
    tier: Tier | None = attrs.field(default=None, kw_only=True, converter=as_optional_tier,
                                    validator=v.is_optional_instance(Tier))

    @date_inferred.validator
    def _inferred_needs_date(self, attribute: attrs.Attribute[bool], value: bool) -> None:
        if value and self.published is None:
            raise v.fail(self, attribute.name, "needs a published date to qualify", value)


@attrs.frozen
class Jurisdiction:
    """A place a figure is reported for: the nation, a province, district or commune.

    Parameters
    ----------
    code : str
        ASCII code; provinces use their official two-digit code (``"56"``),
        the nation ``"VN"``.
    name, name_vi : str
        English and Vietnamese names.
    level : Level
        Administrative level.
    parent : str or None
        Code of the enclosing jurisdiction: ``None`` for the nation, required
        for a province (``"VN"``), and ``None`` for a district or commune
        whose enclosing jurisdiction is not known (a commune-level
        spreadsheet often lacks the district).

    Examples
    --------
    >>> Jurisdiction("51", "Quang Ngai", "Quảng Ngãi", level=Level.PROVINCE, parent="VN").level
    <Level.PROVINCE: 'province'>
    >>> Jurisdiction("26734", "Dong Tam", "Đồng Tâm", level="commune").parent is None
    True
    """

    code: str = attrs.field(validator=v.is_code)
    name: str = text_field()
    name_vi: str = text_field()
    level: Level = attrs.field(kw_only=True, converter=as_level,
                               validator=v.is_instance(Level))
    parent: str | None = attrs.field(default=None, kw_only=True)

    @parent.validator
    def _parent_matches_level(self, attribute: attrs.Attribute[str | None], value: object) -> None:
        if value is None:
            if self.level is Level.PROVINCE:
                raise v.fail(self, attribute.name,
                             "is required for a province (the nation, 'VN')", value)
            return
        v.is_code(self, attribute, value)
        if self.level is Level.NATION:
            raise v.fail(self, attribute.name, "must be None for the nation", value)
        if value == self.code:
            raise v.fail(self, attribute.name, "must differ from code", value)

