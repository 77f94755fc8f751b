"""Parse one article: its front matter (`front_matter`), a title, a lead, then sections.

Pure functions from text to frozen dataclasses. Headings and definitions are read with the
site's own Python-Markdown (`markdown_scan`), unsafe markup refused (`safety`), summaries cut
from the text when none is written (`summaries`), slugs made by MkDocs' function (`slugs`);
every problem is collected, each naming the file, the line and what to do."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path

from .contacts import find_contacts
from .errors import Problems, Report
from .foreign_syntax import check_foreign_syntax
from .front_matter import MAX_DESCRIPTION, Meta, parse_meta, split_front_matter
from .definitions import Defined, definition_spans, labels_defined_twice
from .markdown_scan import Found, Kind, read_markdown
from .placed_text import at_lines, lead_problems, read_notes
from .safety import unsafe_markup
from .site_markdown import MarkdownSetup
from .slugs import has_letters, heading_slug, plain_text, split_attributes, unique
from .summaries import first_paragraph, teaser

# --- the article format -------------------------------------------------------------------------

MAX_SLUG_BYTES = 150  # a page's file name; file systems allow 255 bytes
MARKERS = ("summary", "icon", "note")

SAFE_SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
# Only our own markers are read from comments; every other comment (`<!-- cSpell:ignore … -->`,
# `<!-- md:version … -->`, a contributors block) is the author's and passes through.
MARKER_RE = re.compile(rf"^<!--\s*({'|'.join(MARKERS)})\s*:\s*(.*?)\s*-->\s*$")
COMMENT_RE = re.compile(r"^\s*<!--.*-->\s*$")
# The one other comment that is ours: a to-do the importer leaves for an editor. It stops the
# build until done, with the words it always had (handbook/importing.md shows them).
TODO_RE = re.compile(r"^<!--\s*todo\s*:")


@dataclass(frozen=True)
class Text:
    """Lines of Markdown from the article, with the file line of the first and what each line
    is to the renderer (code and raw HTML are copied as they are)."""

    lines: tuple[str, ...]
    kinds: tuple[Kind, ...]
    first: int

    def markdown(self) -> str:
        return "\n".join(self.lines).strip("\n")

    def prose(self) -> list[str]:
        """The lines a reader reads as text (not code, HTML or blank)."""
        return [line for line, kind in zip(self.lines, self.kinds) if kind is Kind.TEXT]


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section (### and deeper), for links to it."""

    text: str
    explicit_id: str | None


@dataclass(frozen=True)
class Section:
    """One section: its page is `<slug>.md` in the article's folder; `title` is the heading as
    plain text (navigation, cards, page titles); `summary_written` says whether an editor wrote
    the card's summary or it was cut from the text."""

    heading: str
    title: str
    slug: str
    explicit_id: str | None
    summary: str
    summary_written: bool
    icon: str | None
    body: Text
    subheadings: tuple[Subheading, ...]
    line: int


@dataclass(frozen=True)
class Definition:
    """A footnote, link reference or abbreviation definition: the article's, wherever written;
    each page gets the ones it uses."""

    label: str
    kind: str              # "footnote", "reference" or "abbreviation"
    text: Text


@dataclass(frozen=True)
class Article:
    """A whole parsed article, ready to be planned into pages."""

    meta: Meta
    title: str
    lead: Text
    sections: tuple[Section, ...]
    definitions: tuple[Definition, ...] = field(default=())
    # As the renderer finds them, each at its line of the file: Markdown links and pictures,
    # href and src in raw HTML, and the ids the text writes (raw HTML anchors, {#attr lists}).
    links: tuple[Found, ...] = ()
    html_links: tuple[Found, ...] = ()
    ids: tuple[Found, ...] = ()


# --- entry point --------------------------------------------------------------------------------


def parse_article(text: str, path: Path, allowed_contacts: frozenset[str] = frozenset(),
                  snippets: frozenset[str] = frozenset(), markdown: MarkdownSetup | None = None
                  ) -> Article:
    """Parse and validate an article; raise `Problems` naming every problem found. `snippets`:
    the files a `--8<--` line may name; `markdown`: the site's (default: this project's)."""
    if markdown is None:
        from .sources import project_settings  # sources reads the disk, and imports this

        markdown = project_settings().markdown
    report = Report()
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for contact in find_contacts(lines, allowed_contacts):
        report.add(path, contact.line + 1, f"{contact.kind} '{contact.value}': contact "
                   "details never go on the site (the seed's poster's e-mail and the "
                   "publisher's phone were removed): delete it")
    front = split_front_matter(lines, path, report)
    article = None
    if front is not None:
        raw, root, body_start = front
        meta = parse_meta(raw, root, path, report)
        article = split_body(lines[body_start - 1:], body_start, path, meta, report,
                             snippets, markdown)
    if article is None or report.problems:  # no article without a problem to say why
        raise Problems(tuple(report.problems))
    return article


def split_body(lines: list[str], first: int, path: Path, meta: Meta, report: Report,
               snippets: frozenset[str], markdown: MarkdownSetup) -> Article | None:
    """Split the body into title, lead and sections; `first` is the body's 1-based line."""
    reading = read_markdown(lines, markdown.parser)
    report.extend(unsafe_markup(lines, reading.elements, path, first))
    kinds, found, defined = list(reading.kinds), reading.headings, reading.defined
    for line, heading in reading.stray_headings:
        report.add(path, first + line, f"'{heading}' follows a closing tag on the same line, so "
                   "it would start no page: put it on a line of its own")
    for block in reading.open_blocks:
        report.add(path, first + block.index, f"{block.what} is never closed, so everything "
                   "after it would be hidden: close it")
    check_foreign_syntax(lines, kinds, first, path, report, snippets)
    for number, line in enumerate(lines):
        if kinds[number] is Kind.HTML and TODO_RE.match(line):
            report.add(path, first + number, "unknown marker 'todo': the markers are "
                       f"{', '.join(MARKERS)}")
        marker = MARKER_RE.match(line) if kinds[number] is Kind.HTML else None
        if marker and number not in reading.lone_html:
            report.add(path, first + number, f"a <!-- {marker.group(1)}: … --> marker inside raw "
                       "HTML or a longer comment: put it on a line of its own, outside them")
            kinds[number] = Kind.TEXT     # not read as a marker
        elif marker and marker.group(1) == "note" and joins_note(lines, number):
            report.add(path, first + number, "the indented text after this note would join its "
                       "box on the page: unindent it, or put a paragraph between them")
    titles = [h for h in found if h.level == 1]
    if not titles:
        report.add(path, first, "no title: add '# Title' (or a title underlined with '===') "
                   "after the front matter")
        return None
    title_heading = titles[0]
    for extra in titles[1:]:
        report.add(path, first + extra.index, "a second title: use '## ' (or a '---' "
                   "underline) for sections")
    before = [n for n in range(title_heading.index) if kinds[n] is not Kind.BLANK
              and not (kinds[n] is Kind.HTML and lines[n].lstrip().startswith("<!--"))]
    if before:
        report.add(path, first + before[0], "text before the title: start the body with the "
                   "'# Title' line")
    title, _ = split_attributes(title_heading.raw)
    title_text = plain_text(title)
    if meta.title not in (title_text, " ".join(title.split()), "?"):
        report.add(path, first + title_heading.index, "the title differs from 'title:' in the "
                   "front matter: make them the same")
    starts = [h for h in found if h.level == 2 and h.index > title_heading.index]
    if not starts:
        report.add(path, first + title_heading.index, "no sections: split the article with "
                   "'## Heading' lines (or headings underlined with '---')")
        return None
    body_end = [h.index for h in starts] + [len(lines)]
    lead = text_of(lines, kinds, title_heading.end + 1, starts[0].index, first)
    definitions: list[Definition] = []
    lead = take_definitions(lead, definitions, defined)
    for number, line in enumerate(lead.lines):
        if lead.kinds[number] is Kind.HTML and MARKER_RE.match(line):
            report.add(path, lead.first + number, "markers (<!-- name: … -->) belong under a "
                       "'## ' heading, not in the lead")
    sections = []
    # Explicit slugs first, so that a heading's own slug steps around them.
    taken = {explicit for h in starts if (explicit := split_attributes(h.raw)[1])}
    at = [h.index for h in found]  # in order: each section's headings by bisection, not a scan
    for position, (start, end) in enumerate(zip(starts, body_end[1:]), 1):
        body = take_definitions(text_of(lines, kinds, start.end + 1, end, first), definitions,
                                defined)
        subheadings = tuple(Subheading(*split_attributes(h.raw))
                            for h in found[bisect_right(at, start.end):bisect_left(at, end)]
                            if h.level > 2)
        section = parse_section(start.raw, first + start.index, position, body, subheadings,
                                path, meta, taken, report)
        if section is not None:
            sections.append(section)
    check_duplicate_explicit_slugs(sections, path, report)
    for line, label, before in labels_defined_twice(
            [(d.kind, d.label, d.text.lines, d.text.first) for d in definitions]):
        report.add(path, line, f"'{label}' is defined twice (also at line {before}): keep one")
    meta, note_links = read_notes(meta, definitions, markdown, path, report)
    report.extend(lead_problems(lead, meta, definitions, markdown, path))
    return Article(meta=meta, title=meta.title if meta.title != "?" else title_text, lead=lead,
                   sections=tuple(sections), definitions=tuple(definitions),
                   links=at_lines(reading.links, first) + note_links,
                   html_links=at_lines(reading.html_links, first),
                   ids=at_lines(reading.ids, first))


def text_of(lines: list[str], kinds: list[Kind], start: int, end: int, first: int) -> Text:
    return Text(tuple(lines[start:end]), tuple(kinds[start:end]), first + start)


def joins_note(lines: list[str], number: int) -> bool:
    """Whether the next line with text after a note's marker is indented: on the page, it
    would continue the note's box."""
    following = next((line for line in lines[number + 1:] if line.strip()), "")
    return following.startswith(("    ", "\t"))


def take_definitions(text: Text, definitions: list[Definition], defined: Defined) -> Text:
    """Move footnote, link reference and abbreviation definitions out of `text` into
    `definitions` (pages get the ones they use). Their lines become blank, so every other line
    keeps its number."""
    lines, kinds = list(text.lines), list(text.kinds)
    for start, end, label, kind in definition_spans(lines, kinds, defined):
        definitions.append(Definition(label, kind, Text(
            tuple(lines[start:end]), tuple(kinds[start:end]), text.first + start)))
        lines[start:end] = [""] * (end - start)
        kinds[start:end] = [Kind.BLANK] * (end - start)
    return Text(tuple(lines), tuple(kinds), text.first)


def parse_section(raw_heading: str, line: int, position: int, body: Text,
                  subheadings: tuple[Subheading, ...], path: Path, meta: Meta, taken: set[str],
                  report: Report) -> Section | None:
    """Read a section's heading, slug and markers, and its text."""
    heading, explicit = split_attributes(raw_heading)
    if not heading:
        report.add(path, line, "a section heading is empty: write the section's heading")
        return None
    title = plain_text(heading) or heading
    if explicit is not None:
        if "/" in explicit or "\\" in explicit or ".." in explicit:
            report.add(path, line, f"slug '{explicit}' contains '/', '\\' or '..': use only "
                       "lowercase letters, digits and hyphens")
            return None
        if not SAFE_SLUG_RE.match(explicit):
            report.add(path, line, f"slug '{explicit}' is not a clean URL: use only lowercase "
                       "ASCII letters, digits and hyphens, e.g. {#my-section}")
            return None
        slug = explicit
    else:
        natural = heading_slug(heading)
        slug = unique(natural if has_letters(natural) else f"section-{position}", taken)
        if len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
            report.add(path, line, f"the heading '{title[:40]}…' makes a page name too long for "
                       "a file: give it a shorter one, e.g. {#my-section}")
            return None
    settings: dict[str, str] = {}
    kept_lines: list[str] = []
    kept_kinds: list[Kind] = []
    for offset, (text, kind) in enumerate(zip(body.lines, body.kinds)):
        marker = MARKER_RE.match(text) if kind is Kind.HTML else None
        if marker is None:
            kept_lines.append(text)
            kept_kinds.append(kind)
            continue
        name, value = marker.group(1), marker.group(2)
        number = body.first + offset
        if name == "note":  # stays in the text: the pages put the note there
            if value not in meta.notes:
                known = ", ".join(sorted(meta.notes)) or "none"
                report.add(path, number, f"unknown note '{value}': define it under 'notes:' "
                           f"in the front matter (defined: {known})")
            kept_lines.append(text)
            kept_kinds.append(kind)
            continue
        if any(k is not Kind.BLANK for k in kept_kinds) or not value:
            report.add(path, number, f"put a non-empty <!-- {name}: … --> right under its "
                       "heading")
        settings[name] = " ".join(value.split())
        kept_lines.append("")  # blank, so that every other line keeps its number
        kept_kinds.append(Kind.BLANK)
    text = Text(tuple(kept_lines), tuple(kept_kinds), body.first)
    prose = [t for t, k in zip(kept_lines, kept_kinds) if k is not Kind.BLANK
             and not MARKER_RE.match(t) and not COMMENT_RE.match(t)]
    if not prose:
        report.add(path, line, f"section '{title}' is empty: write its text or remove the "
                   "heading")
        return None
    written = settings.get("summary")
    summary = written or teaser(first_paragraph(text) or prose[:1])
    if written and len(summary) > MAX_DESCRIPTION:
        report.add(path, line, f"the summary of '{title}' is longer than {MAX_DESCRIPTION} "
                   "characters: shorten it")
    return Section(heading=heading, title=title, slug=slug, explicit_id=explicit,
                   summary=summary, summary_written=written is not None,
                   icon=settings.get("icon"), body=text, subheadings=subheadings, line=line)


def check_duplicate_explicit_slugs(sections: list[Section], path: Path, report: Report) -> None:
    """Two sections may share a heading (the second gets `-2`), but not an explicit slug."""
    seen: dict[str, int] = {}
    for section in sections:
        if section.slug in seen:
            report.add(path, section.line, f"slug '{section.slug}' is used twice (also at "
                       f"line {seen[section.slug]}): set another with {{#…}}")
        seen.setdefault(section.slug, section.line)
