"""Reading a group's answer files: whatever arrives, nothing is lost without a word.

Files come by hand, USB stick or messaging app; some will be broken, some from an older
book, some sent twice. A file that cannot be read is named and skipped; an answer that
no longer fits the course is named and left out of the counts. A member is known by the
member id their device put in the file (version 2), shown as a short code beside the
pseudonym ("Zaid · K7QM"): two members who chose one pseudonym stay two, and a member
who sends again is counted once, from the file exported last (the facilitator is told
which file replaced which). A file without a member id (version 1, a live notebook's)
is its own member, unless the very same file arrives twice. Each member's last answers
and (version 3) first answers are kept apart, so the summary counts either. A version 1
or 2 file's answers (texts) are mapped to ids as they are read (``stable.upgrade``).
static/group.js reads files the same way; a test compares the two.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from ..course.ids import free
from ..course.load import course
from ..course.strings import t
from .model import FORMAT, AnswerFile
from .stable import Misfit, from_stable, upgrade


@dataclass
class Member:
    """One file's participant, under a label unique within the group."""

    label: str
    file: str
    data: AnswerFile
    #: exercise id -> the last answer in its stable shape (ids), for the answers that still fit.
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: exercise id -> the first graded answer (version 3 files), likewise.
    firsts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def given(self, which: str = "last") -> dict[str, dict[str, Any]]:
        """The member's ``"last"`` answers or their ``"first"``."""
        return self.firsts if which == "first" else self.answers


@dataclass
class Group:
    members: list[Member] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)    # "file: reason"
    misfits: list[str] = field(default_factory=list)    # "label, exercise: reason"
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (earlier file, the file that replaced it)


def parse(text: str) -> AnswerFile:
    """An answer file from its text; ValueError saying what is wrong."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON (line {err.lineno}, column {err.colno})") from err
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValueError(f"not an answer file (no \"format\": \"{FORMAT}\")")
    try:
        return AnswerFile.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{where}: {first['msg']}") from err


def code(member_id: str) -> str:
    """The short code shown beside a pseudonym (as answer-file.js ``code``)."""
    return member_id[:4].upper()


def _label(data: AnswerFile, taken: set[str]) -> str:
    base = f"{data.pseudonym} · {code(data.member)}" if data.member else data.pseudonym
    return free(base, taken, "{base} ({n})")


def _when(data: AnswerFile) -> float:
    """When a file was exported (a file that does not say counts as the oldest)."""
    return data.exported.timestamp() if data.exported else float("-inf")


def latest(files: Iterable[tuple[str, str]], group: Group) -> list[tuple[str, AnswerFile]]:
    """Each member's latest file, in the order the members first arrived; files that cannot
    be read go to ``group.skipped``, files replaced by a later one to ``group.replaced``."""
    chosen: dict[str, tuple[str, AnswerFile]] = {}
    for name, text in files:
        try:
            data = parse(text)
        except ValueError as err:
            group.skipped.append(f"{name}: {err}")
            continue
        who = f"member:{data.member}" if data.member else f"text:{text}"
        if who in chosen:
            earlier_name, earlier = chosen[who]
            if _when(data) < _when(earlier):
                group.replaced.append((name, earlier_name))
                continue
            group.replaced.append((earlier_name, name))
        chosen[who] = (name, data)
    return list(chosen.values())


def collect(files: Iterable[tuple[str, str]]) -> Group:
    """(file name, text) pairs into a Group; see the module's docstring."""
    group, taken = Group(), set()
    exercises = course().exercises
    for name, data in latest(files, group):
        member = Member(_label(data, taken), name, data)
        for entry in data.answers:
            ex = exercises.get(entry.exercise)
            try:
                if ex is None:
                    raise Misfit(t("answers.gone"))
                if ex.kind != entry.kind:
                    raise Misfit(t("answers.kind_changed", was=entry.kind, now=ex.kind))
                last = first = None
                if entry.answer is not None:
                    last = upgrade(ex, entry.answer, data.version)
                    from_stable(ex, last)
                if entry.first is not None:
                    first = upgrade(ex, entry.first.answer, data.version)
                    from_stable(ex, first)
            except Misfit as why:
                group.misfits.append(f"{member.label}, {entry.exercise}: {why}")
                continue
            if last is not None:
                member.answers[entry.exercise] = last
            if first is not None:
                member.firsts[entry.exercise] = first
        group.members.append(member)
    return group


def collect_paths(paths: Iterable[Path]) -> Group:
    """The files at ``paths`` (unreadable bytes count as a broken file, not a crash)."""
    return collect((p.name, p.read_text(encoding="utf-8", errors="replace")) for p in paths)
