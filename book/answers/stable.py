"""Live answers (the shapes the notebook widgets read and write) to and from the stable
shapes of an answer file, and the check that a stored answer still fits its exercise.

The course changes between sessions (an option reworded, an event renamed): an answer
that no longer fits is reported in words and kept in the file, never forced into a
widget. The reasons are the catalog's (answers.*), the very texts static/answer-file.js
gives for the same misfit on the My answers and group pages.
"""

from __future__ import annotations

from typing import Any

from ..course.offered import matching_pairs, matching_rights
from ..course.strings import t

#: The key every stable answer of a kind has (book/answers/model.py lists the shapes).
SHAPE = {"choice": "chosen", "ordering": "order", "matching": "pairs", "short": "text",
         "bridge": "grievance", "discussion": "notes", "ledger": "rows"}


class Misfit(ValueError):
    """A stored answer that does not fit the exercise as it is now."""


def to_stable(ex: Any, live: Any) -> dict[str, Any]:
    """A widget's answer in the answer file's shape for its kind."""
    kind = ex.kind
    if kind == "choice":
        return {"chosen": [ex.options[i].text for i in live]}
    if kind == "ordering":
        return {"order": list(live)}
    if kind == "matching":
        return {"pairs": dict(live)}
    if kind == "short":
        return {"text": live.get("text", ""), "ticks": [ex.rubric[i] for i in live.get("ticks", [])]}
    if kind == "bridge":
        g = int(live.get("grievance", -1))
        if g >= len(ex.grievances) or g < -1:
            raise Misfit(t("answers.not_offered", what=t("answers.what_grievance"), text=g))
        return {"grievance": ex.grievances[g].grievance if g >= 0 else None,
                **{s: live.get(s, "") for s in ("immediate", "transitional", "goal")}}
    if kind == "discussion":
        return {"notes": live.get("notes", "")}
    if kind == "ledger":
        return {"rows": [dict(r) for r in live]}
    raise Misfit(t("answers.unknown_kind", kind=kind))


def _index(texts: list[str], text: Any, what: str) -> int:
    """Where ``text`` is in ``texts``; Misfit if it is not. ``what`` is its catalog key."""
    if text not in texts:
        raise Misfit(t("answers.not_offered", what=t(what), text=str(text)[:60]))
    return texts.index(text)


def from_stable(ex: Any, stable: Any) -> Any:
    """The widget's shape of a stored answer; Misfit, with the reason, if it does not fit."""
    if not isinstance(stable, dict):
        raise Misfit(t("answers.not_object"))
    kind = ex.kind
    if kind in SHAPE and SHAPE[kind] not in stable:
        raise Misfit(t("answers.other_shape", key=SHAPE[kind]))
    try:
        if kind == "choice":
            texts = [o.text for o in ex.options]
            chosen = [_index(texts, c, "answers.what_option") for c in stable["chosen"]]
            if len(chosen) > 1 and not ex.multiple:
                raise Misfit(t("answers.several"))
            return chosen
        if kind == "ordering":
            order = list(stable["order"])
            if sorted(order) != sorted(ex.events):
                raise Misfit(t("answers.events_changed"))
            return order
        if kind == "matching":
            offered, lefts = matching_rights(ex), [left for left, _ in matching_pairs(ex)]
            pairs = dict(stable["pairs"])
            for left, right in pairs.items():
                _index(lefts, left, "answers.what_item")
                _index(offered, right, "answers.what_answer")
            return pairs
        if kind == "short":
            return {"text": str(stable.get("text", "")),
                    "ticks": [_index(list(ex.rubric), r, "answers.what_rubric") for r in stable.get("ticks", [])]}
        if kind == "bridge":
            texts = [g.grievance for g in ex.grievances]
            g = stable.get("grievance")
            return {"grievance": -1 if g is None else _index(texts, g, "answers.what_grievance"),
                    **{s: str(stable.get(s, "")) for s in ("immediate", "transitional", "goal")}}
        if kind == "discussion":
            return {"notes": str(stable.get("notes", ""))}
        if kind == "ledger":
            rows = list(stable["rows"])
            if not all(isinstance(r, dict) for r in rows):
                raise Misfit(t("answers.row_not_object"))
            return rows
    except (KeyError, TypeError) as err:
        raise Misfit(t("answers.lacks", what=err)) from err
    raise Misfit(t("answers.unknown_kind", kind=kind))
