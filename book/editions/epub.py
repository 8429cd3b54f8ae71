"""The course as an EPUB 3 e-book: the four chapters and the glossary.

Written directly (a zip of XHTML files) rather than by Sphinx's epub builder: the built
pages carry the theme, scripts and live exercises, which an e-reader cannot use and
epubcheck rejects, while ``book.editions.paper.extract`` already gives each chapter's parts clean.
Each chapter holds its context, the article with ¶ numbers and its notes, the key
passages, the drawn timeline (inline SVG) with its table, the questions and the words;
term links lead to the glossary's entries.
"""

from __future__ import annotations

import hashlib
import html
import uuid
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import tinyhtml5
from bs4 import BeautifulSoup

from .paper.extract import Chapter, chapter, clean, read
from ..course import language
from ..course.strings import t, t_text

XHTML = "http://www.w3.org/1999/xhtml"
SVG = "http://www.w3.org/2000/svg"
STYLE = """body { font-family: serif; line-height: 1.5; }
h1, h2, h3 { font-family: sans-serif; line-height: 1.25; }
.pnum { font-family: sans-serif; font-size: 0.75em; color: #555; margin-right: 0.4em; }
.note-ref { font-family: sans-serif; font-size: 0.75em; margin-right: 0.4em; }
blockquote { margin: 0.8em 0 0.8em 1em; padding-left: 0.8em; border-left: 2px solid #999; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { border-bottom: 1px solid #999; padding: 0.2em; vertical-align: top; text-align: left; }
svg { max-width: 100%; height: auto; }
dt { font-weight: bold; margin-top: 0.6em; }
.prt-untranslated { border-left: 3px dotted #b35900; padding-left: 0.5em; }
html[dir="rtl"] body, html[dir="rtl"] h1, html[dir="rtl"] h2, html[dir="rtl"] h3 {
  font-family: "Amiri", "Noto Naskh Arabic", serif; }
[dir="rtl"] .pnum, [dir="rtl"] .note-ref { margin-right: 0; margin-left: 0.4em; }
[dir="rtl"] blockquote { margin: 0.8em 1em 0.8em 0; padding-left: 0; padding-right: 0.8em; border-left: 0;
  border-right: 2px solid #999; }
[dir="rtl"] th, [dir="rtl"] td { text-align: right; }
[dir="rtl"] [dir="ltr"] .pnum, [dir="rtl"] [dir="ltr"] .note-ref { margin-left: 0; margin-right: 0.4em; }
[dir="rtl"] [dir="ltr"] { text-align: left; }
"""


def xhtml(title: str, body: str) -> str:
    """HTML made well-formed XHTML by an HTML5 parser (which also restores SVG's
    case-sensitive attributes, such as viewBox, that an HTML tree lowercases)."""
    root = tinyhtml5.parse(f"<!DOCTYPE html><html><head><title></title></head><body>{body}</body></html>")
    for el in root.iter():
        for name in [n for n in el.attrib if n.startswith("{http://www.w3.org/2000/xmlns/}")]:
            del el.attrib[name]  # an svg's own xmlns: XML declares it on its own
    root.set("lang", language.current())
    root.set("{http://www.w3.org/XML/1998/namespace}lang", language.current())
    root.set("dir", language.LANGUAGES[language.current()].direction)
    head = root.find(f"{{{XHTML}}}head")
    head.find(f"{{{XHTML}}}title").text = title
    ET.SubElement(head, f"{{{XHTML}}}link", {"rel": "stylesheet", "type": "text/css", "href": "style.css"})
    ET.register_namespace("", XHTML)  # here, not at import: the registry is global and
    ET.register_namespace("svg", SVG)  # other libraries (WeasyPrint) register their own
    markup = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + markup


def _term_links(markup: str, terms: set[str], prefix: str) -> str:
    """Term links lead to the glossary file (``prefix``); a link to a term the glossary
    lacks becomes its words. ¶ and note links stay within the chapter."""
    soup = BeautifulSoup(markup, "html.parser")
    for a in soup.select("a[href^='#term-']"):
        if a["href"][1:] in terms:
            a["href"] = prefix + a["href"]
        else:
            a.unwrap()
    return str(soup)


def chapter_body(ch: Chapter, terms: set[str]) -> str:
    notes = f'<section><h2>{t_text("paper.notes")}</h2><ol>{"".join(ch.notes)}</ol></section>' if ch.notes else ""
    questions = "".join(f"<li>{q}</li>" for q in ch.questions)
    parts = [("paper.context", ch.context), ("paper.the_article", ch.article + notes), ("paper.key_passages", ch.passages),
             ("paper.timeline", ch.timeline + ch.timeline_table), ("paper.discussion_questions", f"<ol>{questions}</ol>"),
             ("paper.words", ch.words), ("paper.about", ch.about)]
    body = f"<h1>{html.escape(ch.title)}</h1>{ch.subtitle_html}<div>{ch.meta}</div>" + "".join(
        f"<section><h2>{t_text(key)}</h2>{part}</section>" for key, part in parts)
    return _term_links(body, terms, "glossary.xhtml")


def glossary_body(html_root: Path) -> tuple[str, set[str]]:
    """The glossary's entries, and the ids of its terms."""
    page = clean(read(html_root, "glossary.html"), local=True)
    terms = {dt["id"] for dt in page.select("dt[id^='term-']")}
    return _term_links(page.decode_contents(), terms, ""), terms


def _opf(book_id: str, items: list[tuple[str, str, str]], svg: set[str]) -> str:
    modified = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = "".join(
        f'<item id="{i}" href="{href}" media-type="{kind}"'
        + (' properties="svg"' if href in svg else "") + (' properties="nav"' if i == "nav" else "") + "/>"
        for i, href, kind in items)
    spine = "".join(f'<itemref idref="{i}"/>' for i, href, kind in items if kind.endswith("xhtml+xml"))
    # A reader turns an Arabic book's pages leftwards: the spine says which way they go.
    direction = language.LANGUAGES[language.current()].direction
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" '
            f'xml:lang="{language.current()}">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="id">urn:uuid:{book_id}</dc:identifier><dc:title>{t_text("paper.course")}</dc:title>'
            f'<dc:language>{language.current()}</dc:language><meta property="dcterms:modified">{modified}</meta>'
            f'</metadata><manifest>{manifest}</manifest><spine page-progression-direction="{direction}">{spine}</spine></package>')


def _nav(entries: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="{href}">{html.escape(title)}</a></li>' for href, title in entries)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'{language.html_attrs()} xml:lang="{language.current()}"><head><title>{t_text("paper.course")}</title></head><body>'
            f'<nav epub:type="toc" id="toc"><h1>{t_text("paper.contents")}</h1><ol>{links}</ol></nav></body></html>')


def write_epub(html_root: Path, slugs: list[str], dest: Path) -> Path:
    """Write the EPUB; its identifier is derived from its chapters, so it is stable."""
    glossary, terms = glossary_body(html_root)
    files, titles = {}, {}
    for slug in slugs:
        ch = chapter(html_root, slug, local=True)
        files[slug], titles[slug] = xhtml(ch.title, chapter_body(ch, terms)), ch.title
    files["glossary"] = xhtml(t("paper.glossary"), glossary)
    titles["glossary"] = t("paper.glossary")
    book_id = str(uuid.UUID(hashlib.sha256("".join(slugs).encode()).hexdigest()[:32]))
    items = [("nav", "nav.xhtml", "application/xhtml+xml"), ("css", "style.css", "text/css")]
    items += [(f"x-{slug}", f"{slug}.xhtml", "application/xhtml+xml") for slug in files]
    svg = {f"{slug}.xhtml" for slug, text in files.items() if "<svg:svg" in text}
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml",
                   '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                   '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                   "</rootfiles></container>", compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/content.opf", _opf(book_id, items, svg), compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/nav.xhtml", _nav([(f"{s}.xhtml", titles[s]) for s in files]),
                   compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/style.css", STYLE, compress_type=zipfile.ZIP_DEFLATED)
        for slug, text in files.items():
            z.writestr(f"OEBPS/{slug}.xhtml", text, compress_type=zipfile.ZIP_DEFLATED)
    return dest
