"""The answer file (format "prt-answers", version 3), as pydantic models.

Version 3 (i) keeps, beside each exercise's last answer, the member's first graded answer
(``first``: its answer, verdict and time), which a second try, a Reset or an older import
never replaces, so a group page can count first answers or last; (ii) names what an
answer picks (options, rubric points, grievances, matching items) by stable ids, the
same in every language of the book (``book/course/ids.py``), never by displayed text.
Version 2 added ``member``: a random id the member's device makes once and keeps, so a
group page tells two members who chose one pseudonym apart and lets a re-sent file
replace the earlier one. Version 1 and 2 files (texts, no first answers; version 1 no
member id) are still read: their texts are mapped to ids through the English texts
(``book/answers/stable.py`` ``upgrade``), and a text no longer offered is reported.

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
VERSION = 3
#: A member id: 16 characters of an alphabet without 0/o, 1/l/i (static/answer-file.js makes it).
MEMBER_ID = r"^[2-9a-hjkmnp-z]{16}$"
SCHEMA = Path(__file__).with_name("answer-file.schema.json")
#: The registered exercise kinds (book/kinds/__init__.py KINDS).
Kind = Literal[tuple(KINDS)]  # type: ignore[valid-type]
Flag = Literal["confused", "discuss"]


class _Model(BaseModel):
    # Unknown fields are kept, not refused: a newer book may add some.
    model_config = ConfigDict(extra="allow")


class FirstAnswer(_Model):
    """Version 3: the member's first graded answer to an exercise, never replaced by a later one."""

    answer: dict[str, Any] = Field(description="the answer in its kind's stable shape")
    correct: bool | None = Field(default=None, description="its verdict when it was given (null: nothing to grade)")
    time: datetime | None = Field(default=None, description="when it was given")


class AnswerEntry(_Model):
    """One exercise's answer: the last one given, and (version 3) the first."""

    exercise: str = Field(description="the exercise id, e.g. peru-who-is-who")
    chapter: str = ""
    kind: str = Field(description="the exercise's kind: " + ", ".join(Kind.__args__) +
                      "; anything else is reported as no longer fitting the course")
    answer: dict[str, Any] | None = Field(description="the last answer in its kind's stable shape (version 3: ids, "
                                                      "not texts); null when the member reset the exercise after "
                                                      "a first answer")
    first: FirstAnswer | None = Field(default=None, description="version 3: the first graded answer")
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
