"""What a reader does stays on the device even when the browser drops a localStorage write
(static/store.js). Opened from file://, Chromium sometimes did: the writing page read its
own copy, the next page an older value or nothing. Here localStorage is made to drop
every write of the book's own keys, from the start or after an answer was kept, as that
browser did to some; the store's IndexedDB record must bring everything back."""

from __future__ import annotations

import pytest
from flows import answer_every_kind, flag
from helpers import PHONE, kept, open_kept

pytestmark = pytest.mark.browser

#: localStorage keeps no change to the book's keys; keepAnyway() writes one past that.
#: (A switch held in sessionStorage did not work: on file:// it lost a write too.)
DROP_WRITES = """(() => {
  const set = Storage.prototype.setItem, remove = Storage.prototype.removeItem;
  const ours = (store, key) => store === window.localStorage && /^prt-(answer|first|para|cards):/.test(key);
  Storage.prototype.setItem = function (key, value) { if (!ours(this, key)) set.call(this, key, value); };
  Storage.prototype.removeItem = function (key) { if (!ours(this, key)) remove.call(this, key); };
  window.keepAnyway = (key, value) => set.call(window.localStorage, key, value);
})();"""
RAW = "() => Object.keys(localStorage).filter(k => k.startsWith('prt-')).sort()"


def _page(browser, built):
    context = browser.new_context(**PHONE)
    context.add_init_script(DROP_WRITES)
    return context, context.new_page()


def test_answers_and_flags_whose_writes_localstorage_dropped_come_back(browser, built):
    context, page = _page(browser, built)
    answer_every_kind(page, built)
    flag(page, built, "peru", 3, "I want to discuss this")
    assert page.evaluate(RAW) == [], "localStorage kept a write: the loss was not played"

    open_kept(page, (built / "my-answers.html").as_uri())
    listed = page.locator(".prt-ma-list").inner_text()
    assert "Water cuts matter most here." in listed and "¶3" in listed, listed
    assert page.locator(".prt-ma-list li").count() == 9, listed  # an answer of each of 8 kinds, a flag
    open_kept(page, (built / "exercises" / "tishreen.html").as_uri())
    assert page.locator('[data-exercise="tishreen-our-situation"] textarea').input_value() == "Water cuts matter most here."
    assert page.locator('[data-exercise="tishreen-who-protested"] .prt-ex-body input').first.is_checked()
    first = page.evaluate("() => JSON.parse(window.PRT.store.getItem('prt-first:tishreen-who-protested'))")
    assert first["answer"] == [0] and first["correct"] is False, first  # the first answer came back too
    open_kept(page, (built / "chapters" / "peru.html").as_uri())
    assert "I want to discuss this" in page.locator("#p3 .prt-flag-badge").inner_text()
    context.close()


def test_an_erasure_localstorage_dropped_stays_erased(browser, built):
    context, page = _page(browser, built)
    answer_every_kind(page, built)
    # localStorage kept the answers (as it mostly does), then drops their erasure.
    page.evaluate("() => { for (let i = 0; i < PRT.store.length; i++) keepAnyway(PRT.store.key(i), PRT.store.getItem(PRT.store.key(i))); }")
    open_kept(page, (built / "my-answers.html").as_uri())
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Erase everything this book stored").tap()
    kept(page)
    assert page.evaluate(RAW), "localStorage dropped nothing: the loss was not played"
    open_kept(page, (built / "my-answers.html").as_uri())
    assert "Nothing from this book is stored" in page.locator(".prt-ma-status").inner_text()
    open_kept(page, (built / "exercises" / "tishreen.html").as_uri())
    assert page.locator('[data-exercise="tishreen-our-situation"] textarea').input_value() == ""
    context.close()


def test_answers_kept_before_the_record_existed_are_recorded(browser, built):
    """A reader's answers from a book without the record are in localStorage alone: the
    first page opened records them, so a later dropped write cannot take them away."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto((built / "index.html").as_uri())
    page.evaluate("""() => localStorage.setItem('prt-answer:tishreen-our-situation', JSON.stringify({notes: 'From last year.'}))""")
    open_kept(page, (built / "my-answers.html").as_uri())
    kept(page)
    recorded = page.evaluate("""() => new Promise(done => { const r = indexedDB.open('prt-store');
      r.onsuccess = () => { const q = r.result.transaction('entries').objectStore('entries').get('prt-answer:tishreen-our-situation');
        q.onsuccess = () => done(q.result); }; })""")
    assert recorded == '{"notes":"From last year."}'
    context.close()
