"""Discussion prompts with a place to take notes; the notes are kept, nothing is graded."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ...course.models import Discussion
from ...course.strings import t, t_text
from ..base import Result, frame_html, frame_widget, invalid


def grade(ex: Discussion, answer: dict[str, Any]) -> Result:
    notes = str(answer.get("notes", "")).strip()
    if not notes:
        return invalid(t("grade.note_first"))
    return Result(None, None, [t("grade.notes_saved", n=len(notes.split()))])


def key_text(ex: Discussion) -> list[str]:
    return [t("key.prompt", text=q) for q in ex.questions] or [t("key.no_key_discussion")]


def _questions(ex: Discussion) -> str:
    if not ex.questions:
        return ""
    return "<ul>" + "".join(f"<li>{html.escape(q)}</li>" for q in ex.questions) + "</ul>"


def static_html(ex: Discussion) -> str:
    body = (
        f"{_questions(ex)}<label for=\"ex-{ex.id}-notes\">{t_text('exercise.your_notes')}</label>"
        f'<textarea id="ex-{ex.id}-notes" class="prt-text" rows="6"></textarea>'
    )
    return frame_html(ex, {"kind": "discussion"}, body, label="exercise.save_notes")


def widget(ex: Discussion) -> w.Widget:
    notes = w.Textarea(placeholder=t("live.notes"), layout={"width": "100%", "height": "8em"})
    body = w.VBox([w.HTML(_questions(ex)), notes])

    def read() -> dict[str, Any]:
        return {"notes": notes.value}

    def write(answer: dict[str, Any]) -> None:
        notes.value = answer.get("notes", "")

    return frame_widget(ex, body, read, lambda a: grade(ex, a), write, {"notes": ""}, label="exercise.save_notes")
