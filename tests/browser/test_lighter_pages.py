"""Lighter pages (issue 17): the theme's stylesheets cut and bundled and the icon font cut
(book/sphinxext/lighten.py) change nothing a reader sees.

The browser tests take each page twice from the same HTML, once with the stylesheets as
the theme ships them (from _build/html-uncut) and once as the book ships them, and
require the same pixels (screens.NOISE): a page of each layout on a phone in dark mode
and on a laptop in light mode (CASES), the whole page, plus the states scripts add (the phone menu open, a
glossary panel, an exercise's feedback). Both take the same icon font, so the sheets
are compared alone; the font is compared glyph by glyph against the original (its
shapes and advances must be the same). `make bench` compares every page in all four
profiles (bench/compare.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from book.csspurge import icon_codepoints
from book.sphinxext.lighten import BUNDLE, THEME_SHEETS

from screens import FONTS, difference, save_pair, shot, uncut_root

#: A page of each layout: chapter, exercises, glossary, timelines, search, the landing
#: page and My answers (forms); the chapter in both profiles. Where a page is long and
#: the same rules draw all of it, a shorter page of the layout stands in: the glossary as
#: one chapter's words (its filter drawn too), the shortest chapter on a laptop (the
#: whole glossary and the longest chapter took 8-16 s each). bench/compare.py takes
#: every page whole in all four profiles.
CASES = [("chapters/tishreen.html", "phone", "dark"), ("exercises/tishreen.html", "phone", "dark"),
         ("glossary.html?chapter=peru", "phone", "dark"), ("timelines.html", "phone", "dark"),
         ("search.html?q=soviet", "phone", "dark"), ("chapters/solidarity.html", "laptop", "light"),
         ("index.html", "laptop", "light"), ("my-answers.html", "laptop", "light")]
DIFFS = Path(__file__).resolve().parents[2] / "_build" / "screens-differ"


def _same(browser, base: str, site: Path, rel: str, profile: str, mode: str, action=None) -> None:
    before = shot(browser, base, rel, profile, mode, uncut=site, action=action)
    after = shot(browser, base, rel, profile, mode, uncut=site, kinds=FONTS, action=action)
    box = difference(before, after)
    if box is not None:
        name = re.sub(r"\W+", "-", f"{rel}-{profile}-{mode}")
        path = save_pair(DIFFS, name, before, after)
        pytest.fail(f"{rel} ({profile}, {mode}) looks different with the cut stylesheets in {box}: "
                    f"see {path} (before | after)")


def search_done(page) -> None:
    """Search results arrive one by one, each summary fetched from its page."""
    page.get_by_text(re.compile("Search finished")).wait_for()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(("rel", "profile", "mode"), CASES)
def test_cut_stylesheets_draw_the_same_pixels(browser, http_root, built, rel, profile, mode):
    _same(browser, http_root, built, rel, profile, mode, search_done if rel.startswith("search") else None)


def _open_menu(page) -> None:
    page.get_by_role("button", name="Chapters").tap()


def _term_panel(page) -> None:
    """Tap a glossary word and wait for its panel. The word is drawn pressed, then, once
    Chromium lets go of it (screens.SETTLE waits for that), hovered: a phone keeps the
    hover of what was tapped. Waiting for the panel makes sure the tap has landed."""
    page.locator("a.prt-term").first.tap()
    page.locator(".prt-term-panel").wait_for()


def _wrong_answer(page) -> None:
    """Answer the first exercise wrongly and wait for its feedback. Checking scrolls the
    option into view, and a full-page shot draws the sticky header where the page was
    scrolled to: how far depends on when the scroll happened (a clean-clone run drew it
    400 px lower in one shot than in the other), so the page goes back to the top."""
    exercise = page.locator(".prt-exercise").first
    exercise.locator("input").first.check()
    exercise.get_by_role("button", name="Check").click()
    exercise.locator(".prt-feedback").filter(has_text=re.compile(r"\S")).wait_for()
    page.evaluate("window.scrollTo(0, 0)")


@pytest.mark.parametrize(("rel", "action"), [("index.html", _open_menu), ("chapters/peru.html", _term_panel),
                                             ("exercises/tishreen.html", _wrong_answer)],
                         ids=["menu", "glossary-panel", "feedback"])
def test_states_the_scripts_add_look_the_same(browser, http_root, built, rel, action):
    _same(browser, http_root, built, rel, "phone", "light", action)


def test_every_page_links_one_theme_stylesheet(built):
    """The bundle replaces the theme's seven sheets on every page (one request, not seven)."""
    for page in sorted(built.rglob("*.html")):
        rel = page.relative_to(built)
        if {"_static", "pocket"} & set(rel.parts):  # an edition's own _static/ too (es/_static/)
            continue
        text = page.read_text(encoding="utf-8")
        assert text.count(f"_static/{BUNDLE}?v=") == 1, rel
        for name in THEME_SHEETS:
            assert not re.search(rf'<link[^>]*href="[^"]*_static/{re.escape(name)}', text), (rel, name)


def test_cut_is_much_lighter_and_keeps_what_pages_use(built):
    cut = (built / "_static" / BUNDLE).read_text(encoding="utf-8")
    whole = (uncut_root(built) / "_static" / BUNDLE).read_text(encoding="utf-8")
    assert len(cut) < len(whole) / 3, (len(cut), len(whole))
    for rule in (".bd-sidebar-primary", ".prev-next-area", "html[data-theme=dark]", ".admonition"):
        assert rule in cut, rule
    assert "sourceMappingURL" not in cut


def test_icon_font_keeps_every_glyph_the_pages_draw_unchanged(built):
    drawn = icon_codepoints((built / "_static" / BUNDLE).read_text(encoding="utf-8"))
    assert len(drawn) >= 10  # menu, search, colour modes, download, arrows, admonitions
    for font in sorted((built / "_static").rglob("fa-solid-900.*")):
        original = TTFont(str(uncut_root(built) / font.relative_to(built)))
        small = TTFont(str(font))
        assert font.stat().st_size < 10_000, font
        full_map, small_map = original.getBestCmap(), small.getBestCmap()
        for point in drawn & set(full_map):
            name, kept = full_map[point], small_map.get(point)
            assert kept is not None, f"{font.name} lost U+{point:04X}"
            assert small["hmtx"][kept] == original["hmtx"][name], f"U+{point:04X} advance"
            assert small["glyf"][kept].getCoordinates(small["glyf"]) == \
                original["glyf"][name].getCoordinates(original["glyf"]), f"U+{point:04X} outline"
