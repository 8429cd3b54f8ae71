"""Exercises: one definition per exercise (YAML), graded in Python, shown two ways.

``show(id)`` is what a chapter or exercise notebook calls. Each kind is a package of
``book/kinds/`` (its contract: ``book/kinds/__init__.py``); its live widget is the
package's ``widget`` module, found by the kind's name.
"""

from __future__ import annotations

import datetime as dt
import html
from importlib import import_module
from types import ModuleType
from typing import Any

import ipywidgets as w
from IPython.display import HTML

from ..course.load import course
from ..course.strings import t, t_html, t_text
from ..kinds import KINDS, grade, kind_of
from ..kinds.result import Result
from .live import session as live
from .live.frame import ExerciseView, run_hint
from .live.errors import shown_errors
from ..answers.names import NameProblem
from .facilitator.projection import projector



def show(exercise_id: str) -> ExerciseView:
    """The exercise as one notebook output: live widget in Jupyter, static HTML in the book."""
    ex = course().exercises[exercise_id]
    return ExerciseView(kind_of(ex).static_html(ex), lambda: widget_of(ex.kind).widget(ex))


def widget_of(kind: str) -> ModuleType:
    """A kind's live widget module: ``book/kinds/<kind>/widget.py``, by the contract every
    kind keeps (tests/unit/test_kinds.py checks each has one). Looked up by name so the
    registry (``book.kinds.KINDS``) stays the one list of kinds, and a kind's pure half
    never loads ipywidgets."""
    return import_module(f"{KINDS[kind].__name__}.widget")


def answer_key(exercise_id: str) -> HTML:
    """The facilitator's key: right answers (with dates for orderings) and notes."""
    ex = course().exercises[exercise_id]
    lines = kind_of(ex).key_text(ex)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    note = (f"<p><em>{t_text('key.note')}</em> {html.escape(ex.facilitator_note)}</p>"
            if ex.facilitator_note else "")
    # Folded until the facilitator opens it: the notebook may be on the projector.
    return HTML(f'<details class="prt-answer-key"><summary><strong>{t_text("key.title")}</strong> '
                f'{t_text("key.click")}</summary><ul>{items}</ul>{note}</details>')


def start_session(participant: str | None = None, session: str | None = None) -> Any:
    """Choose whose answers these are; with names given, start at once (tests, scripts).

    In a live notebook, call it with no arguments: it shows a small form. Until Start is
    pressed nothing is saved; Start brings this participant's saved answers back into
    the exercises already drawn.
    """
    if participant is not None:
        return live.start(participant, session or dt.date.today().isoformat())
    name = w.Text(description=t("live.name"), placeholder=t("live.nickname"))
    when = w.Text(description=t("live.session"), value=dt.date.today().isoformat())
    go = w.Button(description=t("live.start"), button_style="primary")
    status = w.HTML(f"<p>{t_html('live.where_saved', folder='<code>answers/</code>')}</p>")

    def start(_: Any) -> None:
        try:
            store = live.start(name.value, when.value)
        except NameProblem as err:
            status.value = f"<p class='prt-wrong'>{html.escape(str(err))}</p>"
            return
        saving = t_html("live.saving", name=f"<strong><bdi>{html.escape(store.participant)}</bdi></strong>",
                        session=f"<bdi>{html.escape(store.session)}</bdi>",
                        path=f"<code dir='ltr'>{_isolated_path(store.path)}</code>", n=len(store.answers))
        status.value = (f"<p>{saving}</p>"
                        + (f"<p class='prt-wrong'>{html.escape(store.notice)}</p>" if store.notice else ""))

    go.on_click(shown_errors(start, status, t("live.doing_start")))
    form = w.VBox([name, when, go, status])
    return ExerciseView(f"<p><em>{html.escape(run_hint())}</em></p>", lambda: form)


def _isolated_path(path: Any) -> str:
    """A path whose right-to-left parts (an Arabic name) do not reorder the parts around them."""
    return "/".join(f"<bdi>{html.escape(part)}</bdi>" for part in str(path).split("/"))


def show_chapter(chapter: str) -> ExerciseView:
    """All of a chapter's exercises, in the order the data lists them, as one output."""
    return ExerciseView.combine([show(x.id) for x in course().chapter_exercises(chapter)])


__all__ = [
    "KINDS", "ExerciseView", "Result", "answer_key", "grade", "projector", "show", "show_chapter",
    "start_session",
]
