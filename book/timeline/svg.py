"""A timeline drawn as SVG at build time, so it shows as soon as the page's text does.

On a phone over a slow link the reader sees the figure without waiting for a charting
library: plotly.js (a megabyte) loads only when someone asks for the interactive chart.
This module only draws: it knows marks, bands, lanes and dates, not events, so the
plotly figure and this drawing are both made from the same data in ``timeline``.

What a reader sees without hovering: periods (presidencies, governments, an uprising's
waves) as bands across the top, shaded down the chart; the key events' short labels
beside their marks (placed by ``timeline_layout`` so none collides); a day as a dot, a
month, year or span as a bar, an unconfirmed date hollow. Every mark is a button named
by the event's date and title, whose target is the part of its lane nearer to it than
to its neighbours (up to 34 units wide) and covers no other mark; the page's script opens
its card. Marks too close for a target of 24 px at the narrowest drawn width (LEAST
units) are one target, ringed, that opens the list of its events (``timeline_layout``).
"""

from __future__ import annotations

import datetime as dt
import html
import math
from dataclasses import dataclass
from typing import Sequence

from ..course.dates import PartialDate
from ..course.strings import t
from .base import range_label
from .layout import Slot, Target, place, targets, text_width

WIDTH = 760
LABEL_W = 100
RIGHT = 10
TOP = 4
TRACK_H = 30
LANE_H = 48
#: Baseline of a label relative to its mark's line, by level (see timeline_layout).
LABEL_DY = {"mid": 4, "top": -12, "bottom": 20}
AXIS_H = 26
FONT = 13
HIT = 34
#: The narrowest a chart is drawn (timeline.css: .prt-tl-svg's min-width), and so the
#: fewest units a target may have to stay 24 px wide there (WCAG 2.2's target size).
MIN_DRAWN_PX = 560
LEAST = 24 * WIDTH / MIN_DRAWN_PX


@dataclass(frozen=True)
class Mark:
    """One event as drawn: a point on ``start`` when ``stop`` is None, else a bar."""

    lane: str
    start: dt.date
    stop: dt.date | None
    region: str
    confirmed: bool
    label: str
    event: str
    short: str = ""
    #: The event's first and last date as its source gives them (a group of marks is
    #: named by the range they cover).
    dates: tuple[PartialDate, PartialDate] | None = None


@dataclass(frozen=True)
class Band:
    """A period on its track, from ``start`` to ``stop`` (None: still going)."""

    track: str
    start: dt.date
    stop: dt.date | None
    label: str
    title: str


def ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Year ticks (every 1, 2, 5, 10... years, at most nine) or, up to three years, months."""
    years = (end - start).days / 365.25
    if years > 3:
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if years / s <= 9)
        year = math.ceil(start.year / step) * step
        found = []
        while dt.date(year, 1, 1) <= end:
            if dt.date(year, 1, 1) >= start:
                found.append((dt.date(year, 1, 1), str(year)))
            year += step
        return found
    step = 1 if years <= 0.75 else 2 if years <= 1.5 else 3
    month = start.year * 12 + start.month - 1 + (start.day != 1)  # first 1st on or after start
    month += -month % step  # steps start in January: quarters fall on Jan, Apr, Jul, Oct
    found = []
    while dt.date(month // 12, month % 12 + 1, 1) <= end:
        day = dt.date(month // 12, month % 12 + 1, 1)
        name = t(f"timeline.month_{day.month}")
        found.append((day, f"{name} {day.year}" if not found or day.month == 1 else name))
        month += step
    return found


def _x(day: dt.date, start: dt.date, end: dt.date) -> float:
    plot = WIDTH - LABEL_W - RIGHT
    return LABEL_W + (day - start).days / max(1, (end - start).days) * plot


def visible(marks: Sequence[Mark], start: dt.date, end: dt.date) -> list[Mark]:
    """The marks a view from ``start`` to ``end`` shows: those that overlap it."""
    return [m for m in marks if m.start <= end and (m.stop or m.start) >= start]


def _extent(m: Mark, start: dt.date, end: dt.date) -> tuple[float, float]:
    """The drawn x extent of a mark: a dot's diameter, or its bar clipped to the view."""
    if m.stop is None:
        x = _x(m.start, start, end)
        return x - 7, x + 7
    left, right = _x(max(m.start, start), start, end), _x(min(m.stop, end), start, end)
    return left, max(right, left + 3)


def _two_lines(name: str, x: float, y: float) -> str:
    """A track's name at the left, on two lines when it is long ('President / of Peru')."""
    words = name.split()
    if len(name) <= 13 or len(words) < 2:
        return f'<text x="{x}" y="{y + 4:.1f}" text-anchor="end">{html.escape(name)}</text>'
    half = (len(words) + 1) // 2
    first, second = " ".join(words[:half]), " ".join(words[half:])
    return (f'<text x="{x}" y="{y - 2:.1f}" text-anchor="end" font-size="11">{html.escape(first)}'
            f'<tspan x="{x}" dy="12">{html.escape(second)}</tspan></text>')


def _bands(bands: Sequence[Band], tracks: Sequence[str], start: dt.date, end: dt.date, bottom: float) -> list[str]:
    """Period bands on their tracks; the first track's bands also shade the lanes."""
    parts = ['<g class="prt-tl-bands">']
    for row, track in enumerate(tracks):
        y = TOP + TRACK_H * row
        parts.append(_two_lines(track, LABEL_W - 8, y + TRACK_H / 2))
        mine = [b for b in bands if b.track == track and b.start <= end and (b.stop or end) >= start]
        for i, b in enumerate(mine):
            a, z = _x(max(b.start, start), start, end), _x(min(b.stop or end, end), start, end)
            width = max(z - a - 1, 1)
            tip = f"<title>{html.escape(b.title)}</title>"
            if row == 0 and i % 2:
                parts.append(f'<rect class="prt-tl-shade" x="{a:.1f}" y="{TOP + TRACK_H * len(tracks)}" '
                             f'width="{width:.1f}" height="{bottom - TOP - TRACK_H * len(tracks):.1f}"/>')
            parts.append(f'<rect class="prt-tl-band prt-tl-band-{i % 2}" x="{a:.1f}" y="{y + 2}" '
                         f'width="{width:.1f}" height="{TRACK_H - 4}" rx="3">{tip}</rect>')
            if text_width(b.label) + 8 <= width:
                parts.append(f'<text x="{a + width / 2:.1f}" y="{y + TRACK_H / 2 + 4:.1f}" text-anchor="middle">'
                             f"{html.escape(b.label)}</text>")
    parts.append("</g>")
    return parts


def _shape(m: Mark, colour: str, y: float, start: dt.date, end: dt.date) -> str:
    """A mark's own shape: a dot for a day, a bar for a month, a year or a span."""
    left, right = _extent(m, start, end)
    if m.stop is None:
        fill = colour if m.confirmed else "white"
        return (f'<circle class="prt-shape" cx="{(left + right) / 2:.1f}" cy="{y:.1f}" r="6" fill="{fill}" '
                f'stroke="{colour}" stroke-width="2"/>')
    return (f'<rect class="prt-shape" x="{left:.1f}" y="{y - 8:.1f}" width="{right - left:.1f}" height="16" '
            f'fill="{colour}" fill-opacity="0.45" stroke="{colour}"/>')


def _classes(m: Mark) -> str:
    return f'prt-r-{m.region}{"" if m.confirmed else " prt-unconfirmed"}'


def _target(target: Target, marks: dict[str, Mark], colours: dict[str, str], y: float,
            start: dt.date, end: dt.date, first: bool) -> str:
    """A target as a focusable button: its hit area (``timeline_layout.targets``: at least
    LEAST wide, over no other mark's shape) and the shape of each of its marks. Only the
    view's earliest target is in the Tab order (``first``); the page's script moves focus
    between targets with the arrow keys, so a chart is one stop, not a hundred.

    One mark opens its card. Several marks too close to tell apart are one target, ringed,
    named by their count and dates, and open the list of their events; each of their
    shapes keeps its event's name as a tooltip."""
    members = [marks[k] for k in target.keys]
    hit = (f'<rect class="prt-hit" x="{target.left:.1f}" y="{y - HIT / 2:.1f}" width="{target.right - target.left:.1f}" '
           f'height="{HIT}" rx="4" fill="transparent"/>')
    tab = 0 if first else -1
    if len(members) == 1:
        m = members[0]
        return (f'<g class="prt-ev {_classes(m)}" data-event="{html.escape(m.event)}" tabindex="{tab}" role="button" '
                f'aria-label="{html.escape(m.label)}"><title>{html.escape(m.label)}</title>'
                + hit + _shape(m, colours[m.region], y, start, end) + "</g>")
    ordered = sorted(members, key=lambda m: (m.start, m.event))
    dated = [m.dates for m in ordered if m.dates]
    dates = ""
    if dated:
        first = min((d[0] for d in dated), key=lambda d: (d.start, d.stop))
        last = max((d[1] for d in dated), key=lambda d: (d.stop, -d.start.toordinal()))
        dates = range_label(first, None if first == last else last)
    name = t("timeline.group", n=len(members), dates=dates)
    ring = (f'<rect class="prt-ring" x="{target.glyph_left - 3:.1f}" y="{y - 10:.1f}" '  # clear of labels above and below
            f'width="{target.glyph_right - target.glyph_left + 6:.1f}" height="20" rx="7" fill="none" '
            f'stroke="currentColor" stroke-opacity="0.7" stroke-dasharray="3 2"/>')
    shapes = "".join(f'<g class="{_classes(m)}" data-member="{html.escape(m.event)}"><title>{html.escape(m.label)}</title>'
                     f"{_shape(m, colours[m.region], y, start, end)}</g>"
                     for m in sorted(members, key=lambda m: m.stop is None))  # bars first: dots on top
    return (f'<g class="prt-ev prt-ev-group" data-events="{html.escape(" ".join(m.event for m in ordered))}" '
            f'tabindex="{tab}" role="button" aria-label="{html.escape(name)}">'
            f"<title>{html.escape(name)}</title>" + hit + ring + shapes + "</g>")


def hit_targets(marks: Sequence[Mark], lanes: Sequence[str], start: dt.date, end: dt.date) -> dict[str, list[Target]]:
    """Each lane's targets in the view from ``start`` to ``end``, left to right."""
    shown = visible(marks, start, end)
    return {lane: targets([Slot(m.event, lane, *_extent(m, start, end), m.short) for m in shown if m.lane == lane],
                          LABEL_W - HIT / 2, WIDTH, HIT, LEAST)
            for lane in lanes}


def render(
    marks: Sequence[Mark],
    lanes: Sequence[str],
    colours: dict[str, str],
    start: dt.date,
    end: dt.date,
    svg_id: str,
    title: str,
    bands: Sequence[Band] = (),
    priority: Sequence[str] = (),
) -> str:
    """The view from ``start`` to ``end`` as one ``<svg role="group">`` named by its title.

    ``priority`` lists event ids in the order their short labels are wanted; a label is
    drawn only where it collides with nothing (``timeline_layout.place``).
    """
    tracks = list(dict.fromkeys(b.track for b in bands))
    top = TOP + TRACK_H * len(tracks)
    height = top + LANE_H * len(lanes) + AXIS_H
    lane_y = {lane: top + LANE_H * (i + 0.5) for i, lane in enumerate(lanes)}
    bottom = top + LANE_H * len(lanes)
    parts = [
        f'<svg class="prt-tl-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="group" aria-labelledby="{svg_id}-title" font-size="{FONT}">',
        f'<title id="{svg_id}-title">{html.escape(title)}</title>',
    ]
    parts += _bands(bands, tracks, start, end, bottom)
    parts.append('<g class="prt-tl-grid" stroke="currentColor" stroke-opacity="0.18">')
    for i in range(len(lanes) + 1):
        parts.append(f'<line x1="{LABEL_W}" x2="{WIDTH - RIGHT}" y1="{top + LANE_H * i}" y2="{top + LANE_H * i}"/>')
    for day, _ in ticks(start, end):
        x = _x(day, start, end)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom + 4}"/>')
    parts.append('</g><g class="prt-tl-labels" fill="currentColor">')
    for lane, y in lane_y.items():
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + 4:.1f}" text-anchor="end">{html.escape(lane)}</text>')
    for day, label in ticks(start, end):
        parts.append(f'<text x="{_x(day, start, end):.1f}" y="{bottom + 19}" text-anchor="middle">'
                     f"{html.escape(label)}</text>")
    parts.append('</g><g class="prt-tl-marks">')
    shown = visible(marks, start, end)
    earliest = min(shown, key=lambda m: (m.start, m.event), default=None)
    by_id = {m.event: m for m in shown}
    for lane, found in hit_targets(marks, lanes, start, end).items():
        for target in found:
            parts.append(_target(target, by_id, colours, lane_y[lane], start, end,
                                 earliest is not None and earliest.event in target.keys))
    slots = {m.event: Slot(m.event, m.lane, *_extent(m, start, end), m.short) for m in shown}
    wanted = [slots[e] for e in priority if e in slots]
    parts.append('</g><g class="prt-tl-notes" fill="currentColor" font-size="12" aria-hidden="true">')
    for p in place(wanted, list(slots.values()), LABEL_W, WIDTH - RIGHT):
        y = lane_y[next(m.lane for m in shown if m.event == p.key)]
        parts.append(f'<text data-event="{html.escape(p.key)}" x="{p.x:.1f}" y="{y + LABEL_DY[p.level]:.1f}">'
                     f"{html.escape(slots[p.key].text)}</text>")
    parts.append("</g></svg>")
    return "".join(parts)
