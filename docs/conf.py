"""Sphinx configuration for the de_an06 documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import de_an06

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

project = "de_an06"
author = "de_an06 contributors"
copyright = "2026, de_an06 contributors"
release = de_an06.__version__
version = ".".join(release.split(".")[:2])

#: The one address of the project's repository (also in pyproject.toml's
#: [project.urls] and CITATION.cff).
REPOSITORY = "https://github.com/de-an06/de_an06"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    # myst_nb parses the Markdown pages (it includes myst_parser) and the notebook.
    "myst_nb",
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    # This site's own hooks: generated pages, signatures, bases, summaries.
    "_site",
]

exclude_patterns = ["_build", "_inventories", "_generated", "gallery/*.ipynb",
                    "gallery/*.py", "gallery/*.zip", "gallery/*.codeobj.json"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- API reference -----------------------------------------------------------
# The docstrings are NumPy style and name each parameter's type in words
# ("int, optional"), so napoleon turns their sections into Sphinx fields
# (one "Parameters" list) and the annotations stay in the signature, where
# they cannot repeat the docstring's list ("description" would add a second
# list of every parameter with its annotation). napoleon rather than numpydoc:
# both read these docstrings, but napoleon keeps Sphinx's own field lists, so
# nitpicky cross-references and the type aliases below work unchanged. attrs
# classes get their signature from _site (names and defaults only: attrs'
# __init__ annotates converted fields with the converter's argument type).
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_param = True
napoleon_use_rtype = False
napoleon_preprocess_types = True
napoleon_attr_annotations = False
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
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": True}
# One parameter a line once a signature is longer than this.
python_maximum_signature_line_length = 88
# The contents list names a member without its class ("DETERIORATING").
toc_object_entries_show_parents = "hide"
autosummary_generate = False

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

# -- The notebook (myst-nb) --------------------------------------------------
# Run at build time; the outputs are cached (docs/_build/.jupyter_cache) and
# reused until the notebook or the library changes the notebook's inputs.
nb_execution_mode = "cache"
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True

# -- The gallery (sphinx-gallery) --------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": "../examples/gallery",
    "gallery_dirs": "gallery",
    "filename_pattern": r"/plot_",
    "download_all_examples": False,
    "remove_config_comments": True,
    "abort_on_example_error": True,
    "show_signature": False,
    "matplotlib_animations": False,
    "image_scrapers": ("matplotlib",),
    "reference_url": {"de_an06": None},
    "within_subsection_order": "FileNameSortKey",
    "write_computation_times": False,
}

# -- Copy buttons -------------------------------------------------------------
# Copy the code, not the prompts or the output: ">>> " and "... " in Python
# sessions, "$ " in console blocks.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

# -- HTML --------------------------------------------------------------------
html_theme = "furo"
html_title = f"de_an06 {release}"
# _generated/static: the code font, written by _site at every build.
html_static_path = ["_static", "_generated/static"]
(HERE / "_generated" / "static").mkdir(parents=True, exist_ok=True)
html_css_files = ["de_an06.css"]
html_theme_options = {
    "source_repository": REPOSITORY,
    "source_branch": "main",
    "source_directory": "docs/",
    "top_of_page_buttons": ["view", "edit"],
    "footer_icons": [{
        "name": "Repository",
        "url": REPOSITORY,
        "html": "Repository",
        "class": "",
    }],
}
