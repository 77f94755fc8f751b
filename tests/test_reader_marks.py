"""The reader-marks extension: footnote marks and statistics never wrap alone."""

from __future__ import annotations

import markdown
import pytest
from reader_marks import NO_BREAK_SPACE as NBSP
from reader_marks import ReaderMarks, no_break_statistics


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", "abbr", ReaderMarks()])


NOTE = "\n\n[^a]: The source.\n[^b]: Another.\n"


def test_a_footnote_mark_goes_with_the_word_before_it():
    html = render("It pooled 1,314 patients).[^a] Then more." + NOTE)
    assert ('<span class="rapport-nowrap">patients).<sup id="fnref:a">' in html)
    assert "</sup></span> Then more." in html


def test_two_marks_in_a_row_stay_with_the_same_word():
    html = render("Several studies.[^a][^b] Next." + NOTE)
    span = html.split('<span class="rapport-nowrap">')[1].split("</span>")[0]
    assert span.startswith("studies.") and span.count("<sup") == 2


def test_a_mark_after_emphasis_takes_the_emphasis_with_it():
    html = render("It is *moderate*[^a] overall." + NOTE)
    assert '<span class="rapport-nowrap"><em>moderate</em><sup' in html


def test_a_mark_first_in_a_paragraph_or_after_a_space_is_left_alone():
    html = render("Word [^a] next." + NOTE)
    assert "rapport-nowrap" not in html


@pytest.mark.parametrize(("text", "joined"), [
    ("a link of r = .278 in", f"r{NBSP}={NBSP}.278"),
    ("with N = 1,314 patients", f"N{NBSP}={NBSP}1,314"),
    ("p < .05 here", f"p{NBSP}<{NBSP}.05"),
    ("95% CI [.25, .30]", f"95%{NBSP}CI"),
])
def test_statistics_do_not_break_inside(text, joined):
    assert joined in no_break_statistics(text)
    assert joined.replace("<", "&lt;") in render(text)


def test_words_that_look_like_statistics_but_are_not_stay_as_they_are():
    for text in ("I am = to you", "a = b", "Go to 10 = ten"):
        assert no_break_statistics(text).replace(NBSP, " ") == text
    assert no_break_statistics("I am = to you") == "I am = to you"


def test_code_is_left_alone():
    assert NBSP not in render("`r = .278` and\n\n    r = .278\n")
