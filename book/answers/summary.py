"""How a group answered, per question, and which paragraphs it flagged.

The same summary is drawn by the facilitator's group page (static/group.js, in the
browser, no Python) and by ``group-answers.ipynb``; a test feeds both the same files and
compares the counts. Names appear only when asked for.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..course.strings import t
from .catalog import catalog
from .read import Group


#: What each kind's bars count, said above them (static/group.js says the same).
CAPTION = {"choice": "group.bars", "ordering": "group.bars_ordering", "matching": "group.bars_matching",
           "short": "group.bars_short", "bridge": "group.bars_bridge"}


def question(entry: dict[str, Any], answers: list[dict[str, Any]]) -> dict[str, Any]:
    """One exercise's counts: how many answered, and per kind what they chose."""
    kind, counts = entry["kind"], Counter()
    if kind == "choice":
        for a in answers:
            counts.update(a.get("chosen", []))
        bars = [(o, counts[o]) for o in entry["options"]]
    elif kind == "ordering":
        right = sum(list(a.get("order", [])) == entry["key"] for a in answers)
        bars = [(t("group.right_order"), right), (t("group.not_yet"), len(answers) - right)]
    elif kind == "matching":
        bars = [(left, sum(a.get("pairs", {}).get(left) == entry["key"][left] for a in answers))
                for left in entry["lefts"]]
    elif kind == "short":
        for a in answers:
            counts.update(a.get("ticks", []))
        bars = [(r, counts[r]) for r in entry["rubric"]]
    elif kind == "bridge":
        counts.update(a.get("grievance") for a in answers if a.get("grievance"))
        bars = [(g, counts[g]) for g in entry["grievances"]]
    else:  # discussion, ledger: nothing to count but who answered
        bars = []
    return {"id": entry["id"], "title": entry["title"], "kind": kind, "answered": len(answers), "bars": bars}


def summarize(group: Group) -> dict[str, Any]:
    """Every question that someone answered, in course order, and the flagged ¶s."""
    questions = []
    for ex_id, entry in catalog().items():
        answers = [m.answers[ex_id] for m in group.members if ex_id in m.answers]
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
    return {"members": len(group.members), "questions": questions, "paragraphs": ranked,
            "skipped": group.skipped, "misfits": group.misfits}
