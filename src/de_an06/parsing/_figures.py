"""What the finders return: :class:`Figure` and :class:`DateMention`.

Both are frozen value classes that point back into the text they were found
in (``span``, ``text``); :meth:`Figure.to_reading` turns a figure into a
:class:`~de_an06.Reading`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

import attrs

from de_an06 import _validators as v
from de_an06.model import (
    Basis,
    Indicator,
    Jurisdiction,
    Measure,
    Qualifier,
    Reading,
    Source,
    Unit,
)

#: What a date mention is to the figures around it.
Role = Literal["as_of", "deadline", "period", "point", "open_start"]
#: The roles of a date mention whose start is the first day of a flow: a period, a
#: period open at its end, a single day. *Tính đến 30/6* (``as_of``) starts nothing.
_STARTS = frozenset({"period", "open_start", "point"})
#: The kinds of figure mention.
Kind = Literal["number", "range", "fraction", "rank", "vague"]


def _is_span(instance: object, attribute: attrs.Attribute[tuple[int, int]], value: object) -> None:
    if (not isinstance(value, tuple) or len(value) != 2  # noqa: PLR2004 - start and end
            or not all(isinstance(x, int) for x in value) or not 0 <= value[0] <= value[1]):
        raise v.fail(instance, attribute.name, "must be (start, end) with 0 <= start <= end",
                     value)


@attrs.frozen(kw_only=True)
class DateMention:
    """A date or a period named in a text.

    Parameters
    ----------
    span : tuple of int
        Where the mention is in the text given to :func:`find_dates`
        (``text[span[0]:span[1]]`` is `text`).
    text : str
        The mention as printed, with the words that give its role.
    start, end : datetime.date or None
        The first and the last day it covers (both included; the same day for
        a single date). ``None`` when the phrase prints no year and no
        ``published`` date was given: the finder never assumes a year.
    role : {"as_of", "deadline", "period", "point", "open_start"}
        ``as_of`` (*tính đến*, *đến hết*), ``deadline`` (*trước ngày*,
        *chậm nhất*), ``period`` (*trong tháng*, *quý II/2023*,
        *giai đoạn 2021-2025*), ``point`` (*ngày 19/3*, *Sáng 23/5*) or
        ``open_start`` (*từ tháng 3/2025*).
    year_supplied : bool
        True when the year (or the day, for *hôm qua*) came from
        ``published`` rather than from the phrase.
    vague : bool
        True for *đầu*, *giữa* and *cuối* (start, middle, end) of a month or
        a year; `start` and `end` are then the documented bounds of that
        third (see :data:`~de_an06.parsing.find_dates`).
    """

    span: tuple[int, int] = attrs.field(validator=_is_span)
    text: str = attrs.field(validator=v.is_instance(str))
    start: dt.date | None = attrs.field(validator=v.is_optional_date)
    end: dt.date | None = attrs.field(validator=v.is_optional_date)
    role: Role = attrs.field(validator=v.is_instance(str))
    year_supplied: bool = attrs.field(default=False, validator=v.is_instance(bool))
    vague: bool = attrs.field(default=False, validator=v.is_instance(bool))

    @property
    def resolved(self) -> bool:
        """Whether the mention has dates (a year was printed or supplied)."""
        return self.start is not None


def _decimals(value: Decimal) -> int:
    return max(0, -int(value.as_tuple().exponent))


def _as_of(owner: str, as_of: object, mention: DateMention | None,
           inferred: set[str]) -> dt.date:
    """The date of a reading: `as_of` when given, else the end of the figure's date."""
    if as_of is not None:
        return v.checked_date(owner, "as_of", as_of)
    if mention is None or mention.end is None:
        raise v.fail(owner, "as_of", "is needed: the figure has no dated mention", None)
    if mention.role == "open_start":
        raise v.fail(owner, "as_of", f"is needed: the figure's period {mention.text!r} "
                     "has no end", None)
    if mention.year_supplied:
        inferred.add("as_of")
    return mention.end


def _period_start(owner: str, indicator: Indicator, start: dt.date | None, *,
                  mention: DateMention | None, when: dt.date, inferred: set[str]) -> dt.date:
    """The first day of a flow reading: `start` when given, else the figure's, if it has one.

    The figure's date starts the period when it is a period or a day that
    ends on `when`, or a period open at its end; otherwise the error says to
    pass ``period_start``.
    """
    said = ""
    if start is None and mention is not None:
        if mention.role not in _STARTS:
            said = f" ({mention.text!r} starts no period)"
        elif mention.role != "open_start" and mention.end != when:
            said = f" ({mention.text!r} ends on {mention.end}, not on as_of={when})"
        else:
            start = mention.start
            if mention.year_supplied:
                inferred.add("period_start")
    if start is None:
        raise v.fail(owner, "period_start",
                     f"is needed for flow indicator {indicator.code!r}{said}: pass "
                     "period_start=, the first day the figure counts", None)
    if start > when:
        raise v.fail(owner, "period_start", f"must not be after as_of={when}", start)
    return start


@attrs.frozen(kw_only=True)
class Figure:
    """A figure named in a text, with everything the text says about it.

    Parameters
    ----------
    span : tuple of int
        Where the figure is in the text given to :func:`find_figures`
        (``text[span[0]:span[1]]`` is `text`), from its qualifier to its unit
        or counted noun.
    text : str
        The figure as printed.
    kind : {"number", "range", "fraction", "rank", "vague"}
        ``number`` (`value`), ``range`` (`low` to `high`), ``fraction``
        (`value` of `of`, e.g. *41/63*; `parts` holds every number of a
        longer chain), ``rank`` (position `value` of `of`, either may be
        ``None`` for *Top 5* or *áp chót* without ``total=``) and ``vague``
        (*vài trăm nghìn*: no value, never guessed).
    value, low, high, of : decimal.Decimal or None
        Exact values, scale words applied, with the printed decimals
        (``"2,415 triệu"`` is ``Decimal("2.415E+6")``).
    parts : tuple of decimal.Decimal
        Every number of a fraction or a chain (*3.118/5.402*).
    qualifier : Qualifier
        The hedge (``EXACT`` when none was printed); `qualifier_word` is the word.
    percent : bool
        Whether the figure is a percentage (printed with ``%``, or a list
        whose last items carry it).
    scale : int
        The scale word's multiplier (1, 10**3, 10**6, 10**9 or 10**12).
    unit : Unit or None
        The unit when the counted noun is one the library knows.
    noun : str or None
        The counted thing as printed (*tài khoản định danh điện tử*).
    lead : str or None
        What the words before it say (``"reached"``, ``"increased"``,
        ``"issued"`` ... :data:`~de_an06.parsing.LEADS`); `lead_text` is
        the raw words.
    per : str or None
        The word after ``/`` of a rate (*lượt/ngày* gives ``"ngày"``).
    date : DateMention or None
        The date that governs the figure in its sentence: the last one
        before it, else the first after it.
    """

    span: tuple[int, int] = attrs.field(validator=_is_span)
    text: str = attrs.field(validator=v.is_instance(str))
    kind: Kind = attrs.field(default="number", validator=v.is_instance(str))
    value: Decimal | None = attrs.field(default=None, validator=v.is_optional_instance(Decimal))
    low: Decimal | None = attrs.field(default=None, validator=v.is_optional_instance(Decimal))
    high: Decimal | None = attrs.field(default=None, validator=v.is_optional_instance(Decimal))
    of: Decimal | None = attrs.field(default=None, validator=v.is_optional_instance(Decimal))
    parts: tuple[Decimal, ...] = attrs.field(default=(), validator=v.is_instance(tuple))
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.is_instance(Qualifier))
    qualifier_word: str | None = attrs.field(default=None, validator=v.is_optional_instance(str))
    percent: bool = attrs.field(default=False, validator=v.is_instance(bool))
    scale: int = attrs.field(default=1, validator=v.is_instance(int))
    unit: Unit | None = attrs.field(default=None, validator=v.is_optional_instance(Unit))
    noun: str | None = attrs.field(default=None, validator=v.is_optional_instance(str))
    lead: str | None = attrs.field(default=None, validator=v.is_optional_instance(str))
    lead_text: str | None = attrs.field(default=None, validator=v.is_optional_instance(str))
    per: str | None = attrs.field(default=None, validator=v.is_optional_instance(str))
    date: DateMention | None = attrs.field(default=None,
                                           validator=v.is_optional_instance(DateMention))

    @property
    def vague(self) -> bool:
        """True for an amount printed without a number (*hàng triệu*)."""
        return self.kind == "vague"

    @property
    def decimals(self) -> int | None:
        """The number of decimals printed (*91,4%* has 1, *2,415 triệu* has 3)."""
        shown = self.value if self.value is not None else self.high
        if shown is None:
            return None
        sign, digits, exponent = shown.as_tuple()
        return _decimals(Decimal((sign, digits, int(exponent) - (len(str(self.scale)) - 1))))

    def to_reading(self, indicator: Indicator, jurisdiction: Jurisdiction, *,
                   as_of: dt.date | None = None, period_start: dt.date | None = None,
                   source: Source | None = None) -> Reading:
        """Turn the figure into a :class:`~de_an06.Reading` of `indicator` in `jurisdiction`.

        The reading takes the figure's value and qualifier; its date is `as_of`
        when given, else the end of the governing ``date`` (a period open at
        its end, *từ ngày 9/2/2023*, has none: pass `as_of`). A flow
        indicator's reading also needs the first day of its period:
        `period_start` when given, else the start of the figure's period or
        day (*trong quý II*, *ngày 19/3*) when it ends on the reading's date,
        or of a period open at its end (*từ ngày 9/2/2023*). A date that
        starts no period (*tính đến 30/6*: a total so far) gives none. A
        year supplied from ``published`` is listed in ``inferred``. A
        fraction read into a percent indicator gives its percentage with
        numerator and denominator.

        Raises
        ------
        ValidationError
            For a range, a vague amount or a rank without position (no single
            value), a percent figure for a non-percent indicator or the
            reverse, no date at all, a flow indicator without a period start
            (pass `period_start`), a `period_start` after the date or for a
            stock indicator.

        See Also
        --------
        de_an06.Reading : The period of a flow indicator (``period_start``).

        Examples
        --------
        >>> import datetime as dt
        >>> import de_an06 as da
        >>> from de_an06.parsing import find_figures
        >>> share = da.Indicator("eid-share", "e-ID share", "Tỷ lệ ĐDĐT", unit="percent")
        >>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province",
        ...                      parent="VN")
        >>> fig, = find_figures("Tính đến ngày 30/6/2023 đã đạt gần 72,2%.")
        >>> r = fig.to_reading(share, kh)
        >>> r.value, r.qualifier.value, r.as_of
        (72.2, 'nearly', datetime.date(2023, 6, 30))

        A flow counted from a date to the report's date:

        >>> uses = da.Indicator("lookups", "Look-ups", "Lượt tra cứu", unit="uses",
        ...                     measure="flow")
        >>> fig, = find_figures("Từ ngày 9/2/2023, có gần 44.000 lượt tra cứu.")
        >>> r = fig.to_reading(uses, kh, as_of=dt.date(2023, 6, 20))
        >>> r.period_start, r.as_of
        (datetime.date(2023, 2, 9), datetime.date(2023, 6, 20))
        """
        owner = "Figure.to_reading"
        if not isinstance(indicator, Indicator):
            raise v.fail(owner, "indicator", "must be an Indicator", indicator)
        kwargs: dict[str, object] = {}
        inferred = set()
        value = self.value if self.kind != "range" else None
        share = self.kind == "fraction" and indicator.is_percent and not self.percent
        if share and value is not None and self.of:
            kwargs.update(numerator=float(value), denominator=float(self.of), basis=Basis.TOTAL)
            value = value * 100 / self.of
            inferred.add("value")
        elif self.percent != indicator.is_percent:
            raise v.fail(owner, "indicator", "must be a percent indicator exactly when "
                         f"the figure is a percentage (the figure is {self.text!r})",
                         indicator.code)
        if value is None:
            raise v.fail(owner, "figure", f"has no single value (a {self.kind})", self.text)
        mention = self.date if self.date is not None and self.date.resolved else None
        when = _as_of(owner, as_of, mention, inferred)
        start = None if period_start is None else v.checked_date(owner, "period_start",
                                                                  period_start)
        if indicator.measure is Measure.FLOW:
            kwargs["period_start"] = _period_start(owner, indicator, start, mention=mention,
                                                   when=when, inferred=inferred)
        elif start is not None:
            raise v.fail(owner, "period_start",
                         f"must be None for stock indicator {indicator.code!r}", start)
        return Reading(indicator, float(value), as_of=when, jurisdiction=jurisdiction,
                       qualifier=self.qualifier,
                       source=source, inferred=frozenset(inferred),
                       **kwargs)  # type: ignore[arg-type]
