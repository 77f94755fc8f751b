"""Issue 19, readers' second round, in Chromium: each test pins one line of its acceptance.

Someone in therapy who feels unheard (phone), a student (desktop, keyboard only) and someone
in crisis (small phone, dark) tried the site again; what they missed is checked here."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load
from project import FIXTURES, ROOT

SMALL_PHONE = {"width": 360, "height": 740}


def small_phone(open_page, path: str, scheme: str = "light"):
    """A page on a 360×740 phone, scrolled to the top."""
    page = open_page(path, viewport="phone", scheme=scheme).page
    page.set_viewport_size(SMALL_PHONE)
    page.evaluate("window.scrollTo(0, 0)")
    return page


# --- the header on a phone ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "when-it-isnt-working/what-a-strain-feels-like/", "help/"])
def test_a_phone_header_has_a_home_link_and_controls_of_44_px(open_page, path, site_url):
    page = small_phone(open_page, path, "dark")
    home = page.locator(".md-header a.md-logo")
    assert home.is_visible(), "no way home in the header"
    assert home.get_attribute("aria-label") == "Rapport"
    controls = page.locator(".md-header .md-header__button:visible")
    assert controls.count() >= 5      # home, menu, colour scheme, Get help now, search
    for index in range(controls.count()):
        box = controls.nth(index).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (controls.nth(index).inner_html()[:60],
                                                             box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= SMALL_PHONE["width"], box
    home.click()
    page.wait_for_url(site_url)


# --- the keyboard -------------------------------------------------------------------------------

# Where focus is, and whether a reader can see it: the focused element's box (a hidden radio
# button shows its focus on its label, which stands beside it), on screen, with an outline.
FOCUS = """() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return null;
    const label = focused.matches('input[type=radio]') ? focused.nextElementSibling : null;
    const shown = label || focused;
    const box = focused.getBoundingClientRect();
    const style = getComputedStyle(shown);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const visible = getComputedStyle(focused).visibility === 'visible';
    return {what: focused.outerHTML.slice(0, 90), width: box.width, height: box.height,
            on_screen: box.bottom > 0 && box.top < innerHeight && box.right > 0
                       && box.left < innerWidth,
            ring: ring || style.boxShadow !== 'none', visible};
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", ["", "when-it-isnt-working/what-a-strain-feels-like/",
                                  "research/", "help/"])
def test_every_tab_stop_has_a_box_on_screen_and_a_visible_focus_ring(open_page, path, viewport):
    page = open_page(path, viewport=viewport).page
    stops, seen = [], set()
    for _ in range(250):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        if stop is None or stop["what"] in seen:
            break
        seen.add(stop["what"])
        stops.append(stop)
    assert len(stops) > 5
    bad = [stop for stop in stops if not (stop["width"] and stop["height"] and stop["on_screen"]
                                          and stop["ring"] and stop["visible"])]
    assert not bad, bad


# --- a number to dial, from the first screen ----------------------------------------------------

HELP_LINES = (FIXTURES / "help-lines.md").read_text(encoding="utf-8")
VERIFIED_LINKS = set(re.findall(r"`((?:tel|sms):[^`]+)`", HELP_LINES.split("Links:")[1]))
CRISIS_LINES = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[
    "extra"]["rapport"]["crisis_lines"]
# Every country whose main line the help page's first screen must offer (US and Canada share
# 988, the UK and Ireland share Samaritans).
COUNTRIES = ["US", "Canada", "UK", "Ireland", "South Korea", "Australia", "New Zealand"]


def first_screen_lines(page) -> list[dict]:
    """Every call or text link inside the first 740 px of the page, with its box and words."""
    return page.evaluate("""() => [...document.querySelectorAll(
            'article a[href^="tel:"], article a[href^="sms:"]')]
        .map(link => ({href: link.getAttribute('href'), text: link.innerText.trim(),
                       box: link.getBoundingClientRect().toJSON()}))
        .filter(line => line.box.bottom <= 740 && line.box.top >= 0)""")


def test_the_crisis_lines_are_verified_and_cover_every_country():
    assert {line["link"] for line in CRISIS_LINES} <= VERIFIED_LINKS
    for country in COUNTRIES:
        assert any(country in line["where"] for line in CRISIS_LINES), country


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_help_pages_first_screen_dials_every_countrys_main_line(open_page, scheme):
    page = small_phone(open_page, "help/", scheme)
    shown = first_screen_lines(page)
    for line in CRISIS_LINES:
        found = [item for item in shown if item["href"] == line["link"]
                 and line["number"] in item["text"]]
        assert found, line
        assert found[0]["box"]["width"] >= 44 and found[0]["box"]["height"] >= 44, found
    for emergency in ("tel:911", "tel:999", "tel:112", "tel:000", "tel:111", "tel:119"):
        assert any(item["href"] == emergency for item in shown), emergency
    # The details follow below: each country's own lines, and the list of countries.
    assert page.locator("article .rapport-jump a").count() >= len(COUNTRIES) - 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_pages_first_screen_dials_a_crisis_line(open_page, scheme):
    page = small_phone(open_page, "", scheme)
    shown = [item for item in first_screen_lines(page)
             if item["box"]["width"] >= 44 and item["box"]["height"] >= 44
             and re.search(r"\d", item["text"]) and item["href"] in VERIFIED_LINKS]
    assert shown, "no number to dial on the home page's first screen"
    # The same lines as the help page's first buttons: one list, two pages.
    assert [item["href"] for item in shown] == [line["link"] for line in CRISIS_LINES]


# --- review dates, citations, the 404 page's report ---------------------------------------------

SETTINGS = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["rapport"]


def front_matter(path) -> dict:
    """An article's front matter, as its editors wrote it."""
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


ARTICLES = {path.stem: front_matter(path) for path in sorted((ROOT / "content").glob("*.md"))}
LONG_DATE = "%-d %B %Y"


def slugs(name: str) -> list[str]:
    """The addresses of an article's section pages, from its own navigation."""
    summary = (ROOT / "docs" / name / "SUMMARY.md").read_text(encoding="utf-8")
    return [link.removesuffix(".md") + "/" for link in re.findall(r"\]\(([^)]+\.md)\)", summary)
            if link != "index.md"]


def later(day: date, months: int) -> date:
    """`day` plus `months` calendar months (the last day of a shorter month)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


@pytest.mark.parametrize("name", ARTICLES)
def test_article_pages_show_when_the_next_review_is_due(open_page, name):
    reviewed = ARTICLES[name]["reviewed"]
    due = later(reviewed, ARTICLES[name].get("review_every_months")
                or SETTINGS["review_every_years"] * 12)
    for path in (f"{name}/", f"{name}/{slugs(name)[0]}"):
        page = open_page(path, viewport="phone").page
        meta = page.locator(".rapport-meta").inner_text()
        assert f"Last reviewed {reviewed.strftime(LONG_DATE)}" in meta, (path, meta)
        assert f"Next review due {due.strftime(LONG_DATE)}" in meta, (path, meta)
        page.context.close()


def test_the_help_page_shows_its_sooner_review(open_page):
    text = (ROOT / "docs" / "help.md").read_text(encoding="utf-8")
    reviewed = yaml.safe_load(text.split("---\n")[1])["reviewed"]
    due = later(reviewed, SETTINGS["review_help_every_months"])
    meta = open_page("help/", viewport="phone").page.locator(".rapport-meta").inner_text()
    assert f"Next review due {due.strftime(LONG_DATE)}" in meta, meta


def citation(page) -> str:
    """The page's "Cite this page" reference, as one line of text."""
    block = page.get_by_role("region", name="Cite this page")
    return " ".join(block.locator("p").inner_text().split())


@pytest.mark.parametrize("name", ARTICLES)
def test_every_article_page_can_be_cited_in_apa_style(open_page, name):
    article = ARTICLES[name]
    source = article.get("source")
    for path in (f"{name}/", *(f"{name}/{slug}" for slug in slugs(name))):
        page = open_page(path, viewport="desktop").page
        text = citation(page)
        canonical = page.locator("link[rel=canonical]").get_attribute("href")
        assert canonical.endswith(path) and canonical in text, (path, text)
        title = page.locator("article h1").first.inner_text().removesuffix("¶").strip()
        assert title in text, (path, text)
        if source:        # republished: the author's, with where and when it first appeared
            assert text.startswith(f"{article['author']}. ("), text
            assert text.endswith(f"(Original work published {source['published'].year} in "
                                 f"{source['publication']})"), text
        else:             # the editors' own: under the site's name, on the day it appeared here
            published = article["published"]
            assert text.startswith(f"Rapport editors. ({published.year}, "
                                   f"{published.strftime('%B')} {published.day}). "), text
            assert "Original work" not in text
        page.context.close()


def test_the_research_page_can_be_cited(open_page):
    page = open_page("research/", viewport="desktop").page
    text = citation(page)
    assert text.startswith("Rapport editors. (") and "What the research says" in text
    assert page.locator("link[rel=canonical]").get_attribute("href") in text


@pytest.mark.parametrize("missing", ["no-such-page/", "when-it-isnt-working/no-such-part/"])
def test_the_not_found_pages_report_names_the_missing_address(open_page, site_url, missing):
    page = open_page(missing, viewport="phone", wait="load").page
    page.wait_for_load_state("networkidle")
    href = page.locator("article .rapport-report a").get_attribute("href")
    assert (site_url + missing) in unquote(href), href


# --- footnotes on a phone -----------------------------------------------------------------------


def test_a_tap_on_a_footnote_mark_shows_its_text_without_jumping(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "research/", wait_until="networkidle")
    mark = page.locator("a.footnote-ref").first
    mark.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    mark.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip()
    assert "#fn" not in page.url, page.url
    assert page.evaluate("scrollY") == before
    context.close()


# --- search for a reference ---------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Horvath", "Bordin", "effect size"])
def test_a_search_for_a_reference_opens_the_research_page_with_the_words_highlighted(
        open_page, query):
    page = open_page("glossary/", viewport="desktop").page
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query, delay=15)
    result = page.locator(".md-search-result__item", has=page.locator(
        "a.md-search-result__link[href*='/research/']")).first
    result.wait_for()
    page.wait_for_timeout(300)
    # The snippet is the matching references, not the whole list.
    shown = result.inner_text()
    assert len(shown) < 800, shown
    if query != "effect size":
        assert "Rogers, C. R." not in shown and "Swift, J. K." not in shown, shown
    link = result.locator("a.md-search-result__link").first
    assert "h=" + query.split()[0] in link.get_attribute("href"), link.get_attribute("href")
    link.click()
    page.wait_for_url("**/research/?h=*")
    mark = page.locator("article mark").first
    mark.wait_for()
    assert query.split()[0].lower() in mark.inner_text().lower()
    page.wait_for_timeout(600)
    top = mark.bounding_box()["y"]
    assert 0 <= top <= page.viewport_size["height"], top


def test_the_second_article_links_back_to_the_first(open_page, site_url):
    page = open_page("when-it-isnt-working/strains-are-common/", viewport="phone").page
    link = page.locator(".md-content article a[href$='/article/']").first
    assert link.is_visible()
    link.click()
    page.wait_for_url(site_url + "article/")


# --- the next step that fits, and titles that say which article -------------------------------


def next_steps(page) -> list[tuple[str, str]]:
    """The "What you can do next" links: their words and where they lead (site paths)."""
    block = page.get_by_role("navigation", name="What you can do next")
    return [(link.inner_text().strip(), urlsplit(link.evaluate("a => a.href")).path)
            for link in block.locator("li a").all()]


@pytest.mark.parametrize("name", ARTICLES)
def test_every_article_page_offers_its_own_next_steps_never_its_own_article(
        open_page, site_url, name):
    base = urlsplit(site_url).path
    own = ARTICLES[name].get("next_steps")
    assert own, f"content/{name}.md names no next steps"
    for path in (f"{name}/", *(f"{name}/{slug}" for slug in slugs(name))):
        page = open_page(path, viewport="phone").page
        steps = next_steps(page)
        expected = [step["text"] for step in own
                    if base + re.sub(r"(index)?\.md$", "", step["link"]).rstrip("/") + "/"
                    not in (base + f"{name}/", base + path)]
        assert [text for text, _ in steps] == expected, (path, steps)
        assert all(target not in (base + f"{name}/", base + path) for _, target in steps), \
            (path, steps)
        page.context.close()


def test_the_unheard_reader_is_offered_how_to_raise_it_first(open_page):
    page = open_page("when-it-isnt-working/what-a-strain-feels-like/", viewport="phone").page
    assert next_steps(page)[0][0] == "How to raise it"


@pytest.mark.parametrize("name", ARTICLES)
def test_a_section_pages_titles_name_its_article(open_page, name):
    short = ARTICLES[name].get("short_title") or ARTICLES[name]["title"]
    page = open_page(f"{name}/{slugs(name)[1]}", viewport="desktop").page
    heading = page.locator("article h1").first.inner_text().removesuffix("¶").strip()
    assert page.title() == f"{heading} · {short} - Rapport"
    og = page.locator("meta[property='og:title']").get_attribute("content")
    assert og == f"{heading} · {short}"
    # Search shows it too.
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(heading, delay=10)
    result = page.locator(".md-search-result__item").first
    result.wait_for()
    page.wait_for_timeout(300)
    titles = page.locator(".md-search-result__article h1").all_inner_texts()
    assert f"{heading} · {short}" in [" ".join(title.split()) for title in titles], titles


# --- a short home page, with help as strong as any button ---------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_home_page_is_short_on_a_phone_with_one_card_per_article(open_page, scheme):
    page = small_phone(open_page, "", scheme)
    height = page.evaluate("document.documentElement.scrollHeight")
    cards = page.locator("article .grid.cards > ul > li")
    assert cards.count() == len(ARTICLES)
    # 2.5 screens with the two articles, and at most one card (with its lead) more for
    # each article added since: the parts live on the articles' own pages.
    added = sum(card.bounding_box()["height"] for card in cards.all()[2:])
    assert height <= 2.5 * SMALL_PHONE["height"] + added, (height, added)
    # Get help now is a primary button on the first screen, filled as the site's other primary
    # buttons are.
    button = page.locator("article a.md-button", has_text="Get help now")
    assert button.count() == 1
    assert "md-button--primary" in button.get_attribute("class")
    box = button.bounding_box()
    assert box["y"] + box["height"] <= SMALL_PHONE["height"], box       # on the first screen
    fill = button.evaluate("a => getComputedStyle(a).backgroundColor")
    other = small_phone(open_page, "articles/", scheme).locator(
        "article a.md-button--primary").first
    assert fill == other.evaluate("a => getComputedStyle(a).backgroundColor")
    assert fill not in ("rgba(0, 0, 0, 0)", "transparent")


# --- footnote marks and statistics never wrap alone ---------------------------------------------

ALONE = """() => {
    // A footnote mark whose line holds nothing before it: it wrapped alone.
    const alone = [];
    for (const mark of document.querySelectorAll('article a.footnote-ref')) {
        const sup = mark.parentElement;
        const range = document.createRange();
        range.setStartBefore(sup.closest('p, li, td, dd') || sup.parentElement);
        range.setEndBefore(sup);
        const rects = [...range.getClientRects()].filter(box => box.width > 0);
        const top = sup.getBoundingClientRect().top, bottom = sup.getBoundingClientRect().bottom;
        if (!rects.some(box => box.bottom > top && box.top < bottom)) alone.push(mark.textContent);
    }
    return alone;
}"""


@pytest.mark.parametrize("width", [320, 360, 390])
def test_footnote_marks_never_wrap_alone_and_statistics_stay_whole(open_page, width):
    page = open_page("research/", viewport="phone").page
    page.set_viewport_size({"width": width, "height": 740})
    assert page.evaluate(ALONE) == []
    text = page.locator("article").inner_text()
    assert "r\u00a0=\u00a0.278" in text and "r = .278" not in text
