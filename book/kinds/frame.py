"""What every kind's page shows around its own inputs: title, prompt, the ¶s to look at,
the buttons, the feedback and the grader's data.

Pure HTML, made at build time; ``static/exercises.js`` makes it interactive and the live
widget (``book/exercises/live/frame.py``) shows the same title, prompt and hint.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..course.markup import json_script
from ..course.models import ExerciseBase
from ..course.strings import t, t_text


def passages_hint(exercise: ExerciseBase) -> str:
    if not exercise.passages:
        return ""
    marks = ", ".join(f"¶{p[1:]}" for p in exercise.passages)
    return t("exercise.look_again", marks=marks)


def shown_prompt(exercise: ExerciseBase, how: str | None) -> str:
    """The prompt as the book, the notebooks and the projector show it: the data's prompt
    (which serves paper too, and names no control), then ``how`` (a catalog key: how to
    answer with the screen's controls), which the kind's module gives as ``SCREEN_HOW``."""
    return f"{exercise.prompt} {t(how)}" if how else exercise.prompt


def frame_html(exercise: ExerciseBase, spec: dict[str, Any], body: str, label: str = "exercise.check",
               how: str | None = None) -> str:
    """The static exercise: markup that reads without JS, made interactive by exercises.js.
    ``label`` is the button's key in book/data/strings.yml, shared with the live widget."""
    hint = passages_hint(exercise)
    hint_html = f'<p class="prt-ex-hint">{html.escape(hint)}</p>' if hint else ""
    return (
        f'<section class="prt-exercise" id="ex-{exercise.id}" data-exercise="{exercise.id}" '
        f'data-kind="{spec["kind"]}" data-chapter="{exercise.chapter}" aria-labelledby="ex-{exercise.id}-title">'
        f'<p class="prt-ex-title" id="ex-{exercise.id}-title"><strong>{html.escape(exercise.title)}'
        f"</strong></p><p class=\"prt-ex-prompt\">{html.escape(shown_prompt(exercise, how))}</p>{hint_html}"
        f'<div class="prt-ex-body">{body}</div>'
        f'<div class="prt-ex-actions"><button type="button" class="prt-check">{t_text(label)}</button> '
        f'<button type="button" class="prt-reset">{t_text("exercise.reset")}</button> '
        f'<a class="prt-ma-link" href="../my-answers.html">{t_text("exercise.my_answers")}</a></div>'
        '<div class="prt-feedback" role="status" aria-live="polite"></div>'
        + json_script(json.dumps(spec, ensure_ascii=False), "prt-ex-data") +
        "</section>"
    )
