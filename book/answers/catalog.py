"""What a page outside the exercises needs to know of each exercise: its kind, chapter,
title, the ids its answers are made of and this edition's labels for them (each kind's
``entry``).

The "My answers" page uses it to turn a browser's stored answers (positions in the lists
an exercise page shows) into the stable shapes of an answer file (ids) and back; the
facilitator's group page uses it to name the questions and options it counts. Both
get it as a JSON block written at build time, so neither needs a kernel.
"""

from __future__ import annotations

from typing import Any

from ..course.load import course
from ..kinds import kind_of


def entry(ex: Any) -> dict[str, Any]:
    """One exercise, as the pages see it (lists in the order the static page shows)."""
    return {"id": ex.id, "chapter": ex.chapter, "kind": ex.kind, "title": ex.title} | kind_of(ex).entry(ex)


def catalog() -> dict[str, dict[str, Any]]:
    """Every exercise of the course, by id, in chapter order."""
    return {ex.id: entry(ex) for ex in course().exercises.values()}
