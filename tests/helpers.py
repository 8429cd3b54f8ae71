"""Small helpers shared by tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

TOOLS = Path(__file__).parent / "tools"


def find_widgets(widget: Any, cls: type) -> list[Any]:
    """Every widget of a class inside a widget tree (children first found, depth first)."""
    found, stack = [], [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, cls):
            found.append(node)
        stack.extend(getattr(node, "children", ()))
    return found


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
