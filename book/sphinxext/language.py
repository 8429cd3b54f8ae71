"""Editions in other languages, in the Sphinx layer: what is still English says so, each
translated article says how it was translated, and every page links to itself in the
other editions.

Why here and at build time: the switcher must work with no script and from ``file://``
(a relative link, ``es/chapters/peru.html`` from the English page, ``../chapters/peru.html``
back), and a paragraph left in English must carry ``lang="en"`` for a screen reader and a
mark for a reader, whichever page it is on. Sphinx's own ``Locale`` transform (priority
20) translates each message of the page's ``.po``; ``MarkUntranslated`` (25) marks every
message it left in English (missing, fuzzy or for other English); ``TranslationNote``
(871, after the ¶ numbers) adds the article's translation note and, on each ¶, a link to
the same ¶ in the other editions, shown when a reader arrived at that ¶ (``:target``).
The page-level notice and the links are written at ``html-page-context``.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from ..course import language as lang
from ..course.strings import t, t_html, t_text
from ..course.translations import page_messages
from .article import article_meta
from .config import sphinx_pages
from .search_arabic import SearchArabic

#: Who translated each article and how, per language: ``locale/<code>/translation.yml``.
NOTES = "translation.yml"
#: What a translation note says of the original: ``not-found``, a text in another language
#: that we had only in English; ``english``, a text its authors wrote in English, with no
#: version by them in the edition's language.
ORIGINAL = {"not-found": "language.note_original_missing", "english": "language.note_original_english"}


def edition_of(app: Sphinx) -> str:
    return app.config.language or lang.SOURCE


def href(pagename: str, here: str, there: str, fragment: str = "") -> str:
    """The relative link from ``pagename`` in the edition ``here`` to the same page in
    ``there``: up to the site's root, then down into the other edition."""
    up = "../" * (pagename.count("/") + (0 if here == lang.SOURCE else 1))
    return f"{up}{lang.edition_prefix(there)}{pagename}.html" + (f"#{fragment}" if fragment else "")


def others(here: str) -> list[lang.Language]:
    return [found for code, found in lang.LANGUAGES.items() if code != here]


class MarkUntranslated(SphinxTransform):
    """In a translated edition, every message Sphinx left in English gets ``lang="en"``
    (docutils writes the class ``language-en`` as the attribute) and a visible mark; the
    page keeps the counts for its notice."""

    default_priority = 25  # after sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs: Any) -> None:
        here = edition_of(self.app)
        if here == lang.SOURCE or self.app.builder.name == "gettext":
            return
        done = english = 0
        for node, msg in extract_messages(self.document):
            if not any(c.isalpha() for c in msg) or isinstance(node, nodes.meta):
                continue
            if node.get("translated"):
                done += 1
                continue
            english += 1
            node["classes"] += ["prt-untranslated", f"language-{lang.SOURCE}"]
        self.document["prt_translation"] = [done, english]


class TranslateCaptions(SphinxTransform):
    """The table of contents' captions ("Chapters"): sphinx-external-toc inserts its
    toctrees (priority 100) after Sphinx's Locale (20) has translated the page, so their
    captions, which the gettext builder does extract, are translated here."""

    default_priority = 101

    def apply(self, **kwargs: Any) -> None:
        here = edition_of(self.app)
        if here == lang.SOURCE or self.app.builder.name == "gettext":
            return
        words = page_messages(here, self.env.docname)
        for toctree in self.document.findall(addnodes.toctree):
            if toctree.get("caption") in words:
                toctree["caption"] = words[toctree["caption"]]


def _notes(code: str) -> dict[str, Any]:
    path = lang.po_folder(code).parent / NOTES
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("articles", {}) if path.exists() else {}


def translation_note(article: str, code: str, link: str, translated: int, paragraphs: int) -> str:
    """The note under an article's attribution in a translated edition (HTML)."""
    note = _notes(code).get(article, {})
    source = f'<a href="{html.escape(link)}" hreflang="{lang.SOURCE}">{t_text("language.note_source_link")}</a>'
    parts = []
    if translated == 0:
        parts.append(t_text("language.note_none"))
    else:
        how = "language.note_reviewed" if note.get("reviewed") else "language.note_machine"
        parts.append(t_text(how, by=note.get("by", t("language.note_course"))))
        if translated < paragraphs:
            parts.append(t_text("language.note_partial", n=paragraphs - translated, total=paragraphs))
    original = note.get("original")
    if original in ORIGINAL:
        parts.append(t_text(ORIGINAL[original]))
    parts.append(t_html("language.note_source", link=source))
    return " ".join(parts)


class TranslationNote(SphinxTransform):
    """The article's translation note, and each ¶'s link to itself in the other editions."""

    default_priority = 871  # after NumberArticle (870): the ¶ ids exist

    def apply(self, **kwargs: Any) -> None:
        here = edition_of(self.app)
        if self.app.builder.format != "html":
            return
        docname = self.env.docname
        for marker in list(self.document.findall(article_meta)):
            section = marker.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            blocks = [n for n in section.findall(nodes.Element) if "prt-para" in n.get("classes", [])]
            for block in blocks:
                number = next(i for i in block["ids"] if i.startswith("p") and i[1:].isdigit())
                target = block if isinstance(block, nodes.paragraph) else next(block.findall(nodes.paragraph))
                links = "".join(
                    f'<a class="prt-para-lang" href="{href(docname, here, other.code, number)}" '
                    f'hreflang="{other.code}" lang="{other.code}" data-lang="{other.code}" '
                    f'aria-label="{html.escape(t("language.para_in", n=number[1:], language=other.name))}"></a>'
                    for other in others(here))
                target.insert(1, nodes.raw("", links, format="html"))
            if here == lang.SOURCE:
                continue
            english = sum(1 for b in blocks if any("prt-untranslated" in p.get("classes", [])
                                                  for p in b.findall(nodes.paragraph)))
            note = translation_note(marker["article"], here, href(docname, here, lang.SOURCE),
                                    len(blocks) - english, len(blocks))
            marker += nodes.raw("", f'<p class="prt-translation-note">{note}</p>', format="html")


#: An element the page shows in English, as MarkUntranslated marks it.
MARKED = re.compile(r'class="[^"]*\bprt-untranslated\b')


def _page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The switcher's links (templates/language-switcher.html, in the article's header on
    every page, the index and search too) and the notice of English.

    No ``<link rel="alternate" hreflang>`` in the head: an alternate must name its page
    by a full address (search engines, and Lighthouse's SEO audit, refuse a relative
    one), and the book has none: it opens from file://, a USB stick or a laptop on the
    Wi-Fi. The switcher's links carry ``hreflang`` and reach the same page."""
    if app.builder.format != "html":
        return
    here = edition_of(app)
    context["prt_language_links"] = " ".join(
        f'<a href="{href(pagename, here, other.code)}" hreflang="{other.code}" lang="{other.code}" '
        f'dir="{other.direction}">'
        f'<span class="prt-lang-name">{html.escape(other.name)}</span>'
        f'<span class="prt-lang-code" aria-hidden="true">{other.code.upper()}</span></a>' for other in others(here))
    if "body" in context and lang.LANGUAGES[here].direction != lang.LANGUAGES[lang.SOURCE].direction:
        context["body"] = _english_isolated(context["body"])
    done, _ = (doctree.get("prt_translation") if doctree is not None else None) or (0, 0)
    # Counted in what the page shows: a message left in English in a part the page does not
    # render (a notebook cell's removed input or unused output) is no passage of it.
    english = len(MARKED.findall(context.get("body", "")))
    if here != lang.SOURCE and english and "body" in context:
        key = "language.untranslated_page" if not done else "language.untranslated_some"
        notice = (f'<p class="prt-translation-notice" role="note">'
                  f'{t_text(key, n=english) if done else t_text(key)}</p>')
        context["body"] = notice + context["body"]


_UNTRANSLATED = re.compile(r'<(\w+)(\s[^>]*\bclass="[^"]*\bprt-untranslated\b[^"]*"[^>]*)>')


def _english_isolated(body: str) -> str:
    """On a page that reads right to left, what is still English gets its own direction
    (``dir="ltr"``, an isolate), so its punctuation stays at its end ("Regime!", never
    "!Regime") and the Arabic around it keeps its order (language.css does the same for
    any ``lang="en"`` the scripts write)."""
    return _UNTRANSLATED.sub(lambda m: m.group(0) if " dir=" in m.group(2) else f'<{m.group(1)}{m.group(2)} dir="ltr">', body)


_HTML_TAG = re.compile(r'<html\b([^>]*?)\slang="([^"]*)"(?![^>]*\sdir=)')


def _direction(app: Sphinx, exception: Exception | None) -> None:
    """build-finished, before the guard: ``dir`` on every page's ``<html>`` beside its
    ``lang``. Sphinx writes no ``dir`` (sphinx-doc/sphinx#10385) and pydata-sphinx-theme
    writes its ``<html>`` tag itself, so the attribute is added to the written pages; a
    page that has it already is left as it is (an incremental build)."""
    if exception is not None or app.builder.format != "html":
        return
    direction = lang.LANGUAGES[edition_of(app)].direction
    for page in sphinx_pages(Path(app.outdir)):
        text = page.read_text(encoding="utf-8")
        marked = _HTML_TAG.sub(lambda m: f'<html{m.group(1)} lang="{m.group(2)}" dir="{direction}"', text, count=1)
        if marked != text:
            page.write_text(marked, encoding="utf-8")


#: Sphinx's catalog for its own scripts (search's words), as it writes it.
_SPHINX_CATALOG = re.compile(r"^\s*Documentation\.addTranslations\((.*)\);?\s*$", re.S)


def _catalog_without_eval(app: Sphinx, exception: Exception | None) -> None:
    """build-finished, before the guard: Sphinx's ``_static/translations.js`` hands its
    plural rule to doctools.js as a string, which doctools.js evaluates (``new Function``)
    and the pages' Content-Security-Policy refuses. The same words, without the rule:
    doctools.js keeps its own (n == 1), which is the Spanish one too."""
    path = Path(app.outdir) / "_static" / "translations.js"
    found = _SPHINX_CATALOG.match(path.read_text(encoding="utf-8")) if exception is None and path.exists() else None
    if found is None:
        return
    words = json.loads(found.group(1))
    path.write_text("/* Sphinx's words for its scripts (book/sphinxext/language.py: without the plural rule, which\n"
                    "   doctools.js would evaluate and the Content-Security-Policy forbids). */\n"
                    f"Object.assign(Documentation.TRANSLATIONS, {json.dumps(words['messages'], ensure_ascii=False)});\n"
                    f"Documentation.LOCALE = {json.dumps(words['locale'])};\n", encoding="utf-8")


def _one_setting(app: Sphinx, config: Any) -> None:
    """Sphinx's ``language`` is the book's language setting for this process, so a build
    run as ``sphinx-build -D language=es`` writes its words, data and dates in Spanish,
    and the kernels it starts inherit the setting."""
    if (config.language or lang.SOURCE) in lang.LANGUAGES:
        os.environ[lang.ENV] = config.language or lang.SOURCE


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _one_setting)
    app.add_transform(MarkUntranslated)
    app.add_transform(TranslateCaptions)
    app.add_transform(TranslationNote)
    app.add_css_file("language.css")
    app.connect("html-page-context", _page)
    app.connect("build-finished", _catalog_without_eval, priority=450)  # before the guard (500)
    app.connect("build-finished", _direction, priority=440)
    app.add_search_language(SearchArabic)
