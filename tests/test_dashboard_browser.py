"""The dashboard of ``de-an06 report --html`` opened in a real browser.

Headless Chromium (Debian's ``chromium`` package, at ``/usr/bin/chromium``)
driven by Playwright for Python with the system browser; skipped, with the
reason, when either is missing. Every request the pages make is routed here,
and any that is not a ``file://`` URL fails the test.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import de_an06 as da
from de_an06 import datasets, io
from de_an06.cli import main

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="browser tests need Playwright: pip install playwright"),
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"browser tests need Chromium at {CHROMIUM}: "
                              "apt-get install chromium"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

#: Sizes of the screenshots: a laptop and a phone.
SIZES = {"1366x900": (1366, 900), "375x800": (375, 800)}


def commune_file(folder: Path, communes: int = 24, *, hostile: bool = False) -> Path:
    """A generated commune file: weekly activations of 24 communes against one target each."""
    ind = da.Indicator("eid-activated", "e-ID accounts activated",
                       "Tài khoản định danh điện tử đã kích hoạt", unit="people")
    province = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    readings, targets = [], []
    start = dt.date(2024, 1, 1)
    for k in range(communes):
        name = f"Xã Số {k}" + (" <b>&amp;" if hostile else "")
        place = da.Jurisdiction(f"56-x{k:02d}", f"Commune {k}", name, level="commune",
                                parent="56")
        pace = 5 + 3 * k
        readings += [da.Reading(ind, 1_000 + pace * 7 * w, as_of=start + dt.timedelta(weeks=w),
                                jurisdiction=place) for w in range(8)]
        targets.append(da.Target(ind, 1_000 + 40 * 7 * 30, jurisdiction=place,
                                 deadline=dt.date(2024, 7, 31)))
    path = folder / ("hostile.json" if hostile else "communes.json")
    io.write_json(io.Dataset(jurisdictions=[province], readings=readings, targets=targets), path)
    return path


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("dashboard")
    made = {"bundled": root / "bundled", "communes": root / "communes", "en": root / "en",
            "sheet": root / "sheet"}
    assert main(["report", "--province", "56", "--html", str(made["bundled"])]) == 0
    assert main(["report", str(datasets.example_file()), "--html", str(made["sheet"])]) == 0
    assert main(["report", str(commune_file(root)), "--html", str(made["communes"])]) == 0
    assert main(["report", str(commune_file(root, hostile=True)), "--html", str(made["en"]),
                 "--lang", "en"]) == 0
    return made


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Visit:
    """A page opened from file://, remembering console errors and requests."""

    def __init__(self, browser: Any, width: int = 1366, height: int = 900) -> None:
        self.errors: list[str] = []
        self.refused: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error"
                     else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()

    def open(self, path: Path) -> Any:
        self.page.goto(path.resolve().as_uri())
        return self.page

    def close(self) -> None:
        assert self.errors == []
        assert self.refused == []
        self.context.close()


def _column(page: Any, table: str, column: int) -> list[str]:
    cells = page.locator(f"#{table} tbody tr:not([hidden]) td:nth-child({column})")
    return [text.strip() for text in cells.all_inner_texts()]


def test_bundled_index_loads_with_no_error_and_no_network(browser: Any,
                                                         sites: dict[str, Path]) -> None:
    visit = Visit(browser)
    page = visit.open(sites["bundled"] / "index.html")
    assert page.title() == "Đề án 06 — bảng theo dõi"
    assert _column(page, "at-risk", 1) == ["56_eid-activated", "56_eid-collected"]
    text = page.inner_text("body")
    assert "\ufffd" not in text
    assert "Chỉ tiêu có nguy cơ không đạt" in text
    assert "Khánh Hòa" in text
    assert page.locator("svg title").count() == 1
    assert "Bức tranh toàn quốc" in text
    assert _column(page, "national-series", 1)[:2] == ["eid-received", "eid-approved"]
    page.locator("#national-series tbody a", has_text="eid-activated").click()
    assert page.locator("figure svg[role=img] title").count() == 1
    assert "Ngày" in page.locator("figure svg").text_content()  # the chart speaks Vietnamese
    visit.close()


def test_spreadsheet_site(browser: Any, sites: dict[str, Path]) -> None:
    visit = Visit(browser)
    page = visit.open(sites["sheet"] / "index.html")
    # The communes late by the most days first (600, 199 and 111 days: the how-to's list).
    assert _column(page, "at-risk", 1)[:3] == ["26743_value", "26749_value", "26737_value"]
    assert _column(page, "at-risk", 3)[0] == "Xã Phú Mỹ"
    page.locator("#at-risk tbody a").first.click()
    svg = page.locator("figure svg")
    assert "mục tiêu 2.200" in svg.text_content()
    assert "hạn 30/06/2025" in svg.text_content()
    visit.close()


def test_at_risk_table_fits_a_laptop_screen(browser: Any, sites: dict[str, Path]) -> None:
    for name in ("communes", "bundled", "sheet"):
        visit = Visit(browser, 1366, 900)
        page = visit.open(sites[name] / "index.html")
        box = page.locator("#at-risk").evaluate(
            "t => [t.parentNode.scrollWidth, t.parentNode.clientWidth]")
        assert box[0] <= box[1], name  # the status column is not clipped
        visit.close()


def test_commune_at_risk_table_sorts_and_filters(browser: Any, sites: dict[str, Path]) -> None:
    visit = Visit(browser)
    page = visit.open(sites["communes"] / "index.html")
    first = _column(page, "at-risk", 1)
    # The slowest commune misses the deadline by the most days, and comes first.
    assert first[:2] == ["56-x00_eid-activated", "56-x01_eid-activated"]
    late = _column(page, "at-risk", 8)
    assert late[0] == "không bao giờ" or float(late[0].replace(".", "")) > 0
    page.locator("#at-risk thead th", has_text="Tên").count()  # headings are buttons
    page.locator("#at-risk thead th").nth(0).locator("button").click()
    assert page.locator("#at-risk thead th").nth(0).get_attribute("aria-sort") == "ascending"
    ids = _column(page, "at-risk", 1)
    assert ids == sorted(ids)
    page.locator("#at-risk thead th").nth(0).locator("button").click()
    assert _column(page, "at-risk", 1) == sorted(ids, reverse=True)
    page.locator("#at-risk thead th").nth(7).locator("button").click()
    days = [float(x.replace(".", "").replace(",", ".")) for x in _column(page, "at-risk", 8)
            if x not in {"—", "không bao giờ"}]
    assert days == sorted(days)
    page.fill("input[data-filter='at-risk']", "xa so 1")  # no diacritics needed
    shown = _column(page, "at-risk", 3)
    assert shown
    assert all(name.startswith("Xã Số 1") for name in shown)
    assert len(shown) < len(ids)
    page.fill("input[data-filter='at-risk']", "")
    assert len(_column(page, "at-risk", 1)) == len(ids)
    visit.close()


def test_every_series_link_opens_a_page_with_a_chart(browser: Any,
                                                     sites: dict[str, Path]) -> None:
    for name in ("bundled", "communes"):
        visit = Visit(browser)
        page = visit.open(sites[name] / "index.html")
        links = page.locator("#all-series tbody a").evaluate_all(
            "links => links.map(a => a.href)")
        assert links
        for href in links:
            page.goto(href)
            assert page.locator("figure svg[role=img] title").count() == 1
            assert page.locator("#readings tbody tr").count() >= 1
            assert "\ufffd" not in page.inner_text("body")
        visit.close()


def test_user_text_is_shown_not_run(browser: Any, sites: dict[str, Path]) -> None:
    visit = Visit(browser)
    page = visit.open(sites["en"] / "index.html")
    assert page.locator("main b").count() == 0
    assert "Xã Số 0 <b>&amp;" in page.inner_text("#all-series")
    assert "Targets at risk" in page.inner_text("body")
    visit.close()


@pytest.mark.parametrize("size", SIZES)
def test_screenshots(browser: Any, sites: dict[str, Path], size: str,
                     tmp_path_factory: pytest.TempPathFactory) -> None:
    width, height = SIZES[size]
    visit = Visit(browser, width, height)
    page = visit.open(sites["communes"] / "index.html")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width  # nothing wider than the screen: wide tables scroll inside
    folder = tmp_path_factory.mktemp("screenshots")
    shot = folder / f"dashboard-{size}.png"
    page.screenshot(path=str(shot))
    series = folder / f"dashboard-series-{size}.png"
    page.goto((sites["communes"] / "series" / "56-x00_eid-activated.html").resolve().as_uri())
    page.screenshot(path=str(series))
    shots = [shot, series]
    if width > 1000:  # the national block, for the docs: on a laptop screen only
        national = folder / f"dashboard-national-{size}.png"
        page.goto((sites["bundled"] / "index.html").resolve().as_uri())
        page.evaluate("document.getElementById('h-national').scrollIntoView()")
        page.screenshot(path=str(national))
        shots.append(national)
    for picture in shots:
        assert picture.stat().st_size > 10_000
    target = _docs_static()
    if target is not None:
        for picture in shots:
            shutil.copy(picture, target / picture.name)
    visit.close()


def _docs_static() -> Path | None:
    """Where screenshots go when the docs helper asks for them (DE_AN06_SCREENSHOTS)."""
    import os

    folder = os.environ.get("DE_AN06_SCREENSHOTS")
    return None if not folder else Path(folder)
