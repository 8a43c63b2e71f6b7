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

# project -> [(name, role, uri)]; "$" in a uri stands for the name.
ENTRIES: dict[str, list[tuple[str, str, str]]] = {
    "python": [
        ("datetime.date", "py:class", "library/datetime.html#$"),
        ("datetime.datetime", "py:class", "library/datetime.html#$"),
        ("decimal.Decimal", "py:class", "library/decimal.html#$"),
        ("fractions.Fraction", "py:class", "library/fractions.html#$"),
        ("collections.abc.Iterable", "py:class", "library/collections.abc.html#$"),
        ("collections.abc.Iterator", "py:class", "library/collections.abc.html#$"),
        ("collections.abc.Sequence", "py:class", "library/collections.abc.html#$"),
        ("collections.abc.Mapping", "py:class", "library/collections.abc.html#$"),
        ("argparse.ArgumentParser", "py:class", "library/argparse.html#$"),
        ("enum.Enum", "py:class", "library/enum.html#$"),
        ("pathlib.Path", "py:class", "library/pathlib.html#$"),
        ("os.PathLike", "py:class", "library/os.html#$"),
        ("typing.Any", "py:data", "library/typing.html#$"),
        ("typing.IO", "py:class", "library/typing.html#$"),
        ("typing.TextIO", "py:class", "library/typing.html#$"),
        ("ValueError", "py:exception", "library/exceptions.html#$"),
        ("KeyError", "py:exception", "library/exceptions.html#$"),
        ("TypeError", "py:exception", "library/exceptions.html#$"),
        ("OverflowError", "py:exception", "library/exceptions.html#$"),
        ("object", "py:class", "library/functions.html#$"),
        ("str", "py:class", "library/stdtypes.html#$"),
        ("int", "py:class", "library/functions.html#$"),
        ("float", "py:class", "library/functions.html#$"),
        ("bool", "py:class", "library/functions.html#$"),
        ("bytes", "py:class", "library/stdtypes.html#$"),
        ("tuple", "py:class", "library/stdtypes.html#$"),
        ("list", "py:class", "library/stdtypes.html#$"),
        ("dict", "py:class", "library/stdtypes.html#$"),
        ("set", "py:class", "library/stdtypes.html#$"),
        ("frozenset", "py:class", "library/stdtypes.html#$"),
        ("None", "py:data", "library/constants.html#$"),
        ("csv.reader", "py:function", "library/csv.html#$"),
        ("json.loads", "py:function", "library/json.html#$"),
        ("importlib.resources", "py:module", "library/importlib.resources.html#module-$"),
    ],
    "numpy": [
        ("numpy.ndarray", "py:class", "reference/generated/$.html#$"),
        ("numpy.dtype", "py:class", "reference/generated/$.html#$"),
        ("numpy.datetime64", "py:class", "reference/arrays.scalars.html#$"),
        ("numpy.float64", "py:class", "reference/arrays.scalars.html#$"),
        ("numpy.int64", "py:class", "reference/arrays.scalars.html#$"),
        ("numpy.bool", "py:class", "reference/arrays.scalars.html#$"),
        ("numpy.polyfit", "py:function", "reference/generated/$.html#$"),
        ("numpy.searchsorted", "py:function", "reference/generated/$.html#$"),
        ("numpy.bincount", "py:function", "reference/generated/$.html#$"),
        ("numpy.ufunc.reduceat", "py:method", "reference/generated/$.html#$"),
        ("numpy.typing.NDArray", "py:data", "reference/typing.html#$"),
        ("numpy.typing.ArrayLike", "py:data", "reference/typing.html#$"),
        ("numpy.ma.MaskedArray", "py:class", "reference/maskedarray.baseclass.html#$"),
    ],
    "attrs": [
        ("attrs.frozen", "py:function", "api.html#$"),
        ("attrs.define", "py:function", "api.html#$"),
        ("attrs.evolve", "py:function", "api.html#$"),
        ("attrs.field", "py:function", "api.html#$"),
        ("attrs.asdict", "py:function", "api.html#$"),
    ],
    "hypothesis": [
        ("hypothesis.given", "py:function", "reference/api.html#$"),
        ("hypothesis.find", "py:function", "reference/api.html#$"),
        ("hypothesis.settings", "py:class", "reference/api.html#$"),
        ("hypothesis.errors.InvalidArgument", "py:exception", "reference/api.html#$"),
        ("hypothesis.strategies.SearchStrategy", "py:class", "reference/api.html#$"),
        ("hypothesis.strategies.DrawFn", "py:class", "reference/strategies.html#$"),
        ("hypothesis.strategies.just", "py:function", "reference/strategies.html#$"),
        ("hypothesis.strategies.from_type", "py:function", "reference/strategies.html#$"),
        ("hypothesis.strategies.register_type_strategy", "py:function",
         "reference/strategies.html#$"),
        ("hypothesis.strategies.composite", "py:function", "reference/strategies.html#$"),
        ("hypothesis.strategies.builds", "py:function", "reference/strategies.html#$"),
        ("hypothesis.strategies.sampled_from", "py:function", "reference/strategies.html#$"),
    ],
    "matplotlib": [
        ("matplotlib.axes.Axes", "py:class", "api/_as_gen/$.html#$"),
        ("matplotlib.figure.Figure", "py:class", "api/_as_gen/$.html#$"),
        ("matplotlib.pyplot.subplots", "py:function", "api/_as_gen/$.html#$"),
    ],
    "pandas": [
        ("pandas.DataFrame", "py:class", "reference/api/$.html#$"),
        ("pandas.DataFrame.attrs", "py:attribute", "reference/api/$.html#$"),
        ("pandas.CategoricalDtype", "py:class", "reference/api/$.html#$"),
        ("pandas.Timestamp", "py:class", "reference/api/$.html#$"),
    ],
    "polars": [
        ("polars.DataFrame", "py:class", "reference/dataframe/index.html#$"),
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
