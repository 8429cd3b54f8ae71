"""Short answer, live: a text box, then the model answer and the rubric to tick."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ...course.models import ShortAnswer
from ...course.strings import t, t_text
from ...exercises.live.frame import frame_widget
from . import grade


def widget(ex: ShortAnswer) -> w.Widget:
    text = w.Textarea(placeholder=t("exercise.your_answer"), layout={"width": "100%", "height": "8em"})
    ticks = [w.Checkbox(description=r, indent=False, layout={"width": "auto"}) for r in ex.rubric]
    body = w.VBox([text, w.HTML(f"<p>{t_text('live.tick_after')}</p>"), *ticks])

    def read() -> dict[str, Any]:
        return {"text": text.value, "ticks": [i for i, tick in enumerate(ticks) if tick.value]}

    def write(answer: dict[str, Any]) -> None:
        text.value = answer.get("text", "")
        for i, tick in enumerate(ticks):
            tick.value = i in answer.get("ticks", [])

    blank = {"text": "", "ticks": []}
    return frame_widget(ex, body, read, lambda a: grade(ex, a), write, blank, label="exercise.compare")
