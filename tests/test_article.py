"""Parse stage: front matter, splitting into sections, slugs, summaries and markers."""

from __future__ import annotations

from pathlib import Path

import pytest
from rapport.article import parse_article, teaser
from rapport.errors import ArticleError

PATH = Path("content/article.md")

FRONT = """---
title: Title
description: A short description.
author: A. Writer
source:
  publication: The Example Gazette
  published: 2024-01-02
reviewed: 2025-02-03
edits:
  - what: Fixed a typo.
    why: Readability.
notes:
  evidence:
    title: Evidence
    text: Moderate, not proof.
---
"""


MINIMAL_BODY = "# Title\n\nL.\n\n## A\n\nB.\n"


def article(body: str, front: str = FRONT):
    return parse_article(front + body, PATH)


def error_of(text: str) -> ArticleError:
    with pytest.raises(ArticleError) as caught:
        parse_article(text, PATH)
    return caught.value


# --- front matter -------------------------------------------------------------------------------


def test_front_matter_becomes_typed_meta_with_iso_dates():
    meta = article("# Title\n\nLead.\n\n## One\n\nText.\n").meta
    assert meta.title == "Title"
    assert meta.author == "A. Writer"
    assert meta.publication == "The Example Gazette"
    assert meta.published == "2024-01-02"
    assert meta.reviewed == "2025-02-03"
    assert meta.edits[0].what == "Fixed a typo." and meta.edits[0].why == "Readability."
    assert meta.notes["evidence"].kind == "note"


def test_missing_required_key_names_the_key():
    error = error_of(FRONT.replace("author: A. Writer\n", "") + "# Title\n\nLead.\n\n## A\n\nB.\n")
    assert "no 'author'" in str(error)


def test_malformed_yaml_reports_its_line():
    broken = FRONT.replace("author: A. Writer", 'author: "unclosed')
    error = error_of(broken + "# Title\n\nLead.\n\n## A\n\nB.\n")
    assert error.line is not None and error.line >= 4
    assert "malformed front matter" in error.message


def test_unknown_front_matter_key_is_named_at_its_line():
    error = error_of(FRONT.replace("author:", "autor: x\nauthor:") + MINIMAL_BODY)
    assert error.line == 4 and "unknown front matter key 'autor'" in error.message


def test_long_description_is_rejected_with_its_length():
    long = FRONT.replace("A short description.", "x" * 161)
    error = error_of(long + "# Title\n\nLead.\n\n## A\n\nB.\n")
    assert error.line == 3 and "161 characters" in error.message


def test_bad_date_is_rejected():
    error = error_of(FRONT.replace("reviewed: 2025-02-03", "reviewed: soon") + MINIMAL_BODY)
    assert "YYYY-MM-DD" in error.message and error.line == 8


def test_title_must_match_front_matter():
    error = error_of(FRONT + "# Another title\n\nLead.\n\n## A\n\nB.\n")
    assert error.line == 17 and "differs" in error.message


# --- splitting ----------------------------------------------------------------------------------


def test_sections_split_at_level_two_headings_in_order():
    parsed = article("# Title\n\nThe lead.\n\n## First\n\nOne.\n\n### Sub\n\nTwo.\n\n"
                     "## Second\n\nThree.\n")
    assert parsed.lead == "The lead."
    assert [s.heading for s in parsed.sections] == ["First", "Second"]
    assert parsed.sections[0].body == "One.\n\n### Sub\n\nTwo."
    assert parsed.sections[0].line == 21


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_heading_inside_a_fenced_code_block_is_not_a_section(fence):
    body = (f"# Title\n\nLead.\n\n## Real\n\nText.\n\n{fence}md\n## Not a heading\n{fence}\n"
            "\nMore.\n")
    parsed = article(body)
    assert [s.heading for s in parsed.sections] == ["Real"]
    assert "## Not a heading" in parsed.sections[0].body


def test_a_shorter_fence_does_not_close_a_longer_one():
    body = "# Title\n\nLead.\n\n## Real\n\n````\n```\n## Still code\n````\n"
    assert [s.heading for s in article(body).sections] == ["Real"]


def test_closing_hashes_are_not_part_of_the_heading():
    assert article("# Title\n\nL.\n\n## Closed ##\n\nText.\n").sections[0].heading == "Closed"


# --- slugs --------------------------------------------------------------------------------------


def test_slug_comes_from_the_heading_like_mkdocs_toc():
    parsed = article("# Title\n\nL.\n\n## Affirming the client’s reality — now!\n\nText.\n")
    assert parsed.sections[0].slug == "affirming-the-clients-reality-now"


def test_non_ascii_heading_gets_an_ascii_slug():
    assert article("# Title\n\nL.\n\n## Café résumé\n\nText.\n").sections[0].slug == "cafe-resume"


def test_explicit_slug_wins_and_is_removed_from_the_heading():
    section = article("# Title\n\nL.\n\n## A long heading {#short}\n\nText.\n").sections[0]
    assert (section.heading, section.slug) == ("A long heading", "short")


@pytest.mark.parametrize("slug", ["a/b", "..", "a\\b", "../up"])
def test_explicit_slug_with_path_parts_is_an_error(slug):
    error = error_of(FRONT + f"# Title\n\nL.\n\n## Heading {{#{slug}}}\n\nText.\n")
    assert error.line == 21 and "'/', '\\' or '..'" in error.message


def test_explicit_slug_must_be_lowercase_ascii():
    error = error_of(FRONT + "# Title\n\nL.\n\n## Heading {#Ünïcode}\n\nText.\n")
    assert "clean URL" in error.message


def test_heading_that_slugifies_to_nothing_is_an_error():
    error = error_of(FRONT + "# Title\n\nL.\n\n## 🙂 🙂\n\nText.\n")
    assert error.line == 21 and "empty URL slug" in error.message


@pytest.mark.parametrize("heading", ["Index", "Summary {#summary}", "Edits"])
def test_reserved_slugs_are_refused(heading):
    assert "reserved" in error_of(FRONT + f"# Title\n\nL.\n\n## {heading}\n\nText.\n").message


def test_duplicate_headings_name_both_lines():
    error = error_of(FRONT + "# Title\n\nL.\n\n## Same\n\nA.\n\n## same\n\nB.\n")
    assert error.line == 25 and "also at line 21" in error.message


def test_duplicate_slugs_name_both_lines():
    error = error_of(FRONT + "# Title\n\nL.\n\n## One {#x}\n\nA.\n\n## Two {#x}\n\nB.\n")
    assert error.line == 25 and "slug 'x' is used twice" in error.message


# --- summaries and markers ----------------------------------------------------------------------


def test_summary_defaults_to_a_cut_first_sentence():
    section = article("# Title\n\nL.\n\n## A\n\nOne two three four five six seven eight nine ten "
                      "eleven twelve. Second.\n").sections[0]
    assert section.summary == "One two three four five six seven eight nine ten…"


def test_teaser_never_copies_a_whole_short_sentence():
    assert teaser(["Short one. Then more."]) == "Short…"
    assert teaser(["Word."]) == "Wo…"
    assert teaser(["- A listed, item here."]) == "A listed, item…"


def test_explicit_summary_and_icon_are_read_and_removed_from_the_body():
    section = article("# Title\n\nL.\n\n## A\n<!-- summary: Hand-written. -->\n"
                      "<!-- icon: material/ear-hearing -->\n\nText.\n").sections[0]
    assert (section.summary, section.icon, section.body) == (
        "Hand-written.", "material/ear-hearing", "Text.")


def test_summary_after_the_text_is_an_error():
    error = error_of(FRONT + "# Title\n\nL.\n\n## A\n\nText.\n\n<!-- summary: Late. -->\n")
    assert error.line == 25 and "right under its '## ' heading" in error.message


def test_note_marker_stays_in_the_body_for_the_renderer():
    body = article("# Title\n\nL.\n\n## A\n\nText.\n\n<!-- note: evidence -->\n").sections[0].body
    assert body == "Text.\n\n<!-- note: evidence -->"


def test_unknown_note_lists_the_defined_ones():
    error = error_of(FRONT + "# Title\n\nL.\n\n## A\n\nText.\n\n<!-- note: nope -->\n")
    assert error.line == 25 and "unknown note 'nope'" in error.message
    assert "evidence" in error.message


def test_unknown_marker_is_an_error():
    error = error_of(FRONT + "# Title\n\nL.\n\n## A\n\nText.\n<!-- todo: later -->\n")
    assert "unknown marker 'todo'" in error.message


def test_marker_inside_code_is_just_code():
    body = "# Title\n\nL.\n\n## A\n\n```\n<!-- todo: later -->\n```\n"
    assert "todo" in article(body).sections[0].body


# --- structure errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "line", "words"), [
    ("# Title\n\nLead only.\n", 17, "no sections"),
    ("# Title\n\n## A\n\nText.\n", 17, "no lead"),
    ("Text first.\n\n# Title\n", 17, "must start with the '# Title'"),
    ("# Title\n\nL.\n\n## Empty\n\n## Next\n\nText.\n", 21, "section 'Empty' is empty"),
    ("# Title\n\nL.\n\n## Only marker\n<!-- icon: material/x -->\n", 21, "is empty"),
    ("# Title\n\nL.\n\n# Again\n", 21, "second '# ' title"),
    ("\n\n", 17, "no '# ' title"),
])
def test_structure_errors_name_the_line_and_the_fix(body, line, words):
    error = error_of(FRONT + body)
    assert error.line == line and words in error.message


def test_front_matter_must_open_and_close():
    assert "no front matter" in error_of("# Title\n").message
    assert "not closed" in error_of("---\ntitle: x\n").message


def test_error_text_is_one_line_with_file_and_line():
    text = str(error_of(FRONT + "# Title\n\nLead only.\n"))
    assert text.startswith("content/article.md:17: error: no sections")
    assert "\n" not in text
