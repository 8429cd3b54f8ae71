"""A timeline written out in HTML: dated cards (the phone's timeline, print's two-column
chronology, and the card a tapped mark opens) and the table (wide screens, screen
readers).

Knight Lab's TimelineJS made each event a card with its date, title, text and source;
printed study guides give a dated list. Here each card is written once, at build time,
so it reads with no script; the page's script only copies a card next to the chart
when its mark is tapped.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Iterable, Sequence

from ..course.models import Event
from ..course.strings import t, t_html, t_text
from ..course.periods import Period
from .base import kind_name, region_name, date_label, paragraph_link, paragraph_name, period_label, span


def _sources(event: Event) -> str:
    return "".join(
        f'<li><a href="{html.escape(str(s.url))}">{html.escape(s.ref)}</a></li>' if s.url
        else f"<li>{html.escape(s.ref)}</li>"
        for s in event.sources
    )


def _kind(event: Event, with_region: bool) -> str:
    """"protest", or "protest, Peru" where one page gathers the regions' events, in the
    edition's words and with its comma."""
    kind = kind_name(event.kind)
    return t("timeline.kind_in_region", kind=kind, region=region_name(event.region)) if with_region else kind


def card(event: Event, link_base: dict[str, str], chapter_names: dict[str, str], prefix: str = "",
         later: bool = False) -> str:
    """One event as a card: date, title, why it matters, its sources behind a disclosure,
    and a link to the ¶ it explains. With ``prefix`` (the timeline's id) the card has an
    id, ``<prefix>-<event>``, that Back from its ¶ returns to. A ``later`` card (needs
    ``prefix``) is one the built page loads when a view shows it (``cards``)."""
    first, stop = span(event)
    link = paragraph_link(event, link_base)
    go = (f'<p class="prt-tl-go-wrap"><a class="prt-tl-go" href="{html.escape(link)}">'
          f'<span class="prt-tl-go-verb">{t_text("timeline.go_to")}</span>{html.escape(paragraph_name(event, chapter_names))}</a></p>') if link else ""
    n = len(event.sources)
    ident = f' id="{html.escape(prefix)}-{html.escape(event.id)}"' if prefix else ""
    if later:
        ident += f' data-later="shown" data-later-group="{html.escape(prefix)}-cards"'
    return (
        f'<li{ident} class="prt-tl-card prt-r-{event.region}" data-event="{html.escape(event.id)}" '
        f'data-start="{first.isoformat()}" data-stop="{stop.isoformat()}">'
        f'<p class="prt-tl-date"><time datetime="{event.date}">{html.escape(date_label(event))}</time>'
        f' <span class="prt-tl-kind">{html.escape(_kind(event, bool(chapter_names)))}</span></p>'
        f'<p class="prt-tl-title">{html.escape(event.title)}</p>'
        f'<p class="prt-ann">{html.escape(event.annotation)}</p>'
        f'<details class="prt-tl-sources"><summary>{t_text("timeline.sources", n=n)}</summary>'
        f"<ul>{_sources(event)}</ul></details>{go}</li>"
    )


def _sections(events: Sequence[Event], periods: Sequence[Period]) -> list[tuple[str, list[Event]]]:
    """Events grouped under the first track's periods (each event under the period it
    starts in), with 'Before ...' and 'Other dates' for those outside every period."""
    if not periods:
        return [("", list(events))]
    track = [p for p in periods if p.track == periods[0].track]

    def home(e: Event) -> int:
        day = e.date.start
        for i, p in enumerate(track):
            if p.start.start <= day < (p.end.stop if p.end else dt.date.max):
                return i
        return -1 if day < track[0].start.start else len(track)

    groups: dict[int, list[Event]] = {}
    for e in events:
        groups.setdefault(home(e), []).append(e)
    names = {-1: t("timeline.before", year=track[0].start.start.year), len(track): t("timeline.other_dates")}
    names.update({i: t("timeline.period", title=p.title, dates=period_label(p)) for i, p in enumerate(track)})
    return [(names[i], groups[i]) for i in sorted(groups)]


def outside(event: Event, start: dt.date, end: dt.date) -> bool:
    """Whether a view from ``start`` to ``end`` hides the event's card: timeline.js's
    test, on the same ISO dates."""
    first, stop = span(event)
    return stop.isoformat() <= start.isoformat() or first.isoformat() > end.isoformat()


#: How many cards of the opening view a built page holds in its HTML: more than a
#: phone's first two screens show.
FIRST_CARDS = 10


def cards(events: Sequence[Event], periods: Sequence[Period], title: str,
          link_base: dict[str, str], chapter_names: dict[str, str], prefix: str = "",
          first_view: tuple[str, dt.date, dt.date] | None = None, root: str = "") -> str:
    """The vertical timeline: period headers, then the dated cards in order (ids from
    ``prefix``, see ``card``).

    With ``first_view`` (its label, start and end), only the first ``FIRST_CARDS``
    cards that view shows are in the page's HTML; the others are later blocks of one
    group (book/later.py), loaded once the page has shown its first screen, when a view
    shows them or when a mark asks for its card (the timelines page was 0.25 MB of
    cards, 164 of them, and a phone's first screen shows three). Read without scripts,
    the page lists those first cards and says where the others are (``root``: the way
    from the page to the book's top, for that link)."""
    sections = _sections(events, periods)
    first: set[str] = set()
    if first_view and prefix:
        shown = [e.id for _, group in sections for e in group if not outside(e, first_view[1], first_view[2])]
        first = set(shown[:FIRST_CARDS])
    parts = [f'<section class="prt-tl-cards" aria-label="{t_text("timeline.as_cards", title=title)}">'
             '<p class="prt-tl-count pst-js-only" aria-live="polite"></p>']
    if first and len(first) < len(events):
        handouts = f'<a href="{root}handouts.html">{t_text("timeline.handouts")}</a>'
        parts.append(f'<noscript><p>{t_html("timeline.without_scripts", n=len(first), handouts=handouts)}'
                     '</p></noscript>')
    for name, group in sections:
        if name:
            parts.append(f'<h3 class="prt-tl-period">{html.escape(name)}</h3>')
        parts.append('<ol class="prt-tl-list">\n'
                     + "\n".join(card(e, link_base, chapter_names, prefix, bool(first) and e.id not in first) for e in group) + "\n</ol>")
    parts.append("</section>")
    return "".join(parts)


def events_table(
    events: Iterable[Event],
    link_base: dict[str, str] | None = None,
    caption: str = "",
    show_region: bool = False,
    chapter_names: dict[str, str] | None = None,
    later_id: str = "",
) -> str:
    """The text alternative: date, event and why it matters, source, and the ¶ it explains
    (``caption``: timeline.caption unless given). With ``later_id`` the table is a block
    the built page loads when it is shown (book/later.py): a phone, which shows the cards
    instead, never downloads it."""
    link_base, chapter_names, caption = link_base or {}, chapter_names or {}, caption or t("timeline.caption")
    rows = []
    head = {k: t_text(k) for k in ("timeline.date", "timeline.region", "timeline.event_head", "timeline.source")}
    region_head = f'<th scope="col">{head["timeline.region"]}</th>' if show_region else ""
    for e in events:
        sources = "; ".join(
            f'<a href="{html.escape(str(s.url))}">{html.escape(s.ref)}</a>' if s.url
            else html.escape(s.ref)
            for s in e.sources
        )
        link = paragraph_link(e, link_base)
        passage = (f' <a href="{html.escape(link)}">({html.escape(paragraph_name(e, chapter_names))})</a>'
                   if link else "")
        region = f"<td>{region_name(e.region)}</td>" if show_region else ""
        rows.append(
            f'<tr id="event-{e.id}"><td><time datetime="{e.date}">{html.escape(date_label(e))}'
            f"</time></td>{region}<td><strong>{html.escape(e.title)}</strong>{passage}"
            f'<span class="prt-ann"><br>{html.escape(e.annotation)}</span></td>'
            f'<td class="prt-src">{sources}</td></tr>'
        )
    later = f' id="{later_id}" data-later="shown"' if later_id else ""
    return (
        f'<div class="prt-table-wrap"{later} tabindex="0" role="region" '
        f'aria-label="{t_text("timeline.as_table", caption=caption)}">'
        f'<table class="prt-timeline-table"><caption>{t_text("timeline.table_caption", caption=caption)}'
        f'</caption><thead><tr><th scope="col">{head["timeline.date"]}</th>{region_head}<th scope="col">{head["timeline.event_head"]}</th>'
        f'<th scope="col" class="prt-src">{head["timeline.source"]}</th></tr></thead><tbody>\n'
        + "\n".join(rows)  # a row per line keeps notebook diffs line-sized
        + "\n</tbody></table></div>"
    )
