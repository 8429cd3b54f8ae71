"""Build timings for `make bench`: ours cold, unchanged and with one chapter edited; a
no-change `make html` of the three editions; the book as it was before the lighter pages;
and a plain Jupyter Book baseline."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from common import BIN, ROOT, WORK


def build(book: Path, out: Path, strict: bool = True) -> float:
    """Wall time of one `jupyter-book build`; ours with -W, the baseline with the defaults."""
    start = time.perf_counter()
    flags = ["--warningiserror", "--keep-going"] if strict else []
    subprocess.run([str(BIN / "jupyter-book"), "build", str(book), "--builder", "html", *flags,
                    "--path-output", str(out)], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def build_times() -> dict[str, float]:
    out = WORK / "ours"
    shutil.rmtree(out, ignore_errors=True)
    cold = build(ROOT, out)
    nochange = statistics.median(build(ROOT, out) for _ in range(3))  # short: one run is noisy
    chapter = ROOT / "chapters" / "peru.md"
    original = chapter.read_text(encoding="utf-8")
    try:
        chapter.write_text(original.replace("## Context\n", "## Context\n\n<!-- bench edit -->\n", 1),
                           encoding="utf-8")
        one = build(ROOT, out)
    finally:
        chapter.write_text(original, encoding="utf-8")
    build(ROOT, out)
    return {"cold_build_s": cold, "nochange_rebuild_s": nochange, "chapter_rebuild_s": one}


def editions_nochange(runs: int = 3) -> dict[str, float]:
    """A no-change `make html` in the checkout, as a reader runs it after `make book`: the
    English, Spanish and Arabic editions and validate, each skipped when nothing it reads
    changed (book/unchanged.py). One run first brings them up to date; then the median of
    ``runs``, and the slowest. ``BENCH_MAKE_ARGS`` adds arguments to make (a checkout
    sharing another's virtualenv: ``-o .venv/.installed BIN=/path/to/.venv/bin``)."""
    make = ["make", "--no-print-directory", *os.environ.get("BENCH_MAKE_ARGS", "").split(), "html"]
    subprocess.run(make, check=True, capture_output=True, cwd=ROOT)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(make, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return {"editions_nochange_rebuild_s": statistics.median(times), "editions_nochange_rebuild_max_s": max(times)}


def baseline_book() -> Path:
    """The Tishreen chapter as a plain Jupyter Book would show it: default config and plotly."""
    book = WORK / "baseline"
    shutil.rmtree(book, ignore_errors=True)
    (book / "chapters").mkdir(parents=True)
    text = (ROOT / "chapters" / "tishreen.md").read_text(encoding="utf-8")
    text = re.sub(r"\{term\}`([^`<]*?)\s*<[^>]+>`", r"\1", text)
    text = re.sub(r"\{term\}`([^`]+)`", r"\1", text)
    text = re.sub(r"\{para\}`(?:[a-z-]+:)?(\d+)`", r"¶\1", text)
    text = re.sub(r"\{(reading-time|download)\}`[^`]*`", "", text)
    text = re.sub(r"```\{(article-meta|chapter-glossary)\}[^\n]*\n```\n", "", text)
    text = text.replace("from book import timeline\ntimeline.for_chapter(",
                        "import plotly.io as pio\npio.renderers.default = 'notebook'\n"
                        "from book import timeline\ntimeline.for_chapter(")
    text = re.sub(r"(timeline\.for_chapter\((?:.|\n)*?\n\))", r"\1.figure()", text, count=1)
    text = re.sub(r"```\{code-cell\} ipython3\n:tags: \[remove-input\]\nfrom book import exercises\n.*?```\n",
                  "", text, flags=re.S)
    (book / "chapters" / "tishreen.md").write_text(text, encoding="utf-8")
    (book / "_config.yml").write_text("title: Baseline\nexecute:\n  execute_notebooks: cache\n")
    (book / "_toc.yml").write_text("format: jb-book\nroot: chapters/tishreen\n")
    return book


def heavy_build(out: Path) -> Path:
    """The book with the theme's stylesheets and icon font as shipped (``prt_lighten``
    off): the pages as they were before issue 17, to measure beside today's."""
    config = WORK / "heavy-config.yml"
    text = (ROOT / "_config.yml").read_text(encoding="utf-8")
    heavy = text.replace("sphinx:\n  config:\n", "sphinx:\n  config:\n    prt_lighten: false\n", 1)
    if heavy == text:
        raise SystemExit("bench/builds.py: _config.yml has no `sphinx: config:` block to switch prt_lighten off in")
    config.write_text(heavy, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([str(BIN / "jupyter-book"), "build", str(ROOT), "--builder", "html", "--config", str(config),
                    "--path-output", str(out)], check=True, capture_output=True, cwd=ROOT)
    return out / "_build" / "html"
