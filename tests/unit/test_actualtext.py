"""An alef's tanwin wrapped in an ActualText span (book/editions/paper/actualtext.py), on
content streams written as WeasyPrint writes them: what is wrapped, what is left, and that
the glyphs drawn and the pen's moves stay exactly as they were."""

from __future__ import annotations

import re

from book.editions.paper.actualtext import _wrapped

#: Glyph ids as a Noto Naskh subset numbers them in a handout: alef, fathatan, lam, yeh,
#: waw, damma, and a Latin font's glyph that its map also calls 064b (it never should).
NAMES = {b"/F1": {b"0004": b"0627", b"057c": b"064b", b"01c0": b"0644", b"0241": b"064a",
                  b"0219": b"0648", b"0580": b"064f"},
         b"/F2": {b"0004": b"0041", b"057c": b"064b"}}


def _line(font: bytes, base: bytes, mark: bytes, rise: bytes = b"3.871", push: bytes = b"-376.857") -> bytes:
    """One word as WeasyPrint draws it: glyphs up to ``base``, the raised ``mark`` pushed
    forward, then back and on with the rest of the word."""
    return (b"BT\n1 0 0 -1 390.9 271.9 Tm\n" + font + b" 14 Tf\n[<0219>0<0241>0<" + base + b">0] TJ\n"
            + rise + b" Ts\n[" + push + b"<" + mark + b">] TJ\n0 Ts\n[<>376<01c0>0<0241>0] TJ\nET\n")


def _drawn(stream: bytes) -> list[bytes]:
    """What reaches the page: each glyph, rise and pen move in order, the arrays' and
    spans' boundaries left out (splitting a TJ array draws the same)."""
    ops = re.findall(rb"\[(.*?)\] TJ|(-?[\d.]+ Ts)", stream)
    return [token for array, rise in ops
            for token in ([rise] if rise else re.findall(rb"<[0-9a-f]+>|-?[\d.]+", array))]


def test_an_alef_and_its_fathatan_are_wrapped_with_their_letters():
    stream = _line(b"/F1", b"0004", b"057c")
    wrapped, count = _wrapped(stream, NAMES)
    assert count == 1
    assert b"/Span <</ActualText <FEFF0627064B>>> BDC\n[<0004>0] TJ\n3.871 Ts\n[-376.857<057c>] TJ\n0 Ts\nEMC\n" in wrapped
    assert _drawn(wrapped) == _drawn(stream)
    assert wrapped.count(b"BDC") == wrapped.count(b"EMC") == 1


def test_a_wrapped_stream_is_not_wrapped_again():
    once, _ = _wrapped(_line(b"/F1", b"0004", b"057c"), NAMES)
    twice, count = _wrapped(once, NAMES)
    assert (twice, count) == (once, 0)


def test_an_alef_that_opens_its_array_keeps_one_array():
    stream = b"/F1 14 Tf\n[<0004>] TJ\n1.2 Ts\n[-112.6<057c>] TJ\n0 Ts\n[<>112<0241>0] TJ\n"
    wrapped, count = _wrapped(stream, NAMES)
    assert count == 1 and wrapped.startswith(b"/F1 14 Tf\n/Span <</ActualText <FEFF0627064B>>> BDC\n[<0004>] TJ\n")
    assert _drawn(wrapped) == _drawn(stream)


def test_other_marks_other_bases_other_fonts_are_left_as_drawn():
    for stream in (_line(b"/F1", b"0004", b"0580"),  # a damma after an alef: it is the next letter's
                   _line(b"/F1", b"0241", b"057c"),  # tanwin after a yeh: not the alef's
                   _line(b"/F2", b"0004", b"057c"),  # a font whose 0004 is not an alef
                   _line(b"/F1", b"0004", b"057c", push=b"12.5")):  # pushed back, not forward
        assert _wrapped(stream, NAMES) == (stream, 0), stream
