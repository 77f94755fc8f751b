"""Where each generated file goes in docs/, and the marker each one carries.

Shared by the plan (which files), the page text (links between them) and the sync (which
files in docs/ are the generator's).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from .collection import ARTICLES_FOLDER, SNIPPETS_FOLDER
MARK = "generated from {source} — do not edit; run: python scripts/build_pages.py"
MARK_RE = re.compile(r"^(?:# |<!-- |\[//\]: # \")generated from (.+?) — do not edit")
HOME = PurePosixPath("index.md")
ARTICLES_NAV = PurePosixPath(ARTICLES_FOLDER) / "SUMMARY.md"
ARTICLES_PAGE = PurePosixPath(ARTICLES_FOLDER) / "index.md"
ARTICLES_TITLE = "Articles"
GLOSSARY = PurePosixPath("glossary.md")
TOOLTIPS = PurePosixPath(SNIPPETS_FOLDER) / "tooltips.md"
REVIEW_POLICY = PurePosixPath(SNIPPETS_FOLDER) / "review-policy.md"
NAV_FILE = "SUMMARY.md"
# A section whose page name would be one of the generator's own files (on a file system that
# ignores case, too) gets a folder of its own instead: same address, no clash.
GENERATOR_STEMS = frozenset({"index", "summary"})
DEFAULT_ICON = "material/bookmark-outline"
ARTICLE_ICON = "material/book-open-page-variant-outline"
EDITS_ID = "edits"                 # the whole page's edits list; a section may take it first


def generated_source(text: str) -> str | None:
    """The source named by a file's 'generated from' marker, or None for a hand-written file."""
    for line in text.splitlines()[:3]:
        match = MARK_RE.match(line)
        if match:
            return match.group(1)
    return None


def section_page(folder: PurePosixPath, slug: str) -> PurePosixPath:
    """Where a section's page goes: `<slug>.md` beside the whole page, or `<slug>/index.md`
    when that name is one of the generator's own."""
    if slug.casefold() in GENERATOR_STEMS:
        return folder / slug / "index.md"
    return folder / f"{slug}.md"
