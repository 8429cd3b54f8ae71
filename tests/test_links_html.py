"""HTML validity (the current Nu validator) and internal links and anchors (linkchecker)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from helpers import LINKCHECK_RUN, TOOLS, linkcheck_output, start_linkcheck

VNU = Path(__file__).parent / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _allowlist() -> list[re.Pattern]:
    lines = (TOOLS / "vnu-allowlist.txt").read_text(encoding="utf-8").splitlines()
    return [re.compile(l) for l in lines if l.strip() and not l.startswith("#")]


def test_every_page_is_valid_html(built):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu-jar or java missing: run `make test-deps`")
    pages = [str(p) for p in built.rglob("*.html") if "_static" not in p.parts]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    allowed = _allowlist()
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" and not any(a.search(m["message"]) for a in allowed)
    ]
    assert not errors, errors[:20]


@pytest.fixture
def open_tmp():
    """A scratch folder "nobody" can read (pytest's own tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="prt-links-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_linkchecker_catches_a_broken_anchor_and_page(open_tmp):
    """The settings really check anchors: a planted bad fragment and a missing page are found."""
    site = open_tmp / "site"
    site.mkdir()
    (site / "a.html").write_text('<!doctype html><title>a</title><a href="b.html#here">ok</a>'
                                 '<a href="b.html#gone">bad anchor</a><a href="c.html">missing</a>')
    (site / "b.html").write_text('<!doctype html><title>b</title><p id="here">b</p>')
    out = linkcheck_output(start_linkcheck(site / "a.html"))
    assert "1 warning found" in out and "1 error found" in out and "`gone' (decoded" in out


def test_no_broken_internal_link_or_anchor(built, open_tmp, request):
    # Started by conftest.py as soon as the tests were collected: linkchecker takes
    # minutes on one core, so it runs beside the other tests instead of after them.
    run = request.config.stash.get(LINKCHECK_RUN, None)
    if run is None:
        site = open_tmp / "html"
        shutil.copytree(built, site)
        run = start_linkcheck(site / "index.html")
    out = linkcheck_output(run)
    summary = re.search(r"(\d+) links? in \d+ URLs checked\. (\d+) warnings? found\. (\d+) errors? found", out)
    assert summary, out[-2000:]
    assert summary.group(2) == "0" and summary.group(3) == "0", out[-4000:]
    assert int(summary.group(1)) > 500
