"""Shared fixtures: paths, a throw-away project, and the site built once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_ARTICLE = FIXTURES / "article.md"
# What a copy of the project needs to build the site (no tests, no .venv).
PROJECT_PARTS = ("mkdocs.yml", "content", "docs", "overrides", "scripts", "includes")


def mkdocs_env() -> dict[str, str]:
    """The environment for a quiet MkDocs run (no end-of-life banners)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def run_mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`, with its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f",
         str(project / "mkdocs.yml"), "-d", str(site)],
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


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """(source, docs) of a fresh project holding the fixture article and an empty docs/."""
    source = tmp_path / "content" / "article.md"
    source.parent.mkdir()
    shutil.copy(FIXTURE_ARTICLE, source)
    docs = tmp_path / "docs"
    docs.mkdir()
    return source, docs


@dataclass(frozen=True)
class Build:
    """A finished strict build: the site folder and everything MkDocs printed."""

    site: Path
    log: str


@pytest.fixture(scope="session")
def strict_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per session with `mkdocs build --strict` from a copy."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return Build(site=site, log=result.stderr + result.stdout)


@pytest.fixture(scope="session")
def built_site(strict_build: Build) -> Path:
    """The built site's folder."""
    return strict_build.site
