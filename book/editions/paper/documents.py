"""Compose the printed documents as HTML, from a chapter's parts or the book's pages.

Each document is one HTML string that ``render`` prints; layout lives in paper.css. The
facilitator's session sheet adds the answer keys (``keys``) to the members' sheet; it
goes into the facilitator edition only. The whole book leaves out the pages that only
work on a screen: how to use the web book, my answers, the exercise pages, the
flashcards, and the handouts page that lists these very files (the session sheets give
each chapter's questions with room to write).
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml

from ...course import language
from ...course.strings import t, t_text
from .extract import Chapter, clean, read
from .keys import SheetKey

ROOT = Path(__file__).resolve().parents[3]
SCREEN_PAGES = ("how-to-use", "my-answers", "exercises/", "flashcards", "handouts")
WRITING_LINES = 3
# The chapters' discussion questions have no key in the data; the sheet says so, in the
# chapters' own words for them ("the questions climb from what the article says ...")
# and the course design notes' (evidence questions: "how a reader could check it").


def toc_pages(root: Path = ROOT) -> list[str]:
    """The book's pages in reading order (paths without .html), from _toc.yml."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            pages.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part["chapters"])
    return pages


def _doc(title: str, body: str, kind: str) -> str:
    return (f'<!DOCTYPE html><html {language.html_attrs()}><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head>"
            f'<body class="{kind}">{body}</body></html>')


def _head(ch: Chapter, what: str) -> str:
    return (f'<header class="doc-head"><p class="kicker">{t_text("paper.kicker", course=t("paper.course"), what=what)}</p>'
            f'<h1>{html.escape(ch.title)}</h1>{ch.subtitle_html}<div class="meta">{ch.meta}</div></header>')


def _lines(n: int = WRITING_LINES) -> str:
    return '<div class="ruled">' + '<div class="line"></div>' * n + "</div>"


def article_handout(ch: Chapter) -> str:
    """The article in full, ¶ numbers and all, then its notes and the chapter's words."""
    notes = f'<section class="notes"><h2>{t_text("paper.notes")}</h2><ol>{"".join(ch.notes)}</ol></section>' if ch.notes else ""
    body = (_head(ch, t("paper.what_article")) + f'<section class="article">{ch.article}</section>' + notes
            + f'<section class="words"><h2>{t_text("paper.words")}</h2>{ch.words}</section>'
            + f'<section class="about"><h2>{t_text("paper.about")}</h2>{ch.about}</section>')
    return _doc(ch.title, body, "handout")


def _sheet(ch: Chapter, what: str, questions: str, notice: str = "", keys: str = "") -> str:
    """The parts both session sheets share, in the order a meeting uses them."""
    body = (_head(ch, what) + notice
            + f'<section><h2>{t_text("paper.context")}</h2>{ch.context}</section>'
            + f'<section class="passages"><h2>{t_text("paper.key_passages")}</h2>{ch.passages}</section>'
            + f'<section class="questions"><h2>{t_text("paper.questions")}</h2>{questions}</section>'
            + f'<section class="words"><h2>{t_text("paper.week_words")}</h2>{ch.week_words}</section>' + keys)
    return _doc(ch.title, body, "sheet")


def session_sheet(ch: Chapter) -> str:
    """What a group takes to its meeting: context, key passages, questions with room."""
    questions = "".join(f"<li>{q}{_lines()}</li>" for q in ch.questions)
    return _sheet(ch, t("paper.what_session"), f"<ol>{questions}</ol>")


def _key(n: int, key: SheetKey) -> str:
    """One exercise: its title and prompt as members see them, then the key to read out."""
    where = f' <span class="paras">{t_text("paper.in_article", paragraphs=key.paragraphs)}</span>' if key.paragraphs else ""
    lines = "".join(f"<li><strong>{html.escape(lead)}</strong> {html.escape(text)}</li>" for lead, text in key.lines)
    note = f'<p class="note"><strong>{t_text("key.note")}</strong> {html.escape(key.note)}</p>' if key.note else ""
    return (f'<div class="key"><h3>{n}. {html.escape(key.title)} <span class="kind">({key.kind})</span></h3>'
            f'<p class="prompt">{html.escape(key.prompt)}{where}</p><ul>{lines}</ul>{note}</div>')


def facilitator_sheet(ch: Chapter, keys: list[SheetKey]) -> str:
    """The session sheet for whoever runs the meeting: the members' sheet (questions
    without their writing lines, marked as open), then every exercise with its key."""
    questions = f'<p class="open">{t_text("paper.open_questions")}</p><ol>{"".join(f"<li>{q}</li>" for q in ch.questions)}</ol>'
    exercises = "".join(_key(n, key) for n, key in enumerate(keys, start=1))
    return _sheet(ch, t("paper.what_facilitator"), questions, f'<p class="fac-notice">{t_text("paper.facilitator_notice")}</p>',
                  f'<section class="keys"><h2>{t_text("paper.keys_head")}</h2>{exercises}</section>')


def _book_page(html_root: Path, page: str) -> tuple[str, str, str, list[tuple[str, str]]]:
    """One page of the book: its slug, title, cleaned HTML and (anchor, section title)s."""
    slug = page.replace("/", "-")
    article = clean(read(html_root, f"{page}.html"), prefix=f"{slug}--")
    for table in article.select(".prt-timeline .prt-table-wrap"):
        table.decompose()  # paper takes the timeline's print form: its cards, with sources
    h1 = article.find("h1")
    h1["id"] = f"{slug}--top"
    sections = []
    for n, h2 in enumerate(article.find_all("h2"), start=1):
        h2["id"] = h2.get("id") or f"{slug}--h2-{n}"  # the contents points at the heading itself
        sections.append((h2["id"], h2.get_text(" ", strip=True)))
    body = f'<section class="page" id="{slug}">{article.decode_contents()}</section>'
    return slug, h1.get_text(" ", strip=True), body, sections


def whole_book(html_root: Path, root: Path = ROOT) -> str:
    """Title page, a contents page with page numbers, then every readable page."""
    pages, contents = [], []
    for page in toc_pages(root):
        if page.startswith(SCREEN_PAGES):
            continue
        slug, title, body, sections = _book_page(html_root, page)
        subs = "".join(f'<li><a href="#{a}">{html.escape(name)}</a></li>' for a, name in sections)
        contents.append(f'<li class="toc-page"><a href="#{slug}--top">{html.escape(title)}</a>'
                        + (f"<ol>{subs}</ol>" if subs else "") + "</li>")
        pages.append(body)
    cover = (f'<section class="cover"><h1 class="cover-title">{t_text("paper.course")}</h1>'
             f'<p>{t_text("paper.cover_about")}</p><p>{t_text("paper.cover_printed")}</p></section>')
    toc = f'<nav class="contents"><h2>{t_text("paper.contents")}</h2><ol>{"".join(contents)}</ol></nav>'
    return _doc(t_text("paper.course"), cover + toc + "".join(pages), "book")
