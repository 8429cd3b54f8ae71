"""Live answers (the shapes the notebook widgets read and write) to and from the stable
shapes of an answer file, and the check that a stored answer still fits its exercise.

The course changes between sessions (an option reworded, an event renamed): an answer
that no longer fits is reported in words and kept in the file, never forced into a
widget.
"""

from __future__ import annotations

from typing import Any


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
            raise Misfit(f"grievance {g} is no longer offered")
        return {"grievance": ex.grievances[g].grievance if g >= 0 else None,
                **{s: live.get(s, "") for s in ("immediate", "transitional", "goal")}}
    if kind == "discussion":
        return {"notes": live.get("notes", "")}
    if kind == "ledger":
        return {"rows": [dict(r) for r in live]}
    raise Misfit(f"unknown exercise kind {kind!r}")


def _index(texts: list[str], text: Any, what: str) -> int:
    if text not in texts:
        raise Misfit(f"{what} {str(text)[:60]!r} is no longer offered")
    return texts.index(text)


def from_stable(ex: Any, stable: Any) -> Any:
    """The widget's shape of a stored answer; Misfit, with the reason, if it does not fit."""
    if not isinstance(stable, dict):
        raise Misfit("the answer is not an object")
    kind = ex.kind
    if kind in SHAPE and SHAPE[kind] not in stable:
        raise Misfit(f"the answer has no {SHAPE[kind]!r}: it was saved in another shape")
    try:
        if kind == "choice":
            texts = [o.text for o in ex.options]
            chosen = [_index(texts, t, "option") for t in stable["chosen"]]
            if len(chosen) > 1 and not ex.multiple:
                raise Misfit("several options chosen where one is asked for")
            return chosen
        if kind == "ordering":
            order = list(stable["order"])
            if sorted(order) != sorted(ex.events):
                raise Misfit("the events to order have changed")
            return order
        if kind == "matching":
            from ..exercises import matching  # (the exercises' store imports this module)

            offered, lefts = matching.rights(ex), [left for left, _ in matching.pairs(ex)]
            pairs = dict(stable["pairs"])
            for left, right in pairs.items():
                _index(lefts, left, "item")
                _index(offered, right, "answer")
            return pairs
        if kind == "short":
            return {"text": str(stable.get("text", "")),
                    "ticks": [_index(list(ex.rubric), t, "rubric point") for t in stable.get("ticks", [])]}
        if kind == "bridge":
            texts = [g.grievance for g in ex.grievances]
            g = stable.get("grievance")
            return {"grievance": -1 if g is None else _index(texts, g, "grievance"),
                    **{s: str(stable.get(s, "")) for s in ("immediate", "transitional", "goal")}}
        if kind == "discussion":
            return {"notes": str(stable.get("notes", ""))}
        if kind == "ledger":
            rows = list(stable["rows"])
            if not all(isinstance(r, dict) for r in rows):
                raise Misfit("a ledger row is not an object")
            return rows
    except (KeyError, TypeError) as err:
        raise Misfit(f"the answer lacks or mistypes {err}") from err
    raise Misfit(f"unknown exercise kind {kind!r}")
