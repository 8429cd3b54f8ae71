"""Print composed documents to PDF with WeasyPrint.

Why WeasyPrint rather than Chromium's printing (which the book's tests already drive):
the whole-book PDF needs a contents page with page numbers, a running header that
changes with each chapter, and bookmarks for every chapter and section. WeasyPrint
implements CSS Paged Media, so each of these is one rule in paper.css
(``target-counter()`` for the contents, ``string-set`` for the header, ``bookmark-level``
for the outline) in one pass. Chromium prints one fixed header template per print call
and has no ``target-counter``: the same result would need printing twice, counting
pages with a PDF parser, stitching documents and renumbering them. WeasyPrint also
honours ``break-after: avoid`` for headings, which keeps a heading with its text. It
is pure Python on Debian's Pango, runs no script, and loads nothing but the files given
(``url_fetcher`` refuses any other address).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from ...course.strings import t
from .actualtext import wrap_tanwin
from .tounicode import fill_maps

CSS_FILE = Path(__file__).with_name("paper.css")
SIZES = {"a4": "A4", "letter": "letter"}


def _no_fetch(url: str, *args: object, **kwargs: object) -> dict:
    """Documents are self-contained: any fetch (a stray web address) is an error."""
    raise ValueError(f"the printed documents load nothing; refused {url}")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_numbers() -> str:
    """The footer's "page 3 of 12" in the language setting's words (``paper.page_of``):
    its text around ``{n}`` and ``{total}`` as CSS strings, the numbers as the page counters."""
    counters = {"{n}": "counter(page)", "{total}": "counter(pages)"}
    parts = re.split(r"(\{n\}|\{total\})", t("paper.page_of", n="{n}", total="{total}"))
    return " ".join(counters.get(part) or _css_string(part) for part in parts if part)


def write_pdf(markup: str, dest: Path, size: str = "a4") -> Path:
    """Print ``markup`` on ``size`` paper (a4 or letter) to ``dest``."""
    from weasyprint import CSS, HTML

    sheets = [CSS(filename=str(CSS_FILE)),
              CSS(string=f"@page {{ size: {SIZES[size]}; @bottom-center {{ content: {page_numbers()}; }} }}")]
    dest.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=markup, url_fetcher=_no_fetch).write_pdf(dest, stylesheets=sheets)
    copy_out_as_printed(dest)
    return dest


def copy_out_as_printed(pdf: Path) -> int:
    """Make ``pdf``'s Arabic copy out as the letters it prints: the glyphs WeasyPrint left
    without their letter (tounicode.py), an alef's tanwin read inside its word
    (actualtext.py). One incremental update, appended only when anything changed, so the
    rest of the file stays as WeasyPrint wrote it (a Latin document is not touched);
    returns how many entries and pairs changed."""
    from pypdf import PdfWriter

    writer = PdfWriter(pdf, incremental=True)
    changed = fill_maps(writer) + wrap_tanwin(writer)  # the maps first: the spans read them
    if changed:
        buffer = io.BytesIO()
        writer.write(buffer)
        pdf.write_bytes(buffer.getvalue())
    return changed
