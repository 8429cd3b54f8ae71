"""`make validate` catches what no single model sees, and says where.

Each test plants one fault in a scratch copy of the book (its pages and its data), runs
the command `make validate` runs, and reads the message an editor would read: file,
line, entry and field. Lines are found in the copy, not written into the tests, so the
tests keep working while the data grows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from book.course.paragraphs import articles, same_words
from bookfiles import built_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("chapter", ["tishreen", "solidarity", "peru", "world-situation"])
def test_paragraph_count_matches_the_built_page(built, chapter):
    """The count `make validate` uses is the numbering the build gives the article."""
    soup = BeautifulSoup(built_text(built / "chapters" / f"{chapter}.html"), "html.parser")
    marks = [a["href"] for a in soup.select("a.prt-pnum")]
    assert marks == [f"#p{n}" for n in range(1, len(marks) + 1)]
    assert len(articles(ROOT)[chapter].paragraphs) == len(marks)


@pytest.mark.parametrize("chapter", ["tishreen", "solidarity", "peru", "world-situation"])
def test_every_paragraph_reads_as_the_paragraph_model_says(built, chapter):
    """The words an exercise shows for ¶n (book.course.paragraphs) are ¶n's on the page."""
    soup = BeautifulSoup(built_text(built / "chapters" / f"{chapter}.html"), "html.parser")
    model = articles(ROOT)[chapter]
    for block in soup.select(".prt-para[id^=p]"):
        for ours in block.select("a.prt-pnum, button, .prt-sr"):
            ours.decompose()
        assert same_words(block.get_text(""), model.get(block["id"]).text), block["id"]
