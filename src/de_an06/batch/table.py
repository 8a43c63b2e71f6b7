"""The container of the batch engine: readings of many series as sorted columns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from de_an06 import _validators as v
from de_an06.analysis import rows
from de_an06.batch import _html
from de_an06.batch._arrays import ARRAY_EQ, Array, readonly
from de_an06.batch._checks import check_fit
from de_an06.batch._info import SeriesInfo
from de_an06.errors import UnknownCodeError
from de_an06.model import Direction, Reading, Series


def _fits(number: object, dtype: np.dtype[Any]) -> bool:
    """Whether the integer `number` lies in the range of the integer `dtype`."""
    info = np.iinfo(dtype)
    return bool(info.min <= int(number) <= info.max)  # type: ignore[call-overload]


def _series_id(series: Series) -> str:
    return f"{series.indicator.code}@{series.jurisdiction.code}"


def _as_ids(raw: object) -> Array:
    ids = np.asarray(raw)
    if ids.dtype.kind == "O" and all(isinstance(x, str) for x in ids.ravel().tolist()):
        ids = ids.astype(str)
    if ids.dtype.kind not in "iuU":
        raise v.fail("ReadingTable", "ids", "must be integers or strings",
                     f"dtype {ids.dtype}")
    return ids


def _as_days(raw: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
    """Day numbers as int64, without a copy when they already are (range checked later)."""
    if raw.dtype.kind == "M":
        missing = np.isnat(raw)
        if missing.any():
            raise v.fail("ReadingTable", "days", "must not hold NaT",
                         int(np.flatnonzero(missing)[0]))
        return raw.astype("datetime64[D]").astype(np.int64)
    if raw.dtype.kind in "iu":
        return raw.astype(np.int64, copy=False)
    raise v.fail("ReadingTable", "days", "must be datetime64 or integer day numbers",
                 f"dtype {raw.dtype}")


def _check_range(first: npt.NDArray[np.int64], last: npt.NDArray[np.int64]) -> None:
    """Every day a valid date, from each series' first and last day (days are sorted)."""
    for ends, bad in ((first, first < rows.MIN_DAY), (last, last > rows.MAX_DAY)):
        if bad.any():
            raise v.fail("ReadingTable", "days", "must be day numbers of valid dates",
                         int(ends[bad][0]))


def _as_values(raw: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """Values as float64, without a copy when they already are (finiteness checked later)."""
    if raw.dtype.kind not in "iuf":
        raise v.fail("ReadingTable", "values", "must be real numbers", f"dtype {raw.dtype}")
    return raw.astype(np.float64, copy=False)


def _starts(ids: Array) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64]]:
    """Where the id changes (between readings ``i`` and ``i + 1``), and each run's start."""
    change = ids[1:] != ids[:-1]
    after = np.flatnonzero(change)
    starts = np.zeros(after.shape[0] + min(ids.shape[0], 1), dtype=np.int64)
    np.add(after, 1, out=starts[1:])
    return change, starts


def _frame_column(frame: object, name: str) -> Array:
    try:
        return np.asarray(frame[name].to_numpy())  # type: ignore[index]
    except (KeyError, AttributeError, TypeError):
        raise v.fail("ReadingTable", "frame", f"must have a column {name!r}",
                     type(frame).__name__) from None


def _sort_order(ids: Array, days: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    """Permutation sorting by id, then day.

    One sort on a combined int64 key (id rank * day range + day offset) when
    it fits, which is about twice as fast as :func:`numpy.lexsort`; string
    ids are ranked with :func:`numpy.unique` first.
    """
    codes: npt.NDArray[Any] = ids
    if ids.dtype.kind == "U":
        codes = np.unique(ids, return_inverse=True)[1].reshape(-1)
    low = int(codes.min())
    high = int(codes.max())
    first = int(days.min())
    width = int(days.max()) - first + 1
    if (high - low + 1) * width < 2**62:
        # Widen before subtracting: int8/16/32 ids spanning more than half
        # their range would wrap around in their own dtype.
        wide = codes.astype(np.int64) if codes.dtype.itemsize < 8 else codes  # noqa: PLR2004
        key = (wide - low).astype(np.int64) * width + (days - first)
        return np.argsort(key, kind="stable")
    return np.lexsort((days, ids))


@attrs.frozen
class ReadingTable:
    """Readings of many series as columns, sorted by series id then day.

    Build it with :meth:`from_arrays`, :meth:`from_readings` or
    :meth:`from_series`; the constructor takes already-validated columns.
    Columns are read-only numpy arrays. Validation happens once, here:
    values finite, days valid dates, at most one reading per series and day.

    Parameters
    ----------
    ids : numpy.ndarray
        One id per series (integer or string dtype), ascending.
    starts : numpy.ndarray
        int64 index of each series' first reading.
    days : numpy.ndarray
        int64 day numbers (days since 1970-01-01), ascending within a series.
    values : numpy.ndarray
        float64 values.
    signs : numpy.ndarray
        int8 per series: +1 when higher is better, -1 when lower is better.
    info : SeriesInfo, optional
        Per-series metadata: jurisdiction code, name, level and parent,
        indicator, target and deadline, aligned with `ids` (set by
        :func:`de_an06.io.read_table`, or :meth:`with_info`).

    Examples
    --------
    >>> import numpy as np
    >>> table = ReadingTable.from_arrays(ids=np.array(["b", "a", "b"]),
    ...                                  days=np.array([3, 1, 2]), values=np.array([3.0, 1, 2]))
    >>> table
    ReadingTable(series=2, readings=3)
    >>> table.ids.tolist(), table.days.tolist(), table.values.tolist()
    (['a', 'b'], [1, 2, 3], [1.0, 2.0, 3.0])
    """

    ids: Array = attrs.field(eq=ARRAY_EQ, repr=False)
    starts: npt.NDArray[np.int64] = attrs.field(eq=ARRAY_EQ, repr=False)
    days: npt.NDArray[np.int64] = attrs.field(eq=ARRAY_EQ, repr=False)
    values: npt.NDArray[np.float64] = attrs.field(eq=ARRAY_EQ, repr=False)
    signs: npt.NDArray[np.int8] = attrs.field(eq=ARRAY_EQ, repr=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    #: Per-series metadata (names, targets, deadlines...), when the table was read from a
    #: file by :func:`de_an06.io.read_table`; None otherwise.
    info: SeriesInfo | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # A copy or an unpickled table holds read-only arrays again and
        # computes its own fit (the cache is not carried over).
        return (_restore, (type(self), self.ids, self.starts, self.days, self.values,
                           self.signs, self.info))

    @classmethod
    def from_arrays(cls, ids: npt.ArrayLike, days: npt.ArrayLike, values: npt.ArrayLike, *,
                    lower_is_better: npt.ArrayLike = False) -> ReadingTable:
        """Build a table from three aligned columns.

        Parameters
        ----------
        ids : numpy.ndarray or list
            Series id of each reading: integers or strings.
        days : numpy.ndarray or list
            ``datetime64`` dates or integer day numbers since 1970-01-01.
        values : numpy.ndarray or list
            Real, finite values.
        lower_is_better : bool or numpy.ndarray
            Direction of every series (one flag), or one flag per distinct id
            in ascending id order.

        Returns
        -------
        ReadingTable
            The table, sorted by id then day, with its fit.

        Raises
        ------
        ValidationError
            For columns of different lengths or wrong dtypes, non-finite
            values, invalid days, two readings of one series on one day, or
            a series whose values are too large for its fit in float64 (its
            sums or squares overflow; the error names the series, as
            :func:`de_an06.trend` refuses it).

        Notes
        -----
        The inputs are never modified, and the table holds its own copies.
        Columns already sorted by id then day (checked in one pass) are
        copied as they are, without sorting; otherwise they are sorted (one
        :func:`numpy.argsort` on a combined key) and the duplicate days
        looked for. The series are fitted in the same pass as the copies;
        :func:`~de_an06.batch.trends` and :func:`~de_an06.batch.forecasts`
        use that fit.
        """
        id_col = _as_ids(ids)
        raw_days, raw_values = np.asarray(days), np.asarray(values)
        day_col = _as_days(raw_days)
        value_col = _as_values(raw_values)
        if not id_col.ndim == day_col.ndim == value_col.ndim == 1:
            raise v.fail("ReadingTable", "ids", "must be one-dimensional like days and values",
                         id_col.shape)
        if not id_col.shape == day_col.shape == value_col.shape:
            raise v.fail("ReadingTable", "values",
                         f"must have the length of ids and days ({id_col.shape[0]})",
                         value_col.shape[0])
        # Already sorted (one pass over ids and days, which also rules out a repeated
        # day): keep the order and copy the columns; otherwise sort them.
        change, starts = _starts(id_col)
        unique = id_col[starts]
        copies: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]] | None = None
        ordered = bool((unique[1:] > unique[:-1]).all()) and bool(
            ((day_col[1:] > day_col[:-1]) | change).all())
        if ordered:
            if np.may_share_memory(day_col, raw_days) or np.may_share_memory(value_col,
                                                                             raw_values):
                copies = np.empty_like(day_col), np.empty_like(value_col)
        else:
            order = _sort_order(id_col, day_col)
            id_col, day_col, value_col = id_col[order], day_col[order], value_col[order]
            change, starts = _starts(id_col)
            unique = id_col[starts]
            _check_range(day_col[starts], day_col[np.append(starts[1:], day_col.shape[0]) - 1])
            duplicate = ~change & (day_col[1:] == day_col[:-1])
            if duplicate.any():
                at = int(np.flatnonzero(duplicate)[0])
                raise v.fail("ReadingTable", "days", f"must not repeat a day within series "
                             f"{id_col[at].item()!r}", rows.day_to_date(int(day_col[at])))
        flags = np.asarray(lower_is_better)
        if flags.dtype.kind != "b" or flags.ndim > 1 or (
                flags.ndim == 1 and flags.shape[0] != unique.shape[0]):
            raise v.fail("ReadingTable", "lower_is_better",
                         f"must be a bool or {unique.shape[0]} bools (one per series)",
                         lower_is_better)
        signs = np.where(np.broadcast_to(flags, unique.shape), -1, 1).astype(np.int8)
        # The fit, in the same pass as the copies (when the columns are the caller's);
        # its first and last days and its means finish the checks, per series.
        fitted = rows.fit(starts, day_col, value_col, copy_into=copies)
        if ordered:
            _check_range(fitted.first_day, fitted.last_day)
        if copies is not None:
            day_col, value_col = copies
        table = cls(readonly(unique), readonly(starts), readonly(day_col),
                    readonly(value_col), readonly(signs))
        table._cache["fit"] = rows.Fit(*(readonly(a) for a in fitted))
        check_fit("ReadingTable", "values", table)
        return table

    @classmethod
    def from_pandas(cls, frame: Any, *, id: str = "id", day: str = "day",  # noqa: A002, ANN401
                    value: str = "value",
                    lower_is_better: npt.ArrayLike = False) -> ReadingTable:
        """Build a table from three columns of a pandas DataFrame.

        pandas is optional: this method only reads the columns' numpy arrays
        and works with anything that has ``frame[name].to_numpy()``.

        Parameters
        ----------
        frame : object
            The readings, as a ``pandas.DataFrame``.
        id, day, value : str
            Column names of the series id, the date (``datetime64`` or day
            numbers) and the value.
        lower_is_better : bool or numpy.ndarray
            As for :meth:`from_arrays`.

        Raises
        ------
        ValidationError
            When a column is missing, and as :meth:`from_arrays`.
        """
        columns = [_frame_column(frame, name) for name in (id, day, value)]
        if columns[1].dtype.kind == "M":
            columns[1] = columns[1].astype("datetime64[D]")
        return cls.from_arrays(*columns, lower_is_better=lower_is_better)

    @classmethod
    def from_columns(cls, columns: Any, *,  # noqa: ANN401 - duck-typed
                     lower_is_better: npt.ArrayLike | None = None) -> ReadingTable:
        r"""Build a table from the columns :func:`de_an06.io.read_csv_columns` reads.

        This is the fast way from a national-scale CSV file to trends: no
        :class:`~de_an06.Reading` is built on the way. Series ids are
        ``"<indicator code>@<jurisdiction code>"``, as for :meth:`from_series`.
        Which way is better comes from each indicator's direction, as the
        file states it (``indicator_direction``) or as its unit implies
        (``ReadingColumns.directions``).

        Parameters
        ----------
        columns : de_an06.io.ReadingColumns
            Or any object with the same attributes (``indicator``,
            ``indicator_codes``, ``jurisdiction``, ``jurisdiction_codes``,
            ``as_of``, ``value``).
        lower_is_better : bool or numpy.ndarray, optional
            An explicit override, as for :meth:`from_arrays` (one flag, or one
            per series in ascending id order); by default each series takes
            its indicator's direction (higher is better for columns that do
            not carry ``directions``).

        Raises
        ------
        ValidationError
            As :meth:`from_arrays` (a repeated day names the series by its
            position in ascending id order).

        Examples
        --------
        >>> import io as stdio
        >>> from de_an06 import batch, io
        >>> text = ("indicator,indicator_name,indicator_name_vi,indicator_unit,jurisdiction,"
        ...         "jurisdiction_name,jurisdiction_name_vi,jurisdiction_level,jurisdiction_parent,"
        ...         "value,as_of\n"
        ...         "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,VN,500000,2023-06-25\n"
        ...         "eid,e-ID,ĐDĐT,people,56,Khanh Hoa,Khánh Hòa,province,VN,546234,2023-07-01\n")
        >>> table = ReadingTable.from_columns(io.read_csv_columns(stdio.StringIO(text)))
        >>> table.ids.tolist(), round(float(batch.trends(table).slope[0]), 1)
        (['eid@56'], 7705.7)
        """
        try:
            indicator = np.asarray(columns.indicator, dtype=np.int64)
            jurisdiction = np.asarray(columns.jurisdiction, dtype=np.int64)
            indicator_codes = tuple(columns.indicator_codes)
            jurisdiction_codes = tuple(columns.jurisdiction_codes)
            days, values = columns.as_of, columns.value
        except (AttributeError, TypeError, ValueError):
            raise v.fail("ReadingTable", "columns", "must be ReadingColumns",
                         type(columns).__name__) from None
        width = max(len(jurisdiction_codes), 1)
        pair = indicator * width + jurisdiction
        present = np.unique(pair)
        names = np.array([f"{indicator_codes[p // width]}@{jurisdiction_codes[p % width]}"
                          for p in present.tolist()], dtype=str)
        order = np.argsort(names, kind="stable")
        rank = np.empty(present.shape[0], dtype=np.int64)
        rank[order] = np.arange(present.shape[0], dtype=np.int64)
        if lower_is_better is None:
            directions = tuple(getattr(columns, "directions", ()))
            if directions and len(directions) != len(indicator_codes):
                raise v.fail("ReadingTable", "columns",
                             f"must give one direction per indicator ({len(indicator_codes)})",
                             len(directions))
            lower = np.array([d is Direction.LOWER_IS_BETTER for d in directions], dtype=bool)
            lower_is_better = (lower[(present // width)[order]] if lower.size
                               else np.zeros(present.shape[0], dtype=bool))
        table = cls.from_arrays(rank[np.searchsorted(present, pair)], days, values,
                                lower_is_better=lower_is_better)
        named = attrs.evolve(table, ids=readonly(names[order]))
        named._cache.update(table._cache)  # noqa: SLF001 - the same readings, fitted
        return named

    @classmethod
    def from_series(cls, series: Iterable[Series]) -> ReadingTable:
        """Build a table from :class:`~de_an06.Series`, one per id.

        Ids are ``"<indicator code>@<jurisdiction code>"``; directions come
        from the indicators.

        Raises
        ------
        ValidationError
            When two series share an indicator and a jurisdiction.
        """
        ids: list[str] = []
        days: list[int] = []
        values: list[float] = []
        lower: dict[str, bool] = {}
        for s in series:
            if not isinstance(s, Series):
                raise v.fail("ReadingTable", "series", f"must hold Series, not "
                             f"{type(s).__name__}", s)
            key = _series_id(s)
            if key in lower:
                raise v.fail("ReadingTable", "series", "must not repeat a series id", key)
            lower[key] = s.indicator.direction is Direction.LOWER_IS_BETTER
            for r in s:
                ids.append(key)
                days.append(r.day)
                values.append(float(r.value))
        flags = np.array([lower[key] for key in sorted(lower)], dtype=bool)
        return cls.from_arrays(np.array(ids, dtype=str), np.array(days, dtype=np.int64),
                               np.array(values, dtype=np.float64), lower_is_better=flags)

    @classmethod
    def from_readings(cls, readings: Iterable[Reading]) -> ReadingTable:
        """Build a table from readings, grouped by indicator and jurisdiction.

        Raises
        ------
        ValidationError
            For anything but readings, or two readings of one series on one day.
        """
        groups: dict[str, list[Reading]] = {}
        for r in readings:
            if not isinstance(r, Reading):
                raise v.fail("ReadingTable", "readings",
                             f"must hold Readings, not {type(r).__name__}", r)
            groups.setdefault(f"{r.indicator.code}@{r.jurisdiction.code}", []).append(r)
        return cls.from_series(Series(items) for items in groups.values())

    @property
    def n_series(self) -> int:
        """Number of series."""
        return int(self.ids.shape[0])

    @property
    def n_readings(self) -> int:
        """Number of readings."""
        return int(self.values.shape[0])

    @property
    def sizes(self) -> npt.NDArray[np.int64]:
        """Readings per series."""
        return np.diff(np.append(self.starts, self.n_readings))

    def index(self, series_id: int | str | np.generic) -> int:
        """Row of `series_id`.

        Raises
        ------
        UnknownCodeError
            When the id is not in the table (it is also a :class:`KeyError`).
        ValidationError
            When `series_id` is neither an int nor a str (``bool`` included).
        """
        if isinstance(series_id, (bool, np.bool_)) \
                or not isinstance(series_id, (int, np.integer, str)):
            raise v.fail("ReadingTable", "series_id",
                         f"must be an int or a str, not {type(series_id).__name__}", series_id)
        text = self.ids.dtype.kind == "U"
        if text == isinstance(series_id, str) and (text or _fits(series_id, self.ids.dtype)):
            at = int(np.searchsorted(self.ids, np.asarray(series_id, dtype=self.ids.dtype)))
            if at < self.n_series and self.ids[at] == series_id:
                return at
        raise UnknownCodeError(f"ReadingTable has no series {series_id!r}")

    def __len__(self) -> int:
        return self.n_series

    def _repr_html_(self) -> str:
        """The size and the first series, for a notebook."""
        return _html.reading_table_html(self)

    def with_info(self, info: SeriesInfo) -> ReadingTable:
        """The same readings with per-series metadata `info` (aligned with ``ids``).

        Raises
        ------
        ValidationError
            When `info` does not hold one entry per series.
        """
        given: object = info
        if not isinstance(given, SeriesInfo) or len(given) != self.n_series:
            raise v.fail("ReadingTable", "info", f"must be a SeriesInfo of {self.n_series} "
                         "series", info)
        return attrs.evolve(self, info=info)

    def __repr__(self) -> str:
        return f"ReadingTable(series={self.n_series}, readings={self.n_readings})"

    def _fit(self) -> rows.Fit:
        """The kernel's fit of every series, computed once (the table is immutable)."""
        cached = self._cache.get("fit")
        if cached is None:
            cached = rows.Fit(*(readonly(a)
                                for a in rows.fit(self.starts, self.days, self.values)))
            self._cache["fit"] = cached
        return cached


def _restore(cls: type[ReadingTable], ids: Array, starts: npt.NDArray[np.int64],  # noqa: PLR0917 - pickle passes them by position
             days: npt.NDArray[np.int64], values: npt.NDArray[np.float64],
             signs: npt.NDArray[np.int8], info: SeriesInfo | None) -> ReadingTable:
    """Rebuild a pickled or copied table with read-only columns."""
    return cls(readonly(ids), readonly(starts), readonly(days), readonly(values),
               readonly(signs), info=info)
