"""The shapes of the timelines' own data: periods drawn as bands and short labels.

Kept beside ``models`` (whose base classes and date field they use) so that the drawn
timelines' additions stay in one small module. Imports nothing of ours but ``models``.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .models import DateField, Slug, Source, Strict


class Period(Strict):
    """A stretch of time drawn as a band behind a timeline (a presidency, a government,
    an uprising's wave), sourced like an event: by ``sources`` and/or by ``evidence``,
    events whose dates mark its start or end."""

    id: Slug
    track: str = Field(min_length=3, max_length=30, description="the band's row, e.g. 'President of Peru'")
    label: str = Field(min_length=2, max_length=14, description="written inside the band")
    title: str = Field(min_length=3, max_length=90)
    start: DateField
    end: DateField | None = Field(default=None, description="None while the period lasts")
    chapters: list[Slug] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
    evidence: list[Slug] = Field(default_factory=list, description="event ids")
    confirmed: bool

    @model_validator(mode="after")
    def _sourced_and_ordered(self) -> "Period":
        if not self.sources and not self.evidence:
            raise ValueError("a period needs sources or evidence (event ids)")
        if self.end is not None and self.end.stop <= self.start.start:
            raise ValueError(f"end {self.end} comes before start {self.start}")
        return self


class ShortLabel(Strict):
    """The few words written beside an event's mark on the drawn timeline."""

    id: Slug = Field(description="the event's id")
    label: str = Field(min_length=2, max_length=24)
