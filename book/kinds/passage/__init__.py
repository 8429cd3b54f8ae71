"""Click the passage: a claim, a few of the article's paragraphs, and the one that
supports (or refutes) it. Trains reading the argument: the reader goes back to the text.

The candidates are shown whole, in the words of the paragraph model
(``book.course.paragraphs``), each as one big choice a thumb or the arrow keys can take.
The answer is the chosen ¶'s anchor ("p19"): the same in every language of the book, so a
mixed group's answers count together.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from ...course.models import Passage
from ...course.paragraphs import course_articles
from ...course.strings import t, t_text
from ..frame import frame_html
from ..result import Misfit, Result, nothing_chosen

SCREEN_HOW = "exercise.how_passage"
SHAPE = "paragraph"
CAPTION = "group.bars_passage"
#: Whether ``bars`` tells the key (counts the ¶s chosen, not whether they were right): the room shows such counts after Reveal.
BARS_SHOW_KEY = False
#: How many of a candidate's first words name it on the group page and the projector.
FIRST_WORDS = 8


def mark(anchor: str) -> str:
    """``p19`` as a reader cites it: ``¶19``."""
    return f"¶{anchor[1:]}"


def text(ex: Passage, anchor: str) -> str:
    """A candidate's words, as the chapter has them."""
    paragraph = course_articles()[ex.chapter].get(anchor)
    if paragraph is None:  # make validate reports it first, naming the entry
        raise ValueError(f"{ex.id}: {ex.chapter} has no {mark(anchor)}")
    return paragraph.text


def label(ex: Passage, anchor: str) -> str:
    """``¶19: The first words of it …``, to name a candidate where the whole is too long."""
    words = text(ex, anchor).split()
    return f"{mark(anchor)}: {' '.join(words[:FIRST_WORDS])}{' …' if len(words) > FIRST_WORDS else ''}"


def grade(ex: Passage, chosen: str) -> Result:
    """The right ¶ and why; another, why not, and a second try (the answer is not told)."""
    if not chosen:
        return nothing_chosen()
    if chosen not in ex.candidates:
        return Result(None, None, [t("grade.no_option")], invalid=True)
    if chosen == ex.answer:
        return Result(True, 1.0, [t("grade.passage_right", mark=mark(chosen)), ex.why])
    return Result(False, 0.0, [ex.feedback[chosen], t("grade.passage_again")])


def key_text(ex: Passage) -> list[str]:
    return [t("key.passage", mark=mark(ex.answer), why=ex.why)]


def static_html(ex: Passage) -> str:
    """The claim, then each candidate whole, as a radio choice: the label is the whole ¶,
    so a tap anywhere on it chooses it, and the arrow keys move between them."""
    claim = (f'<p class="prt-claim"><strong>{t_text("exercise.claim")}</strong> '
             f"{html.escape(ex.claim)}</p>")
    options = "".join(
        f'<label class="prt-option prt-passage"><input type="radio" name="ex-{ex.id}" value="{a}"> '
        f'<span class="prt-passage-mark">{mark(a)}</span> <span class="prt-passage-text">{html.escape(text(ex, a))}</span>'
        "</label>"
        for a in ex.candidates
    )
    body = f'{claim}<fieldset class="prt-passages"><legend>{t_text("exercise.passages")}</legend>{options}</fieldset>'
    spec = {"kind": "passage", "answer": ex.answer, "why": ex.why, "feedback": ex.feedback}
    return frame_html(ex, spec, body, how=SCREEN_HOW)


def to_stable(ex: Passage, live: str) -> dict[str, Any]:
    """In an answer file: ``{"paragraph": "p19"}`` (the chosen ¶'s anchor, or null)."""
    return {"paragraph": live or None}


def from_stable(ex: Passage, stable: dict[str, Any]) -> str:
    chosen = stable["paragraph"]
    if chosen is not None and chosen not in ex.candidates:
        raise Misfit(t("answers.not_offered", what=t("answers.what_paragraph"), text=str(chosen)))
    return chosen or ""


def entry(ex: Passage) -> dict[str, Any]:
    return {"candidates": {a: label(ex, a) for a in ex.candidates}, "key": ex.answer}


def bars(entry: dict[str, Any], answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """How many chose each paragraph."""
    counts = Counter(a.get("paragraph") for a in answers)
    return [(name, counts[anchor]) for anchor, name in entry["candidates"].items()]


def paper_kind(ex: Passage) -> str:
    return t("paper.kind_passage")


def paper_how(ex: Passage) -> str | None:
    """On paper the claim is read out and the ¶ number written down: the handout has them."""
    marks = [mark(a) for a in ex.candidates]
    how = "paper.how_passage_supports" if ex.stance == "supports" else "paper.how_passage_refutes"
    return t(how, claim=ex.claim, marks=", ".join(marks))


def paper_lines(ex: Passage) -> list[tuple[str, str]]:
    return [(t("paper.key_passage_right", mark=mark(ex.answer)), ex.why)] + [
        (t("paper.key_passage_not", mark=mark(a)), ex.feedback[a]) for a in ex.candidates if a != ex.answer]
