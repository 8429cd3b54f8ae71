"""Small helpers shared by tests."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

import pytest

from stillness import STILL

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(__file__).resolve().parents[1] / "tools"


def find_widgets(widget: Any, cls: type) -> list[Any]:
    """Every widget of a class inside a widget tree (children first found, depth first)."""
    found, stack = [], [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, cls):
            found.append(node)
        stack.extend(getattr(node, "children", ()))
    return found


AXE = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "axe-core" / "axe.min.js"
#: What a page's second colour scheme can change: colours, and which of the theme's
#: paired images shows. A page already checked with every rule in one scheme is checked
#: with these in the other (the markup is the same; a whole run took twice as long).
SCHEME_RULES = ("color-contrast", "link-in-text-block", "image-alt", "svg-img-alt", "role-img-alt")


def axe_run(context: str = "document", rules: tuple[str, ...] = ()) -> str:
    """axe-core on ``context`` (a JS expression), violations only; ``rules``: only these."""
    only = f", runOnly: {{type: 'rule', values: {list(rules)!r}}}" if rules else ""
    return (f"axe.run({context}, {{preload: false, resultTypes: ['violations']{only}}})"
            ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length,"
            " target: v.nodes[0].target.join(' '), html: v.nodes[0].html.slice(0, 120)})))")


def choosing_files(page: Any) -> None:
    """Have Playwright catch the page's file choosers from now on, well before a tap or a
    key opens one. Left to ``expect_file_chooser``, the catching was switched on in the
    same moment as the tap, and on a busy machine the chooser opened first and went by
    unseen (a 30 s timeout now and then, the Arabic group-page test)."""
    page.on("filechooser", lambda chooser: None)


def axe_serious(page: Any, context: str = "document", rules: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now (the page's
    context needs bypass_csp=True so that axe can be injected); see axe_run."""
    if not AXE.exists():
        pytest.fail("axe-core missing: run `make test-deps`")
    # Colours are read as drawn, so only once they stop changing: a transition still
    # running (the theme's switch to dark mode fades some colours) gave a false contrast
    # failure now and then.
    page.wait_for_function(STILL, timeout=10_000)
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return [v for v in page.evaluate(axe_run(context, rules)) if v["impact"] in ("serious", "critical")]


def reader_checks(page: Any, scheme: str, what: str, width: int = 375) -> None:
    """A page as a reader has it now: no sideways scroll at ``width``, and no serious or
    critical axe violation in its colour scheme (every rule in light, the colour rules in
    dark: the markup is the same). The page's context needs bypass_csp=True."""
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"{what}: sideways scroll, {wide} px"
    page.wait_for_function(f"() => document.documentElement.dataset.theme === '{scheme}'")
    problems = axe_serious(page, rules=SCHEME_RULES if scheme == "dark" else ())
    assert problems == [], (what, problems)


def menu_checked(page: Any, chapters: str, scheme: str, shot: Any = None) -> None:
    """The chapter menu as a phone reader has it: tapped open by its button (named
    ``chapters`` in the edition's words), looked at (``shot``, a callable given the page)
    and checked, then closed with Escape."""
    page.get_by_role("button", name=chapters).tap()
    menu = page.locator("#pst-primary-sidebar-modal")
    menu.wait_for(state="visible")
    if shot is not None:
        shot(page)
    reader_checks(page, scheme, "the menu")
    page.keyboard.press("Escape")
    menu.wait_for(state="hidden")


#: Resolves once the page has drawn and gone idle: its fonts loaded, a frame painted, and
#: the tasks its scripts queued on load run (what a fixed pause used to wait for).
SETTLED = """() => new Promise(done => document.fonts.ready.then(() => requestAnimationFrame(() =>
  requestIdleCallback(() => done(true), {timeout: 2000}))))"""


def settled(page: Any) -> None:
    """Wait until the page has drawn and its scripts have nothing left to do."""
    page.evaluate(SETTLED)


def in_view(page: Any, selector: str) -> bool:
    return page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight; }""", selector)


def wait_in_view(page: Any, selector: str, timeout: float = 5_000) -> None:
    """Wait until the element's top is on screen (a smooth scroll or a jump has ended);
    fail if it never is."""
    page.wait_for_function("""s => { const r = document.querySelector(s)?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.top < innerHeight; }""", arg=selector, timeout=timeout)


#: The devices a reader uses: a phone that taps (375 x 812, touch, scale 2) and a laptop.
PHONE: dict[str, Any] = dict(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                             device_scale_factor=2)
LAPTOP: dict[str, Any] = dict(viewport={"width": 1280, "height": 900})


#: Set on <html> once the page's store (static/store.js) has compared what localStorage
#: gave it with its IndexedDB record, and the page has redrawn what was restored.
STORE_READY = "html[data-prt-store=ready]"


def kept(page: Any) -> None:
    """Wait until the book's store says every write this page made is recorded. A reader
    turns to another page seconds later; a test would otherwise leave within milliseconds
    and could take an unconfirmed write along."""
    page.evaluate("() => window.PRT.store.saved()")


def open_kept(page: Any, url: str) -> None:
    """Open a page that shows what this device keeps, once its store is ready."""
    page.goto(url)
    page.locator(STORE_READY).wait_for(state="attached")


def reload_kept(page: Any) -> None:
    """Reload the page once what it did is recorded: what a reader coming back sees."""
    kept(page)
    page.reload()
    page.locator(STORE_READY).wait_for(state="attached")


class Visit:
    """A page opened in a fresh context, with its requests and errors recorded."""

    def __init__(self, browser, url: str, **context: Any):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url, wait_until="load")

    def go(self, url: str) -> None:
        """Open another page in the same tab, with fresh records (a reader following links:
        what earlier pages fetched comes from the cache)."""
        self.requests.clear()
        self.errors.clear()
        self.page.goto(url, wait_until="load")

    def foreign(self, origin: str) -> list[str]:
        """Requests to anything but the book itself."""
        out = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob"):
                continue
            if origin == "file" and parsed.scheme == "file":
                continue
            if origin != "file" and url.startswith(origin):
                continue
            out.append(url)
        return out

    def close(self) -> None:
        self.context.close()


def free_port() -> int:
    """A port nobody listens on now (JupyterLab moves to the next free one if it is taken
    meanwhile: read the port it prints, see ``start_lab``)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def start_lab(tmp_path: Path, **env: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """`make lab` on 127.0.0.1, with its runtime files and work copies in ``tmp_path``
    (so any number of test workers can each run one); yields the URL it prints, with its
    token, and stops make, jupyter and the kernels it started afterwards."""
    port, log_path = free_port(), tmp_path / "lab.log"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), **env}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"LAB_PORT={port}", f"LAB_DIR={tmp_path / 'lab'}"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, env=env)
    try:
        url, deadline = None, time.monotonic() + 120
        while url is None and time.monotonic() < deadline and proc.poll() is None:
            found = re.search(r"http://127\.0\.0\.1:\d+/lab\S*token=\w+", log_path.read_text())
            url = found.group(0) if found else time.sleep(0.2)
        assert url, f"make lab printed no URL (exit {proc.poll()}):\n" + log_path.read_text()[-2000:]
        yield url, proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the whole group: make, jupyter and its kernels
        proc.wait(timeout=30)


def session_form():
    """The Start form a notebook draws: name, session, Start button and status, as widgets."""
    import ipywidgets as w

    from book import exercises

    box = exercises.start_session().widget
    name, when = find_widgets(box, w.Text)[::-1]
    start = find_widgets(box, w.Button)[0]
    status = find_widgets(box, w.HTML)[0]
    return name, when, start, status
