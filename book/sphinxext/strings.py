"""The reader-facing words (book/strings.py) for the pages: ``_static/strings.js`` for
the scripts, ``prt_t`` for the templates, and the theme's own words in the edition's
language (``prt_theme_words``).

The catalog goes out as a file, not an inline script: one cached request serves every
page, and the Content-Security-Policy (guard.py) needs no hash for it. It is loaded on
every page, deferred and first of the book's scripts, so each later script can use
``PRT.t`` (static/translate.js, loaded second). It is written before any page, so
Sphinx stamps its address with a checksum (``strings.js?v=…``) and a browser fetches
it again when the words change.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx.application import Sphinx

from ..course.strings import catalog, t

SCRIPT = "strings.js"
#: The theme's "Back to top" button, its icon kept (pydata-sphinx-theme's layout.html).
_BACK_TO_TOP = re.compile(r'(<button[^>]*\bid="pst-back-to-top"[^>]*>\s*<i[^>]*></i>)[^<]*(</button>)')


def theme_words(markup: str) -> str:
    """The theme's "Back to top" in the edition's words: the theme's catalogs have no
    Arabic, and a button shown on every scroll up must not speak English there."""
    return _BACK_TO_TOP.sub(lambda m: m.group(1) + html.escape(t("nav.back_to_top")) + m.group(2), markup, count=1)


def _words(app: Sphinx) -> None:
    """builder-inited: ``prt_t`` for the templates, ``_static/strings.js`` for the scripts."""
    if app.builder.format != "html":
        return
    app.builder.templates.environment.globals["prt_t"] = t
    app.builder.templates.environment.filters["prt_theme_words"] = theme_words
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / SCRIPT).write_text(catalog().as_script(), encoding="utf-8")


def setup(app: Sphinx) -> None:
    catalog()  # a broken catalog fails the build at once, naming file, line and key
    app.add_js_file(SCRIPT, defer="defer", priority=490)
    app.add_js_file("translate.js", defer="defer", priority=491)
    app.connect("builder-inited", _words)
