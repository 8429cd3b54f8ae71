"""A reader's tasks on every chapter, done as the reader would: by tap on a phone
(375 x 812, touch, scale 2), by mouse and by keyboard alone on a laptop (1280 x 900).

Each test does the task and checks what the reader would see; none calls the page's
own functions. The phone measurements the product owner asked for (¶1 within two
screens, closed notes at most 10% of the article, 24 px targets) are asserted here and
printed by ``test_phone_tasks_on_a_chapter`` for the closing note.

Speed: a fresh browser context (a new renderer process, cold caches) cost about three
times a page load in one that is already open, and that was most of this file's time. So
the phone and the laptop are each one tab for the module (``phone``, ``laptop``), which
every test navigates afresh; the phone's tasks on a chapter share a page load where one
task leaves nothing the next one reads, and so do the two exercise tasks on a chapter.
Answers are kept in localStorage, which a tab shares with the next test: each chapter's
exercises are answered once per tab (checked to start unanswered), and the tests that
must start with a store of their own (Reset, a browser that will not store) get one.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any, Iterator

import pytest
from helpers import LAPTOP, PHONE, in_view, settled, wait_in_view

from book.course.strings import t

pytestmark = pytest.mark.browser

CHAPTERS = ["tishreen", "solidarity", "peru", "world-situation"]


@pytest.fixture(scope="module")
def phone_tab(browser) -> Iterator[Any]:
    """One phone tab for the module: each test opens its page in it afresh."""
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def laptop_tab(browser) -> Iterator[Any]:
    """One laptop tab for the module: each test opens its page in it afresh."""
    context = browser.new_context(**LAPTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(phone_tab) -> Any:
    """The module's phone tab (a test starts with its own goto)."""
    return phone_tab


@pytest.fixture
def laptop(laptop_tab) -> Iterator[Any]:
    """The module's laptop tab; a test may narrow it or turn it dark, and the next test
    gets it back at 1280 x 900 in light mode whether or not this one passed."""
    yield laptop_tab
    laptop_tab.set_viewport_size(LAPTOP["viewport"])
    laptop_tab.emulate_media(color_scheme="light")


def chapter(built, name: str) -> str:
    return (built / "chapters" / f"{name}.html").as_uri()


def dialog_open(page, which: str) -> bool:
    return page.evaluate(f"document.getElementById('pst-{which}-sidebar-modal').open")


def tab_to(page, test: str, limit: int = 400) -> None:
    """Press Tab until the focused element passes the JS predicate ``test`` (el => bool)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({test})(el); }})()"):
            return
    raise AssertionError(f"Tab never reached an element matching {test}")


@contextlib.contextmanager
def task(what: str, name: str) -> Iterator[None]:
    """Say which task on which chapter failed: several tasks share one test (and one page
    load), so the failure names the task as a test of its own once did."""
    try:
        yield
    except Exception as error:
        raise AssertionError(f"{what} on {name}: {type(error).__name__}: {error}") from error


# ------------------------------------------------- a phone's tasks on a chapter

MEASURE = """() => {
  const p1 = document.getElementById('p1').getBoundingClientRect().top + scrollY;
  const article = document.getElementById('the-article').getBoundingClientRect().height;
  let notes = 0;
  document.querySelectorAll('#the-article .prt-note-markers').forEach(row => {
    const cs = getComputedStyle(row);
    notes += row.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom);
  });
  const targets = [...document.querySelectorAll('a.prt-pnum, .prt-note-marker, .prt-jumpbar a')];
  const small = targets.filter(a => { const r = a.getBoundingClientRect(); return r.width < 24 || r.height < 24; });
  const ext = document.querySelector('#the-article a.prt-ext, a.prt-ext');
  const term = document.querySelector('a.prt-term');
  const look = a => { const s = getComputedStyle(a), after = getComputedStyle(a, '::after');
    return [s.textDecorationStyle, s.color, after.content].join('|'); };
  return {screensToP1: p1 / innerHeight, notesPercent: 100 * notes / article, targets: targets.length,
          smallTargets: small.length, outsideLooksDifferent: !!ext && !!term && look(ext) !== look(term),
          outsideHasWords: !!ext && ext.textContent.includes('opens another website'),
          sideways: document.documentElement.scrollWidth > innerWidth};
}"""


def phone_measurements(phone, name: str, capsys) -> None:
    """¶1 within two screens, closed notes at most 10% of the article, 24 px targets, outside
    links that look and read different, nothing sideways (printed for the closing note)."""
    settled(phone)
    m = phone.evaluate(MEASURE)
    with capsys.disabled():
        print(f"\n{name} at 375x812: {m}")
    assert m["screensToP1"] <= 2.0
    assert m["notesPercent"] <= 10.0
    assert m["targets"] > 20 and m["smallTargets"] == 0
    assert m["outsideLooksDifferent"] and m["outsideHasWords"]
    assert not m["sideways"]


def phone_margin_note_opens_and_closes_in_place(phone) -> None:
    marker = phone.locator("#the-article .prt-note-marker").first
    note = phone.locator("#" + marker.get_attribute("aria-controls"))
    assert not note.is_visible(), "notes start closed on a phone"
    marker.scroll_into_view_if_needed()
    y = phone.evaluate("scrollY")
    marker.tap()
    assert note.is_visible() and marker.get_attribute("aria-expanded") == "true"
    assert note.inner_text().strip()
    marker.tap()
    assert not note.is_visible()
    assert phone.evaluate("scrollY") == y, "opening a note moved the page"


def phone_tap_on_a_glossary_word_shows_its_definition_in_place(phone) -> None:
    url = phone.url
    term = phone.locator("#the-article p.prt-para a.prt-term").first
    term.scroll_into_view_if_needed()
    definition = term.get_attribute("data-definition")
    term.tap()
    panel = phone.get_by_role("dialog", name=term.inner_text().strip())
    assert panel.is_visible()
    assert definition and definition in panel.inner_text()
    assert phone.url == url
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert panel.get_by_role("link", name="Full entry").get_attribute("href").split("/")[-1].startswith("glossary.html#term-")
    panel.get_by_role("button", name="Close").tap()
    assert not panel.is_visible()


def phone_contents_panel_goes_to_a_section_and_gets_out_of_the_way(phone) -> None:
    assert not in_view(phone, "#discussion-questions"), "the questions were on screen before the panel was used"
    phone.get_by_role("button", name="On this page").tap()
    assert dialog_open(phone, "secondary")
    phone.locator("#pst-secondary-sidebar-modal").get_by_role("link", name="Discussion questions").tap()
    assert not dialog_open(phone, "secondary")
    wait_in_view(phone, "#discussion-questions")


def phone_one_tap_from_the_first_screen_reaches_the_questions(phone) -> None:
    jump = phone.locator(".prt-jumpbar").get_by_role("link", name="Questions")
    box = jump.bounding_box()
    assert box and box["y"] + box["height"] <= 812, "the jump bar is not on the first screen"
    jump.tap()
    wait_in_view(phone, "#discussion-questions")
    # A folded block opens when the jump bar leads into it.
    phone.locator(".prt-jumpbar").get_by_role("link", name="Timeline").tap()
    phone.locator("#timeline .prt-fold-body").wait_for(state="visible", timeout=5_000)


def phone_menu_opens_reaches_another_chapter_and_closes(phone, name: str) -> None:
    phone.get_by_role("button", name="Chapters").tap()
    assert dialog_open(phone, "primary")
    menu = phone.locator("#pst-primary-sidebar-modal")
    assert menu.get_by_role("link", name="How to use this book").is_visible()
    phone.keyboard.press("Escape")
    assert not dialog_open(phone, "primary")
    phone.get_by_role("button", name="Chapters").tap()
    menu.get_by_role("button", name="Close").tap()
    assert not dialog_open(phone, "primary")
    other = "peru" if name != "peru" else "tishreen"
    phone.get_by_role("button", name="Chapters").tap()
    menu.locator(f'a[href$="{other}.html"]').first.tap()
    phone.wait_for_url(f"**/chapters/{other}.html")
    assert phone.get_by_role("heading", level=1).is_visible()


@pytest.mark.parametrize("name", CHAPTERS)
def test_phone_tasks_on_a_chapter(phone, built, name, capsys):
    """The six tasks that were a test each, on two page loads: the first four leave the
    page as they found it but scrolled (the contents task, which reads where the page is,
    comes last and checks that the questions were off screen before); the jump bar needs
    the first screen, so a fresh load; the menu, used from wherever the reader is, leaves
    for another chapter, so it comes last."""
    phone.goto(chapter(built, name))
    with task("measurements", name):
        phone_measurements(phone, name, capsys)
    with task("margin note", name):
        phone_margin_note_opens_and_closes_in_place(phone)
    with task("glossary word", name):
        phone_tap_on_a_glossary_word_shows_its_definition_in_place(phone)
    with task("contents panel", name):
        phone_contents_panel_goes_to_a_section_and_gets_out_of_the_way(phone)
    phone.goto(chapter(built, name))
    with task("jump bar", name):
        phone_one_tap_from_the_first_screen_reaches_the_questions(phone)
    with task("menu", name):
        phone_menu_opens_reaches_another_chapter_and_closes(phone, name)


def test_laptop_menu_button_hides_and_shows_the_sidebar_by_mouse_and_keyboard(laptop, built):
    laptop.goto(chapter(built, "peru"))
    sidebar = laptop.locator("#pst-primary-sidebar")
    button = laptop.get_by_role("button", name="Chapters")
    assert sidebar.is_visible() and button.get_attribute("aria-expanded") == "true"
    search = laptop.get_by_role("button", name=re.compile("^Search")).or_(laptop.get_by_role("searchbox"))
    shown = [s for s in search.all() if s.is_visible()]
    assert len(shown) == 1, "one search control on a laptop, not two"
    assert shown[0].evaluate("el => !!el.closest('.bd-header-article') && el.getBoundingClientRect().top < 60"), \
        "search is not at the top of the page"
    button.click()
    sidebar.wait_for(state="hidden")
    assert button.get_attribute("aria-expanded") == "false"
    laptop.locator(".bd-header-article").get_by_role("button", name=re.compile("^Search")).click()
    laptop.get_by_role("searchbox").last.wait_for(state="visible")
    laptop.keyboard.press("Escape")
    button.click()
    sidebar.wait_for(state="visible")
    laptop.goto(chapter(built, "peru"))
    tab_to(laptop, "el => el.classList.contains('primary-toggle')")
    laptop.keyboard.press("Enter")
    sidebar.wait_for(state="hidden")
    laptop.keyboard.press("Enter")
    sidebar.wait_for(state="visible")
    laptop.locator("#pst-primary-sidebar").get_by_role("link", name="Building Class Solidarity in Repressive Iraq").first.click()
    laptop.wait_for_url("**/chapters/solidarity.html")


def test_narrow_window_menu_opens_by_keyboard_and_escape_closes(laptop, built):
    laptop.set_viewport_size({"width": 800, "height": 900})
    laptop.goto(chapter(built, "tishreen"))
    tab_to(laptop, "el => el.classList.contains('primary-toggle')")
    laptop.keyboard.press("Enter")
    assert dialog_open(laptop, "primary")
    laptop.keyboard.press("Escape")
    assert not dialog_open(laptop, "primary")
    # The focus comes back to the button just after the dialog's close event (nav.js): a
    # check in the same moment failed now and then on a busy machine.
    laptop.wait_for_function("() => document.activeElement.classList.contains('primary-toggle')", timeout=5_000)


def test_laptop_margin_notes_sit_beside_the_text_in_order(laptop, built):
    laptop.goto(chapter(built, "peru"))
    settled(laptop)
    boxes = laptop.evaluate("""() => {
      const text = document.querySelector('#the-article p.prt-para').getBoundingClientRect();
      return [...document.querySelectorAll('#the-article aside.margin')].map(n => {
        const r = n.getBoundingClientRect(); return {left: r.left, top: r.top + scrollY, textRight: text.right};
      });
    }""")
    assert boxes and all(b["left"] >= b["textRight"] - 1 for b in boxes), "a note sits in the text"
    tops = [b["top"] for b in boxes]
    assert tops == sorted(tops), "notes are out of text order"
    more = laptop.locator("#the-article .prt-note-more").first
    if more.count():
        more.click()
        assert more.get_attribute("aria-expanded") == "true"


def test_laptop_glossary_word_by_mouse_and_by_keyboard(laptop, built):
    url = chapter(built, "tishreen")
    laptop.goto(url)
    term = laptop.locator("#the-article p.prt-para a.prt-term").first
    term.click()
    panel = laptop.locator("#prt-term-panel")
    assert panel.is_visible() and laptop.url == url
    laptop.mouse.click(5, 880)
    assert not panel.is_visible()
    tab_to(laptop, "el => el.matches('#the-article p.prt-para a.prt-term')")
    laptop.keyboard.press("Enter")
    assert panel.is_visible() and laptop.url == url
    assert laptop.evaluate("document.activeElement.id") == "prt-term-panel"
    laptop.keyboard.press("Escape")
    assert not panel.is_visible()
    assert laptop.evaluate("document.activeElement.matches('a.prt-term')")


# ------------------------------------------------------------------ exercises

def _tap(page, locator, touch: bool) -> None:
    (locator.tap if touch else locator.click)()


#: The book's answers to one chapter's exercises kept in this browser (exercise ids begin
#: with their chapter's name; exercises.js keeps each as "prt-answer:<id>").
KEPT = "name => Object.keys(localStorage).filter(k => k.startsWith('prt-answer:' + name + '-'))"


@pytest.fixture
def exercises_page(request, built, name, device) -> Any:
    """The chapter's exercise page in the module's tab of the device the test is for
    (phone: touch). The tab keeps localStorage from test to test, and an answer restored
    from an earlier test would check a box before the reader touched it; no other test in
    the tab answers this chapter's exercises, and the page is checked to start unanswered."""
    page = request.getfixturevalue("phone" if device == "phone" else "laptop")
    page.goto((built / "exercises" / f"{name}.html").as_uri())
    kept = page.evaluate(KEPT, name)
    assert not kept and not page.locator(".prt-exercise input:checked").count(), f"answers kept from before: {kept}"
    return page


def matching_shows_each_whole_answer_and_checks_it(page, device: str) -> None:
    """Each answer is written out whole, once, lettered; each item has its own menu. The
    reader picks a letter for the first item (the phone's picker), then checks; a pair
    still wrong is lit where it is and its feedback line leads to it."""
    box = page.locator('.prt-exercise[data-kind="matching"]').first
    answers = box.locator(".prt-match-rights li").all()
    longest = max(answers, key=lambda li: len(li.inner_text()))
    longest.scroll_into_view_if_needed()
    spec_text = longest.inner_text().strip()
    assert page.evaluate("""el => el.scrollWidth <= el.clientWidth + 1""", longest.element_handle())
    assert longest.bounding_box()["x"] + longest.bounding_box()["width"] <= page.viewport_size["width"]
    assert len(spec_text) > 40 and "…" not in spec_text
    menu = box.locator(".prt-match-item").first.get_by_role("combobox")
    menu.scroll_into_view_if_needed()
    assert menu.bounding_box()["height"] >= 24 and menu.bounding_box()["width"] <= page.viewport_size["width"]
    letter = longest.get_attribute("data-right")
    menu.select_option(letter)
    assert box.locator(".prt-match-item").first.locator("option:checked").inner_text().startswith("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[int(letter)])
    _tap(page, box.get_by_role("button", name="Check"), device == "phone")
    feedback = box.locator(".prt-feedback")
    assert feedback.inner_text().strip()
    link = feedback.locator("a.prt-look-link").first
    link.wait_for()
    _tap(page, link, device == "phone")
    item = box.locator(".prt-match-item.prt-match-wrong").first
    assert item.locator(".prt-match-look").is_visible()
    assert page.evaluate("el => el.contains(document.activeElement)", item.element_handle())
    box_in_view = item.bounding_box()
    assert 0 <= box_in_view["y"] and box_in_view["y"] + box_in_view["height"] <= page.viewport_size["height"]


def a_paragraph_link_in_feedback_leads_to_that_paragraph(page, name: str, device: str) -> None:
    """On a phone by tap; on a laptop by keyboard alone."""
    link = None
    for box in page.locator('.prt-exercise[data-kind="choice"]').all():
        for option in box.locator(".prt-ex-body label").all():
            if device == "phone":
                option.tap()
                box.get_by_role("button", name="Check").tap()
            else:
                option.locator("input").focus()
                page.keyboard.press("Space")
                box.get_by_role("button", name="Check").focus()
                page.keyboard.press("Enter")
            found = box.locator(".prt-feedback a.prt-para-link")
            if found.count():
                link = found.first
                break
        if link:
            break
    assert link is not None, "no feedback on this page names a ¶"
    number = link.inner_text().strip().lstrip("¶")
    if device == "phone":
        link.tap()
    else:
        link.focus()
        page.keyboard.press("Enter")
    page.wait_for_url(f"**/chapters/{name}.html#p{number}")
    wait_in_view(page, f"#p{number}")
    assert page.evaluate(f"document.querySelector('#p{number}').matches(':target')")


@pytest.mark.parametrize("name", CHAPTERS)
@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_exercises_matching_then_a_paragraph_link_in_feedback(exercises_page, name, device):
    """Two tasks on one load of the exercise page (they were a test each): a matching
    answer shown whole and checked (tap, or mouse), then a choice whose feedback names a
    ¶, followed to that ¶ (tap, or keyboard alone). They answer different exercises."""
    with task(f"matching by {'tap' if device == 'phone' else 'mouse'}", f"{name}'s exercises"):
        matching_shows_each_whole_answer_and_checks_it(exercises_page, device)
    with task(f"¶ link in feedback by {'tap' if device == 'phone' else 'keyboard'}", f"{name}'s exercises"):
        a_paragraph_link_in_feedback_leads_to_that_paragraph(exercises_page, name, device)


def test_reset_asks_before_it_erases(browser, built):
    """In a context of its own: the phone's tab has answered this page's exercises."""
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto((built / "exercises" / "peru.html").as_uri())
    box = phone.locator('.prt-exercise[data-kind="choice"]').first
    option = box.locator(".prt-ex-body input").first
    option.check()
    phone.once("dialog", lambda d: d.dismiss())
    box.get_by_role("button", name="Reset").tap()
    assert option.is_checked(), "Reset erased the answer though the reader said no"
    phone.once("dialog", lambda d: d.accept())
    box.get_by_role("button", name="Reset").tap()
    assert not option.is_checked()
    context.close()


# ------------------------------------------------------------ glossary page, search

def test_phone_glossary_page_shows_one_chapters_words(phone, built):
    phone.goto(chapter(built, "peru"))
    phone.locator(".prt-jumpbar").get_by_role("link", name="Timeline").tap()  # any fold opens the rest by tap
    words = phone.locator("#words-in-this-chapter")
    toggle = words.locator(".prt-fold-toggle")
    if toggle.count():
        toggle.tap()
    words.locator("dl.prt-chapter-terms > dt").first.wait_for()  # the words, a block loaded when shown
    listed = words.locator("dl.prt-chapter-terms > dt").count()
    words.get_by_role("link", name="These words alone in the glossary").tap()
    phone.wait_for_url("**/glossary.html?chapter=peru")
    shown = phone.locator("dl.prt-glossary > dt:visible")
    assert shown.count() == listed
    assert phone.get_by_role("status").inner_text().startswith(f"{listed} words of the")
    phone.get_by_label("Show the words of").select_option("")
    assert phone.locator("dl.prt-glossary > dt:visible").count() > listed


def test_search_for_a_term_lands_on_the_term_with_context(laptop, built, http_root):
    page = laptop
    errors: list[str] = []
    record = lambda m: errors.append(m.text) if m.type == "error" else None
    page.on("console", record)
    try:
        search_lands_on_the_term_with_context(page, built, http_root, errors)
    finally:
        page.remove_listener("console", record)


def search_lands_on_the_term_with_context(page, built, http_root: str, errors: list[str]) -> None:
    page.goto(f"{http_root}/search.html?q=rondas")
    first = page.locator("#search-results li").first
    first.wait_for(timeout=10000)
    assert "glossary entry, in Glossary" in first.inner_text()
    page.locator("#search-results li a").first.click()
    page.wait_for_url("**/glossary.html#term-rondas-campesinas")
    assert in_view(page, "#term-rondas-campesinas")
    # Over http the hits of ordinary pages show a snippet of their text.
    page.goto(f"{http_root}/search.html?q=Juliaca")
    page.locator("#search-results p.context").first.wait_for(timeout=10000)
    # A snippet quotes what a reader sees, not the words written for screen readers.
    page.goto(f"{http_root}/search.html?q=soviet")
    page.get_by_text(re.compile("Search finished")).wait_for(timeout=20000)
    page.wait_for_load_state("networkidle")
    snippets = page.locator("#search-results p.context").all_inner_texts()
    assert len(snippets) > 3 and not [s for s in snippets if t("nav.outside_link").strip() in s]
    # From file:// (a USB stick) search works too, without snippets and without errors.
    page.goto((built / "search.html").as_uri() + "?q=rondas")
    page.locator("#search-results li").first.wait_for(timeout=10000)
    settled(page)
    assert errors == []


# ------------------------------------------------------------------ dark mode

@pytest.mark.parametrize("page_name", ["chapters/peru.html", "exercises/tishreen.html"])
def test_dark_mode_outputs_have_no_light_frame(laptop, built, page_name):
    page = laptop
    page.emulate_media(color_scheme="dark")
    page.goto((built / page_name).as_uri())
    page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'", timeout=10_000)
    settled(page)
    light = page.evaluate("""() => {
      const lum = c => { const m = c.match(/[\\d.]+/g); if (!m || (m.length > 3 && +m[3] === 0)) return 0;
        return (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]) / 255; };
      const out = [];
      document.querySelectorAll('.cell_output').forEach(cell => {
        [cell, ...cell.querySelectorAll('*')].forEach(el => {
          if (el.matches('button, input, select, option, svg *, .prt-card, mark')) return;
          if (lum(getComputedStyle(el).backgroundColor) > 0.5) out.push(el.tagName + '.' + el.className);
        });
      });
      return out.slice(0, 5);
    }""")
    assert light == []


def test_when_the_browser_will_not_store_the_page_says_so_and_claims_nothing(browser, built):
    """Private windows, full or disabled storage: setItem throws. The reader is told that
    answers are not being kept and how to keep them; no message says "saved"."""
    context = browser.new_context(**PHONE)
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page = context.new_page()
    page.goto((built / "exercises" / "tishreen.html").as_uri())
    notes = page.locator('[data-exercise="tishreen-our-situation"]')
    notes.locator("textarea").fill("Water cuts matter most here.")
    notes.get_by_role("button", name="Save notes").tap()
    notice = notes.get_by_role("alert")
    assert notice.is_visible() and "not keeping your answers" in notice.inner_text()
    assert "Copy what you wrote" in notice.inner_text()
    feedback = notes.locator(".prt-feedback").inner_text()
    assert "Notes saved" not in feedback and "not saved" in feedback
    page.goto((built / "chapters" / "peru.html").as_uri())
    page.get_by_role("button", name="Flag or note ¶3", exact=True).tap()
    form = page.get_by_role("form", name="Your flag or note on ¶3")
    form.get_by_role("button", name="I want to discuss this").tap()
    form.get_by_role("button", name="Save").tap()
    assert "not keeping notes" in form.get_by_role("status").inner_text()
    page.goto((built / "my-answers.html").as_uri())
    assert "is not keeping anything new" in page.locator(".prt-ma-status").inner_text()
    context.close()
