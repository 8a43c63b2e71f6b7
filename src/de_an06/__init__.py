"""de_an06: typed data, analysis and readers for Vietnam's Đề án 06 programme.

Đề án 06 (Decision 06/QĐ-TTg of 2022-01-06) develops applications of
population data, electronic identification and authentication for national
digital transformation, 2022-2025 with a vision to 2030. This package models
its catalogue and the figures provincial reports publish, and computes
attainment, trends and target forecasts over them.

Examples
--------
>>> import de_an06
>>> de_an06.Rank(37, 63).percentile > de_an06.Rank(62, 63).percentile
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from de_an06._version import __version__
from de_an06.analysis import (
    Attainment,
    Completion,
    Forecast,
    Gap,
    Prediction,
    ProgressStatus,
    RankChange,
    Trend,
    Window,
    WorkingDayCounter,
    attainment,
    completion,
    forecast,
    gap,
    implied_target,
    rank_change,
    trend,
)
from de_an06.errors import (
    DeAn06Error,
    InsufficientDataError,
    MissingExtraError,
    ParseError,
    UnknownCodeError,
    ValidationError,
)
from de_an06.model import (
    PROGRAMME_START,
    Basis,
    Claim,
    ClaimKind,
    Confidence,
    Direction,
    EssentialService,
    Indicator,
    Jurisdiction,
    Level,
    LinkedService,
    Measure,
    Precision,
    Programme,
    Qualifier,
    Rank,
    Reading,
    Series,
    ServiceLevel,
    Source,
    Target,
    Task,
    TaskStatus,
    Tier,
    Unit,
    UtilityGroup,
)

if TYPE_CHECKING:
    from de_an06 import (
        batch,
        calendar,
        checks,
        dask,
        datasets,
        frames,
        io,
        opensdg,
        parsing,
        plotting,
    )
    from de_an06.calendar import WorkingCalendar, due_date
    from de_an06.checks import Finding, FindingKind, audit
    from de_an06.parsing import (
        Quantity,
        format_number,
        format_quantity,
        parse_date,
        parse_number,
        parse_percent,
        parse_period,
        parse_qualifier,
        parse_quantity,
        parse_rank,
    )

# The readers, the bundled data, the audit, the batch analyses, the calendar,
# the Open SDG progress measure and the optional extras load on first use
# (PEP 562), so that ``import de_an06`` stays quick for code that only needs
# the model and the analysis.
# ``audit`` is the function of ``de_an06.checks``: no submodule may be called
# ``audit``, or importing it would replace the function with the module.
_SUBMODULES = frozenset({"batch", "calendar", "checks", "dask", "datasets", "frames", "io",
                         "opensdg", "parsing", "plotting"})
_FROM_SUBMODULE = {
    "Finding": "checks",
    "FindingKind": "checks",
    "audit": "checks",
    "WorkingCalendar": "calendar",
    "due_date": "calendar",
    "Quantity": "parsing",
    "format_number": "parsing",
    "format_quantity": "parsing",
    "parse_date": "parsing",
    "parse_number": "parsing",
    "parse_percent": "parsing",
    "parse_period": "parsing",
    "parse_qualifier": "parsing",
    "parse_quantity": "parsing",
    "parse_rank": "parsing",
}

__all__ = [
    "PROGRAMME_START",
    "Attainment",
    "Basis",
    "Claim",
    "ClaimKind",
    "Completion",
    "Confidence",
    "DeAn06Error",
    "Direction",
    "EssentialService",
    "Finding",
    "FindingKind",
    "Forecast",
    "Gap",
    "Indicator",
    "InsufficientDataError",
    "Jurisdiction",
    "Level",
    "LinkedService",
    "Measure",
    "MissingExtraError",
    "ParseError",
    "Precision",
    "Prediction",
    "Programme",
    "ProgressStatus",
    "Qualifier",
    "Quantity",
    "Rank",
    "RankChange",
    "Reading",
    "Series",
    "ServiceLevel",
    "Source",
    "Target",
    "Task",
    "TaskStatus",
    "Tier",
    "Trend",
    "Unit",
    "UnknownCodeError",
    "UtilityGroup",
    "ValidationError",
    "Window",
    "WorkingCalendar",
    "WorkingDayCounter",
    "__version__",
    "attainment",
    "audit",
    "batch",
    "calendar",
    "checks",
    "completion",
    "dask",
    "datasets",
    "due_date",
    "forecast",
    "format_number",
    "format_quantity",
    "frames",
    "gap",
    "implied_target",
    "io",
    "opensdg",
    "parse_date",
    "parse_number",
    "parse_percent",
    "parse_period",
    "parse_qualifier",
    "parse_quantity",
    "parse_rank",
    "parsing",
    "plotting",
    "rank_change",
    "trend",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> object:
    if name in _SUBMODULES:
        return importlib.import_module(f"de_an06.{name}")
    if name in _FROM_SUBMODULE:
        value = getattr(importlib.import_module(f"de_an06.{_FROM_SUBMODULE[name]}"), name)
        globals()[name] = value
        return value
    msg = f"module 'de_an06' has no attribute {name!r}"
    raise AttributeError(msg)
