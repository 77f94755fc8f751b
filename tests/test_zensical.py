"""The committed docs/ and mkdocs.yml also build with Zensical, Material's successor: the same
pages, in the same navigation order. (`-m "not zensical"` leaves these out.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from html_page import html_pages, nav_order, read_page

pytestmark = [pytest.mark.zensical, pytest.mark.build]


def test_zensical_builds_every_page_that_mkdocs_builds(built_site, zensical_site):
    pages = {path.relative_to(built_site) for path in html_pages(built_site)}
    assert {path.relative_to(zensical_site) for path in html_pages(zensical_site)} == pages


def test_zensical_keeps_the_navigation_order(built_site, zensical_site):
    assert nav_order(zensical_site) == nav_order(built_site)


def test_zensical_shows_the_same_glossary_tooltips(built_site, zensical_site):
    page = Path("article") / "validation-and-empathy" / "index.html"
    assert read_page(zensical_site / page).abbr_titles == read_page(built_site / page).abbr_titles
