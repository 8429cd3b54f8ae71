"""The later blocks cut out of every built page (book/later.py says why and how).

At the end of the build, after the offline guard (500) and the stylesheet cut (600)
have read the pages whole, so neither has to know about the blocks of this build; both
put back the blocks of pages an earlier build cut (``later.inline``). static/later.js
comes with the pages that have a block (pages.BODY_SCRIPTS), before the scripts that
ask it.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..later import cut_page
from .config import sphinx_pages


def _finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        outdir = Path(app.outdir)
        for page in sphinx_pages(outdir):
            cut_page(page, outdir)


def setup(app: Sphinx) -> None:
    # Before the build is stamped as done (900).
    app.connect("build-finished", _finished, priority=700)
