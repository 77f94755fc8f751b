"""The text of each generated page, from the parsed articles and the settings.

Text that templates print (titles, descriptions, credits) goes into front matter HTML-escaped,
because Material prints it unescaped; text that becomes link text or a card title is escaped
as Markdown too, so a heading's `]` or `*` stays text. Links are written for the page they are
on by the `href` the plan gives each renderer.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from . import links
from .article import MARKER_RE, Article, Definition, Section, Text
from .collection import Collection, Entry
from .dates import long_date, period
from .front_matter import Meta, Note
from .glossary import Glossary
from .layout import (ARTICLE_ICON, ARTICLES_PAGE, ARTICLES_TITLE, DEFAULT_ICON, HOME, MARK,
                     section_page)
from .markdown_scan import ATX_RE, Kind
from .placed_text import CARD_GRID, indented, note_box
from .settings import NextStep, Settings
from .slugs import atx_text, escape_html, escape_markdown
from .page_meta import (HIDE_TOC, WHOLE_PAGE_END, article_page_front_matter, dump_item,
                        front_matter, latest_review, reading_minutes)
from .yaml_lines import dump

if TYPE_CHECKING:
    from .plan import LinkResolver

FOOTNOTE_USE_RE = re.compile(r"\[\^([^\]]+)\](?!:)")
HERE = PurePosixPath()    # the folder a page is in, to name the pages beside it


def render_home(collection: Collection, settings: Settings, icons: Mapping[str, str],
                resolvers: Mapping[str, LinkResolver]) -> str:
    """The site's introduction and a card per article holding the article's lead (the lead's
    only page besides the whole article, which search leaves out): one card more for each
    article added, so the home page stays short on a phone. Each article's parts are on its
    own pages and on the Articles page. The crisis lines and "Get help now" above it are the
    template's (overrides/main.html), on the first screen."""
    parts = [f"# {escape_markdown(settings.home_title)}", settings.site_description]
    definitions = []
    if collection.entries:
        cards = []
        for entry in collection.entries:
            href = resolvers[entry.name].href_for(HOME, None)
            lead = render_text(entry.article.lead, href)
            if lead:
                definitions.append(render_definitions(entry.article.definitions, lead, href))
            cards.append(render_article_card(entry, icons[ARTICLE_ICON], HOME,
                                             settings.characters_per_minute, lead))
        parts += [f"## {ARTICLES_TITLE}",
                  f'{CARD_GRID}\n\n' + "\n".join(cards) + "\n</div>"]
    parts += [text for text in definitions if text]
    meta = {"title": escape_html(settings.home_title),
            "description": escape_html(settings.site_description), "hide": ["toc"],
            **latest_review(collection)}
    return front_matter(collection.label, meta) + "\n" + "\n\n".join(parts) + "\n"


def render_articles_page(collection: Collection, settings: Settings,
                         icons: Mapping[str, str]) -> str:
    """The "Articles" page, where the navigation's Articles section opens: a card each, then
    a card per part of each article (each part's summary, never its text)."""
    parts = [f"# {ARTICLES_TITLE}", article_cards(collection, settings, icons, ARTICLES_PAGE)]
    for entry in collection.entries:
        article = entry.article
        cards = "\n".join(render_section_card(section, link) for section, link
                          in zip(article.sections, section_links(entry, ARTICLES_PAGE)))
        whole = links.relative_href(links.Destination(entry.folder / "index.md"), ARTICLES_PAGE)
        parts += [f"## {escape_markdown(article.title)} {{ #{entry.name} }}",
                  f"[Read the whole article]({whole}){{ .md-button .md-button--primary }}",
                  f'### In this article {{ #{entry.name}--parts }}',
                  f'{CARD_GRID}\n\n{cards}\n</div>']
        if article.meta.publication and any(s.summary_written for s in article.sections):
            parts.append(f"The summaries on these cards are the {settings.site_name} editors’ "
                         "words, not the author’s.\n{ .rapport-small }")
    meta = {"title": ARTICLES_TITLE, "description": escape_html(
        f"Every article on {settings.site_name}, with what each is about and how long it takes "
        "to read."), **latest_review(collection)}
    return front_matter(collection.label, meta) + "\n" + "\n\n".join(parts) + "\n"


def article_cards(collection: Collection, settings: Settings, icons: Mapping[str, str],
                  page: PurePosixPath) -> str:
    """A grid with a card per article, in the editors' order, linked from `page`."""
    cards = "\n".join(render_article_card(entry, icons[ARTICLE_ICON], page,
                                          settings.characters_per_minute)
                      for entry in collection.entries)
    return f'{CARD_GRID}\n\n{cards}\n</div>'


def render_article_card(entry: Entry, svg: str, page: PurePosixPath, pace: int,
                        lead: str = "") -> str:
    """A card for an article: its icon (inline SVG, as Material's emoji extension would write
    it, without that extension's cost of indexing every icon set on each build), title, its
    `lead` (Markdown written for `page`) or else its description, and reading time (`pace`:
    characters a minute)."""
    article = entry.article
    minutes = reading_minutes(article, pace)
    icon = f'<span class="twemoji lg middle" aria-hidden="true">{svg.strip()}</span>'
    link = links.relative_href(links.Destination(entry.folder / "index.md"), page)
    text = lead or escape_markdown(article.meta.description)
    if lead and article.meta.publication:   # another's words: say whose, not the site's claim
        text = f"*{escape_markdown(article.meta.author or '')} writes:*\n\n{lead}"
    nested = "\n".join(indented(text.split("\n")))
    return (f"-   {icon} __[{escape_markdown(article.title)}]({link})__\n\n"
            f"    ---\n\n{nested}\n\n"
            f"    {minutes} min read · {parts_label(len(article.sections))}\n")


def section_links(entry: Entry, page: PurePosixPath) -> list[str]:
    """The link from `page` to each of the article's section pages: the way to its folder
    is found once (most of what a relative link costs), then each page's name added."""
    folder = links.relative_path(entry.folder.as_posix(), page.parent.as_posix())
    return [posixpath.normpath(posixpath.join(folder, section_page(HERE, section.slug)))
            for section in entry.article.sections]


def render_section_card(section: Section, link: str) -> str:
    """One Material grid card for a part of an article, at `link`: its title and summary.
    (No icon: with every article's parts on one page, one each would cost readers more than
    it shows.)"""
    return (f"-   __[{escape_markdown(section.title)}]({link})__\n\n"
            f"    ---\n\n    {escape_markdown(section.summary)}\n")


def render_section(entry: Entry, section: Section, path: PurePosixPath, total: int,
                   settings: Settings, front: tuple[str, str, str],
                   href: Callable[[str], str]) -> str:
    """A section's own page (at `path`): its heading as title, its summary as meta
    description. `front`: this page's own front matter and its part number's line
    (`section_front_matter`), and what every page of the article has
    (`article_front_matter`)."""
    article = entry.article
    body = render_text(section.body, href, notes=article.meta.notes, promote=True)
    definitions = render_definitions(article.definitions, body, href)
    fields, part, shared = front
    return (article_page_front_matter(
                entry.label, fields, shared,
                part + dump_item("parts", total) + dump_item("icon", section.icon or DEFAULT_ICON),
                "" if section.subheadings else HIDE_TOC)
            + f"\n# {heading_markdown(section, href)}\n\n{body}\n"
            + next_steps(entry, settings, path) + (f"\n{definitions}\n" if definitions else ""))


def render_whole(entry: Entry, settings: Settings, edits_id: str, resolver: LinkResolver,
                 path: PurePosixPath, shared: str) -> str:
    """The whole article on one page, for reading straight through and printing."""
    article = entry.article
    href = resolver.href_for(path, None)
    parts = [f"# {escape_markdown(article.title)}",
             render_text(article.lead, href) or escape_markdown(article.meta.description)]
    for section in article.sections:
        parts += [f"## {heading_markdown(section, href)} {{#{section.slug}}}",
                  render_text(section.body, href, notes=article.meta.notes)]
    parts.append(render_edits(article.meta, settings, edits_id))
    steps = next_steps(entry, settings, path)
    if steps:
        parts.append(steps.strip("\n"))
    definitions = render_definitions(article.definitions, None, href)
    if definitions:
        parts.append(definitions)
    # Left out of search: each sentence is found on its section's page only, and the index
    # every reader downloads stays small. Its footer has no previous/next: it comes first in
    # its article's navigation, and "next" would only repeat its first part.
    meta = dump({"title": escape_html(article.title),
                 "description": escape_html(article.meta.description)})
    return (article_page_front_matter(entry.label, meta, shared,
                                      dump({"minutes": reading_minutes(
                                          article, settings.characters_per_minute)}),
                                      WHOLE_PAGE_END)
            + "\n" + "\n\n".join(parts) + "\n")


def next_steps(entry: Entry, settings: Settings, page: PurePosixPath) -> str:
    """The "What you can do next" block that ends every page of an article: the article's own
    steps (`next_steps` in its front matter), or else the site's (`extra.rapport.next_steps` in
    mkdocs.yml). Never a step back to this same article: an article's own steps may lead to
    one of its other parts, never to its whole page or to this page; the site's never into
    it. Left out of search, so that its words find the pages it points to, not every page."""
    own = entry.article.meta.next_steps
    if own:
        whole = entry.folder / "index.md"
        steps = tuple(step for step in own if step.link not in (whole, page))
    else:
        steps = tuple(step for step in settings.next_steps if step.link.parts[0] != entry.name)
    return next_steps_block(steps, page.parent.as_posix())


@functools.lru_cache(maxsize=256)
def next_steps_block(steps: tuple[NextStep, ...], folder: str) -> str:
    """The block of `steps` on a page in `folder`, remembered: an article's section pages
    share a folder, and so (but for a step to the page itself) the block."""
    if not steps:
        return ""
    items = "\n".join(
        f"- [{escape_markdown(step.text)}]"
        f"({links.relative_path(step.link.as_posix(), folder)}): "
        f"{escape_markdown(step.why)}" for step in steps)
    return (f'\n<nav class="rapport-next" aria-label="What you can do next" markdown '
            f'data-search-exclude>\n\n## What you can do next\n\n{items}\n\n</nav>\n')


def render_edits(meta: Meta, settings: Settings, edits_id: str) -> str:
    """Who wrote the article and where it first appeared, and every editorial change, so
    readers can see the difference; the editors' own articles say so."""
    edits = "\n".join(f"{number}. {escape_markdown(edit.what)} *{escape_markdown(edit.why)}*"
                      for number, edit in enumerate(meta.edits, 1))
    reviewed = f"Last reviewed on {long_date(meta.reviewed, settings.months)}."
    if meta.publication is None:
        by = escape_markdown(meta.author) if meta.author else f"the {settings.site_name} editors"
        text = (f"## About this article {{#{edits_id}}}\n\nWritten by {by}; first published "
                f"on this site on {long_date(meta.published, settings.months)}. {reviewed}")
        return text + (f" Changes since then:\n\n{edits}" if edits else "")
    return (f"## Source and edits {{#{edits_id}}}\n\n"
            f"Written by {escape_markdown(meta.author or '')}; first published in "
            f"{escape_markdown(meta.publication)} on "
            f"{long_date(meta.published, settings.months)}. {reviewed} "
            "The text above differs from the original only as listed here.\n\n" + edits)


def render_article_nav(entry: Entry) -> str:
    """The navigation of an article's folder for mkdocs-literate-nav: the whole article first
    (the section's own page), then the sections in article order."""
    items = [f"* [{escape_markdown(entry.article.title)}](index.md)"]
    for section in entry.article.sections:
        link = section_page(HERE, section.slug).as_posix()  # from its own folder
        items.append(f"* [{escape_markdown(section.title)}]({link})")
    return f"<!-- {MARK.format(source=entry.label)} -->\n\n" + "\n".join(items) + "\n"


def render_articles_nav(collection: Collection) -> str:
    """The navigation's Articles section: its own page first, then each article's folder
    (whose SUMMARY.md lists its pages), in the editors' order."""
    items = [f"* [{ARTICLES_TITLE}](index.md)"] + [
        f"* [{escape_markdown(entry.article.title)}](../{entry.name}/)"
        for entry in collection.entries]
    return f"<!-- {MARK.format(source=collection.label)} -->\n\n" + "\n".join(items) + "\n"


def render_glossary(glossary: Glossary, label: str) -> str:
    """The Glossary page: a definition list, an anchor per term."""
    entries = []
    for term in glossary.terms:
        definition = "\n".join(indented(term.definition.splitlines()))
        entries.append(f"{escape_markdown(term.term)} {{ #{term.anchor} }}\n:   "
                       f"{definition.lstrip()}")
    meta = {"title": escape_html(glossary.title), "description":
            escape_html(glossary.description), "reviewed": glossary.reviewed}
    return (front_matter(label, meta) + f"\n# {escape_markdown(glossary.title)}\n\n"
            f"{glossary.intro}\n\n" + "\n\n".join(entries) + "\n")


def render_tooltips(glossary: Glossary, label: str) -> str:
    """The abbreviations every page gets (pymdownx.snippets appends them): each form of a term
    shows the term's tooltip. The first line is a Markdown comment: it renders as nothing."""
    lines = [f"*[{form}]: {term.tooltip}" for form, term in glossary.tooltips().items()]
    return f'[//]: # "{MARK.format(source=label)}"\n' + "\n".join(lines) + "\n"


def render_review_policy(settings: Settings, label: str) -> str:
    """The about page's promise, from the same settings that `--check` enforces and the
    pages show: who reviews the content, and how often."""
    every = period(settings.review_every_years * 12, in_words=True)
    help_months = settings.review_help_every_months
    sooner = (f" The help lines on “Get help now” are checked at least every "
              f"{period(help_months, in_words=True)}." if help_months else "")
    who = (f"{escape_markdown(settings.reviewer)} reviews the content." if settings.reviewer
           else f"The {settings.site_name} editors review the content. No doctor, "
           "psychologist or other clinician has reviewed it.")
    return (f'[//]: # "{MARK.format(source=label)}"\n{who}\n\n'
            f"We check every article and page at least every {every}, and sooner if the "
            f"research changes.{sooner} The date of the last review is at the top of every "
            "page.\n")


# --- Markdown helpers -----------------------------------------------------------------------


def render_text(text: Text, href: Callable[[str], str], notes: Mapping[str, Note] | None = None,
                promote: bool = False) -> str:
    """An article's Markdown for one page: links written for that page, `<!-- note: … -->`
    markers as admonitions, and (on a section page, where the section is the title) headings
    one level up."""
    lines = links.rewrite_links(text.lines, text.kinds, href)
    out: list[str] = []
    for line, kind in zip(lines, text.kinds):
        marker = MARKER_RE.match(line) if kind is Kind.HTML and notes is not None else None
        if marker and marker.group(1) == "note":
            # A block of its own, whatever the marker touches: else the admonition would
            # join the paragraph above, or the text below would join the note.
            out.append(f"\n{render_note(notes[marker.group(2)], href)}\n")
            continue
        heading = ATX_RE.match(line) if promote and kind is Kind.TEXT else None
        if heading and len(heading.group("level")) > 2:
            line = line[1:]
        out.append(line)
    return "\n".join(out).strip("\n")


def note_text(note: Note) -> Text:
    """A note's text, its lines' kinds as the article's reading found them."""
    lines = note.text.split("\n")
    return Text(tuple(lines), note.kinds or (Kind.TEXT,) * len(lines), note.line)


def render_note(note: Note, href: Callable[[str], str]) -> str:
    """A note as an admonition, its links written for the page it is on."""
    text = note_text(note)
    body = links.rewrite_links(text.lines, text.kinds, href)
    return f'{note_box(note.kind, escape_html(note.title))}\n\n' + "\n".join(indented(body))


def render_definitions(definitions: tuple[Definition, ...], used_in: str | None,
                       href: Callable[[str], str]) -> str:
    """The footnotes a page uses (all of them on the whole page), and every link reference and
    abbreviation the article defines (they render as nothing where unused)."""
    used = set(FOOTNOTE_USE_RE.findall(used_in)) if used_in is not None else None
    chosen = [d for d in definitions if d.kind != "footnote" or used is None or d.label in used]
    return "\n\n".join("\n".join(links.rewrite_links(d.text.lines, d.text.kinds, href))
                       .strip("\n") for d in chosen)


def heading_text(section: Section) -> Text:
    """A section's heading as Markdown text of its own (it may hold links)."""
    return Text((section.heading,), (Kind.TEXT,), section.line)


def heading_markdown(section: Section, href: Callable[[str], str]) -> str:
    """A section's heading for one page: its links written for that page, as ATX text."""
    text = heading_text(section)
    return atx_text(links.rewrite_links(text.lines, text.kinds, href)[0])


def parts_label(count: int) -> str:
    return f"{count} part{'' if count == 1 else 's'}"

