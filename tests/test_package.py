from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import de_an06 as da

ROOT = Path(__file__).resolve().parent.parent


def test_version() -> None:
    assert da.__version__ == "0.1.0"
    assert "0.1.0" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_public_names_exist() -> None:
    for name in da.__all__:
        assert hasattr(da, name), name
    assert sorted(dir(da)) == sorted(da.__all__)


def test_import_is_light() -> None:
    code = (
        "import sys, de_an06; "
        "heavy = [m for m in ('hypothesis', 'pytest', 'matplotlib', 'pandas', 'polars', "
        "'holidays', 'scipy', 'statsmodels') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


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
