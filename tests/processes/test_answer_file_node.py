"""The answer file: its schema, the Python conversions, reading a group's files, and the
same conversions in the browser's JavaScript run under node (tests/js)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from book.course.offered import matching_pairs
from book.answers.catalog import catalog
from book.answers.read import collect
from book.answers.stable import to_stable
from book.course.load import course
from answerfiles import live_answer
from book.course.strings import catalog as words

ROOT = Path(__file__).resolve().parents[2]


def first(kind: str) -> Any:
    return next(ex for ex in course().exercises.values() if ex.kind == kind)


def misfit_cases() -> list[dict[str, Any]]:
    """(case, exercise, kind, answer): one stale answer for each reason Python and the pages share."""
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
    ]


def python_reasons(rows: list[dict[str, Any]]) -> list[str]:
    """Each stale answer's reason as book/answers/read.py reports it ("label, id: why")."""
    out = []
    for row in rows:
        text = json.dumps({"format": "prt-answers", "version": 1, "pseudonym": "Ana", "answers": [
            {"exercise": row["exercise"], "chapter": "peru", "kind": row["kind"], "answer": row["answer"]}]})
        (misfit,) = collect([("a.json", text)]).misfits
        out.append(misfit.removeprefix(f"Ana, {row['exercise']}: "))
    return out


def test_the_browsers_conversions_agree_with_pythons(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the JavaScript tests")
    cat = catalog()
    cases = []
    for ex in course().exercises.values():
        live = live_answer(ex)
        page = {"choice": lambda: live, "ordering": lambda: live,
                "matching": lambda: [cat[ex.id]["rights"].index(live[left]) for left in cat[ex.id]["lefts"]],
                "short": lambda: live, "bridge": lambda: live, "discussion": lambda: live,
                "ledger": lambda: live}[ex.kind]()
        cases.append({"exercise": ex.id, "page": page, "stable": to_stable(ex, live)})
    (tmp_path / "catalog.json").write_text(json.dumps(cat), encoding="utf-8")
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    misfits = misfit_cases()  # and why a stale answer no longer fits: the same words as Python's
    for row, reason in zip(misfits, python_reasons(misfits)):
        row["python"] = reason
    (tmp_path / "misfits.json").write_text(json.dumps(misfits), encoding="utf-8")
    (tmp_path / "strings.js").write_text(words().as_script(), encoding="utf-8")
    run = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "answer-file.test.js")], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "PRT_CATALOG": str(tmp_path / "catalog.json"),
                              "PRT_CASES": str(tmp_path / "cases.json"), "PRT_STRINGS": str(tmp_path / "strings.js"),
                              "PRT_MISFITS": str(tmp_path / "misfits.json")},
                         timeout=120)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert f"# pass {len(cases) + 4 + len(misfits)}" in run.stdout


