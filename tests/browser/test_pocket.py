"""Pocket editions: each chapter file of every language's edition opened alone, as a
phone opens a download.

The file is copied to an empty folder, and Chromium is allowed to load that one file:
every other request is blocked and recorded. Whatever the reader is shown must come
from inside the file, with scripts on and with scripts off; the Arabic reads right to left.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from book.course import language
from bookfiles import CHAPTERS
from textmatch import squeeze
from bookfiles import built_text

pytestmark = pytest.mark.browser
LIMIT = 400_000


@pytest.fixture
def downloaded(built, tmp_path):
    """A pocket file alone in an empty folder (as a messaging app saves it)."""
    def get(chapter: str, code: str = language.SOURCE) -> Path:
        dest = tmp_path / f"{chapter}.html"
        shutil.copyfile(built / language.edition_prefix(code) / "pocket" / f"{chapter}.html", dest)
        return dest
    return get


def _open(browser, path: Path, scripts: bool, **options):
    context = browser.new_context(java_script_enabled=scripts, **options)
    page = context.new_page()
    blocked, errors = [], []

    def only_the_file(route):
        if route.request.url.split("#")[0] == path.as_uri():
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_file)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri(), wait_until="load")
    return context, page, blocked, errors


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts-on", "scripts-off"])
@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_pocket_file_shows_everything_from_itself(browser, built, downloaded, code, chapter, scripts):
    path = downloaded(chapter, code)
    assert path.stat().st_size <= LIMIT
    site = built / language.edition_prefix(code)
    source = BeautifulSoup(built_text(site / "chapters" / f"{chapter}.html"), "html.parser")
    context, page, blocked, errors = _open(browser, path, scripts)
    try:
        direction = page.evaluate("getComputedStyle(document.body).direction")
        assert (page.evaluate("document.documentElement.lang"), direction) == (code, language.LANGUAGES[code].direction)
        shown = squeeze(page.inner_text("body"))
        for para in source.select("section#the-article .prt-para"):
            for mark in para.select(".prt-pnum, .prt-sr, .prt-para-lang"):  # the book's own marks
                mark.decompose()
            assert squeeze(para.get_text("")) in shown, para.get_text()[:80]
        chart = page.locator("svg.prt-tl-svg").first
        chart.scroll_into_view_if_needed()
        assert chart.is_visible() and chart.bounding_box()["height"] > 100
        assert page.locator("svg.prt-tl-svg .prt-ev").count() >= 5
        rows = len(source.select("section#timeline table tbody tr"))
        assert page.locator("#timeline table tbody tr").count() == rows
        for dt in source.select("section#words-in-this-chapter dt"):
            term = dt.find("a")["href"].split("#")[-1]
            entry = page.locator(f"dl.glossary dt[id='{term}']")
            assert entry.is_visible(), term
            definition = entry.locator("xpath=following-sibling::dd[1]")
            assert len(definition.inner_text()) > 40
        assert not blocked, blocked
        assert not errors, errors
    finally:
        context.close()


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts-on", "scripts-off"])
@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_a_tap_on_a_term_or_a_note_lands_in_the_file(browser, downloaded, code, scripts):
    path = downloaded("tishreen", code)
    context, page, blocked, _ = _open(browser, path, scripts, viewport={"width": 375, "height": 812},
                                      is_mobile=True, has_touch=True)
    try:
        page.locator("#the-article a[href='#term-tishreen']").first.tap()
        page.wait_for_function("() => location.hash === '#term-tishreen'")
        entry = page.locator("dt[id='term-tishreen']")
        assert entry.is_visible() and -1 < entry.bounding_box()["y"] < 812
        page.locator("#the-article a.note-ref").first.tap()
        page.wait_for_function("() => location.hash === '#note-1'")
        assert -1 < page.locator("#note-1").bounding_box()["y"] < 812
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert not blocked
    finally:
        context.close()


@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_pocket_policy_forbids_any_request(built, code):
    for chapter in CHAPTERS:
        page = (built / language.edition_prefix(code) / "pocket" / f"{chapter}.html").read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
        assert "default-src 'none'" in policy
        assert "<script" not in page
        assert not re.search(r'(?:src|href)="(?!#|https?://|data:)', page), "a link to another file"
