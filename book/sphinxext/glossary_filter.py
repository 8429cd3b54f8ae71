"""The glossary page, filtered to one chapter's words.

The glossary holds every term of the course (about 130,000 px on a phone). A group
preparing one chapter wants that chapter's words: each entry carries a class per
chapter that links it (``prt-in-<chapter>``, added where "Where it appears" is filled
in), and ``static/glossary-filter.js`` shows a chapter's entries alone, from a menu or
from ``glossary.html?chapter=<chapter>`` (each chapter's "Words in this chapter" links
there). The control shows only with scripts on (reader.css, html[data-mode], set by the
theme's first inline script): its space is there from the first paint, so the list
below it never moves; with scripts off the whole glossary shows, as before.
"""

from __future__ import annotations

from html import escape
from typing import Mapping

from ..course.models import Article
from ..course.strings import t_text


def glossary_filter(articles: Mapping[str, Article], count: int | None = None) -> str:
    """The filter control's HTML: one option per chapter, in the course's order, and the
    count of the words shown (all ``count`` of them until a chapter is picked)."""
    options = "".join(f'<option value="{escape(key)}">{escape(a.short)}</option>'
                      for key, a in articles.items())
    return (
        '<form class="prt-glossary-filter">'
        f'<label for="prt-glossary-chapter">{t_text("glossary.filter_label")}</label> '
        f'<select id="prt-glossary-chapter"><option value="">{t_text("glossary.filter_all")}</option>'
        f"{options}</select> "
        '<span class="prt-glossary-count" role="status" aria-live="polite">'
        f'{t_text("glossary.count", n=count) if count is not None else ""}</span></form>'
    )
