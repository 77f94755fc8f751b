"""Read Markdown's block structure the way Python-Markdown (and so MkDocs) reads it.

The generator splits an article at its headings, so it must agree with the renderer on what a
heading is: `#` lines (no space needed, trailing `#`s dropped), setext headings (a block's
first line over a line of `=` or `-`), and never a line inside fenced code, indented code, a
raw HTML block or an HTML comment. Where CommonMark and Python-Markdown differ, Python-Markdown
wins: it is what renders the site. Pure functions over lists of lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

import markdown
from markdown.blockprocessors import HRProcessor
from markdown.extensions.admonition import AdmonitionProcessor


class Kind(Enum):
    """What a line is to the renderer."""

    TEXT = "text"          # Markdown
    BLANK = "blank"
    CODE = "code"          # fenced or indented code: shown as typed
    HTML = "html"          # a raw HTML block or an HTML comment: passed through


@dataclass(frozen=True)
class Heading:
    """A heading: `index` is its text line, `end` its last line (the underline of setext)."""

    index: int
    end: int
    level: int
    raw: str               # the heading's Markdown, attribute list included


@dataclass(frozen=True)
class OpenBlock:
    """A fenced block or raw HTML element that is never closed."""

    index: int
    what: str


# Python-Markdown's fenced_code: a fence at the start of a line, an optional language or
# attribute list, and a closing line of exactly the same fence.
FENCE_OPEN_RE = re.compile(
    r"^(?P<fence>~{3,}|`{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*"
    r"(?:hl_lines=(?P<quote>\"|')(?:.*?)(?P=quote)[ ]*)?)$")
ATX_RE = re.compile(r"^(?P<level>#{1,6})(?P<text>(?:\\.|[^\\])*?)#*$")
SETEXT_UNDERLINE_RE = re.compile(r"^[=-]+[ ]*$")
# The extensions of mkdocs.yml that change block structure (MkDocs adds tables and
# fenced_code itself); a test keeps the two lists in step.
BLOCK_EXTENSIONS = ("abbr", "admonition", "def_list", "fenced_code", "footnotes", "md_in_html",
                    "tables")
BLOCK_PARSER = markdown.Markdown(extensions=list(BLOCK_EXTENSIONS))
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
# Marks a candidate line for the parser: Supplementary Private Use Area characters, which
# mean nothing to Markdown and which no article uses.
TOKEN_OPEN, TOKEN_CLOSE = "\U000f0000", "\U000f0001"
TOKEN_RE = re.compile(f"{TOKEN_OPEN}(\\d+){TOKEN_CLOSE}")
HR_RE = HRProcessor.SEARCH_RE            # Python-Markdown's own: `---`, `***`, `_ _ _`…
ADMONITION_RE = AdmonitionProcessor.RE   # `!!! note "Title"`
HTML_OPEN_RE = re.compile(
    r"^ {0,3}<(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s[^>]*)?)(?P<self>/?)>")
COMMENT_OPEN_RE = re.compile(r"^ {0,3}<!--")
MARKDOWN_ATTRIBUTE_RE = re.compile(r"\smarkdown(?:\s*=\s*(?:\"(?:1|block|span)\"|'(?:1|block|span)'"
                                   r"|1|block|span))?(?=[\s/>]|$)")
BLOCK_LEVEL = frozenset(markdown.Markdown().block_level_elements)
VOID_BLOCK_LEVEL = frozenset({"hr"})
INDENT = "    "
# Blocks whose indented lines continue them (list items, notes, footnotes, definitions)
# rather than start code: links there are links.
CONTAINER_RE = re.compile(r"^ {0,3}(?:[*+-]\s|\d+[.)]\s|[!?]{3}\+?\s|\[\^[^\]]+\]:|:\s)")


def classify(lines: list[str]) -> tuple[list[Kind], list[OpenBlock]]:
    """The kind of every line, and the fences and HTML blocks that are never closed (which
    would swallow the rest of the article)."""
    kinds = [Kind.BLANK if not line.strip() else Kind.TEXT for line in lines]
    open_blocks: list[OpenBlock] = []
    mark_fences(lines, kinds)
    mark_html(lines, kinds, open_blocks)
    mark_indented_code(lines, kinds)
    return kinds, open_blocks


def mark_fences(lines: list[str], kinds: list[Kind]) -> None:
    """Fenced code first, as Python-Markdown's preprocessor does: an unclosed fence is text."""
    index = 0
    while index < len(lines):
        match = FENCE_OPEN_RE.match(lines[index])
        if match:
            fence = match.group("fence")
            closing = next((end for end in range(index + 1, len(lines))
                            if lines[end].rstrip(" \t") == fence), None)  # tabs: spaces
            if closing is not None:
                for number in range(index, closing + 1):
                    kinds[number] = Kind.CODE
                index = closing + 1
                continue
        index += 1


def mark_html(lines: list[str], kinds: list[Kind], open_blocks: list[OpenBlock]) -> None:
    """Raw HTML blocks (a block-level tag at the start of a line, up to its closing tag) and
    HTML comments. A block with a `markdown` attribute (md_in_html) holds Markdown: only its
    tag lines are HTML."""
    index = 0
    while index < len(lines):
        if kinds[index] is not Kind.TEXT:
            index += 1
            continue
        line = lines[index]
        if COMMENT_OPEN_RE.match(line):
            # From the last `<!--` on the line: one closed before it (`<!-- a --> <!-- b`)
            # leaves the later one open.
            end = find_line(lines, kinds, index, lambda text: "-->" in text,
                            start=line.rindex("<!--") + 4)
            if end is None:
                open_blocks.append(OpenBlock(index, "<!--"))
                end = len(lines) - 1
            mark(kinds, index, end)
            index = end + 1
            continue
        match = HTML_OPEN_RE.match(line)
        tag = match.group("tag").lower() if match else ""
        if not match or tag not in BLOCK_LEVEL:
            index += 1
            continue
        if match.group("self") or tag in VOID_BLOCK_LEVEL:
            kinds[index] = Kind.HTML
            index += 1
            continue
        end = closing_line(lines, kinds, index, tag, match.end())
        if end is None:
            open_blocks.append(OpenBlock(index, f"<{tag}>"))
            end = len(lines) - 1
        if MARKDOWN_ATTRIBUTE_RE.search(match.group("attrs") or ""):
            kinds[index] = Kind.HTML
            if end != index:
                kinds[end] = Kind.HTML
            index += 1
            continue
        mark(kinds, index, end)
        index = end + 1


def find_line(lines: list[str], kinds: list[Kind], first: int, found, start: int
              ) -> int | None:
    """The first line from `first` (searched from column `start` on that line) for which
    `found(text)` holds, staying out of fenced code."""
    for number in range(first, len(lines)):
        if kinds[number] is Kind.CODE:
            continue
        text = lines[number][start:] if number == first else lines[number]
        if found(text):
            return number
    return None


def closing_line(lines: list[str], kinds: list[Kind], first: int, tag: str, start: int
                 ) -> int | None:
    """The line that closes the element opened on line `first`, counting nested tags of the
    same name."""
    opening = re.compile(rf"<{tag}(?=[\s/>])", re.IGNORECASE)
    closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
    depth = 1
    for number in range(first, len(lines)):
        if kinds[number] is Kind.CODE:
            continue
        text = lines[number][start:] if number == first else lines[number]
        events = sorted([(m.start(), 1) for m in opening.finditer(text)]
                        + [(m.start(), -1) for m in closing.finditer(text)])
        for _, step in events:
            depth += step
            if depth == 0:
                return number
    return None


def mark(kinds: list[Kind], first: int, last: int) -> None:
    for number in range(first, last + 1):
        kinds[number] = Kind.HTML


def mark_indented_code(lines: list[str], kinds: list[Kind]) -> None:
    """A block that starts indented by four spaces (or a tab) is code, unless it continues a
    list item: such lines can never be headings either way, but their text is not prose."""
    in_list = False
    for index, line in enumerate(lines):
        if kinds[index] is not Kind.TEXT:
            if kinds[index] is not Kind.BLANK:
                in_list = False
            continue
        block_start = index == 0 or kinds[index - 1] is not Kind.TEXT
        if not line.startswith((INDENT, "\t")):
            if block_start:
                in_list = bool(CONTAINER_RE.match(line))
            continue
        if block_start and not in_list:
            number = index
            while number < len(lines) and (kinds[number] is Kind.BLANK or (
                    kinds[number] is Kind.TEXT and lines[number].startswith((INDENT, "\t")))):
                if kinds[number] is Kind.TEXT:
                    kinds[number] = Kind.CODE
                number += 1



def headings(lines: list[str], kinds: list[Kind]) -> list[Heading]:
    """Every heading Python-Markdown renders at the top level (or inside an HTML block that
    holds Markdown), in order, as its own block parser finds them. A `#` line inside a list
    item or a table, a line under an admonition, what a footnote swallows: the parser knows,
    and this does not have to. Each line that could be a heading carries an inert token, read
    back from the headings the parser makes; a line the token would change (one that reads as
    a rule, an underline or an admonition, or ends a table row) is matched by its text."""
    candidates: dict[int, Heading] = {}
    untagged: list[Heading] = []
    tagged = list(lines)
    fenced_divs = in_fenced_divs(lines, kinds)
    for index, line in enumerate(lines):
        if kinds[index] is not Kind.TEXT or index in fenced_divs:
            continue
        atx = ATX_RE.match(line)
        if atx:
            cut = atx.end("level")
            tagged[index] = line[:cut] + token(index) + line[cut:]
            candidates[index] = Heading(index, index, cut, atx.group("text").strip())
        elif (index + 1 < len(lines) and kinds[index + 1] is Kind.TEXT
              and SETEXT_UNDERLINE_RE.match(lines[index + 1])):
            level = 1 if lines[index + 1].startswith("=") else 2
            heading = Heading(index, index + 1, level, line.strip())
            if SETEXT_UNDERLINE_RE.match(line) or HR_RE.match(line) or \
                    ADMONITION_RE.search(line) or line.rstrip().endswith("|"):
                untagged.append(heading)
            else:
                tagged[index] = line + token(index)
                candidates[index] = heading
    if not candidates and not untagged:
        return []
    found = []
    for level, text in parsed_headings(tagged):
        match = TOKEN_RE.search(text)
        if match:
            heading = candidates.get(int(match.group(1)))
        else:   # the first untagged line after the last heading found, with this text
            after = found[-1].index if found else -1
            heading = next((h for h in untagged if h.index > after and h.level == level
                            and h.raw == text.strip()), None)
        if heading is not None and heading.level == level:
            found.append(heading)
    return found


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


def token(index: int) -> str:
    return f"{TOKEN_OPEN}{index}{TOKEN_CLOSE}"


def parsed_headings(lines: list[str]) -> list[tuple[int, str]]:
    """(level, raw text) of each top-level heading Python-Markdown's block parser makes, in
    order."""
    BLOCK_PARSER.reset()
    for preprocessor in BLOCK_PARSER.preprocessors:
        lines = preprocessor.run(lines)
    root = BLOCK_PARSER.parser.parseDocument(lines).getroot()
    # Only the top level: nothing nested is a section's heading (not in a list, a note, or
    # Markdown inside HTML such as `<div markdown>`, which a section page could not close).
    return [(HEADING_LEVELS[child.tag], child.text or "") for child in root
            if child.tag in HEADING_LEVELS]
