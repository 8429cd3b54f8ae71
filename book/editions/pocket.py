"""The pocket edition: one chapter as one HTML file that a phone opens from a download.

Phones open a single HTML file from a messaging app or a download folder, but not a
folder of pages that link to each other and to shared stylesheets. So everything a
chapter needs is inside the file: its styles, the drawn timeline (SVG, made at build
time), the article with its notes, the questions and the full glossary entries of the
chapter's words. It has no script, so it reads the same with scripts off, and its
Content-Security-Policy lets it load nothing at all, so it cannot contact anyone.
"""

from __future__ import annotations

import copy
import html
from pathlib import Path

from bs4 import BeautifulSoup

from .paper.extract import Chapter, chapter, clean
from ..course import language
from ..course.strings import t, t_text
from ..later import inline

LIMIT = 400_000  # bytes: small enough to send over a poor link and keep on any phone
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
STYLE = """
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #fdfdfb; --muted: #555; --rule: #bbb; --link: #0a4f7a; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e6e3; --bg: #161616; --muted: #b0b0b0; --rule: #555; --link: #8cc8f0; }
  .prt-r-iraq .prt-shape, .prt-tl-key.prt-r-iraq circle { fill: #56B4E9; stroke: #56B4E9; }
  .prt-r-peru .prt-shape, .prt-tl-key.prt-r-peru circle { fill: #E69F00; stroke: #E69F00; }
  .prt-r-world .prt-shape, .prt-tl-key.prt-r-world circle { fill: #C3A6E8; stroke: #C3A6E8; }
  .prt-r-theory .prt-shape, .prt-tl-key.prt-r-theory circle { fill: #3FC29F; stroke: #3FC29F; }
  .prt-unconfirmed circle.prt-shape { fill: var(--bg); }
}
html { background: var(--bg); color: var(--fg); font: 1.06rem/1.6 Georgia, "DejaVu Serif", serif; }
html[lang="ar"] { font-family: "Amiri", "Noto Naskh Arabic", "DejaVu Serif", serif; line-height: 1.75; }
html[lang="ar"] h1, html[lang="ar"] h2, html[lang="ar"] h3 { font-family: "Noto Sans Arabic", "DejaVu Sans", sans-serif; }
body { max-width: 40em; margin: 0 auto; padding: 1em 1.1em 4em; overflow-wrap: anywhere; }
h1, h2, h3 { font-family: system-ui, "DejaVu Sans", sans-serif; line-height: 1.25; }
h1 { font-size: 1.55em; margin: 0.6em 0 0.3em; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid #c1440e; outline-offset: 2px; }
nav ul { padding-inline-start: 1.2em; }
nav a, .note-ref, .pnum { display: inline-block; min-height: 24px; min-width: 24px; line-height: 24px; }
.meta p { margin: 0.1em 0; color: var(--muted); }
.subtitle { margin: 0 0 0.4em; font-size: 1.1em; font-style: italic; }
.pnum { font: 600 0.78em system-ui, sans-serif; color: var(--muted); margin-inline-end: 0.4em; }
.note-ref { font: 0.78em system-ui, sans-serif; padding: 0 0.35em; margin-inline-end: 0.4em; border: 1px solid var(--rule);
  border-radius: 4px; text-decoration: none; text-align: center; }
blockquote { margin: 0.8em 0; padding-inline-start: 0.9em; border-inline-start: 3px solid var(--rule); }
figure { margin: 1em 0; }
.prt-tl-scroll { overflow-x: auto; }
svg { width: 100%; height: auto; min-width: 520px; color: var(--fg); }
figcaption { font-size: 0.88em; color: var(--muted); }
figcaption svg { min-width: 0; width: 12px; }
table { border-collapse: collapse; font-size: 0.86em; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.3em; vertical-align: top; text-align: start; }
.table-wrap { overflow-x: auto; }
td time { white-space: nowrap; }
@media (max-width: 600px) {  /* a phone reads the table's rows as cards, not squeezed columns */
  table, caption, tbody, tr, td { display: block; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--rule); padding: 0.4em 0; }
  td { border: 0; padding: 0.1em 0; }
}
dt { font-weight: bold; margin-top: 0.8em; }
dd { margin-inline-start: 1em; }
/* A passage the edition still shows in English: its own direction, marked as the site marks it. */
.prt-untranslated { border-inline-start: 3px dotted #b35900; padding-inline-start: 0.5em; }
.ruled { display: none; }
"""


def _glossary(html_root: Path, ids: list[str]) -> str:
    """The full glossary entries (definition, origin, sources) of the chapter's words."""
    glossary = html_root / "glossary.html"
    page = BeautifulSoup(inline(glossary.read_text(encoding="utf-8"), glossary), "html.parser")
    out = BeautifulSoup('<dl class="glossary"></dl>', "html.parser")
    for term in ids:
        dt = page.find("dt", id=f"term-{term}")
        if dt is None:
            raise ValueError(f"glossary.html: no entry term-{term}, which the chapter links to")
        out.dl.append(copy.copy(dt))
        out.dl.append(copy.copy(dt.find_next_sibling("dd")))
    cleaned = clean(out, local=True)
    for link in cleaned.select("a[href^='#term-']"):
        if link["href"][1:] not in ids:
            link.unwrap()  # a related term of another chapter: its entry is not in this file
    return str(cleaned)


def pocket_html(html_root: Path, ch: Chapter) -> str:
    """The chapter as one self-contained page."""
    notes = f'<section id="notes"><h2>{t_text("paper.notes")}</h2><ol>{"".join(ch.notes)}</ol></section>' if ch.notes else ""
    questions = "".join(f"<li>{q}</li>" for q in ch.questions)
    sections = [("context", "paper.context", ch.context), ("the-article", "paper.the_article", ch.article + notes),
                ("key-passages", "paper.key_passages", ch.passages),
                ("timeline", "paper.timeline", ch.timeline + f'<div class="table-wrap">{ch.timeline_table}</div>'),
                ("questions", "paper.discussion_questions", f"<ol>{questions}</ol>"),
                ("glossary", "paper.words", _glossary(html_root, ch.term_ids)),
                ("about", "paper.about", ch.about)]
    nav = "".join(f'<li><a href="#{sid}">{t_text(key)}</a></li>' for sid, key, _ in sections)
    body = "".join(f'<section id="{sid}"><h2>{t_text(key)}</h2>{part}</section>' for sid, key, part in sections)
    kicker = t_text("paper.kicker", course=t("paper.course"), what=t("paper.pocket_edition"))
    return ("<!DOCTYPE html>\n"
            f'<html {language.html_attrs()}><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,">'  # else a browser asks the host for /favicon.ico
            f"<title>{t_text('paper.pocket_title', title=ch.title)}</title><style>{STYLE}</style></head>"
            f'<body><header><p class="kicker">{kicker}</p>'
            f'<h1>{html.escape(ch.title)}</h1>{ch.subtitle_html}<div class="meta">{ch.meta}</div></header>'
            f'<nav aria-label="{t_text("paper.in_this_file")}"><ul>{nav}</ul></nav><main>{body}</main></body></html>')


def write_pockets(html_root: Path, slugs: list[str]) -> list[Path]:
    """Write pocket/<slug>.html for each chapter; refuse one over the size limit."""
    out = html_root / "pocket"
    out.mkdir(exist_ok=True)
    written = []
    for slug in slugs:
        dest = out / f"{slug}.html"
        dest.write_text(pocket_html(html_root, chapter(html_root, slug, local=True)), encoding="utf-8")
        size = dest.stat().st_size
        if size > LIMIT:
            raise ValueError(f"{dest}: {size} bytes, over the pocket limit of {LIMIT}")
        written.append(dest)
    return written
