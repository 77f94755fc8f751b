"""Nothing that runs, nothing from another host: an article may hold raw HTML (a
`<div markdown>`, an anchor), but a pasted fragment must not put code on a page or make a
reader's browser ask another host for anything (non-negotiable: readers' privacy and safety).

The site's own Python-Markdown renders the text, so what is code stays code (it shows as
text) and what is HTML is HTML; the HTML it makes is then read with Python's own HTML parser.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown

from .errors import ArticleError

# Elements that run code, load a page or a plug-in, post a form, or restyle the site.
CODE_TAGS = frozenset({"script", "noscript", "iframe", "frame", "frameset", "object", "embed",
                       "applet", "form", "input", "button", "select", "textarea", "style",
                       "link", "meta", "base", "portal", "template"})
# Attributes whose value the browser fetches or follows.
ADDRESS_ATTRIBUTES = frozenset({"src", "srcset", "href", "action", "formaction", "poster",
                                "data", "background", "xlink:href"})
FETCHED = frozenset({"src", "srcset", "poster", "data", "background"})
HINTS = ("<", "javascript:", "](http", "](//", "]: http", "]: //")


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
            if name.startswith("on"):
                self.found.append((f"an '{name}' attribute runs code: remove it", name))
            elif name in ADDRESS_ATTRIBUTES and value.lower().replace(" ", "").startswith(
                    ("javascript:", "vbscript:", "data:text")):
                self.found.append((f"a '{value.split(':')[0]}:' address runs code: remove "
                                   "it", value.split(":")[0] + ":"))
            elif name in FETCHED and value and ("://" in value.split()[0]
                                                or value.startswith("//")):
                self.found.append((f"'{value}' is fetched from another host, which would "
                                   "tell it who reads the page: save the file under docs/ "
                                   "and link it relatively, or link to it instead", value))


def unsafe_markup(lines: list[str], renderer: markdown.Markdown, path: Path
                  ) -> list[ArticleError]:
    """Each unsafe element, attribute or address in the text of the file at `path`, at its
    1-based line (the first line that holds it), as the site's renderer would make it."""
    text = "\n".join(lines)
    if not any(hint in text.lower() for hint in HINTS):
        return []
    finder = _Finder()
    finder.feed(renderer.reset().convert(text))
    problems = []
    for message, needle in dict.fromkeys(finder.found):
        line = next((number for number, line in enumerate(lines, 1)
                     if needle.lower() in line.lower()), 1)
        problems.append(ArticleError(path, line, message))
    return problems
