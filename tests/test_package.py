from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import de_an06 as da

ROOT = Path(__file__).resolve().parent.parent


def test_version() -> None:
    # A development release while the changelog's newest section is unreleased.
    assert da.__version__ == "0.2.0.dev0"
    assert "## [0.2.0] - Unreleased" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_citation_and_project_urls_agree() -> None:
    # CITATION.cff, pyproject's [project.urls] and the docs name one version and
    # one repository.
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f"\nversion: {da.__version__}\n" in citation
    repository = re.search(r'^repository-code: "(\S+)"$', citation, re.MULTILINE)
    assert repository is not None
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'Repository = "{repository[1]}"' in pyproject
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    assert f'REPOSITORY = "{repository[1]}"' in conf


# Public modules that are not attributes of ``de_an06`` on purpose: their
# names are re-exported one by one (model, analysis, errors), the command line
# is not a library API, and the strategies need Hypothesis.
NOT_SUBMODULE_ATTRIBUTES = {"analysis", "cli", "errors", "model", "strategies"}
AUTODOC = re.compile(r"(?:\.\. auto\w+::|\{auto\w+\})\s+(de_an06[\w.]*)")


def public_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(da.__path__)
                  if not m.name.startswith("_"))


def documented() -> set[str]:
    """The dotted paths autodoc directives of the docs name."""
    pages = [*(ROOT / "docs").glob("**/*.rst"), *(ROOT / "docs").glob("**/*.md")]
    return {match for page in pages
            for match in AUTODOC.findall(page.read_text(encoding="utf-8"))}


def resolve(path: str) -> object:
    """The object a dotted path names: the longest importable module, then attributes."""
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        for attribute in parts[end:]:
            found = getattr(found, attribute)
        return found
    raise AssertionError(path)


def test_every_name_in_all_resolves() -> None:
    for name in da.__all__:
        assert getattr(da, name) is not None, name
    assert len(set(da.__all__)) == len(da.__all__)


def test_every_public_module_is_reachable_or_excluded_on_purpose() -> None:
    for name in public_modules():
        if name in NOT_SUBMODULE_ATTRIBUTES:
            assert name not in da.__all__, name
        else:
            assert name in da.__all__, f"de_an06.{name} is not reachable as da.{name}"
            assert getattr(da, name) is importlib.import_module(f"de_an06.{name}")


@pytest.mark.parametrize("module", ["", *public_modules()])
def test_public_names_of_each_module_exist_and_are_documented(module: str) -> None:
    """Each name of each public ``__all__`` has an autodoc entry, under any of its paths."""
    path = "de_an06" + (f".{module}" if module else "")
    found = importlib.import_module(path)
    docs = documented()
    if module == "strategies":  # one automodule with its members
        assert path in docs
        return
    by_name: dict[str, list[object]] = {}
    for entry in docs:
        by_name.setdefault(entry.rsplit(".", 1)[-1], []).append(resolve(entry))
    missing = [name for name in found.__all__
               if f"{path}.{name}" not in docs
               and not any(obj is getattr(found, name) for obj in by_name.get(name, []))]
    assert missing == [], f"{path}: not documented in docs/api"


def python(code: str) -> str:
    """What `code` prints in a fresh interpreter."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout


def test_import_is_light() -> None:
    code = (
        "import sys, de_an06; "
        "heavy = [m for m in ('hypothesis', 'pytest', 'matplotlib', 'pandas', 'polars', "
        "'holidays', 'scipy', 'statsmodels') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    assert python(code).strip() == ""


def test_readers_data_and_audit_load_on_first_use() -> None:
    code = (
        "import sys, de_an06; "
        "loaded = lambda: sorted(m for m in ('de_an06.io', 'de_an06.datasets', 'de_an06.checks', "
        "'de_an06.parsing', 'de_an06.calendar', 'de_an06.frames', 'de_an06.plotting', "
        "'de_an06.batch', 'de_an06.opensdg') if m in sys.modules); "
        "print(loaded()); de_an06.parse_number('546.234'); print(loaded()); "
        "from de_an06 import Finding; print(loaded()); de_an06.batch; print(loaded())"
    )
    assert python(code).splitlines() == [
        "[]", "['de_an06.parsing']", "['de_an06.checks', 'de_an06.parsing']",
        "['de_an06.batch', 'de_an06.checks', 'de_an06.parsing']"]


def test_lazy_names_are_the_submodules_own() -> None:
    from de_an06 import batch, checks, parsing

    assert da.parse_number is parsing.parse_number
    assert da.Finding is checks.Finding
    assert da.audit is checks.audit
    assert da.checks is checks
    assert da.batch is batch
    misspelt = "parse_numbers"
    with pytest.raises(AttributeError, match="no attribute 'parse_numbers'"):
        getattr(da, misspelt)


def test_missing_calendar_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from de_an06.calendar import WorkingCalendar

    monkeypatch.setitem(sys.modules, "holidays", None)
    with pytest.raises(da.MissingExtraError, match=r'pip install "de_an06\[calendar\]"'):
        WorkingCalendar()


def test_py_typed_is_shipped() -> None:
    assert (Path(da.__file__).parent / "py.typed").exists()


def test_runs_against_the_built_wheel() -> None:
    """`make test` installs the wheel apart from src/ and tests that copy."""
    import os

    site = os.environ.get("DE_AN06_WHEEL_SITE")
    if site is None:
        import pytest

        pytest.skip("not run through `make test`")
    location = Path(da.__file__).resolve()
    assert Path(site).resolve() in location.parents
    assert "src" not in location.parts
