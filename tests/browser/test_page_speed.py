"""Issue 26, a slow phone's processor: pages that answer a tap at once and never move.

What a page needs at load is made at build time (the chapter's folds, the margin notes'
buttons, the ¶ flag buttons): nothing moves after the first paint, measured as Chromium
measures it for Lighthouse (the sum of ``layout-shift`` entries, from a PerformanceObserver
installed before the page's own scripts, with the processor four times slower). Every page
has a meta description; every script loads after the text (and the colour scheme
is settled before them); the glossary draws its
definitions and folds the rest of each entry.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import LAPTOP, PHONE

from book.scripts_after import sources

#: Before the page's scripts: every layout shift not caused by input, summed.
SHIFTS = """window.__prtShift = 0; window.__prtShifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) {
  if (!e.hadRecentInput) { window.__prtShift += e.value;
    window.__prtShifts.push({value: e.value, nodes: (e.sources || []).map(s => s.node && (s.node.id || s.node.className || s.node.nodeName))}); } }
}).observe({type: 'layout-shift', buffered: true});"""
#: A page that moves after load (the fault the measurement must find).
PLANTED = """addEventListener('load', () => setTimeout(() => {
  const block = document.createElement('div'); block.style.height = '300px';
  const main = document.querySelector('.bd-article') || document.body; main.prepend(block);
}, 200));"""
LIMIT = 0.02


def shift_after_load(browser, url: str, device: dict, plant: bool = False) -> tuple[float, list]:
    context = browser.new_context(**device)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    # A slow link, as Lighthouse's: the text is drawn before the deferred scripts run,
    # so whatever they change moves what a reader already sees.
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                                                  "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8})
    page.add_init_script(SHIFTS + (PLANTED if plant else ""))
    try:
        page.goto(url, wait_until="load", timeout=60_000)
        page.wait_for_timeout(1500)
        return page.evaluate("window.__prtShift"), page.evaluate("window.__prtShifts")
    finally:
        context.close()


PAGES = [("chapters/tishreen.html", PHONE), ("chapters/peru.html", PHONE), ("chapters/tishreen.html", LAPTOP),
         ("my-answers.html", PHONE), ("my-answers.html", LAPTOP), ("glossary.html", PHONE),
         ("glossary.html", LAPTOP), ("index.html", PHONE), ("timelines.html", PHONE), ("timelines.html", LAPTOP)]


@pytest.mark.parametrize("rel,device", PAGES, ids=[f"{r}-{'phone' if d is PHONE else 'laptop'}" for r, d in PAGES])
def test_nothing_moves_after_the_first_paint(browser, http_root, rel, device):
    total, shifts = shift_after_load(browser, f"{http_root}/{rel}", device)
    assert total <= LIMIT, f"{rel}: layout shift {total:.3f} > {LIMIT}: {shifts}"


def test_a_page_that_moves_is_caught(browser, http_root):
    total, _ = shift_after_load(browser, f"{http_root}/chapters/tishreen.html", PHONE, plant=True)
    assert total > LIMIT, "a block added above the text after load was not measured as a shift"


#: What the page measures: where ¶1 starts and how tall the article is.
GEOMETRY = """() => ({p1: Math.round(document.getElementById('p1').getBoundingClientRect().top + scrollY),
  article: Math.round(document.getElementById('the-article').getBoundingClientRect().height),
  page: document.documentElement.scrollHeight})"""


@pytest.mark.parametrize("device", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_chapter_is_laid_out_before_its_scripts_run(browser, http_root, device):
    """The folds, the notes' buttons and the ¶ buttons are in the HTML: with the scripts that
    once made them held back, the chapter has the same geometry as with them."""
    def geometry(block: bool) -> dict:
        context = browser.new_context(**device)
        page = context.new_page()
        if block:
            page.route(re.compile(r"/_static/(anatomy|notes|flags)\.js"), lambda route: route.abort())
        try:
            page.goto(f"{http_root}/chapters/tishreen.html", wait_until="load")
            page.wait_for_timeout(300)
            return page.evaluate(GEOMETRY)
        finally:
            context.close()

    held, ran = geometry(block=True), geometry(block=False)
    if device is LAPTOP:
        # On a wide screen notes.js still shortens notes that would overrun the next one
        # (it measures the laid-out page), below the first screen: only the text's place counts.
        held, ran = held["p1"], ran["p1"]
    assert held == ran


def test_the_glossary_draws_definitions_and_folds_the_rest(browser, built):
    """Every term, its anchor and its definition are in the page, and each entry's rest
    (with its links back to the chapters) is a block it loads when opened; what is drawn
    at load (elements with a box) stays bounded: each entry folds after its definition."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto((built / "glossary.html").as_uri())
        counts = page.evaluate("""() => {
          const all = [...document.querySelectorAll('.bd-article *')];
          const drawn = all.filter(e => e.checkVisibility({contentVisibilityAuto: false})).length;
          return {all: all.length, drawn, terms: document.querySelectorAll('dl.prt-glossary > dt[id^="term-"]').length,
                  folded: document.querySelectorAll('dl.prt-glossary > dd > details.prt-entry-more:not([open])').length,
                  rests: document.querySelectorAll('dl.prt-glossary > dd details .prt-entry-rest[data-later-src]').length};
        }""")
        assert counts["terms"] == counts["folded"] == counts["rests"] >= 100, counts
        assert counts["drawn"] <= 1500, f"the glossary draws {counts['drawn']} elements at load: {counts}"
        # A link to a term shows its whole entry, from the first paint.
        page.goto((built / "glossary.html").as_uri() + "#term-muhasasa")
        page.locator("#term-muhasasa + dd p.prt-uses").wait_for(state="visible")
        assert page.locator("#term-muhasasa + dd > details").evaluate("d => d.open")
    finally:
        context.close()


# ------------------------------------------------------------------ site: the HTML itself

class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.description: str | None = None
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "description":
            self.description = a.get("content") or ""
        if tag == "script" and a.get("src"):
            self.scripts.append(a)


def _pages(built: Path) -> list[Path]:
    return sorted(p for p in built.rglob("*.html")
                  if not ({"_static", "handouts", "pocket"} & set(p.relative_to(built).parts)))


def description_problem(markup: str, rel: str) -> str | None:
    head = _Head()
    head.feed(markup)
    text = head.description
    if text is None:
        return f"{rel}: no meta description"
    if not 50 <= len(text) <= 210:
        return f"{rel}: a description of {len(text)} characters: {text!r}"
    return None


def test_every_page_has_a_description_of_its_own(built):
    problems, seen = [], {}
    for page in _pages(built):
        rel = page.relative_to(built).as_posix()
        markup = page.read_text(encoding="utf-8")
        problem = description_problem(markup, rel)
        if problem:
            problems.append(problem)
            continue
        head = _Head()
        head.feed(markup)
        seen.setdefault(head.description, []).append(rel)
    assert not problems, problems
    shared = {d: pages for d, pages in seen.items() if len(pages) > 1}
    assert not shared, f"pages sharing one description: {shared}"
    chapter = (built / "chapters" / "tishreen.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="The Tishreen Uprising[^"]*: in this chapter you will read', chapter)
    # The check finds a page with none, or with a description too short to preview.
    assert description_problem("<html><head></head></html>", "x")
    assert description_problem('<meta name="description" content="Hi">', "x")


def blocking_scripts(markup: str) -> list[str]:
    """Scripts with a src that hold the parser (no defer, no async, not a module or data)."""
    head = _Head()
    head.feed(markup)
    return [s["src"] or "" for s in head.scripts
            if "defer" not in s and "async" not in s and s.get("type") in (None, "text/javascript")]


def test_every_script_loads_after_the_text(built):
    """No page holds its parser for a script (documentation_options.js is written into the
    page), and no page names a script in a tag of its own, which the browser would fetch
    beside the HTML and stylesheets: one deferred after-text.js fetches them all, in order,
    the theme's two last (book/scripts_after.py). The search page's scripts, Sphinx's
    search among them, are deferred in their order (search-summary.js before
    searchtools.js)."""
    problems = []
    for page in _pages(built):
        rel = page.relative_to(built).as_posix()
        markup = page.read_text(encoding="utf-8")
        head = _Head()
        head.feed(markup)
        if rel.endswith("search.html"):
            if blocking_scripts(markup) or sources(markup):
                problems.append(f"{rel}: the search page's scripts hold the parser, or went to the loader")
            continue
        own = [s["src"] for s in head.scripts if s["src"] and "after-text.js" not in s["src"]]
        if own:
            problems.append(f"{rel}: {own} in script tags of their own, fetched beside the stylesheets")
        loaders = [s for s in head.scripts if "after-text.js" in (s["src"] or "")]
        names = [src.split("?")[0].rsplit("/", 1)[-1] for src in (loaders[0].get("data-src") or "").split()] if loaders else []
        if len(loaders) != 1 or "defer" not in loaders[0] or names[-2:] != ["bootstrap.js", "pydata-sphinx-theme.js"]:
            problems.append(f"{rel}: the scripts are not loaded, in order, by one deferred after-text.js: {names}")
        elif "course.js" not in names or ("store.js" in names and "flags.js" in names
                                          and names.index("store.js") > names.index("flags.js")):
            problems.append(f"{rel}: the course's scripts are missing or out of order: {names}")
        if "bootstrap.js" in markup and "data-bs-" not in markup:
            problems.append(f"{rel}: bootstrap.js on a page that uses none of it")
        blocking = blocking_scripts(markup)
        if blocking:
            problems.append(f"{rel}: {blocking} hold the first paint")
    assert not problems, problems
    assert blocking_scripts('<script src="_static/scripts/bootstrap.js"></script>'), "the check must find a blocking script"


@pytest.mark.parametrize("device", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_theme_scripts_still_run_by_load(browser, http_root, device):
    """Fetched by the loader, Bootstrap and the theme's script have run when the page's load
    event fires: the download menu opens and the colour switch changes the mode; the
    course's scripts have too (a fold opens, a ¶'s flag button answers)."""
    context = browser.new_context(**device)
    page = context.new_page()
    try:
        page.goto(f"{http_root}/chapters/tishreen.html", wait_until="load")
        assert page.evaluate("typeof window.bootstrap === 'object'")
        page.locator(".bd-header-article .dropdown-toggle[aria-label='Download this page']").click()
        assert page.locator(".bd-header-article .dropdown-menu").first.is_visible()
        page.keyboard.press("Escape")
        before = page.evaluate("document.documentElement.dataset.mode")
        page.locator(".bd-header-article .theme-switch-button").click()
        assert page.evaluate("document.documentElement.dataset.mode") != before
        assert page.evaluate("typeof window.PRT.later === 'object' && typeof window.PRT.t === 'function'")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_colour_scheme_is_settled_before_the_theme_script(browser, http_root, scheme):
    """With the theme's scripts held back (as on a slow link, before they arrive), a phone
    that prefers dark already gets the dark page, and one that prefers light the light one."""
    context = browser.new_context(**PHONE, color_scheme=scheme)
    page = context.new_page()
    page.route(re.compile(r"/_static/(after-text|scripts/pydata-sphinx-theme)\.js"), lambda route: route.abort())
    try:
        page.goto(f"{http_root}/index.html", wait_until="load")
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(18, 18, 18)") == (scheme == "dark"), background
    finally:
        context.close()
