"""The built book: complete article text, working glossary links, nothing from other hosts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from book.course.language import translations
from book.course.load import course
from book.sphinxext.guard import external_references
from bookfiles import CHAPTERS, SEEDS, built_text
from textmatch import normalise


def seed_sentences(chapter: str) -> list[str]:
    article = course().articles[chapter]
    lines = (SEEDS / article.seed_file).read_text(encoding="utf-8").split("\n")
    body = [line for line in lines[article.lines[0] - 1 : article.lines[1]] if line.strip()]
    # The lead lines (date, title) head our attribution block; each other line is a block
    # (heading, paragraph or list item) whose sentences must all be in the chapter.
    # Lines of only dashes or bullets are layout from the web page, not words.
    body = [line for line in body[article.lead_lines :] if not re.fullmatch(r"[\s\-–—_=•●]*", line)]
    # An enumerated list's "1." is drawn by the browser, not written in the text.
    body = [re.sub(r"^\s*\d+\.\s+", "", line) for line in body]
    return [s for line in body for s in re.split(r"(?<=[.!?])\s+", normalise(line)) if s]


def article_section(page: Path):
    soup = BeautifulSoup(built_text(page), "html.parser")
    meta = soup.select_one("div.prt-article-meta")
    assert meta is not None, f"{page}: no article-meta block"
    section = meta.find_parent("section")
    # Ours, not the article's: ¶ numbers, notes, the attribution, screen-reader words on links.
    for ours in section.select(".prt-pnum, aside, .margin, .sidebar, .prt-article-meta, .prt-sr"):
        ours.decompose()
    return section


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_article_text_is_complete_and_in_order(built, chapter):
    if not SEEDS.exists():
        pytest.skip("../shared/seeds not beside this checkout")
    text = normalise(article_section(built / "chapters" / f"{chapter}.html").get_text(""))
    sentences = seed_sentences(chapter)
    pos, missing = 0, []
    for s in sentences:
        found = text.find(s, pos)
        if found < 0:
            missing.append(s)
        else:
            pos = found + len(s)
    share = 1 - len(missing) / len(sentences)
    assert share >= 0.995, f"{len(missing)} of {len(sentences)} sentences missing or out of order: {missing[:3]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_article_blocks_hold_only_the_articles_words(built, chapter):
    if not SEEDS.exists():
        pytest.skip("../shared/seeds not beside this checkout")
    seed = normalise(" ".join(seed_sentences(chapter)))
    section = article_section(built / "chapters" / f"{chapter}.html")
    blocks = section.select(".prt-para")
    block_words = sum(len(b.get_text(" ").split()) for b in blocks)
    # (headings are not numbered blocks, hence 90%)
    assert block_words >= 0.9 * len(seed.split()), "the numbered blocks do not hold the article"
    ours = [normalise(b.get_text("")) for b in blocks if normalise(b.get_text("")) not in seed]
    assert not ours, f"text in the article that is not the article's: {ours[:2]}"


def test_paragraph_anchors_are_numbered_in_order(built):
    soup = BeautifulSoup(built_text(built / "chapters" / "tishreen.html"), "html.parser")
    ids = [el["id"] for el in soup.select(".prt-para")]
    assert ids == [f"p{n}" for n in range(1, len(ids) + 1)]
    marks = soup.select("a.prt-pnum")
    assert marks[0]["href"] == "#p1" and marks[0].get_text() == "¶1"


def test_reading_time_is_computed_from_the_text(built):
    section = article_section(built / "chapters" / "tishreen.html")
    words = sum(len(b.get_text(" ").split()) for b in section.select(".prt-para"))
    expected = -(-words // 200)
    page = built_text(built / "chapters" / "tishreen.html")
    assert f"about {expected} minutes" in page


def test_required_glossary_links_resolve(built):
    page = BeautifulSoup(built_text(built / "chapters" / "tishreen.html"), "html.parser")
    glossary = BeautifulSoup(built_text(built / "glossary.html"), "html.parser")
    targets = {a["href"].split("#")[1] for a in page.select('a[href*="glossary.html#term-"]')}
    for needed in ["muhasasa", "permanent-revolution", "transitional-program", "tishreen",
                   "nureed-watan", "precariat", "comprador-bourgeoisie", "dual-power",
                   "menshevism", "baathism", "sadrists"]:
        assert f"term-{needed}" in targets, needed
    for target in targets:
        assert glossary.find(id=target) is not None, f"broken glossary link {target}"


def test_glossary_shows_arabic_right_to_left(built):
    glossary = built_text(built / "glossary.html")
    assert '<span lang="ar" dir="rtl">محاصصة</span>' in glossary


def test_no_built_page_references_another_host(built):
    assert external_references(built) == []


def test_plotly_js_ships_once_and_no_page_loads_it_up_front(built):
    """plotly.js (the npm basic bundle) is in _static once per edition (each language's is a
    site of its own, es/ inside the English); pages fetch it only on request."""
    from book.course.assets import plotly_js_path
    from book.course.language import edition_prefix

    copies = sorted(built.rglob("plotly*.js"))
    assert [p.relative_to(built).as_posix() for p in copies] == sorted(
        f"{edition_prefix(code)}_static/vendor/plotly.min.js" for code in ["en", *translations()])
    assert copies[0].read_bytes() == plotly_js_path().read_bytes()
    figures = 0
    for page in built.rglob("*.html"):
        soup = BeautifulSoup(built_text(page), "html.parser")
        sources = [s.get("src", "") for s in soup.find_all("script")]
        assert not any("plotly" in src for src in sources), page
        figures += len(soup.select(".prt-timeline-figure svg.prt-tl-svg"))
    assert figures >= 5 * 2  # four chapters and the parallel page, two views or more each


#: Each edition's search page (es/search.html searches the Spanish edition's index).
SEARCH_PAGES = {"search.html", *(f"{code}/search.html" for code in translations())}


def test_pages_skip_the_theme_scripts_they_do_not_need(built):
    """Font Awesome's 1.5 MB SVG script and the search index load nowhere but search.html."""
    for page in built.rglob("*.html"):
        if "_static" in page.relative_to(built).parts:
            continue
        html = built_text(page)
        assert "fontawesome.js" not in html, page
        assert ("searchindex.js" in html) == (page.relative_to(built).as_posix() in SEARCH_PAGES), page


def test_no_thebe_require_or_widget_manager_in_pages(built):
    banned = re.compile(r"thebe|require(?:\.min)?\.js|html-manager|widget-state\+json|mathjax", re.I)
    for page in built.rglob("*.html"):
        soup = BeautifulSoup(built_text(page), "html.parser")
        for script in soup.find_all("script"):
            where = (script.get("src") or "") + " " + (script.get("type") or "") + " " + script.get_text()
            assert not banned.search(where), f"{banned.search(where).group(0)} in a script of {page}"


def test_static_exercises_are_in_the_chapter(built):
    page = built_text(built / "chapters" / "tishreen.html")
    for x in course().chapter_exercises("tishreen"):
        assert f'data-exercise="{x.id}"' in page


