"""Exercise grading, the static HTML and the live widget give the same verdicts."""

from __future__ import annotations

import json
import re

import pytest

from book.course.offered import matching_pairs, matching_rights, ordering_key, ordering_presented
from book import exercises
from book.kinds import choice, matching, ordering
from book.kinds.ordering import widget as ordering_live
from book.course.load import course
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
    key = ordering_key(ex)
    dates = [events[i].date.start for i in key]
    assert dates == sorted(dates)
    assert ordering.grade(ex, key).correct
    shuffled = [e.id for e in ordering_presented(ex)]
    assert shuffled != key  # the exercise does not start solved
    result = ordering.grade(ex, list(reversed(key)))
    assert not result.correct and result.messages[0].endswith(f"of {len(key)} events are in the right place.")
    assert ordering.grade(ex, key[:-1]).messages == ["Place every event exactly once."]


def test_matching_terms_bring_glossary_definitions():
    ex = _ex("tishreen-match-terms")
    pairs = matching_pairs(ex)
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
    assert _spec(ordering.static_html(ex))["key"] == ordering_key(ex)
    mex = _ex("tishreen-match-program")
    spec = _spec(matching.static_html(mex))
    offered = matching_rights(mex)
    assert [offered[k] for k in spec["key"]] == [r for _, r in matching_pairs(mex)]
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
    for target, event_id in enumerate(ordering_key(ex), start=1):
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

    from book.course.markup import json_script

    text = 'Bread & roses </script><!-- "quoted"'
    block = json_script(json.dumps({"t": text}), "prt-x")
    body = block.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "</script" not in body and "<!--" not in body
    assert json.loads(body) == {"t": text}


def test_a_screen_says_which_button_and_paper_says_how_with_a_pen():
    """The data's prompt says what to do; the screen adds its controls, the facilitator's
    sheet a pen's instruction, so neither medium gets the other's words."""
    import ipywidgets as w

    from book.editions.paper.keys import chapter_keys

    ex = _ex("tishreen-order-events")
    screen = "Arrange these events from earliest to latest. Use the up and down buttons, then press Check."
    assert f'<p class="prt-ex-prompt">{screen}</p>' in ordering.static_html(ex)
    assert any(screen in h.value for h in find_widgets(ordering_live.widget(ex), w.HTML))
    paper = {k.title: k.prompt for k in chapter_keys("tishreen")}[ex.title]
    assert paper == f"Arrange these events from earliest to latest. Number the events from 1 (earliest) to {len(ex.events)}."
