"""Plan stage: which files the article becomes, and what each one says."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import yaml
from project import FIXTURE_ARTICLE, FIXTURES
from rapport.article import parse_article
from rapport.pages import generated_source, icon_names, plan_site
from rapport.writer import build, read_docs

GOLDEN = FIXTURES / "golden"


def fixture_plan(text: str | None = None) -> dict[PurePosixPath, str]:
    article = parse_article(text or FIXTURE_ARTICLE.read_text(encoding="utf-8"), FIXTURE_ARTICLE)
    return plan_site(article, "content/article.md", folder="article", icons=fake_icons(article))


def fake_icons(article) -> dict[str, str]:
    return {name: f"<svg>{name}</svg>" for name in icon_names(article)}


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


def test_plan_holds_home_sections_whole_article_and_nav_in_article_order():
    assert [str(path) for path in fixture_plan()] == [
        "index.md",
        "article/why-listening-matters.md",
        "article/practice.md",
        "article/when-it-goes-wrong.md",
        "article/index.md",
        "article/SUMMARY.md",
    ]


def test_nav_lists_sections_in_article_order_then_the_whole_article():
    summary = fixture_plan()[PurePosixPath("article/SUMMARY.md")]
    links = re.findall(r"^\* \[(.+)\]\((.+)\)$", summary, re.MULTILINE)
    assert links == [("Why listening matters", "why-listening-matters.md"),
                     ("Listening in practice", "practice.md"),
                     ("When it goes wrong", "when-it-goes-wrong.md"),
                     ("The whole article on one page", "index.md")]


def test_home_has_lead_buttons_and_a_card_per_section_with_its_summary():
    home = fixture_plan()[PurePosixPath("index.md")]
    assert "Listening well is a skill that anyone can practise." in home
    assert "[Read the whole article](article/index.md){ .md-button .md-button--primary }" in home
    assert "[Get help now](help.md)" in home
    assert "__[Listening in practice](article/practice.md)__" in home
    assert "What good listening looks like in a conversation." in home
    assert '<span class="twemoji lg middle" aria-hidden="true"><svg>material/ear-hearing</svg>' \
        '</span> __[Listening in practice]' in home
    assert "<svg>material/bookmark-outline</svg>" in home      # the default icon
    assert "People open up when they feel…" in home
    assert "People open up when they feel heard." not in home


def test_section_page_has_title_description_and_its_own_text_only():
    page = fixture_plan()[PurePosixPath("article/practice.md")]
    assert front_matter(page) == {
        "title": "Listening in practice",
        "description": "What good listening looks like in a conversation."}
    assert "\n# Listening in practice\n" in page
    assert "Good listeners ask open questions." in page
    assert "People open up" not in page


def test_note_marker_becomes_an_admonition_that_links_to_the_evidence():
    page = fixture_plan()[PurePosixPath("article/practice.md")]
    assert '!!! info "A note about evidence"\n\n    Studies show a moderate link' in page
    assert "<!-- note:" not in page


def test_whole_article_has_every_section_in_order_with_stable_anchors_and_the_edits():
    whole = fixture_plan()[PurePosixPath("article/index.md")]
    headings = re.findall(r"^## (.+ \{#[a-z-]+\})$", whole, re.MULTILINE)
    assert headings == ["Why listening matters {#why-listening-matters}",
                        "Listening in practice {#practice}",
                        "When it goes wrong {#when-it-goes-wrong}",
                        "Source and edits {#edits}"]
    assert "1. Fixed a typo. *To make it read well.*" in whole
    assert "first published in The Example Gazette, letters page on 2024-01-02" in whole


def test_every_generated_file_carries_the_marker_naming_its_source():
    for path, text in fixture_plan().items():
        assert generated_source(text) == "content/article.md", path
        assert "do not edit" in text.splitlines()[1 if text.startswith("---") else 0]


def test_hand_written_page_has_no_marker():
    assert generated_source("---\ntitle: Help\n---\n\n# Help\n") is None


def test_front_matter_escapes_markup_in_titles_and_descriptions():
    hostile = FIXTURE_ARTICLE.read_text(encoding="utf-8").replace(
        "A Small Article About Listening", 'Q&A "quotes" <b>bold</b> </script>')
    home = front_matter(fixture_plan(hostile)[PurePosixPath("index.md")])
    assert home["title"] == "Q&amp;A &quot;quotes&quot; &lt;b&gt;bold&lt;/b&gt; &lt;/script&gt;"


def test_plan_is_deterministic():
    assert fixture_plan() == fixture_plan()


def test_fixture_article_matches_the_golden_tree(tmp_path: Path):
    """To accept a deliberate change: python scripts/build_pages.py
    --source tests/fixtures/article.md --docs tests/fixtures/golden"""
    build(FIXTURE_ARTICLE, tmp_path / "docs")
    assert read_docs(tmp_path / "docs") == read_docs(GOLDEN)
