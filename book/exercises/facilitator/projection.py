"""Projector mode: one exercise at a time, in large type, for the whole room.

The facilitator edition prints keys and notes that the room must not see yet. Projected
instead, this view shows a question's title and prompt only; the key and the
facilitator's note appear when the facilitator presses Reveal, and the group's answers
to the question on screen are drawn as counts, never with a name: each member's last
answer, or their first (a toggle; answer files keep both since version 3).
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any

import ipywidgets as w
import plotly.graph_objects as go

from ...notebooks import liveout
from ...course.load import course
from ...course.models import ExerciseBase
from ...course.strings import t, t_text
from . import group as group_answers
from ...answers import names
from ...kinds import kind_of
from ...kinds.frame import shown_prompt
from ..live.frame import ExerciseView
from ..live.errors import shown_errors
from ..live.store import SESSION_FIELD, answers_dir

BIG = {"font_size": "26px"}
WIDE = {"width": "max-content", "height": "auto", "padding": "6px 18px", "margin": "4px"}  # whole words


def session_folder(session: str | None) -> Path:
    """Where the participants of ``session`` (today's by default) save their answers."""
    name = names.clean(session or dt.date.today().isoformat(), SESSION_FIELD)
    return answers_dir() / names.file_stem(name)


def counts(folder: Path, ex: ExerciseBase, which: str = "last") -> Counter:
    """How many gave each answer (choice: each option; else each outcome), counting each
    member's ``which`` answer ("last" or "first"); no names."""
    found = group_answers.load_group(folder)
    if ex.kind != "choice":
        return group_answers.outcome_counts(found, which=which).get(ex.id, Counter())
    labels = dict(zip(kind_of(ex).ids(ex), (o.text for o in ex.options)))
    tally = Counter({text: 0 for text in labels.values()})  # an option no one picked still shows
    tally.update({labels[k]: v for k, v in group_answers.option_counts(found, ex.id, which).items() if k in labels})
    return tally


def chart(tally: Counter, title: str) -> go.Figure:
    labels = list(tally)
    wrapped = ["<br>".join(textwrap.wrap(k, 28, max_lines=3, placeholder="…")) for k in labels]  # room for bars
    fig = go.Figure(go.Bar(x=[tally[k] for k in labels], y=wrapped, orientation="h", marker_color="#1f5f99"))
    fig.update_layout(title=title, height=160 + 80 * len(labels), font={"size": 20}, plot_bgcolor="white",
                      margin={"l": 10, "r": 10, "t": 60, "b": 40}, yaxis={"autorange": "reversed"},
                      xaxis={"title": t("group.participants"), "dtick": 1})
    return fig


def _key_html(ex: ExerciseBase) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in kind_of(ex).key_text(ex))
    note = (f"<p><em>{t_text('key.note')}</em> {html.escape(ex.facilitator_note)}</p>"
            if ex.facilitator_note else "")
    return f"<ul>{items}</ul>{note}"


def projector(chapter: str, session: str | None = None) -> ExerciseView:
    """The chapter's exercises one by one, keys hidden, the group's answers as a chart."""
    exercises = course().chapter_exercises(chapter)
    folder = session_folder(session)
    at = [0]
    title, prompt, where = w.HTML(style={"font_size": "36px"}), w.HTML(style=BIG), w.HTML()
    key = w.HTML(style=BIG, layout={"display": "none"})
    answers = w.Output()
    reveal = w.Button(description=t("projector.reveal"), style=BIG, layout=WIDE)
    tally = w.Button(description=t("projector.show_answers"), style=BIG, layout=WIDE)
    back = w.Button(description=t("projector.previous"), style=BIG, layout=WIDE)
    forth = w.Button(description=t("projector.next"), style=BIG, layout=WIDE)
    status = w.HTML()
    which = w.ToggleButtons(options=[(t("group.count_last"), "last"), (t("group.count_first"), "first")], value="last",
                            description=t("group.count_legend"), style={"description_width": "initial", "font_weight": "bold"})

    def show(n: int) -> None:
        at[0] = max(0, min(n, len(exercises) - 1))
        ex = exercises[at[0]]
        title.value = f"<strong>{at[0] + 1}. {html.escape(ex.title)}</strong>"
        prompt.value = f"<p>{html.escape(shown_prompt(ex, kind_of(ex).SCREEN_HOW))}</p>"
        where.value = f"<p>{t_text('projector.where', n=at[0] + 1, total=len(exercises))}</p>"
        key.value, key.layout.display, reveal.description = _key_html(ex), "none", t("projector.reveal")
        liveout.show(answers)  # never captured (clear_output): book/notebooks/liveout.py

    def on_reveal(_: Any) -> None:
        hidden = key.layout.display == "none"
        key.layout.display = None if hidden else "none"
        reveal.description = t("projector.hide" if hidden else "projector.reveal")

    def on_tally(_: Any) -> None:
        ex = exercises[at[0]]
        found = counts(folder, ex, which.value)
        heading = f"{ex.title} · {t('group.answered_head_' + which.value)}"
        liveout.show(answers, liveout.figure(chart(found, heading)) if sum(found.values())
                     else liveout.text(t("projector.no_answers")))

    reveal.on_click(shown_errors(on_reveal, status, t("live.doing_reveal")))
    counted = shown_errors(on_tally, status, t("live.doing_tally"))
    tally.on_click(counted)
    back.on_click(shown_errors(lambda _: show(at[0] - 1), status, t("live.doing_back")))
    forth.on_click(shown_errors(lambda _: show(at[0] + 1), status, t("live.doing_on")))
    which.observe(lambda _: counted(None) if answers.outputs else None, names="value")  # a chart shown follows it
    show(0)
    box = w.VBox([where, title, prompt, w.HBox([back, forth, reveal, tally], layout={"flex_flow": "row wrap"}), which, key, answers, status])
    box.add_class("prt-projector")
    hint = t("projector.hint")
    return ExerciseView(f"<p><em>{html.escape(hint)}</em></p>", lambda: box, hint=hint)
