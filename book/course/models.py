"""The shapes of the course's data, and the rules each entry must keep.

Everything a reader sees that is not article text (timeline events, glossary terms,
exercises) is data under ``book/data/``. These models are the single place where that
data is checked, so that a wrong date or a missing source stops the build instead of
reaching a study group. Of ours, it imports only the date type (book/course/dates.py).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from .dates import MONTHS, DateField, PartialDate  # noqa: F401  (also imported from here)

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG)]
Anchor = Annotated[str, Field(pattern=r"^p[1-9][0-9]*$")]


class FieldError(ValueError):
    """A rule across fields, blamed on the field an editor should change.

    pydantic places a model validator's error on the whole entry; the loader reads
    ``field`` from this error so the message still names a field.
    """

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Strict(BaseModel):
    """Unknown fields are errors: a typo in a field name must not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)




class Source(Strict):
    """Where a fact can be checked: a bibliographic reference, with a URL when one exists."""

    ref: str = Field(min_length=3)
    url: HttpUrl | None = None


class Article(Strict):
    """One source text of the course, with everything needed to attribute it."""

    id: Slug
    title: str
    subtitle: str | None = Field(default=None, description="the article's own subtitle, as the seed gives it")
    short: str = Field(max_length=30, description="a few words for lists and back-links")
    byline: str | None = Field(description="None when the text is unsigned")
    date: DateField | None = Field(description="publication date; None when undated")
    publisher: str
    source_url: HttpUrl | None = None
    seed_file: str = Field(pattern=r"^[0-9A-Za-z_.-]+\.txt$")
    lines: tuple[int, int]
    lead_lines: int = Field(
        default=2, ge=0, description="non-empty seed lines (date, title) shown in the attribution instead"
    )
    note: str | None = Field(default=None, description="how the text was reproduced")

    @field_validator("lines")
    @classmethod
    def _ordered(cls, lines: tuple[int, int]) -> tuple[int, int]:
        if not 1 <= lines[0] <= lines[1]:
            raise ValueError("lines must be [first, last] with 1 <= first <= last")
        return lines


Region = Literal["peru", "iraq", "world", "theory"]
#: In the order a reader meets them; the timeline's lanes follow this order.
EventKind = Literal[
    "uprising",
    "protest",
    "repression",
    "war",
    "coup",
    "government",
    "election",
    "law",
    "economy",
    "organisation",
    "text",
]


class Event(Strict):
    """A dated event a chapter's article refers to, with why it matters and a source."""

    id: Slug
    date: DateField
    end: DateField | None = None
    title: str = Field(min_length=3, max_length=90)
    region: Region
    kind: EventKind
    annotation: str = Field(min_length=20)
    sources: list[Source] = Field(min_length=1)
    chapters: list[Slug] = Field(default_factory=list)
    passage: Anchor | None = Field(default=None, description="the ¶ it explains in chapters[0]")
    confirmed: bool

    @model_validator(mode="after")
    def _end_after_start(self) -> "Event":
        if self.end is not None and self.end.stop <= self.date.start:
            raise FieldError("end", f"end {self.end} comes before date {self.date}")
        return self


class OriginalForm(Strict):
    """A term as written in its own language (Arabic script, Spanish spelling)."""

    language: Literal["ar", "es", "ru", "de"]
    text: str
    transliteration: str | None = None
    meaning: str

    @model_validator(mode="after")
    def _arabic_needs_transliteration(self) -> "OriginalForm":
        if self.language == "ar" and not self.transliteration:
            raise FieldError("transliteration", "an Arabic term needs a transliteration")
        return self


class Origin(Strict):
    """Who coined or first used a term, when and where, and how we know."""

    text: str = Field(min_length=10)
    sources: list[Source] = Field(min_length=1)


class Term(Strict):
    """A glossary entry, in our own words."""

    id: Slug
    term: str
    aliases: list[str] = Field(default_factory=list)
    definition: str
    explanation: str = Field(min_length=40)
    origin: Origin
    original: OriginalForm | None = None
    related: list[Slug] = Field(default_factory=list)
    contested: str | None = None

    @field_validator("definition")
    @classmethod
    def _short(cls, text: str) -> str:
        words = len(text.split())
        if words > 40:
            raise ValueError(f"a definition has at most 40 words; this one has {words}")
        return text


#: Words that tie a prompt to one medium: a screen's controls, or the device it is read on.
SCREEN_WORDS = re.compile(r"\b(?:press (?:Check|Enter|Start)|click\w*|tap|tapping|buttons?|drag\w*|scroll\w*|"
                          r"(?:this|your) (?:device|browser|screen))\b", re.I)


def _unique_ids(where: str, explicit: list[str | None]) -> None:
    """An explicit ``id:`` is given once within its exercise (book/course/ids.py)."""
    given = [e for e in explicit if e]
    if twice := sorted({e for e in given if given.count(e) > 1}):
        raise FieldError(where, f"the id {twice[0]!r} is given twice")


class ExerciseBase(Strict):
    """What every exercise has, whatever its kind."""

    id: Slug
    chapter: Slug
    title: str
    prompt: str = Field(description="what to do; how, with a screen or a pen, comes from strings.yml")
    passages: list[Anchor] = Field(default_factory=list, description="¶ anchors to look at")
    facilitator_note: str | None = None

    @field_validator("prompt")
    @classmethod
    def _any_medium(cls, text: str) -> str:
        """The same prompt is printed on the facilitator's sheet and shown on a screen, so
        it names no control: each medium adds its own how (exercise.how_*, paper.how_*)."""
        if found := SCREEN_WORDS.search(text):
            raise ValueError(f"{found.group(0)!r} speaks of a screen; say what to do, and let "
                             "exercise.how_<kind> and paper.how_<kind> in strings.yml say how")
        return text


class Choice(Strict):
    id: Slug | None = Field(default=None, description="the option's stable id; by default its English text's slug "
                                                      "(book/course/ids.py)")
    text: str
    correct: bool = False
    feedback: str = Field(min_length=3)


class MultipleChoice(ExerciseBase):
    kind: Literal["choice"]
    options: list[Choice] = Field(min_length=2)
    multiple: bool = Field(default=False, description="more than one answer may be right")

    @model_validator(mode="after")
    def _ids(self) -> "MultipleChoice":
        _unique_ids("options", [o.id for o in self.options])
        return self

    @model_validator(mode="after")
    def _right_count(self) -> "MultipleChoice":
        right = sum(o.correct for o in self.options)
        if right == 0:
            raise FieldError("options", "no option is marked correct")
        if right > 1 and not self.multiple:
            raise FieldError("multiple", f"{right} options are correct but multiple is false")
        return self


class Ordering(ExerciseBase):
    """Put timeline events in order; the key comes from the events' own dates."""

    kind: Literal["ordering"]
    events: list[Slug] = Field(min_length=3)


class Pair(Strict):
    id: Slug | None = Field(default=None, description="the pair's stable id (its left and its right item's); by "
                                                      "default its English left text's slug (book/course/ids.py)")
    left: str
    right: str


class Matching(ExerciseBase):
    """Match each left item to its right item; glossary terms bring their definitions."""

    kind: Literal["matching"]
    terms: list[Slug] = Field(default_factory=list)
    pairs: list[Pair] = Field(default_factory=list)

    @model_validator(mode="after")
    def _something_to_match(self) -> "Matching":
        if len(self.terms) + len(self.pairs) < 3:
            raise FieldError("terms", "a matching exercise needs at least 3 terms or pairs")
        _unique_ids("pairs", list(self.terms) + [p.id for p in self.pairs])
        return self


class ShortAnswer(ExerciseBase):
    """A written answer, then self-assessment against a model answer and a rubric."""

    kind: Literal["short"]
    model_answer: str = Field(min_length=20)
    rubric: list[str] = Field(min_length=2, description="what a good answer does, one point each (a text, or "
                                                        "{id, text} to give the point's stable id)")
    rubric_ids: list[Slug | None] = Field(default_factory=list, description="filled from the rubric's {id, text} points")
    min_words: int = Field(default=8, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _rubric_points(cls, data: object) -> object:
        """A rubric point written as ``{id: ..., text: ...}`` gives its id (book/course/ids.py)."""
        if isinstance(data, dict) and isinstance(data.get("rubric"), list):
            points = data["rubric"]
            data = {**data, "rubric": [p.get("text") if isinstance(p, dict) else p for p in points],
                    "rubric_ids": [p.get("id") if isinstance(p, dict) else None for p in points]}
        return data

    @model_validator(mode="after")
    def _ids(self) -> "ShortAnswer":
        _unique_ids("rubric", self.rubric_ids)
        return self


class Grievance(Strict):
    id: Slug | None = Field(default=None, description="the grievance's stable id; by default its English text's slug "
                                                      "(book/course/ids.py)")
    grievance: str
    article_demand: str = Field(description="the demand in the article's program that answers it")
    passage: Anchor | None = None


class Bridge(ExerciseBase):
    """The transitional-program bridge: grievance -> immediate demand -> transitional demand -> goal."""

    kind: Literal["bridge"]
    grievances: list[Grievance] = Field(min_length=1)
    min_words: int = Field(default=3, ge=1)

    @model_validator(mode="after")
    def _ids(self) -> "Bridge":
        _unique_ids("grievances", [g.id for g in self.grievances])
        return self


class Ledger(ExerciseBase):
    """The lights-out ledger: minutes without power per household and day, summed and drawn."""

    kind: Literal["ledger"]
    households: list[str] = Field(min_length=1, description="labels offered for households")
    max_minutes: int = Field(default=1440, ge=1, le=1440)


class Discussion(ExerciseBase):
    """A discussion prompt with a place to take notes; nothing to grade."""

    kind: Literal["discussion"]
    questions: list[str] = Field(default_factory=list, description="sub-questions to guide notes")


class Passage(ExerciseBase):
    """Click the passage: which of a few of the article's ¶s supports (or refutes) a claim.

    The candidates are shown whole (``book.course.paragraphs``); the answer file keeps
    the chosen ¶'s anchor, which is the same in every language of the book."""

    kind: Literal["passage"]
    claim: str = Field(min_length=10, description="in our own words; what the reader tests against the text")
    stance: Literal["supports", "refutes"]
    candidates: list[Anchor] = Field(min_length=2, max_length=5, description="the ¶s offered, in article order")
    answer: Anchor
    why: str = Field(min_length=20, description="why the answer's ¶ supports or refutes the claim")
    feedback: dict[Anchor, str] = Field(description="for each other candidate, why it is not the one")

    @model_validator(mode="after")
    def _answer_among_candidates(self) -> "Passage":
        numbers = [int(c[1:]) for c in self.candidates]
        if numbers != sorted(set(numbers)):
            raise FieldError("candidates", "candidates must be distinct and in the article's order")
        if self.answer not in self.candidates:
            raise FieldError("answer", f"{self.answer} is not one of the candidates {self.candidates}")
        wrong = set(self.candidates) - {self.answer}
        if set(self.feedback) != wrong:
            raise FieldError("feedback", f"feedback is needed for exactly {sorted(wrong)}")
        return self


Exercise = Annotated[
    Union[MultipleChoice, Ordering, Matching, ShortAnswer, Bridge, Ledger, Discussion, Passage],
    Field(discriminator="kind"),
]
