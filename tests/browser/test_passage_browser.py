"""Click the passage, as a reader does it: on a phone by tapping the paragraph itself,
on a laptop by keyboard alone; a wrong ¶ gets its reason and a second try, the right one
is named with why; the answer is kept, comes back after a reload, and every card is a
target a thumb can hit. Screenshots (phone and laptop, light and dark) for the note."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import LAPTOP, PHONE, axe_serious, open_kept, reload_kept

from book.course.load import course
from book.course.paragraphs import course_articles, same_words

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "_build" / "passage-shots"
EXERCISES = [ex for ex in course().exercises.values() if ex.kind == "passage"]


def _box(page, ex):
    return page.locator(f'[data-exercise="{ex.id}"]')


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda ex: ex.id)
def test_a_phone_taps_a_paragraph_gets_a_second_try_then_the_right_one(browser, built, ex):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    open_kept(page, (built / "exercises" / f"{ex.chapter}.html").as_uri())
    box = _box(page, ex)
    cards = box.locator("label.prt-passage")
    assert cards.count() == len(ex.candidates)
    article = course_articles()[ex.chapter]
    for n, anchor in enumerate(ex.candidates):  # each card shows its ¶ whole, in the chapter's words
        card = cards.nth(n)
        assert card.locator(".prt-passage-mark").inner_text() == f"¶{anchor[1:]}"
        assert same_words(card.locator(".prt-passage-text").inner_text(), article.get(anchor).text)
        size = card.bounding_box()
        assert size["height"] >= 24 and size["width"] >= 300, (anchor, size)  # a thumb's target, the screen's width

    wrong = next(a for a in ex.candidates if a != ex.answer)
    cards.nth(ex.candidates.index(wrong)).locator(".prt-passage-text").tap()
    assert box.locator(f'input[value="{wrong}"]').is_checked()
    box.get_by_role("button", name="Check").tap()
    feedback = box.locator(".prt-feedback")
    feedback.get_by_text("Read the claim again, and try another paragraph.").wait_for()
    assert ex.feedback[wrong][:50] in feedback.inner_text()
    assert f"¶{ex.answer[1:]} is the one" not in feedback.inner_text()  # the second bite is the reader's

    cards.nth(ex.candidates.index(ex.answer)).locator(".prt-passage-text").tap()
    box.get_by_role("button", name="Check").tap()
    feedback.get_by_text(f"¶{ex.answer[1:]} is the one.").wait_for()
    assert ex.why[:50] in feedback.inner_text()

    reload_kept(page)  # the answer is kept on the device
    assert _box(page, ex).locator(f'input[value="{ex.answer}"]').is_checked()
    if ex is EXERCISES[0]:
        SHOTS.mkdir(parents=True, exist_ok=True)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            _box(page, ex).scroll_into_view_if_needed()
            _box(page, ex).screenshot(path=str(SHOTS / f"phone-{scheme}.png"))
    context.close()


def test_a_laptop_answers_by_keyboard_alone(browser, built):
    ex = next(e for e in EXERCISES if e.chapter == "tishreen")
    context = browser.new_context(**LAPTOP, bypass_csp=True)  # so that axe can be injected
    page = context.new_page()
    open_kept(page, (built / "exercises" / "tishreen.html").as_uri())
    box = _box(page, ex)
    box.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")  # the first ¶, chosen from the keyboard
    for _ in range(ex.candidates.index(ex.answer)):
        page.keyboard.press("ArrowDown")  # the radio group: arrows move the choice
    assert box.locator(f'input[value="{ex.answer}"]').is_checked()
    focused = page.evaluate("() => document.activeElement.value")
    assert focused == ex.answer
    for _ in range(5):  # out of the group (one Tab stop), then to Check
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('prt-check')"):
            break
    assert page.evaluate("() => document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    box.locator(".prt-feedback").get_by_text(f"¶{ex.answer[1:]} is the one.").wait_for()
    assert axe_serious(page, f"document.querySelector('[data-exercise=\"{ex.id}\"]')") == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        box.screenshot(path=str(SHOTS / f"laptop-{scheme}.png"))
    context.close()
