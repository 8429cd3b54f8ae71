"""How a group answered, per question, and which paragraphs it flagged.

The same summary is drawn by the facilitator's group page (static/group.js, in the
browser, no Python) and by ``group-answers.ipynb``; a test feeds both the same files and
compares the counts. Names appear only when asked for. Either the members' last answers
are counted (the default) or their first (``which="first"``: version 3 files keep each
member's first graded answer; an older file has none to count).
"""

from __future__ import annotations

from typing import Any

from ..kinds import kind_of
from .catalog import catalog
from .read import Group


def question(entry: dict[str, Any], answers: list[dict[str, Any]]) -> dict[str, Any]:
    """One exercise's counts: how many answered, and what its kind counts of their answers."""
    return {"id": entry["id"], "title": entry["title"], "kind": entry["kind"], "answered": len(answers),
            "bars": kind_of(entry["kind"]).bars(entry, answers)}


WHICH = ("last", "first")


def summarize(group: Group, which: str = "last") -> dict[str, Any]:
    """Every question that someone answered, in course order, counting each member's
    ``which`` answer ("last" or "first"), and the flagged ¶s."""
    if which not in WHICH:
        raise ValueError(f"which is one of {WHICH}, not {which!r}")
    questions = []
    for ex_id, entry in catalog().items():
        answers = [m.given(which)[ex_id] for m in group.members if ex_id in m.given(which)]
        if answers:
            questions.append(question(entry, answers))
    flags: dict[tuple[str, int], dict[str, Any]] = {}
    for member in group.members:
        for note in member.data.notes:
            spot = flags.setdefault((note.chapter, note.paragraph),
                                    {"chapter": note.chapter, "paragraph": note.paragraph,
                                     "confused": 0, "discuss": 0, "notes": []})
            if note.flag:
                spot[note.flag] += 1
            if note.note.strip():
                spot["notes"].append(note.note.strip())
    ranked = sorted(flags.values(), key=lambda f: (-(f["confused"] + f["discuss"]), -len(f["notes"]),
                                                   f["chapter"], f["paragraph"]))
    return {"members": len(group.members), "which": which, "no_first": sum(not m.firsts for m in group.members),
            "questions": questions, "paragraphs": ranked,
            "skipped": group.skipped, "misfits": group.misfits}
