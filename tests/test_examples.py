from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.py"))
GALLERY = sorted((EXAMPLES[0].parent / "gallery").glob("plot_*.py"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(path), run_name="__main__")
    assert capsys.readouterr().out.strip()


def test_quickstart_prints_khanh_hoa_share(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES[0].parent / "quickstart.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "72.18 %" in out
    assert "17 days saved" in out


@pytest.mark.parametrize("path", GALLERY, ids=[p.name for p in GALLERY])
def test_gallery_script_runs(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The docs build runs them too (sphinx-gallery); here they run against the
    # library under test, drawing off screen.
    matplotlib = pytest.importorskip("matplotlib")
    pytest.importorskip("holidays")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    try:
        runpy.run_path(str(path), run_name="__main__")
    finally:
        plt.close("all")
    assert capsys.readouterr().out.strip()
