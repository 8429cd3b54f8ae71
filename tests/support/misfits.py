"""Answers that no longer fit the course, one per reason, and the reasons Python gives: shared by the answer-file tests in both languages."""

from __future__ import annotations

import json
from typing import Any
from book.course.offered import matching_pairs
from book.answers.read import collect
from book.course.load import course


def first(kind: str) -> Any:
    return next(ex for ex in course().exercises.values() if ex.kind == kind)


def misfit_cases() -> list[dict[str, Any]]:
    """(case, exercise, kind, answer, version): one stale answer for each reason Python and the
    pages share; version 1 answers hold texts (mapped to ids on reading), version 3 ids."""
    choice, order, match, short, bridge, ledger = (first(k) for k in ("choice", "ordering", "matching", "short", "bridge", "ledger"))
    single = next(ex for ex in course().exercises.values() if ex.kind == "choice" and not ex.multiple)
    left = matching_pairs(match)[0][0]
    steps = {s: "a step" for s in ("immediate", "transitional", "goal")}
    return [
        {"case": "an exercise the course no longer has", "exercise": "gone-since", "kind": "choice",
         "answer": {"chosen": []}},
        {"case": "an exercise of another kind now", "exercise": choice.id, "kind": "ordering", "answer": {"order": []}},
        {"case": "an option reworded", "exercise": choice.id, "kind": "choice",
         "answer": {"chosen": ["an option reworded since, " + "and long enough to be cut short " * 3]}},
        {"case": "an answer saved in another shape", "exercise": choice.id, "kind": "choice", "answer": {"picked": [0]}},
        {"case": "the events changed", "exercise": order.id, "kind": "ordering", "answer": {"order": ["renamed-event"]}},
        {"case": "an item no longer offered", "exercise": match.id, "kind": "matching",
         "answer": {"pairs": {"a term dropped since": "x"}}},
        {"case": "a matched answer reworded", "exercise": match.id, "kind": "matching",
         "answer": {"pairs": {left: "a definition reworded since"}}},
        {"case": "a rubric point reworded", "exercise": short.id, "kind": "short",
         "answer": {"text": "words", "ticks": ["a point reworded since"]}},
        {"case": "a grievance reworded", "exercise": bridge.id, "kind": "bridge",
         "answer": {"grievance": "a grievance reworded since", **steps}},
        {"case": "several options where one is asked for", "exercise": single.id, "kind": "choice",
         "answer": {"chosen": [o.text for o in single.options[:2]]}},
        {"case": "a ledger row that is not a row", "exercise": ledger.id, "kind": "ledger",
         "answer": {"rows": [{"household": "A", "day": "2026-07-14", "minutes": 90}, 90]}},
        {"case": "a version 3 option id no longer offered", "exercise": choice.id, "kind": "choice",
         "answer": {"chosen": ["an-option-dropped-since"]}, "version": 3},
        {"case": "a version 3 file naming a text, not an id", "exercise": match.id, "kind": "matching",
         "answer": {"pairs": {left: left}}, "version": 3},
    ]


def python_reasons(rows: list[dict[str, Any]]) -> list[str]:
    """Each stale answer's reason as book/answers/read.py reports it ("label, id: why")."""
    out = []
    for row in rows:
        text = json.dumps({"format": "prt-answers", "version": row.get("version", 1), "pseudonym": "Ana", "answers": [
            {"exercise": row["exercise"], "chapter": "peru", "kind": row["kind"], "answer": row["answer"]}]})
        (misfit,) = collect([("a.json", text)]).misfits
        out.append(misfit.removeprefix(f"Ana, {row['exercise']}: "))
    return out
