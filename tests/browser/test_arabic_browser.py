"""The Arabic edition in a reader's browser (issue 30), from file:// as on a USB stick,
right to left: the switcher reaches the same page among the three editions both ways; a
phone (375 px) reads the Tishreen chapter, opens the menu (from the right), a word's
popup, a ¶'s flag and an exercise, with no sideways scroll; axe finds no serious or
critical violation in light and dark; screenshots for a person to look at go to
_build/edition-shots/ (ar-*.png)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, Iterator

import pytest

from book.course import language
from helpers import LAPTOP, PHONE, SCHEME_RULES, Visit, axe_serious, settled

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "_build" / "edition-shots"
PAGES = ["index.html", "chapters/tishreen.html", "exercises/tishreen.html", "glossary.html"]


def _width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@contextlib.contextmanager
def _on_a_phone(browser, built, name: str) -> Iterator[Any]:
    """The Arabic page on a phone, drawn, with no sideways scroll; no script error after."""
    visit = Visit(browser, (built / "ar" / name).as_uri(), **PHONE)
    try:
        settled(visit.page)
        assert _width(visit.page) <= 375, "sideways scroll"
        yield visit.page
        assert _width(visit.page) <= 375 and visit.errors == []
    finally:
        visit.close()


@pytest.mark.parametrize("name", PAGES)
def test_the_switcher_reaches_the_same_page_among_the_three_editions_both_ways(browser, built, name):
    visit = Visit(browser, (built / "ar" / name).as_uri(), **PHONE)
    try:
        page = visit.page
        for there in ("es", "ar", language.SOURCE, "ar"):
            page.locator(f'nav.prt-language a[hreflang="{there}"]').click()
            page.wait_for_load_state("load")
            assert page.url == (built / language.edition_prefix(there) / name).as_uri()
            assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == \
                [there, language.LANGUAGES[there].direction]
        assert visit.errors == []
        assert visit.foreign("file") == []
    finally:
        visit.close()


def test_a_phone_reads_the_tishreen_chapter_right_to_left(browser, built):
    with _on_a_phone(browser, built, "chapters/tishreen.html") as page:
        # The article: ¶1 in Arabic, its ¶ number at the start of the line (the right).
        p1 = page.locator("#p1")
        p1.scroll_into_view_if_needed()
        assert "انفجرت شوارع العراق" in p1.inner_text()
        number, text = page.locator("#p1 a.prt-pnum").bounding_box(), p1.bounding_box()
        assert number["x"] + number["width"] > text["x"] + text["width"] / 2, "the ¶ number is not on the right"
        # A word's popup, within the screen, in Arabic, closed by its button.
        term = page.locator("#p1 a.prt-term").first
        term.scroll_into_view_if_needed()
        term.tap()
        panel = page.get_by_role("dialog", name=term.inner_text().strip())
        assert panel.is_visible()
        box = panel.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert panel.evaluate("el => getComputedStyle(el).direction") == "rtl"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "ar-tishreen-popup-phone-light.png"))
        panel.get_by_role("button", name="أغلق").tap()
        assert not panel.is_visible()
        # A ¶'s flag: the form opens within the screen, in Arabic.
        flag = page.get_by_role("button", name="علّم الفقرة ¶4 أو دوّن عليها ملاحظة", exact=True)
        flag.scroll_into_view_if_needed()
        flag.tap()
        form = page.get_by_role("form", name="علامتك أو ملاحظتك على ¶4")
        assert form.is_visible()
        box = form.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        page.screenshot(path=str(SHOTS / "ar-tishreen-flag-phone-light.png"))
        form.get_by_role("button", name="أغلق").tap()
        # The menu opens from the right and reaches another chapter.
        page.get_by_role("button", name="الفصول").tap()
        menu = page.locator("#pst-primary-sidebar-modal")
        menu.wait_for(state="visible")
        box = menu.bounding_box()
        assert box["x"] + box["width"] >= 370, f"the menu does not open from the right: {box}"
        page.screenshot(path=str(SHOTS / "ar-menu-phone-light.png"))
        assert _width(page) <= 375
        menu.locator('a[href$="peru.html"]').first.tap()
        page.wait_for_url("**/ar/chapters/peru.html")


def test_a_phone_does_the_ordering_exercise_right_to_left(browser, built):
    with _on_a_phone(browser, built, "exercises/tishreen.html") as page:
        order = page.locator(".prt-order").first
        order.scroll_into_view_if_needed()
        first = order.locator("li").first
        before = first.inner_text()
        first.locator("button.prt-down").tap()
        assert order.locator("li").nth(1).inner_text() == before
        arrows, item = first.locator("button").first.bounding_box(), order.bounding_box()
        assert arrows["x"] >= item["x"] - 1 and arrows["x"] + arrows["width"] <= item["x"] + item["width"] + 1
        page.get_by_role("button", name="تحقّق").first.tap()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "ar-exercise-ordering-phone-light.png"))


@pytest.mark.parametrize("device", ["phone", "laptop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["index", "chapters/tishreen", "exercises/tishreen"])
def test_arabic_pages_on_a_phone_and_a_laptop_light_and_dark(browser, built, device, scheme, name):
    profile = PHONE if device == "phone" else LAPTOP
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, **profile)
    page = context.new_page()
    try:
        page.goto((built / "ar" / f"{name}.html").as_uri())
        settled(page)
        width = _width(page)
        assert width <= profile["viewport"]["width"], f"sideways scroll: {width}px"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"ar-{name.replace('/', '-')}-{device}-{scheme}.png"))
        if name == "chapters/tishreen":
            page.locator("#p1").scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / f"ar-tishreen-article-{device}-{scheme}.png"))
        if device == "laptop" and name == "chapters/tishreen":
            # The menu's border and the active page's bar are on the right, the side text starts.
            sidebar = page.locator("#pst-primary-sidebar")
            assert sidebar.evaluate("el => getComputedStyle(el).borderLeftWidth") == "1px"
            assert sidebar.evaluate("el => getComputedStyle(el).borderRightWidth") == "0px"
            assert sidebar.bounding_box()["x"] > profile["viewport"]["width"] / 2, "the menu is not on the right"
        problems = axe_serious(page, rules=SCHEME_RULES if scheme == "dark" else ())
        assert problems == [], problems
    finally:
        context.close()
