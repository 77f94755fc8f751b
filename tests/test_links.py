"""Links in articles: found, resolved from the article's folder, written for each page, and
the ids a page's headings get (what a `#fragment` may name)."""

from __future__ import annotations

from pathlib import PurePosixPath

from rapport import links
from rapport.markdown_scan import Kind, read_markdown
from rapport.sources import project_settings

PARSER = project_settings().markdown.parser

FOLDER = PurePosixPath("article")


def found(text: str) -> list[tuple[int, str]]:
    return [(link.line, link.value) for link in read_markdown(text.split("\n"), PARSER).links]


def test_links_and_pictures_are_found_where_they_render_and_a_reference_at_its_definition():
    text = ('See [a](one.md "Title") and ![b](<two words.png>) [c][ref].\n\n    [c](code.md)'
            "\n\n```\n[d](fence.md)\n```\n[ref]: three.md\n[^note]: not a link definition\n\n"
            "[unused]: four.md\n\n!!! note\n\n    In a [note](five.md).")
    assert found(text) == [(0, "one.md"), (0, "two words.png"), (7, "three.md"),
                           (14, "five.md")]


def test_links_are_rewritten_on_text_lines_only_and_keep_their_title():
    lines = ("[a](one.md 'T') [b](#x)", "", "    [c](one.md)", "", "[r]: one.md")
    kinds = read_markdown(list(lines), PARSER).kinds
    rewritten = links.rewrite_links(lines, tuple(kinds),
                                    lambda target: "new target.md" if target == "one.md" else
                                    target)
    assert rewritten == ["[a](<new target.md> 'T') [b](#x)", "", "    [c](one.md)", "",
                         "[r]: <new target.md>"]
    in_code = ("`[a](one.md)` then [a](one.md)",)
    assert links.rewrite_links(in_code, (Kind.TEXT,), lambda target: "two.md") == [
        "`[a](one.md)` then [a](two.md)"]


def test_resolving_a_relative_link_gives_a_file_under_docs_and_its_fragment():
    assert links.resolve("../help.md#talk", FOLDER) == links.Destination(
        PurePosixPath("help.md"), "talk")
    assert links.resolve("./part.md?x=1", FOLDER) == links.Destination(
        PurePosixPath("article/part.md"), "")
    assert links.resolve("caf%C3%A9.md#%C3%A9t%C3%A9", FOLDER) == links.Destination(
        PurePosixPath("article/café.md"), "été")


def test_links_that_cannot_work_say_why():
    assert "starts with '/'" in links.resolve("/help.md", FOLDER)
    assert "leads out of the docs folder" in links.resolve("../../x.md", FOLDER)
    assert "leads out of the docs folder" in links.resolve("../..", FOLDER)
    assert "points at a folder" in links.resolve("../help/", FOLDER)


def test_absolute_addresses_are_left_alone():
    for target in ("https://example.org/", "mailto:x@example.org", "tel:109", "//cdn.example"):
        assert links.is_external(target), target
    for target in ("../help.md", "#part", "help.md"):
        assert not links.is_external(target), target


def test_a_link_is_written_relative_to_the_page_it_is_on():
    destination = links.Destination(PurePosixPath("article/part.md"), "x")
    assert links.relative_href(destination, PurePosixPath("index.md")) == "article/part.md#x"
    assert links.relative_href(destination, PurePosixPath("article/index.md")) == "part.md#x"
    assert links.relative_href(links.Destination(PurePosixPath("help.md"), ""),
                               PurePosixPath("a/b/index.md")) == "../../help.md"


def test_page_ids_are_the_ids_mkdocs_gives_the_headings_not_the_front_matter():
    page = ("---\ntitle: Not a heading\nlist:\n  - item\n---\n\n# Title\n\n## Same\n\n"
            "## Same\n\nText[^n] and <span id='raw'>x</span>.\n{: #explicit }\n\n"
            "```\n## In code {#code}\n<span id=\"code\">\n```\n\nSetext\n------\n\n"
            "- A list\n\n    ### Nested too\n\n[^n]: A note.\n")
    assert links.page_ids(page, PARSER) == {"title", "same", "same_1", "explicit", "raw",
                                            "setext", "nested-too", "fn:n", "fnref:n"}


def test_front_matter_gives_no_ids_whichever_line_closes_it_as_mkdocs_reads_it():
    for closing in ("---", "..."):
        page = f"---\ntitle: Looks like a heading\nnote: see {{#trap}}\n{closing}\n# Real\n"
        assert links.page_ids(page, PARSER) == {"real"}
    # MkDocs keeps front matter that is not YAML as text, and drops key: value lines.
    assert links.page_ids("---\n[a list\n---\n# Real\n", PARSER) == {"a-list", "real"}
    assert links.page_ids("Title: Meta-data\n\nText\n{: #kept}\n", PARSER) == {"kept"}


def test_ids_after_code_and_footnotes_further_down_are_all_found():
    page = ("```\n{#in-code}\n```\n\nAfter code\n{: #after}\n\nA claim.[^a] Another.[^b]\n\n"
            "[^a]: One.\n[^b]: Two.\n")
    assert links.page_ids(page, PARSER) == {"after", "fn:a", "fnref:a", "fn:b", "fnref:b"}


def test_a_link_right_after_inline_code_is_a_link():
    assert found("Type `ls`[then read this](real.md).") == [(0, "real.md")]


def test_page_ids_of_a_page_without_front_matter_or_with_one_never_closed():
    assert links.page_ids("# One\n\n## Two {#second}\n", PARSER) == {"one", "second"}
    assert links.page_ids("---\n# Title\n", PARSER) == {"title"}


def test_a_missing_anchor_is_one_the_target_page_does_not_have():
    ids = lambda path, fragment: {PurePosixPath("help.md"): {"talk"}}[path]  # noqa: E731
    assert not links.missing_anchor(links.Destination(PurePosixPath("help.md"), "talk"), ids)
    assert links.missing_anchor(links.Destination(PurePosixPath("help.md"), "gone"), ids)
    assert not links.missing_anchor(links.Destination(PurePosixPath("help.md"), ""), ids)
    assert not links.missing_anchor(links.Destination(PurePosixPath("a.png"), "x"), ids)


def test_a_link_written_as_inline_code_is_code_not_a_link():
    assert found("Write `[x](page.md)` for a link, as in [this](real.md).") == [(0, "real.md")]


def test_a_span_holds_its_first_position_and_not_its_end():
    spans = [(3, 5), (9, 12)]
    assert [position for position in range(14) if links.in_spans(position, spans)] == \
        [3, 4, 9, 10, 11]


def test_only_a_target_wholly_in_angle_brackets_loses_them():
    assert links.unbracket("<two words.md>") == "two words.md"
    assert links.unbracket("<two.md") == "<two.md"
    assert links.unbracket("two.md>") == "two.md>"
    assert links.unbracket("two.md") == "two.md"


def test_a_target_written_with_escapes_or_entities_is_found_and_written_for_each_page():
    """Found in review: the renderer's `#a-part` for `#a\\-part` is the same link."""
    assert found("[x](#a\\-part) [y](miss\\_ing.md)\n\n[z](a&amp;b.md)") == [
        (0, "#a-part"), (0, "miss_ing.md"), (2, "a&b.md")]
    assert links.rewrite_links(("[y](miss\\_ing.md)",), (Kind.TEXT,), lambda target: target
                               ) == ["[y](miss\\_ing.md)"]
    assert links.rewrite_links(("[x](#a\\-part)",), (Kind.TEXT,),
                               lambda target: "a-part.md" if target == "#a-part" else target
                               ) == ["[x](a-part.md)"]


def test_a_pages_links_are_found_at_their_lines_past_its_front_matter():
    """A hand-written page's links as MkDocs checks them, each at the line that writes it
    (0-based, front matter counted): what a backslash escaped put back (`a\\_b.md` is
    `a_b.md`, not the placeholder Python-Markdown holds until its last tree processor, and
    `\\|` is escaped as `tables` has it), an `href` an attribute list sets, and the same
    target twice at its own two lines; not toc's permalink to the heading."""
    page = ("---\ntitle: Hand\n---\n\n# Hand\n\n[one](gone.md)\n\n"
            "[two](a\\_b.md) and ![three](c.png) [four](x\\|y.md)\n\n"
            '[five](old.md){: href="new.md" }\n\n[one again](gone.md)\n')
    assert links.page_links(page, PARSER) == [
        links.Link(6, "gone.md"), links.Link(8, "a_b.md"), links.Link(8, "c.png"),
        links.Link(8, "x|y.md"), links.Link(10, "new.md"), links.Link(12, "gone.md")]


def test_a_page_of_front_matter_alone_has_no_links_not_the_last_pages():
    links.page_links("# Before\n\n[a](gone.md)\n", PARSER)
    assert links.page_links("---\ntitle: Only front matter\n---\n", PARSER) == []
