"""What three readers need, in Chromium: someone in therapy who feels unheard (phone, light),
a student (desktop, keyboard only), someone in crisis at night (phone, dark).

Each article page says where it is and leads somewhere new; search finds the words people
type; help is one tap away on the first screen; the keyboard reaches everything."""

from __future__ import annotations

import re

import pytest
from project import FIXTURES, ROOT
from rapport.article import parse_article

ARTICLES = {path.stem: parse_article(path.read_text(encoding="utf-8"), path)
            for path in sorted((ROOT / "content").glob("*.md"))}
HELP_LINES = (FIXTURES / "help-lines.md").read_text(encoding="utf-8")
# The links the verified list gives, as written there ("Links: `tel:988`, `sms:988`, …").
VERIFIED_LINKS = set(re.findall(r"`((?:tel|sms):[^`]+)`", HELP_LINES.split("Links:")[1]))
# What must be on a phone's first screen of "Get help now": emergency numbers, and the main
# line for the US (988), the UK (Samaritans) and South Korea (109).
FIRST_SCREEN = ["tel:911", "tel:999", "tel:112", "tel:119", "tel:988", "sms:988", "tel:116123",
                "tel:109"]
# Ten things readers type, and the page each of them wants.
QUERIES = {
    "rupture": "when-it-isnt-working/strains-are-common/",
    "Bordin": "research/",
    "dropout": "when-it-isnt-working/changing-therapist/",
    "change therapist": "when-it-isnt-working/changing-therapist/",
    "crisis": "help/",
    "trust": "glossary/",
    "empathy": "article/validation-and-empathy/",
    "misunderstood": "when-it-isnt-working/strains-are-common/",
    "988": "help/",
    "how long": "good-fit/",
}


def h1(page) -> str:
    return page.locator("article h1").first.inner_text().removesuffix("¶").strip()


# --- where am I, and what next ------------------------------------------------------------------


@pytest.mark.parametrize("name", ARTICLES)
def test_every_section_page_says_which_part_of_which_article_it_is(open_page, name):
    article = ARTICLES[name]
    for number, section in enumerate(article.sections, 1):
        page = open_page(f"{name}/{section.slug}/", viewport="phone").page
        line = page.locator(".rapport-part")
        assert line.is_visible(), section.slug
        # The section's icon comes first, hidden from screen readers; then the words.
        assert line.locator('[aria-hidden="true"] svg').count() == 1, section.slug
        assert line.inner_text().strip().startswith(f"Part {number} of {len(article.sections)}")
        link = line.get_by_role("link", name=article.title)
        assert link.is_visible()
        assert page.locator(".md-footer__link--prev .md-footer__title").is_visible(), \
            "Previous has no words on a phone"
        link.click()
        page.wait_for_url(re.compile(rf"/{name}/$"))
        assert h1(page) == article.title
        page.context.close()


@pytest.mark.parametrize("name", ARTICLES)
def test_next_after_an_articles_last_part_leads_somewhere_new(open_page, name):
    article = ARTICLES[name]
    page = open_page(f"{name}/{article.sections[-1].slug}/", viewport="phone").page
    text = page.locator("article").inner_text()
    assert "What you can do next" in text
    page.locator("a.md-footer__link--next").click()
    page.wait_for_load_state()
    assert f"/{name}/" not in page.url, page.url                       # not the same text
    assert h1(page) not in [article.title, *(section.title for section in article.sections)]


def test_an_article_page_ends_with_what_you_can_do_next(open_page):
    page = open_page("article/when-rapport-is-missing/", viewport="phone").page
    block = page.get_by_role("navigation", name="What you can do next")
    assert [link.strip() for link in block.locator("li a").all_inner_texts()] == [
        "Talk to your therapist about it", "What the research says", "Get help now"]
    block.get_by_role("link", name="Talk to your therapist about it").click()
    assert h1(page) == ARTICLES["when-it-isnt-working"].title


# --- search -------------------------------------------------------------------------------------


def search(page, query: str) -> list[str]:
    """Type a query as a reader does; the addresses of the first three pages found."""
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box.fill("")
    box.press_sequentially(query, delay=15)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)  # the list settles as the last key is read
    return page.evaluate("""() => [...document.querySelectorAll(
        '.md-search-result__item > a.md-search-result__link:first-child')].slice(0, 3)
        .map(link => new URL(link.href).pathname)""")


def test_search_finds_the_page_a_reader_wants_among_the_first_three(open_page, site_url):
    page = open_page("", viewport="desktop").page
    base = "/" + site_url.split("/", 3)[3]
    misses = {query: found for query, wanted in QUERIES.items()
              if base + wanted not in (found := search(page, query))}
    assert not misses, misses


def test_a_search_result_opens_with_the_word_in_view_on_a_phone(open_page):
    page = open_page("", viewport="phone").page
    search(page, "attunement")
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(re.compile(r"\?h=attunement"))
    mark = page.locator("article mark").first
    mark.wait_for()
    page.wait_for_timeout(600)
    box = mark.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"], box


def test_the_references_can_be_searched(open_page, site_url):
    page = open_page("", viewport="desktop").page
    assert any(path.endswith("/research/") for path in search(page, "Flückiger"))


# --- help in one tap ----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_help_lines_are_on_a_phones_first_screen_and_big_enough_to_tap(open_page, scheme):
    page = open_page("help/", viewport="phone", scheme=scheme).page
    height = page.viewport_size["height"]
    for href in FIRST_SCREEN:
        target = page.locator(f"article a[href='{href}']").first
        box = target.bounding_box()
        assert box, href
        assert box["width"] >= 44 and box["height"] >= 44, (href, box)
        assert 0 <= box["y"] and box["y"] + box["height"] <= height, (href, box)
    assert page.locator(".rapport-notice").count() == 0
    assert "min read" not in page.locator("article").inner_text()


def test_every_help_number_is_a_verified_one_call_or_text_button(open_page):
    page = open_page("help/", viewport="phone").page
    hrefs = page.evaluate("""() => [...document.querySelectorAll('article a')]
        .map(link => link.getAttribute('href'))
        .filter(href => /^(tel|sms):/.test(href))""")
    emergency = {"tel:911", "tel:999", "tel:112", "tel:119"}
    assert set(hrefs) - emergency == VERIFIED_LINKS
    for href in hrefs:
        box = page.locator(f"article a[href='{href}']").first.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (href, box)


# Every place the verified list names a line for ("United Kingdom and Ireland" is both; England's
# line sits with the UK's), each of which the help page must reach from its first screen.
PLACES = sorted({place for row in re.findall(r"^\| ([^|]+?) \|", HELP_LINES, re.MULTILINE)
                 for place in row.split(" and ")} - {"where", "Emergency", "Elsewhere", "England"})


def test_help_page_shows_the_way_to_every_countrys_lines_on_a_small_phones_first_screen(open_page):
    page = open_page("help/", viewport="phone").page
    page.set_viewport_size({"width": 360, "height": 740})
    page.evaluate("window.scrollTo(0, 0)")
    reached = set()
    for link in page.locator("article .rapport-jump a").all():
        box = link.bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44, (link.inner_text(), box)
        assert 0 <= box["y"] and box["y"] + box["height"] <= 740, (link.inner_text(), box)
        target = link.get_attribute("href")
        heading = page.locator(f"article h2{target}")
        assert heading.count() == 1, target
        # The group it leads to offers lines to call or text, before the next group begins.
        calls = page.evaluate("""id => { const lines = []; let node = document.getElementById(id);
            while ((node = node.nextElementSibling) && node.tagName !== 'H2')
                node.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')
                    .forEach(a => lines.push(a.getAttribute('href')));
            return lines; }""", target.removeprefix("#"))
        assert calls or target == "#other-countries", target
        reached.add(heading.inner_text())
    assert PLACES == sorted(place for place in PLACES if any(place in text for text in reached))
    page.locator("article .rapport-jump a", has_text="Australia").click()
    assert page.locator("article a[href='tel:131114']").first.is_visible()


def test_get_help_now_stays_in_the_header_of_every_other_page(open_page):
    for path in ("", "article/", "when-it-isnt-working/help-now/", "glossary/"):
        page = open_page(path, viewport="phone", scheme="dark").page
        assert page.locator(".md-header").get_by_role("link", name="Get help now").is_visible()
        page.context.close()


# --- the keyboard -------------------------------------------------------------------------------


def test_space_switches_the_colour_scheme_as_enter_does(open_page):
    page = open_page("glossary/").page
    before = page.locator("body").get_attribute("data-md-color-scheme")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('[data-md-component=palette]')"):
            break
    page.keyboard.press("Space")
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


HEADER_CONTROL = """() => {
    const focused = document.activeElement;
    if (!focused.closest('.md-header')) return null;
    // The colour-scheme radio button is hidden: its visible label stands beside it.
    const shown = focused.getBoundingClientRect().width ? focused
        : focused.parentElement.querySelector('label:not([hidden])');
    return [focused.getAttribute('aria-label') || focused.textContent.trim(),
            shown.getBoundingClientRect().left];
}"""


def test_tab_moves_through_the_header_from_left_to_right(open_page):
    page = open_page("glossary/").page
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        if (stop := page.evaluate(HEADER_CONTROL)) and stop not in stops:
            stops.append(stop)
    names = [name for name, _ in stops][:4]
    assert names == ["Rapport", "Switch to dark mode", "Get help now", "Search"], stops
    lefts = [left for _, left in stops][:4]
    assert lefts == sorted(lefts), stops


def test_the_table_of_contents_marks_the_last_heading_at_the_end_of_a_page(open_page):
    page = open_page("article/").page
    page.mouse.wheel(0, 30000)
    page.wait_for_timeout(800)
    active = page.locator(".md-sidebar--secondary .md-nav__link--active")
    links = page.locator(".md-sidebar--secondary .md-nav__link")
    assert active.last.inner_text() == links.last.inner_text()


def test_footnote_marks_are_big_enough_to_tap_and_show_their_text(open_page):
    page = open_page("research/", viewport="phone").page
    marks = page.locator("a.footnote-ref")
    assert marks.count() >= 10
    for index in range(marks.count()):
        box = marks.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    marks.first.hover()
    page.locator(".md-tooltip2--active").first.wait_for(state="visible")
