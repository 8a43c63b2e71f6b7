from __future__ import annotations

import copy
import datetime as dt
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import de_an06 as da
from de_an06 import strategies as das

ALL: dict[str, st.SearchStrategy[Any]] = {
    "sources": das.sources(),
    "jurisdictions": das.jurisdictions(),
    "indicators": das.indicators(),
    "readings": das.readings(),
    "series": das.series(max_size=5),
    "targets": das.targets(),
    "tasks": das.tasks(),
    "ranks": das.ranks(),
    "utility_groups": das.utility_groups(),
    "essential_services": das.essential_services(),
    "linked_services": das.linked_services(),
    "programmes": das.programmes(),
    "datasets": das.datasets(),
}


@pytest.mark.parametrize("name", sorted(ALL))
@given(data=st.data())
def test_objects_are_valid_immutable_values(name: str, data: st.DataObject) -> None:
    obj = data.draw(ALL[name])
    # Validation runs again on evolve; a valid object passes it unchanged.
    again = attrs.evolve(obj)
    assert again == obj
    assert hash(again) == hash(obj)
    assert copy.deepcopy(obj) == obj
    assert pickle.loads(pickle.dumps(obj)) == obj  # noqa: S301 - our own objects
    assert repr(obj).startswith(type(obj).__name__ + "(")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, attrs.fields(type(obj))[0].name, None)


@given(das.readings())
def test_reading_respects_its_unit(r: da.Reading) -> None:
    assert r.value >= 0
    if r.indicator.is_percent:
        assert r.value <= 100
        if r.numerator is not None:
            assert r.denominator is not None
            assert r.numerator <= r.denominator
    if r.indicator.measure is da.Measure.FLOW:
        assert r.period_start is not None
        assert r.period_start <= r.as_of


@given(das.series(min_size=2, max_size=6))
def test_series_sorted_unique(s: da.Series) -> None:
    assert 2 <= len(s) <= 6
    assert list(s.dates) == sorted(set(s.dates))


@given(das.series(min_size=3, max_size=3, min_date=dt.date(2023, 1, 1),
                  max_date=dt.date(2023, 1, 5)))
def test_series_dates_in_range(s: da.Series) -> None:
    assert all(dt.date(2023, 1, 1) <= d <= dt.date(2023, 1, 5) for d in s.dates)


@given(das.readings(indicators=das.indicators(units=st.just(da.Unit.PERCENT)),
                    qualifiers=st.just(da.Qualifier.NEARLY)))
def test_readings_take_part_strategies(r: da.Reading) -> None:
    assert r.unit is da.Unit.PERCENT
    assert r.qualifier is da.Qualifier.NEARLY


@given(das.indicators(directions=st.just(da.Direction.LOWER_IS_BETTER),
                      measures=st.just(da.Measure.STOCK)))
def test_indicators_take_direction(ind: da.Indicator) -> None:
    assert ind.direction is da.Direction.LOWER_IS_BETTER
    assert ind.measure is da.Measure.STOCK


@given(das.jurisdictions(levels=st.just(da.Level.NATION)))
def test_jurisdiction_levels(j: da.Jurisdiction) -> None:
    assert j.parent is None


@given(das.tasks(statuses=st.just(da.TaskStatus.DONE)), das.ranks(max_total=34))
def test_tasks_and_ranks(task: da.Task, rank: da.Rank) -> None:
    assert task.status is da.TaskStatus.DONE
    assert rank.total <= 34


@given(das.targets(deadlines=st.just(dt.date(2025, 12, 31))))
def test_targets_take_deadlines(t: da.Target) -> None:
    assert t.deadline == dt.date(2025, 12, 31)


@pytest.mark.parametrize("kind", [da.Reading, da.Series, da.Target, da.Rank, da.Programme,
                                  da.Jurisdiction, da.Indicator, da.Source, da.Task,
                                  da.UtilityGroup, da.EssentialService, da.LinkedService])
@given(data=st.data())
def test_from_type_is_registered(kind: type[Any], data: st.DataObject) -> None:
    assert isinstance(data.draw(st.from_type(kind)), kind)


BAD_CALLS: list[tuple[Callable[..., Any], dict[str, Any]]] = [
    (das.readings, {"indicators": "percent"}),
    (das.readings, {"dates": dt.date(2023, 1, 1)}),
    (das.indicators, {"units": da.Unit.PERCENT}),
    (das.jurisdictions, {"levels": da.Level.NATION}),
    (das.series, {"min_size": 0}),
    (das.series, {"min_size": 3, "max_size": 2}),
    (das.series, {"max_size": 2.5}),
    (das.series, {"min_size": True}),
    (das.series, {"min_date": dt.date(2024, 1, 2), "max_date": dt.date(2024, 1, 1)}),
    (das.series, {"min_date": "2024-01-01"}),
    (das.series, {"min_size": 3, "min_date": dt.date(2024, 1, 1),
                  "max_date": dt.date(2024, 1, 2)}),
    (das.targets, {"deadlines": dt.date(2024, 1, 1)}),
    (das.tasks, {"statuses": da.TaskStatus.DONE}),
    (das.ranks, {"max_total": 0}),
    (das.ranks, {"max_total": "63"}),
    (das.values_for, {"indicator": "percent"}),
    (das.datasets, {"max_readings": -1}),
    (das.datasets, {"max_tasks": 1.5}),
]


@pytest.mark.parametrize(("function", "kwargs"), BAD_CALLS)
def test_bad_arguments_raise_invalid_argument(function: Callable[..., Any],
                                              kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgument):
        function(**kwargs)


class _Alien:
    """A value no field of the model accepts."""

    def __repr__(self) -> str:
        return "<alien>"


@pytest.mark.parametrize("name", sorted(ALL))
@given(data=st.data())
def test_any_field_given_a_foreign_value_names_itself(name: str, data: st.DataObject) -> None:
    obj = data.draw(ALL[name])
    # the fields a caller gives (a series' cached columns are not one)
    field = data.draw(st.sampled_from([f for f in attrs.fields(type(obj)) if f.init]))
    with pytest.raises(da.ValidationError) as info:
        attrs.evolve(obj, **{field.name: _Alien()})
    assert info.value.field is not None
    assert info.value.field.split("[")[0] == field.name
    assert f"{type(obj).__name__}.{field.name}" in str(info.value)


@given(das.series(min_size=1, max_size=None, max_date=dt.date(2020, 1, 3)))
def test_series_without_a_size_bound(s: da.Series) -> None:
    assert 1 <= len(s) <= 3
