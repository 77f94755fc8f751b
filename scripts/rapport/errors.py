"""Errors as values with a location, so the CLI can print clear lines instead of a traceback.

Every stage reports every problem it finds (`Problems`), so a maintainer fixes them all in
one pass; the CLI prints them sorted by file and line, capped so that a binary file pasted by
mistake does not flood the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

MAX_SHOWN = 50


@dataclass(unsafe_hash=True)  # not frozen: Python sets an exception's __traceback__ on raise
class ArticleError(Exception):
    """Bad input: where it is (file, 1-based line or None) and what the maintainer should do."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = display_path(self.path) + (f":{self.line}" if self.line else "")
        return f"{where}: error: {self.message}"

    def sort_key(self) -> tuple[str, int, str]:
        return display_path(self.path), self.line or 0, self.message


class SettingsError(ArticleError):
    """A problem with the site settings (mkdocs.yml): reported like any other, by its file."""


class DiskError(ArticleError):
    """A file or folder that cannot be read or written: reported like any other, by its path."""


@dataclass
class Problems(Exception):
    """Every problem found in one run, in file and line order."""

    problems: tuple[ArticleError, ...] = field(default=())

    def __post_init__(self) -> None:
        self.problems = tuple(dict.fromkeys(sorted(self.problems, key=ArticleError.sort_key)))

    def __str__(self) -> str:
        return "\n".join(report_lines(self.problems))


class Report:
    """Collects problems while a stage carries on; `raise_if_any` ends the stage."""

    def __init__(self) -> None:
        self.problems: list[ArticleError] = []

    def add(self, path: Path, line: int | None, message: str) -> None:
        self.problems.append(ArticleError(path, line, message))

    def extend(self, problems: Iterable[ArticleError]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise Problems(tuple(self.problems))


def report_lines(problems: Iterable[ArticleError], limit: int = MAX_SHOWN) -> list[str]:
    """One line per problem, at most `limit`, then how many more there were."""
    ordered = sorted(problems, key=ArticleError.sort_key)
    lines = [str(problem) for problem in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(f"… and {len(ordered) - limit} more problem(s): fix these first, then "
                     "run again")
    return lines


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is inside it, else as given."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
