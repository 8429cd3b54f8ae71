"""Short answer: write first, then compare with a model answer and tick a rubric."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ...course.models import ShortAnswer
from ...course.strings import t, t_text
from ..base import Result, frame_html, frame_widget, invalid


def grade(ex: ShortAnswer, answer: dict[str, Any]) -> Result:
    """Too short is refused; otherwise the model answer and the rubric points ticked."""
    text = str(answer.get("text", "")).strip()
    words = len(text.split())
    if words < ex.min_words:
        return invalid(t("grade.too_short", min=ex.min_words, n=words))
    ticks = sorted({int(i) for i in answer.get("ticks", []) if 0 <= int(i) < len(ex.rubric)})
    done = len(ticks) == len(ex.rubric)
    return Result(
        done,
        len(ticks) / len(ex.rubric),
        [t("grade.model_answer", model=ex.model_answer), t("grade.ticked", n=len(ticks), total=len(ex.rubric))],
    )


def key_text(ex: ShortAnswer) -> list[str]:
    return [t("key.model", text=ex.model_answer)] + [t("key.rubric", text=r) for r in ex.rubric]


def static_html(ex: ShortAnswer) -> str:
    rubric = "".join(
        f'<label class="prt-option"><input type="checkbox" class="prt-tick" value="{i}"> {html.escape(r)}</label>'
        for i, r in enumerate(ex.rubric)
    )
    body = (
        f'<label for="ex-{ex.id}-text">{t_text("exercise.your_answer")}</label>'
        f'<textarea id="ex-{ex.id}-text" class="prt-text" rows="5"></textarea>'
        f'<fieldset class="prt-rubric"><legend>{t_text("exercise.tick_after")}</legend>{rubric}</fieldset>'
    )
    spec = {"kind": "short", "min_words": ex.min_words, "model": ex.model_answer, "points": len(ex.rubric)}
    return frame_html(ex, spec, body, label="exercise.compare_model")


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
