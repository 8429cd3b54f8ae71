"""The book's chapters and the seed articles they copy: what the tests of the built
forms (pages, handouts, pocket files, the EPUB, the facilitator's sheets) go through
chapter by chapter, and what the article tests compare against."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The articles as published (../shared/seeds, beside the checkout; its README says whence).
SEEDS = ROOT.parent / "shared" / "seeds"
#: Every chapter's name (chapters/<name>.md), in the order of the table of contents, so
#: that a chapter added there is tested in every form without touching a test.
CHAPTERS = sorted(
    Path(line.split("file:")[1].strip()).name
    for line in (ROOT / "_toc.yml").read_text(encoding="utf-8").splitlines()
    if "file: chapters/" in line
)
