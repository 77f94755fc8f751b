"""Write the draft article: front matter with what was found, the title, and the main text in
sections. A draft never passes the generator until an editor finishes it: it has no
`description` and no `reviewed` date, each placeholder heading carries a `<!-- todo: … -->`
marker (an unknown marker to the generator), and each flag a marker beside its paragraph."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from .escaping import escape_text
from .model import Block, Fact, Flag

PLACEHOLDER = "## TODO: name this section"
TODO_SECTION = "<!-- todo: write this section's heading (or join it to the one above) -->"
MAX_NAME = 60


@dataclass(frozen=True)
class Draft:
    """The draft's text, and the 1-based draft line of each block of the main text."""

    text: str
    block_lines: tuple[int, ...]


def slug(text: str) -> str:
    """A file name from a title: ASCII letters, digits and hyphens, at most 60 characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > MAX_NAME:
        words = words[:MAX_NAME].rsplit("-", 1)[0]
    return words


def yaml_text(value: str) -> str:
    """A YAML scalar that stays text whatever it holds (a JSON string is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def front_matter(facts: dict[str, Fact], source_name: str) -> list[str]:
    """The front matter: sure values as keys, each with a comment saying where it came from;
    a low-confidence value only as a comment, so the generator asks for it."""
    lines = ["---", f"# Imported from {source_name} by scripts/import_page.py: a draft. Read the "
             "report beside it, do its checklist, then move this file to content/.",
             f"title: {yaml_text(facts['title'].value if 'title' in facts else 'TODO: title')}"
             + comment(facts.get("title")),
             "# description: one or two sentences for search engines and the card (160 "
             "characters at most)"]
    lines += entry("author", facts.get("author"), "")
    publication, published = facts.get("publication"), facts.get("published")
    if publication or published:
        lines.append("source:")
        lines += entry("publication", publication, "  ")
        lines += entry("published", published, "  ")
        if "url" in facts:
            lines.append(f"  # url: {facts['url'].value}" + comment(facts["url"]).replace(
                "  #", " —", 1) + " (no key for it in the article format yet)")
    lines += ["# reviewed: the day an editor checked this text against the source (YYYY-MM-DD)",
              "---"]
    return lines


def entry(key: str, fact: Fact | None, indent: str) -> list[str]:
    if fact is None:
        return [f"{indent}# {key}: not found on the page: find it, or ask the publisher"]
    value = fact.value if key == "published" else yaml_text(fact.value)
    if fact.sure:
        return [f"{indent}{key}: {value}" + comment(fact)]
    return [f"{indent}# {key}: {value}  — unsure ({fact.why}, {fact.place}): confirm it, "
            "then remove the '#'"]


def comment(fact: Fact | None) -> str:
    return f"  # {fact.confidence}: {fact.why.split('; ')[0]}" if fact else ""


def body(title: str, blocks: tuple[Block, ...], flags: tuple[Flag, ...], first_line: int
         ) -> tuple[list[str], list[int]]:
    """The title and the main text; the page's own headings make the sections, and a page
    without them gets one placeholder section per paragraph after the lead."""
    lines = ["", f"# {escape_text(title)}"]
    at: list[int] = []
    headings = [block for block in blocks
                if block.kind == "heading" and block.text != escape_text(title)]
    top = min((block.level for block in headings), default=2)
    placeholders = not headings and len(blocks) > 1
    for index, block in enumerate(blocks):
        lines.append("")
        if block.kind == "heading":
            at.append(first_line + len(lines) + 1)
            if block.text != escape_text(title):
                lines.append("#" * min(6, 2 + block.level - top) + " " + block.text)
            else:
                lines.pop()
            continue
        if placeholders and index > 0:
            lines += [PLACEHOLDER, TODO_SECTION, ""]
        at.append(first_line + len(lines) + 1)
        lines.append(block.text)
        for flag in flags:
            if flag.block == index:
                lines += ["", f"<!-- todo: check '{flag.text}' in the paragraph above: "
                          f"{flag.kind} (see the report) -->"]
    return lines, at


def build_draft(facts: tuple[Fact, ...], blocks: tuple[Block, ...], flags: tuple[Flag, ...],
                source_name: str) -> Draft:
    """The whole draft."""
    by_name = {fact.name: fact for fact in facts}
    title = by_name["title"].value if "title" in by_name else "TODO: title"
    head = front_matter(by_name, source_name)
    lines, at = body(title, blocks, flags, len(head))
    return Draft("\n".join(head + lines) + "\n", tuple(at))
