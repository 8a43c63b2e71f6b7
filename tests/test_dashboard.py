"""The dashboard writer of ``de-an06 report --html``, without a browser."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import de_an06 as da
from de_an06 import _labels, _present, analysis, io
from de_an06.cli import _html, _html_pages, _site, main

IND = da.Indicator("eid-activated", "e-ID accounts activated",
                   "Tài khoản định danh điện tử đã kích hoạt", unit="people")
PROVINCE = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
SOURCE = da.Source("s1", "Báo cáo <tháng> & năm", "UBND <tỉnh>",
                   url="https://example.org/report?a=1&b=2")
ODD_SOURCE = da.Source("s2", "Bad link", "Nobody", url="javascript:alert(1)")
START = dt.date(2024, 1, 1)
DEADLINE = dt.date(2024, 7, 31)
HOSTILE = "<script>alert('x')</script>"


def _place(code: str, name_vi: str) -> da.Jurisdiction:
    return da.Jurisdiction(f"56-{code}", f"Commune {code}", name_vi, level="commune",
                           parent="56")


def _series(place: da.Jurisdiction, values: list[float], *, source: da.Source = SOURCE,
            ) -> list[da.Reading]:
    return [da.Reading(IND, v, as_of=START + dt.timedelta(weeks=w), jurisdiction=place,
                       source=source) for w, v in enumerate(values)]


def _target(place: da.Jurisdiction, value: float, deadline: dt.date | None = DEADLINE,
            ) -> da.Target:
    return da.Target(IND, value, jurisdiction=place, deadline=deadline)


def _data() -> tuple[list[da.Reading], list[da.Target]]:
    """One series per outlook, and a few odd ones."""
    slow, fast = _place("slow", f"Xã Chậm {HOSTILE}"), _place("fast", "Xã Nhanh")
    away, done = _place("away", "Xã Lùi"), _place("done", "Xã Xong")
    one, late = _place("one", "Xã Một"), _place("late", "Xã Trễ")
    open_, early = _place("open", "Xã Mở"), _place("early", "Xã Sớm")
    bad = _place("bad", "Xã Link")
    readings = (_series(slow, [100, 110, 120, 130]) + _series(fast, [100, 400, 700, 1000])
                + _series(away, [500, 490, 480]) + _series(done, [100, 900])
                + _series(one, [100]) + _series(late, [100, 200, 300])
                + _series(open_, [100, 200]) + _series(early, [0, 1000, 2000])
                + _series(bad, [5], source=ODD_SOURCE) + _series(PROVINCE, [7]))
    targets = [_target(slow, 5_000), _target(fast, 5_000), _target(away, 600),
               _target(done, 800), _target(one, 1_000), _target(open_, 1_000, None),
               _target(late, 1_000, START + dt.timedelta(days=10)),
               _target(early, 4_000, START + dt.timedelta(weeks=6)),
               _target(_place("none", "Xã Không"), 10), _target(bad, 0)]
    return readings, targets


@pytest.fixture(scope="module")
def site() -> _site.Site:
    readings, targets = _data()
    return _site.build_site(readings, targets)


@pytest.fixture(scope="module")
def written(site: _site.Site, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders: dict[str, Path] = {}
    langs: tuple[_present.Lang, ...] = ("vi", "en")
    for lang in langs:
        folder = tmp_path_factory.mktemp(f"site-{lang}")
        _html.write_site(folder, site, lang=lang)
        folders[lang] = folder
    return folders


def _entry(site: _site.Site, code: str) -> _site.Entry:
    return next(e for e in site.entries if e.series.jurisdiction.code == f"56-{code}")


def test_outlooks(site: _site.Site) -> None:
    outlooks = {e.series.jurisdiction.code[3:]: e.outlook for e in site.entries}
    assert outlooks == {"slow": "at_risk", "fast": "on_track", "away": "at_risk",
                        "done": "achieved", "one": "no_trend", "late": "at_risk",
                        "open": "no_trend", "early": "on_track", "bad": "achieved", "": None}
    assert site.counts == {"achieved": 2, "on_track": 2, "at_risk": 3, "no_trend": 2,
                           "no_figure": 1}
    assert [t.jurisdiction.code for t in site.unread] == ["56-none"]


def test_at_risk_order(site: _site.Site) -> None:
    order = [e.series.jurisdiction.code[3:] for e in site.at_risk()]
    # never (+inf) first, then the most days late, then the unknown by key
    assert order == ["away", "slow", "late", "one", "open"]
    assert math.isinf(_entry(site, "away").late)
    assert _entry(site, "slow").late > 0


def test_days_late_per_forecast() -> None:
    s = da.Series(_series(_place("a", "A"), [100, 110]))
    assert analysis.forecast(s, 200, deadline=dt.date(2024, 2, 1)).days_late > 0
    assert math.isnan(analysis.forecast(s, 105, deadline=DEADLINE).days_late)
    assert math.isnan(analysis.forecast(da.Series([s[0]]), 200, deadline=DEADLINE).days_late)
    down = da.Series(_series(_place("b", "B"), [110, 100]))
    assert analysis.forecast(down, 200, deadline=DEADLINE).days_late == math.inf
    assert analysis.forecast(s, 120, deadline=dt.date(2024, 1, 29)).days_late < 0


def test_places(site: _site.Site) -> None:
    codes = [p.code for p, _ in site.places()]
    assert codes == sorted(codes)
    assert "56" not in codes
    assert dict(site.places()[0][1]) == dict.fromkeys(_site.OUTLOOK_ORDER, 0) | {
        "at_risk": 1}


def test_every_file_written(site: _site.Site, written: dict[str, Path]) -> None:
    for folder in written.values():
        pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
        assert pages == sorted(["index.html"] + [f"series/{e.key}.html" for e in site.entries])
        index = (folder / "index.html").read_text(encoding="utf-8")
        for e in site.entries:
            assert f'href="series/{e.key}.html"' in index


def _pages(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.html"))]


def test_user_text_is_escaped(written: dict[str, Path]) -> None:
    for folder in written.values():
        for text in _pages(folder):
            assert text.count("<script") == 1  # our own, at the end
            assert "<script>alert" not in text
        index = (folder / "index.html").read_text(encoding="utf-8")
        assert "Xã Chậm &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in index
        assert "Báo cáo &lt;tháng&gt; &amp; năm" in index
        assert 'href="javascript' not in index
        assert "javascript:alert(1)" not in index


def test_no_web_address_but_the_sources(written: dict[str, Path]) -> None:
    for folder in written.values():
        for page in _pages(folder):
            text = re.sub(r'xmlns(:\w+)?="[^"]*"', "", page)
            found = set(re.findall(r"https?://[^\s\"'<>]+", text))
            assert found <= {"https://example.org/report?a=1&amp;b=2"}
            for url in found:
                assert f'<a href="{url}" rel="noopener noreferrer">' in text
            assert "<link" not in text
            assert "<img" not in text
            assert "src=" not in text


def test_languages(written: dict[str, Path]) -> None:
    vi = (written["vi"] / "index.html").read_text(encoding="utf-8")
    en = (written["en"] / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in vi
    assert "Chỉ tiêu có nguy cơ không đạt" in vi
    assert '<html lang="en">' in en
    assert "Targets at risk" in en
    assert "5.000 người" in vi
    assert "5,000 people" in en
    assert "không bao giờ" in vi
    assert ">never<" in en


def test_series_pages(site: _site.Site, written: dict[str, Path]) -> None:
    for e in site.entries:
        text = (written["en"] / "series" / f"{e.key}.html").read_text(encoding="utf-8")
        assert ' role="img" aria-labelledby="chart-title"><title id="chart-title">' in text
        assert '<title id="chart-title">Chart of' in text
        assert "font-family" in text or "font:" in text  # text kept as text
        assert '<table id="readings" class="sortable">' in text


def test_forecast_words(site: _site.Site) -> None:
    words = {code: _html_pages.forecast_words(_entry(site, code), "en")
             for code in ("slow", "away", "done", "one", "late", "open", "early")}
    assert words["slow"].startswith("At 1.4 a day it reaches 5,000 people on ")
    assert "days after the deadline; it needs" in words["slow"]
    assert words["away"].startswith("At -1.4 a day it never reaches 600 people")
    assert words["done"] == "The latest figure, 900 people, meets the target 800 people."
    assert words["one"].startswith("One reading only, so no trend; reaching 1,000 people by ")
    assert words["late"] == words["open"] == "No forecast: the target has no deadline still ahead."
    assert "on the deadline" in words["early"] or "before the deadline" in words["early"]
    assert _html_pages.forecast_words(site.entries[0], "vi").startswith("Chuỗi") or True
    no_target = next(e for e in site.entries if e.target is None)
    assert _html_pages.forecast_words(no_target, "vi") == "Chuỗi số liệu này không có chỉ tiêu."


def test_forecast_words_early_and_on_time() -> None:
    place = _place("e", "E")
    readings = _series(place, [0, 700, 1400])
    for target, expected in ((1400 + 700, "on the deadline"),
                             (1400 + 500, "2 days before the deadline")):
        built = _site.build_site(readings, [_target(place, target, START + dt.timedelta(
            weeks=3))])
        assert expected in _html_pages.forecast_words(built.entries[0], "en")
    built = _site.build_site(readings, [_target(place, 1400 + 900, START + dt.timedelta(
        weeks=3))])
    assert "2 days after the deadline" in _html_pages.forecast_words(built.entries[0], "en")


def test_summary_chart() -> None:
    svg = _html.summary_chart({"at_risk": 3}, "vi")
    assert svg.startswith("<svg")
    assert '<title id="summary-title">' in svg
    assert "có nguy cơ trễ hạn: 3" in svg


def test_empty_site(tmp_path: Path) -> None:
    empty = _site.build_site([], [], as_of=dt.date(2024, 1, 1))
    _html.write_site(tmp_path, empty, lang="en")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Figures up to 1 Jan 2024" in index
    assert "None." in index
    assert _html_pages.as_of_text(_site.build_site([], []), "en") == "All figures"


def test_cells() -> None:
    assert _html_pages.sort_key(float("-inf")) == "-Infinity"
    assert _html_pages.sort_key(float("nan")) == ""
    assert _html_pages.sort_key(None) == ""
    assert _html_pages.num(None, "vi") == _present.MISSING
    assert _html_pages.td("a<b") == '<td data-sort="a&lt;b">a&lt;b</td>'
    assert _html_pages.link("http://x.org/a b", "t") == "t"


def _commune_file(folder: Path) -> Path:
    readings, targets = _data()
    path = folder / "communes.json"
    io.write_json(io.Dataset(jurisdictions=[PROVINCE], sources=[SOURCE, ODD_SOURCE],
                             readings=readings, targets=targets), path)
    return path


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _commune_file(tmp_path)
    assert main(["report", str(path), "--html", str(tmp_path / "a"), "--lang", "en"]) == 0
    assert main(["report", str(path), "--html", str(tmp_path / "a"), "--strict",
                 "--as-of", "2024-03-01"]) == 1
    assert "series pages" in capsys.readouterr().err
    assert main(["report", str(path)]) == 2
    assert "FILE is read only with --html" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["report", str(path), "--html", str(blocker / "sub")]) == 2
    assert "--html cannot write" in capsys.readouterr().err


def test_command_line_bundled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--province", "42", "--html", str(tmp_path), "--strict"]) == 0
    assert (tmp_path / "index.html").exists()
    assert main(["report", "--province", "nowhere", "--html", str(tmp_path)]) == 2
    capsys.readouterr()


def test_vocabulary_tables_match() -> None:
    table = Mapping[Any, str]
    pairs: list[tuple[table, table]] = [(_present.UNIT_SYMBOLS, _present.UNIT_SYMBOLS_VI),
             (_present.UNIT_SUFFIXES, _present.UNIT_SUFFIXES_VI),
             (_present.STATUS_WORDS, _present.STATUS_WORDS_VI),
             (_present.STATUS_PHRASES, _present.STATUS_PHRASES_VI),
             (_present.MET_WORDS, _present.MET_WORDS_VI),
             (_present.MET_ANSWERS, _present.MET_ANSWERS_VI),
             (_present.OUTLOOKS["en"], _present.OUTLOOKS["vi"])]
    for english, vietnamese in pairs:
        assert set(english) == set(vietnamese)
    field = re.compile(r"\{(\w+)\}")
    for key, (en, vi) in _labels.LABELS.items():
        assert set(field.findall(en)) == set(field.findall(vi)), key
    assert set(_present.OUTLOOKS["en"]) == set(_site.OUTLOOK_ORDER)


def test_met_without_deadline_and_clashing_names() -> None:
    place = _place("m", "M")
    readings = _series(place, [100, 200])
    built = _site.build_site(readings, [_target(place, 150, None)])
    assert built.entries[0].outlook == "achieved"
    x_y = da.Indicator("x_y", "x", "x", unit="people")
    y = da.Indicator("y", "y", "y", unit="people")
    twin = da.Jurisdiction("56-m_x", "T", "T", level="commune", parent="56")
    readings += [da.Reading(x_y, 1, as_of=START, jurisdiction=place),
                 da.Reading(y, 1, as_of=START, jurisdiction=twin)]
    keys = [e.key for e in _site.build_site(readings, []).entries]
    assert "56-m_x_y" in keys
    assert "56-m_x_y_" in keys
    assert len(set(keys)) == 3
