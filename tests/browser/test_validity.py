"""Valid HTML: the W3C Nu validator over every built page, with Material's own errors listed
(each with its reason) in tests/vnu-allowlist.txt."""

from __future__ import annotations

from site_checks import html_errors


def test_every_page_is_valid_html(java, built_site):
    errors = html_errors(built_site)
    assert not errors, "\n".join(errors)
