"""Parse stage: front matter, headings as Python-Markdown reads them, slugs, summaries, markers,
and every problem of an article reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from profiles import examples
from rapport.article import parse_article
from rapport.summaries import character_boundary, teaser
from rapport.errors import ArticleError, Problems
from samples import BODY_LINE, EDITORS_FRONT, FRONT

PATH = Path("content/article.md")

MINIMAL_BODY = "# Title\n\nL.\n\n## A\n\nB.\n"


def article(body: str, front: str = FRONT):
    return parse_article(front + body, PATH)


def errors_of(text: str) -> list[ArticleError]:
    with pytest.raises(Problems) as caught:
        parse_article(text, PATH)
    return list(caught.value.problems)


def error_of(text: str) -> ArticleError:
    """The one problem of a text that has exactly one."""
    errors = errors_of(text)
    assert len(errors) == 1, errors
    return errors[0]


# --- front matter -------------------------------------------------------------------------------


def test_front_matter_becomes_typed_meta_with_iso_dates():
    meta = article("# Title\n\nLead.\n\n## One\n\nText.\n").meta
    assert meta.title == "Title"
    assert meta.author == "A. Writer"
    assert meta.publication == "The Example Gazette"
    assert meta.published == "2024-01-02"
    assert meta.reviewed == "2025-02-03" and meta.reviewed_line == 8
    assert meta.edits[0].what == "Fixed a typo." and meta.edits[0].why == "Readability."
    assert meta.notes["evidence"].kind == "note"
    assert meta.order is None


def test_an_article_the_editors_wrote_needs_no_source_author_or_edits():
    meta = article(MINIMAL_BODY, EDITORS_FRONT).meta
    assert (meta.publication, meta.author, meta.published, meta.edits) == (
        None, None, "2026-01-02", ())


def test_editors_article_needs_its_publication_date():
    error = error_of(EDITORS_FRONT.replace("published: 2026-01-02\n", "") + MINIMAL_BODY)
    assert "no 'published'" in error.message


def test_order_is_a_whole_number():
    assert article(MINIMAL_BODY, FRONT.replace("reviewed:", "order: 3\nreviewed:")).meta.order \
        == 3
    error = error_of(FRONT.replace("reviewed:", "order: first\nreviewed:") + MINIMAL_BODY)
    assert error.line == 8 and "'order' must be a whole number" in error.message


def test_missing_required_key_names_the_key():
    error = error_of(FRONT.replace("description: A short description.\n", "") + MINIMAL_BODY)
    assert "no 'description'" in error.message


def test_an_article_from_elsewhere_names_its_author():
    assert "no 'author'" in error_of(FRONT.replace("author: A. Writer\n", "") + MINIMAL_BODY
                                     ).message


def test_malformed_yaml_reports_its_line():
    broken = FRONT.replace("author: A. Writer", 'author: "unclosed')
    error = error_of(broken + MINIMAL_BODY)
    assert error.line is not None and error.line >= 4
    assert "malformed front matter" in error.message


def test_unknown_front_matter_key_is_named_at_its_line():
    error = error_of(FRONT.replace("author:", "autor: x\nauthor:") + MINIMAL_BODY)
    assert error.line == 4 and "unknown front matter key 'autor'" in error.message


def test_long_description_is_rejected_with_its_length():
    error = error_of(FRONT.replace("A short description.", "x" * 161) + MINIMAL_BODY)
    assert error.line == 3 and "161 characters" in error.message


def test_bad_date_is_rejected_at_its_line():
    error = error_of(FRONT.replace("reviewed: 2025-02-03", "reviewed: soon") + MINIMAL_BODY)
    assert "YYYY-MM-DD" in error.message and error.line == 8


def test_title_must_match_front_matter():
    error = error_of(FRONT + "# Another title\n\nLead.\n\n## A\n\nB.\n")
    assert error.line == BODY_LINE and "differs" in error.message


# --- every problem at once ----------------------------------------------------------------------


def test_front_matter_and_body_problems_come_out_together_in_line_order():
    text = (FRONT.replace("reviewed: 2025-02-03", "reviewed: soon") + "# Title\n\nL.\n\n"
            "## Empty\n\n## Fine\n\nText {% page x %}.\n")
    errors = errors_of(text)
    assert [(e.line, e.message.split(":")[0]) for e in errors] == [
        (8, "'reviewed' must be a date written YYYY-MM-DD"),
        (21, "section 'Empty' is empty"),
        (25, "'{% page x %}' is a Liquid or Hugo tag, which this site does not expand"),
    ]


# --- headings: what Python-Markdown reads as one ------------------------------------------------


def test_sections_split_at_level_two_headings_in_order():
    parsed = article("# Title\n\nThe lead.\n\n## First\n\nOne.\n\n### Sub\n\nTwo.\n\n"
                     "## Second\n\nThree.\n")
    assert parsed.lead.markdown() == "The lead."
    assert [s.heading for s in parsed.sections] == ["First", "Second"]
    assert parsed.sections[0].body.markdown() == "One.\n\n### Sub\n\nTwo."
    assert parsed.sections[0].line == 21
    assert [sub.text for sub in parsed.sections[0].subheadings] == ["Sub"]


def test_a_sections_text_loses_only_its_blank_lines_around_it():
    parsed = article("# Title\n\nX marks it.\n\n## First\n\n\nX\n\n    XX\n\n\n## Second\n\nOne.\n")
    assert parsed.lead.markdown() == "X marks it."
    assert parsed.sections[0].body.markdown() == "X\n\n    XX"


def test_the_lead_may_start_right_under_the_title_and_hold_a_marker_in_code():
    parsed = article("# Title\nThe lead.\n```\n<!-- summary: code -->\n```\n\n## A\n\nB.\n")
    assert parsed.lead.markdown() == "The lead.\n```\n<!-- summary: code -->\n```"


def test_the_title_written_in_the_front_matter_is_the_articles():
    parsed = parse_article(FRONT.replace("title: Title", "title: '*Title*'") + "# *Title*\n\nL."
                           "\n\n## A\n\nB.\n", PATH)
    assert parsed.title == "*Title*"


def test_windows_and_old_mac_line_endings_read_as_unix_ones():
    text = FRONT + "# Title\n\nL.\n\n## A\n\nB.\n\n## \n\nC.\n"
    [unix] = errors_of(text)
    assert errors_of(text.replace("\n", "\r\n")) == errors_of(text.replace("\n", "\r")) == [unix]
    assert unix.line == BODY_LINE + 8


def test_front_matter_may_end_with_three_dots_as_yaml_allows():
    parsed = parse_article(FRONT[:-4] + "...\n# Title\n\nL.\n\n## A\n\nB.\n", PATH)
    assert parsed.meta.title == "Title" and parsed.sections[0].heading == "A"


def test_setext_headings_are_title_and_sections():
    parsed = article("Title\n=====\n\nThe lead.\n\nFirst part\n----------\n\nOne.\n\n"
                     "Second part\n---\n\nTwo.\n")
    assert parsed.title == "Title"
    assert [(s.heading, s.line) for s in parsed.sections] == [("First part", 22),
                                                               ("Second part", 27)]
    assert parsed.sections[0].body.markdown() == "One."


def test_a_line_of_dashes_under_a_paragraph_of_two_lines_is_a_rule_not_a_heading():
    parsed = article("# Title\n\nL.\n\n## A\n\nFirst line\nsecond line\n---\n\nMore.\n")
    assert [s.heading for s in parsed.sections] == ["A"]


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_heading_inside_a_fenced_code_block_is_not_a_section(fence):
    body = (f"# Title\n\nLead.\n\n## Real\n\nText.\n\n{fence}md\n## Not a heading\n{fence}\n"
            "\nMore.\n")
    parsed = article(body)
    assert [s.heading for s in parsed.sections] == ["Real"]
    assert "## Not a heading" in parsed.sections[0].body.markdown()


def test_a_shorter_fence_does_not_close_a_longer_one():
    body = "# Title\n\nLead.\n\n## Real\n\n````\n```\n## Still code\n````\n"
    assert [s.heading for s in article(body).sections] == ["Real"]


@pytest.mark.parametrize("block", [
    "    ## indented code\n",
    "<!--\n## in a comment\n-->\n",
    "<div>\n## in raw HTML\n</div>\n",
    "<details>\n<summary>More</summary>\n\n## in HTML with a blank line\n\n</details>\n",
])
def test_hash_lines_in_indented_code_html_and_comments_are_not_headings(block):
    parsed = article(f"# Title\n\nL.\n\n## Real\n\nText.\n\n{block}\nMore.\n")
    assert [s.heading for s in parsed.sections] == ["Real"]


def test_a_section_never_starts_inside_an_html_block_or_a_fenced_div():
    """A `## ` inside `<div markdown>` or Pandoc's `:::` renders inside that block: splitting
    there would leave one page with an unclosed `<div>` and close another page's container."""
    for opening, closing in (("<div markdown>", "</div>"), ("::: note", ":::"),
                             (":::: outer\n\n::: inner", ":::\n\n::::")):
        parsed = article(f"# Title\n\nL.\n\n## Real\n\n{opening}\n\n## Inside\n\nx.\n\n"
                         f"{closing}\n\n## After\n\ny.\n")
        assert [s.heading for s in parsed.sections] == ["Real", "After"], opening
        assert "## Inside" in parsed.sections[0].body.markdown()


def test_an_unclosed_fenced_div_is_text_and_splits_as_usual():
    parsed = article("# Title\n\nL.\n\n## Real\n\n::: note\n\n## Next\n\nx.\n")
    assert [s.heading for s in parsed.sections] == ["Real", "Next"]


def test_crlf_line_ends_and_a_byte_order_mark_read_as_plain_lines():
    text = "\ufeff" + (FRONT + "# Title\n\nLead.\n\n## One\n\nText.\n").replace("\n", "\r\n")
    parsed = parse_article(text, PATH)
    assert [s.heading for s in parsed.sections] == ["One"] and parsed.lead.markdown() == "Lead."


def test_closing_hashes_are_not_part_of_the_heading():
    assert article("# Title\n\nL.\n\n## Closed ##\n\nText.\n").sections[0].heading == "Closed"


def test_an_article_may_start_straight_with_its_first_section():
    parsed = article("# Title\n\n## First\n\nText.\n")
    assert parsed.lead.markdown() == "" and [s.heading for s in parsed.sections] == ["First"]


def test_an_unclosed_html_block_is_reported():
    error = error_of(FRONT + "# Title\n\nL.\n\n## A\n\nText.\n\n<div>\n\n## B\n\nx.\n")
    assert error.line == 25 and "<div> is never closed" in error.message


# --- slugs --------------------------------------------------------------------------------------


def test_slug_comes_from_the_heading_like_mkdocs_toc():
    parsed = article("# Title\n\nL.\n\n## Affirming the client’s reality — now!\n\nText.\n")
    assert parsed.sections[0].slug == "affirming-the-clients-reality--now"


@pytest.mark.parametrize(("heading", "slug"), [
    ("Café résumé", "café-résumé"),
    ("Über Größe", "über-größe"),
    ("메인테이너를 위한 자기 관리 및 번아웃 방지 팁:", "메인테이너를-위한-자기-관리-및-번아웃-방지-팁"),
    ("心理療法の関係", "心理療法の関係"),
    ("Validation ] and *empathy", "validation--and-empathy"),
])
def test_slugs_keep_unicode_letters(heading, slug):
    section = article(f"# Title\n\nL.\n\n## {heading}\n\nText.\n").sections[0]
    assert section.slug == slug


def test_markup_in_a_heading_gives_plain_text_for_titles():
    section = article("# Title\n\nL.\n\n## **Bold** and `code` \\* star\n\nText.\n").sections[0]
    assert (section.heading, section.title) == ("**Bold** and `code` \\* star",
                                                "Bold and code * star")


def test_a_heading_without_letters_gets_a_positional_slug():
    parsed = article("# Title\n\nL.\n\n## A\n\nx.\n\n## 🙂 🙂\n\nText.\n")
    assert parsed.sections[1].slug == "section-2"


def test_the_same_heading_twice_gets_a_numbered_slug():
    parsed = article("# Title\n\nL.\n\n## Example\n\nA.\n\n## Example\n\nB.\n\n## example\n\nC.\n")
    assert [s.slug for s in parsed.sections] == ["example", "example-2", "example-3"]


def test_explicit_slug_wins_and_is_removed_from_the_heading():
    section = article("# Title\n\nL.\n\n## A long heading {#short}\n\nText.\n").sections[0]
    assert (section.heading, section.slug, section.explicit_id) == ("A long heading", "short",
                                                                     "short")


def test_a_heading_slug_steps_around_a_later_explicit_one():
    parsed = article("# Title\n\nL.\n\n## Short\n\nA.\n\n## Other {#short}\n\nB.\n")
    assert [s.slug for s in parsed.sections] == ["short-2", "short"]


@pytest.mark.parametrize("slug", ["a/b", "..", "a\\b", "../up"])
def test_explicit_slug_with_path_parts_is_an_error(slug):
    error = error_of(FRONT + f"# Title\n\nL.\n\n## Heading {{#{slug}}}\n\nText.\n")
    assert error.line == 21 and "'/', '\\' or '..'" in error.message


def test_explicit_slug_must_be_lowercase_ascii():
    error = error_of(FRONT + "# Title\n\nL.\n\n## Heading {#Ünïcode}\n\nText.\n")
    assert "clean URL" in error.message


@pytest.mark.parametrize("heading", ["Index", "Summary", "Edits"])
def test_sections_may_take_any_name(heading):
    assert article(f"# Title\n\nL.\n\n## {heading}\n\nText.\n").sections[0].slug == \
        heading.lower()


def test_duplicate_explicit_slugs_name_both_lines():
    error = error_of(FRONT + "# Title\n\nL.\n\n## One {#x}\n\nA.\n\n## Two {#x}\n\nB.\n")
    assert error.line == 25 and "slug 'x' is used twice (also at line 21)" in error.message


# --- summaries and markers ----------------------------------------------------------------------


def test_a_summary_may_be_160_characters_and_a_slug_150_bytes():
    summary = "y" * 160
    section = article(f"# Title\n\nL.\n\n## A\n<!-- summary: {summary} -->\n\nText.\n").sections[0]
    assert section.summary == summary
    heading = "가" * 50                                    # 150 bytes in UTF-8
    assert article(f"# Title\n\nL.\n\n## {heading}\n\nText.\n").sections[0].slug == heading
    [error] = errors_of(FRONT + f"# Title\n\nL.\n\n## {heading}a\n\nText.\n")
    assert "makes a page name too long for a file" in error.message


def test_a_description_may_be_160_characters():
    assert article(MINIMAL_BODY, FRONT.replace("A short description.", "d" * 160)).meta \
        .description == "d" * 160


def test_a_summary_reads_the_first_sentence_across_lines():
    section = article("# Title\n\nL.\n\n## A\n\nOne two\nthree four. Five.\n").sections[0]
    assert section.summary == "One two three…"


def test_summary_defaults_to_a_cut_first_sentence_and_says_so():
    section = article("# Title\n\nL.\n\n## A\n\nOne two three four five six seven eight nine ten "
                      "eleven twelve. Second.\n").sections[0]
    assert section.summary == "One two three four five six seven eight nine ten…"
    assert not section.summary_written


def test_teaser_never_copies_a_whole_short_sentence():
    assert teaser(["Short one. Then more."]) == "Short…"
    assert teaser(["Word."]) == "Wo…"
    assert teaser(["- A listed, item here."]) == "A listed, item…"
    assert teaser(["Two words."]) == "Two…"
    assert teaser(["Ab."]) == "A…"


def test_teaser_reads_a_paragraph_of_several_lines_and_ends_on_a_word():
    assert teaser(["Meet Malcolm", "X today."]) == "Meet Malcolm X…"
    assert teaser(["First, second, third."]) == "First, second…"
    assert teaser(["Then — a pause — more."]) == "Then — a pause…"


def test_the_first_paragraph_skips_headings_tables_pictures_and_notes_and_stops_at_its_end():
    from rapport.article import Text
    from rapport.summaries import first_paragraph
    from rapport.markdown_scan import read_markdown
    from rapport.sources import project_settings

    lines = ["### A heading", "<!-- note: x -->", "| a | b |", "![A picture](p.png)", "",
             "First line,", "second line.", "", "Next paragraph.", "```", "code", "```"]
    kinds = read_markdown(lines, project_settings().markdown.parser).kinds
    assert first_paragraph(Text(tuple(lines), kinds, 1)) == ["First line,",
                                                                   "second line."]


def test_explicit_summary_and_icon_are_read_and_removed_from_the_body():
    section = article("# Title\n\nL.\n\n## A\n<!-- summary: Hand-written. -->\n"
                      "<!-- icon: material/ear-hearing -->\n\nText.\n").sections[0]
    assert (section.summary, section.icon, section.body.markdown()) == (
        "Hand-written.", "material/ear-hearing", "Text.")
    assert section.summary_written


def test_summary_after_the_text_is_an_error():
    error = error_of(FRONT + "# Title\n\nL.\n\n## A\n\nText.\n\n<!-- summary: Late. -->\n")
    assert error.line == 25 and "right under its heading" in error.message


def test_note_marker_stays_in_the_body_for_the_renderer():
    body = article("# Title\n\nL.\n\n## A\n\nText.\n\n<!-- note: evidence -->\n").sections[0].body
    assert body.markdown() == "Text.\n\n<!-- note: evidence -->"


def test_unknown_note_lists_the_defined_ones():
    error = error_of(FRONT + "# Title\n\nL.\n\n## A\n\nText.\n\n<!-- note: nope -->\n")
    assert error.line == 25 and "unknown note 'nope'" in error.message
    assert "evidence" in error.message


def test_only_our_own_markers_are_read_and_every_other_comment_is_the_authors():
    """A spell checker's, a version badge's or a contributors block's comment passes through
    to the page as it is, in the lead and in a section, right under a heading or not."""
    comments = ("<!-- cSpell:ignore rapport -->", "<!-- md:version 1.2 -->",
                "<!-- fixme: later -->", "<!-- ALL-CONTRIBUTORS-LIST:START - Do not remove -->")
    parsed = article("# Title\n\n" + comments[0] + "\nLead.\n\n## A\n" + "\n".join(comments)
                     + "\n\nText.\n")
    assert comments[0] in parsed.lead.markdown()
    for comment in comments:
        assert comment in parsed.sections[0].body.markdown()
    assert not parsed.sections[0].summary_written


def test_a_section_of_comments_only_is_empty():
    assert "is empty" in error_of(FRONT + "# Title\n\nL.\n\n## A\n<!-- cSpell:ignore x -->\n"
                                  "\n## B\n\nText.\n").message


@pytest.mark.parametrize(("line", "expected"), [
    ('--8<-- "missing.md"', "a snippet line (--8<--) names no file under docs/snippets/"),
    ("--8<--", "a snippet line (--8<--)"),
    ('See {% page "guide" %} for more.', "'{% page \"guide\" %}' is a Liquid or Hugo tag"),
    ("Read {{< ref \"x.md\" >}} first.", "'{{< ref \"x.md\" >}}' is a Liquid or Hugo tag"),
    ("### Naming doubles {/*naming-doubles*/}", "'{/*naming-doubles*/}' is an MDX heading id"),
])
def test_syntax_of_other_tools_is_an_error_with_its_line(line, expected):
    error = error_of(FRONT + f"# Title\n\nL.\n\n## A\n\nText.\n\n{line}\n")
    assert error.line == 25 and error.message.startswith(expected), error.message


def test_an_mdx_id_on_a_section_heading_is_an_error_too():
    error = error_of(FRONT + "# Title\n\nL.\n\n## A {/*a*/}\n\nText.\n")
    assert error.line == 21 and "MDX heading id" in error.message


def test_other_tools_syntax_in_code_is_code_and_a_snippet_that_exists_renders():
    body = ("# Title\n\nL.\n\n## A\n\nType `{% page x %}` or `{/*x*/}`.\n\n```\n--8<-- \"x\"\n"
            "{{ value }}\n```\n\n    {% raw %}\n\n--8<-- \"tooltips.md\"\n")
    parsed = parse_article(FRONT + body, PATH, snippets=frozenset({"tooltips.md"}))
    assert '--8<-- "tooltips.md"' in parsed.sections[0].body.markdown()


def test_marker_inside_code_is_just_code():
    body = "# Title\n\nL.\n\n## A\n\n```\n<!-- todo: later -->\n```\n"
    assert "todo" in article(body).sections[0].body.markdown()


def test_footnote_and_reference_definitions_belong_to_the_article():
    parsed = article("# Title\n\nL.\n\n## A\n\nSee[^n] and [this][ref].\n\n## B\n\nText.\n\n"
                     "[^n]: A note.\n    More of it.\n[ref]: https://example.org/\n")
    # The rest of a footnote's block is the footnote's, a definition in it too (as
    # Python-Markdown's footnotes read it: found in review, where a line left behind became a
    # paragraph of its own on the pages).
    assert [(d.label, d.kind) for d in parsed.definitions] == [("n", "footnote")]
    assert parsed.definitions[0].text.lines == ("[^n]: A note.", "    More of it.",
                                                "[ref]: https://example.org/")
    assert parsed.sections[1].body.markdown() == "Text."


def test_a_definition_is_one_python_markdown_registers_and_stays_text_otherwise():
    """What looks like a definition but is none to the renderer (a title never closed, an
    abbreviation with no text) stays where it is written, as the page shows it there."""
    from rapport.sources import project_settings

    lines = ['[ref]: https://example.org/ "never closed', "*[HTML]:", "[^n]: A note."]
    parsed = article("# Title\n\nL.\n\n## A\n\nSee[^n] and [this][ref].\n\n"
                     + "\n\n".join(lines) + "\n")
    assert [(d.label, d.kind) for d in parsed.definitions] == [("n", "footnote")]
    body = parsed.sections[0].body.markdown()
    assert lines[0] in body and lines[1] in body
    rendered = project_settings().markdown.parser.reset().convert("\n\n".join(lines))
    assert "never closed" in rendered and "*[HTML]:" in rendered


# --- contact details ----------------------------------------------------------------------------


@pytest.mark.parametrize("contact", ["poster@mail.rapport-demo.kr", "+82 51 234 5678", "(051)234-5678",
                                     "010-2345-6789", "020 7946 0958", "+61 491 570 156"])
def test_an_email_address_or_phone_number_is_refused_with_its_line(contact):
    error = error_of(FRONT + f"# Title\n\nL.\n\n## A\n\nWrite to {contact} today.\n")
    assert error.line == 23 and f"'{contact}'" in error.message
    assert "contact details never go on the site" in error.message


def test_allowed_contacts_pass_exactly():
    text = FRONT + "# Title\n\nL.\n\n## A\n\nWrite to feedback@mail.rapport-demo.org.\n"
    assert parse_article(text, PATH, frozenset({"feedback@mail.rapport-demo.org"}))
    assert "e-mail" in errors_of(text)[0].message


def test_dates_figures_and_web_addresses_are_not_phone_numbers():
    parsed = article("# Title\n\nL.\n\n## A\n\nIn 2025-10-25, 30,000 people, 1,314 patients "
                     "(https://doi.org/10.1037/0022-0167.36.2.223) and 109 calls.\n")
    assert parsed.sections[0].heading == "A"


# --- structure errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "line", "words"), [
    ("# Title\n\nLead only.\n", 17, "no sections"),
    ("Text first.\n\n# Title\n\n## A\n\nx.\n", 17, "text before the title"),
    ("# Title\n\nL.\n\n## Empty\n\n## Next\n\nText.\n", 21, "section 'Empty' is empty"),
    ("# Title\n\nL.\n\n## Only marker\n<!-- icon: material/x -->\n", 21, "is empty"),
    ("# Title\n\nL.\n\n## A\n\nx.\n\n# Again\n", 25, "a second title"),
    ("\n\n", 17, "no title"),
])
def test_structure_errors_name_the_line_and_the_fix(body, line, words):
    error = errors_of(FRONT + body)[0]
    assert error.line == line and words in error.message


def test_front_matter_must_open_and_close():
    assert "no front matter" in error_of("# Title\n").message
    assert "not closed" in error_of("---\ntitle: x\n").message


def test_error_text_is_one_line_with_file_and_line():
    text = str(error_of(FRONT + "# Title\n\nLead only.\n"))
    assert text.startswith("content/article.md:17: error: no sections")
    assert "\n" not in text


def test_a_section_that_opens_with_indented_code_keeps_its_indentation():
    section = article("# Title\n\nL.\n\n## A\n\n    $ make test\n\nThen read it.\n").sections[0]
    assert section.body.markdown() == "    $ make test\n\nThen read it."


# --- problems, as the maintainer reads them -----------------------------------------------------


def test_a_problem_without_a_line_names_the_file_and_comes_first_in_its_file():
    whole = ArticleError(Path("content/a.md"), None, "z: the file")
    first = ArticleError(Path("content/a.md"), 1, "a: line one")
    other = ArticleError(Path("content/0.md"), 9, "m")
    assert str(whole) == "content/a.md: error: z: the file"
    assert sorted([first, whole, other], key=ArticleError.sort_key) == [other, whole, first]


def test_malformed_yaml_says_what_and_where():
    from rapport.yaml_lines import YamlProblem, load

    with pytest.raises(YamlProblem) as caught:
        load("title: x\nlist: [unclosed\n")
    assert caught.value.line == 3 and str(caught.value) == caught.value.problem
    assert "expected ',' or ']'" in caught.value.problem


@pytest.mark.parametrize(("value", "required_text"), [
    ("A title", True), (" x ", True), ("", False), ("  \n\t", False), (None, False),
    (3, False), (["A title"], False)])
def test_a_required_text_value_is_a_string_with_something_in_it(value, required_text):
    from rapport.yaml_lines import is_text

    assert is_text(value) is required_text


def test_definitions_leave_the_text_with_their_continuations_and_keep_their_lines():
    parsed = article("# Title\n\nL.\n\n## A\n[^a]: First.\n\tTabbed on.\n\n"
                     "    A second paragraph.\n\n"
                     "After.\n*[HTML]: Hyper Text Markup Language\n[ref]: https://example.org\n"
                     "[^b]: Last.\n\n    Its own second paragraph.\n")
    found = [(d.label, d.kind, d.text.first, d.text.lines) for d in parsed.definitions]
    first = BODY_LINE + 5                                   # the line of `[^a]`
    assert found == [
        ("a", "footnote", first, ("[^a]: First.", "\tTabbed on.", "", "    A second paragraph.")),
        ("HTML", "abbreviation", first + 6, ("*[HTML]: Hyper Text Markup Language",)),
        ("ref", "reference", first + 7, ("[ref]: https://example.org",)),
        ("b", "footnote", first + 8, ("[^b]: Last.", "", "    Its own second paragraph."))]
    assert parsed.sections[0].body.markdown() == "After."


def test_a_footnote_ends_at_a_blank_line_that_no_indented_line_follows():
    parsed = article("# Title\n\nL.\n\n## A\n\n[^a]: Only this.\n\nNot the footnote.\n\n")
    assert [d.text.lines for d in parsed.definitions] == [("[^a]: Only this.",)]
    assert parsed.sections[0].body.markdown() == "Not the footnote."


# Front matter holds one-line text (every text is whitespace-collapsed before it is written):
# PyYAML's pure-Python writer folds a line break such as NEL (U+0085) inside a quoted scalar,
# which reads back as a space.
ONE_LINE = st.text().map(lambda text: " ".join(text.split()))


@settings(max_examples=examples(5))
@given(st.dictionaries(ONE_LINE.filter(bool), st.one_of(
    ONE_LINE, st.integers(), st.none(), st.lists(ONE_LINE, max_size=3),
    st.dictionaries(ONE_LINE.filter(bool), ONE_LINE, max_size=3)), max_size=6))
@example({"title": "Validation ] and *empathy", "emoji": "🙂", "date": "2026-01-03",
          "yes": "no", "slash": "C\\#", "quote": "isn’t \"it\"", "colon": "a: b #c"})
# Found by Hypothesis on fresh machines, when libyaml wrote some pages: a key of 128
# characters, and one of 57 characters but 131 UTF-8 bytes (the two writers disagreed).
@example({"k" * 128: "value"})
@example({"한" * 37 + "k" * 20: "value"})
def test_front_matter_is_written_one_way_and_reads_back_as_the_same_data(data):
    """Every page's front matter is written by pure-Python PyYAML, on every machine, and
    MkDocs reads back exactly what the generator meant."""
    import yaml
    from rapport.yaml_lines import DUMP_OPTIONS, dump

    written = dump(data)
    assert written == yaml.dump(data, Dumper=yaml.SafeDumper, **DUMP_OPTIONS)
    assert (yaml.load(written, Loader=yaml.SafeLoader) or {}) == data


def test_slugs_keep_combining_marks_as_github_does():
    """Thai and Hindi vowel signs are marks, not letters: a slug without them misspells the
    heading (เริ่มการแปลอัตโนมัติ is not เรมการแปลอตโนมต)."""
    from rapport.slugs import slugify

    assert slugify("เริ่มการแปลอัตโนมัติ") == "เริ่มการแปลอัตโนมัติ"
    assert slugify("हिंदी में अनुवाद") == "हिंदी-में-अनुवाद"
    assert slugify("Über <b>Größe</b>!") == "über-größe"
    parsed = article("# Title\n\nL.\n\n## เริ่มการแปลอัตโนมัติ\n\nข้อความ\n")
    assert parsed.sections[0].slug == "เริ่มการแปลอัตโนมัติ"


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("The **bond** is [what matters](../research.md) most.", "The bond is what matters…"),
    ("Use &lt;abbr&gt; and `code` *here* now.", "Use <abbr> and code here…"),
    ("治疗关系很重要。它决定了结果。", "治疗关系…"),
    ("เริ่มการแปลอัตโนมัติ", "เริ่มการ…"),
    ("यह एक वाक्य", "यह एक…"),
])
def test_a_summary_made_from_text_is_plain_text_cut_at_a_boundary(paragraph, expected):
    """Markup is rendered and dropped, a Chinese sentence ends at its own full stop, and a cut
    in text without spaces never splits a letter from its vowel sign."""
    assert teaser([paragraph]) == expected


def test_a_summary_made_from_a_long_sentence_is_cut_and_never_blamed_on_the_editor():
    words = " ".join(["Wortzusammensetzungsungeheuer" * 3] * 3) + "."
    parsed = article(f"# Title\n\nL.\n\n## A\n\n{words}\n")
    assert len(parsed.sections[0].summary) <= 160 and not parsed.sections[0].summary_written


def test_a_to_do_the_importer_leaves_stops_the_build_until_done():
    error = error_of(FRONT + "# Title\n\nL.\n\n## A\n\nText.\n\n<!-- todo: check this -->\n")
    assert error.line == 25 and error.message.startswith("unknown marker 'todo'")


@pytest.mark.parametrize("value", ["0", "'12'", "1.5", "true"])
def test_review_every_months_is_a_whole_number_of_months(value):
    problem = error_of(FRONT.replace("reviewed:", f"review_every_months: {value}\nreviewed:")
                       + MINIMAL_BODY)
    assert problem.message.startswith("'review_every_months' must be a whole number of months")
    assert article(MINIMAL_BODY, FRONT.replace("reviewed:", "review_every_months: 12\nreviewed:")
                   ).meta.review_every_months == 12


def test_a_marker_in_code_is_code_and_stays_in_the_text():
    body = article("# Title\n\nL.\n\n## A\n\nText.\n\n```\n<!-- summary: Not one. -->\n```\n"
                   ).sections[0]
    assert "<!-- summary: Not one. -->" in body.body.markdown() and not body.summary_written


def test_a_notes_lines_are_read_as_the_page_shows_them_in_their_box():
    """Code in a note is code there: its links stay as typed on every page."""
    front = FRONT.replace("    text: Moderate, not proof.",
                          "    text: |\n      See [it](#a).\n\n          [code](#a)\n")
    note = article("# Title\n\nL.\n\n## A\n\n<!-- note: evidence -->\nText.\n", front
                   ).meta.notes["evidence"]
    from rapport.markdown_scan import Kind
    assert note.kinds[:3] == (Kind.TEXT, Kind.BLANK, Kind.CODE)


@pytest.mark.parametrize(("text", "at", "boundary"), [
    ("cafe\u0301s", 4, 5),                   # past the accent that belongs to the e
    ("ae\u0301\u0323\u0300b", 2, 5),        # past every mark of the letter, however many
    ("abc", 3, 3),                           # the end stays the end
    ("กเกเกก", 5, 3),                        # Thai: back to the nearest leading vowel…
    ("กเกก", 3, 1),
    ("เกก", 2, 2),                           # …but not to the very start: no empty cut
])
def test_a_cut_keeps_each_letter_whole_and_in_thai_starts_a_syllable(text, at, boundary):
    assert character_boundary(text, at) == boundary


def test_problems_read_as_one_line_each_in_file_and_line_order_without_repeats():
    first = ArticleError(Path("content/b.md"), 2, "second")
    problems = Problems((first, ArticleError(Path("content/a.md"), 9, "first"), first))
    assert str(problems) == ("content/a.md:9: error: first\n"
                             "content/b.md:2: error: second")


@pytest.mark.parametrize(("extra", "expected"), [
    ("short_title: [a list]\n", [(9, "'short_title' must be non-empty text")]),
    ("review_every_months: 0\n", [(9, "'review_every_months' must be a whole number of months, "
                                      "e.g. 12 for an article whose facts are rechecked "
                                      "yearly")]),
    (f"short_title: {'x' * 40}\nreview_every_months: 1\n", []),     # the limits themselves
])
def test_optional_keys_are_held_to_their_limits_at_their_own_lines(extra, expected):
    text = FRONT.replace("edits:", f"{extra}edits:") + "# Title\n\nLead.\n\n## Part\n\nText.\n"
    if not expected:
        meta = parse_article(text, Path("content/case.md")).meta
        assert (meta.short_title, meta.review_every_months) == ("x" * 40, 1)
        return
    with pytest.raises(Problems) as caught:
        parse_article(text, Path("content/case.md"))
    assert [(problem.line, problem.message) for problem in caught.value.problems] == expected
