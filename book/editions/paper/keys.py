"""A chapter's exercises with their answer keys, written out for the facilitator's sheet.

On screen the facilitator edition folds a key under each exercise; at a table, a
facilitator needs the same keys on paper, in words that can be read aloud: the right
option (with the feedback that says why), the events in order with their dates, the
matching pairs, the model answer and its rubric, the article's own demands, and the
facilitator note. Everything comes from the exercise data through the loaders and the
same functions the graders use (``offered.ordering_key``, ``offered.matching_pairs``), never from the pages,
so the sheet and the graders cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...course.offered import matching_pairs, ordering_key
from ...course.load import course
from ...course.strings import t
from ...timeline.base import date_label

#: What each kind asks of a participant, as the sheet names it.
KIND_WORDS = {k: t(f"paper.kind_{k}") for k in ("ordering", "matching", "short", "bridge", "ledger", "discussion")}


@dataclass(frozen=True)
class SheetKey:
    """One exercise as the facilitator's sheet prints it; ``lines`` are (lead, text)
    pairs: the lead in bold ("Right: the option.", "1.", a term), the text after it;
    ``prompt`` says how to answer with a pen, where the screen's says which button."""

    title: str
    kind: str
    prompt: str
    paragraphs: str
    lines: list[tuple[str, str]]
    note: str


def para(anchor: str | None) -> str:
    """``p51`` as the article numbers it, ``¶51`` (empty for no anchor)."""
    return f"¶{anchor[1:]}" if anchor else ""


def _with_para(text: str, anchor: str | None) -> str:
    return f"{text} ({para(anchor)})" if anchor else text


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!", "\"", "”")) else f"{text}."


def _choice(ex: Any) -> list[tuple[str, str]]:
    return [(t("paper.key_right" if o.correct else "paper.key_not_right", option=_sentence(o.text)), o.feedback)
            for o in ex.options]


def _ordering(ex: Any) -> list[tuple[str, str]]:
    events = course().events
    return [(f"{n}.", _with_para(f"{date_label(events[i])}: {events[i].title}", events[i].passage))
            for n, i in enumerate(ordering_key(ex), start=1)]


def _matching(ex: Any) -> list[tuple[str, str]]:
    return [(f"{left} →", right) for left, right in matching_pairs(ex)]


def _short(ex: Any) -> list[tuple[str, str]]:
    return [(t("paper.key_model"), ex.model_answer)] + [(t("paper.key_rubric"), r) for r in ex.rubric]


def _bridge(ex: Any) -> list[tuple[str, str]]:
    return [(f"{g.grievance} →", _with_para(t("paper.key_demand", demand=g.article_demand), g.passage))
            for g in ex.grievances]


def _ledger(ex: Any) -> list[tuple[str, str]]:
    return [(t("paper.key_no_key"), t("paper.key_ledger")), (t("paper.key_households"), ", ".join(ex.households))]


def _discussion(ex: Any) -> list[tuple[str, str]]:
    return [(t("paper.key_no_key"), t("paper.key_discussion"))] + [(t("paper.key_prompt"), q) for q in ex.questions]


#: How to answer a kind with a pen, said after the data's prompt (a screen says how with its
#: controls: exercises/base.py SCREEN_HOW); the other kinds' prompts need no more on paper.
PAPER_HOW = {"ordering": lambda ex: t("paper.how_ordering", n=len(ex.events)), "ledger": lambda ex: t("paper.how_ledger")}


def _prompt(ex: Any) -> str:
    """The prompt as the sheet prints it: the data's, then how to answer it with a pen."""
    how = PAPER_HOW.get(ex.kind)
    return f"{ex.prompt} {how(ex)}" if how else ex.prompt


LINES = {"choice": _choice, "ordering": _ordering, "matching": _matching, "short": _short,
         "bridge": _bridge, "ledger": _ledger, "discussion": _discussion}


def _kind(ex: Any) -> str:
    if ex.kind == "choice":
        return t("exercise.choose_all" if ex.multiple else "exercise.choose_one").lower()
    return KIND_WORDS[ex.kind]


def chapter_keys(chapter: str) -> list[SheetKey]:
    """The chapter's exercises in the order the data (and the book) lists them."""
    return [SheetKey(title=ex.title, kind=_kind(ex), prompt=_prompt(ex),
                     paragraphs=", ".join(para(p) for p in ex.passages),
                     lines=LINES[ex.kind](ex), note=ex.facilitator_note or "")
            for ex in course().chapter_exercises(chapter)]
