"""Speed of the prose finders: find_figures + find_dates on a 10,000-character article.

Baseline: a plain ``re.finditer`` over the Vietnamese numbers of the same text
(the grammar's number body), measured in the same run. Goal: >= 1 MB/s.

Each repetition reads a fresh copy of the article (a new ``str`` object), so
no reading is reused from an earlier repetition: ``find_dates`` after
``find_figures`` on the same text reuses that call's reading, as an analyst's
two calls on one article do. The machine may be shared: the ratio to the
baseline is steadier than the absolute figures.

Run: ``PYTHONPATH=src python benchmarks/prose.py``.
"""

from __future__ import annotations

import datetime as dt
import re
import timeit

from de_an06.parsing import find_dates, find_figures
from de_an06.parsing.grammar import NUMBER_BODIES

PARAGRAPH = (
    "Tính đến ngày 31/10/2024, toàn tỉnh đã thu nhận hơn 1,2 triệu hồ sơ định danh "
    "điện tử, đạt tỷ lệ 91,4%; kích hoạt 846.512 tài khoản. Trong quý III/2024, "
    "Công an tỉnh giải quyết 3.118/5.402 hồ sơ trực tuyến, thời gian giảm còn khoảng "
    "5 đến 7 ngày làm việc. Theo Kế hoạch 112/KH-UBND ngày 15/5/2023 về Đề án 06, "
    "tỉnh xếp thứ 12/63 cả nước, có 27 tổ công tác và vài trăm nghìn lượt truy cập. "
    "Hotline: 0236 382 2123, https://dichvucong.gov.vn. ")


def article(size: int = 10_000) -> str:
    """A report-shaped text of `size` characters."""
    return (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]


def main() -> None:
    """Time the finders and the baseline; print the figures."""
    text = article()
    published = dt.date(2024, 11, 5)
    numbers = re.compile(NUMBER_BODIES["vi"])
    repeat = 20
    copies = [text.encode().decode() for _ in range(2 * repeat + 2)]  # new objects, same text

    def finders() -> None:
        fresh = copies.pop()
        find_figures(fresh, published=published)
        find_dates(fresh, published=published)

    def figures_only() -> None:
        find_figures(copies.pop(), published=published)

    def baseline() -> None:
        for _ in numbers.finditer(text):
            pass

    ours = min(timeit.repeat(finders, number=1, repeat=repeat))
    alone = min(timeit.repeat(figures_only, number=1, repeat=repeat))
    base = min(timeit.repeat(baseline, number=1, repeat=repeat))
    size = len(text.encode("utf-8"))
    print(f"article: {len(text)} characters, {size} bytes (UTF-8)")
    print(f"find_figures + find_dates: {ours * 1e3:.2f} ms, {size / ours / 1e6:.2f} MB/s")
    print(f"find_figures alone:        {alone * 1e3:.2f} ms, {size / alone / 1e6:.2f} MB/s")
    print(f"re.finditer over numbers:  {base * 1e3:.3f} ms, {size / base / 1e6:.1f} MB/s")
    print(f"ratio (finders / baseline): {ours / base:.0f}x")


if __name__ == "__main__":
    main()
