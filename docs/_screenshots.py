"""Take the dashboard screenshots of the docs (``docs/_static/dashboard-*.png``).

Run from the repository root: ``python docs/_screenshots.py``. It runs the
browser test that takes them (``tests/test_dashboard_browser.py``, headless
Chromium through Playwright) and asks it to copy the pictures here, so that
the docs show exactly what the tests check.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Run the screenshot test with ``DE_AN06_SCREENSHOTS`` set to ``docs/_static``."""
    env = dict(os.environ, DE_AN06_SCREENSHOTS=str(ROOT / "docs" / "_static"),
               PYTHONPATH=str(ROOT / "src"))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
               "tests/test_dashboard_browser.py::test_screenshots"]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode  # noqa: S603


if __name__ == "__main__":
    sys.exit(main())
