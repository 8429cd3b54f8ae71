"""Incremental builds that never show stale data.

Jupyter Book's execution cache keys on a notebook's text only: editing an event's date
in book/data would leave the cached timeline, and the page, showing the old date. The
build therefore fingerprints everything pages are made from, and rebuilds (and
re-executes) every page when it changed.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def fingerprint() -> str:
    """A hash of what every page is made from: book/ (code, data, assets, templates) and
    the table of contents (each page's sidebar shows it; Sphinx alone would leave the
    unchanged pages with the old one)."""
    digest = hashlib.sha256()
    files = [p for p in PACKAGE_DIR.rglob("*") if p.suffix in {".py", ".yml", ".js", ".css", ".svg", ".html", ".json"}
             and "node_modules" not in p.parts]  # the vendored bundle is copied, not read
    for path in sorted(files) + [PACKAGE_DIR.parent / "_toc.yml", PACKAGE_DIR.parent / "_config.yml"]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def stamp(app: Sphinx) -> Path:
    return Path(app.outdir).parent / ".prt-fingerprint"


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    if stamp(app).exists() and stamp(app).read_text() == fingerprint():
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
        stamp(app).write_text(fingerprint())


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", _outdated)
    # After the guard (priority 500): a build the guard failed is not stamped as done.
    app.connect("build-finished", _finished, priority=900)
