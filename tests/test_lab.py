"""JupyterLab, driven in Chromium exactly as the exercise notebook tells a participant.

`make lab` on 127.0.0.1 (a free port, a scratch answers folder and work-copy folder):
Run All Cells, type an Arabic name and a session, Start, answer, restart the kernel,
Run All again, Start: the answer is in that participant's file, back in the widget,
and in no other file. The tracked notebooks are unchanged afterwards, and JupyterLab
never asks about news.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from book.load import course
from test_live import ROOT, _free_port

pytestmark = pytest.mark.browser
NAME, SESSION = "محمد الكاظمي", "جلسة ١"
EXERCISE = "tishreen-who-protested"


@pytest.fixture
def lab(tmp_path):
    """`make lab` running; yields its URL with the token and the answers folder."""
    port, log_path = _free_port(), tmp_path / "lab.log"
    answers = tmp_path / "answers"
    env = {**os.environ, "PRT_ANSWERS_DIR": str(answers), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "user-settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces")}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"LAB_PORT={port}", f"LAB_DIR={tmp_path / 'lab'}"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, env=env)
    try:
        url, deadline = None, time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            found = re.search(rf"http://127\.0\.0\.1:{port}/lab\S*token=\w+", log_path.read_text())
            url = found.group(0) if found else time.sleep(0.5)
        assert url, log_path.read_text()[-2000:]
        yield url, answers
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # make, jupyter and the kernels it started
        proc.wait(timeout=30)


def _run_all(page) -> None:
    """Run > Run All Cells. The kernel takes a click on Start only after the cells queued
    before it, so there is no need to wait for the run to end."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def _start(page) -> None:
    form = page.locator(".widget-vbox").filter(has=page.get_by_role("button", name="Start", exact=True))
    form.locator(".widget-text").filter(has_text="Your name").locator("input").fill(NAME)
    form.locator(".widget-text").filter(has_text="Session").locator("input").fill(SESSION)
    page.get_by_role("button", name="Start", exact=True).click()
    page.get_by_text("Saving the answers of").wait_for(timeout=60_000)


def test_run_all_start_answer_restart_run_all_restores(browser, lab):
    url, answers = lab
    tracked = {p: p.read_bytes() for p in (ROOT / "exercises").rglob("*.ipynb")}
    ex = course().exercises[EXERCISE]
    right = next(o.text for o in ex.options if o.correct)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(300_000)  # 2 shared cores, other tests beside
    page.goto(url)  # the URL make lab prints opens exercises/tishreen.ipynb
    page.locator(".jp-Notebook").wait_for()
    page.get_by_role("heading", name="Who is answering?").wait_for()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(state="attached")

    _run_all(page)
    _start(page)
    first = page.locator(".prt-exercise-widget").first
    first.get_by_text(right, exact=True).click()
    first.get_by_role("button", name="Check").click()
    first.get_by_text("Right.").wait_for()
    saved = [p for p in answers.rglob("*.json")]
    assert len(saved) == 1 and json.loads(saved[0].read_text("utf-8"))["pseudonym"] == NAME

    drawn_before = first.element_handle()
    page.get_by_role("menuitem", name="Kernel", exact=True).click()
    page.get_by_role("menuitem", name=re.compile(r"^Restart Kernel…")).first.click()
    page.locator(".jp-Dialog .jp-mod-accept").click()  # "Restart"
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(state="attached")
    _run_all(page)
    page.get_by_text("Saving the answers of").wait_for(state="detached")  # the form is drawn anew
    page.wait_for_function("el => !el.isConnected", arg=drawn_before)  # and the exercise
    first = page.locator(".prt-exercise-widget").first
    first.wait_for()
    assert first.locator("input[type=radio]:checked").count() == 0, "restored before Start"
    _start(page)
    first.get_by_text("Right.").wait_for()
    checked = first.locator("label").filter(has=page.locator("input:checked"))
    assert checked.inner_text().strip() == right

    files = [p for p in answers.rglob("*.json")]
    assert files == saved, "the answer went to another file"
    data = json.loads(files[0].read_text("utf-8"))
    assert data["format"] == "prt-answers" and data["pseudonym"] == NAME and data["session"] == SESSION
    index = next(i for i, o in enumerate(ex.options) if o.correct)
    [entry] = data["answers"]  # an answer file, as the group page and group-answers read it
    assert entry["exercise"] == EXERCISE and entry["correct"] is True
    assert entry["answer"] == {"chosen": [ex.options[index].text]}
    assert page.get_by_text(re.compile("Jupyter news", re.I)).count() == 0
    page.screenshot(path=str(Path(answers).parent / "lab.png"))
    context.close()
    assert {p: p.read_bytes() for p in (ROOT / "exercises").rglob("*.ipynb")} == tracked
