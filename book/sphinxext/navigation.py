"""The site menu and the in-page contents, made to open by touch, mouse and keyboard.

pydata-sphinx-theme 0.17.1 (pinned exactly by sphinx-book-theme 1.3.0) binds its menu
and contents handlers with ``document.querySelector(".primary-toggle")`` and
``".secondary-toggle"``. Under sphinx-book-theme the first match is a copy of each
button in the site header that is never displayed, so the visible buttons in the
article header did nothing (upstream: pydata-sphinx-theme #2451). Removing the hidden
copies from the header makes the theme's own code bind the buttons readers see; no
second menu is written here.
"""

from __future__ import annotations

import re

#: The two toggles pydata-sphinx-theme writes into the site header (sections/header.html).
HIDDEN_TOGGLES = re.compile(
    r'\s*<button class="pst-navbar-icon sidebar-toggle (?:primary|secondary)-toggle"[^>]*>'
    r'.*?</button>',
    re.S,
)


def without_hidden_toggles(markup: str) -> str:
    """A template filter (templates/layout.html, block docs_navbar): the header minus
    the undisplayed toggles that captured the theme's click handlers."""
    cleaned, count = HIDDEN_TOGGLES.subn("", markup)
    if count and "sidebar-toggle" in cleaned:
        raise ValueError("a sidebar toggle is left in the site header: the theme changed")
    return cleaned


#: sphinx-book-theme's "print to PDF" button carries an inline handler. Inline handlers
#: need 'unsafe-hashes' in the pages' Content-Security-Policy, and the search page
#: (which parses other pages for its snippets) reported every one it met as a
#: violation. The button gets a data attribute instead; static/nav.js binds it.
INLINE_PRINT = re.compile(r'\sonclick="window\.print\(\)"')


def without_inline_print(markup: str) -> str:
    """A template filter (templates/layout.html, block docs_main): the print button
    without its inline handler."""
    return INLINE_PRINT.sub(' data-prt-print=""', markup)
