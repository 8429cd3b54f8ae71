"""Ordering, live: the events in a list, each with ↑ and ↓ buttons, as the book has it."""

from __future__ import annotations

import html

import ipywidgets as w

from ...course.models import Ordering
from ...course.offered import ordering_presented as presented
from ...course.strings import t, t_text
from ...exercises.live.frame import frame_widget
from . import grade


def widget(ex: Ordering) -> w.Widget:
    titles = {e.id: e.title for e in presented(ex)}
    order = list(titles)
    rows = w.VBox()

    def move(event_id: str, step: int) -> None:
        i = order.index(event_id)
        j = min(max(i + step, 0), len(order) - 1)
        order[i], order[j] = order[j], order[i]
        redraw()

    def row(n: int, event_id: str) -> w.HBox:
        up = w.Button(description="↑", tooltip=t("exercise.move_up", title=titles[event_id]), layout={"width": "3em"})
        down = w.Button(description="↓", tooltip=t("exercise.move_down", title=titles[event_id]), layout={"width": "3em"})
        up.on_click(lambda _: move(event_id, -1))
        down.on_click(lambda _: move(event_id, +1))
        return w.HBox([up, down, w.HTML(f"{n}. {html.escape(titles[event_id])}")])

    def redraw() -> None:
        rows.children = [row(n, e) for n, e in enumerate(order, start=1)]

    def read() -> list[str]:
        return list(order)

    def write(answer: list[str]) -> None:
        if sorted(answer) != sorted(titles):
            raise ValueError("the saved order names events this exercise no longer has")
        order[:] = answer
        redraw()

    redraw()
    body = w.VBox([w.HTML(f"<p>{t_text('live.earliest_first')}</p>"), rows])
    return frame_widget(ex, body, read, lambda a: grade(ex, a), write, blank=list(titles))
