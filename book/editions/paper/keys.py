"""A chapter's exercises with their answer keys, written out for the facilitator's sheet.

On screen the facilitator edition folds a key under each exercise; at a table, a
facilitator needs the same keys on paper, in words that can be read aloud: the right
option (with the feedback that says why), the events in order with their dates, the
matching pairs, the model answer and its rubric, the article's own demands, and the
facilitator note. Each kind's package writes its lines (``paper_lines``) from the same
data and functions its grader uses, never from the pages, so the sheet and the graders
cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...course.load import course
from ...kinds import kind_of


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


def _prompt(ex: Any) -> str:
    """The prompt as the sheet prints it: the data's, then how to answer it with a pen
    (a screen says how with its controls: the kind's SCREEN_HOW)."""
    how = kind_of(ex).paper_how(ex)
    return f"{ex.prompt} {how}" if how else ex.prompt


def chapter_keys(chapter: str) -> list[SheetKey]:
    """The chapter's exercises in the order the data (and the book) lists them."""
    return [SheetKey(title=ex.title, kind=kind_of(ex).paper_kind(ex), prompt=_prompt(ex),
                     paragraphs=", ".join(para(p) for p in ex.passages),
                     lines=kind_of(ex).paper_lines(ex), note=ex.facilitator_note or "")
            for ex in course().chapter_exercises(chapter)]
