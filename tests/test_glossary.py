"""The glossary: every term resolves, back-links are generated and right, Arabic reads RTL."""

from __future__ import annotations


from bs4 import BeautifulSoup
from helpers import reload_kept

from book.course.load import course


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


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
    glossary = (built / "glossary.html").read_text(encoding="utf-8")
    for term in course().terms.values():
        if term.original and term.original.language == "ar":
            assert f'<span lang="ar" dir="rtl">{term.original.text}</span>' in glossary, term.id


def test_definition_opens_by_keyboard_in_place(browser, built):
    page = browser.new_page()
    url = f"{built.as_uri()}/chapters/tishreen.html"
    page.goto(url)
    link = page.locator('a.prt-term[href$="#term-muhasasa"]').first
    link.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name=link.inner_text().strip())
    assert panel.is_visible() and course().terms["muhasasa"].definition in panel.inner_text()
    assert link.get_attribute("aria-expanded") == "true" and page.url == url
    page.keyboard.press("Escape")
    assert not panel.is_visible() and link.get_attribute("aria-expanded") == "false"
    page.close()


def test_chapter_decks_follow_the_chapters_links():
    from book import glossary

    decks = glossary.decks()
    assert len(decks["All terms"]) == len(course().terms)
    assert "muhasasa" in decks["Tishreen (Iraq)"] and "fujimorism" in decks["Peru"]


def test_every_glossary_term_is_used_in_the_book(built):
    """A term nobody links to is either missing a link or not worth its place."""
    glossary = _soup(built / "glossary.html")
    unused = [dd.find_previous("dt")["id"] for dd in glossary.select("dd")
              if "not yet linked" in dd.select_one(".prt-uses").get_text()]
    assert not unused, unused


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


def test_static_flashcards_turn_and_remember(browser, built):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{built.as_uri()}/flashcards.html")
    box = page.locator(".prt-flashcards")
    box.locator(".prt-deck").select_option(label=f"Tishreen (Iraq) ({len(__import__('book.glossary', fromlist=['x']).decks()['Tishreen (Iraq)'])})")
    assert not box.locator(".prt-card-definition").is_visible()
    box.get_by_role("button", name="Show definition").click()
    assert box.locator(".prt-card-definition").is_visible()
    box.get_by_role("button", name="I knew it").click()
    assert "Known 1 of" in box.locator(".prt-card-progress").inner_text()
    reload_kept(page)
    page.locator(".prt-deck").select_option(index=1)
    assert "Known 1 of" in page.locator(".prt-card-progress").inner_text()
    context.close()


WORDS = [line.split("\t") for line in
         (__import__("pathlib").Path(__file__).parent / "glossary_words.txt").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


def test_coverage_every_glossary_worthy_word_in_the_articles_has_an_entry():
    """The list of words a newcomer stops at (tests/glossary_words.txt): each must still be
    in an article and each must have its glossary entry."""
    from bookfiles import SEEDS

    seeds = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")).lower()
    terms = course().terms
    assert len(WORDS) >= 80
    missing_entry = [(w, t) for w, t in WORDS if t not in terms]
    not_in_articles = [w for w, _ in WORDS if w.lower() not in seeds]
    assert not missing_entry and not not_in_articles, (missing_entry, not_in_articles)
