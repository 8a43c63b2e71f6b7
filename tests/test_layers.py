"""The seams between the library's packages, checked from the source.

import-linter (``lint-imports``, run by ``make test``) checks which package may
import which and keeps private *modules* inside their package; this test adds
what it cannot see: private *names* (``_x``) taken from a module of another
package, and the optional extras imported by a core module at load time.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import de_an06

ROOT = Path(de_an06.__file__).parent


def _module_name(path: Path) -> str:
    parts = ["de_an06", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_of(module: str) -> str:
    """The package a module belongs to (a package belongs to itself)."""
    if (ROOT.joinpath(*module.split(".")[1:]) / "__init__.py").exists():
        return module
    return module.rpartition(".")[0]


def _absolute(importer: str, node: ast.ImportFrom, *, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _private_names_crossing() -> list[str]:
    crossings = []
    for path in sorted(ROOT.rglob("*.py")):
        importer = _module_name(path)
        own = _package_of(importer)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            source = _absolute(importer, node, is_package=path.name == "__init__.py")
            if not source.startswith("de_an06"):
                continue
            for alias in node.names:
                private = alias.name.startswith("_") and not alias.name.startswith("__")
                target = f"{source}.{alias.name}"
                is_module = ROOT.joinpath(*target.split(".")[1:]).with_suffix(".py").exists()
                owner = _package_of(target) if is_module else _package_of(source)
                if private and not own.startswith(owner):
                    crossings.append(f"{importer}:{node.lineno} takes {target}")
    return crossings


def test_no_private_name_crosses_a_package() -> None:
    assert _private_names_crossing() == []


def test_every_module_is_at_most_500_lines() -> None:
    long = {_module_name(p): n for p in ROOT.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}


@pytest.mark.parametrize("extra", ["hypothesis", "matplotlib", "pandas", "polars", "holidays",
                                   "dask", "openpyxl", "python_calamine"])
def test_the_core_loads_no_optional_extra(extra: str) -> None:
    core = ("de_an06", "de_an06.model", "de_an06.analysis", "de_an06.batch", "de_an06.parsing",
            "de_an06.io", "de_an06.checks", "de_an06.datasets", "de_an06.cli")
    code = (f"import sys, importlib\nfor m in {core!r}: importlib.import_module(m)\n"
            f"print({extra!r} in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
