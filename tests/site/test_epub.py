"""The EPUB of every edition: Debian's epubcheck finds no error, a reader finds the whole
course in it, in the edition's language and direction (the Arabic turns its pages
leftwards: its spine says rtl)."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from book.course import language
from bookfiles import CHAPTERS, built_text
from textmatch import squeeze

EPUBCHECK = "/usr/share/java/epubcheck.jar"
EDITIONS = list(language.LANGUAGES)


def _epub(built: Path, code: str) -> Path:
    path = built / language.edition_prefix(code) / "handouts" / "permanent-revolution-today.epub"
    assert path.exists(), "run `make handouts` (make book does)"
    return path


@pytest.mark.parametrize("code", EDITIONS)
def test_epubcheck_finds_no_error(built, code):
    run = subprocess.run(["java", "-jar", EPUBCHECK, str(_epub(built, code))], capture_output=True, text=True)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert re.search(r"Messages: 0 fatals / 0 errors", report), report


@pytest.mark.parametrize("code", EDITIONS)
def test_every_chapter_its_article_and_the_glossary_are_inside(built, code):
    site = built / language.edition_prefix(code)
    with zipfile.ZipFile(_epub(built, code)) as z:
        assert z.namelist()[0] == "mimetype" and z.read("mimetype") == b"application/epub+zip"
        nav = z.read("OEBPS/nav.xhtml").decode()
        glossary = BeautifulSoup(z.read("OEBPS/glossary.xhtml"), "html.parser")
        for chapter in CHAPTERS:
            assert f'href="{chapter}.xhtml"' in nav
            book = BeautifulSoup(z.read(f"OEBPS/{chapter}.xhtml"), "html.parser")
            text = squeeze(book.get_text(""))
            page = BeautifulSoup(built_text(site / "chapters" / f"{chapter}.html"), "html.parser")
            for para in page.select("section#the-article .prt-para"):
                for mark in para.select(".prt-pnum, .prt-sr, .prt-para-lang"):  # the book's own marks
                    mark.decompose()
                assert squeeze(para.get_text("")) in text
            assert book.find(["svg", "svg:svg"]) is not None, "the drawn timeline"
            assert len(book.select("table tbody tr")) == len(page.select("section#timeline table tbody tr"))
            for link in book.select("a[href^='glossary.xhtml#']"):
                assert glossary.find(id=link["href"].split("#")[1]), link["href"]
    assert len(glossary.select("dt")) >= 100


#: The namespaces of the package file and the pages (parsed as XML, as a reader parses them).
DC, OPF = "http://purl.org/dc/elements/1.1/", "http://www.idpf.org/2007/opf"
XHTML, XML = "http://www.w3.org/1999/xhtml", "http://www.w3.org/XML/1998/namespace"


@pytest.mark.parametrize("code", EDITIONS)
def test_the_epub_speaks_its_editions_language_and_direction(built, code):
    """Every XHTML file says the edition's lang and dir on its root; the package says its
    language; the spine turns pages the way the language reads; a passage the edition
    still shows in English says so (lang="en") and reads left to right."""
    direction = language.LANGUAGES[code].direction
    with zipfile.ZipFile(_epub(built, code)) as z:
        opf = ElementTree.fromstring(z.read("OEBPS/content.opf"))
        assert opf.find(f".//{{{DC}}}language").text == code
        assert opf.find(f"{{{OPF}}}spine").get("page-progression-direction") == direction
        for name in [n for n in z.namelist() if n.endswith(".xhtml")]:
            root = ElementTree.fromstring(z.read(name))
            assert root.tag == f"{{{XHTML}}}html", name
            assert (root.get("lang"), root.get(f"{{{XML}}}lang"), root.get("dir")) == (code, code, direction), name
            for english in BeautifulSoup(z.read(name), "html.parser").select(".prt-untranslated"):
                assert english.get("lang") == language.SOURCE, name
                assert code == language.SOURCE or direction == "ltr" or english.get("dir") == "ltr", name
