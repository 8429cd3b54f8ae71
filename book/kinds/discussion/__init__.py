"""Discussion prompts with a place to take notes; the notes are kept, nothing is graded."""

from __future__ import annotations

import html
from typing import Any

from ...course.models import Discussion
from ...course.strings import t, t_text
from ..frame import frame_html
from ..result import Result, invalid

SCREEN_HOW = "exercise.how_discussion"
SHAPE = "notes"
#: Notes are not counted: the group page says only how many took them.
CAPTION = None
#: Whether ``bars`` tells the key (counts nothing): the room shows such counts after Reveal.
BARS_SHOW_KEY = False


def grade(ex: Discussion, answer: dict[str, Any]) -> Result:
    notes = str(answer.get("notes", "")).strip()
    if not notes:
        return invalid(t("grade.note_first"))
    return Result(None, None, [t("grade.notes_saved", n=len(notes.split()))])


def key_text(ex: Discussion) -> list[str]:
    return [t("key.prompt", text=q) for q in ex.questions] or [t("key.no_key_discussion")]


def questions_html(ex: Discussion) -> str:
    if not ex.questions:
        return ""
    return "<ul>" + "".join(f"<li>{html.escape(q)}</li>" for q in ex.questions) + "</ul>"


def static_html(ex: Discussion) -> str:
    body = (
        f"{questions_html(ex)}<label for=\"ex-{ex.id}-notes\">{t_text('exercise.your_notes')}</label>"
        f'<textarea id="ex-{ex.id}-notes" class="prt-text" rows="6"></textarea>'
    )
    return frame_html(ex, {"kind": "discussion"}, body, label="exercise.save_notes", how=SCREEN_HOW)


def to_stable(ex: Discussion, live: dict[str, Any]) -> dict[str, Any]:
    """In an answer file: ``{"notes": str}``."""
    return {"notes": live.get("notes", "")}


def from_stable(ex: Discussion, stable: dict[str, Any]) -> dict[str, Any]:
    return {"notes": str(stable.get("notes", ""))}


def entry(ex: Discussion) -> dict[str, Any]:
    return {}


def bars(entry: dict[str, Any], answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return []


def paper_kind(ex: Discussion) -> str:
    return t("paper.kind_discussion")


def paper_how(ex: Discussion) -> str | None:
    return None


def paper_lines(ex: Discussion) -> list[tuple[str, str]]:
    return [(t("paper.key_no_key"), t("paper.key_discussion"))] + [(t("paper.key_prompt"), q) for q in ex.questions]
