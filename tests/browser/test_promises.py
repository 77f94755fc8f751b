"""Promises to readers that a small change elsewhere could break unseen: each test here was
written by breaking the promise on purpose (the stylesheet's focus style, the search script's
listener, a relative link on the 404 page) and seeing it fail.

- The header's "Get help now" shows a clear focus indicator when reached with the keyboard,
  measured in pixels: what changes when it takes focus must contrast 3:1 with what was there,
  over at least the area of a 2 px line around it (WCAG 2.2, 2.4.13's measure).
- Search still works after the reader has used another toggle first (the colour scheme, the
  phone menu): search loads on demand, and must not miss its cue.
- The 404 page's links work from a missing page in a sub-folder, not only from the root.
"""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageChops

HELP = ".md-header a.rapport-help"
MARGIN = 6          # px around the button: an outline may sit outside it


def relative_luminance(rgb: tuple[int, ...]) -> float:
    """WCAG's relative luminance of an sRGB colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def indicator_area(unfocused: Image.Image, focused: Image.Image) -> int:
    """How many pixels changed on focus to a colour at least 3:1 against what they were."""
    before, after = unfocused.convert("RGB"), focused.convert("RGB")
    changed = ImageChops.difference(before, after).getbbox()
    if changed is None:
        return 0
    count = 0
    left, top, right, bottom = changed
    for y in range(top, bottom):
        for x in range(left, right):
            old, new = before.getpixel((x, y)), after.getpixel((x, y))
            if old != new and contrast(old, new) >= 3:
                count += 1
    return count


def test_indicator_area_counts_only_pixels_that_change_with_contrast():
    teal, dark_teal, white = (0, 105, 92), (0, 77, 64), (255, 255, 255)
    base = Image.new("RGB", (10, 10), teal)
    faint, clear = base.copy(), base.copy()
    for x in range(10):
        faint.putpixel((x, 0), dark_teal)
        clear.putpixel((x, 0), white)
    assert indicator_area(base, base) == 0
    assert indicator_area(base, faint) == 0          # a dark-teal ring on teal: 1.6:1
    assert indicator_area(base, clear) == 10


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_get_help_now_shows_a_clear_focus_indicator_from_the_keyboard(open_page, viewport,
                                                                      scheme):
    page = open_page("glossary/", viewport=viewport, scheme=scheme).page
    button = page.locator(HELP)
    box = button.bounding_box()
    clip = {"x": max(0, box["x"] - MARGIN), "y": max(0, box["y"] - MARGIN),
            "width": box["width"] + 2 * MARGIN, "height": box["height"] + 2 * MARGIN}
    page.mouse.move(0, page.viewport_size["height"] - 1)   # nothing hovered
    unfocused = Image.open(io.BytesIO(page.screenshot(clip=clip)))
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.rapport-help')"):
            break
    else:
        raise AssertionError("Tab never reached the header's Get help now")
    page.wait_for_timeout(300)                            # any transition has ended
    focused = Image.open(io.BytesIO(page.screenshot(clip=clip)))
    # WCAG 2.4.13: at least the area of a 2 CSS px thick perimeter of the unfocused control.
    needed = 2 * 2 * (box["width"] + box["height"])
    area = indicator_area(unfocused, focused)
    assert area >= needed, (f"focus indicator of {area} px at 3:1, needs {needed:.0f} "
                            f"({viewport}, {scheme})")


def search_for(page, word: str) -> None:
    """Open search as a reader does on this viewport and type `word`."""
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box.press_sequentially(word, delay=20)


@pytest.mark.parametrize("first", ["colour scheme", "phone menu"])
def test_search_works_after_another_toggle_was_used_first(open_page, first):
    viewport = "phone" if first == "phone menu" else "desktop"
    page = open_page("", viewport=viewport).page
    if first == "colour scheme":
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
    else:
        page.locator("label.md-header__button[for=__drawer]").click()
        assert page.locator("#__drawer").is_checked()
        page.keyboard.press("Escape")
        page.mouse.click(370, 400)
        assert not page.locator("#__drawer").is_checked()
    search_for(page, "empathy")
    result = page.locator(".md-search-result__link[href*='validation-and-empathy']").first
    result.wait_for(timeout=10_000)
    assert page.locator(".md-search-result__link").count() > 0


@pytest.mark.parametrize("missing", ["no-such-page/", "article/no-such-part/",
                                     "when-it-isnt-working/a/b/"])
def test_the_not_found_page_links_work_from_any_folder(open_page, missing):
    visit = open_page(missing, viewport="phone", wait="load")
    page = visit.page
    failed: list[str] = []       # the page's own files (style, script) load from anywhere too
    page.on("response", lambda response: response.status >= 400
            and response.request.resource_type != "document" and failed.append(response.url))
    page.reload(wait_until="load")
    assert page.locator("h1").inner_text() == "We can’t find that page"
    page.locator("article").get_by_role("link", name="get help now").click()
    page.wait_for_url(re.compile(r"/rapport/help/$"))
    assert page.locator("article h1").first.inner_text().removesuffix("¶").strip() \
        == "Get help now"
    page.go_back()
    page.locator("article").get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(re.compile(r"/rapport/$"))
    assert not failed, failed
    assert not visit.traffic.blocked, visit.traffic.blocked
