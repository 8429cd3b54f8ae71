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

VNU = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


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


def test_no_broken_internal_link_or_anchor(built):
    report = check_site(built)
    assert report.problems == [], "\n".join(report.problems[:40])
    # Every page links the others and each chapter's ¶ marks link to themselves: a run
    # that found few links or anchors read the wrong folder.
    assert report.links > 2000 and report.anchors > 1000, report
