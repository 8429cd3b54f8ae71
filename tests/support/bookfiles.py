"""The book's chapters and the seed articles they copy: what the tests of the built
forms (pages, handouts, pocket files, the EPUB, the facilitator's sheets) go through
chapter by chapter, and what the article tests compare against."""

from __future__ import annotations

import re
from pathlib import Path

from book.course.load import course
from book.later import inline
from textmatch import normalise

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


#: A blog post's date line: "Sunday, February 22, 2026".
DATE_LINE = re.compile(r"\w+day, \w+ \d{1,2}, \d{4}")


def seed_subtitle(chapter: str) -> str | None:
    """The subtitle the seed gives the article, or None; more than one is an error."""
    article = course().articles[chapter]
    lines = (SEEDS / article.seed_file).read_text(encoding="utf-8").split("\n")
    lead = [line.strip() for line in lines[article.lines[0] - 1 : article.lines[1]] if line.strip()]
    found = {line for line in lead[: article.lead_lines]
             if normalise(line) != normalise(article.title) and not DATE_LINE.fullmatch(line)}
    assert len(found) <= 1, f"{chapter}: more than one subtitle in the seed's lead lines: {found}"
    return found.pop() if found else None


def built_text(page: Path) -> str:
    """A built page as a reader's browser ends up showing it: with the blocks it loads
    later (book/later.py: a chapter's timeline, the timeline's table) put back."""
    return inline(page.read_text(encoding="utf-8"), page)
