"""Print the handouts: a PDF per chapter and one of the whole book, from the built pages.

Headless Chromium prints each page with the book's print styles (no navigation, tables
instead of interactive charts). A chapter's handout is its page in handout mode
(``?handout``): title, context, key passages with ¶ numbers, the timeline as a table,
the chapter's words, and the questions; the article itself stays in the book.
"""

from __future__ import annotations

import io
from pathlib import Path

import yaml
from pypdf import PdfWriter

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
BOOK_PDF = "permanent-revolution-today.pdf"


def toc_pages() -> list[str]:
    """The book's pages in reading order, as paths relative to _build/html."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            pages.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part["chapters"])
    return [f"{p}.html" for p in pages]


def _print(page, url: str) -> bytes:
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    return page.pdf(format="A4", print_background=False, margin={"top": "15mm", "bottom": "15mm",
                    "left": "14mm", "right": "14mm"}, display_header_footer=False)


def print_handouts(html: Path = HTML) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out = html / "handouts"
    out.mkdir(exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        for rel in toc_pages():
            if rel.startswith("chapters/"):
                dest = out / f"{Path(rel).stem}.pdf"
                dest.write_bytes(_print(page, f"{(html / rel).as_uri()}?handout"))
                written.append(dest)
        book = PdfWriter()
        for rel in toc_pages():
            book.append(io.BytesIO(_print(page, (html / rel).as_uri())))
        dest = out / BOOK_PDF
        with dest.open("wb") as fh:
            book.write(fh)
        written.append(dest)
        browser.close()
    return written
