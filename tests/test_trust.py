"""What a reader in trouble must be able to trust, on the built site: every number to call or text
is a verified one, every complaint route is an official page from the verified list, no page sends
readers to a body that cannot take their complaint, and the article on a therapist crossing a line
can be found from the pages that talk about it.

Only the copies in tests/fixtures/ of the editors' verified lists are read (help-lines.md,
complaints.md)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from html_page import html_pages, read_page
from project import FIXTURES
from rapport.contacts import find_contacts

HELP_LINES = (FIXTURES / "help-lines.md").read_text(encoding="utf-8")
COMPLAINTS = (FIXTURES / "complaints.md").read_text(encoding="utf-8")
VERIFIED = HELP_LINES + COMPLAINTS
# Every number the two lists give, as digits only ("116 123" and `tel:116123` are one number).
VERIFIED_NUMBERS = {re.sub(r"\D", "", run) for run in re.findall(r"\d[\d -]*\d|\d", VERIFIED)}
# A number a page asks the reader to call, text or dial ("call 112 or 999", "Text SHOUT to
# 85258"); longer numbers written in any country's format are found by the generator's own check.
ASKED_RE = re.compile(r"\b(?i:call|text|dial) +(?:[A-Z]+ +to +)?(\d[\d -]*\d|\d)"
                      r"(?: +or +(\d[\d -]*\d|\d))?")
NEW_ARTICLE = "if-your-therapist-crosses-a-line"


def site_pages(site: Path) -> list[tuple[str, object]]:
    return [(path.relative_to(site).as_posix(), read_page(path)) for path in html_pages(site)]


def text_lines(path: Path) -> list[str]:
    """A page's text, one line per element, so that two buttons side by side stay apart."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [" ".join(unescape(line).split()) for line in re.sub(r"<[^>]+>", "\n", html).split("\n")]


def test_every_number_to_call_or_text_is_a_verified_one(built_site):
    checked = set()
    for name, page in site_pages(built_site):
        for _, url in page.links:
            scheme, _, number = url.partition(":")
            if scheme in ("tel", "sms"):
                if "?" in number:      # a text with its words: exactly as the list gives it
                    assert f"`{url}`" in HELP_LINES, (name, url)
                digits = number.split("?")[0]
                assert digits in VERIFIED_NUMBERS, (name, url)
                checked.add(url)
        for match in (match for line in text_lines(built_site / name)
                      for match in ASKED_RE.finditer(line)):
            for number in filter(None, match.groups()):
                assert re.sub(r"\D", "", number) in VERIFIED_NUMBERS, (name, match.group(0))
                checked.add(number)
        for contact in find_contacts([page.text]):
            if contact.kind == "phone number":
                assert re.sub(r"\D", "", contact.value) in VERIFIED_NUMBERS, (name, contact)
                checked.add(contact.value)
    # The check saw the help page's lines, the emergency numbers and SAMHSA's helpline.
    assert {"tel:988", "sms:85258?body=SHOUT", "tel:000", "tel:18006624357", "999",
            "1-800-662-4357"} <= checked, sorted(checked)


@pytest.mark.parametrize("folder", [NEW_ARTICLE, "good-fit"])
def test_every_official_page_linked_for_complaints_and_finding_a_therapist_is_verified(
        built_site, folder):
    own_host = None
    linked = []
    for path in sorted((built_site / folder).rglob("*.html")):
        page = read_page(path)
        own_host = own_host or urlsplit(page.canonical or "").netloc
        linked += [url for _, url in page.links
                   if url.startswith(("http://", "https://")) and urlsplit(url).netloc != own_host]
    assert len(set(linked)) >= (15 if folder == NEW_ARTICLE else 5), linked
    for url in linked:
        assert url in COMPLAINTS, f"{folder}: {url} is not an official page in complaints.md"


def test_no_page_names_coru_which_does_not_register_therapists(built_site):
    # The verified list: CORU does not yet register psychologists, counsellors or
    # psychotherapists, so no page may send a reader there (safest: never name it).
    assert "CORU" in COMPLAINTS
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".txt"):
            assert "coru" not in path.read_text(encoding="utf-8").lower(), path


@pytest.mark.parametrize("page_path", [
    "when-it-isnt-working/changing-therapist/index.html",   # where it says "crosses a line"
    "when-it-isnt-working/help-now/index.html",             # where it says "feels unsafe"
    "when-it-isnt-working/index.html",
    "good-fit/index.html",
    "help/index.html",
])
def test_the_crossing_a_line_article_is_linked_where_readers_need_it(built_site, page_path):
    page = read_page(built_site / page_path)
    base = "https://site.invalid/" + page_path
    targets = {urlsplit(urljoin(base, url)).path for tag, url in page.links if tag == "a.href"}
    assert f"/{NEW_ARTICLE}/" in targets, sorted(targets)
