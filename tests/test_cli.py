from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import sysconfig
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06
from de_an06 import datasets, io
from de_an06.cli import _render, _report, main


def script() -> list[str]:
    exe = Path(sysconfig.get_path("scripts")) / "de-an06"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "de_an06"]


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"de-an06 {de_an06.__version__}\n"


def test_help_without_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "Đề án 06" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_console_script(args: list[str]) -> None:
    out = subprocess.run([*script(), *args], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert "de-an06" in out.stdout


def test_module_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "de_an06", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("de-an06 ")


def test_bad_option_is_a_usage_error() -> None:
    out = subprocess.run([*script(), "--frobnicate"], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


# --------------------------------------------------------------------------
# report, audit, forecast
# --------------------------------------------------------------------------



def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*script(), *args], capture_output=True, text=True, check=False,
                          encoding="utf-8")


def columns(line: str) -> int:
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in {"W", "F"} else 1 for c in line)


def test_report_text_in_80_columns() -> None:
    out = run("report")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert all(columns(line) <= 80 for line in lines), max(lines, key=columns)
    text = out.stdout
    for expected in ("Khánh Hòa (56)", "Quảng Ngãi (51)", "Phú Yên (54)", "Hà Tĩnh (42)",
                     "Quảng Nam (49)", "7,261", "10,529", "17,123", "24/29", "82.76",
                     "11/13", "84.62", "62/63 → 37/63", "+25", "80.95", "3 → 1",
                     "part of Đắk Lắk (66)", "[truncated]", "[basis]", "216.67"):
        assert expected in text, expected
    assert unicodedata.is_normalized("NFC", text)


def test_report_one_province_json() -> None:
    out = run("report", "--province", "khanh hoa", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["format"], data["version"], data["as_of"]) == ("de_an06-report", 1, None)
    (kh,) = data["provinces"]
    assert (kh["code"], kh["name_vi"], kh["successor"]["code"]) == ("56", "Khánh Hòa", "56")
    paces = {row["indicator"]: row for row in kh["forecasts"]}
    assert paces["eid-collected"]["required_per_day"] == 7261.07
    assert paces["eid-collected"]["days_left"] == 29
    assert paces["eid-collected"]["working_days_left"] == 20
    assert paces["eid-collected"]["required_per_working_day"] == 10528.55
    assert paces["eid-collected"]["status"] == "not_available"
    assert paces["eid-activated"]["required_per_day"] == 17123.14
    (rank,) = kh["ranks"]
    assert [(k["position"], k["total"]) for k in rank["ranks"]] == [(62, 63), (37, 63)]
    assert kh["findings"] == []
    assert len(kh["figures"]) == 22


def test_report_by_new_province_name_and_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--province", "Huế", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["name_vi"] for p in data["provinces"]] == ["Thừa Thiên Huế"]
    assert data["provinces"][0]["figures"] == []
    assert main(["report", "--province", "56", "--as-of", "2023-06-30", "--format",
                 "json"]) == 0
    (kh,) = json.loads(capsys.readouterr().out)["provinces"]
    assert {r["as_of"] for r in kh["figures"]} <= {"2023-05-22", "2023-06-20", "2023-06-28",
                                                  "2023-06-30"}
    assert kh["forecasts"] == []
    assert main(["report", "--province", "Hà Nội"]) == 0
    assert "No bundled figures" in capsys.readouterr().out


def test_report_markdown_and_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--province", "54", "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Đề án 06")
    assert "| Place | Indicator | Value | As of |" in text
    assert "**truncated**" in text
    assert main(["report", "--province", "54", "--strict"]) == 1
    assert main(["report", "--province", "42", "--strict"]) == 0
    assert main(["report", "--province", "56", "--strict"]) == 1


def test_report_lists_tasks_with_overdue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--province", "49", "--as-of", "2023-01-01", "--format",
                 "json"]) == 0
    (qnam,) = json.loads(capsys.readouterr().out)["provinces"]
    assert all(t["overdue"] for t in qnam["task_list"])


def test_audit_bundled_json() -> None:
    out = run("audit", "--format", "json")
    assert out.returncode == 0, out.stderr
    kinds = [f["kind"] for f in json.loads(out.stdout)["findings"]]
    assert kinds == ["truncated", "basis"]
    assert run("audit", "--strict").returncode == 1


def test_audit_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.json"
    io.write_json(io.Dataset(readings=datasets.readings(jurisdiction="56")), path)
    assert main(["audit", str(path), "--strict"]) == 0
    assert "0 findings" in capsys.readouterr().out


def _series_file(tmp_path: Path, *values: tuple[str, int]) -> Path:
    kh = datasets.jurisdiction("56")
    ind = datasets.indicator("eid-collected")
    readings = [de_an06.Reading(ind, v, as_of=dt.date.fromisoformat(d), jurisdiction=kh) for d,
                v in values]
    path = tmp_path / "series.json"
    io.write_json(io.Dataset(readings=readings), path)
    return path


def test_forecast(tmp_path: Path) -> None:
    path = _series_file(tmp_path, ("2023-06-25", 500_000), ("2023-07-01", 546_234))
    out = run("forecast", str(path), "--target", "756805", "--deadline", "2023-07-30",
              "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["required_pace"] == 7261.07
    assert data["current_pace"] == 7705.67
    assert (data["pace_unit"], data["status"]) == ("day", "substantial_progress")
    assert data["reach_date"] == "2023-07-29"
    work = run("forecast", str(path), "--target", "756805", "--deadline", "2023-07-30",
               "--working-days", "--format", "json")
    assert json.loads(work.stdout)["working_days_left"] == 20
    text = run("forecast", str(path), "--target", "756805", "--deadline", "2023-07-30")
    assert "7,261 a day" in text.stdout
    slow = run("forecast", str(path), "--target", "900000", "--deadline", "2023-07-30",
               "--strict")
    assert slow.returncode == 1
    met = run("forecast", str(path), "--target", "100", "--deadline", "2023-07-30")
    assert "already met" in met.stdout


def test_forecast_single_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _series_file(tmp_path, ("2023-07-01", 546_234))
    assert main(["forecast", str(path), "--target", "756805", "--deadline", "2023-07-30",
                 "--strict"]) == 0
    assert "pace so far" not in capsys.readouterr().out


@pytest.mark.parametrize("args", [
    ["report", "--province", "Atlantis"],
    ["report", "--as-of", "2023-13-01"],
    ["report", "--format", "pdf"],
    ["audit", "missing.json"],
    ["forecast", "missing.json", "--target", "5", "--deadline", "2023-07-30"],
    ["forecast", "x.json", "--target", "lots", "--deadline", "2023-07-30"],
    ["forecast", "x.json", "--target", "nan", "--deadline", "2023-07-30"],
    ["forecast", "x.json", "--deadline", "2023-07-30"],
])
def test_bad_arguments_exit_2(args: list[str]) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.strip()


def test_bad_files_name_file_and_place(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"readings": [\n  {"indicator": "x"}\n', encoding="utf-8")
    out = run("audit", str(broken))
    assert out.returncode == 2
    assert f"{broken}:3" in out.stderr
    assert "Traceback" not in out.stderr
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"readings": [{"indicator": "x"}]}', encoding="utf-8")
    out = run("forecast", str(wrong), "--target", "5", "--deadline", "2023-07-30")
    assert out.returncode == 2
    assert "$.readings[0].indicator" in out.stderr


def test_forecast_choices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kh.json"
    io.write_json(io.Dataset(readings=datasets.readings(jurisdiction="56")), path)
    assert main(["forecast", str(path), "--target", "5", "--deadline", "2023-07-30"]) == 2
    assert "several series" in capsys.readouterr().err
    assert main(["forecast", str(path), "--target", "5", "--deadline", "2023-07-30",
                 "--indicator", "nope"]) == 2
    assert "no readings match" in capsys.readouterr().err
    assert main(["forecast", str(path), "--target", "800000", "--deadline", "2023-06-01",
                 "--indicator", "eid-collected", "--jurisdiction", "56"]) == 2
    assert "must be after" in capsys.readouterr().err


def test_text_helpers() -> None:
    assert _render._width("Khánh Hòa") == 9
    assert _render._width(unicodedata.normalize("NFD", "Khánh Hòa")) == 9
    assert _render._width("漢字") == 4
    assert _render._fit("Quảng Ngãi", 6) == "Quảng…"
    assert _render._num(None) == "—"
    assert _render._num(98.94, None) == "98.94"


@pytest.mark.parametrize("args", [
    ["report", "--province", "Atlantis"],
    ["report", "--as-of", "2023-13-01"],
    ["forecast", "missing.json", "--target", "5", "--deadline", "2023-07-30"],
    ["forecast", "x.json", "--target", "lots", "--deadline", "2023-07-30"],
    ["forecast", "x.json", "--target", "inf", "--deadline", "2023-07-30"],
    ["audit", "missing.json"],
])
def test_bad_arguments_in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    assert "error" in capsys.readouterr().err


def test_report_in_process_covers_every_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 0
    text = capsys.readouterr().out
    assert "Pace needed to open targets" in text
    assert main(["report", "--format", "markdown", "--as-of", "2024-12-31"]) == 0
    markdown = capsys.readouterr().out
    assert "### Pace needed to open targets" not in markdown
    assert "### Task completion" in markdown
    assert main(["report", "--province", "56", "--format", "markdown"]) == 0
    assert "| Khánh Hòa | e-ID account applications collected | 210,571 | 29 |" in (
        capsys.readouterr().out)


def test_forecast_text_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _series_file(tmp_path, ("2023-06-25", 500_000), ("2023-07-01", 546_234))
    assert main(["forecast", str(path), "--target", "756805", "--deadline", "2023-07-30",
                 "--working-days"]) == 0
    text = capsys.readouterr().out
    assert "a working day" in text
    assert "reaches it on" in text
    assert main(["forecast", str(path), "--target", "900000", "--deadline", "2023-07-30",
                 "--strict", "--format", "json"]) == 1
    assert main(["forecast", str(path), "--target", "100", "--deadline", "2023-07-30"]) == 0
    assert "already met" in capsys.readouterr().out


def test_audit_text_of_a_file_with_findings(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "py.json"
    io.write_json(io.Dataset(readings=datasets.readings(jurisdiction="54")), path)
    assert main(["audit", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 finding\n" in out
    assert "[truncated]" in out


def test_csv_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "py.csv"
    io.write_csv(io.Dataset(readings=datasets.readings(jurisdiction="54")), path,
                 number_format="vi")
    assert main(["audit", str(path), "--number-format", "vi", "--strict"]) == 1
    assert "[truncated]" in capsys.readouterr().out
    series = tmp_path / "kh.csv"
    kh = datasets.jurisdiction("56")
    ind = datasets.indicator("eid-collected")
    io.write_csv(io.Dataset(readings=[
        de_an06.Reading(ind, 500_000, as_of=dt.date(2023, 6, 25), jurisdiction=kh),
        de_an06.Reading(ind, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=kh)]), series)
    out = run("forecast", str(series), "--target", "756805", "--deadline", "2023-07-30",
              "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["required_pace"] == 7261.07


def test_bad_csv_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    io.write_csv(io.Dataset(readings=datasets.readings(jurisdiction="54")), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",2024-01-31", ",31/31/2024", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run("audit", str(path))
    assert out.returncode == 2
    assert f"{path}:4" in out.stderr
    assert "Traceback" not in out.stderr


def test_width_and_fit_count_terminal_columns() -> None:
    # A combining mark with no precomposed form takes no column of its own.
    assert _render._width("x\u0301") == 1
    assert _render._fit("x\u0301yz", 2) == "x\u0301…"
    assert _render._fit("漢字漢字", 5) == "漢字…"
    assert _render._fit("Khánh Hòa", 9) == "Khánh Hòa"
    assert _render._fit(unicodedata.normalize("NFD", "Khánh Hòa"), 4) == "Khá…"


@given(st.text(max_size=30), st.integers(1, 40))
def test_fit_never_exceeds_the_width(text: str, width: int) -> None:
    fitted = _render._fit(text, width)
    assert _render._width(fitted) <= max(width, 1)
    if _render._width(text) <= width:
        assert fitted == text
    else:
        assert fitted.endswith("…")
        assert unicodedata.normalize("NFC", text).startswith(fitted[:-1])
        assert not fitted[:-1].endswith(" ")


def test_table_keeps_a_readable_minimum_width() -> None:
    rows = [["Thành phố Hồ Chí Minh", "Bà Rịa – Vũng Tàu", "1,234"]]
    lines = _render._table(["place", "merged into", "n"], rows, "<<>", width=20)
    # Both text columns stop shrinking at 8 columns, so the table is wider than asked.
    assert lines == ["  place     merged…       n", "  Thành p…  Bà Rịa…   1,234"]


def test_wrap_of_nothing_is_no_line() -> None:
    assert _render._wrap("", 2) == []
    assert _render._wrap("a b", 0, width=2) == ["a", "  b"]


def _pace_row(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "place": {"name_vi": "Khánh Hòa"}, "name": "e-ID applications collected",
        "from": 546_234, "from_date": "2023-07-01", "target": 756_805,
        "deadline": "2023-07-30", "gap": 210_571, "required_per_day": 7_261.07,
        "days_left": 29, "required_per_working_day": None, "working_days_left": None,
        "current_per_day": None, "reach_date": None, "status": "not_available"}
    row.update(changes)
    return row


def test_pace_lines_say_only_what_is_known() -> None:
    bare = "\n".join(_render._pace_lines([_pace_row()]))
    assert "7,261 a day over 29 days\n" in bare
    assert "working day" not in bare
    assert bare.endswith("status: no trend (one reading)")
    full = " ".join(" ".join(_render._pace_lines([_pace_row(
        required_per_working_day=10_071.0, working_days_left=21, current_per_day=5_000.5,
        reach_date="2023-08-12", status="moderate_progress")])).split())
    assert "; 10,071 a working day over 21 working days" in full  # _present.pace_text
    assert ("status: moderate progress; pace so far 5,000 a day, reaching the target on "
            "2023-08-12") in full


def test_audit_a_file_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "py.json"
    io.write_json(io.Dataset(readings=datasets.readings(jurisdiction="54")), path)
    assert main(["audit", str(path), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["format"], document["version"]) == ("de_an06-audit", 1)
    (finding,) = document["findings"]
    assert finding["kind"] == "truncated"


def test_working_days_need_the_calendar_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kh.json"
    io.write_json(io.Dataset(readings=datasets.readings(jurisdiction="56")), path)
    args = ["forecast", str(path), "--target", "756805", "--deadline", "2023-07-30",
            "--indicator", "eid-collected", "--jurisdiction", "56", "--working-days"]
    monkeypatch.setitem(sys.modules, "de_an06.calendar", None)
    _report.working_calendar.cache_clear()
    try:
        assert main(args) == 2
    finally:
        _report.working_calendar.cache_clear()
    assert "--working-days needs the calendar extra" in capsys.readouterr().err
