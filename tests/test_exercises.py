"""Exercise grading, the static HTML and the live widget give the same verdicts."""

from __future__ import annotations

import json
import re

import pytest

from book import exercises
from book.exercises import choice, matching, ordering, store
from book.load import course
from helpers import find_widgets


def _ex(exercise_id: str):
    return course().exercises[exercise_id]


def _spec(static_html: str) -> dict:
    raw = re.search(r'<script type="application/json" class="prt-ex-data">(.*?)</script>', static_html, re.S)
    return json.loads(raw.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def test_single_choice_right_wrong_and_empty():
    ex = _ex("tishreen-who-protested")
    right = next(i for i, o in enumerate(ex.options) if o.correct)
    wrong = next(i for i, o in enumerate(ex.options) if not o.correct)
    assert choice.grade(ex, [right]).correct
    result = choice.grade(ex, [wrong])
    assert not result.correct and result.messages == [ex.options[wrong].feedback]
    assert choice.grade(ex, []).messages == ["Choose an answer first."]


def test_multiple_choice_counts_what_is_missing():
    ex = _ex("tishreen-iraq-inherited")
    right = [i for i, o in enumerate(ex.options) if o.correct]
    assert choice.grade(ex, right).correct
    partial = choice.grade(ex, right[:2])
    assert not partial.correct and "2 more right answers to find." in partial.messages


def test_ordering_key_follows_event_dates():
    ex = _ex("tishreen-order-events")
    events = course().events
    key = ordering.key(ex)
    dates = [events[i].date.start for i in key]
    assert dates == sorted(dates)
    assert ordering.grade(ex, key).correct
    shuffled = [e.id for e in ordering.presented(ex)]
    assert shuffled != key  # the exercise does not start solved
    result = ordering.grade(ex, list(reversed(key)))
    assert not result.correct and result.messages[0].endswith(f"of {len(key)} events are in the right place.")
    assert ordering.grade(ex, key[:-1]).messages == ["Place every event exactly once."]


def test_matching_terms_bring_glossary_definitions():
    ex = _ex("tishreen-match-terms")
    pairs = matching.pairs(ex)
    assert pairs[0] == (course().terms["muhasasa"].term, course().terms["muhasasa"].definition)
    assert matching.grade(ex, dict(pairs)).correct
    swapped = dict(pairs)
    (a, ra), (b, rb) = pairs[0], pairs[1]
    swapped[a], swapped[b] = rb, ra
    result = matching.grade(ex, swapped)
    assert not result.correct and f"Look again at: {a}." in result.messages
    assert matching.grade(ex, {}).messages == ["Match at least one item first."]


def test_static_spec_carries_the_same_key_as_python():
    ex = _ex("tishreen-order-events")
    assert _spec(ordering.static_html(ex))["key"] == ordering.key(ex)
    mex = _ex("tishreen-match-program")
    spec = _spec(matching.static_html(mex))
    offered = matching.rights(mex)
    assert [offered[k] for k in spec["key"]] == [r for _, r in matching.pairs(mex)]
    cex = _ex("tishreen-who-protested")
    assert [o["feedback"] for o in _spec(choice.static_html(cex))["options"]] == [o.feedback for o in cex.options]




def test_widget_choice_gives_feedback_on_click():
    import ipywidgets as w

    ex = _ex("tishreen-who-protested")
    view = exercises.show(ex.id)
    radio = find_widgets(view.widget, w.RadioButtons)[0]
    radio.value = next(i for i, o in enumerate(ex.options) if o.correct)
    button = find_widgets(view.widget, w.Button)[0]
    button.click()
    feedback = [h for h in find_widgets(view.widget, w.HTML) if "Right." in h.value]
    assert feedback, "no feedback after Check"


def _place(view, title: str, target: int) -> None:
    """Press ↑ beside an event until it is the ``target``-th in the list (1 = earliest)."""
    import html as htmlmod

    import ipywidgets as w

    def position() -> int:
        label = next(h.value for h in find_widgets(view.widget, w.HTML)
                     if h.value.split(". ", 1)[-1] == htmlmod.escape(title) and h.value[0].isdigit())
        return int(label.split(".")[0])

    while position() > target:
        next(b for b in find_widgets(view.widget, w.Button) if b.tooltip == f"Move up: {title}").click()


def test_widget_ordering_moves_with_up_buttons_and_grades_like_python():
    import ipywidgets as w

    ex = _ex("tishreen-order-events")
    view = exercises.show(ex.id)
    events = course().events
    for target, event_id in enumerate(ordering.key(ex), start=1):
        _place(view, events[event_id].title, target)
    next(b for b in find_widgets(view.widget, w.Button) if b.description == "Check").click()
    assert any("Right." in h.value for h in find_widgets(view.widget, w.HTML))


@pytest.mark.parametrize("exercise_id", sorted(course().exercises))
def test_every_exercise_renders_both_ways(exercise_id):
    view = exercises.show(exercise_id)
    bundle = view._repr_mimebundle_()
    assert f'data-exercise="{exercise_id}"' in bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "<script src" not in bundle["text/html"]


def test_answer_key_lists_dates_for_orderings():
    key = exercises.answer_key("tishreen-order-events").data
    assert "1958" in key and "Answer key" in key


def test_data_blocks_carry_any_text_unchanged():
    """Script data is raw text: '&' must not arrive as '&amp;', '</script>' must not end it."""
    import json

    from book.markup import json_script

    text = 'Bread & roses </script><!-- "quoted"'
    block = json_script(json.dumps({"t": text}), "prt-x")
    body = block.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "</script" not in body and "<!--" not in body
    assert json.loads(body) == {"t": text}


# --- Live sessions: the notebook's own order (Run All, then Start), as a participant clicks.

@pytest.fixture
def kernel(monkeypatch):
    """A fresh kernel: no one started, no widgets drawn; ``restart()`` simulates a restart."""
    import os

    from book.exercises import session, store

    def restart() -> None:
        for fd in session._claims.values():
            os.close(fd)  # a dead kernel's locks are dropped by the operating system
        session._claims.clear()
        session._drawn.clear()
        store._current = None

    restart()
    yield restart
    restart()


def _form():
    import ipywidgets as w

    box = exercises.start_session().widget
    name, when = find_widgets(box, w.Text)[::-1]
    start = find_widgets(box, w.Button)[0]
    status = find_widgets(box, w.HTML)[0]
    return name, when, start, status


def _click(view, label: str) -> None:
    import ipywidgets as w

    next(b for b in find_widgets(view.widget, w.Button) if b.description == label).click()


def _feedback(view) -> str:
    import ipywidgets as w

    return " ".join(h.value for h in find_widgets(view.widget, w.HTML))


def test_run_all_then_start_saves_under_the_typed_name(kernel, answers_in_tmp):
    import ipywidgets as w

    name, when, start, status = _form()
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
    assert len(files) == 1 and str(files[0]) in status.value
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert data["participant"] == "محمد" and data["answers"]["tishreen-who-protested"]["answer"] == [1]


def test_start_restores_into_drawn_widgets_and_clears_them_for_someone_else(kernel, answers_in_tmp):
    import ipywidgets as w

    exercises.start_session("Amal", "s1")
    first = exercises.show("tishreen-who-protested")
    find_widgets(first.widget, w.RadioButtons)[0].value = 1
    _click(first, "Check")
    kernel()  # restart, then Run All: the widget is drawn before Start
    name, when, start, status = _form()
    view = exercises.show("tishreen-who-protested")
    radio = find_widgets(view.widget, w.RadioButtons)[0]
    assert radio.value is None
    name.value, when.value = "Amal", "s1"
    start.click()
    assert radio.value == 1 and "Right." in _feedback(view) and "1 saved answer(s)" in status.value
    name.value = "Bashir"  # the next person on the same laptop
    start.click()
    assert radio.value is None and "Right." not in _feedback(view)


HOLD_NAME = """
import sys
from pathlib import Path
from book.exercises import session
session.start("Amal", "s1", Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.read()
"""


def test_a_name_live_in_another_kernel_is_refused_until_that_kernel_ends(kernel, answers_in_tmp):
    import subprocess
    import sys

    other = subprocess.Popen([sys.executable, "-c", HOLD_NAME, str(answers_in_tmp)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "ready"
        name, when, start, status = _form()
        name.value, when.value = "Amal", "s1"
        start.click()
        assert "Your name: “Amal” is already answering in another open notebook" in status.value
        name.value = "Amal B"
        start.click()
        assert "Saving the answers of <strong><bdi>Amal B</bdi></strong>" in status.value
    finally:
        other.communicate("", timeout=30)  # the other kernel shuts down
    name.value = "Amal"
    start.click()
    assert "Saving the answers of <strong><bdi>Amal</bdi></strong>" in status.value


def _inputs(view) -> list:
    """What a participant sees in the inputs (not the feedback)."""
    import ipywidgets as w

    kinds = (w.RadioButtons, w.Checkbox, w.Dropdown, w.Textarea)
    return [x.value for x in find_widgets(view.widget, kinds)] + [
        h.value for h in find_widgets(view.widget, w.HTML) if h.value[:1].isdigit()]


def _stale(exercise_id: str):
    """Answers saved before the course changed (or damaged by hand), by exercise kind."""
    ex = _ex(exercise_id)
    if ex.kind == "ordering":
        return [e.replace(ex.events[0], "renamed-event") for e in ordering.key(ex)]
    if ex.kind == "matching":
        return {left: right + " (reworded since)" for left, right in matching.pairs(ex)}
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
    report = [h.value for h in find_widgets(view.widget, __import__("ipywidgets").HTML)
              if "could not be restored" in h.value]
    assert len(report) == 1 and "\n" not in report[0]
    assert _inputs(view) == empty
    assert store.AnswerStore("Amal", "s1").get(exercise_id) == saved


def test_a_malformed_entry_is_reported_and_kept(kernel, answers_in_tmp):
    s = store.AnswerStore("Amal", "s1")
    s.save("other", 1, None, None)
    data = json.loads(s.path.read_text(encoding="utf-8"))
    data["answers"]["tishreen-who-protested"] = "not a record"
    s.path.write_text(json.dumps(data), encoding="utf-8")
    view = exercises.show("tishreen-who-protested")
    exercises.start_session("Amal", "s1")
    assert "could not be restored (ValueError" in _feedback(view)
    assert json.loads(s.path.read_text(encoding="utf-8"))["answers"]["tishreen-who-protested"] == "not a record"


def test_bridge_with_no_grievance_says_so_and_saves_nothing(kernel, answers_in_tmp):
    import ipywidgets as w

    exercises.start_session("Amal", "s1")
    view = exercises.show("tishreen-bridge")
    for box in find_widgets(view.widget, w.Textarea):
        box.value = "bread jobs and light for everyone now"
    _click(view, "Compare")
    assert "Choose a grievance first." in _feedback(view)
    assert store.current().get("tishreen-bridge") is None and not store.current().path.exists()


def test_failing_callbacks_are_told_in_the_widget(kernel, answers_in_tmp, monkeypatch, tmp_path):
    import ipywidgets as w

    from book.exercises import ledger

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
    name, when, start, status = _form()
    name.value = "Bashir"
    start.click()
    assert "Something went wrong while starting the session: NotADirectoryError" in status.value
