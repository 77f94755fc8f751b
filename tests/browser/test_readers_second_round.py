"""Issue 19, readers' second round, in Chromium: each test pins one line of its acceptance.

Someone in therapy who feels unheard (phone), a student (desktop, keyboard only) and someone
in crisis (small phone, dark) tried the site again; what they missed is checked here."""

from __future__ import annotations

import re

import pytest
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
