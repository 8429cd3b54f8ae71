"""The live exercise's frame, and the one output that carries both renderings.

One exercise definition (data) becomes two things: a live ipywidgets UI in Jupyter
(a kind's ``widget.py`` puts its inputs in ``frame_widget``) and self-contained HTML in
the built book (the kind's ``static_html``). ``ExerciseView`` carries both in one output
so Jupyter shows the widget and the book's HTML builder picks the static HTML.
"""

from __future__ import annotations

import html
from typing import Any, Callable

import ipywidgets as w

from ...course.models import ExerciseBase
from ...course.strings import t, t_html, t_text
from ...kinds import kind_of
from ...kinds.frame import passages_hint, shown_prompt
from ...kinds.result import Result
from . import session
from . import store as answer_store
from .errors import shown_errors


def not_started() -> str:
    """What an answer given before Start gets, in place of being saved."""
    return "<p class='prt-wrong'>" + t_html("live.not_started", start=f"<strong>{t_text('live.start')}</strong>") + "</p>"


def run_hint() -> str:
    """What a stored output says where a widget would be: it needs a running kernel."""
    return t("live.run_hint")


def _save(exercise_id: str, answer: Any, result: Result) -> str:
    """Save for whoever pressed Start; the words to add to the feedback when it was not saved."""
    store = answer_store.current()
    if store is None:
        return not_started()
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
        f"<p><strong>{html.escape(exercise.title)}</strong></p><p>{html.escape(shown_prompt(exercise, kind_of(exercise).SCREEN_HOW))}</p>"
        + (f"<p><em>{html.escape(hint)}</em></p>" if hint else "")
    )
    box = w.VBox([header, body, check, feedback])
    box.add_class("prt-exercise-widget")
    return box


class ExerciseView:
    """One output, two renderings: the widget for Jupyter, static HTML for the book."""

    def __init__(self, static_html: str, make_widget: Callable[[], w.Widget], hint: str | None = None):
        self.static_html = static_html
        self._make_widget = make_widget
        self.hint = hint if hint is not None else run_hint()
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
