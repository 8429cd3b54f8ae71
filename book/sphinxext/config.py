"""Where the course's pages are, as configuration rather than strings in the code.

``prt_chapter_folder`` holds one page per article, named by the article's id
(``chapters/tishreen``); ``prt_glossary_doc`` is the page with the whole glossary.
A tiny test book sets its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..course.language import translations

#: Folders of the output that `make handouts` fills after the build (book/handouts.py):
#: self-contained files with their own policy, which the Sphinx layer must not rewrite
#: nor read as pages (the cut stylesheet would depend on whether they exist yet).
MADE_AFTER = ("handouts", "pocket")


def is_chapter(config: Any, docname: str) -> bool:
    return docname.startswith(config.prt_chapter_folder)


def chapter_key(docname: str) -> str:
    """A chapter page's article id: the page's own name."""
    return docname.rsplit("/", 1)[-1]


def sphinx_pages(outdir: Path) -> list[Path]:
    """The pages the build wrote: every .html but the theme's fragments under _static,
    the files of MADE_AFTER and the other editions' (``es/``: a build of their own)."""
    def ours(page: Path) -> bool:
        folders = page.relative_to(outdir).parts[:-1]
        return "_static" not in folders and not (folders and folders[0] in MADE_AFTER + tuple(translations()))

    return sorted(p for p in outdir.rglob("*.html") if ours(p))


def setup(app: Sphinx) -> None:
    app.add_config_value("prt_chapter_folder", "chapters/", "env", [str])
    app.add_config_value("prt_glossary_doc", "glossary", "env", [str])
