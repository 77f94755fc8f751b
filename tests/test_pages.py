"""Plan stage: which files the collection becomes, and what each one says."""

from __future__ import annotations

import functools
import os
import posixpath
import re
import shutil
from dataclasses import replace
from pathlib import Path, PurePosixPath

import pytest
import yaml
from project import FIXTURE_PROJECT, FIXTURES
from rapport.article import parse_article
from rapport.collection import Collection, Entry, in_order
from rapport.errors import Report
from rapport.glossary import parse_glossary
from rapport.layout import generated_source, section_page
from rapport.page_meta import section_front_matter
from rapport.plan import icon_names, plan_site
from rapport.settings import NextStep
from rapport.sources import read_settings
from rapport.pipeline import build
from samples import FRONT

GOLDEN = FIXTURES / "golden"
SETTINGS = read_settings(FIXTURE_PROJECT / "mkdocs.yml")
CONTENT = FIXTURE_PROJECT / "content"


def collection(texts: dict[str, str] | None = None) -> Collection:
    """The fixture collection, with any article's text replaced or added."""
    sources = {path.stem: path.read_text(encoding="utf-8") for path in CONTENT.glob("*.md")}
    sources.update(texts or {})
    entries = [Entry(name, f"content/{name}.md", CONTENT / f"{name}.md",
                     parse_article(text, CONTENT / f"{name}.md"))
               for name, text in sorted(sources.items())]
    glossary = parse_glossary((CONTENT / "glossary.yml").read_text(encoding="utf-8"),
                              CONTENT / "glossary.yml")
    return Collection(in_order(entries), glossary, CONTENT, "content/", "content/glossary.yml")


def fixture_plan(texts: dict[str, str] | None = None) -> dict[PurePosixPath, str]:
    chosen = collection(texts)
    icons = {name: f"<svg>{name}</svg>" for name in icon_names(chosen)}
    report = Report()
    plan = plan_site(chosen, SETTINGS, icons, FIXTURE_PROJECT / "mkdocs.yml", "mkdocs.yml", report)
    report.raise_if_any()
    return plan.files


def page(path: str, texts: dict[str, str] | None = None) -> str:
    return fixture_plan(texts)[PurePosixPath(path)]


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def with_article(name: str, old: str, new: str) -> dict[str, str]:
    text = (CONTENT / f"{name}.md").read_text(encoding="utf-8")
    assert old in text, old
    return {name: text.replace(old, new)}


# --- the files ----------------------------------------------------------------------------------


def test_plan_holds_each_article_folder_and_the_shared_pages():
    assert [str(path) for path in fixture_plan()] == [
        "article/SUMMARY.md", "article/index.md", "article/practice.md",
        "article/when-it-goes-wrong.md", "article/why-listening-matters.md",
        "articles/SUMMARY.md", "articles/index.md", "glossary.md", "index.md",
        "second/SUMMARY.md", "second/index.md", "second/saying-it.md",
        "second/when-it-feels-wrong.md", "snippets/review-policy.md", "snippets/tooltips.md"]


def test_a_page_front_matter_is_the_bytes_of_one_dump_of_its_whole_mapping():
    """The article's block is dumped once per article and each page's own keys are put
    inside it: the result is what one dump of the page's whole mapping gives."""
    from rapport.page_meta import article_page_front_matter
    from rapport.yaml_lines import dump

    fields = {"title": "Why it matters", "description": "Ünïcode: “quoted” — yes"}
    article = {"title": "An article", "author": None, "whole": "a/index.md", "edits": "edits"}
    page = {"part": 2, "parts": 12, "icon": "material/heart"}
    after = {"search": {"exclude": True}, "hide": ["toc"]}
    shared = dump({"author": "A. Writer", "reviewed": "2024-01-01", "article": article})
    assert article_page_front_matter("content/a.md", dump(fields), shared, dump(page),
                                     dump(after)) == (
        "---\n# generated from content/a.md — do not edit; run: python scripts/build_pages.py\n"
        + dump({**fields, "author": "A. Writer", "reviewed": "2024-01-01",
                "article": {**article, **page}, **after}) + "---\n")


AWKWARD_VALUES = [
    "plain", "- a dash", "? q", ": c", "a: b", "#x", "x #y", "'q'", '"dq"', "null", "yes", "1.5",
    "2024-01-01", "", " lead", "trail ", "ü—“”", "a\\b", "tab\there", "\x07bell", "@at", "`bt",
    "%p", "!bang", "&amp;", "*star", "|pipe", ">gt", "[b]", "{c}", "a,b", "...", "---", "x" * 200,
    "\u2028ls", "\ufeffbom", "😀", "two\nlines", "end\n", "- ", "\n- x", "7", "true"]


@pytest.mark.parametrize("value", AWKWARD_VALUES)
def test_values_dumped_in_one_run_read_as_each_dumped_after_its_key(value):
    """dump_values writes each value as `dump` writes it after its key; a value on two lines
    is left to `dump` itself."""
    from rapport.yaml_lines import dump, dump_values

    [values] = dump_values([(value, 7)])
    if values is None:
        assert "\n" in value or "\u2028" in value
        return
    assert f"title: {values[0]}\npart: {values[1]}\n" == dump({"title": value, "part": 7})


def test_many_rows_dumped_in_one_run_read_as_each_row_dumped_alone():
    """Rows share one run (each distinct value dumped once): a value on two lines leaves only
    its own row to `dump`, and equal values of other types (`7`, `'7'`, `true`) stay apart."""
    from rapport.yaml_lines import dump, dump_values

    rows = [(value, other, number, number == 1) for number, (value, other)
            in enumerate(zip(AWKWARD_VALUES * 2, AWKWARD_VALUES[::-1] * 2), 1)]
    keys = ("title", "description", "part", "first")
    for row, values in zip(rows, dump_values(rows), strict=True):
        if values is None:
            assert any("\n" in str(value) for value in row), row
            continue
        assert "".join(f"{key}: {value}\n" for key, value in zip(keys, values)) == dump(
            dict(zip(keys, row)))


def test_article_nav_lists_the_whole_article_first_then_the_sections():
    links = re.findall(r"^\* \[(.+)\]\((.+)\)$", page("article/SUMMARY.md"), re.MULTILINE)
    assert links == [("A Small Article About Listening", "index.md"),
                     ("Why listening matters", "why-listening-matters.md"),
                     ("Listening in practice", "practice.md"),
                     ("When it goes wrong", "when-it-goes-wrong.md")]


def test_articles_nav_lists_each_article_folder_in_order():
    assert re.findall(r"^\* \[(.+)\]\((.+)\)$", page("articles/SUMMARY.md"), re.MULTILINE) == [
        ("Articles", "index.md"), ("Talking It Through", "../second/"),
        ("A Small Article About Listening", "../article/")]


def test_articles_page_has_a_card_per_article_linked_from_its_folder():
    cards = re.findall(r"__\[(.+?)\]\((\S+?/index\.md)\)__", page("articles/index.md"))
    assert cards == [("Talking It Through", "../second/index.md"),
                     ("A Small Article About Listening", "../article/index.md")]


def test_a_section_named_like_a_generator_file_gets_a_folder_of_its_own():
    assert section_page(PurePosixPath("a"), "index") == PurePosixPath("a/index/index.md")
    assert section_page(PurePosixPath("a"), "summary") == PurePosixPath("a/summary/index.md")
    assert section_page(PurePosixPath("a"), "edits") == PurePosixPath("a/edits.md")
    texts = with_article("second", "## Saying it {#saying-it}", "## Index\n\nNew.\n\n"
                         "## Summary\n\nMore.\n\n## Edits\n\nAnd.\n\n## Saying it {#saying-it}")
    plan = fixture_plan(texts)
    assert {"second/index/index.md", "second/summary/index.md", "second/edits.md",
            "second/index.md", "second/SUMMARY.md"} <= {str(path) for path in plan}
    whole = plan[PurePosixPath("second/index.md")]
    assert "## Edits {#edits}" in whole and "## About this article {#edits-2}" in whole
    assert front_matter(plan[PurePosixPath("second/saying-it.md")])["article"]["edits"] == \
        "edits-2"


# --- the home page ------------------------------------------------------------------------------


def test_home_introduces_the_site_then_a_card_per_article_in_order():
    home = page("index.md")
    assert front_matter(home)["title"] == "Rapport: a test site"
    assert "\n# Rapport: a test site\n\nA made-up site for Rapport's tests.\n" in home
    cards = re.findall(r"__\[(.+?)\]\((\w+/index\.md)\)__", home)
    assert cards == [("Talking It Through", "second/index.md"),
                     ("A Small Article About Listening", "article/index.md")]
    # Each card holds its article's lead (its only page besides the whole article).
    assert "    Saying what feels wrong is hard. It often helps.\n\n    1 min read · 2 parts" \
        in home


def test_home_holds_a_card_per_article_only():
    home = page("index.md")
    assert "Get help now" not in home       # the template's, with the crisis lines, above it
    assert '<span class="twemoji lg middle" aria-hidden="true"><svg>material/book-open-page-' \
        'variant-outline</svg></span> __[Talking It Through](second/index.md)__' in home
    # The leads are in the cards; the parts live on the Articles page and their own pages.
    # A republished article's lead is said to be its author's words, not the site's claim.
    assert "    *Test Author writes:*\n\n    Listening well is a skill that anyone can practise." \
        in home
    assert "writes:" not in home.split("__[A Small Article")[0]      # the editors' own card
    assert "Listening in practice" not in home


def test_articles_page_holds_a_card_per_section_with_its_summary_and_no_lead():
    articles = page("articles/index.md")
    assert "Listening well is a skill that anyone can practise." not in articles
    assert ("[Read the whole article](../article/index.md){ .md-button .md-button--primary }"
            in articles)
    assert "-   __[Listening in practice](../article/practice.md)__" in articles
    assert "What good listening looks like in a conversation." in articles
    assert "People open up when they feel…" in articles
    assert "People open up when they feel heard." not in articles


def test_an_article_without_a_lead_shows_its_description_instead():
    texts = with_article("second", "Saying what feels wrong is hard. It often helps.\n", "")
    home, whole = page("index.md", texts), page("second/index.md", texts)
    assert "Saying what feels wrong" not in home + whole
    description = "A made-up article the editors wrote, for Rapport's tests."
    assert whole.split("---\n", 2)[2].count(description) == 1 and description in home


def test_lead_links_are_written_for_the_home_page():
    texts = with_article("second", "It often helps.", "It [often](../help.md) helps.")
    assert "It [often](help.md) helps." in page("index.md", texts)
    assert "It [often](../help.md) helps." in page("second/index.md", texts)


# --- article pages ------------------------------------------------------------------------------


def test_section_page_has_title_description_article_and_its_own_text_only():
    text = page("article/practice.md")
    meta = front_matter(text)
    # The title names the article too (its short title, or else its title): tab and search.
    assert meta["title"] == "Listening in practice · A Small Article About Listening"
    assert meta["description"] == "What good listening looks like in a conversation."
    assert meta["reviewed"] == "2025-02-03" and meta["author"] == "Test Author"
    assert meta["article"] == {
        "title": "A Small Article About Listening", "author": "Test Author",
        "publication": "The Example Gazette, letters page", "published": "2024-01-02",
        "whole": "article/index.md", "edits": "edits", "part": 2, "parts": 3,
        "icon": "material/ear-hearing"}
    assert "\n# Listening in practice\n" in text
    assert "Good listeners ask open questions." in text
    assert "People open up" not in text


def test_an_editors_article_credits_the_editors_and_no_publication():
    meta = front_matter(page("second/saying-it.md"))
    assert meta["author"] == "Rapport editors"
    assert (meta["article"]["author"], meta["article"]["publication"]) == (None, None)
    whole = page("second/index.md")
    assert ("## About this article {#edits}\n\nWritten by the Rapport editors; first published "
            "on this site on 2 January 2026. Last reviewed on 3 January 2026.") in whole


def test_an_editors_article_with_a_named_author_and_changes_lists_them():
    second = (CONTENT / "second.md").read_text(encoding="utf-8")
    assert "reviewed: 2026-01-03\n" in second
    text = second.replace("reviewed: 2026-01-03\n", "reviewed: 2026-01-03\nauthor: Dr. A_B\n"
                          "edits:\n  - what: Added a part.\n    why: Readers asked.\n", 1)
    whole = page("second/index.md", {"second": text})
    assert ("## About this article {#edits}\n\nWritten by Dr. A\\_B; first published on this "
            "site on 2 January 2026. Last reviewed on 3 January 2026. Changes since then:\n\n"
            "1. Added a part. *Readers asked.*") in whole


def test_subheadings_move_up_a_level_on_a_section_page():
    assert "\n## An example\n" in page("second/saying-it.md")
    assert "\n### An example\n" in page("second/index.md")


def test_footnotes_go_with_the_page_that_uses_them():
    assert "[^quiet]: A made-up footnote." in page("second/when-it-feels-wrong.md")
    assert "[^quiet]" not in page("second/saying-it.md")
    assert "[^quiet]: A made-up footnote." in page("second/index.md")


def test_note_marker_becomes_an_admonition_that_links_to_the_evidence():
    text = page("article/practice.md")
    assert '!!! info "A note about evidence"\n\n    Studies show a moderate link' in text
    assert "[Read more](../research.md)" in text
    assert "<!-- note:" not in text


def test_whole_article_has_every_section_in_order_with_stable_anchors_and_the_edits():
    whole = page("article/index.md")
    headings = re.findall(r"^## (.+ \{#[a-z-]+\})$", whole, re.MULTILINE)
    assert headings == ["Why listening matters {#why-listening-matters}",
                        "Listening in practice {#practice}",
                        "When it goes wrong {#when-it-goes-wrong}",
                        "Source and edits {#edits}"]
    assert "1. Fixed a typo. *To make it read well.*" in whole
    assert ("first published in The Example Gazette, letters page on 2 January 2024. Last "
            "reviewed on 3 February 2025.") in whole
    meta = front_matter(whole)
    assert meta["title"] == "A Small Article About Listening"
    assert meta["hide"] == ["footer"] and meta["search"] == {"exclude": True}


# --- the glossary and the snippets --------------------------------------------------------------


def test_glossary_page_is_a_definition_list_with_an_anchor_per_term():
    text = page("glossary.md")
    assert front_matter(text)["title"] == "Glossary"
    assert "Listening { #listening }\n:   Paying attention to what someone says" in text
    assert "Strain { #strain }\n:   A rough patch" in text


def test_tooltips_snippet_gives_each_form_its_terms_tooltip_and_renders_no_marker():
    text = page("snippets/tooltips.md")
    assert text.splitlines()[0].startswith('[//]: # "generated from content/glossary.yml')
    assert "*[listening]: Paying attention to what someone says." in text
    assert "*[Listening]: Paying attention to what someone says." in text


def test_review_policy_says_the_interval_in_words():
    from dataclasses import replace

    from rapport.page_text import render_review_policy

    assert "at least every three years" in page("snippets/review-policy.md")
    said = {years: render_review_policy(replace(SETTINGS, review_every_years=years), "x")
            .split("at least every ")[1].split(",")[0] for years in (1, 2, 10, 11)}
    assert said == {1: "year", 2: "two years", 10: "ten years", 11: "11 years"}
    assert "help lines" not in page("snippets/review-policy.md")
    sooner = {months: render_review_policy(replace(SETTINGS, review_help_every_months=months),
                                           "x").split("checked at least every ")[1].split(".")[0]
              for months in (6, 12, 18, 24)}
    assert sooner == {6: "six months", 12: "year", 18: "18 months", 24: "two years"}
    assert "The Rapport editors review the content. No doctor, psychologist or other clinician " \
        "has reviewed it." in page("snippets/review-policy.md")
    named = render_review_policy(replace(SETTINGS, reviewer="Dr A_B, psychologist"), "x")
    assert "Dr A\\_B, psychologist reviews the content." in named and "clinician" not in named


# --- markers, escaping, determinism -------------------------------------------------------------


def test_every_generated_file_carries_the_marker_naming_its_source():
    for path, text in fixture_plan().items():
        assert generated_source(text) is not None, path
        assert "do not edit" in text.splitlines()[1 if text.startswith("---") else 0]


def test_hand_written_page_has_no_marker():
    assert generated_source("---\ntitle: Help\n---\n\n# Help\n") is None


def test_front_matter_escapes_markup_in_titles_and_descriptions():
    hostile = 'Q&A "quotes" <b>bold</b> </script>'
    texts = with_article("article", "A Small Article About Listening", hostile)
    texts["article"] = texts["article"].replace("# " + hostile, "# " + hostile.replace(
        "<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;").replace("</script>", "&lt;/script&gt;"))
    meta = front_matter(page("article/index.md", texts))
    assert meta["title"] == "Q&amp;A &quot;quotes&quot; &lt;b&gt;bold&lt;/b&gt; &lt;/script&gt;"


def test_markup_in_a_heading_stays_text_in_navigation_and_cards():
    texts = with_article("second", "## Saying it {#saying-it}", "## Saying ] it *now {#saying-it}")
    assert "* [Saying \\] it \\*now](saying-it.md)" in page("second/SUMMARY.md", texts)
    assert "__[Saying \\] it \\*now](../second/saying-it.md)__" in page("articles/index.md", texts)


def test_plan_is_deterministic():
    assert fixture_plan() == fixture_plan()


def test_fixture_project_matches_the_golden_tree(tmp_path: Path):
    """To accept a deliberate change, run this test with RAPPORT_UPDATE_GOLDEN=1."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_PROJECT, project)
    build(sources_of(project))
    built = {path.relative_to(project / "docs").as_posix(): path.read_text(encoding="utf-8")
             for path in sorted((project / "docs").rglob("*.md"))
             if generated_source(path.read_text(encoding="utf-8"))}
    if os.environ.get("RAPPORT_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in built.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    golden = {path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
              for path in sorted(GOLDEN.rglob("*.md"))}
    assert built == golden


def test_no_generated_line_ends_in_white_space():
    """Trailing spaces are invisible in review and, two of them, a line break in Markdown."""
    for path, text in fixture_plan().items():
        assert not [line for line in text.split("\n") if line != line.rstrip()], path


def sources_of(project: Path):
    from rapport.sources import Sources

    return Sources(content=project / "content", docs=project / "docs",
                   config=project / "mkdocs.yml", settings=read_settings(project / "mkdocs.yml"))


@pytest.mark.parametrize("name", ["article", "second"])
def test_each_article_in_the_plan_credits_only_itself(name):
    other = {"article": "second", "second": "article"}[name]
    for path, text in fixture_plan().items():
        if path.parts[0] == name:
            assert f"whole: {other}/" not in text, path


def test_titles_keep_their_apostrophes_as_they_are():
    """Material escapes some titles again: an apostrophe written as &#x27; would be read out."""
    texts = with_article("second", "## Saying it {#saying-it}", "## Saying it isn't easy "
                         "{#saying-it}")
    assert front_matter(page("second/saying-it.md", texts))["title"] == \
        "Saying it isn't easy · Talking It Through"


ANCHORS = """---
title: Anchors
description: Links to an article's own headings.
published: 2026-01-01
reviewed: 2026-01-01
---

# Anchors

See [part two](#part-two), or [the top](#anchors).

## Part one

### Detail

To [this detail](#detail), [the other detail](#detail_1) and [a named one](#named).

## Part two {#part-two}

### Detail

### Named {#named}

Back to [part one](#part-one) and [its detail](#detail).
"""


def test_links_to_the_articles_own_headings_follow_them_to_their_pages():
    plan = fixture_plan({"anchors": ANCHORS})
    part_one = plan[PurePosixPath("anchors/part-one.md")]
    assert ("To [this detail](#detail), [the other detail](part-two.md#detail) and "
            "[a named one](part-two.md#named).") in part_one
    part_two = plan[PurePosixPath("anchors/part-two.md")]
    assert "Back to [part one](part-one.md) and [its detail](part-one.md#detail)." in part_two
    whole = plan[PurePosixPath("anchors/index.md")]
    assert "[the other detail](#detail_1) and [a named one](#named)" in whole
    assert "Back to [part one](#part-one) and [its detail](#detail)." in whole
    assert "See [part two](#part-two), or [the top](#anchors)." in whole
    home = plan[PurePosixPath("index.md")]
    assert "    See [part two](anchors/part-two.md), or [the top](anchors/index.md)." in home


# --- ids of the article as one document, and where they land -----------------------------------

REPEATS = """---
title: Goals
description: Headings that repeat, as an article about goals might have.
published: 2026-01-02
reviewed: 2026-01-03
notes:
  aside:
    title: An aside
    text: Said in passing.
---

# Goals

Lead, then [the last part](#edits).[^aim] See [the list][list].

[^aim]: A footnote the home page needs.
[list]: https://example.org/list

## Goals!

One.[^unused] See [the tasks][top].
<!-- note: aside -->
Still one, after the note.

[^unused]: A footnote only the whole page and its section need, in two lines,
    the second indented, about Malcolm X
[top]: #work

### Goals?

Two.

## Tasks {#work}

Three, [from the top](#work).

### Steps {#steps}

Four.

### Notes

Five.

## GOALS

    X, as code first

Six.

```
<!-- note: aside -->
```

### Notes.

Seven.

### Edits:

Eight.

## More on [the tasks](#work)

X marks the end.
"""
HEADING_RE = re.compile(r'<h([1-6])[^>]*?\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)


def heading_texts(markdown_text: str, level: str = "123456") -> dict[str, str]:
    """Each heading's id and its words, as MkDocs renders the page (headings of `level`)."""
    from mkdocs.utils.meta import get_data
    from rapport.sources import project_settings

    html = project_settings().markdown.parser.reset().convert(get_data(markdown_text)[0])
    text_of = functools.partial(re.sub, r'<a class="headerlink".*?</a>|<[^>]+>', "")  # no ¶
    return {anchor: text_of(text).strip()
            for found, anchor, text in HEADING_RE.findall(html) if found in level}


def test_a_repeat_of_a_heading_whose_id_ends_in_a_number_gets_the_id_toc_gives_it():
    """toc counts on from an id's own `_1` (`step_1`, then `step_2`, not `step_1_1`): the ids
    are asked of toc, with no copy of its rule to keep right."""
    from rapport.layout import EDITS_ID
    from rapport.plan import Anchor, anchor_map

    text = REPEATS.split("\n# Goals\n")[0] + ("\n# Goals\n\nLead.\n\n## Step_1\n\nOne.\n\n"
                                              "## Step_1\n\nTwo.\n\n### Step_1\n\nThree.\n")
    anchors = anchor_map(parse_article(text, CONTENT / "steps.md"), EDITS_ID,
                         SETTINGS.markdown.parser)
    assert set(heading_texts(text)) == {"goals", "step_1", "step_2", "step_3"}
    assert {key: anchors[key] for key in ("step_1", "step_2", "step_3")} == {
        "step_1": Anchor("step_1", 0, None), "step_2": Anchor("step_1-2", 1, None),
        "step_3": Anchor("step_2", 1, "step_2")}


def test_every_id_of_the_article_as_one_document_lands_on_the_same_heading_on_each_page():
    """A link `#id` in an article names a heading as the article reads in one file (toc's
    `goals_1`, `goals_2`…); on the whole page and on the section page that holds it, the id it
    becomes is that same heading."""
    from rapport.layout import EDITS_ID
    from rapport.plan import Anchor, anchor_map

    article = parse_article(REPEATS, CONTENT / "repeats.md")
    pages = fixture_plan({"repeats": REPEATS})
    as_one = heading_texts(REPEATS)
    anchors = anchor_map(article, EDITS_ID, SETTINGS.markdown.parser)
    assert sorted(as_one) == ["edits", "goals", "goals_1", "goals_2", "goals_3",
                              "more-on-the-tasks", "notes", "notes_1", "steps", "work"]
    assert set(anchors) == set(as_one) | {section.slug for section in article.sections}
    for number, section in enumerate(article.sections):  # a page's slug too, where it is free
        if section.slug not in as_one:
            assert anchors[section.slug] == Anchor(section.slug, number, None)
    whole = heading_texts(pages[PurePosixPath("repeats/index.md")])
    for anchor_id, words in as_one.items():
        anchor = anchors[anchor_id]
        assert whole[anchor.whole] == words, anchor_id
        if anchor.section is None:
            assert anchor_id == "goals" and anchor.local is None   # the title
            continue
        section = article.sections[anchor.section]
        its_page = pages[section_page(PurePosixPath("repeats"), section.slug)]
        if anchor.local is None:                                   # the page's own title
            assert list(heading_texts(its_page, level="1").values()) == [words], anchor_id
        else:
            assert heading_texts(its_page)[anchor.local] == words, anchor_id


RESERVED = """---
title: Goals
description: Explicit ids that take what toc would give an earlier heading.
published: 2026-01-02
reviewed: 2026-01-03
---

# Goals

Lead.

## Notes

### Edits

### Notes {#notes_1}

## Goals {#notes}

### Goals

## Edits {#goals}

### Notes
"""


def test_an_explicit_id_further_down_is_kept_from_every_heading_above_it():
    """toc reserves every explicit id before it numbers repeats, on each page: the anchors
    (from toc runs over the headings alone) name the heading each id names when rendered."""
    from rapport.layout import EDITS_ID
    from rapport.plan import anchor_map

    article = parse_article(RESERVED, CONTENT / "reserved.md")
    anchors = anchor_map(article, EDITS_ID, SETTINGS.markdown.parser)
    pages = fixture_plan({"reserved": RESERVED})
    whole = heading_texts(pages[PurePosixPath("reserved/index.md")])
    for anchor_id, words in heading_texts(RESERVED).items():
        anchor = anchors[anchor_id]
        assert whole[anchor.whole] == words, anchor_id
        if anchor.local is not None:
            its_page = pages[section_page(PurePosixPath("reserved"),
                                          article.sections[anchor.section].slug)]
            assert heading_texts(its_page)[anchor.local] == words, anchor_id


def test_links_to_an_articles_own_headings_read_right_on_each_page():
    pages = fixture_plan({"repeats": REPEATS})
    whole = pages[PurePosixPath("repeats/index.md")]
    assert "[the last part](#edits_1)" in whole           # the edits list holds `edits`
    assert "[from the top](#work)" in whole
    tasks = pages[section_page(PurePosixPath("repeats"), "work")]
    assert "[from the top](#)" in tasks                     # its own title: the page's top


def test_the_home_page_gives_a_lead_its_footnotes_and_references_and_no_lead_its_description(
        ):
    no_lead = REPEATS.replace("title: Goals", "title: Aims").replace("# Goals", "# Aims").replace(
        REPEATS.split("# Goals\n\n")[1].split("## Goals!")[0], "")
    no_lead = no_lead.replace("One.[^unused]", "One, with [a reference][more].\n\n"
                              "[more]: https://example.org/more")
    home = page("index.md", {"repeats": REPEATS, "aims": no_lead})
    assert "[^aim]: A footnote the home page needs." in home
    assert "[list]: https://example.org/list" in home
    assert "unused" not in home
    aims = home.split("__[Aims](aims/index.md)__")[1].split(" min read")[0]
    assert aims.split("---\n\n")[1].strip().rsplit("\n", 1)[0].strip() == \
        "Headings that repeat, as an article about goals might have."


def test_pages_keep_notes_code_definitions_and_linked_headings_as_written():
    pages = fixture_plan({"repeats": REPEATS})
    folder = PurePosixPath("repeats")
    whole = pages[folder / "index.md"]
    first = pages[section_page(folder, "goals")]
    for text in (whole, first):
        assert ("See [the tasks][top].\n\n!!! note \"An aside\"\n\n    Said in passing.\n\n"
                "Still one, after the note.") in text
        assert ("[^unused]: A footnote only the whole page and its section need, in two lines,\n"
                "    the second indented, about Malcolm X\n") in text
    assert "[top]: #work" in whole and "[top]: work.md" in first
    goals = pages[section_page(folder, "goals-2")]
    assert "\n\n    X, as code first\n\nSix.\n\n```\n<!-- note: aside -->\n```\n" in goals
    assert "```\n<!-- note: aside -->\n```" in whole
    more = pages[section_page(folder, "more-on-the-tasks")]
    assert "\n# More on [the tasks](work.md)\n\nX marks the end.\n" in more
    assert "## More on [the tasks](#work) {#more-on-the-tasks}\n\nX marks the end." in whole


@pytest.mark.parametrize(("written", "shown"), [
    ("## Learning C\\#\n", "Learning C#"),             # ATX: the `#` escaped by the author
    ("Learning C#\n-----------\n", "Learning C#"),      # setext: a `#` is text
    ("Learning C\\##\n-----------\n", "Learning C##"),
    ("## Notes ##\n", "Notes"),                         # ATX: a closing sequence
    ("Ends in \\\n--------\n", "Ends in \\"),             # a lone backslash at the end
])
def test_a_heading_ending_in_a_hash_reads_the_same_on_every_page(written, shown):
    pages = fixture_plan({"repeats": REPEATS.replace("## GOALS\n", written)})
    folder = PurePosixPath("repeats")
    section = parse_article(REPEATS.replace("## GOALS\n", written),
                            CONTENT / "repeats.md").sections[2]          # in place of GOALS
    assert shown in heading_texts(pages[folder / "index.md"], level="2").values()
    on_its_page = heading_texts(pages[section_page(folder, section.slug)], level="1")
    assert list(on_its_page.values()) == [shown]


def test_a_card_counts_the_parts():
    one = ("---\ntitle: One\ndescription: A single part.\npublished: 2026-01-02\n"
           "reviewed: 2026-01-03\n---\n\n# One\n\nLead.\n\n## Only\n\nText.\n")
    home = page("index.md", {"one": one, "repeats": REPEATS})
    assert "1 min read · 1 part\n" in home and "1 min read · 4 parts\n" in home


def test_atx_text_escapes_a_closing_hash_after_trailing_spaces_too():
    from rapport.slugs import atx_text

    assert atx_text("C#  ") == "C\\#"
    assert atx_text("C\\#") == "C\\#"
    assert atx_text("Ends in \\") == "Ends in \\ "


HTML_ANCHORS = """---
title: Doubles
description: A guide that marks its targets with raw HTML and attribute lists.
published: 2026-01-02
reviewed: 2026-01-02
---

# Doubles

See [naming](#naming-doubles) and [the list](#steps).

## Part one

<a id="naming-doubles"></a>
Naming doubles is hard. <span id='inline-target'>Here.</span>

A paragraph with an id.
{: #para }

- one
- two
{: #steps }

## Part two

Back to [naming](#naming-doubles), [the span](#inline-target), [the paragraph](#para) and
[an old anchor](#old-name).

<a name="old-name"></a>Old.
"""


def planned_with_problems(texts: dict[str, str]):
    """The plan of the fixture collection with `texts`, and the problems found making it."""
    report = Report()
    chosen = collection(texts)
    plan = plan_site(chosen, SETTINGS, {name: "" for name in icon_names(chosen)},
                     FIXTURE_PROJECT / "mkdocs.yml", "mkdocs.yml", report)
    return plan, report.problems


def test_raw_html_anchors_and_attribute_list_ids_are_link_targets_on_every_page():
    """`<a id>`, `<a name>`, `<span id>` and `{: #x }` on a paragraph or a list are ids, as
    they are to MkDocs: a link to one is written for the page that holds it."""
    plan = fixture_plan({"doubles": HTML_ANCHORS})
    part_two = plan[PurePosixPath("doubles/part-two.md")]
    assert ("Back to [naming](part-one.md#naming-doubles), [the span](part-one.md#inline-target), "
            "[the paragraph](part-one.md#para) and\n[an old anchor](#old-name).") in part_two
    whole = plan[PurePosixPath("doubles/index.md")]
    assert "See [naming](#naming-doubles) and [the list](#steps)." in whole
    home = plan[PurePosixPath("index.md")]
    assert ("    See [naming](doubles/part-one.md#naming-doubles) and "
            "[the list](doubles/part-one.md#steps).") in home
    assert '<a id="naming-doubles"></a>' in plan[PurePosixPath("doubles/part-one.md")]


def test_a_link_to_an_id_no_page_carries_is_still_an_error():
    _, problems = planned_with_problems(
        {"doubles": HTML_ANCHORS.replace("(#para)", "(#nowhere)")})
    assert [problem.message.split(":")[0] for problem in problems] == ["link '#nowhere'"]


def test_links_in_notes_footnotes_and_definitions_are_checked_and_written_for_each_page():
    """An admonition's, a footnote's or a definition's indented text is Markdown, not code."""
    text = HTML_ANCHORS.replace("Old.\n", "Old.\n\n!!! note\n\n    See [naming](#naming-doubles) "
                                "and [help](../helps.md).\n\nTerm\n:   Also [naming](#para).\n")
    plan, _ = planned_with_problems({"doubles": text})
    assert "    See [naming](part-one.md#naming-doubles)" in plan.files[
        PurePosixPath("doubles/part-two.md")]
    assert ":   Also [naming](part-one.md#para)." in plan.files[PurePosixPath("doubles/part-two.md")]
    assert "../helps.md" in {check.target for check in plan.links}


def test_raw_html_addresses_from_the_hosts_root_are_errors_with_their_line():
    text = HTML_ANCHORS.replace("Old.\n", 'Old.\n\n<img src="/img/x.png" alt="">\n\n'
                                '<p><a href="/help/">Help</a></p>\n')
    _, problems = planned_with_problems({"doubles": text})
    assert [(problem.line, problem.message.split(",")[0]) for problem in problems] == [
        (31, "link '/img/x.png' starts with '/'"), (33, "link '/help/' starts with '/'")]


def test_a_section_title_too_long_for_one_line_of_yaml_gets_its_own_dump():
    """The one run of PyYAML for a whole article's section values gives way, for a value it
    folds over lines (a title past its 10,000-character width), to a dump of that page's own
    mapping, which reads back the same."""
    heading = " ".join(["listening"] * 1_200)
    article = parse_article(f"{FRONT}# Title\n\nThe lead.\n\n## {heading} {{#long}}\n\n"
                            "Some text here.\n\n## Short\n\nSome more text.\n",
                            Path("content/long.md"))
    [(long_fields, long_part), (short_fields, short_part)] = section_front_matter(article)
    assert "\n  " in long_fields                                    # folded over lines
    assert yaml.safe_load(long_fields) == {"title": f"{heading} · Title",
                                           "description": "Some text…"}
    assert yaml.safe_load(long_part) == {"part": 1}
    assert (short_fields, short_part) == (
        "title: Short · Title\ndescription: Some more…\n", "part: 2\n")


def test_next_steps_end_each_article_page_and_never_lead_back_to_it():
    """The site's steps on every article page but its own article's; an article's own steps
    (front matter) instead of them, less its whole page and the page itself."""
    def step(text: str, link: str) -> NextStep:
        return NextStep(text, PurePosixPath(link), f"why {text}")

    settings = replace(SETTINGS, next_steps=(step("Help", "help.md"),
                                             step("Talk", "second/index.md")))
    own = ("order: 2\nnext_steps:\n"
           + "".join(f"  - text: {text}\n    link: {link}\n    why: why {text}\n"
                     for text, link in (("Whole", "second/index.md"),
                                        ("Part", "second/saying-it.md"), ("Help", "help.md"))))
    for texts, expected in ((None, {"article": ["Help", "Talk"], "second": ["Help"]}),
                            (with_article("second", "order: 2\n", own),
                             {"article": ["Help", "Talk"], "second": ["Part", "Help"]})):
        chosen = collection(texts)
        icons = {name: f"<svg>{name}</svg>" for name in icon_names(chosen)}
        report = Report()
        files = plan_site(chosen, settings, icons, FIXTURE_PROJECT / "mkdocs.yml", "mkdocs.yml",
                          report).files
        report.raise_if_any()
        for name, steps in expected.items():
            for path in [path for path in files if path.parts[0] == name
                         and path.name != "SUMMARY.md"]:
                block = files[path].split("## What you can do next\n\n")[1].split("\n\n")[0]
                shown = re.findall(r"^- \[(\w+)\]\(([^)]+)\): why \1$", block, re.MULTILINE)
                wanted = [text for text in steps
                          if not (text == "Part" and path.name == "saying-it.md")]
                assert [text for text, _ in shown] == wanted, (path, block)
                for text, link in shown:
                    target = {"Help": "help.md", "Talk": "second/index.md",
                              "Part": "second/saying-it.md"}[text]
                    assert posixpath.normpath(posixpath.join(path.parent.as_posix(), link)) \
                        == target
