"""Make the paper and pocket forms of the built book, and list them on the handouts page.

For each chapter: the article handout (A4 and US letter), the session sheet and the
pocket edition; for the course: the whole-book PDF and the EPUB (chapters and glossary).
For the facilitator edition only: each chapter's session sheet with its exercises' keys.
They are made from the built pages (``book.editions.paper.extract``), so ``make book`` runs this
after the HTML build. Sizes and page counts are known only once the files exist, so
they are written into the built handouts page afterwards, into the slots handouts.md
leaves for them.
"""

from __future__ import annotations

import html as htmllib
import re
import shutil
from pathlib import Path

from .epub import write_epub
from .inputs import digest, package_files, record, unchanged
from .paper.documents import article_handout, facilitator_sheet, session_sheet, toc_pages, whole_book
from .paper.extract import chapter
from .paper.keys import chapter_keys
from .paper.render import write_pdf
from .pocket import write_pockets
from ..course.language import translations
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
    """What a reader wants to know before downloading: pages (for a PDF) and size."""
    size = path.stat().st_size
    weight = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} KB"
    if path.suffix == ".pdf":
        n = pdf_pages(path)
        return f"{n} page{'s' if n != 1 else ''}, {weight}"
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
    the built site and book/ (extraction, layout, styles; the fonts are the system's),
    then handouts/ and pocket/ (a file deleted or rewritten since is made again). The
    sizes this step writes into handouts.html are in neither."""
    files = sorted(p for p in html.rglob("*") if p.is_file() and p != html / "handouts.html"
                   and p.relative_to(html).parts[0] not in translations())  # es/: its own edition
    made = [p for p in files if p.relative_to(html).parts[0] in MADE_AFTER]
    return digest(sorted(set(files) - set(made)) + package_files()) + digest(made)


def handouts_stamp(html: Path) -> Path:
    """Beside the site, not in it: the stamp is not shipped."""
    return html.parent / f".{html.name}-handouts-inputs"


def print_handouts(html: Path = HTML) -> list[Path]:
    """Make every paper and pocket file into <html>/handouts and <html>/pocket; none
    (an empty list) when neither they nor what they are made from changed since."""
    if unchanged(handouts_stamp(html), _paper_state(html)):
        fill_sizes(html / "handouts.html", html)  # a rebuilt page has empty slots again
        return []
    out = html / "handouts"
    for ours in MADE_AFTER:
        shutil.rmtree(html / ours, ignore_errors=True)  # ours alone: no file of an older run survives
    written = []
    for slug in chapters():
        ch = chapter(html, slug)
        article = article_handout(ch)
        written.append(write_pdf(article, out / f"{slug}-article-a4.pdf", "a4"))
        written.append(write_pdf(article, out / f"{slug}-article-letter.pdf", "letter"))
        written.append(write_pdf(session_sheet(ch), out / f"{slug}-session.pdf", "a4"))
    written.append(write_pdf(whole_book(html), out / BOOK_PDF, "a4"))
    written.extend(write_pockets(html, chapters()))
    written.append(write_epub(html, chapters(), out / EPUB))
    fill_sizes(html / "handouts.html", html)
    record(handouts_stamp(html), _paper_state(html))
    return written


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
