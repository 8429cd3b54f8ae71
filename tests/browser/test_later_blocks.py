"""Blocks a page loads later (book/later.py, static/later.js), driven as readers meet them,
from file:// as a member's copy opens: a phone never downloads what it does not show
(a chapter's folded timeline until tapped, the timeline's table at all, the chart's data
until asked), a laptop gets the same page it always had, a link into a block not loaded
yet still lands on its target, and a page read with scripts off says where the events are.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, Iterator

import pytest
from helpers import LAPTOP, PHONE

LATER = "/_static/later/"


@contextlib.contextmanager
def _opened(browser, built: Path, rel: str, device: dict, **options) -> Iterator[tuple[Any, list[str], list[str]]]:
    """The page opened from file:// in a context of its own, with the addresses it
    requested and the script errors it raised, from its load on."""
    context = browser.new_context(**device, **options)
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{built.as_uri()}/{rel}", wait_until="load")
        yield page, requested, errors
    finally:
        context.close()


def _blocks(requested: list[str]) -> list[str]:
    return sorted(u.split(LATER, 1)[1].split("?")[0] for u in requested if LATER in u)


def test_a_phone_loads_the_chapters_timeline_when_the_reader_opens_it(browser, built):
    with _opened(browser, built, "chapters/tishreen.html", PHONE) as (page, requested, errors):
        page.wait_for_timeout(500)
        assert _blocks(requested) == [], "a phone downloaded a folded block it does not show"
        body = page.locator("#timeline-body")
        assert body.get_attribute("data-later-src") and body.inner_html() == ""
        page.locator("#timeline > .prt-fold-toggle").tap()
        cards = page.locator("#timeline-body .prt-tl-card")
        shown = page.locator("#timeline-body .prt-tl-card:not([hidden])")
        shown.first.wait_for(state="visible")  # the cards of the opening view; the others wait
        assert cards.count() > 20
        assert body.get_attribute("data-later-src") is None and body.get_attribute("aria-busy") is None
        # The timeline works as it did in the page: a view button shows that view's cards.
        views = page.locator("#timeline-body .prt-tl-views button")
        views.nth(1).tap()
        assert views.nth(1).get_attribute("aria-pressed") == "true"
        # The table, which a phone's stylesheet hides, and the chart's data are never fetched;
        # the cards after the first ten arrive in one request.
        page.wait_for_timeout(300)
        assert _blocks(requested) == ["chapters-tishreen--timeline-body.js", "chapters-tishreen--timeline-tishreen-cards.js"]
        assert page.locator("#timeline-tishreen-table").get_attribute("data-later-src")
        assert errors == []


def test_a_laptop_shows_the_whole_timeline_and_fetches_the_chart_data_only_when_asked(browser, built):
    with _opened(browser, built, "chapters/tishreen.html", LAPTOP) as (page, requested, errors):
        table = page.locator("#timeline-tishreen-table table.prt-timeline-table")
        table.wait_for(state="visible")
        assert table.locator("tbody tr").count() == page.locator("#timeline-body .prt-tl-card").count() > 20
        # The unfolded blocks (the timeline with its table and first drawing, the words, the
        # exercises); not the cards, which a laptop shows only when a mark asks.
        page.locator("#exercises-body .prt-exercise").first.wait_for()
        assert _blocks(requested) == ["chapters-tishreen--exercises-body.js", "chapters-tishreen--timeline-body.js",
                                      "chapters-tishreen--timeline-tishreen-table.js",
                                      "chapters-tishreen--timeline-tishreen-v0.js",
                                      "chapters-tishreen--words-in-this-chapter-body.js"]
        page.locator("#timeline-body .prt-tl-live").click()
        page.locator("#timeline-body .prt-tl-chart .main-svg").first.wait_for(state="visible", timeout=30_000)
        assert "chapters-tishreen--timeline-tishreen-data.js" in _blocks(requested)
        # Every drawn point of the interactive chart came from the loaded data.
        drawn = page.evaluate("""() => [...new Set(document.querySelector('#timeline-body .prt-tl-chart').data
            .flatMap(trace => (trace.customdata || []).map(c => [].concat(c)[0])))].sort()""")
        events = sorted(page.locator("#timeline-body .prt-tl-card").evaluate_all("cs => cs.map(c => c.dataset.event)"))
        assert drawn == events
        assert errors == []


def test_the_timelines_page_on_a_phone_leaves_its_drawings_table_and_data_unloaded(browser, built):
    with _opened(browser, built, "timelines.html", PHONE) as (page, requested, errors):
        page.locator(".prt-tl-card:not([hidden])").first.wait_for(state="visible")
        page.wait_for_timeout(500)
        assert _blocks(requested) == ["timelines--timeline-parallel-cards.js"]  # the cards after the first ten
        assert page.locator("#timeline-parallel-table").inner_html() == ""
        # The view buttons still pick the cards of their years, with no drawing loaded.
        buttons = page.locator(".prt-tl-views button")
        before = page.locator(".prt-tl-card:not([hidden])").count()
        buttons.last.tap()
        assert page.locator(".prt-tl-card:not([hidden])").count() > before
        page.wait_for_timeout(300)
        assert _blocks(requested) == ["timelines--timeline-parallel-cards.js"] and errors == []


def test_a_laptop_draws_each_view_when_it_is_shown_in_the_space_kept_for_it(browser, built, http_root):
    with _opened(browser, built, "timelines.html", LAPTOP) as (page, requested, errors):
        first = page.locator("#timeline-parallel-v0")
        first.locator("svg .prt-ev").first.wait_for(state="visible")
        assert "timelines--timeline-parallel-v0.js" in _blocks(requested)
        assert "timelines--timeline-parallel-v1.js" not in _blocks(requested)  # hidden views wait
        # The space kept for a drawing not arrived (its script held back) is the drawing's own.
        drawn = page.evaluate("document.querySelector('#timeline-parallel-v0').getBoundingClientRect().height")
        held = page.context.new_page()
        held.route("**/timelines--timeline-parallel-v0.js*", lambda route: route.abort())
        held.goto(f"{http_root}/timelines.html", wait_until="load")
        kept = held.evaluate("document.querySelector('#timeline-parallel-v0').getBoundingClientRect().height")
        assert held.locator("#timeline-parallel-v0 svg").count() == 0
        assert drawn > 100 and abs(kept - drawn) <= 2, (kept, drawn)
        buttons = page.locator(".prt-tl-views button")
        buttons.nth(1).click()
        page.locator("#timeline-parallel-v1 svg .prt-ev").first.wait_for(state="visible")
        # A mark still opens its card beside the chart, by click and by keyboard.
        mark = page.locator("#timeline-parallel-v1 svg .prt-ev").first
        mark.click()
        page.locator("#timeline-parallel-card").wait_for(state="visible")
        assert errors == []


def test_a_glossary_entry_loads_its_rest_when_opened_or_reached_by_a_link(browser, built):
    with _opened(browser, built, "glossary.html", PHONE) as (page, requested, errors):
        page.wait_for_timeout(500)
        assert _blocks(requested) == [], "the glossary loaded entries nobody opened"
        assert page.locator("dl.prt-glossary > dt").count() >= 119
        more = page.locator("#term-baathism + dd details.prt-entry-more")
        more.locator("summary").tap()
        rest = more.locator(".prt-entry-rest")
        page.get_by_text("Michel Aflaq").wait_for(state="visible")
        assert rest.locator("a[href*='chapters/tishreen.html#p']").count() >= 1  # where it appears
        assert _blocks(requested) == ["glossary--term-baathism-more.js"]
        # A chapter's link to a term: the entry shows whole from its arrival.
        page.goto(f"{built.as_uri()}/glossary.html#term-muhasasa", wait_until="load")
        page.locator("#term-muhasasa + dd .prt-uses").wait_for(state="visible")
        assert errors == []


@pytest.mark.parametrize("device", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_link_into_a_block_not_loaded_yet_lands_on_its_target(browser, built, device):
    card = "timeline-tishreen-marx-address-communist-league-1850"
    with _opened(browser, built, f"chapters/tishreen.html#{card}", device) as (page, requested, errors):
        target = page.locator(f"#{card}")
        target.wait_for(state="attached")
        page.wait_for_function(f"() => document.querySelector(':target') && document.querySelector(':target').id === '{card}'")
        if device is PHONE:  # the card is in the phone's list, in its fold, opened and in view
            target.wait_for(state="visible")
            assert page.locator("#timeline").evaluate("s => s.classList.contains('prt-open') || !!s.querySelector(':target')")
            page.wait_for_function(f"""() => {{ const r = document.getElementById('{card}').getBoundingClientRect();
                return r.bottom > 0 && r.top < innerHeight; }}""")
        assert errors == []


def test_without_scripts_the_chapter_says_where_its_events_are_and_the_timelines_page_shows_cards(browser, built):
    with _opened(browser, built, "chapters/tishreen.html", LAPTOP, java_script_enabled=False) as (page, requested, _):
        note = page.locator("#timeline noscript")
        assert note.count() == 1
        assert "every event is also on the timelines page" in page.locator("#timeline").inner_text()
        # The exercises and the chapter's words, blocks too, say where else they are.
        exercises = page.locator("#exercises")
        assert "cannot show its exercises; they are also on the chapter's exercises page" in exercises.inner_text()
        assert exercises.get_by_role("link", name="the chapter's exercises page").get_attribute("href") == \
            "../exercises/tishreen.html"
        words = page.locator("#words-in-this-chapter")
        assert "cannot show its words; each is also in the glossary" in words.inner_text()
        assert words.locator(".prt-fold-body").inner_html() == ""
        page.goto(f"{built.as_uri()}/timelines.html", wait_until="load")
        # The cards the page holds (the first ten of its opening years), and where the others are.
        held = page.locator(".prt-tl-card:not([data-later-src])")
        assert held.count() == 10 and all(held.nth(n).is_visible() for n in range(10))
        assert page.locator(".prt-tl-card[data-later-src]:visible").count() == 0
        assert "first 10 events" in page.locator(".prt-tl-cards").inner_text()
        assert page.locator("#timeline-parallel-table").is_hidden()
        assert _blocks(requested) == []


def test_the_timelines_cards_after_the_first_ten_arrive_in_one_request_and_open_from_a_mark(browser, built):
    """The timelines page holds ten cards; a phone, which shows the cards, gets the other
    154 in one request once the page is up; a laptop, which shows the chart, only when a
    mark asks for its card, and the card opens with its own title."""
    cards_js = "timelines--timeline-parallel-cards.js"
    with _opened(browser, built, "timelines.html", PHONE) as (page, requested, errors):
        page.wait_for_function("() => !document.querySelector('.prt-tl-card[data-later-src]')")
        total = page.locator(".prt-tl-cards .prt-tl-card").count()
        assert total > 100
        titles = page.locator(".prt-tl-cards .prt-tl-title").all_inner_texts()
        assert len(titles) == total and all(t.strip() for t in titles)
        assert _blocks(requested).count(cards_js) == 1
        assert errors == []
    with _opened(browser, built, "timelines.html", LAPTOP) as (page, requested, errors):
        mark = page.locator(".prt-tl-view:not([hidden]) .prt-ev[data-event]")
        mark.first.wait_for(state="visible")
        page.wait_for_timeout(300)
        assert cards_js not in _blocks(requested), "a laptop, which shows the chart, fetched the cards"
        event = page.evaluate("""() => [...document.querySelectorAll('.prt-tl-view:not([hidden]) .prt-ev[data-event]')]
            .map(m => m.dataset.event).find(id => document.querySelector(
                `.prt-tl-card[data-event="${id}"]`).hasAttribute('data-later-src'))""")
        assert event, "no mark of the opening view has a card the page loads later"
        page.locator(f'.prt-tl-view:not([hidden]) .prt-ev[data-event="{event}"]').click()
        slot = page.locator(".prt-tl-slot")
        slot.wait_for(state="visible")
        title = page.locator(f'.prt-tl-cards .prt-tl-card[data-event="{event}"] .prt-tl-title').inner_text()
        assert title and slot.locator(".prt-tl-title").inner_text() == title
        assert _blocks(requested).count(cards_js) == 1
        assert errors == []


def test_a_phones_chapter_exercises_arrive_when_opened_answer_and_come_back_answered(browser, built):
    """The exercises and the chapter's words are blocks a phone loads when their fold is
    opened: an exercise there is answered as before, and after a reload its answer is back
    once the fold is opened again."""
    rel = "chapters/tishreen.html"
    with _opened(browser, built, rel, PHONE) as (page, requested, errors):
        page.wait_for_timeout(300)
        assert not [b for b in _blocks(requested) if "exercises" in b or "words" in b]
        assert page.locator("#exercises-body").inner_html() == ""
        page.locator("#exercises > .prt-fold-toggle").tap()
        box = page.locator('[data-exercise="tishreen-who-protested"]')
        box.wait_for(state="visible")
        assert _blocks(requested).count("chapters-tishreen--exercises-body.js") == 1
        right = next(n for n, label in enumerate(box.locator(".prt-ex-body label").all_inner_texts())
                     if "unemployed graduates" in label.lower() or "young" in label.lower())
        box.locator(".prt-ex-body label").nth(right).tap()
        box.get_by_role("button", name="Check").tap()
        assert "Right." in box.locator(".prt-feedback").inner_text()
        page.locator("#words-in-this-chapter > .prt-fold-toggle").tap()
        word = page.locator("#words-in-this-chapter-body dt a").first
        word.wait_for(state="visible")
        assert word.get_attribute("href").startswith("../glossary.html#term-")
        page.reload(wait_until="load")
        page.locator("#exercises > .prt-fold-toggle").tap()
        box.wait_for(state="visible")
        page.wait_for_function("""() => document.querySelector('[data-exercise="tishreen-who-protested"] .prt-feedback')
            .textContent.includes('Right.')""")
        assert box.locator(".prt-ex-body input").nth(right).is_checked()
        assert errors == []
