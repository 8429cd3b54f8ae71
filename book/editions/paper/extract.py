"""Read a built page back and keep what reads off-screen.

The book's pages are the one source of every printed or carried form, so a fix to a
chapter reaches paper, pocket and e-book alike. What the screen needs and paper cannot
use goes here, in one place: buttons and interactive bars, the live exercises (paper
gets their questions with room to write), the interactive views of a timeline beyond
its first, and sentences that speak of clicking or of this browser. Links inside the
book become plain words (a page has no "elsewhere" to jump to); links to the web keep
their address so that a reader on paper can check a source.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ...course.strings import t
from ...later import inline

# Sentences that only make sense on a screen (dropped from the course's own prose; the
# article and quotations are never touched). A sentence starts at a word, so the space
# before it stays and the sentences either side do not run together.
SCREEN_WORDING = re.compile(
    r"\b(click|tap|hover|zoom|scroll|this browser|press\s+(?:enter|space|[“\"])|drag|button)\w*\b", re.I)
SCREEN_SENTENCE = re.compile(r"(?=[^.!?\s])[^.!?]*" + SCREEN_WORDING.pattern + r"[^.!?]*[.!?]\)?\s*", re.I)
SCREEN_ONLY = [".headerlink", "script", "style", "button", ".pst-js-only", ".prt-tl-bar",
               ".prt-flashcards", ".prt-ex-actions", ".prt-ledger-entry", ".prt-tooltip",
               ".prt-letters", "#jb-print-toc", ".toctree-wrapper", "noscript", "form",
               ".prt-exercise", "section#exercises", ".prt-sr", ".prt-tl-howto", ".prt-tl-intro", ".prt-tl-count",
               ".prt-tl-slot", ".prt-tl-sources summary", ".prt-tl-go-verb", ".prt-continue", ".prt-before",
               ".prt-note-markers", "details.prt-entry-more > summary"]


@dataclass
class Chapter:
    """One chapter's parts, as cleaned HTML fragments (strings)."""

    slug: str
    title: str
    meta: str
    context: str
    article: str
    notes: list[str] = field(default_factory=list)
    passages: str = ""
    questions: list[str] = field(default_factory=list)
    words: str = ""
    term_ids: list[str] = field(default_factory=list)
    week_words: str = ""
    timeline: str = ""
    timeline_table: str = ""
    about: str = ""
    subtitle: str = ""

    @property
    def subtitle_html(self) -> str:
        """The article's subtitle, to go under the title on paper, pocket and EPUB."""
        return f'<p class="subtitle">{html.escape(self.subtitle)}</p>' if self.subtitle else ""


def read(html_root: Path, rel: str) -> Tag:
    """The page's article element (the theme's frame around it is screen furniture), with
    the blocks a browser loads later put back (book/later.py)."""
    page = html_root / rel
    soup = BeautifulSoup(inline(page.read_text(encoding="utf-8"), page), "html.parser")
    article = soup.select_one("main article.bd-article") or soup.select_one("article")
    if article is None:
        raise ValueError(f"{html_root / rel}: no <article> in the built page")
    return article


# A ¶ of this page, or a glossary term (on the glossary page or this one).
LOCAL = re.compile(r"^(?:#|(?:\.\./)*glossary\.html#)(term-[\w-]+)$|^#(p\d+)$")


def _unwrap_links(root: Tag, local: bool) -> None:
    """Links within the book become their words; links to the web stay, with an href.

    With ``local``, links to a glossary term or a ¶ stay too, as in-file anchors: a
    single-file chapter carries both its paragraphs and its terms' entries.
    """
    for a in root.find_all("a"):
        href = a.get("href", "")
        target = LOCAL.search(href) if local else None
        if href.startswith(("http://", "https://", "mailto:")):
            a.attrs = {"href": href, "class": ["ext"]}
        elif target:
            a.attrs = {"href": f"#{target.group(1) or target.group(2)}"}
        else:
            a.unwrap()


# The drawn timeline takes its bands' tints from the book's timeline.css; outside the
# book (paper, pocket, e-book) an unstyled band is solid black, so the tints go into the
# SVG itself, with the values timeline.css gives them.
SVG_TINTS = {".prt-tl-bands": {"fill": "currentColor"}, ".prt-tl-band-0": {"fill-opacity": "0.09"},
             ".prt-tl-band-1": {"fill-opacity": "0.2"}, ".prt-tl-shade": {"fill": "currentColor", "fill-opacity": "0.045"}}


def _tint_svg(root: Tag) -> None:
    for svg in root.select("svg.prt-tl-svg"):
        svg["role"] = "img"  # on screen a group of buttons; here one image, named by its title
        for mark in svg.select(".prt-ev[role]"):
            del mark["role"]
        for selector, attrs in SVG_TINTS.items():
            for el in svg.select(selector):
                el.attrs.update(attrs)


def _drop_screen_sentences(root: Tag) -> None:
    """Remove sentences about clicking and the like from the course's own prose; the
    article and quotations are left as they are. A paragraph or list item in which
    such a sentence runs across links or markup goes whole."""

    def kept(node: Tag) -> bool:
        return bool(node.find_parent(["blockquote", "q"]) or node.find_parent(class_="prt-para"))

    for text in root.find_all(string=SCREEN_WORDING):
        if not kept(text):
            text.replace_with(SCREEN_SENTENCE.sub("", str(text)))
    for block in root.find_all(["p", "li", "dd", "figcaption"]):
        if block.decomposed or kept(block) or "prt-para" in (block.get("class") or []):
            continue
        empty = not block.get_text(strip=True) and not block.find(["img", "svg"])
        if empty or SCREEN_WORDING.search(block.get_text(" ")):
            block.decompose()


#: The first strong letter of a text: right to left (Hebrew, Arabic and their forms) or not.
FIRST_STRONG = re.compile(r"([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])|[A-Za-z\u00c0-\u024f\u0370-\u04ff]")


def _bdi_directions(root: Tag) -> None:
    """A ``<bdi>`` (a name or a title the Arabic pages isolate, often still English) gets
    the direction of its first strong letter written out, as a browser works it out:
    WeasyPrint has no isolation, so paper.css embeds it in that direction instead, and
    its punctuation stays at its end ("Regime!", never "!Regime")."""
    for bdi in root.find_all("bdi"):
        found = None if bdi.get("dir") else FIRST_STRONG.search(bdi.get_text())
        if found:
            bdi["dir"] = "rtl" if found.group(1) else "ltr"


def clean(root: Tag, prefix: str = "", local: bool = False) -> Tag:
    """A copy of ``root`` fit for paper: see the module's docstring for what goes.

    ``prefix`` is put before every id, so that pages joined into one document keep
    unique anchors; ``local`` keeps links to terms and paragraphs (see _unwrap_links).
    """
    root = copy.copy(root)
    soup = BeautifulSoup("", "html.parser")
    for sel in SCREEN_ONLY:
        for el in root.select(sel):
            el.decompose()
    for folded in root.select("details.prt-entry-more"):
        folded.unwrap()  # a glossary entry folded on screen: paper shows it whole
    for block in root.select("[data-later]"):
        del block["data-later"]  # a block the screen loads later (book/later.py): here, whole
    for scroll in root.select(".prt-tl-scroll"):
        for view in scroll.select(".prt-tl-view")[1:]:
            view.decompose()  # paper has room for the first view; the others are for zooming
    _tint_svg(root)
    for hidden in root.select("[hidden]"):
        del hidden["hidden"]  # chronology cards a screen filters by years: paper gets them all
    _drop_screen_sentences(root)
    _bdi_directions(root)
    for pnum in root.select("a.prt-pnum"):
        span = soup.new_tag("span", attrs={"class": "pnum"})
        span.string = pnum.get_text()
        pnum.replace_with(span)
    for p in root.find_all("p"):
        if p.strong and p.get_text(strip=True) == p.strong.get_text(strip=True):
            p["class"] = p.get("class", []) + ["lead-in"]  # a label ("¶8") for what follows
    _unwrap_links(root, local)
    for el in root.find_all(True):
        if el.get("id"):
            el["id"] = prefix + el["id"]
        for attr in ("title", "tabindex", "data-timeline", "onclick"):
            el.attrs.pop(attr, None)
    return root


def _notes_out(article: Tag, soup: BeautifulSoup) -> list[str]:
    """Margin notes leave the text for a numbered list; the paragraph they explain
    (the next one, or the one before at a section's end) carries the note's number."""
    notes = []
    for n, aside in enumerate(article.select("aside.margin"), start=1):
        target = aside.find_next_sibling(class_="prt-para") or aside.find_previous_sibling(class_="prt-para")
        title = aside.select_one(".sidebar-title")
        heading = title.get_text(" ", strip=True) if title else ""
        if title:
            title.decompose()
        body = "".join(str(c) for c in aside.children).strip()
        notes.append(f'<li id="note-{n}"><strong>{heading}.</strong> {body}</li>')
        ref = soup.new_tag("a", attrs={"class": "note-ref", "href": f"#note-{n}"})
        ref.string = t("paper.note_ref", n=n)
        if target is not None:
            refs = target.select(".note-ref")
            pnum = refs[-1] if refs else target.select_one(".pnum")
            if pnum is not None:
                pnum.insert_after(ref)
            else:
                target.insert(0, ref)
        aside.decompose()
    return notes


def _week_words(raw: Tag, local: bool) -> str:
    """The chapter's words that its context, key passages and questions use: the words
    a meeting will speak of, short enough for a session sheet."""
    used = {a["href"].split("#")[-1] for sid in ("context", "key-passages", "discussion-questions")
            for a in raw.select(f"section#{sid} a.prt-term[href*='#term-']")}
    dl = copy.copy(raw.select_one("section#words-in-this-chapter dl"))
    for dt in dl.find_all("dt"):
        link = dt.find("a")
        if link is None or link["href"].split("#")[-1] not in used:
            dd = dt.find_next_sibling("dd")
            dt.decompose()
            if dd is not None:
                dd.decompose()
    return str(clean(dl, local=local))


def _subtitle(page: Tag) -> str:
    """The article's subtitle, as the chapter page shows it under its title (plain text)."""
    found = page.select_one("p.prt-subtitle")
    return found.get_text(" ", strip=True) if found else ""


def chapter(html_root: Path, slug: str, local: bool = False) -> Chapter:
    """The parts of ``chapters/<slug>.html`` for paper, pocket and e-book (``local``:
    see _unwrap_links)."""
    raw = read(html_root, f"chapters/{slug}.html")
    page = clean(raw, local=local)
    soup = BeautifulSoup("", "html.parser")

    def section(sid: str) -> Tag:
        found = page.select_one(f"section#{sid}")
        if found is None:
            raise ValueError(f"chapters/{slug}.html: no section #{sid}")
        return found

    def body(sid: str) -> str:
        sec = copy.copy(section(sid))
        sec.find(["h2"]).decompose()
        return "".join(str(c) for c in sec.children).strip()

    the_article = copy.copy(section("the-article"))
    meta = the_article.select_one(".prt-article-meta")
    the_article.find("h2").decompose()
    meta.extract()
    for reading in meta.select("p"):
        if t("article.reading_time").strip() in reading.get_text():
            reading.decompose()
    notes = _notes_out(the_article, soup)
    timeline = section("timeline")
    figure = timeline.select_one("figure.prt-timeline-figure")
    table = timeline.select_one("table")
    return Chapter(
        slug=slug,
        title=page.find("h1").get_text(" ", strip=True),
        subtitle=_subtitle(page),
        meta="".join(str(c) for c in meta.children).strip(),
        context=body("context"),
        article="".join(str(c) for c in the_article.children if isinstance(c, Tag)),
        notes=notes,
        passages=body("key-passages"),
        questions=["".join(str(c) for c in li.children).strip()
                   for li in section("discussion-questions").select("ol > li")],
        words=str(section("words-in-this-chapter").select_one("dl")),
        term_ids=[a["href"].split("#term-")[-1] for a in
                  raw.select("section#words-in-this-chapter dt a[href*='#term-']")],
        week_words=_week_words(raw, local),
        timeline=str(figure) if figure else "",
        timeline_table=str(table) if table else "",
        about=body("about-this-text"),
    )
