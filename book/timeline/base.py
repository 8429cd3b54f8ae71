"""What every rendering of a timeline shares: region names and colours, how an event's
date is written and ordered, and where its paragraph is.

One place for these rules keeps the drawn chart, the cards, the table and the plotly
figure saying the same thing about the same event.
"""

from __future__ import annotations

import datetime as dt
from typing import get_args

from ..course.dates import date_label, range_label  # noqa: F401  (the timeline's renderings import them here)
from ..course.models import Event, EventKind, PartialDate
from ..course.strings import t
from ..course.periods import Period

#: Lanes top to bottom: the kinds of event in the order the model lists them.
LANES: tuple[str, ...] = get_args(EventKind)
#: Lanes of the parallel view, top to bottom.
REGIONS = ("peru", "iraq", "world", "theory")
#: Colour-blind-safe palette (Okabe-Ito), dark enough for 3:1 against white.
REGION_COLOURS = {"iraq": "#0072B2", "peru": "#B35900", "world": "#6A3D9A", "theory": "#007A5E"}


def region_name(region: str) -> str:
    """A region's name in the language setting's words (made when asked, never at import)."""
    return t(f"timeline.region_{region}")


def kind_name(kind: str) -> str:
    """An event kind's name in the language setting's words: a lane of the chart, a
    card's "protest" (the data keeps the English code)."""
    return t(f"timeline.kind_{kind}")


def period_label(period: Period) -> str:
    """``28 July 1990 to 21 November 2000``, or ``since 18 February 2026``."""
    if period.end is None:
        return t("timeline.since", date=period.start.label())
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
