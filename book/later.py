"""Blocks a page loads later: the heavy parts a phone may never show, kept out of its HTML.

Why: a browser draws nothing until it has the page's HTML, and a laptop serving the book
with ``python -m http.server`` sends it uncompressed. A chapter's folded timeline (its
chart, its cards, its table and the data of its interactive chart) was half of the
chapter's 0.5 MB; the timelines page carried a table no phone shows and chart data only
the "Interactive chart" button reads. On a phone's link that is seconds before the first
word.

A page marks such an element ``data-later="shown"`` (load it when it is displayed: a
folded block when opened, at once where a wide screen shows it unfolded; the table,
which a phone's stylesheet hides, on wide screens only) or ``data-later="asked"`` (when
a script asks for it: the chart's data). After the build, ``cut`` moves the element's
content into a script of its own, ``_static/later/<page>--<id>.js``, which hands it
back through ``PRT.later.put(id, html)`` (static/later.js); the element keeps its tag,
its attributes and its place, so the page's layout and its ids outside the block stay
as they were. A classic script because it loads from ``file://``, where ``fetch``
cannot. ``inline`` puts the content back, for whatever reads a built page whole: the
paper, pocket and EPUB editions, the offline guard, the stylesheet cut, the tests.

A block inside another (the table inside a chapter's folded timeline) is cut first, so
the outer block's script carries the inner one's empty element and loading stays lazy
all the way down. Many small blocks that are wanted together (the timeline's cards of
the years its first view does not show) name one ``data-later-group``: they share one
script, one request, which fills them all.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

#: The folder of the blocks' scripts, in a built site.
FOLDER = Path("_static") / "later"
_PUT = re.compile(r'^PRT\.later\.put\((".*?(?<!\\)"), (".*")\);$')
_SRC = re.compile(r'\sdata-later-src="([^"?]+)(?:\?[^"]*)?"')
_ID = re.compile(r'\sid="([^"]*)"')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}


class _Elements(HTMLParser):
    """Every element's start tag and content span, as offsets into the markup."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        # Line starts as the parser counts lines (at "\n" only, not at every break
        # str.splitlines knows).
        self._lines = [0] + [m.end() for m in re.finditer("\n", markup)]
        self._open: list[tuple[str, int, int, dict[str, str | None]]] = []
        #: (tag, start of its start tag, start of its content, end of its content, attributes)
        self.spans: list[tuple[str, int, int, int, dict[str, str | None]]] = []
        self.feed(markup)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        start = self._offset()
        self._open.append((tag, start, start + len(self.get_starttag_text() or ""), dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the nearest open element of this name (HTML's implied ends, such as
        # an unclosed <p>, close with it).
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                name, start, content, attrs = self._open[depth]
                del self._open[depth:]
                self.spans.append((name, start, content, self._offset(), attrs))
                return


def _blocks(markup: str) -> list[tuple[int, int, dict[str, str | None]]]:
    """The marked elements still holding their content: (content start, end, attributes)."""
    return [(content, end, attrs) for _, _, content, end, attrs in _Elements(markup).spans
            if attrs.get("data-later") and "data-later-src" not in attrs and markup[content:end].strip()]


def script_name(page: str, block_id: str) -> str:
    """The block's script, named by its page (``chapters/tishreen``) and its id."""
    return f"{page.replace('/', '-')}--{block_id}.js"


def cut(markup: str, page: str, depth: int) -> tuple[str, dict[str, str]]:
    """The page with its marked blocks emptied, and each block's script by file name.

    ``page`` is the page's name (``chapters/tishreen``), ``depth`` how many folders it
    sits below the site's root: the scripts are linked relative to it, so the site still
    opens from ``file://``. Innermost blocks first; the blocks of one group share a
    script (one ``PRT.later.put`` line each). An element marked without an id, or a group
    with a member that holds a block of its own (it would be cut a round after the
    others, into a second script), is a mistake in the page's maker and stops the
    build with the page's name."""
    scripts: dict[str, str] = {}
    while 'data-later="' in markup:
        blocks = _blocks(markup)
        inner = [b for b in blocks if not any(o is not b and b[0] <= o[0] and o[1] <= b[1] for o in blocks)]
        if not inner:
            return markup, scripts
        files: dict[str, list[tuple[int, int, str]]] = {}
        for content, end, attrs in inner:
            block_id = attrs.get("id")
            if not block_id:
                raise ValueError(f"{page}: an element marked data-later has no id: {markup[content - 200:content]!r}")
            files.setdefault(script_name(page, attrs.get("data-later-group") or block_id), []).append(
                (content, end, block_id))
        cuts = []
        for name, members in files.items():
            if name in scripts:
                raise ValueError(f"{page}: the later blocks of {name} sit at different depths")
            scripts[name] = "".join(f"PRT.later.put({json.dumps(block_id)}, "
                                    f"{json.dumps(markup[content:end], ensure_ascii=False)});\n"
                                    for content, end, block_id in sorted(members))
            version = hashlib.sha256(scripts[name].encode()).hexdigest()[:10]
            src = f' data-later-src="{"../" * depth}{FOLDER.as_posix()}/{name}?v={version}"'
            cuts += [(content, end, src) for content, end, _ in members]
        for content, end, src in sorted(cuts, reverse=True):
            start_tag_end = markup.rfind(">", 0, content)
            markup = markup[:start_tag_end] + src + markup[start_tag_end:content] + markup[end:]
    return markup, scripts


def cut_page(page: Path, outdir: Path) -> int:
    """Cut a built page's marked blocks in place, writing their scripts; how many."""
    rel = page.relative_to(outdir)
    markup, scripts = cut(page.read_text(encoding="utf-8"), rel.with_suffix("").as_posix(), len(rel.parts) - 1)
    if scripts:
        folder = outdir / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in scripts.items():
            (folder / name).write_text(text, encoding="utf-8")
        page.write_text(markup, encoding="utf-8")
    return len(scripts)


def inline(markup: str, page: Path) -> str:
    """A built page with its later blocks' content put back (outer blocks first, then the
    blocks their content holds), as a browser shows it once everything is loaded."""
    read: dict[Path, dict[str, str]] = {}
    while (m := _SRC.search(markup)) is not None:
        script = (page.parent / m.group(1)).resolve()
        if script not in read:
            # One line a block; split at "\n" alone (a block may hold U+2028, a line
            # break to str.splitlines, that JSON leaves as it is).
            lines = script.read_text(encoding="utf-8").rstrip("\n").split("\n")
            puts = [_PUT.match(line) for line in lines]
            if not lines or None in puts:
                raise ValueError(f"{script}: not a later block's script (PRT.later.put(id, html))")
            read[script] = {json.loads(p.group(1)): json.loads(p.group(2)) for p in puts if p}
        start_tag = markup[markup.rfind("<", 0, m.start()):m.start()]
        block_id = _ID.search(start_tag)
        body = read[script].get(block_id.group(1)) if block_id else None
        if body is None:
            raise ValueError(f"{script}: holds no block for {start_tag}>")
        start_tag_end = markup.index(">", m.end())
        close = markup.index("</", start_tag_end)
        markup = markup[:m.start()] + markup[m.end():start_tag_end + 1] + body + markup[close:]
    return markup
