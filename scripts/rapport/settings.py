"""The site settings the generator needs, read from mkdocs.yml (`extra.rapport`).

mkdocs.yml is where site-wide facts live once: the templates read the same values. The MkDocs
hook passes its loaded config; the command line reads the file with MkDocs' own YAML loader
(which knows `!ENV`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pymdownx.snippets import SnippetExtension

from .errors import SettingsError, Problems
from .links import Destination, resolve
from .site_markdown import MarkdownSetup, markdown_setup
from .yaml_lines import is_text


@dataclass(frozen=True)
class NextStep:
    """One link of the "What you can do next" block at the end of every article page."""

    text: str
    link: PurePosixPath     # a page under docs/
    why: str


@dataclass(frozen=True)
class Settings:
    """Site-wide values: who the editors are, where help is, how often articles are reviewed."""

    site_name: str
    site_description: str
    home_title: str
    editors: str
    help_page: PurePosixPath
    review_every_years: int
    allowed_contacts: frozenset[str]
    months: tuple[str, ...]                        # dates as readers read them (dates.py)
    characters_per_minute: int                     # reading time
    next_steps: tuple[NextStep, ...] = ()
    due_soon_days: int = 60
    review_help_every_months: int | None = None   # the help page, when sooner than the rest
    reviewer: str | None = None                    # who reviews the content (a name or role)
    snippet_folders: tuple[Path, ...] = ()         # pymdownx.snippets' base_path, resolved
    markdown: MarkdownSetup = MarkdownSetup((), {})  # mkdocs.yml's markdown_extensions


def settings_from(config: Mapping[str, Any], path: Path) -> Settings:
    """Validate `extra.rapport` (and `site_author`) of a loaded mkdocs.yml."""
    extra = config.get("extra") or {}
    rapport = extra.get("rapport") if isinstance(extra, Mapping) else None
    problems = []

    def fail(message: str) -> None:
        problems.append(SettingsError(path, None, f"extra.rapport: {message}"))

    if not isinstance(rapport, Mapping):
        raise Problems((SettingsError(path, None, "no 'extra: rapport:' settings: see "
                                     "handbook/articles.md, 'Site settings'"),))
    years = rapport.get("review_every_years")
    if not isinstance(years, int) or isinstance(years, bool) or years < 1:
        fail("'review_every_years' must be a whole number of years, e.g. 3")
    help_months = rapport.get("review_help_every_months")
    if help_months is not None and (not isinstance(help_months, int)
                                    or isinstance(help_months, bool) or help_months < 1):
        fail("'review_help_every_months' must be a whole number of months, e.g. 12")
    reviewer = rapport.get("reviewer")
    if reviewer is not None and not isinstance(reviewer, str):
        fail("'reviewer' must be who reviews the content (a name or a role), or left empty "
             "while the editors do")
    home_title = rapport.get("home_title")
    if not is_text(home_title):
        fail("'home_title' must be the home page's title (the site's name and what it is "
             "about)")
    help_page = rapport.get("help_page")
    if not is_page(help_page):
        fail("'help_page' must name the help page's file under docs/, e.g. help.md")
    allowed = rapport.get("allowed_contacts") or []
    if not isinstance(allowed, list) or not all(isinstance(item, str) for item in allowed):
        fail("'allowed_contacts' must be a list of exact e-mail addresses or numbers")
    months = rapport.get("months")
    if not (isinstance(months, list) and len(months) == 12 and all(map(is_text, months))):
        fail("'months' must be the names of the twelve months, January first")
    pace = rapport.get("characters_per_minute")
    if not isinstance(pace, int) or isinstance(pace, bool) or pace < 1:
        fail("'characters_per_minute' must be a whole number of characters read in a minute, "
             "e.g. 1200")
    feedback = extra.get("feedback")
    steps = rapport.get("next_steps") or []
    if not isinstance(steps, list) or not all(
            isinstance(step, Mapping) and all(isinstance(step.get(key), str) and step.get(key)
                                              for key in ("text", "link", "why"))
            and is_page(step["link"]) for step in steps):
        fail("'next_steps' must be a list of entries with 'text', 'link' (a page under "
             "docs/) and 'why'")
    folders = snippet_folders(config, path)
    try:
        setup = markdown_setup(config, folders)
    except ValueError as error:
        problems.append(SettingsError(path, None, f"markdown_extensions: {error}"))
    if problems:
        raise Problems(tuple(problems))
    return Settings(
        site_name=str(config.get("site_name") or ""),
        site_description=" ".join(str(config.get("site_description") or "").split()),
        home_title=" ".join(home_title.split()),
        editors=str(config.get("site_author") or "the editors"),
        help_page=PurePosixPath(help_page),
        review_every_years=years,
        allowed_contacts=frozenset(allowed) | ({feedback} if isinstance(feedback, str) and
                                               feedback else set()),
        months=tuple(months),
        characters_per_minute=pace,
        next_steps=tuple(NextStep(step["text"], PurePosixPath(step["link"]), step["why"])
                         for step in steps),
        review_help_every_months=help_months,
        reviewer=" ".join(reviewer.split()) if is_text(reviewer) else None,
        snippet_folders=folders,
        markdown=setup,
    )


def snippet_folders(config: Mapping[str, Any], path: Path) -> tuple[Path, ...]:
    """Where `--8<--` lines find their files: pymdownx.snippets' base_path (relative to the
    folder MkDocs runs in, mkdocs.yml's), from a loaded config or the raw file; the
    extension's own default where it is listed without options; none if it is not listed."""
    options = (config.get("mdx_configs") or {}).get("pymdownx.snippets")
    if options is None:
        for entry in config.get("markdown_extensions") or []:
            if entry == "pymdownx.snippets":
                options = {}
            elif isinstance(entry, Mapping) and "pymdownx.snippets" in entry:
                options = entry["pymdownx.snippets"] or {}
    if not isinstance(options, Mapping):
        return ()
    base = options.get("base_path", SnippetExtension().getConfig("base_path"))
    bases = [base] if isinstance(base, str) else list(base) if isinstance(base, list) else []
    return tuple(path.parent / folder for folder in bases if isinstance(folder, str))


def is_page(link: object) -> bool:
    """Whether a setting names a page's file under docs/ (`help.md`, `a/index.md`), written
    as the templates will use it: no `./`, `..` or `#fragment`."""
    if not isinstance(link, str) or not link.endswith(".md"):
        return False
    found = resolve(link, PurePosixPath("."))
    return isinstance(found, Destination) and str(found.path) == link


