"""The exercise kinds: one module per kind, each with the same functions (``grade``,
``key_text``, ``static_html``, ``widget``). Adding a kind: its module and one line here."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from ...course.load import course
from ..base import Result
from . import bridge, choice, discussion, ledger, matching, ordering, short

KINDS: dict[str, ModuleType] = {
    "choice": choice,
    "ordering": ordering,
    "matching": matching,
    "short": short,
    "bridge": bridge,
    "ledger": ledger,
    "discussion": discussion,
}


def kind_of(exercise: Any) -> ModuleType:
    return KINDS[exercise.kind]


def grade(exercise_id: str, answer: Any) -> Result:
    ex = course().exercises[exercise_id]
    return kind_of(ex).grade(ex, answer)
