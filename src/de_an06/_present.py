"""The vocabulary of every output: words, symbols and number formats.

The HTML and text reprs (:mod:`de_an06._display`), the plots, the command
line and the audit messages take the words they print from here, so that a
status, a unit or a number reads the same wherever it appears:

* status words: what a :class:`~de_an06.ProgressStatus` is called, in a
  sentence (``"moving away"``) or a table cell (``"deteriorating"``), and
  whether a target is met;
* symbols: of units (``%``, ``people``; ``d`` and ``wd`` in tables), of
  qualifiers (``≈``, ``<~``, ``>``, ``<``) and of a target's direction
  (``≥``, ``≤``);
* numbers: thousands grouped and decimals marked the English way
  (``1,234.5``, ``number_format="international"``) or the Vietnamese way
  (``1.234,5``, ``"vi"``), from one routine for floats and decimals alike.

Keys are the enum values (``"percent"``, ``"more_than"``,
``"substantial_progress"``); every function also takes the enum member. This
module imports nothing from de_an06, so the model can use it too.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final, Literal

from de_an06._labels import LABELS

NumberFormat = Literal["vi", "international"]

#: Languages of the outputs: Vietnamese and English.
Lang = Literal["vi", "en"]

#: The number format each language writes (``1.234,5`` in Vietnamese).
LANG_NUMBER_FORMATS: Final[dict[str, NumberFormat]] = {"vi": "vi", "en": "international"}

#: Thousands separator and decimal mark of each number format.
MARKS: Final = {"vi": (".", ","), "international": (",", ".")}

#: What is printed where a value is missing.
MISSING: Final = "—"

#: Symbols printed before a qualified figure ("nearly 98 %" is "<~ 98 %").
QUALIFIER_SYMBOLS: Final = {
    "exact": "", "about": "≈", "nearly": "<~", "more_than": ">", "less_than": "<",
}

#: Unit symbols printed after a figure, with a space: ``98 %``, ``44,000 uses``.
UNIT_SYMBOLS: Final = {
    "count": "", "people": "people", "dossiers": "dossiers", "uses": "uses", "percent": "%",
    "days": "days", "working_days": "working days", "minutes": "min", "vnd": "VND",
    "rank": "rank",
}

#: Short unit suffixes for table cells (counts of people need none there).
UNIT_SUFFIXES: Final = {
    "count": "", "people": "", "dossiers": "", "uses": " uses", "percent": " %",
    "days": " d", "working_days": " wd", "minutes": " min", "vnd": " VND", "rank": "",
}

#: What a progress status is called in a sentence or a repr.
STATUS_PHRASES: Final = {
    "target_achieved": "target achieved",
    "substantial_progress": "on track",
    "moderate_progress": "moderate progress",
    "limited_progress": "limited progress",
    "deterioration": "moving away",
    "not_available": "status not available",
}

#: What a progress status is called in a table cell or a one-word field.
STATUS_WORDS: Final = {
    "target_achieved": "achieved",
    "substantial_progress": "on track",
    "moderate_progress": "moderate progress",
    "limited_progress": "limited progress",
    "deterioration": "deteriorating",
    "not_available": "no trend (one reading)",
}

#: Whether a target is met, in a sentence and as a yes/no table cell.
MET_WORDS: Final = {True: "met", False: "not met", None: "open"}
MET_ANSWERS: Final = {True: "yes", False: "no", None: "open"}

#: The Vietnamese words of the tables above, key for key.
UNIT_SYMBOLS_VI: Final = {
    "count": "", "people": "người", "dossiers": "hồ sơ", "uses": "lượt", "percent": "%",
    "days": "ngày", "working_days": "ngày làm việc", "minutes": "phút", "vnd": "đồng",
    "rank": "hạng",
}
UNIT_SUFFIXES_VI: Final = {
    "count": "", "people": "", "dossiers": "", "uses": " lượt", "percent": " %",
    "days": " ngày", "working_days": " ngày LV", "minutes": " phút", "vnd": " đồng",
    "rank": "",
}
STATUS_PHRASES_VI: Final = {
    "target_achieved": "đã đạt mục tiêu",
    "substantial_progress": "đúng tiến độ",
    "moderate_progress": "tiến bộ vừa phải",
    "limited_progress": "tiến bộ hạn chế",
    "deterioration": "đang xa dần mục tiêu",
    "not_available": "chưa xác định được tình trạng",
}
STATUS_WORDS_VI: Final = {
    "target_achieved": "đã đạt",
    "substantial_progress": "đúng tiến độ",
    "moderate_progress": "tiến bộ vừa phải",
    "limited_progress": "tiến bộ hạn chế",
    "deterioration": "xấu đi",
    "not_available": "chưa có xu hướng (một số liệu)",
}
MET_WORDS_VI: Final = {True: "đạt", False: "chưa đạt", None: "chưa rõ"}
MET_ANSWERS_VI: Final = {True: "có", False: "không", None: "chưa rõ"}

#: Each table above by language: the one place a word is looked up.
_BY_LANG: Final[dict[str, dict[str, Mapping[Any, str]]]] = {
    "en": {"unit_symbols": UNIT_SYMBOLS, "unit_suffixes": UNIT_SUFFIXES,
           "status_phrases": STATUS_PHRASES, "status_words": STATUS_WORDS,
           "met_words": MET_WORDS, "met_answers": MET_ANSWERS},
    "vi": {"unit_symbols": UNIT_SYMBOLS_VI, "unit_suffixes": UNIT_SUFFIXES_VI,
           "status_phrases": STATUS_PHRASES_VI, "status_words": STATUS_WORDS_VI,
           "met_words": MET_WORDS_VI, "met_answers": MET_ANSWERS_VI},
}

#: How a target stands on a dashboard: the forecast's status in five groups.
OUTLOOKS: Final = {
    "en": {"achieved": "achieved", "on_track": "on track", "at_risk": "at risk",
           "no_trend": "no trend", "no_figure": "no figure"},
    "vi": {"achieved": "đã đạt", "on_track": "đúng tiến độ", "at_risk": "có nguy cơ trễ hạn",
           "no_trend": "chưa có xu hướng", "no_figure": "chưa có số liệu"},
}

#: The words of ``de-an06 report --national`` (English; ``{n}`` and ``{pace}`` filled in).
NATIONAL_WORDS: Final = {
    "series_title": "National series", "targets_title": "National targets",
    "series": "Series", "latest": "Latest", "as_of": "As of", "readings": "Readings",
    "pace": "Pace (last {n}) / day", "target": "Target", "deadline": "Deadline",
    "attainment": "Attainment", "met": "Met", "forecast": "Forecast",
    "two_sources": "{day} (two sources)",
}
NATIONAL_WORDS_VI: Final = {
    "series_title": "Chuỗi số liệu toàn quốc", "targets_title": "Chỉ tiêu toàn quốc",
    "series": "Chuỗi", "latest": "Mới nhất", "as_of": "Ngày", "readings": "Số lần",
    "pace": "Tốc độ ({n} lần gần nhất) / ngày", "target": "Mục tiêu", "deadline": "Hạn",
    "attainment": "Mức đạt", "met": "Đạt", "forecast": "Dự báo",
    "two_sources": "{day} (hai nguồn)",
}

#: Tick labels of a chart's date axis (matplotlib's ``ConciseDateFormatter``
#: ``formats``, ``zero_formats``, ``offset_formats``); English keeps matplotlib's.
DATE_TICKS: Final[dict[str, tuple[tuple[str, ...], ...] | None]] = {
    "en": None,
    "vi": (("%Y", "%m/%Y", "%d/%m", "%H:%M", "%H:%M", "%S.%f"),
           ("", "%Y", "%d/%m", "%d/%m", "%H:%M", "%H:%M"),
           ("", "%Y", "%m/%Y", "%d/%m/%Y", "%d/%m/%Y", "%d/%m/%Y %H:%M")),
}

#: Abbreviated month names of English dates (``21 Jan 2039``).
MONTHS_EN: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: The comparison a target states, by the sign of its direction.
TARGET_SIGNS: Final = {1: "≥", -1: "≤"}

# Wide enough for any float written out in full (about 1,100 digits at most).
_WIDE: Final = decimal.Context(prec=10_000)


def _code(member: enum.Enum | str) -> str:
    return str(member.value) if isinstance(member, enum.Enum) else member


def qualifier_symbol(qualifier: enum.Enum | str) -> str:
    """The symbol of a qualifier: ``''``, ``'≈'``, ``'<~'``, ``'>'`` or ``'<'``.

    >>> qualifier_symbol("more_than")
    '>'
    """
    return QUALIFIER_SYMBOLS[_code(qualifier)]


def unit_symbol(unit: enum.Enum | str, *, lang: Lang = "en") -> str:
    """The symbol of a unit (``''`` for plain counts).

    >>> unit_symbol("working_days"), unit_symbol("count"), unit_symbol("people", lang="vi")
    ('working days', '', 'người')
    """
    return _BY_LANG[lang]["unit_symbols"][_code(unit)]


def unit_suffix(unit: enum.Enum | str, *, lang: Lang = "en") -> str:
    """The short suffix of a unit in a table cell, its space included.

    >>> unit_suffix("working_days"), unit_suffix("people"), unit_suffix("days", lang="vi")
    (' wd', '', ' ngày')
    """
    return _BY_LANG[lang]["unit_suffixes"][_code(unit)]


def status_word(status: enum.Enum | str, *, brief: bool = False, lang: Lang = "en") -> str:
    """What a progress status is called; `brief` for a table cell.

    A status this vocabulary does not know is printed as it is.

    >>> status_word("deterioration"), status_word("deterioration", brief=True)
    ('moving away', 'deteriorating')
    >>> status_word("substantial_progress", lang="vi")
    'đúng tiến độ'
    """
    code = _code(status)
    return _BY_LANG[lang]["status_words" if brief else "status_phrases"].get(code, code)


def met_word(met: bool | None, *, brief: bool = False, lang: Lang = "en") -> str:
    """``"met"``, ``"not met"`` or ``"open"``; `brief` says ``"yes"`` or ``"no"``.

    >>> met_word(False), met_word(False, brief=True), met_word(None), met_word(True, lang="vi")
    ('not met', 'no', 'open', 'đạt')
    """
    return _BY_LANG[lang]["met_answers" if brief else "met_words"][met]


def outlook_word(outlook: str, *, lang: Lang = "en") -> str:
    """What a dashboard calls a target's outlook (a key of :data:`OUTLOOKS`).

    >>> outlook_word("at_risk"), outlook_word("at_risk", lang="vi")
    ('at risk', 'có nguy cơ trễ hạn')
    """
    return OUTLOOKS[lang][outlook]


def label(key: str, *, lang: Lang = "en", **fields: object) -> str:
    """A word or sentence of the dashboard (:data:`LABELS`), its fields filled.

    >>> label("deadline"), label("late", lang="vi", days="5.318")
    ('Deadline', 'trễ 5.318 ngày so với hạn')
    """
    text = LABELS[key][lang == "vi"]
    return text.format(**fields) if fields else text


def date_text(day: dt.date, *, lang: Lang = "en") -> str:
    """A date as a reader writes it: ``21 Jan 2039``, or ``21/01/2039`` in Vietnamese.

    >>> import datetime as dt
    >>> date_text(dt.date(2039, 1, 21)), date_text(dt.date(2039, 1, 21), lang="vi")
    ('21 Jan 2039', '21/01/2039')
    """
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def short_date(day: dt.date, *, lang: Lang = "en") -> str:
    """A date in a chart's legend: ISO ``2039-01-21``, or ``21/01/2039`` in Vietnamese.

    >>> import datetime as dt
    >>> short_date(dt.date(2039, 1, 21)), short_date(dt.date(2039, 1, 21), lang="vi")
    ('2039-01-21', '21/01/2039')
    """
    return date_text(day, lang="vi") if lang == "vi" else day.isoformat()


def target_sign(sign: int) -> str:
    """``"≥"`` for a higher-is-better target (`sign` 1), ``"≤"`` for a lower one (-1)."""
    return TARGET_SIGNS[sign]


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def decimal_text(number: Decimal, *, decimals: int | None = None,
                 number_format: NumberFormat = "vi") -> str:
    """A finite decimal with its printed decimals, thousands grouped.

    The core of :func:`de_an06.parsing.format_number`, which validates its
    arguments first. `decimals` rounds half to even.

    Raises
    ------
    decimal.InvalidOperation
        When rounding to `decimals` needs more than 10,000 digits.

    Examples
    --------
    >>> decimal_text(Decimal("1497360")), decimal_text(Decimal("0.90"))
    ('1.497.360', '0,90')
    >>> decimal_text(Decimal("-1234.565"), decimals=2, number_format="international")
    '-1,234.56'
    """
    if decimals is not None:
        number = number.quantize(Decimal((0, (1,), -decimals)), context=_WIDE)
    sign, digits, exponent = number.as_tuple()
    text = "".join(map(str, digits)) + "0" * max(0, int(exponent))
    places = max(0, -int(exponent))
    text = text.rjust(places + 1, "0")
    integer, fraction = text[:len(text) - places], text[len(text) - places:]
    group, mark = MARKS[number_format]
    head = len(integer) % 3 or 3
    groups = [integer[:head]] + [integer[i:i + 3] for i in range(head, len(integer), 3)]
    return ("-" if sign else "") + group.join(groups) + (mark + fraction if fraction else "")


def number(value: float, places: int = 2, *, fixed: bool = False,
           number_format: NumberFormat = "international") -> str:
    """`value` with thousands grouped, rounded (half to even) to `places` decimals.

    Trailing zeros are dropped (a whole number has no decimals), unless
    `fixed` keeps all `places` decimals, whole numbers included, as a column
    of computed rates needs (``4,731.00`` above ``7,261.07``). ``inf`` and
    ``nan`` are printed as Python does.

    Examples
    --------
    >>> number(546234), number(72.1789), number(0.5), number(-1234.5)
    ('546,234', '72.18', '0.5', '-1,234.5')
    >>> number(0.5, fixed=True), number(4731, fixed=True), number(4731, 0, fixed=True)
    ('0.50', '4,731.00', '4,731')
    >>> number(-0.001), number(-0.001, fixed=True), number(1234.5, number_format="vi")
    ('0', '0.00', '1.234,5')
    """
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer() and not (fixed and places > 0):
        return decimal_text(Decimal(int(value)), number_format=number_format)
    text = decimal_text(Decimal(float(value)), decimals=places, number_format=number_format)
    if places > 0 and not fixed:
        text = text.rstrip("0").rstrip(MARKS[number_format][1])
    # A negative number rounded to zero prints without its sign ("0", "0.00").
    return text[1:] if text.startswith("-") and not text.strip("-0,.") else text


def pace_text(value: float, *, lang: Lang = "en") -> str:
    """A pace per day with the decimals that matter: 2 below 1, 1 below 1,000, else none.

    >>> pace_text(5.4321), pace_text(0.0456), pace_text(7261.07), pace_text(160.84, lang="vi")
    ('5.4', '0.05', '7,261', '160,8')
    """
    size = abs(value)
    places = 2 if size < 1 else 1 if size < 1_000 else 0  # noqa: PLR2004 - the rule above
    return number(value, places, fixed=True, number_format=LANG_NUMBER_FORMATS[lang])


def quantity(value: float, unit: enum.Enum | str | None,
             qualifier: enum.Enum | str | None = None, *, lang: Lang = "en") -> str:
    """A figure as reports print it: qualifier symbol, number, unit symbol.

    Examples
    --------
    >>> quantity(65, "percent", "more_than")
    '> 65 %'
    >>> quantity(44_000, "uses", "nearly"), quantity(65.57, "percent", lang="vi")
    ('<~ 44,000 uses', '65,57 %')
    """
    parts = []
    if qualifier is not None and qualifier_symbol(qualifier):
        parts.append(qualifier_symbol(qualifier))
    parts.append(number(value, number_format=LANG_NUMBER_FORMATS[lang]))
    if unit is not None and unit_symbol(unit, lang=lang):
        parts.append(unit_symbol(unit, lang=lang))
    return " ".join(parts)
