"""The project as the tests see it: its paths, and how to copy and build it in a temp folder."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from local_site import build_site, copy_project  # noqa: F401  (re-exported for the tests)
from rapport.layout import generated_source
from rapport.sources import read_settings
from rapport.sources import Sources, read_docs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_PROJECT = FIXTURES / "project"
FIXTURE_ARTICLE = FIXTURE_PROJECT / "content" / "article.md"
FIXTURE_SETTINGS = FIXTURE_PROJECT / "mkdocs.yml"


@dataclass(frozen=True)
class GeneratorProject:
    """A project folder the generator runs on: content/, docs/ and mkdocs.yml."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def sources(self, only: Path | None = None) -> Sources:
        return Sources(content=self.content, docs=self.docs, config=self.config,
                       settings=read_settings(self.config), only=only)

    def article(self, name: str = "article") -> Path:
        return self.content / f"{name}.md"

    def cli_args(self) -> list[str]:
        return ["--content", str(self.content), "--docs", str(self.docs), "--config",
                str(self.config)]

    def generated(self) -> dict[str, str]:
        """The generated files under docs/, by relative path."""
        return {path.as_posix(): text for path, text in read_docs(self.docs).items()
                if generated_source(text)}


def run_mkdocs_build(project: Path, site: Path, *, strict: bool = True,
                     env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`, with its output captured."""
    return build_site(project, site, strict=strict, env=env)
