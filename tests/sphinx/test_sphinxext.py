"""The Sphinx layer alone: tiny books built in-process with sphinx.testing, no Jupyter
Book, no kernel, in a second or two each."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

import pytest
from sphinx.errors import ExtensionError
from sphinx.testing.util import SphinxTestApp
from book.later import inline

CONF = """
extensions = ["book.sphinxext"]
html_theme = "basic"
root_doc = "index"
"""
CHAPTER = """
The Tishreen chapter
====================

Reading time: :reading-time:`tishreen`.

The article
-----------

.. article-meta:: tishreen

In October 2019, Iraq's streets erupted.

The :term:`muhasasa <muhasasa>` system shares out posts by sect.

See `the source <https://example.org/article>`_ and :para:`{para}`.
"""


def build(tmp_path: Path, para: str = "2", extra: str = "", conf: str = CONF) -> SphinxTestApp:
    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.rst").write_text("Book\n====\n\n.. toctree::\n\n   chapters/tishreen\n   glossary\n", encoding="utf-8")
    (src / "chapters" / "tishreen.rst").write_text(CHAPTER.format(para=para) + extra, encoding="utf-8")
    (src / "glossary.rst").write_text("Glossary\n========\n\n.. course-glossary::\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "build")
    app.build()
    return app


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Iterator[SphinxTestApp]:
    """The tiny book as it should be, built once for the tests that only read it."""
    app = build(tmp_path_factory.mktemp("good"))
    yield app
    app.cleanup()


def page(app: SphinxTestApp, name: str) -> str:
    """A built page with the blocks it loads later put back (book/later.py)."""
    path = Path(app.outdir) / f"{name}.html"
    return inline(path.read_text(encoding="utf-8"), path)


def test_paragraphs_reading_time_terms_and_links(good):
    app = good
    chapter, glossary = page(app, "chapters/tishreen"), page(app, "glossary")
    assert 'id="p1"' in chapter and 'id="p3"' in chapter and 'id="p4"' not in chapter
    assert 'aria-label="Paragraph 2">¶2</a>' in chapter
    assert "about 1 minute<" in chapter
    assert 'href="#p2"' in chapter and "prt-pref" in chapter
    assert 'class="reference external prt-ext" href="https://example.org/article" rel="noreferrer"' in chapter
    assert "(opens another website)" in chapter
    assert 'id="term-muhasasa"' in glossary
    assert 'prt-in-tishreen' in glossary and 'href="chapters/tishreen.html#p2">¶2</a>' in glossary
    assert '<meta http-equiv="Content-Security-Policy"' in chapter
    assert "prt-jumpbar" in chapter and "prt-fold" not in chapter.split("prt-jumpbar")[0]
    assert app.env.prt_paragraphs["tishreen"] == ("chapters/tishreen", 3)


def test_a_paragraph_the_article_does_not_have_is_reported(tmp_path):
    app = build(tmp_path, para="999")
    try:
        assert "tishreen.rst:16: WARNING: ¶ reference ¶999 (tishreen) points to no paragraph (the article has 3)" in app.warning.getvalue()
        assert 'href="#p999"' not in page(app, "chapters/tishreen")
    finally:
        app.cleanup()


def test_the_offline_guard_fails_a_page_that_would_load_another_host(tmp_path):
    planted = '\n.. raw:: html\n\n   <script src="https://cdn.example.org/x.js"></script>\n'
    with pytest.raises(ExtensionError, match=r"(?s)offline guard.*tishreen.html: <script src=https://cdn.example.org/x.js>"):
        build(tmp_path, extra=planted)


def test_glossary_entries_are_search_results_of_their_own(good):
    objects = {name: (doc, anchor) for name, _, kind, doc, anchor, _ in good.env.get_domain("course").get_objects()}
    assert objects["Muhasasa"] == ("glossary", "term-muhasasa")


def test_a_page_that_keeps_anything_loads_the_store_first():
    """static/store.js defines PRT.store, which flags, exercises, flashcards and My answers
    read as they start: on their pages it comes first, and on no other page."""
    from book.sphinxext.pages import scripts_for

    chapter = scripts_for("chapters/peru", '<p class="prt-para"><a class="prt-pnum" href="#p1">1</a> <a class="prt-term">x</a>')
    assert chapter[0] == "store.js" and "flags.js" in chapter and "terms.js" in chapter
    exercises = scripts_for("exercises/peru", '<div class="prt-exercise" data-kind="ledger">')
    assert exercises == ["store.js", "kinds.js", "graders.js", "exercises.js"]
    assert scripts_for("my-answers", "") == ["store.js", "kinds.js", "answer-file.js", "my-answers.js"]
    assert scripts_for("flashcards", '<div class="prt-flashcards">') == ["store.js", "flashcards.js"]
    assert "store.js" not in scripts_for("glossary", '<a class="prt-term">x</a>') + scripts_for("search", "")


def test_a_translated_build_marks_the_english_and_links_the_other_edition(tmp_path, monkeypatch):
    """A tiny book in Spanish (language=es, a .po for the chapter with one ¶ of two
    translated): the same ¶ ids as in English, the untranslated ¶ with lang="en" and its
    mark, the notice, the article's note, the switcher and the alternates back to English."""
    monkeypatch.setenv("PRT_LANGUAGE", "en")  # the build sets it from `language`; restored after
    src = tmp_path / "src"
    po = src / "locale" / "es" / "LC_MESSAGES" / "chapters" / "tishreen.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgid "In October 2019, Iraq\'s streets erupted."\n'
                  'msgstr "En octubre de 2019, las calles de Irak estallaron."\n', encoding="utf-8")
    (tmp_path / "build").mkdir()
    app = build(tmp_path, extra="", conf=CONF + 'language = "es"\nlocale_dirs = ["locale"]\ngettext_compact = False\n')
    html = page(app, "chapters/tishreen")
    assert '<html lang="es"' in html
    assert 'id="p1"' in html and 'id="p2"' in html and "En octubre de 2019" in html
    assert re.search(r'<p class="[^"]*prt-untranslated[^"]*" id="p2" lang="en"|'
                     r'<p class="[^"]*prt-untranslated[^"]*"[^>]*lang="en"[^>]*id="p2"|'
                     r'id="p2"[^>]*lang="en"', html), "the English ¶ is not marked"
    assert 'class="prt-translation-notice"' in html
    assert 'class="prt-translation-note"' in html
    assert 'href="../../chapters/tishreen.html#p1"' in html  # ¶1 in English
    assert '<link rel="alternate"' not in html  # a relative alternate is refused (SEO audit)
    assert os.environ["PRT_LANGUAGE"] == "es"  # the build's language is the process's setting
