"""Read a built HTML page the way the tests need it: text a reader sees, metadata, links, ids."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

HIDDEN = {"script", "style", "svg", "template", "head"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "path", "circle", "rect"}


@dataclass
class Page:
    """What one HTML file holds."""

    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    json_ld: list[str] = field(default_factory=list)
    text: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)   # (tag.attr, url)
    h1: list[str] = field(default_factory=list)
    next_href: str | None = None
    abbr_titles: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)                # every element, in order
    scripts: list[str] = field(default_factory=list)             # inline script code
    head: set[tuple[str, ...]] = field(default_factory=set)      # what each head tag is

    def ld(self) -> list[dict]:
        """The JSON-LD objects, in order (one block holds them in an @graph)."""
        objects = []
        for block in map(json.loads, self.json_ld):
            objects += block.get("@graph", [block])
        return objects


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.capture: str | None = None
        self.buffer: list[str] = []
        self.abbr: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        self.page.tags.append(tag)
        if "head" in self.stack:
            self.page.head.add(head_tag(tag, attr))
        if "id" in attr:
            self.page.ids.add(attr["id"])
        if tag == "meta" and ("name" in attr or "property" in attr):
            self.page.meta[attr.get("name") or attr["property"]] = attr.get("content", "")
        if tag == "link" and attr.get("rel") == "canonical":
            self.page.canonical = attr.get("href")
        for name in ("href", "src"):
            if name in attr and (tag != "link" or attr.get("rel") in ("stylesheet", "icon")):
                self.page.links.append((f"{tag}.{name}", attr[name]))
        if tag == "a" and "md-footer__link--next" in attr.get("class", ""):
            self.page.next_href = attr["href"]
        if tag == "abbr":
            self.abbr = attr.get("title", "")
        if tag in ("title", "h1"):
            self.capture, self.buffer = tag, []
        elif tag == "script":
            json_ld = attr.get("type") == "application/ld+json"
            self.capture, self.buffer = ("json-ld" if json_ld else "script"), []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if self.capture and (tag == self.capture or tag == "script"):
            value = "".join(self.buffer)
            if tag == "title":
                self.page.title = value.strip()
            elif tag == "h1":
                self.page.h1.append(" ".join(value.split()).removesuffix("¶").rstrip())
            elif self.capture == "json-ld":
                self.page.json_ld.append(value)
            else:
                self.page.scripts.append(value)
            self.capture = None
        if tag == "abbr":
            self.abbr = None
        if tag in ("p", "div", "li", "h1", "h2", "h3", "td", "th", "dd", "dt", "br", "section"):
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if self.capture:
            self.buffer.append(data)
        if self.abbr is not None:
            self.page.abbr_titles[data] = self.abbr
        if not any(tag in HIDDEN for tag in self.stack):
            self.text.append(data)


def head_tag(tag: str, attr: dict[str, str]) -> tuple[str, ...]:
    """What a tag in <head> is, whatever its value: `meta name=description`, `link
    rel=stylesheet main.css` (file names without their content hash), `script src=bundle.js`."""
    if tag == "meta":
        key = next((name for name in ("name", "property", "http-equiv", "charset")
                    if name in attr), "")
        return (tag, key, attr.get(key, "") if key != "charset" else "")
    if tag == "link":
        return (tag, attr.get("rel", ""), asset_name(attr.get("href", "")) if attr.get(
            "rel") == "stylesheet" else attr.get("hreflang", ""))
    if tag == "script":
        return (tag, attr.get("type", ""), asset_name(attr.get("src", "")))
    return (tag,)


def asset_name(url: str) -> str:
    """`../assets/stylesheets/main.57a0d79d.min.css` as `main.min.css`."""
    name = url.rsplit("/", 1)[-1]
    return ".".join(part for part in name.split(".") if not (len(part) == 8 and all(
        character in "0123456789abcdef" for character in part)))


def read_page(path: Path) -> Page:
    """Parse one built HTML file."""
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    reader.page.text = " ".join("".join(reader.text).split())
    return reader.page


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site, sorted."""
    return sorted(site.rglob("*.html"))



def nav_order(site: Path, limit: int = 100) -> list[str]:
    """Page headings from the home page on, following each page's "Next" link."""
    headings, path = [], site / "index.html"
    for _ in range(limit):
        page = read_page(path)
        headings.append(page.h1[0])
        if not page.next_href:
            break
        path = (path.parent / page.next_href / "index.html").resolve()
    return headings
