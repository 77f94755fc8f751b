"""The disk edge: read the article, compare the plan with docs/, then write or check.

The generator owns only files whose marker names its source. It writes only what changed (so
`mkdocs serve` does not rebuild forever), writes atomically, removes its own stale pages, and
refuses to overwrite a hand-written page. All checks run before the first write, so bad input
leaves docs/ exactly as it was.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import material

from .article import Article, parse_article
from .errors import ArticleError
from .pages import generated_source, icon_names, plan_site

# Material's icons (material/…, fontawesome/…, octicons/…, simple/…), as its emoji extension
# finds them.
ICONS = Path(material.__file__).parent / "templates" / ".icons"


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


def build(source: Path, docs: Path) -> Diff:
    """Regenerate docs/ from the article, touching only what changed."""
    diff = diff_docs(source, docs)
    apply_diff(docs, diff)
    return diff


def check(source: Path, docs: Path) -> list[str]:
    """Describe each file that differs, is missing or is stale; empty when docs/ is in sync."""
    diff = diff_docs(source, docs)
    problems = [f"{(docs / path).as_posix()}: {'differs' if (docs / path).exists() else 'missing'}"
                for path in diff.write]
    problems += [f"{(docs / path).as_posix()}: stale (no longer in the article)"
                 for path in diff.delete]
    return problems


def diff_docs(source: Path, docs: Path) -> Diff:
    """Read the article and docs/, and compare them: no writes."""
    article = read_article(source)
    label = source_label(source, docs)
    plan = plan_site(article, label, folder=source.stem, icons=read_icons(article, source))
    return compare(plan, read_docs(docs), label, docs)


# --- pure comparison ----------------------------------------------------------------------------


def compare(plan: dict[PurePosixPath, str], existing: dict[PurePosixPath, str], label: str,
            docs: Path) -> Diff:
    """Files to write, own stale files to delete; a planned path held by another file is an
    error, because the generator never overwrites what it did not write."""
    for path in plan:
        if path in existing and generated_source(existing[path]) != label:
            owner = generated_source(existing[path])
            why = f"was generated from {owner}" if owner else "is a hand-written page"
            raise ArticleError(docs / path, 1, f"{why}, and the article would overwrite it: "
                               "rename the section (explicit slug {#…}) or move that page")
    write = {path: text for path, text in plan.items() if existing.get(path) != text}
    delete = tuple(sorted(path for path, text in existing.items()
                          if path not in plan and generated_source(text) == label))
    return Diff(write=write, delete=delete, unchanged=len(plan) - len(write))


def source_label(source: Path, docs: Path) -> str:
    """How markers name the source: relative to the project (docs/'s parent), POSIX style."""
    try:
        return source.resolve().relative_to(docs.resolve().parent).as_posix()
    except ValueError:
        return source.name


# --- disk ---------------------------------------------------------------------------------------


def read_article(source: Path) -> Article:
    """Read and parse the article, turning I/O and encoding problems into ArticleErrors."""
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise ArticleError(source, None, "file not found: check the path, or pass --source") \
            from None
    except OSError as error:
        raise ArticleError(source, None, f"cannot read the file ({error.strerror}): check its "
                           "permissions") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise ArticleError(source, line, "not valid UTF-8: save the file as UTF-8") from None
    return parse_article(text.removeprefix("\ufeff"), source)


def read_icons(article: Article, source: Path) -> dict[str, str]:
    """The SVG of each icon the cards name, from Material's own icon set."""
    icons = {}
    for name, line in icon_names(article).items():
        path = ICONS / f"{name}.svg"
        if ".." in name or not path.is_file():
            raise ArticleError(source, line, f"unknown icon '{name}': use a name from Material's "
                               "icon set, e.g. material/heart-outline")
        icons[name] = path.read_text(encoding="utf-8")
    return icons


def read_docs(docs: Path) -> dict[PurePosixPath, str]:
    """Every Markdown file under docs/, by relative path (undecodable bytes replaced)."""
    if not docs.is_dir():
        return {}
    return {PurePosixPath(path.relative_to(docs).as_posix()):
            path.read_bytes().decode("utf-8", errors="replace")
            for path in sorted(docs.rglob("*.md")) if path.is_file()}


def apply_diff(docs: Path, diff: Diff) -> None:
    """Write changed files atomically (temp file + rename), then remove stale own files."""
    for path, text in diff.write.items():
        write_atomic(docs / path, text)
    for path in diff.delete:
        (docs / path).unlink()


def write_atomic(target: Path, text: str) -> None:
    """Write UTF-8 text with LF line ends so that a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
