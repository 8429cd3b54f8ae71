"""The answer file (format "prt-answers", version 2), as pydantic models.

Version 2 adds ``member``: a random id the member's device makes once and keeps, so a
group page tells two members who chose one pseudonym apart and lets a re-sent file
replace the earlier one. Version 1 files (no member id) are still read.

``answer-file.schema.json`` beside this module is generated from these models
(``python -m book.answers.model`` rewrites it; a test keeps it current), so tools in
other languages can check a file without Python.

Each exercise kind's package says the shape of its stable answer (``book/kinds/<kind>``:
``SHAPE`` is the key every answer of the kind has, ``to_stable`` writes it, and its
docstring shows it), so a new kind brings its own.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..kinds import KINDS

FORMAT = "prt-answers"
VERSION = 2
#: A member id: 16 characters of an alphabet without 0/o, 1/l/i (static/answer-file.js makes it).
MEMBER_ID = r"^[2-9a-hjkmnp-z]{16}$"
SCHEMA = Path(__file__).with_name("answer-file.schema.json")
#: The registered exercise kinds (book/kinds/__init__.py KINDS).
Kind = Literal[tuple(KINDS)]  # type: ignore[valid-type]
Flag = Literal["confused", "discuss"]


class _Model(BaseModel):
    # Unknown fields are kept, not refused: a newer book may add some.
    model_config = ConfigDict(extra="allow")


class AnswerEntry(_Model):
    """One exercise's answer."""

    exercise: str = Field(description="the exercise id, e.g. peru-who-is-who")
    chapter: str = ""
    kind: str = Field(description="the exercise's kind: " + ", ".join(Kind.__args__) +
                      "; anything else is reported as no longer fitting the course")
    answer: dict[str, Any] = Field(description="the answer in its kind's stable shape")
    time: datetime | None = Field(default=None, description="when it was last given")
    correct: bool | None = Field(default=None, description="live notebooks: the verdict when it was given")
    score: float | None = None


class ParagraphNote(_Model):
    """A reader's flag or note on one paragraph of a chapter's article."""

    chapter: str
    paragraph: int = Field(ge=1, description="the ¶ number")
    flag: Flag | None = Field(default=None, description="confused: I don't understand this; discuss: I want to discuss this")
    note: str = Field(default="", max_length=2000)
    time: datetime | None = None


class AnswerFile(_Model):
    """Everything one participant hands in: answers, paragraph flags and notes."""

    format: Literal["prt-answers"] = FORMAT
    version: int = Field(default=VERSION, ge=1)
    pseudonym: str = Field(min_length=1, max_length=80, description="the name the participant chose; need not be real")
    member: str = Field(default="", pattern=MEMBER_ID + "|^$",
                        description="version 2: the device's random member id (its first 4 characters are the code shown "
                                    "beside the pseudonym); empty in version 1 files and live notebooks' files")
    session: str = Field(default="", max_length=80)
    book_version: str = Field(default="", description="the book's build the file came from")
    source: Literal["book", "live"] = Field(default="book", description="static book or live notebook")
    exported: datetime | None = None
    answers: list[AnswerEntry] = Field(default_factory=list)
    notes: list[ParagraphNote] = Field(default_factory=list)


def schema() -> dict[str, Any]:
    return AnswerFile.model_json_schema()


def schema_text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA}")
