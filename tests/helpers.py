"""Small helpers shared by tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

TOOLS = Path(__file__).parent / "tools"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
#: Where conftest.py keeps the linkchecker run it starts early (a key of config.stash).
LINKCHECK_RUN = pytest.StashKey[subprocess.Popen]()


def find_widgets(widget: Any, cls: type) -> list[Any]:
    """Every widget of a class inside a widget tree (children first found, depth first)."""
    found, stack = [], [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, cls):
            found.append(node)
        stack.extend(getattr(node, "children", ()))
    return found


def start_linkcheck(start: Path) -> subprocess.Popen:
    """linkchecker (local links, every anchor) from ``start``, running in the background.

    As root, linkchecker drops to "nobody", so ``start``'s folder (a copy, never the
    build itself) is made world-readable first.
    """
    subprocess.run(["chmod", "-R", "o+rX", str(start.parent)], check=True)
    return subprocess.Popen(
        [str(LINKCHECKER), "--config", str(TOOLS / "linkchecker.ini"), "--no-status",
         "--threads", "4", "-o", "text", str(start)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def linkcheck_output(run: subprocess.Popen) -> str:
    """What linkchecker printed, once it has finished (at most 15 minutes)."""
    out, _ = run.communicate(timeout=900)
    return out


AXE = Path(__file__).parent / "node" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = (
    "axe.run(document, {preload: false, resultTypes: ['violations']})"
    ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length,"
    " target: v.nodes[0].target.join(' '), html: v.nodes[0].html.slice(0, 120)})))"
)


def axe_serious(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now (the page's
    context needs bypass_csp=True so that axe can be injected)."""
    if not AXE.exists():
        pytest.fail("axe-core missing: run `make test-deps`")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return [v for v in page.evaluate(AXE_RUN) if v["impact"] in ("serious", "critical")]
