"""Links to other websites, marked as such on every page.

Glossary words, ¶ references and the course's own pages are internal links; sources
and further reading lead to other hosts. For a reader under surveillance a stray tap
on an outside link is a visible request to another site, so outside links differ in
look (course CSS: an arrow and a dotted underline) and in words for screen readers,
and they send no Referer naming the page the reader came from.
"""

from __future__ import annotations

import re

from ..course.strings import t_text

#: An anchor whose href leaves the book. Sphinx and our own outputs write href with
#: double quotes; JSON data blocks escape "<", so no match starts inside them.
OUTSIDE = re.compile(r'<a\b(?P<attrs>[^>]*?\bhref="https?://[^"]*"[^>]*)>(?P<text>.*?)</a>', re.S)
CLASS = re.compile(r'\bclass="([^"]*)"')


def _mark(match: re.Match[str]) -> str:
    attrs = match.group("attrs")
    if "prt-ext" in attrs:
        return match.group(0)
    if CLASS.search(attrs):
        attrs = CLASS.sub(lambda c: f'class="{c.group(1)} prt-ext"', attrs, count=1)
    else:
        attrs += ' class="prt-ext"'
    if "rel=" not in attrs:
        attrs += ' rel="noreferrer"'
    return f"<a{attrs}>{match.group('text')}<span class=\"prt-sr\">{t_text('nav.outside_link')}</span></a>"


def mark_outside_links(markup: str) -> str:
    """Every outside link in ``markup`` with the class ``prt-ext``, rel="noreferrer"
    and a visually hidden "(opens another website)"."""
    return OUTSIDE.sub(_mark, markup)
