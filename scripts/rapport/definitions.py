"""Footnote, link reference and abbreviation definitions: the labels Python-Markdown's parse
registered, from its own stores, and which lines hold each, so that the generator can move
them out of an article's text and give each page the ones it uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.abbr import AbbrBlockprocessor

from .line_kinds import Kind

FOOTNOTE_DEFINITION_RE = re.compile(r"^ {0,3}\[\^([^\]]+)\]:")
REFERENCE_DEFINITION_RE = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:\s*\S")
ABBREVIATION_RE = re.compile(r"^\*\[([^\]]+)\]:")
# A reference's or an abbreviation's title may follow on the next line: Python-Markdown's own
# patterns say how far each reaches.
SPANS = {"reference": ReferenceProcessor.RE, "abbreviation": AbbrBlockprocessor.RE}


@dataclass(frozen=True)
class Defined:
    """The labels Python-Markdown's parse registered as defined: link references (lowercase,
    as it keys them), footnotes and abbreviations, from its own stores."""

    references: frozenset[str] = frozenset()
    footnotes: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()


def defined(parser: markdown.Markdown) -> Defined:
    """What the parse registered, read from Python-Markdown's own stores (the footnotes' and
    abbreviations' live in their block processors; a footnote's own text was parsed by the
    footnotes' tree processor, so what it defines counts too)."""
    processors = parser.parser.blockprocessors
    return Defined(
        frozenset(parser.references),
        frozenset(processors["footnote"].footnotes.footnotes) if "footnote" in processors
        else frozenset(),
        frozenset(processors["abbr"].abbrs) if "abbr" in processors else frozenset())


def definition_spans(lines: list[str], kinds: list[Kind], defined: Defined
                     ) -> list[tuple[int, int, str, str]]:
    """(first line, end, label, kind) of each footnote, link reference and abbreviation
    definition in `lines`: one Python-Markdown registered (`defined`), from its first line
    (a footnote's block and its indented paragraphs, a title on the next line), as
    tests/test_article.py pins against the renderer."""
    spans = []
    index = 0
    while index < len(lines):
        found = None
        if kinds[index] is Kind.TEXT:
            for regex, what, labels, key in (
                    (FOOTNOTE_DEFINITION_RE, "footnote", defined.footnotes, str),
                    (ABBREVIATION_RE, "abbreviation", defined.abbreviations, str.strip),
                    (REFERENCE_DEFINITION_RE, "reference", defined.references,
                     lambda label: label.strip().lower())):   # as Python-Markdown keys them
                match = regex.match(lines[index])
                if match and key(match.group(1)) in labels:
                    found = (match.group(1), what)
                    break
        if found is None:
            index += 1
            continue
        end = index + 1
        while found[1] == "footnote" and end < len(lines) and lines[end].strip() \
                and not FOOTNOTE_DEFINITION_RE.match(lines[end]):
            end += 1            # the rest of its block is the footnote's, up to the next one
        if found[1] in SPANS:
            match = SPANS[found[1]].match("\n".join(lines[index:index + 3]))
            end = index + (match.group(0).count("\n") if match else 0) + 1
        if found[1] == "footnote":  # its paragraphs continue indented by four spaces
            while end < len(lines) and (
                    lines[end].startswith(("    ", "\t")) or
                    (not lines[end].strip() and end + 1 < len(lines)
                     and lines[end + 1].startswith(("    ", "\t")))):
                end += 1
        spans.append((index, end, *found))
        index = end
    return spans


def labels_defined_twice(definitions: list[tuple[str, str, tuple[str, ...], int]]
                         ) -> list[tuple[int, str, int]]:
    """(line, label, the first's line) of each definition whose label was defined before (a
    reference in a footnote's text counts): only one of them renders, and which one may
    differ from page to page, as each page has only the footnotes it uses."""
    seen: dict[tuple[str, str], int] = {}
    twice = []
    for kind, label, lines, first in definitions:
        found = [(kind, label, first)]
        if kind == "footnote":
            found += [("reference", match.group(1), first + offset)
                      for offset, line in enumerate(lines)
                      if (match := REFERENCE_DEFINITION_RE.match(line.strip()))]
        for what, name, line in found:
            key = (what, name.strip().lower() if what == "reference" else name)
            if key in seen:
                twice.append((line, name, seen[key]))
            seen.setdefault(key, line)
    return twice

