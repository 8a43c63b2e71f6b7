"""Strategies for the programme's catalogue, ranks, claims and whole datasets."""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from de_an06.io import Dataset
from de_an06.model import (
    PROGRAMME_START,
    Claim,
    ClaimKind,
    Confidence,
    EssentialService,
    LinkedService,
    Programme,
    Qualifier,
    Rank,
    ServiceLevel,
    Task,
    TaskStatus,
    Unit,
    UtilityGroup,
)
from de_an06.strategies import (
    _EN_LETTERS,
    _MAX_DATE,
    _MIN_DATE,
    _VI_LETTERS,
    _check_strategy,
    _is_int,
    _unique,
    _words,
    codes,
    indicators,
    jurisdictions,
    readings,
    sources,
    targets,
)


def tasks(*, statuses: st.SearchStrategy[TaskStatus] | None = None) -> st.SearchStrategy[Task]:
    """:class:`~de_an06.Task` objects with optional deadline and utility group."""
    _check_strategy("statuses", statuses)
    return st.builds(
        Task,
        code=codes(),
        name=_words(_EN_LETTERS),
        name_vi=_words(_VI_LETTERS),
        owner=_words(_VI_LETTERS),
        deadline=st.none() | st.dates(PROGRAMME_START, _MAX_DATE),
        status=statuses if statuses is not None else st.sampled_from(TaskStatus),
        group=st.none() | st.integers(1, 5),
        jurisdiction=st.none() | codes(),
    )


def ranks(*, max_total: int = 63) -> st.SearchStrategy[Rank]:
    """:class:`~de_an06.Rank` positions ``k/n`` with ``n <= max_total``.

    Examples
    --------
    >>> from hypothesis import find
    >>> from de_an06 import strategies as das
    >>> find(das.ranks(max_total=34), lambda r: r.total > 30)
    Rank(position=1, total=31)
    """
    if not _is_int(max_total) or max_total < 1:
        raise InvalidArgument(f"max_total={max_total!r} must be an int >= 1")
    return st.integers(1, max_total).flatmap(
        lambda n: st.integers(1, n).map(lambda k: Rank(k, n))
    )


def utility_groups() -> st.SearchStrategy[UtilityGroup]:
    """:class:`~de_an06.UtilityGroup` objects numbered 1-5."""
    return st.builds(UtilityGroup, number=st.integers(1, 5), name=_words(_EN_LETTERS),
                     name_vi=_words(_VI_LETTERS), confidence=st.sampled_from(Confidence))


def essential_services() -> st.SearchStrategy[EssentialService]:
    """:class:`~de_an06.EssentialService` objects numbered 1-25."""
    return st.builds(
        EssentialService, code=codes(), number=st.integers(1, 25), name=_words(_EN_LETTERS),
        name_vi=_words(_VI_LETTERS), lead=_words(_EN_LETTERS),
        level=st.none() | st.sampled_from(ServiceLevel), confidence=st.sampled_from(Confidence),
    )


def linked_services() -> st.SearchStrategy[LinkedService]:
    """:class:`~de_an06.LinkedService` bundles whose linking never lengthens anything."""

    @st.composite
    def build(draw: st.DrawFn) -> LinkedService:
        before = draw(st.integers(1, 60))
        declarations = draw(st.integers(1, 5))
        return LinkedService(
            draw(codes()), draw(_words(_EN_LETTERS)), draw(_words(_VI_LETTERS)),
            procedures=draw(st.lists(_words(_EN_LETTERS), min_size=2, max_size=4)),
            days_before=before, days_after=draw(st.integers(0, before)),
            declarations_before=declarations,
            declarations_after=draw(st.integers(1, declarations)),
            after_unit=draw(st.sampled_from([Unit.DAYS, Unit.WORKING_DAYS])),
        )

    return build()


def programmes() -> st.SearchStrategy[Programme]:
    """:class:`~de_an06.Programme` objects with small, consistent catalogues."""

    @st.composite
    def build(draw: st.DrawFn) -> Programme:
        start = draw(st.integers(2000, 2040))
        end = draw(st.integers(start, start + 10))
        return Programme(
            draw(codes()), draw(_words(_EN_LETTERS)), draw(_words(_VI_LETTERS)),
            decision=draw(codes()), approved=draw(st.dates(_MIN_DATE, _MAX_DATE)),
            start_year=start, end_year=end, vision_year=draw(st.integers(end, end + 10)),
            groups=draw(_unique(utility_groups(), lambda g: g.number, 5)),
            tasks=draw(_unique(tasks(), lambda t: t.code, 4)),
            services=draw(_unique(essential_services(), lambda s: s.code, 4)),
            linked_services=draw(_unique(linked_services(), lambda s: s.code, 2)),
        )

    return build()


def claims(*, kinds: st.SearchStrategy[ClaimKind] | None = None) -> st.SearchStrategy[Claim]:
    """:class:`~de_an06.Claim` objects of every kind, each with the fields its kind needs.

    Examples
    --------
    >>> from hypothesis import find, strategies as st
    >>> from de_an06 import ClaimKind, strategies as das
    >>> claim = find(das.claims(kinds=st.just(ClaimKind.PARTS)), lambda c: True)
    >>> claim.kind.value, len(claim.parts)
    ('parts', 1)
    """
    _check_strategy("kinds", kinds)
    kind_strategy = kinds if kinds is not None else st.sampled_from(ClaimKind)

    @st.composite
    def build(draw: st.DrawFn) -> Claim:
        kind = draw(kind_strategy)
        indicator = draw(st.none() | indicators()) if kind is ClaimKind.EVENT else draw(
            indicators())
        parts: tuple[str, ...] = ()
        if kind is ClaimKind.PARTS:
            assert indicator is not None  # noqa: S101 - drawn above for this kind
            whole = indicator.code
            parts = tuple(draw(st.lists(codes().filter(lambda c: c != whole), min_size=1,
                                        max_size=3)))
        return Claim(
            draw(codes()), kind, jurisdiction=draw(jurisdictions()), as_of=draw(st.dates(_MIN_DATE,
                                                                                         _MAX_DATE)),
            statement=draw(_words(_EN_LETTERS)), indicator=indicator,
            margin=(draw(st.floats(0, 100, allow_nan=False))
                    if kind is ClaimKind.EXCEEDS_TARGET else None),
            qualifier=draw(st.sampled_from(Qualifier)), parts=parts,
            reference=draw(st.none() | _words(_VI_LETTERS)),
            source=draw(st.none() | sources()),
        )

    return build()


def datasets(*, max_readings: int = 4, max_targets: int = 2,
             max_tasks: int = 3) -> st.SearchStrategy[Dataset]:
    """:class:`de_an06.io.Dataset` objects that files can hold without ambiguity.

    Readings and targets share one indicator and one jurisdiction, and cite at
    most one source, so no code names two different objects — what
    :func:`de_an06.io.dumps` and the CSV writer require. Use it to
    property-test code that reads or writes files.

    Parameters
    ----------
    max_readings, max_targets, max_tasks : int
        Upper bounds on each section's length (each may be empty).

    Examples
    --------
    >>> from hypothesis import given
    >>> from de_an06 import io, strategies as das
    >>> @given(das.datasets())
    ... def test_json_round_trip(data):
    ...     assert io.loads(io.dumps(data)).readings == data.readings
    >>> test_json_round_trip()
    """
    for name, value in (("max_readings", max_readings), ("max_targets", max_targets),
                        ("max_tasks", max_tasks)):
        if not _is_int(value) or value < 0:
            raise InvalidArgument(f"{name}={value!r} must be an int >= 0")

    @st.composite
    def build(draw: st.DrawFn) -> Dataset:
        indicator = st.just(draw(indicators()))
        place = st.just(draw(jurisdictions()))
        source = st.none() | st.just(draw(sources()))
        return Dataset(
            readings=draw(st.lists(readings(indicators=indicator, jurisdictions=place,
                                            sources=source), max_size=max_readings)),
            targets=draw(st.lists(targets(indicators=indicator, jurisdictions=place),
                                  max_size=max_targets)),
            tasks=draw(st.lists(tasks(), max_size=max_tasks)),
        )

    return build()
