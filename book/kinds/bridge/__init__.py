"""The transitional-program bridge: from a grievance to a goal, compared with the article.

A participant picks a grievance from the article (jobs, electricity, water ...) and
builds the chain immediate demand -> transitional demand -> goal; then sees the demand
the article's own program puts against that grievance, with its paragraph.
"""

from __future__ import annotations

import html
from typing import Any

from collections import Counter

from ...course.ids import stable_ids
from ...course.load import in_source
from ...course.models import Bridge
from ...course.strings import t, t_text
from ..frame import frame_html
from ..result import Misfit, Result, invalid, offered_index

SCREEN_HOW = None
SHAPE = "grievance"
CAPTION = "group.bars_bridge"
#: Whether ``bars`` tells the key (counts the grievances started from): the room shows such counts after Reveal.
BARS_SHOW_KEY = False
#: The chain's steps; each step's label is exercise.bridge_<step> in the catalog.
STEPS = ("immediate", "transitional", "goal")


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
    return [t("answers.then", before=g.grievance, after=g.article_demand) for g in ex.grievances]


def static_html(ex: Bridge) -> str:
    options = f'<option value="">{t_text("exercise.choose")}</option>' + "".join(
        f'<option value="{i}">{html.escape(g.grievance)}</option>' for i, g in enumerate(ex.grievances)
    )
    steps = "".join(
        f'<label for="ex-{ex.id}-{s}">{t_text(f"exercise.bridge_{s}")}</label>'
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
    return frame_html(ex, spec, body, label="exercise.compare_article", how=SCREEN_HOW)


def ids(ex: Bridge) -> list[str]:
    """The grievances' stable ids, in the exercise's order, made from the English (book/course/ids.py)."""
    source = in_source(ex)
    return stable_ids([g.grievance for g in source.grievances], [g.id for g in source.grievances])


def to_stable(ex: Bridge, live: dict[str, Any]) -> dict[str, Any]:
    """In an answer file: ``{"grievance": grievance id | null, "immediate": str, "transitional": str, "goal": str}``."""
    g = int(live.get("grievance", -1))
    if g >= len(ex.grievances) or g < -1:
        raise Misfit(t("answers.not_offered", what=t("answers.what_grievance"), text=g))
    return {"grievance": ids(ex)[g] if g >= 0 else None, **{s: live.get(s, "") for s in STEPS}}


def from_stable(ex: Bridge, stable: dict[str, Any]) -> dict[str, Any]:
    g = stable.get("grievance")
    return {"grievance": -1 if g is None else offered_index(ids(ex), g, "answers.what_grievance"),
            **{s: str(stable.get(s, "")) for s in STEPS}}


def upgrade(ex: Bridge, old: dict[str, Any]) -> dict[str, Any]:
    """A version 1 or 2 answer (the grievance's English text) with the grievance's id."""
    g = old.get("grievance")
    texts = [x.grievance for x in in_source(ex).grievances]
    return {**old, "grievance": None if g is None else ids(ex)[offered_index(texts, g, "answers.what_grievance")]}


def entry(ex: Bridge) -> dict[str, Any]:
    """The grievances' ids and this edition's texts."""
    return {"ids": ids(ex), "grievances": [g.grievance for g in ex.grievances]}


def bars(entry: dict[str, Any], answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """How many started from each grievance."""
    counts = Counter(a.get("grievance") for a in answers if a.get("grievance"))
    return [(text, counts[i]) for i, text in zip(entry["ids"], entry["grievances"])]


def paper_kind(ex: Bridge) -> str:
    return t("paper.kind_bridge")


def paper_how(ex: Bridge) -> str | None:
    return None


def paper_lines(ex: Bridge) -> list[tuple[str, str]]:
    return [(t("paper.leads_to", item=g.grievance), f"{t('paper.key_demand', demand=g.article_demand)}"
             + (f" (¶{g.passage[1:]})" if g.passage else "")) for g in ex.grievances]
