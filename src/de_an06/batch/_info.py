"""What a table knows of each series besides its readings, and targets keyed by id.

:class:`SeriesInfo` is the per-series metadata :func:`de_an06.io.read_table`
attaches to a :class:`~de_an06.batch.ReadingTable` (``table.info``);
:func:`keyed` aligns a ``Mapping`` or a pandas ``Series`` keyed by series id
with ``table.ids``, refusing missing and extra ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.batch._arrays import ARRAY_EQ, Array, readonly
from de_an06.errors import ParseError

__all__ = ["SeriesInfo", "keyed"]

_SHOWN = 5  # ids named in a message


def _listed(ids: list[Any]) -> str:
    shown = ", ".join(repr(i) for i in ids[:_SHOWN])
    return shown + (f" and {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else "")


@attrs.frozen(repr=False)
class SeriesInfo:
    """Per-series metadata of a :class:`~de_an06.batch.ReadingTable`, aligned with its ids.

    Parameters
    ----------
    codes : numpy.ndarray
        Jurisdiction code of each series (str).
    names : numpy.ndarray
        Jurisdiction name (``""`` when the file has none).
    levels : numpy.ndarray
        :class:`~de_an06.Level` value (``"commune"``...; ``""`` when unknown).
    parents : numpy.ndarray
        Code of the enclosing jurisdiction (``""`` when unknown).
    indicators : numpy.ndarray
        Indicator code (``""`` when the file does not say).
    targets : numpy.ndarray
        float64 target, NaN where the file gives none.
    deadlines : numpy.ndarray
        ``datetime64[D]`` deadline, ``NaT`` where the file gives none.
    source : str
        Where the table was read from.
    errors : tuple of ParseError
        The cells left out by ``read_table(..., collect_errors=True)``.
    """

    codes: Array = attrs.field(eq=ARRAY_EQ)
    names: Array = attrs.field(eq=ARRAY_EQ)
    levels: Array = attrs.field(eq=ARRAY_EQ)
    parents: Array = attrs.field(eq=ARRAY_EQ)
    indicators: Array = attrs.field(eq=ARRAY_EQ)
    targets: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ)
    deadlines: Array = attrs.field(eq=ARRAY_EQ)
    source: str = ""
    errors: tuple[ParseError, ...] = ()

    def __len__(self) -> int:
        return int(self.codes.shape[0])

    def __repr__(self) -> str:
        return (f"SeriesInfo(series={len(self)}, targets={int((~np.isnan(self.targets)).sum())}"
                f", errors={len(self.errors)})")

    @classmethod
    def empty(cls, count: int) -> SeriesInfo:
        """Metadata saying nothing of `count` series."""
        text = readonly(np.full(count, "", dtype=str))
        return cls(text, text, text, text, text, readonly(np.full(count, np.nan)),
                   readonly(np.full(count, np.datetime64("NaT"), dtype="datetime64[D]")))


def _is_series(value: object) -> bool:
    return hasattr(value, "index") and hasattr(value, "to_numpy") and hasattr(value, "items")


def is_keyed(value: object) -> bool:
    """Whether `value` is keyed by id (a Mapping or a pandas Series), not positional."""
    return isinstance(value, Mapping) or _is_series(value)


def keyed(owner: str, field: str, value: Any, ids: Array) -> list[Any]:  # noqa: ANN401
    """The values of `value` (a Mapping or pandas Series keyed by id) in the order of `ids`.

    Raises
    ------
    ValidationError
        Naming the ids of the table `value` lacks, and the keys that are not
        ids of the table.
    """
    pairs = dict(value.items())
    wanted = ids.tolist()
    missing = [i for i in wanted if i not in pairs]
    if missing:
        raise v.fail(owner, field, f"has no entry for {len(missing)} series of the table: "
                     f"{_listed(missing)}", type(value).__name__)
    known = set(wanted)
    extra = [k for k in pairs if k not in known]
    if extra:
        raise v.fail(owner, field, f"has {len(extra)} ids that are not in the table: "
                     f"{_listed(extra)}", type(value).__name__)
    return [pairs[i] for i in wanted]


def keyed_deadlines(owner: str, value: Any, ids: Array) -> Array:  # noqa: ANN401
    """Keyed deadlines as ``datetime64[D]`` (``None``/``NaT`` for none) in the order of `ids`."""
    out = np.full(ids.shape[0], np.datetime64("NaT"), dtype="datetime64[D]")
    for at, day in enumerate(keyed(owner, "deadlines", value, ids)):
        if day is None:
            continue
        if hasattr(day, "to_pydatetime"):  # a pandas Timestamp
            day = day.to_pydatetime()  # noqa: PLW2901 - normalised in place
        if isinstance(day, dt.datetime):
            day = day.date()  # noqa: PLW2901
        if isinstance(day, dt.date):
            day = np.datetime64(day.isoformat(), "D")  # noqa: PLW2901
        if not isinstance(day, np.datetime64):
            raise v.fail(owner, "deadlines", f"must hold dates (series {ids[at].item()!r})",
                         day)
        out[at] = day.astype("datetime64[D]")
    return out


def resolve(owner: str, ids: Array, info: SeriesInfo | None, targets: object,
            deadlines: object) -> tuple[object, object]:
    """Targets and deadlines for :func:`forecasts`: keyed ones aligned, missing ones the table's.

    Raises
    ------
    ValidationError
        When no targets are given and the table has none for some series.
    """
    if targets is None:
        have = info.targets if info is not None else np.full(ids.shape[0], np.nan)
        lacking = np.isnan(have)
        if lacking.any():
            where = ("has no targets" if info is None else
                     f"has no target for {_listed(ids[lacking].tolist())}")
            raise v.fail(owner, "targets", f"must be given: the table {where}", None)
        targets = have
    elif is_keyed(targets):
        targets = np.asarray(keyed(owner, "targets", targets, ids))
    if deadlines is None and info is not None:
        deadlines = info.deadlines
    elif is_keyed(deadlines):
        deadlines = keyed_deadlines(owner, deadlines, ids)
    return targets, deadlines
