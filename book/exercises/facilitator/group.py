"""The facilitator's view of a group in Jupyter: everyone's answer files, per question.

Participants' answer files (those the live notebooks write in ``answers/<session>/``
and those readers export from the book's "My answers" page: one format, book/answers)
are put in one folder. This module reads them with ``book.answers.read`` and shows the
same summary as the facilitator edition's group page (counts per question, the
paragraphs the group flagged), plus how many got each exercise right, graded now by the
course's own graders. A file that cannot be read, or an answer the course has changed
since, is named and left out, never fatal. No names are shown. It counts each member's
last answer, or with ``which="first"`` their first graded answer (version 3 files), and
says which it counts.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from ...answers.read import Group, collect_paths
from ...answers.stable import from_stable
from ...answers.summary import summarize
from ...kinds import grade, kind_of
from ...course.load import course
from ...course.strings import t, t_text


OUTCOMES = ("right", "not yet", "no grade")
#: The catalog's key for what the chart's legend calls each outcome.
OUTCOME_KEYS = {"right": "group.outcome_right", "not yet": "group.outcome_not_yet", "no grade": "group.outcome_no_grade"}
COLOURS = {"right": "#1b6e20", "not yet": "#a4260b", "no grade": "#767676"}


def load_group(folder: Path) -> Group:
    """Every answer file in ``folder`` and below (set-aside ``.corrupt-`` copies excepted)."""
    paths = [p for p in sorted(Path(folder).rglob("*.json")) if ".corrupt-" not in p.name]
    return collect_paths(paths)


def outcome_counts(group: Group, chapter: str | None = None, which: str = "last") -> dict[str, Counter]:
    """exercise id -> Counter of outcomes (graded again now), in the course's order."""
    exercises = course().exercises
    counts: dict[str, Counter] = {}
    for ex_id, ex in exercises.items():
        if chapter is not None and ex.chapter != chapter:
            continue
        for member in group.members:
            if ex_id in member.given(which):
                result = grade(ex_id, from_stable(ex, member.given(which)[ex_id]))
                outcome = "no grade" if result.correct is None else "right" if result.correct else "not yet"
                counts.setdefault(ex_id, Counter())[outcome] += 1
    return counts


def option_counts(group: Group, exercise_id: str, which: str = "last") -> Counter:
    """For a multiple-choice exercise: how many members picked each option (by its id)."""
    picked: Counter = Counter()
    for member in group.members:
        picked.update(member.given(which).get(exercise_id, {}).get("chosen", []))
    return picked


def figure(group: Group, chapter: str | None = None, which: str = "last") -> go.Figure:
    counts = outcome_counts(group, chapter, which)
    titles = [course().exercises[x].title for x in counts]
    fig = go.Figure()
    for outcome in OUTCOMES:
        fig.add_bar(name=t(OUTCOME_KEYS[outcome]), y=titles, x=[c[outcome] for c in counts.values()],
                    orientation="h", marker_color=COLOURS[outcome])
    fig.update_layout(barmode="stack", height=120 + 32 * len(titles), plot_bgcolor="white",
                      margin={"l": 10, "r": 10, "t": 30, "b": 30}, legend={"orientation": "h"},
                      xaxis={"title": t("group.participants"), "dtick": 1}, yaxis={"autorange": "reversed"})
    return fig


def _table(caption: str, head: tuple[str, str], rows: list[tuple[str, Any]]) -> str:
    body = "".join(f"<tr><td>{html.escape(str(a))}</td><td>{html.escape(str(b))}</td></tr>" for a, b in rows)
    return (f"<table class='prt-timeline-table'><caption>{html.escape(caption)}</caption>"
            f"<tr><th scope='col'>{html.escape(head[0])}</th><th scope='col'>{html.escape(head[1])}</th></tr>{body}</table>")


@dataclass
class GroupView:
    """The group's answers: chart and tables, live or static (the group page's counts)."""

    group: Group
    chapter: str | None = None
    which: str = "last"

    def _tables(self) -> str:
        summary = summarize(self.group, self.which)
        exercises = course().exercises
        parts = [_table(t(kind_of(q["kind"]).CAPTION, title=q["title"]), (t("group.answer_head"), t("group.members_head")), q["bars"])
                 for q in summary["questions"] if q["bars"]
                 and (self.chapter is None or exercises[q["id"]].chapter == self.chapter)]
        spots = [s for s in summary["paragraphs"] if self.chapter is None or s["chapter"] == self.chapter]
        if spots:
            parts.append(_table(t("group.flagged_caption"), (t("group.paragraph_head"), t("group.flags_head")), [
                (f"{s['chapter']} ¶{s['paragraph']}",
                 t("group.flag_counts", confused=s["confused"], discuss=s["discuss"]) +
                 "".join(f" · {t('flags.quoted', note=n)}" for n in s["notes"])) for s in spots]))
        return "\n".join(parts)

    def _summary(self) -> str:
        text = (f"<p>{t_text('group.files_read', n=len(self.group.members))} "
                f"<strong>{t_text('group.counting_' + self.which)}</strong></p>")
        if self.group.skipped:
            text += f"<p>{t_text('group.skipped', list='; '.join(self.group.skipped))}</p>"
        if self.group.replaced:
            text += "<p>" + t_text("group.replaced", list="; ".join(
                t("group.replaced_one", old=old, file=new) for old, new in self.group.replaced)) + "</p>"
        if self.group.misfits:
            text += f"<p>{t_text('group.left_out', list='; '.join(self.group.misfits))}</p>"
        return text

    def _repr_html_(self) -> str:
        fig = figure(self.group, self.chapter, self.which).to_html(include_plotlyjs=False, full_html=False,
                                                        div_id="group-answers", config={"displaylogo": False})
        return f"{self._summary()}\n{fig}\n{self._tables()}"

    def _ipython_display_(self) -> None:
        """In Jupyter: the summary, the live chart, then the tables, as three outputs."""
        from IPython.display import HTML, display

        display(HTML(self._summary()))
        display(figure(self.group, self.chapter, self.which))
        display(HTML(self._tables()))


def distribution(folder: str | Path, chapter: str | None = None, which: str = "last") -> GroupView:
    """What group-answers.ipynb shows for a folder of answer files: each member's "last"
    answers, or their "first"."""
    if which not in ("last", "first"):
        raise ValueError(f'which is "last" or "first", not {which!r}')
    return GroupView(load_group(Path(folder)), chapter, which)
