"""The project as the tests see it: its paths, and how to copy and build it in a temp folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import ENV
from bench import copy_site_sources as copy_project  # noqa: F401  (shared with the benchmark)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_ARTICLE = FIXTURES / "article.md"


def mkdocs_env() -> dict[str, str]:
    """The environment for a quiet MkDocs run (no end-of-life banners)."""
    return dict(ENV)


def run_mkdocs_build(project: Path, site: Path, *, strict: bool = True,
                     env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`, with its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--clean",
         "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env={**mkdocs_env(), **(env or {})}, capture_output=True, text=True, timeout=300,
    )
