"""The site's own Sphinx extension: generated pages and a tidier API reference.

At every build (``builder-inited``) it writes what the pages include from the
library and the repository, never copied by hand: the Data page's tables
(``_data_tables``), the performance tables and plot (``_performance``), the
code font (``_font``) and a copy of the example notebook for myst-nb. While
autodoc runs it

* gives an attrs field whose default is a factory the factory's value in the
  signature (``groups=()``) instead of attrs' ``NOTHING``;
* shows as bases only public classes (never ``object``, never a private
  helper such as the enums' bilingual base);
* drops a docstring an object only inherits from its type (``__version__``
  would otherwise show the docstring of ``str``);

and it puts a summary table of the page's names at the top of every API page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import attrs
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
        if not copy.exists() or copy.read_bytes() != notebook.read_bytes():
            shutil.copyfile(notebook, copy)


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHORT else "..."


def _signature(_app: Sphinx, what: str, _name: str, obj: object, _options: object,
               signature: str | None, annotation: str | None) -> tuple[str, str | None] | None:
    """Replace attrs' ``NOTHING`` by the default a factory gives."""
    if what != "class" or signature is None or "NOTHING" not in signature or \
            not isinstance(obj, type) or not attrs.has(obj):
        return None
    for field in attrs.fields(obj):
        default = field.default
        if not isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            continue
        shown = ("<computed>" if default.takes_self  # type: ignore[attr-defined]
                 else _short_repr(default.factory()))  # type: ignore[attr-defined]
        name = field.alias or field.name
        signature = re.sub(rf"(\b{re.escape(name)}\b(?::[^=]*)?\s*=\s*)NOTHING",
                           lambda m, s=shown: m[1] + s, signature)
    return signature, annotation


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


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point."""
    app.connect("builder-inited", _generate)
    app.connect("autodoc-process-signature", _signature)
    app.connect("autodoc-process-bases", _bases)
    app.connect("autodoc-process-docstring", _docstring)
    app.connect("source-read", _source)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
