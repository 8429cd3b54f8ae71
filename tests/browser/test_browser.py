"""Debian's Chromium opens the built book from file:// and over http on 127.0.0.1.

Each check records every request the page makes, so "no other host" is measured, not
assumed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import Visit, reload_kept, settled

pytestmark = pytest.mark.browser


def _pages(built: Path) -> list[str]:
    """Every page of the book (theme fragments under _static are not pages)."""
    return sorted(
        p.relative_to(built).as_posix() for p in built.rglob("*.html") if "_static" not in p.parts
    )



@pytest.mark.parametrize("where", ["file", "http"])
def test_every_page_contacts_no_other_host_and_logs_no_error(browser, built, http_root, where):
    base = built.as_uri() if where == "file" else http_root
    origin = "file" if where == "file" else http_root
    problems = []
    pages = _pages(built)
    # One tab, page after page, as a reader browses (a fresh context for each page took
    # three times as long); a host contacted once is caught on the first page that does.
    visit = Visit(browser, f"{base}/{pages[0]}")
    for rel in pages:
        if rel != pages[0]:
            visit.go(f"{base}/{rel}")
        settled(visit.page)
        foreign = visit.foreign(origin)
        if foreign or visit.errors:
            problems.append((rel, foreign[:3], visit.errors[:3]))
    visit.close()
    assert len(pages) > 20 and not problems, problems


@pytest.mark.parametrize("where", ["file", "http"])
def test_timeline_is_drawn_then_turns_interactive_on_request(browser, built, http_root, where):
    from book.course.load import course

    events = len(course().chapter_events("tishreen"))
    base = built.as_uri() if where == "file" else http_root
    visit = Visit(browser, f"{base}/chapters/tishreen.html")
    page = visit.page
    figure = page.locator("#timeline-tishreen")
    assert not any("plotly" in url for url in visit.requests)  # nothing fetched up front
    figure.get_by_role("button", name="Whole period").click()
    figure.locator(".prt-tl-view:not([hidden]) svg").wait_for()  # the view's drawing, loaded when shown
    assert figure.locator(".prt-tl-view:not([hidden]) .prt-ev .prt-shape").count() == events  # a shape each
    assert figure.get_by_role("button", name="Whole period").get_attribute("aria-pressed") == "true"
    figure.get_by_role("button", name=re.compile("Interactive chart")).click()
    page.wait_for_selector("#timeline-tishreen svg.main-svg", timeout=10_000)
    points = figure.locator(".scatterlayer .point").count()
    bars = figure.locator(".barlayer .point").count()
    assert points + bars == events
    assert "ready" in figure.locator(".prt-tl-status").inner_text()
    assert not visit.errors, visit.errors
    visit.close()


def test_static_exercise_gives_feedback_and_survives_reload(browser, built):
    visit = Visit(browser, f"{built.as_uri()}/chapters/tishreen.html")
    box = visit.page.locator('[data-exercise="tishreen-who-protested"]')
    box.get_by_label("Young people in precarious work", exact=False).check()
    box.get_by_role("button", name="Check").click()
    feedback = box.locator(".prt-feedback")
    assert "Right." in feedback.inner_text() and "precariat" in feedback.inner_text()
    reload_kept(visit.page)
    box = visit.page.locator('[data-exercise="tishreen-who-protested"]')
    assert box.get_by_label("Young people in precarious work", exact=False).is_checked()
    assert "Right." in box.locator(".prt-feedback").inner_text()
    visit.page.once("dialog", lambda dialog: dialog.accept())  # Reset asks first
    box.get_by_role("button", name="Reset").click()
    assert box.locator(".prt-feedback").inner_text() == ""
    visit.close()


def test_ordering_exercise_by_keyboard(browser, built):
    from book.course.offered import ordering_key
    from book.course.load import course

    ex = course().exercises["tishreen-order-events"]
    key = ordering_key(ex)
    visit = Visit(browser, f"{built.as_uri()}/chapters/tishreen.html")
    box = visit.page.locator('[data-exercise="tishreen-order-events"]')
    for target, event_id in enumerate(key):
        while True:
            ids = box.locator(".prt-order li").evaluate_all("els => els.map(e => e.dataset.id)")
            at = ids.index(event_id)
            if at == target:
                break
            box.locator(f'li[data-id="{event_id}"] .prt-up').focus()
            visit.page.keyboard.press("Enter")
    box.get_by_role("button", name="Check").click()
    assert "Right." in box.locator(".prt-feedback").inner_text()
    visit.close()


def test_glossary_link_lands_on_the_definition(browser, built):
    visit = Visit(browser, f"{built.as_uri()}/chapters/tishreen.html")
    visit.page.locator('#p6 a[href*="#term-muhasasa"]').first.click()
    visit.page.locator("#prt-term-panel").get_by_role("link", name="Full entry").click()
    visit.page.wait_for_load_state("load")
    assert visit.page.url.endswith("glossary.html#term-muhasasa")
    assert visit.page.locator("#term-muhasasa").is_visible()
    visit.close()


def test_written_kinds_give_feedback_and_survive_reload(browser, built):
    """Short answer, bridge and discussion: answer, see feedback, reload, still there."""
    url = f"{built.as_uri()}/chapters/tishreen.html"
    visit = Visit(browser, url)
    page = visit.page
    short = page.locator('[data-exercise="tishreen-why-not-win"]')
    short.locator("textarea").fill("Too short.")
    short.get_by_role("button", name="Compare with a model answer").click()
    assert "Write at least" in short.locator(".prt-feedback").inner_text()
    short.locator("textarea").fill("It lacked organisation, a program linking demands to change, and self-defence.")
    short.locator(".prt-tick").first.check()
    short.get_by_role("button", name="Compare with a model answer").click()
    assert "Model answer:" in short.locator(".prt-feedback").inner_text()

    bridge = page.locator('[data-exercise="tishreen-bridge"]')
    bridge.locator("select").select_option(index=1)
    for step, text in [("immediate", "jobs for graduates now"), ("transitional", "public works under workers control"),
                       ("goal", "a planned economy for need")]:
        bridge.locator(f'textarea[data-step="{step}"]').fill(text)
    bridge.get_by_role("button", name="Compare with the article").click()
    assert "(¶67)" in bridge.locator(".prt-feedback").inner_text()

    notes = page.locator('[data-exercise="tishreen-our-situation"]')
    notes.locator("textarea").fill("Water cuts matter most here.")
    notes.get_by_role("button", name="Save notes").click()
    assert "Notes saved (5 words)." in notes.locator(".prt-feedback").inner_text()

    reload_kept(page)
    assert page.locator('[data-exercise="tishreen-why-not-win"] textarea').input_value().startswith("It lacked")
    assert "(¶67)" in page.locator('[data-exercise="tishreen-bridge"] .prt-feedback').inner_text()
    assert page.locator('[data-exercise="tishreen-our-situation"] textarea').input_value() == "Water cuts matter most here."
    assert not visit.errors, visit.errors
    visit.close()


def test_parallel_timelines_draw_from_file(browser, built):
    visit = Visit(browser, f"{built.as_uri()}/timelines.html")
    lanes = visit.page.locator("#timeline-parallel .prt-tl-view:not([hidden]) .prt-tl-labels text").all_text_contents()
    assert {"Peru", "Iraq", "World"} <= set(lanes)
    assert not visit.errors
    visit.close()


def test_zip_works_unpacked_anywhere(browser, built, tmp_path):
    import zipfile

    from book.editions.site_zip import TOP, zip_site

    archive = zip_site(built, tmp_path / "book.zip")
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "somewhere else")
    root = tmp_path / "somewhere else" / TOP
    for rel in ["index.html", "chapters/tishreen.html", "timelines.html"]:
        visit = Visit(browser, f"{root.as_uri()}/{rel}")
        settled(visit.page)
        assert not visit.foreign("file") and not visit.errors, (rel, visit.foreign("file"), visit.errors)
        assert all(url.startswith(root.as_uri()) for url in visit.requests if url.startswith("file:")), rel
        visit.close()
    visit = Visit(browser, f"{root.as_uri()}/chapters/tishreen.html")
    visit.page.get_by_role("button", name=re.compile("Interactive chart")).click()
    visit.page.wait_for_selector("#timeline-tishreen svg.main-svg", timeout=10_000)
    visit.close()


def test_matching_and_ledger_work_static_and_survive_reload(browser, built):
    from book.course.offered import matching_pairs, matching_rights
    from book.course.load import course

    visit = Visit(browser, f"{built.as_uri()}/chapters/solidarity.html")
    page = visit.page
    ex = next(x for x in course().chapter_exercises("solidarity") if x.kind == "matching")
    box = page.locator(f'[data-exercise="{ex.id}"]')
    offered = matching_rights(ex)
    for n, (_, right) in enumerate(matching_pairs(ex)):
        box.locator(f'.prt-match-item[data-left="{n}"] select').select_option(str(offered.index(right)))
    box.get_by_role("button", name="Check").click()
    assert "All" in box.locator(".prt-feedback").inner_text()

    ledger = page.locator('.prt-exercise[data-kind="ledger"]')
    ledger.locator(".prt-l-day").fill("2026-07-14")
    ledger.locator(".prt-l-minutes").fill("ninety")
    ledger.get_by_role("button", name="Add entry").click()
    assert "whole number" in ledger.locator(".prt-feedback").inner_text()
    ledger.locator(".prt-l-minutes").fill("90")
    ledger.get_by_role("button", name="Add entry").click()
    ledger.locator(".prt-l-day").fill("2026-07-15")
    ledger.locator(".prt-l-minutes").fill("240")
    ledger.get_by_role("button", name="Add entry").click()
    assert "330 minutes (5.5 hours)" in ledger.locator(".prt-feedback").inner_text()
    page.wait_for_selector('.prt-exercise[data-kind="ledger"] .prt-ledger-chart svg.main-svg')
    csv = ledger.locator(".prt-ledger-csv").get_attribute("href")
    assert "2026-07-15%2C240" in csv
    reload_kept(page)
    assert "All" in page.locator(f'[data-exercise="{ex.id}"] .prt-feedback').inner_text()
    assert page.locator('.prt-exercise[data-kind="ledger"] .prt-ledger-table tr').count() == 3
    assert not visit.errors, visit.errors
    visit.close()


NOTE_PLACES = """() => { const NOTE = 'aside.margin, .sidebar.margin';
  const anchorOf = n => { let e = n.nextElementSibling; while (e && e.matches(NOTE)) e = e.nextElementSibling; if (e) return e;
    e = n.previousElementSibling; while (e && e.matches(NOTE)) e = e.previousElementSibling; return e; };
  const text = document.querySelector('.bd-article p.prt-para').getBoundingClientRect();
  let previous = null;
  return [...document.querySelectorAll('.bd-article aside.margin, .bd-article .sidebar.margin')].map(n => {
    const box = n.getBoundingClientRect(), anchor = anchorOf(n);
    const row = {title: n.querySelector('.sidebar-title, p')?.textContent.slice(0, 40),
      drift: Math.round(box.top - anchor.getBoundingClientRect().top), top: box.top + scrollY,
      inMargin: box.left >= text.right - 1,
      stackedUnderTitles: !!previous && anchorOf(previous) === anchor && previous.matches('.prt-note-titleonly')
        && box.top - previous.getBoundingClientRect().bottom < 24};
    previous = n; return row; }); }"""


@pytest.mark.parametrize("width", [1024, 1440, 1920])
def test_margin_notes_stay_beside_their_paragraph_on_wide_screens(browser, built, width):
    """Every note in the margin, in text order, starting beside its paragraph: where
    notes are dense they are shortened (to their title and "More" when need be), so
    none is pushed far down; a note may start lower only when it stacks directly under
    notes of the same paragraph shown as titles."""
    from book.course.load import course

    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    far, inline, order = [], [], []
    for chapter in course().articles:
        page.goto(f"{built.as_uri()}/chapters/{chapter}.html")
        settled(page)
        notes = page.evaluate(NOTE_PLACES)
        assert notes, chapter
        far += [(chapter, n["title"], n["drift"]) for n in notes if n["drift"] > 150 and not n["stackedUnderTitles"]]
        inline += [(chapter, n["title"]) for n in notes if not n["inMargin"]]
        tops = [n["top"] for n in notes]
        order += [chapter] if tops != sorted(tops) else []
    context.close()
    assert not far, far
    assert not inline, inline
    assert not order, order
