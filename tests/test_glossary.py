"""The glossary file: one source for the Glossary page and every page's tooltips, checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import ROOT
from rapport.errors import ArticleError, Problems
from rapport.glossary import parse_glossary
from samples import GLOSSARY as GOOD

PATH = Path("content/glossary.yml")


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


def test_a_tooltip_may_be_160_characters_and_no_more():
    exactly = "Trust " * 26 + "and."  # 160 characters
    assert len(exactly) == 160
    glossary = parse_glossary(GOOD.replace("Trust and ease.", exactly), PATH)
    assert glossary.terms[0].tooltip == exactly
    [error] = errors_of(GOOD.replace("Trust and ease.", exactly + "!"))
    assert (error.line, error.message) == (
        8, "the tooltip of 'Rapport' is longer than 160 characters: shorten it (the definition "
           "can say more)")


@pytest.mark.parametrize("forms", ["['rapport]']", "['rap]port']", "[rapport, 3]", "[rapport, ' ']",
                                   "rapport", "[]"])
def test_each_form_must_be_words_without_a_closing_bracket(forms):
    [error] = errors_of(GOOD.replace("forms: [rapport]", f"forms: {forms}"))
    assert error.line == 7 and error.message.startswith("'forms' must list the words")


def test_one_term_with_several_problems_reports_them_all():
    text = GOOD.replace("forms: [rapport]", "forms: ['rap]port']\n    colour: red").replace(
        "Trust and ease.", "Trust " * 30)
    assert [(e.line, e.message.split(":")[0]) for e in errors_of(text)] == [
        (7, "'forms' must list the words as they appear in text (matching is case-sensitive; "
            "no ']' in a form), e.g. [rapport, Rapport]"),
        (8, "unknown key 'colour'"),
        (9, "the tooltip of 'Rapport' is longer than 160 characters")]


def test_repeats_after_an_unusable_term_are_still_found():
    text = GOOD.replace("    tooltip: Trust and ease.\n", "", 1) + """  - term: Effect size
    forms: [effect sizes]
    tooltip: Again.
    definition: Again.
"""
    assert [(e.line, e.message.split(" (")[0]) for e in errors_of(text)] == [
        (6, "term 'Rapport' has an empty 'tooltip': write it"),
        (13, "duplicate term 'Effect size'"),
        (13, "the form 'effect sizes' is listed twice")]


def test_a_glossary_without_a_review_date_is_an_error():
    [error] = errors_of(GOOD.replace("reviewed: 2026-01-03\n", ""))
    assert (error.line, error.message) == (1, "'reviewed' must be a date written YYYY-MM-DD")


def test_an_allowed_contact_may_appear_in_the_glossary():
    text = GOOD.replace("A feeling of trust and ease.", "Ask help@mail.rapport-demo.org.")
    assert errors_of(text)[0].message.startswith("e-mail address 'help@mail.rapport-demo.org'")
    glossary = parse_glossary(text, PATH, frozenset({"help@mail.rapport-demo.org"}))
    assert glossary.terms[0].definition == "Ask help@mail.rapport-demo.org."


def test_the_intro_and_definitions_are_held_to_the_safety_check_as_their_page_has_them():
    """Found by a second review: the Glossary page renders them as Markdown."""
    definition = GOOD.replace("definition: ", "definition: A feeling <script>x()</script> ", 1)
    intro = GOOD.replace("intro: ", 'intro: <iframe src="https://evil.example.net"></iframe> ', 1)
    for text, words in ((definition, "a <script> element"), (intro, "a <iframe> element")):
        with pytest.raises(Problems) as caught:
            parse_glossary(text, PATH)
        assert any(words in problem.message for problem in caught.value.problems), text


def test_every_line_of_a_long_definition_is_checked_and_named_by_its_definitions_line():
    """A definition over several lines, after an intro over several: each line is checked as
    the Glossary page lays it out, and a problem points at its own definition."""
    text = GOOD.replace("intro: The words.", "intro: |\n  The words,\n  and more words.").replace(
        "    definition: A number for how strong a link is.",
        "    definition: |\n      A number\n      for how strong\n"
        "      a link is. <img src=\"//cdn.example.net/p.png\" alt=\"\">")
    [error] = errors_of(text)
    assert error.line == text.split("\n").index("    definition: |") + 1
    assert error.message.startswith("'//cdn.example.net/p.png' is fetched from another host")


def test_a_problem_in_the_intro_points_at_the_intro_and_the_review_date_has_its_line():
    text = GOOD.replace("intro: The words.", "intro: The words. <script>x()</script>")
    [error] = errors_of(text)
    assert error.line == text.split("\n").index("intro: The words. <script>x()</script>") + 1
    assert parse_glossary(GOOD, PATH).reviewed_line == GOOD.split("\n").index(
        "reviewed: 2026-01-03") + 1
