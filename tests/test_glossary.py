"""The glossary file: one source for the Glossary page and every page's tooltips, checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import ROOT
from rapport.errors import ArticleError, Problems
from rapport.glossary import parse_glossary

PATH = Path("content/glossary.yml")
GOOD = """title: Glossary
description: Words.
reviewed: 2026-01-03
intro: The words.
terms:
  - term: Rapport
    forms: [rapport]
    tooltip: Trust and ease.
    definition: A feeling of trust and ease.
  - term: Effect size
    forms: [effect size, effect sizes]
    tooltip: How strong a link is.
    definition: A number for how strong a link is.
"""


def errors_of(text: str) -> list[ArticleError]:
    with pytest.raises(Problems) as caught:
        parse_glossary(text, PATH)
    return list(caught.value.problems)


def test_terms_become_entries_with_anchors_and_tooltips_by_form():
    glossary = parse_glossary(GOOD, PATH)
    assert [(t.term, t.anchor) for t in glossary.terms] == [("Rapport", "rapport"),
                                                            ("Effect size", "effect-size")]
    assert {form: term.term for form, term in glossary.tooltips().items()} == {
        "rapport": "Rapport", "effect size": "Effect size", "effect sizes": "Effect size"}
    assert glossary.reviewed == "2026-01-03"


def test_a_duplicate_term_names_both_lines():
    text = GOOD + """  - term: rapport
    forms: [Rapport]
    tooltip: Again.
    definition: Again.
"""
    [error] = errors_of(text)
    assert error.line == 14 and "duplicate term 'rapport' (also at line 6)" in error.message


def test_an_empty_definition_is_an_error_at_its_line():
    [error] = errors_of(GOOD.replace("definition: A feeling of trust and ease.", "definition: ''"))
    assert error.line == 9 and "term 'Rapport' has an empty 'definition'" in error.message


def test_a_form_listed_under_two_terms_is_an_error():
    [error] = errors_of(GOOD.replace("[effect size, effect sizes]", "[effect size, rapport]"))
    assert error.line == 10 and "the form 'rapport' is listed twice" in error.message


def test_every_problem_is_reported_at_once():
    text = GOOD.replace("tooltip: Trust and ease.", "tooltip: ''").replace(
        "forms: [effect size, effect sizes]", "forms: []").replace("intro: The words.", "outro: x")
    assert [(e.line, e.message.split(":")[0]) for e in errors_of(text)] == [
        (1, "'intro' must be non-empty text"), (4, "unknown key 'outro'"),
        (8, "term 'Rapport' has an empty 'tooltip'"),
        (11, "'forms' must list the words as they appear in text (matching is case-sensitive; "
             "no ']' in a form), e.g. [rapport, Rapport]")]


def test_a_term_without_letters_gets_an_anchor_by_its_place():
    glossary = parse_glossary(GOOD.replace("term: Effect size", "term: '%'"), PATH)
    assert [term.anchor for term in glossary.terms] == ["rapport", "term-2"]


def test_contact_details_are_refused_in_the_glossary_too():
    [error] = errors_of(GOOD.replace("A feeling of trust and ease.", "Call 020 7946 0958."))
    assert error.line == 9 and "phone number '020 7946 0958'" in error.message


def test_malformed_yaml_names_its_line():
    [error] = errors_of(GOOD.replace("forms: [rapport]", "forms: [rapport"))
    assert error.line >= 7 and "malformed YAML" in error.message


def test_the_sites_glossary_has_the_terms_the_text_uses():
    glossary = parse_glossary((ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"),
                              PATH)
    forms = glossary.tooltips()
    for form in ("therapeutic alliance", "working alliance", "rapport", "empathy", "validation",
                 "congruence", "IPT", "CBT", "correlational", "correlation", "rupture",
                 "effect size", "goals, tasks and bond", "meta-analysis", "Meta-analyses"):
        assert form in forms, form
