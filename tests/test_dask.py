"""de_an06.dask: the batch kernel on a Dask DataFrame, equal bit for bit to the local batch.

The property runs on a real ``distributed.LocalCluster`` (two worker
processes). The unit tests compute with Dask's synchronous scheduler, in this
process, so that coverage sees the code that runs on each partition.
"""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import de_an06.dask as da_dask  # noqa: E402 - after the skips
from de_an06 import batch  # noqa: E402
from de_an06.errors import ValidationError  # noqa: E402

DAY0 = 19_300
NOON = dt.datetime(2023, 7, 1, 12, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def client() -> Iterator[Any]:
    """A two-process local cluster and its client, for the whole session."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as connection:
        yield connection


@pytest.fixture(autouse=True)
def in_process(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests without the cluster build and compute their graphs in this process."""
    if "client" in request.fixturenames:
        yield
        return
    with dask.config.set({"scheduler": "sync", "dataframe.shuffle.method": "tasks"}):
        yield


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def split(frame: Any, cuts: list[int]) -> Any:
    """`frame` as a Dask DataFrame cut at `cuts` (partitions of any size, empty ones too)."""
    edges = [0, *sorted(cuts), len(frame)]
    pieces = [frame.iloc[a:b] for a, b in itertools.pairwise(edges)]
    return dd.from_map(pd.DataFrame, pieces)


def bits(column: Any) -> Any:
    """A column's values with floats and dates as int64 bits (every NaN the same)."""
    values = column.to_numpy()
    if values.dtype.kind == "f":
        return np.where(np.isnan(values), np.nan, values).view(np.int64)
    if values.dtype.kind == "M":
        return values.view(np.int64)
    return values


def assert_bit_equal(got: Any, want: Any) -> None:
    got, want = got.sort_index(), want.sort_index()
    assert list(got.columns) == list(want.columns)
    assert got.dtypes.to_dict() == want.dtypes.to_dict()
    assert got.index.name == want.index.name
    assert got.index.dtype == want.index.dtype
    assert got.index.tolist() == want.index.tolist()
    for name in want.columns:
        assert np.array_equal(bits(got[name]), bits(want[name])), name


def local_forecasts(frame: Any, **options: Any) -> Any:
    """The local batch's forecasts of the readings in `frame` (columns as in `readings`)."""
    table = batch.ReadingTable.from_arrays(frame["sid"].to_numpy(), frame["day"].to_numpy(),
                                           frame["value"].to_numpy())
    per_series = frame.groupby("sid").first().loc[table.ids]
    table = batch.ReadingTable.from_arrays(frame["sid"].to_numpy(), frame["day"].to_numpy(),
                                           frame["value"].to_numpy(),
                                           lower_is_better=per_series["lower"].to_numpy())
    deadlines = per_series["deadline"].to_numpy()
    if deadlines.dtype.kind == "M":
        deadlines = deadlines.astype("datetime64[D]")
    return batch.forecasts(table, per_series["target"].to_numpy(), deadlines,
                           **options).to_pandas()


@st.composite
def readings(draw: st.DrawFn) -> tuple[Any, list[int]]:
    """Readings of random series, shuffled, and where to cut them into partitions.

    Series of 1 to 12 readings (so some without a trend), exact lines (the
    kernel's residual pass), constant series, noisy ones, both directions,
    deadlines or none; integer or string ids, datetime64[ns] or day numbers.
    """
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    count = draw(st.integers(1, 40))
    sizes = rng.integers(1, 13, count)
    total = int(sizes.sum())
    keys = rng.choice(10**6, count, replace=False)
    ids: Any = keys if draw(st.booleans()) else np.array([f"c{k}" for k in keys])
    sid = np.repeat(ids, sizes)
    days = np.concatenate([DAY0 + np.sort(rng.choice(120, s, replace=False)) for s in sizes])
    offset = days - DAY0
    slope = np.repeat(rng.normal(0, 50, count), sizes)
    kind = np.repeat(rng.integers(0, 3, count), sizes)  # 0 exact line, 1 constant, 2 noisy
    values = np.round(1_000 + slope * offset * (kind != 1)
                      + (kind == 2) * rng.normal(0, 30, total), 2)
    latest = np.repeat(np.maximum.reduceat(days, np.cumsum(sizes) - sizes), sizes)
    due = latest + np.repeat(rng.integers(0, 90, count), sizes)
    frame = pd.DataFrame({
        "sid": sid,
        "value": values,
        "target": np.repeat(np.round(rng.uniform(0, 8_000, count), 2), sizes),
        "lower": np.repeat(rng.random(count) < 0.3, sizes),
    })
    if draw(st.booleans()):
        frame["day"] = days.astype("datetime64[D]").astype("datetime64[ns]")
        no_deadline = np.repeat(rng.random(count) < 0.2, sizes)
        frame["deadline"] = np.where(no_deadline, np.datetime64("NaT"),
                                     due.astype("datetime64[D]")).astype("datetime64[ns]")
    else:
        frame["day"] = days
        frame["deadline"] = due
    frame = frame.iloc[rng.permutation(total)].reset_index(drop=True)
    cuts = draw(st.lists(st.integers(0, total), max_size=6))
    return frame, cuts


FORECAST_COLUMNS: dict[str, Any] = {"id": "sid", "target": "target", "deadline": "deadline",
                    "lower_is_better": "lower"}


# --------------------------------------------------------------------------
# The property, on the cluster
# --------------------------------------------------------------------------


@pytest.mark.usefixtures("client")
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=readings(), confidence=st.sampled_from([0.8, 0.95]))
def test_cluster_results_equal_the_local_batch_bit_for_bit(
        data: tuple[Any, list[int]], confidence: float) -> None:
    frame, cuts = data
    ddf = split(frame, cuts)
    forecasts, trends = dask.compute(
        da_dask.forecasts(ddf, **FORECAST_COLUMNS, confidence=confidence),
        da_dask.trends(ddf, id="sid", confidence=confidence))
    assert_bit_equal(forecasts, local_forecasts(frame, confidence=confidence))
    table = batch.ReadingTable.from_pandas(frame, id="sid")
    assert_bit_equal(trends, batch.trends(table, confidence=confidence).to_pandas())


@pytest.mark.usefixtures("client")
def test_an_error_on_a_worker_reaches_the_caller() -> None:
    frame = pd.DataFrame({"id": [1, 1], "day": [DAY0, DAY0], "value": [1.0, 2.0]})
    result = da_dask.trends(dd.from_pandas(frame, npartitions=1))
    with pytest.raises(ValidationError, match="must not repeat a day within series 1"):
        result.compute()


# --------------------------------------------------------------------------
# Each option, computed in this process
# --------------------------------------------------------------------------


def example() -> Any:
    """Three series, a reading a week: kh on its way, qn slow, dn moving away."""
    days = np.datetime64("2023-06-03") + np.arange(5) * np.timedelta64(7, "D")
    return pd.DataFrame({
        "id": np.repeat(["kh", "qn", "dn"], 5),
        "day": np.tile(days, 3).astype("datetime64[ns]"),
        "value": np.concatenate([[500., 510., 525., 531., 546.], [10., 11., 11., 12., 13.],
                                 [20., 19.5, 19., 18.5, 18.]]),
        "target": np.repeat([560.0, 30.0, 30.0], 5),
    })


def test_sync_results_equal_the_local_batch_with_every_option() -> None:
    frame = example()
    frame["lower"] = frame["id"] == "dn"
    frame["deadline"] = np.where(frame["id"] == "qn", np.datetime64("NaT"),
                                 np.datetime64("2023-08-01")).astype("datetime64[ns]")
    ddf = split(frame.rename(columns={"id": "sid"}), [4, 4, 11])
    as_of = dt.date(2023, 7, 10)
    got = da_dask.forecasts(ddf, **FORECAST_COLUMNS, as_of=as_of).compute()
    assert_bit_equal(got, local_forecasts(frame.rename(columns={"id": "sid"}), as_of=as_of))


def test_scalar_target_deadline_and_direction() -> None:
    frame = example()
    ddf = dd.from_pandas(frame, npartitions=2)
    deadline = dt.date(2023, 8, 1)
    got = da_dask.forecasts(ddf, target=40.0, deadline=deadline,
                            lower_is_better=True).compute()
    table = batch.ReadingTable.from_pandas(frame, lower_is_better=True)
    assert_bit_equal(got, batch.forecasts(table, 40.0, deadline).to_pandas())
    assert [s.value for s in got["status"].sort_index()] == [
        "target_achieved", "deterioration", "target_achieved"]  # dn, kh, qn


def test_integer_days_and_deadlines() -> None:
    frame = example()
    frame["day"] = frame["day"].to_numpy().astype("datetime64[D]").astype(np.int64)
    frame["due"] = frame["day"].max() + 30
    got = da_dask.forecasts(dd.from_pandas(frame, npartitions=3), target=30, deadline="due")
    table = batch.ReadingTable.from_pandas(frame)
    want = batch.forecasts(table, 30, np.full(3, frame["day"].max() + 30))
    assert_bit_equal(got.compute(), want.to_pandas())


def test_trends_of_integer_ids() -> None:
    frame = example()
    frame["id"] = frame["id"].map({"kh": 56, "qn": 51, "dn": 48}).astype(np.int32)
    got = da_dask.trends(split(frame, [0, 0, 5, 9, 9]), confidence=0.9)  # some parts empty
    want = batch.trends(batch.ReadingTable.from_pandas(frame), confidence=0.9).to_pandas()
    computed = got.compute()
    assert computed.index.dtype == np.int32
    assert got.dtypes.to_dict() == computed.dtypes.to_dict()
    assert_bit_equal(computed, want)


def test_each_series_is_one_row_of_one_partition() -> None:
    ddf = split(example(), [2, 6, 6, 12])  # every series split across partitions
    result = da_dask.forecasts(ddf)
    assert result.npartitions == ddf.npartitions
    ids = result.map_partitions(lambda part: part.index.to_series()).compute()
    assert sorted(ids.tolist()) == ["dn", "kh", "qn"]


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("options", "message"), [
    ({"id": "commune"}, (r"forecasts.id must name a column of the frame "
                         r"\(id, day, value, target\) \(got 'commune'\)")),
    ({"day": 3}, r"forecasts.day must name a column of the frame .* \(got 3\)"),
    ({"target": "goal"}, r"forecasts.target must name a column .* \(got 'goal'\)"),
    ({"deadline": "due"}, r"forecasts.deadline must name a column .* \(got 'due'\)"),
    ({"lower_is_better": "down"}, r"forecasts.lower_is_better must name a column .*"),
    ({"target": "id"}, (r"forecasts.target must name a column of real numbers, not str(ing)? "
                        r"\(column 'id'\) \(got 'id'\)")),
    ({"deadline": "value"}, (r"forecasts.deadline must name a column of datetime64 .* "
                             r"not float64 \(column 'value'\)")),
    ({"lower_is_better": "value"}, r"forecasts.lower_is_better must name a column of bools"),
    ({"target": True}, r"forecasts.target must be a number or a column name \(got True\)"),
    ({"target": None}, r"forecasts.target must be a number or a column name \(got None\)"),
    ({"target": float("nan")}, r"forecasts.targets must be finite"),
    ({"deadline": NOON}, r"forecasts.deadline must be a datetime.date"),
    ({"deadline": 19_500}, r"forecasts.deadline must be a datetime.date"),
    ({"lower_is_better": 1}, r"forecasts.lower_is_better must be a bool or a column name"),
    ({"as_of": "2023-07-01"}, r"forecasts.as_of must be a datetime.date or None"),
    ({"as_of": NOON}, r"forecasts.as_of must be a datetime.date"),
    ({"confidence": 1.5}, r"forecasts.confidence must be in \(0, 1\) \(got 1.5\)"),
])
def test_forecasts_refuses_bad_arguments_at_once(options: dict[str, Any], message: str) -> None:
    ddf = dd.from_pandas(example(), npartitions=2)
    with pytest.raises(ValidationError, match=message):
        da_dask.forecasts(ddf, **options)


@pytest.mark.parametrize(("column", "values", "message"), [
    ("id", [1.5] * 15, r"trends.id must name a column of integers or strings, not float64"),
    ("day", pd.date_range("2023-01-01", periods=15, tz="Asia/Ho_Chi_Minh"),
     (r"trends.day must name a column of datetime64 \(without time zone\) or integer day "
      r"numbers, not datetime64\[\w+, Asia/Ho_Chi_Minh\] \(column 'day'\)")),
    ("day", [1.0] * 15, r"trends.day must name a column of datetime64 .* not float64"),
    ("value", ["1"] * 15, r"trends.value must name a column of real numbers, not "),
    ("value", [True] * 15, r"trends.value must name a column of real numbers, not bool"),
])
def test_trends_refuses_a_column_of_the_wrong_dtype(column: str, values: Any,
                                                    message: str) -> None:
    frame = example()
    frame[column] = values
    with pytest.raises(ValidationError, match=message):
        da_dask.trends(dd.from_pandas(frame, npartitions=1))


def test_trends_refuses_a_pandas_frame_and_a_bad_confidence() -> None:
    with pytest.raises(ValidationError, match=r"trends.ddf must be a dask.dataframe.DataFrame, "
                                              r"not DataFrame \(got 'DataFrame'\)"):
        da_dask.trends(example())
    with pytest.raises(ValidationError, match=r"trends.confidence must be in \(0, 1\)"):
        da_dask.trends(dd.from_pandas(example(), npartitions=1), confidence=0)


@pytest.mark.parametrize(("column", "one", "other"), [
    ("target", "30.0", "31.0"),
    ("deadline", r"datetime.date\(2023, 8, 1\)", r"datetime.date\(2023, 8, 2\)"),
    ("lower", "False", "True"),
])
def test_a_per_series_column_must_not_vary_within_a_series(column: str, one: str,
                                                           other: str) -> None:
    frame = example()
    frame["deadline"] = np.datetime64("2023-08-01", "ns")
    frame["lower"] = False
    frame.loc[7, column] = {"target": 31.0, "deadline": np.datetime64("2023-08-02"),
                            "lower": True}[column]
    field = {"lower": "lower_is_better"}.get(column, column)
    result = da_dask.forecasts(dd.from_pandas(frame, npartitions=2), deadline="deadline",
                               lower_is_better="lower")
    with pytest.raises(ValidationError, match=rf"forecasts.{field} must name a column with one "
                                              rf"value per series; series 'qn' has "
                                              rf"({one} and {other}|{other} and {one}) "
                                              rf"\(got '{column}'\)"):
        result.compute()


def test_a_missing_target_is_refused_when_computed() -> None:
    frame = example()
    frame["target"] = np.nan
    result = da_dask.forecasts(dd.from_pandas(frame, npartitions=2))
    with pytest.raises(ValidationError, match=r"forecasts\.targets must be finite"):
        result.compute()


# --------------------------------------------------------------------------
# at_risk
# --------------------------------------------------------------------------


def risky() -> Any:
    """Forecasts of eight series: late by 0-70 days, never, achieved, no deadline, no trend."""
    rows = []
    for i, pace in enumerate([10.0, 5.0, 2.5, 2.0, 8.0, 2.5]):  # 2.5 twice: a tie
        rows += [(f"s{i}", DAY0 + d, 100 + pace * d, 200.0, DAY0 + 30) for d in range(5)]
    rows += [("flat", DAY0 + d, 100.0, 200.0, DAY0 + 30) for d in range(5)]
    rows += [("done", DAY0 + d, 300.0 + d, 200.0, DAY0 + 30) for d in range(5)]
    rows += [("open", DAY0 + d, 100.0 + d, 200.0, -1) for d in range(5)]
    rows += [("one", DAY0, 100.0, 200.0, DAY0 + 30)]
    frame = pd.DataFrame(rows, columns=["id", "day", "value", "target", "due"])
    frame["day"] = frame["day"].to_numpy().astype("datetime64[D]").astype("datetime64[ns]")
    due = frame["due"].to_numpy().astype("datetime64[D]").astype("datetime64[ns]")
    frame["due"] = np.where(frame["due"] < 0, np.datetime64("NaT"), due)
    return da_dask.forecasts(dd.from_pandas(frame.sample(frac=1, random_state=3),
                                            npartitions=3), deadline="due")


def expected_lateness(local: Any) -> Any:
    """``days_late`` computed the slow way, row by row."""
    late = []
    for row in local.itertuples():
        if pd.isna(row.deadline) or row.achieved or np.isnan(row.current_pace):
            late.append(np.nan)
        elif pd.isna(row.reach_date):
            late.append(np.inf)
        else:
            late.append(float((row.reach_date - row.deadline).days))
    return local.assign(days_late=late)


def test_at_risk_ranks_the_latest_first_ties_by_id() -> None:
    forecasts = risky()
    every = expected_lateness(forecasts.compute())
    ranked = every.dropna(subset=["days_late"]).sort_index()
    ranked = ranked.sort_values("days_late", ascending=False, kind="stable")
    assert ranked.index.tolist() == ["flat", "s3", "s2", "s5", "s1", "s4", "s0"]
    assert ranked.loc["s2", "days_late"] == ranked.loc["s5", "days_late"]
    for n in (1, 3, 7, 50):
        got = da_dask.at_risk(forecasts, n=n)
        assert got.npartitions == 1
        top = got.compute()
        assert top.index.tolist() == ranked.index[:n].tolist()
        assert_bit_equal(top, ranked.iloc[:n])


@pytest.mark.usefixtures("client")
def test_at_risk_reduces_in_a_tree_on_the_cluster() -> None:
    forecasts = risky().repartition(npartitions=12)
    local = da_dask.at_risk(forecasts, n=4).compute()
    got = da_dask.at_risk(forecasts, n=4).compute()
    assert got.index.tolist() == ["flat", "s3", "s2", "s5"]
    assert_bit_equal(got, local)


@pytest.mark.parametrize(("forecasts", "n", "message"), [
    (None, 10, r"at_risk.forecasts must be a dask.dataframe.DataFrame, not NoneType"),
    ("readings", 10, (r"at_risk.forecasts must have the column 'days_late' of "
                      r"de_an06.dask.forecasts \(got \['day', 'id', 'target', 'value'\]\)")),
    ("text lateness", 10, (r"at_risk.forecasts must name a column of numpy dtype kind 'f', "
                           r"not str(ing)? \(column 'days_late'\)")),
    ("forecasts", 0, r"at_risk.n must be a positive integer \(got 0\)"),
    ("forecasts", True, r"at_risk.n must be a positive integer \(got True\)"),
    ("forecasts", 2.0, r"at_risk.n must be a positive integer \(got 2.0\)"),
])
def test_at_risk_refuses_bad_arguments(forecasts: str | None, n: Any, message: str) -> None:
    frame = {
        None: None,
        "readings": dd.from_pandas(example(), npartitions=1),
        "forecasts": da_dask.forecasts(dd.from_pandas(example(), npartitions=1)),
        "text lateness": da_dask.forecasts(dd.from_pandas(example(), npartitions=1)).assign(
            days_late="late"),
    }[forecasts]
    with pytest.raises(ValidationError, match=message):
        da_dask.at_risk(frame, n=n)


# --------------------------------------------------------------------------
# Without the extra
# --------------------------------------------------------------------------


@pytest.mark.parametrize("function", [da_dask.trends, da_dask.forecasts, da_dask.at_risk])
def test_a_missing_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                function: Any) -> None:
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(ModuleNotFoundError,
                       match=r"needs the optional package 'dask'.*pip install \"de_an06\[dask\]\""):
        function(None)


def test_importing_the_module_needs_no_dask() -> None:
    code = ("import sys; sys.modules['dask'] = None; import de_an06.dask as m; "
            "print(sorted(m.__all__), 'dask' in sys.modules and sys.modules['dask'] is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['at_risk', 'forecasts', 'trends'] False"
