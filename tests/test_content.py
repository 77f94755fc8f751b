"""The hand-written pages: plain language, honest figures with their sources, help that works."""

from __future__ import annotations

import re

import pytest
import textstat
import yaml
from project import FIXTURES, ROOT
from rapport.article import parse_article
from rapport.layout import generated_source

DOCS = ROOT / "docs"
HAND_WRITTEN = sorted(path.name for path in DOCS.glob("*.md")
                      if not generated_source(path.read_text(encoding="utf-8")))
EDITORS_ARTICLES = sorted(path for path in (ROOT / "content").glob("*.md")
                          if "\nsource:" not in path.read_text(encoding="utf-8").split("\n---")[0])
# The verified reference list (a copy of the editors' shared/references.md, kept with the tests).
REFERENCES = (FIXTURES / "references.md").read_text(encoding="utf-8")
# The verified complaint routes and therapist finders (a copy of the editors' shared/complaints.md).
COMPLAINTS = (FIXTURES / "complaints.md").read_text(encoding="utf-8")
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


@pytest.mark.parametrize("path", EDITORS_ARTICLES, ids=lambda path: path.name)
def test_every_section_of_the_editors_articles_is_plain_and_stands_on_its_own(path):
    article = parse_article(path.read_text(encoding="utf-8"), path)
    assert len(article.sections) >= 5
    for section in article.sections:
        text = prose("\n".join(section.body.prose()))
        score = textstat.flesch_reading_ease(text)
        assert score >= 60, f"{path.name} '{section.title}': reading ease {score:.0f}"
        assert len(text.split()) >= 120, f"{path.name} '{section.title}': too short to stand alone"


def test_the_seed_is_the_only_article_from_elsewhere():
    assert [path.name for path in EDITORS_ARTICLES] == ["if-your-therapist-crosses-a-line.md",
                                                         "when-it-isnt-working.md"]


def test_readability_measure_tells_plain_from_dense_text():
    plain = "We check the text every year. You can tell us if something is wrong."
    dense = ("Meta-analytic investigations demonstrate heterogeneous correlational associations "
             "between therapeutic alliance operationalisations and psychotherapeutic outcomes.")
    assert textstat.flesch_reading_ease(plain) >= 60 > textstat.flesch_reading_ease(dense)


def source_text(name: str) -> str:
    """A page's words: a hand-written page in docs/, or a file in content/."""
    if name == "content/glossary.yml":
        data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
        return "\n".join(f"{term['tooltip']} {term['definition']}" for term in data["terms"])
    if name.startswith("content/"):
        return (ROOT / name).read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    return body(name)


@pytest.mark.parametrize("name", ["research.md", "good-fit.md", "content/glossary.yml",
                                  *(f"content/{path.name}" for path in EDITORS_ARTICLES)])
def test_every_figure_comes_from_the_verified_references(name):
    text = re.sub(r"\(\.\./|\]\([^)]*\)|<https?://[^>]*>", "", source_text(name))
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.MULTILINE)  # checked below
    for number in NUMBER_RE.findall(text):
        assert number.rstrip("%,") in REFERENCES + COMPLAINTS, \
            f"{name}: {number} is in neither references.md nor complaints.md"


@pytest.mark.parametrize("path", [path for path in EDITORS_ARTICLES
                                  if "[^" in path.read_text(encoding="utf-8")],
                         ids=lambda path: path.name)
def test_the_editors_articles_that_cite_research_cite_only_verified_references(path):
    text = path.read_text(encoding="utf-8")
    citations = re.findall(r"^\[\^[^\]]+\]: (.+)$", text, re.MULTILINE)
    assert len(citations) >= 4
    for citation in citations:
        assert citation.replace("<", "").replace(">", "") in REFERENCES, citation
    for hedge in ("show a link", "do not prove", "tend to"):
        assert hedge in " ".join(text.split()), hedge


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


HELP_LINES = (FIXTURES / "help-lines.md").read_text(encoding="utf-8")


def test_help_page_gives_every_verified_line_as_a_call_or_text_button():
    text = body("help.md")
    verified = re.findall(r"`((?:tel|sms):[^`]+)`", HELP_LINES.split("Links:")[1])
    assert len(verified) == 17
    links = re.findall(r"\]\(((?:tel|sms):[^)]+)\)\{ \.rapport-call", text)
    assert set(links) == set(verified) | {"tel:911", "tel:999", "tel:112", "tel:119"}
    for number in ("988", "116 123", "111", "109", "1577-0199", "85258", "SHOUT", "13 11 14",
                   "1300 22 4636", "1800 55 1800", "50808", "1800 111 888", "1737", "686868",
                   "CONNECT", "1388", "000"):
        assert number in text, number
    assert "https://findahelpline.com/" in text
    assert text.index("emergency number") < text.index("Talk to someone now")


def test_help_lines_are_worded_as_the_verified_list_words_them():
    text = " ".join(body("help.md").split())
    for service in ("988 Suicide & Crisis Lifeline", "9-8-8 Suicide Crisis Helpline",
                    "Samaritans", "Shout", "NHS 111", "자살예방상담전화", "정신건강위기상담전화",
                    "청소년상담 1388", "Lifeline", "Beyond Blue Support Service", "Kids Helpline",
                    "YourMentalHealth information line", "Need to talk?", "Kids Help Phone"):
        assert service in HELP_LINES and service in text, service


def test_about_page_states_review_dates_funding_and_feedback():
    text = " ".join(body("about.md").split())
    for fact in ("not therapy", "not medical advice", '--8<-- "review-policy.md"',
                 "no ads and no cookies", "no conflicts of interest",
                 "Report a problem with this page", "article/index.md#edits"):
        assert fact in text, fact
