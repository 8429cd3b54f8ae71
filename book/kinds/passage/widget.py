"""Click the passage, live: the claim, the candidate paragraphs whole, and a choice of ¶."""

from __future__ import annotations

import html

import ipywidgets as w

from ...course.models import Passage
from ...course.strings import t_text
from ...exercises.live.frame import frame_widget
from . import grade, mark, text


def widget(ex: Passage) -> w.Widget:
    paragraphs = "".join(f"<p><strong>{mark(a)}</strong> {html.escape(text(ex, a))}</p>" for a in ex.candidates)
    choice = w.RadioButtons(options=[(mark(a), a) for a in ex.candidates], value=None,
                            description="¶", layout={"width": "auto"})
    body = w.VBox([w.HTML(f"<p><strong>{t_text('exercise.claim')}</strong> {html.escape(ex.claim)}</p>"
                          f"<p>{t_text('exercise.passages')}</p>{paragraphs}"), choice])

    def read() -> str:
        return choice.value or ""

    def write(answer: str) -> None:
        choice.value = answer or None

    return frame_widget(ex, body, read, lambda a: grade(ex, a), write, blank="")
