"""The built site, through a real `mkdocs build --strict`: pages, nav, search, metadata, leaks."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from html_page import html_pages, nav_order, read_page
from mkdocs.utils.yaml import yaml_load
from project import FIXTURES, ROOT, build_site, copy_project, run_mkdocs_build
from rapport.article import parse_article
from rapport.summaries import SENTENCE_END_RE
from rapport.glossary import parse_glossary
from site_checks import broken_links

pytestmark = pytest.mark.build

ARTICLE_PATH = ROOT / "content" / "article.md"
ARTICLE = parse_article(ARTICLE_PATH.read_text(encoding="utf-8"), ARTICLE_PATH)
SECOND_PATH = ROOT / "content" / "when-it-isnt-working.md"
SECOND = parse_article(SECOND_PATH.read_text(encoding="utf-8"), SECOND_PATH)
THIRD_PATH = ROOT / "content" / "if-your-therapist-crosses-a-line.md"
THIRD = parse_article(THIRD_PATH.read_text(encoding="utf-8"), THIRD_PATH)
# In the editors' order (`order:` 1, 2, 3).
ARTICLES = {"article": ARTICLE, "when-it-isnt-working": SECOND,
            "if-your-therapist-crosses-a-line": THIRD}
CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
SITE_URL = CONFIG["site_url"]
WHOLE = Path("article/index.html")

# The edits listed in the article's front matter, as (source text, published text).
EDITS = [
    ("Therapeutic methods are important", "While therapeutic methods are important"),
    ("True connection is双向的.", "True connection is two-way."),
    ("attend sessions regularly, 宮崎 マッサージ and", "attend sessions regularly, and"),
    ("pays undivided focus to both content and tone", "pays undivided focus not only to content "
                                                       "and tone"),
    ("protecting safety that establish", "protecting safety—habits that establish"),
]

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number, but not the digits inside a DOI ("10.1037/0022-0167.38.2.139").
PHONE_RE = re.compile(r"(?<![\w./])(?:\(?\+?\d{2,4}\)?[ .-]?\d{3,4}[ .-]\d{3,4}|\d{4}-\d{4})"
                      r"(?![\w.]?\d)")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
# The credited publication's name, and the names of South Korea's verified help lines.
ALLOWED_CJK = {"데일리광장", "자살예방상담전화", "정신건강위기상담전화", "청소년상담"}
# On Get help now and Finding a good fit, on purpose: each is in the verified lists (test_trust.py
# checks every number on the site against them); "800-662-4357" is SAMHSA's 1-800-662-4357.
CRISIS_NUMBERS = {"116 123", "1577-0199", "1800 111 888", "800-662-4357"}
SPAM = ("マッサージ", "宮崎", "massage", "photo-81684", "기사제보", "광고")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END_RE.split(" ".join(text.split())) if s]


def published_sentences() -> list[str]:
    """The source article's sentences with the listed edits applied (nothing else may differ)."""
    text = (FIXTURES / "source-article.txt").read_text(encoding="utf-8")
    for old, new in EDITS:
        assert old in text, old
        text = text.replace(old, new)
    return sentences(text)


def page_texts(site: Path) -> dict[Path, str]:
    return {path.relative_to(site): read_page(path).text for path in html_pages(site)}


# --- the build ----------------------------------------------------------------------------------


def test_strict_build_prints_no_warning(strict_build):
    assert "WARNING" not in strict_build.log
    assert "warning" not in strict_build.log.lower()


def test_building_twice_changes_no_byte(built_site, tmp_path):
    again = tmp_path / "again"
    result = run_mkdocs_build(copy_project(tmp_path / "project"), again)
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert [f for f in files if (built_site / f).read_bytes() != (again / f).read_bytes()] == []


def site_files(site: Path) -> dict[Path, bytes]:
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_template_cache_gives_the_same_site_and_notices_an_edited_template(tmp_path):
    project = copy_project(tmp_path / "project")
    cache = project / ".cache" / "templates"
    uncached = run_mkdocs_build(project, tmp_path / "uncached",
                                env={"RAPPORT_TEMPLATE_CACHE": "off"})
    assert uncached.returncode == 0, uncached.stderr
    assert not cache.exists()
    for name in ("filling", "cached"):
        result = run_mkdocs_build(project, tmp_path / name)
        assert result.returncode == 0, result.stderr
        assert site_files(tmp_path / name) == site_files(tmp_path / "uncached")
    assert len(list(cache.iterdir())) > 10  # Material's templates and ours
    template = project / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "This site is information", "This site is edited information"), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "edited")
    assert result.returncode == 0, result.stderr
    assert "This site is edited information" in (tmp_path / "edited" / "index.html").read_text(
        encoding="utf-8")


def test_every_section_of_every_article_has_its_page_with_its_heading(built_site):
    for name, article in ARTICLES.items():
        for section in article.sections:
            page = read_page(built_site / name / section.slug / "index.html")
            assert page.h1 == [section.title]


def test_next_links_walk_home_then_each_article_then_the_other_pages(built_site):
    titles = nav_order(built_site)
    expected = ["Rapport: the bond between you and your therapist, in plain words", "Articles"]
    for article in ARTICLES.values():
        expected += [article.title, *(s.title for s in article.sections)]
    expected += ["Get help now", "What the research says", "Finding a good fit", "Glossary",
                 "About this site"]
    assert titles == expected


def test_search_index_holds_every_section_page_and_not_the_whole_articles(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for name, article in ARTICLES.items():
        for section in article.sections:
            assert f"{name}/{section.slug}/" in locations
        # The whole-article page is left out, so each sentence is found on one page only.
        assert not [location for location in locations if location.startswith(f"{name}/#")]


# --- nothing lost, nothing leaked ---------------------------------------------------------------


def test_every_sentence_of_the_editors_article_is_on_its_whole_page_and_one_other(built_site):
    texts = page_texts(built_site)
    whole = texts.pop(Path("when-it-isnt-working/index.html"))
    lead = set(sentences(" ".join(SECOND.lead.prose())))
    for section in (None, *SECOND.sections):
        prose = SECOND.lead.prose() if section is None else section.body.prose()
        for sentence in sentences(" ".join(re.sub(r"\[\^\w+\]|\[|\]\([^)]*\)|^[-*] ", "",
                                                  line) for line in prose)):
            assert sentence in whole, sentence
            holders = [path for path, text in texts.items() if sentence in text]
            assert len(holders) == 1, (sentence, holders)
            if sentence in lead:
                assert holders == [Path("index.html")], (sentence, holders)
            else:
                assert holders == [Path("when-it-isnt-working", section.slug, "index.html")]


def test_every_source_sentence_is_on_the_whole_page_and_exactly_one_other(built_site):
    texts = page_texts(built_site)
    whole = texts.pop(WHOLE)
    # The lead's words as a reader sees them (the editors linked "the cornerstone of healing").
    lead = set(sentences(re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", ARTICLE.lead.markdown())))
    for sentence in published_sentences():
        assert sentence in whole, sentence
        holders = [path for path, text in texts.items() if sentence in text]
        expected = Path("index.html") if sentence in lead else None
        assert len(holders) == 1, (sentence, holders)
        if expected:
            assert holders == [expected]
        else:
            assert holders[0].parts[0] == "article", (sentence, holders)


def test_no_contact_details_spam_or_chrome_in_visible_text(built_site):
    for path, text in page_texts(built_site).items():
        assert_clean(text, path.as_posix())


def assert_clean(text: str, where: str) -> None:
    """Fail, naming the page, on any e-mail, phone number, CJK text or spam word."""
    emails = [e for e in EMAIL_RE.findall(text) if not e.endswith("@example.org")]
    phones = [p for p in PHONE_RE.findall(text) if p not in CRISIS_NUMBERS]
    cjk = set(CJK_RE.findall(text)) - ALLOWED_CJK
    spam = [word for word in SPAM if word.lower() in text.lower()]
    assert not (emails or phones or cjk or spam), f"{where}: {emails} {phones} {cjk} {spam}"


def test_leak_scan_catches_the_kinds_of_leak_in_a_made_up_raw_page():
    raw = (FIXTURES / "raw-page.txt").read_text(encoding="utf-8").replace("example.org",
                                                                           "example.com")
    with pytest.raises(AssertionError) as caught:
        assert_clean(raw, "raw-page.txt")
    message = str(caught.value)
    for found in ("poster@example.com", "(555) 010-0199", "(055)010-0123", "기사제보",
                  "マッサージ"):
        assert found in message


def test_search_index_has_no_contact_details(built_site):
    text = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert_clean(json.loads(text).__repr__().replace("\\n", " "), "search_index.json")


# --- on every page ------------------------------------------------------------------------------


def test_every_page_has_notice_help_link_reading_time_and_review_date(built_site):
    for path in html_pages(built_site):
        if path.name == "404.html" or path.parent.name == "help":  # help: below
            continue
        page = read_page(path)
        assert "This site is information, not therapy or medical advice." in page.text, path
        assert "min read" in page.text, path
        assert re.search(r"Last reviewed \d{1,2} [A-Z][a-z]+ 20\d\d by the editors \(not "
                         r"reviewed by a clinician\)", page.text), path
        help_link = "./" if path.parent.name == "help" else "help/"
        assert any(href.endswith(help_link) for _, href in page.links), path


def long(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def test_each_article_page_shows_its_own_review_date(built_site):
    for name, article in ARTICLES.items():
        for section in article.sections:
            text = read_page(built_site / name / section.slug / "index.html").text
            assert f"Last reviewed {long(article.meta.reviewed)}" in text, (name, section.slug)


def test_footer_of_the_seed_articles_pages_credits_it_and_links_to_its_edits(built_site):
    page = read_page(built_site / "article" / "how-rapport-is-built" / "index.html")
    meta = ARTICLE.meta
    assert f"by {meta.author}, first published in {meta.publication}" in page.text
    assert f"in {meta.publication} on {long(meta.published)}," in page.text
    assert ("a.href", "../#edits") in page.links


def test_footer_of_the_editors_article_says_the_editors_wrote_it(built_site):
    page = read_page(built_site / "when-it-isnt-working" / "help-now" / "index.html")
    assert f"“{SECOND.title}”, written by the Rapport editors (about this article)" in page.text
    assert ("a.href", "../#edits") in page.links
    assert ARTICLE.meta.author not in page.text.split("Previous")[-1]


def test_hand_written_pages_credit_the_site_not_an_article(built_site):
    for name in ("glossary", "help", "research", "good-fit", "about"):
        page = read_page(built_site / name / "index.html")
        assert "Written and reviewed by the Rapport editors." in page.text, name
        assert "first published in" not in page.text, name


def test_every_page_has_unique_description_canonical_social_tags_and_json_ld(built_site):
    descriptions: dict[str, Path] = {}
    for path in html_pages(built_site):
        if path.name == "404.html":
            continue
        page = read_page(path)
        description = page.meta["description"]
        assert description and description not in descriptions, (path, descriptions.get(
            description))
        descriptions[description] = path
        assert page.canonical and page.canonical.startswith(SITE_URL), path
        assert page.meta["og:title"] and page.meta["og:description"] == description, path
        home = path == built_site / "index.html"
        assert page.title == (page.meta["og:title"] if home else
                              f"{page.meta['og:title']} - Rapport"), path
        assert page.meta["og:image"] == SITE_URL + "assets/preview.png", path
        assert page.meta["twitter:card"] == "summary_large_image", path
        ld = page.ld()[0]
        assert ld["@type"] == "MedicalWebPage", path
        assert ld["url"] == page.canonical, path
        if not home:
            assert re.fullmatch(r"20\d\d-\d\d-\d\d", ld["lastReviewed"]), path
    assert (ROOT / "docs" / "assets" / "preview.png").is_file()


def test_article_pages_describe_their_own_article_in_json_ld(built_site):
    page, article = read_page(built_site / "article" / "index.html").ld()
    assert article["@type"] == "Article" and article["headline"] == ARTICLE.title
    assert article["author"] == {"@type": "Person", "name": "VT"}
    assert article["datePublished"] == "2025-10-25"
    assert article["dateModified"] == ARTICLE.meta.reviewed == page["lastReviewed"]
    assert article["publisher"]["name"] == ARTICLE.meta.publication
    assert article["mainEntityOfPage"] == page["url"]
    page, second = read_page(built_site / "when-it-isnt-working" / "how-to-raise-it" /
                             "index.html").ld()
    assert second["headline"] == SECOND.title
    rapport = {"@type": "Organization", "name": "Rapport", "url": SITE_URL}
    assert second["author"] == second["publisher"] == rapport
    assert second["datePublished"] == SECOND.meta.published
    assert [ld["@type"] for ld in read_page(built_site / "help" / "index.html").ld()] == [
        "MedicalWebPage"]
    assert [ld["@type"] for ld in read_page(built_site / "index.html").ld()] == [
        "MedicalWebPage"]


def test_sitemap_lists_every_page_and_robots_names_it(built_site):
    tree = ElementTree.parse(built_site / "sitemap.xml")
    urls = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for path in html_pages(built_site):
        if path.name == "404.html":
            continue
        relative = path.parent.relative_to(built_site).as_posix()
        assert SITE_URL + ("" if relative == "." else relative + "/") in urls
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_glossary_terms_show_a_tooltip_where_they_appear(built_site):
    page = read_page(built_site / "article" / "validation-and-empathy" / "index.html")
    assert page.abbr_titles["empathy"].startswith("Understanding how another person feels")
    home = read_page(built_site / "index.html")
    assert "therapeutic alliance" in home.abbr_titles


def test_glossary_page_is_a_definition_list_with_every_tooltip_term(built_site):
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<dl>" in html
    terms = dict(re.findall(r'<dt id="([^"]+)">([^<]+)</dt>', html))
    assert terms["rupture-and-repair"] == "Rupture and repair" and terms["ipt"] == "IPT"
    glossary = parse_glossary((ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"),
                              ROOT / "content" / "glossary.yml")
    anchor_of = {term.tooltip: term.anchor for term in glossary.terms}
    titles = {title for path in html_pages(built_site)
              for title in read_page(path).abbr_titles.values()}
    assert len(titles) >= 10
    for title in titles:  # every tooltip's term has its entry on the page
        assert anchor_of[title] in terms, title


def test_tooltips_are_focusable_and_never_in_titles_links_or_references(built_site):
    for path in html_pages(built_site):
        html = path.read_text(encoding="utf-8")
        for abbr in re.findall(r"<abbr[^>]*>", html):
            assert 'tabindex="0"' in abbr, (path, abbr)
        for h1 in re.findall(r"<h1.*?</h1>", html, re.S):
            assert "<abbr" not in h1, path
        for link in re.findall(r"<a [^>]*>.*?</a>", html, re.S):
            assert "<abbr" not in link, (path, link)
        footnotes = html.split('<div class="footnote">')[1:]
        assert not [part for part in footnotes if "<abbr" in part.split("</div>")[0]], path


# --- markup cannot be injected from the article's front matter ----------------------------------

HOSTILE_TITLE = 'Q&A "quotes" \'single\' <b>bold</b> </script>'
HOSTILE_DESCRIPTION = "Less <than> & 'more' </script><script>alert(1)</script>"
# A heading that reads "Validation and empathy </title>": markup written as text.
HOSTILE_HEADING = "Validation and empathy &lt;/title&gt; {#validation-and-empathy}"
HOSTILE_REVIEWER = "Dr <b>A</b> & the <script>alert(1)</script> team"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    source = project / "content" / "article.md"
    text = source.read_text(encoding="utf-8").replace(ARTICLE.title, HOSTILE_TITLE)
    text = re.sub(r"description: >-\n(  .*\n)+", "description: " + json.dumps(
        HOSTILE_DESCRIPTION) + "\n", text, count=1)
    text = text.replace("## Validation and empathy\n", f"## {HOSTILE_HEADING}\n")
    source.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        '    reviewer: ""', f"    reviewer: {json.dumps(HOSTILE_REVIEWER)}"), encoding="utf-8")
    site = tmp_path_factory.mktemp("hostile-site")
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_hostile_title_and_description_show_as_text_everywhere(hostile_site):
    home = read_page(hostile_site / "index.html")
    whole = read_page(hostile_site / "article" / "index.html")
    section = read_page(hostile_site / "article" / "how-rapport-is-built" / "index.html")
    for page in (home, whole, section):
        assert "b" not in page.tags                        # no element made from the title
        assert not [code for code in page.scripts if "alert" in code]
        assert HOSTILE_TITLE in page.text                  # card, heading, nav, footer
        assert not [block for block in page.json_ld if "</script" in block]
    articles = read_page(hostile_site / "articles" / "index.html")
    assert articles.text.count(HOSTILE_DESCRIPTION) == 1   # its card (home's holds its lead)
    assert whole.h1 == [HOSTILE_TITLE]
    assert whole.title == f"{HOSTILE_TITLE} - Rapport"
    assert whole.meta["description"] == whole.meta["og:description"] == HOSTILE_DESCRIPTION
    assert whole.meta["og:title"] == HOSTILE_TITLE
    assert f"by {HOSTILE_REVIEWER}" in whole.text          # the reviewer, named, as text
    assert "not reviewed by a clinician" not in whole.text
    ld = whole.ld()                                        # still valid JSON
    assert (ld[0]["name"], ld[0]["description"], ld[1]["headline"]) == (
        HOSTILE_TITLE, HOSTILE_DESCRIPTION, HOSTILE_TITLE)


def test_every_tab_title_is_escaped_so_a_heading_cannot_end_it_early(hostile_site):
    html = (hostile_site / "article" / "validation-and-empathy" / "index.html").read_text(
        encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
    assert title == "Validation and empathy &lt;/title&gt; · Why rapport matters - Rapport", \
        title
    assert read_page(hostile_site / "article" / "validation-and-empathy" / "index.html").h1 \
        == ["Validation and empathy </title>"]


def test_no_two_footnote_marks_touch(built_site):
    """Marks 1 and 10 side by side read as one mark, 110: cite each where its claim is."""
    touching = re.compile(r"</sup>\s*<sup id=\"fnref")
    assert [page for page in html_pages(built_site)
            if touching.search(page.read_text(encoding="utf-8"))] == []


def test_footnote_marks_count_up_as_a_reader_meets_them(built_site):
    """Python-Markdown numbers footnotes in the order they are defined: keep the definitions in
    the order of first citation, so the text reads 1, 2, 3 and not 5, 4, 3."""
    for page in html_pages(built_site):
        marks = re.findall(r'class="footnote-ref" href="#fn:[^"]+">(\d+)<',
                           page.read_text(encoding="utf-8"))
        first_seen = list(dict.fromkeys(int(mark) for mark in marks))
        assert first_seen == list(range(1, len(first_seen) + 1)), page


def test_every_internal_link_and_anchor_resolves_and_external_links_use_https(built_site):
    # Two official complaint pages are given as http:// in the verified list; they stay as given.
    verified_http = frozenset(re.findall(r"http://[^\s;|)]+", (FIXTURES / "complaints.md")
                                         .read_text(encoding="utf-8")))
    assert len(verified_http) == 2
    failures = broken_links(built_site, urlsplit(SITE_URL).path, plain_http=verified_http)
    assert not failures, "\n".join(failures)


# --- adding and deleting an article is adding and deleting one file -----------------------------

THIRD = """---
title: A Third Article About Trust
description: A made-up third article for the collection tests.
author: Another Writer
source:
  publication: The Example Review
  published: 2024-03-04
reviewed: 2026-05-06
edits: []
---

# A Third Article About Trust

Trust grows slowly between two people.

## Small promises kept

Keeping small promises builds trust over time.
"""


@pytest.fixture(scope="module")
def third_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("third"))
    (project / "content" / "third.md").write_text(THIRD, encoding="utf-8")
    return project


def test_an_added_article_file_gets_pages_card_nav_and_its_own_credits(third_project, tmp_path):
    site = tmp_path / "site"
    result = run_mkdocs_build(third_project, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    home = read_page(site / "index.html")
    assert ("a.href", "third/") in home.links
    articles = read_page(site / "articles" / "index.html")
    assert "A made-up third article for the collection tests." in articles.text
    section = read_page(site / "third" / "small-promises-kept" / "index.html")
    assert "Keeping small promises builds trust over time." in section.text
    assert "A Third Article About Trust" in section.text           # in the navigation
    assert "by Another Writer, first published in The Example Review on 4 March 2024" in \
        section.text
    assert "VT" not in section.text and ARTICLE.meta.publication not in section.text
    article_ld = section.ld()[1]
    assert (article_ld["headline"], article_ld["author"]["name"]) == (
        "A Third Article About Trust", "Another Writer")
    seed = read_page(site / "article" / "how-rapport-is-built" / "index.html")
    assert "Another Writer" not in seed.text and seed.ld()[1]["headline"] == ARTICLE.title


def test_a_deleted_article_file_takes_its_pages_card_and_nav_entry_with_it(third_project,
                                                                           tmp_path):
    (third_project / "content" / "third.md").unlink()
    site = tmp_path / "site"
    result = run_mkdocs_build(third_project, site)
    assert result.returncode == 0, result.stderr
    assert not (third_project / "docs" / "third").exists() and not (site / "third").exists()
    for path in html_pages(site):
        assert "A Third Article About Trust" not in path.read_text(encoding="utf-8"), path


# --- the templates add to Material and take nothing away ----------------------------------------

PLAIN_THEME = """\
# Material's own templates: the site's configuration without the site's overrides.
INHERIT: mkdocs.yml
theme:
  custom_dir: no-overrides
  static_templates: []
extra:
  alternate: false
"""
# Material head tags the site leaves out on purpose, each with the reason.
LEFT_OUT: dict[tuple[str, ...], str] = {}


@pytest.fixture(scope="module")
def material_only_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("material-only"))
    (project / "no-overrides").mkdir()
    (project / "material-only.yml").write_text(PLAIN_THEME, encoding="utf-8")
    site = tmp_path_factory.mktemp("material-only-site")
    result = build_site(project, site, config="material-only.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("page", ["index.html", "article/how-rapport-is-built/index.html",
                                  "when-it-isnt-working/index.html", "glossary/index.html",
                                  "help/index.html", "404.html"])
def test_every_head_tag_material_writes_is_on_the_sites_page_too(material_only_site,
                                                                 built_site, page):
    theirs = read_page(material_only_site / page).head
    ours = read_page(built_site / page).head
    assert len(theirs) > 10
    missing = {tag for tag in theirs - ours if tag not in LEFT_OUT}
    assert not missing, f"{page}: Material writes {sorted(missing)}, the site does not"
    assert ("link", "icon", "") in ours and ("meta", "name", "generator") in ours
    assert not [tag for tag in ours if tag[:2] == ("link", "alternate")]  # the header slot


# --- what readers see: titles, dates, apostrophes, citing, reporting a problem -----------------


def test_tab_titles_say_what_each_page_is(built_site):
    assert read_page(built_site / "index.html").title == \
        "Rapport: the bond between you and your therapist, in plain words"
    assert read_page(built_site / "404.html").title == "Page not found - Rapport"
    for name, article in ARTICLES.items():
        assert read_page(built_site / name / "index.html").title == f"{article.title} - Rapport"


ISO_DATE_RE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
STRAIGHT_APOSTROPHE_RE = re.compile(r"[A-Za-z]'[A-Za-z]")


def test_dates_are_written_one_way_for_readers(built_site):
    for path, text in page_texts(built_site).items():
        assert not ISO_DATE_RE.findall(text), (path, ISO_DATE_RE.findall(text))
    whole = read_page(built_site / "article" / "index.html").text
    assert "first published in Daily Gwangjang (데일리광장), reader report section on 25 October " \
        "2025. Last reviewed on 1 December 2026." in whole


def test_the_site_writes_one_kind_of_apostrophe(built_site):
    for path, text in page_texts(built_site).items():
        assert not STRAIGHT_APOSTROPHE_RE.findall(text), (path, STRAIGHT_APOSTROPHE_RE.findall(
            text))


def test_each_whole_article_offers_an_apa_citation_of_itself(built_site):
    seed = read_page(built_site / "article" / "index.html").text
    # Republished: the author's, with when and where it first appeared (APA 7).
    assert (f"Cite this page VT. (n.d.). {ARTICLE.title}. Rapport. {SITE_URL}article/ "
            "(Original work published 2025 in Daily Gwangjang (데일리광장), reader report "
            "section)") in seed
    second = read_page(built_site / "when-it-isnt-working" / "index.html").text
    assert (f"Cite this page Rapport editors. (2026, November 27). {SECOND.title}. Rapport. "
            f"{SITE_URL}when-it-isnt-working/") in second
    assert "Cite this page" not in read_page(built_site / "help" / "index.html").text


def test_the_help_page_shows_no_notice_pointing_to_itself_and_no_reading_time(built_site):
    page = read_page(built_site / "help" / "index.html")
    assert "This site is information, not therapy" not in page.text
    assert "min read" not in page.text and "Last reviewed 1 December 2026" in page.text


def report_links(page) -> list[str]:
    return [url for attribute, url in page.links
            if attribute == "a.href" and ("mailto:" in url or "issues/new" in url)]


def test_every_page_has_a_report_link_that_carries_its_title_and_address(built_site):
    for path in html_pages(built_site):
        page = read_page(path)
        found = report_links(page)
        assert len(found) == 1, (path, found)
        link = found[0]
        assert link.startswith("mailto:feedback@example.org?subject="), link
        if path.name != "404.html":
            assert quote(page.canonical, safe="/") in link, (path, link)
            assert quote(page.meta["og:title"], safe="/")[:20] in link, (path, link)


@pytest.fixture(scope="module")
def site_reporting_to_issues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("issues"))
    site = tmp_path_factory.mktemp("issues-site")
    result = run_mkdocs_build(project, site, env={
        "RAPPORT_FEEDBACK": "", "RAPPORT_ISSUES": "https://github.com/example/rapport/issues/new"})
    assert result.returncode == 0, result.stderr
    return site


def test_without_an_address_reports_go_to_the_repositorys_issue_form(site_reporting_to_issues):
    for path in html_pages(site_reporting_to_issues):
        html = path.read_text(encoding="utf-8")
        assert "feedback@example.org" not in html, path      # never the placeholder
        found = report_links(read_page(path))
        assert len(found) == 1 and found[0].startswith(
            "https://github.com/example/rapport/issues/new?template=page-problem.yml&title="), \
            (path, found)
    help_page = read_page(site_reporting_to_issues / "help" / "index.html")
    assert "&page=" + quote(f"{SITE_URL}help/", safe="/") in report_links(help_page)[0]
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "page-problem.yml")
                          .read_text(encoding="utf-8"))
    assert [field["id"] for field in form["body"] if field["type"] != "markdown"] \
        == ["page", "problem"]
    # Someone in crisis may find the form: it says at once that it is no place for urgent help.
    warning = " ".join(form["body"][0]["attributes"]["value"].split())
    assert form["body"][0]["type"] == "markdown"
    assert "not watched for urgent help" in warning and "Get help now" in warning
    assert "Not for urgent help" in form["description"]
