"""Ordering: put timeline events in chronological order; the key is the events' dates."""

from __future__ import annotations

import html
from typing import Any

from ...course.load import course
from ...course.models import Event, Ordering
from ...course.offered import ordering_key as key, ordering_presented as presented
from ...course.strings import isolated, t, t_text
from ...course.dates import date_label
from ..frame import frame_html
from ..result import Misfit, Result

SCREEN_HOW = "exercise.how_ordering"
SHAPE = "order"
CAPTION = "group.bars_ordering"
#: Whether ``bars`` tells the key (counts who has every event in place): the room shows such counts after Reveal.
BARS_SHOW_KEY = True


def grade(ex: Ordering, answer: list[str]) -> Result:
    """How many events sit in their right place; once right, the dates as a reward."""
    right = key(ex)
    if sorted(answer) != sorted(right):
        return Result(False, 0.0, [t("grade.place_every")], invalid=True)
    hits = sum(a == b for a, b in zip(answer, right))
    events = course().events
    if hits == len(right):
        return Result(True, 1.0, [f"{date_label(events[i])}: {events[i].title}" for i in right])
    misplaced = [out_of_place(events[a]) for a, b in zip(answer, right) if a != b]
    return Result(
        False,
        hits / len(right),
        [t("grade.in_place", hits=hits, total=len(right))] + misplaced + [t("grade.order_hint")],
    )


def out_of_place(event: Event) -> str:
    """A misplaced event, named, with the ¶ that explains it when there is one."""
    where = f" (¶{event.passage[1:]})" if event.passage else ""
    return t("grade.not_in_place", title=isolated(event.title), where=where)


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
        "hint": t("grade.order_hint"),
        "misplaced": {e.id: out_of_place(e) for e in presented(ex)},
    }
    return frame_html(ex, spec, body, how=SCREEN_HOW)


def to_stable(ex: Ordering, live: list[str]) -> dict[str, Any]:
    """In an answer file: ``{"order": [event id, ...]}`` (earliest first, as answered)."""
    return {"order": list(live)}


def from_stable(ex: Ordering, stable: dict[str, Any]) -> list[str]:
    order = list(stable["order"])
    if sorted(order) != sorted(ex.events):
        raise Misfit(t("answers.events_changed"))
    return order


def entry(ex: Ordering) -> dict[str, Any]:
    events = course().events
    return {"events": {e.id: e.title for e in presented(ex)}, "key": key(ex),
            "titles": {i: events[i].title for i in ex.events}}


def bars(entry: dict[str, Any], answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """How many have every event in its place, and how many not yet."""
    right = sum(list(a.get("order", [])) == entry["key"] for a in answers)
    return [(t("group.right_order"), right), (t("group.not_yet"), len(answers) - right)]


def paper_kind(ex: Ordering) -> str:
    return t("paper.kind_ordering")


def paper_how(ex: Ordering) -> str | None:
    return t("paper.how_ordering", n=len(ex.events))


def paper_lines(ex: Ordering) -> list[tuple[str, str]]:
    events = course().events
    return [(f"{n}.", with_para(f"{date_label(events[i])}: {events[i].title}", events[i].passage))
            for n, i in enumerate(key(ex), start=1)]


def with_para(text: str, anchor: str | None) -> str:
    """A key line with the ¶ that explains it, as the sheet prints it."""
    return f"{text} (¶{anchor[1:]})" if anchor else text
