"""Cut the icon fonts down to the glyphs the book's pages draw.

The theme's Font Awesome solid font is 0.16 MB for some 1,400 icons; the pages draw
about a dozen (menu, search, colour mode, download). The same font, subset to those
glyphs, keeps every icon looking as it did and weighs a few kilobytes.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont


def cut_font(path: Path, codepoints: set[int]) -> None:
    """Rewrite ``path`` (.woff2 or .ttf) in place with only ``codepoints``' glyphs. The
    font keeps its own date (recalcTimestamp off): the same glyphs give the same bytes
    on every build, so what is made from the site (the handouts) is not remade."""
    font = TTFont(str(path), recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2" if path.suffix == ".woff2" else None
    options.layout_features = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    font.flavor = options.flavor
    font.save(str(path))
