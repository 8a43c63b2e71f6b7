"""``de-an06 report --lang vi|en``: the provincial report in either language.

English is the default and stays as it was; Vietnamese takes every word from
the one vocabulary (:mod:`de_an06._present`), writes numbers ``1.234,5`` and
dates ``31/12/2024``, and still fits an 80-column terminal. JSON is the same
in both.
"""

from __future__ import annotations

import decimal
import re
import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from de_an06 import _present
from de_an06.cli import _render, main
from de_an06.model.rules import printed_decimals
from de_an06.parsing import parse_number


def report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", *args]) == 0
    return capsys.readouterr().out


def terminal_columns(line: str) -> int:
    """Columns a line takes, counted apart from the module's own helper."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in {"W", "F"} else 1
               for c in unicodedata.normalize("NFC", line))


# --------------------------------------------------------------------------
# The choice of language
# --------------------------------------------------------------------------


def test_english_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("text", "markdown"):
        plain = report(capsys, "--province", "56", "--format", fmt)
        assert report(capsys, "--province", "56", "--format", fmt, "--lang", "en") == plain
        assert report(capsys, "--province", "56", "--format", fmt, "--lang", "vi") != plain


def test_json_is_the_same_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    plain = report(capsys, "--format", "json")
    assert report(capsys, "--format", "json", "--lang", "vi") == plain
    assert report(capsys, "--format", "json", "--lang", "en") == plain


def test_help_says_what_lang_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--help"]) == 0
    words = " ".join(capsys.readouterr().out.split())
    assert "Markdown report (default en); JSON is the same in both" in words


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("as_of", [None, "2023-07-01", "2024-12-31"])
def test_report_text_in_80_columns(capsys: pytest.CaptureFixture[str], lang: str,
                                   as_of: str | None) -> None:
    text = report(capsys, "--lang", lang, *(() if as_of is None else ("--as-of", as_of)))
    lines = text.splitlines()
    assert max(map(terminal_columns, lines)) <= _render.WIDTH, max(lines, key=terminal_columns)
    assert text == unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------
# Each section in Vietnamese
# --------------------------------------------------------------------------


def squeeze(text: str) -> str:
    """`text` with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def test_header_sources_and_figures_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, "--province", "56", "--lang", "vi")
    lines = text.splitlines()
    assert lines[0] == "Đề án 06 — báo cáo cấp tỉnh (toàn bộ số liệu)"
    assert "  Nguồn kh-2023-07-02, 02/07/2023" in lines
    assert "Số liệu đã báo cáo" in lines
    assert "  ngày 01/07/2023" in lines
    assert lines.index("  ngày 22/05/2023") < lines.index("  ngày 01/07/2023")
    flat = squeeze(text)
    assert "Địa bàn Chỉ tiêu Giá trị" in flat
    assert "546.234" in flat
    assert "72,2 % so với chỉ tiêu" in flat
    assert "<~44.000 lượt" in flat
    assert "65,57 % so với dân số thuộc diện" in flat


def test_targets_and_paces_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    flat = squeeze(report(capsys, "--province", "56", "--lang", "vi"))
    assert "Chỉ tiêu (* suy ra, báo cáo không ghi)" in flat
    assert "Giá trị Mục tiêu % đạt Đạt" in flat
    assert "546.234 756.805 72,18 không" in flat
    assert "Tiến độ cần đạt Khánh Hòa — Hồ sơ cấp tài khoản định danh điện tử" in flat
    assert "546.234 ngày 01/07/2023 → 756.805 trước 30/07/2023: còn 210.571" in flat
    assert ("7.261 mỗi ngày trong 29 ngày; 10.529 mỗi ngày làm việc trong 20 ngày làm "
            "việc") in flat
    assert "tình trạng: chưa có xu hướng (một số liệu)" in flat


def test_tasks_linked_services_and_ranks_in_vietnamese(
        capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, "--province", "51", "--lang", "vi")
    flat = squeeze(text)
    assert "  Nguồn qn-2024, không ghi ngày" in text.splitlines()
    assert "Hoàn thành nhiệm vụ Địa bàn Xong Đang làm % Quảng Ngãi 24/29 5 82,76" in flat
    assert ("Dịch vụ công liên thông Địa bàn Số ngày trước Sau Rút ngắn % giảm Số lần kê "
            "khai Quảng Ngãi 21 4 17 80,95 3 → 1") in flat
    assert "Xếp hạng (1 là cao nhất) Địa bàn Chỉ tiêu Xếp hạng Thay đổi" in flat
    assert "Nhiệm vụ nêu trong báo cáo Nhiệm vụ Hạn Tình trạng" in flat
    assert "31/12/2025 chưa triển khai" in flat
    assert "Kết quả kiểm tra số liệu: 0" in flat
    ranks = squeeze(report(capsys, "--province", "56", "--lang", "vi"))
    assert "62/63 → 37/63 +25" in ranks


def test_merger_scope_and_empty_province_in_vietnamese(
        capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, "--province", "49", "--lang", "vi")
    assert "  từ 01/07/2025: thuộc Đà Nẵng (48)" in text.splitlines()
    assert "đang triển khai" in text
    early = report(capsys, "--province", "56", "--as-of", "2022-01-01", "--lang", "vi")
    assert early.splitlines()[0] == "Đề án 06 — báo cáo cấp tỉnh (số liệu đến 01/01/2022)"
    assert "  Chưa có số liệu kèm theo cho tỉnh này (đến ngày này)." in early.splitlines()


def test_audit_findings_keep_their_english_message(capsys: pytest.CaptureFixture[str]) -> None:
    flat = squeeze(report(capsys, "--province", "54", "--lang", "vi"))
    assert "Kết quả kiểm tra số liệu: 2" in flat
    assert "- [truncated] Phú Yên insurance-verified-share 2024-01-31: reported 98.94 %" in flat


def test_pace_lines_in_vietnamese_say_what_is_known() -> None:
    row: dict[str, Any] = {
        "place": {"name_vi": "Khánh Hòa"}, "indicator": "eid-collected",
        "name": "e-ID applications collected", "from": 546_234, "from_date": "2023-07-01",
        "target": 756_805, "deadline": "2023-07-30", "required_per_day": 7_261.07,
        "days_left": 29, "required_per_working_day": None, "working_days_left": None,
        "current_per_day": 5_000.5, "reach_date": "2023-08-12", "status": "moderate_progress"}
    flat = squeeze("\n".join(_render._pace_lines([row], "vi")))
    assert "ngày làm việc" not in flat
    assert flat.endswith("tình trạng: tiến bộ vừa phải; tốc độ hiện tại 5.000 mỗi ngày, đạt "
                         "mục tiêu vào ngày 12/08/2023")


def test_markdown_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, "--province", "56", "--lang", "vi", "--format", "markdown",
                  "--as-of", "2023-07-02")
    lines = text.splitlines()
    assert lines[0] == "# Đề án 06 — báo cáo cấp tỉnh (số liệu đến 02/07/2023)"
    assert any(line.startswith("Nguồn `kh-2023-07-02` — ") and line.endswith("(02/07/2023).")
               for line in lines)
    assert "Từ 01/07/2025: thuộc Khánh Hòa (56)." in lines
    assert "| Địa bàn | Chỉ tiêu | Giá trị | Ngày |" in lines
    assert "### Tiến độ cần đạt" in lines
    assert ("| Địa bàn | Chỉ tiêu | Còn thiếu | Số ngày | Mỗi ngày | Ngày làm việc "
            "| Mỗi ngày làm việc | Tình trạng |") in lines
    assert "### Kết quả kiểm tra số liệu (0)" in lines
    assert "| 01/07/2023 |" in text


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_no_english_word_is_left(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    text = report(capsys, "--lang", "vi", "--format", fmt)
    # The audit's messages and the sources' titles are kept as the library holds them
    # (in English); the rest is Vietnamese.
    kept = [line for line in text.splitlines()
            if not re.match(r"\s*(- \[|- \*\*|Nguồn `|  \S.*(reported|the same count|but ))",
                            line)]
    english = re.compile(r"\b(Place|Indicator|Value|Target|Met|Status|Source|Audit|Ranks|"
                         r"Task|Days|Gap|figures|as of|a day|to go|status|of (target|"
                         r"eligible|holders|population)|inferred|yes|no|open|by|on)\b")
    found = [line for line in kept if english.search(line)]
    assert found == []


# --------------------------------------------------------------------------
# Numbers read back
# --------------------------------------------------------------------------


def _printed(value: float) -> Decimal:
    """`value` at the decimals it was printed with, rounded half to even."""
    with decimal.localcontext(decimal.Context(prec=100)):
        return Decimal(value).quantize(Decimal(1).scaleb(-printed_decimals(value)),
                                       rounding=decimal.ROUND_HALF_EVEN)


figures = st.builds(lambda whole, places: whole / 10 ** places,
                    st.integers(-10**12, 10**12), st.integers(0, 4))


@given(value=figures, unit=st.sampled_from(sorted(_present.UNIT_SUFFIXES)),
       qualifier=st.sampled_from(sorted(_present.QUALIFIER_SYMBOLS)),
       basis=st.sampled_from(["target", "eligible", "holders", "population", "unstated"]))
def test_a_vietnamese_figure_reads_back(value: float, unit: str, qualifier: str,
                                        basis: str) -> None:
    row = {"value": value, "unit": unit, "qualifier": qualifier, "basis": basis}
    text = _render._figure_value(row, "vi")
    symbol = _present.qualifier_symbol(qualifier)
    assert text.startswith(symbol)
    printed = text[len(symbol):].split(" ")[0]
    assert parse_number(printed, number_format="vi") == _printed(value)


@given(value=figures)
def test_vietnamese_rates_paces_and_gaps_read_back(value: float) -> None:
    rate = parse_number(_render._rate(value, "vi"), number_format="vi")
    assert rate == Decimal(value).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_EVEN)
    places = 2 if abs(value) < 1 else 1 if abs(value) < 1_000 else 0
    pace = parse_number(_render.pace_cell(value, "vi"), number_format="vi")
    assert pace == Decimal(value).quantize(Decimal(1).scaleb(-places),
                                           rounding=decimal.ROUND_HALF_EVEN)
    gap = _render._gap(value, 0.0, "vi")
    assert parse_number(gap, number_format="vi") == _printed(value)


def test_every_number_of_the_vietnamese_report_reads_back(
        capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, "--lang", "vi")
    lines, audit = [], False  # the audit's messages are English: left out
    for line in text.splitlines():
        audit = line.startswith("Kết quả kiểm tra") or (audit and not line.startswith("="))
        lines += [] if audit else [line]
    numbers = [token.rstrip(".,") for line in lines
               for token in re.findall(r"(?<![\w/:.,-])\d[\d.,]*(?![\w/:-])", line)]
    assert {"546.234", "3.000.000.000", "65,57", "0,9"} <= set(numbers)
    for token in numbers:
        parse_number(token, number_format="vi")
