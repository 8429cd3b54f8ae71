"""Timelines: one list of events, drawn as a chart and written as a table.

In Jupyter the chart is a live plotly figure; in the built book it is drawn as SVG at
build time (``timeline_svg``), and the same plotly figure becomes an interactive chart
when a reader asks. The table is for screen readers, print and readers without
JavaScript. All come from the same events, so they cannot disagree. Events are
drawn as honestly as they are dated: a day as a point, a month or a year as a band
covering that month or year, never as an invented day.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence, get_args

import plotly.graph_objects as go
import plotly.io as pio
from IPython.display import HTML, display

from .assets import plotly_js_megabytes
from .load import course
from .models import Event, EventKind, PartialDate
from .timeline_svg import Mark, render, visible
from .markup import json_script

#: Lanes top to bottom: the kinds of event in the order the model lists them.
LANES: tuple[str, ...] = get_args(EventKind)
#: Lanes of the parallel view, top to bottom.
REGIONS = ("peru", "iraq", "world", "theory")
REGION_NAMES = {"peru": "Peru", "iraq": "Iraq", "world": "World", "theory": "Theory"}
#: Colour-blind-safe palette (Okabe-Ito), dark enough for 3:1 against white.
REGION_COLOURS = {"iraq": "#0072B2", "peru": "#B35900", "world": "#6A3D9A", "theory": "#007A5E"}
_MS_PER_DAY = 86_400_000


@dataclass(frozen=True)
class Timeline:
    """A set of events ready to show; renders itself in Jupyter and in the built book."""

    events: Sequence[Event]
    div_id: str
    title: str
    views: tuple[tuple[str, str, str], ...] = ()
    link_base: dict[str, str] = field(default_factory=dict)
    lanes: str = "kind"

    def figure(self) -> go.Figure:
        return build_figure(self.events, self.views, self.link_base, self.lanes)

    def list_html(self) -> str:
        return events_table(self.events, self.link_base, caption=self.title,
                            show_region=self.lanes == "region")

    def marks(self) -> list[Mark]:
        lane = _lane_of(self.lanes)
        return [
            Mark(lane=lane(e), start=_span(e)[0], stop=None if _is_point(e) else _span(e)[1],
                 region=e.region, confirmed=e.confirmed, label=f"{date_label(e)}: {e.title}",
                 href=_link(e, self.link_base) or f"#event-{e.id}")
            for e in self.events
        ]

    def ranges(self) -> list[tuple[str, dt.date, dt.date]]:
        """The named views, then the whole period (padded a little, as plotly pads it)."""
        first = min(_span(e)[0] for e in self.events)
        last = max(_span(e)[1] for e in self.events)
        pad = dt.timedelta(days=max(30, (last - first).days // 40))
        named = [(label, dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for label, a, b in self.views]
        return named + [("Whole period", first - pad, last + pad)]

    def _repr_html_(self) -> str:
        """Static rendering: the chart as SVG (seen at once, no script needed), a view per
        named range, the plotly figure as data for an interactive chart on request (the
        page loads plotly.js only then), and the table."""
        marks, lanes = self.marks(), _lane_order(self.events, self.lanes)
        views, buttons = [], []
        for n, (label, start, end) in enumerate(self.ranges()):
            shown = len(visible(marks, start, end))
            title = (f"{self.title}, {label}: {shown} of {len(marks)} events drawn. "
                     "The table after the chart lists every event.")
            svg = render(marks, lanes, REGION_COLOURS, start, end, f"{self.div_id}-v{n}", title)
            views.append(f'<div class="prt-tl-view" data-view="{n}"{" hidden" if n else ""}>{svg}</div>')
            buttons.append(f'<button type="button" aria-pressed="{str(n == 0).lower()}">{html.escape(label)}</button>')
        return (
            f'<div class="prt-timeline" data-timeline="{html.escape(self.div_id)}">'
            f'<figure class="prt-timeline-figure" id="{html.escape(self.div_id)}">'
            f'<div class="prt-tl-bar pst-js-only"><span class="prt-tl-views" role="group" aria-label="Years shown">'
            + "".join(buttons) + '</span><button type="button" class="prt-tl-live">Interactive chart '
            f"(zoom, details on hover; loads {plotly_js_megabytes():.1f} MB once)</button>"
            '<span class="prt-tl-status" role="status"></span></div>'
            f'<div class="prt-tl-scroll" tabindex="0" role="region" aria-label="{html.escape(self.title)}: chart">'
            + "".join(views) + "</div>"
            + json_script(pio.to_json(self.figure(), validate=False), "prt-tl-data") +
            f"<figcaption>{_legend(self.events)}</figcaption></figure>"
            f"{self.list_html()}</div>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """Jupyter shows the live plotly figure; the book's HTML builder takes text/html."""
        return {
            "application/vnd.plotly.v1+json": self.figure().to_plotly_json(),
            "text/html": self._repr_html_(),
            "text/plain": f"<Timeline {self.div_id}: {len(self.events)} events>",
        }


def _hover(event: Event) -> str:
    when = date_label(event)
    body = "<br>".join(textwrap.wrap(html.escape(event.annotation), 60))
    source = html.escape(event.sources[0].ref)
    return f"<b>{html.escape(event.title)}</b><br>{when}<br><br>{body}<br><br><i>Source: {source}</i>"


def date_label(event: Event) -> str:
    """``1 October 2019``, ``1-6 October 2019 (date unconfirmed)`` and the like."""
    text = event.date.label()
    if event.end is not None:
        text += f" to {event.end.label()}"
    if not event.confirmed:
        text += " (date unconfirmed)"
    return text


def _span(event: Event) -> tuple[dt.date, dt.date]:
    end: PartialDate = event.end or event.date
    return event.date.start, end.stop


def _is_point(event: Event) -> bool:
    return event.end is None and event.date.precision == "day"


def _link(event: Event, link_base: dict[str, str]) -> str:
    """Where the event's ¶ is: its passage belongs to the first chapter it lists."""
    if not event.passage or not event.chapters or event.chapters[0] not in link_base:
        return ""
    return f"{link_base[event.chapters[0]]}#{event.passage}"


def _lane_of(lane_by: str) -> Callable[[Event], str]:
    return (lambda e: REGION_NAMES[e.region]) if lane_by == "region" else (lambda e: e.kind)


def _lane_order(events: Sequence[Event], lane_by: str) -> list[str]:
    """Lanes top to bottom, only those with events."""
    lane = _lane_of(lane_by)
    order = [REGION_NAMES[r] for r in REGIONS] if lane_by == "region" else list(LANES)
    return [k for k in order if any(lane(e) == k for e in events)]


def _legend(events: Sequence[Event]) -> str:
    """How to read the chart, with the regions it shows in their colours."""
    regions = [r for r in REGIONS if any(e.region == r for e in events)]
    swatches = " ".join(
        f'<span class="prt-tl-key prt-r-{r}"><svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">'
        f'<circle cx="6" cy="6" r="5" fill="{REGION_COLOURS[r]}"/></svg> {REGION_NAMES[r]}</span>'
        for r in regions
    ) if len(regions) > 1 else ""
    return (
        (f'<span class="prt-tl-keys">{swatches}</span> ' if swatches else "")
        + "A filled dot is an exact day; a hollow dot, a day we could not confirm; a band, a month, "
        "a year or a span. Click a dot or band for the paragraph it explains (or its row in the table)."
    )


def build_figure(
    events: Sequence[Event],
    views: Sequence[tuple[str, str, str]] = (),
    link_base: dict[str, str] | None = None,
    lane_by: str = "kind",
) -> go.Figure:
    """Events in lanes (by kind, or by region for the parallel view), coloured by region:
    points for exact days, bands for months, years and spans.

    ``views`` are named date ranges, ``(label, start, end)``, offered as buttons; the
    first is the one shown at first, so a chapter can open on the years it is about.
    """
    link_base = link_base or {}
    lane = _lane_of(lane_by)
    lanes = _lane_order(events, lane_by)
    fig = go.Figure()
    for region in REGION_COLOURS:
        mine = [e for e in events if e.region == region]
        points = [e for e in mine if _is_point(e)]
        bands = [e for e in mine if not _is_point(e)]
        colour = REGION_COLOURS[region]
        if bands:
            spans = [_span(e) for e in bands]
            fig.add_bar(
                name=f"{region.title()} (month, year or span)",
                orientation="h",
                base=[s.isoformat() for s, _ in spans],
                x=[(b - a).days * _MS_PER_DAY for a, b in spans],
                y=[lane(e) for e in bands],
                marker={"color": colour, "opacity": 0.45, "line": {"color": colour, "width": 1}},
                customdata=[[e.id, _link(e, link_base)] for e in bands],
                hovertext=[_hover(e) for e in bands],
                hoverinfo="text",
                width=0.5,
            )
        if points:
            fig.add_scatter(
                name=f"{region.title()} (exact day)",
                mode="markers",
                x=[e.date.start.isoformat() for e in points],
                y=[lane(e) for e in points],
                marker={
                    "color": [colour if e.confirmed else "white" for e in points],
                    "line": {"color": colour, "width": 2},
                    "size": 12,
                    "symbol": "circle",
                },
                customdata=[[e.id, _link(e, link_base)] for e in points],
                hovertext=[_hover(e) for e in points],
                hoverinfo="text",
            )
    buttons = [
        {"label": label, "method": "relayout", "args": [{"xaxis.range": [start, end]}]}
        for label, start, end in views
    ] + [{"label": "Whole period", "method": "relayout", "args": [{"xaxis.autorange": True}]}]
    xaxis: dict[str, Any] = {"type": "date", "title": None}
    if views:
        xaxis["range"] = [views[0][1], views[0][2]]
    fig.update_layout(
        barmode="overlay",
        height=140 + 42 * len(lanes),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        xaxis=xaxis,
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(lanes)), "title": None},
        legend={"orientation": "h", "y": -0.25},
        hoverlabel={"align": "left"},
        plot_bgcolor="white",
        updatemenus=[{"type": "buttons", "direction": "right", "x": 0, "xanchor": "left",
                      "y": 1.02, "yanchor": "bottom", "buttons": buttons, "showactive": True}],
        font={"family": "system-ui, sans-serif"},
    )
    fig.update_xaxes(showgrid=True, gridcolor="#e5e5e5")
    return fig


def events_table(
    events: Iterable[Event],
    link_base: dict[str, str] | None = None,
    caption: str = "Timeline",
    show_region: bool = False,
) -> str:
    """The text alternative: date, event and why it matters, source, and the ¶ it explains."""
    link_base = link_base or {}
    rows = []
    region_head = '<th scope="col">Region</th>' if show_region else ""
    for e in events:
        sources = "; ".join(
            f'<a href="{html.escape(str(s.url))}">{html.escape(s.ref)}</a>' if s.url
            else html.escape(s.ref)
            for s in e.sources
        )
        link = _link(e, link_base)
        passage = f' <a href="{html.escape(link)}">(¶{e.passage[1:]})</a>' if link else ""
        region = f"<td>{REGION_NAMES[e.region]}</td>" if show_region else ""
        rows.append(
            f'<tr id="event-{e.id}"><td><time datetime="{e.date}">{html.escape(date_label(e))}'
            f"</time></td>{region}<td><strong>{html.escape(e.title)}</strong>{passage}"
            f'<span class="prt-ann"><br>{html.escape(e.annotation)}</span></td>'
            f'<td class="prt-src">{sources}</td></tr>'
        )
    return (
        '<div class="prt-table-wrap" tabindex="0" role="region" '
        f'aria-label="{html.escape(caption)} as a table">'
        f'<table class="prt-timeline-table"><caption>{html.escape(caption)}: the events as a table'
        f'</caption><thead><tr><th scope="col">Date</th>{region_head}<th scope="col">Event</th>'
        '<th scope="col" class="prt-src">Source</th></tr></thead><tbody>\n'
        + "\n".join(rows)  # a row per line keeps notebook diffs line-sized
        + "\n</tbody></table></div>"
    )


def table(chapter: str) -> HTML:
    """The chapter's events as a table only, for exercise notebooks: ¶ links go to the chapter."""
    events = course().chapter_events(chapter)
    caption = f"Timeline: {course().articles[chapter].title}"
    return HTML(events_table(events, {chapter: f"../chapters/{chapter}.html"}, caption=caption))


def for_chapter(chapter: str, views: Sequence[tuple[str, str, str]] = ()) -> Timeline:
    """The timeline of one chapter, its events linking to that chapter's paragraphs."""
    data = course()
    article = data.articles[chapter]
    return Timeline(
        events=data.chapter_events(chapter),
        div_id=f"timeline-{chapter}",
        title=f"Timeline: {article.title}",
        views=tuple(views),
        link_base={chapter: ""},
    )


def parallel(views: Sequence[tuple[str, str, str]] = ()) -> Timeline:
    """Peru, Iraq and the world on one time axis, each event linking to its chapter's ¶.

    The page showing it sits at the book's top level, beside chapters/.
    """
    data = course()
    events = sorted(data.events.values(), key=lambda e: (e.date.start, e.id))
    return Timeline(
        events=events,
        div_id="timeline-parallel",
        title="Parallel timelines: Peru, Iraq and the world",
        views=tuple(views),
        link_base={c: f"chapters/{c}.html" for c in data.articles},
        lanes="region",
    )


class Explorer:
    """A live timeline a facilitator can filter by region, kind and years (ipywidgets).

    ``figure`` always holds what is shown, so a test (or a curious facilitator) can read
    the current selection back.
    """

    def __init__(self, events: Sequence[Event] | None = None):
        import ipywidgets as w

        self.all = list(events if events is not None else course().events.values())
        years = sorted({e.date.start.year for e in self.all} | {(e.end or e.date).start.year for e in self.all})

        def present(attr: str, order: Sequence[str]) -> list[str]:
            return [v for v in order if any(getattr(e, attr) == v for e in self.all)]

        self.regions = w.SelectMultiple(options=present("region", REGIONS), description="Region")
        self.regions.value = tuple(self.regions.options)
        self.kinds = w.SelectMultiple(options=present("kind", LANES), description="Kind")
        self.kinds.value = tuple(self.kinds.options)
        self.years = w.IntRangeSlider(min=years[0], max=years[-1], value=(years[0], years[-1]),
                                      description="Years", continuous_update=False)
        self.count = w.HTML()
        self.out = w.Output()
        self.figure = go.Figure()
        for control in (self.regions, self.kinds, self.years):
            control.observe(lambda _: self.update(), names="value")
        self.widget = w.VBox([w.HBox([self.regions, self.kinds]), self.years, self.count, self.out])
        self.update()

    def selected(self) -> list[Event]:
        first, last = self.years.value
        return [
            e for e in self.all
            if e.region in self.regions.value and e.kind in self.kinds.value
            and e.date.start.year <= last and (e.end or e.date).start.year >= first
        ]

    def update(self) -> None:
        events = sorted(self.selected(), key=lambda e: (e.date.start, e.id))
        self.figure = build_figure(events, lane_by="region")
        self.figure.update_xaxes(range=[f"{self.years.value[0]}-01-01", f"{self.years.value[1]}-12-31"])
        self.count.value = f"<p>{len(events)} of {len(self.all)} events shown.</p>"
        self.out.clear_output(wait=True)
        with self.out:
            display(self.figure)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """Live: the widget. Without a kernel: the selected events as a table (no filters)."""
        bundle = dict(self.widget._repr_mimebundle_() or {})
        events = sorted(self.selected(), key=lambda e: (e.date.start, e.id))
        bundle["text/html"] = (
            "<p>The timeline explorer needs a running Jupyter kernel; here are its events.</p>\n"
            + events_table(events, caption="Timeline explorer", show_region=True)
        )
        return bundle


def explore(chapter: str | None = None) -> Explorer:
    """Live filters over the whole course's events, or over one chapter's."""
    return Explorer(course().chapter_events(chapter) if chapter else None)
