"""Which of an article's lines are code, raw HTML or text, as Python-Markdown's own
preprocessors decide: they stash fenced code and raw HTML blocks (and elements holding
Markdown, whose inner lines are matched the same way), each as a placeholder line, and keep
every other line as it was. Matching each placeholder back to the lines it came from gives
every line's kind. Indented code is the block parser's to decide: its code blocks are found
in the source once the tree is made (`mark_indented_code`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from xml.etree import ElementTree as etree

import markdown
from markdown.util import HTML_PLACEHOLDER_RE


class Kind(Enum):
    """What a line is to the renderer."""

    TEXT = "text"          # Markdown
    BLANK = "blank"
    CODE = "code"          # fenced or indented code: shown as typed
    HTML = "html"          # a raw HTML block or an HTML comment: passed through


@dataclass(frozen=True)
class OpenBlock:
    """A raw HTML element or comment that is never closed."""

    index: int
    what: str


TAG_NAME_RE = re.compile(r"^\s*<([A-Za-z][A-Za-z0-9-]*)")
VOID_TAGS = frozenset({"hr", "br", "img", "input", "meta", "link", "source", "wbr", "area",
                       "base", "col", "embed", "param", "track"})


def preprocess(lines: list[str], parser: markdown.Markdown) -> tuple[list[str], int]:
    """The lines after the site's preprocessors, and how many stashed blocks are fenced code
    (the fenced code preprocessor runs before the raw HTML one)."""
    fenced = 0
    fences = parser.preprocessors["fenced_code_block"] \
        if "fenced_code_block" in parser.preprocessors else None
    for preprocessor in parser.preprocessors:            # in the registry's order
        lines = preprocessor.run(lines)
        if preprocessor is fences:
            fenced = len(parser.htmlStash.rawHtmlBlocks)
    return lines, fenced


def align(source: list[str], processed: list[str], stash: list, fenced: int, tab_length: int
          ) -> tuple[list[Kind], list[int | None], list[OpenBlock], set[int]]:
    """Each source line's kind, its index in the processed lines (None if stashed), the
    blocks never closed, and the lines that are a raw HTML block (or comment) on their own.
    The preprocessors keep every line they do not stash, in order; each stashed block becomes
    a placeholder line, with blank lines around it and any text after its closing tag below."""
    norm = [line.expandtabs(tab_length) if line.strip() else "" for line in source]
    kinds = [Kind.TEXT if line else Kind.BLANK for line in norm]
    position: list[int | None] = [None] * len(norm)
    open_blocks: list[OpenBlock] = []
    lone: set[int] = set()
    align_span(norm, 0, len(norm), processed, stash, fenced, kinds, position, open_blocks, lone)
    for index, line in enumerate(norm):   # Python-Markdown leaves an unclosed comment as text
        if kinds[index] is Kind.TEXT and "<!--" in line and "-->" not in line[line.rindex("<!--"):]:
            open_blocks.append(OpenBlock(index, "<!--"))
    return kinds, position, sorted(set(open_blocks), key=lambda block: block.index), lone


def align_span(norm: list[str], start: int, stop: int, processed: list[str], stash: list,
               fenced: int, kinds: list[Kind], position: list[int | None] | None,
               open_blocks: list[OpenBlock], lone: set[int]) -> int:
    """Align source lines `start`..`stop` with `processed` (the top level, or the inner
    lines of a Markdown-holding HTML element, whose lines have no position); return the line
    after the last one matched. Fenced code is where the next source lines are; a raw HTML
    block is found by its first line (the parser may stash one that shares a line with
    another after the text that follows it)."""
    cursor, last_end = start, None       # the last stashed block's last line
    shared = False                       # whether more than that block is on its last line
    for j, line in enumerate(processed):
        placeholders = list(HTML_PLACEHOLDER_RE.finditer(line))
        if not placeholders:
            if not line.strip():
                continue                    # a blank line a preprocessor added
            if not (cursor < stop and norm[cursor] == line) and last_end is not None \
                    and kinds[last_end] is Kind.HTML and norm[last_end].endswith(line):
                continue                    # text after a raw HTML block's closing tag
            found = next((k for k in range(cursor, stop) if norm[k] == line), None)
            if found is not None:           # else a line a preprocessor changed (a snippet)
                if position is not None:
                    position[found] = j
                cursor = found + 1
            continue
        for placeholder in placeholders:
            index = int(placeholder.group(1))
            block = stash[index]
            if isinstance(block, str) and index < fenced:
                first = min(next((k for k in range(cursor, stop) if norm[k]), cursor), stop - 1)
                end = min(first + block.count("\n") + 1, stop - 1)   # and its two fences
                shared = False
                mark_span(kinds, first, end, Kind.CODE)
            elif isinstance(block, str):
                head = block.split("\n")[0].strip()
                first = next((k for k in range(last_end if shared else cursor, stop)
                              if head in norm[k]), cursor)
                end = min(first + stashed_lines(block, stash, fenced) - 1, stop - 1)
                shared = not norm[end].rstrip().endswith(block.rstrip().split("\n")[-1].strip())
                mark_span(kinds, first, end, Kind.HTML)
                if first == end and norm[first].strip() == block.strip():
                    lone.add(first)
                if end >= last_text(norm, stop) and not closed(block):
                    open_blocks.append(OpenBlock(first, f"<{tag_name(block)}>"))
            else:   # an element md_in_html keeps whole: one holding Markdown, or raw in one
                first = min(next((k for k in range(cursor, stop) if norm[k]), cursor), stop - 1)
                holds_markdown = block.get("markdown") is not None
                inner = (block.text or "").split("\n")[1:] if holds_markdown else []
                after = align_span(norm, first + 1, stop, inner, stash, fenced, kinds, None,
                                   open_blocks, lone)
                end = closing_tag_line(norm, after, stop, block.tag)
                if end is None:             # the parser closed it after its last inner line
                    open_blocks.append(OpenBlock(first, f"<{block.tag}>"))
                    end = after - 1
                end = max(end, first)
                if holds_markdown:
                    kinds[first] = kinds[end] = Kind.HTML
                else:
                    mark_span(kinds, first, end, Kind.HTML)
                shared = False
            last_end = end
            cursor = max(cursor, end + 1)
    return cursor


def mark_span(kinds: list[Kind], first: int, end: int, kind: Kind) -> None:
    kinds[first:end + 1] = [kind] * (end + 1 - first)


def stashed_lines(block: str, stash: list, fenced: int) -> int:
    """How many source lines a raw HTML block took: its own, less the blank line the fenced
    code preprocessor put on each side of a placeholder, plus that code's lines."""
    count = block.rstrip("\n").count("\n") + 1
    for inner in HTML_PLACEHOLDER_RE.finditer(block):
        index = int(inner.group(1))
        if index < fenced:
            count += stash[index].count("\n") + 2 - 3
    return count


def closing_tag_line(norm: list[str], cursor: int, stop: int, tag: str) -> int | None:
    """The line of an element's closing tag: the first that holds one from the last inner
    line the parser kept (`cursor` is the line after it) on, as `Text</div>` ends an element
    on its own last line; None if none does."""
    closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
    return next((number for number in range(max(cursor - 1, 0), stop)
                 if closing.search(norm[number])), None)


def last_text(norm: list[str], stop: int) -> int:
    return next((index for index in range(stop - 1, -1, -1) if norm[index]), 0)


def tag_name(block: str) -> str:
    match = TAG_NAME_RE.match(block)
    return match.group(1).lower() if match else "html"


def closed(block: str) -> bool:
    """Whether a raw HTML block that reaches the end of the article ends its first element:
    one that does not swallows everything after it."""
    name = tag_name(block)
    text = block.rstrip()
    return (text.startswith("<!--") or name in VOID_TAGS or text.endswith("/>")
            or re.search(rf"</{name}\s*>$", text, re.IGNORECASE) is not None)


def mark_indented_code(root: etree.Element, norm: list[str], kinds: list[Kind]) -> None:
    """Indented code is where the block parser made it (not a list item's or a note's
    paragraphs): each `<pre><code>` in the tree (fenced code is stashed, not there) is found
    in the source as the same lines, in order, each behind its indentation."""
    cursor = 0
    for pre in root.iter("pre"):
        code = pre.find("code")
        if code is None or not code.text:
            continue
        block = unescape_code(code.text).rstrip().split("\n")
        start = find_run(norm, block, cursor)
        if start is None:
            start = find_run(norm, block, 0)    # a footnote's code: its text comes last
        if start is None:
            continue
        for index in range(start, start + len(block)):
            if kinds[index] is Kind.TEXT:
                kinds[index] = Kind.CODE
        cursor = start + len(block)


def unescape_code(text: str) -> str:
    """Python-Markdown's `code_escape`, undone."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def find_run(norm: list[str], block: list[str], start: int) -> int | None:
    """The first line from `start` where the source holds `block`, line by line, each line
    behind indentation (and a quote's `>`)."""
    def holds(line: str, code: str) -> bool:
        if not code.strip():
            return not line.strip()
        return line.endswith(code) and len(line) - len(code) >= 4 \
            and not line[:len(line) - len(code)].strip(" >")

    last = len(norm) - len(block)
    return next((index for index in range(start, last + 1)
                 if holds(norm[index], block[0])
                 and all(holds(norm[index + n], text) for n, text in enumerate(block[1:], 1))),
                None)
