"""Articles as people really write them (made up here, shaped like real guides, notes, RFCs
and blog posts): every one is accepted, and the site with all of them builds strictly.

Also: the generator names section pages with the very function MkDocs uses for heading ids,
so the two agree for headings in any script.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
from html_page import read_page
from mkdocs.config import load_config
from project import FIXTURES, ROOT, copy_project, run_mkdocs_build
from rapport.article import parse_article
from rapport.sources import read_settings
from rapport.slugs import heading_slug, split_attributes
from rapport.pipeline import build
from rapport.sources import Sources

pytestmark = pytest.mark.build

REAL_WORLD = FIXTURES / "real-world"
ARTICLES = {path.stem: parse_article(path.read_text(encoding="utf-8"), path)
            for path in sorted(REAL_WORLD.glob("*.md"))}


@pytest.fixture(scope="module")
def real_world_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    project = copy_project(tmp_path_factory.mktemp("real-world"))
    for path in REAL_WORLD.glob("*.md"):
        shutil.copy(path, project / "content" / path.name)
    build(Sources(project / "content", project / "docs", project / "mkdocs.yml",
                  read_settings(project / "mkdocs.yml")))
    site = tmp_path_factory.mktemp("real-world-site")
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return project, site, result.stderr + result.stdout


def test_there_are_at_least_ten_real_world_shaped_articles():
    assert len(ARTICLES) >= 10


def test_the_site_with_every_real_world_article_builds_strictly_without_a_warning(
        real_world_site):
    _, _, log = real_world_site
    assert "WARNING" not in log and "warning" not in log.lower()


@pytest.mark.parametrize("name", ARTICLES)
def test_every_section_has_its_page_with_its_heading_as_text(real_world_site, name):
    _, site, _ = real_world_site
    for section in ARTICLES[name].sections:
        page = site / name / section.slug / "index.html"
        assert read_page(page).h1 == [section.title], (name, section.slug)


def test_slugs_keep_the_letters_of_every_script(real_world_site):
    _, site, _ = real_world_site
    assert (site / "korean-guide" / "메인테이너를-위한-자기-관리-및-번아웃-방지-팁" /
            "index.html").is_file()
    assert (site / "japanese-notes" / "信頼関係とは" / "index.html").is_file()
    assert (site / "german-leitfaden" / "über-größe-und-maß" / "index.html").is_file()


def test_sections_may_be_called_summary_index_edits_or_the_same_twice(real_world_site):
    project, site, _ = real_world_site
    for slug in ("summary", "index", "edits", "example", "example-2"):
        assert (site / "rfc-style" / slug / "index.html").is_file(), slug
    whole = read_page(site / "rfc-style" / "index.html")
    assert {"summary", "index", "edits", "example", "example-2", "edits-2"} <= whole.ids


def test_markup_in_headings_shows_as_itself_in_navigation_cards_and_titles(real_world_site):
    _, site, _ = real_world_site
    articles = read_page(site / "articles" / "index.html")
    whole = read_page(site / "markup-headings" / "index.html")
    for title in ("Validation ] and *empathy", 'Snake_case and code & "quotes"',
                  "1 < 2 > 0 * star"):
        assert title in articles.text, title                  # its card
        assert title in whole.text, title                     # the navigation and heading
    section = read_page(site / "markup-headings" / "section-4" / "index.html")
    assert section.h1 == ["🙂 🙂"]
    assert section.title.startswith("🙂 🙂 · ") and section.title.endswith(" - Rapport")


def test_links_to_own_headings_lead_to_the_page_that_holds_them(real_world_site):
    _, site, _ = real_world_site
    page = read_page(site / "markup-headings" / "1--0--star" / "index.html")
    assert ("a.href", "../validation--and-empathy/") in page.links
    korean = read_page(site / "korean-guide" / "한국어-독자의-제보" / "index.html")
    hrefs = {unquote(url) for attribute, url in korean.links if attribute == "a.href"}
    assert "../도움을-요청하는-법/" in hrefs


def test_footnotes_go_with_the_page_that_cites_them(real_world_site):
    _, site, _ = real_world_site
    table = (site / "tables-and-footnotes" / "a-small-table" / "index.html").read_text("utf-8")
    assert "A footnote about the table." in table and "A footnote at the end" not in table
    last = read_page(site / "tables-and-footnotes" / "what-the-notes-say" / "index.html")
    assert "A footnote at the end, with a second line." in last.text


def test_hash_lines_in_code_comments_and_html_stay_in_their_section(real_world_site):
    _, site, _ = real_world_site
    assert [s.title for s in ARTICLES["html-comments"].sections] == ["Visible section",
                                                                      "Last section"]
    page = (site / "html-comments" / "visible-section" / "index.html").read_text("utf-8")
    assert "Not a section either" in page and "# Raw HTML, not a heading" in page


# --- one slug function for the generator and MkDocs -------------------------------------------

HEADINGS = [
    "How rapport is built", "A two-way relationship", "Affirming the client’s reality — now!",
    "Validation ] and *empathy", "Snake_case and `code`", "Q&A: \"quotes\" & more",
    "1 < 2 > 0", "C++ and C#", "100% sure?", "Über Größe und Maß", "Straße", "Ça va, très bien",
    "Niño español", "Ελληνικά γράμματα", "Русский заголовок", "שלום עולם", "مرحبا بالعالم",
    "메인테이너를 위한 자기 관리 및 번아웃 방지 팁:", "한국어 독자의 제보", "心理療法の関係",
    "信頼関係とは", "中文标题与标点。", "हिन्दी शीर्षक", "Tiếng Việt có dấu", "emoji 🙂 here",
    "**Bold** _and_ *italic*", "Trailing dots...", "  spaced   out  ", "MiXeD CaSe Words",
    "dash-separated-words", "under_score_words", "เริ่มการแปลอัตโนมัติ", "हिंदी में अनुवाद",
    "Tiếng Việt có dấu (NFD)".replace("ế", "ê\u0301"),
]


def test_generator_slugs_agree_with_mkdocs_heading_ids():
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)      # the hook gives toc the generator's slugify
    renderer = markdown.Markdown(extensions=config.markdown_extensions,
                                 extension_configs=config.mdx_configs)
    for heading in HEADINGS:
        renderer.reset()
        html = renderer.convert(f"## {heading}")
        mkdocs_id = re.search(r'<h2 id="([^"]*)"', html).group(1)
        assert heading_slug(split_attributes(heading)[0]) == mkdocs_id, heading


def test_raw_html_anchors_and_attribute_list_ids_are_kept_and_linked(real_world_site):
    """The pages keep the guide's own anchors, and its links lead to them (the strict build,
    which checks anchors, is clean: see the build test above)."""
    _, site, _ = real_world_site
    part = (site / "anchors-guide" / "why-names-double" / "index.html").read_text(
        encoding="utf-8")
    assert 'id="naming-doubles"' in part and 'id="own-paragraph"' in part
    other = (site / "anchors-guide" / "what-to-do" / "index.html").read_text(encoding="utf-8")
    assert 'href="../why-names-double/#naming-doubles"' in other
    assert 'href="#old-name"' in other and 'href="../#old-name"' in other
    assert "cSpell" not in other
