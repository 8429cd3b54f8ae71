"""Shared fixtures (the built book, a scratch copy of the data, a real browser) and the
test layers: each test is marked with the folder it is in (unit, processes, sphinx,
notebooks, site, browser); what tests share is in tests/support/ (on pythonpath)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
EDITION = ROOT / "_build" / "facilitator"
DATA = ROOT / "book" / "data"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


TESTS = Path(__file__).resolve().parent
#: The layers, each a folder of tests/, fastest first: `make check` runs the first two.
LAYERS = ("unit", "processes", "sphinx", "notebooks", "site", "browser")
#: What only a layer above unit may ask for (the built book, a browser).
NOT_UNIT = {"built", "edition", "http_root", "browser"}


def layer(item: pytest.Item) -> str:
    """A test's layer is the folder it is in (tests/<layer>/test_*.py)."""
    folder = item.path.resolve().relative_to(TESTS).parts[0]
    if folder not in LAYERS:
        raise pytest.UsageError(f"{item.nodeid}: a test lives in a layer's folder, one of tests/{{{','.join(LAYERS)}}}/")
    return folder


#: The longest tests (5-25 s each, `--durations`), started first, so that two workers
#: (`make test`: pytest -n 2) finish together rather than one waiting on a last long test.
SLOW = (
    "test_lab.py::", "test_browser.py::test_every_page_", "test_timeline_browser.py::test_axe_",
    "test_links_html.py::test_every_page_is_valid_html", "test_accessibility.py::test_axe_",
    "test_accessibility.py::test_no_page_scrolls_sideways", "test_answers_processes.py::test_twenty_processes",
    "test_group_layer.py::test_member_exports", "test_epub.py::", "test_notebooks.py::test_notebook_reruns",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test with its layer (the markers are declared in pyproject.toml), and
    run the slowest first, in SLOW's order (a stable sort: the rest keep theirs)."""
    for item in items:
        item.add_marker(layer(item))
        wrong = NOT_UNIT & set(getattr(item, "fixturenames", ())) if layer(item) in ("unit", "processes") else set()
        if wrong:
            raise pytest.UsageError(f"{item.nodeid} asks for {sorted(wrong)}: it belongs in tests/site/ or tests/browser/")

    def rank(item: pytest.Item) -> int:
        nodeid = item.nodeid.split("/", 2)[-1]
        return next((n for n, prefix in enumerate(SLOW) if nodeid.startswith(prefix)), len(SLOW))

    items.sort(key=rank)


@pytest.fixture(autouse=True)
def no_vendor_in_unit(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The unit layer reads nothing from book/vendor, which a fresh clone lacks until
    `make vendor`: the one thing a timeline takes from the plotly.js bundle, its size on
    the "interactive chart" button, is fixed here. tests/sphinx and tests/site use the
    real bundle (the offline guard copies it; the built pages carry its size)."""
    if layer(request.node) == "unit":
        monkeypatch.setattr("book.timeline.plotly_js_megabytes", lambda: 3.6)


@pytest.fixture(scope="session")
def built() -> Path:
    """The book as `make book` built it; the tests read it, they do not rebuild it."""
    if not (HTML / "index.html").exists():
        pytest.fail("no built book in _build/html: run `make book` (make test does it first)")
    return HTML


@pytest.fixture(scope="session")
def edition(built: Path) -> Path:
    """The facilitator's edition as `make book` wrote it (it needs the built book, so a
    test that asks for it is a site test, never a unit one)."""
    if not (EDITION / "index.html").exists():
        pytest.fail("no facilitator edition in _build/facilitator: run `make facilitator` (make book does)")
    return EDITION


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of book/data for bad-input tests."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def http_root(built: Path) -> Iterator[str]:
    """The built book served on 127.0.0.1 (a random free port), stopped after the session."""
    handler = functools.partial(_Quiet, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright (Playwright's own browser download cannot work here)."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make test-deps`")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(autouse=True)
def answers_in_tmp(tmp_path, monkeypatch):
    """Live answers from tests go to a scratch folder, never to the course's answers/."""
    from book.exercises.live import store

    monkeypatch.setenv(store.ANSWERS_ENV, str(tmp_path / "answers"))
    monkeypatch.setattr(store, "_current", None)
    return tmp_path / "answers"


@pytest.fixture
def kernel(monkeypatch):
    """A fresh kernel: no one started, no widgets drawn; ``restart()`` simulates a restart."""
    import os

    from book.exercises.live import session, store

    def restart() -> None:
        for fd in session._claims.values():
            os.close(fd)  # a dead kernel's locks are dropped by the operating system
        session._claims.clear()
        session._drawn.clear()
        store._current = None

    restart()
    yield restart
    restart()
