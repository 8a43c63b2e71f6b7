"""The site's own Sphinx extension: generated pages and a tidier API reference.

At every build (``builder-inited``) it writes what the pages include from the
library and the repository, never copied by hand: the Data page's tables
(``_data_tables``), the performance tables and plot (``_performance``), the
code font (``_font``) and a copy of the example notebook for myst-nb. While
autodoc runs it

* shows an attrs class's signature with its parameters and defaults only,
  a factory's default as its value (``groups=()``) instead of attrs'
  ``NOTHING`` and without the converters' argument types;
* shows as bases only public classes (never ``object``, never a private
  helper such as the enums' bilingual base);
* drops a docstring an object only inherits from its type (``__version__``
  would otherwise show the docstring of ``str``);

and it puts a summary table of the page's names at the top of every API page.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import attrs
from docutils import nodes
from sphinx.application import Sphinx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATED = HERE / "_generated"
#: The example notebook, copied here so that myst-nb renders it (git ignores it).
NOTEBOOK_COPY = HERE / "examples"

#: The longest default value a signature shows in full.
_SHORT = 30
_AUTO = re.compile(r"^(?:\.\. |```\{)auto(class|function|exception)(?::: |\} )(\S+)")
_MODULE = re.compile(r"^(?P<indent>(?:\.\. |```\{))automodule(?::: |\} )(?P<name>\S+)")


def _generate(_app: Sphinx) -> None:
    """Write every generated input of the pages."""
    import _data_tables
    import _font
    import _performance

    _data_tables.write(GENERATED)
    _performance.write(GENERATED, ROOT / "benchmarks" / "RESULTS.md")
    _font.write(GENERATED / "static" / "fonts")
    NOTEBOOK_COPY.mkdir(exist_ok=True)
    for notebook in sorted((ROOT / "examples").glob("*.ipynb")):
        copy = NOTEBOOK_COPY / notebook.name
        text = _with_download_link(notebook)
        if not copy.exists() or copy.read_text(encoding="utf-8") != text:
            copy.write_text(text, encoding="utf-8")


def _with_download_link(notebook: Path) -> str:
    """The notebook with a download link to itself under its title (site copy only)."""
    document = json.loads(notebook.read_text(encoding="utf-8"))
    document["cells"].insert(1, {
        "cell_type": "markdown", "id": "download-link", "metadata": {},
        "source": [(f"{{download}}`Download this notebook <../../examples/{notebook.name}>` "
                    "(stored without outputs; the outputs below are those of its run "
                    "when this site was built).")],
    })
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHORT else "..."


def _signature(_app: Sphinx, what: str, _name: str, obj: object, _options: object,
               signature: str | None, annotation: str | None) -> tuple[str, str | None] | None:
    """An attrs class's signature: its parameters and defaults, without annotations.

    attrs writes ``__init__`` with the converters' argument types (``object``
    for a name that is converted to NFC text) and ``NOTHING`` for a default
    made by a factory; the class docstring's "Parameters" section gives the
    real types, so the signature shows names and defaults only, a factory's
    default as its value (``groups=()``).
    """
    if what != "class" or signature is None or not isinstance(obj, type) or \
            not attrs.has(obj):
        return None
    factories = {(f.alias or f.name): f.default for f in attrs.fields(obj)
                 if isinstance(f.default, attrs.Factory)}  # type: ignore[arg-type]
    parameters = []
    for parameter in list(inspect.signature(obj).parameters.values()):
        default = parameter.default
        if parameter.name in factories:
            factory = factories[parameter.name]
            default = _Shown("<computed>" if factory.takes_self  # type: ignore[attr-defined]
                             else _short_repr(factory.factory()))  # type: ignore[attr-defined]
        parameters.append(parameter.replace(annotation=inspect.Parameter.empty,
                                            default=default))
    return str(inspect.Signature(parameters)), annotation


class _Shown:
    """A default value shown as the given text in a signature."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _public(base: type) -> list[type]:
    """`base` if public, else its nearest public ancestors (never ``object``)."""
    if base is object:
        return []
    if not base.__name__.startswith("_"):
        return [base]
    return [b for parent in base.__bases__ for b in _public(parent)]


def _bases(_app: Sphinx, _name: str, _obj: object, _options: object, bases: list[type]) -> None:
    """Show only public bases, and no ``object``."""
    public = [b for base in bases for b in _public(base)]
    bases[:] = list(dict.fromkeys(public))


def _empty_bases(_app: Sphinx, doctree: nodes.document) -> None:
    """Remove the "Bases:" line of a class left with no public base."""
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if paragraph.astext().strip() == "Bases:" and paragraph.parent is not None:
            paragraph.parent.remove(paragraph)


def _docstring(_app: Sphinx, what: str, _name: str, obj: object, _options: object,
               lines: list[str]) -> None:
    """Drop a value's docstring that is only its type's (``str``'s, for a version)."""
    inherited = type(obj).__doc__ if what == "data" else None
    first = next((line.strip() for line in lines if line.strip()), None)
    if inherited and first and first == inherited.strip().splitlines()[0].strip():
        lines.clear()


def summary(text: str) -> str:
    """`text` with an autosummary of its documented names after its first automodule.

    Classes, functions and exceptions are listed (constants are not); a name
    with ``:no-index:`` (documented on another page) is left out.
    """
    lines = text.splitlines()
    names: list[str] = []
    for number, line in enumerate(lines):
        match = _AUTO.match(line.strip())
        if match is None:
            continue
        options = []
        for following in lines[number + 1:]:
            if not following.strip().startswith(":"):
                break
            options.append(following.strip())
        if ":no-index:" not in options:
            names.append(match[2])
    start = next((i for i, line in enumerate(lines) if _MODULE.match(line.strip())), None)
    if start is None or not names:
        return text
    end = start + 1
    while end < len(lines) and lines[end].strip().startswith(":"):
        end += 1
    module = _MODULE.match(lines[start].strip())["name"]  # type: ignore[index]
    shown = [name.removeprefix(f"{module}.") if name.startswith(f"{module}.") else f"~{name}"
             for name in dict.fromkeys(names)]
    block = ["", ".. autosummary::", "   :nosignatures:", "", *(f"   {name}" for name in shown), ""]
    return "\n".join([*lines[:end], *block, *lines[end:]]) + "\n"


def _source(_app: Sphinx, docname: str, source: list[str]) -> None:
    """Add the summary table to the API pages (``api/*`` and the calendar's)."""
    if docname.startswith("api/") or docname == "calendar":
        source[0] = summary(source[0])


def _source_links(app: Sphinx, pagename: str, _template: str, context: dict[str, Any],
                  _doctree: object) -> None:
    """Point "view" and "edit" of generated pages at the files they come from."""
    if pagename.startswith("examples/"):
        source = f"examples/{pagename.removeprefix('examples/')}.ipynb"
    elif pagename == "gallery/index":
        source = "examples/gallery/GALLERY_HEADER.rst"
    elif pagename.startswith("gallery/"):
        source = f"examples/gallery/{pagename.removeprefix('gallery/')}.py"
    else:
        return
    options = app.config.html_theme_options
    repository, branch = options["source_repository"], options["source_branch"]
    context["theme_source_edit_link"] = f"{repository}/edit/{branch}/{source}"
    context["theme_source_view_link"] = f"{repository}/blob/{branch}/{source}"


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point."""
    app.connect("builder-inited", _generate)
    app.connect("autodoc-process-signature", _signature)
    app.connect("autodoc-process-bases", _bases)
    app.connect("doctree-read", _empty_bases)
    app.connect("autodoc-process-docstring", _docstring)
    app.connect("source-read", _source)
    app.connect("html-page-context", _source_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
