"""The rows of the ``de-an06 report`` dashboard on figures the bundled data lacks.

The command's tests run the report on the bundled data; these feed each row
builder the cases a province's figures may present but the bundled ones do
not (a share printed without its counts, a zero target, a target already met,
no working-day calendar).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator

import pytest

import de_an06 as da
from de_an06 import datasets
from de_an06.cli import _report

KH = datasets.jurisdiction("56")
QN = datasets.jurisdiction("51")
COLLECTED = da.Indicator("eid-collected", "e-ID applications collected",
                         "Thu nhận hồ sơ định danh điện tử", unit="people")


def _reading(value: float, day: int, place: da.Jurisdiction = KH) -> da.Reading:
    return da.Reading(COLLECTED, value, as_of=dt.date(2023, 7, day), jurisdiction=place)


def test_inside_a_province() -> None:
    assert _report._inside("56", "56")
    assert _report._inside("56-khanh-son", "56")
    assert not _report._inside("51-tra-bong", "56")
    assert not _report._inside("no-such-place", "56")


def test_a_zero_target_has_no_attainment() -> None:
    row = _report._target_row(da.Target(COLLECTED, 0, jurisdiction=KH), [_reading(546_234, 1)])
    assert row["value"] == 546_234
    assert row["as_of"] == "2023-07-01"
    assert (row["attainment_percent"], row["margin"], row["met"]) == (None, None, None)


def test_a_target_already_met_needs_no_pace() -> None:
    target = da.Target(COLLECTED, 756_805, jurisdiction=KH, deadline=dt.date(2023, 7, 30))
    met = [_reading(546_234, 1), _reading(760_000, 10)]
    assert _report._forecast_row(target, met, None) is None
    open_ = [_reading(546_234, 1), _reading(600_000, 10)]
    row = _report._forecast_row(target, open_, None)
    assert row is not None
    assert (row["from"], row["gap"], row["days_left"], row["readings"]) == (
        600_000, 156_805, 20, 2)


def test_forecast_row_without_the_calendar_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    target = da.Target(COLLECTED, 756_805, jurisdiction=KH, deadline=dt.date(2023, 7, 30))
    monkeypatch.setattr(_report, "working_calendar", lambda: None)
    row = _report._forecast_row(target, [_reading(546_234, 1)], None)
    assert row is not None
    assert row["required_per_day"] == pytest.approx(210_571 / 29, abs=0.005)
    assert (row["working_days_left"], row["required_per_working_day"]) == (None, None)


def test_task_shares_without_counts_are_left_out() -> None:
    share = da.Indicator("tasks-done-share", "Tasks done", "Nhiệm vụ hoàn thành",
                         unit="percent")
    printed_alone = da.Reading(share, 82.76, as_of=dt.date(2024, 12, 31), jurisdiction=QN)
    assert _report._task_rows([printed_alone]) == []
    with_counts = da.Reading(share, 82.76, as_of=dt.date(2024, 12, 31), jurisdiction=QN,
                             numerator=24,
                             denominator=29)
    (row,) = _report._task_rows([printed_alone, with_counts])
    assert (row["done"], row["total"], row["in_progress"], row["percent"]) == (
        24, 29, None, 82.76)


def test_linked_service_without_an_after_figure_is_left_out() -> None:
    before = next(r for r in datasets.readings(jurisdiction="51")
                  if r.indicator.code == "linked-days-before")
    assert _report._linked_rows([before]) == []
    after = next(r for r in datasets.readings(jurisdiction="51")
                 if r.indicator.code == "linked-days-after")
    (row,) = _report._linked_rows([before, after])
    assert (row["days_before"], row["days_after"], row["days_saved"]) == (21, 4, 17)
    assert row["time_cut_percent"] == 80.95
    assert (row["declarations_before"], row["declarations_after"]) == (None, None)


@pytest.fixture
def without_calendar(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As if the ``calendar`` extra (holidays) were not installed."""
    monkeypatch.setitem(sys.modules, "de_an06.calendar", None)
    _report.working_calendar.cache_clear()
    yield
    _report.working_calendar.cache_clear()


@pytest.mark.usefixtures("without_calendar")
def test_no_calendar_without_the_extra() -> None:
    assert _report.working_calendar() is None


def test_calendar_with_the_extra() -> None:
    assert _report.working_calendar() is not None


def test_no_working_day_left_before_the_deadline() -> None:
    # From Friday 28 July 2023 to Sunday the 30th only the weekend is left.
    target = da.Target(COLLECTED, 756_805, jurisdiction=KH, deadline=dt.date(2023, 7, 30))
    row = _report._forecast_row(target, [_reading(546_234, 28)], None)
    assert row is not None
    assert (row["days_left"], row["required_per_day"]) == (2, 105_285.5)
    assert (row["working_days_left"], row["required_per_working_day"]) == (None, None)
