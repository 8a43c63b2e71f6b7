"""Write the small intersphinx inventories the docs link against.

The documentation must build offline (CI has no network), so instead of
fetching ``objects.inv`` from python.org, numpy.org, attrs.org and
readthedocs, the docs use these inventories, which list only the outside
names our pages refer to. Add a name here when a page needs a new one, then
run ``python docs/_inventories/build.py``.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

# project -> [(name, role, uri)], each uri written in full: Sphinx would expand
# a "$" only at the very end of a uri, so "$" is never used here.
ENTRIES: dict[str, list[tuple[str, str, str]]] = {
    "python": [
        ("datetime.date", "py:class", "library/datetime.html#datetime.date"),
        ("datetime.datetime", "py:class", "library/datetime.html#datetime.datetime"),
        ("decimal.Decimal", "py:class", "library/decimal.html#decimal.Decimal"),
        ("fractions.Fraction", "py:class", "library/fractions.html#fractions.Fraction"),
        ("collections.abc.Iterable", "py:class",
         "library/collections.abc.html#collections.abc.Iterable"),
        ("collections.abc.Iterator", "py:class",
         "library/collections.abc.html#collections.abc.Iterator"),
        ("collections.abc.Sequence", "py:class",
         "library/collections.abc.html#collections.abc.Sequence"),
        ("collections.abc.Mapping", "py:class",
         "library/collections.abc.html#collections.abc.Mapping"),
        ("argparse.ArgumentParser", "py:class", "library/argparse.html#argparse.ArgumentParser"),
        ("enum.Enum", "py:class", "library/enum.html#enum.Enum"),
        ("pathlib.Path", "py:class", "library/pathlib.html#pathlib.Path"),
        ("os.PathLike", "py:class", "library/os.html#os.PathLike"),
        ("typing.Any", "py:data", "library/typing.html#typing.Any"),
        ("typing.IO", "py:class", "library/typing.html#typing.IO"),
        ("typing.TextIO", "py:class", "library/typing.html#typing.TextIO"),
        ("ValueError", "py:exception", "library/exceptions.html#ValueError"),
        ("KeyError", "py:exception", "library/exceptions.html#KeyError"),
        ("TypeError", "py:exception", "library/exceptions.html#TypeError"),
        ("OverflowError", "py:exception", "library/exceptions.html#OverflowError"),
        ("object", "py:class", "library/functions.html#object"),
        ("str", "py:class", "library/stdtypes.html#str"),
        ("int", "py:class", "library/functions.html#int"),
        ("float", "py:class", "library/functions.html#float"),
        ("bool", "py:class", "library/functions.html#bool"),
        ("bytes", "py:class", "library/stdtypes.html#bytes"),
        ("tuple", "py:class", "library/stdtypes.html#tuple"),
        ("list", "py:class", "library/stdtypes.html#list"),
        ("dict", "py:class", "library/stdtypes.html#dict"),
        ("set", "py:class", "library/stdtypes.html#set"),
        ("frozenset", "py:class", "library/stdtypes.html#frozenset"),
        ("None", "py:data", "library/constants.html#None"),
        ("csv.reader", "py:function", "library/csv.html#csv.reader"),
        ("json.loads", "py:function", "library/json.html#json.loads"),
        ("importlib.resources", "py:module",
         "library/importlib.resources.html#module-importlib.resources"),
    ],
    "numpy": [
        ("numpy.ndarray", "py:class", "reference/generated/numpy.ndarray.html#numpy.ndarray"),
        ("numpy.dtype", "py:class", "reference/generated/numpy.dtype.html#numpy.dtype"),
        ("numpy.datetime64", "py:class", "reference/arrays.scalars.html#numpy.datetime64"),
        ("numpy.float64", "py:class", "reference/arrays.scalars.html#numpy.float64"),
        ("numpy.int64", "py:class", "reference/arrays.scalars.html#numpy.int64"),
        ("numpy.bool", "py:class", "reference/arrays.scalars.html#numpy.bool"),
        ("numpy.polyfit", "py:function", "reference/generated/numpy.polyfit.html#numpy.polyfit"),
        ("numpy.searchsorted", "py:function",
         "reference/generated/numpy.searchsorted.html#numpy.searchsorted"),
        ("numpy.argsort", "py:function", "reference/generated/numpy.argsort.html#numpy.argsort"),
        ("numpy.bincount", "py:function", "reference/generated/numpy.bincount.html#numpy.bincount"),
        ("numpy.ufunc.reduceat", "py:method",
         "reference/generated/numpy.ufunc.reduceat.html#numpy.ufunc.reduceat"),
        ("numpy.typing.NDArray", "py:data", "reference/typing.html#numpy.typing.NDArray"),
        ("numpy.typing.ArrayLike", "py:data", "reference/typing.html#numpy.typing.ArrayLike"),
        ("numpy.ma.MaskedArray", "py:class",
         "reference/maskedarray.baseclass.html#numpy.ma.MaskedArray"),
    ],
    "attrs": [
        ("attrs.frozen", "py:function", "api.html#attrs.frozen"),
        ("attrs.define", "py:function", "api.html#attrs.define"),
        ("attrs.evolve", "py:function", "api.html#attrs.evolve"),
        ("attrs.field", "py:function", "api.html#attrs.field"),
        ("attrs.asdict", "py:function", "api.html#attrs.asdict"),
    ],
    "hypothesis": [
        ("hypothesis.given", "py:function", "reference/api.html#hypothesis.given"),
        ("hypothesis.find", "py:function", "reference/api.html#hypothesis.find"),
        ("hypothesis.settings", "py:class", "reference/api.html#hypothesis.settings"),
        ("hypothesis.errors.InvalidArgument", "py:exception",
         "reference/api.html#hypothesis.errors.InvalidArgument"),
        ("hypothesis.strategies.SearchStrategy", "py:class",
         "reference/api.html#hypothesis.strategies.SearchStrategy"),
        ("hypothesis.strategies.DrawFn", "py:class",
         "reference/strategies.html#hypothesis.strategies.DrawFn"),
        ("hypothesis.strategies.just", "py:function",
         "reference/strategies.html#hypothesis.strategies.just"),
        ("hypothesis.strategies.from_type", "py:function",
         "reference/strategies.html#hypothesis.strategies.from_type"),
        ("hypothesis.strategies.register_type_strategy", "py:function",
         "reference/strategies.html#hypothesis.strategies.register_type_strategy"),
        ("hypothesis.strategies.composite", "py:function",
         "reference/strategies.html#hypothesis.strategies.composite"),
        ("hypothesis.strategies.builds", "py:function",
         "reference/strategies.html#hypothesis.strategies.builds"),
        ("hypothesis.strategies.sampled_from", "py:function",
         "reference/strategies.html#hypothesis.strategies.sampled_from"),
    ],
    "matplotlib": [
        ("matplotlib.axes.Axes", "py:class",
         "api/_as_gen/matplotlib.axes.Axes.html#matplotlib.axes.Axes"),
        ("matplotlib.figure.Figure", "py:class",
         "api/_as_gen/matplotlib.figure.Figure.html#matplotlib.figure.Figure"),
        ("matplotlib.pyplot.subplots", "py:function",
         "api/_as_gen/matplotlib.pyplot.subplots.html#matplotlib.pyplot.subplots"),
    ],
    "pandas": [
        ("pandas.DataFrame", "py:class", "reference/api/pandas.DataFrame.html#pandas.DataFrame"),
        ("pandas.DataFrame.attrs", "py:attribute",
         "reference/api/pandas.DataFrame.attrs.html#pandas.DataFrame.attrs"),
        ("pandas.CategoricalDtype", "py:class",
         "reference/api/pandas.CategoricalDtype.html#pandas.CategoricalDtype"),
        ("pandas.Timestamp", "py:class", "reference/api/pandas.Timestamp.html#pandas.Timestamp"),
    ],
    "polars": [
        ("polars.DataFrame", "py:class", "reference/dataframe/index.html#polars.DataFrame"),
    ],
}


def write(project: str, entries: list[tuple[str, str, str]]) -> Path:
    """Write ``<project>.inv`` in the Sphinx inventory format, version 2."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        "# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    body = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in sorted(entries))
    path = HERE / f"{project}.inv"
    path.write_bytes(header.encode() + zlib.compress(body.encode()))
    return path


if __name__ == "__main__":
    for project, entries in ENTRIES.items():
        write(project, entries)
