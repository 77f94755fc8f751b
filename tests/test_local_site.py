"""The one static server the tests, the benchmark and the screenshots use: a site under its
site_url path, as a host serves it."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from local_site import serve


def status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def served(tmp_path):
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / "404.html").write_text("the site's own 404", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("css", encoding="utf-8")
    server, url = serve(tmp_path, "/rapport/")
    yield url
    server.shutdown()


def test_the_site_is_served_under_its_path(served):
    assert served.endswith("/rapport/")
    assert status(served) == (200, "home")
    assert status(served + "assets/site.css") == (200, "css")


def test_unknown_pages_and_addresses_outside_the_sites_path_get_its_404_page(served):
    root = served.removesuffix("rapport/")
    assert status(served + "no-such-page/") == (404, "the site's own 404")
    assert status(root + "assets/site.css") == (404, "the site's own 404")
