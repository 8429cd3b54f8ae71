"""What each built page carries: the course's stylesheets and scripts (each page only
those it uses), the theme fixes applied as template filters, marked outside links, and
the "My answers" page.

Template filters (templates/layout.html) work on the rendered HTML of a theme block,
so they need no private Sphinx or theme API: one drops scripts no page needs, one
defers parser-blocking ones, two fix the theme's navigation (navigation.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..course.assets import KINDS_SCRIPT, kinds_script
from .anatomy import shape_chapter
from .links import mark_outside_links
from .margin import fold_notes
from .navigation import without_hidden_toggles, without_inline_print
from .rebuild import fingerprint
from .search_terms import CourseDomain
from .timeline_assets import add_to_page as add_timeline_assets

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

#: Theme scripts no page of ours needs: Font Awesome's SVG replacer (1.5 MB; the
#: theme's stylesheet already draws the same icons from its font) and the search index
#: with its tools, which the theme loads on every page only for search-as-you-type
#: (off here; search.html loads them itself).
UNNEEDED_SCRIPTS = re.compile(
    r'\s*<script\b[^>]*\bsrc="[^"]*(?:scripts/fontawesome\.js|searchtools\.js|language_data\.js|searchindex\.js)'
    r'[^"]*"[^>]*></script>'
)
#: Scripts Sphinx and the extensions add without ``defer``, though each waits for the
#: DOM anyway. Parser-blocking, they held first paint back a round trip each: 1.4 s of
#: 2.6 s on a 1.6 Mbps, 150 ms link. documentation_options.js stays as it is: inline
#: scripts after it use what it defines; so does search.html, whose searchtools.js
#: calls doctools.js as it loads.
DEFERRABLE = ("doctools.js", "sphinx_highlight.js", "clipboard.min.js", "copybutton.js",
              "sphinx-book-theme.js", "togglebutton.js", "design-tabs.js",
              "translations.js")  # a translated edition's: it calls doctools.js, so after it
DEFER = re.compile(r'<script(?![^>]*\b(?:defer|async)\b)([^>]*\bsrc="[^"]*/(?:'
                   + "|".join(re.escape(n) for n in DEFERRABLE) + r')(?:\?[^"]*)?"[^>]*)>')
#: Scripts only some pages use, each with the mark in a page's body that calls for it.
#: KINDS_SCRIPT (every exercise kind's part, book/static/kinds/) comes before the scripts
#: that ask it for a kind's work: graders.js, exercises.js, answer-file.js.
BODY_SCRIPTS = {"later.js": 'data-later="', "notes.js": 'class="margin', "terms.js": "prt-term", "anatomy.js": "prt-fold",
                "flags.js": 'class="prt-pnum"', "reading.js": 'class="prt-continue"', KINDS_SCRIPT: "prt-exercise",
                "graders.js": "prt-exercise", "exercises.js": "prt-exercise", "flashcards.js": "prt-flashcards"}
#: Scripts of one page: page name -> files in static/ (or KINDS_SCRIPT).
PAGE_SCRIPTS = {"search": ["search-summary.js"], "glossary": ["glossary-filter.js"],
                "my-answers": [KINDS_SCRIPT, "answer-file.js", "my-answers.js"]}


def without_unneeded_scripts(markup: str) -> str:
    """A template filter dropping UNNEEDED_SCRIPTS."""
    return UNNEEDED_SCRIPTS.sub("", markup)


def deferred(markup: str, pagename: str) -> str:
    """A template filter adding ``defer`` to the DEFERRABLE scripts (not on the search page)."""
    return markup if pagename == "search" else DEFER.sub(r"<script defer\1>", markup)


#: Scripts that keep things on the device: each needs static/store.js, loaded before it.
KEEPING = {"flags.js", "reading.js", "exercises.js", "flashcards.js", "my-answers.js"}


def scripts_for(pagename: str, body: str) -> list[str]:
    """The course's scripts a page uses, in the order they must run."""
    names = [name for name, mark in BODY_SCRIPTS.items() if mark in body] + PAGE_SCRIPTS.get(pagename, [])
    return (["store.js"] if KEEPING & set(names) else []) + names


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    body = context.get("body", "")
    if 'class="margin' in body:
        body = context["body"] = fold_notes(body)
    for name in scripts_for(pagename, body):
        if pagename == "search":
            # After documentation_options.js (priority 200), before searchtools.js runs.
            app.add_js_file(name, priority=201)
        else:
            app.add_js_file(name, defer="defer")
    if "body" in context:
        context["body"] = mark_outside_links(body)


class MyAnswers(SphinxDirective):
    """``{my-answers}``: the reader's answers page (book/answers/page.py)."""

    def run(self) -> list[nodes.Node]:
        from ..answers.page import my_answers_html

        return [nodes.raw("", my_answers_html(fingerprint()[:12]), format="html")]


def _static_and_filters(app: Sphinx) -> None:
    # Added after the theme has scanned _static, so JB1 does not inject everything here.
    # Its files one by one: its folder kinds/ reaches the pages as the one KINDS_SCRIPT,
    # written before any page, so Sphinx stamps its address with a checksum.
    app.config.html_static_path.extend(str(p) for p in sorted(STATIC_DIR.iterdir()) if p.is_file())
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        (static / KINDS_SCRIPT).write_text(kinds_script(), encoding="utf-8")
    if hasattr(app.builder, "templates"):
        filters = app.builder.templates.environment.filters
        filters["prt_without_unneeded_scripts"] = without_unneeded_scripts
        filters["prt_deferred"] = deferred
        filters["prt_without_hidden_toggles"] = without_hidden_toggles
        filters["prt_without_inline_print"] = without_inline_print


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _static_and_filters)
    app.add_css_file("course.css")
    app.add_css_file("reader.css")
    app.add_css_file("print.css", media="print")
    app.add_js_file("course.js", defer="defer")
    app.add_js_file("nav.js", defer="defer")
    app.connect("html-page-context", _page_scripts)
    app.connect("html-page-context", add_timeline_assets)
    app.connect("doctree-read", shape_chapter)
    app.add_domain(CourseDomain)
    app.add_directive("my-answers", MyAnswers)
