"""The documentation covers the API and the vocabulary the API uses.

Checks the Sphinx build cannot make on its own: every public name is
documented exactly once (a name nobody wrote a directive for is simply absent
from the site), every Vietnamese label of an enum member is explained in the
glossary, and every ``de-an06`` command a page shows in a console block prints
what the page says it prints (the ``>>>`` examples run as doctests).
"""

from __future__ import annotations

import doctest
import enum
import functools
import importlib
import pkgutil
import re
import shlex
from collections import Counter
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import de_an06 as da
from de_an06 import strategies
from de_an06.cli import main
from doc_targets import resolve

DOCS = Path(__file__).resolve().parent.parent / "docs"
GLOSSARY = DOCS / "glossary.md"


# --------------------------------------------------------------------------
# Glossary
# --------------------------------------------------------------------------


@attrs.frozen
class Entry:
    """One glossary entry: its terms and the text of its definition."""

    terms: tuple[str, ...]
    definition: str


_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\{glossary\}[^\n]*\n(?P<body>.*?)^(?P=fence)\s*$",
                    re.MULTILINE | re.DOTALL)


def parse_glossary(text: str) -> list[Entry]:
    """The entries of every MyST ``{glossary}`` block in `text`.

    As in Sphinx, an entry is a run of unindented term lines followed by an
    indented definition; entries are separated by blank lines. Directive
    options (``:sorted:``) are skipped.
    """
    entries: list[Entry] = []
    for block in _FENCE.finditer(text):
        terms: list[str] = []
        definition: list[str] = []
        for line in [*block["body"].splitlines(), ""]:
            if not line.strip():
                if terms and definition:
                    entries.append(Entry(tuple(terms), " ".join(definition)))
                    terms, definition = [], []
            elif line[0].isspace():
                definition.append(line.strip())
            elif not definition and not (line.startswith(":") and line.rstrip().endswith(":")):
                terms.append(line.strip())
    return entries


def bilingual_enums() -> list[type[enum.Enum]]:
    """The public enum classes whose members carry a Vietnamese ``name_vi``."""
    found = []
    for name in da.__all__:
        obj = getattr(da, name)
        if isinstance(obj, type) and issubclass(obj, enum.Enum) and hasattr(obj, "name_vi"):
            found.append(obj)
    return found


def mentions(text: str, label: str) -> bool:
    """True when `label` occurs in `text` as a whole word (case-insensitive)."""
    return re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text, re.IGNORECASE) is not None


@pytest.fixture(scope="module")
def glossary() -> list[Entry]:
    return parse_glossary(GLOSSARY.read_text(encoding="utf-8"))


def test_parse_glossary_reads_terms_and_definitions() -> None:
    text = (
        "# Title\n\n```{glossary}\n:sorted:\n\ngần\nnearly\n  Slightly below the figure.\n"
        "  Second line.\n\nlượt\n  Uses, not people.\n```\n\nOutside gần.\n"
    )
    assert parse_glossary(text) == [
        Entry(("gần", "nearly"), "Slightly below the figure. Second line."),
        Entry(("lượt",), "Uses, not people."),
    ]


def test_every_enum_has_vietnamese_labels() -> None:
    names = {kind.__name__ for kind in bilingual_enums()}
    assert {"Unit", "Qualifier", "Basis", "Level", "TaskStatus", "ServiceLevel", "Measure",
            "Direction", "Confidence"} <= names


@pytest.mark.parametrize(
    "member", [m for kind in bilingual_enums() for m in kind], ids=lambda m: f"{m!r}"[1:-1]
)
def test_glossary_explains_every_vietnamese_label(member: enum.Enum,
                                                  glossary: list[Entry]) -> None:
    label: str = member.name_vi  # type: ignore[attr-defined]
    terms = {term.casefold() for entry in glossary for term in entry.terms}
    assert label.casefold() in terms or any(mentions(e.definition, label) for e in glossary), (
        f"{member!r}: label {label!r} is neither a glossary term nor in a definition"
    )


@pytest.mark.parametrize("term", [
    "Đề án 06", "CCCD", "thẻ Căn cước", "VNeID", "ĐDĐT", "mức độ 1", "mức độ 2", "thu nhận",
    "kích hoạt", "CSDLQG về dân cư", "dịch vụ công thiết yếu", "một phần", "toàn trình",
    "mức độ 3", "mức độ 4", "liên thông", "TTHC", "một cửa", "BHYT", "BHXH", "VssID", "số hóa",
    "tái sử dụng dữ liệu số hóa", "chỉ tiêu", "vượt", "gần", "hơn", "trên", "khoảng", "dưới",
    "lượt", "lũy kế", "6 tháng đầu năm", "9 tháng", "quý", "áp chót", "Tổ công tác Đề án 06",
    "Công an tỉnh", "UBND", "Kế hoạch", "Nghị quyết", "Quyết định", "Chỉ thị", "Nghị định",
    "mô hình điểm", "tỉnh", "huyện", "xã", "phường", "thị xã", "ngày làm việc", "phần mềm ASM",
    "Cổng Dịch vụ công quốc gia",
])
def test_glossary_has_the_report_vocabulary(term: str, glossary: list[Entry]) -> None:
    assert term.casefold() in {t.casefold() for entry in glossary for t in entry.terms}


def test_glossary_terms_are_unique(glossary: list[Entry]) -> None:
    counts = Counter(t.casefold() for entry in glossary for t in entry.terms)
    assert [term for term, n in counts.items() if n > 1] == []


# --------------------------------------------------------------------------
# API reference
# --------------------------------------------------------------------------


@attrs.frozen
class Directive:
    """An autodoc directive found in a page: kind, target and option names."""

    page: str
    kind: str
    target: str
    options: frozenset[str]


_RST = re.compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+(?P<kind>auto\w+)::[ \t]*(?P<target>\S+)")
_MYST = re.compile(r"^(?P<indent>[ \t]*)(?:`{3,}|~{3,}|:{3,})\{(?P<kind>auto\w+)\}[ \t]*"
                   r"(?P<target>\S+)")
_OPTION = re.compile(r"^[ \t]*:(?P<name>[\w-]+):")


def find_directives(page: str, text: str) -> list[Directive]:
    """Every ``autoclass``/``automodule``/... directive in an rst or MyST page."""
    found = []
    lines = text.splitlines()
    for number, line in enumerate(lines):
        match = _RST.match(line) or _MYST.match(line)
        if match is None:
            continue
        options = set()
        for following in lines[number + 1:]:
            option = _OPTION.match(following)
            if option is None:
                break
            options.add(option["name"])
        found.append(Directive(page, match["kind"], match["target"], frozenset(options)))
    return found


def all_directives() -> list[Directive]:
    pages = [p for p in sorted(DOCS.rglob("*")) if p.suffix in {".rst", ".md"}
             and "_build" not in p.relative_to(DOCS).parts]
    return [d for page in pages
            for d in find_directives(str(page.relative_to(DOCS)), page.read_text("utf-8"))]


@functools.cache
def documented() -> tuple[Counter[tuple[str, int]], set[str]]:
    """How often each object is documented, and the modules with a page.

    Objects are keyed by their short name and ``id``, so that two constants
    that happen to be the same small int are still told apart.
    """
    counts: Counter[tuple[str, int]] = Counter()
    modules: set[str] = set()
    for directive in all_directives():
        obj = resolve(directive.target)
        if directive.kind == "automodule":
            assert isinstance(obj, ModuleType)
            modules.add(obj.__name__)
            counts[directive.target.rpartition(".")[2], id(obj)] += 1
            if "no-members" not in directive.options:
                counts.update((name, id(getattr(obj, name)))
                              for name in getattr(obj, "__all__", ()))
        elif "no-index" not in directive.options:
            # A `:no-index:` entry repeats an object documented elsewhere.
            counts[directive.target.rpartition(".")[2], id(obj)] += 1
    return counts, modules


def public_modules() -> list[str]:
    return sorted(f"de_an06.{m.name}" for m in pkgutil.iter_modules(da.__path__)
                  if not m.name.startswith("_"))


def test_find_directives_reads_rst_and_myst() -> None:
    text = (".. autoclass:: de_an06.Reading\n   :members:\n   :undoc-members:\n\n"
            "```{automodule} de_an06.errors\n:no-members:\n```\n")
    assert find_directives("x.md", text) == [
        Directive("x.md", "autoclass", "de_an06.Reading", frozenset({"members", "undoc-members"})),
        Directive("x.md", "automodule", "de_an06.errors", frozenset({"no-members"})),
    ]


def test_resolve_names_modules_and_attributes() -> None:
    assert resolve("de_an06.Reading") is da.Reading
    assert resolve("de_an06.model.Unit.PERCENT") is da.Unit.PERCENT
    assert resolve("de_an06.strategies") is strategies


def public_names() -> list[tuple[ModuleType, str]]:
    """Every name in the ``__all__`` of the package and of its public modules."""
    modules = [da, strategies, *(importlib.import_module(m) for m in public_modules())]
    unique = {m.__name__: m for m in modules}
    return [(m, name) for m in unique.values() for name in getattr(m, "__all__", ())]


@pytest.mark.parametrize(("module", "name"), public_names(),
                         ids=lambda x: x if isinstance(x, str) else x.__name__)
def test_public_name_is_documented_exactly_once(module: ModuleType, name: str) -> None:
    counts, _ = documented()
    n = counts[name, id(getattr(module, name))]
    assert n == 1, f"{module.__name__}.{name} is documented {n} times in docs/"


@pytest.mark.parametrize("module", public_modules())
def test_public_module_has_a_page(module: str) -> None:
    _, modules = documented()
    assert module in modules, f"no page runs automodule on {module}"


# --------------------------------------------------------------------------
# Console examples
# --------------------------------------------------------------------------

_CONSOLE = re.compile(r"^(?P<fence>`{3,}|~{3,})console[ \t]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
                      re.MULTILINE | re.DOTALL)
_COMMAND = "de-an06"


@attrs.frozen
class Command:
    """A ``$ de-an06 ...`` line of a console block and the output the page shows for it."""

    page: str
    arguments: tuple[str, ...]
    output: str


def find_commands(page: str, text: str) -> list[Command]:
    """The ``de-an06`` commands of the console blocks in `text`, each with its output.

    Other commands (``pip install``) are left alone; their output is not ours.
    """
    found = []
    for block in _CONSOLE.finditer(text):
        command: list[str] | None = None
        output: list[str] = []
        for line in [*block["body"].splitlines(), "$"]:
            if line.startswith("$"):
                if command is not None:
                    found.append(Command(page, tuple(command), "\n".join(output) + "\n"))
                words = shlex.split(line[1:])
                command = words[1:] if words[:1] == [_COMMAND] else None
                output = []
            else:
                output.append(line)
    return found


def all_commands() -> list[Command]:
    pages = [p for p in sorted(DOCS.rglob("*.md")) if "_build" not in p.relative_to(DOCS).parts]
    return [c for page in pages
            for c in find_commands(str(page.relative_to(DOCS)), page.read_text("utf-8"))]


def test_find_commands_reads_de_an06_lines_only() -> None:
    text = ("```console\n$ pip install de_an06\nDone\n$ de-an06 report --province 'Khánh Hòa'\n"
            "Đề án 06\n...\n```\n\n```python\n$ de-an06 audit\n```\n")
    assert find_commands("x.md", text) == [
        Command("x.md", ("report", "--province", "Khánh Hòa"), "Đề án 06\n...\n"),
    ]


@pytest.mark.parametrize("command", all_commands(),
                         ids=lambda c: f"{c.page}: {' '.join(c.arguments)}")
def test_console_example_prints_what_the_page_shows(command: Command,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    status = main(list(command.arguments))
    out = capsys.readouterr().out
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    assert status == 0
    assert checker.check_output(command.output, out, flags), (
        checker.output_difference(doctest.Example("", command.output), out, flags))
