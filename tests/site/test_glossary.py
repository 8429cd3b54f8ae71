"""The glossary: every term resolves, back-links are generated and right, Arabic reads RTL."""

from __future__ import annotations


from bs4 import BeautifulSoup

from book.course.load import course
from bookfiles import built_text


def _soup(path):
    return BeautifulSoup(built_text(path), "html.parser")


def test_every_term_has_an_entry_with_its_letter(built):
    glossary = _soup(built / "glossary.html")
    for term in course().terms.values():
        assert glossary.find(id=f"term-{term.id}") is not None, term.id
    letters = [a.get_text() for a in glossary.select(".prt-letters a")]
    assert letters == sorted(letters) and "M" in letters
    assert glossary.select_one("h2#letter-m") is not None


def test_where_it_appears_matches_the_chapter_links(built):
    """Every back-link lands on a ¶ whose text really links to that term, and vice versa."""
    glossary = _soup(built / "glossary.html")
    chapter = _soup(built / "chapters" / "tishreen.html")
    linked_from = {}
    for a in chapter.select('a.prt-term[href*="#term-"]'):
        term = a["href"].rsplit("#term-", 1)[1]
        para = a.find_parent(class_="prt-para")
        if para is not None:
            linked_from.setdefault(term, set()).add(para["id"])
    checked = 0
    for term_id in ["muhasasa", "permanent-revolution", "precariat", "sadrists"]:
        entry = glossary.find(id=f"term-{term_id}").find_next("dd")
        uses = entry.select_one(".prt-uses")
        targets = {a["href"].split("#")[1] for a in uses.select('a[href^="chapters/tishreen.html#p"]')}
        assert targets, f"{term_id}: no back-links"
        assert targets == linked_from[term_id], term_id
        checked += 1
    assert checked == 4


def test_term_links_carry_their_definition_for_preview(built):
    chapter = _soup(built / "chapters" / "tishreen.html")
    link = chapter.select_one('a.prt-term[href$="#term-muhasasa"]')
    assert link["title"] == course().terms["muhasasa"].definition


def test_arabic_is_marked_right_to_left(built):
    glossary = built_text(built / "glossary.html")
    for term in course().terms.values():
        if term.original and term.original.language == "ar":
            assert f'<span lang="ar" dir="rtl">{term.original.text}</span>' in glossary, term.id


def test_every_glossary_term_is_used_in_the_book(built):
    """A term nobody links to is either missing a link or not worth its place."""
    glossary = _soup(built / "glossary.html")
    unused = [dd.find_previous("dt")["id"] for dd in glossary.select("dd")
              if "not yet linked" in dd.select_one(".prt-uses").get_text()]
    assert not unused, unused


