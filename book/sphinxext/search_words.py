"""The words of generated HTML, one by one in the search index.

Sphinx indexes a raw HTML node (the timelines, the exercises, a notebook's HTML output) by
removing its tags, without leaving a space where one was: the words of two table cells,
two list items or two marks' names became one word. The English index held 962 such
words of ten letters or more ("constitutionfujimori", "baghdadprotests", "abroadchoose"),
so a word that stood only in a cell, a card or an option could not be found.

Before a page is written and indexed, a line break goes after each closing tag of an
element that starts a line of its own (a cell, a row, a paragraph, a heading, a list
item, a block, a form control's label, an option, a caption, an SVG name or label), and
before each ``<br>``, in every raw HTML node. Between such elements a line break draws
nothing (the course's labels are blocks or grid cells), so the page looks the same.
Inside a script or a style (where a JSON string may hold a closing tag), preformatted
text and a text box, nothing is touched. Buttons side by side are kept apart where they
are made (the timeline's view buttons, flex items). Left glued: a two-line SVG label's
lines (a break before its ``<tspan>`` would move an end-anchored label).
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: Closing tags after which a line break is whitespace the layout drops.
ENDS = re.compile(r"(</(?:td|th|tr|thead|tbody|table|caption|p|h[1-6]|li|ul|ol|dl|dt|dd|div|section|fieldset|legend"
                  r"|figure|figcaption|details|summary|blockquote|form|label|option|title|text)>)(?!\n)", re.IGNORECASE)
#: A line break, after which the next words start a line: a line break before it is
#: whitespace at a line's end, which the layout drops.
BREAK = re.compile(r"(?<!\n)(<br\s*/?>)", re.IGNORECASE)
#: What is never touched: a script's or a style's text, preformatted text, a text box's.
KEPT = re.compile(r"(<(script|style|pre|textarea)\b.*?</\2>)", re.IGNORECASE | re.DOTALL)


def spaced(markup: str) -> str:
    """``markup`` with a line break after each closing tag in ENDS and before each
    ``<br>``, outside what KEPT keeps."""
    pieces = KEPT.split(markup)
    # split() with two groups yields: text, whole kept block, its tag name, text, ...
    return "".join(BREAK.sub(r"\n\1", ENDS.sub(r"\1\n", piece)) if i % 3 == 0 else piece if i % 3 == 1 else ""
                   for i, piece in enumerate(pieces))


def _spaced_raw(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in doctree.findall(nodes.raw):
        if "html" in node.get("format", "").split() and node.children:
            text = node.astext()
            new = spaced(text)
            if new != text:
                node[0] = nodes.Text(new)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-resolved", _spaced_raw)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
