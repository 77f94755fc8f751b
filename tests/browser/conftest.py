"""Browser fixtures: the built site on a local server, and Debian's Chromium through Playwright.

Chromium is never downloaded: Playwright drives /usr/bin/chromium. Without it the browser
tests skip with how to install it, except in CI (CI=true), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from local_site import CHROMIUM, VIEWPORTS, launch_chromium, serve, site_url_path


def missing(message: str) -> None:
    """A required tool is absent: fail in CI (CI=true), where the browser tests are required;
    elsewhere skip, saying how to install it."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test (`-m "not browser"` leaves them out)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The freshly built site, served for the whole session under its site_url's path."""
    server, url = serve(built_site, site_url_path())
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    """The Zensical build of the same project, served like the MkDocs one."""
    server, url = serve(zensical_site, site_url_path())
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Chromium, launched once per session with a fresh profile."""
    if not CHROMIUM.exists():
        message = (f"no browser at {CHROMIUM}: install Debian's Chromium with "
                   "`sudo apt-get install chromium` (never `playwright install`)")
        missing(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:  # launch() gives each run a fresh, temporary profile
        launched = launch_chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def java() -> str:
    """Java runs the validator; in CI a missing Java fails, elsewhere it skips with the fix."""
    found = shutil.which("java")
    if not found:
        message = "no java: install it with `sudo apt-get install default-jre-headless`"
        missing(message)
    return found


@dataclass
class Traffic:
    """Every request a page made, the ones stopped for leaving the site, and its errors."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class Visit:
    """A page open in a browser context, with what it did on the network and the console."""

    page: object
    traffic: Traffic


@pytest.fixture
def open_page(browser, site_url) -> Iterator[Callable[..., Visit]]:
    """Open a page of the site in a fresh context: viewport, colour scheme and media as asked.

    Requests to any host but the local server are aborted and recorded."""
    contexts = []

    def opener(path: str = "", *, viewport: str = "desktop", scheme: str = "light",
               base: str | None = None, wait: str = "networkidle") -> Visit:
        root = base or site_url
        context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
        contexts.append(context)
        traffic = Traffic()
        allowed = urlsplit(root).netloc

        def route(route):
            url = route.request.url
            traffic.requests.append(url)
            if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc == allowed:
                route.continue_()
            else:
                traffic.blocked.append(url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error"
                and traffic.errors.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: traffic.errors.append(f"page error: {error}"))
        page.goto(root + path, wait_until=wait)
        return Visit(page=page, traffic=traffic)

    yield opener
    for context in contexts:
        context.close()
