"""The source registry: `make validate` rejects untrustworthy or stale sources, naming
file, line, entry and field, and the check date reaches the reader's pages."""

from __future__ import annotations

import re


from book.course import sources
from bookfiles import built_text


def test_the_check_date_is_shown_on_the_timelines(built):
    label = sources.checked_label()
    pages = [built / "timelines.html"] + sorted((built / "chapters").glob("*.html"))
    assert len(pages) == 5
    for page in pages:
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", built_text(page)))
        assert f"checked as of {label}" in text, page.name


