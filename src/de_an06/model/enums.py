"""The closed sets of the model, each member with its Vietnamese label beside it.

Every member is written as ``NAME = value, Vietnamese label``, so a member's
words are read in one place (display symbols are part of the output
vocabulary, ``de_an06._present``). The value alone is what files hold and what the enum is
called with: ``Unit("people") is Unit.PEOPLE``.

Examples
--------
>>> Unit.PEOPLE.value, Unit.PEOPLE.name_vi, Unit.PEOPLE.symbol
('people', 'người', 'people')
>>> Qualifier("nearly").name_vi
'gần'
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from typing import TYPE_CHECKING

from de_an06 import _present

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "Basis",
    "ClaimKind",
    "Confidence",
    "Direction",
    "Level",
    "Measure",
    "Precision",
    "Qualifier",
    "ServiceLevel",
    "TaskStatus",
    "Tier",
    "Unit",
]


class _Bilingual(enum.Enum):
    """An enum whose members carry their Vietnamese label next to their value."""

    _value_: str
    _labels: tuple[str, ...]

    def __new__(cls, value: str, *labels: str) -> Self:
        # Called once per member while the class is built (the labels after the
        # value); afterwards ``Unit("people")`` looks a member up by value.
        member = object.__new__(cls)
        member._value_ = value
        member._labels = labels
        return member

    @property
    def name_vi(self) -> str:
        """The Vietnamese label the reports use."""
        return self._labels[0]

    def __str__(self) -> str:
        return str(self.value)


class Direction(_Bilingual):
    """Which way is better for an indicator.

    Examples
    --------
    >>> Direction.LOWER_IS_BETTER.sign
    -1
    """

    HIGHER_IS_BETTER = "higher", "càng cao càng tốt"
    LOWER_IS_BETTER = "lower", "càng thấp càng tốt"

    @property
    def sign(self) -> int:
        """``+1`` when higher is better, ``-1`` when lower is better."""
        return 1 if self is Direction.HIGHER_IS_BETTER else -1


class Unit(_Bilingual):
    """Unit of an indicator's values.

    Counts distinguish what is counted: people (:term:`người`), dossiers
    (:term:`hồ sơ`) and uses or visits (:term:`lượt`), which are not people.

    Examples
    --------
    >>> Unit.PERCENT.symbol, Unit.WORKING_DAYS.name_vi
    ('%', 'ngày làm việc')
    >>> Unit.MINUTES.default_direction
    <Direction.LOWER_IS_BETTER: 'lower'>
    """

    #              value           Vietnamese
    COUNT = "count", "số lượng"
    PEOPLE = "people", "người"
    DOSSIERS = "dossiers", "hồ sơ"
    USES = "uses", "lượt"
    PERCENT = "percent", "%"
    DAYS = "days", "ngày"
    WORKING_DAYS = "working_days", "ngày làm việc"
    MINUTES = "minutes", "phút"
    VND = "vnd", "đồng"
    RANK = "rank", "xếp hạng"

    @property
    def symbol(self) -> str:
        """A short symbol for display (``%``, ``min``, ``VND``...), from ``de_an06._present``."""
        return _present.unit_symbol(self)

    @property
    def is_duration(self) -> bool:
        """True for days, working days and minutes."""
        return self in {Unit.DAYS, Unit.WORKING_DAYS, Unit.MINUTES}

    @property
    def default_direction(self) -> Direction:
        """Durations and rank positions are lower-is-better; the rest higher."""
        if self.is_duration or self is Unit.RANK:
            return Direction.LOWER_IS_BETTER
        return Direction.HIGHER_IS_BETTER


class Measure(_Bilingual):
    """Whether a value is a stock as of a date or a flow over a period.

    See :term:`lũy kế` and :term:`trong kỳ`.
    """

    STOCK = "stock", "lũy kế đến ngày"
    FLOW = "flow", "trong kỳ"


class Qualifier(_Bilingual):
    """How exactly a reported figure is stated.

    See :term:`gần`, :term:`hơn`, :term:`khoảng` and :term:`dưới`. The range
    of true values each qualifier allows is
    :func:`de_an06.model.rules.qualifier_bounds`.

    Examples
    --------
    >>> Qualifier.NEARLY.name_vi, Qualifier.MORE_THAN.symbol
    ('gần', '>')
    """

    #              value         Vietnamese
    EXACT = "exact", "đạt"
    ABOUT = "about", "khoảng"
    NEARLY = "nearly", "gần"
    MORE_THAN = "more_than", "hơn"
    LESS_THAN = "less_than", "dưới"

    @property
    def symbol(self) -> str:
        """``''``, ``'≈'``, ``'<~'``, ``'>'`` or ``'<'`` (from ``de_an06._present``)."""
        return _present.qualifier_symbol(self)


class Precision(_Bilingual):
    """How precisely the date of a figure is known: to the day, the month or the year.

    A figure "as of March 2022" is not a figure as of 2022-03-31: a
    :class:`~de_an06.Reading` of ``MONTH`` precision holds the period's last
    day in ``as_of`` (the date by which the figure held at the latest) and
    says so in its repr, its files and its report. The fit of a trend uses
    that last day; the audit never treats two figures of one month as of one
    day unless both are known to the day.

    Examples
    --------
    >>> import datetime as dt
    >>> Precision.MONTH.period(dt.date(2022, 3, 31))
    (datetime.date(2022, 3, 1), datetime.date(2022, 3, 31))
    >>> Precision.MONTH.label(dt.date(2022, 3, 31)), Precision.YEAR.name_vi
    ('2022-03', 'năm')
    """

    DAY = "day", "ngày"
    MONTH = "month", "tháng"
    YEAR = "year", "năm"

    def period(self, day: dt.date) -> tuple[dt.date, dt.date]:
        """The first and last day of the period containing `day`."""
        if self is Precision.DAY:
            return day, day
        if self is Precision.YEAR:
            return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)

    def label(self, day: dt.date) -> str:
        """`day` written to this precision: ``2022-03-31``, ``2022-03`` or ``2022``."""
        return day.isoformat()[:{Precision.DAY: 10, Precision.MONTH: 7}.get(self, 4)]


class Tier(_Bilingual):
    """What kind of publisher a source is, from the state itself to aggregators.

    ``OFFICIAL``: a ministry's or agency's own portal or document;
    ``OFFICIAL_MEDIA``: state media (VNA, Nhân Dân, CAND, QĐND, VOV);
    ``CENTRAL_PRESS``: national newspapers; ``PROVINCIAL_GOV`` and
    ``PROVINCIAL_PRESS``: a province's portal or paper reporting a national
    figure; ``SECONDARY``: trade press, translations and aggregators.

    Examples
    --------
    >>> Tier("central_press").name_vi
    'báo chí trung ương'
    """

    OFFICIAL = "official", "cơ quan nhà nước"
    OFFICIAL_MEDIA = "official_media", "truyền thông chính thống"
    CENTRAL_PRESS = "central_press", "báo chí trung ương"
    PROVINCIAL_GOV = "provincial_gov", "cổng thông tin tỉnh"
    PROVINCIAL_PRESS = "provincial_press", "báo chí địa phương"
    SECONDARY = "secondary", "nguồn thứ cấp"


class Basis(_Bilingual):
    """What a percent is a percent *of* — reports often leave it unstated.

    See :term:`chỉ tiêu` and :ref:`percent-of`.

    Examples
    --------
    >>> Basis.ELIGIBLE.name_vi
    'dân số thuộc diện'
    """

    UNSTATED = "unstated", "không nêu"
    TARGET = "target", "chỉ tiêu"
    ELIGIBLE = "eligible", "dân số thuộc diện"
    POPULATION = "population", "dân số"
    HOLDERS = "holders", "người đã có giấy tờ"
    TOTAL = "total", "tổng số"


class Level(_Bilingual):
    """Administrative level of a jurisdiction, from the nation down."""

    NATION = "nation", "quốc gia"
    PROVINCE = "province", "tỉnh"
    DISTRICT = "district", "huyện"
    COMMUNE = "commune", "xã"

    @property
    def depth(self) -> int:
        """0 for the nation, 3 for a commune."""
        return list(Level).index(self)


class TaskStatus(_Bilingual):
    """Progress of a programme task."""

    NOT_STARTED = "not_started", "chưa triển khai"
    IN_PROGRESS = "in_progress", "đang triển khai"
    DONE = "done", "hoàn thành"


class ServiceLevel(_Bilingual):
    """How far an online public service goes.

    ``PARTIAL`` was called :term:`mức độ 3` and ``FULL_PROCESS``
    :term:`mức độ 4` before the rules renamed them.

    Examples
    --------
    >>> ServiceLevel.FULL_PROCESS.former_level
    4
    """

    PARTIAL = "partial", "một phần"
    FULL_PROCESS = "full_process", "toàn trình"

    @property
    def former_level(self) -> int:
        """The old numeric grade (3 or 4)."""
        return 3 if self is ServiceLevel.PARTIAL else 4


class Confidence(_Bilingual):
    """How well a catalogue fact is established.

    ``CONFIRMED``: two or more independent sources; ``ONE_SOURCE``; and
    ``INFERRED``: reasoned, not read anywhere.
    """

    CONFIRMED = "confirmed", "đã xác nhận"
    ONE_SOURCE = "one_source", "một nguồn"
    INFERRED = "inferred", "suy luận"


class ClaimKind(_Bilingual):
    """What a :class:`~de_an06.Claim` states.

    ``EXCEEDS_TARGET``: a figure beats its target by a margin ("vượt X so
    với chỉ tiêu"); ``PARTS``: a whole is made up of listed parts (29 tasks =
    24 done + 5 in progress); ``EVENT``: a dated event or document (a
    resolution issued, a portal going live); ``STATEMENT``: an assessment in
    words with no figure to check ("the mountain districts lag behind").

    Examples
    --------
    >>> ClaimKind.EXCEEDS_TARGET.name_vi
    'vượt chỉ tiêu'
    """

    EXCEEDS_TARGET = "exceeds_target", "vượt chỉ tiêu"
    PARTS = "parts", "gồm các phần"
    EVENT = "event", "sự kiện"
    STATEMENT = "statement", "nhận định"
