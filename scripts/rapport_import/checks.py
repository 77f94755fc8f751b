"""The importer's only window on the generator (`rapport`): its contact check, and its verdict
on a draft. Kept to these two functions because the generator's modules change under us."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rapport.article import parse_article
from rapport.contacts import find_contacts
from rapport.errors import Problems


def contacts(lines: Iterable[str]) -> list[tuple[int, str, str]]:
    """Every e-mail address and phone number the generator would refuse: (0-based line, kind,
    value)."""
    return [(found.line, found.kind, found.value) for found in find_contacts(lines, examples_pass=False)]


def generator_problems(text: str, path: Path) -> list[tuple[int, str]]:
    """What the generator says about a draft, as (line, message); empty when it would pass."""
    try:
        parse_article(text, path)
    except Problems as problems:
        return [(problem.line or 0, problem.message) for problem in problems.problems]
    return []
