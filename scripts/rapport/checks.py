"""The checks that need the whole site: links that must lead somewhere once docs/ is written,
and the review dates `make check` holds every source to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

import markdown
from mkdocs.utils.meta import YAML_RE

from . import links, yaml_lines
from .collection import GLOSSARY_FILE, Collection
from .dates import add_months, iso_date, period
from .errors import ArticleError, display_path
from .layout import generated_source
from .plan import Plan
from .settings import Settings


def broken_links(plan: Plan, existing: dict[PurePosixPath, str], files: set[PurePosixPath],
                 parser: markdown.Markdown) -> Iterable[ArticleError]:
    """Each relative link of an article whose file or heading the site will not have (`files`:
    what stays of docs/)."""
    after = files | set(plan.files)
    texts = {**existing, **plan.files}
    cache: dict[PurePosixPath, set[str]] = {}

    def ids(path: PurePosixPath, fragment: str) -> set[str] | frozenset[str]:
        # An article page's heading and anchor ids are in the plan; only a fragment it does
        # not name there (a footnote's, the next steps' heading) or a page of another kind
        # (hand-written, home, glossary) takes a render, once per page.
        known = plan.ids.get(path, frozenset())
        if fragment in known:
            return known
        if path not in cache:
            cache[path] = links.page_ids(texts[path], parser)   # every .md page is read or planned
        return cache[path]

    for check in plan.links:
        destination = check.destination
        if destination.path not in after:
            folder = "docs/" if check.relative_to == PurePosixPath(".") else \
                f"docs/{check.relative_to}/"
            yield ArticleError(check.path, check.line, f"link '{check.target}' leads to "
                               f"docs/{destination.path}, which does not exist: fix the path "
                               f"(it is read from {folder})")
        elif links.missing_anchor(destination, ids):
            yield ArticleError(check.path, check.line, f"link '{check.target}': "
                               f"docs/{destination.path} has no heading with the id "
                               f"'{destination.fragment}': use one of its headings' ids")


def hand_written_links(plan: Plan, existing: dict[PurePosixPath, str],
                       files: set[PurePosixPath], docs: Path, parser: markdown.Markdown
                       ) -> Iterable[ArticleError]:
    """Each link of a hand-written page to a page the site will not have: one of a deleted
    article or section, say (MkDocs would stop the strict build on it). The links are the
    renderer's own (`links.page_links`), as MkDocs' check finds them."""
    after = files | set(plan.files)
    for path, text in existing.items():
        if path in plan.files or generated_source(text) is not None:
            continue
        for link in links.page_links(text, parser):
            if links.is_external(link.target) or link.target.startswith("#"):
                continue
            found = links.resolve(link.target, path.parent)
            if isinstance(found, links.Destination) and found.path not in after:
                yield ArticleError(docs / path, link.line + 1, f"link '{link.target}' leads to "
                                   f"docs/{found.path}, which the site will not have (a typo, "
                                   "or its article or section is gone): update the link")


# --- reviews --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Review:
    """A source with a `reviewed:` date, and how often it must be reviewed."""

    path: Path
    line: int
    reviewed: date
    months: int
    what: str       # "the article", "the help page"…


def reviews(collection: Collection, settings: Settings, docs: Path,
            pages: dict[PurePosixPath, str]) -> tuple[list[Review], list[ArticleError]]:
    """Everything `make check` holds to a review date: each article, the glossary, and each
    hand-written page in `pages` that gives a `reviewed:` date; the help page on its own
    interval when one is set (help lines change sooner than research). A help page with no
    date is a problem: its interval could not be kept."""
    every = settings.review_every_years * 12
    found = [Review(entry.path, entry.article.meta.reviewed_line,
                    date.fromisoformat(entry.article.meta.reviewed),
                    entry.article.meta.review_every_months or every, "the article")
             for entry in collection.entries]
    if collection.glossary is not None:
        found.append(Review(collection.content / GLOSSARY_FILE, collection.glossary.reviewed_line,
                            date.fromisoformat(collection.glossary.reviewed), every,
                            "the glossary"))
    problems = []
    for path, text in sorted(pages.items()):
        is_help = path == settings.help_page
        reviewed, line, own = reviewed_in(text)
        months = own or ((settings.review_help_every_months or every) if is_help else every)
        if reviewed is not None:
            found.append(Review(docs / path, line, date.fromisoformat(reviewed), months,
                                "the help page" if is_help else "the page"))
        elif is_help and settings.review_help_every_months:
            problems.append(ArticleError(docs / path, line, "the help page has no 'reviewed:' "
                                         "date (YYYY-MM-DD): add the day its lines were last "
                                         "checked"))
    return found, problems


def reviewed_in(text: str) -> tuple[str | None, int, int | None]:
    """A hand-written page's `reviewed:` date in its YAML front matter (ISO text, or None if it
    gives none), the 1-based line to point at, and its own `review_every_months` (a page whose
    facts must be checked sooner than the site's interval), if it gives a whole number."""
    # The front matter as MkDocs finds it: it reads a page as `utf-8-sig`, in text mode.
    as_read = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    block = YAML_RE.match(as_read)
    if block is None:
        return None, 1, None
    try:
        data, root = yaml_lines.load(block.group(1))
    except yaml_lines.YamlProblem:
        return None, 1, None
    if not isinstance(data, dict) or "reviewed" not in data:
        return None, 1, None
    own = data.get("review_every_months")
    own = own if isinstance(own, int) and not isinstance(own, bool) and own > 0 else None
    return iso_date(data["reviewed"]), yaml_lines.line_of(root, ("reviewed",)) + 1, own


def review_status(found: list[Review], settings: Settings, today: date
                  ) -> tuple[list[ArticleError], list[str]]:
    """Reviews that are overdue (problems), and those due soon (notes)."""
    overdue, soon = [], []
    for review in found:
        due = add_months(review.reviewed, review.months)
        if due < today:
            overdue.append(ArticleError(review.path, review.line, f"last reviewed on "
                                        f"{review.reviewed}, more than {period(review.months)} "
                                        f"ago: review {review.what}, then set 'reviewed:' to "
                                        "that day"))
        elif (due - today).days <= settings.due_soon_days:
            soon.append(note(review.path, review.line, f"review due by {due} (in "
                             f"{(due - today).days} days)"))
    return overdue, soon


def summary_notes(collection: Collection) -> list[str]:
    """A note for each section whose card shows cut-off words because no one wrote it a
    summary."""
    return [note(entry.path, section.line, f"section '{section.title}' has no summary: its "
                 "card shows its first words; write one with <!-- summary: … --> under its "
                 "heading")
            for entry in collection.entries for section in entry.article.sections
            if not section.summary_written]


def note(path: Path, line: int, message: str) -> str:
    """A line that informs without failing, in the same form as an error."""
    return f"{display_path(path)}:{line}: note: {message}"
