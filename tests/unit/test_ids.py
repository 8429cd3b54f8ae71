"""Stable ids for what an exercise offers (book/course/ids.py): the same from the same
English data, whatever the order, overridable in the YAML, and never from a translation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from book.answers.catalog import catalog
from book.course.ids import slug, stable_ids
from book.course.load import course, source_course
from book.course.models import MultipleChoice, ShortAnswer
from book.kinds import KINDS, kind_of


def test_a_slug_is_the_english_texts_first_words_in_ascii():
    assert slug("Muhasasa, the sectarian quota system") == "muhasasa-the-sectarian-quota"
    assert slug("¡Que se vayan todos!") == "que-se-vayan-todos"
    assert slug("Perú's “fujimorismo”") == "peru-s-fujimorismo"
    assert stable_ids(["نريد وطن"]) == ["item"]  # no Latin letter: a word of its own, never empty


def test_texts_that_begin_alike_take_more_words_whatever_their_order():
    texts = ["Names the lack of a party", "Names the lack of organs", "Keeps to the text"]
    ids = stable_ids(texts)
    assert ids == ["names-the-lack-of-a", "names-the-lack-of-organs", "keeps-to-the-text"]
    assert stable_ids(list(reversed(texts))) == list(reversed(ids)), "an id never depends on the order"
    assert stable_ids(["Same words", "Same words"]) == ["same-words", "same-words-2"]  # alike word for word


def test_an_explicit_id_wins_and_is_given_once():
    assert stable_ids(["A reworded first line", "Other"], ["old-first-line", None]) == ["old-first-line", "other"]
    assert stable_ids(["Other one here now", "x"], [None, "other-one-here-now"]) == ["other-one-here-now-2",
                                                                                 "other-one-here-now"]
    base = {"id": "q", "chapter": "peru", "title": "Q", "prompt": "Which?", "kind": "choice"}
    options = [{"text": "A", "correct": True, "feedback": "yes", "id": "same"},
               {"text": "B", "feedback": "no!", "id": "same"}]
    with pytest.raises(ValidationError, match="given twice"):
        MultipleChoice.model_validate({**base, "options": options})
    short = ShortAnswer.model_validate({**base, "kind": "short", "model_answer": "A model answer of words.",
                                        "rubric": [{"id": "names-the-party", "text": "Names the party"}, "Keeps to it"]})
    assert short.rubric == ["Names the party", "Keeps to it"]
    assert kind_of(short).ids(short) == ["names-the-party", "keeps-to-it"]


def test_every_exercise_gives_its_pages_ids_beside_labels_and_ids_are_unique():
    entries = catalog()
    for ex in course().exercises.values():
        kind = kind_of(ex)
        if not hasattr(kind, "ids"):
            continue
        ids = kind.ids(ex)
        assert len(set(ids)) == len(ids), ex.id
        assert entries[ex.id]["ids"] == ids
    assert {k for k, m in KINDS.items() if hasattr(m, "ids")} == {"choice", "short", "bridge", "matching"}
    terms = next(ex for ex in course().exercises.values() if ex.kind == "matching" and ex.terms)
    assert kind_of(terms).ids(terms)[:len(terms.terms)] == list(terms.terms), "a glossary term's id is its own"


def test_the_spanish_edition_makes_the_same_ids_and_reads_an_english_version_2_file(monkeypatch):
    """A Spanish member's answers count beside an English one's: the ids come from the
    English data in every edition, and a version 2 file (English texts) still reads there,
    in Python and through the catalog's ``en`` words on the pages."""
    english = {ex.id: {k: list(v) for k, v in catalog()[ex.id].items() if k.endswith("ids")}
               for ex in course().exercises.values()}
    monkeypatch.setenv("PRT_LANGUAGE", "es")
    spanish = catalog()
    ex = course().exercises["tishreen-who-protested"]
    assert ex.options[0].text != english_text(ex)  # the Spanish words, really
    for ex_id, ids in english.items():
        assert {k: spanish[ex_id][k] for k in ids} == ids, ex_id
    old = {"chosen": [english_text(ex)]}
    assert kind_of(ex).upgrade(ex, old) == {"chosen": [spanish[ex.id]["ids"][0]]}
    assert spanish[ex.id]["en"]["options"][0] == english_text(ex)


def english_text(ex) -> str:
    """The first option of ``ex`` as the English data writes it."""
    return source_course().exercises[ex.id].options[0].text
