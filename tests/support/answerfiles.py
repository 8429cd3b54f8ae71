"""Answer files as a group's members produce them: a plausible answer to every exercise
of every kind (right for some members, wrong for others), paragraph flags and notes, in
the current format (version 3: ids, first answers beside the last) or an older one
(versions 1 and 2: the English texts, as those books wrote them). Shared by the answer-file tests and the group page's."""

from __future__ import annotations

import json
from typing import Any

from book.course.offered import matching_pairs, matching_rights, ordering_key
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


def legacy_stable(ex: Any, live: Any) -> dict[str, Any]:
    """An answer as a version 1 or 2 file holds it: options, rubric points, grievances
    and matching items by their English texts (the book's to_stable before version 3)."""
    if ex.kind == "choice":
        return {"chosen": [ex.options[i].text for i in live]}
    if ex.kind == "short":
        return {"text": live["text"], "ticks": [ex.rubric[i] for i in live["ticks"]]}
    if ex.kind == "bridge":
        g = live["grievance"]
        return {**{k: v for k, v in live.items() if k != "grievance"},
                "grievance": ex.grievances[g].grievance if g >= 0 else None}
    if ex.kind == "matching":
        assert set(live.values()) <= set(matching_rights(ex))
        return {"pairs": dict(live)}
    return to_stable(ex, live)


def member_file(pseudonym: str, variant: int, member: str = "", exported: str | None = None,
                notes: list[dict[str, Any]] = (), version: int = 3, skip_every: int = 0,
                first: int | None = None) -> str:
    """An answer file answering every exercise (but every ``skip_every``-th, when given),
    as the book writes it: version 1 files have no member id, versions 1 and 2 hold texts.
    In version 3, ``first`` is the variant of the first answers (the last answers' by
    default: the member answered once); version 1 and 2 files have none."""
    answers = []
    for n, ex in enumerate(course().exercises.values()):
        if skip_every and n % skip_every == 0:
            continue
        live = live_answer(ex, variant + n)
        entry = {"exercise": ex.id, "chapter": ex.chapter, "kind": ex.kind,
                 "answer": to_stable(ex, live) if version >= 3 else legacy_stable(ex, live), "time": exported}
        if version >= 3:
            earlier = live_answer(ex, (variant if first is None else first) + n)
            entry["first"] = {"answer": to_stable(ex, earlier), "correct": None, "time": exported}
        answers.append(entry)
    data: dict[str, Any] = {"format": "prt-answers", "version": version, "pseudonym": pseudonym, "session": "week 3",
                            "book_version": "", "source": "book", "exported": exported, "answers": answers,
                            "notes": list(notes)}
    if member:
        data["member"] = member
    return json.dumps(data, ensure_ascii=False, indent=2)
