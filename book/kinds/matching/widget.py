"""Matching, live: a menu of the offered answers under each item."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ...course.models import Matching
from ...course.offered import matching_pairs as pairs, matching_rights as rights
from ...exercises.live.frame import frame_widget
from ..result import Result
from . import grade


def widget(ex: Matching) -> w.Widget:
    offered = rights(ex)
    menus = {
        left: w.Dropdown(
            options=[(r[:90] + ("…" if len(r) > 90 else ""), r) for r in offered],
            value=None,
            layout={"width": "auto"},
        )
        for left, _ in pairs(ex)
    }
    # Each left item on its own line above its menu: long quoted passages stay whole.
    body = w.VBox([w.VBox([w.HTML(f"<strong>{html.escape(left)}</strong>"), menu])
                   for left, menu in menus.items()])

    def read() -> dict[str, str]:
        return {left: m.value for left, m in menus.items() if m.value is not None}

    def write(answer: dict[str, str]) -> None:
        for left, menu in menus.items():
            menu.value = answer.get(left)

    def grade_answer(answer: Any) -> Result:
        return grade(ex, answer)

    return frame_widget(ex, body, read, grade_answer, write, blank={})
