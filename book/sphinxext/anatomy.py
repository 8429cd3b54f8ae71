"""A chapter's anatomy made to work on a phone: a jump bar and foldable blocks.

A chapter runs to 75-110 phone screens: the introduction, the article, then long
reference blocks (timeline, glossary words, exercises). Two things keep it usable:

* a jump bar under the byline (Article · Key passages · Timeline · Questions ·
  Exercises), so the discussion questions are one tap from the first screen;
* under it, a line that leads into the text ("Start reading at ¶1"; static/reading.js
  makes it "Continue at ¶12" where the reader left off, in the same space, so nothing
  moves), and a "Before this week's session" box made from the data: read the article
  (its ¶s and reading time), answer the chapter's exercises (each named and linked, from
  book/data/exercises/<chapter>.yml), flag what to ask and send it from My answers;
* the blocks a reader does not need to read through are marked ``prt-fold`` and folded
  here, at build time: after the heading, a "Show" button and the rest in a
  ``div.prt-fold-body`` (``fold``). On a narrow screen, with scripts on, reader.css shows
  only the heading and the button, so the article starts within two screens of the top
  and nothing moves after the first paint; ``static/anatomy.js`` only answers the button
  and opens a block a link leads into. Wide screens, print and scripts off show all.

The section ids come from the chapter headings, which every chapter shares (the
chapter-anatomy tests keep them).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

import html

from ..course.load import course
from ..course.strings import t_html, t_text
from .config import chapter_key, is_chapter

#: Jump bar entries: (section id, its label's key in book/data/strings.yml), in reading order.
JUMPS = (
    ("the-article", "nav.jump_article"),
    ("key-passages", "nav.jump_key_passages"),
    ("timeline", "nav.jump_timeline"),
    ("discussion-questions", "nav.jump_questions"),
    ("exercises", "nav.jump_exercises"),
)
#: Sections folded on narrow screens: the introduction before the article, and the
#: reference blocks after it.
FOLDED = {"in-this-chapter-you-will", "context", "what-to-watch-for-while-reading",
          "about-this-text", "timeline", "words-in-this-chapter", "exercises"}
#: Folded sections whose body the built page loads only when it is shown (book/later.py),
#: with what a page read without scripts says instead (its words, the words of its link,
#: and where the link goes): the timeline, half of a chapter's HTML (its chart, cards and
#: table), the exercises (a fifth of it; 68 KB of the Arabic Tishreen's 290) and the
#: chapter's words, which a phone reader opens with a tap if at all. A wide screen shows
#: them unfolded and loads them at once, after the article.
LATER = {
    "timeline": ("fold.without_scripts", "fold.timelines_page", "../timelines.html"),
    "exercises": ("fold.without_scripts_exercises", "fold.exercises_page", "../exercises/{chapter}.html"),
    "words-in-this-chapter": ("fold.without_scripts_words", "fold.glossary_page", "../glossary.html"),
}


def jump_bar(present: set[str]) -> str:
    """The jump bar's HTML, linking the sections the chapter has."""
    links = " ".join(f'<li><a href="#{sid}">{t_text(key)}</a></li>'
                     for sid, key in JUMPS if sid in present)
    return f'<nav class="prt-jumpbar" aria-label="{t_text("nav.jump_to")}"><ul>{links}</ul></nav>\n'


def continue_line() -> str:
    """The line into the text: ¶1 at build time; reading.js names where the reader was."""
    return (f'<p class="prt-continue"><a class="prt-continue-link" href="#p1">'
            f'{t_text("before.start")}</a></p>\n')


def before_session(chapter: str, paragraphs: int, minutes: str, present: set[str]) -> str:
    """What a member does before the week's session, from the data: read, answer the
    chapter's exercises (named, linked to the exercise page), flag, send."""
    exercises = course().chapter_exercises(chapter)
    page = f"../exercises/{chapter}.html"
    read = t_html("before.read", article=f'<a href="#the-article">{t_text("before.read_link")}</a>',
                  last=str(paragraphs), minutes=html.escape(minutes))
    items = [f"<li>{read}</li>"]
    if exercises:
        names = "".join(f'<li><a href="{page}#ex-{x.id}">{html.escape(x.title)}</a></li>' for x in exercises)
        items.append(
            f'<li><details class="prt-before-ex"><summary>'
            f'{t_text("before.exercises", n=len(exercises))}</summary><ul>{names}</ul></details></li>')
    if "discussion-questions" in present:
        items.append("<li>" + t_html("before.questions", questions=(
            f'<a href="#discussion-questions">{t_text("before.questions_link")}</a>')) + "</li>")
    items.append("<li>" + t_html(
        "before.flag",
        confused=f'<span class="prt-before-flag" data-flag="confused"><span class="prt-mark" aria-hidden="true"></span> '
                 f'{t_text("flags.confused")}</span>',
        discuss=f'<span class="prt-before-flag" data-flag="discuss"><span class="prt-mark" aria-hidden="true"></span> '
                f'{t_text("flags.discuss")}</span>',
        how=f'<a href="../how-to-use.html#htu-flags">{t_text("before.how")}</a>') + "</li>")
    items.append("<li>" + t_html("before.send", answers=(
        f'<a href="../my-answers.html#send">{t_text("before.send_link")}</a>')) + "</li>")
    # Folded to one line (its four steps named): open, on a phone it took a third of the
    # screen above ¶1.
    gist = t_text("before.gist", n=len(exercises), last=str(paragraphs))
    return (f'<section class="prt-before" aria-labelledby="prt-before-title"><details><summary>'
            f'<h2 class="prt-before-title" id="prt-before-title">{t_text("before.title")}</h2> '
            f'<span class="prt-before-gist">{gist}</span></summary>'
            f'<ol>{"".join(items)}</ol></details></section>\n')


def fold(section: nodes.section, chapter: str) -> None:
    """Fold a section in the HTML: heading, button, ``div.prt-fold-body`` with the rest
    (as static/anatomy.js used to build it at load: same ids, labels and order)."""
    if not section.children or not isinstance(section.children[0], nodes.title):
        return
    sid = section["ids"][0]
    name = section.children[0].astext().strip()
    button = (f'<button type="button" class="prt-fold-toggle" aria-controls="{sid}-body" aria-expanded="false" '
              f'aria-label="{t_text("fold.show_section", name=name)}" '
              f'data-show="{t_text("fold.show")}" data-hide="{t_text("fold.hide")}" '
              f'data-show-label="{t_text("fold.show_section", name=name)}" '
              f'data-hide-label="{t_text("fold.hide_section", name=name)}">{t_text("fold.show")}</button>')
    later, fallback = "", ""
    if sid in LATER:
        later = ' data-later="shown"'
        # The block arrives by script; a page read without scripts says where else it is.
        message, words, href = LATER[sid]
        page = f'<a href="{html.escape(href.format(chapter=chapter))}">{t_text(words)}</a>'
        fallback = f'<noscript><p>{t_html(message, page=page)}</p></noscript>'
    # A line between the button and the note keeps their words apart in the search index.
    section.insert(1, nodes.raw("", button + "\n" + fallback + f'<div class="prt-fold-body" id="{sid}-body"{later}>',
                                format="html"))
    section.append(nodes.raw("", "</div>", format="html"))


def shape_chapter(app: Any, doctree: nodes.document) -> None:
    """doctree-read: on a chapter page, mark foldable sections and add the jump bar."""
    if not is_chapter(app.config, app.env.docname):
        return
    sections = list(doctree.findall(nodes.section))
    if not sections:
        return
    present = set()
    for section in sections:
        ids = set(section["ids"])
        present |= ids
        if ids & FOLDED:
            section["classes"].append("prt-fold")
            fold(section, chapter_key(app.env.docname))
    top = sections[0]
    byline = next((child for child in top.children if isinstance(child, nodes.paragraph)), None)
    paragraphs = sum(1 for n in doctree.findall(nodes.Element) if "prt-para" in n.get("classes", []))
    reading = next((n.astext() for n in doctree.findall(nodes.inline) if "prt-reading-time" in n.get("classes", [])), "")
    top_html = jump_bar(present)
    if paragraphs:
        top_html += continue_line() + before_session(chapter_key(app.env.docname), paragraphs, reading, present)
    bar = nodes.raw("", top_html, format="html")
    if byline is not None:
        byline.parent.insert(byline.parent.index(byline) + 1, bar)
    else:
        top.insert(1, bar)
