"""An alef carrying tanwin (ًا, as in طويلًا) that copies out inside its word.

WeasyPrint draws a line of Arabic left to right, glyph by glyph, and a vowel mark as a
glyph of its own, raised (``Ts``) and pushed forward onto the letter it sits on. The
fathatan of ``لًا`` is drawn after the alef and before the lam it sits over. A text
extractor that builds words from positions (poppler's pdftotext, and readers built on it)
sees a glyph above the line and ahead of the pen, and reads it as a line of its own: four
of the Peru handout's translated sentences came apart that way, one mark each.

Each such pair, the alef and its raised fathatan, is wrapped in a marked-content span
whose ``/ActualText`` is the two letters (U+0627 or U+0649, then U+064B): an extractor
that honours it takes the pair as text at the alef's place on the line, and one that
does not reads the glyphs as before. ``اً`` is the other accepted spelling of ``لًا``'s
ending, so a reader that orders the span's text logically gets a correct word too; that
is why only the alef's tanwin is wrapped and not every mark (a damma wrapped with the
glyph before it would land on the wrong letter). Nothing drawn changes: the glyphs, their
positions and the text arrays are the same, split where the span begins and ends.
"""

from __future__ import annotations

import re

from .tounicode import page_maps

#: A font change (to know which ToUnicode map names the glyphs), or the pattern itself:
#: a glyph ending a text array, then a raised glyph shown on its own, pushed forward (a
#: glyph that already opens a span's array is not matched again).
PAIR = re.compile(
    rb"(?P<font>/[\w+-]+) [\d.]+ Tf\n"
    rb"|(?P<before>(?<!BDC\n)\[|>-?[\d.]*)<(?P<base>[0-9a-f]{4})>(?P<adjust>-?[\d.]+)?\] TJ\n"
    rb"(?P<rise>-?[\d.]+) Ts\n\[(?P<push>-[\d.]+)<(?P<mark>[0-9a-f]{4})>\] TJ\n0 Ts\n")
ALEFS, FATHATAN = {b"0627", b"0649"}, b"064b"


def _wrapped(data: bytes, maps: dict[bytes, dict[bytes, bytes]]) -> tuple[bytes, int]:
    """The content stream with each alef-and-fathatan pair in an ActualText span; how many."""
    names: dict[bytes, bytes] = {}
    count = 0

    def wrap(m: re.Match[bytes]) -> bytes:
        nonlocal names, count
        if m.group("font"):
            names = maps.get(m.group("font"), {})
            return m.group(0)
        base, mark = names.get(m.group("base")), names.get(m.group("mark"))
        if base not in ALEFS or mark != FATHATAN:
            return m.group(0)
        count += 1
        # The array is closed before the alef (unless the alef opened it) and the rest
        # of the line goes on in the next array, as drawn.
        closed = b"" if m.group("before") == b"[" else m.group("before") + b"] TJ\n"
        return (closed + b"/Span <</ActualText <FEFF" + base.upper() + mark.upper() + b">>> BDC\n"
                + b"[<" + m.group("base") + b">" + (m.group("adjust") or b"") + b"] TJ\n"
                + m.group("rise") + b" Ts\n[" + m.group("push") + b"<" + m.group("mark") + b">] TJ\n0 Ts\nEMC\n")

    return PAIR.sub(wrap, data), count


def wrap_tanwin(writer: object) -> int:
    """Wrap each alef-and-fathatan pair of ``writer``'s pages (above); returns how many."""
    total = 0
    for page in writer.pages:
        contents = page["/Contents"].get_object()
        if not hasattr(contents, "set_data"):
            continue  # an array of streams: WeasyPrint writes one stream a page
        data, count = _wrapped(contents.get_data(), page_maps(page))
        if count:
            contents.set_data(data)
            total += count
    return total
