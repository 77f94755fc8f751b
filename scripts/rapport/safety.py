"""Nothing that runs, nothing from another host: an article may hold raw HTML (a
`<div markdown>`, an anchor), but a pasted fragment must not put code on a page or make a
reader's browser ask another host for anything (non-negotiable: readers' privacy and safety).

The site's own Python-Markdown reads the text (`markdown_scan`), so what is code stays code
(it shows as text) and what is HTML is HTML; every start tag a browser would get is checked.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from .errors import ArticleError
from .markdown_scan import Element

# Elements that run code, load a page or a plug-in, post a form, or restyle the site.
CODE_TAGS = frozenset({"script", "noscript", "iframe", "frame", "frameset", "object", "embed",
                       "applet", "form", "input", "button", "select", "textarea", "style",
                       "link", "meta", "base", "portal", "template",
                       # SVG animation sets any attribute, an address or a handler included
                       "animate", "set", "animatemotion", "animatetransform"})
# Attributes whose value the browser fetches or follows; `ping` is a request of its own.
ADDRESS_ATTRIBUTES = frozenset({"src", "srcset", "href", "action", "formaction", "poster",
                                "data", "background", "xlink:href", "ping"})
FETCHED = frozenset({"src", "srcset", "poster", "data", "background", "ping"})
FETCHED_HREF_TAGS = frozenset({"image", "use", "feimage"})   # SVG elements that fetch their href
CONTROL_RE = re.compile(r"[\x00-\x20]+")                     # browsers drop these from addresses
# Another host: `//host`, `scheme://host`, and `http:host`, which a browser reads as
# `http://host` (it reads a backslash as a slash too: see `as_browser_reads`).
OTHER_HOST_RE = re.compile(r"(?:^|[\s,('\"])(?:(?:[a-z][a-z0-9+.-]*:)?//|(?:https?|ftps?|wss?):)",
                           re.IGNORECASE)
CSS_ESCAPE_RE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")


def unsafe_attributes(tag: str, attributes: tuple[tuple[str, str], ...]
                      ) -> list[tuple[str, str]]:
    """(what is wrong, text to find it by in the source) for each unsafe thing in one start
    tag, as a reader's browser gets it."""
    found = []
    if tag in CODE_TAGS:
        found.append(((f"a <{tag}> element: no article may put code, a form or another page "
                       "on the site; remove it"), f"<{tag}"))
    for name, value in attributes:
        value = as_browser_reads(value.strip(), css=name == "style")
        bare = CONTROL_RE.sub("", value).lower()
        fetched = name in FETCHED or (name in ("href", "xlink:href") and tag in FETCHED_HREF_TAGS)
        if name.startswith("on"):
            found.append((f"an '{name}' attribute runs code: remove it", name))
        elif name in ADDRESS_ATTRIBUTES and bare.startswith(("javascript:", "vbscript:",
                                                             "data:text")):
            scheme = bare.split(":")[0]
            found.append((f"a '{scheme}:' address runs code: remove it", value[:20]))
        elif (other := OTHER_HOST_RE.search(value)) and (fetched or name == "style"):
            address = value[other.start():].strip(" ,('\"").split()[0].rstrip(")'\"")
            found.append(((f"'{address}' is fetched from another host, which would tell it "
                           "who reads the page: save the file under docs/ and link it "
                           "relatively, or link to it instead"), address))
    return found


def as_browser_reads(value: str, css: bool = False) -> str:
    """An attribute's value as a browser reads an address in it: a backslash is a slash, and
    in a style a CSS escape (`\\75rl(` for `url(`) is its character."""
    if css:
        value = CSS_ESCAPE_RE.sub(css_escaped, value)
    return value.replace("\\", "/")


def css_escaped(match: re.Match[str]) -> str:
    """The character a CSS escape stands for: a hex code's (U+FFFD for none, a surrogate or
    one past Unicode, as CSS Syntax says), else the character after the backslash."""
    if match.group(1) is None:
        return match.group(2)
    code = int(match.group(1), 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def unsafe_markup(lines: list[str], elements: tuple[Element, ...], path: Path, first: int = 1,
                  numbers: list[int] | None = None) -> list[ArticleError]:
    """Each unsafe element, attribute or address in an article's body (`lines`, the first at
    line `first` of the file at `path`, or each at its line in `numbers`; `elements`: every
    start tag the site's renderer makes of it, from `markdown_scan`), at the first line that
    holds it. (Front matter is not Markdown: the generator escapes its text.)"""
    numbers = numbers or list(range(first, first + len(lines)))
    found = [problem for tag, attributes, _ in elements
             for problem in unsafe_attributes(tag, attributes)]
    problems = []
    for message, needle in dict.fromkeys(found):
        bare = CONTROL_RE.sub("", needle.lower())   # the renderer turns tabs into spaces
        line = next((number for number, line in zip(numbers, lines)
                     if bare in CONTROL_RE.sub("", as_browser_reads(unescape(line)).lower())),
                    numbers[0] if numbers else first)
        problems.append(ArticleError(path, line, message))
    return problems
