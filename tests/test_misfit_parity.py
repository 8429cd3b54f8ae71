"""An answer that no longer fits the course is named in the same words by Python (the
group view in Jupyter, book/answers/read.py and stable.py) and by the pages
(static/answer-file.js on My answers and the group page): both read the catalog's
answers.* keys, and this test runs the same stale answers through both."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from book.answers.catalog import catalog
from book.answers.read import collect
from book.exercises import matching
from book.load import course
from book.strings import catalog as words

ROOT = Path(__file__).resolve().parent.parent


def first(kind: str) -> Any:
    return next(ex for ex in course().exercises.values() if ex.kind == kind)


def cases() -> list[dict[str, Any]]:
    """(case, exercise, kind, answer): one stale answer for each reason the two share."""
    choice, order, match, short, bridge = (first(k) for k in ("choice", "ordering", "matching", "short", "bridge"))
    left = matching.pairs(match)[0][0]
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


def test_python_gives_each_reason_in_the_catalogs_words():
    reasons = python_reasons(cases())
    t = words().t
    assert reasons[0] == t("answers.gone")
    assert reasons[1] == t("answers.kind_changed", was="ordering", now="choice")
    assert reasons[2] == t("answers.not_offered", what=t("answers.what_option"), text=cases()[2]["answer"]["chosen"][0][:60])
    assert reasons[3] == "the answer has no 'chosen': it was saved in another shape"
    assert len(set(reasons)) == len(reasons)  # nine cases, nine different reasons


def test_python_and_javascript_give_the_same_reason(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the JavaScript tests")
    rows = cases()
    for row, reason in zip(rows, python_reasons(rows)):
        row["python"] = reason
    (tmp_path / "catalog.json").write_text(json.dumps(catalog()), encoding="utf-8")
    (tmp_path / "misfits.json").write_text(json.dumps(rows), encoding="utf-8")
    (tmp_path / "strings.js").write_text(words().as_script(), encoding="utf-8")
    run = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "misfits.test.js")], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "PRT_CATALOG": str(tmp_path / "catalog.json"),
                              "PRT_MISFITS": str(tmp_path / "misfits.json"), "PRT_STRINGS": str(tmp_path / "strings.js")},
                         timeout=120)
    failures = re.findall(r"^not ok \d+ - (.*)$", run.stdout, re.M)
    assert run.returncode == 0 and not failures, (failures, run.stdout[-3000:], run.stderr[-2000:])
    assert f"# pass {len(rows)}" in run.stdout
