from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis.errors import InvalidArgument

from de_an06 import batch
from de_an06 import strategies as das


@settings(max_examples=25)
@given(das.reading_tables(max_series=6))
def test_reading_tables_forecast(table: batch.ReadingTable) -> None:
    assert table.info is not None
    assert not np.isnan(table.info.targets).any()
    assert (table.info.deadlines.astype(np.int64)
            > table.days[np.append(table.starts[1:], table.n_readings) - 1]).all()
    f = batch.forecasts(table)
    assert len(f) == table.n_series
    assert f.at_risk(3).rows.shape[0] <= 3


@settings(max_examples=10)
@given(das.reading_tables(min_series=2, max_series=2, max_readings=1, with_targets=False))
def test_reading_tables_without_targets(table: batch.ReadingTable) -> None:
    assert table.n_series == 2
    assert table.sizes.tolist() == [1, 1]
    assert table.info is not None
    assert np.isnan(table.info.targets).all()


@pytest.mark.parametrize("kwargs", [
    {"min_series": 0}, {"max_series": 1.5}, {"max_readings": True},
    {"min_series": 3, "max_series": 2}, {"with_targets": 1},
])
def test_bad_arguments(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgument):
        das.reading_tables(**kwargs)
