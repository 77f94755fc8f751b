"""What readers do, in Chromium, on a phone (390×844) and a desktop (1366×900)."""

from __future__ import annotations

import re

import pytest
from local_site import page_paths
from project import ROOT
from rapport.article import parse_article
from rapport.glossary import parse_glossary

ARTICLE_PATH = ROOT / "content" / "article.md"
ARTICLE = parse_article(ARTICLE_PATH.read_text(encoding="utf-8"), ARTICLE_PATH)
SECTIONS = [section.title for section in ARTICLE.sections]
SECOND_PATH = ROOT / "content" / "when-it-isnt-working.md"
SECOND = parse_article(SECOND_PATH.read_text(encoding="utf-8"), SECOND_PATH)
PAGES = [*page_paths(ROOT / "docs"), "404.html"]


def h1(page) -> str:
    return page.locator("article h1").first.inner_text().removesuffix("¶").strip()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_articles_page_card_then_next_through_every_section_and_back_with_previous(
        open_page, viewport):
    page = open_page("articles/", viewport=viewport).page
    page.locator("#article--parts + .grid.cards a").first.click()
    seen = [h1(page)]
    for _ in SECTIONS:
        page.locator("a.md-footer__link--next").click()
        seen.append(h1(page))
    # After the last part, "Next" leads on to the next article, not back over the same text.
    assert seen == [*SECTIONS, SECOND.title]
    page.go_back()
    back = [h1(page)]
    for _ in SECTIONS:
        page.locator("a.md-footer__link--prev").click()
        back.append(h1(page))
    assert back == [*SECTIONS[::-1], ARTICLE.title]


def test_home_article_card_opens_the_whole_article(open_page):
    page = open_page("", viewport="phone").page
    page.locator(".grid.cards a", has_text=SECOND.title).first.click()
    assert h1(page) == SECOND.title
    assert not page.locator("a.md-footer__link--next").is_visible()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_search_finds_a_section_and_highlights_the_word(open_page, viewport):
    page = open_page("", viewport=viewport).page
    search_box = page.locator(".md-search__input")
    if not search_box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    search_box.press_sequentially("empathy", delay=20)  # a reader types; search listens to keys
    result = page.locator(".md-search-result__link[href*='validation-and-empathy']").first
    result.wait_for()
    result.click()
    page.wait_for_url(re.compile(r"validation-and-empathy/\?h=empathy"))
    assert h1(page) == "Validation and empathy"
    marks = page.locator("article mark")
    marks.first.wait_for()
    assert "empathy" in marks.first.inner_text().lower()


def scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


@pytest.mark.parametrize("system", ["light", "dark"])
def test_site_follows_the_system_scheme_until_the_toggle_is_used_and_keeps_the_choice(
        open_page, system):
    expected, other = ("default", "slate") if system == "light" else ("slate", "default")
    page = open_page("glossary/", scheme=system).page
    assert scheme(page) == expected
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert scheme(page) == other
    page.reload()
    assert scheme(page) == other


def test_phone_drawer_leads_to_the_articles_then_lists_an_articles_parts_in_order(open_page):
    page = open_page("", viewport="phone").page
    page.locator("label.md-header__button[for=__drawer]").click()
    assert page.locator("#__drawer").is_checked()
    page.locator(".md-nav--primary a.md-nav__link[href^='articles']").click()
    assert h1(page) == "Articles"
    page.locator(".grid.cards a", has_text=ARTICLE.title).click()
    assert h1(page) == ARTICLE.title
    page.locator("label.md-header__button[for=__drawer]").click()
    nested = page.locator(".md-nav--primary .md-nav[data-md-level='2'] a.md-nav__link")
    nested.first.wait_for(state="visible")
    assert [text.strip() for text in nested.all_inner_texts()] == SECTIONS
    page.wait_for_function("document.querySelector('.md-sidebar--primary')"
                           ".getBoundingClientRect().x >= 0")    # slid fully into view
    page.keyboard.press("Escape")
    page.mouse.click(370, 400)
    assert not page.locator("#__drawer").is_checked()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_get_help_now_is_one_click_from_every_page(open_page, viewport):
    for path in PAGES:
        page = open_page(path, viewport=viewport).page
        page.mouse.wheel(0, 5000)              # the header, and the button, stay on screen
        page.wait_for_timeout(100)
        link = page.locator(".md-header").get_by_role("link", name="Get help now")
        assert link.is_visible(), path
        link.click()
        page.wait_for_url(re.compile(r"/help/$"))
        assert h1(page) == "Get help now", path
        page.context.close()


# How many lines a page's title fills, with and without what follows its words (the permalink):
# boxes whose heights overlap share a line.
TITLE_LINES = """h1 => {
    const lines = range => {
        const boxes = [...range.getClientRects()].filter(box => box.width > 0)
            .sort((a, b) => a.top - b.top);
        let count = 0, bottom = -Infinity;
        for (const box of boxes) {
            if (box.top >= bottom - 1) count += 1;
            bottom = Math.max(bottom, box.bottom);
        }
        return count;
    };
    const whole = document.createRange();
    whole.selectNodeContents(h1);
    const words = document.createRange();
    words.selectNodeContents(h1);
    const link = h1.querySelector(".headerlink");
    if (link) words.setEndBefore(link);
    return [lines(whole), lines(words)];
}"""


@pytest.mark.parametrize("path", ["", "article/when-rapport-is-missing/", "good-fit/"])
def test_page_title_takes_no_more_lines_than_its_words_on_a_phone(open_page, path):
    """Nothing after a title's words (its permalink, say) may wrap to a line of its own: a
    blank-looking gap under the title."""
    page = open_page(path, viewport="phone").page
    whole, words = page.locator("article h1").first.evaluate(TITLE_LINES)
    assert whole == words


def test_print_shows_the_text_without_navigation_header_search_or_palette(open_page):
    page = open_page("article/").page
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                     ".md-search", "form[data-md-component=palette]", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article").is_visible()
    assert SECTIONS[-1] in page.locator("article").inner_text()


def test_printed_links_show_their_address(open_page):
    page = open_page("research/").page
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.querySelector("
                          "'.md-typeset a[href^=\"https://doi.org\"]'), '::after').content")
    assert "https://doi.org/" in after


@pytest.mark.parametrize("path", ["", "article/how-rapport-is-built/"])
def test_first_tab_reaches_skip_to_content_and_it_moves_focus_to_the_content(open_page, path):
    page = open_page(path).page
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.classList.contains('md-skip'),"
                            " document.activeElement.innerText]")
    assert focused[0] and focused[1].strip() == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # Past the header and navigation: the next stop follows the page's title (inside the
    # content if it has a link, else the footer's previous/next).
    after_title = page.evaluate("!!(document.querySelector('article h1').compareDocumentPosition("
                                "document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)")
    assert after_title
    assert not page.evaluate("!!document.activeElement.closest('.md-header, .md-sidebar')")


def test_not_found_page_offers_search_and_home(open_page):
    page = open_page("no-such-page/", wait="load").page
    assert page.locator("h1").inner_text() == "We can’t find that page"
    page.fill("#rapport-q", "empathy")
    page.locator("form.rapport-search button").click()
    page.locator(".md-search-result__link").first.wait_for()
    assert page.locator(".md-search__input").input_value() == "empathy"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_glossary_term_is_reached_with_tab_and_shows_its_meaning(open_page, viewport):
    page = open_page("article/validation-and-empathy/", viewport=viewport).page
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        raise AssertionError("Tab never reached a glossary term")
    term = page.evaluate("document.activeElement.textContent")
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    glossary = parse_glossary((ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"),
                              ROOT / "content" / "glossary.yml")
    assert tooltip.inner_text().strip() == glossary.tooltips()[term].tooltip
    size = tooltip.locator(".md-tooltip2__inner").evaluate(
        "element => parseFloat(getComputedStyle(element).fontSize)")
    assert size >= 13, f"tooltip text is {size}px"
