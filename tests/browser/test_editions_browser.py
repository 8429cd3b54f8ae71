"""The editions in a reader's browser (issue 29), from file:// as on a USB stick: the
switcher reaches the same page both ways, a ¶ a reader arrived at links to the same ¶ in
the other language, the Spanish pages make no request outside the book and raise no
error, and a phone reads them without sideways scrolling. Screenshots of the Spanish
landing page and Peru chapter (phone and laptop, light and dark) go to
_build/edition-shots/ for a person to look at. A reader's tasks on a phone in Spanish,
taps only, light and dark: the menu, an article, a word's popup in Spanish, an exercise
and its feedback, a ¶'s flag, and all of it on My answers; no page scrolls sideways and
axe finds no serious violation (shots in _build/lang-shots/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from book.course import language
from book.course.load import load_course
from book.course.strings import catalog
from flows import flag
from helpers import LAPTOP, PHONE, Visit, kept, menu_checked, open_kept, reader_checks, settled

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "_build" / "edition-shots"
LANG_SHOTS = Path(__file__).resolve().parents[2] / "_build" / "lang-shots"
ES = catalog("es").t
PAGES = ["index.html", "chapters/peru.html", "glossary.html", "exercises/peru.html", "reference/muhasasa.html"]


@pytest.mark.parametrize("code", language.translations())
@pytest.mark.parametrize("name", PAGES)
def test_the_switcher_reaches_the_same_page_both_ways_from_file(browser, built, code, name):
    visit = Visit(browser, (built / name).as_uri(), **PHONE)
    try:
        page = visit.page
        page.locator(f'nav.prt-language a[hreflang="{code}"]').click()
        page.wait_for_load_state("load")
        assert page.url == (built / code / name).as_uri()
        assert page.evaluate("document.documentElement.lang") == code
        page.locator(f'nav.prt-language a[hreflang="{language.SOURCE}"]').click()
        page.wait_for_load_state("load")
        assert page.url == (built / name).as_uri()
        assert visit.errors == []
        assert visit.foreign("file") == []
    finally:
        visit.close()


def test_a_paragraph_reached_by_its_link_offers_the_same_paragraph_in_the_other_language(browser, built):
    visit = Visit(browser, (built / "chapters" / "peru.html").as_uri() + "#p14", **PHONE)
    try:
        page = visit.page
        # One link per other edition (Spanish and Arabic), only on the ¶ the reader came to.
        assert page.locator("#p14 a.prt-para-lang").count() == len(language.LANGUAGES) - 1
        assert page.locator('#p14 a.prt-para-lang[hreflang="ar"]').is_visible()
        link = page.locator('#p14 a.prt-para-lang[hreflang="es"]')
        assert link.is_visible()
        assert page.locator("#p13 a.prt-para-lang").first.is_hidden()
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        link.click()
        page.wait_for_load_state("load")
        assert page.url == (built / "es" / "chapters" / "peru.html").as_uri() + "#p14"
        assert page.locator("#p14").get_attribute("lang") is None  # translated: the page's own es
        assert "burguesía" in page.locator("#p14").inner_text()
    finally:
        visit.close()


@pytest.mark.parametrize("device", ["phone", "laptop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["index", "chapters/peru"])
def test_spanish_pages_on_a_phone_and_a_laptop_light_and_dark(browser, built, device, scheme, name):
    profile = PHONE if device == "phone" else LAPTOP
    visit = Visit(browser, (built / "es" / f"{name}.html").as_uri(), color_scheme=scheme, **profile)
    try:
        page = visit.page
        page.wait_for_timeout(300)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= profile["viewport"]["width"], f"sideways scroll: {width}px"
        assert visit.errors == []
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"es-{name.replace('/', '-')}-{device}-{scheme}.png"))
        if name == "chapters/peru":
            page.locator("#p1").scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / f"es-peru-article-{device}-{scheme}.png"))
    finally:
        visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_reader_does_the_tasks_in_spanish(browser, built, scheme):
    root, spanish = built / "es", load_course(language="es")
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, **PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    LANG_SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        # The menu, the article, a word's popup with its Spanish definition.
        open_kept(page, (root / "chapters" / "peru.html").as_uri())
        settled(page)
        menu_checked(page, ES("nav.chapters"), scheme)
        first = page.locator("#p1")
        first.scroll_into_view_if_needed()
        assert "prt-untranslated" not in (first.get_attribute("class") or "")
        page.screenshot(path=str(LANG_SHOTS / f"es-chapter-phone-{scheme}.png"))
        term = page.locator(".prt-para a.prt-term").first
        term.scroll_into_view_if_needed()
        ident = term.get_attribute("href").split("#term-")[1]
        term.tap()
        popup = page.get_by_role("dialog", name=term.inner_text().strip())
        assert spanish.terms[ident].definition[:60] in " ".join(popup.inner_text().split())
        popup.get_by_role("button", name=ES("common.close")).tap()
        reader_checks(page, scheme, "the chapter")

        # An exercise and its feedback in Spanish.
        open_kept(page, (root / "exercises" / "peru.html").as_uri())
        box = page.locator('.prt-exercise[data-kind="choice"]').first
        box.scroll_into_view_if_needed()
        box.locator(".prt-ex-body label").first.tap()
        box.get_by_role("button", name=ES("exercise.check")).tap()
        feedback = box.locator(".prt-feedback")
        feedback.locator("p").first.wait_for()
        assert feedback.locator("p").first.inner_text() in (ES("exercise.right"), ES("exercise.not_yet"))
        kept(page)
        page.screenshot(path=str(LANG_SHOTS / f"es-exercise-checked-phone-{scheme}.png"))
        reader_checks(page, scheme, "the exercises")
        title = spanish.exercises[box.get_attribute("data-exercise")].title

        # A ¶'s flag with a note, and both found on My answers.
        flag(page, built, "peru", 3, ES("flags.confused"), "¿Qué golpe?", code="es")
        open_kept(page, (root / "my-answers.html").as_uri())
        listed = page.locator(".prt-ma-list").inner_text()
        assert title in listed and "¶3" in listed and "¿Qué golpe?" in listed
        reader_checks(page, scheme, "My answers")
        page.screenshot(path=str(LANG_SHOTS / f"es-my-answers-phone-{scheme}.png"))
        assert errors == []
    finally:
        context.close()
