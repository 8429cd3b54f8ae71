"""The Arabic edition in a reader's browser (issue 30), from file:// as on a USB stick,
right to left: the switcher reaches the same page among the three editions both ways; a
phone (375 px) reads the Tishreen chapter, opens the menu (from the right), a word's
popup, a ¶'s flag and an exercise, with no sideways scroll; axe finds no serious or
critical violation in light and dark; screenshots for a person to look at go to
_build/edition-shots/ (ar-*.png). A reader's tasks on a phone, taps only, light and dark:
the menu, an article, a word's popup, one exercise of every kind with its feedback, a ¶'s
flag, all of it found again on My answers, and the answer file, with an Arabic
pseudonym, read by the facilitator's group page: no page scrolls sideways, axe finds no
serious violation, and the shots go to _build/lang-shots/."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from book.course import language
from book.course.load import load_course
from book.course.strings import catalog
from flows import export, flag
from helpers import (LAPTOP, PHONE, SCHEME_RULES, Visit, axe_serious, choosing_files, kept, menu_checked, open_kept,
                     reader_checks, settled)

pytestmark = pytest.mark.browser
BUILD = Path(__file__).resolve().parents[2] / "_build"
SHOTS = BUILD / "edition-shots"
LANG_SHOTS = BUILD / "lang-shots"
AR = catalog("ar").t
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


def _no_sideways_scroll(page) -> None:
    assert _width(page) <= 375, f"{page.url}: sideways scroll, {_width(page)} px"


def _shot(page, name: str) -> None:
    LANG_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(LANG_SHOTS / f"{name}.png"))


#: What a reader does in one exercise of each kind before its button (``.prt-check``):
#: the kind, the exercise, and the taps and typing, as a function of its box.
EVERY_KIND = {
    "choice": ("tishreen", "tishreen-who-protested", lambda box: box.locator(".prt-ex-body label").first.tap()),
    "ordering": ("tishreen", "tishreen-order-events", lambda box: box.locator(".prt-down").first.tap()),
    "matching": ("tishreen", "tishreen-match-terms",
                 lambda box: [s.select_option(index=1) for s in box.locator(".prt-match-select").all()]),
    "short": ("tishreen", "tishreen-why-not-win",
              lambda box: box.locator("textarea").fill("لم يكن لها تنظيم ولا برنامج يربط المطالب بالسلطة.")),
    "bridge": ("tishreen", "tishreen-bridge", lambda box: (
        box.locator("select").select_option(index=1),
        [box.locator(f'textarea[data-step="{step}"]').fill(f"مطلبنا هنا: {step}")
         for step in ("immediate", "transitional", "goal")])),
    "passage": ("tishreen", "tishreen-passage-not-weak", lambda box: box.locator(".prt-passage-text").nth(1).tap()),
    "discussion": ("tishreen", "tishreen-our-situation", lambda box: box.locator("textarea").fill("انقطاع الماء أهم ما عندنا.")),
    "ledger": ("solidarity", None, lambda box: (box.locator(".prt-l-day").fill("2026-07-14"),
                                                box.locator(".prt-l-minutes").fill("90"))),
}


def _answer(page, root: Path, kind: str) -> Any:
    """One exercise of ``kind`` answered with taps and its button tapped; returns its box
    once its feedback shows."""
    chapter, exercise, act = EVERY_KIND[kind]
    url = (root / "exercises" / f"{chapter}.html").as_uri()
    if page.url != url:
        open_kept(page, url)
        _no_sideways_scroll(page)
    box = page.locator(f'[data-exercise="{exercise}"]' if exercise else f'.prt-exercise[data-kind="{kind}"]').first
    box.scroll_into_view_if_needed()
    act(box)
    box.locator(".prt-check").tap()
    feedback = box.locator(".prt-feedback")
    page.wait_for_function("el => el.textContent.trim().length > 0", arg=feedback.element_handle())
    _no_sideways_scroll(page)
    return box


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_reader_does_every_task_in_arabic_and_the_group_page_reads_the_file(browser, built, tmp_path, scheme):
    root = built / "ar"
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, accept_downloads=True, **PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        # The menu, then an article read from the right, a word's popup in Arabic.
        open_kept(page, (root / "chapters" / "tishreen.html").as_uri())
        settled(page)
        menu_checked(page, AR("nav.chapters"), scheme, lambda p: _shot(p, f"ar-menu-phone-{scheme}"))
        page.locator("#p1").scroll_into_view_if_needed()
        _shot(page, f"ar-chapter-phone-{scheme}")
        term = page.locator("#p1 a.prt-term").first
        term.tap()
        popup = page.get_by_role("dialog", name=term.inner_text().strip())
        assert popup.is_visible() and popup.evaluate("el => getComputedStyle(el).direction") == "rtl"
        assert any("\u0600" <= c <= "\u06ff" for c in popup.inner_text()), "the popup is not in Arabic"
        popup.get_by_role("button", name=AR("common.close")).tap()
        reader_checks(page, scheme, "the chapter")

        # One exercise of every kind, each with its feedback; the ordering and the matching shot after Check.
        for kind in EVERY_KIND:
            box = _answer(page, root, kind)
            if kind in ("ordering", "matching"):
                box.locator(".prt-feedback").scroll_into_view_if_needed()
                _shot(page, f"ar-{kind}-checked-phone-{scheme}")
            if kind == "discussion":
                reader_checks(page, scheme, "the Tishreen exercises answered")
        kept(page)
        reader_checks(page, scheme, "the Solidarity exercises answered")

        # A ¶'s flag, then everything found again on My answers.
        flag(page, built, "tishreen", 4, AR("flags.confused"), "من هم سائقو التكتك؟", code="ar")
        open_kept(page, (root / "my-answers.html").as_uri())
        listed = page.locator(".prt-ma-list").inner_text()
        arabic = load_course(language="ar").exercises
        for kind, (_, exercise, _) in EVERY_KIND.items():
            if exercise:
                assert arabic[exercise].title in listed, (kind, arabic[exercise].title)
        assert "¶4" in listed and "من هم سائقو التكتك؟" in listed
        assert page.locator(".prt-ma-list li").count() >= len(EVERY_KIND) + 1
        reader_checks(page, scheme, "My answers")
        page.locator(".prt-ma-list").scroll_into_view_if_needed()
        _shot(page, f"ar-my-answers-phone-{scheme}")
        file = export(page, built, "زينب", tmp_path, code="ar")
        # Every kind but the discussion's notes, which stay on the phone unless the reader ticks them in.
        assert {a["kind"] for a in json.loads(file.read_text(encoding="utf-8"))["answers"]} == set(EVERY_KIND) - {"discussion"}

        # The facilitator's group page reads the Arabic pseudonym's file.
        group = next((p for p in (BUILD / "facilitator" / "ar" / "group.html", BUILD / "facilitator" / "group.html")
                      if p.exists()), None)
        if group is None:
            pytest.fail("no facilitator edition: run `make book`")
        choosing_files(page)
        page.goto(group.as_uri())
        # The file button in the page's words (the browser's own is in the browser's language).
        with page.expect_file_chooser() as chooser:
            page.get_by_text(AR("facilitator.choose_files")).tap()
        chooser.value.set_files(str(file))
        page.wait_for_function("() => document.querySelector('.prt-group-count')")
        assert "زينب" not in page.locator(".prt-group-out").inner_text()  # names are hidden until asked for
        page.get_by_label(AR("facilitator.show_names")).check()
        assert "زينب" in page.locator(".prt-group-out").inner_text()
        page.locator(".prt-group-out").scroll_into_view_if_needed()
        _shot(page, f"ar-group-phone-{scheme}")
        reader_checks(page, scheme, "the group page")
        assert errors == []
    finally:
        context.close()
    # The facilitator's laptop, where the group page is mostly read: the same file, names shown.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, **LAPTOP)
    try:
        page = context.new_page()
        choosing_files(page)
        page.goto(group.as_uri())
        # By keyboard: the input, named by the drop zone's title, opens the chooser with Space.
        files = page.get_by_label(AR("facilitator.group_files"))
        files.focus()
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Space")
        chooser.value.set_files(str(file))
        page.wait_for_function("() => document.querySelector('.prt-group-count')")
        page.get_by_label(AR("facilitator.show_names")).click()
        assert "زينب" in page.locator(".prt-group-out").inner_text()
        assert page.evaluate("getComputedStyle(document.querySelector('.prt-group-out')).direction") == "rtl"
        _shot(page, f"ar-group-laptop-{scheme}")
        reader_checks(page, scheme, "the group page on a laptop", width=1280)
    finally:
        context.close()
