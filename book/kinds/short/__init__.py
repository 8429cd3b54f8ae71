"""Short answer: write first, then compare with a model answer and tick a rubric."""

from __future__ import annotations

import html
from typing import Any

from collections import Counter

from ...course.ids import stable_ids
from ...course.load import in_source
from ...course.models import ShortAnswer
from ...course.strings import t, t_text
from ..frame import frame_html
from ..result import Result, invalid, offered_index

SCREEN_HOW = None
SHAPE = "text"
CAPTION = "group.bars_short"
#: Whether ``bars`` tells the key (counts the model answer's points: the key itself): the room shows such counts after Reveal.
BARS_SHOW_KEY = True


def grade(ex: ShortAnswer, answer: dict[str, Any]) -> Result:
    """Too short is refused; otherwise the model answer and the rubric points ticked."""
    text = str(answer.get("text", "")).strip()
    words = len(text.split())
    if words < ex.min_words:
        return invalid(t("grade.too_short", min=ex.min_words, n=words))
    ticks = sorted({int(i) for i in answer.get("ticks", []) if 0 <= int(i) < len(ex.rubric)})
    done = len(ticks) == len(ex.rubric)
    return Result(
        done,
        len(ticks) / len(ex.rubric),
        [t("grade.model_answer", model=ex.model_answer), t("grade.ticked", n=len(ticks), total=len(ex.rubric))],
    )


def key_text(ex: ShortAnswer) -> list[str]:
    return [t("key.model", text=ex.model_answer)] + [t("key.rubric", text=r) for r in ex.rubric]


def static_html(ex: ShortAnswer) -> str:
    rubric = "".join(
        f'<label class="prt-option"><input type="checkbox" class="prt-tick" value="{i}"> {html.escape(r)}</label>'
        for i, r in enumerate(ex.rubric)
    )
    body = (
        f'<label for="ex-{ex.id}-text">{t_text("exercise.your_answer")}</label>'
        f'<textarea id="ex-{ex.id}-text" class="prt-text" rows="5"></textarea>'
        f'<fieldset class="prt-rubric"><legend>{t_text("exercise.tick_after")}</legend>{rubric}</fieldset>'
    )
    spec = {"kind": "short", "min_words": ex.min_words, "model": ex.model_answer, "points": len(ex.rubric)}
    return frame_html(ex, spec, body, label="exercise.compare_model", how=SCREEN_HOW)


def ids(ex: ShortAnswer) -> list[str]:
    """The rubric points' stable ids, in the rubric's order, made from the English (book/course/ids.py)."""
    source = in_source(ex)
    return stable_ids(list(source.rubric), source.rubric_ids)


def to_stable(ex: ShortAnswer, live: dict[str, Any]) -> dict[str, Any]:
    """In an answer file: ``{"text": str, "ticks": [rubric point id, ...]}``."""
    points = ids(ex)
    return {"text": live.get("text", ""), "ticks": [points[i] for i in live.get("ticks", [])]}


def from_stable(ex: ShortAnswer, stable: dict[str, Any]) -> dict[str, Any]:
    return {"text": str(stable.get("text", "")),
            "ticks": [offered_index(ids(ex), r, "answers.what_rubric") for r in stable.get("ticks", [])]}


def upgrade(ex: ShortAnswer, old: dict[str, Any]) -> dict[str, Any]:
    """A version 1 or 2 answer (the ticked points' English texts) with the points' ids."""
    points = ids(ex)
    return {**old, "ticks": [points[offered_index(list(in_source(ex).rubric), r, "answers.what_rubric")]
                             for r in old.get("ticks", [])]}


def entry(ex: ShortAnswer) -> dict[str, Any]:
    """The rubric points' ids and this edition's texts."""
    return {"ids": ids(ex), "rubric": list(ex.rubric)}


def bars(entry: dict[str, Any], answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """How many ticked each point of the rubric, comparing their answer with the model."""
    counts: Counter[str] = Counter()
    for a in answers:
        counts.update(a.get("ticks", []))
    return [(text, counts[i]) for i, text in zip(entry["ids"], entry["rubric"])]


def paper_kind(ex: ShortAnswer) -> str:
    return t("paper.kind_short")


def paper_how(ex: ShortAnswer) -> str | None:
    return None


def paper_lines(ex: ShortAnswer) -> list[tuple[str, str]]:
    return [(t("paper.key_model"), ex.model_answer)] + [(t("paper.key_rubric"), r) for r in ex.rubric]
