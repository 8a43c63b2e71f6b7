"""Words that read alike once their diacritics are dropped: the finders keep them apart."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import de_an06 as da
from de_an06.parsing import _prose_words as words
from de_an06.parsing import (
    find_dates,
    find_figures,
    format_number,
    parse_date,
    parse_period,
    parse_quantity,
    parse_rank,
)
from de_an06.parsing._lexical import Words, fold, unmarked_spellings, with_folds

#: Everyday words of programme reports, mostly verbs and nouns that come just
#: before or after a figure; several fold to the same letters as a table word.
COMMON: tuple[str, ...] = (
    "tăng", "giảm", "đạt", "đặt", "đất", "cấp", "cáp", "thu", "thu nhận", "thu hồi",
    "kích hoạt", "ký", "kỹ", "kể", "mục", "ghi nhận", "tiếp nhận", "hướng dẫn", "hỗ trợ",
    "triển khai", "cài đặt", "đăng ký", "xác thực", "tích hợp", "chuyển", "lập", "xử lý",
    "cử", "có", "còn", "gồm", "gom", "tạo", "mở", "đổi", "bàn giao", "chiếm", "vượt",
    "giữ", "đứng", "sau", "tâm", "tấm", "ban", "bản", "bà", "hải", "nằm", "nam",
    "hàng", "hãng", "tháng", "thắng", "quý", "quy", "hồ", "họ", "thế", "lần", "làn",
    "cả", "cá", "tại", "tài", "tải", "tư", "tự", "chờ", "chợ", "con", "cùng", "cung",
    "chi", "chứa", "nửa", "thuốc", "lực", "mỗi", "mời", "đảng", "dòng", "đóng", "động",
    "lướt", "ngay", "tính", "tình", "dân", "xa", "phong", "phóng", "dương", "khoa",
    "đợi", "tổ", "tờ", "số", "sổ", "sở", "văn", "vấn", "máy", "vai", "dặm", "đầm",
)
#: The common words that come before a figure and give it no other sense.
VERBS: tuple[str, ...] = (
    "tăng", "giảm", "đạt", "đặt", "cấp", "thu", "thu nhận", "kích hoạt", "ký",
    "ghi nhận", "tiếp nhận", "hướng dẫn", "hỗ trợ", "triển khai", "cài đặt", "đăng ký",
    "xác thực", "xử lý", "cử", "có", "còn", "gồm", "tạo", "mở", "đổi", "bàn giao",
    "lập", "chuyển", "sau", "thêm", "Tăng", "GIẢM")

TABLES: dict[str, Iterable[str]] = {
    "qualifiers": words.PROSE_QUALIFIERS, "leads": words.LEADS, "scales": words.SCALES,
    "units": words.UNITS, "fillers": words.LEAD_FILLERS, "numbers": words.NUMBER_WORDS,
    "vague": words.VAGUE_WORDS, "magnitudes": words.VAGUE_MAGNITUDES,
    "documents": words.DOCUMENT_WORDS, "levels": words.LEVEL_WORDS,
    "ranks": words.RANK_WORDS, "rates": words.RATE_WORDS, "stops": words.NOUN_STOPS,
    "counted": words.COUNTED, "phones": words.PHONE_WORDS, "dates": words.DATE_WORDS,
    "compounds": words.COMPOUND_WORDS, "second_to_last": words.SECOND_TO_LAST,
}
#: The tables whose words keep a number from being a figure, or make one.
GIVING_WAY = {"numbers", "documents", "levels", "ranks", "phones", "stops"}


def _table(name: str) -> Words[object]:
    table = dict.fromkeys(TABLES[name], True)
    return Words(table, words.MEANING_WORDS if name in GIVING_WAY else ())


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_word_printed_with_other_marks_is_no_table_word(name: str) -> None:
    """Every common word folding like a table word but marked otherwise reads as nothing."""
    table = _table(name)
    keys = {key.casefold() for key in TABLES[name]}
    folds = {fold(key) for key in keys}
    for word in COMMON:
        if word in keys or fold(word) not in folds or fold(word) == word:
            continue
        assert table.value(word) is None, (name, word)


@pytest.mark.parametrize("name", sorted(GIVING_WAY))
def test_a_spelling_without_marks_is_the_meaning_word(name: str) -> None:
    """A level, rank ... word written without marks never stands for a meaning word."""
    table = _table(name)
    keys = {key.casefold() for key in TABLES[name]}
    for word in words.MEANING_WORDS:
        if word not in keys and fold(word) != word and fold(word) in {fold(k) for k in keys}:
            assert table.value(fold(word)) is None, (name, word)


#: Common words printed without any mark that a table still reads as one of
#: its marked words (the support of text typed without diacritics), and why
#: that does no harm: each keeps the figure and its value.
HARMLESS: dict[tuple[str, str], str] = {
    ("counted", "nam"): "a number word before 'Nam' (the south) is no report phrasing",
    ("numbers", "nam"): "read only before a counted noun: 'Nam tỉnh' is no report phrasing",
    ("rates", "nam"): "a rate '/nam' is 'per year' in a text without diacritics",
    ("counted", "quy"): "'quy' (rule) comes in 'quy định', never after a number word",
    ("rates", "quy"): "'/quy' is 'per quarter' in a text without diacritics",
    ("counted", "ngay"): "'ngay' (at once) never follows a number word",
    ("rates", "ngay"): "'/ngay' is 'per day' in a text without diacritics",
    ("units", "ngay"): "'5 ngay' is five days in a text without diacritics",
    ("counted", "xa"): "'xa' (far) never follows a number word",
    ("rates", "xa"): "'/xa' is 'per commune' in a text without diacritics",
    ("leads", "gom"): "'gom' (to gather) gets the lead 'of_which': a side field, the figure stays",
    ("stops", "gom"): "a verb after the noun ends it anyway",
    ("stops", "con"): "'con' (young, a classifier) after the noun only shortens the noun",
    ("stops", "cung"): "'cung cấp' (supply) after the noun is a verb: the noun ends there",
    ("stops", "chi"): "'chi' (spend) after the noun is a verb: the noun ends there",
    ("levels", "phong"): "'phong' (wind, style) never stands just before a number",
    ("levels", "khoa"): "'khoa' (faculty) before a number names one: no figure either",
    ("vague", "vai"): "'vai trò' (role): a vague amount needs 'trăm', 'nghìn' ... after it",
    ("dates", "nam"): "'nam 2023' is the year 2023 in a text without diacritics; the "
                      "names of COMPOUND_WORDS ('Việt Nam 2023') keep their 'Nam'",
    ("dates", "quy"): "'quy 2/2024' is the second quarter without diacritics: read "
                      "without the word, '2/2024' would be February",
    ("dates", "ngay"): "'ngay' (at once) is read only before a day-first date, which "
                       "reads the same without it",
}


def test_words_without_marks_read_as_table_words_are_harmless() -> None:
    found = set()
    for name, spelt in TABLES.items():
        table = _table(name)
        keys = {key.casefold() for key in spelt}
        found |= {(name, word) for word in COMMON
                  if fold(word) == word and word not in keys and table.value(word) is not None}
    assert found == set(HARMLESS)


def test_the_rule_of_spellings_without_marks() -> None:
    assert unmarked_spellings(["tầng", "phòng"], ["tăng"]) == {"phong": "phòng"}
    assert unmarked_spellings(["tầng"], ["tầng"]) == {"tang": "tầng"}  # the same word
    assert unmarked_spellings(["so"], ["số"]) == {"so": "so"}  # spelt so: kept
    assert with_folds({"thứ": 1}, ["thu"]) == {"thứ": 1}
    assert with_folds({"thứ": 1}) == {"thu": 1, "thứ": 1}


_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng
#: "óa" <-> "oá", "úy" <-> "uý" ...: the two places of a tone in an open "oa", "oe", "uy".
_MOVED = {
    unicodedata.normalize("NFC", new): unicodedata.normalize("NFC", old)
    for first, second in ("oa", "oe", "uy") for tone in _TONES
    for new, old in ((first + tone + second, first + second + tone),
                     (first + second + tone, first + tone + second))}


def _tone_moved(word: str) -> str:
    """`word` with the tone of a final "oa", "oe", "uy" on the other vowel ("khóa": "khoá")."""
    return " ".join(piece if piece.startswith("qu") else  # "qu" is one consonant: "quý"
                    piece[:-2] + _MOVED.get(piece[-2:], piece[-2:]) for piece in word.split())


def test_both_places_of_a_tone_are_in_the_tables() -> None:
    """Reports print "khóa" and "khoá" alike: a table lists both spellings."""
    assert _tone_moved("khóa") == "khoá"
    assert _tone_moved("khoá") == "khóa"
    for name, table in TABLES.items():
        keys = {key.casefold() for key in table}
        for key in keys:
            assert _tone_moved(key) in keys, (name, key)


@pytest.mark.parametrize(("phrase", "value", "unit", "lead"), [  # value None: no figure
    ("tăng 5 người", 5, da.Unit.PEOPLE, "increased"),
    ("Tăng 5 người", 5, da.Unit.PEOPLE, "increased"),
    ("giảm 3 hồ sơ", 3, da.Unit.DOSSIERS, "decreased"),
    ("Số tài khoản tăng 12.000 lượt so với quý trước", 12000, da.Unit.USES, "increased"),
    ("tang 5 nguoi", 5, da.Unit.PEOPLE, "increased"),  # no diacritics: the common verb
    ("TANG 5 NGUOI", 5, da.Unit.PEOPLE, "increased"),
    ("Tỉnh đã thu 5 tỷ đồng tiền phạt", 5 * 10**9, da.Unit.VND, "collected"),
    ("ký 4 hợp đồng", 4, None, None),
    ("đặt 7 camera", 7, None, None),
    ("tăng thêm 2 ngày", 2, da.Unit.DAYS, "increased"),
    ("khoá 9 người", None, None, None),  # the old place of the tone: a level still
    ("tầng 5 người", None, None, None),  # the floor: no figure
    ("đạt con sò 5 người", 5, da.Unit.PEOPLE, None),  # "con sò" is no filler "con số"
    ("đạt con số 5 người", 5, da.Unit.PEOPLE, "reached"),
    ("Toàn tỉnh hướng dẫn 1.200 người dân", 1200, da.Unit.PEOPLE, None),  # guided
    ("thông báo 5 trường hợp", 5, None, None),  # reported 5 cases
    ("theo Hướng dẫn 05 của Bộ", None, None, None),  # the guideline no. 5
    ("Hướng dẫn số 05 người", None, None, None),
    ("Thông báo: 45 người", None, None, None),
    ("gọi + 5 người", None, None, None),  # after a plus sign: part of a telephone number
    ("gọi +84 5 người", None, None, None),
    ("Toàn tỉnh hướng dẫn 5%", 5, None, None),  # a share (percent) is no document number
], ids=[f"case{i}" for i in range(22)])
def test_a_figure_after_a_common_word(phrase: str, value: int | None, unit: da.Unit | None,
                                      lead: str | None) -> None:
    found = [f for f in find_figures(phrase) if f.value is not None]
    if value is None:
        assert found == []
        return
    figure, = found
    assert (figure.value, figure.unit, figure.lead) == (Decimal(value), unit, lead)


def test_sau_is_after_not_six() -> None:
    assert [f.value for f in find_figures("Sau năm 2023, tỉnh có 5 người")] == [5]
    assert [f.value for f in find_figures("sáu người")] == [6]


def test_the_noun_reads_alike_in_the_finder_and_the_parser() -> None:
    figure, = find_figures("Có 5 hồ sơ thu phí")
    assert parse_quantity(figure.text).noun == figure.noun == "hồ sơ thu phí"


FIGURES = st.tuples(
    st.sampled_from(["", "gần ", "hơn ", "khoảng ", "trên "]),
    st.decimals(min_value=0, max_value=10**7, places=0),
    st.sampled_from(["", " triệu", " nghìn"]),
    st.sampled_from([" người", " hồ sơ", " lượt truy cập", " tài khoản", "%", " ngày"]))


@given(FIGURES, st.sampled_from(VERBS))
def test_a_common_verb_before_a_figure_keeps_it(figure: tuple[str, Decimal, str, str],
                                                verb: str) -> None:
    hedge, value, scale, after = figure
    phrase = f"{hedge}{format_number(value)}{scale}{after}"
    on_its_own = find_figures(phrase)
    assume(len(on_its_own) == 1)
    alone = on_its_own[0]
    found, = find_figures(f"Toàn tỉnh {verb} {phrase}")
    assert (found.value, found.unit, found.noun, found.percent, found.qualifier) == (
        alone.value, alone.unit, alone.noun, alone.percent, alone.qualifier)
    cell = parse_quantity(found.text)
    assert (cell.value, cell.qualifier, cell.scale) == (found.value, found.qualifier, found.scale)


# --------------------------------------------------------------------------
# Date words, rank words and the unit word "đồng" (the same rule)
# --------------------------------------------------------------------------

PUBLISHED = dt.date(2024, 11, 5)
YEAR_2023 = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
MARCH_2024 = (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
Q2_2024 = (dt.date(2024, 4, 1), dt.date(2024, 6, 30))
DAY = (dt.date(2024, 3, 5), dt.date(2024, 3, 5))


@pytest.mark.parametrize(("phrase", "expected"), [
    # a word printed with other marks than the table's is no date word
    ("thắng 3/2024", [("3/2024", MARCH_2024)]),  # won; "3/2024" reads by itself
    ("Đội thắng 3", []),
    ("nằm 2023", []),  # lies
    ("quỹ II/2024", []),  # fund
    ("ngây 5/3/2024", [("5/3/2024", DAY)]),
    ("6 tháng đẩu năm 2023", [("năm 2023", YEAR_2023)]),  # no first six months
    ("nằm nay", []),
    # the Nam of a name is no year written without diacritics
    ("Việt Nam 2023", []),
    ("Viet Nam 2023", []),
    ("VIỆT NAM 2023", []),
    ("tỉnh Quảng Nam 2023", []),
    ("Việt Nam nay", []),
    ("Việt Nam năm 2023", [("năm 2023", YEAR_2023)]),
    ("Việt Năm 2023", [("Năm 2023", YEAR_2023)]),  # no name as printed: the year
    # real dates keep working, with diacritics or without any
    ("tháng 3/2024", [("tháng 3/2024", MARCH_2024)]),
    ("quý II/2024", [("quý II/2024", Q2_2024)]),
    ("năm 2023", [("năm 2023", YEAR_2023)]),
    ("ngày 5/3/2024", [("ngày 5/3/2024", DAY)]),
    ("thang 3/2024", [("thang 3/2024", MARCH_2024)]),
    ("THÁNG 3/2024", [("THÁNG 3/2024", MARCH_2024)]),
    ("nam 2023", [("nam 2023", YEAR_2023)]),
    ("Nam 2023, toàn tỉnh", [("Nam 2023", YEAR_2023)]),  # the year, unmarked
    ("quy 2/2024", [("quy 2/2024", Q2_2024)]),  # the quarter, unmarked (not February)
    ("6 thang dau nam 2023", [("6 thang dau nam 2023",
                               (dt.date(2023, 1, 1), dt.date(2023, 6, 30)))]),
    # the words of a time of day and of a span are checked too
    ("17 giờ ngày 5/3/2024", [("17 giờ ngày 5/3/2024", DAY)]),
    ("17 giỏ ngày 5/3/2024", [("ngày 5/3/2024", DAY)]),  # 17 baskets
    ("ngày 5/3/2024 lúc 9 giờ", [("ngày 5/3/2024 lúc 9 giờ", DAY)]),
    ("ngày 5/3/2024 lục 9 giờ", [("ngày 5/3/2024", DAY)]),
    ("từ 9/2 tới 20/6/2024", [("từ 9/2 tới 20/6/2024",
                               (dt.date(2024, 2, 9), dt.date(2024, 6, 20)))]),
    ("từ 9/2 tôi 20/6/2024", [("từ 9/2", (dt.date(2024, 2, 9),) * 2),
                              ("20/6/2024", (dt.date(2024, 6, 20),) * 2)]),
], ids=[f"date{i}" for i in range(30)])
def test_date_words_as_printed(phrase: str,
                               expected: list[tuple[str, tuple[dt.date, dt.date]]]) -> None:
    found = find_dates(phrase, published=PUBLISHED)
    assert [(m.text, (m.start, m.end)) for m in found] == expected


def test_no_year_from_a_name_leaves_the_number_to_the_figures() -> None:
    assert [m.text for m in find_dates("Việt Nam 2023 có 5 người")] == []
    assert [f.value for f in find_figures("năm 2023 có 5 người")] == [5]


@pytest.mark.parametrize(("reader", "marked", "unmarked"), [
    (parse_period, "quý II/2024", "quy II/2024"),
    (parse_period, "tháng 3/2024", "thang 3/2024"),
    (parse_period, "năm 2023", "nam 2023"),
    (parse_period, "6 tháng cuối năm 2023", "6 thang cuoi nam 2023"),
    (parse_period, "từ 9-2 đến 20-6-2024", "tu 9-2 den 20-6-2024"),
    (parse_date, "ngày 6 tháng 1 năm 2022", "ngay 6 thang 1 nam 2022"),
    (parse_date, "17 giờ 30 phút ngày 5/3/2024", "17 gio 30 phut ngay 5/3/2024"),
], ids=[f"unmarked{i}" for i in range(7)])
def test_the_parsers_read_date_words_without_marks_as_the_finder(
        reader: Any, marked: str, unmarked: str) -> None:
    """Every date word keeps its spelling without diacritics: the grammar and the rule agree."""
    assert reader(unmarked) == reader(marked)
    assert [m.start for m in find_dates(unmarked)] == [m.start for m in find_dates(marked)]
    assert unmarked_spellings(words.DATE_WORDS) == {fold(w): w for w in words.DATE_WORDS}


@pytest.mark.parametrize(("reader", "phrase"), [
    (parse_period, "thắng 3/2024"), (parse_period, "nằm 2023"), (parse_period, "quỹ 2/2024"),
    (parse_period, "Việt Nam 2023"), (parse_date, "ngây 5/3/2024"),
], ids=[f"misprint{i}" for i in range(5)])
def test_the_parsers_refuse_a_date_word_marked_otherwise(reader: Any, phrase: str) -> None:
    with pytest.raises(da.ParseError):
        reader(phrase)


@pytest.mark.parametrize(("phrase", "unit", "noun"), [
    ("cử 5 đồng chí", None, "đồng chí"),  # sent 5 comrades
    ("200 nghìn đồng bào", None, "đồng bào"),  # compatriots
    ("5 đồng nghiệp", None, "đồng nghiệp"),
    ("năm đồng chí", None, "đồng chí"),  # five comrades, in words
    ("5 dong chi", None, "dong"),  # without diacritics: the comrades ("chi" ends a noun)
    ("5 tỷ đồng", da.Unit.VND, "đồng"),
    ("200 nghìn đồng", da.Unit.VND, "đồng"),
    ("5 tỷ đồng vốn", da.Unit.VND, "đồng vốn"),
    ("5 đồng chi", da.Unit.VND, "đồng"),  # half-marked: no "đồng chí"
], ids=[f"dong{i}" for i in range(9)])
def test_dong_as_a_syllable_is_no_currency(phrase: str, unit: da.Unit | None, noun: str) -> None:
    figure, = find_figures(phrase)
    assert (figure.unit, figure.noun) == (unit, noun)


def test_the_parser_reads_dong_as_the_finder() -> None:
    q = da.parse_quantity("5 đồng chí")
    assert (q.unit, q.noun) == (None, "đồng chí")
    assert da.format_quantity(q) == "5 đồng chí"
    assert da.parse_quantity("5 tỷ đồng").unit is da.Unit.VND
    assert da.parse_quantity("200 nghìn đồng").unit is da.Unit.VND
    assert da.parse_quantity("5 dong chi").unit is None
    with pytest.raises(da.ValidationError, match="noun"):
        da.Quantity(Decimal(5), da.Unit.VND, noun="đồng chí")


@pytest.mark.parametrize(("phrase", "rank"), [
    ("xếp thứ 5/63", (5, 63)), ("xep thu 5/63", (5, 63)), ("hang 5/63", (5, 63)),
    ("XẾP HẠNG 5/63", (5, 63)), ("dung thu 5", (5, 63)), ("Ap chot", (62, 63)),
    ("xẹp thứ 5/63", None), ("xếp thú 5/63", None), ("hàng 5/63", None),
    ("thu 5/63", None),  # collected, no "thứ": the same as the finders
    ("đứng thư 5", None), ("ấp chót", None),
], ids=[f"rank{i}" for i in range(12)])
def test_rank_words_as_printed(phrase: str, rank: tuple[int, int] | None) -> None:
    if rank is None:
        with pytest.raises(da.ParseError, match="no rank word as printed") as error:
            parse_rank(phrase, total=63)
        assert error.value.position == 0
        return
    assert parse_rank(phrase, total=63) == da.Rank(*rank)


def test_a_misprinted_rank_word_is_shown_where_it_stands() -> None:
    # the caret sits under the word, after the spaces the reader trims
    for phrase in ("  xẹp thứ 5/63", "  ấp chót"):
        with pytest.raises(da.ParseError, match="no rank word as printed") as error:
            parse_rank(phrase, total=63)
        assert error.value.position == 2
        assert str(error.value).endswith("\n      ^")


def test_second_to_last_as_printed_in_the_finder() -> None:
    assert [f.value for f in find_figures("áp chót", total=63)] == [62]
    assert find_figures("ấp chót", total=63) == ()
    assert [f.lead for f in find_figures("thu 5/63")] == ["collected"]


#: Common words that neither are nor fold like a word of a date: before a
#: date they change nothing.
_DATE_SIDE_WORDS = {piece for table in (words.DATE_WORDS, words.DATE_CUES, words.VAGUE_EDGES,
                                         words.RELATIVE_DAYS, words.RELATIVE_YEARS,
                                         words.COMPOUND_WORDS)
                    for phrase in table for piece in phrase.split()}
_DATE_SIDE = {fold(piece) for piece in _DATE_SIDE_WORDS}
_PLAIN = tuple(word for word in COMMON
               if not {fold(piece) for piece in word.split()} & _DATE_SIDE)
DATE_PHRASES = ("tháng 3/2024", "quý II/2024", "năm 2023", "ngày 5/3/2024", "5/3/2024",
                "3/2024", "6 tháng đầu năm 2023", "2021-2025", "thang 3/2024", "quy 2/2024",
                "nam 2023", "ngay 6 thang 1 nam 2022", "23/5", "cuối tháng 8",
                "ngày 6 tháng 1 năm 2022", "năm nay", "17h ngày 12.10")


def _found(text: str, shift: int = 0) -> list[tuple[object, ...]]:
    return [(m.text, m.span[0] - shift, m.start, m.end, m.role, m.vague, m.year_supplied)
            for m in find_dates(text, published=PUBLISHED)]


@given(st.sampled_from(_PLAIN), st.sampled_from(DATE_PHRASES))
def test_a_date_after_a_common_word_is_the_same(word: str, phrase: str) -> None:
    alone = _found(phrase)
    assert len(alone) == 1
    assert _found(f"{word} {phrase}", len(word) + 1) == alone


#: Each letter of a folded date word and the letters that fold to it.
_LETTER_MARKS = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}
_VOWELS = frozenset("aeiouyăâêôơư")


@st.composite
def _marked_otherwise(draw: st.DrawFn) -> tuple[str, str]:
    """A date word and a spelling of it with other marks (folding alike).

    Not a word of time in its own right (``"tối"``, evening, is no ``"tới"``
    but a word of time all the same).
    """
    word = draw(st.sampled_from(words.DATE_WORDS))
    letters = [draw(st.sampled_from(_LETTER_MARKS.get(c, c))) for c in fold(word)]
    vowels = [i for i, c in enumerate(letters) if c in _VOWELS]
    at = draw(st.sampled_from(vowels))
    letters[at] += draw(st.sampled_from(("", *_TONES)))
    spelt = unicodedata.normalize("NFC", "".join(letters))
    if draw(st.booleans()):
        spelt = spelt.upper()
    assume(fold(spelt) != spelt.casefold() and spelt.casefold() not in _DATE_SIDE_WORDS)
    return word, spelt


REST = ("2023", "3/2024", "II/2024", "2/2024", "5/3/2024", "5", "3 năm 2024", "nay", "qua",
        "6 tháng 1 năm 2022", "năm 2023", "17h")


@given(_marked_otherwise(), st.sampled_from(REST))
def test_a_date_word_marked_otherwise_yields_no_date(word: tuple[str, str], rest: str) -> None:
    """It is an ordinary word: what follows reads as it reads alone, and no more."""
    spelt = word[1]
    assert _found(f"{spelt} {rest}", len(spelt) + 1) == _found(rest)
    for text in (f"{spelt} {rest}", f"6 tháng {spelt} năm 2023", f"từ 9/2 {spelt} 20/6/2024"):
        assert all(spelt not in m.text for m in find_dates(text, published=PUBLISHED)), text
