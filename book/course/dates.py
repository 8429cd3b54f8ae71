"""Dates written only as precisely as they are known: ``2019``, ``2019-10``, ``2019-10-01``.

A source that gives only a month must not become a day on a timeline; this type keeps
the precision from the YAML to the label a reader sees. Labels are in the language
setting's words (book/course/language.py): English as a printed chronology writes them
("1 October 2019", "19-21 November 2000"), any other language through babel's CLDR data
("1 de octubre de 2019", "19–21 de noviembre de 2000").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Protocol

from babel.dates import format_interval, format_skeleton
from pydantic import PlainSerializer, PlainValidator

from . import language as lang
from .strings import t

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: English month names: the data's references are written with them (sources.py reads them).
MONTHS = (
    "January February March April May June July August September October November December"
).split()
#: babel's skeletons for a date of each precision (CLDR picks the order and the words).
_SKELETON = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}


def _to_text(value: object) -> object:
    """YAML reads an unquoted ``1958`` as an int; a year is still a date here."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class PartialDate(str):
    """An ISO date written only as precisely as it is known: YYYY, YYYY-MM or YYYY-MM-DD.

    Keeping the precision is what lets a timeline draw "October 2019" as a month
    instead of inventing a day, and lets a list print it honestly.
    """

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        match = _PARTIAL_DATE.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError as err:
            raise ValueError(f"{text!r} is not a real calendar date ({err})") from None
        return cls(text)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return ("year", "month", "day")[self.count("-")]

    @property
    def start(self) -> dt.date:
        """First day of the period the date names."""
        parts = [int(p) for p in self.split("-")] + [1, 1]
        return dt.date(*parts[:3])

    @property
    def stop(self) -> dt.date:
        """First day after the period the date names (exclusive end)."""
        start = self.start
        if self.precision == "day":
            return start + dt.timedelta(days=1)
        if self.precision == "month":
            return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return start.replace(year=start.year + 1)

    def label(self, language: str | None = None) -> str:
        """A reader's form: ``1 October 2019``, ``October 2019`` or ``2019`` (in the
        language setting's words: ``1 de octubre de 2019``)."""
        language = language or lang.current()
        start = self.start
        if language != lang.SOURCE:
            return format_skeleton(_SKELETON[self.precision], start, locale=lang.cldr(language))
        if self.precision == "day":
            return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
        if self.precision == "month":
            return f"{MONTHS[start.month - 1]} {start.year}"
        return str(start.year)


def _partial_date(value: object) -> PartialDate:
    value = _to_text(value)
    if not isinstance(value, str):
        raise ValueError("a date must be written as text: YYYY, YYYY-MM or YYYY-MM-DD")
    return PartialDate.parse(value)


DateField = Annotated[PartialDate, PlainValidator(_partial_date), PlainSerializer(str)]


def range_label(first: PartialDate, last: PartialDate | None) -> str:
    """``19-21 November 2000``, ``30 July to 23 August 1903``, ``March-November 1917``:
    a range says each part once, as a printed chronology does."""
    language = lang.current()
    if last is None:
        return first.label(language)
    a, b = first.start, last.start
    if language != lang.SOURCE:
        if first.precision == last.precision:
            return format_interval(a, b, _SKELETON[first.precision], locale=lang.cldr(language))
        return t("timeline.range", first=first.label(language), last=last.label(language))
    if first.precision == last.precision == "day" and (a.year, a.month) == (b.year, b.month):
        return f"{a.day}-{b.day} {MONTHS[a.month - 1]} {a.year}"
    if first.precision == last.precision == "month" and a.year == b.year:
        return f"{MONTHS[a.month - 1]}-{MONTHS[b.month - 1]} {a.year}"
    if first.precision == last.precision == "year":
        return f"{a.year}-{b.year}"
    start = first.label(language)
    if a.year == b.year and first.precision == "day":
        start = f"{a.day} {MONTHS[a.month - 1]}"
    return t("timeline.range", first=start, last=last.label(language))


class Dated(Protocol):
    """What a label needs of an event (``models.Event`` has it; the models import this module)."""

    date: PartialDate
    end: PartialDate | None
    confirmed: bool


def date_label(event: Dated) -> str:
    """``1 October 2019``, ``1-6 October 2019 (date unconfirmed)`` and the like: how the
    timeline, the ordering exercise's key and the paper all write an event's date."""
    text = range_label(event.date, event.end)
    return text if event.confirmed else t("timeline.date_unconfirmed", date=text)
