"""Claims: statements a report makes about its figures, kept so the audit can check them."""

from __future__ import annotations

import datetime as dt

import attrs

from de_an06 import _validators as v
from de_an06.model import rules
from de_an06.model._fields import (
    as_claim_kind,
    as_qualifier,
    inferred_names,
    note_field,
    source_field,
    text_field,
)
from de_an06.model.enums import ClaimKind, Qualifier
from de_an06.model.figures import Indicator
from de_an06.model.places import Jurisdiction, Source

__all__ = ["Claim"]

_CLAIM_INFERABLE = frozenset({"as_of", "margin"})


@attrs.frozen
class Claim:
    """A statement a report makes about its figures, kept so it can be checked.

    Reports say things the figures alone do not carry: that a share "exceeds
    the target by 17 %" while the target is never printed, that 29 tasks are
    24 done and 5 in progress, or that a resolution was issued on a date. A
    claim keeps such a statement in the library's own words, tied to the
    indicator and place it is about, so :func:`de_an06.audit` can test
    it against the readings and targets.

    Parameters
    ----------
    code : str
        ASCII identifier.
    kind : ClaimKind
        What is stated.
    jurisdiction : Jurisdiction
        Where the statement applies, as reported.
    as_of : datetime.date
        The date the statement holds at (the date of the figure it is about).
    statement : str
        The statement in the library's own words.
    indicator : Indicator or None
        The indicator the statement is about: the figure that exceeds its
        target (``EXCEEDS_TARGET``) or the whole (``PARTS``). Required for
        those two kinds.
    margin : float or None
        ``EXCEEDS_TARGET`` only: the margin as printed (``17`` for "vượt 17%").
        The report's unit is ambiguous (percentage points or relative
        percent); the audit tests both readings.
    qualifier : Qualifier
        How the margin is hedged ("vượt hơn 35%" is ``MORE_THAN``).
    parts : tuple of str
        ``PARTS`` only: codes of the indicators that make up the whole.
    reference : str or None
        The number of a document the statement names ("Nghị quyết 30").
    source : Source or None
        Where it was published.
    inferred : frozenset of str
        Fields reasoned rather than printed (``as_of``, ``margin``).
    note : str
        Free remarks.

    Examples
    --------
    >>> import datetime as dt
    >>> tra_bong = Jurisdiction("51-tra-bong", "Tra Bong", "Trà Bồng", level="district",
    ...                         parent="51")
    >>> noncash = Indicator("welfare-noncash-share", "Social-welfare payments made without cash",
    ...                     "Chi trả an sinh xã hội không dùng tiền mặt", unit="percent")
    >>> claim = Claim("qn-tb-noncash-exceeds", ClaimKind.EXCEEDS_TARGET, jurisdiction=tra_bong,
    ...               as_of=dt.date(2024, 12,
    ...                             31), statement="Non-cash welfare payment beats its target",
    ...               indicator=noncash, margin=17)
    >>> claim.margin, claim.kind.value
    (17, 'exceeds_target')
    """

    code: str = attrs.field(validator=v.is_code)
    kind: ClaimKind = attrs.field(converter=as_claim_kind, validator=v.is_instance(ClaimKind))
    jurisdiction: Jurisdiction = attrs.field(kw_only=True, validator=v.is_instance(Jurisdiction))
    as_of: dt.date = attrs.field(kw_only=True, validator=v.is_date)
    statement: str = text_field(kw_only=True)
    indicator: Indicator | None = attrs.field(default=None, kw_only=True,
                                              validator=v.is_optional_instance(Indicator))
    margin: float | None = attrs.field(default=None, kw_only=True,
                                       converter=rules.OPTIONAL_REAL,  # type: ignore[misc]
                                       validator=v.non_negative)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, kw_only=True,
                                       converter=as_qualifier,
                                       validator=v.is_instance(Qualifier))
    parts: tuple[str, ...] = attrs.field(factory=tuple, kw_only=True, converter=v.to_tuple,
                                         validator=v.is_tuple_of(str))
    reference: str | None = attrs.field(default=None, kw_only=True,
                                        converter=v.to_optional_nfc,
                                        validator=v.is_optional_text)
    source: Source | None = source_field()
    inferred: frozenset[str] = attrs.field(default=frozenset(), kw_only=True,
                                           converter=v.to_frozenset,
                                           validator=v.is_instance(frozenset))
    note: str = note_field()

    def __attrs_post_init__(self) -> None:
        exceeds = self.kind is ClaimKind.EXCEEDS_TARGET
        parts = self.kind is ClaimKind.PARTS
        if (exceeds or parts) and self.indicator is None:
            raise v.fail(self, "indicator", f"is required for a {self.kind.value!r} claim", None)
        if exceeds and self.margin is None:
            raise v.fail(self, "margin", "is required for an 'exceeds_target' claim", None)
        if not exceeds and self.margin is not None:
            raise v.fail(self, "margin", "is only meaningful for an 'exceeds_target' claim",
                         self.margin)
        self._check_parts(parts=parts)
        inferred_names(self, self.inferred, _CLAIM_INFERABLE)

    def _check_parts(self, *, parts: bool) -> None:
        if parts and not self.parts:
            raise v.fail(self, "parts", "must name at least one part for a 'parts' claim",
                         self.parts)
        if not parts and self.parts:
            raise v.fail(self, "parts", "is only meaningful for a 'parts' claim", self.parts)
        for part in self.parts:
            if not v.CODE_PATTERN.fullmatch(part):
                raise v.fail(self, "parts", "must hold indicator codes", part)
        if self.indicator is not None and self.indicator.code in self.parts:
            raise v.fail(self, "parts", "must not contain the whole itself",
                         self.indicator.code)
