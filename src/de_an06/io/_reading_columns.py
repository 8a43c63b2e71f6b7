"""The columns :func:`~de_an06.io.read_csv_columns` returns, checked like every model object.

A :class:`ReadingColumns` built by hand gets the checks the reader's own
answer passes: one entry per reading in every array, code positions inside
their tables, one unit and one direction per indicator, dates of years 1 to
9999 and values that are finite and valid for their unit; anything else is a
:class:`~de_an06.ValidationError` naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _days
from de_an06 import _validators as v
from de_an06.model import Direction, Unit
from de_an06.model.rules import first_bad_value

__all__ = ["ReadingColumns", "broken_rule"]

_OWNER: Final = "ReadingColumns"


def broken_rule(value: npt.NDArray[np.float64], unit: npt.NDArray[np.int32],
                units: Sequence[Unit]) -> tuple[int, str] | None:
    """The first row whose value breaks the value rule of its unit, and the rule broken.

    The one place io applies the model's value rules (both paths of the
    reader and :class:`ReadingColumns` ask it): ``units[unit[i]]`` is the
    unit of row ``i``.
    """
    found = []
    for code, unit_ in enumerate(units):
        rows = np.flatnonzero(unit == code)
        bad = first_bad_value(unit_, value[rows]) if rows.size else None
        if bad is not None:
            found.append((int(rows[bad[0]]), bad[1]))
    return min(found, default=None)


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.flags.writeable = False
    return array


def _array(field: str, values: object, kinds: str, what: str) -> npt.NDArray[Any]:
    """`values` as a 1-D array of one of the dtype `kinds`, or the library's error."""
    try:
        array = np.asarray(values)
    except (TypeError, ValueError):
        raise v.fail(_OWNER, field, f"must be a 1-D array of {what}",
                     type(values).__name__) from None
    if array.shape == (0,):  # no readings ([] is float64 to NumPy)
        return array.astype(np.float64 if "f" in kinds else np.int64 if "i" in kinds
                            else "datetime64[D]")
    if array.ndim != 1 or array.dtype.kind not in kinds:
        raise v.fail(_OWNER, field, f"must be a 1-D array of {what}",
                     f"shape {array.shape}, dtype {array.dtype}")
    return array


def _positions(field: str, values: object) -> npt.NDArray[np.int32]:
    array = _array(field, values, "iu", "integers")
    if array.size and (array.min() < 0 or array.max() > np.iinfo(np.int32).max):
        raise v.fail(_OWNER, field, "must hold positions in its codes (0 or more)",
                     int(array.min() if array.min() < 0 else array.max()))
    return _readonly(array.astype(np.int32))


def _indicators(values: object) -> npt.NDArray[np.int32]:
    return _positions("indicator", values)


def _places(values: object) -> npt.NDArray[np.int32]:
    return _positions("jurisdiction", values)


def _dates(values: object) -> npt.NDArray[np.datetime64]:
    array = _array("as_of", values, "M", "dates (datetime64)")
    days = _days.day_numbers(array)
    at = _days.first_invalid_day(days)
    if at is not None:
        raise v.fail(_OWNER, "as_of", "must hold dates of years 1 to 9999 (no NaT)",
                     str(array[at]))
    return _readonly(days.view("datetime64[D]"))


def _float64(values: object) -> npt.NDArray[np.float64]:
    array = _array("value", values, "iuf", "real numbers").astype(np.float64)
    finite = np.isfinite(array)
    if not finite.all():
        raise v.fail(_OWNER, "value", "must be finite", float(array[~finite][0]))
    return _readonly(array)


def _texts(field: str, values: Iterable[object]) -> tuple[str, ...]:
    items: list[str] = []
    for item in values:
        if not isinstance(item, str):
            raise v.fail(_OWNER, field, f"must hold codes (str), not {type(item).__name__}",
                         item)
        items.append(item)
    return tuple(items)


def _indicator_codes(values: Iterable[object]) -> tuple[str, ...]:
    return _texts("indicator_codes", values)


def _place_codes(values: Iterable[object]) -> tuple[str, ...]:
    return _texts("jurisdiction_codes", values)


def _members(field: str, kind: type[Any], values: Iterable[object]) -> tuple[Any, ...]:
    items = tuple(v.as_enum(kind, item) for item in values)
    for item in items:
        if not isinstance(item, kind):
            raise v.fail(_OWNER, field, f"must hold {kind.__name__} values", item)
    return items


def _units(values: Iterable[object]) -> tuple[Unit, ...]:
    return _members("units", Unit, values)


def _directions(values: Iterable[object]) -> tuple[Direction, ...]:
    return _members("directions", Direction, values)


_ARRAY_EQ: Final = attrs.cmp_using(eq=np.array_equal)


@attrs.frozen
class ReadingColumns:
    r"""The key columns of a readings CSV file as read-only NumPy arrays.

    Row ``i`` is the reading of indicator ``indicator_codes[indicator[i]]``
    in jurisdiction ``jurisdiction_codes[jurisdiction[i]]`` with value
    ``value[i]`` on ``as_of[i]``, in file order. Codes are numbered in order
    of first appearance. Each indicator's unit and direction are
    ``units[k]`` and ``directions[k]`` for ``indicator_codes[k]``.

    Parameters
    ----------
    indicator, jurisdiction : numpy.ndarray
        Positions (``int32``) in `indicator_codes` and `jurisdiction_codes`.
    indicator_codes, jurisdiction_codes : tuple of str
        The distinct codes.
    as_of : numpy.ndarray
        Dates (``datetime64[D]``).
    value : numpy.ndarray
        Values (``float64``), finite and valid for the indicator's unit.
    units : tuple of Unit
        Each indicator's unit, as the file describes the indicator (its
        ``indicator_unit`` cell) or as ``known=`` gives it.
    directions : tuple of Direction
        Each indicator's direction, described the same way: the
        ``indicator_direction`` cell, or the unit's
        :attr:`~de_an06.Unit.default_direction` where the cell is empty or
        the file has no such column (as :class:`~de_an06.Indicator` does).

    Raises
    ------
    ValidationError
        When built by hand with arrays of different lengths, a position
        outside its codes, a unit or direction missing for an indicator,
        dates outside years 1 to 9999 or values that are not finite or break
        their unit's rule.

    Examples
    --------
    >>> import io as stdio
    >>> from de_an06 import io
    >>> text = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
    ...         "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
    ...         "value,as_of\n"
    ...         "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,VN,546234,2023-07-01\n"
    ...         "eid,,,,56,,,,,260234,2023-07-02\n"
    ...         "wait,Days,Ngày,days,56,Khanh Hoa,Khánh Hòa,province,VN,18,2023-07-02\n")
    >>> cols = io.read_csv_columns(stdio.StringIO(text))
    >>> len(cols), cols.indicator_codes, cols.value.tolist()
    (3, ('eid', 'wait'), [546234.0, 260234.0, 18.0])
    >>> cols.as_of
    array(['2023-07-01', '2023-07-02', '2023-07-02'], dtype='datetime64[D]')
    >>> [d.value for d in cols.directions]
    ['higher', 'lower']

    Built by hand, it is checked:

    >>> import numpy as np
    >>> from de_an06 import Unit
    >>> io.ReadingColumns(indicator=[0, 1], indicator_codes=("eid",), jurisdiction=[0, 0],
    ...                   jurisdiction_codes=("56",), as_of=cols.as_of[:2], value=[1.0, 2.0],
    ...                   units=[Unit.PEOPLE], directions=["higher"])
    Traceback (most recent call last):
      ...
    de_an06.errors.ValidationError: ReadingColumns.indicator must hold positions in ... (got 1)
    """

    indicator: npt.NDArray[np.int32] = attrs.field(converter=_indicators,
                                                   eq=_ARRAY_EQ, repr=False)
    indicator_codes: tuple[str, ...] = attrs.field(converter=_indicator_codes)
    jurisdiction: npt.NDArray[np.int32] = attrs.field(converter=_places,
                                                      eq=_ARRAY_EQ, repr=False)
    jurisdiction_codes: tuple[str, ...] = attrs.field(converter=_place_codes)
    as_of: npt.NDArray[np.datetime64] = attrs.field(converter=_dates, eq=_ARRAY_EQ, repr=False)
    value: npt.NDArray[np.float64] = attrs.field(converter=_float64, eq=_ARRAY_EQ, repr=False)
    units: tuple[Unit, ...] = attrs.field(kw_only=True, converter=_units)
    directions: tuple[Direction, ...] = attrs.field(kw_only=True, converter=_directions)

    def __attrs_post_init__(self) -> None:
        size = self.value.shape[0]
        for name in ("indicator", "jurisdiction", "as_of"):
            if getattr(self, name).shape[0] != size:
                raise v.fail(self, name, f"must hold one entry per value ({size})",
                             getattr(self, name).shape[0])
        for name in ("indicator", "jurisdiction"):
            codes = getattr(self, f"{name}_codes")
            positions = getattr(self, name)
            if positions.size and positions.max() >= len(codes):
                raise v.fail(self, name, f"must hold positions in {name}_codes "
                             f"({len(codes)} of them)", int(positions.max()))
        for name in ("units", "directions"):
            if len(getattr(self, name)) != len(self.indicator_codes):
                raise v.fail(self, name, "must hold one entry per indicator code "
                             f"({len(self.indicator_codes)})", len(getattr(self, name)))
        distinct = list(dict.fromkeys(self.units))
        unit_of = np.array([distinct.index(u) for u in self.units], dtype=np.int32)
        broken = broken_rule(self.value, unit_of[self.indicator], distinct)
        if broken is not None:
            row, rule = broken
            raise v.fail(self, f"value[{row}]", rule, float(self.value[row]))

    def __len__(self) -> int:
        return len(self.value)
