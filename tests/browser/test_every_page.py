"""Checks on every page of the built site, in Chromium: accessibility (axe-core: WCAG 2.0–2.2
A and AA, and axe's best practices, at every impact) in light and dark on phone and desktop,
zero requests to other hosts, no console or page errors. Failures name the page, the rule and
the element."""

from __future__ import annotations

import re

import pytest
from local_site import page_paths
from page_checks import axe_violations, visit_problems
from project import ROOT

PAGES = [*page_paths(ROOT / "docs"), "404.html"]


def problems_in_every_variant(open_page, path: str, base: str | None = None,
                              builder: str = "MkDocs") -> list[str]:
    """axe violations, other hosts and errors of one page, phone and desktop, light and dark."""
    problems = []
    for viewport in ("phone", "desktop"):
        for scheme in ("light", "dark"):
            where = f"/{path} ({builder}, {viewport}, {scheme})"
            visit = open_page(path, viewport=viewport, scheme=scheme, base=base)
            problems += axe_violations(visit.page, where) + visit_problems(visit, where)
            visit.page.context.close()
    return problems


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_is_accessible_private_and_error_free_light_dark_phone_desktop(open_page, path):
    problems = problems_in_every_variant(open_page, path)
    assert not problems, "\n".join(problems)


# Zensical renders the same templates with its own engine: check the pages that show each of
# them (home, a section, the whole article, a hand-written page with references, help).
ZENSICAL_PAGES = ["", "article/how-rapport-is-built/", "article/", "research/", "help/"]


@pytest.mark.zensical
@pytest.mark.parametrize("path", ZENSICAL_PAGES, ids=lambda path: path or "home")
def test_zensical_page_is_accessible_and_private_light_dark_phone_desktop(
        open_page, zensical_url, path):
    problems = problems_in_every_variant(open_page, path, zensical_url, "Zensical")
    assert not problems, "\n".join(problems)


@pytest.mark.zensical
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_zensical_search_finds_a_section(open_page, zensical_url, viewport):
    """Zensical has its own search dialog, which Material's search-on-demand script must not
    hold up (the templates leave that script out under Zensical)."""
    visit = open_page("glossary/", viewport=viewport, base=zensical_url)
    visit.page.locator(".md-search__button:visible, label[for=__search]:visible").first.click()
    visit.page.keyboard.type("empathy", delay=20)
    # Its results are options of a list box, each starting with the page's title.
    visit.page.get_by_role("option").filter(
        has_text=re.compile(r"^Validation and empathy")).first.wait_for()
    assert visit.traffic.errors == []
