"""Read the course's YAML data and validate it, reporting errors as file / entry / field.

An editor who mistypes a date must be told *where*: ``book/data/events/iraq.yml``, line
12, event ``tishreen-begins``, field ``date``, and what is wrong, never a bare
traceback. Cross-references (an exercise naming an unknown event, a term relating to a
missing term) are checked here too, because no single model can see them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError

from . import language as lang
from .models import Article, Event, Exercise, FieldError, Term
from .periods import Period, ShortLabel
from .translations import Messages, data_catalog_name, messages, translate_entry
from .yamlfile import DataError, Path_, Place, read_entries

DATA_DIR = Path(__file__).parents[1] / "data"
#: Tests point this at a modified copy of the data (the kernel inherits it).
DATA_ENV = "PRT_DATA_DIR"


#: The tags pydantic puts in an error's location for the exercise union ("choice", ...).
_KIND_TAGS = {get_args(m.model_fields["kind"].annotation)[0] for m in get_args(get_args(Exercise)[0])}
#: Errors of the exercise union as a whole are about its ``kind`` field.
_TAG_ERRORS = {"union_tag_not_found", "union_tag_invalid"}


def _path(error: Any) -> Path_:
    """The field an error is about: pydantic's location without the union tag, plus the
    field a cross-field rule blames (a model validator alone would name the whole entry)."""
    path = tuple(p for p in error["loc"] if p not in _KIND_TAGS)
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, FieldError):
        path += (cause.field,)
    elif not path and error["type"] in _TAG_ERRORS:
        path = ("kind",)
    return path


def _validate(path: Path, model: Any, noun: str, words: Messages | None = None) -> list[tuple[Any, Place]]:
    adapter = TypeAdapter(model)
    items, problems, seen = [], [], {}
    for entry in read_entries(path):
        ident = entry.data.get("id", "?") if isinstance(entry.data, dict) else "?"
        try:
            item = adapter.validate_python(translate_entry(noun, entry.data, words) if words else entry.data)
        except ValidationError as err:
            problems += [entry.place.problem(noun, ident, _path(e), e["msg"]) for e in err.errors()]
            continue
        if item.id in seen:
            problems.append(entry.place.problem(noun, ident, ("id",), f"duplicate id, first used on line {seen[item.id]}"))
            continue
        seen[item.id] = entry.place.line()
        items.append((item, entry.place))
    if problems:
        raise DataError(problems)
    return items


def _all(paths: Iterable[Path], model: Any, noun: str, places: dict[tuple[str, str], Place],
         words: dict[Path, Messages] | None = None) -> list[Any]:
    items, problems, where = [], [], {}
    for path in sorted(paths):
        try:
            loaded = _validate(path, model, noun, (words or {}).get(path))
        except DataError as err:
            problems += err.problems
            continue
        for item, place in loaded:
            if item.id in where:
                problems.append(place.problem(noun, item.id, ("id",), f"duplicate id, also in {where[item.id]}"))
            where[item.id] = f"{place.file}:{place.line()}"
            places[noun, item.id] = place
            items.append(item)
    if problems:
        raise DataError(problems)
    return items


@dataclass(frozen=True)
class Course:
    """All the course's data, validated and cross-checked."""

    articles: dict[str, Article]
    events: dict[str, Event]
    terms: dict[str, Term]
    exercises: dict[str, Any]
    #: Where each entry was read, by (noun, id): for messages about problems found later.
    places: dict[tuple[str, str], Place] = field(default_factory=dict, repr=False, compare=False)
    #: The language of its words, and the contexts (``term:fujimorism:definition``) whose
    #: translation was missing or stale, so shown in English (a page marks them).
    language: str = lang.SOURCE
    untranslated: frozenset[str] = frozenset()

    def in_english(self, noun: str, ident: str, name: str = "") -> bool:
        """Whether an entry (or one of its fields) is shown in English in a translated edition."""
        prefix = f"{noun}:{ident}:{name}"
        return any(c.startswith(prefix) for c in self.untranslated)

    def problem(self, noun: str, ident: str, path: Path_, message: str) -> str:
        """A problem with an entry's field, named by file, line, entry and field."""
        place = self.places.get((noun, ident))
        if place is None:  # built in code, not read from a file
            return Place("(no file)", {(): 0}).problem(noun, ident, path, message)
        return place.problem(noun, ident, path, message)

    def chapter_events(self, chapter: str) -> list[Event]:
        return sorted(
            (e for e in self.events.values() if chapter in e.chapters),
            key=lambda e: (e.date.start, e.id),
        )

    def chapter_exercises(self, chapter: str) -> list[Any]:
        return [x for x in self.exercises.values() if x.chapter == chapter]


def _cross_check(course: Course) -> list[str]:
    problems = []
    chapters = set(course.articles)
    for e in course.events.values():
        problems += [
            course.problem("event", e.id, ("chapters", n), f"unknown chapter {c!r}")
            for n, c in enumerate(e.chapters)
            if c not in chapters
        ]
    for t in course.terms.values():
        problems += [
            course.problem("term", t.id, ("related", n), f"unknown term {r!r}")
            for n, r in enumerate(t.related)
            if r not in course.terms
        ]
    for x in course.exercises.values():
        if x.chapter not in chapters:
            problems.append(course.problem("exercise", x.id, ("chapter",), f"unknown chapter {x.chapter!r}"))
        for n, ev in enumerate(getattr(x, "events", [])):
            if ev not in course.events:
                problems.append(course.problem("exercise", x.id, ("events", n), f"unknown event {ev!r}"))
        for n, term in enumerate(getattr(x, "terms", [])):
            if term not in course.terms:
                problems.append(course.problem("exercise", x.id, ("terms", n), f"unknown term {term!r}"))
    return problems


def _catalogs(data_dir: Path, language: str) -> dict[Path, Messages]:
    """The translation of each data file into ``language`` (empty for the source)."""
    return {p: messages(language, data_catalog_name(p, data_dir)) for p in data_dir.rglob("*.yml")}


def load_course(data_dir: Path | None = None, language: str | None = None) -> Course:
    """Load and check everything under ``data_dir``, its words in ``language`` (the
    process's language setting by default); raise DataError listing every problem."""
    data_dir = data_dir or Path(os.environ.get(DATA_ENV) or DATA_DIR)
    language = lang.check(language or lang.current())
    words = _catalogs(data_dir, language)
    problems: list[str] = []
    places: dict[tuple[str, str], Place] = {}

    def attempt(paths: Iterable[Path], model: Any, noun: str) -> list[Any]:
        try:
            return _all(paths, model, noun, places, words)
        except DataError as err:
            problems.extend(err.problems)
            return []

    articles = attempt([data_dir / "articles.yml"], Article, "article")
    events = attempt(data_dir.glob("events/*.yml"), Event, "event")
    terms = attempt(data_dir.glob("glossary/*.yml"), Term, "term")
    exercises = attempt(data_dir.glob("exercises/*.yml"), Exercise, "exercise")
    if problems:
        raise DataError(problems)
    course = Course(
        articles={a.id: a for a in articles},
        events={e.id: e for e in events},
        terms={t.id: t for t in terms},
        exercises={x.id: x for x in exercises},
        places=places,
        language=language,
        untranslated=frozenset(c for m in words.values() for c in m.fallbacks),
    )
    problems = _cross_check(course)
    if problems:
        raise DataError(problems)
    return course


def course() -> Course:
    """The course's data in the language setting's words, loaded once per process and
    language (notebooks and Sphinx share it)."""
    return _course(lang.current())


def source_course() -> Course:
    """The course in its source language (English), whatever the setting: the words that
    ids are made from and that answer files of format versions 1 and 2 hold."""
    return _course(lang.SOURCE)


def in_source(exercise: Any) -> Any:
    """An exercise as the source language writes it (itself in the English edition, or
    when the course has no exercise of its id)."""
    return source_course().exercises.get(exercise.id, exercise)


@lru_cache(maxsize=4)
def _course(language: str) -> Course:
    return load_course(language=language)


@dataclass(frozen=True)
class TimelineExtras:
    """What the drawn timelines add to the events: period bands and short labels."""

    periods: list[Period]
    labels: dict[str, str]


def _near(day: Any, days: set[Any]) -> bool:
    return any(abs((day - d).days) <= 1 for d in days)


def load_timeline_extras(data_dir: Path | None = None, events: dict[str, Event] | None = None,
                         language: str | None = None) -> TimelineExtras:
    """periods.yml and labels.yml, checked against the events: a period's evidence must
    exist and start or end within a day of the period's first or last day (so a band
    and the events that date it cannot drift apart), a label must name an event."""
    data_dir = data_dir or Path(os.environ.get(DATA_ENV) or DATA_DIR)
    language = lang.check(language or lang.current())
    events = events if events is not None else load_course(data_dir, language).events
    problems: list[str] = []
    loaded = []
    places: dict[tuple[str, str], Place] = {}
    for name, model, noun in (("periods.yml", Period, "period"), ("labels.yml", ShortLabel, "label")):
        try:
            words = {data_dir / name: messages(language, data_catalog_name(data_dir / name, data_dir))}
            loaded.append(_all([data_dir / name], model, noun, places, words))
        except DataError as err:
            problems += err.problems
            loaded.append([])
    if problems:
        raise DataError(problems)
    periods, labels = loaded
    problems = [places["label", x.id].problem("label", x.id, ("id",), "unknown event")
                for x in labels if x.id not in events]
    for p in periods:
        bounds = {p.start.start} | ({p.end.stop - dt.timedelta(days=1)} if p.end else set())
        for n, ev in enumerate(p.evidence):
            e = events.get(ev)
            where = places["period", p.id]
            if e is None:
                problems.append(where.problem("period", p.id, ("evidence", n), f"unknown event {ev!r}"))
            elif not (_near(e.date.start, bounds) or _near((e.end or e.date).stop - dt.timedelta(days=1), bounds)):
                problems.append(where.problem("period", p.id, ("evidence", n),
                                              f"event {ev!r} ({e.date}) is not at the period's start or end"))
    if problems:
        raise DataError(problems)
    return TimelineExtras(periods=periods, labels={x.id: x.label for x in labels})


def timeline_extras() -> TimelineExtras:
    """Period bands and short labels, loaded once per process and language."""
    return _timeline_extras(lang.current())


@lru_cache(maxsize=4)
def _timeline_extras(language: str) -> TimelineExtras:
    return load_timeline_extras(events=course().events, language=language)
