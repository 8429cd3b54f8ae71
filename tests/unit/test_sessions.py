"""Live sessions in Jupyter, clicked as a participant or facilitator would.

The notebook's own order (Run All draws every widget, then a name, then Start), a
name live in another kernel, saved answers that no longer fit, failing callbacks and
the projector view. What people type is in any script; what one wrote is never shown
to another.
"""

from __future__ import annotations

import json

import ipywidgets as w
import pytest

from book.course.offered import matching_pairs, ordering_key
from book.answers.stable import to_stable

from book import exercises
from book.exercises.live import store
from book.course.load import course
from book.kinds import choice
from helpers import find_widgets, session_form


def _ex(exercise_id: str):
    return course().exercises[exercise_id]


def _click(view, label: str) -> None:
    next(b for b in find_widgets(view.widget, w.Button) if b.description == label).click()


def _feedback(view) -> str:
    return " ".join(h.value for h in find_widgets(view.widget, w.HTML))


def test_run_all_then_start_saves_under_the_typed_name(kernel, answers_in_tmp):
    name, when, start, status = session_form()
    view = exercises.show("tishreen-who-protested")  # Run All drew it before anyone typed
    find_widgets(view.widget, w.RadioButtons)[0].value = 1
    _click(view, "Check")
    assert "Not saved: press <strong>Start</strong>" in _feedback(view)
    assert not list(answers_in_tmp.rglob("*.json"))
    name.value, when.value = "محمد", "جلسة ١"
    start.click()
    assert "محمد" in status.value and "0 saved answer(s)" in status.value
    _click(view, "Check")
    files = list(answers_in_tmp.rglob("*.json"))
    assert len(files) == 1 and f"<bdi>{files[0].parent.name}</bdi>/<bdi>{files[0].name}</bdi>" in status.value
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert data["pseudonym"] == "محمد" and [e["answer"] for e in data["answers"]] == [
        {"chosen": [choice.ids(_ex("tishreen-who-protested"))[1]]}]


def test_start_restores_into_drawn_widgets_and_clears_them_for_someone_else(kernel, answers_in_tmp):
    exercises.start_session("Amal", "s1")
    first = exercises.show("tishreen-who-protested")
    find_widgets(first.widget, w.RadioButtons)[0].value = 1
    _click(first, "Check")
    kernel()  # restart, then Run All: the widget is drawn before Start
    name, when, start, status = session_form()
    view = exercises.show("tishreen-who-protested")
    radio = find_widgets(view.widget, w.RadioButtons)[0]
    assert radio.value is None
    name.value, when.value = "Amal", "s1"
    start.click()
    assert radio.value == 1 and "Right." in _feedback(view) and "1 saved answer(s)" in status.value
    name.value = "Bashir"  # the next person on the same laptop
    start.click()
    assert radio.value is None and "Right." not in _feedback(view)


def _inputs(view) -> list:
    """What a participant sees in the inputs (not the feedback)."""
    kinds = (w.RadioButtons, w.Checkbox, w.Dropdown, w.Textarea)
    return [x.value for x in find_widgets(view.widget, kinds)] + [
        h.value for h in find_widgets(view.widget, w.HTML) if h.value[:1].isdigit()]


def _stale(exercise_id: str):
    """Answers saved before the course changed (or damaged by hand), by exercise kind."""
    ex = _ex(exercise_id)
    if ex.kind == "ordering":
        return [e.replace(ex.events[0], "renamed-event") for e in ordering_key(ex)]
    if ex.kind == "matching":
        return {left: right + " (reworded since)" for left, right in matching_pairs(ex)}
    return {"grievance": 99, "immediate": "a", "transitional": "b", "goal": "c"}


@pytest.mark.parametrize("exercise_id, saved", [
    ("tishreen-who-protested", [99]),                     # an option removed
    ("tishreen-iraq-inherited", [0, 99]),                  # an option removed (several answers)
    ("tishreen-iraq-inherited", 5),                        # malformed: not a list (TypeError)
    ("tishreen-order-events", "ordering"),                 # an event id renamed
    ("tishreen-match-terms", "matching"),                  # a glossary definition reworded
    ("tishreen-bridge", "bridge"),                         # a grievance removed
    ("tishreen-why-not-win", {"text": 5, "ticks": "x"}),   # malformed: text not text
])
def test_a_saved_answer_that_no_longer_fits_is_reported_and_kept(kernel, answers_in_tmp, exercise_id, saved):
    if isinstance(saved, str):
        saved = _stale(exercise_id)
    store.AnswerStore("Amal", "s1").save(exercise_id, saved, None, None)
    empty = _inputs(exercises.show(exercise_id))
    view = exercises.show(exercise_id)
    exercises.start_session("Amal", "s1")
    report = [h.value for h in find_widgets(view.widget, w.HTML)
              if "could not be restored" in h.value]
    assert len(report) == 1 and "\n" not in report[0]
    assert _inputs(view) == empty
    kept = {e["exercise"]: e["answer"] for e in json.loads(store.AnswerStore("Amal", "s1").path.read_text(encoding="utf-8"))["answers"]}
    ex = _ex(exercise_id)
    # an answer that cannot be named by ids (a matching's reworded texts) is kept as given, under "value"
    assert kept[exercise_id] in ({"value": saved}, to_stable(ex, saved) if ex.kind == "ordering" else None)


def test_a_malformed_entry_is_reported_and_kept(kernel, answers_in_tmp):
    s = store.AnswerStore("Amal", "s1")
    s.save("other", 1, None, None)
    data = json.loads(s.path.read_text(encoding="utf-8"))
    data["answers"].append({"exercise": "tishreen-who-protested", "chapter": "tishreen", "kind": "choice",
                            "answer": "not a record"})
    s.path.write_text(json.dumps(data), encoding="utf-8")
    view = exercises.show("tishreen-who-protested")
    exercises.start_session("Amal", "s1")
    assert "could not be restored (ValueError" in _feedback(view)
    kept = json.loads(s.path.read_text(encoding="utf-8"))["answers"]
    assert {"exercise": "tishreen-who-protested", "chapter": "tishreen", "kind": "choice", "answer": "not a record"} in kept


def test_bridge_with_no_grievance_says_so_and_saves_nothing(kernel, answers_in_tmp):
    exercises.start_session("Amal", "s1")
    view = exercises.show("tishreen-bridge")
    for box in find_widgets(view.widget, w.Textarea):
        box.value = "bread jobs and light for everyone now"
    _click(view, "Compare")
    assert "Choose a grievance first." in _feedback(view)
    assert store.current().get("tishreen-bridge") is None and not store.current().path.exists()


def test_failing_callbacks_are_told_in_the_widget(kernel, answers_in_tmp, monkeypatch, tmp_path):
    from book.kinds.ledger import widget as ledger

    exercises.start_session("Amal", "s1")
    view = exercises.show("tishreen-who-protested")
    find_widgets(view.widget, w.RadioButtons)[0].value = 1
    store.current().path.mkdir(parents=True)  # the answers file's place is taken by a folder
    _click(view, "Check")
    assert "Could not save this answer" in _feedback(view)
    ex = next(e for e in course().exercises.values() if e.kind == "ledger")
    box = ledger.widget(ex)
    csv_path = store.current().path.with_name(f"{store.current().path.stem}-{ex.id}.csv")
    csv_path.mkdir()
    next(b for b in find_widgets(box, w.Button) if b.description == "Export CSV").click()
    assert any("Something went wrong while exporting the ledger: IsADirectoryError" in h.value
               for h in find_widgets(box, w.HTML))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the answers folder should be")
    monkeypatch.setenv(store.ANSWERS_ENV, str(blocked))
    name, when, start, status = session_form()
    name.value = "Bashir"
    start.click()
    assert "Something went wrong while starting the session: NotADirectoryError" in status.value


def test_projector_hides_keys_until_revealed_and_counts_answers_without_names(kernel, answers_in_tmp):
    from book.exercises.facilitator import projection

    ex = _ex("tishreen-who-protested")
    for name, pick in [("Amal", 1), ("محمد", 1), ("José", 0)]:
        store.AnswerStore(name, "s1").save(ex.id, [pick], ex.options[pick].correct, None)
    store.AnswerStore("Bashir", "another session").save(ex.id, [2], False, 0.0)
    box = exercises.projector("tishreen", session="s1").widget
    button = {b.description: b for b in find_widgets(box, w.Button)}
    key = next(h for h in find_widgets(box, w.HTML) if "Facilitator note" in h.value)
    assert key.layout.display == "none"
    button["Reveal answer key"].click()
    assert key.layout.display is None and button["Reveal answer key"].description == "Hide answer key"
    tally = projection.counts(projection.session_folder("s1"), ex)
    assert tally == {ex.options[0].text: 1, ex.options[1].text: 2, ex.options[2].text: 0, ex.options[3].text: 0}
    store.AnswerStore("José", "s1").save(ex.id, [1], True, 1.0)  # José tries again, and gets it right
    assert projection.counts(projection.session_folder("s1"), ex)[ex.options[1].text] == 3
    assert projection.counts(projection.session_folder("s1"), ex, "first") == tally, "first answers stay as given"
    button["Show the group's answers"].click()
    which = find_widgets(box, w.ToggleButtons)[0]
    which.value = "first"  # the chart shown follows the toggle
    assert "first answers" in json.dumps([o for o in find_widgets(box, w.Output)[0].outputs], default=str)
    button["Next ▶"].click()
    assert key.layout.display == "none", "the next question's key is hidden again"
    assert any(h.value.startswith("<strong>2. ") for h in find_widgets(box, w.HTML))
    shown = json.dumps([getattr(x, "value", "") for x in find_widgets(box, w.Widget)] + list(tally),
                       ensure_ascii=False, default=str)
    assert not any(name in shown for name in ("Amal", "محمد", "José", "Bashir"))


def test_group_counts_skip_a_saved_option_that_no_longer_exists(kernel, answers_in_tmp):
    from book.exercises.facilitator import group

    ex = _ex("tishreen-who-protested")
    store.AnswerStore("Amal", "s1").save(ex.id, [1], True, 1.0)
    bashir = store.AnswerStore("Bashir", "s1")
    bashir.save(ex.id, [0], False, 0.0)
    data = json.loads(bashir.path.read_text(encoding="utf-8"))
    data["answers"][0]["answer"] = {"chosen": ["an option removed since"]}  # saved before the course changed
    bashir.path.write_text(json.dumps(data), encoding="utf-8")
    found = group.load_group(bashir.path.parent)
    assert group.option_counts(found, ex.id) == {choice.ids(ex)[1]: 1}
    assert found.misfits == [f"Bashir, {ex.id}: option “an option removed since” is no longer offered"]
