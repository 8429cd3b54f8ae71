"""Every chapter has the parts a study group relies on, in the built book."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from bookfiles import CHAPTERS, built_text
from textmatch import normalise

PARTS = ["in-this-chapter-you-will", "context", "what-to-watch-for-while-reading", "the-article",
         "about-this-text", "key-passages", "timeline", "discussion-questions", "words-in-this-chapter",
         "exercises",
         "further-reading"]


def _soup(built, chapter):
    return BeautifulSoup(built_text(built / "chapters" / f"{chapter}.html"), "html.parser")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_every_part_in_order(built, chapter):
    soup = _soup(built, chapter)
    ids = [s["id"] for s in soup.select("section[id]")]
    positions = [ids.index(p) for p in PARTS]
    assert positions == sorted(positions), list(zip(PARTS, positions))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_questions_climb_and_ask_for_evidence(built, chapter):
    section = _soup(built, chapter).find("section", id="discussion-questions")
    questions = section.find("ol").find_all("li", recursive=False)
    assert 8 <= len(questions) <= 12
    evidence = [q for q in questions if re.search(r"evidence|check|source", q.get_text(), re.I)]
    assert len(evidence) >= 2


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_key_passages_are_verbatim_and_cite_their_paragraph(built, chapter):
    soup = _soup(built, chapter)
    paras = {p["id"]: normalise(p.get_text("")) for p in soup.select(".prt-para")}
    section = soup.find("section", id="key-passages")
    quotes = section.find_all("blockquote")
    assert 3 <= len(quotes) <= 5
    for quote in quotes:
        links = [a["href"].split("#")[1] for a in quote.find_all_previous("a", class_="prt-pref", limit=1)
                 + quote.find_all("a", class_="prt-pref") + quote.find_all_next("a", class_="prt-pref", limit=1)]
        text = normalise(quote.get_text("")).strip('"')
        text = re.sub(r"\s*\(?¶\d+\)?\s*$", "", text).strip(' "')
        assert any(text[:60] in paras.get(anchor, "") for anchor in links), (chapter, text[:80], links)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reading_time_and_links_to_timeline_and_exercises(built, chapter):
    soup = _soup(built, chapter)
    assert re.search(r"about \d+ minutes", soup.get_text())
    assert soup.select_one(".prt-timeline") is not None
    assert soup.select(f'.prt-exercise[data-exercise^="{chapter.split("-")[0]}"]')
    # Reader pages send facilitators to their guide, not to Jupyter or make.
    exercises = soup.select_one("section#exercises")
    assert exercises.select('a[href$="facilitator/index.html"]'), "no link to the facilitator guide"
    assert "make lab" not in exercises.get_text() and ".ipynb" not in str(exercises)


#: A quote turned the wrong way: a closing mark opening a word, an opening mark ending one.
#: Sphinx curls each piece of text apart, so a straight quote before a {term} role or
#: inside spaces ("\xa0definitive\xa0") came out backwards; the sources write those curled.
WRONG_WAY = re.compile(r"(?:^|[\s(—–])”\w|\w“(?=[\s.,;:)]|$)")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_quotation_mark_is_turned_the_wrong_way(built, chapter):
    soup = BeautifulSoup(built_text(built / "chapters" / f"{chapter}.html"), "html.parser")
    for ours in soup(["script", "style"]):
        ours.decompose()
    text = " ".join(soup.get_text("").split())
    assert [text[max(0, m.start() - 30):m.end() + 20] for m in WRONG_WAY.finditer(text)] == []
