"""Shared fixtures: a throw-away project, and the site built once per test session; the
Hypothesis profile (tests/profiles.py) and the `property` marker."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import profiles  # noqa: F401  (loads the Hypothesis profile before any test module)
import pytest
from hypothesis.internal.detection import is_hypothesis_test
from project import FIXTURE_PROJECT, GeneratorProject, copy_project, run_mkdocs_build


def pytest_report_header() -> str:
    return f"hypothesis profile: {profiles.profile_name()}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every Hypothesis test is a property test (`make fuzz` runs `-m property`)."""
    for item in items:
        if is_hypothesis_test(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.property)


@pytest.fixture
def project(tmp_path: Path) -> GeneratorProject:
    """A fresh copy of the fixture project: two articles and a glossary in content/, two
    hand-written pages in docs/, and the settings in mkdocs.yml."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE_PROJECT, root)
    return GeneratorProject(root)


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


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same project built by Zensical (which runs no MkDocs hooks: the pages are committed)."""
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent))
    assert zensical, "zensical is not installed: make test installs requirements/zensical.txt"
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    result = subprocess.run([zensical, "build", "--clean"], cwd=project, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"
