"""Words that read alike once their diacritics are dropped: the finders keep them apart."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import de_an06 as da
from de_an06.parsing import _prose_words as words
from de_an06.parsing import find_figures, format_number, parse_quantity
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
    "counted": words.COUNTED, "phones": words.PHONE_WORDS,
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
], ids=[f"case{i}" for i in range(21)])
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
