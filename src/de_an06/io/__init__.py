"""Read and write de_an06 objects as files.

JSON documents hold a whole :class:`Dataset` — sources, jurisdictions,
indicators, readings, targets, tasks and claims — with readings, targets and
claims referring to their indicator, jurisdiction and source by ``code``.
Field names are the attribute names of the domain classes; enums are written
as their values, dates as ISO ``YYYY-MM-DD``. CSV files hold one kind of
record in the wide row layout of :data:`READING_COLUMNS`,
:data:`TARGET_COLUMNS` or :data:`TASK_COLUMNS`, the layout
:mod:`de_an06.frames` uses too.

Every reader is total: it returns valid objects or raises
:class:`~de_an06.ParseError` naming the file, the element (a JSON path such
as ``$.readings[3].value``, or a line and a column) and the value. Nothing is
evaluated or unpickled.

The package: ``_json`` (JSON documents), ``_csv`` (CSV files), ``_columns``
(the fast columnar CSV reader), ``export`` (Open SDG and DHIS2, with
``_dhis2_periods`` for DHIS2's period ids), and, public
in the package for the readers and :mod:`de_an06.frames`, ``schema`` (THE
row layout and the row -> record builder) and ``cells`` (how one cell is read
and written).

Examples
--------
>>> import datetime as dt
>>> import de_an06 as da
>>> from de_an06 import io
>>> kh = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
>>> ind = da.Indicator("eid-collected", "e-ID applications collected",
...                    "Thu nhận hồ sơ định danh điện tử", unit="people")
>>> data = io.Dataset(readings=[da.Reading(ind, 546_234, as_of=dt.date(2023, 7, 1),
...                                        jurisdiction=kh)])
>>> again = io.loads(io.dumps(data))
>>> again.readings == data.readings, [j.name_vi for j in again.jurisdictions]
(True, ['Khánh Hòa'])
"""

from __future__ import annotations

from de_an06.io._columns import ReadingColumns, read_csv_columns
from de_an06.io._csv import read_csv, write_csv
from de_an06.io._dataset import Dataset
from de_an06.io._dhis2_periods import DHIS2_PERIOD_TYPES, dhis2_period, dhis2_period_range
from de_an06.io._json import (
    FORMAT_VERSION,
    dumps,
    loads,
    read_json,
    write_json,
)
from de_an06.io._programme import programme_from_dict, programme_to_dict
from de_an06.io._table import read_table
from de_an06.io.export import to_dhis2_datavalues, to_open_sdg_csv
from de_an06.io.schema import READING_COLUMNS, TARGET_COLUMNS, TASK_COLUMNS

__all__ = [
    "DHIS2_PERIOD_TYPES",
    "FORMAT_VERSION",
    "READING_COLUMNS",
    "TARGET_COLUMNS",
    "TASK_COLUMNS",
    "Dataset",
    "ReadingColumns",
    "dhis2_period",
    "dhis2_period_range",
    "dumps",
    "loads",
    "programme_from_dict",
    "programme_to_dict",
    "read_csv",
    "read_csv_columns",
    "read_json",
    "read_table",
    "to_dhis2_datavalues",
    "to_open_sdg_csv",
    "write_csv",
    "write_json",
]


def __dir__() -> list[str]:
    return __all__


# Classes of the package's modules, documented (types in signatures) and pickled from here.
Dataset.__module__ = __name__
ReadingColumns.__module__ = __name__
