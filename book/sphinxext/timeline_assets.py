"""The timelines' script and stylesheet, added to the pages that show a timeline only
(Sphinx's html-page-context hook), so other pages do not fetch them."""

from __future__ import annotations

from typing import Any


def add_to_page(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if 'class="prt-timeline"' in context.get("body", ""):
        app.add_js_file("timeline.js", defer="defer")
        app.add_css_file("timeline.css")
