"""The exercise kinds, one package each, and the one registry of them.

A kind's package (``book/kinds/<kind>/``) is its whole contract, in two modules:

``__init__.py``, pure (no widgets, no kernel), read by the book, the answer files, the
group page's summary, the room and the paper:

- ``grade(ex, answer) -> Result``: the verdict and the messages (``static/kinds/<kind>.js``
  grades the same answers the same way; the parity run compares them);
- ``static_html(ex) -> str``: the exercise as the book shows it (``frame.frame_html``);
- ``SCREEN_HOW``: the catalog key saying how to answer with a screen's controls, or None;
- ``key_text(ex) -> list[str]``: the facilitator's key, a line each;
- ``SHAPE``, ``to_stable(ex, live)``, ``from_stable(ex, stable)``: the answer as an answer
  file keeps it (``book/answers/model.py``), and back (``Misfit`` when it no longer fits).
  A stable answer names what it picks by stable ids, the same in every language of the
  book, never by displayed text: a kind that offers texts to pick (options, rubric points,
  grievances, matching items) has ``ids(ex) -> list[str]``, made by
  ``book/course/ids.py`` from the English data (a slug of the first words, or the
  YAML's ``id:``); event ids, ¶ anchors and a group's own rows are ids already;
- ``upgrade(ex, old)``, where the kind's answers held texts before version 3: a version 1
  or 2 file's stable answer (English texts) with ids, ``Misfit`` for a text no longer
  offered (``book/answers/stable.py`` ``upgrade`` calls it; never a guess);
- ``entry(ex) -> dict``: what pages without a kernel need to know of it (the catalog): the
  ids beside this edition's labels;
- ``CAPTION``, ``bars(entry, answers)``: what the group page counts, and its counts;
  ``BARS_SHOW_KEY``: whether those counts tell the key (the room's projector keeps them
  until Reveal);
- ``paper_kind(ex)``, ``paper_how(ex)``, ``paper_lines(ex)``: the facilitator's sheet.

``widget.py``: ``widget(ex)``, the live ipywidgets exercise (``book/exercises/live``); the
only module of a kind that imports ipywidgets.

Adding a kind: its package, its data model (``book/course/models.py``), its data, its
JavaScript (``book/static/kinds/<kind>.js``), its tests, and one line below.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from ..course.load import course
from . import bridge, choice, discussion, ledger, matching, ordering, passage, short
from .result import Result

KINDS: dict[str, ModuleType] = {
    "choice": choice,
    "ordering": ordering,
    "matching": matching,
    "short": short,
    "bridge": bridge,
    "ledger": ledger,
    "discussion": discussion,
    "passage": passage,
}


def kind_of(exercise: Any) -> ModuleType:
    """The kind's contract module for an exercise (or an exercise's kind name)."""
    return KINDS[exercise if isinstance(exercise, str) else exercise.kind]


def grade(exercise_id: str, answer: Any) -> Result:
    """An answer to the course's exercise ``exercise_id``, graded by its kind."""
    ex = course().exercises[exercise_id]
    return kind_of(ex).grade(ex, answer)
