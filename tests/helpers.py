"""Small helpers shared by tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
