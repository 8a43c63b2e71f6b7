"""From a province's spreadsheet to an at-risk list: keyed targets, days late, at_risk, the plot."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from de_an06 import batch, io
from de_an06.analysis import ProgressStatus
from de_an06.batch import SeriesInfo
from de_an06.cli import main
from de_an06.errors import ValidationError

EPOCH = dt.date(1970, 1, 1)
START = dt.date(2025, 1, 5)
DEADLINE = dt.date(2025, 12, 31)


def vi(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def province_file(path: Path, communes: int, weeks: int, seed: int = 6) -> dict[str, Any]:
    """A commune-level weekly export in the Vietnamese layout; returns what was written."""
    rnd = random.Random(seed)  # noqa: S311 - test data
    written: dict[str, Any] = {}
    lines = ["SỞ CÔNG AN TỈNH (số liệu giả lập);;;;;;;", ";;;;;;;",
             ("STT;Mã tỉnh;Mã xã;Tên xã;Ngày;Số tài khoản ĐDĐT mức 2 đã kích hoạt;Chỉ tiêu;"
              "Hạn hoàn thành")]
    row = 0
    for number in range(communes):
        code = f"{20000 + number:05d}"
        name = f"Xã Thử {number}"
        target = rnd.randint(4_000, 30_000)
        base = rnd.randint(300, 3_000)
        per_week = rnd.choice([0, rnd.randint(5, 400)])
        days: list[int] = []
        values: list[int] = []
        for week in range(weeks):
            day = START + dt.timedelta(weeks=week)
            value = base + per_week * week + rnd.randint(-30, 30)
            row += 1
            lines.append(f"{row};02;{code};{name};{day:%d/%m/%Y};{vi(value)};{vi(target)};"
                         f"{DEADLINE:%d/%m/%Y}")
            days.append((day - EPOCH).days)
            values.append(value)
        written[code] = {"name": name, "target": target, "days": days, "values": values}
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig", newline="")
    return written


def exact(series: dict[str, Any]) -> dict[str, Any]:
    """Slope, reach day, days late and required pace in rational arithmetic."""
    xs = [Fraction(d) for d in series["days"]]
    ys = [Fraction(v) for v in series["values"]]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    target = Fraction(series["target"])
    last_day, latest = series["days"][-1], ys[-1]
    deadline = (DEADLINE - EPOCH).days
    achieved = latest >= target
    required = None if achieved else (target - latest) / (deadline - last_day)
    reach = None
    if slope > 0 and not achieved:
        crossing = mx + (target - my) / slope
        reach = max(math.ceil(crossing), last_day)
        if reach > (dt.date.max - EPOCH).days:  # beyond the calendar: never
            reach = None
    late = math.nan if achieved else math.inf if reach is None else reach - deadline
    return {"slope": slope, "reach": reach, "late": late, "required": required,
            "achieved": achieved}


def test_scenario_two_thousand_communes(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    written = province_file(path, communes=2_000, weeks=26)

    # What the user writes: three lines.
    table = io.read_table(path)
    forecasts = batch.forecasts(table)
    risk = forecasts.at_risk(10)

    assert table.n_series == 2_000
    truth = {code: exact(s) for code, s in written.items()}
    for row, code in enumerate(forecasts.ids.tolist()):
        t = truth[code]
        assert forecasts.trends.slope[row] == pytest.approx(float(t["slope"]), rel=1e-9,
                                                          abs=1e-12)
        if t["achieved"]:
            assert forecasts.achieved[row]
            assert math.isnan(forecasts.days_late[row])
            continue
        assert forecasts.required_pace[row] == pytest.approx(float(t["required"]), rel=1e-12)
        reach = forecasts.reach_date[row]
        if t["reach"] is None:
            assert np.isnat(reach)
        else:
            assert (reach - np.datetime64("1970-01-01")).astype(int) == t["reach"]
    late = sorted((c for c in truth if truth[c]["late"] > 0),
                  key=lambda c: (-truth[c]["late"], c))
    assert risk.ids.tolist() == late[:10]
    assert risk.names.tolist() == [written[c]["name"] for c in late[:10]]
    assert risk.target.tolist() == [float(written[c]["target"]) for c in late[:10]]
    assert risk.latest.tolist() == [float(written[c]["values"][-1]) for c in late[:10]]
    assert risk.days_late.tolist() == [float(truth[c]["late"]) for c in late[:10]]

    # The worst one, drawn.
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib.collections import PathCollection

    from de_an06 import plotting

    worst = risk.ids[0]
    ax = plotting.plot_forecast(table, forecasts, worst)
    out = tmp_path / "worst.png"
    ax.get_figure(root=True).savefig(out)  # type: ignore[union-attr]
    assert out.stat().st_size > 0
    assert ax.get_title() == f"{written[worst]['name']} ({worst})"
    labels = [str(line.get_label()) for line in ax.lines]
    assert any(label.startswith("target ") for label in labels)
    assert any(label.startswith("deadline 2025-12-31") for label in labels)
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert np.asarray(points[0].get_offsets()).shape[0] == 26


def small_table() -> batch.ReadingTable:
    return batch.ReadingTable.from_arrays(
        ids=np.array(["b", "b", "a", "a", "c", "c", "d"]),
        days=np.array([0, 7, 0, 7, 0, 7, 0]),
        values=np.array([0.0, 1, 0, 1, 5, 4, 3]))


def test_targets_keyed_by_id() -> None:
    table = small_table()
    deadlines: dict[str, Any] = {"a": dt.date(1970, 2, 1), "b": None,
                                 "c": np.datetime64(40, "D"),
                                 "d": dt.datetime(1970, 3, 1, tzinfo=dt.timezone.utc)}
    keyed = batch.forecasts(table, {"d": 1.0, "c": 10.0, "b": 20.0, "a": 20.0}, deadlines)
    by_position = batch.forecasts(table, np.array([20.0, 20, 10, 1]),
                                  np.array(["1970-02-01", "NaT", "1970-02-10", "1970-03-01"],
                                           dtype="datetime64[D]"))
    assert keyed == by_position
    with pytest.raises(ValidationError, match="no entry for 2 series of the table: 'c', 'd'"):
        batch.forecasts(table, {"a": 1.0, "b": 1.0})
    many = {str(i): 1.0 for i in range(8)} | {"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0}
    with pytest.raises(ValidationError, match="8 ids that are not in the table: '0', "
                                              "'1', '2', '3', '4' and 3 more"):
        batch.forecasts(table, many)
    with pytest.raises(ValidationError, match=r"must hold dates \(series 'a'\)"):
        batch.forecasts(table, 1.0, dict.fromkeys("bcd") | {"a": "soon"})


def test_targets_as_a_pandas_series() -> None:
    pd = pytest.importorskip("pandas")
    table = small_table()
    targets = pd.Series({"d": 1.0, "c": 10.0, "b": 20.0, "a": 20.0})
    deadlines = pd.Series(pd.to_datetime(["1970-03-01"] * 4), index=["d", "c", "b", "a"])
    f = batch.forecasts(table, targets, deadlines)
    assert f.target.tolist() == [20.0, 20.0, 10.0, 1.0]
    assert f.deadline.tolist() == [dt.date(1970, 3, 1)] * 4


def test_targets_from_the_table() -> None:
    table = small_table()
    with pytest.raises(ValidationError, match="the table has no targets"):
        batch.forecasts(table)
    info = SeriesInfo.empty(4)
    with pytest.raises(ValidationError, match="has no target for 'a', 'b', 'c', 'd'"):
        batch.forecasts(table.with_info(info))
    with pytest.raises(ValidationError, match="must be a SeriesInfo of 4 series"):
        table.with_info(SeriesInfo.empty(3))
    assert batch.forecasts(table.with_info(info), 5.0).info is info


def test_days_late_and_at_risk() -> None:
    table = small_table()
    f = batch.forecasts(table, np.array([3.0, 3.0, 10.0, 3.0]),
                        np.array(["1970-01-15", "1970-01-15", "1970-02-01", "NaT"],
                                 dtype="datetime64[D]"))
    # a, b: reach day 21 (6 days late), c: moving away (never), d: one reading.
    assert f.days_late.tolist()[:3] == [7.0, 7.0, math.inf]
    assert math.isnan(f.days_late[3])
    risk = f.at_risk()
    assert risk.ids.tolist() == ["c", "a", "b"]
    assert len(risk) == 3
    assert repr(risk) == "AtRisk(series=3, ids=['c', 'a', 'b'])"
    assert risk.records()[0]["days_late"] == "never"
    assert risk.records()[0]["reach_date"] is None
    assert risk.records()[1]["name"] == ""
    assert f.at_risk(1).ids.tolist() == ["c"]
    assert len(f.at_risk(0)) == 0
    for bad in (-1, 1.5, True):
        with pytest.raises(ValidationError, match="whole number"):
            f.at_risk(bad)  # type: ignore[arg-type]
    assert "<table>" in risk._repr_html_()
    achieved = batch.forecasts(table, 0.5, dt.date(1970, 3, 1))
    assert math.isnan(achieved.days_late[0])


def test_to_pandas_statuses_and_names() -> None:
    pytest.importorskip("pandas")
    from de_an06 import datasets

    table = io.read_table(datasets.example_file())
    f = batch.forecasts(table)
    frame = f.to_pandas()
    assert all(isinstance(s, ProgressStatus) for s in frame["status"])
    assert frame.loc["26734", "name"] == "Xã Đồng Tâm"
    assert "days_late" in frame.columns
    risk = f.at_risk(10).to_pandas()
    assert risk.index.tolist() == ["26743", "26749", "26737"]


def test_plot_forecast_arguments() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from de_an06 import plotting

    table = small_table()
    f = batch.forecasts(table, 3.0, dt.date(1970, 1, 15))
    with pytest.raises(ValidationError, match="must be a ReadingTable"):
        plotting.plot_forecast(f, f, "a")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="must be the forecasts of `table`"):
        plotting.plot_forecast(table, batch.trends(table), "a")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="must be an id of the table"):
        plotting.plot_forecast(table, f, "zz")
    _, ax = plt.subplots()
    assert plotting.plot_forecast(table, f, "d", ax=ax) is ax  # one reading: no trend
    assert ax.get_title() == "d"
    far = batch.forecasts(table, 100.0)  # no deadline, reach far away
    assert plotting.plot_forecast(table, far, "a").get_title() == "a"
    plt.close("all")


def test_cli_at_risk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from de_an06 import datasets

    path = str(datasets.example_file())
    assert main(["forecast", path, "--at-risk", "2"]) == 0
    out = capsys.readouterr().out
    assert "6 series, 3 will miss the deadline" in out
    assert "26743" in out
    assert main(["forecast", path, "--at-risk", "2", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data["at_risk"]] == ["26743", "26749"]
    assert main(["forecast", path, "--at-risk", "10", "--format", "markdown",
                 "--strict"]) == 1
    assert "| 26743 | Xã Phú Mỹ |" in capsys.readouterr().out
    assert main(["forecast", path, "--at-risk", "0"]) == 0
    assert "26743" not in capsys.readouterr().out
    assert main(["forecast", path, "--at-risk", "-1"]) == 2
    assert main(["forecast", str(tmp_path / "none.csv"), "--at-risk", "1"]) == 2
    assert main(["forecast", path]) == 2
    assert "is read with --at-risk N" in capsys.readouterr().err
    assert main(["forecast", path, "--target", "5", "--deadline", "2026-01-01",
                 "--format", "markdown"]) == 2
    assert "--format markdown needs --at-risk" in capsys.readouterr().err


def test_cli_at_risk_never(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flat.csv"
    path.write_text("Mã xã;Ngày;Giá trị;Chỉ tiêu;Hạn\n1;1/1/2025;5;10;1/6/2025\n"
                    "1;8/1/2025;5;10;1/6/2025\n", encoding="utf-8")
    assert main(["forecast", str(path), "--at-risk", "3"]) == 0
    assert "never" in capsys.readouterr().out


def test_html_in_a_notebook() -> None:
    from de_an06 import datasets

    table = io.read_table(datasets.example_file())
    text = table._repr_html_()
    assert "6 series, 48 readings" in text
    assert "Xã Đồng Tâm" in text
    f = batch.forecasts(table)
    text = f._repr_html_()
    assert "ForecastTable</b>: 6 series" in text
    assert "Most days late" in text
    plain = small_table()
    assert "<td></td>" in plain._repr_html_()
    assert "Most days late" not in batch.forecasts(plain, 0.5)._repr_html_()


def test_cli_at_risk_no_day_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "due.csv"
    path.write_text("Mã xã;Ngày;Giá trị;Chỉ tiêu;Hạn\n1;1/1/2025;5;100;8/1/2025\n"
                    "1;8/1/2025;6;100;8/1/2025\n", encoding="utf-8")
    assert main(["forecast", str(path), "--at-risk", "3", "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["at_risk"]
    assert row["required_pace"] is None
    assert main(["forecast", str(path), "--at-risk", "3"]) == 0
    from de_an06._present import MISSING

    assert f" {MISSING} " in capsys.readouterr().out
