"""Heading text, slugs and escaping: one function each, shared with MkDocs.

`slugify` is the function MkDocs' `toc` makes heading ids with (the hook sets it), so a
section's page name and MkDocs' own heading id agree for any language: Unicode letters stay,
and so do the marks that combine with them (Thai and Hindi vowel signs, as GitHub keeps them),
spaces become hyphens, punctuation goes. `plain_text` is the text toc slugifies: a heading's
Markdown rendered, tags and escapes removed.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

import markdown
from markdown.extensions.toc import TocExtension

SEPARATOR = "-"
TAGS_RE = re.compile(r"</?[^>]*>")
# What pymdownx.slugs drops: anything but word characters, hyphens and spaces. Python's `\w`
# has no combining marks (Unicode category M), so those are put back one by one.
NOT_SLUG_RE = re.compile(r"[^\w\- ]")
# Python-Markdown's attribute list at the end of a heading: at least one space, then {…}.
ATTRIBUTE_LIST_RE = re.compile(r"[ ]+\{:?(?P<attrs>[^}\n]*)\}[ ]*$")
ID_RE = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
# Text that renders as itself: no Markdown or HTML syntax, so no need to render it.
PLAIN_RE = re.compile(r"^[^\\`*_\[\]<>&!{}~^=|$:#]*$")
# Characters that make markup in link text or a heading; Python-Markdown unescapes each of
# them after a backslash. `<` and `&` are written as entities instead.
MARKDOWN_SPECIALS_RE = re.compile(r"([\\`*_{}\[\]#])")
UNESCAPED_CLOSING_HASH_RE = re.compile(r"((?:^|[^\\])(?:\\\\)*)#$")
ODD_BACKSLASHES_AT_END_RE = re.compile(r"(?:^|[^\\])\\(?:\\\\)*$")


def slugify(text: str, separator: str = SEPARATOR) -> str:
    """A heading's id, as MkDocs' toc makes it (before it adds a suffix to repeats):
    pymdownx.slugs.slugify(case="lower"), keeping combining marks (`เริ่มการแปลอัตโนมัติ` stays
    whole, where pymdownx 13.1 gives `เรมการแปลอตโนมต`). Its signature is toc's."""
    slug = TAGS_RE.sub("", unicodedata.normalize("NFC", text)).strip().lower()
    slug = NOT_SLUG_RE.sub(_keep_marks, slug)
    return slug.replace(" ", separator)


def _keep_marks(match: re.Match[str]) -> str:
    character = match.group(0)
    return character if unicodedata.category(character).startswith("M") else ""




def split_attributes(raw: str) -> tuple[str, str | None]:
    """A heading's text without its `{#id .class}` list, and the id the list sets, if any."""
    match = ATTRIBUTE_LIST_RE.search(raw)
    if not match:
        return raw.strip(), None
    found = ID_RE.search(match.group("attrs"))
    return raw[:match.start()].strip(), found.group("id") if found else None


def plain_text(text: str) -> str:
    """What a reader sees of a heading's Markdown (and what toc slugifies)."""
    if PLAIN_RE.match(text):
        return " ".join(text.split())
    return " ".join(_rendered_text(text).split())


# Room for every heading of a long article: the parse reads each, and each of the plan's toc
# runs asks again; a smaller cache is emptied by a long article before the plan asks.
@functools.lru_cache(maxsize=1 << 16)
def _rendered_text(text: str) -> str:
    renderer, seen = _renderer()
    seen.clear()
    renderer.reset().convert("# " + atx_text(text))
    return seen[0] if seen else ""


@functools.cache
def _renderer() -> tuple[markdown.Markdown, list[str]]:
    """A bare Markdown whose toc records the text it would slugify, made once (making one
    costs half as much as rendering a heading with it) and reset for each heading."""
    seen: list[str] = []

    def record(value: str, separator: str) -> str:
        seen.append(value)
        return "x"

    return markdown.Markdown(extensions=[TocExtension(slugify=record)]), seen


def atx_text(text: str) -> str:
    """A heading's Markdown as the text of a `#` heading that reads the same. Python-Markdown
    drops an ATX heading's closing `#`s: text that still ends in one (a setext heading's,
    `C#`) keeps it, escaped; text that ends in a lone backslash gets a space, without which
    the line would be no heading at all."""
    line = UNESCAPED_CLOSING_HASH_RE.sub(r"\1\\#", text.rstrip())
    return line + " " if ODD_BACKSLASHES_AT_END_RE.search(line) else line


def heading_slug(text: str) -> str:
    """The id MkDocs gives a heading whose Markdown is `text`."""
    return slugify(plain_text(text))


def has_letters(slug: str) -> bool:
    """Whether a slug holds a letter or a digit (an emoji-only heading gives none)."""
    return any(character.isalnum() for character in slug)


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`… if taken; the result is added to `taken`."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def escape_html(text: str) -> str:
    """HTML-escape plain text that templates or Markdown will print as HTML: `&`, `<`, `>` and
    the double quote that ends an attribute. Not the apostrophe: Material escapes some titles
    again, and a reader would hear "isn&#x27;t"."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that renders as exactly that text (link text, card titles):
    markup characters backslash-escaped, `<` and `&` as entities."""
    return MARKDOWN_SPECIALS_RE.sub(r"\\\1", escape_html(text).replace("&quot;", '"'))
