"""Where the short labels of a drawn timeline go, so that none covers another or a mark.

Annotated charts (Our World in Data's, for one) label the events that matter on the
chart itself. On a row of marks there is room for some labels and not others; this
module decides which, greedily, in the order of preference the data gives, and never
lets two labels, or a label and a mark, overlap. Pure arithmetic on x extents, so it
is tested without drawing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

#: Width of one character of the label font (12 px system-ui), rounded up: an estimate
#: that errs wide, so a label never runs into its neighbour in any common font.
CHAR_W = 7.4
GAP = 5.0


@dataclass(frozen=True)
class Slot:
    """A mark on a row: its x extent (as drawn) and the label it would like."""

    key: str
    row: str
    left: float
    right: float
    text: str


@dataclass(frozen=True)
class Placed:
    """A label's left edge and width, and where it sits: on its mark's line ("mid", to
    the right or left of the mark) or just above or below the line ("top", "bottom")."""

    key: str
    x: float
    width: float
    level: str


def text_width(text: str) -> float:
    return len(text) * CHAR_W


def _free(a: float, b: float, taken: list[tuple[float, float, str]], own: str) -> bool:
    return all(b + GAP <= lo or a - GAP >= hi for lo, hi, key in taken if key != own)


def _tries(s: Slot, width: float) -> list[tuple[str, float]]:
    """Where a label may go, best first: beside its mark on the line, then above or below
    the line starting at the mark, then ending at it."""
    return [("mid", s.right + GAP), ("mid", s.left - GAP - width),
            ("top", s.left - 2), ("bottom", s.left - 2),
            ("top", s.right + 2 - width), ("bottom", s.right + 2 - width)]


def place(slots: Sequence[Slot], marks: Sequence[Slot], lo: float, hi: float) -> list[Placed]:
    """Labels for ``slots`` (most wanted first) inside ``lo``-``hi``: on the line clear
    of every mark in ``marks``, above or below it clear of other labels only, and never
    two labels on one another."""
    taken: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for m in marks:
        taken.setdefault((m.row, "mid"), []).append((m.left, m.right, m.key))
    placed = []
    for s in slots:
        if not s.text:
            continue
        width = text_width(s.text)
        for level, a in _tries(s, width):
            row = taken.setdefault((s.row, level), [])
            if lo <= a and a + width <= hi and _free(a, a + width, row, s.key):
                row.append((a, a + width, f"label:{s.key}"))
                placed.append(Placed(s.key, a, width, level))
                break
    return placed
