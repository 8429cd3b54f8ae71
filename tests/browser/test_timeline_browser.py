"""The annotated timelines in Debian's Chromium, as a reader on a phone and on a laptop
meets them: what the chart shows before anything is touched, taps, clicks and keys on
its marks, the card and its ¶ button, the phone's vertical timeline, the interactive
chart. Every page's requests and console errors are recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from helpers import PHONE, SCHEME_RULES, Visit, axe_serious
from pdfread import pdf_text

pytestmark = pytest.mark.browser

LAPTOP = {"viewport": {"width": 1280, "height": 900}, "has_touch": True}
#: A tablet, or a laptop with a touch screen: the chart (not the phone's cards) under a finger.
TABLET = {"viewport": {"width": 768, "height": 1024}, "has_touch": True}
CHAPTERS = ["tishreen", "peru", "world-situation", "solidarity"]
PAGES = [f"chapters/{c}.html" for c in CHAPTERS] + ["timelines.html"]


class Tabs:
    """One tab per device for the module, opened when a test first needs it: a fresh
    browser context (a new renderer, cold caches) cost about as much as the rest of a
    test here. Each Reader navigates the tab afresh and sets its own colour scheme."""

    def __init__(self, browser):
        self.browser = browser
        self.pages: dict[str, Any] = {}

    def of(self, device: dict) -> Any:
        name = "phone" if device is PHONE else "tablet" if device is TABLET else "laptop"
        if name not in self.pages:
            self.pages[name] = self.browser.new_context(**device).new_page()
        return self.pages[name]

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


@pytest.fixture(scope="module")
def tabs(browser) -> Iterator[Tabs]:
    opened = Tabs(browser)
    yield opened
    opened.close()


class Reader(Visit):
    """A page opened in the module's tab of one device, recording every request and every
    console error from its load on, with its first timeline in view."""

    def __init__(self, tabs: Tabs, built: Path, rel: str, device: dict, scheme: str = "light"):
        self.root = built.as_uri()
        self.page = tabs.of(device)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.listeners = {"request": lambda r: self.requests.append(r.url),
                          "console": lambda m: self.errors.append(m.text) if m.type == "error" else None,
                          "pageerror": lambda e: self.errors.append(str(e))}
        for event, listener in self.listeners.items():
            self.page.on(event, listener)
        if not device.get("is_mobile"):
            self.page.mouse.move(0, 0)  # not left hovering where an earlier test pointed
        self.page.emulate_media(color_scheme=scheme)
        self.page.goto(f"{self.root}/{rel}", wait_until="load")
        self.page.wait_for_function(f"() => document.documentElement.dataset.theme === '{scheme}'", timeout=10_000)
        jump = self.page.locator(".prt-jumpbar").get_by_role("link", name="Timeline")
        if device.get("is_mobile") and jump.count():
            jump.tap()  # on a phone a chapter's timeline is folded: the jump bar opens it
        self.figure = self.page.locator(".prt-timeline-figure").first
        self.figure.wait_for(state="visible")

    def close(self) -> None:
        for event, listener in self.listeners.items():
            self.page.remove_listener(event, listener)
        assert not self.errors, self.errors
        assert not self.foreign("file"), self.foreign("file")


def _article_date(rel: str) -> dt.date | None:
    from book.course.load import course

    chapter = rel.removeprefix("chapters/").removesuffix(".html")
    article = course().articles.get(chapter)
    return article.date.start if article and article.date else None


#: Resolves once every card on show has arrived: the page holds the first ten of its
#: opening view and loads the rest as one block (book/timeline/cards.py).
CARDS_IN = "() => !document.querySelector('.prt-tl-cards .prt-tl-card:not([hidden])[data-later-src]')"


def _views(reader: Reader) -> list[dict]:
    return reader.figure.locator(".prt-tl-view").evaluate_all(
        "vs => vs.map(v => ({start: v.dataset.start, end: v.dataset.end, shown: !v.hidden}))")


def _shown(reader: Reader):
    """The view on show, once its drawing is in (a block the page loads when the view is
    shown, book/later.py); on a phone, whose stylesheet hides the drawings, at once."""
    view = reader.figure.locator(".prt-tl-view:not([hidden])")
    if view.evaluate("v => v.getClientRects().length > 0"):
        view.locator("svg").wait_for(state="attached")
    return view


@pytest.mark.parametrize("rel", PAGES)
def test_laptop_chart_opens_on_the_articles_period_with_key_events_labelled(tabs, built, rel):
    from book import timeline
    from book.course.load import course

    reader = Reader(tabs, built, rel, LAPTOP)
    views = _views(reader)
    assert [v["shown"] for v in views].count(True) == 1 and views[0]["shown"]
    if rel.startswith("chapters/"):  # opens on the years the article writes in or about
        key = timeline.key_events(list(course().events.values()), rel[9:-5])
        days = {d.isoformat() for d in [_article_date(rel), max((e.date.start for e in key), default=None)] if d}
        assert any(views[0]["start"] <= d <= views[0]["end"] for d in days), (days, views[0])
        named = views[:-1]  # and it is the closest look the chapter offers (the last is "Whole period")
        assert min(named, key=lambda v: dt.date.fromisoformat(v["end"]) - dt.date.fromisoformat(v["start"])) == views[0]
    labels = _shown(reader).locator(".prt-tl-notes text")
    boxes = labels.evaluate_all("ts => ts.map(t => { const b = t.getBoundingClientRect();"
                                " return {id: t.dataset.event, l: b.left, r: b.right, t: b.top, b: b.bottom}; })")
    marks = _shown(reader).locator(".prt-ev .prt-shape").evaluate_all(
        "ss => ss.map(s => { const b = s.getBoundingClientRect(), member = s.closest('[data-member]');"
        " return {id: member ? member.dataset.member : s.closest('.prt-ev').dataset.event,"
        " l: b.left, r: b.right, t: b.top, b: b.bottom}; })")
    print(f"\n{rel}: {len(boxes)} labels on the opening view ({len(marks)} marks)")
    assert boxes and all(b["r"] - b["l"] > 10 for b in boxes)

    def overlap(a, b):
        return a["l"] < b["r"] - 0.5 and b["l"] < a["r"] - 0.5 and a["t"] < b["b"] - 0.5 and b["t"] < a["b"] - 0.5

    for i, a in enumerate(boxes):  # as the browser drew them, in its own font
        assert not [b["id"] for b in boxes[i + 1:] if overlap(a, b)], a["id"]
        assert not [m["id"] for m in marks if m["id"] != a["id"] and overlap(a, m)], a["id"]
    if rel.startswith("chapters/"):  # the article's key events (of its key passages) are labelled
        events = list(course().events.values())
        key = {e.id for e in timeline.key_events(events, rel[9:-5])} & {m["id"] for m in marks}
        assert key <= {b["id"] for b in boxes}, key - {b["id"] for b in boxes}
    reader.close()


@pytest.mark.parametrize("rel", PAGES)
def test_every_mark_is_a_focusable_target_of_at_least_24_px(tabs, built, rel):
    reader = Reader(tabs, built, rel, LAPTOP)
    for n in range(len(_views(reader))):
        reader.figure.locator(".prt-tl-views button").nth(n).click()
        marks = _shown(reader).locator(".prt-ev")
        sizes = marks.evaluate_all("ms => ms.map(m => { const b = m.querySelector('.prt-hit').getBoundingClientRect();"
                                   " m.focus(); return [b.width, b.height, document.activeElement === m,"
                                   " m.getAttribute('aria-label')]; })")
        assert sizes and all(w >= 24 and h >= 24 and focused and name for w, h, focused, name in sizes), sizes
        assert marks.evaluate_all("ms => ms.filter(m => m.tabIndex === 0).length") == 1  # one Tab stop
    reader.close()


@pytest.mark.parametrize("rel", PAGES)
def test_a_tap_opens_the_card_in_place_and_its_button_goes_to_the_paragraph(tabs, built, rel):
    from book.course.load import course

    reader = Reader(tabs, built, rel, LAPTOP)
    page = reader.page
    mark = _shown(reader).locator(".prt-ev[data-event]").last  # a mark of one event, not a ringed few
    event = course().events[mark.get_attribute("data-event")]
    with_passage = _shown(reader).locator(".prt-ev[data-event]").evaluate_all(
        "ms => ms.map(m => m.dataset.event)")
    target = next(course().events[i] for i in reversed(with_passage) if course().events[i].passage)
    mark = _shown(reader).locator(f'.prt-ev[data-event="{target.id}"]')
    mark.scroll_into_view_if_needed()
    url = page.url
    mark.locator(".prt-hit").tap(force=True)  # marks may touch; the one tapped is the one asked for
    card = reader.figure.locator(".prt-tl-slot")
    card.wait_for(state="visible")
    assert page.url == url  # the tap opened the card, it did not leave the page
    assert card.locator(".prt-tl-title").inner_text() == target.title
    assert event.title  # the last mark has an event too
    go = card.locator("a.prt-tl-go")
    assert re.fullmatch(r"Go to ([^¶]+ )?¶\d+", go.inner_text())
    go.click()
    chapter = target.chapters[0]
    page.wait_for_function(f"() => location.hash === '#{target.passage}'")
    assert page.url.split("#")[0].endswith(f"chapters/{chapter}.html")
    assert page.locator(f"#{target.passage}").is_visible()
    reader.close()


@pytest.mark.parametrize("rel", ["chapters/tishreen.html", "timelines.html"])
def test_the_keyboard_reaches_a_mark_and_opens_and_closes_its_card(tabs, built, rel):
    from book.course.load import course

    reader = Reader(tabs, built, rel, LAPTOP)
    page = reader.page
    reader.figure.locator(".prt-tl-views button").first.focus()
    for _ in range(40):  # Tab from the view buttons onto the chart's first mark
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('prt-ev')"):
            break
    which = "(document.activeElement.dataset.event || document.activeElement.dataset.events)"
    first = page.evaluate(which)
    assert set(first.split()) <= set(course().events)
    x = "Math.min(...[...document.activeElement.querySelectorAll('.prt-shape')].map(s => s.getBoundingClientRect().left))"
    left = page.evaluate(x)
    for _ in range(20):  # the arrow keys move to the next mark in date order, to one of a single event
        page.keyboard.press("ArrowRight")
        assert page.evaluate(x) >= left
        left, focused = page.evaluate(x), page.evaluate(which)
        if " " not in focused:
            break
    assert focused in course().events and focused != first
    page.keyboard.press("Enter")
    card = reader.figure.locator(".prt-tl-slot")
    card.wait_for(state="visible")
    assert card.locator(".prt-tl-title").inner_text() == course().events[focused].title
    assert page.evaluate("document.activeElement.classList.contains('prt-tl-slot')")
    page.keyboard.press("Escape")
    assert card.is_hidden()
    assert page.evaluate("document.activeElement.dataset.event") == focused
    reader.close()


def _expected(rel: str, start: str, end: str) -> set[str]:
    """The events a view from ``start`` to ``end`` draws, from the data (not the page):
    a chapter's own events, or every event on the parallel timelines."""
    from book.course.load import course
    from book.timeline.base import is_point, span

    chapter = rel.removeprefix("chapters/").removesuffix(".html")
    events = course().chapter_events(chapter) if rel.startswith("chapters/") else list(course().events.values())
    found = set()
    for e in events:
        first, stop = span(e)
        last = first if is_point(e) else stop
        if first.isoformat() <= end and last.isoformat() >= start:
            found.add(e.id)
    return found


#: Each event of the shown view and the target a tap finds it in: its own mark or the
#: ringed mark that holds it (``data-member``).
_DRAWN = """view => [...view.querySelectorAll('.prt-ev')].flatMap(m => [...m.querySelectorAll('.prt-shape')].map(s => {
  const holder = s.closest('[data-member]');
  return {id: holder ? holder.dataset.member : m.dataset.event, group: !!holder};
}))"""

#: Close what is open below the chart, bring the event's own shape into view and give
#: the middle of that shape in the viewport once it stops moving.
_CENTRE = """id => new Promise(done => {
  document.querySelector('.prt-tl-slot:not([hidden]) .prt-tl-close')?.click();
  const view = [...document.querySelectorAll('.prt-tl-view')].find(v => !v.hidden);
  const shape = [...view.querySelectorAll('.prt-ev')].map(m => m.dataset.event === id ? m.querySelector('.prt-shape')
    : m.querySelector(`[data-member="${id}"] .prt-shape`)).find(Boolean);
  shape.scrollIntoView({block: 'center'});  // clear of the sticky header
  let last = null;
  const look = () => {
    const b = shape.getBoundingClientRect(), now = [b.left + b.width / 2, b.top + b.height / 2];
    if (last && last[0] === now[0] && last[1] === now[1]) { done(now); } else { last = now; requestAnimationFrame(look); }
  };
  requestAnimationFrame(look);
})"""

#: What is open below the chart: a card (its event and title) or a ringed mark's list (the
#: middle of the line of the event asked for, brought into view); null while nothing is.
_OPENED = """id => {
  const view = [...document.querySelectorAll('.prt-tl-view')].find(v => !v.hidden);
  const slot = view.closest('.prt-timeline-figure').querySelector('.prt-tl-slot');
  const open = slot.hidden ? null : slot.querySelector('.prt-tl-open');
  if (!open) { return null; }
  if (open.classList.contains('prt-tl-group')) {
    const pick = open.querySelector(`.prt-tl-pick[data-event="${id}"]`);
    if (!pick) { return {list: true}; }
    pick.scrollIntoView({block: 'center'});
    const b = pick.getBoundingClientRect();
    return {list: true, x: b.left + b.width / 2, y: b.top + b.height / 2};
  }
  return {card: open.dataset.event, title: open.querySelector('.prt-tl-title').textContent};
}"""


def _press(page, how: str, x: float, y: float) -> None:
    if how == "tap":
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)


def _open_by_pointer(reader: Reader, event_id: str, how: str) -> bool:
    """Tap or click the middle of the event's own shape, as a finger or a mouse lands there
    (whatever lies on top is what is hit), and, for a ringed mark, its line in the list;
    True when the card of that event, and no other, is open below the chart."""
    from book.course.load import course

    page = reader.page
    x, y = page.evaluate(_CENTRE, event_id)
    _press(page, how, x, y)
    opened = page.wait_for_function(_OPENED, arg=event_id, timeout=3_000).json_value()
    if opened.get("list"):
        if "x" not in opened:
            return False
        _press(page, how, opened["x"], opened["y"])
        opened = page.wait_for_function(f"id => ({_OPENED})(id)?.card ? ({_OPENED})(id) : null",
                                        arg=event_id, timeout=3_000).json_value()
    return opened.get("card") == event_id and opened.get("title") == course().events[event_id].title


@pytest.mark.parametrize("how,device", [("tap", TABLET), ("click", LAPTOP)], ids=["tap-768", "click-1280"])
@pytest.mark.parametrize("rel", PAGES)
def test_every_mark_opens_its_own_card_by_tap_and_by_click(tabs, built, rel, how, device):
    """The bug a real session found: at 768 px a neighbour's hit area lay on top of 29 of
    the 85 marks of the chapters' opening views, so a tap on them opened the neighbour's
    card. Here every event of the opening view is tapped (or clicked) at the middle of its
    own shape, and its card must open (through its ringed mark's list, when its mark is
    one of several too close to tell apart). Every other view is checked by hit-testing
    (document.elementFromPoint at each shape's middle) without opening anything."""
    reader = Reader(tabs, built, rel, device)
    page = reader.page
    page.emulate_media(reduced_motion="reduce")  # a card opening jumps into view: no wait for a smooth scroll
    views = _views(reader)
    drawn = _shown(reader).evaluate(_DRAWN)
    ids = [d["id"] for d in drawn]
    assert sorted(ids) == sorted(_expected(rel, views[0]["start"], views[0]["end"]))
    missed = [i for i in ids if not _open_by_pointer(reader, i, how)]
    print(f"\n{rel} at {device['viewport']['width']} px: {len(ids) - len(missed)} of {len(ids)} events opened by {how}"
          f" ({sum(d['group'] for d in drawn)} through a ringed mark's list)")
    assert not missed, missed
    for n in range(1, len(views)):
        page.keyboard.press("Escape")
        reader.figure.locator(".prt-tl-views button").nth(n).click()
        found = _shown(reader).evaluate("""view => { view.scrollIntoView({block: 'start'});
          return [...view.querySelectorAll('.prt-ev')].flatMap(m => [...m.querySelectorAll('.prt-shape')].map(s => {
            const b = s.getBoundingClientRect(), hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
            const holder = s.closest('[data-member]'), id = holder ? holder.dataset.member : m.dataset.event;
            const got = hit && hit.closest('.prt-ev');
            const ids = got ? (got.dataset.events || got.dataset.event).split(' ') : [];
            return {id, ok: got === m && ids.includes(id), inside: b.bottom <= innerHeight && b.top >= 0};
          })); }""")
        assert all(f["inside"] for f in found), rel  # the whole chart fits the screen
        assert sorted(f["id"] for f in found) == sorted(_expected(rel, views[n]["start"], views[n]["end"]))
        assert not [f["id"] for f in found if not f["ok"]], (rel, n)
    page.emulate_media(reduced_motion="no-preference")
    reader.close()


@pytest.mark.parametrize("rel", PAGES)
def test_the_keyboard_reaches_every_event_of_the_opening_view(tabs, built, rel):
    """Tab to the chart, Home, then ArrowRight to each mark in turn and Enter: a mark's
    card opens; a ringed mark's list opens, Tab reaches each of its lines in turn, and
    Enter on the last opens that event's card (Escape returns to the mark)."""
    from book.course.load import course

    reader = Reader(tabs, built, rel, LAPTOP)
    page = reader.page
    slot = reader.figure.locator(".prt-tl-slot")
    reader.figure.locator(".prt-tl-views button").first.focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('prt-ev')"):
            break
    page.keyboard.press("Home")
    reached, previous = [], None
    active = "() => { const a = document.activeElement; return a.dataset.events || a.dataset.event || ''; }"
    while True:
        now = page.evaluate(active)
        if now == previous:
            break
        members = now.split()
        page.keyboard.press("Enter")
        if len(members) > 1:  # the list: Close, then a line per event, each reached by Tab
            slot.locator(".prt-tl-group").wait_for()
            page.keyboard.press("Tab")
            lines = []
            for _ in members:
                page.keyboard.press("Tab")
                lines.append(page.evaluate("() => document.activeElement.closest('.prt-tl-picks') && document.activeElement.dataset.event"))
            assert lines == members, (now, lines)
            reached += lines[:-1]
            page.keyboard.press("Enter")  # the last line opens its card
        card = slot.locator(".prt-tl-open.prt-tl-card")
        card.wait_for()
        assert card.get_attribute("data-event") == members[-1]
        assert card.locator(".prt-tl-title").inner_text() == course().events[members[-1]].title
        reached.append(members[-1])
        page.keyboard.press("Escape")
        assert page.evaluate(active) == now  # focus is back on the mark
        previous = now
        page.keyboard.press("ArrowRight")
    views = _views(reader)
    assert sorted(reached) == sorted(_expected(rel, views[0]["start"], views[0]["end"]))
    print(f"\n{rel}: {len(reached)} events reached by keyboard")
    reader.close()


@pytest.mark.parametrize("rel,device", [("chapters/peru.html", PHONE), ("timelines.html", PHONE),
                                        ("chapters/tishreen.html", LAPTOP)], ids=["peru-phone", "parallel-phone", "tishreen-laptop"])
def test_back_from_a_cards_paragraph_returns_to_that_card(tabs, built, rel, device):
    """On a phone, "Go to ¶" from a card and then Back landed on the timeline's heading.
    Back now returns to the card the reader left: in view on a phone, open below the chart
    on a wider screen."""
    reader = Reader(tabs, built, rel, device)
    page = reader.page
    if device is PHONE:
        cards = page.locator(".prt-tl-cards .prt-tl-card:visible").filter(has=page.locator("a.prt-tl-go"))
        card = cards.nth(cards.count() // 2)  # one well down the list, far from the heading
        card_id = card.get_attribute("id")
        card.scroll_into_view_if_needed()
        assert card.evaluate("c => c.getBoundingClientRect().top - document.querySelector('.prt-timeline')"
                             ".closest('section, main').getBoundingClientRect().top > innerHeight")
        card.locator("a.prt-tl-go").tap()
    else:
        mark = _shown(reader).locator(".prt-ev:not(.prt-ev-group)").filter(has_not=page.locator("[data-member]"))
        ids = mark.evaluate_all("ms => ms.map(m => m.dataset.event)")
        from book.course.load import course

        event_id = next(i for i in reversed(ids) if course().events[i].passage)
        card_id = f"{reader.figure.get_attribute('id')}-{event_id}"
        x, y = page.evaluate(_CENTRE, event_id)
        page.mouse.click(x, y)
        reader.figure.locator(".prt-tl-slot a.prt-tl-go").click()
    page.wait_for_function("() => /^#p\\d+$/.test(location.hash)")
    page.go_back()
    page.wait_for_function("id => location.hash === '#' + id", arg=card_id)
    target = f"#{card_id}" if device is PHONE else ".prt-tl-slot .prt-tl-open"
    page.wait_for_function("""s => { const b = document.querySelector(s)?.getBoundingClientRect();
        return !!b && b.height > 0 && b.top >= 0 && b.bottom <= innerHeight + 1; }""", arg=target, timeout=5_000)
    if device is not PHONE:
        assert reader.figure.locator(".prt-tl-slot .prt-tl-open").get_attribute("data-event") == card_id.split(
            f"{reader.figure.get_attribute('id')}-", 1)[1]
    reader.close()


@pytest.mark.parametrize("rel", ["chapters/tishreen.html", "timelines.html"])
def test_the_intro_says_what_the_screen_shows(tabs, built, rel):
    """A phone shows dated cards, not a chart: its intro speaks of the cards, never of a
    mark to tap or a table; a wider screen's speaks of the marks and the table."""
    from book.course.strings import t

    for device, key in ((PHONE, "timeline.intro_narrow"), (LAPTOP, "timeline.intro_wide")):
        reader = Reader(tabs, built, rel, device)
        intro = reader.page.locator(".prt-tl-intro").first
        assert intro.inner_text().strip() == t(key), device
        # what the reader reads before the timeline: the section's paragraphs, then the intro
        section = reader.page.evaluate("""() => { const f = document.querySelector('.prt-timeline');
            const s = f.closest('section') || document.querySelector('main');
            return [...s.querySelectorAll('p')].filter(p => p.offsetParent !== null &&
                (p.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING || p.matches('.prt-tl-intro')))
              .map(p => p.innerText).join(' '); }""")
        assert t(key) in section
        if device is PHONE:
            assert not re.search(r"\b(tap|click)\w* (or click )?a mark|\bthe table\b", section, re.I), section[:400]
        reader.close()


@pytest.mark.parametrize("rel", PAGES)
def test_phone_shows_dated_cards_not_a_sideways_chart(tabs, built, rel):
    reader = Reader(tabs, built, rel, PHONE)
    page = reader.page
    assert reader.figure.is_visible()
    assert reader.figure.locator(".prt-tl-scroll").is_hidden()
    assert page.locator(".prt-timeline .prt-table-wrap").first.is_hidden()
    cards = page.locator(".prt-tl-cards .prt-tl-card:visible")
    assert cards.count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate("Math.max(...[...document.querySelectorAll('.prt-tl-card')].map(c => c.scrollWidth - c.clientWidth))") <= 0
    views = _views(reader)
    for n, view in enumerate(views):  # each view button shows the cards of its years, in date order
        reader.figure.locator(".prt-tl-views button").nth(n).tap()
        page.wait_for_function(CARDS_IN)
        spans = cards.evaluate_all("cs => cs.map(c => [c.dataset.start, c.dataset.stop])")
        assert spans and all(stop > view["start"] and start <= view["end"] for start, stop in spans)
        total = page.locator(".prt-tl-cards .prt-tl-card").count()
        assert page.locator(".prt-tl-count").inner_text().startswith(f"{len(spans)} of {total} events")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    first = cards.first
    details = first.locator("details.prt-tl-sources")
    assert details.get_attribute("open") is None and details.locator("li").first.is_hidden()
    details.locator("summary").tap()
    assert details.locator("li").first.is_visible()
    reader.close()


@pytest.mark.parametrize("rel", ["chapters/peru.html", "timelines.html"])
def test_interactive_chart_one_legend_toolbar_clear_hover_inside_and_dark(tabs, built, rel):
    for device in (PHONE, LAPTOP):
        reader = Reader(tabs, built, rel, device, scheme="dark")
        page = reader.page
        reader.figure.get_by_role("button", name=re.compile("Interactive chart")).tap()
        graph = reader.figure.locator(".prt-tl-chart")
        graph.locator("svg.main-svg").first.wait_for(timeout=15_000)
        page.wait_for_function("() => document.querySelector('.prt-tl-status').textContent.includes('ready')")
        assert graph.locator(".legend").count() == 0 and graph.locator(".updatemenu-container").count() == 0
        hovers = page.evaluate("""() => JSON.parse(document.querySelector('.prt-tl-data').textContent)
            .data.flatMap(t => t.hovertext)""")
        assert hovers and not [h for h in hovers if re.search(r"&(quot|amp|#x27);", h)]  # escaped once
        toolbar = graph.locator(".modebar").bounding_box()
        for box in reader.figure.locator(".prt-tl-views button").evaluate_all(
                "bs => bs.map(b => b.getBoundingClientRect().toJSON())"):
            assert (toolbar is None or box["bottom"] <= toolbar["y"] or box["top"] >= toolbar["y"] + toolbar["height"]
                    or box["right"] <= toolbar["x"] or box["left"] >= toolbar["x"] + toolbar["width"])
        fills = set(graph.locator(".scatterlayer .point").evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)"))
        tints = {"rgb(86, 180, 233)", "rgb(230, 159, 0)", "rgb(195, 166, 232)", "rgb(63, 194, 159)"}
        assert fills & tints and fills <= tints | {"rgb(18, 18, 18)"}, fills  # the dark theme's tints
        tick = graph.locator(".xtick text").first
        assert tick.evaluate("t => getComputedStyle(t).fill") in ("rgb(230, 230, 230)",)  # the dark theme's text
        if device is LAPTOP:  # hover needs a mouse
            whole, plot = graph.bounding_box(), graph.locator(".nsewdrag").first.bounding_box()
            points = graph.locator(".scatterlayer .point")
            xs = points.evaluate_all("ps => ps.map(p => { const b = p.getBoundingClientRect(); return b.x + b.width / 2; })")
            inside = [i for i, x in enumerate(xs) if plot["x"] <= x <= plot["x"] + plot["width"]]
            for i in (min(inside, key=lambda i: xs[i]), max(inside, key=lambda i: xs[i])):  # both edges
                point = points.nth(i).bounding_box()
                page.mouse.move(point["x"] + point["width"] / 2, point["y"] + point["height"] / 2)
                label = graph.locator(".hoverlayer .hovertext").first
                label.wait_for()
                box = label.bounding_box()
                assert whole["x"] - 1 <= box["x"] and box["x"] + box["width"] <= whole["x"] + whole["width"] + 1
        reader.close()


@pytest.mark.parametrize("device", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_axe_finds_no_serious_violation_with_a_card_open(browser, built, device):
    """Every rule in light mode, then, with the same card open, the colour scheme's rules
    in dark (the markup is the same; the theme follows the system's scheme as it changes).
    timelines.html repeats the chapters' timelines; test_accessibility checks it whole."""
    problems = []
    context = browser.new_context(bypass_csp=True, **device)
    page = context.new_page()
    for rel in (p for p in PAGES if p.startswith("chapters/")):
        page.emulate_media(color_scheme="light")
        page.goto(f"{built.as_uri()}/{rel}", wait_until="load")
        toggle = page.locator("#timeline > .prt-fold-toggle")
        if toggle.is_visible():  # a phone opens the folded timeline, which loads it
            toggle.tap()
        page.locator(".prt-timeline .prt-tl-card").first.wait_for(state="attached")
        if device is LAPTOP:  # the shown view's drawing, loaded once shown
            page.locator(".prt-tl-view:not([hidden]) svg").wait_for(state="visible")
        mark = page.locator(".prt-tl-view:not([hidden]) .prt-ev").first
        if mark.is_visible():
            mark.focus()
            page.keyboard.press("Enter")
        for scheme, rules in (("light", ()), ("dark", SCHEME_RULES)):
            page.emulate_media(color_scheme=scheme)
            page.wait_for_function(f"() => document.documentElement.dataset.theme === '{scheme}'", timeout=10_000)
            if mark.is_visible():  # the card axe reads is open in both schemes
                assert page.locator(".prt-timeline .prt-tl-slot .prt-tl-title").first.is_visible(), (rel, scheme)
            found = axe_serious(page, "document.querySelector('.prt-timeline')", rules)
            problems += [(rel, scheme, v) for v in found]
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_printed_handout_carries_the_whole_chronology(built, chapter):
    """Paper gets every event of the chapter (the cards as a two-column chronology), not
    only the years the screen opened on, and not a folded section."""
    import shutil

    from book import timeline

    pdf = built / "handouts" / "permanent-revolution-today.pdf"  # each chapter's chronology
    if not pdf.exists() or not shutil.which("pdftotext"):
        pytest.fail("no handout or no pdftotext: run `make book` (and `make test-deps`)")
    def squeeze(text: str) -> str:  # a line may break anywhere; pdftotext drops a hyphen it breaks at
        return re.sub(r"[\s-]+", "", text)

    text = squeeze(pdf_text(pdf))
    missing = [e.id for e in timeline.for_chapter(chapter).events if squeeze(e.title) not in text]
    assert not missing, missing
