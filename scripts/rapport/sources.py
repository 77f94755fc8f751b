"""Every read from the disk: the site settings (mkdocs.yml), the articles and the glossary,
Material's icons, the snippets a `--8<--` line may name, and what docs/ holds now.

Each problem (a file that cannot be read, a bad article) is collected with its file and line,
so that one run reports all of them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import material

from .article import parse_article
from .collection import GLOSSARY_FILE, Collection, Entry, in_order, name_problem
from .foreign_syntax import SNIPPET_RE
from .errors import DiskError, Problems, Report, SettingsError
from .glossary import Glossary, parse_glossary
from .layout import REVIEW_POLICY, TOOLTIPS
from .plan import icon_names
from .settings import Settings, settings_from
# Material's icons (material/…, fontawesome/…, octicons/…, simple/…), as its emoji extension
# finds them.
ICONS = Path(material.__file__).parent / "templates" / ".icons"
PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
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


def read_settings(path: Path) -> Settings:
    """Read mkdocs.yml as MkDocs does and return its settings for the generator."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with path.open(encoding="utf-8") as stream:
            config = yaml_load(stream)
    except OSError as error:
        raise Problems((SettingsError(path, None, f"cannot read the site settings "
                                     f"({error.strerror}): pass --config mkdocs.yml"),)) from None
    except Exception as error:  # noqa: BLE001  (any YAML or tag error, reported in one line)
        raise Problems((SettingsError(path, None, f"cannot read the site settings ({error}): "
                                     "fix mkdocs.yml"),)) from None
    return settings_from(config or {}, path)


@functools.cache
def project_settings() -> Settings:
    """This project's own settings (mkdocs.yml beside scripts/), for a caller that reads an
    article on its own: the importer, a test."""
    return read_settings(PROJECT_CONFIG)


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
    for path in files:
        text = read_text(path, report)
        problem = name_problem(path)
        if problem:
            report.add(path, None, problem)
        article = None
        if text is not None and not problem:
            try:
                article = parse_article(text, path, sources.settings.allowed_contacts,
                                        snippet_names(sources.settings, text),
                                        sources.settings.markdown)
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


def snippet_names(settings: Settings, text: str) -> frozenset[str]:
    """The files a `--8<--` line of `text` may name: the snippets the generator writes itself,
    and each file a line names that one of the snippets' folders holds, as pymdownx.snippets
    finds it (never outside the folder). Sought by name: a base_path of `.` is the project."""
    named = {match.group("name").split(":")[0] for line in text.splitlines()
             if (match := SNIPPET_RE.match(line)) and match.group("name")}
    return frozenset({TOOLTIPS.name, REVIEW_POLICY.name} | {
        name for name in named for folder in settings.snippet_folders
        if (folder / name).is_file()
        and (folder / name).resolve().is_relative_to(folder.resolve())})


def read_glossary(path: Path, settings: Settings, report: Report) -> Glossary | None:
    if not path.is_file():
        return None
    text = read_text(path, report)
    if text is None:
        return None
    try:
        return parse_glossary(text, path, settings.allowed_contacts, settings.markdown)
    except Problems as problems:
        report.extend(problems.problems)
        return None


def read_text(path: Path, report: Report) -> str | None:
    """A source file's text, or None with the I/O or encoding problem reported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        report.extend([DiskError(path, None, "file not found: check the path, or pass "
                                 "--source")])
        return None
    except OSError as error:
        report.extend([DiskError(path, None, f"cannot read the file ({error.strerror}): check "
                                 "its permissions")])
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


def drafts(content: Path) -> list[Path]:
    """The drafts waiting in `content/drafts/` (the importer's workspace, never published):
    each `.md` there but the importer's reports."""
    folder = content / "drafts"
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob("*.md") if not path.name.endswith(".report.md"))
