"""The answer file: its schema, the Python conversions, reading a group's files, and the
same conversions in the browser's JavaScript run under node (tests/js)."""

from __future__ import annotations

import json

import pytest

from book.answers import AnswerFile
from book.answers.model import SCHEMA, schema_text
from book.answers.read import collect, parse
from book.answers.stable import Misfit, from_stable, to_stable
from book.answers.summary import summarize
from book.course.load import course
from book.kinds import kind_of
from answerfiles import live_answer
from book.course.strings import catalog as words
from misfits import misfit_cases, python_reasons


def test_schema_file_is_generated_from_the_models():
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), "run: python -m book.answers.model"


@pytest.mark.parametrize("ex_id", sorted(course().exercises))
def test_every_exercise_round_trips_through_the_file_shape(ex_id):
    ex = course().exercises[ex_id]
    live = live_answer(ex)
    assert from_stable(ex, json.loads(json.dumps(to_stable(ex, live)))) == live


def test_answers_that_no_longer_fit_say_why():
    ex = course().exercises["tishreen-who-protested"]
    with pytest.raises(Misfit, match="no longer offered"):
        from_stable(ex, {"chosen": ["an option reworded since"]})
    with pytest.raises(Misfit, match="not an object"):
        from_stable(ex, ["0"])
    order = course().exercises["tishreen-order-events"]
    with pytest.raises(Misfit, match="events to order have changed"):
        from_stable(order, {"order": ["renamed-event"]})


def test_a_group_with_broken_files_old_answers_and_one_pseudonym_twice():
    ex = course().exercises["tishreen-who-protested"]
    good = AnswerFile(pseudonym="Ana", answers=[{"exercise": ex.id, "chapter": "tishreen", "kind": "choice",
                                                 "answer": to_stable(ex, [0])}]).model_dump_json()
    stale = json.dumps({"format": "prt-answers", "version": 1, "pseudonym": "Ana",
                        "answers": [{"exercise": "gone", "chapter": "peru", "kind": "choice", "answer": {}}]})
    group = collect([("a.json", good), ("b.json", stale), ("c.json", "[1, 2"), ("d.json", '{"format": "x"}')])
    assert [m.label for m in group.members] == ["Ana", "Ana (2)"]
    assert group.skipped == ["c.json: not JSON (line 1, column 6)", 'd.json: not an answer file (no "format": "prt-answers")']
    assert group.misfits == ["Ana (2), gone: no longer in the course"]
    summary = summarize(group)
    assert summary["members"] == 2 and [q["answered"] for q in summary["questions"]] == [1]




def test_python_gives_each_reason_in_the_catalogs_words():
    reasons = python_reasons(misfit_cases())
    t = words().t
    assert reasons[0] == t("answers.gone")
    assert reasons[1] == t("answers.kind_changed", was="ordering", now="choice")
    assert reasons[2] == t("answers.not_offered", what=t("answers.what_option"), text=misfit_cases()[2]["answer"]["chosen"][0][:60])
    assert reasons[3] == "the answer has no 'chosen': it was saved in another shape"
    assert reasons[9:11] == [t("answers.several"), t("answers.row_not_object")]
    assert reasons[11] == t("answers.not_offered", what=t("answers.what_option"), text="an-option-dropped-since")
    assert reasons[12].startswith(t("answers.not_offered", what=t("answers.what_item"), text="")[:5])
    assert len(set(reasons)) == len(reasons)  # thirteen cases, thirteen different reasons


def _file(pseudonym: str, member: str = "", exported: str | None = None, chosen: str = "", version: int = 2) -> str:
    ex = course().exercises["tishreen-who-protested"]
    data = {"format": "prt-answers", "version": version, "pseudonym": pseudonym, "exported": exported,
            "answers": [{"exercise": ex.id, "chapter": ex.chapter, "kind": "choice",
                         "answer": {"chosen": [chosen or ex.options[0].text]}}]}
    if member:
        data["member"] = member
    return json.dumps(data, ensure_ascii=False)


def test_members_are_known_by_their_device_id_not_by_pseudonym_or_order():
    ex = course().exercises["tishreen-who-protested"]
    first, second = ex.options[0].text, ex.options[1].text
    zaid_a, zaid_b, zainab = "k7qmabcdefghjkmn", "x2pzabcdefghjkmn", "p3rtabcdefghjkmn"
    old_v1 = _file("Ana", version=1)
    group = collect([
        ("zaid-1.json", _file("Zaid", zaid_a, "2026-12-01T10:00:00Z", first)),
        ("zaid-2.json", _file("Zaid", zaid_b, "2026-12-01T11:00:00Z", first)),
        ("zainab.json", _file("زينب", zainab, "2026-12-02T09:00:00Z", second)),
        ("zaid-1-again.json", _file("Zaid", zaid_a, "2026-12-03T10:00:00Z", second)),   # re-sent, changed
        ("zainab-older.json", _file("زينب", zainab, "2026-12-01T09:00:00Z", first)),    # an older copy, later
        ("ana.json", old_v1), ("ana-copy.json", old_v1),                                # the same v1 file twice
        ("ana-other.json", _file("Ana", version=1, chosen=second)),                     # another v1 "Ana"
    ])
    labels = [m.label for m in group.members]
    assert labels == ["Zaid · K7QM", "Zaid · X2PZ", "زينب · P3RT", "Ana", "Ana (2)"]
    assert [m.file for m in group.members] == ["zaid-1-again.json", "zaid-2.json", "zainab.json", "ana-copy.json",
                                               "ana-other.json"]
    assert group.replaced == [("zaid-1.json", "zaid-1-again.json"), ("zainab-older.json", "zainab.json"),
                              ("ana.json", "ana-copy.json")]
    # version 2 files name the option by its English text: read, it is the option's id
    assert group.members[0].answers[ex.id] == {"chosen": [kind_of(ex).ids(ex)[1]]}


def test_a_member_id_that_is_not_one_is_refused_naming_the_field():
    with pytest.raises(ValueError, match="^member: "):
        parse(_file("Zaid", "../../etc/passwd"))


def test_first_answers_are_counted_apart_from_the_last_and_a_v2_file_has_none():
    """A member who got it wrong, then right, is right in the "last" counts and not in the
    "first"; a version 2 file of another member counts in "last" only; the group
    notebook says which it counts."""
    from answerfiles import member_file
    from book.exercises.facilitator import group as group_view

    ex = course().exercises["tishreen-who-protested"]
    n = list(course().exercises).index(ex.id)
    right, wrong = (v - n for v in (0, 1))  # member_file answers exercise n with variant + n
    files = [("rana.json", member_file("رنا", right, "r4naabcdefghjkmn", "2026-12-06T10:00:00Z", first=wrong)),
             ("sami.json", member_file("Sami", right, "sam2abcdefghjkmn", "2026-11-29T10:00:00Z", version=2))]
    g = collect(files)
    label = next(o.text for o in ex.options if o.correct)
    last, first = summarize(g), summarize(g, "first")
    assert dict(next(q for q in last["questions"] if q["id"] == ex.id)["bars"])[label] == 2
    assert dict(next(q for q in first["questions"] if q["id"] == ex.id)["bars"])[label] == 0
    assert next(q for q in first["questions"] if q["id"] == ex.id)["answered"] == 1 and first["no_first"] == 1
    with pytest.raises(ValueError):
        summarize(g, "middle")
    shown = group_view.GroupView(g, which="first")._summary()
    assert "Counting each member&#x27;s first answer" in shown
