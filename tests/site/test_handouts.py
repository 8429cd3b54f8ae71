"""Paper: read back what `make book` printed, as a reader (or a printer) would meet it.

Text comes out of the PDFs with pdftotext and the outline with pypdf; how full each page
is comes from its pixels (pdftoppm), so a heading left alone or a half-blank page shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from book.course import language
from book.course.strings import t
from book.course.translations import usable
from book.sphinxext.config import MADE_AFTER, sphinx_pages

from bookfiles import CHAPTERS, built_text
from pdfread import page_fill, pdf_text, reading_order, screen_only
from textmatch import normalise, squeeze

BOOK = "permanent-revolution-today.pdf"
SIZES = {"a4": (595, 842), "letter": (612, 792)}


def _body(path: Path) -> str:
    """The text without the margins (running header, page numbers), which pdftotext
    puts in the middle of a sentence that runs over a page break."""
    title = PdfReader(path).metadata.title or ""
    lines = pdf_text(path, raw=True).replace("\f", "\n").split("\n")
    return "\n".join(line for line in lines if line.strip() != title.strip() and not re.fullmatch(r"page \d+ of \d+", line.strip()))


def _sentences(element) -> list[str]:
    for mark in element.select(".prt-pnum, .prt-sr"):  # the ¶ mark, screen-reader words: the book's
        mark.decompose()
    text = normalise(element.get_text(" "))
    return [s for s in re.split(r"(?<=[.!?:;])\s+", text) if len(s) > 3]


def _page(built: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((built / rel).read_text(encoding="utf-8"), "html.parser")


def _outline(path: Path) -> list[tuple[int, str, int]]:
    """(level, title, page index) for every bookmark."""
    reader = PdfReader(path)
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return out


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_article_handout_holds_the_whole_article(built, chapter, size):
    pdf = built / "handouts" / f"{chapter}-article-{size}.pdf"
    assert pdf.exists(), "run `make handouts` (make book does)"
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == SIZES[size]
    text = pdf_text(pdf)
    squeezed = squeeze(_body(pdf))
    page = _page(built, f"chapters/{chapter}.html")
    article = page.select_one("section#the-article")
    sentences = [s for block in article.select(".prt-para") for s in _sentences(block)]
    missing = [s for s in sentences if squeeze(s) not in squeezed]
    assert len(sentences) > 50
    assert 1 - len(missing) / len(sentences) >= 0.995, missing[:5]
    pages = len(reader.pages)
    for n in range(1, pages + 1):
        assert f"page {n} of {pages}" in text
    byline = article.select_one(".prt-article-meta").get_text(" ")
    assert "By " in byline
    for line in byline.split("\n"):
        if line.strip() and "Reading time" not in line:
            assert squeeze(line) in squeezed, line
    notes = article.select("aside.margin")
    for n, note in enumerate(notes, start=1):
        assert f"note {n}" in text
        title = note.select_one(".sidebar-title").get_text(" ", strip=True)
        assert squeeze(f"{title}.") in squeezed
    for term in page.select("section#words-in-this-chapter dt"):
        assert squeeze(term.get_text(" ")) in squeezed


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_session_sheet_has_passages_questions_and_room_to_write(built, chapter):
    pdf = built / "handouts" / f"{chapter}-session.pdf"
    assert 2 <= len(PdfReader(pdf).pages) <= 4
    squeezed = squeeze(pdf_text(pdf))
    page = _page(built, f"chapters/{chapter}.html")
    for element in [*page.select("#key-passages blockquote"), *page.select("#discussion-questions ol > li")]:
        assert squeeze(element.get_text(" "))[:60] in squeezed
    for heading in ("Context", "Key passages", "Questions", "Words of the week"):
        assert squeeze(heading) in squeezed
    # The article stays out: its paragraphs appear only where a key passage quotes them.
    paras = [squeeze(p.get_text(" "))[20:80] for p in page.select(".prt-para")]
    assert sum(len(p) == 60 and p in squeezed for p in paras) <= 5


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapters_paper_asks_for_no_button(built, chapter):
    """Its article handouts and session sheet are read with a pen: nothing on them may say
    tap, click, press Check or use the up and down buttons."""
    pdfs = sorted((built / "handouts").glob(f"{chapter}-*.pdf"))
    assert len(pdfs) == 3
    for pdf in pdfs:
        assert not screen_only(pdf_text(pdf)), pdf.name


def test_whole_book_has_outline_contents_and_page_numbers(built):
    pdf = built / "handouts" / BOOK
    outline = _outline(pdf)
    tops = {title: index for level, title, index in outline if level == 1}
    for chapter in CHAPTERS:
        title = _page(built, f"chapters/{chapter}.html").find("h1").get_text(" ", strip=True).rstrip("#").strip()
        assert title in tops, f"no bookmark for {title}"
        sections = [t for level, t, i in outline if level == 2 and i >= tops[title]]
        assert {"Context", "The article", "Key passages", "Discussion questions"} <= set(sections)
    contents = pdf_text(pdf, 2)
    assert contents.lstrip().startswith("Contents")
    flat = " ".join(" ".join(pdf_text(pdf, n).split()) for n in range(2, min(tops.values()) + 1))
    for title, index in tops.items():
        m = re.search(re.escape(" ".join(title.split())) + r"\s*\.{3,}\s*(\d+)", flat)
        assert m, f"{title} not in the contents"
        assert int(m.group(1)) == index + 1, f"contents says page {m.group(1)} for {title}"
        header = pdf_text(pdf, index + 2).split("\n")[0]
        assert " ".join(title.split())[:30] in " ".join(header.split()), "running header"
    text = pdf_text(pdf)
    pages = len(PdfReader(pdf).pages)
    assert f"page {pages} of {pages}" in text


def test_whole_book_has_no_screen_wording_and_every_source_address(built):
    text = pdf_text(built / "handouts" / BOOK)
    screen = re.findall(r"[^.\n]*\b(?:click|tap|hover|in this browser|buttons?)\b[^.\n]*", text, re.I)
    assert not screen and not screen_only(text), (screen + screen_only(text))[:5]
    # pdftotext joins a line broken after a hyphen without it: compare without hyphens.
    squeezed = re.sub(r"[\s-]+", "", text)
    page = _page(built, "chapters/peru.html")
    links = {a["href"] for a in page.select("section#the-article aside.margin a[href^='http']")}
    assert len(links) > 10
    for href in links:
        assert "<" + href.replace("-", "") + ">" in squeezed, href


@pytest.mark.parametrize("name", ["book", *CHAPTERS])
def test_no_page_is_more_than_half_empty_but_a_chapters_last(built, name):
    if name == "book":
        pdfs = [built / "handouts" / BOOK]
    else:
        pdfs = [built / "handouts" / f"{name}-{kind}.pdf" for kind in ("article-a4", "article-letter", "session")]
    for pdf in pdfs:
        filled = page_fill(pdf)
        starts = {index for level, _, index in _outline(pdf) if level == 1} | {1, len(filled)}
        if name != "book":
            starts = {len(filled)}
        half_empty = [i + 1 for i, f in enumerate(filled) if f < 0.5 and i + 1 not in starts]
        assert not half_empty, f"{pdf.name}: pages {half_empty} are more than half empty"


@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_handouts_page_lists_every_file_with_its_pages_and_size(built, code):
    """Each edition's handouts page gives its own files' pages and sizes, in its words."""
    site = built / language.edition_prefix(code)
    page = _page(site, "handouts.html")
    slots = page.select(".prt-filesize")
    assert len(slots) >= 4 * 3 + 1
    for slot in slots:
        target = site / slot["data-file"]
        assert page.select_one(f'a[href="{slot["data-file"]}"]'), slot["data-file"]
        words = slot.get_text()
        size = target.stat().st_size
        found = re.search(r"([\d.]+) (KB|MB)", words)
        shown = float(found.group(1)) * (1e3 if found.group(2) == "KB" else 1e6)
        assert abs(shown - size) <= max(0.06 * size, 600), (words, size)
        if target.suffix == ".pdf":
            with language.speaking(code):
                assert words == t("paper.file_pages", n=len(PdfReader(target).pages), size=found.group(0)), words


def test_no_page_ends_with_a_heading(built):
    """A heading is kept with its text: no page of the book ends on a bookmarked title."""
    pdf = built / "handouts" / BOOK
    titles = {" ".join(title.split()) for _, title, _ in _outline(pdf)}
    pages = pdf_text(pdf).split("\f")
    stranded = []
    for n, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.split("\n") if line.strip() and not re.fullmatch(r"page \d+ of \d+", line.strip())]
        lines = lines[1:]  # the running header
        if len(lines) > 2 and lines[-1] in titles:
            stranded.append((n, lines[-1]))
    assert not stranded, stranded


# ---------------------------------------------------------------- every edition's own

EDITIONS = list(language.LANGUAGES)
#: A paragraph's text from a .po: its MyST roles as the words they show, and only
#: sentences with no other markup left (a link, emphasis), read as the page prints them.
ROLE = re.compile(r"\{[\w-]+\}`([^`<]*?)\s*(?:<[^`>]*>)?`")
MARKUP = re.compile(r"[{}`\[\]*_<>|#]")


def _site(built: Path, code: str) -> Path:
    return built / language.edition_prefix(code)


def _products(code: str) -> list[str]:
    """Every file `make handouts` makes for an edition, relative to its site."""
    return ([f"handouts/{c}-{kind}.pdf" for c in CHAPTERS for kind in ("article-a4", "article-letter", "session")]
            + [f"pocket/{c}.html" for c in CHAPTERS] + [f"handouts/{BOOK}", "handouts/permanent-revolution-today.epub"])


def _letters(text: str) -> str:
    """Letters and digits only: pdftotext wraps each right-to-left run in bidi controls
    and guesses word gaps from glyph positions (Amiri's joined forms sometimes read as one),
    and the paper sets each language's quotation marks (« » where the catalog has " ")."""
    return re.sub(r"[\W_]+", "", squeeze(text))


@pytest.mark.parametrize("code", EDITIONS)
def test_every_edition_has_every_product_in_its_language(built, code):
    """Beside its own pages: PDFs that say the edition's language (and number their
    pages in its words), pocket files with its lang and dir."""
    site = _site(built, code)
    found = language.LANGUAGES[code]
    missing = [rel for rel in _products(code) if not (site / rel).is_file()]
    assert not missing, missing
    with language.speaking(code):
        for rel in [r for r in _products(code) if r.endswith(".pdf")]:
            reader = PdfReader(site / rel)
            assert reader.trailer["/Root"].get("/Lang") == code, rel
            pages = len(reader.pages)
            assert _letters(t("paper.page_of", n=pages, total=pages)) in _letters(pdf_text(site / rel, pages)), rel
    for chapter in CHAPTERS:
        html = BeautifulSoup(built_text(site / "pocket" / f"{chapter}.html"), "html.parser").html
        assert (html["lang"], html["dir"]) == (code, found.direction), chapter


def _translated_sentences(code: str, chapter: str, english: str) -> list[str]:
    """Sentences of the article's paragraphs as the edition's catalog translates them (a
    usable translation of a message whose English is one of the article's paragraphs)."""
    po = polib.pofile(str(language.po_folder(code) / "chapters" / f"{chapter}.po"), wrapwidth=0)
    sentences = []
    for entry in po:
        if not usable(entry) or len(entry.msgid) < 80 or squeeze(ROLE.sub(r"\1", entry.msgid))[:80] not in english:
            continue
        text = ROLE.sub(r"\1", entry.msgstr)
        sentences += [s for s in re.split(r"(?<=[.!?؟:;؛])\s+", text) if len(s) > 25 and not MARKUP.search(s)]
    return sentences


def _body_text(text: str) -> str:
    """The pages' text without what every page repeats (the running title, "page n of m",
    the margin's bullets), so that a sentence a page break cuts reads as one."""
    pages = [page.splitlines() for page in text.split("\f") if page.strip()]
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", _letters(line))
    seen: dict[str, int] = {}
    for page in pages:
        for k in {key(line) for line in page}:
            seen[k] = seen.get(k, 0) + 1
    furniture = {k for k, n in seen.items() if n > len(pages) / 2 or not k}
    return "\n".join(line for page in pages for line in page if key(line) not in furniture)


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("code", language.translations())
def test_translated_handouts_hold_the_articles_translated_sentences(built, code, chapter):
    """pdftotext reads back, in the order they are read, the sentences the catalog gives
    for the article's paragraphs: the Arabic copies out as Arabic letters, not glyphs."""
    page = _page(built, f"chapters/{chapter}.html").select_one("section#the-article")
    # The article's own paragraphs: a margin note is set beside them on paper, where
    # pdftotext reads its lines into the paragraph's (the notes' text: the pocket files' test).
    for mark in page.select(".prt-pnum, .prt-sr, aside"):
        mark.decompose()
    sentences = _translated_sentences(code, chapter, squeeze(page.get_text("")))
    if not sentences:
        pytest.skip(f"no paragraph of the {chapter} article is translated in {code} yet")
    for size in SIZES:
        pdf = _site(built, code) / "handouts" / f"{chapter}-article-{size}.pdf"
        # Raw order keeps a ¶ label or a margin note's number out of a sentence; a
        # right-to-left line, which -raw writes as drawn, is turned back (reading_order).
        # In Arabic each of pdftotext's two orders puts a few lines around a margin note
        # out of place, never the same ones: a sentence counts if either reads it whole.
        raw = pdf_text(pdf, raw=True)
        if language.LANGUAGES[code].direction == "ltr":
            readings = [_letters(_body_text(raw))]
        else:
            readings = [_letters(_body_text(reading_order(raw))), _letters(_body_text(pdf_text(pdf)))]
        missing = [s for s in sentences if not any(_letters(s) in text for text in readings)]
        assert not missing, (pdf.name, len(missing), len(sentences), missing[:3])
        assert not [c for c in pdf_text(pdf) if "\ufb50" <= c <= "\ufefe"], "a glyph copied out, not its letter"


@pytest.mark.parametrize("code", language.translations())
def test_a_translated_handouts_page_links_its_own_editions_files(built, code):
    """Every download on a translated edition's pages leads to that edition's file, which
    exists: none leads to the English ones any more."""
    site = _site(built, code)
    links = 0
    for page in sphinx_pages(site):
        for a in BeautifulSoup(built_text(page), "html.parser").select("a[href]"):
            target = (page.parent / a["href"].split("#")[0]).resolve()
            if any(folder in Path(a["href"]).parts for folder in MADE_AFTER):
                assert target.is_relative_to(site.resolve()) and target.is_file(), f"{page.name}: {a['href']}"
                assert a.get("hreflang") in (None, code), a
                links += 1
    assert links >= len(_products(code))
