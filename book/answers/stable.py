"""Live answers (the shapes the notebook widgets read and write) to and from the stable
shapes of an answer file, and the check that a stored answer still fits its exercise;
and a version 1 or 2 file's answers (displayed English texts) made version 3's (ids).

The course changes between sessions (an option reworded, an event renamed): an answer
that no longer fits is reported in words and kept in the file, never forced into a
widget. Each kind's package says how its answers translate (``to_stable``,
``from_stable``); the reasons are the catalog's (answers.*), the very texts
static/answer-file.js gives for the same misfit on the My answers and group pages.
"""

from __future__ import annotations

from typing import Any

from ..course.load import course
from ..course.strings import t
from ..kinds import KINDS
from ..kinds.result import Misfit

__all__ = ["Misfit", "from_stable", "to_stable", "upgrade", "upgraded_entry"]


def _kind(ex: Any) -> Any:
    if ex.kind not in KINDS:
        raise Misfit(t("answers.unknown_kind", kind=ex.kind))
    return KINDS[ex.kind]


def to_stable(ex: Any, live: Any) -> dict[str, Any]:
    """A widget's answer in the answer file's shape for its kind."""
    return _kind(ex).to_stable(ex, live)


def from_stable(ex: Any, stable: Any) -> Any:
    """The widget's shape of a stored answer; Misfit, with the reason, if it does not fit."""
    kind = _kind(ex)
    if not isinstance(stable, dict):
        raise Misfit(t("answers.not_object"))
    if kind.SHAPE not in stable:
        raise Misfit(t("answers.other_shape", key=kind.SHAPE))
    try:
        return kind.from_stable(ex, stable)
    except (KeyError, TypeError) as err:
        raise Misfit(t("answers.lacks", what=err)) from err


#: The first version whose stable answers hold ids, not displayed texts.
IDS_SINCE = 3


def upgrade(ex: Any, stable: Any, version: int) -> Any:
    """A stable answer from a file of ``version``, in this version's shape: a version 1 or
    2 answer names options, rubric points, grievances and matching items by their English
    texts, which its kind's ``upgrade`` maps to their ids (a kind whose answers always held
    ids has none). Misfit, with the reason, for a text the exercise no longer offers:
    never a guess."""
    if version >= IDS_SINCE or not isinstance(stable, dict):
        return stable
    kind = _kind(ex)
    if kind.SHAPE not in stable or not hasattr(kind, "upgrade"):
        return stable
    try:
        return kind.upgrade(ex, stable)
    except (KeyError, TypeError, AttributeError) as err:
        raise Misfit(t("answers.lacks", what=err)) from err


def upgraded_entry(entry: dict[str, Any], version: int) -> dict[str, Any]:
    """A stored file's entry (``{"exercise", "answer", ...}``) with its answer upgraded from
    ``version``; kept as it was when it no longer fits, so that restoring or sending it
    says why (the live store and the room keep what a member gave, never drop it)."""
    ex = course().exercises.get(entry.get("exercise"))
    if ex is None or version >= IDS_SINCE or not isinstance(entry.get("answer"), dict):
        return entry
    try:
        return {**entry, "answer": upgrade(ex, entry["answer"], version)}
    except Misfit:
        return entry
