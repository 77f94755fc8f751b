"""The MkDocs hooks' own work, without a build: folding indentation, placing tooltips."""

from __future__ import annotations

import markdown
from hooks import on_post_page
from rapport.tooltips import TooltipPlacement


def test_indentation_folds_in_pages_without_code():
    page = "<main>\n    <p>\n        Text\n    </p>\n</main>\n"
    assert on_post_page(page, None, None) == "<main>\n<p>\nText\n</p>\n</main>\n"


def test_pages_with_code_or_a_text_box_keep_every_space():
    for page in ("<main>\n  <pre><code>def f():\n    return 1\n</code></pre>\n</main>",
                 "<form>\n  <textarea>\n    keep\n  </textarea>\n</form>"):
        assert on_post_page(page, None, None) == page


def render(text: str) -> str:
    renderer = markdown.Markdown(extensions=["abbr", "footnotes", "def_list", "attr_list",
                                             TooltipPlacement()])
    return renderer.convert(text + "\n\n*[rapport]: Trust and ease.\n")


def test_a_tooltip_explains_a_term_once_and_can_be_reached_with_the_keyboard():
    html = render("Build rapport. Keep rapport.")
    assert html.count("<abbr") == 1 and 'tabindex="0"' in html


def test_no_tooltip_in_a_title_a_link_a_glossary_term_or_a_reference():
    html = render("# On rapport\n\n[rapport](x.md)\n\nrapport\n:   A term.\n\n"
                  "A claim.[^1]\n\n[^1]: A study of rapport.")
    assert "<abbr" not in html, html
