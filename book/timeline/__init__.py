"""Timelines: one list of events, drawn as a chart, written as cards and as a table.

In Jupyter the chart is a live plotly figure; in the built book it is drawn as SVG at
build time (``timeline_svg``), with period bands and the key events labelled, and the
same plotly figure becomes an interactive chart when a reader asks. Each event is also
a card (``timeline_html``): the phone's vertical timeline, print's chronology, and what
a tapped mark opens. The table is for wide screens, screen readers and readers without
JavaScript. All come from the same events, so they cannot disagree. Events are drawn
as honestly as they are dated: a day as a point, a month or a year as a bar covering
it, never as an invented day.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import plotly.graph_objects as go
import plotly.io as pio
from IPython.display import HTML

from ..course.assets import plotly_js_megabytes
from ..course.load import course, timeline_extras
from ..course.markup import json_script
from ..course.models import Event
from ..course.strings import t, t_text
from ..course.periods import Period
from .base import (REGION_COLOURS, region_name, REGIONS, date_label, in_order, is_point,
                            span)
from .explore import Explorer, explore
from .cards import cards, events_table
from .figure import build_figure, lane_of, lane_order
from .svg import Band, Mark, render, visible

__all__ = ["Timeline", "for_chapter", "parallel", "table", "explore", "Explorer", "build_figure",
           "events_table", "date_label", "REGIONS", "region_name", "REGION_COLOURS"]

View = tuple[str, str, str]
CHAPTERS = Path(__file__).resolve().parents[2] / "chapters"
_KEY_PASSAGE = re.compile(r"^\*\*\{para\}`(\d+)`\*\*\s*$", re.M)


@dataclass(frozen=True)
class Timeline:
    """A set of events ready to show; renders itself in Jupyter and in the built book."""

    events: Sequence[Event]
    div_id: str
    title: str
    views: tuple[View, ...] = ()
    link_base: dict[str, str] = field(default_factory=dict)
    lanes: str = "kind"
    periods: tuple[Period, ...] = ()
    short: dict[str, str] = field(default_factory=dict)
    priority: tuple[str, ...] = ()
    chapter_names: dict[str, str] = field(default_factory=dict)
    #: The way from the page showing the timeline to the book's top ("../" from a chapter).
    root: str = ""

    def named(self) -> list[View]:
        """The views with their names in the edition's language: a page names each view by
        its key in the words catalog (``"since_2018"``: ``timeline.view_since_2018``), so its
        button never shows the English of a code cell."""
        return [(t(f"timeline.view_{name}"), start, end) for name, start, end in self.views]

    def figure(self) -> go.Figure:
        return build_figure(self.events, self.named(), self.link_base, self.lanes)

    def list_html(self) -> str:
        return events_table(self.events, self.link_base, caption=self.title,
                            show_region=self.lanes == "region", chapter_names=self.chapter_names,
                            later_id=f"{self.div_id}-table")

    def marks(self) -> list[Mark]:
        lane = lane_of(self.lanes)
        return [
            Mark(lane=lane(e), start=span(e)[0], stop=None if is_point(e) else span(e)[1],
                 region=e.region, confirmed=e.confirmed, label=f"{date_label(e)}: {e.title}",
                 event=e.id, short=self.short.get(e.id, ""),
                 dates=(e.date, e.end or e.date))
            for e in self.events
        ]

    def bands(self) -> list[Band]:
        return [Band(track=p.track, start=p.start.start, stop=p.end.stop if p.end else None,
                     label=p.label, title=p.title) for p in self.periods]

    def ranges(self) -> list[tuple[str, dt.date, dt.date]]:
        """The named views, then the whole period (padded a little, as plotly pads it)."""
        first = min(span(e)[0] for e in self.events)
        last = max(span(e)[1] for e in self.events)
        pad = dt.timedelta(days=max(30, (last - first).days // 40))
        named = [(label, dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for label, a, b in self.named()]
        return named + [(t("timeline.whole_period"), first - pad, last + pad)]

    def _repr_html_(self) -> str:
        """Static rendering: the chart as SVG (seen at once, no script needed), a view per
        named range (in the built book each view's drawing loads when it is shown); an empty slot where a tapped mark's card opens; the plotly figure as
        data for an interactive chart on request (plotly.js loads only then, and in the built
        book the data too: book/later.py); the cards (the first few of the opening view in
        the page, the rest loaded after it); the table (loaded where shown)."""
        marks, lanes, bands = self.marks(), lane_order(self.events, self.lanes), self.bands()
        views, buttons, ranges = [], [], self.ranges()
        for n, (label, start, end) in enumerate(ranges):
            shown = len(visible(marks, start, end))
            title = t("timeline.drawn", title=self.title, view=label, shown=shown, total=len(marks))
            svg = render(marks, lanes, REGION_COLOURS, start, end, f"{self.div_id}-v{n}", title,
                         bands, self.priority)
            views.append(f'<div class="prt-tl-view" id="{self.div_id}-v{n}" data-view="{n}" data-start="{start}" '
                         f'data-end="{end}"{_drawing_space(svg)}{" hidden" if n else ""}>{svg}</div>')
            buttons.append(f'<button type="button" aria-pressed="{str(n == 0).lower()}">{html.escape(label)}</button>')
        div = html.escape(self.div_id)
        return (
            f'<div class="prt-timeline" data-timeline="{div}">'
            f'<p class="prt-tl-intro"><span class="prt-tl-wide pst-js-only">{t_text("timeline.intro_wide")}</span>'
            f'<span class="prt-tl-narrow">{t_text("timeline.intro_narrow")}</span></p>'
            f'<figure class="prt-timeline-figure" id="{div}">'
            f'<div class="prt-tl-bar pst-js-only"><span class="prt-tl-views" role="group" aria-label="{t_text("timeline.views")}">'
            # A line break between the buttons (flex items: it draws nothing) keeps their
            # words apart in the search index (book/sphinxext/search_words.py).
            + "\n".join(buttons) + '</span>\n<button type="button" class="prt-tl-live">'
            + t_text("timeline.live", mb=f"{plotly_js_megabytes():.1f}") + "</button>"
            '<span class="prt-tl-status" role="status"></span></div>'
            f'<div class="prt-tl-scroll" role="region" aria-label="{t_text("timeline.chart_of", title=self.title)}">'
            + "".join(views) + "</div>"
            f'<div class="prt-tl-slot" id="{div}-card" hidden></div>'
            + json_script(pio.to_json(self.figure(), validate=False), "prt-tl-data",
                          f' id="{div}-data" data-later="asked"') +
            f"<figcaption>{_legend(self.events, bool(self.periods))}</figcaption></figure>"
            + cards(self.events, self.periods if self.lanes == "kind" else (), self.title, self.link_base,
                    self.chapter_names, self.div_id, ranges[0], self.root)
            + f"{self.list_html()}</div>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """Jupyter shows the live plotly figure; the book's HTML builder takes text/html."""
        return {
            "application/vnd.plotly.v1+json": self.figure().to_plotly_json(),
            "text/html": self._repr_html_(),
            "text/plain": f"<Timeline {self.div_id}: {len(self.events)} events>",
        }


def _drawing_space(svg: str) -> str:
    """A view's drawing is a block the built page loads when the view is shown
    (book/later.py): a phone, which shows the cards instead, never downloads it. Until it
    arrives its place keeps the drawing's size (timeline.css, from the SVG's viewBox and
    its 560 px least width), so nothing below it moves on a wide screen."""
    width, height = (float(x) for x in _VIEWBOX.search(svg).groups())
    return (f' data-later="shown" style="--prt-ratio: {width:g} / {height:g}; '
            f'--prt-least: {560 * height / width:.0f}px"')


_VIEWBOX = re.compile(r'viewbox="0 0 ([\d.]+) ([\d.]+)"', re.I)


def _legend(events: Sequence[Event], periods: bool) -> str:
    """How to read the chart, with the regions it shows in their colours."""
    regions = [r for r in REGIONS if any(e.region == r for e in events)]
    swatches = " ".join(
        f'<span class="prt-tl-key prt-r-{r}"><svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">'
        f'<circle cx="6" cy="6" r="5" fill="{REGION_COLOURS[r]}"/></svg> {region_name(r)}</span>'
        for r in regions
    ) if len(regions) > 1 else ""
    return (
        (f'<span class="prt-tl-keys">{swatches}</span> ' if swatches else "")
        + t_text("timeline.dots") + (t_text("timeline.bands") if periods else "")
        + f'<span class="prt-tl-howto">{t_text("timeline.howto")}</span>{t_text("timeline.order")}'
    )


def _opening(views: Sequence[View]) -> tuple[View, ...]:
    """The views with the narrowest first: a chapter offers its article's own period
    (the years it writes in or about) as its closest view, and the chart opens there;
    the wider views are a tap away."""
    def width(v: View) -> int:
        return (dt.date.fromisoformat(v[2]) - dt.date.fromisoformat(v[1])).days

    if not views:
        return ()
    first = min(views, key=width)
    return (first,) + tuple(v for v in views if v != first)


def key_passages(chapter: str) -> set[str]:
    """The ¶ anchors a chapter quotes under "Key passages" (its ``**{para}`8`**`` lines):
    the events that explain them are the article's key events, labelled first."""
    path = CHAPTERS / f"{chapter}.md"
    return {f"p{n}" for n in _KEY_PASSAGE.findall(path.read_text(encoding="utf-8"))} if path.exists() else set()


def key_events(events: Sequence[Event], chapter: str) -> list[Event]:
    """The events whose ¶ is one of the chapter's key passages."""
    keys = key_passages(chapter)
    return [e for e in events if e.chapters[:1] == [chapter] and e.passage in keys]


def _labels(events: Sequence[Event], chapters: Sequence[str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """Short labels, and the order they are wanted in: the key events first, then the
    events whose ¶ the chapter explains, then the rest, each in labels.yml's order."""
    labels = timeline_extras().labels
    rank = {k: i for i, k in enumerate(labels)}
    key = {e.id for c in chapters for e in key_events(events, c)}
    mine = [e for e in events if e.id in labels]
    mine.sort(key=lambda e: (e.id not in key, e.chapters[:1] != list(chapters[:1]), rank[e.id]))
    return {e.id: labels[e.id] for e in mine}, tuple(e.id for e in mine)


def table(chapter: str) -> HTML:
    """The chapter's events as a table only, for exercise notebooks: ¶ links go to the chapter."""
    events = in_order(course().chapter_events(chapter))
    caption = t("timeline.of_chapter", title=course().articles[chapter].title)
    return HTML(events_table(events, {chapter: f"../chapters/{chapter}.html"}, caption=caption))


def for_chapter(chapter: str, views: Sequence[View] = ()) -> Timeline:
    """The timeline of one chapter, opening on the article's own period, its events
    linking to that chapter's paragraphs."""
    data = course()
    article = data.articles[chapter]
    events = in_order(data.chapter_events(chapter))
    short, priority = _labels(events, [chapter])
    return Timeline(
        events=events,
        div_id=f"timeline-{chapter}",
        title=t("timeline.of_chapter", title=article.title),
        views=_opening(views),
        link_base={chapter: ""},
        root="../",
        periods=tuple(p for p in timeline_extras().periods if chapter in p.chapters),
        short=short,
        priority=priority,
    )


def parallel(views: Sequence[View] = ()) -> Timeline:
    """Peru, Iraq and the world on one time axis, each event linking to its chapter's ¶
    (the card and the table say which chapter). The page showing it sits at the book's
    top level, beside chapters/."""
    data = course()
    events = in_order(list(data.events.values()))
    short, priority = _labels(events, list(data.articles))
    return Timeline(
        events=events,
        div_id="timeline-parallel",
        title=t("timeline.parallel"),
        views=tuple(views),
        link_base={c: f"chapters/{c}.html" for c in data.articles},
        lanes="region",
        periods=tuple(timeline_extras().periods),
        short=short,
        priority=priority,
        chapter_names={c: a.short for c, a in data.articles.items()},
    )
