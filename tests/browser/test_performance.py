"""Performance budgets that do not depend on the machine's speed: bytes, requests, other hosts
and layout shift, measured in Chromium by the same code as `make bench`."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from local_site import page_paths
from measure import measure_pages
from project import ROOT

PAGES = page_paths(ROOT / "docs")
KB = 1024
MAX_REQUESTS = 7             # everything fetched until the network is idle, issue 5's budgets
MAX_FIRST_VIEW = 80 * KB     # ... gzipped, assets not cached
MAX_LATER_VIEW = 8 * KB      # a later page, with the theme's files cached
MAX_WHOLE_ARTICLE = 12 * KB  # ... an article's whole page, which carries all its text
WHOLE_ARTICLES = {f"{path.stem}/" for path in (ROOT / "content").glob("*.md")}
SEARCH_FILES = ("/search/search_index.json", "/workers/search.")


def weigh(browser, built_site, site_url, paths: list[str]):
    return measure_pages(browser, built_site, urlsplit(site_url).path, paths, site_url)


@pytest.fixture(scope="module")
def weights(browser, built_site, site_url):
    return {w.path: w for w in weigh(browser, built_site, site_url, PAGES)}


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_weight_requests_other_hosts_and_layout_shift(weights, path, browser, built_site,
                                                           site_url):
    weight = weights[path or "/"]
    assert weight.third_party == (), weight.third_party
    assert weight.first_requests <= MAX_REQUESTS, weight
    assert weight.first_bytes <= MAX_FIRST_VIEW, weight
    budget = MAX_WHOLE_ARTICLE if path in WHOLE_ARTICLES else MAX_LATER_VIEW
    assert 0 < weight.repeat_bytes <= budget, weight
    if weight.layout_shift:
        # Once in some ten full runs, one page has shown a tiny shift (0.0009) that no rerun
        # reproduced (handbook/performance.md). A shift in the page itself shows on every load:
        # load it once more, and fail if it shifts again. What moved is printed either way.
        [again] = weigh(browser, built_site, site_url, [path])
        assert again.layout_shift == 0, (weight, again)


def search_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if any(part in url for part in SEARCH_FILES)]


def open_search_by_tapping(page) -> None:
    page.locator("label.md-header__button[for=__search]").click()


def open_search_by_clicking_the_box(page) -> None:
    page.locator(".md-search__input").click()


def open_search_with_the_keyboard(page) -> None:
    page.keyboard.press("/")


@pytest.mark.parametrize("viewport, open_search", [
    ("phone", open_search_by_tapping),
    ("desktop", open_search_by_clicking_the_box),
    ("desktop", open_search_with_the_keyboard),
], ids=["phone-tap", "desktop-click", "desktop-key"])
def test_search_files_load_only_once_a_reader_opens_search_and_then_it_works(
        open_page, viewport, open_search):
    visit = open_page("glossary/", viewport=viewport)
    page = visit.page
    assert search_requests(visit.traffic.requests) == [], "search loaded before it was opened"
    open_search(page)
    page.locator(".md-search__input").press_sequentially("empathy", delay=20)
    page.locator(".md-search-result__link[href*='validation-and-empathy']").first.wait_for()
    loaded = search_requests(visit.traffic.requests)
    assert [any(part in url for url in loaded) for part in SEARCH_FILES] == [True, True], loaded
    assert len(loaded) == 2, loaded
    assert visit.traffic.errors == []


def test_a_shared_search_address_loads_search_at_once(open_page):
    visit = open_page("?q=empathy")
    assert len(search_requests(visit.traffic.requests)) == 2, visit.traffic.requests
    visit.page.locator(".md-search-result__link").first.wait_for()
    assert visit.page.locator(".md-search__input").input_value() == "empathy"


def test_other_web_workers_start_at_once(open_page):
    """Only Material's search worker waits; any other worker is the browser's own, unchanged."""
    visit = open_page("")
    reply = visit.page.evaluate("""() => new Promise(resolve => {
        const source = "onmessage = event => postMessage(event.data + ' back')";
        const worker = new Worker(URL.createObjectURL(new Blob([source])));
        worker.onmessage = event => resolve(event.data);
        worker.postMessage("there and");
    })""")
    assert reply == "there and back"
    assert search_requests(visit.traffic.requests) == []
