"""The editions in a reader's browser (issue 29), from file:// as on a USB stick: the
switcher reaches the same page both ways, a ¶ a reader arrived at links to the same ¶ in
the other language, the Spanish pages make no request outside the book and raise no
error, and a phone reads them without sideways scrolling. Screenshots of the Spanish
landing page and Peru chapter (phone and laptop, light and dark) go to
_build/edition-shots/ for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from book.course import language
from helpers import LAPTOP, PHONE, Visit

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "_build" / "edition-shots"
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
