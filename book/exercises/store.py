"""Where a participant's live answers go: one JSON file per participant and session.

A study group's answers are the record of its discussion, so they are never lost:
every answer is written as it is given, atomically (a temporary file, then a rename),
so a crash or a kernel restart leaves either the old file or the new one, never half
of one. A file is only ever written by the participant it names; a corrupted file is
moved aside (kept, with a message), not overwritten.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

ANSWERS_ENV = "PRT_ANSWERS_DIR"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "answers"
CSV_FIELDS = ["session", "participant", "exercise", "answer", "correct", "score", "saved_at"]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")
    if not slug:
        raise ValueError("a name needs at least one letter or digit")
    return slug


def answers_dir() -> Path:
    return Path(os.environ.get(ANSWERS_ENV) or DEFAULT_DIR)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class AnswerStore:
    """The answers of one participant in one session, kept on disk as they are given."""

    participant: str
    session: str
    root: Path = field(default_factory=answers_dir)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    notice: str = ""

    def __post_init__(self) -> None:
        self.participant = self.participant.strip()
        self.session = self.session.strip()
        self.path = self.root / _slug(self.session) / f"{_slug(self.participant)}.json"
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
                raise ValueError("not an answers file")
        except (ValueError, UnicodeDecodeError):
            kept = self.path.with_name(f"{self.path.stem}.corrupt-{dt.datetime.now():%Y%m%d-%H%M%S}.json")
            self.path.replace(kept)
            self.notice = (
                f"The saved answers in {self.path.name} could not be read; the file was kept "
                f"as {kept.name} and a new one started."
            )
            return
        if data.get("participant", self.participant) != self.participant:
            raise ValueError(
                f"{self.path} belongs to {data['participant']!r}, not {self.participant!r}: "
                "choose a different name so no one's answers are overwritten"
            )
        self.answers = data["answers"]

    def get(self, exercise_id: str) -> Any:
        entry = self.answers.get(exercise_id)
        return None if entry is None else entry["answer"]

    def save(self, exercise_id: str, answer: Any, correct: bool | None, score: float | None) -> None:
        """Record an answer and write the whole file atomically."""
        self.answers[exercise_id] = {
            "answer": answer, "correct": correct, "score": score, "saved_at": _now(),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"participant": self.participant, "session": self.session, "answers": self.answers}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False, indent=1)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def rows(self) -> list[dict[str, Any]]:
        return [
            {"session": self.session, "participant": self.participant, "exercise": ex,
             "answer": json.dumps(e["answer"], ensure_ascii=False), "correct": e["correct"],
             "score": e["score"], "saved_at": e["saved_at"]}
            for ex, e in sorted(self.answers.items())
        ]

    def export_csv(self, path: Path | None = None) -> Path:
        """Write this participant's answers as CSV (for the facilitator) and return the path."""
        path = path or self.path.with_suffix(".csv")
        write_csv(path, self.rows())
        return path


def write_csv(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(rows)


_current: AnswerStore | None = None


def current() -> AnswerStore:
    """The active store; without start_session, answers go to today's session as 'participant'."""
    global _current
    if _current is None:
        _current = AnswerStore("participant", dt.date.today().isoformat())
    return _current


def use(store: AnswerStore) -> AnswerStore:
    global _current
    _current = store
    return store
