"""parse_quantity on figures cut out of report prose: every form the finders read."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import Qualifier as Q  # noqa: N817 - short names keep the tables readable
from de_an06 import Unit as U  # noqa: N817
from de_an06.parsing import (
    LEADS,
    PROSE_QUALIFIERS,
    SCALES,
    UNITS,
    Quantity,
    find_figures,
    format_number,
    format_quantity,
    parse_quantity,
)
from de_an06.parsing import _prose_words as words
from de_an06.parsing._lexical import fold
from prose_cases import FIGURES

D = Decimal
E = da.ParseError


def q(value: str, unit: U | None = None, qualifier: Q = Q.EXACT, scale: int = 1,
      **rest: Any) -> Quantity:
    """A quantity whose `value` is written before its scale word, as printed."""
    return Quantity(D(value).scaleb(len(str(scale)) - 1), unit, qualifier, scale, **rest)


# (cell, the quantity it reads as): phrasings made up for these tests.
FORMS: list[tuple[str, Quantity]] = [
    # counted nouns the library has no unit for are kept as printed
    ("1.204.377 tài khoản định danh điện tử", q("1204377", noun="tài khoản định danh điện tử")),
    ("31 tổ công tác", q("31", noun="tổ công tác")),
    ("526 thủ tục hành chính", q("526", noun="thủ tục hành chính")),
    ("9 điểm cung cấp dịch vụ", q("9", noun="điểm cung cấp dịch vụ")),
    ("14 thẻ CCCD gắn chip", q("14", noun="thẻ CCCD gắn chip")),
    ("20 tỉnh/thành phố", q("20", noun="tỉnh/thành phố")),
    ("6 mô-đun", q("6", noun="mô-đun")),
    ("3 Sở", q("3", noun="Sở")),
    # a noun that starts with a unit word counts that unit
    ("6.500 người dân", q("6500", U.PEOPLE, noun="người dân")),
    ("88 lượt truy cập", q("88", U.USES, noun="lượt truy cập")),
    ("12 hồ sơ trực tuyến", q("12", U.DOSSIERS, noun="hồ sơ trực tuyến")),
    ("7 NGÀY", q("7", U.DAYS)),
    ("2 ngày làm việc", q("2", U.WORKING_DAYS)),
    ("40 vnđ", q("40", U.VND)),
    # whatever a percentage is of
    ("64,5% dân số", q("64.5", U.PERCENT, noun="dân số")),
    ("64,5 % hộ gia đình", q("64.5", U.PERCENT, noun="hộ gia đình")),
    # lead words, kept as their sense, with the words that may follow them
    ("đạt tỷ lệ 93,2%", q("93.2", U.PERCENT, lead="reached")),
    ("Đạt 93,2%", q("93.2", U.PERCENT, lead="reached")),
    ("đạt được 40 hồ sơ", q("40", U.DOSSIERS, lead="reached")),
    ("đã cấp 71 triệu thẻ căn cước", q("71", None, Q.EXACT, 10**6, noun="thẻ căn cước",
                                       lead="issued")),
    ("giảm 8,6%", q("8.6", U.PERCENT, lead="decreased")),
    ("tăng lên tới 15%", q("15", U.PERCENT, lead="increased")),
    ("tăng thêm 15%", q("15", U.PERCENT, lead="increased")),
    ("chiếm tỉ lệ 30%", q("30", U.PERCENT, lead="share")),
    ("đã tiếp nhận hơn 900 hồ sơ", q("900", U.DOSSIERS, Q.MORE_THAN, lead="received")),
    ("trong đó 12 xã", q("12", noun="xã", lead="of_which")),
    ("tổng số 150 người", q("150", U.PEOPLE, lead="total")),
    ("có khoảng 2 nghìn người", q("2", U.PEOPLE, Q.ABOUT, 10**3, lead="has")),
    ("đạt mức 96%", q("96", U.PERCENT, lead="reached")),
    ("ước đạt 1,1 triệu lượt", q("1.1", U.USES, Q.EXACT, 10**6, lead="reached")),
    # a lead word that hedges too
    ("vượt 18%", q("18", U.PERCENT, Q.MORE_THAN, lead="exceeded")),
    ("VUOT 18%", q("18", U.PERCENT, Q.MORE_THAN, lead="exceeded")),
    ("vượt tới 18%", q("18", U.PERCENT, lead="exceeded")),
    ("vượt hơn 18%", q("18", U.PERCENT, Q.MORE_THAN, lead="exceeded")),
    # every kind of hedge
    ("chưa đến 4%", q("4", U.PERCENT, Q.LESS_THAN)),
    ("chua toi 4%", q("4", U.PERCENT, Q.LESS_THAN)),
    ("tối thiểu 5 ngày", q("5", U.DAYS, Q.MORE_THAN)),
    ("ít nhất 5 ngày", q("5", U.DAYS, Q.MORE_THAN)),
    ("tối đa 30 phút", q("30", U.MINUTES, Q.LESS_THAN)),
    ("không quá 30 phút", q("30", U.MINUTES, Q.LESS_THAN)),
    ("tới 2 triệu lượt", q("2", U.USES, Q.EXACT, 10**6)),
    ("lên đến 2 triệu lượt", q("2", U.USES, Q.EXACT, 10**6)),
    ("ước tính 600 tỷ đồng", q("600", U.VND, Q.ABOUT, 10**9)),
    ("trên dưới 50 người", q("50", U.PEOPLE, Q.ABOUT)),
    ("chừng 50 người", q("50", U.PEOPLE, Q.ABOUT)),
    ("gần như 100%", q("100", U.PERCENT, Q.NEARLY)),
    ("Hơn 3,7 triệu tài khoản", q("3.7", None, Q.MORE_THAN, 10**6, noun="tài khoản")),
    # scale words, the thousand billion too
    ("12,5 nghìn tỷ đồng", q("12.5", U.VND, Q.EXACT, 10**12)),
    ("4 ngàn tỉ", q("4", None, Q.EXACT, 10**12)),
    ("2,415 triệu", q("2.415", None, Q.EXACT, 10**6)),
    ("8.300 tỷ đồng", q("8300", U.VND, Q.EXACT, 10**9)),
    # rates
    ("410.000 lượt/ngày", q("410000", U.USES, per="ngày")),
    ("410.000 lượt / ngày", q("410000", U.USES, per="ngày")),
    ("9%/năm", q("9", U.PERCENT, per="năm")),
    ("9% / năm", q("9", U.PERCENT, per="năm")),
    ("35.000 đồng/hồ sơ", q("35000", U.VND, per="hồ sơ")),
    ("35.000 đồng/ hồ sơ", q("35000", U.VND, per="hồ sơ")),
    ("3 cán bộ/xã", q("3", noun="cán bộ", per="xã")),
    # brackets around the cell, spaces of every kind
    ("(trên 250%)", q("250", U.PERCENT, Q.MORE_THAN)),
    (" ( 7 người ) ", q("7", U.PEOPLE)),
    ("gần\u00a012\u202fnghìn người", q("12", U.PEOPLE, Q.NEARLY, 10**3)),
    # small numbers in words before what they count
    ("bốn tổ công tác", q("4", noun="tổ công tác")),
    ("khoảng mười xã", q("10", None, Q.ABOUT, noun="xã")),
    ("Hai ngày", q("2", U.DAYS)),
    ("bay nguoi", q("7", U.PEOPLE)),
]


# Short ASCII ids: mutmut cannot pass long Vietnamese parameter ids back to pytest.
@pytest.mark.parametrize(("cell", "expected"), FORMS, ids=[f"form{i}" for i in range(len(FORMS))])
def test_forms(cell: str, expected: Quantity) -> None:
    assert parse_quantity(cell) == expected


SECOND = "a second figure: a cell holds one (find_figures reads ranges and lists)"
RANK = "a rank after the figure: a cell holds one (find_figures reads both)"

# (cell, position of the caret, reason): two figures, junk, missing spaces.
REFUSED: list[tuple[str, int, str]] = [
    ("khoảng 5 đến 7 ngày", 13, SECOND),
    ("200.000 - 300.000 hồ sơ", 8, SECOND),
    ("91,2; 85,07%", 4, SECOND),
    ("91,2 và 85,07%", 8, SECOND),
    ("12 người 14 người", 9, SECOND),
    ("3.118/5.402", 6, ("expected a word of rate after '/' (a fraction such as 41/63 is "
     "not one figure)")),
    ("7 lượt/", 7, ("expected a word of rate after '/' (a fraction such as 41/63 is not "
     "one figure)")),
    ("vài trăm nghìn người", 0, "expected a number"),
    ("hàng triệu", 0, "expected a number"),
    ("ba triệu", 0, "a number in words must count a noun such as 'tổ' or 'người'"),
    ("ba", 0, "a number in words must count a noun such as 'tổ' or 'người'"),
    ("ba-tổ", 0, "a number in words must count a noun such as 'tổ' or 'người'"),
    ("72,2%.", 5, "expected the end here"),
    ("72,2% (ước)", 6, "expected the end here"),
    ("(72,2%", 6, "expected ')' here"),
    ("(72,2%))", 7, "expected the end here"),
    ("đạt-5%", 3, "expected a space after the lead word"),
    ("đạt được-5%", 8, "expected a space after the lead word"),
    ("đạt gần-5%", 7, "expected a space after the qualifier"),
    ("đạt", 3, "expected a space after the lead word"),
    ("5 triệu%người", 8, "expected a space before the unit or the counted noun"),
    ("5%người", 2, "expected a space before the unit or the counted noun"),
    ("5 người%", 7, "expected the end here"),
    ("12 tổ 2", 6, SECOND),
    ("Đề án 06", 0, "expected a number"),
    # a rank phrase ends the counted noun, as in the finders
    ("5 người top 10", 8, RANK),
    ("5 nguoi TOP 10", 8, RANK),
    ("5 người dân xếp thứ 3", 12, RANK),
    ("5 top 10", 2, RANK),
    ("5 người  top", 9, RANK),
]


@pytest.mark.parametrize(("cell", "position", "reason"), REFUSED,
                         ids=[f"refused{i}" for i in range(len(REFUSED))])
def test_refused(cell: str, position: int, reason: str) -> None:
    with pytest.raises(E) as info:
        parse_quantity(cell)
    assert info.value.position == position
    assert str(info.value).splitlines()[0] == f"Invalid Vietnamese quantity: {cell!r} ({reason})"


# Every word of every table the finders read, in a cell.
@pytest.mark.parametrize(("word", "qualifier"), sorted(PROSE_QUALIFIERS.items()))
def test_every_qualifier(word: str, qualifier: Q) -> None:
    assert parse_quantity(f"{word} 12 hồ sơ").qualifier is qualifier
    assert parse_quantity(f"{fold(word).upper()} 12 hồ sơ").qualifier is qualifier


@pytest.mark.parametrize(("word", "sense"), sorted(LEADS.items()))
def test_every_lead(word: str, sense: str) -> None:
    found = parse_quantity(f"{word} 12%")
    assert found.lead == sense
    assert found.qualifier is PROSE_QUALIFIERS.get(word, Q.EXACT)
    assert parse_quantity(f"{word} gần 12%").qualifier is Q.NEARLY


@pytest.mark.parametrize("filler", sorted(words.LEAD_FILLERS))
def test_every_filler(filler: str) -> None:
    assert parse_quantity(f"giảm {filler} 3%") == q("3", U.PERCENT, lead="decreased")


@pytest.mark.parametrize(("word", "scale"), sorted(SCALES.items()))
def test_every_scale(word: str, scale: int) -> None:
    found = parse_quantity(f"1,5 {word} đồng")
    assert (found.scale, found.value, found.unit) == (scale, D("1.5") * scale, U.VND)


@pytest.mark.parametrize(("word", "unit"), sorted(UNITS.items()))
def test_every_unit(word: str, unit: U) -> None:
    assert parse_quantity(f"12 {word}") == q("12", unit)


@pytest.mark.parametrize("rate", sorted(words.RATE_WORDS))
def test_every_rate(rate: str) -> None:
    assert parse_quantity(f"12 lượt/{rate}") == q("12", U.USES, per=rate)


@pytest.mark.parametrize(("word", "value"), sorted(words.NUMBER_WORDS.items()))
def test_every_number_word(word: str, value: int) -> None:
    assert parse_quantity(f"{word} nhiệm vụ") == q(str(value), noun="nhiệm vụ")


def test_the_finders_and_the_parser_share_their_words() -> None:
    """One table per kind of word: the public tables are ``_prose_words``' own."""
    assert SCALES is words.SCALES
    assert UNITS is words.UNITS
    assert SCALES["nghìn tỷ"] == 10**12
    assert all(word in words.COUNTED for word, unit in UNITS.items() if unit is not U.PERCENT)
    assert "%" not in words.COUNTED


# (call, message): the checks of the new fields.
INVALID: list[tuple[Any, str]] = [
    (lambda: Quantity(D(1), noun=""), ("Quantity.noun must be None or words (letters, with "
     "'-' or '/' inside a word) (got '')")),
    (lambda: Quantity(D(1), noun="tổ 2"), ("Quantity.noun must be None or words (letters, "
     "with '-' or '/' inside a word) (got 'tổ 2')")),
    (lambda: Quantity(D(1), noun=5),  # type: ignore[arg-type]
     "Quantity.noun must be None or words (letters, with '-' or '/' inside a word) (got 5)"),
    (lambda: Quantity(D(1), U.PEOPLE, noun="người"), ("Quantity.noun must start with the word "
     "of the unit and say more than it (a unit word alone is the unit) (got 'người')")),
    (lambda: Quantity(D(1), U.PEOPLE, noun="tổ công tác"), ("Quantity.noun must start with "
     "the word of the unit and say more than it (a unit word alone is the unit) "
     "(got 'tổ công tác')")),
    (lambda: Quantity(D(1), None, noun="người dân"), ("Quantity.noun must start with the "
     "word of the unit and say more than it (a unit word alone is the unit) "
     "(got 'người dân')")),
    (lambda: Quantity(D(1), lead="grew"),  # type: ignore[arg-type]
     "Quantity.lead must be None or a sense of LEADS (got 'grew')"),
    (lambda: Quantity(D(1), per="giây"), ("Quantity.per must be None or a word of rate "
     "(ngày, năm, hồ sơ ...) (got 'giây')")),
    (lambda: Quantity(D(1), per=1),  # type: ignore[arg-type]
     "Quantity.per must be None or a word of rate (ngày, năm, hồ sơ ...) (got 1)"),
]


@pytest.mark.parametrize(("call", "message"), INVALID)
def test_invalid_fields(call: Any, message: str) -> None:
    with pytest.raises(da.ValidationError) as info:
        call()
    assert str(info.value) == message


def test_valid_fields() -> None:
    assert Quantity(D(1), U.PERCENT, noun="người").noun == "người"  # 1% of the people
    assert Quantity(D(1), per="hồ  sơ").per == "hồ  sơ"
    assert Quantity(D(1), per="NGAY").per == "NGAY"


def test_format_writes_every_field() -> None:
    assert format_quantity(q("5", U.PERCENT, Q.MORE_THAN, lead="exceeded")) == "vượt hơn 5%"
    assert format_quantity(q("5", U.PERCENT, lead="exceeded")) == "vượt tới 5%"
    assert format_quantity(q("5", U.PERCENT, lead="reached")) == "đạt 5%"
    assert format_quantity(q("7", U.PEOPLE, noun="người dân", per="xã")) == "7 người dân/xã"
    assert format_quantity(q("7", U.PERCENT, noun="dân số", per="năm")) == "7% dân số/năm"
    assert format_quantity(q("7", U.VND, Q.EXACT, 10**12)) == "7 nghìn tỷ đồng"
    assert format_quantity(q("7", None, noun="tổ")) == "7 tổ"


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

NOUNS = st.sampled_from([
    (None, None), (U.PEOPLE, None), (U.PEOPLE, "người dân"), (None, "tổ công tác"),
    (None, "tài khoản định danh điện tử"), (U.DOSSIERS, "hồ sơ trực tuyến"),
    (U.WORKING_DAYS, None), (U.VND, None), (U.PERCENT, None), (U.PERCENT, "dân số"),
    (None, "thẻ CCCD gắn chip"), (U.USES, "lượt truy cập"), (None, "tỉnh/thành phố")])
QUANTITIES = st.builds(
    lambda value, scale, qualifier, noun, lead, per: Quantity(
        value.scaleb(len(str(scale)) - 1), noun[0], qualifier, scale, noun=noun[1],
        lead=lead, per=per),
    st.decimals(min_value=0, max_value=10**9, places=2), st.sampled_from(sorted(set(
        SCALES.values()))), st.sampled_from(Q), NOUNS,
    st.none() | st.sampled_from(sorted(set(LEADS.values()))),
    st.none() | st.sampled_from(sorted(words.RATE_WORDS)))


def _folded(quantity: Quantity) -> Quantity:
    return attrs.evolve(quantity, noun=quantity.noun and fold(quantity.noun),
                        per=quantity.per and fold(quantity.per))


@given(QUANTITIES)
@example(q("5", U.PERCENT, lead="exceeded"))
def test_round_trip_every_field(quantity: Quantity) -> None:
    text = format_quantity(quantity)
    assert parse_quantity(text) == quantity
    assert _folded(parse_quantity(fold(text).upper())) == _folded(quantity)
    assert parse_quantity(f"( {text} )") == quantity


def _check_cut_out(text: str) -> int:
    """Every single figure found in `text`, cut out, reads the same with parse_quantity."""
    checked = 0
    for figure in find_figures(text):
        if figure.kind != "number" or figure.value is None:
            continue
        cell = parse_quantity(figure.text)
        assert (cell.value, cell.qualifier, cell.scale, cell.per) == (
            figure.value, figure.qualifier, figure.scale, figure.per), figure
        assert (cell.unit is U.PERCENT) == figure.percent or figure.text[-1:] != "%"
        if not figure.percent:
            assert cell.unit == figure.unit
            assert cell.noun in (None, figure.noun)
        checked += 1
    return checked


def test_every_figure_of_the_phrase_table_cut_out() -> None:
    assert sum(_check_cut_out(phrase) for phrase, _ in FIGURES) > 250


FILLER = st.sampled_from(["Toàn tỉnh", "đã", "đạt", "người dân", "trong", "vượt", "và",
                          "tăng", "cấp", "có", "kết quả", "Công an", ",", ";", "(", ")"])
HEDGES = st.sampled_from(["", *sorted(PROSE_QUALIFIERS)])
SCALE_WORDS = st.sampled_from(["", *sorted(SCALES)])
AFTER = st.sampled_from(["", "%", " hồ sơ", " người dân", " tổ công tác", " lượt/ngày",
                         "%/năm", " tài khoản", " ngày làm việc", " đồng/hồ sơ"])


@given(st.lists(FILLER, max_size=4), HEDGES,
       st.decimals(min_value=0, max_value=10**9, places=2), SCALE_WORDS, AFTER,
       st.lists(FILLER, max_size=4))
def test_a_figure_found_reads_the_same_cut_out(  # noqa: PLR0917
        before: list[str], hedge: str, value: Decimal, scale: str, after: str,
        rest: list[str]) -> None:
    number = format_number(value)
    figure = " ".join(filter(None, [hedge, number, scale])) + after
    _check_cut_out(" ".join([*before, figure, *rest]))


@pytest.mark.parametrize("rank", words.RANK_WORDS,
                         ids=[f"rank{i}" for i in range(len(words.RANK_WORDS))])
def test_a_rank_phrase_ends_the_noun_in_the_finder_and_the_parser(rank: str) -> None:
    text = f"Có 5 người dân {rank} 10 cả nước"
    count, place = find_figures(text)
    assert (count.text, count.noun, count.unit) == ("5 người dân", "người dân", U.PEOPLE)
    assert place.kind == "rank"
    assert place.text.startswith(rank)
    assert parse_quantity(count.text) == q("5", U.PEOPLE, noun="người dân")
    cell = f"5 người dân {rank} 10"
    with pytest.raises(E) as info:
        parse_quantity(cell)
    assert info.value.position == len("5 người dân ")
    assert RANK in str(info.value)


#: Words before the figure ("tăng" is no level word "tầng": see test_prose_folding).
RANK_FILLER = st.sampled_from(["Toàn tỉnh", "đã", "đạt", "có", "kết quả", "trong", "và",
                               "người dân", "tăng", "giảm", ",", ";", "("])
RANKED_NOUNS = st.sampled_from(["người", "người dân", "tổ công tác", "hồ sơ trực tuyến",
                                "tài khoản định danh", "thẻ CCCD gắn chip", "tỉnh"])


@given(st.lists(RANK_FILLER, max_size=3), st.integers(0, 10**7), RANKED_NOUNS,
       st.sampled_from(words.RANK_WORDS), st.sampled_from(["", "  "]), st.booleans(),
       st.integers(1, 63))
def test_a_noun_before_a_rank_is_read_alike(  # noqa: PLR0917
        before: list[str], value: int, noun: str, rank: str, spaces: str, upper: bool,
        position: int) -> None:
    printed = rank.upper() if upper else rank
    cell = f"{format_number(Decimal(value))} {noun}{spaces} {printed} {position}"
    text = " ".join([*before, cell])
    found = [f for f in find_figures(text) if f.noun is not None and f.value == value]
    assert [f.noun for f in found] == [noun]
    assert _check_cut_out(text) >= 1
    with pytest.raises(E, match="a rank after the figure"):
        parse_quantity(cell)
