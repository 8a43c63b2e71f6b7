"""The words of figures and dates, as data: one table per kind of word.

The strict parsers (:func:`~de_an06.parsing.parse_quantity` ...) and the
finders of running text read the same tables. Every table is keyed by the
Vietnamese phrase as printed (lower case, with its diacritics); a phrase
matches with its diacritics or entirely without them, in any letter case,
never half-marked nor marked otherwise (the rule of the lexical layer:
``"tăng"`` is never ``"tầng"``); without diacritics, a word that would
block a figure gives way to a word of ``MEANING_WORDS`` that reads
alike. Numbers and dates themselves come from
:mod:`~de_an06.parsing.grammar`.
"""

from __future__ import annotations

from typing import Final, Literal

from de_an06.model import Qualifier, Unit

#: Words that hedge a figure, with the :class:`~de_an06.Qualifier` each means.
QUALIFIERS: Final[dict[str, Qualifier]] = {
    "gần": Qualifier.NEARLY,          # "gần 98%": nearly
    "khoảng": Qualifier.ABOUT,        # "khoảng 10 phút": about
    "xấp xỉ": Qualifier.ABOUT,        # approximately
    "hơn": Qualifier.MORE_THAN,       # "hơn 323.000 lượt": more than
    "trên": Qualifier.MORE_THAN,      # "trên 65%": above
    "dưới": Qualifier.LESS_THAN,      # "dưới 50%": below
    "đạt": Qualifier.EXACT,           # "đạt 72,2%": reached (exact figure)
    "đạt tỷ lệ": Qualifier.EXACT,     # "đạt tỷ lệ 100%": reached the rate
    "đạt tỉ lệ": Qualifier.EXACT,     # the older spelling of "tỷ"
}

#: Scale words and their multipliers.
SCALES: Final[dict[str, int]] = {
    "nghìn": 10**3,   # thousand (northern)
    "ngàn": 10**3,    # thousand (southern)
    "triệu": 10**6,   # million
    "tỷ": 10**9,      # billion (thousand million)
    "tỉ": 10**9,      # the older spelling
    "nghìn tỷ": 10**12,  # a thousand billion ("12 nghìn tỷ đồng")
    "ngàn tỷ": 10**12,
    "nghìn tỉ": 10**12,
    "ngàn tỉ": 10**12,
}

#: Unit words and the :class:`~de_an06.Unit` each names.
UNITS: Final[dict[str, Unit]] = {
    "người": Unit.PEOPLE,
    "hồ sơ": Unit.DOSSIERS,
    "lượt": Unit.USES,
    "ngày làm việc": Unit.WORKING_DAYS,
    "ngày": Unit.DAYS,
    "phút": Unit.MINUTES,
    "đồng": Unit.VND,
    "vnd": Unit.VND,
    "vnđ": Unit.VND,
    "%": Unit.PERCENT,
}

#: What the words before a figure say it is (the closed set of ``Figure.lead``).
Lead = Literal["reached", "increased", "decreased", "exceeded", "issued", "share",
               "collected", "received", "resolved", "activated", "completed", "total",
               "has", "of_which"]

#: Words that hedge a figure in prose: those of the strict parser
#: (:data:`~de_an06.parsing.QUALIFIERS`, less ``đạt``, which is a lead word
#: here) and the words prose adds. ``tối thiểu`` and ``ít nhất`` (at least)
#: read as ``MORE_THAN`` and ``tối đa`` / ``không quá`` (at most) as
#: ``LESS_THAN``: :class:`~de_an06.Qualifier` has no inclusive bound, and the
#: printed word is kept beside it.
PROSE_QUALIFIERS: Final[dict[str, Qualifier]] = {
    **{word: q for word, q in QUALIFIERS.items() if q is not Qualifier.EXACT},
    "chừng": Qualifier.ABOUT,          # "chừng 200 người": about
    "ước": Qualifier.ABOUT,            # "ước 3 triệu": estimated
    "ước tính": Qualifier.ABOUT,       # estimated
    "ước khoảng": Qualifier.ABOUT,     # estimated at about
    "gần như": Qualifier.NEARLY,       # all but
    "hơn gần": Qualifier.NEARLY,       # (sic) seen in copy-edited text
    "trên dưới": Qualifier.ABOUT,      # "trên dưới 50": give or take
    "chưa đến": Qualifier.LESS_THAN,   # "chưa đến 10%": not yet 10%
    "chưa tới": Qualifier.LESS_THAN,
    "không đến": Qualifier.LESS_THAN,
    "không quá": Qualifier.LESS_THAN,  # at most
    "tối đa": Qualifier.LESS_THAN,     # at most
    "tối thiểu": Qualifier.MORE_THAN,  # at least
    "ít nhất": Qualifier.MORE_THAN,    # at least
    "vượt": Qualifier.MORE_THAN,       # "vượt 5%": beyond
    "hơn hẳn": Qualifier.MORE_THAN,
    "tới": Qualifier.EXACT,            # "tới 3 triệu": as many as (a stress, not a hedge)
    "lên tới": Qualifier.EXACT,
    "lên đến": Qualifier.EXACT,
}

#: Lead words (what precedes a figure and gives it meaning) and their sense.
LEADS: Final[dict[str, Lead]] = {
    "đạt": "reached", "đạt tỷ lệ": "reached", "đạt tỉ lệ": "reached",
    "đạt được": "reached", "ước đạt": "reached",
    "tăng": "increased", "tăng thêm": "increased", "tăng lên": "increased",
    "giảm": "decreased", "giảm còn": "decreased", "giảm xuống": "decreased",
    "vượt": "exceeded",
    "cấp": "issued", "đã cấp": "issued", "cấp được": "issued", "cấp mới": "issued",
    "chiếm": "share", "chiếm tỷ lệ": "share", "chiếm tỉ lệ": "share",
    "thu nhận": "collected", "đã thu nhận": "collected",
    "thu": "collected", "đã thu": "collected",  # "thu 5 tỷ đồng": collected (never "thứ")
    "tiếp nhận": "received", "đã tiếp nhận": "received",
    "giải quyết": "resolved", "đã giải quyết": "resolved",
    "kích hoạt": "activated", "đã kích hoạt": "activated",
    "hoàn thành": "completed", "đã hoàn thành": "completed",
    "tổng số": "total", "tổng cộng": "total", "tổng": "total",
    "có": "has", "đã có": "has",
    "trong đó": "of_which", "gồm": "of_which", "bao gồm": "of_which",
}

#: Words that may stand between a lead word and its figure.
LEAD_FILLERS: Final = frozenset({"được", "là", "lên", "thêm", "tới", "đến", "mức", "con số"})

#: Small numbers in words (``"ba tổ công tác"``), read only before a counted noun.
NUMBER_WORDS: Final[dict[str, int]] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}

#: Words that make an amount vague (``"vài trăm nghìn"``, ``"hàng triệu"``).
VAGUE_WORDS: Final = ("vài", "hàng", "mấy", "dăm", "hàng chục", "hàng trăm")

#: Magnitudes that follow a vague word (``trăm``, ``chục`` and the scale words).
VAGUE_MAGNITUDES: Final = ("chục", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ")

#: Document types whose number is a reference, not a figure (``Đề án 06``).
DOCUMENT_WORDS: Final = (
    "đề án", "nghị quyết", "quyết định", "kế hoạch", "chỉ thị", "thông tư", "nghị định",
    "công văn", "thông báo", "văn bản", "luật", "công điện", "hướng dẫn", "tờ trình",
    "điều", "khoản", "phụ lục", "biểu mẫu", "mẫu số",
    "tổ công tác đề án", "số hiệu")

#: Words of :data:`DOCUMENT_WORDS` that are common verbs too: right before a
#: number that counts a noun they are the verb (*hướng dẫn 1.200 người dân*,
#: guided 1,200 citizens; *thông báo 5 trường hợp*, reported 5 cases), before
#: a bare number or after ``số`` the document (*Hướng dẫn số 05*).
DOCUMENT_VERBS: Final = ("hướng dẫn", "thông báo")

#: Words before a number that make it a level or an ordinal, not a figure.
LEVEL_WORDS: Final = ("mức", "mức độ", "cấp độ", "lần thứ", "khóa", "khoá", "kỳ", "đợt", "phiên",
                      "tầng", "phòng", "số nhà", "quốc lộ", "tỉnh lộ", "đường")

#: Words before a rank (``xếp thứ 25/63``, ``đứng thứ 5``, ``top 10``).
RANK_WORDS: Final = ("xếp thứ", "xếp hạng", "đứng thứ", "hạng", "thứ hạng", "top", "thứ")

#: The rank that needs the number ranked: second to last.
SECOND_TO_LAST: Final = ("áp chót",)

#: Words after ``"/"`` that make a figure a rate (``lượt/ngày``, ``%/năm``).
RATE_WORDS: Final = frozenset({
    "ngày", "tháng", "năm", "quý", "tuần", "giờ", "phút", "người", "hồ sơ", "lượt",
    "hộ", "thủ tục", "giao dịch", "tài khoản", "thẻ", "xã", "huyện", "tỉnh", "lần", "ca"})

#: Words that end a counted noun (``"418 thủ tục của tỉnh"``: the noun is ``thủ tục``).
#: A phrase of :data:`RANK_WORDS` ends it as well, in the finders and in
#: ``parse_quantity`` alike (``"5 người top 10"``: the noun is ``người``).
NOUN_STOPS: Final = frozenset({
    "của", "trên", "so", "với", "đạt", "và", "trong", "tại", "đã", "được", "là", "cho",
    "ở", "từ", "đến", "tới", "theo", "thì", "nhưng", "hoặc", "hay", "có", "vào", "khi",
    "này", "đó", "nên", "để", "bằng", "chiếm", "tăng", "giảm", "vượt", "gồm", "như",
    "sau", "trước", "qua", "lên", "xuống", "còn", "cũng", "đều", "mới", "chỉ", "sẽ",
    "đang", "không", "chưa", "tính", "hết", "nay", "vừa", "rồi", "nữa",
    "thuộc", "về", "mức", "số", "lúc", "hạng", "thứ", "cả", "toàn",
    "do", "bởi", "nhằm", "giúp", "hơn", "gần", "khoảng",
    "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "mỗi", "một", "các", "những"}
    | {phrase.split()[0] for phrase in PROSE_QUALIFIERS})  # "5 người xấp xỉ 6 người"

#: The words a text means most often when a spelling without diacritics
#: could be one of them or a word that blocks, ranks or makes a figure (a
#: level, document, phone, rank or number word): such a word gives the
#: spelling up (``"tang 5"`` is ``"tăng 5"``, increased, and stays a figure,
#: never ``"tầng 5"``, floor 5; ``"sau"`` is after, not ``"sáu"``, six).
#: A word printed with its diacritics is always itself.
MEANING_WORDS: Final = (*LEADS, *PROSE_QUALIFIERS, *LEAD_FILLERS, *NOUN_STOPS)

#: The longest counted noun kept, in words.
NOUN_WORDS: Final = 6

#: Words of time that, before a date, say what the date is to the figure.
#: Each maps to a role of :class:`~de_an06.parsing.DateMention`.
DATE_CUES: Final[dict[str, str]] = {
    "tính đến": "as_of", "tính đến hết": "as_of", "tính đến ngày": "as_of",
    "tính tới": "as_of", "tính tới ngày": "as_of", "đến": "as_of", "đến hết": "as_of",
    "đến ngày": "as_of", "đến cuối": "as_of", "tới": "as_of", "tới ngày": "as_of",
    "cập nhật": "as_of", "cập nhật:": "as_of", "cập nhật đến": "as_of",
    "trước": "deadline", "trước ngày": "deadline", "hạn": "deadline",
    "hạn chót": "deadline", "chậm nhất": "deadline", "chậm nhất là": "deadline",
    "chậm nhất ngày": "deadline", "hoàn thành trước": "deadline",
    "trong": "period", "trong năm": "period", "trong tháng": "period",
    "giai đoạn": "period", "thời kỳ": "period", "suốt": "period", "cả năm": "period",
    "từ": "open_start", "từ ngày": "open_start", "kể từ": "open_start",
    "kể từ ngày": "open_start", "bắt đầu từ": "open_start",
    "ngày": "point", "sáng": "point", "chiều": "point", "tối": "point", "trưa": "point",
    "đêm": "point", "vào": "point", "vào ngày": "point", "hôm": "point",
}

#: The words of the date forms (:mod:`~de_an06.parsing.grammar`: day, month,
#: year, quarter, first or last months, a time of day; the ``từ ... đến``
#: of a span). Like every word, each is itself only as printed here or
#: without any diacritics: ``"thắng 3/2024"`` (won) holds no ``tháng``
#: (month), ``"nằm"`` (lies) no ``năm`` (year). Without diacritics each
#: keeps its spelling (the table gives way to no word: a date word is read
#: only beside the digits of a date form, where the grammar reads the same
#: spellings), so ``"nam 2023"`` is the year 2023 and ``"quy 2/2024"`` the
#: second quarter (read without the word, ``2/2024`` would be February); a
#: name of :data:`COMPOUND_WORDS` keeps its syllable (``"Việt Nam 2023"``
#: holds no year).
DATE_WORDS: Final = ("ngày", "tháng", "năm", "quý", "đầu", "cuối", "giờ", "phút", "lúc",
                     "từ", "đến", "tới", "hết")

#: Words of two syllables of which one, printed alone, would be a unit or a
#: date word: in one of them it is only a syllable. A noun that starts with
#: ``đồng`` counts no money (*cử 5 đồng chí*, sent 5 comrades; *200 nghìn
#: đồng bào*, 200 thousand compatriots); a name that ends with ``Nam`` holds
#: no ``năm`` (year) written without diacritics (*Việt Nam 2023*). Read as
#: printed or without any diacritics, like every word.
COMPOUND_WORDS: Final = (
    "đồng chí", "đồng bào", "đồng nghiệp", "đồng đội", "đồng hương", "đồng phục",
    "đồng thời", "đồng loạt", "đồng hành", "đồng thuận", "đồng ý",
    "việt nam", "hà nam", "quảng nam", "miền nam", "phía nam")

#: Where in a month or a year a vague phrase puts a date: thirds of the
#: month (days 1-10, 11-20, 21-end, the *thượng*, *trung* and *hạ tuần*) and
#: of the year (January-April, May-August, September-December).
VAGUE_EDGES: Final[dict[str, int]] = {"đầu": 0, "giữa": 1, "cuối": 2}

#: Relative words and the days or years they move from the publication date.
RELATIVE_DAYS: Final[dict[str, int]] = {
    "hôm nay": 0, "hôm qua": -1, "hôm kia": -2, "ngày mai": 1, "đến nay": 0,
    "hiện nay": 0, "hiện tại": 0}
#: Relative years (``năm nay`` is the publication's year).
RELATIVE_YEARS: Final[dict[str, int]] = {
    "năm nay": 0, "năm ngoái": -1, "năm trước": -1, "năm qua": -1, "năm sau": 1,
    "năm tới": 1}

#: Nouns a number word may count (``"ba tổ công tác"``): the unit words (but
#: ``%``), the words of rate and these.
COUNTED: Final = RATE_WORDS | {word for word, unit in UNITS.items() if unit is not Unit.PERCENT} | {
    "tổ", "nhóm", "tiện ích", "dịch vụ", "nhiệm vụ", "địa phương", "đơn vị", "mô hình",
    "quan điểm", "mục tiêu", "chỉ tiêu", "cấp", "sở", "ngành",
    "trường hợp", "điểm", "bước", "nội dung"}

#: Words before a number that make it a telephone number (``hotline 1900 ...``).
PHONE_WORDS: Final = ("hotline", "điện thoại", "số điện thoại", "đường dây nóng", "sđt", "đt",
                      "tổng đài", "fax", "zalo")
