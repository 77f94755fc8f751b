"""Property: for any article, nothing is lost and nothing is duplicated.

Every sentence appears in the one-page version, in order, and in exactly one other page: the
lead's on the home page, every other one on its section's page.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from hypothesis import given, settings
from hypothesis import strategies as st
from rapport.article import parse_article
from rapport.pages import icon_names, plan_site

FRONT = """---
title: Generated Title
description: A generated article.
author: Someone
source:
  publication: Example
  published: 2024-01-01
reviewed: 2024-02-02
edits: []
---

# Generated Title

"""

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
WORDS = st.lists(WORD, min_size=1, max_size=14)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=4)       # sentences of words
SECTION = st.tuples(st.lists(WORD, min_size=1, max_size=5), st.lists(PARAGRAPH, min_size=1,
                                                                      max_size=3))


def sentence(words: list[str], number: int) -> str:
    """A sentence made unique by a token, so 'appears in a page' is unambiguous."""
    return " ".join([f"Zq{number}x", *words]) + "."


@settings(max_examples=150, deadline=None)
@given(lead=st.lists(PARAGRAPH, min_size=1, max_size=2),
       sections=st.lists(SECTION, min_size=1, max_size=8,
                         unique_by=lambda section: " ".join(section[0])))
def test_every_sentence_is_on_the_one_page_version_and_exactly_one_other_page(lead, sections):
    counter = iter(range(10_000))
    expected: list[tuple[str, PurePosixPath]] = []   # (sentence, its own page), article order

    def paragraphs(blocks: list[list[list[str]]], page: PurePosixPath) -> str:
        rendered = []
        for block in blocks:
            sentences = [sentence(words, next(counter)) for words in block]
            expected.extend((text, page) for text in sentences)
            rendered.append(" ".join(sentences))
        return "\n\n".join(rendered)

    body = paragraphs(lead, PurePosixPath("index.md")) + "\n"
    for number, (heading, blocks) in enumerate(sections):
        slug = f"s{number}"
        body += f"\n## {' '.join(heading)} {{#{slug}}}\n\n"
        body += paragraphs(blocks, PurePosixPath(f"article/{slug}.md")) + "\n"

    article = parse_article(FRONT + body, Path("content/article.md"))
    plan = plan_site(article, "content/article.md", folder="article",
                     icons={name: "<svg></svg>" for name in icon_names(article)})
    whole = plan.pop(PurePosixPath("article/index.md"))

    position = 0
    for text, own_page in expected:
        found = whole.find(text, position)
        assert found >= 0, f"{text!r} missing or out of order in the one-page version"
        position = found + len(text)
        holders = [path for path, page in plan.items() if text in page]
        assert holders == [own_page], f"{text!r} is on {holders}, expected only {own_page}"
