from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import _present
from de_an06._present import Lang

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402 - after the backend is chosen
from matplotlib.collections import PathCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from de_an06 import plotting  # noqa: E402

OUT = Path(__file__).parent.parent / "build" / "plots"


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture
def growing(collected: da.Indicator, khanh_hoa: da.Jurisdiction) -> da.Series:
    """Illustrative weekly figures up to the reported 546,234 of 2023-07-01."""
    values = [(dt.date(2023, 6, 3), 400_000, "exact"), (dt.date(2023, 6, 10), 440_000, "about"),
              (dt.date(2023, 6, 17), 470_000, "exact"), (dt.date(2023, 6, 24), 505_000, "nearly"),
              (dt.date(2023, 7, 1), 546_234, "exact")]
    return da.Series([da.Reading(collected, v, as_of=d, jurisdiction=khanh_hoa, qualifier=q) for d,
                      v, q in values])


@pytest.fixture
def target(collected: da.Indicator, khanh_hoa: da.Jurisdiction) -> da.Target:
    return da.Target(collected, 756_805, jurisdiction=khanh_hoa, deadline=dt.date(2023, 7, 30))


def _points(ax: Any) -> int:
    return sum(_count(c) for c in ax.collections if isinstance(c, PathCollection))


def _count(collection: Any) -> int:
    return len(collection.get_offsets())


def _labels(ax: Any) -> list[str]:
    return [str(line.get_label()) for line in ax.get_lines()]


def _save(ax: Any, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    ax.figure.savefig(path, dpi=100)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


def test_series_with_target_trend_band_and_reach(growing: da.Series,
                                                 target: da.Target) -> None:
    ax: Any = plotting.plot_series(growing, target)
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    # 3 exact readings, 1 about, 1 nearly, 1 reach-date star
    assert [_count(c) for c in scatters] == [3, 1, 1, 1]
    assert _points(ax) == 6
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bands) == 1
    assert "95 % band" in str(bands[0].get_label())
    labels = _labels(ax)
    assert labels[0].startswith("trend (")
    assert "target 756,805 people" in labels
    assert "deadline 2023-07-30" in labels
    assert any(label.startswith("needed: ") for label in labels)
    target_line = next(line for line in ax.get_lines() if line.get_label().startswith("target"))
    assert list(target_line.get_ydata()) == [756_805, 756_805]
    f = da.forecast(growing, target)
    assert f.reach_date is not None
    assert f"projected reach {f.reach_date.isoformat()}" in [
        c.get_label() for c in scatters]
    assert ax.get_title() == "Thu nhận hồ sơ định danh điện tử — Khánh Hòa"
    _save(ax, "series.png")


def test_two_readings_have_a_line_but_no_band(growing: da.Series) -> None:
    ax = plotting.plot_series(da.Series(growing.readings[:2]), 600_000, trend=True)
    assert not [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert _labels(ax)[0].startswith("trend")
    assert "target 600,000 people" in _labels(ax)


def test_without_trend_or_target(growing: da.Series) -> None:
    ax = plotting.plot_series(growing, trend=False)
    assert _points(ax) == 5
    assert ax.get_lines() == []
    assert not [c for c in ax.collections if isinstance(c, PolyCollection)]


def test_single_reading_shows_the_needed_path(reading: da.Reading, target: da.Target) -> None:
    ax = plotting.plot_series(reading, target)
    assert _points(ax) == 1
    assert "needed: 7,261 per day" in _labels(ax)
    _save(ax, "single.png")


def test_given_forecast_and_axes(growing: da.Series, target: da.Target) -> None:
    figure = Figure()
    mine = figure.add_subplot()
    f = da.forecast(growing, target, calendar=da.WorkingCalendar(first_year=2023,
                                                                 last_year=2023))
    ax = plotting.plot_series(list(growing), target.value, f, ax=mine, confidence=0.9)
    assert ax is mine
    assert "deadline 2023-07-30" in _labels(ax)  # from the forecast
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert "90 % band" in str(bands[0].get_label())


def test_far_reach_date_is_named_not_drawn(growing: da.Series) -> None:
    slow = da.Series([attrs.evolve(r, value=400_000 + i) for i, r in enumerate(growing)])
    ax = plotting.plot_series(slow, 756_805)
    assert any("off the chart" in label for label in _labels(ax))


def test_lower_is_better_axis_label(khanh_hoa: da.Jurisdiction) -> None:
    days = da.Indicator("time", "Processing time", "Thời gian giải quyết", unit="days")
    series = da.Series([da.Reading(days, 21 - 3 * i, as_of=dt.date(2024, 1, 1 + 7 * i),
                                   jurisdiction=khanh_hoa)
                        for i in range(4)])
    ax = plotting.plot_series(series, da.Target(days, 4, jurisdiction=khanh_hoa,
                                                deadline=dt.date(2024, 3, 1)))
    assert "lower is better" in ax.get_ylabel()
    assert any(label.startswith("needed: -") for label in _labels(ax))


@pytest.mark.parametrize(
    ("args", "words"),
    [((object(),), "must be a Series or readings"),
     (([],), "must hold at least one reading"),
     ((None, "many"), "must be a real number"),
     ((None, float("nan")), "must be finite"),
     ((None, None, "soon"), "must be a Forecast")],
)
def test_bad_arguments(reading: da.Reading, args: tuple[object, ...], words: str) -> None:
    call = list(args)
    if call[0] is None:
        call[0] = reading
    with pytest.raises(da.ValidationError, match=words):
        plotting.plot_series(*call)  # type: ignore[arg-type]


def test_bad_target_and_axes(reading: da.Reading, share: da.Indicator,
                             khanh_hoa: da.Jurisdiction) -> None:
    with pytest.raises(da.ValidationError, match="must be for indicator"):
        plotting.plot_series(reading, da.Target(share, 50, jurisdiction=khanh_hoa))
    with pytest.raises(da.ValidationError, match="must be a matplotlib Axes"):
        plotting.plot_series(reading, ax="here")  # type: ignore[arg-type]


def test_attainment_bars_are_direction_aware(reading: da.Reading, target: da.Target,
                                             khanh_hoa: da.Jurisdiction) -> None:
    days = da.Indicator("time", "Processing time", "Thời gian giải quyết", unit="days")
    share = da.Indicator("s", "Share", "Tỷ lệ", unit="percent")
    quick = da.Reading(days, 3, as_of=dt.date(2024, 6, 30), jurisdiction=khanh_hoa)
    hedged = da.Reading(share, 60, as_of=dt.date(2024, 6, 30), jurisdiction=khanh_hoa,
                        qualifier="more_than")
    ax: Any = plotting.plot_attainment([(reading, target), (quick, 4),
                                        da.attainment(hedged, 62)])
    bars = ax.patches
    assert [round(b.get_width(), 2) for b in bars] == [72.18, 75.0, 96.77]
    colours = [matplotlib.colors.to_hex(b.get_facecolor()) for b in bars]
    assert colours == [plotting.COLOURS["missed"].lower(), plotting.COLOURS["met"].lower(),
                       plotting.COLOURS["open"].lower()]
    assert bars[2].get_hatch() == "//"
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == ["Khánh Hòa", "Khánh Hòa (lower is better)", "#3"]
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [100]
    _save(ax, "attainment.png")


def test_attainment_labels_and_errors(reading: da.Reading) -> None:
    ax = plotting.plot_attainment([da.attainment(47, 30)], labels=["Trà Bồng"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Trà Bồng"]
    with pytest.raises(da.ValidationError, match="one label per item"):
        plotting.plot_attainment([da.attainment(47, 30)], labels=["a", "b"])
    with pytest.raises(da.ValidationError, match="at least one"):
        plotting.plot_attainment([])
    with pytest.raises(da.ValidationError, match=r"items\[0\]"):
        plotting.plot_attainment([47])  # type: ignore[list-item]
    with pytest.raises(da.ValidationError, match="must pair a Reading"):
        plotting.plot_attainment([(47, 30)])  # type: ignore[list-item]
    del reading


def test_write_series_plots(tmp_path: Path) -> None:
    paths = plotting.write_series_plots(tmp_path / "out", [da.datasets.jurisdiction("56")])
    assert [p.name for p in paths] == ["56_eid-collected.png", "56_eid-activated.png"]
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in paths)
    none = plotting.write_series_plots(tmp_path, [da.datasets.jurisdiction("56")],
                                       as_of=dt.date(2022, 1, 1))
    assert none == ()
    assert plt.get_fignums() == []  # nothing left open in pyplot


def test_report_plot_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from de_an06.cli import main

    assert main(["report", "--province", "56", "--plot", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["56_eid-activated.png",
                                                          "56_eid-collected.png"]
    assert "56_eid-collected.png" in capsys.readouterr().err


def test_report_plot_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    from de_an06.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert main(["report", "--province", "56", "--plot", str(blocker / "x")]) == 2
    assert "--plot cannot write to" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "de_an06.plotting", None)
    assert main(["report", "--province", "56", "--plot", str(tmp_path)]) == 2
    assert "--plot needs matplotlib" in capsys.readouterr().err


@pytest.mark.parametrize("missing", ["matplotlib", "matplotlib.figure"])
def test_report_plot_checks_the_extra_before_any_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        missing: str) -> None:
    import sys

    from de_an06.cli import main

    monkeypatch.setitem(sys.modules, missing, None)
    assert main(["report", "--province", "56", "--plot", str(tmp_path / "out")]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # nothing of the report was printed
    assert 'pip install "de_an06[plot]"' in err
    assert not (tmp_path / "out").exists()


def test_report_plot_checks_the_directory_before_any_work(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from de_an06.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert main(["report", "--province", "56", "--plot", str(blocker / "x")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "--plot cannot write to" in err


def test_report_plot_write_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    from de_an06.cli import main

    def refuse(*_args: object, **_kwargs: object) -> tuple[Path, ...]:
        raise PermissionError("read-only")

    monkeypatch.setattr(plotting, "write_series_plots", refuse)
    assert main(["report", "--province", "56", "--plot", str(tmp_path)]) == 2
    assert "--plot cannot write to" in capsys.readouterr().err


def test_met_target_has_no_needed_path(reading: da.Reading, collected: da.Indicator,
                                       khanh_hoa: da.Jurisdiction) -> None:
    done = da.Target(collected, 500_000, jurisdiction=khanh_hoa, deadline=dt.date(2023, 7, 30))
    ax = plotting.plot_series(reading, done)
    assert not any(label.startswith("needed") for label in _labels(ax))
    undated = da.Target(collected, 756_805, jurisdiction=khanh_hoa)
    ax = plotting.plot_series(reading, undated)
    assert _labels(ax) == ["target 756,805 people"]


def test_only_hedged_readings(growing: da.Series) -> None:
    hedged = da.Series([attrs.evolve(r, qualifier=da.Qualifier.NEARLY) for r in growing])
    ax = plotting.plot_series(hedged, trend=False)
    assert _points(ax) == 5
    assert "reading" not in [c.get_label() for c in ax.collections]


def _legend(ax: Any) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


def test_series_labels_in_vietnamese(growing: da.Series, target: da.Target) -> None:
    ax: Any = plotting.plot_series(growing, target, lang="vi")
    words = _legend(ax)
    assert "mục tiêu 756.805 người" in words
    assert "hạn 30/07/2023" in words
    assert any(w.startswith("xu hướng (") and w.endswith(" mỗi ngày)") for w in words)
    assert any(w.startswith("số liệu, khoảng (≈") for w in words)
    assert ax.get_xlabel() == "Ngày"
    assert ax.get_ylabel() == "người"
    english: Any = plotting.plot_series(growing, target)
    assert english.get_xlabel() == "Date"
    assert "target 756,805 people" in _legend(english)


def test_lower_is_better_in_vietnamese(khanh_hoa: da.Jurisdiction) -> None:
    days = da.Indicator("wait", "Waiting time", "Thời gian chờ", unit="days",
                        direction=da.Direction.LOWER_IS_BETTER)
    reading = da.Reading(days, 12, as_of=dt.date(2024, 1, 1), jurisdiction=khanh_hoa)
    ax: Any = plotting.plot_series(reading, lang="vi")
    assert ax.get_ylabel() == "ngày (càng thấp càng tốt)"


@pytest.mark.parametrize("lang", ["fr", None, 1])
def test_bad_language(growing: da.Series, lang: object) -> None:
    with pytest.raises(da.ValidationError, match="lang"):
        plotting.plot_series(growing, lang=lang)  # type: ignore[arg-type]
    table = da.batch.ReadingTable.from_series([growing])
    f = da.batch.forecasts(table, 756_805.0, dt.date(2023, 7, 30))
    with pytest.raises(da.ValidationError, match="lang"):
        plotting.plot_forecast(table, f, table.ids[0], lang=lang)  # type: ignore[arg-type]


@settings(max_examples=15, deadline=None)
@given(goal=st.integers(min_value=1_000, max_value=10**9), lang=st.sampled_from(["en", "vi"]))
def test_forecast_labels_follow_the_language(goal: int, lang: Lang) -> None:
    table = da.batch.ReadingTable.from_arrays(ids=np.array(["a"] * 3), days=np.array([0, 7, 14]),
                                              values=np.array([10.0, 17, 24]))
    f = da.batch.forecasts(table, float(goal), np.datetime64("1970-03-01"))
    ax: Any = plotting.plot_forecast(table, f, "a", lang=lang)
    words = _legend(ax)
    value = _present.number(goal, number_format=_present.LANG_NUMBER_FORMATS[lang])
    assert _present.label("chart_target", lang=lang, value=value) in words
    assert _present.label("chart_deadline", lang=lang,
                          day=_present.short_date(dt.date(1970, 3, 1), lang=lang)) in words
    assert ax.get_xlabel() == _present.label("chart_date", lang=lang)
    plt.close("all")


def test_forecast_names_a_far_reach_date() -> None:
    table = da.batch.ReadingTable.from_arrays(ids=np.array(["a"] * 3), days=np.array([0, 7, 14]),
                                              values=np.array([10.0, 11, 12]))
    f = da.batch.forecasts(table, 10_000.0, np.datetime64("1970-02-01"))
    ax: Any = plotting.plot_forecast(table, f, "a", lang="vi")
    reach = f.reach_date[0].item()
    assert f"dự kiến đạt {_present.short_date(reach, lang='vi')} (ngoài biểu đồ)" in _legend(ax)
