"""One import, from the file's bytes to the files it should write: decode → read (HTML or
text dump) → screen → draft → check with the generator → report. Pure: the command does the
I/O."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from .checks import generator_problems
from .draft import build_draft, slug
from .dump import read_dump
from .html_page import NoMainText, read_html
from .model import Block, Fact, Page, Place, Screened
from .provenance import choose
from .report import Outcome, to_json, to_markdown
from .screen import screen
from .source import HTML_SUFFIXES, Decoded, Unusable, decode

DRAFTS = PurePosixPath("content/drafts")
MIN_LETTERS = 80            # less than this is a menu or a notice, not an article
MIN_PARAGRAPH_LETTERS = 30


@dataclass(frozen=True)
class Planned:
    """The files one import writes (draft, Markdown report, JSON report), and its outcome."""

    name: str
    files: dict[str, str]      # file name in the drafts folder → text
    outcome: Outcome


def plan_import(data: bytes, path: Path, name: str | None = None, url: str | None = None
                ) -> Planned | Unusable:
    """Everything one saved page becomes, or why it cannot be imported."""
    html = path.suffix.lower() in HTML_SUFFIXES
    decoded = decode(data, path, html)
    if isinstance(decoded, Unusable):
        return decoded
    try:
        page = read_html(decoded.text) if html else read_dump(decoded.text)
    except NoMainText as error:
        return Unusable(path, str(error))
    if url:
        given = Fact("url", url, Place(None, "--url"), "high", "given with --url")
        page = replace(page, facts=choose([given, *page.facts]))
    screened = screen(page)
    if not has_prose(screened.blocks):
        return Unusable(path, "no main text found (only the page's menus, links or chrome)")
    return planned(page, screened, decoded, path, name)


def has_prose(blocks: tuple[Block, ...]) -> bool:
    """Whether the text holds a paragraph an article could be made of, not just link labels."""
    letters = [sum(char.isalpha() for char in block.text) for block in blocks
               if block.kind == "paragraph"]
    return sum(letters) >= MIN_LETTERS and max(letters, default=0) >= MIN_PARAGRAPH_LETTERS


def planned(page: Page, screened: Screened, decoded: Decoded, path: Path, name: str | None
            ) -> Planned:
    """The draft and its reports, named after the title (or the file) unless named."""
    facts = {fact.name: fact for fact in page.facts}
    name = name or slug(facts["title"].value if "title" in facts else "") or slug(path.stem) \
        or "imported-page"
    draft = build_draft(page.facts, screened.blocks, screened.flags, path.name)
    draft_path = DRAFTS / f"{name}.md"
    placeholders = not any(block.kind == "heading" for block in screened.blocks) \
        and len(screened.blocks) > 1
    outcome = Outcome(source=path.name, encoding=decoded.encoding, draft=str(draft_path),
                      page=page, screened=screened, block_lines=draft.block_lines,
                      problems=tuple(generator_problems(draft.text, Path(draft_path))),
                      placeholders=placeholders)
    return Planned(name, {f"{name}.md": draft.text, f"{name}.report.md": to_markdown(outcome),
                          f"{name}.report.json": to_json(outcome)}, outcome)
