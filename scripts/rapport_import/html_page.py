"""Read a saved HTML page: trafilatura finds the main text (offline: it is given the HTML, never
a URL), markdownify turns that into Markdown, and lxml lists what was left out, what would have
run, and the page's own metadata."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator

import lxml.html
import markdownify
import trafilatura
from lxml.etree import ParserError

from .escaping import escape_text
from .model import Block, Dropped, Fact, Page, Place, Removed
from .provenance import choose, facts_from_lines, iso_date
from .rules import rules

ACTIVE_TAGS = {"script": "a script", "iframe": "an iframe", "frame": "a frame",
               "form": "a form", "style": "a style sheet", "object": "an embedded object",
               "embed": "an embedded object", "applet": "an applet", "noscript": "a noscript"}
LEAF_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd",
             "figcaption", "blockquote", "pre", "label", "button", "caption", "div", "span",
             "a", "time"}
SAFE_LINK_RE = re.compile(r"^https?://", re.IGNORECASE)
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
SPACE_RE = re.compile(r"\s+")


class PageConverter(markdownify.MarkdownConverter):
    """markdownify with every text node escaped for Python-Markdown (`escaping`)."""

    def escape(self, text: str, parent_tags: set[str]) -> str:
        return escape_text(text) if text else ""


class NoMainText(Exception):
    """The page holds no text that could be an article."""


def read_html(text: str) -> Page:
    """The page's main text as Markdown blocks, and what was dropped, removed and found."""
    text = XML_DECLARATION_RE.sub("", text)
    try:
        document = lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as error:
        raise NoMainText(f"it is not readable HTML ({error})") from None
    main = trafilatura.extract(text, output_format="html", include_comments=False,
                               include_images=False, include_tables=True, include_links=True,
                               include_formatting=True, with_metadata=False, deduplicate=False)
    if not main or not normalized(lxml.html.fromstring(main).text_content()):
        raise NoMainText("no main text found (only menus, links or nothing)")
    leaves = list(leaf_blocks(document))
    blocks = tuple(main_blocks(main, leaves))
    kept = normalized(" ".join(block.shown for block in blocks))
    dropped = tuple(Dropped(text, place, rule) for text, place, rule in left_out(leaves, kept))
    facts = [*meta_facts(document, text),
             *facts_from_lines((text, place) for text, place, _ in leaves)]
    return Page("HTML page", blocks, dropped, tuple(active_content(document)), choose(facts))


def normalized(text: str) -> str:
    """Text compared as a reader reads it: no Markdown escapes, single spaces."""
    return SPACE_RE.sub(" ", re.sub(r"[\\*_`#>\[\]]", "", html.unescape(text))).strip()


# --- the main text ------------------------------------------------------------------------------


def main_blocks(main: str, leaves: list[tuple[str, Place, str]]) -> Iterator[Block]:
    """trafilatura's main text, block by block, as Markdown; links that are not web addresses
    (javascript:, mailto:, tel:, relative ones) keep only their text."""
    body = lxml.html.fromstring(main)
    for anchor in body.iter("a"):
        if not SAFE_LINK_RE.match(anchor.get("href") or ""):
            anchor.drop_tag()
    for element in body.iter():
        for name in list(element.attrib):
            if name.lower().startswith("on"):
                del element.attrib[name]
    elements = body.find("body") if body.find("body") is not None else body
    for element in elements:
        if not isinstance(element.tag, str):
            continue
        fragment = lxml.html.tostring(element, encoding="unicode", with_tail=False)
        converter = PageConverter(heading_style="ATX", bullets="-", autolinks=False,
                                  strip=["img", "script", "style", "iframe"])
        markdown = converter.convert(fragment).strip()
        if not markdown:
            continue
        shown = " ".join(element.text_content().split())
        place = source_place(normalized(shown), leaves)
        if re.fullmatch(r"h[1-6]", element.tag):
            yield Block("heading", escape_text(shown), place, int(element.tag[1]), shown)
        else:
            yield Block("paragraph", markdown, place, plain=shown)


def source_place(text: str, leaves: list[tuple[str, Place, str]]) -> Place:
    """Where a block of the main text sits in the saved page."""
    start = text[:40]
    for leaf, place, _ in leaves:
        if start and leaf.startswith(start):
            return Place(place.line, "the main text")
    return Place(None, "the main text")


# --- what the page holds besides -----------------------------------------------------------------


def leaf_blocks(document: lxml.html.HtmlElement) -> Iterator[tuple[str, Place, str]]:
    """Each innermost block of visible text: its text, its place and the landmark it sits in."""
    skip = set(ACTIVE_TAGS) - {"form"} | {"head", "title"}
    for element in document.iter(*LEAF_TAGS):
        if any(ancestor.tag in skip for ancestor in element.iterancestors()):
            continue
        if any(isinstance(child.tag, str) and child.tag in LEAF_TAGS - {"a", "span", "time"}
               for child in element.iterdescendants()):
            continue
        if element.tag in ("a", "span", "time") and any(
                ancestor.tag in LEAF_TAGS for ancestor in element.iterancestors()):
            continue
        text = normalized(element.text_content())
        if text:
            landmark = landmark_of(element)
            yield text, Place(element.sourceline, landmark[0]), landmark[1]


def landmark_of(element: lxml.html.HtmlElement) -> tuple[str, str]:
    """The nearest ancestor that says what part of the page this is: its description, and
    what it is ('a sidebar', 'comments'…), or the page's body."""
    for ancestor in [element, *element.iterancestors()]:
        names = [ancestor.tag, *(ancestor.get("class") or "").split(), ancestor.get("id") or ""]
        for name in names:
            for key, what in rules().landmarks.items():
                if name.lower() == key or name.lower().startswith((key + "-", key + "_")) \
                        or name.lower().endswith(("-" + key, "_" + key)):
                    return describe(ancestor), what
    return "the page's body", "the page's body"


def describe(element: lxml.html.HtmlElement) -> str:
    attributes = "".join(f' {name}="{element.get(name)}"' for name in ("id", "class")
                         if element.get(name))
    return f"<{element.tag}{attributes}>"


def left_out(leaves: list[tuple[str, Place, str]], kept: str
             ) -> Iterator[tuple[str, Place, str]]:
    """Each block of visible text that is not in the main text, with the reason."""
    seen = set()
    for text, place, what in leaves:
        if text in kept or (text, place) in seen:
            continue
        seen.add((text, place))
        yield text, place, f"in {what}: not the main text (trafilatura left it out)"


def active_content(document: lxml.html.HtmlElement) -> Iterator[Removed]:
    """Everything on the page that would run or track: none of it reaches a draft."""
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        where = Place(element.sourceline, describe(element))
        if element.tag in ACTIVE_TAGS:
            source = element.get("src") or element.get("action") or ""
            yield Removed(ACTIVE_TAGS[element.tag] + (f" ({source})" if source else ""), where)
        if element.tag == "link" and "stylesheet" in (element.get("rel") or ""):
            yield Removed(f"a style sheet ({element.get('href')})", where)
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                yield Removed(f"an event handler {name}=\"{value[:60]}\"", where)
            elif name in ("href", "src", "action") and value.strip().lower().startswith(
                    "javascript:"):
                yield Removed(f"a javascript: link ({value[:60]})", where)
        if element.tag == "img" and is_tracking_pixel(element):
            yield Removed(f"a tracking pixel ({element.get('src')})", where)


def is_tracking_pixel(element: lxml.html.HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    tiny = element.get("width") in ("0", "1") and element.get("height") in ("0", "1")
    return tiny or "display:none" in style


# --- metadata ------------------------------------------------------------------------------------


def meta_facts(document: lxml.html.HtmlElement, text: str) -> Iterator[Fact]:
    """Provenance the page declares (meta tags, JSON-LD, canonical link, <h1>), then
    trafilatura's reading of it, which is a guess."""
    meta = {(element.get("property") or element.get("name") or element.get("itemprop") or ""
             ).lower(): (element.get("content") or "", element.sourceline)
            for element in document.iter("meta")}
    headline = next(iter(document.iter("h1")), None)
    for key, name in (("og:title", "title"), ("author", "author"),
                      ("article:author", "author"), ("og:site_name", "publication"),
                      ("article:published_time", "published"), ("datepublished", "published"),
                      ("og:url", "url")):
        value, line = meta.get(key, ("", None))
        value = (iso_date(value[:10]) or "") if name == "published" else value.strip()
        if value:
            yield Fact(name, value, Place(line, f'<meta {key}>'), "high",
                       f"the page's {key} meta tag")
    yield from json_ld_facts(document)
    if headline is not None and normalized(headline.text_content()):
        yield Fact("title", normalized(headline.text_content()),
                   Place(headline.sourceline, "<h1>"), "high", "the page's headline (<h1>)")
    for link in document.iter("link"):
        if link.get("rel") == "canonical" and link.get("href"):
            yield Fact("url", link.get("href"), Place(link.sourceline, '<link rel="canonical">'),
                       "medium", "the page's canonical link: check that it is the original")
    found = trafilatura.extract_metadata(text, date_config={"original_date": True,
                                                             "extensive_search": False})
    guesses = (("title", found.title, "medium"), ("author", found.author, "low"),
               ("publication", found.sitename, "low"), ("published", found.date, "low"))
    for name, value, confidence in guesses:
        if value:
            yield Fact(name, value, Place(None, "trafilatura's metadata"), confidence,
                       f"trafilatura's guess of the {name}: it can take a sidebar's, the "
                       "modified or a footer's value")


def json_ld_facts(document: lxml.html.HtmlElement) -> Iterator[Fact]:
    """An article's JSON-LD: its headline, author, publisher and datePublished."""
    for script in document.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            place = Place(script.sourceline, "JSON-LD")
            author = item.get("author")
            author = author.get("name") if isinstance(author, dict) else author
            publisher = item.get("publisher")
            publisher = publisher.get("name") if isinstance(publisher, dict) else publisher
            for name, value in (("title", item.get("headline")), ("author", author),
                                ("publication", publisher),
                                ("published", iso_date(str(item.get("datePublished", ""))[:10])
                                 if item.get("datePublished") else None)):
                if isinstance(value, str) and value.strip():
                    yield Fact(name, value.strip(), place, "high", f"the page's JSON-LD {name}")
