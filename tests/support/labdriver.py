"""Driving JupyterLab as a person does: wait for the kernel, Run All Cells, and say what
JupyterLab showed when a step did not happen. Shared by the lab tests."""

from __future__ import annotations

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


def state(page) -> str:
    """What a person would see when a step fails: the kernel's status, open dialogs, how
    many code cells ran, and any widget error."""
    return page.evaluate("""sel => JSON.stringify({
      kernel: document.querySelector(sel)?.textContent, seen: window.prtKernel,
      dialogs: [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText.slice(0, 200)),
      ran: [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent.trim()),
      errors: [...document.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText)
        .filter(t => /Error|Traceback/.test(t)).map(t => t.slice(0, 300))})""", KERNEL)


def wait(page, step: str, script: str, arg=None) -> None:
    try:
        page.wait_for_function(script, arg=arg, timeout=STEP)
    except Exception as error:  # Playwright's TimeoutError
        raise AssertionError(f"{step}: not so after {STEP // 1000} s; JupyterLab shows {state(page)}") from error


def kernel_idle(page, step: str, restarted_from: int | None = None) -> None:
    """Wait until the notebook's kernel is connected and idle (after a restart: until the
    status seen since ``restarted_from`` went through restarting and is idle again)."""
    if restarted_from is None:
        wait(page, f"{step}: kernel idle", f"() => {IDLE}")
    else:
        wait(page, f"{step}: kernel restarted and idle",
              f"n => window.prtKernel.slice(n).some(t => /Restarting|Starting/.test(t)) && {IDLE}", restarted_from)


def form(page):
    return page.locator(".widget-vbox").filter(has=page.get_by_role("button", name="Start", exact=True))


def name_field(page):
    return form(page).locator(".widget-text").filter(has_text="Your name").locator("input")


def run_all(page, step: str, replacing=None) -> None:
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
                                     f"JupyterLab shows {state(page)}") from error
            page.keyboard.press("Escape")  # a "Select Kernel" dialog, if JupyterLab opened one
            kernel_idle(page, f"{step}, before Run All again")
            continue
        try:
            if replacing is not None:
                page.wait_for_function("el => !el.isConnected", arg=replacing, timeout=STEP)
            name_field(page).wait_for(timeout=STEP)
            return
        except Exception as error:
            raise AssertionError(f"{step}: the cells ran but drew no new Start form in {STEP // 1000} s; "
                                 f"JupyterLab shows {state(page)}") from error
