"""The EPUB: Debian's epubcheck finds no error, and a reader finds the whole course in it."""

from __future__ import annotations

import re
import subprocess
import zipfile

from bs4 import BeautifulSoup

from bookfiles import CHAPTERS
from textmatch import squeeze

EPUBCHECK = "/usr/share/java/epubcheck.jar"


def _epub(built):
    path = built / "handouts" / "permanent-revolution-today.epub"
    assert path.exists(), "run `make handouts` (make book does)"
    return path


def test_epubcheck_finds_no_error(built):
    run = subprocess.run(["java", "-jar", EPUBCHECK, str(_epub(built))], capture_output=True, text=True)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert re.search(r"Messages: 0 fatals / 0 errors", report), report


def test_every_chapter_its_article_and_the_glossary_are_inside(built):
    with zipfile.ZipFile(_epub(built)) as z:
        assert z.namelist()[0] == "mimetype" and z.read("mimetype") == b"application/epub+zip"
        nav = z.read("OEBPS/nav.xhtml").decode()
        glossary = BeautifulSoup(z.read("OEBPS/glossary.xhtml"), "html.parser")
        for chapter in CHAPTERS:
            assert f'href="{chapter}.xhtml"' in nav
            book = BeautifulSoup(z.read(f"OEBPS/{chapter}.xhtml"), "html.parser")
            text = squeeze(book.get_text(""))
            page = BeautifulSoup((built / "chapters" / f"{chapter}.html").read_text(encoding="utf-8"), "html.parser")
            for para in page.select("section#the-article .prt-para"):
                for mark in para.select(".prt-pnum, .prt-sr"):  # the ¶ mark, screen-reader words: the book's
                    mark.decompose()
                assert squeeze(para.get_text("")) in text
            assert book.find(["svg", "svg:svg"]) is not None, "the drawn timeline"
            assert len(book.select("table tbody tr")) == len(page.select("section#timeline table tbody tr"))
            for link in book.select("a[href^='glossary.xhtml#']"):
                assert glossary.find(id=link["href"].split("#")[1]), link["href"]
    assert len(glossary.select("dt")) >= 100
