"""Issue 25, the member's side, done as a member does it on a phone (375 x 812, touch,
taps): a flag chosen then closed is kept and each kind has its own mark; the send step
leaves private notes out unless ticked, gives the answers in words and names the file;
every chapter says what to do before the week's session, with links that resolve, and
offers "Continue at ¶n" where the reader left off without moving the page; a short
answer's verdict follows its ticks."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bookfiles import CHAPTERS
from flows import export, flag_and_close
from helpers import PHONE, kept, open_kept, reload_kept, wait_in_view

from book.course.load import course

pytestmark = pytest.mark.browser


def _mark(page, selector: str) -> dict:
    """What a flag's mark looks like: its symbol (::before), its shape (mask) and colours."""
    return page.eval_on_selector(selector, """el => {
      const mark = el.querySelector('.prt-mark'), before = getComputedStyle(mark, '::before');
      const style = getComputedStyle(el);
      return {symbol: before.content, shape: getComputedStyle(mark).maskImage || getComputedStyle(mark).webkitMaskImage,
              color: style.color, background: style.backgroundColor, flag: el.dataset.flag,
              width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height};
    }""")


def test_a_flag_chosen_then_closed_is_kept_and_each_kind_has_its_own_mark(browser, built):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    flag_and_close(page, built, "tishreen", 4, "I don't understand this")
    flag_and_close(page, built, "tishreen", 6, "I want to discuss this")
    open_kept(page, (built / "chapters" / "tishreen.html").as_uri())  # the chapter, reopened
    confused, discuss = _mark(page, "#p4 .prt-flag-btn"), _mark(page, "#p6 .prt-flag-btn")
    plain = _mark(page, "#p5 .prt-flag-btn")
    assert (confused["flag"], discuss["flag"], plain["flag"]) == ("confused", "discuss", "")
    assert confused["symbol"] == '"?"' and discuss["shape"] not in ("", "none") and plain["symbol"] == '"⚑"'
    assert confused["background"] != discuss["background"], "the two kinds share a colour"
    assert min(confused["width"], confused["height"], discuss["width"], discuss["height"]) >= 24
    assert "I don't understand this" in page.locator("#p4 .prt-flag-badge").inner_text()
    assert "I want to discuss this" in page.locator("#p6 .prt-flag-badge").inner_text()
    # Screen readers: the button is described by the badge's words.
    assert page.locator("#p4 .prt-flag-btn").get_attribute("aria-describedby") == "prt-flag-badge-4"
    # A note typed, then Close: kept too.
    button = page.get_by_role("button", name="Flag or note ¶8", exact=True)
    button.scroll_into_view_if_needed()
    button.tap()
    form = page.get_by_role("form", name="Your flag or note on ¶8")
    form.get_by_label("Note (kept on this device)").fill("Who are the Sadrists?")
    form.get_by_role("button", name="Close").tap()
    reload_kept(page)
    assert "Who are the Sadrists?" in page.locator("#p8 .prt-flag-badge").inner_text()
    assert _mark(page, "#p8 .prt-flag-btn")["flag"] == "note"

    open_kept(page, (built / "my-answers.html").as_uri())
    listed = page.locator(".prt-ma-list").inner_text()
    assert "¶4 I don't understand this" in listed and "¶6 I want to discuss this" in listed and "¶8" in listed
    context.close()


def _answer(page, built) -> tuple[str, str]:
    """A choice and a discussion note on Peru's exercises; the choice's words and the note."""
    open_kept(page, (built / "exercises" / "peru.html").as_uri())
    choice = page.locator('.prt-exercise[data-kind="choice"]').first
    option = choice.locator(".prt-ex-body label").first
    option.tap()
    choice.get_by_role("button", name="Check").tap()
    note = "My private thought on our town."
    discussion = page.locator('.prt-exercise[data-kind="discussion"]').first
    discussion.locator("textarea").fill(note)
    discussion.get_by_role("button", name="Save notes").tap()
    kept(page)
    return option.inner_text().strip(), note


def test_the_send_step_gives_words_names_the_file_and_keeps_private_notes_unless_ticked(browser, built, tmp_path):
    context = browser.new_context(accept_downloads=True, **PHONE)
    page = context.new_page()
    chosen, note = _answer(page, built)
    flag_and_close(page, built, "peru", 3, "I want to discuss this")

    file = export(page, built, "Zaid", tmp_path)
    data = json.loads(file.read_text(encoding="utf-8"))
    assert "discussion" not in {a["kind"] for a in data["answers"]} and "choice" in {a["kind"] for a in data["answers"]}
    assert note not in file.read_text(encoding="utf-8")
    code = data["member"][:4]
    assert re.fullmatch(rf"answers-zaid-\d{{4}}-\d\d-\d\d-{code}\.json", file.name)
    status = page.locator(".prt-ma-export-status").inner_text()
    assert file.name in status and "Downloads" in status and "chat with the facilitator" in status
    summary = page.get_by_label("What you send, as text").input_value()
    assert f"Zaid · {code.upper()}" in summary and chosen in summary and note not in summary
    assert "¶3 I want to discuss this" in summary
    words = page.evaluate("() => JSON.parse(window.PRT.store.getItem('prt-para:peru:3')).words")
    assert words and words.split()[0] in summary, "the flagged ¶'s first words are quoted"
    page.get_by_role("button", name="Copy the text").tap()
    page.wait_for_function("() => document.querySelector('.prt-ma-copy-status').textContent.trim().length > 0")
    assert page.evaluate("() => [...document.querySelectorAll('a')].filter(a => !a.hasAttribute('href')).length") == 0

    page.get_by_label("Include my private notes (discussion exercises)").check()
    assert note in page.get_by_label("What you send, as text").input_value()
    with page.expect_download() as info:
        page.get_by_role("button", name="Save the file").tap()
    path = tmp_path / ("private-" + info.value.suggested_filename)
    info.value.save_as(path)
    private = json.loads(path.read_text(encoding="utf-8"))
    assert [a["answer"]["notes"] for a in private["answers"] if a["kind"] == "discussion"] == [note]
    assert private["member"] == data["member"], "one device, one member id"
    context.close()


def test_the_file_goes_through_the_share_menu_where_the_phone_takes_it(browser, built):
    """A phone whose share menu takes the file (navigator.canShare says yes): the button
    offers to share, and the file handed over is the answer file."""
    context = browser.new_context(**PHONE)
    context.add_init_script("""(() => {
      navigator.canShare = data => !!(data && data.files && data.files.length);
      navigator.share = data => data.files[0].text().then(text => { window.sharedFile = {name: data.files[0].name, text}; });
    })();""")
    page = context.new_page()
    flag_and_close(page, built, "peru", 3, "I don't understand this")
    open_kept(page, (built / "my-answers.html").as_uri())
    page.get_by_label("Pseudonym").fill("Amal")
    page.get_by_role("button", name="Share the file").tap()
    page.wait_for_function("() => window.sharedFile")
    shared = page.evaluate("() => window.sharedFile")
    assert shared["name"].startswith("answers-amal-")
    assert json.loads(shared["text"])["notes"][0]["flag"] == "confused"
    assert shared["name"] in page.locator(".prt-ma-export-status").inner_text()
    context.close()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth, self.hrefs, self.ids, self.inside = 0, [], set(), False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "section" and "prt-before" in (attrs.get("class") or "").split():
            self.inside, self.depth = True, 0
        if self.inside:
            self.depth += tag == "section"
            if tag == "a":
                self.hrefs.append(attrs.get("href"))

    def handle_endtag(self, tag):
        if self.inside and tag == "section":
            self.depth -= 1
            self.inside = self.depth > 0


def _ids(path: Path) -> set[str]:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_says_what_to_do_before_the_session_with_links_that_resolve(built, name):
    page = built / "chapters" / f"{name}.html"
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    exercises = course().chapter_exercises(name)
    assert len(parser.hrefs) >= len(exercises) + 4, parser.hrefs  # read, each exercise, questions, how, send
    for href in parser.hrefs:
        target, _, anchor = href.partition("#")
        file = (page.parent / target).resolve() if target else page
        assert file.is_file(), href
        assert not anchor or anchor in _ids(file), href
    for ex in exercises:
        assert f"../exercises/{name}.html#ex-{ex.id}" in parser.hrefs
    assert "../my-answers.html#send" in parser.hrefs and "../how-to-use.html#htu-flags" in parser.hrefs


def test_continue_at_the_paragraph_left_off_without_moving_the_page(browser, built):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    url = (built / "chapters" / "solidarity.html").as_uri()
    open_kept(page, url)
    line = page.locator(".prt-continue-link")
    assert line.inner_text().startswith("Start reading at ¶1")
    first = page.locator("#p1").bounding_box()["y"]
    for _ in range(12):  # a reader's thumb, flick after flick, into the article
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(50)
    page.wait_for_timeout(1200)  # the position is kept once the scrolling pauses
    kept(page)
    left_at = page.evaluate("() => JSON.parse(window.PRT.store.getItem('prt-read:solidarity'))")
    assert left_at > 1
    assert page.evaluate(f"() => document.getElementById('p{left_at}').getBoundingClientRect().top") <= 80

    open_kept(page, url)  # the member comes back to the chapter
    assert page.evaluate("() => window.scrollY") == 0, "the page moved by itself"
    assert line.inner_text().startswith(f"Continue at ¶{left_at}")
    assert page.locator("#p1").bounding_box()["y"] == first, "the offer shifted the page"
    line.tap()
    page.wait_for_url(f"**/solidarity.html#p{left_at}")
    wait_in_view(page, f"#p{left_at}")
    context.close()


def test_a_short_answers_verdict_follows_its_ticks_without_a_second_compare(browser, built):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    open_kept(page, (built / "exercises" / "tishreen.html").as_uri())
    box = page.locator('.prt-exercise[data-kind="short"]').first
    box.locator("textarea").fill("The uprising lacked organisation, a party and a program that tied its "
                                 "demands to the question of power, so the regime outlasted it.")
    box.get_by_role("button", name="Compare with a model answer").tap()
    feedback = box.locator(".prt-feedback")
    total = box.locator(".prt-tick").count()
    assert f"0 of {total}" in feedback.inner_text()
    box.locator(".prt-option").filter(has=page.locator(".prt-tick")).first.tap()
    assert f"1 of {total}" in feedback.inner_text()
    box.locator(".prt-option").filter(has=page.locator(".prt-tick")).nth(1).tap()
    assert f"2 of {total}" in feedback.inner_text()
    reload_kept(page)
    assert box.locator(".prt-tick:checked").count() == 2
    assert f"2 of {total}" in feedback.inner_text()
    context.close()
