"""One grader per exercise kind, in two languages that must agree: the parity table.

For every exercise, a set of answers (right, wrong, empty, malformed, the edge cases that
once disagreed) is graded by Python's grade(); the table (spec, answer as the book's page
stores it, verdict) is then run through static/graders.js under node. Any difference in
correctness, wording or validity fails, naming the exercise and the case.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


from nodetests import node_test

from book.course.strings import catalog
from parity import table

ROOT = Path(__file__).resolve().parents[2]


def test_python_and_javascript_grade_alike(tmp_path):
    rows = table()
    (tmp_path / "parity.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "strings.js").write_text(catalog().as_script(), encoding="utf-8")
    run = node_test("graders.test.js", {"PRT_PARITY": str(tmp_path / "parity.json"),
                                        "PRT_STRINGS": str(tmp_path / "strings.js")})
    failures = re.findall(r"^not ok \d+ - (.*)$", run.stdout, re.M)
    assert run.returncode == 0 and not failures, (failures[:10], run.stdout[-3000:])
    assert f"# pass {len(rows)}" in run.stdout
