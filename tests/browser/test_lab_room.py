"""The room from JupyterLab, as the facilitator notebook instructs: Run All, press
**Open the room**, show the join address; a phone joins at that address (another loopback
address stands for the laptop's Wi-Fi; JupyterLab itself stays on 127.0.0.1), the
facilitator's page, reached from the notebook's folded link, opens the question, round 2
and Reveal, and the projector shows round 1 beside round 2. The lab's token reaches no
member."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from helpers import PHONE, free_port, start_lab
from labdriver import KERNEL, STEP, WATCH, kernel_idle, run_all

from book.course.load import course

pytestmark = pytest.mark.browser
ROOM_HOST = "127.0.0.3"
EXERCISE = "tishreen-who-protested"


@pytest.fixture
def lab(tmp_path):
    with start_lab(tmp_path, PRT_ANSWERS_DIR=str(tmp_path / "answers"), ROOM_HOST=ROOM_HOST,
                   ROOM_PORT=str(free_port()), JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "user-settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces")) as (url, _):
        yield url, tmp_path / "answers"


def test_the_facilitator_opens_the_room_from_the_notebook_and_runs_two_rounds(browser, lab, built):
    url, answers = lab
    token = re.search(r"token=(\w+)", url).group(1)
    ex = course().exercises[EXERCISE]
    right = next(i for i, o in enumerate(ex.options) if o.correct)
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    notebook = desk.new_page()
    notebook.set_default_timeout(STEP)
    notebook.goto(url.split("/lab")[0] + f"/lab/tree/exercises/facilitator/tishreen.ipynb?token={token}")
    notebook.locator(".jp-Notebook").wait_for()
    notebook.evaluate(WATCH, KERNEL)
    kernel_idle(notebook, "facilitator notebook opened")
    run_all(notebook, "Run All")
    notebook.get_by_role("button", name="Open the room").click()
    joined = notebook.locator(".jp-OutputArea-output").filter(has_text="Members join at")
    join = joined.locator("li code").first.inner_text()
    assert urlsplit(join).hostname == ROOM_HOST and token not in joined.inner_text()
    joined.locator("summary").click()  # the controls, folded away from the projector
    facilitator_url = joined.get_by_role("link", name=re.compile("facilitator's page")).get_attribute("href")

    phone_ctx = browser.new_context(**PHONE)
    phone = phone_ctx.new_page()
    seen: list[str] = []  # every text the room sends a member: the lab's token is in none of it

    def keep(response) -> None:
        kind = response.headers.get("content-type", "")
        if response.ok and ("text" in kind or "json" in kind or "javascript" in kind):
            seen.append(response.text())

    phone.on("response", keep)
    phone.goto(join + "exercises/tishreen.html")
    phone.fill("#prt-room-name", "زينب")
    phone.locator(".prt-room-bar button[type=submit]").tap()
    phone.wait_for_selector(".prt-room-me")

    control = desk.new_page()
    control.goto(facilitator_url)
    control.wait_for_selector("select option", state="attached")
    control.select_option("select", EXERCISE)
    control.click("button[data-action=open]")
    projector = desk.new_page()
    projector.goto(join + "_room/projector")
    box = phone.locator(f'.prt-exercise[data-exercise="{EXERCISE}"]')
    phone.wait_for_function("() => document.querySelector('.prt-room-hold')", timeout=10_000)
    box.locator(f'input[value="{(right + 1) % len(ex.options)}"]').check()
    box.locator(".prt-room-send").tap()
    control.click("button[data-action=round2]")
    phone.wait_for_function("() => /Round 2/.test(document.querySelector('.prt-room-line').textContent)")
    box.locator(f'input[value="{right}"]').check()
    box.locator(".prt-room-send").tap()
    projector.wait_for_function("() => [...document.querySelectorAll('.room-round[data-round=\"2\"] .room-count')]"
                                ".reduce((a, b) => a + Number(b.textContent), 0) === 1", timeout=10_000)
    first = [int(n) for n in projector.locator('.room-round[data-round="1"] .room-count').all_inner_texts()]
    second = [int(n) for n in projector.locator('.room-round[data-round="2"] .room-count').all_inner_texts()]
    assert first[(right + 1) % len(ex.options)] == 1 and second[right] == 1
    control.click("button[data-action=reveal]")
    phone.wait_for_function(f"() => document.querySelector('#ex-{EXERCISE} .prt-feedback .prt-right')")
    assert not any(token in body for body in seen)
    assert list((answers).rglob("*.json")), "the room kept no answer file in the session folder"
    notebook.get_by_role("button", name="Close the room").click()
    notebook.get_by_text("The room is closed.").wait_for()
    phone_ctx.close()
    desk.close()
