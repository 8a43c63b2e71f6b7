"""Hypothesis plugin: teach :func:`hypothesis.strategies.from_type` the de_an06 types.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis``
entry-point group when it is imported in an environment where de_an06 is
installed, so ``st.from_type(de_an06.Reading)`` just works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public domain type.

    Hypothesis runs this while it is being imported, so the strategies module
    (which imports Hypothesis) is only imported when a strategy is first drawn.
    """
    from hypothesis import strategies as st

    from de_an06 import model

    names = {
        model.Source: "sources",
        model.Jurisdiction: "jurisdictions",
        model.Indicator: "indicators",
        model.Reading: "readings",
        model.Series: "series",
        model.Target: "targets",
        model.Task: "tasks",
        model.Rank: "ranks",
        model.UtilityGroup: "utility_groups",
        model.EssentialService: "essential_services",
        model.LinkedService: "linked_services",
        model.Programme: "programmes",
        model.Claim: "claims",
    }
    for kind, name in names.items():
        st.register_type_strategy(kind, _deferred(name))


def _deferred(name: str) -> SearchStrategy[object]:
    from hypothesis import strategies as st

    def definition() -> SearchStrategy[object]:
        from de_an06 import strategies

        factory: Callable[[], SearchStrategy[object]] = getattr(strategies, name)
        return factory()

    return st.deferred(definition)
