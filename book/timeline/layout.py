"""Where the short labels of a drawn timeline go, so that none covers another or a mark.

Annotated charts (Our World in Data's, for one) label the events that matter on the
chart itself. On a row of marks there is room for some labels and not others; this
module decides which, greedily, in the order of preference the data gives, and never
lets two labels, or a label and a mark, overlap. It also decides what a tap or a click
on a row finds (``targets``): each mark gets the part of the row nearer to it than to its
neighbours, and marks too close for a target of the least width are one target. Pure
arithmetic on x extents, so it is tested without drawing anything.
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


@dataclass(frozen=True)
class Target:
    """What a tap or a click finds on a row: the marks it opens (``keys``: one event, or
    several whose marks lie too close to tell apart), the x extent of their shapes, and
    the hit area around them (``left``-``right``), which covers no other mark's shape."""

    keys: tuple[str, ...]
    left: float
    right: float
    glyph_left: float
    glyph_right: float


def _areas(spans: list[tuple[float, float]], lo: float, hi: float, want: float) -> list[tuple[float, float]]:
    """Each span's hit area: ``want`` wide (or the span's own width) about its middle,
    cut at the midpoint of the gap to either neighbour (the part of the axis nearer to
    it than to any other), widened on the other side when one side is cut short."""
    bounds = [lo] + [round((a[1] + b[0]) / 2, 1) for a, b in zip(spans, spans[1:])] + [hi]
    areas = []
    for (left, right), floor, ceil in zip(spans, bounds, bounds[1:]):
        width, middle = max(want, right - left), (left + right) / 2
        a, b = max(floor, middle - width / 2), min(ceil, middle + width / 2)
        b = min(ceil, b + max(0.0, width - (b - a)))
        a = max(floor, a - max(0.0, width - (b - a)))
        areas.append((round(a, 1), round(b, 1)))
    return areas


def targets(marks: Sequence[Slot], lo: float, hi: float, want: float, least: float) -> list[Target]:
    """The hit areas of one row's marks, left to right, none covering another's shape.

    Marks whose shapes overlap are one target (no tap could tell them apart: a month's
    bar under its days, say). Each target gets the part of the row nearer to it than to
    its neighbours, up to ``want`` wide; a target that would be narrower than ``least``
    is joined with its nearer neighbour, and the joined target opens a list of its
    events. So every target is at least ``least`` wide whenever the row is."""
    groups: list[list[Slot]] = []
    for m in sorted(marks, key=lambda m: (m.left, m.right, m.key)):
        if groups and m.left < max(g.right for g in groups[-1]):
            groups[-1].append(m)
        else:
            groups.append([m])
    while True:
        spans = [(min(m.left for m in g), max(m.right for m in g)) for g in groups]
        areas = _areas(spans, lo, hi, want)
        narrow = [i for i, (a, b) in enumerate(areas) if b - a < least]
        if not narrow or len(groups) == 1:
            break
        i = min(narrow, key=lambda i: areas[i][1] - areas[i][0])
        gaps = [(spans[j + 1][0] - spans[j][1], j) for j in (i - 1, i) if 0 <= j < len(groups) - 1]
        j = min(gaps)[1]
        groups[j:j + 2] = [groups[j] + groups[j + 1]]
    return [Target(tuple(m.key for m in sorted(g, key=lambda m: (m.left, m.key))), a, b, *span)
            for g, (a, b), span in zip(groups, areas, spans)]
