"""A meta description on every page, so a shared link previews with words of its own.

A chapter's is its summary: the article's title and the first aim of "In this chapter
you will" (from the chapter itself, so it changes with it). Another page's is its title
and its first paragraph of prose, cut at a sentence (or a word) by 200 characters; the
pages with no text of their own (search, the index) have a sentence in
book/data/strings.yml.
"""

from __future__ import annotations

import html
import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..course.strings import t
from .config import is_chapter

#: Pages Sphinx writes with no document of ours: their sentence's key.
OWN = {"search": "meta.search", "genindex": "meta.genindex"}
LONGEST = 200
TAGS = re.compile(r"<[^>]+>")


def _short(text: str) -> str:
    """The text as one line, cut after the last sentence ending before LONGEST characters,
    else at a word, with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= LONGEST:
        return text
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", text[:LONGEST])]
    if ends and ends[-1] >= 120:
        return text[:ends[-1]]
    return text[:LONGEST - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _prose(doctree: nodes.document) -> str:
    """The first paragraph of the page's own text (not a byline in italics, not a caption)."""
    for para in doctree.findall(nodes.paragraph):
        if isinstance(para.parent, (nodes.list_item, nodes.sidebar, nodes.admonition, nodes.caption)):
            continue
        if len(para.children) == 1 and isinstance(para.children[0], nodes.emphasis):
            continue
        text = TAGS.sub("", para.astext()).strip()  # a raw node's markup (an Arabic span) goes
        if len(text) >= 40:
            return text
    return ""


def description(config: Any, pagename: str, doctree: nodes.document | None) -> str:
    if doctree is None:
        return t(OWN[pagename]) if pagename in OWN else ""
    title = next(iter(doctree.findall(nodes.title)), None)
    if is_chapter(config, pagename):
        aims = next((s for s in doctree.findall(nodes.section) if "in-this-chapter-you-will" in s["ids"]), None)
        first = next(iter(aims.findall(nodes.list_item)), None) if aims is not None else None
        if first is not None and title is not None:
            return _short(t("meta.chapter", title=title.astext().strip(), aim=first.astext().strip()))
    name, prose = title.astext().strip() if title is not None else "", _prose(doctree)
    return _short(t("meta.page", title=name, text=prose) if name and prose else prose or name)


def _add(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    text = description(app.config, pagename, doctree)
    if text:
        context["metatags"] = context.get("metatags", "") + (
            f'\n    <meta name="description" content="{html.escape(text)}" />')


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _add)
