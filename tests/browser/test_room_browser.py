"""The room in Chromium: three phones (375x812, touch) on the room's address 127.0.0.2
(not 127.0.0.1) join, answer a question in round 1 (one of them offline: its outbox
delivers when it is back) and round 2, see the feedback only after Reveal, and flag a
¶; the projector counts round 1 beside round 2 and shows the key. Screenshots of the
projector and a phone go to _build/room-shots/."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from book.course.load import course
from roomkit import start

SECRET = "browser-test-secret"
EXERCISE = "tishreen-who-protested"
SHOTS = Path(__file__).resolve().parents[2] / "_build" / "room-shots"
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def room(tmp_path, built):
    server = start(tmp_path / "answers", built, secret=SECRET)
    yield server
    server.stop()


def control(room, action, **kw):
    with httpx.Client(base_url=room.url.rstrip("/"), timeout=10) as c:
        r = c.post("/_room/api/control", json={"action": action, **kw}, headers={"X-Room-Secret": SECRET})
        assert r.status_code == 200, r.text


def choose(page, option: int) -> None:
    box = page.locator(f'.prt-exercise[data-exercise="{EXERCISE}"]')
    box.locator(f'input[value="{option}"]').check()
    box.locator(".prt-room-send").click()


def said(page, text: str) -> None:
    page.wait_for_function(
        "([id, text]) => (document.querySelector(`.prt-exercise[data-exercise=\"${id}\"] .prt-room-said`) || {}).textContent === text",
        arg=[EXERCISE, text], timeout=20_000)


def counts(projector, round_: str) -> list[int]:
    return [int(n) for n in projector.locator(f'.room-round[data-round="{round_}"] .room-count').all_inner_texts()]


def test_phones_take_part_in_rounds_offline_and_back_and_the_projector_counts(browser, room):
    assert room.url.startswith("http://127.0.0.2:")
    ex = course().exercises[EXERCISE]
    right = next(i for i, o in enumerate(ex.options) if o.correct)
    SHOTS.mkdir(parents=True, exist_ok=True)
    contexts = [browser.new_context(**PHONE) for _ in range(3)]
    violations: list[str] = []
    phones = []
    for n, ctx in enumerate(contexts):
        page = ctx.new_page()
        page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
        page.goto(room.url + "exercises/tishreen.html")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        page.fill("#prt-room-name", f"Phone {n}")
        page.locator(".prt-room-bar button[type=submit]").click()
        page.wait_for_selector(".prt-room-me")
        phones.append(page)
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    projector = desk.new_page()
    projector.goto(room.url + "_room/projector")
    projector.wait_for_function("() => document.querySelector('.room-join')")

    control(room, "open", exercise=EXERCISE)
    for page in phones:
        page.wait_for_function("() => document.querySelector('.prt-room-hold')", timeout=10_000)
    # Round 1: two phones online, the third offline until after it answered.
    wrong = [i for i in range(len(ex.options)) if i != right]
    choose(phones[0], wrong[0])
    choose(phones[1], wrong[1])
    contexts[2].set_offline(True)
    choose(phones[2], right)
    phones[2].wait_for_function("() => /waiting/.test(document.querySelector('.prt-room-status').textContent)")
    phones[2].locator(".prt-check").first.wait_for()
    for page in phones[:2]:
        said(page, "Sent to the room (round 1).")
    # No feedback in round 1, even on Check.
    box = phones[0].locator(f'.prt-exercise[data-exercise="{EXERCISE}"]')
    box.locator(".prt-check").click()
    assert not box.locator(".prt-feedback").is_visible()
    assert box.locator(".prt-room-held").is_visible()
    box.scroll_into_view_if_needed()
    phones[0].screenshot(path=str(SHOTS / "phone-round1.png"))
    contexts[2].set_offline(False)
    said(phones[2], "Sent to the room (round 1).")
    projector.wait_for_function("() => [...document.querySelectorAll('.room-round[data-round=\"1\"] .room-count')]"
                                ".reduce((a, b) => a + Number(b.textContent), 0) === 3", timeout=5_000)
    # Round 2: everyone to the right answer.
    control(room, "round2")
    for page in phones:
        page.wait_for_function("() => /Round 2/.test(document.querySelector('.prt-room-line').textContent)")
        choose(page, right)
        said(page, "Sent to the room (round 2).")
    projector.wait_for_function("() => [...document.querySelectorAll('.room-round[data-round=\"2\"] .room-count')]"
                                ".reduce((a, b) => a + Number(b.textContent), 0) === 3", timeout=5_000)
    assert [counts(projector, "1")[i] for i in (wrong[0], wrong[1], right)] == [1, 1, 1]
    assert counts(projector, "2")[right] == 3
    projector.screenshot(path=str(SHOTS / "projector-rounds.png"))
    # Reveal: the key on the projector, the feedback on the phones.
    control(room, "reveal")
    projector.wait_for_selector(".room-key")
    # the right option, in round 1 and in round 2, and among the members' first and last kept answers
    assert projector.locator(".room-right").count() == 4
    kept = {w: [int(n) for n in projector.locator(f'.room-round[data-kept="{w}"] .room-count').all_inner_texts()]
            for w in ("first", "last")}
    assert [kept["first"][i] for i in (wrong[0], wrong[1], right)] == [1, 1, 1] and kept["last"][right] == 3
    for page in phones:
        page.wait_for_function(f"() => !document.querySelector('.prt-room-hold') && "
                               f"document.querySelector('#ex-{EXERCISE} .prt-feedback').textContent.length > 0")
        assert page.locator(f"#ex-{EXERCISE} .prt-feedback .prt-right").is_visible()
    phones[0].locator(f"#ex-{EXERCISE}").scroll_into_view_if_needed()
    phones[0].screenshot(path=str(SHOTS / "phone-revealed.png"))
    projector.screenshot(path=str(SHOTS / "projector-revealed.png"))
    # A flag on a ¶ goes to the room as it is chosen, and is on the projector, with its first words.
    phones[1].goto(room.url + "chapters/tishreen.html")
    phones[1].locator("#p3 .prt-flag-btn").click()
    phones[1].locator('.prt-flag-toggle[data-flag="confused"]').click()
    phones[1].locator("#prt-flag-note-3").fill("my private note")
    projector.wait_for_function("() => /¶3/.test(document.querySelector('.room-flags').textContent)", timeout=10_000)
    assert "my private note" not in projector.content()
    names = projector.content()
    assert not any(f"Phone {n}" in names for n in range(3))
    assert not violations, violations
    for ctx in [*contexts, desk]:
        ctx.close()
    # Every answer in the members' answer files, with both rounds.
    files = list(room.room.folder.glob("*.json"))
    assert len(files) == 3


def test_the_facilitators_page_controls_the_room_and_keeps_a_printable_record(browser, room):
    desk = browser.new_context(viewport={"width": 1100, "height": 800})
    page = desk.new_page()
    assert page.goto(room.url + "_room/facilitator").status == 403  # no secret, no controls
    page.goto(room.url + f"_room/facilitator?secret={SECRET}")
    assert "secret" not in page.url  # the secret became a cookie; the address bar forgets it
    page.wait_for_selector("select option", state="attached")
    page.select_option("select", "solidarity-first-step")
    page.click("button[data-action=open]")
    page.wait_for_selector(".room-rounds")
    page.fill("#room-note", "Most chose B: ask ¶4 again.")
    page.locator(".room-controls ~ button").click()
    page.click("button[data-action=reveal]")
    page.wait_for_selector(".room-key")
    page.screenshot(path=str(SHOTS / "facilitator.png"))
    page.goto(room.url + "_room/record")
    page.wait_for_selector("h1")
    text = page.inner_text("body")
    assert "Most chose B: ask ¶4 again." in text and course().exercises["solidarity-first-step"].title in text
    page.screenshot(path=str(SHOTS / "record.png"), full_page=True)
    desk.close()


def test_a_passage_question_shows_on_the_projector_which_paragraphs_the_phones_tapped(browser, room):
    """Beside a choice's options, the other kinds show what the group page counts: here, for
    "click the passage", how many tapped each candidate ¶, from round 1 (no key told)."""
    ex = next(e for e in course().exercises.values() if e.kind == "passage" and e.chapter == "tishreen")
    taps = [ex.candidates[0], ex.candidates[0], ex.candidates[-1]]
    contexts = [browser.new_context(**PHONE) for _ in taps]
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    projector = desk.new_page()
    projector.goto(room.url + "_room/projector")
    control(room, "open", exercise=ex.id)
    for n, (ctx, anchor) in enumerate(zip(contexts, taps)):
        page = ctx.new_page()
        page.goto(room.url + "exercises/tishreen.html")
        page.fill("#prt-room-name", f"Phone {n}")
        page.locator(".prt-room-bar button[type=submit]").tap()
        page.wait_for_selector(".prt-room-me")
        box = page.locator(f'.prt-exercise[data-exercise="{ex.id}"]')
        box.locator("label.prt-passage").nth(ex.candidates.index(anchor)).locator(".prt-passage-text").tap()
        box.locator(".prt-room-send").tap()
        page.wait_for_function(
            "(id) => /round 1/.test((document.querySelector(`.prt-exercise[data-exercise=\"${id}\"] .prt-room-said`) "
            "|| {}).textContent || '')", arg=ex.id, timeout=20_000)
    projector.wait_for_function("() => [...document.querySelectorAll('.room-round[data-round=\"1\"] .room-parts .room-count')]"
                                ".reduce((a, b) => a + Number(b.textContent), 0) === 3", timeout=10_000)
    shown = [int(n) for n in projector.locator('.room-round[data-round="1"] .room-parts .room-count').all_inner_texts()]
    expected = [taps.count(a) for a in ex.candidates]
    assert shown == expected
    labels = projector.locator('.room-round[data-round="1"] .room-parts .room-label').all_inner_texts()
    assert all(label.startswith(f"¶{a[1:]}") for label, a in zip(labels, ex.candidates))
    assert projector.locator(".room-key").count() == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    projector.screenshot(path=str(SHOTS / "projector-passage.png"))
    for ctx in [*contexts, desk]:
        ctx.close()
