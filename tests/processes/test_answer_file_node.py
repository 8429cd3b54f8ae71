"""The answer file: its schema, the Python conversions, reading a group's files, and the
same conversions in the browser's JavaScript run under node (tests/js)."""

from __future__ import annotations

import json
from pathlib import Path


from nodetests import node_test

from book.answers.catalog import catalog
from book.answers.stable import to_stable
from book.course.load import course
from answerfiles import legacy_stable, live_answer
from book.course.strings import catalog as words
from misfits import misfit_cases, python_reasons

ROOT = Path(__file__).resolve().parents[2]


def test_the_browsers_conversions_agree_with_pythons(tmp_path):
    cat = catalog()
    cases = []
    for ex in course().exercises.values():
        live = live_answer(ex)
        # The page keeps a matching as positions in its lists; every other kind as the widget does.
        page = ([cat[ex.id]["rights"].index(live[left]) for left in cat[ex.id]["lefts"]]
                if ex.kind == "matching" else live)
        # "legacy": the same answer as a version 1 or 2 file held it (English texts)
        cases.append({"exercise": ex.id, "page": page, "stable": to_stable(ex, live), "legacy": legacy_stable(ex, live)})
    (tmp_path / "catalog.json").write_text(json.dumps(cat), encoding="utf-8")
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    misfits = misfit_cases()  # and why a stale answer no longer fits: the same words as Python's
    for row, reason in zip(misfits, python_reasons(misfits)):
        row["python"] = reason
    (tmp_path / "misfits.json").write_text(json.dumps(misfits), encoding="utf-8")
    (tmp_path / "strings.js").write_text(words().as_script(), encoding="utf-8")
    run = node_test("answer-file.test.js", {"PRT_CATALOG": str(tmp_path / "catalog.json"),
                                            "PRT_CASES": str(tmp_path / "cases.json"),
                                            "PRT_STRINGS": str(tmp_path / "strings.js"),
                                            "PRT_MISFITS": str(tmp_path / "misfits.json")})
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert f"# pass {2 * len(cases) + 7 + len(misfits)}" in run.stdout


