"""A no-change ``make html``: an edition whose inputs are those of its last good build is
not built again.

Why: with nothing changed, each of the three editions' Sphinx runs found no page out of
date, yet redid its build-finished work (the offline guard reading every page, the cut
stylesheets and icon font, ``dir`` on every page, the mirror into ``_build/html/<code>/``)
and ``validate`` loaded and checked the whole course again: 25 s on two cores for
nothing (issue 29 asks under 5 s). Sphinx's own incremental build (and
book/sphinxext/rebuild.py's fingerprint) still decide what to redo once anything changed;
this only answers "did anything change at all?", from a digest of every file an edition
can read, so a change it misses would have to be outside the checkout's pages, ``book/``,
the configuration and the edition's catalogs.

A stamp is written only after the step succeeded (and, for a translated edition, after
its mirror), from the digest taken before it began: a file edited during a build makes
the next one run again. This module imports nothing of the book's heavier layers, so the
check costs a Python start and a hash of the checkout (7 MB).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable

from .course import language as lang

ROOT = Path(__file__).resolve().parents[1]
#: Where the stamps are, beside the built site (never inside it): ``_build/.prt-inputs-es``.
BUILD = ROOT / "_build"
#: Parts of the checkout no edition is made from (the tests, the benchmark, built output,
#: tools' caches); ``locale/`` is read per edition, its compiled ``.mo`` files being outputs.
NOT_READ = {"_build", ".git", ".venv", "node_modules", "tests", "bench", "answers", "__pycache__",
            ".ipynb_checkpoints", ".pytest_cache", ".ruff_cache", "locale"}
#: What the course's articles are checked against (``validate`` reads them; no page does).
SEEDS = ROOT.parent / "shared" / "seeds"


def _files(top: Path, skip: set[str]) -> list[Path]:
    found = []
    for folder, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in skip)
        found += [Path(folder) / n for n in sorted(names) if not n.endswith((".mo", ".pyc"))]
    return found


def inputs(step: str) -> list[Path]:
    """Every file ``step`` can read: an edition's code (``en``, ``es``, ``ar``) reads the
    checkout's pages, ``book/`` and configuration, and a translated one its catalogs;
    ``validate`` reads what the English does and the seed articles."""
    files = _files(ROOT, NOT_READ)
    if step in lang.LANGUAGES and step != lang.SOURCE:
        files += _files(lang.LOCALE_DIR / step, set())
    if step == "validate" and SEEDS.is_dir():
        files += _files(SEEDS, set())
    return files


def digest(step: str) -> str:
    """One hash of the step's input files (paths and bytes) and of the book's settings
    from the environment (``PRT_DATA_DIR`` points the build at other data)."""
    h = hashlib.sha256()
    for path in inputs(step):
        h.update(str(path.relative_to(path.anchor)).encode() + b"\0")
        h.update(path.read_bytes())
    for name in sorted(n for n in os.environ if n.startswith("PRT_") and n != lang.ENV):
        h.update(f"{name}={os.environ[name]}\0".encode())
    return h.hexdigest()


def stamp(step: str) -> Path:
    return BUILD / f".prt-inputs-{step}"


def made(step: str) -> bool:
    """Whether the step's output is there: an edition's landing page (``validate`` makes none)."""
    return step not in lang.LANGUAGES or (BUILD / "html" / lang.edition_prefix(step) / "index.html").is_file()


def when_changed(step: str, run: Callable[[], int], say: Callable[[str], None] = print) -> int:
    """Run ``step`` unless its inputs are those of its last good run and its output is
    there; note them after a good run. Returns the step's exit status (0 when skipped)."""
    before = digest(step)
    if made(step) and stamp(step).is_file() and stamp(step).read_text(encoding="utf-8") == before:
        say(f"==> {step}: nothing it reads changed since its last good run; left as it is")
        return 0
    result = run()
    if result == 0:
        stamp(step).parent.mkdir(parents=True, exist_ok=True)
        stamp(step).write_text(before, encoding="utf-8")
    return result
