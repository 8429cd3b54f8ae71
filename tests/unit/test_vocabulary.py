"""The vocabulary pass: every candidate word in the articles has a glossary entry or a
recorded reason to skip it, and the record holds no stale decisions."""

from __future__ import annotations

import pytest
import yaml

from book.course import vocabulary
from book.course.load import load_course

#: The pass reads the articles as published (../shared/seeds, beside the checkout), as the
#: other seed tests do; a clone elsewhere has none (CI clones beside them).
needs_seeds = pytest.mark.skipif(not vocabulary.SEEDS.exists(), reason="../shared/seeds not beside this checkout")


@needs_seeds
def test_every_candidate_is_answered(capsys):
    code = vocabulary.main()
    out = capsys.readouterr().out
    assert code == 0, out
    assert "unanswered: 0" in out


def test_the_pass_finds_names_acronyms_isms_and_spanish_words():
    text = "Yesterday the FREPAP met Juan Pérez in Villa El Salvador to discuss zapatismo.\n"
    found = {c.text: c.why for c in vocabulary.candidates(text, "peru")}
    assert found == {"FREPAP": "acronym", "Juan Pérez": "name", "Pérez": "non-English letters",
                     "Villa El Salvador": "name", "zapatismo": "-ism or -ist"}


def test_headings_are_not_candidates():
    assert vocabulary.candidates("Building Trust Under Repression\n", "solidarity") == []


@needs_seeds
def test_a_new_word_without_entry_or_reason_is_reported(data_copy):
    skips = yaml.safe_load((data_copy / "vocabulary.yml").read_text(encoding="utf-8"))
    reason = next(r for r, words in skips["skip"].items() if "Hugo de Zela" in words)
    skips["skip"][reason].remove("Hugo de Zela")
    (data_copy / "vocabulary.yml").write_text(yaml.safe_dump(skips, allow_unicode=True), encoding="utf-8")
    rows = vocabulary.report(load_course(data_copy), data_copy)
    assert [(c.article, c.text) for c in rows["open"]] == [("peru", "Hugo de Zela")]


@needs_seeds
def test_no_skip_is_stale():
    """A skipped word the glossary now answers, or no article contains, is a decision to revisit."""
    course = load_course()
    forms = vocabulary.glossary_forms(course)
    found = {c.text.lower() for a in course.articles
             for c in vocabulary.candidates(vocabulary.article_text(course, a), a)}
    skips = vocabulary.load_skips()
    assert [w for w in skips if w not in found] == []
    assert [w for w in skips if vocabulary._covered(w, forms)] == []
