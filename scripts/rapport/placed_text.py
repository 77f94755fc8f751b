"""Text a page places elsewhere than the article does: a note in its box, a lead in its card
on the home page, each indented there, with the article's definitions after it. Indented, a
fence, an HTML block or a comment is something else (text, inline HTML), and a definition
the article's text never used may be used there; so each is read, and checked, as placed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArticleError, Report
from .front_matter import Meta
from .markdown_scan import Found, Reading, read_markdown
from .safety import unsafe_markup
from .site_markdown import MarkdownSetup
from .slugs import escape_html

if TYPE_CHECKING:
    from .article import Definition, Text


# How a page nests text: page_text writes it so, and this reads an article's text so.

CARD_GRID = '<div class="grid cards" markdown>'   # Material's grid of cards, holding Markdown


def note_box(kind: str, title: str) -> str:
    """The first line of a note's box (an admonition); its text follows, indented."""
    return f'!!! {kind} "{title}"'


def indented(lines: list[str]) -> list[str]:
    """Lines nested four spaces in (a box's text, a card's, a definition's)."""
    return [f"    {line}" if line else "" for line in lines]


# As page_text places a lead: in a card of the home page's grid, below its title and rule.
CARD = [CARD_GRID, "", "-   Card", "", "    ---", ""]


def as_placed(before: list[tuple[str, int]], lines: list[str], first: int, after: list[str],
              definitions: list[Definition], markdown: MarkdownSetup
              ) -> tuple[list[str], list[int], Reading]:
    """`lines` (the first at file line `first`) indented under `before`, then `after` and the
    article's definitions, as a page has them; each line's file line; the one pass's reading."""
    placed = [text for text, _ in before] + indented(lines)
    numbers = [number for _, number in before] + list(range(first, first + len(lines)))
    placed += [*after, ""]
    numbers += [first + len(lines)] * (len(after) + 1)
    for definition in definitions:
        placed += [*definition.text.lines, ""]
        numbers += [*range(definition.text.first, definition.text.first
                           + len(definition.text.lines)), definition.text.first]
    return placed, numbers, read_markdown(placed, markdown.parser)


def read_notes(meta: Meta, definitions: list[Definition], markdown: MarkdownSetup, path: Path,
               report: Report) -> tuple[Meta, tuple[Found, ...]]:
    """The front matter's notes as the pages render them, Markdown in a box: each with its
    lines' kinds and its links, held to the same safety check as the body. A note may define
    no link, footnote or abbreviation: the body beside it would use it unchecked."""
    found: list[Found] = []
    notes = {}
    for name, note in meta.notes.items():
        before = [(note_box(note.kind, escape_html(note.title)), note.line - 1),
                  ("", note.line - 1)]
        lines = note.text.split("\n")
        placed, numbers, reading = as_placed(before, lines, note.line, [], definitions,
                                             markdown)
        report.extend(unsafe_markup(placed, reading.elements, path, numbers=numbers))
        alone = read_markdown(placed[:len(before) + len(lines)], markdown.parser).defined
        if alone.references or alone.footnotes or alone.abbreviations:
            report.add(path, note.line, f"note '{name}' defines a link, a footnote or an "
                       "abbreviation: write the address in its link, and the rest in the body")
        found.extend(Found(numbers[line], value) for line, value in reading.links
                     if line < len(before) + len(lines))
        notes[name] = replace(note, kinds=reading.kinds[len(before):len(before) + len(lines)])
    return replace(meta, notes=notes), tuple(found)


def lead_problems(lead: Text, meta: Meta, definitions: list[Definition],
                  markdown: MarkdownSetup, path: Path) -> list[ArticleError]:
    """The lead's safety, as the home page shows it: in its article's card."""
    before = [(line, lead.first) for line in CARD]
    if meta.publication:
        before += [("    *Someone writes:*", lead.first), ("", lead.first)]
    placed, numbers, reading = as_placed(before, list(lead.lines), lead.first, ["", "</div>"],
                                         definitions, markdown)
    return unsafe_markup(placed, reading.elements, path, numbers=numbers)


def at_lines(found: tuple[Found, ...], first: int) -> tuple[Found, ...]:
    return tuple(Found(first + line, value) for line, value in found)
