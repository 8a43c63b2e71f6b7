"""Phrases of report prose (written for these tests) and what the finders must read.

``FIGURES``: (phrase, fields of the one figure expected). ``NOTHING``: phrases
with no figure. ``DATES``: (phrase, published, text, start, end, role, vague).
The combinatorial part crosses qualifiers, printed numbers and counted nouns.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from de_an06 import Qualifier as Q  # noqa: N817 - short names keep the table readable
from de_an06 import Unit as U  # noqa: N817

D = Decimal

# (printed, value) — dotted thousands, decimal commas, scale words, no grouping.
NUMBERS: list[tuple[str, Decimal, int]] = [
    ("7", D("7"), 1), ("2300", D("2300"), 1), ("44.000", D("44000"), 1),
    ("2.315.408", D("2315408"), 1), ("91,4", D("91.4"), 1), ("0,90", D("0.90"), 1),
    ("2,415 triệu", D("2.415E+6"), 10**6), ("3,7 triệu", D("3.7E+6"), 10**6),
    ("12.640 tỷ", D("1.2640E+13"), 10**9), ("15 nghìn", D("15E+3"), 10**3),
    ("8 ngàn", D("8E+3"), 10**3), ("1,2 tỉ", D("1.2E+9"), 10**9),
    ("3 nghìn tỷ", D("3E+12"), 10**12), ("150", D("150"), 1),
]
QUALIFIER_WORDS: list[tuple[str, Q]] = [
    ("", Q.EXACT), ("gần", Q.NEARLY), ("Gần", Q.NEARLY), ("hơn", Q.MORE_THAN),
    ("Hơn", Q.MORE_THAN), ("trên", Q.MORE_THAN), ("khoảng", Q.ABOUT), ("KHOẢNG", Q.ABOUT),
    ("dưới", Q.LESS_THAN), ("chưa đến", Q.LESS_THAN), ("tối thiểu", Q.MORE_THAN),
    ("xấp xỉ", Q.ABOUT), ("gan", Q.NEARLY), ("hon", Q.MORE_THAN),
]
NOUNS: list[tuple[str, U | None]] = [
    ("hồ sơ", U.DOSSIERS), ("người dân", U.PEOPLE), ("lượt truy cập", U.USES),
    ("tài khoản định danh điện tử", None), ("thẻ CCCD gắn chip", None),
    ("tổ công tác", None), ("ngày làm việc", U.WORKING_DAYS), ("phút", U.MINUTES),
    ("đồng", U.VND), ("thủ tục hành chính", None),
]


def _combined() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for index, (printed, value, scale) in enumerate(NUMBERS):
        for q_index, (word, qualifier) in enumerate(QUALIFIER_WORDS):
            noun, unit = NOUNS[(index + q_index) % len(NOUNS)]
            lead = f"{word} " if word else ""
            phrase = f"Năm ấy huyện ghi nhận {lead}{printed} {noun} mới."
            cases.append((phrase, {"value": value, "scale": scale, "qualifier": qualifier,
                                   "noun": noun, "unit": unit, "percent": False}))
            phrase = f"Tỷ lệ hoàn thành {lead}{printed.split()[0]}% kế hoạch."
            if scale == 1:
                cases.append((phrase, {"value": value, "qualifier": qualifier,
                                       "percent": True}))
    return cases


_SINGLE: list[tuple[str, dict[str, Any]]] = [
    # lead words
    ("Xã đạt tỷ lệ 91,4% hộ dân.", {"value": D("91.4"), "lead": "reached", "percent": True}),
    ("Phường đã cấp 68 triệu thẻ căn cước.", {"value": D("68E+6"), "lead": "issued",
                                              "noun": "thẻ căn cước"}),
    ("Số vụ giảm 12,3% so với cùng kỳ.", {"value": D("12.3"), "lead": "decreased"}),
    ("Doanh thu tăng thêm 5% trong kỳ.", {"value": D("5"), "lead": "increased"}),
    ("Nhóm này chiếm 40% tổng số.", {"value": D("40"), "lead": "share"}),
    ("Chỉ số (trên 300%) là kỷ lục.", {"value": D("300"), "qualifier": Q.MORE_THAN}),
    ("Kết quả vượt 5% so với chỉ tiêu.", {"value": D("5"), "qualifier": Q.MORE_THAN,
                                         "lead": "exceeded"}),
    ("Đã kích hoạt được 1,2 triệu tài khoản.", {"value": D("1.2E+6"), "lead": "activated"}),
    ("Có tới 3 triệu lượt.", {"value": D("3E+6"), "qualifier": Q.EXACT, "unit": U.USES,
                             "qualifier_word": "tới"}),
    # rates
    ("Hệ thống xử lý 380.000 lượt/ngày.", {"value": D("380000"), "unit": U.USES, "per": "ngày"}),
    ("Tăng trưởng 15%/năm.", {"value": D("15"), "percent": True, "per": "năm"}),
    ("Lệ phí 50.000 đồng/hồ sơ.", {"value": D("50000"), "unit": U.VND, "per": "hồ sơ"}),
    ("Có 12 tỉnh/TP tham gia.", {"value": D("12"), "noun": "tỉnh/TP", "per": None}),
    # ranges
    ("Mất khoảng 5 đến 7 ngày.", {"kind": "range", "low": D("5"), "high": D("7"),
                                 "qualifier": Q.ABOUT, "unit": U.DAYS}),
    ("Nhận 200.000 - 300.000 hồ sơ.", {"kind": "range", "low": D("200000"),
                                       "high": D("300000"), "unit": U.DOSSIERS}),
    ("Công dân từ 15-60 tuổi.", {"kind": "range", "low": D("15"), "high": D("60"),
                                "noun": "tuổi"}),
    ("Từ 2 đến 3 triệu người.", {"kind": "range", "low": D("2E+6"), "high": D("3E+6")}),
    ("Chiếm 5-7% dân số.", {"kind": "range", "low": D("5"), "high": D("7"), "percent": True}),
    # fractions and ranks
    ("Đã có 41/63 tỉnh kết nối.", {"kind": "fraction", "value": D("41"), "of": D("63")}),
    ("Xử lý 3.118/5.402 hồ sơ.", {"kind": "fraction", "value": D("3118"), "of": D("5402")}),
    ("Có 18 thủ tục trong tổng số 25 thủ tục.", {"kind": "fraction", "value": D("18"),
                                                 "of": D("25"), "noun": "thủ tục"}),
    ("Là 1 trong 15 tỉnh điển hình.", {"kind": "fraction", "value": D("1"), "of": D("15")}),
    ("Được 2 trong 10 điểm.", {"kind": "fraction", "value": D("2"), "of": D("10")}),
    ("Chuỗi 10/20/30 mục.", {"kind": "fraction", "parts": (D("10"), D("20"), D("30"))}),
    ("Tỉnh xếp thứ 25/63 cả nước.", {"kind": "rank", "value": D("25"), "of": D("63")}),
    ("Huyện đứng thứ 5 toàn tỉnh.", {"kind": "rank", "value": D("5"), "of": None}),
    ("Lọt Top 5 cả nước.", {"kind": "rank", "value": None, "high": D("5")}),
    # number words and vague amounts
    ("Thành lập ba tổ công tác.", {"value": D("3"), "noun": "tổ công tác"}),
    ("Sau hai ngày làm việc.", {"value": D("2"), "unit": U.WORKING_DAYS}),
    ("Có mười xã, đều tốt.", {"value": D("10"), "noun": "xã"}),
    ("Thu hút vài trăm nghìn người.", {"kind": "vague", "value": None, "unit": U.PEOPLE}),
    ("Hàng triệu lượt giao dịch.", {"kind": "vague", "value": None}),
    ("Có hàng chục mô hình.", {"kind": "vague", "value": None}),
]
FIGURES: list[tuple[str, dict[str, Any]]] = [*_combined(), *_SINGLE]

#: Phrases with no figure at all.
NOTHING: list[str] = [
    "Theo Quyết định 06/QĐ-TTg của Thủ tướng.", "Nghị quyết 50/NQ-CP đã nêu rõ.",
    "Triển khai Đề án 06 trên địa bàn.", "Dịch vụ công mức 2 và mức độ 4.",
    "Kế hoạch số 112/KH-UBND của tỉnh.", "Văn bản 01/2022/TT-BCA hướng dẫn.",
    "Xem https://dichvucong.gov.vn/p/home/123 để biết.", "Gửi thư tới abc123@gmail.com nhé.",
    "Gọi 0912 345 678 để được hỗ trợ.", "Số điện thoại 0236.3822.123 trực 24/24.",
    "Hội nghị lúc 08:15 sáng.", "Đến 17h mới xong.", "Ngày 23/5/2023 đã họp.",
    "Giai đoạn 2021-2025 và thời kỳ 2026-2030.", "Quý II/2023 tốt hơn.",
    "Trong tháng 11/2024 vẫn vậy.", "Mạng 4G và 5G phủ sóng.", "Dịch COVID-19 lắng xuống.",
    "Đường dây nóng 1900 1234.", "Mã H26 được dùng.", "Năm 2024 là năm bản lề.",
    "Khoản 3 Điều 5 quy định.", "6 tháng đầu năm 2023 đã qua.", "ngày 6 tháng 1 năm 2022",
    "Sáng 23/5, lãnh đạo tỉnh thăm.", "Tổ Công tác Đề án 06 chính phủ giao.",
]

P = dt.date(2024, 11, 5)
#: (phrase, published, text of the mention, start, end, role, vague, year_supplied).
DATES: list[tuple[str, dt.date | None, str, dt.date | None, dt.date | None, str, bool, bool]] = [
    ("tính đến ngày 14/9/2023, xong", None, "tính đến ngày 14/9/2023",
     dt.date(2023, 9, 14), dt.date(2023, 9, 14), "as_of", False, False),
    ("Hạn trước ngày 30/9/2024.", None, "trước ngày 30/9/2024",
     dt.date(2024, 9, 30), dt.date(2024, 9, 30), "deadline", False, False),
    ("Sáng 23/5, họp.", P, "Sáng 23/5", dt.date(2024, 5, 23), dt.date(2024, 5, 23),
     "point", False, True),
    ("Sáng 23/5, họp.", None, "Sáng 23/5", None, None, "point", False, True),
    ("vào ngày 19/3 đã xong", P, "vào ngày 19/3", dt.date(2024, 3, 19), dt.date(2024, 3, 19),
     "point", False, True),
    ("Xong trong tháng 10-2024.", None, "trong tháng 10-2024", dt.date(2024, 10, 1),
     dt.date(2024, 10, 31), "period", False, False),
    ("trong tháng 11/2024", None, "trong tháng 11/2024", dt.date(2024, 11, 1),
     dt.date(2024, 11, 30), "period", False, False),
    ("tháng 10 năm 2024", None, "tháng 10 năm 2024", dt.date(2024, 10, 1),
     dt.date(2024, 10, 31), "period", False, False),
    ("giai đoạn 2021-2025", None, "giai đoạn 2021-2025", dt.date(2021, 1, 1),
     dt.date(2025, 12, 31), "period", False, False),
    ("thời kỳ 2026 - 2030", None, "thời kỳ 2026 - 2030", dt.date(2026, 1, 1),
     dt.date(2030, 12, 31), "period", False, False),
    ("Đến cuối năm 2023, tốt.", None, "Đến cuối năm 2023", dt.date(2023, 9, 1),
     dt.date(2023, 12, 31), "as_of", True, False),
    ("Kế hoạch 112/KH-UBND ngày 15/5/2023", None, "ngày 15/5/2023", dt.date(2023, 5, 15),
     dt.date(2023, 5, 15), "point", False, False),
    ("tính đến 17h ngày 12.10", P, "tính đến 17h ngày 12.10", dt.date(2024, 10, 12),
     dt.date(2024, 10, 12), "as_of", False, True),
    ("Cập nhật: 05/11/2024 08:15:00", None, "Cập nhật: 05/11/2024 08:15:00",
     dt.date(2024, 11, 5), dt.date(2024, 11, 5), "as_of", False, False),
    ("Từ tháng 3/2025 sẽ áp dụng", None, "Từ tháng 3/2025", dt.date(2025, 3, 1),
     dt.date(2025, 3, 31), "open_start", False, False),
    ("quý II/2023", None, "quý II/2023", dt.date(2023, 4, 1), dt.date(2023, 6, 30),
     "period", False, False),
    ("6 tháng đầu năm", P, "6 tháng đầu năm", dt.date(2024, 1, 1), dt.date(2024, 6, 30),
     "period", False, True),
    ("6 tháng cuối năm 2023", None, "6 tháng cuối năm 2023", dt.date(2023, 7, 1),
     dt.date(2023, 12, 31), "period", False, False),
    ("giữa năm 2024", None, "giữa năm 2024", dt.date(2024, 5, 1), dt.date(2024, 8, 31),
     "period", True, False),
    ("đầu tháng 3/2024", None, "đầu tháng 3/2024", dt.date(2024, 3, 1),
     dt.date(2024, 3, 10), "period", True, False),
    ("cuối tháng 2", P, "cuối tháng 2", dt.date(2024, 2, 21), dt.date(2024, 2, 29),
     "period", True, True),
    ("hôm qua", P, "hôm qua", dt.date(2024, 11, 4), dt.date(2024, 11, 4), "point", False, True),
    ("năm nay", P, "năm nay", dt.date(2024, 1, 1), dt.date(2024, 12, 31),
     "period", False, True),
    ("năm ngoái", None, "năm ngoái", None, None, "period", False, True),
    ("đến nay", P, "đến nay", P, P, "as_of", False, True),
    ("từ ngày 1/6/2022 đến ngày 1/12/2022", None, "từ ngày 1/6/2022 đến ngày 1/12/2022",
     dt.date(2022, 6, 1), dt.date(2022, 12, 1), "period", False, False),
    ("từ 15/3 đến 20/6/2024", None, "từ 15/3 đến 20/6/2024", dt.date(2024, 3, 15),
     dt.date(2024, 6, 20), "period", False, False),
    ("ngày 6 tháng 1 năm 2022", None, "ngày 6 tháng 1 năm 2022", dt.date(2022, 1, 6),
     dt.date(2022, 1, 6), "point", False, False),
    ("chậm nhất ngày 2024-12-31", None, "chậm nhất ngày 2024-12-31", dt.date(2024, 12, 31),
     dt.date(2024, 12, 31), "deadline", False, False),
    ("năm 2024", None, "năm 2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31),
     "period", False, False),
    ("Quý 3 năm 2024", None, "Quý 3 năm 2024", dt.date(2024, 7, 1), dt.date(2024, 9, 30),
     "period", False, False),
]
