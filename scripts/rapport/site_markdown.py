"""The site's Markdown, as mkdocs.yml sets it up: the one Python-Markdown the generator asks
what the renderer will make of an article (its headings, definitions and ids).

Built from mkdocs.yml's own `markdown_extensions` and their options, through MkDocs' own
config option, so there is no second list of extensions to keep in step.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import MarkdownExtensions

from .slugs import slugify

# What MkDocs adds to mkdocs.yml's `markdown_extensions` itself.
MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]


@dataclass(frozen=True, eq=False)
class MarkdownSetup:
    """The site's Markdown: the extensions mkdocs.yml lists (with MkDocs' own), each with its
    options, and where `--8<--` finds its files. `parser` is the one Python-Markdown the
    generator asks what the renderer will make of an article."""

    extensions: tuple[str, ...]
    configs: Mapping[str, Mapping[str, Any]]
    snippet_folders: tuple[Path, ...] = ()

    @functools.cached_property
    def parser(self) -> markdown.Markdown:
        """The one Python-Markdown the generator reads articles and pages with."""
        return self.markdown()

    def markdown(self, *extra: markdown.extensions.Extension) -> markdown.Markdown:
        """Python-Markdown as MkDocs builds it for a page, with the hook's changes: toc makes
        ids with the generator's `slugify`. For reading an article, pymdownx.snippets neither
        appends `auto_append` (the glossary's tooltips, on every page: read here, they would
        be this article's abbreviations) nor stops on a missing file (the article's line says
        so, see article.check_foreign_syntax), and finds its files from mkdocs.yml's folder,
        wherever the generator runs."""
        configs = {name: dict(options) for name, options in self.configs.items()}
        configs.setdefault("toc", {})["slugify"] = slugify
        if "pymdownx.snippets" in configs:
            configs["pymdownx.snippets"].update(
                auto_append=[], check_paths=False,
                base_path=[str(folder) for folder in self.snippet_folders])
        return markdown.Markdown(extensions=[*self.extensions, *extra],
                                 extension_configs=configs)


def markdown_setup(config: Mapping[str, Any], snippet_folders: tuple[Path, ...] = ()
                   ) -> MarkdownSetup:
    """The Markdown setup of a loaded mkdocs.yml: the hook's config (MkDocs has validated it;
    extensions it holds as objects, such as the hook's own tooltip placement, change no
    structure and are left out) or the raw file, read with MkDocs' own option."""
    if "mdx_configs" in config:
        names = [name for name in config.get("markdown_extensions") or []
                 if isinstance(name, str)]
        return MarkdownSetup(tuple(names), dict(config["mdx_configs"]), snippet_folders)
    option = MarkdownExtensions(builtins=MKDOCS_BUILTINS, configkey="mdx_configs")
    try:
        names = option.validate(copy.deepcopy(config.get("markdown_extensions") or []))
    except ValidationError as error:
        raise ValueError(str(error)) from None
    return MarkdownSetup(tuple(names), option.configdata, snippet_folders)
