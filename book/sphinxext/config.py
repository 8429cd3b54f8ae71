"""Where the course's pages are, as configuration rather than strings in the code.

``prt_chapter_folder`` holds one page per article, named by the article's id
(``chapters/tishreen``); ``prt_glossary_doc`` is the page with the whole glossary.
A tiny test book sets its own.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def is_chapter(config: Any, docname: str) -> bool:
    return docname.startswith(config.prt_chapter_folder)


def chapter_key(docname: str) -> str:
    """A chapter page's article id: the page's own name."""
    return docname.rsplit("/", 1)[-1]


def setup(app: Sphinx) -> None:
    app.add_config_value("prt_chapter_folder", "chapters/", "env", [str])
    app.add_config_value("prt_glossary_doc", "glossary", "env", [str])
