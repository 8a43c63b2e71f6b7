r"""THE grammar of numbers and dates in cells and report text, stated once.

Every reader of the library takes its patterns from here: the text parsers
of :mod:`de_an06.parsing` and the CSV readers of :mod:`de_an06.io` alike.
This module is public within the package tree (other packages import it)
but not part of ``de_an06.__all__``.

The number formats
------------------
``"vi"``
    ``.`` groups thousands, ``,`` marks decimals: ``1.497.360``, ``65,57``.
``"international"``
    ``,`` groups thousands, ``.`` marks decimals: ``1,497,360``, ``65.57``.
``"plain"``
    never grouped, ``.`` marks decimals, an exponent may follow:
    ``1497360``, ``65.57``, ``1e-05``.

``"vi"`` and ``"international"`` are the formats of report text
(:data:`~de_an06.parsing.NUMBER_FORMATS`); cells of a data file may also be ``"plain"``, as
Python and most programs write numbers (:data:`CELL_NUMBER_FORMATS`).

Each format's grammar is written once, as a verbose pattern with named
groups (:data:`NUMBER_PATTERNS`); the other forms are derived from it:

- :data:`NUMBERS`, the compiled patterns (``re.VERBOSE``), to match one cell
  in full or one number at a position, and read its named groups;
- :data:`NUMBER_BODIES`, the same grammar without groups or layout, to embed
  in a larger pattern, also more than once (a whole column of cells joined by
  newlines: ``rf"{body}(?:\n{body})*"``);
- :data:`NUMBER_COLUMNS`, that column pattern compiled for each format.

Examples
--------
>>> bool(NUMBERS["vi"].fullmatch("1.497.360")), bool(NUMBERS["vi"].fullmatch("1.5"))
(True, False)
>>> NUMBERS["international"].fullmatch("-1,234.5").group("sign", "integer", "fraction")
('-', '1,234', '5')
>>> NUMBER_BODIES["vi"]
'-?(?:[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?'
>>> bool(NUMBER_COLUMNS["plain"].fullmatch("1\n2.5\n-3e4")), bool(WHOLE_NUMBER.fullmatch("-12"))
(True, True)
>>> ISO_DATE.fullmatch("2022-01-06").group("year", "month", "day")
('2022', '01', '06')
"""

from __future__ import annotations

import re
from typing import Final, Literal

from de_an06 import _present

__all__ = [
    "CELL_NUMBER_FORMATS",
    "DAY_FIRST_DATE",
    "INTERNATIONAL_NUMBER_PATTERN",
    "ISO_DATE",
    "MARKS",
    "MONTH",
    "MONTHS_OF_YEAR",
    "MONTH_YEAR",
    "NUMBERS",
    "NUMBER_BODIES",
    "NUMBER_COLUMNS",
    "NUMBER_FORMATS",
    "NUMBER_PATTERNS",
    "PLAIN_NUMBER_PATTERN",
    "QUARTER",
    "TIME_OF_DAY",
    "VI_NUMBER_PATTERN",
    "WHOLE_NUMBER",
    "WORDED_DATE",
    "YEAR",
    "YEAR_SPAN",
    "CellNumberFormat",
    "NumberFormat",
]


def __dir__() -> list[str]:
    return __all__


# --------------------------------------------------------------------------
# Number formats
# --------------------------------------------------------------------------

#: The two number formats of report text, ``"vi"`` (``1.497.360``, ``65,57``)
#: and ``"international"`` (``1,497,360``, ``65.57``) as some spreadsheets export
#: (the output vocabulary's, which writes numbers the same two ways).
NumberFormat = _present.NumberFormat
#: The names of the text number formats, in the order of :data:`NumberFormat`.
NUMBER_FORMATS: Final = ("vi", "international")

#: The number formats of data-file cells, those of text and ``"plain"``.
CellNumberFormat = Literal["plain", "vi", "international"]
#: The names of the cell number formats, in the order of :data:`CellNumberFormat`.
CELL_NUMBER_FORMATS: Final = ("plain", "vi", "international")

#: The thousands mark and the decimal mark of each text format.
MARKS: Final[dict[str, tuple[str, str]]] = _present.MARKS

# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

#: A Vietnamese number, where ``.`` groups thousands and ``,`` marks decimals.
VI_NUMBER_PATTERN: Final = r"""
    (?P<sign>-)?                        # an optional minus sign
    (?P<integer>
        [0-9]{1,3}(?:\.[0-9]{3})+       # grouped: 546.234, 1.497.360
      | [0-9]+                          # or ungrouped: 2022, 44000
    )
    (?:,(?P<fraction>[0-9]+))?          # decimals after a comma: 65,57
"""

#: An international number, where ``,`` groups thousands and ``.`` marks decimals.
INTERNATIONAL_NUMBER_PATTERN: Final = r"""
    (?P<sign>-)?                        # an optional minus sign
    (?P<integer>
        [0-9]{1,3}(?:,[0-9]{3})+        # grouped: 1,497,360
      | [0-9]+                          # or ungrouped: 1497360
    )
    (?:\.(?P<fraction>[0-9]+))?         # decimals after a point: 65.57
"""

#: A plain number as Python writes an int or a float, never grouped, where
#: ``.`` marks decimals and an exponent may follow (``1e-05``, ``1.5E+20``).
PLAIN_NUMBER_PATTERN: Final = r"""
    (?P<sign>-)?                        # an optional minus sign
    (?P<integer>[0-9]+)                 # digits, never grouped: 1497360
    (?:\.(?P<fraction>[0-9]+))?         # decimals after a point: 65.57
    (?P<exponent>[eE][-+]?[0-9]+)?      # a power of ten: 1e-05
"""

#: The grammar of each cell number format, verbose, with the named groups
#: ``sign``, ``integer`` and ``fraction`` (and ``exponent`` for ``"plain"``).
NUMBER_PATTERNS: Final[dict[str, str]] = {
    "plain": PLAIN_NUMBER_PATTERN,
    "vi": VI_NUMBER_PATTERN,
    "international": INTERNATIONAL_NUMBER_PATTERN,
}

#: Each pattern of :data:`NUMBER_PATTERNS` compiled with ``re.VERBOSE``.
NUMBERS: Final = {
    name: re.compile(pattern, re.VERBOSE) for name, pattern in NUMBER_PATTERNS.items()}

# A named group around one atom (a character or a character class, perhaps
# with "+") loses its parentheses: "(?P<sign>-)?" becomes "-?". Regular
# expressions run markedly faster on "-?" than on "(?:-)?". None of the
# patterns puts "?" after a group whose atom ends with "+" (that would make
# the "+" lazy).
_ONE_ATOM: Final = re.compile(r"\(\?P<\w+>((?:\\.|\[[^\]]*\]|[^()\[\]\\|])\+?)\)")
_NAMED: Final = re.compile(r"\(\?P<\w+>")
_LAYOUT: Final = re.compile(r"\s+|#.*")  # none of the number patterns has a space or "#"

#: Each pattern of :data:`NUMBER_PATTERNS` without layout, comments or named
#: groups (``"-?(?:[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"`` for
#: ``"vi"``): the same numbers, in a form that can be embedded in a larger
#: pattern, also more than once.
NUMBER_BODIES: Final[dict[str, str]] = {
    name: _NAMED.sub("(?:", _ONE_ATOM.sub(r"\1", _LAYOUT.sub("", pattern)))
    for name, pattern in NUMBER_PATTERNS.items()}

#: For each format, a pattern that a column of cells joined with ``"\n"``
#: matches in full exactly when every cell is a number of that format.
NUMBER_COLUMNS: Final = {
    name: re.compile(rf"{body}(?:\n{body})*") for name, body in NUMBER_BODIES.items()}

#: A whole number as a plain cell holds it (``"-12"``, ``"0044"``), digits
#: after an optional minus sign, without decimals or exponent.
WHOLE_NUMBER: Final = re.compile(r"-?[0-9]+")

# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

#: An ISO 8601 calendar date, ``2022-01-06`` (``YYYY-MM-DD``, the only
#: month-before-day order the library reads).
ISO_DATE: Final = re.compile(r"""
    (?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})   # 2022-01-06
""", re.VERBOSE)

#: A day-first date such as ``20-6``, ``1/6/2022``, ``23.3.2022`` or ``ngày 6/1/2022``.
DAY_FIRST_DATE: Final = re.compile(r"""
    (?:ngày\ +|ngay\ +)?                # an optional "ngày" (day)
    (?P<day>[0-9]{1,2})
    (?P<sep>[-/.])                      # one separator, used throughout
    (?P<month>[0-9]{1,2})
    (?:(?P=sep)(?P<year>[0-9]{4}))?     # the year, unless given by the caller
""", re.VERBOSE | re.IGNORECASE)

#: A date in words, such as ``ngày 6 tháng 1 năm 2022``.
WORDED_DATE: Final = re.compile(r"""
    (?:ngày|ngay)\ +(?P<day>[0-9]{1,2})
    \ +(?:tháng|thang)\ +(?P<month>[0-9]{1,2})
    (?:\ +(?:năm|nam)\ +(?P<year>[0-9]{4}))?
""", re.VERBOSE | re.IGNORECASE)

# --------------------------------------------------------------------------
# Months, quarters, years and times of day (the forms of report prose)
# --------------------------------------------------------------------------

#: A month with its year: ``tháng 10/2024``, ``tháng 10-2024``,
#: ``tháng 10 năm 2024`` or, without ``tháng``, ``10/2024``.
MONTH_YEAR: Final = re.compile(r"""
    (?:(?:tháng|thang)\ +)?             # an optional "tháng" (month)
    (?P<month>[0-9]{1,2})
    (?:\ *[-/.]\ *|\ +(?:năm|nam)\ +)   # "/", "-", "." or "năm" (year)
    (?P<year>[0-9]{4})
""", re.VERBOSE | re.IGNORECASE)

#: A month without its year, ``tháng 8`` (the year comes from elsewhere).
MONTH: Final = re.compile(r"""
    (?:tháng|thang)\ +(?P<month>[0-9]{1,2})
""", re.VERBOSE | re.IGNORECASE)

#: A quarter, ``quý II/2023``, ``quý 2 năm 2023``, ``quý IV-2024`` or ``quý III``.
QUARTER: Final = re.compile(r"""
    (?:quý|quy)\ +(?P<quarter>iv|iii|ii|i|[1-4])(?![0-9a-z])    # "quý II"
    (?:(?:\ */\ *|\ *-\ *|\ +(?:năm|nam)\ +)(?P<year>[0-9]{4}))?  # "/2023"
""", re.VERBOSE | re.IGNORECASE)

#: The first N months or the last N months of a year: ``6 tháng đầu năm 2023``.
MONTHS_OF_YEAR: Final = re.compile(r"""
    (?P<months>[0-9]{1,2})\ +(?:tháng|thang)\ +         # "6 tháng"
    (?P<edge>đầu|dau|cuối|cuoi)\ +(?:năm|nam)           # "đầu năm" / "cuối năm"
    (?:\ +(?P<year>[0-9]{4}))?                          # "2023"
""", re.VERBOSE | re.IGNORECASE)

#: A span of years, ``2021-2025`` or ``2022 - 2025`` (each year 1900 to 2099).
YEAR_SPAN: Final = re.compile(r"""
    (?P<first>(?:19|20)[0-9]{2})\ *-\ *(?P<last>(?:19|20)[0-9]{2})
""", re.VERBOSE)

#: A year, ``năm 2024``.
YEAR: Final = re.compile(r"""
    (?:năm|nam)\ +(?P<year>[0-9]{4})
""", re.VERBOSE | re.IGNORECASE)

#: A time of day printed next to a date: ``17h``, ``8h30``, ``08:15:00``,
#: ``10 giờ 30``, ``9 giờ``.
TIME_OF_DAY: Final = re.compile(r"""
    (?P<hour>[0-9]{1,2})
    (?:
        :[0-9]{2}(?::[0-9]{2})?                         # 08:15 or 08:15:00
      | \ *(?:h|giờ|gio)(?:\ *[0-9]{1,2}(?:\ *(?:phút|phut|p|'))?)?   # 17h, 8h30
    )
""", re.VERBOSE | re.IGNORECASE)
