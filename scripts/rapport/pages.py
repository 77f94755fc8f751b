"""Plan the site: every file the generator owns in docs/, as {relative path: text}.

Pure: the same article always gives the same plan, byte for byte (no dates of "now", insertion
order from the article). Titles and descriptions go into front matter HTML-escaped, because
Material prints page titles unescaped in the header and navigation.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import PurePosixPath

import yaml

from .article import Article, Meta, Section

# --- constants ----------------------------------------------------------------------------------

MARK = "generated from {source} — do not edit; run: python scripts/build_pages.py"
MARK_RE = re.compile(r"^(?:# |<!-- )generated from (.+?) — do not edit")
NOTE_RE = re.compile(r"^<!--\s*note\s*:\s*(.*?)\s*-->\s*$", re.MULTILINE)
HOME = PurePosixPath("index.md")
HELP_PAGE = "help.md"  # hand-written; the home page's second button links to it
DEFAULT_ICON = "material/bookmark-outline"
WHOLE_ARTICLE_LABEL = "The whole article on one page"
EDITS_HEADING = "Source and edits"
EDITS_SLUG = "edits"  # the footer of every page links to article/#edits
# PyYAML's safe dumper, in C (libyaml) when the wheel has it; the golden pages pin the output.
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


# --- the plan -----------------------------------------------------------------------------------


def plan_site(article: Article, source: str, folder: str, icons: Mapping[str, str]
              ) -> dict[PurePosixPath, str]:
    """Every generated file, keyed by its path under docs/: home, one page per section, the
    whole article, and the folder's SUMMARY.md that mkdocs-literate-nav reads as navigation.
    `icons` maps each card's icon name to its SVG (see `icon_names`)."""
    base = PurePosixPath(folder)
    plan = {HOME: render_home(article, source, folder, icons)}
    for section in article.sections:
        plan[base / f"{section.slug}.md"] = render_section(article.meta, section, source)
    plan[base / "index.md"] = render_whole(article, source)
    plan[base / "SUMMARY.md"] = render_summary(article, source)
    return plan


def icon_names(article: Article) -> dict[str, int]:
    """Each icon the cards need, with the line of the first section that asks for it."""
    names: dict[str, int] = {}
    for section in article.sections:
        names.setdefault(section.icon or DEFAULT_ICON, section.line)
    return names


def generated_source(text: str) -> str | None:
    """The source named by a file's 'generated from' marker, or None for a hand-written file."""
    for line in text.splitlines()[:3]:
        match = MARK_RE.match(line)
        if match:
            return match.group(1)
    return None


# --- renderers ----------------------------------------------------------------------------------


def render_home(article: Article, source: str, folder: str, icons: Mapping[str, str]) -> str:
    """Title, lead, the two buttons, and a card per section with its one-line summary."""
    cards = "\n".join(render_card(section, folder, icons[section.icon or DEFAULT_ICON])
                      for section in article.sections)
    return (
        front_matter(source, title=article.title, description=article.meta.description,
                     hide=["toc"])
        + f"\n# {escape(article.title)}\n\n{article.lead}\n\n"
        + f"[Read the whole article]({folder}/index.md){{ .md-button .md-button--primary }}\n"
        + f"[Get help now]({HELP_PAGE}){{ .md-button }}\n\n"
        + "## In this article\n\n"
        + f'<div class="grid cards" markdown>\n\n{cards}\n</div>\n'
    )


def render_card(section: Section, folder: str, svg: str) -> str:
    """One Material grid card: icon (inline SVG, as Material's emoji extension would write it,
    without that extension's cost of indexing every icon set on each build), heading, summary."""
    icon = f'<span class="twemoji lg middle" aria-hidden="true">{svg.strip()}</span>'
    return (f"-   {icon} __[{section.heading}]({folder}/{section.slug}.md)__\n\n"
            f"    ---\n\n    {section.summary}\n")


def render_section(meta: Meta, section: Section, source: str) -> str:
    """A section's own page: its heading as title, its summary as meta description."""
    return (front_matter(source, title=section.heading, description=section.summary)
            + f"\n# {section.heading}\n\n{render_notes(section.body, meta)}\n")


def render_whole(article: Article, source: str) -> str:
    """The whole article on one page, for reading straight through and printing."""
    parts = [f"# {escape(article.title)}", article.lead]
    for section in article.sections:
        parts += [f"## {section.heading} {{#{section.slug}}}",
                  render_notes(section.body, article.meta)]
    parts.append(render_edits(article.meta))
    description = f"{article.title}: the whole article on one page, for reading or printing."
    # Left out of search: each sentence is found on its section's page only, and the index
    # every reader downloads stays small.
    return (front_matter(source, title=WHOLE_ARTICLE_LABEL, description=description,
                         search={"exclude": True})
            + "\n" + "\n\n".join(parts) + "\n")


def render_edits(meta: Meta) -> str:
    """Where the text comes from and every editorial change, so readers can see the difference."""
    edits = "\n".join(f"{number}. {escape(edit.what)} *{escape(edit.why)}*"
                      for number, edit in enumerate(meta.edits, 1))
    return (f"## {EDITS_HEADING} {{#{EDITS_SLUG}}}\n\n"
            f"Written by {escape(meta.author)}; first published in {escape(meta.publication)} "
            f"on {meta.published}. Last reviewed on {meta.reviewed}. "
            "The text above differs from the original only as listed here.\n\n" + edits)


def render_summary(article: Article, source: str) -> str:
    """The navigation of the article's folder, in article order, for mkdocs-literate-nav."""
    items = [f"* [{section.heading}]({section.slug}.md)" for section in article.sections]
    items.append(f"* [{WHOLE_ARTICLE_LABEL}](index.md)")
    return f"<!-- {MARK.format(source=source)} -->\n\n" + "\n".join(items) + "\n"


def render_notes(body: str, meta: Meta) -> str:
    """Replace each `<!-- note: name -->` line with its admonition."""

    def admonition(match: re.Match[str]) -> str:
        note = meta.notes[match.group(1)]
        text = "\n".join(f"    {line}" if line else "" for line in note.text.splitlines())
        return f'!!! {note.kind} "{escape(note.title)}"\n\n{text}'

    return NOTE_RE.sub(admonition, body)


def front_matter(source: str, *, title: str, description: str, **extra: object) -> str:
    """YAML front matter with the generated marker as its first line (visible in the source)."""
    fields = {"title": escape(title), "description": escape(description), **extra}
    dumped = yaml.dump(fields, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False,
                       width=10_000)
    return f"---\n# {MARK.format(source=source)}\n{dumped}---\n"


def escape(text: str) -> str:
    """HTML-escape plain text that templates or Markdown will print as HTML."""
    return html.escape(text, quote=True)
