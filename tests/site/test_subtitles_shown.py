"""Each article's subtitle, as its seed gives it, stands under the chapter's title in every
built form: the page, the article handouts, the pocket file and the EPUB. What counts as
a seed's subtitle is said (and tested without a build) in tests/unit/test_subtitles.py."""

from __future__ import annotations

import zipfile

import pytest
from bs4 import BeautifulSoup

from book.course.load import course
from bookfiles import CHAPTERS, SEEDS, seed_subtitle, built_text
from pdfread import pdf_text
from textmatch import normalise, squeeze

def with_subtitle() -> list[str]:
    return [c for c in CHAPTERS if SEEDS.exists() and seed_subtitle(c)]


@pytest.mark.parametrize("chapter", with_subtitle())
def test_subtitle_under_the_title_on_the_page_and_on_paper(built, chapter):
    subtitle = seed_subtitle(chapter)
    page = BeautifulSoup(built_text(built / "chapters" / f"{chapter}.html"), "html.parser")
    shown = page.select_one("h1 + p.prt-subtitle")
    assert shown is not None and normalise(shown.get_text()) == normalise(subtitle)
    for paper in ("a4", "letter"):
        text = pdf_text(built / "handouts" / f"{chapter}-article-{paper}.pdf", page=1)
        title_at = squeeze(text).find(squeeze(course().articles[chapter].title))
        assert title_at >= 0 and squeeze(subtitle) in squeeze(text)[title_at:], f"{chapter}-article-{paper}.pdf"
    pocket = BeautifulSoup(built_text(built / "pocket" / f"{chapter}.html"), "html.parser")
    assert normalise(pocket.select_one("h1 + p.subtitle").get_text()) == normalise(subtitle)
    with zipfile.ZipFile(built / "handouts" / "permanent-revolution-today.epub") as z:
        assert any(squeeze(subtitle) in squeeze(z.read(n).decode("utf-8")) for n in z.namelist() if n.endswith(".xhtml"))
