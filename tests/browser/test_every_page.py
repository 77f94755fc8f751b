"""Checks on every page of the built site, in Chromium: accessibility (axe-core, WCAG 2.0–2.2
A and AA) in light and dark on phone and desktop, zero requests to other hosts, no console or
page errors. Failures name the page, the rule and the element."""

from __future__ import annotations

import pytest
from project import ROOT
from bench import page_paths
from page_checks import axe_violations, visit_problems

PAGES = [*page_paths(ROOT / "docs"), "404.html"]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_is_accessible_private_and_error_free_light_dark_phone_desktop(open_page, path):
    problems = []
    for viewport in ("phone", "desktop"):
        for scheme in ("light", "dark"):
            where = f"/{path} ({viewport}, {scheme})"
            visit = open_page(path, viewport=viewport, scheme=scheme, wait="load")
            visit.page.wait_for_load_state("networkidle")
            problems += axe_violations(visit.page, where) + visit_problems(visit, where)
            visit.page.context.close()
    assert not problems, "\n".join(problems)
