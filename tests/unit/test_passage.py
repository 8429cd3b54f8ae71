"""Click the passage: a claim, a few of the article's paragraphs, and the one that
supports or refutes it; graded, kept, counted and printed like every other kind."""

from __future__ import annotations

import html

import ipywidgets as w
import pytest

from book import exercises
from book.answers.stable import Misfit, from_stable, to_stable
from book.answers.summary import question
from book.answers.catalog import entry
from book.course.load import course
from book.course.paragraphs import course_articles
from book.editions.paper.keys import chapter_keys
from book.exercises.live import store
from book.kinds import passage
from book.kinds.passage import widget as passage_live
from helpers import find_widgets

PASSAGES = [ex for ex in course().exercises.values() if ex.kind == "passage"]


def test_every_chapter_has_one():
    assert {ex.chapter for ex in PASSAGES} == set(course().articles)


@pytest.mark.parametrize("ex", PASSAGES, ids=lambda ex: ex.id)
def test_the_page_shows_each_candidate_whole_in_the_chapters_words(ex):
    page = passage.static_html(ex)
    article = course_articles()[ex.chapter]
    for anchor in ex.candidates:
        assert f'value="{anchor}"' in page
        words = article.get(anchor).text
        assert len(words.split()) >= 3 and html.escape(words) in page
    assert html.escape(ex.claim) in page and page.count('type="radio"') == len(ex.candidates)


@pytest.mark.parametrize("ex", PASSAGES, ids=lambda ex: ex.id)
def test_the_right_paragraph_is_named_with_why_and_another_gets_a_second_try(ex):
    right = passage.grade(ex, ex.answer)
    assert right.correct and right.messages == [f"¶{ex.answer[1:]} is the one.", ex.why]
    for anchor in set(ex.candidates) - {ex.answer}:
        wrong = passage.grade(ex, anchor)
        assert wrong.correct is False and not wrong.invalid
        assert wrong.messages[0] == ex.feedback[anchor]
        assert f"¶{ex.answer[1:]}" not in wrong.messages[1]  # the second bite is not given away
    assert passage.grade(ex, "").invalid and passage.grade(ex, "p999").invalid


def test_an_answer_travels_as_the_paragraphs_anchor_and_back():
    ex = PASSAGES[0]
    assert to_stable(ex, ex.answer) == {"paragraph": ex.answer}
    assert from_stable(ex, {"paragraph": ex.answer}) == ex.answer
    assert from_stable(ex, {"paragraph": None}) == ""
    with pytest.raises(Misfit, match="paragraph “p999” is no longer offered"):
        from_stable(ex, {"paragraph": "p999"})


def test_the_group_page_counts_each_paragraph_by_its_first_words():
    ex = PASSAGES[0]
    wrong = next(a for a in ex.candidates if a != ex.answer)
    answers = [{"paragraph": ex.answer}, {"paragraph": ex.answer}, {"paragraph": wrong}]
    counted = dict(question(entry(ex), answers)["bars"])
    assert sum(counted.values()) == 3
    assert counted[passage.label(ex, ex.answer)] == 2 and counted[passage.label(ex, wrong)] == 1
    assert all(name.startswith(f"¶{a[1:]}: ") for a, name in zip(ex.candidates, counted))


def test_paper_asks_for_the_paragraphs_number_and_keys_it():
    ex = next(e for e in PASSAGES if e.chapter == "tishreen")
    key = next(k for k in chapter_keys("tishreen") if k.title == ex.title)
    assert key.kind == "find the paragraph"
    assert ex.claim in key.prompt and "Write the number of the paragraph" in key.prompt
    assert key.lines[0] == (f"Right: ¶{ex.answer[1:]}.", ex.why)
    assert len(key.lines) == len(ex.candidates)


def test_the_live_widget_grades_and_restores_as_the_page_does(kernel, answers_in_tmp):
    ex = PASSAGES[0]
    exercises.start_session("زينب", "s1")
    view = exercises.show(ex.id)
    radio = find_widgets(view.widget, w.RadioButtons)[0]
    assert [v for _, v in radio.options] == ex.candidates
    radio.value = ex.answer
    next(b for b in find_widgets(view.widget, w.Button) if b.description == "Check").click()
    feedback = view.widget.children[-1].value  # the frame: header, inputs, Check, feedback
    assert "is the one" in feedback and "prt-right" in feedback
    assert store.current().get(ex.id) == ex.answer
    assert isinstance(passage_live.widget(ex), w.Widget)
