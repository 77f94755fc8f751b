"""Links in an article's Markdown: find them, resolve them, and write them for another page.

An article is written as one document whose pages all sit in `docs/<name>/`; the generator
splits it into pages, so a link to one of its own headings (`#how-rapport-is-built`) must
point at the page that now holds that heading, and the lead's links must still work from the
home page. A relative link to a file that does not exist, or to a heading no page has, is a
problem with the article's line, found here and not by a failing strict build later.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from pathlib import PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote
from xml.etree import ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils.meta import get_data

from .markdown_scan import LINK_ATTRIBUTE, Kind, as_rendered, locate

# Inline links and images: [text](target "title"), ![alt](<target with spaces>).
INLINE_RE = re.compile(r"(?P<head>!?\[(?:[^\]\\\n]|\\.)*\]\(\s*)(?P<target><[^>\n]*>|[^)\s]+)"
                       r"(?=(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\))")
# Link reference definitions: [label]: target "title".
DEFINITION_RE = re.compile(r"^(?P<head> {0,3}\[[^\]^\n][^\]\n]*\]:\s*)(?P<target><[^>\n]*>|\S+)")
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# An element's id, or an anchor's name (`<a name="x">`, which browsers and MkDocs take as one).
ID_ATTRIBUTE_RE = re.compile(r"""\s(?:id|name)=(?:"([^"]*)"|'([^']*)')""")
CODE_SPAN_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")


class Link(NamedTuple):
    """A link target as written, and the 0-based line it is on."""

    line: int
    target: str


@dataclass(frozen=True)
class Destination:
    """Where a relative link leads: a file under docs/ and an optional heading id."""

    path: PurePosixPath
    fragment: str = ""


def rewrite_links(lines: tuple[str, ...], kinds: tuple[Kind, ...], href: Callable[[str], str]
                  ) -> list[str]:
    """The lines with every link target replaced by `href(target)`; code and HTML as is."""

    def rewrite(line: str) -> str:
        code = code_spans(line)

        def replace(match: re.Match[str]) -> str:
            target = unbracket(match.group("target"))
            new = href(target)
            if new == target and (rendered := as_rendered(target)) != target:
                new = href(rendered) if href(rendered) != rendered else target
            if new == target or in_spans(match.start(), code):
                return match.group(0)
            return match.group("head") + (f"<{new}>" if " " in new else new)

        return DEFINITION_RE.sub(replace, INLINE_RE.sub(replace, line))

    return [rewrite(line) if kind is Kind.TEXT and may_link(line) else line
            for line, kind in zip(lines, kinds)]


def may_link(line: str) -> bool:
    """Whether a line has what INLINE_RE or DEFINITION_RE needs: most lines are prose and
    have neither, and these regexes cost more than the check."""
    return "](" in line or "]:" in line


def code_spans(line: str) -> list[tuple[int, int]]:
    """Where a line's inline code is: a link written there is code, not a link."""
    if "`" not in line:
        return []
    return [match.span() for match in CODE_SPAN_RE.finditer(line)]


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `position` falls in one of the half-open `(start, end)` spans (code spans)."""
    return any(start <= position < end for start, end in spans)


def unbracket(target: str) -> str:
    """`<a b.md>` (CommonMark's form for a target with spaces) is `a b.md`; a lone bracket
    is part of the target."""
    return target[1:-1] if target.startswith("<") and target.endswith(">") else target


def is_external(target: str) -> bool:
    """Absolute URLs (https:, mailto:, tel:…) and protocol-relative ones are left alone."""
    return bool(SCHEME_RE.match(target)) or target.startswith("//")


def resolve(target: str, folder: PurePosixPath) -> Destination | str:
    """A relative link written in the article (whose pages sit in `folder`), as a file under
    docs/ and a fragment; or, if it cannot work, what is wrong."""
    path, _, fragment = target.partition("#")
    path = unquote(path.partition("?")[0])
    if path.startswith("/"):
        return (f"link '{target}' starts with '/', which breaks when the site is not at the "
                "root of its host: write it relative to the article's pages, e.g. ../help.md")
    joined = posixpath.normpath(posixpath.join(folder.as_posix(), path))
    if joined == ".." or joined.startswith("../"):
        return f"link '{target}' leads out of the docs folder: link to a page of the site"
    if path.endswith("/"):
        return (f"link '{target}' points at a folder: link to the page's file instead, e.g. "
                f"{path.rstrip('/')}.md or {path}index.md")
    return Destination(PurePosixPath(joined), unquote(fragment))


def relative_href(destination: Destination, page: PurePosixPath) -> str:
    """The link from the page at `page` (under docs/) to `destination`."""
    relative = relative_path(destination.path.as_posix(), page.parent.as_posix())
    return relative + (f"#{destination.fragment}" if destination.fragment else "")


@functools.lru_cache(maxsize=4096)
def relative_path(target: str, folder: str) -> str:
    """`posixpath.relpath`, remembered: an article's pages share a folder and their links."""
    return posixpath.relpath(target, folder)


# --- the links a page has, as the renderer finds them ---------------------------------------


class LinkCollector(Treeprocessor):
    """Python-Markdown's own idea of a page's links: every `<a href>` and `<img src>` of the
    finished tree, as MkDocs checks them (after `attr_list`, which may set an `href`, and
    `unescape`, which puts back what a backslash escaped), in the order of the page; nothing
    from code or raw HTML, which are stashed, and none of toc's permalinks, which the page
    does not write."""

    NAME = "rapport_links"

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: list[str] = []

    def run(self, root: etree.Element) -> None:
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        permalink = toc.permalink_class if toc is not None and toc.use_permalinks else None
        self.found = [target for element in root.iter()
                      if element.tag in LINK_ATTRIBUTE
                      and (target := element.get(LINK_ATTRIBUTE[element.tag]))
                      and not (permalink and element.get("class") == permalink)]


def page_links(markdown_text: str, parser: markdown.Markdown) -> list[Link]:
    """Every link and image target of a page as the renderer finds it, each with the 0-based
    line of the page it is written on, found as an article's are (`markdown_scan.locate`)."""
    if LinkCollector.NAME not in parser.treeprocessors:
        # Last, after `unescape` (0).
        parser.treeprocessors.register(LinkCollector(parser), LinkCollector.NAME, -1)
    collector = parser.treeprocessors[LinkCollector.NAME]
    collector.found = []        # a page of front matter alone runs no tree processor
    body, _ = get_data(markdown_text)
    parser.reset().convert(body)
    lines = markdown_text.split("\n")
    start = len(lines) - len(body.split("\n"))
    return [Link(start + found.line, found.value)
            for found in locate(lines[start:], collector.found)]


# --- the ids a page's headings get ------------------------------------------------------------


def page_ids(markdown_text: str, parser: markdown.Markdown) -> set[str]:
    """The ids a page's HTML will have, as MkDocs makes it: what a link's `#fragment` may
    name. Python-Markdown renders the page with the site's extensions and its heading slugs,
    so every id is there (headings anywhere, attribute lists, footnotes, raw HTML) and no
    other (nothing from the front matter or from code)."""
    body, _ = get_data(markdown_text)
    html = parser.reset().convert(body)
    return {unescape(double or single) for double, single in ID_ATTRIBUTE_RE.findall(html)}


def missing_anchor(destination: Destination,
                   ids: Callable[[PurePosixPath, str], set[str] | frozenset[str]]) -> bool:
    """Whether a link names a heading that its target page does not have (`ids`: the ids of
    a page, given the fragment sought)."""
    if not destination.fragment or destination.path.suffix != ".md":
        return False
    return destination.fragment not in ids(destination.path, destination.fragment)
