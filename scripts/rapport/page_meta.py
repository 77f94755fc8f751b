"""Each generated page's front matter: what the templates read about the page and its
article (titles, credits, dates, reading time, part numbers).

Always written by pure-Python PyYAML (`yaml_lines.dump`), and dumped as little as possible:
the block every page of an article shares once per article, the values of each section
page's own keys in one run for the whole article; the bytes are those of one dump of each
page's whole mapping.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .article import Article
from .collection import Collection, Entry
from .layout import MARK
from .slugs import escape_html
from .yaml_lines import dump, dump_values

if TYPE_CHECKING:
    from .settings import Settings

# The ends of pages' front matter: a section page without subheadings (a table of contents
# would list only "What you can do next"), and the whole article (see render_whole).
HIDE_TOC = dump({"hide": ["toc"]})
WHOLE_PAGE_END = dump({"search": {"exclude": True}, "hide": ["footer"]})


def latest_review(collection: Collection) -> dict[str, str]:
    """A page that shows every article changes when any of them is reviewed."""
    if not collection.entries:
        return {}
    return {"reviewed": max(entry.article.meta.reviewed for entry in collection.entries)}


def article_front_matter(entry: Entry, settings: Settings, edits_id: str) -> str:
    """What the templates need to know about the article a page belongs to (credits, dates,
    JSON-LD, the way back to the whole article), from its own front matter: the same on every
    page of the article, so dumped once per article (YAML is most of the generator's time)."""
    return dump(article_meta(entry, settings, edits_id))


def section_front_matter(article: Article) -> list[tuple[str, str]]:
    """Each section page's own front matter (its title, and its summary as description) and
    the line of its part number, their values dumped in one run of PyYAML for the whole
    article (`dump_values`)."""
    # The title (browser tab, social cards, search) names the article too: "How to raise it"
    # alone could be any site's page. The heading and the navigation keep the section's own.
    short = article.meta.short_title or article.title
    rows = [(escape_html(f"{section.title} · {short}"), escape_html(section.summary), number)
            for number, section in enumerate(article.sections, 1)]
    return [(f"title: {values[0]}\ndescription: {values[1]}\n", f"part: {values[2]}\n")
            if values is not None else
            (dump({"title": row[0], "description": row[1]}), dump({"part": row[2]}))
            for row, values in zip(rows, dump_values(rows))]


def article_page_front_matter(source: str, fields: str, shared: str, extra: str, after: str
                              ) -> str:
    """A page's front matter: its own dumped `fields`, the article's `shared` block, then the
    page's dumped `extra` keys inside that block's `article:` mapping (which `shared` ends
    with), and the dumped `after`. The same bytes as one dump of the whole mapping, which a
    test checks."""
    inner = "".join(f"  {line}\n" for line in extra.splitlines())
    return f"---\n# {MARK.format(source=source)}\n{fields}{shared}{inner}{after}---\n"


@functools.lru_cache(maxsize=1024)
def dump_item(key: str, value: str | int) -> str:
    """One `key: value` line of front matter, remembered: a part number, an icon's name."""
    return dump({key: value})


def article_meta(entry: Entry, settings: Settings, edits_id: str) -> dict[str, object]:
    """The article's own block of front matter, without a page's own keys in it."""
    meta = entry.article.meta
    sooner = {"review_every_months": meta.review_every_months} if meta.review_every_months \
        else {}
    return {
        "author": escape_html(meta.author or settings.editors),
        "reviewed": meta.reviewed,
        **sooner,
        "article": {
            "title": escape_html(entry.article.title),
            "author": escape_html(meta.author) if meta.author else None,
            "publication": escape_html(meta.publication) if meta.publication else None,
            "published": meta.published,
            "whole": f"{entry.name}/index.md",
            "edits": edits_id,
        },
    }


def front_matter(source: str, fields: Mapping[str, object]) -> str:
    """YAML front matter with the generated marker as its first line (visible in the source)."""
    return f"---\n# {MARK.format(source=source)}\n{dump(dict(fields))}---\n"


def reading_minutes(article: Article, characters_per_minute: int) -> int:
    """Minutes to read the whole article, counted the way the templates count (both read the
    pace from mkdocs.yml, `extra.rapport.characters_per_minute`)."""
    characters = sum(len(line) for text in (article.lead, *(s.body for s in article.sections))
                     for line in text.prose())
    return max(1, math.ceil(characters / characters_per_minute))
