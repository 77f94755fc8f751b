"""The offline copy (`make offline`): a zip that opens from the file system, with working
navigation and search, and no request that leaves it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from local_site import DESKTOP, copy_project, quiet_env
from pack_offline import pack


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("offline-project"))
    site = tmp_path_factory.mktemp("offline-site")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                   cwd=project, env={**quiet_env(), "OFFLINE": "true"}, check=True,
                   capture_output=True)
    target = tmp_path_factory.mktemp("offline-zip") / "rapport-offline.zip"
    pack(site, target)
    return target


@pytest.fixture
def offline_page(browser, offline_zip, tmp_path):
    zipfile.ZipFile(offline_zip).extractall(tmp_path)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((tmp_path / "rapport" / "index.html").as_uri())
    yield page, requests
    context.close()


def test_packing_is_deterministic(offline_zip, tmp_path):
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(tmp_path)
    again = tmp_path / "again.zip"
    pack(tmp_path / "rapport", again)
    assert again.read_bytes() == offline_zip.read_bytes()


def test_offline_home_renders_and_navigation_reaches_a_section(offline_page):
    page, requests = offline_page
    assert page.locator("article h1").inner_text().startswith("Rapport: the bond")
    page.locator(".md-nav--primary a.md-nav__link[href^='articles']").click()
    page.wait_for_url("**/rapport/articles/index.html")
    page.locator(".grid.cards a", has_text="The Critical Role").click()
    page.wait_for_url("**/rapport/article/index.html")
    page.locator(".md-nav--primary a.md-nav__link", has_text="How rapport is built").click()
    page.wait_for_url("**/rapport/article/how-rapport-is-built.html")
    assert "Rapport is cultivated through consistent, mindful effort." in page.inner_text("article")
    assert {url.split(":")[0] for url in requests} <= {"file", "data"}, requests


def test_offline_search_finds_a_word_without_leaving_the_file_system(offline_page):
    page, requests = offline_page
    page.locator(".md-search__input").press_sequentially("empathy", delay=20)
    result = page.locator(".md-search-result__link[href*='validation-and-empathy']").first
    result.wait_for()
    result.click()
    assert "validation-and-empathy.html" in page.url
    assert {url.split(":")[0] for url in requests} <= {"file", "data"}, requests
