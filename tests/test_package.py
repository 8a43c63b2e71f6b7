from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import de_an06 as da

ROOT = Path(__file__).resolve().parent.parent


def test_version() -> None:
    assert da.__version__ == "0.1.0"
    assert "0.1.0" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_public_names_exist() -> None:
    for name in da.__all__:
        assert hasattr(da, name), name
    assert sorted(dir(da)) == sorted(da.__all__)


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
        "loaded = lambda: sorted(m for m in ('de_an06.io', 'de_an06.datasets', 'de_an06.audit', "
        "'de_an06.parsing', 'de_an06.calendar', 'de_an06.frames', 'de_an06.plotting') "
        "if m in sys.modules); "
        "print(loaded()); de_an06.parse_number('546.234'); print(loaded()); "
        "from de_an06 import Finding; print(loaded())"
    )
    assert python(code).splitlines() == [
        "[]", "['de_an06.parsing']", "['de_an06.audit', 'de_an06.parsing']"]


def test_lazy_names_are_the_submodules_own() -> None:
    from de_an06 import audit, parsing

    assert da.parse_number is parsing.parse_number
    assert da.Finding is audit.Finding
    assert da.audit is audit
    misspelt = "parse_numbers"
    with pytest.raises(AttributeError, match="no attribute 'parse_numbers'"):
        getattr(da, misspelt)


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
