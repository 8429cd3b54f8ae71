"""Everything that touches Sphinx, one module per feature (book/sphinxext/DESIGN.md).

Why a Sphinx extension and not notebook code: paragraph numbers, reading time and
glossary targets must exist in the built HTML whether or not a kernel ran, and the
offline guard must see every built page at once.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import (article, config, describe, glossary, guard, language, later, lighten, pages, rebuild, search_words,
               strings)


def setup(app: Sphinx) -> dict[str, Any]:
    for feature in (config, strings, article, language, glossary, pages, describe, rebuild, search_words, lighten, guard, later):
        feature.setup(app)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
