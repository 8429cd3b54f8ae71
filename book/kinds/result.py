"""A grading result, and the answers that cannot be accepted: what every kind's grade() returns.

Pure (no widgets, no pages), so the graders, the answer files, the room and the paper
can all grade without a kernel.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..course.strings import t


@dataclass(frozen=True)
class Result:
    """The outcome of grading one answer, with messages a participant can act on.

    ``correct`` is None where there is nothing to grade (notes, a ledger);
    ``invalid`` marks input that cannot be accepted (it is not saved).
    """

    correct: bool | None
    score: float | None
    messages: list[str] = field(default_factory=list)
    invalid: bool = False

    def html(self) -> str:
        items = "".join(f"<li>{html.escape(m)}</li>" for m in self.messages)
        if self.correct is None:
            return f"<ul>{items}</ul>"
        verdict = t("exercise.right" if self.correct else "exercise.not_yet")
        cls = "prt-right" if self.correct else "prt-wrong"
        return f'<p class="{cls}"><strong>{verdict}</strong></p><ul>{items}</ul>'


def invalid(message: str) -> Result:
    """Input that cannot be accepted: an inline message, nothing saved, nothing crashes."""
    return Result(None, None, [message], invalid=True)


def nothing_chosen() -> Result:
    """Check pressed before anything was chosen (a function: the words are the language's now)."""
    return Result(False, 0.0, [t("grade.choose_first")], invalid=True)


class Misfit(ValueError):
    """A stored answer that does not fit the exercise as it is now (an option reworded,
    an event renamed): reported in words and kept in the file, never forced into a widget."""


def offered_index(texts: list[str], text: object, what: str) -> int:
    """Where ``text`` is in ``texts``; Misfit if it is not. ``what`` is its catalog key."""
    if text not in texts:
        raise Misfit(t("answers.not_offered", what=t(what), text=str(text)[:60]))
    return texts.index(text)
