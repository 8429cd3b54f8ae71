"""Multiple choice, single or multiple answers, with feedback on every option."""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from ...course.ids import stable_ids
from ...course.load import in_source
from ...course.models import MultipleChoice
from ...course.strings import t, t_text
from ..frame import frame_html
from ..result import Misfit, Result, invalid, nothing_chosen, offered_index

SCREEN_HOW = None
SHAPE = "chosen"
CAPTION = "group.bars"
#: Whether ``bars`` tells the key (counts the options chosen, which the projector shows as they are): the room shows such counts after Reveal.
BARS_SHOW_KEY = False


def grade(ex: MultipleChoice, chosen: list[int]) -> Result:
    """Feedback for each chosen option; for multiple answers, also what was missed."""
    if not chosen:
        return nothing_chosen()
    picked = sorted(set(chosen))
    if any(not 0 <= i < len(ex.options) for i in picked):
        return invalid(t("grade.no_option"))
    right = {i for i, o in enumerate(ex.options) if o.correct}
    messages = [ex.options[i].feedback for i in picked]
    missed = len(right - set(picked))
    if ex.multiple and missed:
        messages.append(t("grade.more_right", n=missed))
    hits = len(right & set(picked)) - len(set(picked) - right)
    return Result(set(picked) == right, max(hits, 0) / len(right), messages)


def key_text(ex: MultipleChoice) -> list[str]:
    return [t("key.right", text=o.text) for o in ex.options if o.correct]


def static_html(ex: MultipleChoice) -> str:
    kind = "checkbox" if ex.multiple else "radio"
    inputs = "".join(
        f'<label class="prt-option"><input type="{kind}" name="ex-{ex.id}" value="{i}"> '
        f"{html.escape(o.text)}</label>"
        for i, o in enumerate(ex.options)
    )
    legend = t_text("exercise.choose_all" if ex.multiple else "exercise.choose_one")
    body = f"<fieldset><legend>{legend}</legend>{inputs}</fieldset>"
    spec = {
        "kind": "choice",
        "multiple": ex.multiple,
        "options": [{"correct": o.correct, "feedback": o.feedback} for o in ex.options],
    }
    return frame_html(ex, spec, body, how=SCREEN_HOW)


def ids(ex: MultipleChoice) -> list[str]:
    """The options' stable ids, in the options' order, made from the English (book/course/ids.py)."""
    source = in_source(ex)
    return stable_ids([o.text for o in source.options], [o.id for o in source.options])


def to_stable(ex: MultipleChoice, live: list[int]) -> dict[str, Any]:
    """In an answer file: ``{"chosen": [option id, ...]}``."""
    offered = ids(ex)
    return {"chosen": [offered[i] for i in live]}


def from_stable(ex: MultipleChoice, stable: dict[str, Any]) -> list[int]:
    chosen = [offered_index(ids(ex), c, "answers.what_option") for c in stable["chosen"]]
    if len(chosen) > 1 and not ex.multiple:
        raise Misfit(t("answers.several"))
    return chosen


def upgrade(ex: MultipleChoice, old: dict[str, Any]) -> dict[str, Any]:
    """A version 1 or 2 answer (the options' English texts) with the options' ids."""
    offered = ids(ex)
    return {**old, "chosen": [offered[offered_index([o.text for o in in_source(ex).options], c, "answers.what_option")]
                              for c in old["chosen"]]}


def entry(ex: MultipleChoice) -> dict[str, Any]:
    """The options' ids and this edition's texts (``options``), the right ones' ids."""
    offered = ids(ex)
    return {"ids": offered, "options": [o.text for o in ex.options],
            "correct": [i for i, o in zip(offered, ex.options) if o.correct], "multiple": ex.multiple}


def bars(entry: dict[str, Any], answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """How many chose each option."""
    counts: Counter[str] = Counter()
    for a in answers:
        counts.update(a.get("chosen", []))
    return [(text, counts[i]) for i, text in zip(entry["ids"], entry["options"])]


def paper_kind(ex: MultipleChoice) -> str:
    return t("exercise.choose_all" if ex.multiple else "exercise.choose_one").lower()


def paper_how(ex: MultipleChoice) -> str | None:
    return None


def paper_lines(ex: MultipleChoice) -> list[tuple[str, str]]:
    return [(t("paper.key_right" if o.correct else "paper.key_not_right", option=sentence(o.text)), o.feedback)
            for o in ex.options]


def sentence(text: str) -> str:
    """An option printed as a sentence on the sheet: with its closing stop."""
    return text if text.endswith((".", "?", "!", "\"", "”")) else f"{text}."
