"""A page's scripts fetched after its text, by one small deferred loader (static/after-text.js).

Why: every script of the book's pages is deferred (it runs once the page is parsed), but a
browser's preload scanner fetches each as soon as it reads its tag, so on a phone's link
the 100-250 KB of scripts share the line with the HTML and the stylesheets the first paint
waits for; Lighthouse's model of a slow phone counts them into the time of the largest
paint (4.4 s against a first paint of 3.2 s on the Tishreen chapter served plain). A page
names its scripts, in order, in the loader's ``data-src``; the loader appends them once
the document is parsed (``async = false`` keeps their order), before the load event, as
their own tags would have run them. Each of them waits for the document itself
(``document.readyState``), as Sphinx's, the theme's and the course's scripts do.

The search page's scripts hold the parser as Sphinx writes them (searchtools.js, the
0.2 MB search index): they are only deferred (``deferred``), in the same order, so the
first paint no longer waits for the index; they stay in tags of their own, in Sphinx's
order, with the search page's own script (search-summary.js) before searchtools.js.
"""

from __future__ import annotations

import re

LOADER = "after-text.js"
#: A deferred script with a src, not the loader itself.
_DEFERRED = re.compile(r'[ \t]*<script\b(?=[^>]*\bdefer\b)(?![^>]*\bdata-src=)[^>]*?\bsrc="([^"]+)"[^>]*>\s*</script>\n?')
_LOADER = re.compile(r'(<script defer src="[^"]*_static/' + re.escape(LOADER) + r'(?:\?[^"]*)?" data-src=")([^"]*)(">)')


def gather(markup: str, static: str, version: str) -> str:
    """Every deferred script tag of a page becomes a name in one loader, which takes the
    first tag's place. ``static`` is the page's way to ``_static/`` (``../_static/``);
    a script from another host stops the build (the book is offline)."""
    srcs = _DEFERRED.findall(markup)
    if not srcs:
        return markup
    foreign = [s for s in srcs if "//" in s]
    if foreign:
        raise ValueError(f"scripts from another host: {foreign}")
    first = _DEFERRED.search(markup)
    loader = f'<script defer src="{static}{LOADER}?v={version}" data-src="{" ".join(srcs)}"></script>\n'
    rest = _DEFERRED.sub("", markup[first.start():])
    return markup[:first.start()] + loader + rest


_BLOCKING = re.compile(r'<script\b(?![^>]*\b(?:defer|async)\b)(?![^>]*\btype=)([^>]*\bsrc="[^"]+"[^>]*)>')


def deferred(markup: str) -> str:
    """Every script with a src that would hold the parser, deferred (order kept)."""
    return _BLOCKING.sub(r"<script defer\1>", markup)


def sources(markup: str) -> list[str]:
    """The scripts a page's loader fetches, in order."""
    m = _LOADER.search(markup)
    return m.group(2).split() if m else []


def _listing(markup: str, m: re.Match[str], srcs: list[str]) -> str:
    """The page with its loader (found as ``m``) fetching ``srcs``."""
    return markup[:m.start(2)] + " ".join(srcs) + markup[m.end(2):]


def add(markup: str, srcs: list[str]) -> str:
    """The page fetches ``srcs`` too, after its own scripts (an edition made from the
    readers' pages adds its scripts, the room adds its own): in its loader's list, or, on
    a page without a loader (the search page, a pocket file), in deferred tags at the end
    of its body, after its own."""
    m = _LOADER.search(markup)
    if m is None:
        tags = "".join(f'<script defer src="{src}"></script>\n' for src in srcs)
        at = markup.rfind("</body>")
        return markup[:at] + tags + markup[at:] if at >= 0 else markup + tags
    return _listing(markup, m, m.group(2).split() + srcs)


def remove(markup: str, names: set[str]) -> str:
    """The page's loader no longer fetches the scripts of these file names."""
    m = _LOADER.search(markup)
    if m is None:
        return markup
    return _listing(markup, m, [s for s in m.group(2).split() if s.split("?")[0].rsplit("/", 1)[-1] not in names])
