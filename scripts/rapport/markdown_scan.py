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
HTML_OPEN_RE = re.compile(
    r"^ {0,3}<(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s[^>]*)?)(?P<self>/?)>")
COMMENT_OPEN_RE = re.compile(r"^ {0,3}<!--")
MARKDOWN_ATTRIBUTE_RE = re.compile(r"\smarkdown(?:\s*=\s*(?:\"(?:1|block|span)\"|'(?:1|block|span)'"
                                   r"|1|block|span))?(?=[\s/>]|$)")
BLOCK_LEVEL = frozenset(markdown.Markdown().block_level_elements)
VOID_BLOCK_LEVEL = frozenset({"hr"})
INDENT = "    "


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
                            if lines[end].rstrip(" ") == fence), None)
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
            end = find_line(lines, kinds, index, lambda text: "-->" in text,
                            start=line.index("<!--") + 4)
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


def find_line(lines: list[str], kinds: list[Kind], first: int, found, start: int = 0
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
                in_list = bool(re.match(r"^ {0,3}(?:[*+-]|\d+[.)])\s", line))
            continue
        if block_start and not in_list:
            number = index
            while number < len(lines) and (kinds[number] is Kind.BLANK or (
                    kinds[number] is Kind.TEXT and lines[number].startswith((INDENT, "\t")))):
                if kinds[number] is Kind.TEXT:
                    kinds[number] = Kind.CODE
                number += 1


def headings(lines: list[str], kinds: list[Kind]) -> list[Heading]:
    """Every heading Python-Markdown would render, in order."""
    found: list[Heading] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if kinds[index] is not Kind.TEXT:
            index += 1
            continue
        atx = ATX_RE.match(line)
        if atx:
            found.append(Heading(index, index, len(atx.group("level")),
                                 atx.group("text").strip()))
            index += 1
            continue
        if (index + 1 < len(lines) and kinds[index + 1] is Kind.TEXT
                and SETEXT_UNDERLINE_RE.match(lines[index + 1])
                and not line.startswith((INDENT, "\t")) and starts_block(lines, kinds, index)):
            level = 1 if lines[index + 1].startswith("=") else 2
            found.append(Heading(index, index + 1, level, line.strip()))
            index += 2
            continue
        index += 1
    return found


def starts_block(lines: list[str], kinds: list[Kind], index: int) -> bool:
    """Whether a line begins a block: after a blank line, an HTML block or comment, or an ATX
    heading (Python-Markdown parses what follows a heading as a new block)."""
    if index == 0:
        return True
    before = index - 1
    return kinds[before] in (Kind.BLANK, Kind.HTML) or (
        kinds[before] is Kind.TEXT and bool(ATX_RE.match(lines[before])))
