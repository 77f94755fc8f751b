"""Bring docs/ in line with the plan: compare (what to write, what to delete), then apply.

The generator owns whole folders of docs/ (each article's, `articles/`, `snippets/`) and a
fixed list of root pages (`ROOT_FILES`). It writes only what changed (so `mkdocs serve` does
not rebuild forever), writes atomically, removes its stale pages, and refuses to overwrite, or
remove, a page written by hand.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .collection import Collection
from .errors import DiskError, Problems, Report
from .layout import GLOSSARY, OWNED_FOLDERS, ROOT_FILES, TOOLTIPS, generated_source
from .plan import Plan
from .sources import Labels


@dataclass(frozen=True)
class Diff:
    """What it takes to make docs/ match the plan."""

    write: dict[PurePosixPath, str]
    delete: tuple[PurePosixPath, ...]
    unchanged: int

    @property
    def changed(self) -> bool:
        return bool(self.write or self.delete)


def compare(plan: Plan, existing: dict[PurePosixPath, str], labels: Labels,
            collection: Collection, failed: set[str], docs: Path, report: Report) -> Diff:
    """Files to write and stale files to delete. The generator owns folders, not files: each
    article's folder, `articles/` and `snippets/` (see `owned_folders`), and the root pages in
    `ROOT_FILES`. A page written there by a person (no "generated from" line) is a problem,
    not silently deleted; a planned path held by a hand-written page anywhere is a problem
    too. An article or glossary that failed to parse keeps its pages as they are."""
    for entry in collection.entries:
        clash = PurePosixPath(f"{entry.name}.md")
        if clash in existing and generated_source(existing[clash]) is None:
            report.add(entry.path, None, f"this article's address ({entry.name}/) is the "
                       f"hand-written page docs/{clash}'s: rename the article file or that "
                       "page")
    for path in plan.files:
        if path in existing and generated_source(existing[path]) is None:
            origin = plan.origins[path]
            advice = ("rename the section (an explicit slug {#…}) or move that page"
                      if origin.line else "move that page")
            report.add(origin.path, origin.line, f"{origin.what} would overwrite docs/{path}, "
                       f"which is a page written by hand: {advice}")
    folders = owned_folders(collection, existing, labels)
    kept = {name for name in folders if f"{labels.content}{name}.md" in failed}
    kept_files = {GLOSSARY, TOOLTIPS} if collection.glossary_label in failed else set()
    delete = []
    for path, text in existing.items():
        if path in plan.files or path in kept_files:
            continue
        folder = path.parts[0] if len(path.parts) > 1 else None
        if folder in kept or not (folder in folders or path in ROOT_FILES):
            continue
        if generated_source(text) is not None:
            delete.append(path)
        elif folder is not None:
            report.add(docs / path, None, f"a page written by hand in docs/{folder}/, a "
                       "folder the generator owns (its pages there are replaced and removed "
                       f"as the content changes): move it out, e.g. to docs/{path.name}, or "
                       "delete it")
    write = {path: text for path, text in plan.files.items() if existing.get(path) != text}
    return Diff(write=write, delete=tuple(sorted(delete)),
                unchanged=len(plan.files) - len(write))


def owned_folders(collection: Collection, existing: dict[PurePosixPath, str], labels: Labels
                  ) -> set[str]:
    """The top folders of docs/ that are the generator's: each article's, `articles/` and
    `snippets/`, and the folder of an article that is gone (or failed), known by its whole
    page's "generated from content/<name>.md" line."""
    folders = {entry.name for entry in collection.entries} | set(OWNED_FOLDERS)
    for path, text in existing.items():
        if (len(path.parts) == 2 and path.name == "index.md"
                and generated_source(text) == f"{labels.content}{path.parts[0]}.md"):
            folders.add(path.parts[0])
    return folders


def describe(docs: Path, diff: Diff) -> list[str]:
    problems = [f"{(docs / path).as_posix()}: {'differs' if (docs / path).exists() else 'missing'}"
                for path in diff.write]
    problems += [f"{(docs / path).as_posix()}: stale (its source is gone)"
                 for path in diff.delete]
    return problems


def apply_diff(docs: Path, diff: Diff) -> None:
    """Write changed files atomically (temp file + rename), then remove stale own files (and
    the folders they leave empty). A disk that refuses is one clear problem, not a traceback."""
    for path, text in diff.write.items():
        try:
            write_atomic(docs / path, text)
        except OSError as error:
            raise Problems((DiskError(docs / path, None, f"cannot write the page "
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
            raise Problems((DiskError(docs / path, None, f"cannot remove the stale page "
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
