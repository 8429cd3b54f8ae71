"""Ordering: put timeline events in chronological order; the key is the events' dates."""

from __future__ import annotations

import html

import ipywidgets as w

from ...course.load import course
from ...course.models import Event, Ordering
from ...course.offered import ordering_key as key, ordering_presented as presented
from ...timeline.base import date_label
from ...course.strings import t, t_text
from ..base import Result, frame_html, frame_widget

HINT = t("grade.order_hint")


def grade(ex: Ordering, answer: list[str]) -> Result:
    """How many events sit in their right place; once right, the dates as a reward."""
    right = key(ex)
    if sorted(answer) != sorted(right):
        return Result(False, 0.0, [t("grade.place_every")], invalid=True)
    hits = sum(a == b for a, b in zip(answer, right))
    if hits == len(right):
        events = course().events
        return Result(True, 1.0, [f"{date_label(events[i])}: {events[i].title}" for i in right])
    events = course().events
    misplaced = [out_of_place(events[a]) for a, b in zip(answer, right) if a != b]
    return Result(
        False,
        hits / len(right),
        [t("grade.in_place", hits=hits, total=len(right))] + misplaced + [HINT],
    )


def out_of_place(event: Event) -> str:
    """A misplaced event, named, with the ¶ that explains it when there is one."""
    where = f" (¶{event.passage[1:]})" if event.passage else ""
    return t("grade.not_in_place", title=event.title, where=where)


def key_text(ex: Ordering) -> list[str]:
    events = course().events
    return [f"{n}. {date_label(events[i])}: {events[i].title}" for n, i in enumerate(key(ex), 1)]


def static_html(ex: Ordering) -> str:
    items = "".join(
        f'<li data-id="{e.id}"><span class="prt-item">{html.escape(e.title)}</span> '
        f'<button type="button" class="prt-up" aria-label="{t_text("exercise.move_up", title=e.title)}">↑</button>'
        f'<button type="button" class="prt-down" aria-label="{t_text("exercise.move_down", title=e.title)}">↓</button>'
        "</li>"
        for e in presented(ex)
    )
    body = f'<ol class="prt-order" aria-label="{t_text("exercise.order_label")}">{items}</ol>'
    events = course().events
    spec = {
        "kind": "ordering",
        "key": key(ex),
        "dates": {i: f"{date_label(events[i])}: {events[i].title}" for i in key(ex)},
        "hint": HINT,
        "misplaced": {e.id: out_of_place(e) for e in presented(ex)},
    }
    return frame_html(ex, spec, body)


def widget(ex: Ordering) -> w.Widget:
    """The events in a list, each with ↑ and ↓ buttons, as the prompt and the book have it."""
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
