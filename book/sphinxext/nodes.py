"""Small pieces shared by the features: a paragraph maker and the visitor of nodes
that render as their children."""

from __future__ import annotations

from typing import Any

from docutils import nodes


def para(*children: nodes.Node, classes: list[str] | None = None) -> nodes.paragraph:
    return nodes.paragraph("", "", *children, classes=classes or [])


def render_children(self: Any, node: nodes.Node) -> None:
    """Visit and depart of the placeholder nodes: they render as their children."""
