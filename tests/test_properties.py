"""Properties: for any set of articles, nothing is lost, nothing is duplicated, and nothing the
generator accepts breaks the site.

Every sentence of every article appears in its one-page version, in order, and in exactly one
other page: the lead's on the Articles page, every other one on a page of its own article. Headings
are any printable Unicode with markup characters and repeats, ATX or setext; a lead may be
empty. The generator either accepts the articles or reports every problem with its file and
line; it never raises anything else.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path, PurePosixPath

import markdown
import pytest
from html_page import html_pages, read_page
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from profiles import examples
from project import FIXTURE_PROJECT, copy_project, run_mkdocs_build
from rapport.article import parse_article
from rapport.collection import Collection, Entry, in_order
from rapport.errors import Problems, Report
from rapport.plan import icon_names, plan_site
from rapport.sources import read_settings
from rapport.pipeline import build
from rapport.sources import Sources

SETTINGS = read_settings(FIXTURE_PROJECT / "mkdocs.yml")

WORD = st.text(alphabet="abcdefghijklmnoprstuvwxyz", min_size=1, max_size=9)
WORDS = st.lists(WORD, min_size=1, max_size=14)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=4)       # sentences of words
# Any printable text (no "q", which the sentences' unique tokens use), with the characters
# Markdown gives a meaning overweighted, and letters from several scripts.
MARKUP = "[]*_\\`<>&\"#{}!()-=~:|"
HEADING = st.text(alphabet=st.one_of(
    st.characters(exclude_characters="q\n\r\x85\u2028\u2029", exclude_categories=("Cs", "Cc")),
    st.sampled_from(MARKUP), st.sampled_from("가나다한국語日本ÄÖÜßéñ🙂 ")),
    min_size=1, max_size=24)
SECTION = st.tuples(HEADING, st.booleans(), st.lists(PARAGRAPH, min_size=1, max_size=3))
ARTICLE = st.tuples(st.lists(PARAGRAPH, max_size=2),
                    st.lists(SECTION, min_size=1, max_size=6))


def front(title: str) -> str:
    return (f"---\ntitle: {title}\ndescription: A generated article.\nauthor: Someone\nsource:\n"
            "  publication: Example\n  published: 2024-01-01\nreviewed: 2024-02-02\n"
            f"edits: []\n---\n\n# {title}\n\n")


class Writer:
    """Writes generated articles, numbering every sentence so each is unique."""

    def __init__(self) -> None:
        self.count = 0
        self.sentences: dict[str, list[str]] = {}    # article name -> sentences, in order
        self.leads: set[str] = set()

    def paragraphs(self, name: str, blocks: list[list[list[str]]], lead: bool = False) -> str:
        rendered = []
        for block in blocks:
            sentences = []
            for words in block:
                self.count += 1
                sentences.append(" ".join([f"Zq{self.count}x", *words]) + ".")
            self.sentences.setdefault(name, []).extend(sentences)
            if lead:
                self.leads.update(sentences)
            rendered.append(" ".join(sentences))
        return "\n\n".join(rendered)

    def article(self, name: str, lead: list, sections: list) -> str:
        self.sentences.setdefault(name, [])
        body = front(f"Article {name}") + self.paragraphs(name, lead, lead=True) + "\n"
        in_lead = True
        for heading, setext, blocks in sections:
            text = heading.strip() or "x"
            written = f"{text}\n{'-' * 3}" if setext else f"## {text}"
            # Python-Markdown decides what a heading is: `## \\` (an odd backslash at the end)
            # is not one, so its text stays with what comes before it.
            in_lead = in_lead and not is_heading(written)
            body += f"\n{written}\n\n" + self.paragraphs(name, blocks, lead=in_lead) + "\n"
        return body


def is_heading(line: str) -> bool:
    return markdown.markdown(line).startswith("<h2")


def check_sentences(writer: Writer, pages: dict[PurePosixPath, str]) -> None:
    """Each sentence: on its article's whole page, in order, and on exactly one other page,
    the Articles page (lead) or a page of its own article."""
    for name, sentences in writer.sentences.items():
        whole_path = PurePosixPath(name) / "index.md"
        whole = pages[whole_path]
        position = 0
        for sentence in sentences:
            found = whole.find(sentence, position)
            assert found >= 0, f"{sentence!r} missing or out of order on {whole_path}"
            position = found + len(sentence)
            holders = [path for path, text in pages.items()
                       if path != whole_path and sentence in text]
            assert len(holders) == 1, (sentence, holders)
            if sentence in writer.leads:
                assert holders == [PurePosixPath("index.md")], (sentence, holders)
            else:
                assert holders[0].parts[0] == name, (sentence, holders)


@settings(max_examples=examples(1),
          suppress_health_check=[HealthCheck.too_slow])
@given(articles=st.lists(ARTICLE, min_size=1, max_size=3))
def test_every_sentence_is_on_its_one_page_version_and_exactly_one_other_page(articles):
    writer = Writer()
    texts = {f"a{number}": writer.article(f"a{number}", lead, sections)
             for number, (lead, sections) in enumerate(articles)}
    try:
        entries = [Entry(name, f"content/{name}.md", Path(f"content/{name}.md"),
                         parse_article(text, Path(f"content/{name}.md")))
                   for name, text in texts.items()]
        collection = Collection(in_order(entries), None, Path("content"), "content/", "")
        report = Report()
        plan = plan_site(collection, SETTINGS, {name: "<svg></svg>" for name in
                                                icon_names(collection)},
                         Path("mkdocs.yml"), "mkdocs.yml", report)
        report.raise_if_any()
    except Problems as problems:
        assert all(problem.line for problem in problems.problems), problems
        event(f"refused: {problems.problems[0].message.split(':')[0]}")
        return
    event("accepted")
    check_sentences(writer, plan.files)


@pytest.mark.build
@settings(max_examples=examples(0.12),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(articles=st.lists(ARTICLE, min_size=1, max_size=2))
def test_whatever_the_generator_accepts_mkdocs_builds_strictly_with_every_sentence(
        articles, site_copy):
    writer = Writer()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(site_copy, project, symlinks=True)
        for number, (lead, sections) in enumerate(articles):
            name = f"a{number}"
            (project / "content" / f"{name}.md").write_text(writer.article(name, lead, sections),
                                                            encoding="utf-8")
        before = sorted((path, path.read_bytes()) for path in (project / "docs").rglob("*")
                        if path.is_file())
        sources = Sources(project / "content", project / "docs", project / "mkdocs.yml",
                          read_settings(project / "mkdocs.yml"))
        try:
            build(sources)
        except Problems as problems:
            assert all(problem.line for problem in problems.problems), problems
            event(f"refused: {problems.problems[0].message.split(':')[0]}")
            after = sorted((path, path.read_bytes()) for path in (project / "docs").rglob("*")
                           if path.is_file())
            assert after == before
            return
        event("accepted")
        site = Path(folder) / "site"
        result = run_mkdocs_build(project, site)
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        pages = {PurePosixPath(path.relative_to(site).parent.as_posix(), "index.md"):
                 read_page(path).text for path in html_pages(site) if path.name == "index.html"}
        pages = {PurePosixPath(re.sub(r"^\./?", "", path.as_posix()) or "index.md"): text
                 for path, text in pages.items()}
        check_sentences(writer, pages)


@pytest.fixture(scope="module")
def site_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real project, built once (so each example only adds its articles)."""
    return copy_project(tmp_path_factory.mktemp("property-site"))
