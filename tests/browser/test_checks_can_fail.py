"""Each quality gate fails when it should: a copy of the site is broken on purpose (a broken
internal link, an external font, an image without alt text, low-contrast text) and every
check must report it, naming the page and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from local_site import serve
from page_checks import axe_violations, visit_problems
from project import copy_project, run_mkdocs_build
from site_checks import broken_links, html_errors

BROKEN_PAGE = """---
title: Broken on purpose
description: A page the tests break on purpose.
---

# Broken on purpose

<a href="../no-such-page/">A link to nowhere</a>

<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">

<img src="../assets/preview.png" width="60" height="32">

<p style="color: #c8c8c8">Pale grey text that is hard to read.</p>
"""


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("broken"))
    (project / "docs" / "broken.md").write_text(BROKEN_PAGE, encoding="utf-8")
    site = tmp_path_factory.mktemp("broken-site")
    result = run_mkdocs_build(project, site, strict=False)  # strict stops at the nav warning
    assert result.returncode == 0, result.stderr
    return site


def test_link_check_names_the_page_and_the_broken_link(broken_site):
    assert "broken/index.html: broken link: a.href=../no-such-page/ (no such file)" in \
        broken_links(broken_site)


def test_privacy_check_names_the_page_and_the_external_host(open_page, broken_site):
    server, url = serve(broken_site)
    try:
        visit = open_page("broken/", base=url, wait="load")
        problems = visit_problems(visit, "/broken/")
    finally:
        server.shutdown()
    assert any(p.startswith("/broken/: request to another host: https://fonts.googleapis.com/")
               for p in problems), problems


def test_axe_names_the_page_the_rule_and_the_element(open_page, broken_site):
    server, url = serve(broken_site)
    try:
        visit = open_page("broken/", base=url, scheme="light")
        problems = axe_violations(visit.page, "/broken/")
    finally:
        server.shutdown()
    assert any(p.startswith("/broken/: image-alt (critical) at img") for p in problems), problems
    assert any(p.startswith("/broken/: color-contrast (serious) at") and "p" in p
               for p in problems), problems


def test_validator_names_the_page_of_invalid_html(java, broken_site):
    errors = html_errors(broken_site)
    assert any(error.startswith("broken/index.html:") for error in errors), errors
