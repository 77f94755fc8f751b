"""The project as the tests see it: its paths, and how to copy and build it in a temp folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_ARTICLE = FIXTURES / "article.md"
# What a copy of the project needs to build the site (no tests, no .venv).
PROJECT_PARTS = ("mkdocs.yml", "content", "docs", "overrides", "scripts", "includes")


def mkdocs_env() -> dict[str, str]:
    """The environment for a quiet MkDocs run (no end-of-life banners)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def run_mkdocs_build(project: Path, site: Path, *, strict: bool = True
                     ) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`, with its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--clean",
         "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300,
    )


def copy_project(target: Path) -> Path:
    """A copy of the project's site sources in `target`, to build or break without risk."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part,
                            ignore=shutil.ignore_patterns("__pycache__", ".*.md.*"))
        else:
            shutil.copy2(source, target / part)
    return target
