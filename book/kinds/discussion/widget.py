"""Discussion, live: the questions and a place for notes."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ...course.models import Discussion
from ...course.strings import t
from ...exercises.live.frame import frame_widget
from . import grade, questions_html


def widget(ex: Discussion) -> w.Widget:
    notes = w.Textarea(placeholder=t("live.notes"), layout={"width": "100%", "height": "8em"})
    body = w.VBox([w.HTML(questions_html(ex)), notes])

    def read() -> dict[str, Any]:
        return {"notes": notes.value}

    def write(answer: dict[str, Any]) -> None:
        notes.value = answer.get("notes", "")

    return frame_widget(ex, body, read, lambda a: grade(ex, a), write, {"notes": ""}, label="exercise.save_notes")
