"""A built PDF read back as a reader meets it: its text (pdftotext) and how far down each
page the ink reaches (pdftoppm), so that a lost sentence or a half-blank page shows."""

from __future__ import annotations

import functools
import re
import subprocess
import tempfile
from pathlib import Path

from PIL import Image


#: What only a screen can do: a control to press, tap or click. Paper says "number", "write".
#: (Whole words: the facilitator's notes speak of a city's "poisoned taps".)
SCREEN_ONLY = re.compile(r"press\s+Check|up\s+and\s+down\s+buttons|\b(?:tap|tapping|click\w*)\b", re.I)


def screen_only(text: str) -> list[str]:
    """Where a PDF's text asks for a screen's controls (also across a line break), with
    the words around it."""
    flat = " ".join(text.split())
    return [flat[max(m.start() - 50, 0):m.end() + 20] for m in SCREEN_ONLY.finditer(flat)]


@functools.lru_cache(maxsize=64)
def pdf_text(path: Path, page: int | None = None, raw: bool = False) -> str:
    """pdftotext's reading of a built PDF (or one page of it), read once per test worker;
    ``raw`` keeps the order the text was set in, which keeps a paragraph's margin label
    (¶n) from landing mid-sentence."""
    options = (["-f", str(page), "-l", str(page)] if page else []) + (["-raw"] if raw else [])
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_fill(path: Path) -> list[float]:
    """For each page, how far down its body the lowest ink reaches (0 = blank, 1 = full),
    not counting the running header and the page number in the margins."""
    out = []
    with tempfile.TemporaryDirectory() as pixels:  # not beside the built PDF: workers share _build
        subprocess.run(["pdftoppm", "-gray", "-r", "24", str(path), f"{pixels}/p"], check=True)
        for png in sorted(Path(pixels).glob("p-*.pgm")):
            im = Image.open(png)
            w, h = im.size
            top, bottom = int(h * 0.07), int(h * 0.91)  # the 18 mm / 20 mm page margins
            px = im.load()
            rows = [y for y in range(top, bottom) if any(px[x, y] < 160 for x in range(0, w, 2))]
            out.append((rows[-1] - top) / (bottom - top) if rows else 0.0)
    return out



_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
#: pdftotext -raw wraps each right-to-left piece it writes in U+202B ... U+202C.
_PIECE = re.compile("\u202b([^\u202c]*)\u202c|([^\u202b\u202c]+)")


def reading_order(raw: str) -> str:
    """pdftotext -raw's text of a right-to-left document in the order it is read.

    -raw keeps the order the text was set in (a margin label stays out of a sentence), but
    writes each right-to-left line as drawn: its words, and the pieces of a word its marks
    split, from left to right. Each such line is turned back, its runs of left-to-right
    words (a Latin name, a number) kept in their own order; a line with no Arabic is left
    as it is."""
    def word(token: str) -> str:
        pieces = [a or b for a, b in _PIECE.findall(token)]
        return "".join(reversed(pieces)) if len(pieces) > 1 else token.replace("\u202b", "").replace("\u202c", "")

    out = []
    for line in raw.split("\n"):
        if not _RTL_LETTER.search(line):
            out.append(line)
            continue
        tokens, runs = [word(t) for t in reversed(line.split(" "))], []
        for token in tokens:
            ltr = not _RTL_LETTER.search(token)
            if runs and runs[-1][0] == ltr and ltr:
                runs[-1][1].insert(0, token)
            else:
                runs.append((ltr, [token]))
        out.append(" ".join(" ".join(words) for _, words in runs))
    return "\n".join(out)
