"""Nothing that runs, nothing from another host: an article may hold raw HTML (a
`<div markdown>`, an anchor), but a pasted fragment must not put code on a page or make a
reader's browser ask another host for anything (non-negotiable: readers' privacy and safety).

The site's own Python-Markdown renders the text, so what is code stays code (it shows as
text) and what is HTML is HTML; the HTML it makes is then read with Python's own HTML parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from .errors import ArticleError

# Elements that run code, load a page or a plug-in, post a form, or restyle the site.
CODE_TAGS = frozenset({"script", "noscript", "iframe", "frame", "frameset", "object", "embed",
                       "applet", "form", "input", "button", "select", "textarea", "style",
                       "link", "meta", "base", "portal", "template"})
# Attributes whose value the browser fetches or follows; `ping` is a request of its own.
ADDRESS_ATTRIBUTES = frozenset({"src", "srcset", "href", "action", "formaction", "poster",
                                "data", "background", "xlink:href", "ping"})
FETCHED = frozenset({"src", "srcset", "poster", "data", "background", "ping"})
FETCHED_HREF_TAGS = frozenset({"image", "use", "feimage"})   # SVG elements that fetch their href
CONTROL_RE = re.compile(r"[\x00-\x20]+")                     # browsers drop these from addresses
OTHER_HOST_RE = re.compile(r"(?:^|[\s,(])(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


class _Finder(HTMLParser):
    """Collects (what is wrong, text to find it by in the source) for each unsafe thing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CODE_TAGS:
            self.found.append((f"a <{tag}> element: no article may put code, a form or "
                               "another page on the site; remove it", f"<{tag}"))
        for name, value in attrs:
            value = (value or "").strip()
            bare = CONTROL_RE.sub("", value).lower()
            fetched = name in FETCHED or (name in ("href", "xlink:href")
                                          and tag in FETCHED_HREF_TAGS)
            if name.startswith("on"):
                self.found.append((f"an '{name}' attribute runs code: remove it", name))
            elif name in ADDRESS_ATTRIBUTES and bare.startswith(("javascript:", "vbscript:",
                                                                 "data:text")):
                scheme = bare.split(":")[0]
                self.found.append((f"a '{scheme}:' address runs code: remove it", value[:20]))
            elif (other := OTHER_HOST_RE.search(value)) and (fetched or (
                    name == "style" and "url(" in bare)):
                address = value[other.start():].strip(" ,(").split()[0].rstrip(")")
                self.found.append((f"'{address}' is fetched from another host, which would "
                                   "tell it who reads the page: save the file under docs/ "
                                   "and link it relatively, or link to it instead", address))


def unsafe_markup(lines: list[str], renderer: markdown.Markdown, path: Path, first: int = 1
                  ) -> list[ArticleError]:
    """Each unsafe element, attribute or address in an article's body (`lines`, the first at
    line `first` of the file at `path`), at the first line that holds it, as the site's
    renderer would make it. (Front matter is not Markdown: the generator escapes its text.)"""
    text = "\n".join(lines)
    finder = _Finder()
    finder.feed(renderer.reset().convert(text))
    problems = []
    for message, needle in dict.fromkeys(finder.found):
        bare = CONTROL_RE.sub("", needle.lower())   # the renderer turns tabs into spaces
        line = next((number for number, line in enumerate(lines, first)
                     if bare in CONTROL_RE.sub("", line.lower())), first)
        problems.append(ArticleError(path, line, message))
    return problems
