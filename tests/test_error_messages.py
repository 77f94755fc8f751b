"""Every problem the parser can report, word for word: a catalogue of bad articles and bad
glossaries, and the exact lines a maintainer sees for each (tests/fixtures/error-messages.txt).

A message is the only interface bad input has, so a changed word is a change a reviewer should
see. To accept a deliberate change, run this file with RAPPORT_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import os
from pathlib import Path

from project import FIXTURES
from rapport.article import parse_article
from rapport.errors import Problems
from rapport.glossary import parse_glossary

GOLDEN = FIXTURES / "error-messages.txt"
ARTICLE = Path("content/case.md")
GLOSSARY = Path("content/glossary.yml")

FRONT = """---
title: Title
description: A short description.
author: A. Writer
source:
  publication: The Example Gazette
  published: 2024-01-02
reviewed: 2025-02-03
edits:
  - what: Fixed a typo.
    why: Readability.
notes:
  evidence:
    title: Evidence
    text: Moderate, not proof.
---
"""
EDITORS = """---
title: Title
description: Written here.
published: 2026-01-02
reviewed: 2026-01-03
---
"""
BODY = "# Title\n\nLead.\n\n## Part\n\nText.\n"

ARTICLES = {
    "no front matter": "# Title\n",
    "front matter not closed": "---\ntitle: x\n",
    "malformed front matter": FRONT.replace("author: A. Writer", 'author: "unclosed') + BODY,
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
    "bad notes": FRONT.replace("    title: Evidence\n", "").replace(
        "notes:\n", "notes:\n  warn:\n    kind: shout\n    title: T\n    text: X\n") + BODY,
    "unclosed html": FRONT + BODY + "\n<div>\n\n## Swallowed\n\nx.\n",
    "unclosed comment": FRONT + BODY + "\n<!-- never closed\n",
    "no title": FRONT + "Just text.\n",
    "second title, text before": FRONT + "Before.\n\n# Title\n\nL.\n\n## A\n\nx.\n\n# Again\n",
    "title differs": FRONT + "# Another\n\nL.\n\n## A\n\nx.\n",
    "no sections": FRONT + "# Title\n\nLead only.\n",
    "marker in the lead": FRONT + "# Title\n\n<!-- summary: x -->\nLead.\n\n## A\n\nx.\n",
    "empty heading": FRONT + "# Title\n\nL.\n\n##\n\nx.\n",
    "bad slugs": FRONT + "# Title\n\nL.\n\n## A {#a/b}\n\nx.\n\n## B {#Bad}\n\ny.\n\n"
                 "## C {#c}\n\nz.\n\n## D {#c}\n\nw.\n",
    "long heading": FRONT + "# Title\n\nL.\n\n## " + "가" * 60 + "\n\nx.\n",
    "markers": FRONT + "# Title\n\nL.\n\n## A\n\nText.\n<!-- summary: late -->\n"
               "<!-- note: nope -->\n<!-- todo: x -->\n\n## B\n<!-- icon: -->\n\ny.\n",
    "empty section and long summary": FRONT + "# Title\n\nL.\n\n## Empty\n\n## Long\n"
                                      f"<!-- summary: {'y' * 161} -->\n\nText.\n",
    "contact details": FRONT + "# Title\n\nL.\n\n## A\n\nMail someone@example.com or call "
                       "+1 415 555 0132.\n",
}

GOOD_GLOSSARY = """title: Glossary
description: Words.
reviewed: 2026-01-03
intro: The words.
terms:
  - term: Rapport
    forms: [rapport]
    tooltip: Trust and ease.
    definition: A feeling of trust and ease.
"""

GLOSSARIES = {
    "malformed": "title: [unclosed\n",
    "not a mapping": "- a list\n",
    "bad keys and values": "title: ''\ndescription: 3\nreviewed: soon\nintro: x\nterms: []\n"
                           "extra: 1\n",
    "bad terms": GOOD_GLOSSARY + "  - just text\n  - term: ''\n    forms: rapport\n"
                                 "    tooltip: x\n    definition: x\n    more: 1\n",
    "long tooltip": GOOD_GLOSSARY.replace("Trust and ease.", "t" * 161),
    "repeats": GOOD_GLOSSARY + "  - term: rapport\n    forms: [rapport, Rapport]\n"
                               "    tooltip: x\n    definition: y\n",
    "contact details": GOOD_GLOSSARY.replace("A feeling of trust and ease.",
                                             "Write to someone@example.com."),
}


def problems(parse, text: str) -> list[str]:
    try:
        parse(text)
    except Problems as caught:
        return [str(problem) for problem in caught.problems]
    raise AssertionError("accepted")


def catalogue() -> str:
    parts = []
    for name, text in ARTICLES.items():
        lines = problems(lambda text: parse_article(text, ARTICLE), text)
        parts.append(f"## article: {name}\n" + "\n".join(lines))
    for name, text in GLOSSARIES.items():
        lines = problems(lambda text: parse_glossary(text, GLOSSARY), text)
        parts.append(f"## glossary: {name}\n" + "\n".join(lines))
    return "\n\n".join(parts) + "\n"


def test_every_message_reads_as_the_catalogue_says():
    found = catalogue()
    if os.environ.get("RAPPORT_UPDATE_GOLDEN"):
        GOLDEN.write_text(found, encoding="utf-8")
    assert found == GOLDEN.read_text(encoding="utf-8")
