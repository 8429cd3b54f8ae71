"""Arabic that copies out of the PDF as the letters it prints.

A PDF reader finds a glyph's text in its font's ToUnicode map, one entry per glyph.
WeasyPrint writes that map from the shaped runs, giving a cluster's text to one of its
glyphs, the first time it meets the glyph (Kozea/WeasyPrint#2841, open). In Arabic a
cluster is often a letter and its vowel mark, drawn as two glyphs: the letter's glyph got
nothing and the mark's the pair, so in the Arabic handouts أُعدّ copied out as ُأعدّ, then
every later damma as "damma and alef" (تُرجمت as تُأرجمت), and بدأ as بد.

A glyph that the font's own cmap gives for one Arabic character is that character
wherever it is drawn, so its entry is set to that character, from the embedded font's
cmap. A glyph the cmap does not name (a ligature, a stacked form, a positional form),
names only by a presentation form, or names for several characters keeps the entry
WeasyPrint wrote; so does every glyph outside Arabic. A document whose every entry
already agrees is not rewritten (render.copy_out_as_printed appends an update only on a change).
"""

from __future__ import annotations

import io
import re

#: An entry of a bfchar block: ``<0007> <0623>``, or with no text, ``<0007> <>``.
ENTRY = re.compile(rb"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]*)>")


#: Arabic, Arabic Supplement, Arabic Extended-A: not the presentation forms (U+FB50-U+FDFF,
#: U+FE70-U+FEFF, the positional forms and lam-alef), which a reader should never get.
ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF))


def _cmap_of(font: object) -> dict[int, int]:
    """The embedded font's glyph id -> its one Arabic character (أ's glyph is also the
    cmap's for its isolated presentation form, which does not count): a glyph the cmap
    gives for several Arabic characters is ambiguous and left out, and so is any glyph
    outside Arabic, whose entries WeasyPrint writes right."""
    from fontTools.ttLib import TTFont

    descendant = font["/DescendantFonts"][0].get_object()
    descriptor = descendant["/FontDescriptor"].get_object()
    if "/FontFile2" not in descriptor:
        return {}
    tt = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
    chars: dict[int, set[int]] = {}
    for table in tt["cmap"].tables:
        if table.isUnicode():
            for char, glyph in table.cmap.items():
                if any(low <= char <= high for low, high in ARABIC):
                    chars.setdefault(tt.getGlyphID(glyph), set()).add(char)
    return {gid: found.pop() for gid, found in chars.items() if len(found) == 1}


def _remapped(data: bytes, reverse: dict[int, int]) -> tuple[bytes, int]:
    """The map with each glyph the cmap names by one Arabic character given that
    character; how many entries changed."""
    count = 0

    def remap(m: re.Match[bytes]) -> bytes:
        nonlocal count
        char = reverse.get(int(m.group(1), 16))
        if char is None or m.group(2).lower() == b"%04x" % char:
            return m.group(0)
        count += 1
        return b"<%s> <%04x>" % (m.group(1), char)

    return ENTRY.sub(remap, data), count


def page_maps(page: object) -> dict[bytes, dict[bytes, bytes]]:
    """Font resource name -> glyph id -> its text (both hex, lower case), for each of
    ``page``'s fonts with a ToUnicode map: what a reader copies out for each glyph."""
    maps = {}
    for name, ref in (page.get("/Resources", {}).get("/Font") or {}).items():
        font = ref.get_object()
        if "/ToUnicode" in font:
            data = font["/ToUnicode"].get_object().get_data()
            maps[name.encode()] = {g.lower(): text.lower() for g, text in ENTRY.findall(data)}
    return maps


def _fonts(pages: object) -> list:
    """Each composite font with a ToUnicode map that the pages use, once."""
    found: dict[int, object] = {}
    for page in pages:
        for ref in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = ref.get_object()
            if "/ToUnicode" in font and "/DescendantFonts" in font:
                found.setdefault(id(font), font)
    return list(found.values())


def fill_maps(writer: object) -> int:
    """Set the ToUnicode entries of the fonts of ``writer``'s pages from their cmaps
    (above); returns how many entries changed."""
    filled = 0
    for font in _fonts(writer.pages):
        stream = font["/ToUnicode"].get_object()
        data, count = _remapped(stream.get_data(), _cmap_of(font))
        if count:
            stream.set_data(data)
            filled += count
    return filled
