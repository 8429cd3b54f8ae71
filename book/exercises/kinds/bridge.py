"""The transitional-program bridge: from a grievance to a goal, compared with the article.

A participant picks a grievance from the article (jobs, electricity, water ...) and
builds the chain immediate demand -> transitional demand -> goal; then sees the demand
the article's own program puts against that grievance, with its paragraph.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ...course.models import Bridge
from ...course.strings import t, t_text
from ..base import Result, frame_html, frame_widget, invalid

STEPS = ("immediate", "transitional", "goal")
#: Each step's label (exercise.bridge_<step> in the catalog).
LABELS = {s: t(f"exercise.bridge_{s}") for s in STEPS}


def grade(ex: Bridge, answer: dict[str, Any]) -> Result:
    """Every step needs words; then the article's demand for that grievance, to compare."""
    try:
        picked = int(answer.get("grievance", -1))
    except (TypeError, ValueError):
        picked = -1
    if not 0 <= picked < len(ex.grievances):  # -1 is "none chosen", not the last one
        return invalid(t("grade.choose_grievance"))
    chosen = ex.grievances[picked]
    for step in STEPS:
        if len(str(answer.get(step, "")).split()) < ex.min_words:
            return invalid(t("grade.fill_step", step=t(f"grade.step_{step}"), min=ex.min_words))
    where = f" (¶{chosen.passage[1:]})" if chosen.passage else ""
    return Result(
        None,
        None,
        [t("grade.chain", immediate=answer["immediate"], transitional=answer["transitional"], goal=answer["goal"]),
         t("grade.program", grievance=chosen.grievance, demand=chosen.article_demand, where=where),
         t("grade.compare")],
    )


def key_text(ex: Bridge) -> list[str]:
    return [f"{g.grievance} → {g.article_demand}" for g in ex.grievances]


def static_html(ex: Bridge) -> str:
    options = f'<option value="">{t_text("exercise.choose")}</option>' + "".join(
        f'<option value="{i}">{html.escape(g.grievance)}</option>' for i, g in enumerate(ex.grievances)
    )
    steps = "".join(
        f'<label for="ex-{ex.id}-{s}">{html.escape(LABELS[s])}</label>'
        f'<textarea id="ex-{ex.id}-{s}" data-step="{s}" rows="2"></textarea>'
        for s in STEPS
    )
    body = (
        f'<label for="ex-{ex.id}-g">{t_text("exercise.grievance")}</label><select id="ex-{ex.id}-g" class="prt-grievance">'
        f'{options}</select><div class="prt-bridge">{steps}</div>'
    )
    spec = {
        "kind": "bridge", "min_words": ex.min_words,
        "grievances": [
            {"grievance": g.grievance, "demand": g.article_demand,
             "where": f" (¶{g.passage[1:]})" if g.passage else ""}
            for g in ex.grievances
        ],
    }
    return frame_html(ex, spec, body, label="exercise.compare_article")


def widget(ex: Bridge) -> w.Widget:
    pick = w.Dropdown(options=[(g.grievance, i) for i, g in enumerate(ex.grievances)], value=None,
                      description=t("exercise.grievance"), layout={"width": "auto"})
    fields = {s: w.Textarea(placeholder=LABELS[s], layout={"width": "100%"}) for s in STEPS}
    body = w.VBox([pick, *fields.values()])

    def read() -> dict[str, Any]:
        return {"grievance": -1 if pick.value is None else pick.value, **{s: f.value for s, f in fields.items()}}

    def write(answer: dict[str, Any]) -> None:
        pick.value = None if int(answer.get("grievance", -1)) < 0 else int(answer["grievance"])
        for s, f in fields.items():
            f.value = answer.get(s, "")

    return frame_widget(ex, body, read, lambda a: grade(ex, a), write, {"grievance": -1}, label="exercise.compare")
