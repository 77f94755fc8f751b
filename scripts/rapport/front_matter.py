"""Read an article's front matter: the YAML between the `---` lines, validated key by key.

Every problem names the line of the key at fault and is collected, so that the body is still
checked; a usable placeholder stands in for a bad value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import yaml_lines
from .dates import iso_date
from .errors import Report
from .markdown_scan import Kind
from .settings import NextStep, is_page
from .yaml_lines import is_text

REQUIRED_KEYS = ("title", "description", "reviewed")
OPTIONAL_KEYS = ("short_title", "author", "source", "published", "edits", "notes", "order",
                 "next_steps", "review_every_months")
KEYS = REQUIRED_KEYS + OPTIONAL_KEYS
MAX_DESCRIPTION = 160
MAX_SHORT_TITLE = 40          # it follows a section's title in the browser tab and in search
NOTE_KINDS = frozenset({"note", "info", "tip", "warning", "abstract", "question"})


@dataclass(frozen=True)
class Edit:
    """One editorial change from the source text, shown to readers."""

    what: str
    why: str


@dataclass(frozen=True)
class Note:
    """A short admonition that `<!-- note: name -->` places in a section (`notes` in the
    front matter maps each name to one)."""

    kind: str
    title: str
    text: str
    line: int              # where its text starts in the file, for problems in it
    kinds: tuple[Kind, ...] = ()   # what each line of the text is, once the article is read


@dataclass(frozen=True)
class Meta:
    """The front matter, validated; dates are ISO strings. `publication` is None for an
    article the editors wrote themselves (no outside source)."""

    title: str
    description: str
    author: str | None
    publication: str | None
    published: str
    reviewed: str
    edits: tuple[Edit, ...]
    notes: Mapping[str, Note]
    order: int | None
    review_every_months: int | None = None  # sooner than the site's interval, when set
    reviewed_line: int = 1
    short_title: str | None = None          # the article's name after a section's title
    next_steps: tuple[NextStep, ...] = ()   # its own "What you can do next"; else the site's


def split_front_matter(lines: list[str], path: Path, report: Report
                       ) -> tuple[dict[str, Any], Any, int] | None:
    """The YAML mapping, its node tree and the 1-based line where the body starts."""
    if not lines or lines[0].strip() != "---":
        report.add(path, 1, "no front matter: start the file with a '---' line, then title, "
                   "description, reviewed and the other keys (handbook/articles.md, 'The "
                   "article format')")
        return None
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")),
                   None)
    if closing is None:
        report.add(path, 1, "the front matter is not closed: add a '---' line after it")
        return None
    try:
        raw, root = yaml_lines.load("\n".join(lines[1:closing]))
    except yaml_lines.YamlProblem as error:
        report.add(path, error.line + 1, f"malformed front matter ({error.problem}): fix the "
                   "YAML syntax")
        return None
    if not isinstance(raw, dict):
        report.add(path, 2, "the front matter must be a YAML mapping of 'key: value' lines")
        return None
    return raw, root, closing + 2


def parse_meta(raw: Mapping[str, Any], root: Any, path: Path, report: Report) -> Meta:
    """Validate the front matter keys and types, naming the line of the key at fault. Problems
    are reported and a usable placeholder returned, so the body is still checked."""

    def line(*where: str | int) -> int:
        return yaml_lines.line_of(root, where) + 1  # +1: the opening '---'

    def text(value: Any, where: tuple[str | int, ...], name: str) -> str:
        if value is None and len(where) == 1:  # a missing key: reported once, above or below
            return "?"
        if not is_text(value):
            report.add(path, line(*where), f"'{name}' must be non-empty text")
            return "?"
        return " ".join(value.split())

    for key in raw:
        if key not in KEYS:
            report.add(path, line(str(key)), f"unknown front matter key '{key}': the keys are "
                       f"{', '.join(KEYS)}")
    for key in REQUIRED_KEYS:
        if raw.get(key) is None:
            report.add(path, 1, f"the front matter has no '{key}': add it (see "
                       "handbook/articles.md, 'The article format')")
    description = text(raw.get("description"), ("description",), "description")
    if len(description) > MAX_DESCRIPTION:
        report.add(path, line("description"), f"'description' has {len(description)} "
                   f"characters: shorten it to {MAX_DESCRIPTION} or fewer (search engines cut "
                   "the rest)")
    reviewed = iso_date(raw.get("reviewed"))
    if reviewed is None and raw.get("reviewed") is not None:
        report.add(path, line("reviewed"), "'reviewed' must be a date written YYYY-MM-DD")
    source = raw.get("source")
    publication, published = None, iso_date(raw.get("published"))
    if source is not None:
        if not isinstance(source, dict) or "publication" not in source \
                or "published" not in source:
            report.add(path, line("source"), "'source' must have 'publication' and "
                       "'published' (a date); leave 'source' out for an article the editors "
                       "wrote")
        else:
            publication = text(source["publication"], ("source", "publication"),
                               "source.publication")
            published = iso_date(source["published"])
            if published is None:
                report.add(path, line("source", "published"), "'source.published' must be a "
                           "date written YYYY-MM-DD")
        if raw.get("author") is None:
            report.add(path, 1, "the front matter has no 'author': an article from another "
                       "publication names its author")
        if raw.get("published") is not None:
            report.add(path, line("published"), "'published' is for the editors' own "
                       "articles: with a 'source', its date is 'source.published'")
    elif raw.get("published") is None:
        report.add(path, 1, "the front matter has no 'published': add the date the editors "
                   "first published it (or a 'source' for an article from elsewhere)")
    elif published is None:
        report.add(path, line("published"), "'published' must be a date written YYYY-MM-DD")
    author = raw.get("author")
    author = text(author, ("author",), "author") if author is not None else None
    edits = raw.get("edits") or []
    if not isinstance(edits, list) or not all(isinstance(e, dict) for e in edits):
        report.add(path, line("edits"), "'edits' must be a list of entries with 'what' and "
                   "'why'")
        edits = []
    notes = raw.get("notes") or {}
    if not isinstance(notes, dict):
        report.add(path, line("notes"), "'notes' must map a note name to its kind, title and "
                   "text")
        notes = {}
    short_title = raw.get("short_title")
    if short_title is not None:
        short_title = text(short_title, ("short_title",), "short_title")
        if len(short_title) > MAX_SHORT_TITLE:
            report.add(path, line("short_title"), f"'short_title' has {len(short_title)} "
                       f"characters: keep it to {MAX_SHORT_TITLE}, it follows a section's "
                       "title in the browser tab")
    steps = raw.get("next_steps") or []
    if not isinstance(steps, list) or not all(
            isinstance(step, dict) and all(is_text(step.get(key)) for key in
                                           ("text", "link", "why")) and is_page(step["link"])
            for step in steps):
        report.add(path, line("next_steps"), "'next_steps' must be a list of entries with "
                   "'text', 'link' (a page under docs/, such as help.md) and 'why'")
        steps = []
    months = raw.get("review_every_months")
    if months is not None and (not isinstance(months, int) or isinstance(months, bool)
                               or months < 1):
        report.add(path, line("review_every_months"), "'review_every_months' must be a whole "
                   "number of months, e.g. 12 for an article whose facts are rechecked yearly")
        months = None
    order = raw.get("order")
    if order is not None and (not isinstance(order, int) or isinstance(order, bool)):
        report.add(path, line("order"), "'order' must be a whole number: articles are listed "
                   "from the lowest")
        order = None
    return Meta(
        title=text(raw.get("title"), ("title",), "title"),
        description=description,
        author=author,
        publication=publication,
        published=published or "1970-01-01",
        reviewed=reviewed or "1970-01-01",
        edits=tuple(Edit(text(e.get("what"), ("edits", n, "what"), "edits: what"),
                         text(e.get("why"), ("edits", n, "why"), "edits: why"))
                    for n, e in enumerate(edits)),
        notes={str(name): note for name, spec in notes.items()
               if (note := parse_note(str(name), spec, line("notes", name),
                                      yaml_lines.text_line_of(root, ("notes", name, "text")) + 1,
                                      path, report))},
        order=order,
        review_every_months=months,
        reviewed_line=line("reviewed"),
        short_title=short_title,
        next_steps=tuple(NextStep(" ".join(step["text"].split()), PurePosixPath(step["link"]),
                                  " ".join(step["why"].split())) for step in steps),
    )


def parse_note(name: str, spec: Any, line: int, text_line: int, path: Path, report: Report
               ) -> Note | None:
    """One entry of `notes:`; the kind is an admonition type."""
    if not isinstance(spec, dict) or not all(is_text(spec.get(k)) for k in ("title", "text")):
        report.add(path, line, f"note '{name}' needs 'title' and 'text'")
        return None
    kind = spec.get("kind", "note")
    if not isinstance(kind, str) or kind not in NOTE_KINDS:
        report.add(path, line, f"note '{name}' has kind '{kind}': use one of "
                   f"{', '.join(sorted(NOTE_KINDS))}")
        return None
    return Note(kind=kind, title=" ".join(spec["title"].split()),
                text=spec["text"].strip(), line=text_line)
