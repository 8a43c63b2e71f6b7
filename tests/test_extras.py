"""Every optional extra, when missing, is one MissingExtraError naming its pip install line."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import numpy as np
import pytest

import de_an06 as da
from de_an06 import _extras, batch, datasets

READINGS = datasets.readings(jurisdiction="56", indicator="eid-collected")


def _table() -> batch.ReadingTable:
    return batch.ReadingTable.from_arrays(np.repeat([1, 2], 3), np.tile([1, 2, 3], 2),
                                          np.arange(6.0))


def test_require_imports_or_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _extras.require("numpy", "x") is np  # any importable module comes back
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(da.MissingExtraError) as caught:
        _extras.require("polars", "de_an06.frames.to_polars")
    error = caught.value
    assert isinstance(error, da.DeAn06Error)
    assert isinstance(error, ModuleNotFoundError)
    assert error.name == "polars"
    assert str(error) == ("de_an06.frames.to_polars needs the optional package 'polars', which "
                          "is not installed (missing: polars); install it with: "
                          'pip install "de_an06[polars]"')


def test_every_extra_is_declared() -> None:
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    for module, extra in _extras.EXTRAS.items():
        found = re.search(rf"^{extra} = \[\n(.*?)^\]", text, re.MULTILINE | re.DOTALL)
        assert found is not None, extra
        assert f'"{module.replace("_", "-")}' in found.group(1), (module, extra)


def _plots() -> list[tuple[str, Any]]:
    pytest.importorskip("matplotlib")
    from de_an06 import plotting

    return [
        ("plot_series", lambda: plotting.plot_series(READINGS)),
        ("plot_attainment", lambda: plotting.plot_attainment([da.attainment(1, 2)])),
        ("write_series_plots", lambda: plotting.write_series_plots("unused", [])),
        ("plot_forecast", lambda: plotting.plot_forecast(
            _table(), batch.forecasts(_table(), 10.0), 1)),
    ]


def test_plots_name_the_plot_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _plots()
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    for name, call in calls:
        with pytest.raises(da.MissingExtraError, match=rf'plotting\.{name} needs .*'
                           r'pip install "de_an06\[plot\]"'):
            call()


@pytest.mark.parametrize(("module", "call"), [
    ("pandas", lambda f: f.to_pandas(READINGS)),
    ("pandas", lambda f: f.from_pandas(None)),
    ("pandas", lambda f: f.trends_to_pandas({})),
    ("pandas", lambda f: f.forecasts_to_pandas({})),
    ("polars", lambda f: f.to_polars(READINGS)),
    ("polars", lambda f: f.from_polars(None)),
])
def test_frames_name_their_extra(monkeypatch: pytest.MonkeyPatch, module: str,
                                 call: Any) -> None:
    from de_an06 import frames

    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(da.MissingExtraError, match=rf'pip install "de_an06\[{module}\]"'):
        call(frames)


def test_batch_frames_name_the_pandas_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    forecasts = batch.forecasts(_table(), 10.0)
    monkeypatch.setitem(sys.modules, "pandas", None)
    for call in (batch.trends(_table()).to_pandas, forecasts.to_pandas,
                 forecasts.at_risk(1).to_pandas):
        with pytest.raises(da.MissingExtraError, match=r"to_pandas needs .*de_an06\[pandas\]"):
            call()


def test_strategies_name_the_test_extra() -> None:
    code = ("import sys; sys.modules['hypothesis'] = None\n"
            "try:\n    import de_an06.strategies\n"
            "except Exception as error:\n    print(type(error).__name__, error)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.startswith("MissingExtraError de_an06.strategies needs the optional package "
                          "'hypothesis'")
    assert 'pip install "de_an06[test]"' in out
