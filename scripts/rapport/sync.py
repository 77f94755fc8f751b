"""Bring docs/ in line with the plan: compare (what to write, what to delete), then apply.

The generator owns only files whose marker names one of its sources. It writes only what
changed (so `mkdocs serve` does not rebuild forever), writes atomically, removes its own stale
pages, and refuses to overwrite a page written by hand.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .collection import Collection
from .errors import DiskError, Problems, Report
from .layout import generated_source
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
