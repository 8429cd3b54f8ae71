"""Where a participant's live answers go: one JSON file per participant and session.

A study group's answers are the record of its discussion, so they are never lost or
mixed up. Each answer updates only its own entry: under an exclusive file lock the file
is read again, the entry merged in, and the whole written to a temporary file that is
then renamed over the old one. Any number of kernels and processes may save for the
same participant at once; a crash leaves either the old file or the new one. A file
that cannot be read is moved aside (kept, with a message), never overwritten. Each entry
keeps the participant's first graded answer (``first``: answer, verdict, time) beside the
last: a second try never replaces it. A file written by an older book (version 1 or 2:
texts) is read with its texts mapped to ids; an answer that no longer fits stays as it was.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from ...answers.model import FORMAT, VERSION
from ...answers.stable import from_stable, to_stable, upgraded_entry
from ...course.load import course
from ...course.strings import t
from ...answers import names
from ...answers.disk import write_atomically

ANSWERS_ENV = "PRT_ANSWERS_DIR"
DEFAULT_DIR = Path(__file__).resolve().parents[3] / "answers"
CSV_FIELDS = ["session", "participant", "exercise", "answer", "correct", "score", "saved_at"]
NAME_FIELD, SESSION_FIELD = t("live.name"), t("live.session")

try:  # POSIX (Linux, macOS, a JupyterHub)
    import fcntl

    def lock_fd(fd: int, wait: bool = True) -> None:
        """Lock an open file exclusively; with ``wait=False``, OSError if someone holds it."""
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
except ImportError:  # Windows: lock the file's first byte (msvcrt retries for 10 s)
    import msvcrt

    def lock_fd(fd: int, wait: bool = True) -> None:
        """Lock an open file exclusively; with ``wait=False``, OSError if someone holds it."""
        msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)


def answers_dir() -> Path:
    return Path(os.environ.get(ANSWERS_ENV) or DEFAULT_DIR)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s lock file (released on close, even on a crash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(f".{path.stem}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        lock_fd(fd)
        yield
    finally:
        os.close(fd)


@dataclass
class AnswerStore:
    """The answers of one participant in one session, kept on disk as they are given."""

    participant: str
    session: str
    root: Path = field(default_factory=answers_dir)
    answers: dict[str, Any] = field(default_factory=dict)
    notice: str = ""

    def __post_init__(self) -> None:
        self.participant = names.clean(self.participant, NAME_FIELD)
        self.session = names.clean(self.session, SESSION_FIELD)
        folder = Path(self.root) / names.file_stem(self.session)
        self.path = folder / f"{names.file_stem(self.participant)}.json"
        if self.path.exists():
            with locked(self.path):
                self.answers = self._read()

    def _read(self) -> dict[str, Any]:
        """The answers on disk (call under the lock), by exercise id; an unreadable file is
        moved aside. Files written before the answer-file format are read too."""
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            entries = _entries(data)
        except (ValueError, UnicodeDecodeError, TypeError, KeyError):
            kept = self.path.with_name(f"{self.path.stem}.corrupt-{dt.datetime.now():%Y%m%d-%H%M%S}.json")
            self.path.replace(kept)
            self.notice = t("live.unreadable", file=self.path.name, kept=kept.name)
            return {}
        owner = data.get("pseudonym", data.get("participant", self.participant))
        if owner != self.participant:
            raise names.NameProblem(NAME_FIELD, t("live.not_yours", file=self.path.name, owner=repr(owner)))
        return entries

    def get(self, exercise_id: str) -> Any:
        """The saved answer as the widget holds it, None if there is none; ValueError (the
        reason in words) if the entry is malformed or no longer fits the exercise."""
        entry = self.answers.get(exercise_id)
        if entry is None:
            return None
        if not isinstance(entry, dict) or not isinstance(entry.get("answer"), dict):
            raise ValueError(f"the saved entry for {exercise_id} is not an answer record")
        ex = course().exercises.get(exercise_id)
        if ex is None:
            return entry["answer"].get("value")
        if set(entry["answer"]) == {"value"}:
            raise ValueError(f"the saved answer to {exercise_id} does not fit the exercise as it is now")
        return from_stable(ex, entry["answer"])

    def save(self, exercise_id: str, answer: Any, correct: bool | None, score: float | None) -> None:
        """Merge one answer into the file as it is now on disk, under the lock."""
        ex = course().exercises.get(exercise_id)
        entry = {"exercise": exercise_id, "chapter": ex.chapter if ex else "", "kind": ex.kind if ex else "",
                 "answer": _stable(ex, answer), "time": _now(), "correct": correct, "score": score}
        with locked(self.path):
            answers = self._read()
            earlier = answers.get(exercise_id)
            if isinstance(earlier, dict) and isinstance(earlier.get("first"), dict):
                entry["first"] = earlier["first"]  # the first answer is never replaced
            elif earlier is None:
                entry["first"] = {"answer": entry["answer"], "correct": correct, "time": entry["time"]}
            answers[exercise_id] = entry
            payload = {"format": FORMAT, "version": VERSION, "pseudonym": self.participant,
                       "session": self.session, "source": "live", "book_version": "", "exported": _now(),
                       "answers": list(answers.values()), "notes": []}
            write_atomically(self.path, payload)
            self.answers = answers

    def rows(self) -> list[dict[str, Any]]:
        return [
            {"session": self.session, "participant": self.participant, "exercise": ex,
             "answer": json.dumps(e["answer"], ensure_ascii=False), "correct": e.get("correct"),
             "score": e.get("score"), "saved_at": e.get("time")}
            for ex, e in sorted(self.answers.items()) if isinstance(e, dict) and "answer" in e
        ]

    def export_csv(self, path: Path | None = None) -> Path:
        """Write this participant's answers as CSV (for the facilitator) and return the path."""
        path = path or self.path.with_suffix(".csv")
        write_csv(path, self.rows())
        return path


def _stable(ex: Any, value: Any) -> dict[str, Any]:
    """An answer in the file's stable shape; one that does not fit its exercise (or an
    exercise the course does not have) is kept as it was, under "value": restoring it
    reports the misfit, and nothing a participant gave is lost."""
    try:
        return to_stable(ex, value) if ex else {"value": value}
    except (IndexError, KeyError, TypeError, ValueError, AttributeError):
        return {"value": value}


def _entries(data: Any) -> dict[str, dict[str, Any]]:
    """exercise id -> entry of an answer file, or of a file in the store's earlier format
    ({"participant", "session", "answers": {id: {"answer", "correct", "score", "saved_at"}}})."""
    if not isinstance(data, dict):
        raise ValueError("not an answers file")
    if data.get("format") == FORMAT:
        version = data.get("version", 1)
        return {e["exercise"]: upgraded_entry(e, version) for e in data["answers"]}
    if not isinstance(data.get("answers"), dict):
        raise ValueError("not an answers file")
    out = {}
    for exercise_id, old in data["answers"].items():
        ex = course().exercises.get(exercise_id)
        value = old.get("answer") if isinstance(old, dict) else old
        out[exercise_id] = {"exercise": exercise_id, "chapter": ex.chapter if ex else "", "kind": ex.kind if ex else "",
                            "answer": _stable(ex, value), "time": (old or {}).get("saved_at") if isinstance(old, dict) else None,
                            "correct": (old or {}).get("correct") if isinstance(old, dict) else None,
                            "score": (old or {}).get("score") if isinstance(old, dict) else None}
    return out


def write_csv(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(rows)


_current: AnswerStore | None = None


def current() -> AnswerStore | None:
    """The store of whoever pressed Start in this kernel; None before that (nothing saved)."""
    return _current


def use(store: AnswerStore) -> AnswerStore:
    global _current
    _current = store
    return store
