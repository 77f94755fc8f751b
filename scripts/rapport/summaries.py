"""A section's summary when no one wrote one: the first words of its first sentence, as plain
text, cut at a word (or, in text without spaces, between letters) with an ellipsis.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

import markdown

from typing import TYPE_CHECKING

from .front_matter import MAX_DESCRIPTION
from .markdown_scan import Kind
from .slugs import PLAIN_RE

if TYPE_CHECKING:
    from .article import Text

TEASER_WORDS = 10
# A summary is cut from the first sentence of the first paragraph of prose: where a sentence
# ends (a space after `.`, `!` or `?`; at once after `。`, `！` or `？`), the marks that start a
# list item or a quote, and the lines that are no prose.
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
LIST_OR_QUOTE_RE = re.compile(r"^(?:>|[*+-]|\d+[.)])\s+")
NOT_PROSE_RE = re.compile(r"^\s*(?:#|\||!\[|!!!|\[\^)")
TAG_RE = re.compile(r"<[^>]*>")
THAI_LEADING_VOWELS = "เแโใไ"
TEASER_RENDERER = markdown.Markdown()


def first_paragraph(text: Text) -> list[str]:
    """The lines of the first paragraph of prose: not a heading, a table, a picture or a
    note's box, which make no summary."""
    lines: list[str] = []
    for line, kind in zip(text.lines, text.kinds):
        if kind is Kind.TEXT and not NOT_PROSE_RE.match(line):
            lines.append(line)
        elif lines:
            break
    return lines


def plain(markdown_text: str) -> str:
    """What a reader reads of a paragraph of Markdown: rendered, tags dropped, entities read
    (`**a** [b](c) &lt;` is `a b <`). Text without markup is not rendered."""
    if PLAIN_RE.match(markdown_text):
        return markdown_text
    html = TEASER_RENDERER.reset().convert(markdown_text)
    return " ".join(unescape(TAG_RE.sub("", html)).split())


def teaser(lines: list[str]) -> str:
    """The first words of the first sentence as plain text, cut with an ellipsis: never a
    whole sentence, never more than a description may hold. Text without spaces (Chinese,
    Japanese, Thai) is cut between characters, never before a mark that belongs to the one
    before it (a Thai or Hindi vowel sign)."""
    paragraph = plain(LIST_OR_QUOTE_RE.sub("", " ".join(" ".join(lines).split())))
    sentence = SENTENCE_END_RE.split(paragraph, maxsplit=1)[0].strip()
    words = sentence.split()
    if len(words) > 1:
        cut = " ".join(words[:min(TEASER_WORDS, len(words) - 1)])
    else:
        cut = sentence[:character_boundary(sentence, max(1, len(sentence) // 2))]
    if len(cut) >= MAX_DESCRIPTION:
        cut = cut[:character_boundary(cut, MAX_DESCRIPTION - 1)]
    return cut.rstrip(",;:—–-、， ") + "…"   # no dangling dash or comma before the ellipsis


def character_boundary(text: str, at: int) -> int:
    """`at`, moved on past any combining marks, so that a cut keeps each letter whole; in
    Thai, moved back to before a leading vowel (เ แ โ ใ ไ), which starts a syllable and most
    often a word (Thai writes no spaces between words, and the standard library has no
    dictionary to find them)."""
    while at < len(text) and unicodedata.category(text[at]).startswith("M"):
        at += 1
    syllable = max(text.rfind(vowel, 1, at) for vowel in THAI_LEADING_VOWELS)
    return syllable if syllable > 0 else at
