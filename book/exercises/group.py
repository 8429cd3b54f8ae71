"""The facilitator's view of a group: everyone's saved answers, per question, as charts.

Participants' answer files (the JSON that live notebooks save, or the CSV they export)
are copied into one folder; this module reads them all and shows, for each exercise,
how many got it right, not yet, or gave an ungraded answer, and for multiple choice
which options were picked. A file that cannot be read is named and skipped, never fatal.
"""

from __future__ import annotations

import csv
import html
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from ..load import course

OUTCOMES = ("right", "not yet", "no grade")
COLOURS = {"right": "#1b6e20", "not yet": "#a4260b", "no grade": "#767676"}


@dataclass
class Group:
    """All answers found in a folder: one row per participant, session and exercise."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _outcome(correct: Any) -> str:
    if correct in (True, "True", "true"):
        return "right"
    if correct in (False, "False", "false"):
        return "not yet"
    return "no grade"


def load_group(folder: Path) -> Group:
    group = Group()
    for path in sorted(Path(folder).rglob("*")):
        if path.suffix not in (".json", ".csv") or ".corrupt-" in path.name:
            continue
        try:
            if path.suffix == ".json":
                data = json.loads(path.read_text(encoding="utf-8"))
                for exercise, entry in data["answers"].items():
                    group.rows.append({"participant": data["participant"], "session": data["session"],
                                       "exercise": exercise, "answer": entry["answer"],
                                       "outcome": _outcome(entry["correct"])})
            else:
                with path.open(encoding="utf-8") as src:
                    for row in csv.DictReader(src):
                        group.rows.append({"participant": row["participant"], "session": row["session"],
                                           "exercise": row["exercise"], "answer": json.loads(row["answer"]),
                                           "outcome": _outcome(row["correct"])})
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as err:
            group.skipped.append(f"{path.name}: {err.__class__.__name__}")
    # A participant who sent both the JSON and its CSV export is counted once.
    unique = {(r["participant"], r["session"], r["exercise"]): r for r in group.rows}
    group.rows = list(unique.values())
    return group


def outcome_counts(group: Group, chapter: str | None = None) -> dict[str, Counter]:
    """exercise id -> Counter of outcomes, in the order the course lists its exercises."""
    exercises = course().exercises
    order = [x for x in exercises if chapter is None or exercises[x].chapter == chapter]
    counts = {x: Counter() for x in order}
    for r in group.rows:
        if r["exercise"] in counts:
            counts[r["exercise"]][r["outcome"]] += 1
    return {x: c for x, c in counts.items() if c}


def option_counts(group: Group, exercise_id: str) -> Counter:
    """For a multiple-choice exercise: how many participants picked each option.

    An index that no longer names an option (saved before the course changed) is not
    counted: the chart shows the options as they are now."""
    ex = course().exercises[exercise_id]
    picked: Counter = Counter()
    for r in group.rows:
        if r["exercise"] == exercise_id and isinstance(r["answer"], list):
            for i in r["answer"]:
                if isinstance(i, int) and 0 <= i < len(ex.options):
                    picked[ex.options[i].text] += 1
    return picked


def figure(group: Group, chapter: str | None = None) -> go.Figure:
    counts = outcome_counts(group, chapter)
    titles = [course().exercises[x].title for x in counts]
    fig = go.Figure()
    for outcome in OUTCOMES:
        fig.add_bar(name=outcome, y=titles, x=[c[outcome] for c in counts.values()],
                    orientation="h", marker_color=COLOURS[outcome])
    fig.update_layout(barmode="stack", height=120 + 32 * len(titles), plot_bgcolor="white",
                      margin={"l": 10, "r": 10, "t": 30, "b": 30}, legend={"orientation": "h"},
                      xaxis={"title": "participants", "dtick": 1}, yaxis={"autorange": "reversed"})
    return fig


@dataclass
class GroupView:
    """The distribution of a group's answers: chart and tables, live or static."""

    group: Group
    chapter: str | None = None

    def _tables(self) -> str:
        parts = []
        for x in outcome_counts(self.group, self.chapter):
            ex = course().exercises[x]
            if ex.kind != "choice":
                continue
            picked = option_counts(self.group, x)
            rows = "".join(
                f"<tr><td>{html.escape(o.text)}{' ✓' if o.correct else ''}</td><td>{picked[o.text]}</td></tr>"
                for o in ex.options
            )
            parts.append(f"<table class='prt-timeline-table'><caption>{html.escape(ex.title)}: options picked"
                         f"</caption><tr><th scope='col'>Option</th><th scope='col'>Picked by</th></tr>{rows}</table>")
        return "\n".join(parts)

    def _summary(self) -> str:
        people = {(r["participant"], r["session"]) for r in self.group.rows}
        text = f"<p>{len(people)} participant files, {len(self.group.rows)} answers.</p>"
        if self.group.skipped:
            text += "<p>Skipped (could not be read): " + html.escape(", ".join(self.group.skipped)) + "</p>"
        return text

    def _repr_html_(self) -> str:
        fig = figure(self.group, self.chapter).to_html(include_plotlyjs=False, full_html=False,
                                                        div_id="group-answers", config={"displaylogo": False})
        return f"{self._summary()}\n{fig}\n{self._tables()}"

    def _ipython_display_(self) -> None:
        """In Jupyter: the summary, the live chart, then the option tables, as three outputs."""
        from IPython.display import HTML, display

        display(HTML(self._summary()))
        display(figure(self.group, self.chapter))
        display(HTML(self._tables()))


def distribution(folder: str | Path, chapter: str | None = None) -> GroupView:
    """Read every answer file under ``folder`` and show the group's answers per question."""
    return GroupView(load_group(Path(folder)), chapter)
