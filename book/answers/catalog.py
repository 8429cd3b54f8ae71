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

from ..course import language as lang
from ..course.load import course, in_source
from ..kinds import kind_of


def entry(ex: Any) -> dict[str, Any]:
    """One exercise, as the pages see it (lists in the order the static page shows). In a
    translated edition, ``en`` holds the source's words where they differ: answer files of
    versions 1 and 2 hold those texts, and the pages read them through it."""
    out = {"id": ex.id, "chapter": ex.chapter, "kind": ex.kind, "title": ex.title} | kind_of(ex).entry(ex)
    if lang.current() != lang.SOURCE:
        with lang.speaking(lang.SOURCE):
            source = kind_of(ex).entry(in_source(ex))
        out["en"] = {k: v for k, v in source.items() if out.get(k) != v}
    return out


def catalog() -> dict[str, dict[str, Any]]:
    """Every exercise of the course, by id, in chapter order."""
    return {ex.id: entry(ex) for ex in course().exercises.values()}
