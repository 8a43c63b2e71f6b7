"""A user's file for ``de-an06 report FILE --html``: JSON, the library's CSV, or a spreadsheet.

Private to the command line. Which reader reads the file:

* ``*.json``: :func:`de_an06.io.read_json` (readings, targets and claims);
* ``*.csv`` whose header holds every column the library's readings CSV
  requires: :func:`de_an06.io.read_csv`;
* anything else (a province's export, ``*.xlsx``), or any file given with
  ``--columns``: :func:`de_an06.io.read_table`, with the options of
  ``--columns`` (:func:`table_options`).

A table becomes readings and targets (:func:`table_records`) so that the
dashboard treats every file alike.
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from de_an06 import _days, batch, datasets, io
from de_an06.errors import ParseError, UnknownCodeError
from de_an06.io.schema import REQUIRED
from de_an06.model import Indicator, Jurisdiction, Level, Reading, Target

__all__ = ["TABLE_OPTIONS", "read_report_file", "table_options", "table_records"]

#: The keyword options of :func:`de_an06.io.read_table` a ``--columns`` file may set.
TABLE_OPTIONS = ("columns", "indicator", "level", "number_format", "date_order", "delimiter",
                 "sheet", "names")

Records = tuple[list[Reading], list[Target], list[Any]]


def table_options(spec: str) -> dict[str, Any]:
    """The ``read_table`` options of ``--columns SPEC``.

    `SPEC` is a JSON file (``*.json``) or a TOML file (``*.toml``) holding
    either a mapping header -> role (``{"Mã ĐVHC": "code", "Ngày": "date"}``)
    or a table of :data:`TABLE_OPTIONS` (``{"columns": {...}, "indicator":
    "eid-activated", "names": "last"}``); or, inline, ``Header=role``
    pairs separated by ``;`` (``"Mã ĐVHC=code;Ngày=date"``). The roles and
    options are checked by ``read_table`` itself.

    Raises
    ------
    ParseError
        For a missing or unreadable file, or anything but a mapping of text.
    """
    path = Path(spec)
    suffix = path.suffix.lower()
    if suffix in {".json", ".toml"}:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ParseError(f"cannot read the --columns file: {error.strerror}",
                             file=spec) from None
        try:
            data: object = _toml(text) if suffix == ".toml" else json.loads(text)
        except ValueError as error:
            raise ParseError(f"not valid {suffix[1:].upper()}: {error}", file=spec) from None
    else:
        pairs: dict[str, str] = {}
        for pair in filter(None, (p.strip() for p in spec.split(";"))):
            header, sep, role = pair.rpartition("=")
            if not sep or not header.strip():
                raise ParseError("--columns must be a .json or .toml file, or "
                                 "'Header=role' pairs separated by ';'", text=pair)
            pairs[header.strip()] = role.strip()
        data = pairs
    if not isinstance(data, Mapping):
        raise ParseError("must hold a mapping of headers to roles, or of read_table options",
                         file=spec)
    options = dict(data) if "columns" in data else {"columns": dict(data)}
    unknown = sorted(set(options) - set(TABLE_OPTIONS))
    if unknown:
        raise ParseError(f"unknown option {unknown[0]!r}; the options are "
                         f"{', '.join(TABLE_OPTIONS)}", file=spec)
    columns = options["columns"]
    if not isinstance(columns, Mapping) or not all(
            isinstance(k, str) and isinstance(x, str) for k, x in columns.items()):
        raise ParseError("'columns' must map each header (text) to a role (text)", file=spec)
    return options


def _toml(text: str) -> object:
    tomllib = importlib.import_module("tomllib")  # Python 3.11 and later
    parsed: object = tomllib.loads(text)
    return parsed


def _is_library_csv(path: str) -> bool:
    """Whether the first line of `path` holds every column a readings CSV needs."""
    try:
        with Path(path).open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, csv.Error) as error:
        raise ParseError(f"cannot read the file: {error}", file=path) from None
    return REQUIRED["readings"] <= {cell.strip() for cell in header}


def _indicator(code: str) -> Indicator:
    """The catalogue's indicator of `code`, or a plain count named by its code."""
    try:
        return datasets.indicator(code)
    except UnknownCodeError:
        name = code if code != "value" else "Value"
        return Indicator(code, name, code if code != "value" else "Giá trị", unit="count")


def table_records(table: batch.ReadingTable, indicator: Indicator | None = None) -> Records:
    """The readings and targets of a table read by ``read_table``.

    Each series becomes readings of `indicator` (default: the table's
    indicator code, a catalogue indicator when the code is one, else a plain
    count ``value``) at its jurisdiction: the file's code, name, level (a
    commune when the file does not say) and parent.
    """
    info = table.info if table.info is not None else batch.SeriesInfo.empty(table.n_series)
    readings: list[Reading] = []
    targets: list[Target] = []
    known: dict[str, Indicator] = {}
    for row in range(table.n_series):
        code = str(info.codes[row]) or str(table.ids[row])
        level = str(info.levels[row]) or Level.COMMUNE.value
        parent = str(info.parents[row]) or ("VN" if level == Level.PROVINCE.value else None)
        name = str(info.names[row]) or code
        place = Jurisdiction(code, name, name, level=level, parent=parent)
        what = indicator
        if what is None:
            key = str(info.indicators[row]) or "value"
            what = known.setdefault(key, _indicator(key))
        start = int(table.starts[row])
        stop = start + int(table.sizes[row])
        readings += [Reading(what, float(value), as_of=_days.date_of(int(day)),
                             jurisdiction=place)
                     for day, value in zip(table.days[start:stop].tolist(),
                                           table.values[start:stop].tolist(), strict=True)]
        goal = float(info.targets[row])
        if not np.isnan(goal):
            due = info.deadlines[row]
            targets.append(Target(what, goal, jurisdiction=place,
                                  deadline=None if np.isnat(due) else due.item()))
    return readings, targets, []


def read_report_file(path: str, number_format: str, columns: str | None) -> Records:
    """Readings, targets and claims of a user's file (see the module's docstring)."""
    if path.lower().endswith(".json") and columns is None:
        data = io.read_json(path)
        return list(data.readings), list(data.targets), list(data.claims)
    if path.lower().endswith(".csv") and columns is None and _is_library_csv(path):
        data = io.read_csv(path, number_format=number_format)  # type: ignore[arg-type]
        return list(data.readings), list(data.targets), list(data.claims)
    options = {} if columns is None else table_options(columns)
    # The command's default ("plain") leaves the format to read_table, column by column.
    options.setdefault("number_format", "auto" if number_format == "plain" else number_format)
    code = options.get("indicator")
    indicator = _indicator(code) if isinstance(code, str) and code.strip() else None
    if indicator is not None:
        options["indicator"] = indicator
    return table_records(io.read_table(path, **options), indicator)
