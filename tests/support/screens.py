"""Screenshots of a built page as shipped and as it was before its stylesheets and icon
font were cut (book/sphinxext/lighten.py), for a pixel-for-pixel comparison.

The uncut files are kept in ``_build/html-uncut`` under the same paths; the "before"
browser context answers each request for one of them with the uncut file, so both
screenshots come from the same HTML, scripts and data. Used by
tests/test_lighter_pages.py (a sample) and bench/compare_pages.py (every page).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from PIL import Image, ImageChops

from stillness import STILL

#: These are our own screenshots, and a whole chapter on a laptop is 1280 x 48,000 px:
#: Pillow's guard against decompression bombs in untrusted files does not apply.
Image.MAX_IMAGE_PIXELS = None

PROFILES: dict[str, dict[str, Any]] = {
    "phone": dict(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                  device_scale_factor=1),
    "laptop": dict(viewport={"width": 1280, "height": 900}),
}
MODES = ("light", "dark")
#: After load or a tap: the fonts in, every block the page shows arrived (book/later.py:
#: a laptop's timeline loads just after the load event), the page still (stillness.STILL:
#: no transition running, the tapped element let go), the scripts' layout passes done
#: (notes, timeline).
ARRIVED = """(() => [...document.querySelectorAll('[data-later="shown"][data-later-src]')]
  .every(e => !e.checkVisibility()))"""
SETTLE = f"""document.fonts.ready.then(() => new Promise(done => {{
  const check = () => ({ARRIVED})() && ({STILL})() ? requestAnimationFrame(() => requestAnimationFrame(done)) : setTimeout(check, 50);
  check();
}}))"""


def uncut_root(site: Path) -> Path:
    return site.parent / "html-uncut"


#: What the cut changed: stylesheets, and the icon font (glyphs dropped, not redrawn).
SHEETS, FONTS = (".css",), (".woff2", ".ttf")


def _serve_uncut(site: Path, base: str, kinds: tuple[str, ...]):
    uncut = uncut_root(site)

    def handler(route: Any) -> None:
        path = unquote(urlparse(route.request.url).path)
        rel = path.removeprefix(urlparse(base).path.rstrip("/")).lstrip("/")
        file = uncut / rel
        if rel and file.suffix in kinds and file.is_file():
            route.fulfill(path=str(file))
        else:
            route.continue_()
    return handler


def shot(browser: Any, base: str, rel: str, profile: str, mode: str, uncut: Path | None = None,
         kinds: tuple[str, ...] = SHEETS + FONTS, action: Any = None, full_page: bool = True) -> Image.Image:
    """One screenshot of ``base/rel``; with ``uncut`` (the built site's folder), the files
    of ``kinds`` as they were before the cut. ``action(page)`` runs before the shot."""
    context = browser.new_context(**PROFILES[profile], color_scheme=mode, reduced_motion="reduce")
    context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    if uncut is not None:
        context.route("**/_static/**", _serve_uncut(uncut, base, kinds))
    try:
        page = context.new_page()
        page.goto(f"{base}/{rel}", wait_until="load")
        page.evaluate(SETTLE)
        if action is not None:
            action(page)
            page.evaluate(SETTLE)
        png = page.screenshot(full_page=full_page, animations="disabled", caret="hide")
    finally:
        context.close()

    return Image.open(BytesIO(png)).convert("RGB")


#: A channel difference a screen does not show: Chromium's rasterizer varies by one or
#: two levels between runs of the same page (measured: 1 of 255).
NOISE = 8


def difference(before: Image.Image, after: Image.Image) -> tuple[int, int, int, int] | None:
    """None when the two show the same (no pixel differs by more than NOISE); else the
    box where they differ (the whole of the larger, when their sizes differ)."""
    if before.size != after.size:
        return (0, 0, max(before.width, after.width), max(before.height, after.height))
    return ImageChops.difference(before, after).convert("L").point(lambda v: 255 if v > NOISE else 0).getbbox()


def save_pair(folder: Path, name: str, before: Image.Image, after: Image.Image) -> Path:
    """Both screenshots side by side, for a person to look at when they differ."""
    folder.mkdir(parents=True, exist_ok=True)
    both = Image.new("RGB", (before.width + after.width + 10, max(before.height, after.height)), "red")
    both.paste(before, (0, 0))
    both.paste(after, (before.width + 10, 0))
    path = folder / f"{name}.png"
    both.save(path)
    return path
