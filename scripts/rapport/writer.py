"""The disk edge: read the sources, compare the plan with docs/, then write or check.

The generator owns only files whose marker names one of its sources. It writes only what
changed (so `mkdocs serve` does not rebuild forever), writes atomically, removes its own stale
pages, and refuses to overwrite a page written by hand. Every check runs before the first
write, so bad input leaves docs/ exactly as it was.
"""

from __future__ import annotations

import calendar
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

import material

from . import links, yaml_lines
from .article import parse_article
from .collection import GLOSSARY_FILE, Collection, Entry, in_order, name_problem
from .errors import ArticleError, Problems, Report, display_path
from .glossary import Glossary, parse_glossary
from .markdown_scan import classify
from .pages import REVIEW_POLICY, TOOLTIPS, Plan, generated_source, icon_names, period, plan_site
from .settings import Settings
from .yaml_lines import iso_date

# Material's icons (material/…, fontawesome/…, octicons/…, simple/…), as its emoji extension
# finds them.
ICONS = Path(material.__file__).parent / "templates" / ".icons"
ICON_NAME_RE = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


@dataclass(frozen=True)
class Sources:
    """Where the generator reads and writes: the content folder (or one article in it), the
    docs folder, and mkdocs.yml with its settings."""

    content: Path
    docs: Path
    config: Path
    settings: Settings
    only: Path | None = None      # build just this article (--source)


@dataclass(frozen=True)
class Diff:
    """What it takes to make docs/ match the plan."""

    write: dict[PurePosixPath, str]
    delete: tuple[PurePosixPath, ...]
    unchanged: int

    @property
    def changed(self) -> bool:
        return bool(self.write or self.delete)


# --- pipeline -----------------------------------------------------------------------------------


def build(sources: Sources) -> Diff:
    """Regenerate docs/ from the content, touching only what changed."""
    diff = diff_docs(sources)[0]
    apply_diff(sources.docs, diff)
    return diff


def check(sources: Sources) -> list[str]:
    """Describe each file that differs, is missing or is stale; empty when docs/ is in sync."""
    diff = diff_docs(sources)[0]
    return describe(sources.docs, diff)


def describe(docs: Path, diff: Diff) -> list[str]:
    problems = [f"{(docs / path).as_posix()}: {'differs' if (docs / path).exists() else 'missing'}"
                for path in diff.write]
    problems += [f"{(docs / path).as_posix()}: stale (its source is gone)"
                 for path in diff.delete]
    return problems


def diff_docs(sources: Sources) -> tuple[Diff, Collection]:
    """Read the content and docs/, plan, and compare: no writes. Every problem in every
    source, the plan and docs/ is reported at once: an article that fails does not stop the
    others being planned and their links checked (its pages, as they are, count as there)."""
    report = Report()
    labels = Labels(sources)
    if sources.only is not None and sources.docs.resolve() == labels.root / "docs":
        report.add(sources.only, None, "--source builds a site of this one article, to try it: "
                   "give it a docs folder of its own (--docs /tmp/preview); make pages builds "
                   "every article into docs/")
        report.raise_if_any()
    collection, failed = read_collection(sources, labels, report)
    plan = plan_site(collection, sources.settings, read_icons(collection, report),
                     sources.config, labels.config, report)
    existing = read_docs(sources.docs)
    diff = compare(plan, existing, labels, collection, report)
    kept = {path for path in diff.delete if generated_source(existing[path]) in failed}
    files = all_files(sources.docs) - (set(diff.delete) - kept)
    report.extend(broken_links(plan, existing, files))
    report.extend(hand_written_links(plan, existing, files, sources.docs))
    report.raise_if_any()
    return diff, collection


# --- reading the sources ------------------------------------------------------------------------


class Labels:
    """How markers name the sources: relative to the project (mkdocs.yml's folder), POSIX
    style, wherever the docs folder is."""

    def __init__(self, sources: Sources) -> None:
        self.root = sources.config.resolve().parent
        self.content = self.of(sources.content) + "/"
        self.config = self.of(sources.config)

    def of(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.name

    def owns(self, label: str) -> bool:
        """Whether a file generated from `label` belongs to this run's sources: its content
        folder, or a configuration file of the project (the same settings are read whichever
        one a build names, e.g. one that INHERITs mkdocs.yml)."""
        return label.startswith(self.content) or label == self.config or (
            "/" not in label and label.endswith((".yml", ".yaml")))


def read_collection(sources: Sources, labels: Labels, report: Report
                    ) -> tuple[Collection, set[str]]:
    """Read and parse every article and the glossary, reporting every problem of every file;
    the collection of those that parse, and the labels of those that do not."""
    content = sources.content
    if sources.only is not None:
        files = [sources.only]
    elif content.is_dir():
        files = sorted(content.glob("*.md"))
    else:
        report.add(content, None, "content folder not found: check the path, or pass --content")
        files = []
    entries: list[Entry] = []
    failed: set[str] = set()
    snippets = snippet_names(sources.settings)
    for path in files:
        text = read_text(path, report)
        problem = name_problem(path)
        if problem:
            report.add(path, None, problem)
        article = None
        if text is not None and not problem:
            try:
                article = parse_article(text, path, sources.settings.allowed_contacts,
                                        snippets)
            except Problems as problems:
                report.extend(problems.problems)
        if article is None:
            failed.add(labels.of(path))
            continue
        entries.append(Entry(path.stem, labels.of(path), path, article))
    glossary_path = content / GLOSSARY_FILE
    glossary = read_glossary(glossary_path, sources.settings, report)
    if glossary is None and glossary_path.is_file():
        failed.add(labels.of(glossary_path))
    collection = Collection(entries=in_order(entries), glossary=glossary, content=content,
                            label=labels.content, glossary_label=labels.of(glossary_path))
    return collection, failed


def snippet_names(settings: Settings) -> frozenset[str]:
    """The files a `--8<--` line may name: those under the snippets' base_path, and the
    snippets the generator writes there itself."""
    names = {TOOLTIPS.name, REVIEW_POLICY.name}
    for folder in settings.snippet_folders:
        if folder.is_dir():
            names |= {path.relative_to(folder).as_posix() for path in folder.rglob("*")
                      if path.is_file()}
    return frozenset(names)


def read_glossary(path: Path, settings: Settings, report: Report) -> Glossary | None:
    if not path.is_file():
        return None
    text = read_text(path, report)
    if text is None:
        return None
    try:
        return parse_glossary(text, path, settings.allowed_contacts)
    except Problems as problems:
        report.extend(problems.problems)
        return None


def read_text(path: Path, report: Report) -> str | None:
    """A source file's text, or None with the I/O or encoding problem reported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        report.add(path, None, "file not found: check the path, or pass --source")
        return None
    except OSError as error:
        report.add(path, None, f"cannot read the file ({error.strerror}): check its "
                   "permissions")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        report.add(path, line, "not valid UTF-8: save the file as UTF-8")
        return None


def read_icons(collection: Collection, report: Report) -> dict[str, str]:
    """The SVG of each icon the cards name, from Material's own icon set (an unknown one is
    reported, and stands in as an empty icon so the plan goes on)."""
    icons = {}
    for name, (path, line) in icon_names(collection).items():
        svg = ICONS / f"{name}.svg"
        if not ICON_NAME_RE.match(name) or not svg.is_file():
            report.add(path, line, f"unknown icon '{name}': use a name from Material's icon "
                       "set, e.g. material/heart-outline")
            icons[name] = ""
            continue
        icons[name] = svg.read_text(encoding="utf-8")
    return icons


def read_docs(docs: Path) -> dict[PurePosixPath, str]:
    """Every Markdown file under docs/, by relative path (undecodable bytes replaced)."""
    if not docs.is_dir():
        return {}
    return {PurePosixPath(path.relative_to(docs).as_posix()):
            path.read_bytes().decode("utf-8", errors="replace")
            for path in sorted(docs.rglob("*.md")) if path.is_file()}


def all_files(docs: Path) -> set[PurePosixPath]:
    """Every file under docs/ (pages, pictures, styles): what a link may lead to."""
    if not docs.is_dir():
        return set()
    return {PurePosixPath(path.relative_to(docs).as_posix()) for path in docs.rglob("*")
            if path.is_file()}


# --- comparing ----------------------------------------------------------------------------------


def compare(plan: Plan, existing: dict[PurePosixPath, str], labels: Labels,
            collection: Collection, report: Report) -> Diff:
    """Files to write and own stale files to delete. A planned path held by a page written by
    hand, or generated from another source, is a problem: the generator never overwrites what
    it did not write."""
    for entry in collection.entries:
        clash = PurePosixPath(f"{entry.name}.md")
        if clash in existing and generated_source(existing[clash]) is None:
            report.add(entry.path, None, f"this article's address ({entry.name}/) is the "
                       f"hand-written page docs/{clash}'s: rename the article file or that "
                       "page")
    for path, text in plan.files.items():
        if path not in existing:
            continue
        owner = generated_source(existing[path])
        if owner is not None and labels.owns(owner):
            continue
        origin = plan.origins[path]
        held = (f"was generated from {owner}" if owner else "is a page written by hand")
        advice = ("rename the section (an explicit slug {#…}) or move that page"
                  if origin.line else "move that page")
        report.add(origin.path, origin.line, f"{origin.what} would overwrite docs/{path}, "
                   f"which {held}: {advice}")
    write = {path: text for path, text in plan.files.items() if existing.get(path) != text}
    delete = tuple(sorted(path for path, text in existing.items()
                          if path not in plan.files and (owner := generated_source(text))
                          and labels.owns(owner)))
    return Diff(write=write, delete=delete, unchanged=len(plan.files) - len(write))


def broken_links(plan: Plan, existing: dict[PurePosixPath, str], files: set[PurePosixPath]
                 ) -> Iterable[ArticleError]:
    """Each relative link of an article whose file or heading the site will not have (`files`:
    what stays of docs/)."""
    after = files | set(plan.files)
    texts = {**existing, **plan.files}
    cache: dict[PurePosixPath, set[str]] = {}

    def ids(path: PurePosixPath) -> set[str]:
        if path not in cache:
            cache[path] = links.page_ids(texts[path])   # every .md page is read or planned
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
                       files: set[PurePosixPath], docs: Path) -> Iterable[ArticleError]:
    """Each link of a hand-written page to a page the site will not have: one of a deleted
    article or section, say (MkDocs would stop the strict build on it)."""
    after = files | set(plan.files)
    for path, text in existing.items():
        if path in plan.files or generated_source(text) is not None:
            continue
        lines = text.split("\n")
        kinds, _ = classify(lines)
        for link in links.find_links(tuple(lines), tuple(kinds)):
            if links.is_external(link.target) or link.target.startswith("#"):
                continue
            found = links.resolve(link.target, path.parent)
            if isinstance(found, links.Destination) and found.path not in after:
                yield ArticleError(docs / path, link.line + 1, f"link '{link.target}' leads to "
                                   f"docs/{found.path}, which the site will not have (a typo, "
                                   "or its article or section is gone): update the link")


# --- reviews ------------------------------------------------------------------------------------


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
                    date.fromisoformat(entry.article.meta.reviewed), every, "the article")
             for entry in collection.entries]
    if collection.glossary is not None:
        found.append(Review(collection.content / GLOSSARY_FILE, collection.glossary.reviewed_line,
                            date.fromisoformat(collection.glossary.reviewed), every,
                            "the glossary"))
    problems = []
    for path, text in sorted(pages.items()):
        is_help = path == settings.help_page
        months = (settings.review_help_every_months or every) if is_help else every
        reviewed, line = reviewed_in(text)
        if reviewed is not None:
            found.append(Review(docs / path, line, date.fromisoformat(reviewed), months,
                                "the help page" if is_help else "the page"))
        elif is_help and settings.review_help_every_months:
            problems.append(ArticleError(docs / path, line, "the help page has no 'reviewed:' "
                                         "date (YYYY-MM-DD): add the day its lines were last "
                                         "checked"))
    return found, problems


def reviewed_in(text: str) -> tuple[str | None, int]:
    """A hand-written page's `reviewed:` date (ISO text, or None if it gives none) and the
    1-based line to point at."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 1
    closing = next((n for n, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")),
                   None)
    if closing is None:
        return None, 1
    try:
        data, root = yaml_lines.load("\n".join(lines[1:closing]))
    except yaml_lines.YamlProblem:
        return None, 1
    if not isinstance(data, dict) or "reviewed" not in data:
        return None, 1
    return iso_date(data["reviewed"]), yaml_lines.line_of(root, ("reviewed",)) + 1


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


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day if it has no such day: 28 February
    for a 29 February; the end of the calendar if that is past it)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > date.max.year:
        return date.max
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- writing ------------------------------------------------------------------------------------


def apply_diff(docs: Path, diff: Diff) -> None:
    """Write changed files atomically (temp file + rename), then remove stale own files (and
    the folders they leave empty). A disk that refuses is one clear problem, not a traceback."""
    for path, text in diff.write.items():
        try:
            write_atomic(docs / path, text)
        except OSError as error:
            raise Problems((ArticleError(docs / path, None, f"cannot write the page "
                                         f"({error.strerror}): check the folder's permissions "
                                         "and the free space"),)) from None
    for path in diff.delete:
        try:
            (docs / path).unlink()
            folder = (docs / path).parent
            while folder != docs and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        except OSError as error:
            raise Problems((ArticleError(docs / path, None, f"cannot remove the stale page "
                                         f"({error.strerror}): check the folder's "
                                         "permissions"),)) from None


def write_atomic(target: Path, text: str) -> None:
    """Write UTF-8 text with LF line ends so that a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:   # only the rename consumes the temporary file, and it came last
        Path(temporary).unlink()
        raise
