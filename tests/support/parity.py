"""What the grader parity runs share: each exercise's spec as its page carries it, and the answers graded in both languages."""

from __future__ import annotations

import json
import re
from typing import Any, Iterator
from book.course.offered import matching_pairs, matching_rights, ordering_key, ordering_presented
from book import exercises
from book.course.load import course


SPEC = re.compile(r'<script type="application/json" class="prt-ex-data">(.*?)</script>', re.S)


def spec_of(ex: Any) -> dict[str, Any]:
    return json.loads(SPEC.search(exercises.kind_of(ex).static_html(ex)).group(1))


def cases(ex: Any) -> Iterator[tuple[str, Any, Any]]:
    """(case, answer as Python's widgets give it, answer as the page stores it)."""
    if ex.kind == "choice":
        right = [i for i, o in enumerate(ex.options) if o.correct]
        yield "right", right, right
        yield "first", [0], [0]
        yield "none", [], []
        yield "all", list(range(len(ex.options))), list(range(len(ex.options)))
        yield "no such option", [len(ex.options)], [len(ex.options)]
    elif ex.kind == "ordering":
        key = ordering_key(ex)
        yield "right", key, key
        yield "reversed", key[::-1], key[::-1]
        yield "as shown", [e.id for e in ordering_presented(ex)], [e.id for e in ordering_presented(ex)]
        yield "one missing", key[:-1], key[:-1]
    elif ex.kind == "matching":
        pairs, offered = matching_pairs(ex), matching_rights(ex)
        right = dict(pairs)
        yield "right", right, [offered.index(r) for _, r in pairs]
        shifted = {left: pairs[(n + 1) % len(pairs)][1] for n, (left, _) in enumerate(pairs)}
        yield "all wrong", shifted, [offered.index(shifted[left]) for left, _ in pairs]
        yield "one only", {pairs[0][0]: pairs[0][1]}, [offered.index(pairs[0][1])] + [None] * (len(pairs) - 1)
        yield "none", {}, [None] * len(pairs)
    elif ex.kind == "short":
        text = " ".join(["word"] * ex.min_words)
        yield "all ticked", {"text": text, "ticks": list(range(len(ex.rubric)))}, {"text": text, "ticks": list(range(len(ex.rubric)))}
        yield "one ticked", {"text": text, "ticks": [0]}, {"text": text, "ticks": [0]}
        yield "too short", {"text": "word", "ticks": []}, {"text": "word", "ticks": []}
    elif ex.kind == "bridge":
        steps = {s: " ".join([s] * ex.min_words) for s in ("immediate", "transitional", "goal")}
        yield "complete", {"grievance": 0, **steps}, {"grievance": 0, **steps}
        yield "no grievance chosen", {"grievance": -1, **steps}, {"grievance": -1, **steps}
        yield "a step too short", {"grievance": 0, **steps, "goal": ""}, {"grievance": 0, **steps, "goal": ""}
    elif ex.kind == "discussion":
        yield "notes", {"notes": "Water cuts matter most here."}, {"notes": "Water cuts matter most here."}
        yield "empty", {"notes": "  "}, {"notes": "  "}
    elif ex.kind == "ledger":
        rows = [{"household": "A", "day": "2026-07-14", "minutes": 90}, {"household": "B", "day": "2026-07-14", "minutes": 75},
                {"household": "A", "day": "2026-07-15", "minutes": 150}]
        yield "three rows (ties in rounding)", rows, rows
        yield "a day that does not exist", rows + [{"household": "A", "day": "2026-02-30", "minutes": 5}], \
            rows + [{"household": "A", "day": "2026-02-30", "minutes": 5}]
        bad = [{"household": "A", "day": "20260714", "minutes": "--5"}, {"household": "", "day": "2026-07-14", "minutes": 1}]
        yield "malformed rows", bad, bad
        yield "empty", [], []
    elif ex.kind == "passage":
        wrong = next(a for a in ex.candidates if a != ex.answer)
        yield "right", ex.answer, ex.answer
        yield "another", wrong, wrong
        yield "none", "", ""
        yield "not offered", "p999", "p999"


def table() -> list[dict[str, Any]]:
    out = []
    for ex in course().exercises.values():
        spec = spec_of(ex)
        for case, live, page in cases(ex):
            got = exercises.grade(ex.id, live)
            out.append({"exercise": ex.id, "case": case, "spec": spec, "answer": page,
                        "expected": {"correct": got.correct, "messages": got.messages, "invalid": got.invalid}})
    return out
