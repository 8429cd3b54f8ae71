"""A chapter's anatomy made to work on a phone: a jump bar and foldable blocks.

A chapter runs to 75-110 phone screens: the introduction, the article, then long
reference blocks (timeline, glossary words, exercises). Two things keep it usable:

* a jump bar under the byline (Article · Key passages · Timeline · Questions ·
  Exercises), so the discussion questions are one tap from the first screen;
* the blocks a reader does not need to read through are marked ``prt-fold``; on a
  narrow screen ``static/anatomy.js`` shows only their heading and a button, so the
  article starts within two screens of the top. Wide screens and print show all.

The section ids come from the chapter headings, which every chapter shares (the
chapter-anatomy tests keep them).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from ..strings import t_text
from .config import is_chapter

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


def jump_bar(present: set[str]) -> str:
    """The jump bar's HTML, linking the sections the chapter has."""
    links = " ".join(f'<li><a href="#{sid}">{t_text(key)}</a></li>'
                     for sid, key in JUMPS if sid in present)
    return f'<nav class="prt-jumpbar" aria-label="{t_text("nav.jump_to")}"><ul>{links}</ul></nav>\n'


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
    top = sections[0]
    byline = next((child for child in top.children if isinstance(child, nodes.paragraph)), None)
    bar = nodes.raw("", jump_bar(present), format="html")
    if byline is not None:
        byline.parent.insert(byline.parent.index(byline) + 1, bar)
    else:
        top.insert(1, bar)
