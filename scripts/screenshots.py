#!/usr/bin/env python3
"""Take the README's screenshots: home and a section page, phone and desktop, light and dark.

    make screenshots      # builds the site, serves it on 127.0.0.1, writes PNGs

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; nothing is downloaded.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench import CHROMIUM, CHROMIUM_ARGS, ROOT, mkdocs_build, serve
from playwright.sync_api import sync_playwright

OUT = ROOT / "docs" / "assets" / "screenshots"
PAGES = {"home": "", "section": "article/how-rapport-is-built/"}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


def main() -> int:
    """Build into a temp folder, serve it, and write one PNG per page, viewport and scheme."""
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        mkdocs_build(ROOT / "mkdocs.yml", site)
        server, base = serve(site)
        OUT.mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                     args=CHROMIUM_ARGS)
                for name, path in PAGES.items():
                    for size, viewport in VIEWPORTS.items():
                        for scheme in ("light", "dark"):
                            context = browser.new_context(viewport=viewport,
                                                          color_scheme=scheme)
                            page = context.new_page()
                            page.goto(base + path, wait_until="networkidle")
                            page.screenshot(path=OUT / f"{name}-{size}-{scheme}.png")
                            context.close()
                browser.close()
        finally:
            server.terminate()
    print(f"wrote {len(PAGES) * len(VIEWPORTS) * 2} screenshots to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
