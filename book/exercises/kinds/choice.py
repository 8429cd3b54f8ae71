"""Multiple choice, single or multiple answers, with feedback on every option."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ...course.models import MultipleChoice
from ...course.strings import t, t_text
from ..base import EMPTY, Result, frame_html, frame_widget, invalid


def grade(ex: MultipleChoice, chosen: list[int]) -> Result:
    """Feedback for each chosen option; for multiple answers, also what was missed."""
    if not chosen:
        return EMPTY
    picked = sorted(set(chosen))
    if any(not 0 <= i < len(ex.options) for i in picked):
        return invalid(t("grade.no_option"))
    right = {i for i, o in enumerate(ex.options) if o.correct}
    messages = [ex.options[i].feedback for i in picked]
    missed = len(right - set(picked))
    if ex.multiple and missed:
        messages.append(t("grade.more_right", n=missed))
    hits = len(right & set(picked)) - len(set(picked) - right)
    return Result(set(picked) == right, max(hits, 0) / len(right), messages)


def key_text(ex: MultipleChoice) -> list[str]:
    return [t("key.right", text=o.text) for o in ex.options if o.correct]


def static_html(ex: MultipleChoice) -> str:
    kind = "checkbox" if ex.multiple else "radio"
    inputs = "".join(
        f'<label class="prt-option"><input type="{kind}" name="ex-{ex.id}" value="{i}"> '
        f"{html.escape(o.text)}</label>"
        for i, o in enumerate(ex.options)
    )
    legend = t_text("exercise.choose_all" if ex.multiple else "exercise.choose_one")
    body = f"<fieldset><legend>{legend}</legend>{inputs}</fieldset>"
    spec = {
        "kind": "choice",
        "multiple": ex.multiple,
        "options": [{"correct": o.correct, "feedback": o.feedback} for o in ex.options],
    }
    return frame_html(ex, spec, body)


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

    def grade_answer(answer: Any) -> Result:
        return grade(ex, answer)

    return frame_widget(ex, body, read, grade_answer, write, blank=[])
