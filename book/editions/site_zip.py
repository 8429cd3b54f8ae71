"""The built site as a thing to pass on: one zip that works wherever it is unpacked.

Everything in the book is relative (no absolute paths, no other hosts), so the zip
only has to keep the folder structure, under one top folder a reader can recognise.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
TOP = "permanent-revolution-today"


def zip_site(html: Path = HTML, dest: Path | None = None) -> Path:
    """Write the zip (deterministic order, no build caches) and return its path."""
    if not (html / "index.html").exists():
        raise FileNotFoundError(f"{html}/index.html missing: build the book first (make book)")
    dest = dest or html.parent / f"{TOP}.zip"
    files = sorted(p for p in html.rglob("*") if p.is_file() and ".doctrees" not in p.parts)
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in files:
            out.write(path, f"{TOP}/{path.relative_to(html).as_posix()}")
    return dest
