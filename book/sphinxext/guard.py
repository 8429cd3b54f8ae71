"""The offline guard and the pages' Content-Security-Policy, applied to the built site.

The book must work offline and contact no other host: after every build each page and
stylesheet is searched for a reference to another host, and the build fails on one.
Each page gets a policy allowing only the book's own files and, by exact hash, the
inline scripts the toolchain wrote. The notebooks' saved widget state, dead weight in
a static page, is dropped here too.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..course.assets import PLOTLY_STATIC, plotly_js_path
from ..later import inline
from .config import sphinx_pages

EXTERNAL = re.compile(
    r"<(script|link|img|iframe|source|video|audio|embed|object|track)\b[^>]*?\b(src|href|data|srcset|poster)"
    r"\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)
CSS_EXTERNAL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])((?:https?:)?//[^\"')\s]+)", re.IGNORECASE)


def external_references(outdir: Path) -> list[str]:
    """Every place a built page or stylesheet would make the browser contact another host."""
    found = []
    for page in sorted(outdir.rglob("*.html")):
        for m in EXTERNAL.finditer(inline(page.read_text(encoding="utf-8", errors="replace"), page)):
            found.append(f"{page.relative_to(outdir)}: <{m.group(1)} {m.group(2)}={m.group(3)}>")
    for sheet in sorted(outdir.rglob("*.css")):
        for m in CSS_EXTERNAL.finditer(sheet.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{sheet.relative_to(outdir)}: {m.group(1)}")
    return found


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
HANDLER = re.compile(r"\son[a-z]+=\"([^\"]*)\"", re.I)
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.I)
JS_TYPES = ("", "text/javascript", "module", "application/javascript")

WIDGET_STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>\s*', re.S)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(page: str) -> str:
    """A policy allowing only the book's own files, plus this page's own inline scripts by hash.

    Inline scripts come from the toolchain (the theme's colour-mode switch and the
    like); each is allowed by its exact hash, so nothing injected later runs.
    Styles may be inline because plotly draws with them.
    """
    hashes = []
    for attrs, body in INLINE_SCRIPT.findall(page):
        kind = re.search(r"\btype=[\"']?([^\"'\s>]+)", attrs)
        if (kind.group(1).lower() if kind else "") in JS_TYPES:
            hashes.append(_sha256(body))
    handlers = sorted({_sha256(html.unescape(h)) for h in HANDLER.findall(page)})
    script = " ".join(["'self'", *sorted(set(hashes)), *(["'unsafe-hashes'", *handlers] if handlers else [])])
    return (
        f"default-src 'self'; script-src {script}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-src 'none'; worker-src 'self' blob:"
    )

def apply_csp(outdir: Path) -> int:
    """Write the policy into every page the build wrote (idempotent: an older one is
    replaced); the saved widget state goes at the same time. The pocket files keep their
    own, stricter policy."""
    count = 0
    for path in sphinx_pages(outdir):
        page = WIDGET_STATE.sub("", CSP_META.sub("", path.read_text(encoding="utf-8")))
        meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(page)}">\n'
        page, n = re.subn(r"(<head[^>]*>\s*)", lambda m, meta=meta: m.group(1) + meta, page, count=1)
        if n:
            path.write_text(page, encoding="utf-8")
            count += 1
    return count


def _finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    src = plotly_js_path()
    dest = outdir / "_static" / PLOTLY_STATIC
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not dest.exists() or dest.stat().st_size != src.stat().st_size:
        shutil.copyfile(src, dest)
    apply_csp(outdir)
    found = external_references(outdir)
    if found:
        raise ExtensionError(
            "offline guard: built pages reference other hosts (the book must work offline):\n  "
            + "\n  ".join(found[:50])
        )


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _finished)
