"""Accessibility, phones, keyboard, offline search, CSP: measured in Debian's Chromium.

axe-core (from npm, tests/node) runs on every page: every rule in light mode, and in dark
mode the rules a colour scheme can change (helpers.SCHEME_RULES); no serious or critical
violation may remain.
"""

from __future__ import annotations

import re

from pathlib import Path

import pytest
from book.course import language
from bookfiles import CHAPTERS
from helpers import SCHEME_RULES, axe_serious, settled

pytestmark = pytest.mark.browser

def _pages(built: Path) -> list[str]:
    return sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html") if "_static" not in p.parts)


def _edition_pages(built: Path, code: str) -> list[str]:
    """The pages of one edition: the English at the top, each other in its folder."""
    others = language.translations()
    return [rel for rel in _pages(built)
            if (rel.split("/", 1)[0] == code if code in others else rel.split("/", 1)[0] not in others)]


def _dark_too(code: str, rel: str) -> bool:
    """Whether a page is also checked in dark mode: every English page; in another
    edition every page but the three chapters after the first (their chapter, exercises
    and pocket pages are the first's templates, colours and language CSS again, and the
    phone reader tasks check that edition's pages in dark as well), to keep `make test`
    within CI's time."""
    parts = rel.split("/")
    return code == language.SOURCE or not (len(parts) > 2 and parts[1] in ("chapters", "exercises", "pocket")
                                          and parts[2] != f"{CHAPTERS[0]}.html")


@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_axe_finds_no_serious_violation(browser, built, code):
    """Each page once: every rule in light mode, then the scheme's rules in dark (the
    theme follows the system's scheme as it changes; the pocket files, in CSS alone).
    One edition per test, so that two workers share the editions."""
    # bypass_csp only so that axe itself can be injected; the page's own policy is tested below.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    problems = []
    pages = _edition_pages(built, code)
    assert len(pages) > 20, pages
    for rel in pages:
        page.emulate_media(color_scheme="light")
        page.goto(f"{built.as_uri()}/{rel}", wait_until="load")
        for scheme, rules in (("light", ()), ("dark", SCHEME_RULES))[:2 if _dark_too(code, rel) else 1]:
            page.emulate_media(color_scheme=scheme)
            if "pocket" not in rel.split("/"):  # every edition's pocket files: CSS alone
                page.wait_for_function(f"() => document.documentElement.dataset.theme === '{scheme}'", timeout=10_000)
            problems += [(rel, scheme, v) for v in axe_serious(page, rules=rules)]
    context.close()
    assert not problems, problems


def test_the_dark_mode_rules_catch_a_colour_only_dark_mode_gets_wrong(browser, built):
    """The planted fault: grey text on the dark background, in dark mode only."""
    context = browser.new_context(color_scheme="dark", bypass_csp=True)
    page = context.new_page()
    page.goto(f"{built.as_uri()}/chapters/tishreen.html", wait_until="load")
    page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'", timeout=10_000)
    page.add_style_tag(content="html[data-theme=dark] #p1 { color: #333 !important; }")
    found = axe_serious(page, "document.querySelector('#p1')", SCHEME_RULES)
    context.close()
    assert [v["id"] for v in found] == ["color-contrast"], found


def test_no_page_scrolls_sideways_on_a_phone(browser, built):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    page = context.new_page()
    wide = []
    for rel in _pages(built):
        page.goto(f"{built.as_uri()}/{rel}")
        settled(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wide.append((rel, width))
    context.close()
    assert not wide, wide


def test_inline_script_injected_later_is_blocked_by_the_policy(browser, built):
    page = browser.new_page()
    page.goto(f"{built.as_uri()}/chapters/tishreen.html")
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.__planted = 1")
    assert page.evaluate("window.__planted") is None
    # The book's own scripts still run, including plotly.js loaded on request.
    page.get_by_role("button", name=re.compile("Interactive chart")).click()
    page.wait_for_selector("#timeline-tishreen svg.main-svg", timeout=10_000)
    page.close()


@pytest.mark.parametrize("where", ["file", "http"])
def test_search_works_offline(browser, built, http_root, where):
    base = built.as_uri() if where == "file" else http_root
    page = browser.new_page()
    page.goto(f"{base}/search.html?q=muhasasa")
    page.wait_for_selector("#search-results li", timeout=10_000)
    hits = page.locator("#search-results li a").all_inner_texts()
    assert any("Glossary" in h or "Tishreen" in h for h in hits), hits
    page.close()


def test_an_exercise_can_be_answered_with_the_keyboard_alone(browser, built):
    page = browser.new_page()
    page.goto(f"{built.as_uri()}/chapters/tishreen.html")
    box = page.locator('[data-exercise="tishreen-who-protested"]')
    box.locator("input").first.focus()  # start at the exercise, as after Tab-bing through the page
    page.keyboard.press("ArrowDown")  # radio group: arrow keys move and select
    assert box.locator("input").nth(1).is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    assert "Right." in box.locator(".prt-feedback").inner_text()
    page.close()
