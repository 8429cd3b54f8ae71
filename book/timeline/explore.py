"""The live timeline explorer: a facilitator filters the course's events by region, kind
and years (ipywidgets), in Jupyter only; without a kernel it shows its events as a table.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import plotly.graph_objects as go

from ..notebooks import liveout
from ..course.load import course
from ..course.models import Event
from ..course.strings import t, t_text
from .base import LANES, REGIONS, in_order, kind_name, region_name
from .cards import events_table
from .figure import build_figure


class Explorer:
    """A live timeline a facilitator can filter by region, kind and years (ipywidgets).

    ``figure`` always holds what is shown, so a test (or a curious facilitator) can read
    the current selection back.
    """

    def __init__(self, events: Sequence[Event] | None = None):
        import ipywidgets as w

        self.all = list(events if events is not None else course().events.values())
        years = sorted({e.date.start.year for e in self.all} | {(e.end or e.date).start.year for e in self.all})

        def present(attr: str, order: Sequence[str], name: Callable[[str], str]) -> list[tuple[str, str]]:
            """(name in the edition's words, code) of the values some event has."""
            return [(name(v), v) for v in order if any(getattr(e, attr) == v for e in self.all)]

        regions = present("region", REGIONS, region_name)
        self.regions = w.SelectMultiple(options=regions, value=[v for _, v in regions], description=t("timeline.region"))
        kinds = present("kind", LANES, kind_name)
        self.kinds = w.SelectMultiple(options=kinds, value=[v for _, v in kinds], description=t("timeline.kind"))
        self.years = w.IntRangeSlider(min=years[0], max=years[-1], value=(years[0], years[-1]),
                                      description=t("timeline.years"), continuous_update=False)
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
        events = in_order(self.selected())
        self.figure = build_figure(events, lane_by="region")
        self.figure.update_xaxes(range=[f"{self.years.value[0]}-01-01", f"{self.years.value[1]}-12-31"])
        self.count.value = f"<p>{t_text('timeline.shown', shown=len(events), total=len(self.all))}</p>"
        liveout.show(self.out, liveout.figure(self.figure))  # never captured: book/notebooks/liveout.py

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """Live: the widget. Without a kernel: the selected events as a table (no filters)."""
        bundle = dict(self.widget._repr_mimebundle_() or {})
        events = in_order(self.selected())
        bundle["text/html"] = (
            f"<p>{t_text('timeline.needs_kernel')}</p>\n"
            + events_table(events, caption=t("timeline.explorer"), show_region=True)
        )
        return bundle


def explore(chapter: str | None = None) -> Explorer:
    """Live filters over the whole course's events, or over one chapter's."""
    return Explorer(course().chapter_events(chapter) if chapter else None)
