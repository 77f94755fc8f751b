"""Parse a curated article: YAML front matter, a `# ` title, a lead, then `## ` sections.

Pure functions from text to frozen dataclasses. Every problem is an `ArticleError` that names
the file, the line and what to do, so the CLI and the MkDocs hook can report it in one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from markdown.extensions.toc import slugify as toc_slugify

from .errors import ArticleError

# --- the article format -------------------------------------------------------------------------

REQUIRED_KEYS = ("title", "description", "author", "source", "reviewed", "edits")
OPTIONAL_KEYS = ("notes",)
MAX_DESCRIPTION = 160
TEASER_WORDS = 10
# Names the generator itself uses in an article's folder, and the whole page's edits anchor.
RESERVED_SLUGS = frozenset({"index", "summary", "edits"})
NOTE_KINDS = frozenset({"note", "info", "tip", "warning", "abstract", "question"})

FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ATX_HEADING_RE = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
EXPLICIT_SLUG_RE = re.compile(r"^(.*?)[ \t]*\{[ \t]*#([^}\s]*)[ \t]*\}$")
SAFE_SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
MARKER_RE = re.compile(r"^<!--\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*-->\s*$")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")
LIST_OR_QUOTE_RE = re.compile(r"^(?:>|[*+-]|\d+[.)])\s+")
# PyYAML's safe loader, in C (libyaml) when the wheel has it: ten times faster, same results.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Edit:
    """One editorial change from the source text, shown to readers."""

    what: str
    why: str


@dataclass(frozen=True)
class Note:
    """A short admonition that `<!-- note: name -->` places in a section."""

    name: str
    kind: str
    title: str
    text: str


@dataclass(frozen=True)
class Meta:
    """The article's front matter, validated; dates are ISO strings."""

    title: str
    description: str
    author: str
    publication: str
    published: str
    reviewed: str
    edits: tuple[Edit, ...]
    notes: Mapping[str, Note]


@dataclass(frozen=True)
class Section:
    """One `## ` section: its page is `<slug>.md`, its card shows `summary`."""

    heading: str
    slug: str
    summary: str
    icon: str | None
    body: str
    line: int


@dataclass(frozen=True)
class Article:
    """A whole parsed article, ready to be planned into pages."""

    meta: Meta
    title: str
    lead: str
    sections: tuple[Section, ...]


# --- entry point --------------------------------------------------------------------------------


def parse_article(text: str, path: Path) -> Article:
    """Parse and validate the article text; `path` is only used in error messages."""
    raw_meta, body_start, body_lines = split_front_matter(text, path)
    meta = parse_meta(raw_meta, text.splitlines()[1:body_start - 2], path)
    title, title_line, lead, sections = split_body(body_lines, body_start, path, meta)
    if title != meta.title:
        raise ArticleError(path, title_line, "the '# ' title differs from 'title:' in the front "
                           "matter: make them the same")
    check_unique(sections, path)
    return Article(meta=meta, title=title, lead=lead, sections=tuple(sections))


# --- front matter -------------------------------------------------------------------------------


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], int, list[str]]:
    """Return the YAML mapping, the 1-based line where the body starts, and the body lines."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ArticleError(path, 1, "no front matter: start the file with a '---' line, then "
                           "title, description, author, source, reviewed and edits")
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")),
                   None)
    if closing is None:
        raise ArticleError(path, 1, "the front matter is not closed: add a '---' line after it")
    try:
        raw = yaml.load("\n".join(lines[1:closing]), Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ArticleError(path, line, f"malformed front matter ({problem}): fix the YAML "
                           "syntax") from None
    if not isinstance(raw, dict):
        raise ArticleError(path, 2, "the front matter must be a YAML mapping of 'key: value' "
                           "lines")
    return raw, closing + 2, lines[closing + 1:]


def parse_meta(raw: Mapping[str, Any], fm_lines: list[str], path: Path) -> Meta:
    """Validate the front matter keys and types, naming the line of the key at fault."""

    def line_of(key: str) -> int:
        found = next((i for i, line in enumerate(fm_lines) if line.startswith(f"{key}:")), None)
        return found + 2 if found is not None else 1

    def fail(key: str, message: str) -> ArticleError:
        return ArticleError(path, line_of(key), message)

    for key in raw:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            raise fail(str(key), f"unknown front matter key '{key}': the keys are "
                       f"{', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)}")
    for key in REQUIRED_KEYS:
        if key not in raw or raw[key] is None:
            raise ArticleError(path, 1, f"the front matter has no '{key}': add it "
                               "(see README, 'The article format')")

    def text(key: str, value: Any, where: str | None = None) -> str:
        if not isinstance(value, str) or not value.strip():
            raise fail(key, f"'{where or key}' must be non-empty text")
        return " ".join(value.split())

    def iso_date(key: str, value: Any, where: str) -> str:
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise fail(key, f"'{where}' must be a date written YYYY-MM-DD") from None

    description = text("description", raw["description"])
    if len(description) > MAX_DESCRIPTION:
        raise fail("description", f"'description' has {len(description)} characters: shorten "
                   f"it to {MAX_DESCRIPTION} or fewer (search engines cut the rest)")
    source = raw["source"]
    if not isinstance(source, dict) or "publication" not in source or "published" not in source:
        raise fail("source", "'source' must have 'publication' and 'published' (a date)")
    edits = raw["edits"]
    if not isinstance(edits, list) or not all(isinstance(e, dict) for e in edits):
        raise fail("edits", "'edits' must be a list of entries with 'what' and 'why'")
    notes = raw.get("notes") or {}
    if not isinstance(notes, dict):
        raise fail("notes", "'notes' must map a note name to its kind, title and text")
    return Meta(
        title=text("title", raw["title"]),
        description=description,
        author=text("author", raw["author"]),
        publication=text("source", source["publication"], "source.publication"),
        published=iso_date("source", source["published"], "source.published"),
        reviewed=iso_date("reviewed", raw["reviewed"], "reviewed"),
        edits=tuple(Edit(text("edits", e.get("what"), "edits: what"),
                         text("edits", e.get("why"), "edits: why")) for e in edits),
        notes={name: parse_note(str(name), spec, fail) for name, spec in notes.items()},
    )


def parse_note(name: str, spec: Any, fail: Callable[[str, str], ArticleError]) -> Note:
    """One entry of `notes:`; the kind is an admonition type."""
    if not isinstance(spec, dict) or not all(isinstance(spec.get(k), str) for k in
                                             ("title", "text")):
        raise fail("notes", f"note '{name}' needs 'title' and 'text'")
    kind = spec.get("kind", "note")
    if kind not in NOTE_KINDS:
        raise fail("notes", f"note '{name}' has kind '{kind}': use one of "
                   f"{', '.join(sorted(NOTE_KINDS))}")
    return Note(name=name, kind=kind, title=" ".join(spec["title"].split()),
                text=spec["text"].strip())


# --- body ---------------------------------------------------------------------------------------


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str, bool]]:
    """Yield (index, line, is_code) so that `#` lines inside fenced code are never headings."""
    fence: str | None = None
    for index, line in enumerate(lines):
        match = FENCE_RE.match(line)
        if fence is None and match:
            fence = match.group(1)
            yield index, line, True
        elif fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip()[len(match.group(1)):].strip():
                fence = None
            yield index, line, True
        else:
            yield index, line, False


def split_body(lines: list[str], first: int, path: Path, meta: Meta
               ) -> tuple[str, int, str, list[Section]]:
    """Split the body into title, lead and sections; `first` is the body's 1-based line."""
    title: str | None = None
    title_line = first
    lead: list[str] = []
    sections: list[tuple[int, str, list[tuple[int, str, bool]]]] = []
    for index, line, is_code in outside_fences(lines):
        number = first + index
        heading = None if is_code else ATX_HEADING_RE.match(line)
        if heading and len(heading.group(1)) == 1:
            if title is not None:
                raise ArticleError(path, number, "a second '# ' title: use '## ' for sections")
            title, title_line = (heading.group(2) or "").strip(), number
            if not title:
                raise ArticleError(path, number, "the '# ' title is empty: write the title")
        elif heading and len(heading.group(1)) == 2:
            sections.append((number, (heading.group(2) or "").strip(), []))
        elif title is None:
            if line.strip():
                raise ArticleError(path, number, "the body must start with the '# Title' line")
        elif sections:
            sections[-1][2].append((number, line, is_code))
        else:
            lead.append(line)
    if title is None:
        raise ArticleError(path, first, "no '# ' title: add '# Title' after the front matter")
    if not sections:
        raise ArticleError(path, title_line, "no sections: split the article with '## Heading' "
                           "lines")
    lead_text = "\n".join(lead).strip()
    if not lead_text:
        raise ArticleError(path, title_line, "no lead: write a paragraph between the title and "
                           "the first '## ' heading")
    if any(MARKER_RE.match(line) for line in lead):
        raise ArticleError(path, title_line, "markers (<!-- name: … -->) belong under a '## ' "
                           "heading, not in the lead")
    return title, title_line, lead_text, [parse_section(n, h, body, path, meta)
                                          for n, h, body in sections]


def parse_section(line: int, raw_heading: str, body: list[tuple[int, str, bool]], path: Path,
                  meta: Meta) -> Section:
    """Read a section's heading, optional explicit slug and markers, and its text."""
    heading, slug = heading_and_slug(raw_heading, line, path)
    settings: dict[str, str] = {}
    kept: list[str] = []
    for number, text, is_code in body:
        marker = None if is_code else MARKER_RE.match(text)
        if marker is None:
            kept.append(text)
            continue
        name, value = marker.group(1), marker.group(2)
        if name in ("summary", "icon"):
            if any(k.strip() for k in kept) or not value:
                raise ArticleError(path, number, f"put a non-empty <!-- {name}: … --> right "
                                   "under its '## ' heading")
            settings[name] = " ".join(value.split())
        elif name == "note":
            if value not in meta.notes:
                known = ", ".join(sorted(meta.notes)) or "none"
                raise ArticleError(path, number, f"unknown note '{value}': define it under "
                                   f"'notes:' in the front matter (defined: {known})")
            kept.append(text)
        else:
            raise ArticleError(path, number, f"unknown marker '{name}': the markers are "
                               "summary, icon and note")
    text = "\n".join(kept).strip()
    prose = [t for t in kept if t.strip() and not MARKER_RE.match(t)]
    if not prose:
        raise ArticleError(path, line, f"section '{heading}' is empty: write its text or remove "
                           "the heading")
    summary = settings.get("summary") or teaser(prose)
    if len(summary) > MAX_DESCRIPTION:
        raise ArticleError(path, line, f"the summary of '{heading}' is longer than "
                           f"{MAX_DESCRIPTION} characters: shorten it")
    return Section(heading=heading, slug=slug, summary=summary, icon=settings.get("icon"),
                   body=text, line=line)


def heading_and_slug(raw: str, line: int, path: Path) -> tuple[str, str]:
    """Split `Heading {#slug}`; without an explicit slug, slugify like MkDocs' toc does."""
    explicit = EXPLICIT_SLUG_RE.match(raw)
    heading = (explicit.group(1) if explicit else raw).strip()
    if not heading:
        raise ArticleError(path, line, "a '## ' heading is empty: write the section's heading")
    if explicit:
        slug = explicit.group(2)
        if "/" in slug or "\\" in slug or ".." in slug:
            raise ArticleError(path, line, f"slug '{slug}' contains '/', '\\' or '..': use only "
                               "lowercase letters, digits and hyphens")
        if not SAFE_SLUG_RE.match(slug):
            raise ArticleError(path, line, f"slug '{slug}' is not a clean URL: use only "
                               "lowercase ASCII letters, digits and hyphens, e.g. {#my-section}")
    else:
        slug = toc_slugify(heading, "-").strip("-_")
        if not slug:
            raise ArticleError(path, line, f"heading '{heading}' gives an empty URL slug: add "
                               "one, e.g. '## " + heading + " {#my-section}'")
    if slug in RESERVED_SLUGS:
        raise ArticleError(path, line, f"slug '{slug}' is reserved for a page the generator "
                           "makes: choose another with {#…}")
    return heading, slug


def teaser(prose: list[str]) -> str:
    """The first words of the first sentence, cut with an ellipsis: never a whole sentence."""
    paragraph = " ".join(prose[0].split())
    sentence = SENTENCE_END_RE.split(LIST_OR_QUOTE_RE.sub("", paragraph), maxsplit=1)[0]
    words = sentence.split()
    if len(words) > 1:
        cut = " ".join(words[:min(TEASER_WORDS, len(words) - 1)])
    else:
        cut = sentence[:max(1, len(sentence) // 2)]
    return cut.rstrip(",;:—–-") + "…"


def check_unique(sections: list[Section], path: Path) -> None:
    """Headings and slugs must be unique; report the second one with the first's line."""
    headings: dict[str, int] = {}
    slugs: dict[str, int] = {}
    for section in sections:
        key = section.heading.casefold()
        if key in headings:
            raise ArticleError(path, section.line, f"duplicate heading '{section.heading}' (also "
                               f"at line {headings[key]}): give each section its own heading")
        if section.slug in slugs:
            raise ArticleError(path, section.line, f"slug '{section.slug}' is used twice (also at"
                               f" line {slugs[section.slug]}): set another with {{#…}}")
        headings[key] = slugs[section.slug] = section.line
