"""The editions in other languages as `make book` built them (issue 29): the same pages,
the same ¶ ids, a switcher to the same page both ways, alternates in the head, and what
is still English marked as such."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from book.course import language
from book.sphinxext.config import sphinx_pages
from bookfiles import CHAPTERS

TRANSLATED = language.translations()


def _soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in sphinx_pages(root)}


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_page_is_in_every_edition(built, code):
    assert _pages(built) == _pages(built / code)


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_article_has_the_same_paragraph_ids_in_both_editions(built, code, chapter):
    def ids(root: Path) -> list[str]:
        soup = _soup(root / "chapters" / f"{chapter}.html")
        return [el["id"] for el in soup.select(".prt-para[id]") if re.fullmatch(r"p\d+", el["id"])]

    english = ids(built)
    assert english and ids(built / code) == english


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_switcher_and_the_alternates_reach_the_same_page_both_ways(built, code):
    """Relative links (file://, a USB stick): from each page of each edition to the same
    page of the other, and hreflang alternates for every edition in the head."""
    checked = 0
    for name in sorted(_pages(built)):
        for here, there, root in ((language.SOURCE, code, built), (code, language.SOURCE, built / code)):
            page = root / name
            soup = _soup(page)
            assert soup.html["lang"] == here, name
            link = soup.select_one(f'nav.prt-language a[hreflang="{there}"]')
            assert link is not None, f"{here}/{name}: no switcher to {there}"
            target = (page.parent / link["href"]).resolve()
            expected = (built / language.edition_prefix(there) / name).resolve()
            assert target == expected, f"{here}/{name}: the switcher goes to {link['href']}"
            alternates = {a["hreflang"]: a["href"] for a in soup.select('link[rel="alternate"][hreflang]')}
            assert set(alternates) == set(language.LANGUAGES), name
            assert (page.parent / alternates[there]).resolve() == expected
            checked += 1
    assert checked >= 40


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_paragraph_links_to_itself_in_the_other_edition(built, code):
    soup = _soup(built / code / "chapters" / "peru.html")
    for para in soup.select(".prt-para[id]"):
        link = para.select_one("a.prt-para-lang")
        assert link is not None and link["href"] == f"../../chapters/peru.html#{para['id']}", para["id"]
        assert link.get_text() == ""  # no words of its own: the ¶'s text stays the article's


def test_the_spanish_peru_chapter_is_translated_and_says_how(built):
    soup = _soup(built / "es" / "chapters" / "peru.html")
    assert soup.html["lang"] == "es"
    paras = soup.select(".prt-para[id]")
    assert len(paras) == 24
    assert not [p["id"] for p in paras if "prt-untranslated" in p.get("class", [])]
    note = soup.select_one(".prt-article-meta .prt-translation-note")
    assert note is not None and "asistida por máquina" in note.get_text() and "sin revisar" in note.get_text()
    assert "no estuvo a nuestro alcance" in note.get_text()  # the Spanish originals were not found
    assert note.select_one('a[hreflang="en"]')["href"] == "../../chapters/peru.html"
    assert soup.select_one("h1").get_text().startswith("Perú: ¡Abajo el régimen fujimorista!")


def test_the_whole_spanish_edition_is_translated_and_each_article_says_how(built):
    """Every page of the Spanish edition in Spanish: no passage shown in English (the mark
    itself is tested on a tiny book, tests/sphinx), and each article's note says who
    translated it and how, and whether its authors' own text was found."""
    marked = {p.relative_to(built / "es").as_posix(): len(_soup(p).select(".prt-untranslated"))
              for p in sphinx_pages(built / "es")}
    assert {page: n for page, n in marked.items() if n} == {}
    noticed = [p.relative_to(built / "es").as_posix() for p in sphinx_pages(built / "es")
               if _soup(p).select_one(".prt-translation-notice")]
    assert noticed == []  # no page claims English passages it does not show
    for chapter in CHAPTERS:
        note = _soup(built / "es" / "chapters" / f"{chapter}.html").select_one(".prt-translation-note").get_text()
        assert "Traducción asistida por máquina" in note and "sin revisar" in note, chapter
        assert ("no estuvo a nuestro alcance" in note) == (chapter in ("peru", "world-situation")), chapter


def test_the_spanish_interface_and_data_are_spanish(built):
    soup = _soup(built / "es" / "chapters" / "peru.html")
    text = soup.get_text(" ")
    for spanish in ("Capítulos", "En esta página", "Antes de la sesión de esta semana", "Tiempo de lectura"):
        assert spanish in text, spanish
    script = (built / "es" / "_static" / "strings.js").read_text(encoding="utf-8")
    assert 'window.PRT.language = "es"' in script and "Comprobar" in script
    index = _soup(built / "es" / "index.html")
    assert index.select_one("h1").get_text().startswith("Revolución Permanente Hoy")
