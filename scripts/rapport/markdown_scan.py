"""Read an article the way Python-Markdown (and so MkDocs) reads it, in one pass of the site's
own parser: what each line is, the headings, the definitions, the links, the ids and the
markup it makes.

The generator splits an article at its headings and rewrites its links around code, so it
must agree with the renderer on what is code, raw HTML or text, and on what a heading is. It
does not decide that itself: the site's preprocessors stash fenced code and raw HTML (each
stashed block is matched back to the lines it came from), the block parser makes the
headings and the indented code (a line that could be either carries an inert token, read
back from where the parser put it), and the tree processors make the links and ids. Nothing
is serialised: what a reader's browser would get is read from the tree and from the stash.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple
from xml.etree import ElementTree as etree

import markdown
from markdown.blockprocessors import HRProcessor
from markdown.extensions.admonition import AdmonitionProcessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX, AtomicString

from .definitions import Defined, defined
from .line_kinds import Kind, OpenBlock, align, mark_indented_code, preprocess
from .site_markdown import MKDOCS_BUILTINS


@dataclass(frozen=True)
class Heading:
    """A heading: `index` is its text line, `end` its last line (the underline of setext)."""

    index: int
    end: int
    level: int
    raw: str               # the heading's Markdown, attribute list included


class Found(NamedTuple):
    """Something the renderer made (a link target, an id), with the 0-based line it is
    written on."""

    line: int
    value: str


class Element(NamedTuple):
    """A start tag a reader's browser gets, as (name, attributes): `raw` when written as HTML
    in the article, not made from Markdown."""

    tag: str
    attributes: tuple[tuple[str, str], ...]
    raw: bool


@dataclass(frozen=True)
class Reading:
    """Everything the generator learns from the one pass over an article's body."""

    kinds: tuple[Kind, ...]
    headings: tuple[Heading, ...]
    defined: Defined
    open_blocks: tuple[OpenBlock, ...]
    stray_headings: tuple[Found, ...]   # title or section headings on no line of their own
    lone_html: frozenset[int]       # lines that are a raw HTML block or a comment on their own
    links: tuple[Found, ...]        # Markdown links and pictures (a reference's: its target)
    html_links: tuple[Found, ...]   # href and src written in raw HTML
    ids: tuple[Found, ...]          # ids written in the text: raw HTML anchors, {#attr lists}
    elements: tuple[Element, ...]   # every start tag, for the safety check


ATX_RE = re.compile(r"^(?P<level>#{1,6})(?P<text>(?:\\.|[^\\])*?)#*$")
SETEXT_UNDERLINE_RE = re.compile(r"^[=-]+[ ]*$")
ATTRIBUTE_LIST_END_RE = re.compile(r"\s*\{[^}]*\}\s*$")
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
# An inert token on each line that could be a heading, read back from the headings the parser
# makes. Python-Markdown's own placeholders are built the same way, between STX and ETX,
# which its preprocessors remove from the text: no article can hold one. (Digits alone
# between them would be its backslash escapes.)
HEADING_OPEN, HEADING_CLOSE = f"{STX}rapport:", ETX
HEADING_TOKEN_RE = re.compile(f"{HEADING_OPEN}(\\d+){HEADING_CLOSE}")
# Lines a token would change: a rule, an underline, an admonition, a table row's end, a
# reference, footnote or abbreviation definition (whose target or title it would join).
DEFINITION_START_RE = re.compile(r"^ {0,3}\[[^\]]*\]:|^\*\[[^\]]*\]:")
HR_RE = HRProcessor.SEARCH_RE
ADMONITION_RE = AdmonitionProcessor.RE
# The tree processors that only shape output the generator never reads: toc's ids are the
# headings' (taken from toc itself when pages are planned), prettify adds line breaks.
UNREAD_TREEPROCESSORS = frozenset({"toc", "prettify"})
INLINE_START_RE = re.compile(r"[\[<&{]")
# What a backslash escapes, asked of Python-Markdown as MkDocs always builds it (`tables` adds
# `|` to the core's list), not copied: a link target written `a\\|b.md` is `a|b.md`.
ESCAPED_CHARS = "".join(markdown.Markdown(extensions=MKDOCS_BUILTINS).ESCAPED_CHARS)
BACKSLASH_ESCAPE_RE = re.compile(rf"\\([{re.escape(ESCAPED_CHARS)}])")
# `<!-->` and `<!--->` are whole (empty) comments to a browser; Python's HTML parser would
# read on to the next `-->`, past tags the browser makes.
EMPTY_COMMENT_RE = re.compile(r"<!---?>")
ID_OF = {"a": ("id", "name")}        # an anchor's name is an id to browsers and MkDocs
LINK_ATTRIBUTE = {"a": "href", "img": "src"}


def read_markdown(lines: list[str], parser: markdown.Markdown) -> Reading:
    """One pass of the site's Python-Markdown over an article's body lines."""
    parser.reset()
    processed, fenced = preprocess(lines, parser)
    stash = parser.htmlStash.rawHtmlBlocks
    kinds, position, open_blocks, lone = align(lines, processed, stash, fenced,
                                               parser.tab_length)
    tagged, candidates, untagged = tag_lines(lines, kinds, position, processed)
    root = parser.parser.parseDocument(tagged).getroot()
    found, stray = top_level_headings(root, candidates, untagged)
    unread = {parser.treeprocessors[name] for name in UNREAD_TREEPROCESSORS
              if name in parser.treeprocessors}
    for processor in parser.treeprocessors:             # in the registry's order
        if processor is parser.treeprocessors["inline"]:
            settle_plain_text(root)
        if processor not in unread:
            root = processor.run(root) or root
    mark_indented_code(root, [line.expandtabs(parser.tab_length) for line in lines], kinds)
    elements = [*tree_elements(root), *raw_elements(stash, fenced)]
    return Reading(
        kinds=tuple(kinds), headings=tuple(found), defined=defined(parser),
        open_blocks=tuple(open_blocks), lone_html=frozenset(lone),
        stray_headings=tuple(stray_lines(lines, kinds, stray)),
        links=tuple(written(lines, [HEADING_TOKEN_RE.sub("", value)
                                    for tag, attributes, raw in elements
                                    if not raw for name, value in attributes
                                    if LINK_ATTRIBUTE.get(tag) == name])),
        html_links=tuple(sorted(locate(lines, [value for tag, attributes, raw in elements if raw
                                               for name, value in attributes
                                               if name in ("href", "src")]))),
        ids=tuple(written_ids(lines, elements)), elements=tuple(elements))


# --- tokens: the headings, as the block parser makes them ---------------------------------------


def tag_lines(source: list[str], kinds: list[Kind], position: list[int | None],
              processed: list[str]) -> tuple[list[str], dict[int, Heading], list[Heading]]:
    """The processed lines with a token on each line that could be a heading; the heading
    candidates by line, and those a token would change (a line that reads as a rule, an
    underline or an admonition, or ends a table row), which are matched by their text."""
    tagged = list(processed)
    candidates: dict[int, Heading] = {}
    untagged: list[Heading] = []
    fenced_divs = in_fenced_divs(source, kinds)
    for index, line in enumerate(source):
        at = position[index]
        if at is None or kinds[index] is not Kind.TEXT:
            continue
        if index in fenced_divs or line.startswith(("    ", "\t")):
            continue
        atx = ATX_RE.match(line)
        following = index + 1 < len(source) and kinds[index + 1] is Kind.TEXT
        if atx:
            cut = atx.end("level")
            tagged[at] = tagged[at][:cut] + heading_token(index) + tagged[at][cut:]
            candidates[index] = Heading(index, index, cut, atx.group("text").strip())
        elif following and SETEXT_UNDERLINE_RE.match(source[index + 1]):
            level = 1 if source[index + 1].startswith("=") else 2
            heading = Heading(index, index + 1, level, line.strip())
            if SETEXT_UNDERLINE_RE.match(line) or HR_RE.match(line) or \
                    ADMONITION_RE.search(line) or line.rstrip().endswith("|") or \
                    DEFINITION_START_RE.match(line):
                untagged.append(heading)
            else:   # before an attribute list, which must stay at the end
                attributes = ATTRIBUTE_LIST_END_RE.search(tagged[at])
                cut = attributes.start() if attributes else len(tagged[at])
                tagged[at] = tagged[at][:cut] + heading_token(index) + tagged[at][cut:]
                candidates[index] = heading
    return tagged, candidates, untagged


def heading_token(index: int) -> str:
    return f"{HEADING_OPEN}{index}{HEADING_CLOSE}"


def top_level_headings(root: etree.Element, candidates: dict[int, Heading],
                       untagged: list[Heading]) -> tuple[list[Heading], list[tuple[int, str]]]:
    """Every heading the block parser made at the top level, in order: only those can start a
    section (not one in a list, a note, or Markdown inside HTML such as `<div markdown>`,
    which a section page could not close); and (level, text) of each it made from no line of
    its own (text after a closing tag on the same line). Read before the inline patterns."""
    found: list[Heading] = []
    stray: list[tuple[int, str]] = []
    for child in root:
        level = HEADING_LEVELS.get(child.tag)
        if level is None:
            continue
        text = child.text or ""
        match = HEADING_TOKEN_RE.search(text)
        if match:
            heading = candidates.get(int(match.group(1)))
        else:   # the first untagged line after the last heading found, with this text
            after = found[-1].index if found else -1
            heading = next((h for h in untagged if h.index > after and h.level == level
                            and h.raw == text.strip()), None)
        if heading is not None and heading.level == level:
            found.append(heading)
        elif match is None:
            stray.append((level, text.strip()))
    return found, stray


def stray_lines(lines: list[str], kinds: list[Kind], stray: list[tuple[int, str]]
                ) -> list[Found]:
    """Where each title or section heading the parser made from no line of its own is
    written: after a closing tag (`</div>## Text`). One inside a Pandoc `:::` block starts no
    section on purpose (`in_fenced_divs`)."""
    fenced_divs = in_fenced_divs(lines, kinds)
    found = []
    for level, text in stray:
        line = next((n for n, line in enumerate(lines) if text in line), 0)
        if level <= 2 and line not in fenced_divs:
            found.append(Found(line, f"{'#' * level} {text}"))
    return found


def settle_plain_text(root: etree.Element) -> None:
    """Mark text that holds none of `[`, `<`, `&` and `{` as final, as Python-Markdown marks
    code: no inline pattern can make a link, a picture, raw HTML, an entity or an attribute
    list of it (each starts with one of them), and its emphasis is never read here. Most
    prose is such text, and the inline patterns are most of a pass's time."""
    for element in root.iter():
        for name in ("text", "tail"):
            text = getattr(element, name)
            if text and not isinstance(text, AtomicString) and not INLINE_START_RE.search(text):
                setattr(element, name, AtomicString(text))


def in_fenced_divs(lines: list[str], kinds: list[Kind]) -> set[int]:
    """The lines of Pandoc's fenced divs (`::: note` … `:::`), nested or not. Python-Markdown
    reads them as text, so the page shows the colons; a section starting inside one would
    split the pair across two pages. Hand-written, because no extension of the site knows
    them; an opener never closed holds nothing."""
    inside: set[int] = set()
    openers: list[int] = []
    for index, line in enumerate(lines):
        if kinds[index] is Kind.TEXT and line.startswith(":::"):
            if line.strip(": \t"):
                openers.append(index)
            elif openers:
                start = openers.pop()
                if not openers:
                    inside.update(range(start, index + 1))
    return inside


# --- what the tree and the stash hold ------------------------------------------------------------


def tree_elements(root: etree.Element) -> list[Element]:
    """The elements Markdown made, with their attributes as a browser reads them (the
    serialiser keeps entities, which the browser then decodes)."""
    return [Element(element.tag, tuple((name.lower(), unescape(value or ""))
                                       for name, value in element.attrib.items()), False)
            for element in root.iter() if isinstance(element.tag, str) and element is not root]


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append(Element(tag, tuple((name, value or "") for name, value in attrs),
                                  True))


def raw_elements(stash: list, fenced: int) -> list[Element]:
    """The start tags of the raw HTML the article holds (blocks and inline), read by Python's
    HTML parser; fenced code is escaped text, and elements holding Markdown are in the tree."""
    reader = _StartTags()
    for block in stash[fenced:]:
        if isinstance(block, str):
            reader.feed(EMPTY_COMMENT_RE.sub("<!---->", HTML_PLACEHOLDER_RE.sub("", block)))
    reader.close()
    return reader.found


def locate(lines: list[str], values: list[str]) -> list[Found]:
    """Each value with the line it is written on: the first, from the previous value's line
    on, that holds it as written and not yet as often as it was found there (a reference
    link's is its definition's); else the first line that holds it at all."""
    found: list[Found] = []
    cursor, taken = 0, Counter[tuple[int, str]]()
    for value in values:
        line = next((n for n in range(cursor, len(lines))
                     if times_held(lines[n], value) > taken[n, value]),
                    next((n for n in range(len(lines)) if holds(lines[n], value)), cursor))
        taken[line, value] += 1
        cursor = line
        found.append(Found(line, value))
    return found


def holds(line: str, value: str) -> bool:
    """Whether a line writes `value`, as is or with backslash escapes and entities."""
    return value in line or (("\\" in line or "&" in line) and value in as_rendered(line))


def times_held(line: str, value: str) -> int:
    """How often a line writes `value` (two links to one page on a line are two)."""
    if value not in line and "\\" not in line and "&" not in line:
        return 0            # most lines: no escape or entity to undo
    return max(line.count(value), as_rendered(line).count(value))


def as_rendered(text: str) -> str:
    """Text with Python-Markdown's backslash escapes and HTML's entities undone, as a link's
    target is once rendered (`#a\\-part` is `#a-part`)."""
    return unescape(BACKSLASH_ESCAPE_RE.sub(r"\1", text))


def written(lines: list[str], values: list[str]) -> list[Found]:
    """The values the text writes itself, at their lines: not what an extension made (the
    footnotes' links and ids, the headings' ids, which are toc's)."""
    return [found for found in locate(lines, values) if holds(lines[found.line], found.value)]


def written_ids(lines: list[str], elements: list[Element]) -> list[Found]:
    """The ids the text gives its elements (an `id` or an anchor's `name` in raw HTML, `{#id}`
    in an attribute list), each at the first line that writes it so; the headings' ids are
    toc's and the footnotes' the footnotes extension's, and neither is written."""
    found = []
    for value in dict.fromkeys(value for tag, attributes, _ in elements
                               for name, value in attributes
                               if name in ID_OF.get(tag, ("id",)) and value):
        quoted = re.escape(value)
        writes = re.compile(rf"""(?:\b(?:id|name)\s*=\s*["']?{quoted}(?![\w-])"""
                            rf"|\{{[^}}]*#{quoted}(?=[\s}}]))")
        line = next((number for number, line in enumerate(lines) if value in line
                     and writes.search(line)), None)
        if line is not None:
            found.append(Found(line, value))
    return found
