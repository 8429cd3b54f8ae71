"""Each article's subtitle, as its seed gives it, stands under the chapter's title: on the
page, on the article handouts, in the pocket file and in the EPUB (issue 25: the
Solidarity essay's subtitle was in neither its chapter nor its handout).

A seed's subtitle is what its lead lines (the lines our attribution stands in for) hold
besides the title and the date line; the blog posts have none, the essay has one. A
standfirst inside the text (Tishreen's "Six Years On: ...") is the article's own first
heading, and the article-fidelity tests keep it (tests/test_book.py).
"""

from __future__ import annotations


import pytest

from book.course.load import course
from bookfiles import CHAPTERS, SEEDS, seed_subtitle

@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_data_gives_the_seeds_subtitle(chapter):
    if not SEEDS.exists():
        pytest.skip("../shared/seeds not beside this checkout")
    assert course().articles[chapter].subtitle == seed_subtitle(chapter)


def test_the_essay_has_its_subtitle():
    """The case issue 25 found, named, so that the seed reading above cannot lose it."""
    assert course().articles["solidarity"].subtitle == (
        "Strategies to unite workers beyond sectarian lines through shared struggle")


