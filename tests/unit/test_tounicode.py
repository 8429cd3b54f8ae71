"""The Arabic paper's text map (book/editions/paper/tounicode.py): each glyph the font
names by one Arabic character copies out as that character, and nothing else moves."""

from __future__ import annotations

from book.editions.paper.tounicode import _remapped

#: As WeasyPrint wrote a handout's map: أ's glyph (7) empty, the damma's (0x4f2) with the
#: cluster "damma, alef with hamza", a lam-alef ligature (0x623) and a Latin "fi" (0x55).
WRITTEN = b"4 beginbfchar\n<0007> <>\n<04f2> <064f0623>\n<0623> <06440627>\n<0055> <00660069>\nendbfchar\n"
#: The embedded font's cmap, Arabic characters only (what _cmap_of returns).
CMAP = {0x7: 0x0623, 0x4F2: 0x064F}


def test_a_glyph_the_cmap_names_gets_its_letter_and_the_rest_is_left():
    data, changed = _remapped(WRITTEN, CMAP)
    assert changed == 2
    assert b"<0007> <0623>" in data and b"<04f2> <064f>" in data
    assert b"<0623> <06440627>" in data and b"<0055> <00660069>" in data


def test_a_map_that_agrees_is_not_changed():
    data, changed = _remapped(b"<0007> <0623>\n<04f2> <064F>\n", CMAP)
    assert changed == 0 and data == b"<0007> <0623>\n<04f2> <064F>\n"
