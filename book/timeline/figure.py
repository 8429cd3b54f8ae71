"""The interactive timeline: a plotly figure, live in Jupyter and on request in the book.

Drawn from the same events and the same rules (``timeline_base``) as the SVG and the
cards. Hover labels are kept short and wrapped narrow so that plotly can keep them
inside the plot even for events at its edges; each region has one legend entry,
whatever mix of dots and bars it has.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any, Callable, Sequence

import plotly.graph_objects as go

from ..course.models import Event
from ..course.strings import t
from .base import LANES, REGION_COLOURS, kind_name, region_name, REGIONS, date_label, is_point, paragraph_link, span

_MS_PER_DAY = 86_400_000
_WRAP = 42


#: What plotly.js reads as an entity in a label (svg_text_utils: ``&amp;``, ``&lt;``, ``&gt;``,
#: a few named ones and numeric ones; ``&quot;`` is not among them and shows as typed).
_ENTITY = re.compile(r"&(?=#\d+;|#x[\da-fA-F]+;|[a-z]+;)")


def plotly_text(text: str) -> str:
    """Text for a plotly label, escaped once for plotly's subset of HTML: ``<`` and ``>``
    as entities (no tag of the data's can open), ``&`` only where it would begin an
    entity. Quotes stay quotes: plotly would show ``&quot;`` as typed, and a label is
    never an attribute value."""
    return _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def hover(event: Event) -> str:
    """Title, date, the note and the first source, wrapped to a narrow column."""
    def wrap(text: str) -> str:  # wrapped before escaping: an entity is never cut in two
        return "<br>".join(plotly_text(line) for line in textwrap.wrap(text, _WRAP))

    return (f"<b>{wrap(event.title)}</b><br>{plotly_text(date_label(event))}<br><br>{wrap(event.annotation)}"
            f"<br><br><i>{wrap(t('article.source') + event.sources[0].ref)}</i>")


def lane_of(lane_by: str) -> Callable[[Event], str]:
    """Which lane an event sits in: its kind, or its region in the parallel view."""
    return (lambda e: region_name(e.region)) if lane_by == "region" else (lambda e: kind_name(e.kind))


def lane_order(events: Sequence[Event], lane_by: str) -> list[str]:
    """Lanes top to bottom, only those with events."""
    lane = lane_of(lane_by)
    order = [region_name(r) for r in REGIONS] if lane_by == "region" else [kind_name(k) for k in LANES]
    return [k for k in order if any(lane(e) == k for e in events)]


def build_figure(
    events: Sequence[Event],
    views: Sequence[tuple[str, str, str]] = (),
    link_base: dict[str, str] | None = None,
    lane_by: str = "kind",
) -> go.Figure:
    """Events in lanes (by kind, or by region for the parallel view), coloured by region:
    points for exact days, bars for months, years and spans.

    ``views`` are named date ranges, ``(label, start, end)``, offered as buttons in
    Jupyter; the first is the one shown at first. (The book has its own view buttons
    and drops these.)
    """
    link_base = link_base or {}
    lane = lane_of(lane_by)
    lanes = lane_order(events, lane_by)
    fig = go.Figure()
    for region in REGION_COLOURS:
        mine = [e for e in events if e.region == region]
        points = [e for e in mine if is_point(e)]
        bands = [e for e in mine if not is_point(e)]
        colour = REGION_COLOURS[region]
        legend: dict[str, Any] = {"legendgroup": region, "name": region_name(region), "showlegend": True}
        if bands:
            spans = [span(e) for e in bands]
            fig.add_bar(
                **legend,
                orientation="h",
                base=[s.isoformat() for s, _ in spans],
                x=[(b - a).days * _MS_PER_DAY for a, b in spans],
                y=[lane(e) for e in bands],
                marker={"color": colour, "opacity": 0.45, "line": {"color": colour, "width": 1}},
                customdata=[[e.id, paragraph_link(e, link_base)] for e in bands],
                hovertext=[hover(e) for e in bands],
                hoverinfo="text",
                width=0.5,
            )
            legend["showlegend"] = False
        if points:
            fig.add_scatter(
                **legend,
                mode="markers",
                x=[e.date.start.isoformat() for e in points],
                y=[lane(e) for e in points],
                marker={
                    "color": [colour if e.confirmed else "white" for e in points],
                    "line": {"color": colour, "width": 2},
                    "size": 12,
                    "symbol": "circle",
                },
                customdata=[[e.id, paragraph_link(e, link_base)] for e in points],
                hovertext=[hover(e) for e in points],
                hoverinfo="text",
            )
    buttons = [
        {"label": label, "method": "relayout", "args": [{"xaxis.range": [start, end]}]}
        for label, start, end in views
    ] + [{"label": t("timeline.whole_period"), "method": "relayout", "args": [{"xaxis.autorange": True}]}]
    xaxis: dict[str, Any] = {"type": "date", "title": None}
    if views:
        xaxis["range"] = [views[0][1], views[0][2]]
    fig.update_layout(
        barmode="overlay",
        height=160 + 42 * len(lanes),
        margin={"l": 10, "r": 10, "t": 70, "b": 40},
        xaxis=xaxis,
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(lanes)), "title": None},
        legend={"orientation": "h", "y": -0.18, "title": {"text": t("timeline.region")}},
        hoverlabel={"align": "left", "namelength": 0},
        hovermode="closest",
        plot_bgcolor="white",
        # View buttons sit under the toolbar's row, never beneath it.
        updatemenus=[{"type": "buttons", "direction": "right", "x": 0, "xanchor": "left",
                      "y": 1.0, "yanchor": "bottom", "pad": {"b": 6}, "buttons": buttons, "showactive": True}],
        font={"family": "system-ui, sans-serif"},
    )
    fig.update_xaxes(showgrid=True, gridcolor="#e5e5e5")
    return fig
