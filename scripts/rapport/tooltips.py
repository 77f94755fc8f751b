"""Where glossary tooltips may go, as a Python-Markdown extension (the hook adds it).

Python-Markdown's `abbr` marks every defined word, wherever it is. A tooltip inside a page
title, a link (a card's title is one) or a reference list gets in the way of what that text
does, so those are unwrapped back to text; so is every use of a term after its first on the
page (the way a book defines a word once, and a keyboard reader does not tab through "rapport"
six times). The tooltips left can be reached with the keyboard (tabindex 0), and Material's
tooltip shows on focus.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NO_TOOLTIPS_IN = frozenset({"h1", "a", "dt"})   # titles, links, the glossary's own terms


def keeps_out(element: etree.Element) -> bool:
    """Whether tooltips stay out of this element and everything in it."""
    return element.tag in NO_TOOLTIPS_IN or (
        element.tag == "div" and "footnote" in element.get("class", "").split())


class TooltipPlacementProcessor(Treeprocessor):
    """Runs right after `abbr`: unwrap tooltips where they do not belong, focus the rest."""

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        explained: set[str] = set()
        for abbr in [element for element in root.iter("abbr")]:
            ancestor, keep = parents.get(abbr), abbr.get("title") not in explained
            while keep and ancestor is not None:
                keep = not keeps_out(ancestor)
                ancestor = parents.get(ancestor)
            if keep:
                abbr.set("tabindex", "0")
                explained.add(abbr.get("title"))
            else:
                unwrap(abbr, parents[abbr])


def unwrap(element: etree.Element, parent: etree.Element) -> None:
    """Replace `element` by its text, in place."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(element)


class TooltipPlacement(Extension):
    """The extension: one tree processor, just after `abbr` (priority 7)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802  (Python-Markdown's name)
        md.treeprocessors.register(TooltipPlacementProcessor(), "rapport_tooltips", 6.5)
