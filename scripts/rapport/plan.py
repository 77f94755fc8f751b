"""Plan the site: every file the generator owns in docs/, as {relative path: text}, and the
links the checks must follow.

Pure: the same sources always give the same plan, byte for byte (no dates of "now", order from
the editors). Each article's links are checked once and written for each of its pages
(`LinkResolver`), with every id the article carries (`anchor_map`); the text of each page
comes from `page_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from . import links
from .article import Article
from .collection import GLOSSARY_FILE, Collection, Entry
from .errors import Report
from .layout import (ARTICLE_ICON, ARTICLES_NAV, ARTICLES_PAGE, DEFAULT_ICON, EDITS_ID, GLOSSARY,
                     HOME, NAV_FILE, REVIEW_POLICY, TOOLTIPS, section_page)
from .page_text import (heading_text, note_text, render_article_nav, render_articles_nav,
                        render_articles_page, render_glossary, render_home, render_review_policy,
                        render_section, render_tooltips, render_whole)
from .settings import Settings
from .slugs import heading_slug, slugify, toc_unique, unique


@dataclass(frozen=True)
class LinkCheck:
    """A relative link the plan writes: it must lead to a file (and heading) of the site."""

    path: Path
    line: int | None
    target: str
    destination: links.Destination
    relative_to: PurePosixPath   # the folder under docs/ the link is written from


class Origin(NamedTuple):
    """What asked for a planned file, for a problem about it: source file, line, and what."""

    path: Path
    line: int | None
    what: str


@dataclass(frozen=True)
class Plan:
    """Every file to write (with what asked for each), and the relative links whose targets
    the writer checks against docs/."""

    files: dict[PurePosixPath, str]
    origins: dict[PurePosixPath, Origin]
    links: tuple[LinkCheck, ...]


@dataclass(frozen=True)
class Anchor:
    """Where an id of the article (as one document) ends up: on the whole page, and on the
    section page that holds it (`section` None: the title; `local` None: the page's top)."""

    whole: str
    section: int | None
    local: str | None


def plan_site(collection: Collection, settings: Settings, icons: Mapping[str, str],
              config: Path, config_label: str, report: Report) -> Plan:
    """Every generated file: the home page, each article's pages and navigation, the list of
    articles, the glossary page and the snippets pages include (tooltips, review policy).
    `icons` maps each card's icon name to its SVG (see `icon_names`). Problems (links that
    cannot work) go to `report`; the plan is made all the same."""
    checks: list[LinkCheck] = []
    files: dict[PurePosixPath, str] = {}
    origins: dict[PurePosixPath, Origin] = {}
    resolvers = {}
    for entry in collection.entries:
        edits_id = unique(EDITS_ID, {section.slug for section in entry.article.sections}
                          | {sub.explicit_id for section in entry.article.sections
                             for sub in section.subheadings if sub.explicit_id})
        resolvers[entry.name] = LinkResolver(entry, anchor_map(entry.article, edits_id),
                                             report, checks)
        article_files, article_origins = plan_article(entry, settings, edits_id,
                                                      resolvers[entry.name])
        files.update(article_files)
        origins.update(article_origins)
    files[HOME] = render_home(collection, settings, icons)
    files[ARTICLES_NAV] = render_articles_nav(collection)
    files[ARTICLES_PAGE] = render_articles_page(collection, settings, icons, resolvers)
    origins[HOME] = Origin(collection.content, None, "the home page")
    origins[ARTICLES_NAV] = origins[ARTICLES_PAGE] = Origin(collection.content, None,
                                                            "the list of articles")
    if collection.glossary is not None:
        files[GLOSSARY] = render_glossary(collection.glossary, collection.glossary_label)
        files[TOOLTIPS] = render_tooltips(collection.glossary, collection.glossary_label)
        origins[GLOSSARY] = origins[TOOLTIPS] = Origin(
            collection.content / GLOSSARY_FILE, None, "the glossary")
    files[REVIEW_POLICY] = render_review_policy(settings, config_label)
    origins[REVIEW_POLICY] = Origin(config, None, "the review policy")
    if collection.entries:  # the block is only shown on article pages
        checks.extend(LinkCheck(config, None, step.link.as_posix(),
                                links.Destination(step.link), PurePosixPath("."))
                      for step in settings.next_steps)
    return Plan(files=dict(sorted(files.items())), origins=origins, links=tuple(checks))


def icon_names(collection: Collection) -> dict[str, tuple[Path, int]]:
    """Each icon the pages need (the articles' cards, and each section page's part line), with
    the file and line of the first section asking for it."""
    names: dict[str, tuple[Path, int]] = {ARTICLE_ICON: (Path("."), 0)}
    for entry in collection.entries:
        for section in entry.article.sections:
            names.setdefault(section.icon or DEFAULT_ICON, (entry.path, section.line))
    return names


def plan_article(entry: Entry, settings: Settings, edits_id: str, resolver: LinkResolver
                 ) -> tuple[dict[PurePosixPath, str], dict[PurePosixPath, Origin]]:
    """An article's pages: the whole article first (its folder's index), then one page per
    section, and the folder's SUMMARY.md that mkdocs-literate-nav reads."""
    article, folder = entry.article, entry.folder
    whole = folder / "index.md"
    plan = {whole: render_whole(entry, settings, edits_id, resolver, whole)}
    origins = {whole: Origin(entry.path, None, "its whole page"),
               folder / NAV_FILE: Origin(entry.path, None, "its navigation")}
    total = len(article.sections)
    for number, section in enumerate(article.sections):
        path = section_page(folder, section.slug)
        plan[path] = render_section(entry, section, number, total, settings, edits_id,
                                    resolver.href_for(path, number))
        origins[path] = Origin(entry.path, section.line, f"section '{section.title}'")
    plan[folder / NAV_FILE] = render_article_nav(entry)
    return plan, origins


class LinkResolver:
    """Checks an article's links once, then writes each of them for any of its pages."""

    def __init__(self, entry: Entry, anchors: Mapping[str, Anchor], report: Report,
                 checks: list[LinkCheck]) -> None:
        self.entry = entry
        self.anchors = anchors
        self.destinations: dict[str, links.Destination] = {}
        texts = [entry.article.lead, *(section.body for section in entry.article.sections),
                 *(heading_text(section) for section in entry.article.sections),
                 *(definition.text for definition in entry.article.definitions),
                 *(note_text(note) for note in entry.article.meta.notes.values())]
        for text in texts:
            for link in links.find_links(text.lines, text.kinds):
                self.check(link.target, text.first + link.line, report, checks)
            for link in links.find_html_links(text.lines, text.kinds):
                # Raw HTML is not rewritten for each page: what fails everywhere is an
                # address from the host's root, outside the site's own path.
                if link.target.startswith("/") and not link.target.startswith("//"):
                    report.add(self.entry.path, text.first + link.line,
                               links.resolve(link.target, self.entry.folder))

    def check(self, target: str, line: int, report: Report, checks: list[LinkCheck]) -> None:
        if links.is_external(target) or not target:
            return
        if target.startswith("#"):
            if target[1:] not in self.anchors:
                report.add(self.entry.path, line, f"link '{target}': no heading of this "
                           "article has that id: use one of its headings' ids, e.g. "
                           f"#{self.entry.article.sections[0].slug}")
            return
        found = links.resolve(target, self.entry.folder)
        if isinstance(found, str):
            report.add(self.entry.path, line, found)
            return
        self.destinations[target] = found
        checks.append(LinkCheck(self.entry.path, line, target, found, self.entry.folder))

    def href_for(self, page: PurePosixPath, section: int | None) -> Callable[[str], str]:
        """Link targets as written in the article, as they must read on `page` (`section`:
        the section shown there; None for the whole page or the home page)."""
        whole_page = page == self.entry.folder / "index.md"

        def href(target: str) -> str:
            if target.startswith("#") and target[1:] in self.anchors:
                anchor = self.anchors[target[1:]]
                if whole_page:
                    return f"#{anchor.whole}"
                if anchor.section is not None and anchor.section == section:
                    return f"#{anchor.local}" if anchor.local else "#"
                holder = (self.entry.folder / "index.md" if anchor.section is None else
                          section_page(self.entry.folder,
                                       self.entry.article.sections[anchor.section].slug))
                return links.relative_href(links.Destination(holder, anchor.local or ""), page)
            if target in self.destinations:
                return links.relative_href(self.destinations[target], page)
            return target

        return href


def anchor_map(article: Article, edits_id: str) -> dict[str, Anchor]:
    """Every id the article has as one document (as toc would give it), and where it lands:
    the whole page gives each section its slug as id; a section page gives ids afresh."""
    original_taken = {s.explicit_id for s in article.sections if s.explicit_id} | {
        sub.explicit_id for s in article.sections for sub in s.subheadings if sub.explicit_id}
    whole_taken = {s.slug for s in article.sections} | {edits_id} | {
        sub.explicit_id for s in article.sections for sub in s.subheadings if sub.explicit_id}
    anchors: dict[str, Anchor] = {}
    title_id = toc_unique(slugify(article.title), original_taken)
    anchors[title_id] = Anchor(toc_unique(slugify(article.title), whole_taken), None, None)
    for number, section in enumerate(article.sections):
        original = section.explicit_id or toc_unique(heading_slug(section.heading),
                                                     original_taken)
        local_taken = {sub.explicit_id for sub in section.subheadings if sub.explicit_id}
        toc_unique(heading_slug(section.heading), local_taken)  # the section page's title
        anchors.setdefault(original, Anchor(section.slug, number, None))
        anchors.setdefault(section.slug, Anchor(section.slug, number, None))
        for sub in section.subheadings:
            if sub.explicit_id:
                anchors.setdefault(sub.explicit_id, Anchor(sub.explicit_id, number,
                                                           sub.explicit_id))
                continue
            slug = heading_slug(sub.text)
            anchors.setdefault(toc_unique(slug, original_taken), Anchor(
                toc_unique(slug, whole_taken), number, toc_unique(slug, local_taken)))
    # Raw HTML anchors and attribute-list ids keep their id on every page.
    texts = [(None, article.lead), *enumerate(section.body for section in article.sections)]
    for number, text in texts:
        for found in sorted(links.other_ids(text.markdown()) - set(anchors)):
            anchors[found] = Anchor(found, number, found)
    return anchors
