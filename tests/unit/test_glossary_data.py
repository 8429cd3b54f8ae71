"""The glossary: every term resolves, back-links are generated and right, Arabic reads RTL."""

from __future__ import annotations

import re



from bookfiles import CHAPTERS, ROOT

from book.course.load import course


def test_chapter_decks_follow_the_chapters_links():
    from book import glossary

    decks = glossary.decks()
    assert len(decks["All terms"]) == len(course().terms)
    assert "muhasasa" in decks["Tishreen (Iraq)"] and "fujimorism" in decks["Peru"]


def test_live_flashcards_drill_a_deck():
    import ipywidgets as w

    from book import glossary

    box = glossary.flashcards("tishreen").widget()
    card, progress = [c for c in box.children if isinstance(c, w.HTML)]
    flip, knew, again = box.children[2].children
    first = card.value
    again.click()
    assert card.value != first and "0 of" in progress.value
    flip.click()
    knew.click()
    assert "Known 1 of" in progress.value


#: A role as its reader sees it: {term}`shown words <target>` is "shown words".
ROLE = re.compile(r"\{[a-z-]+\}`([^`<]*?)(?:\s*<[^>`]*>)?`")
#: Curled quotes and apostrophes as the word list writes them: straight.
STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
WORDS = [line.split("\t") for line in
         (__import__("pathlib").Path(__file__).resolve().parents[1] / "support" / "glossary_words.txt").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


def test_coverage_every_glossary_worthy_word_in_the_articles_has_an_entry():
    """The list of words a newcomer stops at (tests/glossary_words.txt): each must still be
    in a chapter (which holds its article, headings and all; the seeds beside the checkout
    may be absent) and each must have its glossary entry."""
    text = " ".join((ROOT / "chapters" / f"{c}.md").read_text(encoding="utf-8") for c in CHAPTERS)
    seeds = " ".join(ROLE.sub(r"\1", text).translate(STRAIGHT).split()).lower()
    terms = course().terms
    assert len(WORDS) >= 80
    missing_entry = [(w, t) for w, t in WORDS if t not in terms]
    not_in_articles = [w for w, _ in WORDS if w.lower() not in seeds]
    assert not missing_entry and not not_in_articles, (missing_entry, not_in_articles)
