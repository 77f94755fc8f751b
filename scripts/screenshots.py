#!/usr/bin/env python3
"""Take the README's screenshots: home, a section page, "Get help now" and a page of "When it
isn't working", phone and desktop, light and dark.

    make screenshots      # builds the site, serves it on 127.0.0.1, writes PNGs

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; nothing is downloaded.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from local_site import (
    ROOT,
    VIEWPORTS,
    build_site,
    copy_project,
    launch_chromium,
    serve,
    site_url_path,
)
from playwright.sync_api import sync_playwright

OUT = ROOT / "docs" / "assets" / "screenshots"
PAGES = {"home": "", "section": "article/how-rapport-is-built/", "help": "help/",
         "unheard": "when-it-isnt-working/how-to-raise-it/"}


def main() -> int:
    """Build a copy into a temp folder, serve it, and write one PNG per page, viewport and
    scheme."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        site = Path(folder) / "site"
        result = build_site(project, site)
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return 1
        server, base = serve(site, site_url_path(project))
        OUT.mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
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
            server.shutdown()
    print(f"wrote {len(PAGES) * len(VIEWPORTS) * 2} screenshots to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
