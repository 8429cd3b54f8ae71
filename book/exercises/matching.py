"""Matching: each left item to its right item (a term to its glossary definition)."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ..load import course
from ..models import Matching
from ..strings import t
from .base import Result, frame_html, frame_widget, shuffled


def pairs(ex: Matching) -> list[tuple[str, str]]:
    """(left, right) pairs: glossary terms bring their own definitions."""
    terms = course().terms
    return [(terms[t].term, terms[t].definition) for t in ex.terms] + [
        (p.left, p.right) for p in ex.pairs
    ]


def rights(ex: Matching) -> list[str]:
    """The right-hand items in the order offered to a participant."""
    return shuffled([r for _, r in pairs(ex)], ex.id)


def grade(ex: Matching, answer: dict[str, str]) -> Result:
    """Count the right matches and name the left items still wrong."""
    expected = dict(pairs(ex))
    if not any(answer.get(left) for left in expected):
        return Result(False, 0.0, [t("grade.match_first")], invalid=True)
    wrong = [left for left, right in expected.items() if answer.get(left) != right]
    hits = len(expected) - len(wrong)
    if not wrong:
        return Result(True, 1.0, [t("grade.all_matched", n=hits)])
    return Result(
        False,
        hits / len(expected),
        [t("grade.matched", hits=hits, total=len(expected))] + [t("grade.look_again", item=left) for left in wrong],
    )


def key_text(ex: Matching) -> list[str]:
    return [f"{left} → {right}" for left, right in pairs(ex)]


def static_html(ex: Matching) -> str:
    """One group of radio buttons per left item, each answer written out in full: a
    phone's select menu cut long definitions to a few words."""
    offered = rights(ex)
    groups = "".join(
        f'<fieldset class="prt-match-item" data-left="{n}"><legend>{html.escape(left)}</legend>'
        + "".join(
            f'<label class="prt-option"><input type="radio" name="ex-{ex.id}-{n}" value="{i}"> '
            f"{html.escape(r)}</label>"
            for i, r in enumerate(offered)
        )
        + "</fieldset>"
        for n, (left, _) in enumerate(pairs(ex))
    )
    spec = {
        "kind": "matching",
        "lefts": [left for left, _ in pairs(ex)],
        "key": [offered.index(right) for _, right in pairs(ex)],
    }
    return frame_html(ex, spec, f'<div class="prt-match">{groups}</div>')


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
