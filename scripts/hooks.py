"""MkDocs hooks: regenerate docs/ from content/ before each build; keep glossary tooltips out
of titles and reachable by keyboard; keep footnote marks and statistics from wrapping alone; give
a section page's search title its article's name; keep compiled templates between builds; fold page
indentation; keep the offline copy from loading a script from a CDN.

`mkdocs serve` watches content/ through `watch:` in mkdocs.yml, so saving, adding or deleting
an article runs this again. The generator writes only files whose text changed, so the
rebuild that its own write triggers finds nothing to do: no rebuild loop. The pages are
committed too, so a build that runs no hooks (Zensical, say) gives the same site.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from rapport.errors import Problems, report_lines
from rapport.pipeline import run
from rapport.settings import settings_from
from rapport.slugs import slugify
from rapport.sources import Sources
from rapport.tooltips import TooltipPlacement
from reader_marks import ReaderMarks

log = logging.getLogger("mkdocs.plugins.rapport")
# A run of white space that holds a line break: in HTML outside <pre> and <textarea> it shows
# the same as one line break, so folding it changes nothing a reader sees.
INDENTATION_RE = re.compile(r"\n\s+")
# The Web Worker shim that search needs under file://, shipped in overrides/ (MIT, from npm's
# iframe-worker 1.0.4) instead of the unpkg.com address Material's offline plugin would add.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"
ROOT = Path(__file__).resolve().parent.parent
CONTENT = "content"  # beside mkdocs.yml
# Compiled templates, kept between builds (`make clean` empties it). RAPPORT_TEMPLATE_CACHE=off
# compiles every template afresh, as a first build does (`make bench` measures both).
TEMPLATE_CACHE = ROOT / ".cache" / "templates"
TEMPLATE_CACHE_SWITCH = "RAPPORT_TEMPLATE_CACHE"
SEARCH_INDEX = Path("search") / "search_index.json"
# A section page's whole title ("How to raise it · When it isn't working", from its front
# matter, already HTML-escaped by the generator), by address, for the search index.
SEARCH_TITLES: dict[str, str] = {}


# --- hooks --------------------------------------------------------------------------------------


@event_priority(100)  # before Material's offline plugin, which adds the shim only if none is set
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """In the offline build, load the search worker shim from the site itself. On every
    page, keep glossary tooltips out of titles, links and references, and let the keyboard
    reach them. Heading ids are made by the generator's own slug function (which keeps the
    marks of Thai, Hindi…), so page names and ids are one function."""
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra.setdefault("polyfills", []).append(IFRAME_WORKER_SHIM)
    config.markdown_extensions.append(TooltipPlacement())
    config.markdown_extensions.append(ReaderMarks())
    SEARCH_TITLES.clear()
    if "toc" in config.mdx_configs:
        config.mdx_configs["toc"]["slugify"] = slugify
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Bring docs/ in line with content/ before MkDocs collects the files."""
    project = Path(config.config_file_path).parent
    try:
        sources = Sources(content=project / CONTENT, docs=Path(config.docs_dir),
                          config=Path(config.config_file_path),
                          settings=settings_from(config, Path(config.config_file_path)))
        diff, _ = run(sources)
    except Problems as problems:
        raise PluginError("\n".join(report_lines(problems.problems))) from None
    if diff.changed:
        log.info("build_pages: wrote %d, removed %d page(s)", len(diff.write), len(diff.delete))



def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Keep Material's and our compiled templates between builds. MkDocs compiles them all
    afresh for every build, a quarter of its time, and `mkdocs serve` builds on every save.
    Jinja's own cache checks each entry against its template's source, so an edited template
    or a new Material is compiled again; this project's folder keeps other Jinja users out."""
    if os.environ.get(TEMPLATE_CACHE_SWITCH) == "off":
        return env
    try:
        TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only checkout, say: build as MkDocs does
        log.debug("no template cache: %s", error)
        return env
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(TEMPLATE_CACHE))
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Note a section page's whole title for search (see `on_post_build`)."""
    if (page.meta.get("article") or {}).get("part") and page.meta.get("title"):
        SEARCH_TITLES[page.url] = str(page.meta["title"])
    return context


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """A section page's title in search names its article, as its browser tab does: search
    takes a page's title from its heading ("How to raise it"), which stays short on the page
    and in the navigation."""
    index = Path(config.site_dir) / SEARCH_INDEX
    if not SEARCH_TITLES or not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data.get("docs", []):
        doc["title"] = SEARCH_TITLES.get(doc.get("location"), doc["title"])
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                     encoding="utf-8")


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    """Drop the templates' indentation: about 0.5 KB less per page, gzipped. (The minify
    plugin's htmlmin saves the same but adds a fifth to the build time; see
    handbook/performance.md.)"""
    if "<pre" in output or "<textarea" in output:
        return output
    return INDENTATION_RE.sub("\n", output)
