"""Live answers: saved as given, atomically, restored after a restart, never lost."""

from __future__ import annotations

import csv
import json

import ipywidgets as w
import pytest

from book import exercises
from book.kinds import bridge, choice, discussion, ledger, short
from book.kinds.ledger import widget as ledger_live
from book.answers import names
from book.exercises.live import store
from book.course.load import course
from helpers import find_widgets


def _ex(exercise_id):
    return course().exercises[exercise_id]


def by_exercise(data: dict) -> dict:
    """An answer file's entries by exercise id."""
    return {e["exercise"]: e for e in data["answers"]}


def test_answer_is_written_at_once_and_read_back_by_a_new_store(answers_in_tmp):
    s = store.AnswerStore("Amal", "session 1")
    s.save("tishreen-who-protested", [1], True, 1.0)
    data = json.loads(s.path.read_text(encoding="utf-8"))
    ex = course().exercises["tishreen-who-protested"]
    assert data["pseudonym"] == "Amal" and data["version"] == 3
    assert by_exercise(data)["tishreen-who-protested"]["answer"] == {"chosen": [choice.ids(ex)[1]]}
    again = store.AnswerStore("Amal", "session 1")  # as after a kernel restart
    assert again.get("tishreen-who-protested") == [1]
    assert not list(s.path.parent.glob("*.tmp")), "a temporary file was left behind"


def test_the_first_answer_is_kept_beside_the_last_and_never_replaced(answers_in_tmp):
    """A member who got it wrong, then right: the file keeps both; a new kernel's save too."""
    ex = course().exercises["tishreen-who-protested"]
    wrong, right = [0], [1]
    s = store.AnswerStore("Amal", "s1")
    s.save(ex.id, wrong, False, 0.0)
    s.save(ex.id, right, True, 1.0)
    store.AnswerStore("Amal", "s1").save(ex.id, right, True, 1.0)  # after a restart, again
    entry = by_exercise(json.loads(s.path.read_text(encoding="utf-8")))[ex.id]
    ids = choice.ids(ex)
    assert entry["answer"] == {"chosen": [ids[1]]} and entry["correct"] is True
    assert entry["first"]["answer"] == {"chosen": [ids[0]]} and entry["first"]["correct"] is False
    assert entry["first"]["time"] <= entry["time"]


def test_a_version_2_live_file_is_read_with_its_texts_as_ids(answers_in_tmp):
    ex = course().exercises["tishreen-who-protested"]
    s = store.AnswerStore("Amal", "s1")
    s.path.parent.mkdir(parents=True, exist_ok=True)
    s.path.write_text(json.dumps({"format": "prt-answers", "version": 2, "pseudonym": "Amal", "source": "live",
                                  "answers": [{"exercise": ex.id, "chapter": ex.chapter, "kind": "choice",
                                               "answer": {"chosen": [ex.options[1].text]}}]}), encoding="utf-8")
    again = store.AnswerStore("Amal", "s1")
    assert again.get(ex.id) == [1]
    again.save(ex.id, [2], False, 0.0)  # the v2 answer was not known to be the first: none is made up
    entry = by_exercise(json.loads(s.path.read_text(encoding="utf-8")))[ex.id]
    assert entry["answer"] == {"chosen": [choice.ids(ex)[2]]} and "first" not in entry


def test_another_participant_never_overwrites(answers_in_tmp):
    store.AnswerStore("Amal", "s1").save("x", "a", None, None)
    store.AnswerStore("Bashir", "s1").save("x", "b", None, None)
    assert store.AnswerStore("Amal", "s1").get("x") == "a"
    assert store.AnswerStore("Bashir", "s1").get("x") == "b"


@pytest.mark.parametrize("first, second", [("José", "Jos"), ("Amal", "amal!"), ("Ana María", "Ana-María")])
def test_names_that_slug_alike_get_two_files(answers_in_tmp, first, second):
    a, b = store.AnswerStore(first, "s1"), store.AnswerStore(second, "s1")
    a.save("x", first, None, None)
    b.save("x", second, None, None)
    assert a.path != b.path
    assert store.AnswerStore(first, "s1").get("x") == first and store.AnswerStore(second, "s1").get("x") == second


def test_arabic_name_is_kept_and_readable_in_the_file_name(answers_in_tmp):
    s = store.AnswerStore("  محمد   علي ", "الجلسة ١")
    s.save("x", [1], True, 1.0)
    assert s.participant == "محمد علي" and s.path.name.startswith("محمد-علي-")
    assert s.path.parent.name.startswith("الجلسة-١-")
    assert json.loads(s.path.read_text(encoding="utf-8"))["pseudonym"] == "محمد علي"


def test_decomposed_and_composed_accents_are_one_name(answers_in_tmp):
    composed, decomposed = "Jos\u00e9", "Jose\u0301"
    store.AnswerStore(decomposed, "s1").save("x", "a", None, None)
    again = store.AnswerStore(composed, "s1")
    assert again.get("x") == "a" and again.participant == composed


def test_longest_name_gives_a_file_name_the_file_system_takes(answers_in_tmp):
    name = "𐌰" * names.MAX_CHARS  # Gothic letters: 4 bytes each in UTF-8
    s = store.AnswerStore(name, name)
    s.save("x", 1, None, None)
    longest = f"{s.path.stem}.corrupt-20261201-120000.json"  # the name a damaged file is kept under
    assert len(longest.encode()) <= 255 and store.AnswerStore(name, name).get("x") == 1


@pytest.mark.parametrize("name, session, message", [
    ("x" * 300, "s1", "Your name: at most 60 characters"),
    ("", "s1", "Your name: it is empty"),
    ("!!! ???", "s1", "Your name: use at least one letter or digit"),
    ("Amal\x00", "s1", "Your name: it contains an invisible control character"),
    ("Amal", "   ", "Session: it is empty"),
    ("Amal", "s" * 61, "Session: at most 60 characters"),
])
def test_a_name_that_cannot_be_used_is_refused_naming_its_field(answers_in_tmp, name, session, message):
    with pytest.raises(names.NameProblem) as info:
        store.AnswerStore(name, session)
    assert str(info.value).startswith(message)
    assert not answers_in_tmp.exists(), "nothing is written for a refused name"


def test_corrupted_file_is_kept_aside_with_a_message(answers_in_tmp):
    s = store.AnswerStore("Amal", "s1")
    s.path.parent.mkdir(parents=True, exist_ok=True)
    s.path.write_text("{not json", encoding="utf-8")
    fresh = store.AnswerStore("Amal", "s1")
    assert "could not be read" in fresh.notice
    kept = list(s.path.parent.glob(f"{s.path.stem}.corrupt-*.json"))
    assert kept and kept[0].read_text() == "{not json"


def test_csv_export_has_one_row_per_answer(answers_in_tmp):
    s = store.AnswerStore("Amal", "s1")
    s.save("a", [1], True, 1.0)
    s.save("b", {"notes": "x"}, None, None)
    rows = list(csv.DictReader(s.export_csv().open(encoding="utf-8")))
    assert [r["exercise"] for r in rows] == ["a", "b"] and rows[0]["correct"] == "True"


def test_widget_saves_on_click_and_restores_after_restart(answers_in_tmp):
    exercises.start_session("Amal", "s1")
    ex = _ex("tishreen-who-protested")
    view = exercises.show(ex.id)
    find_widgets(view.widget, w.RadioButtons)[0].value = 1
    find_widgets(view.widget, w.Button)[0].click()
    assert store.current().path.exists()
    store._current = None  # the kernel restarts: nothing in memory
    exercises.start_session("Amal", "s1")
    again = exercises.show(ex.id)
    assert find_widgets(again.widget, w.RadioButtons)[0].value == 1
    assert any("Right." in h.value for h in find_widgets(again.widget, w.HTML))


def test_empty_answer_is_not_saved(answers_in_tmp):
    exercises.start_session("Amal", "s1")
    view = exercises.show("tishreen-who-protested")
    find_widgets(view.widget, w.Button)[0].click()
    assert any("Choose an answer first." in h.value for h in find_widgets(view.widget, w.HTML))
    assert store.current().get("tishreen-who-protested") is None


def test_short_answer_refuses_too_short_then_counts_rubric():
    ex = _ex("tishreen-why-not-win")
    assert short.grade(ex, {"text": "no", "ticks": []}).invalid
    long = "It could not win because it lacked organisation, a program and self-defence."
    result = short.grade(ex, {"text": long, "ticks": [0, 1]})
    assert result.score == 0.5 and ex.model_answer in result.messages[0]
    assert short.grade(ex, {"text": long, "ticks": list(range(len(ex.rubric)))}).correct


def test_bridge_needs_every_step_then_shows_the_articles_demand():
    ex = _ex("tishreen-bridge")
    answer = {"grievance": 0, "immediate": "jobs for graduates now", "transitional": "", "goal": "x y z"}
    assert "transitional" in bridge.grade(ex, answer).messages[0]
    answer["transitional"] = "public works under workers' control"
    result = bridge.grade(ex, answer)
    assert not result.invalid and "(¶67)" in result.messages[1]
    assert bridge.grade(ex, {"grievance": -1}).invalid


def test_discussion_keeps_notes():
    ex = _ex("tishreen-our-situation")
    assert discussion.grade(ex, {"notes": "  "}).invalid
    assert discussion.grade(ex, {"notes": "three short words"}).messages == ["Notes saved (3 words)."]


@pytest.fixture
def ledger_ex():
    from book.course.models import Ledger

    return Ledger(id="t-ledger", chapter="solidarity", kind="ledger", title="Ledger", prompt="p",
                  households=["Household A", "Household B"])


@pytest.mark.parametrize(
    "minutes, message",
    [("abc", "whole number"), ("2000", "between 0 and 1440"), ("-5", "between 0 and 1440"), ("", "whole number")],
)
def test_ledger_rejects_bad_entries_with_a_message(ledger_ex, minutes, message):
    with pytest.raises(ValueError, match=message):
        ledger.check_entry(ledger_ex, "Household A", "2026-07-14", minutes)


def test_ledger_summary_figure_and_csv(ledger_ex):
    rows = [ledger.check_entry(ledger_ex, h, d, m) for h, d, m in
            [("Household A", "2026-07-14", "120"), ("Household B", "2026-07-14", "60"),
             ("Household A", "2026-07-15", "300")]]
    text = " ".join(ledger.summary(rows))
    assert "480 minutes (8.0 hours)" in text and "Worst day: 2026-07-15, 300 minutes" in text
    fig = ledger_live.figure(rows)
    assert sorted(t.name for t in fig.data) == ["Household A", "Household B"]
    assert ledger_live.to_csv(rows).splitlines() == [
        "household,day,minutes", "Household A,2026-07-14,120", "Household B,2026-07-14,60",
        "Household A,2026-07-15,300"]


def test_ledger_widget_bad_entry_keeps_what_is_recorded(ledger_ex, answers_in_tmp):
    exercises.start_session("Amal", "s1")
    box = ledger_live.widget(ledger_ex)
    household = find_widgets(box, w.Combobox)[0]
    texts = {t.description: t for t in find_widgets(box, w.Text)}
    day, minutes = texts["Day"], texts["Minutes"]
    add = next(b for b in find_widgets(box, w.Button) if b.description == "Add entry")
    household.value, day.value, minutes.value = "Household A", "2026-07-14", "90"
    add.click()
    minutes.value = "ninety"
    add.click()
    saved = store.current().get("t-ledger")
    assert saved == [{"household": "Household A", "day": "2026-07-14", "minutes": 90}]
    assert any("whole number" in h.value for h in find_widgets(box, w.HTML))


def test_group_view_counts_outcomes_and_options(tmp_path):
    import shutil
    from pathlib import Path

    from book.exercises.facilitator import group

    sample = Path(__file__).resolve().parents[2] / "exercises" / "facilitator" / "sample-answers"
    folder = tmp_path / "collected"
    shutil.copytree(sample, folder)
    (folder / "broken.json").write_text("{oops", encoding="utf-8")
    g = group.load_group(folder)
    assert g.skipped == ["broken.json: not JSON (line 1, column 2)"]
    assert len(g.members) == 4  # three version 1 files, and D's version 3 file (wrong first, then right)
    counts = group.outcome_counts(g, "tishreen")
    assert counts["tishreen-who-protested"] == {"right": 3, "not yet": 1}
    assert counts["tishreen-our-situation"] == {"no grade": 2}
    assert group.outcome_counts(g, "tishreen", "first")["tishreen-who-protested"] == {"not yet": 1}
    picked = group.option_counts(g, "tishreen-who-protested")
    assert sum(picked.values()) == 4
    fig = group.figure(g, "tishreen")
    assert [t.name for t in fig.data] == ["right", "not yet", "no grade"]
    html = group.GroupView(g)._repr_html_()
    assert "tishreen ¶19" in html and "1 don&#x27;t understand, 1 want to discuss" in html


def test_live_files_are_answer_files_and_old_ones_still_load(tmp_path):
    import json

    from book.answers.read import collect_paths

    ex = course().exercises["tishreen-who-protested"]
    live = store.AnswerStore("محمد", "s1", root=tmp_path)
    live.save(ex.id, [1], True, 1.0)
    data = json.loads(live.path.read_text(encoding="utf-8"))
    assert data["format"] == "prt-answers" and data["pseudonym"] == "محمد" and data["source"] == "live"
    assert data["answers"][0]["answer"] == {"chosen": [choice.ids(ex)[1]]}
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"participant": "Amal", "session": "s1", "answers": {
        ex.id: {"answer": [0], "correct": False, "score": 0.0, "saved_at": "2026-11-01T00:00:00+00:00"}}}), encoding="utf-8")
    (tmp_path / "s1-old").mkdir()
    moved = tmp_path / "s1-old" / "amal.json"
    old.rename(moved)
    assert store.AnswerStore.__dataclass_fields__  # the store reads the earlier format too:
    assert store._entries(json.loads(moved.read_text(encoding="utf-8")))[ex.id]["answer"] == {"chosen": [choice.ids(ex)[0]]}
    group = collect_paths([live.path])
    assert [m.label for m in group.members] == ["محمد"] and group.members[0].answers[ex.id]["chosen"] == [choice.ids(ex)[1]]
    assert group.members[0].firsts[ex.id]["chosen"] == [choice.ids(ex)[1]]


