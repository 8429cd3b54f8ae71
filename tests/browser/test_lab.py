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

from book.course.load import course

pytestmark = pytest.mark.browser
NAME, SESSION = "محمد الكاظمي", "جلسة ١"
EXERCISE = "tishreen-who-protested"
PASSAGE = "tishreen-passage-not-weak"  # click the passage (the eighth kind)
STEP = 120_000  # the longest one step may take (2 shared cores, other test workers beside)

#: The status bar's kernel item, "Python 3 (ipykernel) | Idle". JupyterLab's toolbar
#: indicator (.jp-Notebook-ExecutionIndicator) says "idle" before any kernel exists, so
#: it cannot tell that the kernel is ready; this item says "Initializing", "Starting",
#: "Restarting" until it is.
KERNEL = '.jp-StatusBar-TextItem[title^="Change kernel for"]'
#: Every text that item shows, recorded from the moment the notebook is open, and
#: whether a code cell was queued or running ("[*]:") since prtQueued was last reset.
WATCH = """sel => { window.prtKernel = []; window.prtQueued = false;
  const note = () => { const t = document.querySelector(sel)?.textContent;
    if (t && t !== window.prtKernel.at(-1)) window.prtKernel.push(t);
    if ([...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].some(p => p.textContent.trim() === '[*]:'))
      window.prtQueued = true; };
  new MutationObserver(note).observe(document.body, {subtree: true, childList: true, characterData: true});
  note(); }"""
IDLE = r"/^(?!No Kernel).* \| Idle$/.test(window.prtKernel.at(-1) || '')"


@pytest.fixture
def lab(tmp_path):
    """`make lab` running; yields its URL with the token and the answers folder."""
    answers = tmp_path / "answers"
    with start_lab(tmp_path, PRT_ANSWERS_DIR=str(answers),
                   JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "user-settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces")) as (url, _):
        yield url, answers


def _state(page) -> str:
    """What a person would see when a step fails: the kernel's status, open dialogs, how
    many code cells ran, and any widget error."""
    return page.evaluate("""sel => JSON.stringify({
      kernel: document.querySelector(sel)?.textContent, seen: window.prtKernel,
      dialogs: [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText.slice(0, 200)),
      ran: [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent.trim()),
      errors: [...document.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText)
        .filter(t => /Error|Traceback/.test(t)).map(t => t.slice(0, 300))})""", KERNEL)


def _wait(page, step: str, script: str, arg=None) -> None:
    try:
        page.wait_for_function(script, arg=arg, timeout=STEP)
    except Exception as error:  # Playwright's TimeoutError
        raise AssertionError(f"{step}: not so after {STEP // 1000} s; JupyterLab shows {_state(page)}") from error


def _kernel_idle(page, step: str, restarted_from: int | None = None) -> None:
    """Wait until the notebook's kernel is connected and idle (after a restart: until the
    status seen since ``restarted_from`` went through restarting and is idle again)."""
    if restarted_from is None:
        _wait(page, f"{step}: kernel idle", f"() => {IDLE}")
    else:
        _wait(page, f"{step}: kernel restarted and idle",
              f"n => window.prtKernel.slice(n).some(t => /Restarting|Starting/.test(t)) && {IDLE}", restarted_from)


def _form(page):
    return page.locator(".widget-vbox").filter(has=page.get_by_role("button", name="Start", exact=True))


def _name_field(page):
    return _form(page).locator(".widget-text").filter(has_text="Your name").locator("input")


def _run_all(page, step: str, replacing=None) -> None:
    """Run > Run All Cells; done when the Start form is drawn (in place of the form
    ``replacing``, drawn by the run before). A Run All that queued no cell (JupyterLab
    took it before the kernel was ready: it clears the cells, or asks for a kernel) is
    pressed once more, after the kernel is idle, as a participant would."""
    for attempt in (1, 2):
        page.evaluate("window.prtQueued = false")
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function("() => window.prtQueued", timeout=30_000)
        except Exception as error:
            if attempt == 2:
                raise AssertionError(f"{step}: Run All (twice) queued no cell; "
                                     f"JupyterLab shows {_state(page)}") from error
            page.keyboard.press("Escape")  # a "Select Kernel" dialog, if JupyterLab opened one
            _kernel_idle(page, f"{step}, before Run All again")
            continue
        try:
            if replacing is not None:
                page.wait_for_function("el => !el.isConnected", arg=replacing, timeout=STEP)
            _name_field(page).wait_for(timeout=STEP)
            return
        except Exception as error:
            raise AssertionError(f"{step}: the cells ran but drew no new Start form in {STEP // 1000} s; "
                                 f"JupyterLab shows {_state(page)}") from error


def _start(page, step: str) -> None:
    _name_field(page).fill(NAME)
    _form(page).locator(".widget-text").filter(has_text="Session").locator("input").fill(SESSION)
    page.get_by_role("button", name="Start", exact=True).click()
    try:
        page.get_by_text("Saving the answers of").wait_for()
    except Exception as error:
        raise AssertionError(f"{step}: Start did not take the name; JupyterLab shows {_state(page)}") from error


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
    _kernel_idle(page, "notebook opened")

    _run_all(page, "first Run All")
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

    drawn_before, form_before = first.element_handle(), _form(page).element_handle()
    page.get_by_role("menuitem", name="Kernel", exact=True).click()
    page.get_by_role("menuitem", name=re.compile(r"^Restart Kernel…")).first.click()
    seen = page.evaluate("window.prtKernel.length")
    page.locator(".jp-Dialog .jp-mod-accept").click()  # "Restart"
    _kernel_idle(page, "kernel restart", restarted_from=seen)
    _run_all(page, "Run All after the restart", replacing=form_before)
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
    assert entry["answer"] == {"chosen": [ex.options[index].text]}
    assert chosen["exercise"] == PASSAGE and chosen["kind"] == "passage" and chosen["correct"] is True
    assert chosen["answer"] == {"paragraph": passage.answer}
    assert page.get_by_text(re.compile("Jupyter news", re.I)).count() == 0
    page.screenshot(path=str(Path(answers).parent / "lab.png"))
    context.close()
    assert {p: p.read_bytes() for p in (ROOT / "exercises").rglob("*.ipynb")} == tracked
