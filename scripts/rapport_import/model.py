"""The values the import stages pass along: frozen dataclasses, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field

CONFIDENCE_ORDER = ("high", "medium", "low")


@dataclass(frozen=True)
class Place:
    """Where something is in the source: a 1-based line when known, and words for an editor."""

    line: int | None
    description: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else ""
        return ", ".join(part for part in (self.description, where) if part) or "the page"


@dataclass(frozen=True)
class Block:
    """A piece of the main text, as Markdown: a paragraph (or list, quote, table) or a heading."""

    kind: str              # "paragraph" or "heading"
    text: str
    place: Place
    level: int = 0         # a heading's level on the page
    plain: str = ""        # the text as the page shows it (rules and contacts look at this)

    @property
    def shown(self) -> str:
        return self.plain or self.text


@dataclass(frozen=True)
class Dropped:
    """A block of the page left out of the draft, and the rule that left it out."""

    text: str
    place: Place
    rule: str


@dataclass(frozen=True)
class Removed:
    """Something that runs (a script, an iframe, a handler…) that never reaches a draft."""

    what: str
    place: Place


@dataclass(frozen=True)
class Fact:
    """One piece of provenance: its value, where it came from, and how sure the importer is."""

    name: str
    value: str
    place: Place
    confidence: str        # "high", "medium" or "low"
    why: str
    alternatives: tuple[str, ...] = ()

    @property
    def sure(self) -> bool:
        """High and medium values go into the front matter; a low one only into the report."""
        return self.confidence != "low"


@dataclass(frozen=True)
class Page:
    """A page read into its main text and the rest: what the readers of both kinds return."""

    kind: str              # "HTML page" or "text dump"
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]
    removed: tuple[Removed, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Finding:
    """A contact detail found in the source, and what became of it."""

    kind: str
    value: str
    place: Place
    action: str


@dataclass(frozen=True)
class Flag:
    """Text left in the draft for the editor to judge: where it is in both files, and why."""

    kind: str
    text: str
    place: Place
    why: str
    block: int = -1        # the index of its block in the screened text
    draft_line: int | None = None


@dataclass(frozen=True)
class Screened:
    """The main text after the privacy screen, with what the screen found."""

    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]
    findings: tuple[Finding, ...]
    flags: tuple[Flag, ...] = field(default=())
