"""What a made thing was made from: a digest of its input files, so that a step whose
inputs have not changed can be skipped.

Why: `make test` runs everything `make book` does. The Sphinx build is incremental
(book/sphinxext/rebuild.py), but printing the handouts took 36 s every time; with their
inputs unchanged they are now left as they are.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: What the package's pages and paper are made from: code, data, styles, templates.
SOURCE_SUFFIXES = {".py", ".yml", ".js", ".css", ".svg", ".html", ".json"}


def package_files() -> list[Path]:
    """book/'s sources, without the vendored npm tree (its bundle is copied, not read)."""
    return sorted(p for p in PACKAGE_DIR.rglob("*")
                  if p.suffix in SOURCE_SUFFIXES and "node_modules" not in p.parts and p.is_file())


def digest(files: Iterable[Path]) -> str:
    """One hash of the files' names and bytes, in the order given (sort them first)."""
    h = hashlib.sha256()
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def unchanged(stamp: Path, value: str) -> bool:
    """Whether the inputs are those the stamp recorded when the outputs were made."""
    return stamp.is_file() and stamp.read_text(encoding="utf-8") == value


def record(stamp: Path, value: str) -> None:
    """Note the inputs the outputs were just made from (write it last: an interrupted
    step leaves the old stamp, so it is redone)."""
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(value, encoding="utf-8")
