"""Every exercise kind keeps the one contract book/kinds/__init__.py states, so a page, an
answer file, the group page or the paper can ask any kind the same questions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from book import exercises
from book.answers.stable import Misfit, from_stable
from book.course.load import course
from book.kinds import KINDS, kind_of

PURE = ("grade", "static_html", "key_text", "to_stable", "from_stable", "entry", "bars",
        "paper_kind", "paper_how", "paper_lines")
CONSTANTS = ("SCREEN_HOW", "SHAPE", "CAPTION", "BARS_SHOW_KEY")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_keeps_the_contract(kind):
    module = KINDS[kind]
    missing = [f for f in PURE if not callable(getattr(module, f, None))]
    missing += [c for c in CONSTANTS if not hasattr(module, c)]
    assert missing == [], f"book/kinds/{kind} lacks {missing}"
    assert callable(exercises.widget_of(kind).widget)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_kinds_pure_half_loads_no_widgets(kind):
    """Only widget.py may import ipywidgets or plotly: the book, the answer files, the room
    and the paper use the rest without a kernel."""
    folder = Path(KINDS[kind].__file__).parent
    for path in folder.glob("*.py"):
        if path.name == "widget.py":
            continue
        names = {alias.name.split(".")[0] for node in ast.walk(ast.parse(path.read_text()))
                 if isinstance(node, (ast.Import, ast.ImportFrom))
                 for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
        assert not names & {"ipywidgets", "plotly", "IPython"}, path


def test_every_exercise_in_the_course_has_a_registered_kind():
    kinds = {ex.kind for ex in course().exercises.values()}
    assert kinds <= set(KINDS)
    assert all(kind_of(ex) is KINDS[ex.kind] for ex in course().exercises.values())


def test_a_stable_answer_lacking_its_shape_is_a_misfit_for_every_kind():
    for kind, module in KINDS.items():
        ex = next((e for e in course().exercises.values() if e.kind == kind), None)
        if ex is None:
            continue
        with pytest.raises(Misfit, match=module.SHAPE):
            from_stable(ex, {"something": "else"})
