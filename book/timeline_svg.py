"""A timeline drawn as SVG at build time, so it shows as soon as the page's text does.

On a phone over a slow link the reader sees the figure without waiting for a charting
library: plotly.js (a megabyte) loads only when someone asks for the interactive chart.
This module only draws: it knows marks, lanes and dates, not events, so the plotly
figure and this drawing are both made from the same marks in ``timeline``.

A day is a point, a month, year or span a band, an unconfirmed date a hollow point,
exactly as in the plotly figure.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from dataclasses import dataclass
from typing import Sequence

WIDTH = 760
LABEL_W = 96
RIGHT = 18
TOP = 8
LANE_H = 34
AXIS_H = 26
FONT = 13
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Mark:
    """One event as drawn: a point on ``start`` when ``stop`` is None, else a band."""

    lane: str
    start: dt.date
    stop: dt.date | None
    region: str
    confirmed: bool
    label: str
    href: str


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
        name = MONTHS[day.month - 1]
        found.append((day, f"{name} {day.year}" if not found or day.month == 1 else name))
        month += step
    return found


def _x(day: dt.date, start: dt.date, end: dt.date) -> float:
    plot = WIDTH - LABEL_W - RIGHT
    return LABEL_W + (day - start).days / max(1, (end - start).days) * plot


def visible(marks: Sequence[Mark], start: dt.date, end: dt.date) -> list[Mark]:
    """The marks a view from ``start`` to ``end`` shows: those that overlap it."""
    return [m for m in marks if m.start <= end and (m.stop or m.start) >= start]


def render(
    marks: Sequence[Mark],
    lanes: Sequence[str],
    colours: dict[str, str],
    start: dt.date,
    end: dt.date,
    svg_id: str,
    title: str,
) -> str:
    """The view from ``start`` to ``end`` as one ``<svg role="img">`` named by its title.

    Each mark carries its own ``<title>`` (a tooltip on hover) and a ``data-href`` the
    page's script follows on click; keyboard and screen-reader users have the table that
    follows every figure, which holds the same events.
    """
    height = TOP + LANE_H * len(lanes) + AXIS_H
    lane_y = {lane: TOP + LANE_H * (i + 0.5) for i, lane in enumerate(lanes)}
    bottom = TOP + LANE_H * len(lanes)
    parts = [
        f'<svg class="prt-tl-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{svg_id}-title" font-size="{FONT}">',
        f'<title id="{svg_id}-title">{html.escape(title)}</title>',
        '<g class="prt-tl-grid" stroke="currentColor" stroke-opacity="0.18">',
    ]
    for i in range(len(lanes) + 1):
        y = TOP + LANE_H * i
        parts.append(f'<line x1="{LABEL_W}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>')
    for day, _ in ticks(start, end):
        x = _x(day, start, end)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{bottom + 4}"/>')
    parts.append('</g><g class="prt-tl-labels" fill="currentColor">')
    for lane, y in lane_y.items():
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + 4:.1f}" text-anchor="end">{html.escape(lane)}</text>')
    for day, label in ticks(start, end):
        parts.append(f'<text x="{_x(day, start, end):.1f}" y="{bottom + 19}" text-anchor="middle">'
                     f"{html.escape(label)}</text>")
    parts.append("</g><g class=\"prt-tl-marks\">")
    shown = visible(marks, start, end)
    # Bands first, so points stay on top where they overlap.
    for m in sorted(shown, key=lambda m: m.stop is None):
        colour = colours[m.region]
        common = (f'class="prt-ev prt-r-{m.region}{"" if m.confirmed else " prt-unconfirmed"}" '
                  f'data-href="{html.escape(m.href)}"')
        tip = f"<title>{html.escape(m.label)}</title>"
        y = lane_y[m.lane]
        if m.stop is None:
            fill = colour if m.confirmed else "white"
            parts.append(f'<circle {common} cx="{_x(m.start, start, end):.1f}" cy="{y:.1f}" r="6" '
                         f'fill="{fill}" stroke="{colour}" stroke-width="2">{tip}</circle>')
        else:
            left = _x(max(m.start, start), start, end)
            right = _x(min(m.stop, end), start, end)
            parts.append(f'<rect {common} x="{left:.1f}" y="{y - 9:.1f}" width="{max(right - left, 3):.1f}" '
                         f'height="18" fill="{colour}" fill-opacity="0.45" stroke="{colour}">{tip}</rect>')
    parts.append("</g></svg>")
    return "".join(parts)
