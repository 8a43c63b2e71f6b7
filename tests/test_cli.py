from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import de_an06
from de_an06.cli import main


def script() -> list[str]:
    exe = Path(sysconfig.get_path("scripts")) / "de-an06"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "de_an06"]


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"de-an06 {de_an06.__version__}\n"


def test_help_without_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "Đề án 06" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_console_script(args: list[str]) -> None:
    out = subprocess.run([*script(), *args], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert "de-an06" in out.stdout


def test_module_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "de_an06", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("de-an06 ")


def test_bad_option_is_a_usage_error() -> None:
    out = subprocess.run([*script(), "--frobnicate"], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
