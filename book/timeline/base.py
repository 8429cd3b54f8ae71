"""What every rendering of a timeline shares: region names and colours, how an event's
date is written and ordered, and where its paragraph is.

One place for these rules keeps the drawn chart, the cards, the table and the plotly
figure saying the same thing about the same event.
"""

from __future__ import annotations

import datetime as dt
from typing import get_args

from ..course.models import MONTHS, Event, EventKind, PartialDate
from ..course.strings import t
from ..course.periods import Period

#: Lanes top to bottom: the kinds of event in the order the model lists them.
LANES: tuple[str, ...] = get_args(EventKind)
#: Lanes of the parallel view, top to bottom.
REGIONS = ("peru", "iraq", "world", "theory")
REGION_NAMES = {r: t(f"timeline.region_{r}") for r in ("peru", "iraq", "world", "theory")}
#: Colour-blind-safe palette (Okabe-Ito), dark enough for 3:1 against white.
REGION_COLOURS = {"iraq": "#0072B2", "peru": "#B35900", "world": "#6A3D9A", "theory": "#007A5E"}


def range_label(first: PartialDate, last: PartialDate | None) -> str:
    """``19-21 November 2000``, ``30 July to 23 August 1903``, ``March-November 1917``:
    a range says each part once, as a printed chronology does."""
    if last is None:
        return first.label()
    a, b = first.start, last.start
    if first.precision == last.precision == "day" and (a.year, a.month) == (b.year, b.month):
        return f"{a.day}-{b.day} {MONTHS[a.month - 1]} {a.year}"
    if first.precision == last.precision == "month" and a.year == b.year:
        return f"{MONTHS[a.month - 1]}-{MONTHS[b.month - 1]} {a.year}"
    if first.precision == last.precision == "year":
        return f"{a.year}-{b.year}"
    start = first.label()
    if a.year == b.year and first.precision == "day":
        start = f"{a.day} {MONTHS[a.month - 1]}"
    return f"{start} to {last.label()}"


def date_label(event: Event) -> str:
    """``1 October 2019``, ``1-6 October 2019 (date unconfirmed)`` and the like."""
    text = range_label(event.date, event.end)
    return text if event.confirmed else text + " (date unconfirmed)"


def period_label(period: Period) -> str:
    """``28 July 1990 to 21 November 2000``, or ``since 18 February 2026``."""
    if period.end is None:
        return f"since {period.start.label()}"
    return range_label(period.start, period.end)


def order_key(event: Event) -> tuple[dt.date, int, str]:
    """Chronological order that invents no day: an event known only to its month comes
    after the exact days of that month, one known only to its year after the whole year
    ("December 2022" never claims to precede "7 December 2022")."""
    date = event.date
    if date.precision == "day":
        return date.start, 0, event.id
    return date.stop - dt.timedelta(days=1), 1 if date.precision == "month" else 2, event.id


def in_order(events: list[Event]) -> list[Event]:
    """The events in ``order_key`` order."""
    return sorted(events, key=order_key)


def span(event: Event) -> tuple[dt.date, dt.date]:
    """First day and the day after the last, as the date's precision allows."""
    end: PartialDate = event.end or event.date
    return event.date.start, end.stop


def is_point(event: Event) -> bool:
    """One known day: drawn as a dot; anything longer or vaguer is a band."""
    return event.end is None and event.date.precision == "day"


def paragraph_link(event: Event, link_base: dict[str, str]) -> str:
    """Where the event's ¶ is: its passage belongs to the first chapter it lists."""
    if not event.passage or not event.chapters or event.chapters[0] not in link_base:
        return ""
    return f"{link_base[event.chapters[0]]}#{event.passage}"


def paragraph_name(event: Event, chapter_names: dict[str, str]) -> str:
    """``¶3``, or ``Peru ¶3`` where one page gathers several chapters' events."""
    number = f"¶{event.passage[1:]}" if event.passage else ""
    chapter = chapter_names.get(event.chapters[0], "") if event.chapters else ""
    return f"{chapter} {number}" if chapter else number
