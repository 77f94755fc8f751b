"""Marks that must not wrap alone, as a Python-Markdown extension (the hook adds it).

On a phone a footnote mark can wrap to a line of its own ("…1,314 patients)." then "1"), and
a statistic can break inside ("r =" then ".278"). This joins them to what they belong to:

- a footnote mark and the word before it go in one `<span class="rapport-nowrap">`, which the
  stylesheet keeps on one line (a mark is an inline block, big enough to tap, and a line may
  break before any inline block: a joining character does not hold it);
- the spaces inside a statistic (`r = .278`, `N = 295`, `p < .05`, `95% CI`) become no-break
  spaces.

Code, preformatted text and raw HTML are left as they are.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NOWRAP_CLASS = "rapport-nowrap"
NO_BREAK_SPACE = "\u00a0"
LEAVE_ALONE = frozenset({"code", "pre", "script", "style", "kbd", "samp"})
# A statistic: a one- or two-letter symbol, a relation, a number ("r = .278", "N = 1,314",
# "p < .05", "d = −0.5"); and a percentage before its unit ("95% CI").
STATISTIC_RE = re.compile(r"\b([A-Za-z]{1,2}) ([=<>≈≤≥]) (?=[−\-+]?[\d.])")
PERCENT_UNIT_RE = re.compile(r"(\d%) (?=CI\b)")
LAST_WORD_RE = re.compile(r"(\S+)$")


def no_break_statistics(text: str) -> str:
    """`text` with no-break spaces inside its statistics."""
    text = STATISTIC_RE.sub(lambda match: NO_BREAK_SPACE.join((*match.groups(), "")), text)
    return PERCENT_UNIT_RE.sub(lambda match: match.group(1) + NO_BREAK_SPACE, text)


def is_footnote_mark(element: etree.Element) -> bool:
    """A footnote's reference mark, as the `footnotes` extension writes it: <sup><a …>."""
    return (element.tag == "sup" and len(element) == 1
            and "footnote-ref" in element[0].get("class", "").split())


class ReaderMarksProcessor(Treeprocessor):
    """After the inline patterns (footnote marks exist then): join marks and statistics."""

    def run(self, root: etree.Element) -> None:
        self.join_statistics(root)
        for parent in [element for element in root.iter() if element.tag not in LEAVE_ALONE]:
            for mark in [child for child in parent if is_footnote_mark(child)]:
                join_mark(parent, mark)

    def join_statistics(self, element: etree.Element) -> None:
        if element.tag in LEAVE_ALONE:
            if element.tail:
                element.tail = no_break_statistics(element.tail)
            return
        if element.text:
            element.text = no_break_statistics(element.text)
        for child in element:
            self.join_statistics(child)
        if element.tail:
            element.tail = no_break_statistics(element.tail)


def join_mark(parent: etree.Element, mark: etree.Element) -> None:
    """Put `mark` and the word before it (or the element before it) in one no-wrap span."""
    index = list(parent).index(mark)
    before = parent[index - 1] if index else None
    if before is not None and before.get("class") == NOWRAP_CLASS and not before.tail:
        before.append(mark)                            # a second mark right after the first
        before.tail, mark.tail = mark.tail, None
        parent.remove(mark)
        return
    span = etree.Element("span", {"class": NOWRAP_CLASS})
    text = (before.tail if before is not None else parent.text) or ""
    word = LAST_WORD_RE.search(text)
    if word:
        span.text = word.group(1)
        rest = text[:word.start()]
    elif before is not None and not text and before.tag not in LEAVE_ALONE:
        rest = ""                                      # <em>word</em><sup>: take the element
    else:
        return                                         # a space before the mark: it may wrap
    if before is not None:
        before.tail = rest
    else:
        parent.text = rest
    if not word:
        parent.remove(before)
        before.tail = None
        span.append(before)
        index -= 1
    parent.remove(mark)
    span.tail, mark.tail = mark.tail, None
    span.append(mark)
    parent.insert(index, span)


class ReaderMarks(Extension):
    """The extension: one tree processor, after the inline patterns (priority 20)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802  (Python-Markdown's name)
        md.treeprocessors.register(ReaderMarksProcessor(md), "rapport_reader_marks", 15)


def makeExtension(**kwargs: object) -> ReaderMarks:  # noqa: N802  (Python-Markdown's name)
    """Lets `markdown_extensions` load it by name (`reader_marks`) where scripts/ is importable."""
    return ReaderMarks(**kwargs)
