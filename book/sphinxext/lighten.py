"""Lighter pages: the theme's stylesheets and icon font cut to what the built pages use.

Every page blocked its first paint on 0.55 MB of stylesheets (Bootstrap, Font Awesome,
the extensions' rules) of which it uses a fifth, and drew a dozen icons from a 0.16 MB
font. At the end of each build (after the offline guard has read every stylesheet) this step
gathers what the pages can show, the classes, ids and elements in every built page and
in the string literals of every script they load or the course ships, and keeps only
the rules that can match (book/csspurge.py) and only the glyphs still drawn
(book/iconfont.py).

The theme's and extensions' stylesheets, which open every page's head in the same order
(THEME_SHEETS), are served as one file (BUNDLE): on a phone link each wave of six
requests costs a round trip before the first paint, and the theme's ``@import`` of
basic.css cost one more. A template filter puts the one link in their place (and drops
the theme's script preloads); its query
is the book's fingerprint, which changes whenever the code or data does (a chapter that
starts using a theme class the others never used keeps the cached file until then).

Nothing else holds the first paint back or shares the link with what it waits for: every
script of a page, the theme's two (97 KB) and the course's, is fetched by a small deferred
loader once the text is in (``page_scripts``, book/scripts_after.py),
``documentation_options.js`` is written into each page, and the colour scheme is settled
in the head (SETTLE_THEME), which
the theme's own script did only when it ran.

The course's own stylesheets are left as written. The uncut files are kept beside the
site in ``<outdir>/../html-uncut/`` (never shipped), so a test can show the same pages
with the full stylesheets and compare them pixel for pixel.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..csspurge import Used, cut, icon_codepoints, used_properties, without_properties
from ..iconfont import cut_font
from ..later import inline
from ..scripts_after import deferred, gather, sources
from .config import sphinx_pages
from .pages import KINDS_SCRIPT, STATIC_DIR
from .rebuild import fingerprint

_CLASS = re.compile(r'\bclass="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')
_TAG = re.compile(r"<([a-zA-Z][\w-]*)")
_SHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"?#]+)|'
                    r'<link\b[^>]*\bhref="([^"?#]+)[^>]*\brel="stylesheet"')
_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="([^"?#]+)')
_LITERAL = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_PROPERTY = re.compile(r"--[A-Za-z][\w-]*")
_IMPORT = re.compile(r'@import\s+(?:url\()?["\']([^"\')]+)["\']\)?\s*;')
#: The stylesheets every page links first, in this order (paths under _static/; the last
#: is MyST-NB's, named by its hash). Pinned versions keep them; a change fails the build.
THEME_SHEETS = ("styles/theme.css", "styles/pydata-sphinx-theme.css", "pygments.css",
                "styles/sphinx-book-theme.css", "togglebutton.css", "copybutton.css", "mystnb.")
BUNDLE = "styles/theme-cut.css"
_HEAD_SHEET = re.compile(r'\s*<link\b[^>]*\bhref="([^"]*?)_static/([^"?]+)[^"]*"[^>]*>')
_PRELOAD = re.compile(r'\s*<link\b[^>]*\brel="preload"[^>]*\bas="script"[^>]*>')
_URL = re.compile(r'url\(\s*(["\']?)(?!data:|[a-z]+://|/|#)([^"\')]+)\1\s*\)')
#: Extension files a page needs only when its body has the extension's mark: sphinx-design's
#: stylesheet (one more request before first paint) and tabs script, the copy button's two
#: scripts (18 KB) on pages without code.
EXTENSION_ASSETS = {"sphinx-design.min.css": 'class="sd-', "design-tabs.js": 'class="sd-',
                    "copybutton.js": 'class="highlight', "clipboard.min.js": 'class="highlight'}
#: The colour scheme settled before the first paint. The theme's head script sets
#: ``data-theme`` to the stored choice or "auto", and only its own script (fetched after the
#: text, book/scripts_after.py) turns "auto" into "dark" or "light": until then a reader whose phone
#: prefers dark saw the light page, which then flashed dark. This does what that script
#: does first (pydata-sphinx-theme 0.17.1's mode setter), in the head.
SETTLE_THEME = ('<script>(function (d) { if (d.dataset.theme !== "dark" && d.dataset.theme !== "light") {'
                ' var m = d.dataset.mode; d.dataset.theme = m === "dark" || m === "light" ? m :'
                ' (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"); } })(document.documentElement);'
                '</script>')
_OPTIONS = re.compile(r'<script src="[^"]*_static/documentation_options\.js(?:\?[^"]*)?"></script>')
#: Font Awesome's fonts, the theme's only icon fonts.
ICON_FONT = re.compile(r"^fa-[a-z]+-\d+\.(?:woff2|ttf)$")


def _local(page: Path, ref: str, outdir: Path) -> Path | None:
    """The site's file a page's relative reference points at (None for other places)."""
    if "://" in ref or ref.startswith(("//", "data:")):
        return None
    target = Path(urljoin(page.as_uri(), ref).removeprefix("file://"))
    return target if outdir in target.parents else None


def _scan(outdir: Path) -> tuple[Used, set[Path]]:
    """What the pages and their scripts can show, and the stylesheets (not the course's
    own) the pages link."""
    used, sheets, scripts = Used(), set(), set()
    for page in sphinx_pages(outdir):
        text = inline(page.read_text(encoding="utf-8", errors="replace"), page)  # its later blocks too
        for names in _CLASS.findall(text):
            used.classes.update(names.split())
        used.ids.update(_ID.findall(text))
        used.tags.update(tag.lower() for tag in _TAG.findall(text))
        used.properties.update(_PROPERTY.findall(text))
        for pair in _SHEET.findall(text):
            if (sheet := _local(page, pair[0] or pair[1], outdir)) is not None:
                sheets.add(sheet)
        scripts.update(s for ref in _SCRIPT.findall(text) + sources(text) if (s := _local(page, ref, outdir)))
    scripts.update(outdir / "_static" / js.name for js in STATIC_DIR.glob("*.js"))
    scripts.add(outdir / "_static" / KINDS_SCRIPT)
    for script in scripts:
        if script.is_file():
            for literal in _LITERAL.findall(script.read_text(encoding="utf-8", errors="replace")):
                words = _WORD.findall(literal)
                used.classes.update(words)
                used.ids.update(words)
                used.tags.update(w.lower() for w in words)
                used.properties.update(_PROPERTY.findall(literal))
    own = {f.name for f in STATIC_DIR.glob("*.css")}
    return used, {s for s in sheets if s.name not in own}


def _inline_imports(sheet: Path, text: str) -> str:
    """The stylesheet with each local ``@import`` replaced by the imported file's text."""
    def inline(m: re.Match[str]) -> str:
        target = (sheet.parent / m.group(1)).resolve()
        if not target.is_file():
            return m.group(0)
        return _rebased(target.read_text(encoding="utf-8"), target, sheet)
    return _IMPORT.sub(inline, text)


def lighter_head(markup: str, version: str) -> str:
    """A template filter (the head's ``css`` block): the THEME_SHEETS links become one link
    to BUNDLE (``?v=version``) after SETTLE_THEME, and the script preloads go. The theme preloads its two deferred scripts
    (97 KB), which then share a slow link with the stylesheets first paint waits for
    (0.3 s of 1.8 s at 1.6 Mbps); their own script tags still load them, after the text."""
    markup = _PRELOAD.sub("", markup)
    links = [m for m in _HEAD_SHEET.finditer(markup) if 'rel="stylesheet"' in m.group(0)]
    names = [m.group(2) for m in links[:len(THEME_SHEETS)]]
    if len(names) < len(THEME_SHEETS) or not all(n.startswith(t) for n, t in zip(names, THEME_SHEETS)):
        raise ExtensionError(f"book/sphinxext/lighten.py: the theme's first stylesheets are now {names}, "
                             f"not {list(THEME_SHEETS)}: update THEME_SHEETS")
    first, last = links[0], links[len(THEME_SHEETS) - 1]
    one = f'\n{SETTLE_THEME}\n<link rel="stylesheet" href="{first.group(1)}_static/{BUNDLE}?v={version}" />'
    return markup[:first.start()] + one + markup[last.end():]


def page_scripts(outdir: Path, version: str) -> None:
    """Each page's scripts after its text: ``documentation_options.js`` (0.3 KB, the only
    script that still held the parser) written into the page in place of its link, one
    request less before the first paint; every deferred script fetched by one loader once
    the text is in (book/scripts_after.py), not beside the HTML and stylesheets. Before the
    offline guard, which allows each page's inline scripts by their hash."""
    options = outdir / "_static" / "documentation_options.js"
    written = "<script>" + options.read_text(encoding="utf-8").strip() + "</script>" if options.is_file() else ""
    for page in sphinx_pages(outdir):
        text = before = page.read_text(encoding="utf-8")
        if written and _OPTIONS.search(text):
            text = _OPTIONS.sub(lambda _: written, text, count=1)
        if page.name == "search.html":
            # Sphinx writes its search's scripts to hold the parser; deferred, they keep
            # their order (search-summary.js before searchtools.js, whose fetches it cleans).
            text = deferred(text)
        else:
            static = "../" * (len(page.relative_to(outdir).parts) - 1) + "_static/"
            text = gather(text, static, version)
        if text != before:
            page.write_text(text, encoding="utf-8")


def _rebased(text: str, sheet: Path, bundle: Path) -> str:
    """A stylesheet's relative ``url()``s, pointing at the same files from ``bundle``'s folder."""
    def rebase(m: re.Match[str]) -> str:
        target = os.path.relpath((sheet.parent / m.group(2)).resolve(), bundle.parent.resolve())
        return f'url({m.group(1)}{Path(target).as_posix()}{m.group(1)})'
    return _URL.sub(rebase, text)


def _bundle_source(static: Path) -> str:
    """THEME_SHEETS as one stylesheet in BUNDLE's folder, in their order, imports inlined."""
    parts = []
    for name in THEME_SHEETS:
        sheet = next(iter(sorted(static.glob(name + ("*.css" if name.endswith(".") else "")))), None)
        if sheet is None:
            raise ExtensionError(f"book/sphinxext/lighten.py: no _static/{name} to bundle")
        parts.append(_rebased(_inline_imports(sheet, sheet.read_text(encoding="utf-8")), sheet, static / BUNDLE))
    return "\n".join(parts)


def lighten(outdir: Path) -> dict[str, tuple[int, int]]:
    """Cut the linked stylesheets and the icon fonts in ``outdir``; keep the uncut copies
    in ``<outdir>/../html-uncut``. Returns each file's (bytes before, bytes after)."""
    uncut = outdir.parent / "html-uncut"
    used, sheets = _scan(outdir)
    sizes: dict[str, tuple[int, int]] = {}
    codepoints: set[int] = set()
    if (outdir / "_static" / BUNDLE) in sheets:  # the theme's layout, with the filter
        (outdir / "_static" / BUNDLE).write_text(_bundle_source(outdir / "_static"), encoding="utf-8")
    cut_sheets = {sheet: cut(_inline_imports(sheet, sheet.read_text(encoding="utf-8")), used)
                  for sheet in sorted(sheets) if sheet.is_file()}
    own = [css.read_text(encoding="utf-8") for css in STATIC_DIR.glob("*.css")]
    keep = used_properties([*cut_sheets.values(), *own], used.properties)
    for sheet, text in cut_sheets.items():
        rel = sheet.relative_to(outdir)
        (uncut / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(sheet, uncut / rel)
        smaller = without_properties(text, keep)
        codepoints |= icon_codepoints(smaller)
        sizes[rel.as_posix()] = (sheet.stat().st_size, len(smaller.encode()))
        sheet.write_text(smaller, encoding="utf-8")
    for font in sorted(outdir.glob("_static/**/*")):
        if ICON_FONT.match(font.name) and codepoints:
            rel = font.relative_to(outdir)
            (uncut / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(font, uncut / rel)
            before = font.stat().st_size
            cut_font(font, codepoints)
            sizes[rel.as_posix()] = (before, font.stat().st_size)
    return sizes


def _finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html" and app.config.prt_lighten:
        lighten(Path(app.outdir))


def _page_scripts(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html" and app.config.prt_lighten:
        page_scripts(Path(app.outdir), fingerprint()[:12])


def _unused_extension_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Drop EXTENSION_ASSETS from a page whose body lacks their mark (this page only: Sphinx
    restores its lists before the next page)."""
    if not app.config.prt_lighten:
        return
    body = context.get("body", "")
    unused = {name for name, mark in EXTENSION_ASSETS.items() if mark not in body}
    for key in ("css_files", "script_files"):
        if isinstance(context.get(key), list):
            context[key][:] = [f for f in context[key]
                               if str(getattr(f, "filename", f)).rsplit("/", 1)[-1] not in unused]


def _filter(app: Sphinx) -> None:
    if hasattr(app.builder, "templates"):
        version = fingerprint()[:12]  # once per build: it hashes every file of book/
        filters = app.builder.templates.environment.filters
        same = lambda markup: markup  # noqa: E731
        filters["prt_lighter_head"] = (lambda markup: lighter_head(markup, version)) if app.config.prt_lighten else same


def setup(app: Sphinx) -> None:
    # Off only for `make bench`, which builds the book as it was, to measure beside it.
    app.add_config_value("prt_lighten", True, "html", [bool])
    app.connect("builder-inited", _filter)
    app.connect("html-page-context", _unused_extension_assets)
    # After MyST-NB copies its stylesheet and the offline guard reads every stylesheet
    # (both at 500): the bundle holds only text the guard has read.
    app.connect("build-finished", _finished, priority=600)
    # Before the guard writes each page's policy with its inline scripts' hashes.
    app.connect("build-finished", _page_scripts, priority=450)
