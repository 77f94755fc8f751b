"""Read a plain-text dump of a web page (what a browser's "save as text" or a copy gives): no
markup, so each line is judged by rules, and each dropped line says which rule dropped it."""

from __future__ import annotations

import re

from .escaping import escape_text
from .furniture import furniture_rule
from .model import Block, Dropped, Fact, Page, Place
from .provenance import choose, facts_from_lines
from .rules import rules
from .writing import main_script, share_in

TITLE_SEPARATORS_RE = re.compile(r"\s+(?:>|\||-|–|—|::)\s+")
SENTENCE_END_RE = re.compile(r"[.!?。…\"”’)]\s*$")
MIN_WORDS = 4


def read_dump(text: str) -> Page:
    """Split the dump into the article's lines and the page's other lines, and read its facts."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, end = body_window(lines)
    body = [line for line in lines[start:end] if line.strip()]
    main = main_script(body or lines)
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        place = Place(index + 1)
        rule = drop_rule(line, index, start, end, lines, main)
        if rule is None:
            blocks.append(Block("paragraph", escape_text(line.strip()), place,
                                plain=line.strip()))
        else:
            dropped.append(Dropped(line.strip(), place, rule))
    facts = facts_from_lines((line, Place(number, "")) for number, line in enumerate(lines, 1))
    return Page("text dump", tuple(blocks), tuple(dropped), (),
                choose([*title_facts(lines), *facts]))


def body_window(lines: list[str]) -> tuple[int, int]:
    """The 0-based lines between the body's start marker and its end marker (the whole dump
    when it has neither)."""
    stripped = [line.strip() for line in lines]
    start = next((n + 1 for n, line in enumerate(stripped) if line in rules().body_start), 0)
    end = next((n for n, line in enumerate(stripped) if n >= start and line in rules().body_end),
               len(lines))
    return start, end


def drop_rule(line: str, index: int, start: int, end: int, lines: list[str], main: str
              ) -> str | None:
    """Why a line is not the article's text, or None to keep it: the first rule that applies."""
    text = line.strip()
    if index == start - 1:
        return f"the body's start marker '{text}'"
    if index < start:
        return (f"before the body's start marker '{lines[start - 1].strip()}' (line {start}): "
                "the page's header, menus and byline")
    if index >= end:
        return (f"from the end marker '{lines[end].strip()}' (line {end + 1}) on: the comment "
                "list and the footer after it")
    if rule := furniture_rule(text):
        return rule
    if share_in(text, main) < 0.5:
        return f"mostly not in the article's script ({main}): page chrome"
    if len(text.split()) < MIN_WORDS and not SENTENCE_END_RE.search(text):
        return "too short to be the article's text: a menu item or a label"
    return None


def title_facts(lines: list[str]) -> list[Fact]:
    """The title: the dump's first line is the browser's title ('Title > Board'); it is sure
    when the page also shows it as a line of its own (the headline)."""
    first = next(((n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()), None)
    if first is None:
        return []
    number, line = first
    title = TITLE_SEPARATORS_RE.split(line)[0].strip()
    headline = next((n for n, other in enumerate(lines, 1) if n != number
                     and other.strip() == title), None)
    if headline:
        return [Fact("title", title, Place(headline, "the headline"), "high",
                     f"the page's headline, the same as its browser title (line {number})")]
    return [Fact("title", title, Place(number, "the first line"), "medium",
                 "the dump's first line (the browser's title)")]
