"""Sphinx configuration for the de_an06 documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import de_an06

sys.path.insert(0, str(Path(__file__).parent))
import _data_tables

project = "de_an06"
author = "de_an06 contributors"
copyright = "2026, de_an06 contributors"
release = de_an06.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "myst_parser",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_param = False
napoleon_use_rtype = False
napoleon_preprocess_types = True
napoleon_type_aliases = {
    "Reading": "de_an06.Reading",
    "Indicator": "de_an06.Indicator",
    "Jurisdiction": "de_an06.Jurisdiction",
    "Target": "de_an06.Target",
    "Series": "de_an06.Series",
    "Source": "de_an06.Source",
    "Unit": "de_an06.Unit",
    "Direction": "de_an06.Direction",
    "Measure": "de_an06.Measure",
    "Qualifier": "de_an06.Qualifier",
    "Basis": "de_an06.Basis",
    "Claim": "de_an06.Claim",
    "ClaimKind": "de_an06.ClaimKind",
    "Level": "de_an06.Level",
    "SearchStrategy": "hypothesis.strategies.SearchStrategy",
    "ParseError": "de_an06.ParseError",
    "ValidationError": "de_an06.ValidationError",
    "Attainment": "de_an06.Attainment",
    "Forecast": "de_an06.Forecast",
    "Trend": "de_an06.Trend",
    "Path": "pathlib.Path",
}

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}

nitpicky = True
nitpick_ignore_regex = [
    (r"py:class", r"iterable"),
    # Type variables and structural types of signatures, not API of their own.
    (r"py:class", r"de_an06\.model\.rules\.N"),
    (r"py:class", r"de_an06\.model\.figures\.PrintedFigure"),
    (r"py:class", r"numbers\.Real"),
    (r"py:class", r"de_an06\.model\._.*"),
    # attrs internals and typing artefacts that autodoc surfaces from signatures.
    (r"py:class", r"attr\..*"),
    (r"py:class", r"numpy\..*"),
    (r"py:class", r"npt\..*"),
    (r"py:class", r"NDArray"),
    (r"py:class", r"T"),
    (r"py:class", r"optional"),
    (r"py:class", r"de_an06\._.*"),
    (r"py:class", r"st\..*"),
    (r"py:class", r"hypothesis\.strategies\._internal\..*"),
    (r"py:class", r"iterable of Reading"),
    # matplotlib is optional and imported for type checking only.
    (r"py:class", r"Axes"),
    # pandas and polars are optional too: their annotations stay strings.
    (r"py:class", r"pd\.DataFrame"),
    (r"py:class", r"pl\.DataFrame"),
]

# CI builds offline, so intersphinx reads small local inventories that list the
# outside names our pages use (see _inventories/build.py).
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "_inventories/python.inv"),
    "numpy": ("https://numpy.org/doc/stable", "_inventories/numpy.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "_inventories/attrs.inv"),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest", "_inventories/hypothesis.inv"),
    "matplotlib": ("https://matplotlib.org/stable", "_inventories/matplotlib.inv"),
    "pandas": ("https://pandas.pydata.org/docs", "_inventories/pandas.inv"),
    "polars": ("https://docs.pola.rs/api/python/stable", "_inventories/polars.inv"),
}
exclude_patterns += ["_inventories"]

html_theme = "furo"
html_title = f"de_an06 {release}"

exclude_patterns += ["_generated"]


def _write_data_tables(_app: object) -> None:
    """Regenerate the tables of the Data page from the bundled data."""
    _data_tables.write(Path(__file__).parent / "_generated")


def setup(app: object) -> None:
    """Sphinx entry point of this configuration."""
    app.connect("builder-inited", _write_data_tables)  # type: ignore[attr-defined]
