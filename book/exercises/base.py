"""What every exercise kind shares: a grading result and the two-rendering view.

One exercise definition (data) becomes two things: a live ipywidgets UI in Jupyter and
self-contained HTML in the built book. ``ExerciseView`` carries both in one output so
Jupyter shows the widget and the book's HTML builder picks the static HTML; the static
HTML is wired up by ``book/static/course.js``.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any, Callable

import ipywidgets as w

from ..course.markup import json_script
from ..course.models import Exercise, ExerciseBase
from ..course.strings import t, t_html, t_text
from .live import session
from .live import store as answer_store
from .live.errors import shown_errors


@dataclass(frozen=True)
class Result:
    """The outcome of grading one answer, with messages a participant can act on.

    ``correct`` is None where there is nothing to grade (notes, a ledger);
    ``invalid`` marks input that cannot be accepted (it is not saved).
    """

    correct: bool | None
    score: float | None
    messages: list[str] = field(default_factory=list)
    invalid: bool = False

    def html(self) -> str:
        items = "".join(f"<li>{html.escape(m)}</li>" for m in self.messages)
        if self.correct is None:
            return f"<ul>{items}</ul>"
        verdict = t("exercise.right" if self.correct else "exercise.not_yet")
        cls = "prt-right" if self.correct else "prt-wrong"
        return f'<p class="{cls}"><strong>{verdict}</strong></p><ul>{items}</ul>'


EMPTY = Result(False, 0.0, [t("grade.choose_first")], invalid=True)


def invalid(message: str) -> Result:
    """Input that cannot be accepted: an inline message, nothing saved, nothing crashes."""
    return Result(None, None, [message], invalid=True)


def passages_hint(exercise: ExerciseBase) -> str:
    if not exercise.passages:
        return ""
    marks = ", ".join(f"¶{p[1:]}" for p in exercise.passages)
    return t("exercise.look_again", marks=marks)


#: How to answer each kind with the screen's controls (the catalog's key), said after the
#: data's prompt. Why apart: the prompt says what to do and serves paper too, which says
#: how with a pen (paper/keys.py); a kind with nothing to say on a screen has no entry.
SCREEN_HOW = {"ordering": "exercise.how_ordering", "ledger": "exercise.how_ledger",
              "discussion": "exercise.how_discussion"}


def shown_prompt(exercise: Exercise) -> str:
    """The prompt as the book, the notebooks and the projector show it."""
    how = SCREEN_HOW.get(exercise.kind)
    return f"{exercise.prompt} {t(how)}" if how else exercise.prompt


def frame_html(exercise: ExerciseBase, spec: dict[str, Any], body: str, label: str = "exercise.check") -> str:
    """The static exercise: markup that reads without JS, made interactive by exercises.js.
    ``label`` is the button's key in book/data/strings.yml, shared with the live widget."""
    hint = passages_hint(exercise)
    hint_html = f'<p class="prt-ex-hint">{html.escape(hint)}</p>' if hint else ""
    return (
        f'<section class="prt-exercise" id="ex-{exercise.id}" data-exercise="{exercise.id}" '
        f'data-kind="{spec["kind"]}" data-chapter="{exercise.chapter}" aria-labelledby="ex-{exercise.id}-title">'
        f'<p class="prt-ex-title" id="ex-{exercise.id}-title"><strong>{html.escape(exercise.title)}'
        f"</strong></p><p class=\"prt-ex-prompt\">{html.escape(shown_prompt(exercise))}</p>{hint_html}"
        f'<div class="prt-ex-body">{body}</div>'
        f'<div class="prt-ex-actions"><button type="button" class="prt-check">{t_text(label)}</button> '
        f'<button type="button" class="prt-reset">{t_text("exercise.reset")}</button> '
        f'<a class="prt-ma-link" href="../my-answers.html">{t_text("exercise.my_answers")}</a></div>'
        '<div class="prt-feedback" role="status" aria-live="polite"></div>'
        + json_script(json.dumps(spec, ensure_ascii=False), "prt-ex-data") +
        "</section>"
    )


#: What an answer given before Start gets, in place of being saved.
NOT_STARTED = ("<p class='prt-wrong'>" + t_html("live.not_started", start=f"<strong>{t_text('live.start')}</strong>")
               + "</p>")
#: What a stored output says where a widget would be: it needs a running kernel.
RUN_HINT = t("live.run_hint")


def _save(exercise_id: str, answer: Any, result: Result) -> str:
    """Save for whoever pressed Start; the words to add to the feedback when it was not saved."""
    store = answer_store.current()
    if store is None:
        return NOT_STARTED
    try:
        store.save(exercise_id, answer, result.correct, result.score)
    except OSError as err:
        return f"<p class='prt-wrong'>{t_text('live.not_saved', why=err)}</p>"
    return ""


def frame_widget(
    exercise: ExerciseBase,
    body: w.Widget,
    read: Callable[[], Any],
    grade: Callable[[Any], Result],
    write: Callable[[Any], None],
    blank: Any,
    label: str = "exercise.check",
) -> w.VBox:
    """The live exercise: prompt, inputs, a button and feedback; every answer saved as given.

    The store is looked up when an answer is given, never when the widget is drawn, so
    an answer goes to whoever pressed Start, whatever order the cells ran in. Start
    calls ``restore``: this participant's saved answer replaces the inputs and is graded
    again, so they see where they left off; when another participant had the keyboard,
    the inputs are cleared first (``write(blank)``).
    """
    feedback = w.HTML()
    check = w.Button(description=t(label), button_style="primary")

    def on_check(_: Any) -> None:
        answer = read()
        result = grade(answer)
        feedback.value = result.html() + ("" if result.invalid else _save(exercise.id, answer, result))

    def restore(store: answer_store.AnswerStore, clear: bool) -> None:
        if clear:
            write(blank)
            feedback.value = ""
        try:
            saved = store.get(exercise.id)
            if saved is not None:
                write(blank)
                write(saved)
                feedback.value = grade(saved).html()
        except Exception as err:  # a stored answer may no longer fit: any failure, one line
            write(blank)
            why = t("live.not_restored", error=type(err).__name__, file=store.path.name)
            feedback.value = f"<p class='prt-wrong'>{html.escape(why)}</p>"

    check.on_click(shown_errors(on_check, feedback, t("live.doing_check")))
    session.drawn(restore, answer_store.current())
    hint = passages_hint(exercise)
    header = w.HTML(
        f"<p><strong>{html.escape(exercise.title)}</strong></p><p>{html.escape(shown_prompt(exercise))}</p>"
        + (f"<p><em>{html.escape(hint)}</em></p>" if hint else "")
    )
    box = w.VBox([header, body, check, feedback])
    box.add_class("prt-exercise-widget")
    return box


class ExerciseView:
    """One output, two renderings: the widget for Jupyter, static HTML for the book."""

    def __init__(self, static_html: str, make_widget: Callable[[], w.Widget], hint: str = RUN_HINT):
        self.static_html = static_html
        self._make_widget = make_widget
        self.hint = hint
        self._widget: w.Widget | None = None

    @property
    def widget(self) -> w.Widget:
        if self._widget is None:
            self._widget = self._make_widget()
        return self._widget

    @classmethod
    def combine(cls, views: list["ExerciseView"]) -> "ExerciseView":
        """Several exercises as one output (a chapter's exercise section)."""
        return cls(
            "\n".join(v.static_html for v in views),
            lambda: w.VBox([v.widget for v in views]),
        )

    def _repr_html_(self) -> str:
        return self.static_html

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.widget._repr_mimebundle_() or {})
        bundle["text/html"] = self.static_html
        bundle["text/plain"] = self.hint  # not the widget's repr, which names random model ids
        return bundle
