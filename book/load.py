"""Read the course's YAML data and validate it, reporting errors as file / entry / field.

An editor who mistypes a date must be told *where*: ``book/data/events/iraq.yml``, line
12, event ``tishreen-begins``, field ``date``, and what is wrong, never a bare
traceback. Cross-references (an exercise naming an unknown event, a term relating to a
missing term) are checked here too, because no single model can see them.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from .models import Article, Event, Exercise, Term
from .timeline_models import Period, ShortLabel

DATA_DIR = Path(__file__).parent / "data"
#: Tests point this at a modified copy of the data (the kernel inherits it).
DATA_ENV = "PRT_DATA_DIR"
M = TypeVar("M", bound=BaseModel)


class DataError(ValueError):
    """Invalid course data; the message names file, line, entry and field."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid course data:\n  " + "\n  ".join(problems))


class _TextDates(yaml.SafeLoader):
    """A YAML loader that keeps ``2019-10-01`` as text, so date precision survives."""


_TextDates.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class _Entry:
    data: Any
    line: int


def _read_entries(path: Path) -> list[_Entry]:
    """The file's top-level list, each entry with the line it starts on."""
    try:
        loader = _TextDates(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        raise DataError([f"{_show(path)}: not valid YAML: {err}"]) from None
    except OSError as err:
        raise DataError([f"{_show(path)}: cannot be read: {err.strerror}"]) from None
    if not isinstance(data, list):
        raise DataError([f"{_show(path)}: expected a list of entries at the top level"])
    return [_Entry(d, n.start_mark.line + 1) for d, n in zip(data, node.value)]


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


_KIND_TAGS = ("choice", "ordering", "matching", "short", "bridge", "ledger", "discussion")


def _field(loc: tuple[Any, ...]) -> str:
    """pydantic's location without the union tag it adds for discriminated unions."""
    parts = [str(p) for p in loc if p not in _KIND_TAGS]
    return ".".join(parts) or "(entry)"


def _validate(path: Path, model: Any, noun: str) -> list[Any]:
    adapter = TypeAdapter(model)
    items, problems, seen = [], [], {}
    for entry in _read_entries(path):
        ident = entry.data.get("id", "?") if isinstance(entry.data, dict) else "?"
        where = f"{_show(path)}:{entry.line}: {noun} {ident!r}"
        try:
            item = adapter.validate_python(entry.data)
        except ValidationError as err:
            for e in err.errors():
                problems.append(f"{where}, field {_field(e['loc'])!r}: {e['msg']}")
            continue
        if item.id in seen:
            problems.append(f"{where}, field 'id': duplicate id, first used on line {seen[item.id]}")
            continue
        seen[item.id] = entry.line
        items.append(item)
    if problems:
        raise DataError(problems)
    return items


def _all(paths: Iterable[Path], model: Any, noun: str) -> list[Any]:
    items, problems, where = [], [], {}
    for path in sorted(paths):
        try:
            loaded = _validate(path, model, noun)
        except DataError as err:
            problems += err.problems
            continue
        for item in loaded:
            if item.id in where:
                problems.append(
                    f"{_show(path)}: {noun} {item.id!r}, field 'id': duplicate id, "
                    f"also in {where[item.id]}"
                )
            where[item.id] = _show(path)
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
            f"event {e.id!r}, field 'chapters': unknown chapter {c!r}"
            for c in e.chapters
            if c not in chapters
        ]
    for t in course.terms.values():
        problems += [
            f"term {t.id!r}, field 'related': unknown term {r!r}"
            for r in t.related
            if r not in course.terms
        ]
    for x in course.exercises.values():
        if x.chapter not in chapters:
            problems.append(f"exercise {x.id!r}, field 'chapter': unknown chapter {x.chapter!r}")
        for ev in getattr(x, "events", []):
            if ev not in course.events:
                problems.append(f"exercise {x.id!r}, field 'events': unknown event {ev!r}")
        for term in getattr(x, "terms", []):
            if term not in course.terms:
                problems.append(f"exercise {x.id!r}, field 'terms': unknown term {term!r}")
    return problems


def load_course(data_dir: Path | None = None) -> Course:
    """Load and check everything under ``data_dir``; raise DataError listing every problem."""
    data_dir = data_dir or Path(os.environ.get(DATA_ENV) or DATA_DIR)
    problems: list[str] = []

    def attempt(paths: Iterable[Path], model: Any, noun: str) -> list[Any]:
        try:
            return _all(paths, model, noun)
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
    )
    problems = _cross_check(course)
    if problems:
        raise DataError(problems)
    return course


@lru_cache(maxsize=1)
def course() -> Course:
    """The course's data, loaded once per process (notebooks and Sphinx share it)."""
    return load_course()


@dataclass(frozen=True)
class TimelineExtras:
    """What the drawn timelines add to the events: period bands and short labels."""

    periods: list[Period]
    labels: dict[str, str]


def _near(day: Any, days: set[Any]) -> bool:
    return any(abs((day - d).days) <= 1 for d in days)


def load_timeline_extras(data_dir: Path | None = None, events: dict[str, Event] | None = None) -> TimelineExtras:
    """periods.yml and labels.yml, checked against the events: a period's evidence must
    exist and start or end within a day of the period's first or last day (so a band
    and the events that date it cannot drift apart), a label must name an event."""
    data_dir = data_dir or Path(os.environ.get(DATA_ENV) or DATA_DIR)
    events = events if events is not None else load_course(data_dir).events
    problems: list[str] = []
    loaded = []
    for name, model, noun in (("periods.yml", Period, "period"), ("labels.yml", ShortLabel, "label")):
        try:
            loaded.append(_all([data_dir / name], model, noun))
        except DataError as err:
            problems += err.problems
            loaded.append([])
    if problems:
        raise DataError(problems)
    periods, labels = loaded
    problems = [f"{_show(data_dir / 'labels.yml')}: label {x.id!r}, field 'id': unknown event"
                for x in labels if x.id not in events]
    for p in periods:
        bounds = {p.start.start} | ({p.end.stop - dt.timedelta(days=1)} if p.end else set())
        for ev in p.evidence:
            e = events.get(ev)
            where = f"{_show(data_dir / 'periods.yml')}: period {p.id!r}, field 'evidence'"
            if e is None:
                problems.append(f"{where}: unknown event {ev!r}")
            elif not (_near(e.date.start, bounds) or _near((e.end or e.date).stop - dt.timedelta(days=1), bounds)):
                problems.append(f"{where}: event {ev!r} ({e.date}) is not at the period's start or end")
    if problems:
        raise DataError(problems)
    return TimelineExtras(periods=periods, labels={x.id: x.label for x in labels})


@lru_cache(maxsize=1)
def timeline_extras() -> TimelineExtras:
    """Period bands and short labels, loaded once per process."""
    return load_timeline_extras(events=course().events)
