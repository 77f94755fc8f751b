"""Every problem the generator can report, word for word: a catalogue of bad articles, bad
glossaries and bad project folders, and the exact lines a maintainer sees for each
(tests/fixtures/error-messages.txt).

A message is the only interface bad input has, so a changed word is a change a reviewer should
see. To accept a deliberate change, run this file with RAPPORT_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from project import FIXTURE_PROJECT, FIXTURES, GeneratorProject
from rapport.article import parse_article
from rapport.errors import Problems
from rapport.glossary import parse_glossary
from rapport.pipeline import build, diff_docs
from rapport.sources import Sources
from samples import EDITORS_FRONT as EDITORS
from samples import FRONT
from samples import GLOSSARY as GLOSSARY_TEXT

GOLDEN = FIXTURES / "error-messages.txt"
ARTICLE = Path("content/case.md")
GLOSSARY = Path("content/glossary.yml")

BODY = "# Title\n\nLead.\n\n## Part\n\nText.\n"

ARTICLES = {
    "no front matter": "# Title\n",
    "front matter not closed": "---\ntitle: x\n",
    "malformed front matter": FRONT.replace("author: A. Writer", 'author: "unclosed') + BODY,
    "a control character in the front matter": FRONT.replace("A. Writer", "A.\x07Writer")
    + BODY,
    "front matter not a mapping": "---\n- a list\n---\n" + BODY,
    "empty and missing keys": FRONT.replace("title: Title", "title: ''").replace(
        "description: A short description.\n", "").replace("reviewed: 2025-02-03\n", "") + BODY,
    "unknown key": FRONT.replace("author:", "autor: x\nauthor:") + BODY,
    "long description": FRONT.replace("A short description.", "x" * 161) + BODY,
    "bad dates": FRONT.replace("reviewed: 2025-02-03", "reviewed: soon").replace(
        "published: 2024-01-02", "published: someday") + BODY,
    "impossible dates and times": FRONT.replace("reviewed: 2025-02-03", "reviewed: 2024-02-30")
    .replace("published: 2024-01-02", "published: 2024-01-01T10:00:00") + BODY,
    "a note's kind that is not a word": FRONT.replace("    title: Evidence\n",
                                                      "    kind: [info]\n    title: Evidence\n")
    + BODY,
    "source not a mapping": FRONT.replace(
        "source:\n  publication: The Example Gazette\n  published: 2024-01-02\n",
        "source: The Gazette\n") + BODY,
    "source without author, with published": FRONT.replace("author: A. Writer\n", "").replace(
        "reviewed:", "published: 2024-01-03\nreviewed:") + BODY,
    "editors without published": EDITORS.replace("published: 2026-01-02\n", "") + BODY,
    "editors with a bad published": EDITORS.replace("2026-01-02", "January") + BODY,
    "bad edits, notes and order": FRONT.split("edits:")[0] + "edits: typo\nnotes: [x]\n"
                                  "order: first\n---\n" + BODY,
    "a long short title and bad next steps": FRONT.split("edits:")[0]
    + "short_title: A short title that is not short at all, far from it\n"
    "next_steps:\n  - text: Somewhere\n    link: ../help.md\n    why: no reason\n---\n" + BODY,
    "bad notes": FRONT.replace("    title: Evidence\n", "").replace(
        "notes:\n", "notes:\n  warn:\n    kind: shout\n    title: T\n    text: X\n") + BODY,
    "unclosed html": FRONT + BODY + "\n<div>\n\n## Swallowed\n\nx.\n",
    "unclosed comment": FRONT + BODY + "\n<!-- never closed\n",
    "a heading after a closing tag on its line": FRONT + BODY + "\n<div>x</div>## Stray\n",
    "a marker inside raw HTML": FRONT + BODY + "\n<div>\n<!-- note: evidence -->\n</div>\n",
    "indented text after a note": FRONT + BODY + "\n<!-- note: evidence -->\n\n    Code.\n",
    "a label defined twice": FRONT + BODY + "\nText.[^1]\n\n[^1]: One.\n\n[^1]: Two.\n",
    "a note that defines a link": FRONT.replace(
        "text: Moderate, not proof.", 'text: "Moderate.\\n\\n[x]: ../help.md"') + BODY,
    "no title": FRONT + "Just text.\n",
    "second title, text before": FRONT + "Before.\n\n# Title\n\nL.\n\n## A\n\nx.\n\n# Again\n",
    "no sections, after a comment": FRONT + "<!-- a comment -->\n\n# Title\n\nLead only.\n",
    "text before the title, after a blank line": FRONT + "\nBefore.\n\n# Title\n\nL.\n\n"
                                                 "## A\n\nx.\n",
    "title differs, after a comment": FRONT + "<!-- a comment -->\n# Another\n\nL.\n\n## A\n\nx.\n",
    "title differs": FRONT + "# Another\n\nL.\n\n## A\n\nx.\n",
    "no sections": FRONT + "# Title\n\nLead only.\n",
    "marker in the lead": FRONT + "# Title\n\n<!-- summary: x -->\nLead.\n\n## A\n\nx.\n",
    "empty heading": FRONT + "# Title\n\nL.\n\n##\n\nx.\n",
    "bad slugs": FRONT + "# Title\n\nL.\n\n## A {#a/b}\n\nx.\n\n## B {#Bad}\n\ny.\n\n"
                 "## C {#c}\n\nz.\n\n## D {#c}\n\nw.\n",
    "long heading": FRONT + "# Title\n\nL.\n\n## " + "가" * 60 + "\n\nx.\n",
    "markers": FRONT + "# Title\n\nL.\n\n## A\n\nText.\n<!-- summary: late -->\n"
               "<!-- note: nope -->\n<!-- todo: x -->\n\n## B\n<!-- icon: -->\n\ny.\n",
    "other tools' syntax": FRONT + "# Title\n\nL.\n\n## A {/*a*/}\n\nSee {% page \"x\" %}.\n\n"
                           "--8<-- \"missing.md\"\n",
    "unknown notes, none defined": EDITORS + "# Title\n\nL.\n\n## A\n\nText.\n\n"
                                   "<!-- note: nope -->\n",
    "unknown notes, two defined": FRONT.replace("notes:\n", "notes:\n  aside:\n    title: T\n"
                                                "    text: X\n") + BODY + "<!-- note: nope -->\n",
    "empty description": FRONT.replace("A short description.", "' '") + BODY,
    "empty texts in source, author and edits": FRONT.replace(
        "The Example Gazette", "''").replace("A. Writer", "''").replace(
        "Fixed a typo.", "''").replace("Readability.", "' '") + BODY,
    "source without its date": FRONT.replace("  published: 2024-01-02\n", "") + BODY,
    "source without its publication": FRONT.replace("  publication: The Example Gazette\n",
                                                    "") + BODY,
    "edits not entries": FRONT.split("edits:")[0] + "edits: [typo]\n---\n" + BODY,
    "empty title, not first": FRONT.replace("title: Title\ndescription: A short description.",
                                            "description: A short description.\ntitle: ''")
    + BODY,
    "empty section and long summary": FRONT + "# Title\n\nL.\n\n## Empty\n\n## Long\n"
                                      f"<!-- summary: {'y' * 161} -->\n\nText.\n",
    "contact details": FRONT + "# Title\n\nL.\n\n## A\n\nMail someone@mail.rapport-demo.org or call "
                       "+61 491 570 156.\n",
}

GLOSSARIES = {
    "malformed": "title: [unclosed\n",
    "not a mapping": "- a list\n",
    "a control character": GLOSSARY_TEXT.replace("Words.", "Words\x0b."),
    "bad keys and values": "title: ''\ndescription: 3\nreviewed: soon\nintro: x\nterms: []\n"
                           "extra: 1\n",
    "bad terms": GLOSSARY_TEXT + "  - just text\n  - term: ''\n    forms: rapport\n"
                                 "    tooltip: x\n    definition: x\n    more: 1\n",
    "long tooltip": GLOSSARY_TEXT.replace("Trust and ease.", "t" * 161),
    "repeats": GLOSSARY_TEXT + "  - term: rapport\n    forms: [rapport, Rapport]\n"
                               "    tooltip: x\n    definition: y\n",
    "contact details": GLOSSARY_TEXT.replace("A feeling of trust and ease.",
                                             "Write to someone@mail.rapport-demo.org."),
}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def folder_for_an_article(project: GeneratorProject) -> None:
    project.article("notes").mkdir()


def two_unknown_icons(project: GeneratorProject) -> None:
    edit(project.article(), "<!-- icon: material/ear-hearing -->", "<!-- icon: material/nope -->")
    edit(project.article(), "## When it goes wrong\n",
         "## When it goes wrong\n<!-- icon: Material/Heart -->\n")


def a_glossary_that_fails_keeps_its_page_for_links(project: GeneratorProject) -> None:
    write(project.docs / "notes.md", "# Notes\n\nSee [the glossary](glossary.md).\n")
    write(project.content / "glossary.yml", b"title: Glossary\n\xff\n")


def a_deleted_glossary_takes_its_page(project: GeneratorProject) -> None:
    write(project.docs / "notes.md", "# Notes\n\nSee [the glossary](glossary.md).\n")
    (project.content / "glossary.yml").unlink()


def pages_in_the_way(project: GeneratorProject) -> None:
    write(project.docs / "article" / "practice.md", "# My own page\n")
    write(project.docs / "second" / "saying-it.md",
          "# generated from elsewhere/second.md — do not edit\n\n# Theirs\n")
    write(project.docs / "glossary.md", "# My glossary\n")
    write(project.docs / "second" / "index.md", "# My second\n")
    write(project.docs / "second" / "SUMMARY.md", "* [Mine](index.md)\n")
    write(project.docs / "index.md", "# My home\n")
    write(project.docs / "articles" / "SUMMARY.md", "* [Mine](index.md)\n")
    write(project.docs / "snippets" / "review-policy.md", "Mine.\n")


def a_page_of_ones_own_in_an_articles_folder(project: GeneratorProject) -> None:
    write(project.docs / "article" / "extra.md", "# My own page\n")


def a_marker_too_far_down_is_text(project: GeneratorProject) -> None:
    write(project.docs / "article" / "practice.md",
          "# Mine\n\nIt says:\n# generated from content/article.md — do not edit\n")


def broken_links(project: GeneratorProject) -> None:
    edit(project.article(), "## When it goes wrong\n",
         "## When it goes wrong\n\nSee [help](../helps.md), [research](../research.md#nope) "
         "and [a part](#nope).\n")
    edit(project.article(), "## Why listening matters\n",
         "## Why [listening](../listen.md) matters {#why-listening-matters}\n")
    edit(project.config, "    allowed_contacts: []\n", "    allowed_contacts: []\n    next_steps:\n"
         "      - {text: Get help, link: helps.md, why: Now.}\n")


def broken_links_in_notes(project: GeneratorProject) -> None:
    """A block's lines count from the line below its key; a one-line text is on its key's."""
    edit(project.article(),
         '    text:\n      "Studies show a moderate link, not proof.\\n\\n'
         '[Read more](../research.md)."\n',
         "    text: |\n      Studies show a moderate link, not proof.\n\n"
         "      [Read more](../researches.md).\n"
         "  short:\n    title: Short\n    text: See [help](../helps.md).\n")
    edit(project.article(), "<!-- note: evidence -->\n",
         "<!-- note: evidence -->\n<!-- note: short -->\n")


def no_content_folder(project: GeneratorProject) -> None:
    shutil.rmtree(project.content)


def one_article_into_the_projects_docs(project: GeneratorProject) -> Sources:
    return project.sources(only=project.article())


PROJECTS: dict[str, Callable[[GeneratorProject], Sources | None]] = {
    "no content folder": no_content_folder,
    "a folder named like an article": folder_for_an_article,
    "two unknown icons": two_unknown_icons,
    "a glossary that fails keeps its page for links":
        a_glossary_that_fails_keeps_its_page_for_links,
    "a deleted glossary takes its page": a_deleted_glossary_takes_its_page,
    "pages in the way": pages_in_the_way,
    "a page of one's own in an article's folder": a_page_of_ones_own_in_an_articles_folder,
    "a marker too far down is text": a_marker_too_far_down_is_text,
    "broken links": broken_links,
    "broken links in notes": broken_links_in_notes,
    "one article into the project's docs": one_article_into_the_projects_docs,
}


def project_problems(root: Path, change: Callable[[GeneratorProject], Sources | None]
                     ) -> list[str]:
    """Build a fresh copy of the fixture project, change it, and build again (from the
    sources the change names, if any)."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(FIXTURE_PROJECT, root)
    project = GeneratorProject(root)
    build(project.sources())
    sources = change(project) or project.sources()
    try:
        diff_docs(sources)
    except Problems as caught:
        return [str(problem).replace(root.as_posix(), "<project>")
                for problem in caught.problems]
    raise AssertionError("accepted")


def problems(parse, text: str) -> list[str]:
    try:
        parse(text)
    except Problems as caught:
        return [str(problem) for problem in caught.problems]
    raise AssertionError("accepted")


def catalogue(scratch: Path) -> str:
    parts = []
    for name, text in ARTICLES.items():
        lines = problems(lambda text: parse_article(text, ARTICLE), text)
        parts.append(f"## article: {name}\n" + "\n".join(lines))
    for name, text in GLOSSARIES.items():
        lines = problems(lambda text: parse_glossary(text, GLOSSARY), text)
        parts.append(f"## glossary: {name}\n" + "\n".join(lines))
    for name, change in PROJECTS.items():
        lines = project_problems(scratch / "project", change)
        parts.append(f"## project: {name}\n" + "\n".join(lines))
    return "\n\n".join(parts) + "\n"


def test_every_message_reads_as_the_catalogue_says(tmp_path):
    found = catalogue(tmp_path)
    if os.environ.get("RAPPORT_UPDATE_GOLDEN"):
        GOLDEN.write_text(found, encoding="utf-8")
    assert found == GOLDEN.read_text(encoding="utf-8")
