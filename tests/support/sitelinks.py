"""Every internal link and #anchor of a built site resolves: a checker that runs in-process.

It replaced linkchecker, which as root drops to user "nobody": in a checkout "nobody"
cannot read (any `mktemp -d`), it ran without its settings and checked no anchor at all.
This one reads the files as the test process does, from any folder, and reports each
broken link with its page and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from book.later import inline
from urllib.parse import unquote, urlsplit

#: The attributes that make a page fetch or link to another file.
LINK_ATTRS = {
    "a": ("href", "xlink:href"),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "use": ("href", "xlink:href"),
}
#: Links that leave the site; the offline guard and the browser tests watch those.
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript", "ftp"}


@dataclass
class Page:
    """What one HTML file offers (its ids) and asks for (its links, with their lines)."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        self.page.ids.update(values[k] for k in ("id",) if k in values)
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        for attr in LINK_ATTRS.get(tag, ()):
            if values.get(attr):
                self.page.links.append((self.getpos()[0], values[attr]))


def read_page(path: Path) -> Page:
    reader = _Reader()
    # With the blocks the page loads later put back: their links are the page's links, and
    # later.js takes a link to an id inside one there.
    reader.feed(inline(path.read_text(encoding="utf-8", errors="replace"), path))
    reader.close()
    return reader.page


@dataclass
class Report:
    """The broken links found, and how much was checked (so a run that checked nothing shows)."""

    problems: list[str]
    links: int
    anchors: int


def check_site(root: Path) -> Report:
    """Check every internal link of every page under ``root``, anchors included.

    ``_static/`` holds the themes' Jinja fragments (``*.html`` that no reader opens);
    files there are checked as targets, not as pages.
    """
    root = root.resolve()
    pages: dict[Path, Page] = {
        p: read_page(p) for p in sorted(root.rglob("*.html")) if "_static" not in p.relative_to(root).parts
    }
    problems, links, anchors = [], 0, 0
    for path, page in pages.items():
        for line, url in page.links:
            parts = urlsplit(url)
            if parts.scheme in EXTERNAL_SCHEMES or parts.netloc:
                continue
            links += 1
            where = f"{path.relative_to(root)}:{line}: {url}"
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(root):
                problems.append(f"{where}: leaves the site")
            elif not target.is_file():
                problems.append(f"{where}: no such file")
            elif parts.fragment and target.suffix == ".html":
                anchors += 1
                ids = pages[target].ids if target in pages else read_page(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: no id {unquote(parts.fragment)!r} in {target.relative_to(root)}")
    return Report(problems, links, anchors)
