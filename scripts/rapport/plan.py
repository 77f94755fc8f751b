"""Plan the site: every file the generator owns in docs/, as {relative path: text}, and the
links the checks must follow.

Pure: the same sources always give the same plan, byte for byte (no dates of "now", order from
the editors). Each article's links are checked once and written for each of its pages
(`LinkResolver`), with every id the article carries (`anchor_map`); the text of each page
comes from `page_text`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from xml.etree import ElementTree as etree

import markdown

from . import links
from .article import Article, Section
from .collection import GLOSSARY_FILE, Collection, Entry
from .errors import Report
from .layout import (ARTICLE_ICON, ARTICLES_NAV, ARTICLES_PAGE, DEFAULT_ICON, EDITS_ID, GLOSSARY,
                     HOME, NAV_FILE, REVIEW_POLICY, TOOLTIPS, section_page)
from .page_meta import article_front_matter, section_front_matter
from .page_text import (render_article_nav, render_articles_nav,
                        render_articles_page, render_glossary, render_home, render_review_policy,
                        render_section, render_tooltips, render_whole)
from .settings import Settings
from .slugs import escape_markdown, plain_text, unique


@dataclass(frozen=True)
class LinkCheck:
    """A relative link the plan writes: it must lead to a file (and heading) of the site."""

    path: Path
    line: int | None
    target: str
    destination: links.Destination
    relative_to: PurePosixPath   # the folder under docs/ the link is written from


# A heading for `toc_ids`: its level, its Markdown text and its explicit id, if any.
Heading = tuple[int, str, "str | None"]


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
    # The ids each article page will carry, known from the article's anchors: a link's
    # `#fragment` to one of them needs no second render of the page.
    ids: dict[PurePosixPath, frozenset[str]]


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
    ids: dict[PurePosixPath, frozenset[str]] = {}
    for entry in collection.entries:
        edits_id = unique(EDITS_ID, {section.slug for section in entry.article.sections}
                          | {sub.explicit_id for section in entry.article.sections
                             for sub in section.subheadings if sub.explicit_id})
        resolvers[entry.name] = LinkResolver(entry, anchor_map(entry.article, edits_id,
                                                        settings.markdown.parser),
                                             report, checks)
        article_files, article_origins = plan_article(entry, settings, edits_id,
                                                      resolvers[entry.name])
        files.update(article_files)
        origins.update(article_origins)
        ids.update(article_ids(entry, resolvers[entry.name].anchors, edits_id))
    files[HOME] = render_home(collection, settings, icons, resolvers)
    files[ARTICLES_NAV] = render_articles_nav(collection)
    files[ARTICLES_PAGE] = render_articles_page(collection, settings, icons)
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
    return Plan(files=dict(sorted(files.items())), origins=origins, links=tuple(checks),
                ids=ids)


def article_ids(entry: Entry, anchors: Mapping[str, Anchor], edits_id: str
                ) -> dict[PurePosixPath, frozenset[str]]:
    """The ids of each of an article's pages that its anchors already give: the whole page
    has every anchor's whole-page id and the edits list's; a section page the local ids of
    what it holds. (Not a section page's own title: its id would take one more toc run per
    section, and a link to a page's top names the page; such a link, like one to a footnote,
    is checked by rendering that page once.)"""
    local: dict[int, set[str]] = {number: set() for number in range(len(entry.article.sections))}
    for anchor in anchors.values():
        if anchor.section is not None and anchor.local:
            local[anchor.section].add(anchor.local)
    ids = {entry.folder / "index.md": frozenset({anchor.whole for anchor in anchors.values()}
                                                | {edits_id})}
    for number, section in enumerate(entry.article.sections):
        ids[section_page(entry.folder, section.slug)] = frozenset(local[number])
    return ids


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
    shared = article_front_matter(entry, settings, edits_id)
    plan = {whole: render_whole(entry, settings, edits_id, resolver, whole, shared)}
    origins = {whole: Origin(entry.path, None, "its whole page"),
               folder / NAV_FILE: Origin(entry.path, None, "its navigation")}
    total = len(article.sections)
    for number, (section, own) in enumerate(zip(article.sections,
                                                section_front_matter(article))):
        path = section_page(folder, section.slug)
        plan[path] = render_section(entry, section, path, total, settings, (*own, shared),
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
        article = entry.article
        for link in article.links:
            self.check(link.value, link.line, report, checks)
        for link in article.html_links:
            # Raw HTML is not rewritten for each page: what fails everywhere is an address
            # from the host's root, outside the site's own path.
            if link.value.startswith("/") and not link.value.startswith("//"):
                report.add(self.entry.path, link.line, links.resolve(link.value, entry.folder))

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


def anchor_map(article: Article, edits_id: str, parser: markdown.Markdown
               ) -> dict[str, Anchor]:
    """Every id the article has as one document, and where it lands: the whole page gives
    each section its slug as id; a section page gives ids afresh. The ids are toc's own
    (`toc_ids`), for the headings of the article as written, of its whole page, and of each
    section page that has subheadings."""
    sections = article.sections
    title = (1, escape_markdown(article.title), None)

    def with_subheadings(section: Section, heading_id: str | None) -> list[Heading]:
        return [(2, section.heading, heading_id),
                *((3, sub.text, sub.explicit_id) for sub in section.subheadings)]

    original = iter(toc_ids(parser, [title, *(heading for s in sections
                                              for heading in with_subheadings(s, s.explicit_id))]))
    whole = iter(toc_ids(parser, [title, *(heading for s in sections
                                           for heading in with_subheadings(s, s.slug)),
                                  (2, "About this article", edits_id)]))
    anchors = {next(original): Anchor(next(whole), None, None)}
    for number, section in enumerate(sections):
        # A section page: the section's heading as its title, then its subheadings.
        local = iter(toc_ids(parser, [(1, section.heading, None),
                                      *with_subheadings(section, None)[1:]])[1:]
                     if section.subheadings else ())
        anchors.setdefault(next(original), Anchor(section.slug, number, None))
        next(whole)
        anchors.setdefault(section.slug, Anchor(section.slug, number, None))
        for _ in section.subheadings:
            anchors.setdefault(next(original), Anchor(next(whole), number, next(local)))
    # Raw HTML anchors and attribute-list ids keep their id on every page (the section's:
    # the last that starts before the id's line).
    starts = [section.line for section in sections]
    for found in sorted(article.ids, key=lambda found: found.value):
        if found.value not in anchors:
            number = bisect_right(starts, found.line) - 1
            anchors[found.value] = Anchor(found.value, number if number >= 0 else None,
                                          found.value)
    return anchors



def toc_ids(parser: markdown.Markdown, headings: list[Heading]) -> list[str]:
    """The id toc gives each heading (level, Markdown text, explicit id) of a document of
    them alone, in order: toc's own tree processor runs over them, with its rule for repeats
    (`goals`, `goals_1`…) and explicit ids kept. Each heading's text is what toc slugifies
    (`plain_text`), so the page need not be parsed again. A heading with an explicit id goes
    in as a plain element with that id: toc keeps it and reserves it as it does any element's
    id, and the cost of rendering it for a table of contents (most of a run) is saved."""
    parser.reset()
    root = etree.Element("div")
    for level, text, heading_id in headings:
        if heading_id:
            etree.SubElement(root, "div", id=heading_id)
        else:
            etree.SubElement(root, f"h{level}").text = plain_text(text)
    parser.treeprocessors["toc"].run(root)
    return [element.get("id", "") for element in root]
