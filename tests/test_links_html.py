"""HTML validity (the current Nu validator) and internal links and anchors (checked in-process)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import TOOLS
from sitelinks import check_site

VNU = Path(__file__).parent / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _allowlist() -> list[re.Pattern]:
    lines = (TOOLS / "vnu-allowlist.txt").read_text(encoding="utf-8").splitlines()
    return [re.compile(line) for line in lines if line.strip() and not line.startswith("#")]


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


def test_link_check_finds_a_broken_anchor_page_and_escape(tmp_path):
    """The checker really checks: planted faults are found, good links of every shape pass."""
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "a.html").write_text(
        '<!doctype html><title>a</title><p id="top">a</p>\n'
        '<a href="b.html#here">ok</a><a href="sub/">ok</a><a href="#top">ok</a><a href="b.html?x=1">ok</a>\n'
        '<a href="my%20page.html#x%20y">ok</a><a href="https://example.org/#nowhere">external</a>\n'
        '<a href="b.html#gone">bad anchor</a>\n<a href="c.html">missing</a>\n'
        '<a href="#nothere">bad here</a>\n<img alt="" src="../outside.png">', encoding="utf-8")
    (site / "b.html").write_text('<!doctype html><title>b</title><p id="here">b</p>', encoding="utf-8")
    (site / "my page.html").write_text('<title>m</title><a name="x y"></a>', encoding="utf-8")
    (site / "sub" / "index.html").write_text('<title>s</title><a href="../a.html#top">up</a>', encoding="utf-8")
    report = check_site(site)
    assert report.problems == [
        "a.html:4: b.html#gone: no id 'gone' in b.html",
        "a.html:5: c.html: no such file",
        "a.html:6: #nothere: no id 'nothere' in a.html",
        "a.html:7: ../outside.png: leaves the site",
    ]
    assert (report.links, report.anchors) == (10, 6)


def test_no_broken_internal_link_or_anchor(built):
    report = check_site(built)
    assert report.problems == [], "\n".join(report.problems[:40])
    # Every page links the others and each chapter's ¶ marks link to themselves: a run
    # that found few links or anchors read the wrong folder.
    assert report.links > 2000 and report.anchors > 1000, report
