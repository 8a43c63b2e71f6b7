"""Shared fixtures: real objects from the Khánh Hòa and Quảng Ngãi reports."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import de_an06 as da

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# `make fuzz` sets DE_AN06_FUZZ_EXAMPLES to run the fuzz tests at length. An
# example takes milliseconds (a generated document or a command-line run up to
# ~0.1 s); the deadline flags one that takes 50x that on a loaded 2-core
# machine, such as a parser gone quadratic, well before the per-test timeout.
settings.register_profile(
    "fuzz",
    deadline=dt.timedelta(seconds=5),
    max_examples=int(os.environ.get("DE_AN06_FUZZ_EXAMPLES", "100000")),
    suppress_health_check=list(HealthCheck),
)
# `make mutate` sets DE_AN06_MUTATE: few, derandomised examples, so that a
# mutant's verdict does not depend on the draw.
settings.register_profile(
    "mutate",
    deadline=None,
    max_examples=25,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
if "DE_AN06_FUZZ_EXAMPLES" in os.environ:
    settings.load_profile("fuzz")
elif "DE_AN06_MUTATE" in os.environ:
    settings.load_profile("mutate")
else:
    settings.load_profile("default")

HOWTO = Path(__file__).resolve().parent.parent / "docs" / "howto"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the doctests of the how-to pages, which run whole property tests, as slow."""
    for item in items:
        if HOWTO in item.path.parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def khanh_hoa() -> da.Jurisdiction:
    return da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level=da.Level.PROVINCE, parent="VN")


@pytest.fixture
def collected() -> da.Indicator:
    return da.Indicator("eid-collected", "e-ID applications collected",
                        "Thu nhận hồ sơ định danh điện tử", unit=da.Unit.PEOPLE)


@pytest.fixture
def share() -> da.Indicator:
    return da.Indicator("eid-collected-share", "e-ID applications collected, share of target",
                        "Tỷ lệ thu nhận hồ sơ định danh điện tử", unit=da.Unit.PERCENT)


@pytest.fixture
def reading(collected: da.Indicator, khanh_hoa: da.Jurisdiction) -> da.Reading:
    return da.Reading(collected, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=khanh_hoa)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for the fuzz tests; each example overwrites its test's own file."""
    return tmp_path_factory.mktemp("fuzz")
