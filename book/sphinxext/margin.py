"""Margin notes folded on a narrow screen, in the HTML (static/notes.js used to build this
at load, which moved the page after its first paint and cost a long task on a phone).

Before each run of consecutive margin notes a row of buttons, "+ Note: <title>", one per
note, each controlling its note by id. reader.css shows the row and hides the notes on a
narrow screen with scripts on (html[data-mode], set by the theme's first inline script);
wide screens, print and scripts off show the notes and no buttons. static/notes.js only
answers the buttons and, on a wide screen, shortens notes that would overrun the next.
"""

from __future__ import annotations

import html
import re

from ..course.strings import t, t_html

NOTE = re.compile(r'<aside class="(?P<cls>[^"]*\bmargin\b[^"]*)"(?P<rest>[^>]*)>')
#: The note's title; in a translated edition one still in English is marked (its class
#: prt-untranslated, lang="en"), and it is still the title.
TITLE = re.compile(r'\s*<p class="(?:[^"]*\s)?sidebar-title(?:\s[^"]*)?"[^>]*>(.*?)</p>', re.S)
TAGS = re.compile(r"<[^>]+>")


def _title(after: str) -> str:
    found = TITLE.match(after)
    return html.unescape(TAGS.sub("", found.group(1))).strip() if found else ""


def _button(nid: str, title: str) -> str:
    return (f'<button type="button" class="prt-note-marker" aria-expanded="false" aria-controls="{nid}">'
            # The title isolated: an English title on a right-to-left page keeps its order.
            f'<span aria-hidden="true">+</span> {t_html("note.marker", title=f"<bdi>{html.escape(title)}</bdi>")}</button>')


def fold_notes(body: str) -> str:
    """The page's body with an id on every margin note and its row of buttons before it."""
    runs: list[list[tuple[re.Match, str]]] = []
    end = -1
    for n, m in enumerate(NOTE.finditer(body)):
        found = re.search(r'\bid="([^"]+)"', m.group("rest"))
        nid = found.group(1) if found else f"prt-note-{n}"
        # A note right after another (only space between) joins its row of buttons.
        if runs and not body[end:m.start()].strip():
            runs[-1].append((m, nid))
        else:
            runs.append([(m, nid)])
        end = body.find("</aside>", m.end()) + len("</aside>")
    out, pos = [], 0
    for run in runs:
        out.append(body[pos:run[0][0].start()])
        out.append('<div class="prt-note-markers">' + "".join(
            _button(nid, _title(body[m.end():]) or t("note.untitled")) for m, nid in run) + "</div>\n")
        for i, (m, nid) in enumerate(run):
            if i:
                out.append(body[pos:m.start()])
            out.append(m.group(0) if f'id="{nid}"' in m.group(0)
                       else f'<aside class="{m.group("cls")}" id="{nid}"{m.group("rest")}>')
            pos = m.end()
    out.append(body[pos:])
    return "".join(out)
