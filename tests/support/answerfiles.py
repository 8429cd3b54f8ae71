"""Answer files as a group's members produce them: a plausible answer to every exercise
of every kind (right for some members, wrong for others), paragraph flags and notes, in
the current format or an older one. Shared by the answer-file tests and the group page's."""

from __future__ import annotations

import json
from typing import Any

from book.course.offered import matching_pairs, ordering_key
from book.answers.stable import to_stable
from book.course.load import course


def live_answer(ex: Any, variant: int = 0) -> Any:
    """A widget's answer to ``ex``: variant 0 is the right one where there is one; others
    differ (another option, a reversed order, shifted pairs, other ticks and grievances)."""
    if ex.kind == "choice":
        right = [i for i, o in enumerate(ex.options) if o.correct]
        if variant == 0:
            return right
        wrong = [i for i in range(len(ex.options)) if i not in right]
        return [wrong[variant % len(wrong)]] if wrong else right
    if ex.kind == "ordering":
        key = ordering_key(ex)
        return key if variant % 2 == 0 else list(reversed(key))
    if ex.kind == "matching":
        pairs = matching_pairs(ex)
        rights = [right for _, right in pairs]
        shift = variant % len(rights)
        return {left: rights[(n + shift) % len(rights)] for n, (left, _) in enumerate(pairs)}
    if ex.kind == "short":
        return {"text": f"An answer of enough words here, version {variant}.",
                "ticks": sorted({0, variant % len(ex.rubric)})}
    if ex.kind == "bridge":
        return {"grievance": variant % len(ex.grievances), "immediate": "a", "transitional": "b", "goal": "c"}
    if ex.kind == "discussion":
        return {"notes": f"Notes {variant}."}
    if ex.kind == "passage":
        return ex.answer if variant == 0 else ex.candidates[variant % len(ex.candidates)]
    return [{"household": "A", "day": "2026-07-14", "minutes": 90 + variant}]


def member_file(pseudonym: str, variant: int, member: str = "", exported: str | None = None,
                notes: list[dict[str, Any]] = (), version: int = 2, skip_every: int = 0) -> str:
    """An answer file answering every exercise (but every ``skip_every``-th, when given),
    as the book writes it: version 1 files have no member id."""
    answers = []
    for n, ex in enumerate(course().exercises.values()):
        if skip_every and n % skip_every == 0:
            continue
        answers.append({"exercise": ex.id, "chapter": ex.chapter, "kind": ex.kind,
                        "answer": to_stable(ex, live_answer(ex, variant + n)), "time": exported})
    data: dict[str, Any] = {"format": "prt-answers", "version": version, "pseudonym": pseudonym, "session": "week 3",
                            "book_version": "", "source": "book", "exported": exported, "answers": answers,
                            "notes": list(notes)}
    if member:
        data["member"] = member
    return json.dumps(data, ensure_ascii=False, indent=2)
