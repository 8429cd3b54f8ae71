"""Make the paper and pocket forms of the built book, and list them on the handouts page.

For each chapter: the article handout (A4 and US letter), the session sheet and the
pocket edition; for the course: the whole-book PDF and the EPUB (chapters and glossary).
For the facilitator edition only: each chapter's session sheet with its exercises' keys.
They are made from the built pages (``book.editions.paper.extract``), so ``make book`` runs this
after the HTML build. Sizes and page counts are known only once the files exist, so
they are written into the built handouts page afterwards, into the slots handouts.md
leaves for them.

Every edition gets its own, from its own pages and in its own language, where its pages
are: ``_build/html/handouts/`` for the English, ``_build/html/es/handouts/`` beside the
Spanish pages, so each handouts page's relative links lead to its own edition's files.
The editions are printed in parallel processes (the language setting is a process's),
each skipped on its own when nothing it is made from changed.
"""

from __future__ import annotations

import html as htmllib
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .epub import write_epub
from .inputs import digest, package_files, record, unchanged
from .paper.documents import article_handout, facilitator_sheet, session_sheet, toc_pages, whole_book
from .paper.extract import chapter
from .paper.keys import chapter_keys
from .paper.render import write_pdf
from .pocket import write_pockets
from ..course import language
from ..course.language import translations
from ..course.strings import t
from ..sphinxext.config import MADE_AFTER

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
BOOK_PDF = "permanent-revolution-today.pdf"
EPUB = "permanent-revolution-today.epub"
SLOT = re.compile(r'(<span class="prt-filesize" data-file="([^"]+)">)(.*?)(</span>)', re.S)


def chapters(root: Path = ROOT) -> list[str]:
    """The chapters' slugs in reading order (their pages are chapters/<slug>.html)."""
    return [p.split("/", 1)[1] for p in toc_pages(root) if p.startswith("chapters/")]


def pdf_pages(path: Path) -> int:
    """Pages in a PDF, for the handouts page and the tests."""
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def describe(path: Path) -> str:
    """What a reader wants to know before downloading: pages (for a PDF) and size, in the
    language setting's words."""
    size = path.stat().st_size
    weight = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} KB"
    if path.suffix == ".pdf":
        return t("paper.file_pages", n=pdf_pages(path), size=weight)
    return weight


def fill_sizes(page: Path, html: Path = HTML) -> int:
    """Write each listed file's pages and size into the built handouts page."""
    markup = page.read_text(encoding="utf-8")
    missing = []

    def one(m: re.Match) -> str:
        target = html / m.group(2)
        if not target.exists():
            missing.append(m.group(2))
            return m.group(0)
        return m.group(1) + htmllib.escape(describe(target)) + m.group(4)

    markup, count = SLOT.subn(one, markup)
    if missing:
        raise FileNotFoundError(f"{page}: lists files that were not made: {', '.join(missing)}")
    page.write_text(markup, encoding="utf-8")
    return count


def _paper_state(html: Path) -> str:
    """What the paper, pocket and e-book files are made from, and the files themselves:
    the edition's built pages and book/ (extraction, layout, styles; the fonts are the
    system's), then handouts/ and pocket/ (a file deleted or rewritten since is made
    again). The sizes this step writes into handouts.html are in neither; nor are the
    other editions' folders under the English site (``es/``: each has its own state)."""
    files = sorted(p for p in html.rglob("*") if p.is_file() and p != html / "handouts.html"
                   and p.relative_to(html).parts[0] not in translations())
    made = [p for p in files if p.relative_to(html).parts[0] in MADE_AFTER]
    return digest(sorted(set(files) - set(made)) + package_files()) + digest(made)


def handouts_stamp(html: Path, code: str = language.SOURCE) -> Path:
    """Beside the site, not in it: the stamp is not shipped (one per edition)."""
    return html.parent / (f".{html.name}-handouts-inputs" + ("" if code == language.SOURCE else f"-{code}"))


def editions(html: Path) -> list[str]:
    """The editions built into the site (``_build/html/<code>/index.html``), the source first."""
    return [code for code in language.LANGUAGES if (html / language.edition_prefix(code) / "index.html").exists()]


def print_handouts(html: Path = HTML) -> list[Path]:
    """Make every edition's paper and pocket files into its handouts/ and pocket/; an
    empty list when nothing changed since they were made. The documents are printed by
    as many processes as there are cores, each document a task (a chapter's three PDFs,
    the whole book, the pocket files and EPUB), so three editions take about what one
    does times three over the cores, whatever their order."""
    stale = []
    for code in editions(html):
        site = html / language.edition_prefix(code)
        with language.speaking(code):
            if unchanged(handouts_stamp(html, code), _paper_state(site)):
                fill_sizes(site / "handouts.html", site)  # a rebuilt page has empty slots again
                continue
        for ours in MADE_AFTER:
            shutil.rmtree(site / ours, ignore_errors=True)  # ours alone: no file of an older run survives
        stale.append(code)
    # The longest first (the whole books), so no worker is left with one at the end.
    tasks = [(html, code, part) for part in [BOOK, POCKET_AND_EPUB, *chapters()] for code in stale] if stale else []
    if len(tasks) > 1 and workers() > 1:
        with ProcessPoolExecutor(max_workers=workers()) as pool:
            written = [path for made in pool.map(_print_part, *zip(*tasks)) for path in made]
    else:
        written = [path for task in tasks for path in _print_part(*task)]
    for code in stale:
        site = html / language.edition_prefix(code)
        with language.speaking(code):
            fill_sizes(site / "handouts.html", site)
            record(handouts_stamp(html, code), _paper_state(site))
    return written


def workers() -> int:
    """How many documents are printed at once: one per core."""
    return os.cpu_count() or 1


#: The parts of an edition that are not a chapter's paper, as _print_part names them.
BOOK, POCKET_AND_EPUB = "whole-book", "pocket-epub"


def _print_part(html: Path, code: str, part: str) -> list[Path]:
    """One part of an edition (a chapter's article handouts and session sheet, the whole
    book, or the pocket files and the EPUB), from its pages, in its language."""
    site = html / language.edition_prefix(code)
    out = site / "handouts"
    with language.speaking(code):
        if part == BOOK:
            return [write_pdf(whole_book(site), out / BOOK_PDF, "a4")]
        if part == POCKET_AND_EPUB:
            return [*write_pockets(site, chapters()), write_epub(site, chapters(), out / EPUB)]
        ch = chapter(site, part)
        article = article_handout(ch)
        return [write_pdf(article, out / f"{part}-article-a4.pdf", "a4"),
                write_pdf(article, out / f"{part}-article-letter.pdf", "letter"),
                write_pdf(session_sheet(ch), out / f"{part}-session.pdf", "a4")]


def facilitator_sheet_name(slug: str) -> str:
    """Where a chapter's facilitator's sheet lives, relative to the edition's root."""
    return f"handouts/{slug}-session-facilitator.pdf"


def print_facilitator_sheets(readers: Path, edition: Path) -> list[tuple[str, Path]]:
    """Each chapter's session sheet with its exercises' keys, into the facilitator
    edition (never the readers' book); (chapter title, file) in reading order."""
    written = []
    for slug in chapters():
        ch = chapter(readers, slug)
        sheet = facilitator_sheet(ch, chapter_keys(slug))
        written.append((ch.title, write_pdf(sheet, edition / facilitator_sheet_name(slug), "a4")))
    return written
