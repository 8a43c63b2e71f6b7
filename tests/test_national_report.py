"""``de-an06 report --national``: the national series and targets from the bundled data."""

from __future__ import annotations

import json
from typing import Any

import pytest

from de_an06.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["report", "--national", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _row(text: str, first: str, after: str = "") -> list[str]:
    """The cells of the first text row starting with `first` after the line `after`."""
    lines = text.splitlines()
    start = lines.index(after) if after else 0
    return next(line.split("  ") for line in lines[start:] if line.startswith(first + " "))


def _cells(text: str, first: str, after: str = "") -> list[str]:
    return [c.strip() for c in _row(text, first, after) if c.strip()]


def test_text_lists_latest_values_with_their_precision(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys)
    assert (code, err) == (0, "")
    assert out.startswith("National series\n")
    # Activated level-2 e-ID accounts: 8 readings, the latest a day-dated 67 million.
    assert _cells(out, "eid-activated") == ["eid-activated", "67,000,000", "2025-12-20", "8",
                                            "20,508"]
    # Chip ID cards issued: known to the month only, so shown as YYYY-MM.
    assert _cells(out, "cccd-issued")[:4] == ["cccd-issued", "87,000,000", "2025-04", "7"]
    # A qualified figure keeps its symbol; one reading has no trend.
    assert _cells(out, "eid-l2-approved") == ["eid-l2-approved", ">12,100,000", "2022-11-07",
                                              "1", "no trend"]
    # Two sources giving one month are flagged, not silently merged.
    assert "2023-12 (two sources)" in _cells(out, "health-facilities-cccd")


def test_text_lists_targets_with_attainment_and_status(
        capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys)
    after = "National targets"
    # 45 % fully online against the 80 % of 2025: 56.25 %, behind.
    assert _cells(out, "online-dossier-share-full", after) == [
        "online-dossier-share-full", "80 %", "2025-12-31", "45 %", "2024-12", "56.25 %",
        "not met", "limited progress"]
    # 87 million chip cards against 50 million (no deadline): 174 %, no forecast.
    assert _cells(out, "cccd-issued", after) == [
        "cccd-issued", "50,000,000", "—", "87,000,000", "2025-04", "174 %", "met", "—"]
    # A deadline before the latest reading: attainment only.
    assert _cells(out, "essential-svc-npsp", after)[-3:] == ["232 %", "met", "—"]
    # The 40 million accounts target has no series of its own indicator.
    assert _cells(out, "eid-accounts", after) == [
        "eid-accounts", "40,000,000", "2023-06-30", "—", "—", "—", "open", "—"]


def test_json_carries_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "json")
    data: dict[str, Any] = json.loads(out)
    assert code == 0
    assert (data["format"], data["window"]) == ("de_an06-national-report", 3)
    series = {row["indicator"]: row for row in data["series"]}
    assert len(series) == 28
    activated = series["eid-activated"]
    assert (activated["latest"], activated["latest_date"]) == (67_000_000, "2025-12-20")
    assert activated["pace_per_day"] == pytest.approx(20_508.44, abs=0.01)
    assert series["eid-foreign"]["pace_per_day"] is None
    assert series["cccd-issued"]["latest_date"] == "2025-04"
    targets = [t for t in data["targets"] if t["indicator"] == "online-dossier-share-full"]
    assert targets == [{
        "indicator": "online-dossier-share-full", "target": 80, "unit": "percent",
        "deadline": "2025-12-31", "source": targets[0]["source"], "latest": 45,
        "latest_date": "2024-12", "attainment_percent": 56.25, "met": False,
        "status": "limited_progress"}]


def test_markdown_tables(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--format", "markdown")
    assert out.startswith("## National series\n\n| Series | Latest | As of |")
    assert "| eid-activated | 67,000,000 | 2025-12-20 | 8 | 20,508 |" in out
    row = ("| online-dossier-share-any | 50 % | 2023-12-31 | 52.8 % | 2022-12 | 105.6 % "
           "| met | achieved |")
    assert row in out


def test_strict_exits_1_on_a_missed_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(capsys, "--strict")
    assert code == 1


@pytest.mark.parametrize("extra", [["--province", "56"], ["--as-of", "2024-01-01"]])
def test_provincial_options_are_refused(capsys: pytest.CaptureFixture[str],
                                        extra: list[str]) -> None:
    code, out, err = _run(capsys, *extra)
    assert (code, out) == (2, "")
    assert f"--national takes no {extra[0]}" in err


def test_national_text_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--national", "--lang", "vi"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Chuỗi số liệu toàn quốc\n")
    assert "67.000.000" in text
    assert "Tốc độ (3 lần gần nhất) / ngày" in text
    assert "(hai nguồn)" in text
    assert main(["report", "--national", "--lang", "vi", "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "## Chỉ tiêu toàn quốc" in markdown
    assert "| Mức đạt |" in markdown or "Mức đạt" in markdown


def test_national_paces_drop_the_decimals_that_do_not_matter(capsys: pytest.CaptureFixture[str],
                                                      ) -> None:
    assert main(["report", "--national"]) == 0
    text = capsys.readouterr().out
    line = next(x for x in text.splitlines() if x.startswith("eid-activated "))
    assert line.rstrip().endswith(" 20,508")  # per day: no decimals above 1,000
