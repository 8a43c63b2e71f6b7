"""The dashboard's inputs and big-input options: spreadsheets, national block, ranks, pages."""

from __future__ import annotations

import datetime as dt
import io as stdio
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import _present, batch, datasets, io
from de_an06.cli import _html, _national, _sheet, _site, main

EXAMPLE = datasets.example_file()


# --------------------------------------------------------------------------
# --columns and the readers
# --------------------------------------------------------------------------


def test_table_options_forms(tmp_path: Path) -> None:
    flat = tmp_path / "map.json"
    flat.write_text(json.dumps({"Mã ĐVHC": "code", "Ngày": "date"}), encoding="utf-8")
    assert _sheet.table_options(str(flat)) == {"columns": {"Mã ĐVHC": "code", "Ngày": "date"}}
    full = tmp_path / "map.toml"
    full.write_text('indicator = "eid-activated"\n[columns]\n"Số" = "value"\n',
                    encoding="utf-8")
    assert _sheet.table_options(str(full)) == {"indicator": "eid-activated",
                                               "columns": {"Số": "value"}}
    assert _sheet.table_options("Mã ĐVHC=code; Ngày=date;") == {
        "columns": {"Mã ĐVHC": "code", "Ngày": "date"}}


@pytest.mark.parametrize(("content", "words"), [
    (None, "cannot read the --columns file"),
    ("{", "not valid JSON"),
    ("[1, 2]", "must hold a mapping"),
    ('{"columns": {"a": "code"}, "colour": 1}', "unknown option 'colour'"),
    ('{"columns": {"a": 1}}', "'columns' must map each header"),
])
def test_table_options_errors(tmp_path: Path, content: str | None, words: str) -> None:
    path = tmp_path / "map.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(da.ParseError, match=words):
        _sheet.table_options(str(path))
    with pytest.raises(da.ParseError, match="'Header=role' pairs"):
        _sheet.table_options("no role here")


def test_spreadsheet_records_keep_every_figure() -> None:
    table = io.read_table(EXAMPLE)
    readings, targets, claims = _sheet.table_records(table)
    assert claims == []
    assert len(readings) == table.n_readings
    assert len(targets) == table.n_series
    first = readings[0]
    assert (first.jurisdiction.code, first.jurisdiction.name_vi, first.value) == (
        "26734", "Xã Đồng Tâm", 1187)
    assert first.jurisdiction.level is da.Level.COMMUNE
    assert first.indicator.code == "value"
    assert targets[0].deadline == dt.date(2025, 6, 30)


def test_records_of_a_bare_table() -> None:
    table = batch.ReadingTable.from_arrays(ids=np.array(["p1", "p1"]), days=np.array([0, 7]),
                                           values=np.array([1.0, 2.0]))
    readings, targets, _ = _sheet.table_records(table)
    assert [r.jurisdiction.code for r in readings] == ["p1", "p1"]
    assert targets == []
    info = batch.SeriesInfo.empty(1)
    province = table.with_info(type(info)(
        info.codes, info.names, np.array(["province"]), info.parents,
        np.array(["eid-activated"]), np.array([5.0]), np.array(["NaT"], dtype="datetime64[D]")))
    readings, targets, _ = _sheet.table_records(province)
    assert readings[0].jurisdiction.parent == "VN"
    assert readings[0].indicator.name == "e-ID accounts activated"
    assert targets[0].deadline is None


@settings(max_examples=25, deadline=None)
@given(values=st.lists(st.lists(st.integers(0, 10**7), min_size=1, max_size=6),
                       min_size=1, max_size=5))
def test_records_round_trip(values: list[list[int]]) -> None:
    ids = np.array([f"s{k}" for k, row in enumerate(values) for _ in row])
    days = np.array([19_000 + 7 * w for row in values for w in range(len(row))])
    flat = np.array([float(x) for row in values for x in row])
    table = batch.ReadingTable.from_arrays(ids=ids, days=days, values=flat)
    readings, _, _ = _sheet.table_records(table)
    again = batch.ReadingTable.from_readings(readings)
    assert again.values.tolist() == table.values.tolist()
    assert again.days.tolist() == table.days.tolist()


def test_report_on_a_spreadsheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLE), "--html", str(tmp_path / "a"), "--lang", "en"]) == 0
    index = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert "Xã Phú Mỹ" in index
    assert 'href="series/26743_value.html"' in index
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"columns": {"Mã xã": "code"}, "indicator": "eid-activated"}),
                       encoding="utf-8")
    assert main(["report", str(EXAMPLE), "--html", str(tmp_path / "b"),
                 "--columns", str(mapping), "--strict"]) == 1
    index = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert "Tài khoản định danh điện tử đã kích hoạt" in index
    assert "26743_eid-activated" in index
    capsys.readouterr()


def test_report_file_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = str(tmp_path / "site")
    assert main(["report", str(tmp_path / "nothing.csv"), "--html", site]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["report", "--html", site, "--columns", "a=code"]) == 2
    assert "--columns needs a FILE" in capsys.readouterr().err
    assert main(["report", "--html", site, "--pages", "-1"]) == 2
    assert "--pages must be 0 or more" in capsys.readouterr().err
    for extra in (["--pages", "3"], ["--columns", "a=code"], ["--national", "--pages", "1"]):
        assert main(["report", *extra]) == 2
        assert "--pages and --columns go with --html" in capsys.readouterr().err
    mapping = tmp_path / "bad.json"
    mapping.write_text("{", encoding="utf-8")
    assert main(["report", str(EXAMPLE), "--html", site, "--columns", str(mapping)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["report", str(EXAMPLE), "--html", site, "--columns", "Ngày=colour"]) == 2
    assert "colour" in capsys.readouterr().err


def test_library_csv_still_read_by_read_csv(tmp_path: Path) -> None:
    ind = da.Indicator("eid-activated", "e-ID", "ĐDĐT", unit="people")
    place = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    path = tmp_path / "readings.csv"
    io.write_csv(io.Dataset(readings=[da.Reading(ind, 5, as_of=dt.date(2024, 1, 1),
                                                 jurisdiction=place)]), path)
    readings, targets, _ = _sheet.read_report_file(str(path), "plain", None)
    assert readings[0].jurisdiction.name_vi == "Khánh Hòa"
    assert targets == []


# --------------------------------------------------------------------------
# National block, ranks, pages
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundled")
    assert main(["report", "--html", str(folder), "--lang", "en", "--pages", "2"]) == 0
    return folder


def test_national_block_on_the_index(bundled: Path) -> None:
    index = (bundled / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="h-national">The national picture</h2>' in index
    assert '<table id="national-series"' in index
    assert '<table id="national-targets"' in index
    assert 'href="national/VN_eid-activated.html"' in index
    assert "67,000,000" in index  # the latest level-2 e-ID accounts, English grouping
    assert "(two sources)" in index
    page = (bundled / "national" / "VN_eid-activated.html").read_text(encoding="utf-8")
    assert '<title id="chart-title">' in page
    assert "vietnamnet-202512" in page


def test_national_site_draws_forecasts() -> None:
    site = _national.national_site()
    assert site.forecasts is not None
    assert all(e.series.jurisdiction.code == "VN" for e in site.entries)
    with_target = [e for e in site.entries if e.row is not None]
    assert with_target
    assert site.forecasts.trends.window is not None
    early = _national.national_site(dt.date(2023, 1, 1))
    assert all(e.reading.as_of <= dt.date(2023, 1, 1) for e in early.entries)
    data = _national.national_data(dt.date(2023, 1, 1))
    assert {r["indicator"] for r in data["series"]} == {
        e.series.indicator.code for e in early.entries}


def test_ranks_on_the_index(bundled: Path) -> None:
    index = (bundled / "index.html").read_text(encoding="utf-8")
    assert '<table id="ranks"' in index
    assert "62/63 (2023-05-22), 37/63 (2023-06-28)" in index
    assert ">+25<" in index


def test_no_national_block_on_a_users_file(tmp_path: Path) -> None:
    site = _site.build_site(*_sheet.table_records(io.read_table(EXAMPLE))[:2])
    _html.write_site(tmp_path, site, lang="vi")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "h-national" not in index
    assert "h-ranks" not in index
    assert not (tmp_path / "national").exists()


def test_pages_limit_the_series_pages(tmp_path: Path) -> None:
    site = _site.build_site(*_sheet.table_records(io.read_table(EXAMPLE))[:2])
    worst = [e.key for e in site.at_risk()]
    written = _html.write_site(tmp_path, site, lang="en", pages=2)
    assert [p.stem for p in written[1:]] == worst[:2]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'href="series/{worst[0]}.html"' in index
    assert f'href="series/{worst[2]}.html"' not in index
    assert f">{worst[2]}<" in index
    assert len(site.pages(100)) == len(site.entries)


@settings(max_examples=20, deadline=None)
@given(limit=st.integers(0, 8))
def test_pages_put_the_most_at_risk_first(limit: int) -> None:
    site = _site.build_site(*_sheet.table_records(io.read_table(EXAMPLE))[:2])
    chosen = site.pages(limit)
    risky = site.at_risk()
    assert len(chosen) == min(limit, len(site.entries))
    assert chosen[:len(risky)] == risky[:limit]
    assert len({e.key for e in chosen}) == len(chosen)


def test_progress_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [1, 2, 3]
    assert _html.progress_bar(items, 3) is items  # not a terminal
    terminal = stdio.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(_html.progress_bar(items, 3)) == items
    assert "/3 [" in terminal.getvalue()
    monkeypatch.setitem(sys.modules, "tqdm", None)
    assert _html.progress_bar(items, 3) is items  # tqdm missing: quiet


@given(value=st.floats(-1e9, 1e9, allow_nan=False), lang=st.sampled_from(["en", "vi"]))
def test_pace_text_decimals(value: float, lang: _present.Lang) -> None:
    text = _present.pace_text(value, lang=lang)
    mark = _present.MARKS[_present.LANG_NUMBER_FORMATS[lang]][1]
    decimals = len(text.split(mark)[1]) if mark in text else 0
    assert decimals <= (2 if abs(value) < 1 else 1 if abs(value) < 1_000 else 0)


def test_the_progress_extra_is_optional() -> None:
    code = "import sys, de_an06, de_an06.cli; print('tqdm' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert main(["report", str(folder), "--html", str(tmp_path / "site")]) == 2
    assert "cannot read the file" in capsys.readouterr().err
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Mã xã;Ngày;Giá trị\n1;05/01/2025;5\n".encode("latin-1", "replace"))
    assert main(["report", str(latin), "--html", str(tmp_path / "site")]) == 2
    assert "not UTF-8 text" in capsys.readouterr().err


def test_read_table_refuses_text_not_in_utf8(tmp_path: Path) -> None:
    head = "Mã xã;Ngày;Giá trị\n".encode("latin-1", "replace")
    late = tmp_path / "late.csv"
    late.write_bytes("Mã xã;Ngày;Giá trị\n".encode() + b"1;05/01/2025;5\n" * 4000
                     + "1;é;5\n".encode("latin-1"))
    for path, body in ((tmp_path / "head.csv", head + b"1;05/01/2025;5\n"), (late, None)):
        if body is not None:
            path.write_bytes(body)
        with pytest.raises(da.ParseError, match="not UTF-8 text"):
            io.read_table(path)
