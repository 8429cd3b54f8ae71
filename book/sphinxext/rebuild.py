"""Incremental builds that never show stale data.

Jupyter Book's execution cache keys on a notebook's text only: editing an event's date
in book/data would leave the cached timeline, and the page, showing the old date. The
build therefore fingerprints everything pages are made from, and rebuilds (and
re-executes) every page when it changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..course.language import LOCALE_DIR, SOURCE
from ..editions.inputs import PACKAGE_DIR, digest, package_files, record, unchanged


def fingerprint(language: str = SOURCE) -> str:
    """A hash of what every page is made from: book/ (code, data, assets, templates) and
    the table of contents (each page's sidebar shows it; Sphinx alone would leave the
    unchanged pages with the old one); in a translated edition also its catalogs
    (locale/<lang>/: a translated definition is on many pages)."""
    root = PACKAGE_DIR.parent
    own = sorted(p for p in (LOCALE_DIR / language).rglob("*") if p.is_file() and p.suffix != ".mo") \
        if language != SOURCE else []
    return digest(package_files() + [p for p in (root / "_toc.yml", root / "_config.yml") if p.is_file()] + own)


def stamp(app: Sphinx) -> Path:
    """Beside the build's doctrees, never inside a built site: ``_build/.prt-fingerprint``
    for the English HTML, ``_build/editions/es/.prt-fingerprint`` for the Spanish, one per
    other builder (gettext)."""
    suffix = "" if app.builder.name == "html" else f"-{app.builder.name}"
    return Path(app.doctreedir).parent / f".prt-fingerprint{suffix}"


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    if unchanged(stamp(app), fingerprint(app.config.language or SOURCE)):
        # The glossary's "where it appears" links are made from the chapters.
        glossary = app.config.prt_glossary_doc
        if any(d.startswith(app.config.prt_chapter_folder) for d in added | changed) and glossary in env.found_docs:
            return [glossary]
        return []
    cache = Path(app.config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache") \
        if hasattr(app.config, "nb_execution_cache_path") else None
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)
    return sorted(env.found_docs - added - removed)


def _finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        record(stamp(app), fingerprint(app.config.language or SOURCE))


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", _outdated)
    # After the guard (priority 500): a build the guard failed is not stamped as done.
    app.connect("build-finished", _finished, priority=900)
