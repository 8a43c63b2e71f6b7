"""Take screenshots of the built site in headless Chromium (``make docs-shots``).

``python docs/_shots.py HTML_DIR OUT_DIR`` opens a few pages of the built site
at 1366×900 — the landing page, the tutorial, an API page, the Data page, the
gallery and the rendered notebook — and writes one PNG per page (the first
screen, and the whole page beside it) into ``OUT_DIR``. The pictures are for
looking at the site as a reader does; they are not committed.

Chromium is the system one (``CHROMIUM``, default ``/usr/bin/chromium``),
driven by Playwright.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: Page of the site -> name of its screenshot.
PAGES = {
    "index.html": "index",
    "tutorial.html": "tutorial",
    "api/model.html": "api-model",
    "data.html": "data",
    "data-figures.html": "data-figures",
    "gallery/index.html": "gallery",
    "gallery/plot_khanh_hoa_pace.html": "gallery-khanh-hoa-pace",
    "examples/khanh_hoa_forecast.html": "notebook",
}
WIDTH, HEIGHT = 1366, 900


def main(html: Path, out: Path) -> int:
    """Write the screenshots of `html`'s pages into `out`; 1 if a page is missing."""
    from playwright.sync_api import sync_playwright

    missing = [page for page in PAGES if not (html / page).is_file()]
    if missing:
        sys.stderr.write(f"not built: {', '.join(missing)} (run `make docs` first)\n")
        return 1
    out.mkdir(parents=True, exist_ok=True)
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        for source, name in PAGES.items():
            page.goto((html / source).resolve().as_uri())
            page.wait_for_load_state("load")
            page.evaluate("document.fonts.ready")
            page.screenshot(path=str(out / f"{name}.png"))
            page.screenshot(path=str(out / f"{name}-full.png"), full_page=True)
            sys.stdout.write(f"{out / name}.png\n")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
