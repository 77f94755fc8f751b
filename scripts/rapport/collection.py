"""The collection: every article in content/, each under its name, in the editors' order.

An article is `content/<name>.md`; `<name>` becomes its folder in docs/ and its URLs, so it
must be a clean URL part. Editors order articles with `order:` in each front matter (lowest
first); articles without one follow, by name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .article import Article
from .glossary import Glossary

NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
GLOSSARY_FILE = "glossary.yml"
# Names under docs/ that the generator or the theme use: no article may take them.
ARTICLES_FOLDER = "articles"          # the navigation file listing the articles
SNIPPETS_FOLDER = "snippets"          # text included in pages (tooltips, review policy)
GLOSSARY_PAGE = "glossary"
RESERVED_NAMES = frozenset({"index", ARTICLES_FOLDER, SNIPPETS_FOLDER, GLOSSARY_PAGE, "assets",
                            "search", "404", "sitemap", "robots", "javascripts", "stylesheets"})


@dataclass(frozen=True)
class Entry:
    """One article of the collection: its name (folder), the label its pages' markers carry
    (`content/<name>.md`) and the parsed article."""

    name: str
    label: str
    path: Path
    article: Article

    @functools.cached_property
    def folder(self) -> PurePosixPath:
        """Its folder under docs/, made once: every page and link of the article asks."""
        return PurePosixPath(self.name)


@dataclass(frozen=True)
class Collection:
    """What the generator builds the site from."""

    entries: tuple[Entry, ...]
    glossary: Glossary | None
    content: Path              # the content folder
    label: str                 # the content folder, as markers name it ("content/")
    glossary_label: str        # "content/glossary.yml"


def name_problem(path: Path) -> str | None:
    """Why a content file cannot be an article, or None if its name is fine."""
    name = path.stem
    if not NAME_RE.match(name):
        return (f"the file name '{path.name}' cannot be an article's address: use lowercase "
                "letters, digits and hyphens, e.g. when-it-isnt-working.md")
    if name in RESERVED_NAMES:
        return (f"'{name}' is a name the site itself uses (docs/{name}/): rename the file, "
                f"e.g. {name}-article.md")
    return None


def in_order(entries: list[Entry]) -> tuple[Entry, ...]:
    """Articles with an `order` first (lowest first), then the rest by name."""
    return tuple(sorted(entries, key=lambda entry: (
        entry.article.meta.order is None, entry.article.meta.order or 0, entry.name)))
