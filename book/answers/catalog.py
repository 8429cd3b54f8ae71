"""What a page outside the exercises needs to know of each exercise: its kind, chapter,
title and the texts its answers are made of.

The "My answers" page uses it to turn a browser's stored answers (positions in the lists
an exercise page shows) into the stable shapes of an answer file and back; the
facilitator's group page uses it to name the questions and options it counts. Both
get it as a JSON block written at build time, so neither needs a kernel.
"""

from __future__ import annotations

from typing import Any

from ..course.offered import matching_pairs, matching_rights, ordering_key, ordering_presented
from ..course.load import course


def entry(ex: Any) -> dict[str, Any]:
    """One exercise, as the pages see it (lists in the order the static page shows)."""
    out: dict[str, Any] = {"id": ex.id, "chapter": ex.chapter, "kind": ex.kind, "title": ex.title}
    if ex.kind == "choice":
        out |= {"options": [o.text for o in ex.options], "correct": [o.text for o in ex.options if o.correct],
                "multiple": ex.multiple}
    elif ex.kind == "ordering":
        events = course().events
        out |= {"events": {e.id: e.title for e in ordering_presented(ex)}, "key": ordering_key(ex),
                "titles": {i: events[i].title for i in ex.events}}
    elif ex.kind == "matching":
        out |= {"lefts": [left for left, _ in matching_pairs(ex)], "rights": matching_rights(ex),
                "key": dict(matching_pairs(ex))}
    elif ex.kind == "short":
        out |= {"rubric": list(ex.rubric)}
    elif ex.kind == "bridge":
        out |= {"grievances": [g.grievance for g in ex.grievances]}
    return out


def catalog() -> dict[str, dict[str, Any]]:
    """Every exercise of the course, by id, in chapter order."""
    return {ex.id: entry(ex) for ex in course().exercises.values()}
