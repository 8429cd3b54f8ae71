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
from bookfiles import CHAPTERS, built_text

TRANSLATED = language.translations()


def _soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(built_text(page), "html.parser")


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
def test_the_switcher_reaches_the_same_page_both_ways(built, code):
    """Relative links (file://, a USB stick): from each page of each edition to the same
    page of the other; no hreflang alternate in the head, where only a full address is
    valid (Lighthouse's SEO audit fails a relative one) and the book has none."""
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
            assert not soup.select('link[rel="alternate"][hreflang]'), name
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


def test_every_page_says_its_language_and_direction(built):
    """dir on every page of every edition beside lang (Sphinx writes none: language.py
    adds it): rtl on every Arabic page, ltr on the others."""
    for code, found in language.LANGUAGES.items():
        root = built / language.edition_prefix(code)
        pages = sorted(_pages(root))
        assert pages
        for name in pages:
            tag = _soup(root / name).html
            assert (tag.get("lang"), tag.get("dir")) == (code, found.direction), f"{code}/{name}"


def test_the_switcher_offers_every_other_edition_on_every_page(built):
    """Three editions: each page links to itself in the two others, the Arabic and the
    Spanish to each other directly (not through the English)."""
    for code in language.LANGUAGES:
        root = built / language.edition_prefix(code)
        for name in sorted(_pages(root)):
            page = root / name
            links = {a["hreflang"]: a["href"] for a in _soup(page).select("nav.prt-language a[hreflang]")}
            assert set(links) == set(language.LANGUAGES) - {code}, f"{code}/{name}"
            for there, href in links.items():
                assert (page.parent / href).resolve() == (built / language.edition_prefix(there) / name).resolve()


def test_the_arabic_tishreen_chapter_is_arabic_and_says_the_english_is_its_original(built):
    """Every paragraph of the article translated (none shown in English, marked), and the
    note says whose translation it is: the authors wrote in English (translation.yml's
    ``original: english``). How a missing paragraph is marked: tests/sphinx."""
    soup = _soup(built / "ar" / "chapters" / "tishreen.html")
    assert soup.select_one("h1").get_text().startswith("انتفاضة تشرين")
    first = soup.select_one("#p1")
    assert first is not None and "انفجرت شوارع العراق" in first.get_text() and "prt-untranslated" not in first.get("class", [])
    paragraphs = soup.select(".prt-article p[id^=p]") or soup.select("p[id^=p]")
    assert len(paragraphs) > 30
    assert not [p["id"] for p in paragraphs if "prt-untranslated" in p.get("class", []) or p.get("lang") == "en"]
    note = soup.select_one(".prt-article-meta .prt-translation-note").get_text()
    assert "بمساعدة الآلة" in note and "كتبه مؤلفوه بالإنجليزية" in note
    # ¶ labels keep the English numbers, in Western digits.
    assert [a.get_text() for a in soup.select("#p19 a.prt-pnum")][:1] in (["¶19"], ["19"])


def test_the_arabic_glossary_gives_the_terms_standard_arabic_forms(built):
    text = _soup(built / "ar" / "glossary.html").get_text(" ")
    for term in ("المحاصصة", "تشرين", "الثورة الدائمة", "البرنامج الانتقالي", "ازدواجية السلطة"):
        assert term in text, term


def test_arabic_search_indexes_words_without_their_article(built):
    """The index holds محاصصه (the stem of المحاصصة and محاصصة), not the word with its
    article, and the page's language_data.js the same stemmer in JavaScript."""
    import json

    text = (built / "ar" / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    words = set(index["terms"]) | set(index["titleterms"])
    assert "محاصصه" in words and "ثوره" in words and "المحاصصه" not in words
    # Germany (ألمانية, a hamza alef, no article) is one word with the article (الألمانية) and without.
    assert "المانيه" in words and "مانيه" not in words
    # Words the pages use often, with their article: each indexed only without it. (A word
    # in general cannot be checked: ألسنة, tongues, normalises to السنه as السنة, the year,
    # does with its article taken off: the light stemmer's limit, in its docstring.)
    for word in ("ثوره", "طبقه", "حكومه", "عمال", "محاصصه", "احزاب"):
        assert word in words and "ال" + word not in words, word
    data = (built / "ar" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "search_arabic.py" in data
