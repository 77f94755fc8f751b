"""The one pass against Python-Markdown itself: for any document made of the lines that give
Markdown trouble (rules and underlines, lists, tables, definitions, admonitions, footnotes,
code, raw HTML with and without Markdown in it), the headings the generator splits at are the
headings MkDocs renders at the top level, at the same levels, with the same text, and the
links it reads are the links MkDocs renders.

The oracle is a full render with the site's extensions, recorded after every tree processor
ran. A heading written right after a closing tag on the same line (`</div>## Text`) starts no
section: the generator names it as an error (tested on its own, below).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils.yaml import yaml_load
from profiles import examples
from project import ROOT
from rapport.line_kinds import closing_tag_line, find_run, last_text
from rapport.markdown_scan import Kind, read_markdown
from rapport.site_markdown import MKDOCS_BUILTINS
from rapport.sources import project_settings
from rapport.slugs import plain_text, slugify, split_attributes

SETUP = project_settings().markdown
PLACEHOLDER_RE = re.compile("\x02wzxhzdk:\\d+\x03")   # Python-Markdown's stashed raw HTML


class HeadingRecorder(Treeprocessor):
    """Records (level, text) of each heading at the top level of the page (outside lists,
    quotes, tables, admonitions and raw HTML), once every other processor has run."""

    def run(self, root: etree.Element) -> None:
        for child in root:
            if re.fullmatch(r"h[1-6]", child.tag):
                parts = [child.text or ""]
                for sub in child:       # toc's permalink (the site's "¶") is not the heading
                    if sub.get("class") != "headerlink":
                        parts.extend(sub.itertext())
                    parts.append(sub.tail or "")
                text = PLACEHOLDER_RE.sub("", "".join(parts))
                self.md.recorded.append((int(child.tag[1]), " ".join(text.split())))


class RecordHeadings(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        md.treeprocessors.register(HeadingRecorder(md), "record_headings", 0)


def rendered_headings(text: str) -> list[tuple[int, str]]:
    renderer = SETUP.markdown(RecordHeadings())
    renderer.recorded = []
    renderer.convert(text)
    return renderer.recorded


def read(lines: list[str]):
    return read_markdown(lines, SETUP.parser)


def kinds_of(lines: list[str]) -> list[Kind]:
    return list(read(lines).kinds)


def scanned_headings(text: str) -> list[tuple[int, str]]:
    return [(heading.level, plain_text(split_attributes(heading.raw)[0]))
            for heading in read(text.split("\n")).headings]


LINES = [
    "Text", "Other text", "", "", "", "---", "===", "--", "***", "- - -", "___", "# H1",
    "## H2 ##", "### H3 {#x}", "#NoSpace", "#", "## ", "####### Seven", "Text #", "Title\\",
    "  ## Two spaces", "   Three", "    indented", "\tTab", "    ---", "```", "~~~", "~~~python",
    "```{.py}", "<div>", "</div>", "<div markdown>", "<details markdown>", "</details>",
    '<section markdown="1">', "</section>", "<!-- c -->", "<!--", "-->", "<p>para</p>",
    "<hr>", "x <div>", "- item", "- # H", "* star", "+ plus", "1. one", "2) two", "> quote",
    ">", "> # Quoted", "Term", ":   Def", "| a | b |", "|---|---|", "| x |", "!!! note",
    '!!! warning "Careful"', "    In note", "    # In note", "[^1]: Foot",
    "[id]: https://example.org",
    "*[HTML]: Hyper", "Über Größe", "한국어",
]


@settings(max_examples=examples(10), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=10))
@example(["---", "Text", "---"])                       # after a rule, a new block
@example(["Para", "---", "more", "---"])               # a setext heading after another
@example(["- item", "", "    para", "# H1"])           # a list item takes the `#` line
@example(["| a | b |", "|---|---|", "#NoSpace"])       # a table takes it as a row
@example(["!!! note", "---"])                          # an admonition, then a rule
@example(["Text", ":   Def", "", "    In note", "# H1"])
@example(["[^1]: Foot", "Text", "[^2]: Foot", "==="])  # a footnote ends at the next one
@example(["Text #", "---"])                            # a setext heading keeps its `#`
@example(["!!! note", "", "    # In a note", "", "# Out"])  # a note's heading is not one
@example(["A |", "---", "", "A |", "---"])             # untaggable, same text, in order
@example(["- A |", "  ---", "", "A |", "---"])          # the first is in a list item
@example(["<!-->", "## Hidden", "-->", "## Two"])       # `-->` is looked for after `<!--`
@example(["<!-- open", "```", "-->", "```", "-->", "## H"])  # not in code inside a comment
@example(["!!! note", "    # In note", "==="])         # found by seed 108: inside the note
# Found by seeds 505 and 520 (the one pass): an element holding Markdown ends at its own
# closing tag, not at a line of the same text after it, nor after a block left open inside it.
@example(["<section markdown=\"1\">", "Text", "</section>", "Text", "---"])
@example(["<section markdown=\"1\">", "<div>", "</section>", "# H1"])
def test_the_headings_split_at_are_the_headings_mkdocs_renders(lines):
    text = "\n".join(lines)
    assume(not read(lines).open_blocks)     # unclosed blocks: the generator refuses them
    scanned, rendered = scanned_headings(text), rendered_headings(text)
    assert [level for level, _ in scanned] == [level for level, _ in rendered], text
    # Text from a reference or footnote defined elsewhere on the page renders as a link.
    assert [(mine, theirs) for (_, mine), (_, theirs) in zip(scanned, rendered)
            if "[" not in mine and mine != theirs] == [], text


def test_the_scanner_reads_blocks_with_the_extensions_mkdocs_yml_lists_and_their_options():
    """No list of extensions to keep in step: the parser is built from mkdocs.yml."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as stream:
        listed = yaml_load(stream)["markdown_extensions"]
    names = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in listed]
    assert list(SETUP.extensions) == list(dict.fromkeys(MKDOCS_BUILTINS + names))
    assert SETUP.configs["footnotes"] == {"BACKLINK_TITLE": "Back to the text"}
    assert "abbr" in SETUP.parser.parser.blockprocessors
    assert "snippet" in SETUP.parser.preprocessors


# --- raw HTML blocks ----------------------------------------------------------------------------


def test_an_html_block_closes_at_its_own_closing_tag_in_any_case_and_depth():
    html, text = Kind.HTML, Kind.TEXT
    assert kinds_of(["<div>", "<div>x</div>", "</div>", "## After"]) == [html] * 3 + [text]
    assert kinds_of(["<div>", "<DIV>", "x", "</Div >", "</DIV>", "After"]) == [html] * 5 + [text]


def test_a_closing_tag_in_code_inside_an_html_block_does_not_close_it():
    lines = ["<div markdown>", "", "```", "</div>", "```", "", "</div>", "## After"]
    reading = read(lines)
    assert not reading.open_blocks
    assert [heading.raw for heading in reading.headings] == ["After"]


def test_an_element_left_open_inside_another_ends_where_the_parser_closes_it():
    """Found by seed 520: the outer element still ends at its own closing tag, the heading
    after it is one, and the inner element is named as never closed."""
    reading = read(["<div markdown>", "<details markdown>", "</div>", "# H1"])
    assert [(heading.index, heading.raw) for heading in reading.headings] == [(3, "H1")]
    assert [(block.index, block.what) for block in reading.open_blocks] == [(1, "<details>")]
    assert rendered_headings("\n".join(["<div markdown>", "<details markdown>", "</div>",
                                        "# H1"])) == [(1, "H1")]


@pytest.mark.parametrize(("lines", "expected"), [
    (["<div>", "text"], [(0, "<div>")]),
    (["Text", "", "<div>", "x", "", ""], [(2, "<div>")]),     # blank lines after it
    (["<DIV>", "x", "</div>"], []),
    (["<hr>", "# a"], []),
    (["<div>", "x", "</div>  "], []),
    (["<div/>", "x"], []),
    (["<div>", "x", "</DIV>"], []),                          # closing tags in any case
    (["Text", "", "<hr>"], []),                              # a void element, last
    (["Text", "", "<div />"], []),                           # closed as it opens, last
    (["Text", "", "<!-- a comment -->"], []),
])
def test_a_raw_html_block_is_never_closed_only_when_it_swallows_the_rest(lines, expected):
    assert [(block.index, block.what) for block in read(lines).open_blocks] == expected


def test_a_comment_hides_every_line_up_to_the_first_close_after_it_opens():
    """`-->` counts from after `<!--` (so `<!-->` opens one), and not inside fenced code."""
    html, text = Kind.HTML, Kind.TEXT
    assert kinds_of(["<!-->", "## Hidden", "-->", "## Two"])[3] == text
    assert kinds_of(["<!-- one -->", "## H"]) == [html, text]
    assert kinds_of(["<!-- one", "two -->", "## H"]) == [html, html, text]
    assert [block.what for block in read(["Text", "<!-- never closed", "## H"]).open_blocks] \
        == ["<!--"]
    assert [(block.index, block.what) for block in read(["<div>", "swallowed", "## H"]).open_blocks
            ] == [(0, "<div>")]


def test_headings_the_token_cannot_mark_are_found_in_order_at_their_own_lines():
    """A line that ends a table row (`|`) or reads as a rule is matched by its text: the same
    text twice is two headings, each at its own line, and one swallowed by a list is none."""
    def at(lines: list[str]) -> list[tuple[int, int, str]]:
        return [(h.index, h.level, h.raw) for h in read(lines).headings]

    assert at(["A |", "---", "", "A |", "---"]) == [(0, 2, "A |"), (3, 2, "A |")]
    assert at(["- A |", "  ---", "", "A |", "---"]) == [(3, 2, "A |")]
    assert at(["A |  ", "===", "", "# B"]) == [(0, 1, "A |"), (3, 1, "B")]


def test_an_attribute_list_gives_the_heading_its_id_if_it_sets_one():
    assert split_attributes("Goals {#aims .big}") == ("Goals", "aims")
    assert split_attributes("Goals { .big }") == ("Goals", None)
    assert split_attributes("Goals") == ("Goals", None)


@pytest.mark.parametrize(("lines", "expected"), [
    (["```", "# code", "```  ", "# text"], "CCCT"),              # a closing fence may trail spaces
    (["Text", "~~~python", "x", "~~~", "```", "y", "```", "z"], "TCCCCCCT"),
    (["```", "never closed", "# text"], "TTT"),                  # no closing fence: no code
    (["```", "```", "x"], "CCT"),                                 # an empty block
    (["```", "x", "```\t", "```", "y"], "CCCTT"),                # a tab is spaces to Markdown
    (["<hr>", "# after"], "HT"),
    (["<div/>", "# after"], "HT"),
    (["<div>", "inside", "</div>", "# after"], "HHHT"),
    (['<div markdown="1">', "# Markdown", "</div>", "after"], "HTHT"),
    (["<!-- a --> <!-- b", "hidden", "-->", "# after"], "HHHT"),  # the later comment is open
    (["<!-- one", "two -->", "", "# after"], "HHBT"),
    (["<p>para</p>", "# after"], "HT"),
    (["</div>", "<div>", "inside", "</div>", "# after"], "THHHT"),  # a close before an open
    (["<span>x</span>", "text"], "TT"),                           # not a block: text
    (["<div>", "```", "</div>", "```", "</div>", "# after"], "HHHHHT"),
    # Found in review: prose between two code blocks is prose, code in an element holding
    # Markdown is code, and a paragraph's indented lines are text.
    (["    code", "See [it](#a).", "", "    more"], "CTBC"),
    (["<div markdown>", "", "    See [it](#a).", "", "</div>"], "HBCBH"),
    (["- item", "", "    para", "", "        code"], "TBTBC"),
    (["Hover", "    {: #x }"], "TT"),
    # Code is found in the source as the parser made it: escaped characters, blank lines in
    # it, a quote's `>`, the same block twice, a prose line that ends the same, a block whose
    # first line a paragraph also has, a footnote's code (its text comes last in the tree).
    (["    <b> a&b > c"], "C"),
    (["    a", "", "    b"], "CBC"),
    ([">     code"], "C"),
    (["    a", "", "text", "", "    a"], "CBTBC"),
    (["abcd", "", "    abcd"], "TBC"),
    (["- item", "", "    a", "    z", "", "        a", "        b"], "TBTTBCC"),
    (["Text[^1].", "", "[^1]: Note:", "", "        fcode", "", "Para.", "", "    main"],
     "TBTBCBTBC"),
    # Raw HTML blocks and elements: a fence of its own length inside one, tags in any case,
    # white space after a closing tag, a void tag, a raw element inside one holding Markdown.
    (["<div>", "```", "a", "b", "```", "</div>", "# after"], "HHHHHHT"),
    (["<DIV>", "x", "</div>"], "HHH"),
    (["<div>", "x", "</div>  ", "# a"], "HHHT"),
    (["<hr>", "# a"], "HT"),
    (["<div markdown>", "Text", "</DIV>", "", "## H"], "HTHBT"),
    (["<div markdown>", "Text</div>", "", "## H"], "HHBT"),
    (['<section markdown="1">', "<div>", "x", "</div>", "</section>", "# H"], "HHHHHT"),
    # What follows a raw HTML block is read on: text after its closing tag, a second block on
    # its line or the next, code in and after an element holding Markdown.
    (["<div>x</div>tail", "", "```", "code", "```", "", "# after"], "HBCCCBT"),
    (["<div>a</div><div>b</div>", "after", "", "```", "c", "```"], "HTBCCC"),
    (["<div>a</div>", "<div>a</div>", "", "```", "c", "```"], "HHBCCC"),
    (["Text", "", "<div>", "a", "", "</div>", "", "    code"], "TBHHHHBC"),
    (["<div markdown>", "", "```", "x", "```", "", "</div>", "", "```", "y", "```"],
     "HBCCCBHBCCC"),
    (["<div markdown>", "", "<p>raw</p>", "", "Text", "", "</div>", "", "    code"],
     "HBHBTBHBC"),
    (["<div markdown>", "", "Text", "", "</div>", "<div>b</div>", "", "    code"], "HBTBHHBC"),
    (["<div>", "", "", "</div>", "", "```", "x", "```"], "HHHHBCCC"),
])
def test_each_line_is_code_html_blank_or_text_as_python_markdown_reads_it(lines, expected):
    letters = {Kind.CODE: "C", Kind.HTML: "H", Kind.TEXT: "T", Kind.BLANK: "B"}
    assert "".join(letters[kind] for kind in kinds_of(lines)) == expected


def test_a_notes_text_starts_below_its_key_when_it_is_a_block():
    from rapport.yaml_lines import load, text_line_of

    def line(text: str) -> int:
        return text_line_of(load(text)[1], ("notes", "x", "text"))

    assert line("notes:\n  x:\n    text: |\n      Literal.\n") == 4
    assert line("notes:\n  x:\n    text: >\n      Folded.\n") == 4
    assert line("notes:\n  x:\n    text: Plain.\n") == 3
    assert line("notes:\n  x:\n    text:\n      - a list\n") == 1    # no text: the top
    assert line("notes: [x]\n") == 1                                # not a mapping: as found
    assert line("title: T\nnotes:\n  - x\n") == 2


# --- links, from the same pass ------------------------------------------------------------------


LINK_LINES = [
    *LINES, "See [a](one.md).", "[b][r] and ![p](pic.png)", "[r]: two.md", "`[c](code.md)`",
    "    [d](indented.md)", '<a href="raw.md">raw</a>', "Text [^1] note", "[e](<sp ace.md>)",
    "- [f](item.md)", "> [g](quote.md)", '!!! note "[h](title.md)"', "    [i](in-note.md)",
]


def rendered_links(text: str) -> list[str]:
    """The links and pictures a full render makes from Markdown (not raw HTML), that the text
    writes (the footnotes extension's own links are not the article's)."""
    from rapport import links

    return [link.target for link in links.page_links(text, SETUP.parser)
            if link.target in text]


@settings(max_examples=examples(10), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINK_LINES), min_size=1, max_size=10))
@example(["!!! note", "", "    [i](in-note.md)"])        # a note's text is Markdown, not code
@example(["    [d](indented.md)"])                         # indented: code
@example(["- item", "", "    [d](indented.md)"])           # in a list item: a link
@example(["[b][r] and ![p](pic.png)", "[r]: two.md"])      # a reference: its definition's target
def test_the_links_read_are_the_links_mkdocs_renders(lines):
    text = "\n".join(lines)
    assume(not read(lines).open_blocks)
    assume(not text.startswith(("---", "Title")))   # page_links reads front matter; this does not
    assert [found.value for found in read(lines).links] == rendered_links(text), text


def test_a_heading_after_a_closing_tag_on_its_line_is_named_not_lost():
    """The parser makes a heading of `## Text` after `</div>` on the same line; no section
    can start inside a line, so the generator names it (it used to be a known limit)."""
    lines = ["Text", "", "<div>x</div>## Stray", "more", "", "<!-- c -->## Two", "",
             "::: note", "## In a fenced div", ":::", "", "<div>", "</div>### Sub"]
    assert [(found.line, found.value) for found in read(lines).stray_headings] == [
        (2, "## Stray"), (5, "## Two")]
    assert rendered_headings("\n".join(lines))[:2] == [(2, "Stray"), (2, "Two")]


# --- line_kinds' helpers, where a whole article reaches them only at its edges -------------------


def test_the_last_text_line_before_a_stop_is_found_from_the_stop_back():
    assert last_text(["a", "b"], 2) == 1
    assert last_text(["a", "b", ""], 3) == 1
    assert last_text(["a", "", "b", ""], 4) == 2


def test_a_closing_tag_is_sought_from_the_last_inner_line_on():
    lines = ["<div markdown>", "</div>", "x", "</div>"]
    assert closing_tag_line(lines, 3, 4, "div") == 3     # not the one above the cursor's line
    assert closing_tag_line(["a", "</div>", "b", "</DIV >"], 3, 4, "div") == 3
    assert closing_tag_line(["</div>", "x"], 1, 2, "div") == 0   # on the last inner line
    assert closing_tag_line(["<div>", "x"], 1, 2, "div") is None


def test_indented_code_is_found_only_behind_indentation_or_a_quotes_marker():
    assert find_run(["text", "    code", "    more"], ["code", "more"], 0) == 1
    assert find_run(["> " + "    code"], ["code"], 0) == 0
    assert find_run(["XX  code", "Xx  code"], ["code"], 0) is None    # text, not indentation
    assert find_run(["    code", "", "    code"], ["code"], 1) == 2


def test_links_are_read_at_their_own_lines_however_they_are_written():
    """The same target on two lines is at each; two on one line are both there; a target
    with what `tables` escapes (`\\|`) or the core does (`\\>`) is read as rendered."""
    found = read(["[a](gone.md)", "", "[b](gone.md) and [c](gone.md)", "", "[d](gone.md)",
                  "", "[e](g\\|2.md) [f](g\\>3.md)"]).links
    assert [(link.line, link.value) for link in found] == [
        (0, "gone.md"), (2, "gone.md"), (2, "gone.md"), (4, "gone.md"), (6, "g|2.md"),
        (6, "g>3.md")]
