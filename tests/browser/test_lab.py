"""JupyterLab, driven in Chromium exactly as the exercise notebook tells a participant.

`make lab` on 127.0.0.1 (a free port, a scratch answers folder and work-copy folder):
Run All Cells, type an Arabic name and a session, Start, answer (a choice, and a click-the-passage
exercise with a second try), restart the kernel,
Run All again, Start: the answer is in that participant's file, back in the widget,
and in no other file. The tracked notebooks are unchanged afterwards, and JupyterLab
never asks about news.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import ROOT, start_lab
from labdriver import STEP, KERNEL, WATCH, form, kernel_idle, name_field, run_all, state

from book.course.load import course
from book.kinds import choice

pytestmark = pytest.mark.browser
NAME, SESSION = "محمد الكاظمي", "جلسة ١"
EXERCISE = "tishreen-who-protested"
PASSAGE = "tishreen-passage-not-weak"  # click the passage (the eighth kind)
@pytest.fixture
def lab(tmp_path):
    """`make lab` running; yields its URL with the token and the answers folder."""
    answers = tmp_path / "answers"
    with start_lab(tmp_path, PRT_ANSWERS_DIR=str(answers),
                   JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "user-settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces")) as (url, _):
        yield url, answers


def _start(page, step: str) -> None:
    name_field(page).fill(NAME)
    form(page).locator(".widget-text").filter(has_text="Session").locator("input").fill(SESSION)
    page.get_by_role("button", name="Start", exact=True).click()
    try:
        page.get_by_text("Saving the answers of").wait_for()
    except Exception as error:
        raise AssertionError(f"{step}: Start did not take the name; JupyterLab shows {state(page)}") from error


def test_run_all_start_answer_restart_run_all_restores(browser, lab):
    url, answers = lab
    tracked = {p: p.read_bytes() for p in (ROOT / "exercises").rglob("*.ipynb")}
    ex = course().exercises[EXERCISE]
    right = next(o.text for o in ex.options if o.correct)
    passage = course().exercises[PASSAGE]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(STEP)
    page.goto(url)  # the URL make lab prints opens exercises/tishreen.ipynb
    page.locator(".jp-Notebook").wait_for()
    page.evaluate(WATCH, KERNEL)
    page.get_by_role("heading", name="Who is answering?").wait_for()
    kernel_idle(page, "notebook opened")

    run_all(page, "first Run All")
    _start(page, "first Start")
    first = page.locator(".prt-exercise-widget").first
    first.get_by_text(right, exact=True).click()
    first.get_by_role("button", name="Check").click()
    first.get_by_text("Right.").wait_for()
    saved = [p for p in answers.rglob("*.json")]
    assert len(saved) == 1 and json.loads(saved[0].read_text("utf-8"))["pseudonym"] == NAME

    # Click the passage, as its prompt says: read the claim, choose the ¶, Check.
    claim = page.locator(".prt-exercise-widget").filter(has_text=passage.title)
    wrong = next(a for a in passage.candidates if a != passage.answer)
    claim.get_by_role("radio", name=f"¶{wrong[1:]}", exact=True).click()
    claim.get_by_role("button", name="Check").click()
    claim.get_by_text("Read the claim again, and try another paragraph.").wait_for()
    claim.get_by_role("radio", name=f"¶{passage.answer[1:]}", exact=True).click()
    claim.get_by_role("button", name="Check").click()
    claim.get_by_text(f"¶{passage.answer[1:]} is the one.").wait_for()

    drawn_before, form_before = first.element_handle(), form(page).element_handle()
    page.get_by_role("menuitem", name="Kernel", exact=True).click()
    page.get_by_role("menuitem", name=re.compile(r"^Restart Kernel…")).first.click()
    seen = page.evaluate("window.prtKernel.length")
    page.locator(".jp-Dialog .jp-mod-accept").click()  # "Restart"
    kernel_idle(page, "kernel restart", restarted_from=seen)
    run_all(page, "Run All after the restart", replacing=form_before)
    assert page.get_by_text("Saving the answers of").count() == 0, "the new form says who answers before Start"
    page.wait_for_function("el => !el.isConnected", arg=drawn_before)  # the exercise is drawn anew too
    first = page.locator(".prt-exercise-widget").first
    first.wait_for()
    assert first.locator("input[type=radio]:checked").count() == 0, "restored before Start"
    _start(page, "Start after the restart")
    first.get_by_text("Right.").wait_for()
    checked = first.locator("label").filter(has=page.locator("input:checked"))
    assert checked.inner_text().strip() == right

    files = [p for p in answers.rglob("*.json")]
    assert files == saved, "the answer went to another file"
    data = json.loads(files[0].read_text("utf-8"))
    assert data["format"] == "prt-answers" and data["pseudonym"] == NAME and data["session"] == SESSION
    index = next(i for i, o in enumerate(ex.options) if o.correct)
    entry, chosen = data["answers"]  # an answer file, as the group page and group-answers read it
    assert entry["exercise"] == EXERCISE and entry["correct"] is True
    assert entry["answer"] == {"chosen": [choice.ids(ex)[index]]}
    assert chosen["exercise"] == PASSAGE and chosen["kind"] == "passage" and chosen["correct"] is True
    assert chosen["answer"] == {"paragraph": passage.answer}
    assert page.get_by_text(re.compile("Jupyter news", re.I)).count() == 0
    page.screenshot(path=str(Path(answers).parent / "lab.png"))
    context.close()
    assert {p: p.read_bytes() for p in (ROOT / "exercises").rglob("*.ipynb")} == tracked
