"""The README is a door, not a logbook: short, the two commands on its first screen, and every
link in it, in CONTRIBUTING.md and in the maintainers' guide (handbook/) leads somewhere real,
including the headings the generator's error messages send a maintainer to."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
from project import FIXTURES, ROOT
from rapport.errors import Problems
from rapport.settings import settings_from

README = ROOT / "README.md"
GUIDE = sorted((ROOT / "handbook").glob("*.md"))
DOCUMENTS = [README, ROOT / "CONTRIBUTING.md", *GUIDE]
MAX_LINES = 200
FIRST_SCREEN = 40
# "… (see handbook/articles.md, 'The article format')": a guide page, then one of its headings.
POINTER_RE = re.compile(r"(handbook/[\w-]+\.md), '([^']+)'")


class _Collector(HTMLParser):
    """The links (href, src) and the heading texts of a rendered Markdown page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.headings: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)


def rendered(path: Path) -> _Collector:
    """The page as Python-Markdown renders it (fenced code stays code, so a link shown as an
    example in a code block is not a link)."""
    html = markdown.markdown(path.read_text(encoding="utf-8"),
                             extensions=["fenced_code", "tables"])
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading: lowercased, punctuation dropped, spaces as hyphens."""
    text = text.strip().lower()
    kept = "".join(char for char in text
                   if char in " -_" or unicodedata.category(char)[0] in "LNM")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a Markdown file, repeats numbered as GitHub numbers them."""
    seen: dict[str, int] = {}
    result = set()
    for heading in rendered(path).headings:
        slug = github_slug(heading)
        result.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return result


def broken_links(document: Path, root: Path = ROOT) -> list[str]:
    """The relative links of a document whose file, or heading in a Markdown file, is missing
    (or that lead out of the repository, `root`)."""
    broken = []
    for link in rendered(document).links:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            continue  # another site: not ours to check here
        target = (document.parent / unquote(parts.path)).resolve() if parts.path else document
        if not target.exists():
            broken.append(f"{link}: no such file")
        elif not target.is_relative_to(root):
            broken.append(f"{link}: outside the repository")
        elif parts.fragment and target.suffix == ".md" and (
                unquote(parts.fragment) not in anchors(target)):
            broken.append(f"{link}: no such heading in {target.relative_to(root).as_posix()}")
    return broken


def test_the_readme_is_short():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_LINES, f"README.md has {len(lines)} lines: move reference to handbook/"


def test_the_two_commands_are_on_the_first_screen():
    first_screen = "\n".join(README.read_text(encoding="utf-8").splitlines()[:FIRST_SCREEN])
    assert "make serve" in first_screen and "make test" in first_screen


def test_the_guide_and_contributing_exist_and_say_what_they_are_for():
    assert (ROOT / "CONTRIBUTING.md").is_file() and (ROOT / "handbook" / "README.md").is_file()
    for page in GUIDE:
        text = page.read_text(encoding="utf-8")
        title, blank, purpose = text.splitlines()[:3]
        assert title.startswith("# ") and not blank and purpose.startswith("This "), page.name


def test_the_guide_is_not_published_with_the_site():
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    docs_dir = re.search(r"^docs_dir:\s*(\S+)", settings, re.MULTILINE)
    published = ROOT / (docs_dir.group(1) if docs_dir else "docs")
    assert not (ROOT / "handbook").resolve().is_relative_to(published.resolve())
    assert not (published / "handbook").exists()


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(document: Path):
    assert broken_links(document) == []


def test_a_broken_link_is_found(tmp_path: Path):
    (tmp_path / "there.md").write_text("# There\n\n## A heading\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("[ok](there.md#a-heading) [gone](missing.md) [no heading](there.md#nope)\n"
                    "![picture](missing.png) [web](https://example.org/x.md)\n\n"
                    "```\n[in code](not-a-link.md)\n```\n", encoding="utf-8")
    assert broken_links(page, tmp_path) == ["missing.md: no such file",
                                            "there.md#nope: no such heading in there.md",
                                            "missing.png: no such file"]
    outside = broken_links(page, tmp_path / "elsewhere")
    assert outside[0] == "there.md#a-heading: outside the repository"


def test_github_slugs():
    assert github_slug("The article format") == "the-article-format"
    assert github_slug("Report-a-problem settings") == "report-a-problem-settings"
    assert github_slug("Lead, summary, icon and note") == "lead-summary-icon-and-note"
    assert github_slug("Über Größe") == "über-größe"


def error_messages() -> list[str]:
    """What the generator says when front matter or the settings are missing: the golden
    catalogue's lines, and the settings reader's own message."""
    catalogue = (FIXTURES / "error-messages.txt").read_text(encoding="utf-8").splitlines()
    with pytest.raises(Problems) as caught:
        settings_from({}, ROOT / "mkdocs.yml")
    return catalogue + [str(problem) for problem in caught.value.problems]


def test_the_error_messages_point_at_headings_that_exist():
    pointers = {match.groups() for message in error_messages()
                for match in POINTER_RE.finditer(message)}
    assert pointers >= {("handbook/articles.md", "The article format"),
                        ("handbook/articles.md", "Site settings")}
    for page, heading in pointers:
        assert (ROOT / page).is_file(), page
        headings = rendered(ROOT / page).headings
        assert heading in headings, f"{page} has no heading {heading!r}: the messages point there"


def test_how_the_pages_are_made_names_each_module_of_the_generator_once_in_pipeline_order():
    """The guide's list of modules is the package: each named once, in the order the package's
    own docstring gives the pipeline."""
    import rapport

    text = (ROOT / "handbook" / "pipeline.md").read_text(encoding="utf-8")
    listed = text[text.index("in the order the pipeline runs them"):text.index("## The principles")]
    listed = listed[:listed.index("Only\n`sources.py`")]
    modules = {path.stem for path in (ROOT / "scripts" / "rapport").glob("*.py")} - {"__init__"}
    named = re.findall(r"`(\w+)\.py`", listed)
    assert sorted(named) == sorted(modules), set(named) ^ modules
    order = re.findall(r"`(\w+)`", rapport.__doc__ or "")
    in_docstring = [name for name in order if name in modules]
    assert [name for name in named if name in in_docstring] == list(dict.fromkeys(in_docstring))
