"""Checks over the built documentation site, as a reader would meet it.

``make docs`` runs these right after ``sphinx-build``, with
``DE_AN06_DOCS_HTML`` naming the output; without a built site they are
skipped, saying so. They check what the build cannot: a parameter list shown
twice, a link whose ``$`` was never expanded, attrs' ``NOTHING`` in a
signature, a link to a private name, a public name documented more or less
than once, and a gallery example that did not run.
"""

from __future__ import annotations

import functools
import importlib
import os
import pkgutil
import re
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest

import de_an06 as da
from doc_targets import resolve

ROOT = Path(__file__).resolve().parent.parent.parent
HTML = Path(os.environ.get("DE_AN06_DOCS_HTML", ROOT / "docs" / "_build" / "html"))
GALLERY_SOURCES = ROOT / "examples" / "gallery"

pytestmark = pytest.mark.skipif(
    not (HTML / "index.html").is_file(),
    reason=f"no built documentation in {HTML} (run `make docs`)")


class _Page(HTMLParser):
    """The links, signatures and field-list names of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.signatures: list[str] = []
        self.fields: list[str] = []
        self._stack: list[str | None] = []
        self._text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "dl" and "py" in classes:
            self.fields.append("object")
        kind = None
        if tag == "dt" and "sig" in classes:
            kind = "signature"
        elif tag == "dt" and {"field-odd", "field-even"} & set(classes):
            kind = "field"
        elif tag == "p" and "rubric" in classes:
            kind = "rubric"
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr", "col", "source"}:
            return
        self._stack.append(kind)
        if kind:
            self._text[kind] = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr", "col", "source"}:
            return
        kind = self._stack.pop() if self._stack else None
        if kind == "signature":
            self.signatures.append("".join(self._text.pop(kind)))
        elif kind in {"field", "rubric"}:
            text = "".join(self._text.pop(kind)).strip().rstrip(":").strip()
            self.fields.append(f"{kind}:{text}")

    def handle_data(self, data: str) -> None:
        for kind in {k for k in self._stack if k}:
            self._text[kind].append(data)


@functools.cache
def pages() -> dict[str, _Page]:
    """Every HTML page of the site but the highlighted sources, parsed."""
    parsed = {}
    for path in sorted(HTML.rglob("*.html")):
        relative = path.relative_to(HTML).as_posix()
        if relative.startswith("_modules/"):
            continue
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[relative] = page
    return parsed


def test_the_site_has_its_pages() -> None:
    names = set(pages())
    assert {"index.html", "install.html", "api/model.html", "data.html", "gallery/index.html",
            "examples/khanh_hoa_forecast.html", "performance.html"} <= names


def test_no_parameter_list_is_shown_twice() -> None:
    # A "Parameters" rubric or field followed by a second "Parameters" field in
    # the same description is the docstring's list repeated from the annotations.
    for name, page in pages().items():
        sections = "\n".join(page.fields).split("object")
        for section in sections:
            lists = re.findall(r"^(?:field|rubric):Parameters$", section, re.MULTILINE)
            assert len(lists) <= 1, (name, section)


def test_no_link_has_an_unexpanded_dollar() -> None:
    bad = {(name, link) for name, page in pages().items() for link in page.links if "$" in link}
    assert not bad


def test_no_signature_shows_attrs_nothing() -> None:
    bad = [(name, s) for name, page in pages().items() for s in page.signatures
           if "NOTHING" in s]
    assert not bad


def test_no_page_links_a_private_name() -> None:
    # An anchor names an API object (``api/model.html#de_an06.Reading``); none
    # may be private. Links to highlighted sources (_modules/) are files.
    bad = []
    for name, page in pages().items():
        for link in page.links:
            if link.startswith(("http://", "https://", "mailto:")) or "_modules/" in link:
                continue
            anchor = link.partition("#")[2]
            if anchor.startswith("de_an06") and any(
                    part.startswith("_") and not part.startswith("__")
                    for part in anchor.split(".")):
                bad.append((name, link))
    assert not bad


def _inventory() -> list[tuple[str, str]]:
    """(name, role) of every entry of the site's ``objects.inv``.

    Entries of priority -1 are left out: they are the canonical names
    (``de_an06.model.enums.Basis``) under which autodoc also files an object
    documented as ``de_an06.Basis``, not entries a reader sees.
    """
    lines = (HTML / "objects.inv").read_bytes().split(b"\n", 4)
    body = zlib.decompress(lines[4]).decode("utf-8")
    entries = []
    for line in body.splitlines():
        match = re.match(r"(.+?)\s+(\S+:\S+)\s+\d+\s", line)
        if match and match[2].startswith("py:"):
            entries.append((match[1], match[2]))
    return entries


@functools.cache
def documented() -> Counter[tuple[str, int]]:
    """How many entries of the site document each object (short name, id)."""
    counts: Counter[tuple[str, int]] = Counter()
    for name, role in _inventory():
        if role == "py:module" or not name.startswith("de_an06"):
            continue
        try:
            counts[name.rpartition(".")[2], id(resolve(name))] += 1
        except (AttributeError, LookupError):
            continue
    return counts


def public_names() -> list[tuple[ModuleType, str]]:
    modules = [da, importlib.import_module("de_an06.strategies"),
               *(importlib.import_module(f"de_an06.{m.name}")
                 for m in pkgutil.iter_modules(da.__path__) if not m.name.startswith("_"))]
    unique = {m.__name__: m for m in modules}
    return [(m, name) for m in unique.values() for name in getattr(m, "__all__", ())]


@pytest.mark.parametrize(("module", "name"), public_names(),
                         ids=lambda x: x if isinstance(x, str) else x.__name__)
def test_every_public_name_has_one_entry(module: ModuleType, name: str) -> None:
    obj = getattr(module, name)
    if isinstance(obj, ModuleType):
        assert f"{obj.__name__}" in {n for n, role in _inventory() if role == "py:module"}
        return
    n = documented()[name, id(obj)]
    assert n == 1, f"{module.__name__}.{name} has {n} entries in the site"


def test_every_gallery_example_ran() -> None:
    scripts = sorted(p.stem for p in GALLERY_SOURCES.glob("plot_*.py"))
    assert scripts
    for stem in scripts:
        page = HTML / "gallery" / f"{stem}.html"
        assert page.is_file(), f"no gallery page for {stem}"
        text = page.read_text(encoding="utf-8")
        assert "sphx-glr-single-img" in text or "sphx-glr-multi-img" in text, \
            f"{stem} drew no figure"
        assert "Total running time of the script" in text, f"{stem} did not run"
        assert "Traceback (most recent call last)" not in text, f"{stem} raised"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_bases_are_public_classes() -> None:
    # "Bases: object" says nothing, and a private base cannot be looked up.
    bad = []
    for path in sorted(HTML.glob("api/*.html")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<p>Bases: (.*?)</p>", text, re.DOTALL):
            bases = [b.strip() for b in _text(match[1]).split(",")]
            bad += [(path.name, b) for b in bases if b in {"", "object"} or b.startswith("_")]
    assert not bad


def test_version_has_its_own_description() -> None:
    page = (HTML / "api" / "package.html").read_text(encoding="utf-8")
    assert 'id="de_an06.__version__"' in page
    assert "Create a new string object" not in page
    assert "The installed version of de_an06" in page


def test_a_property_docstring_is_not_read_as_its_type() -> None:
    # A property whose docstring opens with "formula: text" used to show the
    # formula as a "Type" field.
    page = (HTML / "api" / "analysis.html").read_text(encoding="utf-8")
    entry = page.partition('id="de_an06.Attainment.relative_margin"')[2].partition("</dd>")[0]
    assert "The margin in percent" in _text(entry)
    assert "Type" not in _text(entry).split("The margin")[0]


def test_the_header_and_navigation() -> None:
    page = (HTML / "index.html").read_text(encoding="utf-8")
    assert f"de_an06 {da.__version__}" in _text(page)
    links = set(pages()["index.html"].links)
    assert {"genindex.html", "py-modindex.html"} <= links
    assert any(link.startswith("https://github.com/") and "/edit/" in link for link in links)
    assert "copybutton.js" in page


def test_the_code_font_has_every_vietnamese_letter() -> None:
    ttlib = pytest.importorskip("fontTools.ttLib")
    css = (HTML / "_static" / "de_an06.css").read_text(encoding="utf-8")
    for name in re.findall(r'url\("fonts/([\w-]+\.ttf)"\)', css):
        cmap = ttlib.TTFont(HTML / "_static" / "fonts" / name).getBestCmap()
        missing = [chr(c) for c in range(0x1EA0, 0x1EFA) if c not in cmap]
        assert not missing, (name, missing)
