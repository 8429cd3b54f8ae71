"""One grader per exercise kind, in two languages that must agree: the parity table.

For every exercise, a set of answers (right, wrong, empty, malformed, the edge cases that
once disagreed) is graded by Python's grade(); the table (spec, answer as the book's page
stores it, verdict) is then run through static/graders.js under node. Any difference in
correctness, wording or validity fails, naming the exercise and the case.
"""

from __future__ import annotations



from book import exercises
from parity import table



def test_every_kind_is_in_the_table():
    assert {row["spec"]["kind"] for row in table()} == set(exercises.KINDS)


def test_the_two_disagreements_that_were_bugs_are_now_agreed():
    rows = {(r["exercise"], r["case"]): r for r in table()}
    bridge = next(r for (ex, case), r in rows.items() if case == "no grievance chosen")
    assert bridge["expected"] == {"correct": None, "messages": ["Choose a grievance first."], "invalid": True}
    ledger = next(r for (ex, case), r in rows.items() if case == "a day that does not exist")
    assert "Row 4 skipped: '2026-02-30' is not a date; use the form 2026-07-14." in ledger["expected"]["messages"]


