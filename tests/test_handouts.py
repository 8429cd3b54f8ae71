"""Handouts: a PDF per chapter and one of the book, with the text a meeting needs."""

from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from test_book import CHAPTERS, normalise


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_handout_has_passages_and_questions_not_the_article(built, chapter):
    pdf = built / "handouts" / f"{chapter}.pdf"
    assert pdf.exists(), "run `make handouts` (make book does)"
    assert 2 <= _pages(pdf) <= 20
    squeeze = lambda t: re.sub(r"\s+", "", normalise(t))  # PDF text wraps lines and splits words
    text = squeeze(_pdf_text(pdf))
    page = BeautifulSoup((built / "chapters" / f"{chapter}.html").read_text(encoding="utf-8"), "html.parser")
    quotes = page.select("#key-passages blockquote")
    questions = page.select("#discussion-questions ol > li")
    for element in [*quotes, *questions]:
        start = squeeze(element.get_text(""))[:50]
        assert start in text, (chapter, start)
    paras = [squeeze(p.get_text(""))[20:80] for p in page.select(".prt-para")]
    shown = [p for p in paras if len(p) == 60 and p in text]  # key passages quote a few
    assert len(shown) <= 5, "the article text belongs in the book, not the handout"


def test_whole_book_pdf(built):
    pdf = built / "handouts" / "permanent-revolution-today.pdf"
    assert 100 <= _pages(pdf) <= 800
    text = _pdf_text(pdf)
    assert "Nureed Watan is a cry for bourgeois development" in " ".join(text.split())


def test_handouts_are_linked_from_the_book(built):
    page = (built / "handouts.html").read_text(encoding="utf-8")
    for chapter in CHAPTERS:
        assert f'href="handouts/{chapter}.pdf"' in page
