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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote

import markdown
from markdown.extensions.toc import TocExtension
from mkdocs.utils.meta import get_data

from .markdown_scan import BLOCK_EXTENSIONS, Kind
from .slugs import slugify

# Inline links and images: [text](target "title"), ![alt](<target with spaces>).
INLINE_RE = re.compile(r"(?P<head>!?\[(?:[^\]\\\n]|\\.)*\]\(\s*)(?P<target><[^>\n]*>|[^)\s]+)"
                       r"(?=(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\))")
# Link reference definitions: [label]: target "title".
DEFINITION_RE = re.compile(r"^(?P<head> {0,3}\[[^\]^\n][^\]\n]*\]:\s*)(?P<target><[^>\n]*>|\S+)")
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# An element's id, or an anchor's name (`<a name="x">`, which browsers and MkDocs take as one).
ID_ATTRIBUTE_RE = re.compile(r"""\s(?:id|name)=(?:"([^"]*)"|'([^']*)')""")
# Text that can carry an id besides its headings' (raw HTML, an attribute list): only such a
# section is rendered to learn them.
MAY_HOLD_IDS_RE = re.compile(r"""\s(?:id|name)=|\{[:#]|\{\s+[#.]""")
ID_RENDERER = markdown.Markdown(extensions=[*BLOCK_EXTENSIONS, "attr_list",
                                            TocExtension(slugify=slugify)])
HTML_LINK_RE = re.compile(r"""\s(?:href|src)=(?:"([^"]*)"|'([^']*)')""")
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


def find_links(lines: tuple[str, ...], kinds: tuple[Kind, ...]) -> Iterator[Link]:
    """Every inline link, image and reference definition in the Markdown lines."""
    for number, (line, kind) in enumerate(zip(lines, kinds)):
        if kind is not Kind.TEXT:
            continue
        code = code_spans(line)
        for regex in (INLINE_RE, DEFINITION_RE):
            for match in regex.finditer(line):
                if not in_spans(match.start(), code):
                    yield Link(number, unbracket(match.group("target")))


def find_html_links(lines: tuple[str, ...], kinds: tuple[Kind, ...]) -> Iterator[Link]:
    """Every `href` and `src` in raw HTML, block or inline (MkDocs passes raw HTML through
    as written), outside code."""
    for number, (line, kind) in enumerate(zip(lines, kinds)):
        if kind is Kind.TEXT:
            line = CODE_SPAN_RE.sub("", line)
        if kind in (Kind.HTML, Kind.TEXT):
            for double, single in HTML_LINK_RE.findall(line):
                yield Link(number, unescape(double or single))


def rewrite_links(lines: tuple[str, ...], kinds: tuple[Kind, ...], href: Callable[[str], str]
                  ) -> list[str]:
    """The lines with every link target replaced by `href(target)`; code and HTML as is."""

    def rewrite(line: str) -> str:
        code = code_spans(line)

        def replace(match: re.Match[str]) -> str:
            target = unbracket(match.group("target"))
            new = href(target)
            if new == target or in_spans(match.start(), code):
                return match.group(0)
            return match.group("head") + (f"<{new}>" if " " in new else new)

        return DEFINITION_RE.sub(replace, INLINE_RE.sub(replace, line))

    return [line if kind is not Kind.TEXT else rewrite(line) for line, kind in zip(lines, kinds)]


def code_spans(line: str) -> list[tuple[int, int]]:
    """Where a line's inline code is: a link written there is code, not a link."""
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


# --- the ids a page's headings get ------------------------------------------------------------


def page_ids(markdown_text: str) -> set[str]:
    """The ids a page's HTML will have, as MkDocs makes it: what a link's `#fragment` may
    name. Python-Markdown renders the page with the site's extensions and its heading slugs,
    so every id is there (headings anywhere, attribute lists, footnotes, raw HTML) and no
    other (nothing from the front matter or from code)."""
    body, _ = get_data(markdown_text)
    html = ID_RENDERER.reset().convert(body)
    return {unescape(double or single) for double, single in ID_ATTRIBUTE_RE.findall(html)}


def other_ids(markdown_text: str) -> set[str]:
    """The ids a piece of an article carries besides its headings' toc ids: raw HTML anchors
    (`<a id>`, `<a name>`, `<span id>`) and attribute lists (`{#x}` on any block), as the
    renderer gives them. Text that can hold none is not rendered."""
    if not MAY_HOLD_IDS_RE.search(markdown_text):
        return set()
    return page_ids(markdown_text)


def missing_anchor(destination: Destination, ids: Callable[[PurePosixPath], set[str]]) -> bool:
    """Whether a link names a heading that its target page does not have."""
    if not destination.fragment or destination.path.suffix != ".md":
        return False
    return destination.fragment not in ids(destination.path)
