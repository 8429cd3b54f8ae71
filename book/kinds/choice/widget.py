"""Multiple choice, live: radio buttons for one answer, checkboxes for several."""

from __future__ import annotations

import ipywidgets as w

from ...course.models import MultipleChoice
from ...exercises.live.frame import frame_widget
from . import grade


def widget(ex: MultipleChoice) -> w.Widget:
    labels = [o.text for o in ex.options]
    if ex.multiple:
        boxes = [w.Checkbox(description=text, indent=False, layout={"width": "auto"}) for text in labels]
        body: w.Widget = w.VBox(boxes)

        def read() -> list[int]:
            return [i for i, b in enumerate(boxes) if b.value]

        def write(answer: list[int]) -> None:
            if any(not 0 <= i < len(boxes) for i in answer):
                raise ValueError("an option that no longer exists")
            for i, b in enumerate(boxes):
                b.value = i in answer
    else:
        radio = w.RadioButtons(
            options=[(text, i) for i, text in enumerate(labels)], value=None, layout={"width": "auto"}
        )
        body = radio

        def read() -> list[int]:
            return [] if radio.value is None else [radio.value]

        def write(answer: list[int]) -> None:
            radio.value = answer[0] if answer else None

    return frame_widget(ex, body, read, lambda a: grade(ex, a), write, blank=[])
