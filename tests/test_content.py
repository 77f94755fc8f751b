"""The hand-written pages: plain language, honest figures with their sources, help that works."""

from __future__ import annotations

import re

import pytest
import textstat
import yaml
from project import FIXTURES, ROOT

DOCS = ROOT / "docs"
HAND_WRITTEN = sorted(path.name for path in DOCS.glob("*.md") if path.name != "index.md")
# The verified reference list (a copy of the editors' shared/references.md, kept with the tests).
REFERENCES = (FIXTURES / "references.md").read_text(encoding="utf-8")
NUMBER_RE = re.compile(r"(?<![\w.])(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?")


def body(name: str) -> str:
    """A page's Markdown without its front matter."""
    return (DOCS / name).read_text(encoding="utf-8").split("---\n", 2)[2]


def prose(markdown: str) -> str:
    """The sentences a reader reads: no link targets, footnotes, table rules or Markdown marks."""
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", markdown, flags=re.MULTILINE)
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)(\{[^}]*\})?", r"\1", text)
    text = re.sub(r"^\|?[-| :]+\|?$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^(#+|!!!.*|:\s+|[-*]\s+)", "", text, flags=re.MULTILINE)
    return text.replace("|", ". ").replace("*", "")


def test_every_hand_written_page_is_in_the_navigation():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in HAND_WRITTEN:
        assert f": {name}\n" in nav, name


@pytest.mark.parametrize("name", HAND_WRITTEN)
def test_hand_written_page_is_plain_language(name):
    score = textstat.flesch_reading_ease(prose(body(name)))
    assert score >= 60, f"{name}: Flesch reading ease {score:.0f} (want 60 or more)"


def test_readability_measure_tells_plain_from_dense_text():
    plain = "We check the text every year. You can tell us if something is wrong."
    dense = ("Meta-analytic investigations demonstrate heterogeneous correlational associations "
             "between therapeutic alliance operationalisations and psychotherapeutic outcomes.")
    assert textstat.flesch_reading_ease(plain) >= 60 > textstat.flesch_reading_ease(dense)


@pytest.mark.parametrize("name", ["research.md", "good-fit.md", "glossary.md"])
def test_every_figure_comes_from_the_verified_references(name):
    text = re.sub(r"\(\.\./|\]\([^)]*\)", "", body(name))
    for number in NUMBER_RE.findall(text):
        assert number.rstrip("%") in REFERENCES, f"{name}: {number} is not in references.md"


def test_the_article_note_quotes_the_verified_figure():
    note = (ROOT / "content" / "article.md").read_text(encoding="utf-8").split("notes:")[1]
    for number in NUMBER_RE.findall(note.split("---")[0]):
        assert number in REFERENCES, number


def test_every_citation_is_a_verified_reference_with_its_doi():
    citations = re.findall(r"^\[\^[^\]]+\]: (.+)$", body("research.md"), re.MULTILINE)
    assert len(citations) == 14
    for citation in citations:
        assert citation.replace("<", "").replace(">", "") in REFERENCES, citation


def test_every_citation_is_used_and_every_footnote_defined():
    text = body("research.md")
    defined = set(re.findall(r"^\[\^([^\]]+)\]:", text, re.MULTILINE))
    used = set(re.findall(r"\[\^([^\]]+)\](?!:)", text))
    assert defined == used


def test_research_page_keeps_the_hedges():
    text = " ".join(body("research.md").split())
    for hedge in ("moderate", "predicts", "do not show that the bond alone", "Not \"every\"",
                  "Not \"the strongest\"", "results vary"):
        assert hedge.replace('"', '"') in text, hedge


def test_help_page_lists_emergency_and_crisis_lines_as_tappable_links():
    text = body("help.md")
    for number, link in [("988", "tel:988"), ("116 123", "tel:116123"), ("111", "tel:111"),
                         ("109", "tel:109"), ("1577-0199", "tel:15770199"),
                         ("911", "tel:911"), ("999", "tel:999"), ("112", "tel:112")]:
        assert f"[{number}]({link})" in text, number
    assert "https://findahelpline.com/" in text
    assert text.index("emergency number") < text.index("Talk to someone today")


def test_about_page_states_review_dates_funding_and_feedback():
    text = " ".join(body("about.md").split())
    reviewed = yaml.safe_load((ROOT / "content" / "article.md").read_text(encoding="utf-8")
                              .split("---\n")[1])["reviewed"]
    due = reviewed.replace(year=reviewed.year + 3)
    for fact in ("not therapy", "not medical advice", "at least every three years",
                 f"next review is due by {due.day} {due:%B} {due.year}", "no ads and no cookies",
                 "no conflicts of interest", "mailto:feedback@example.org",
                 "article/index.md#edits"):
        assert fact in text, fact
