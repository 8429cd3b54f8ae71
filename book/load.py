"""Read the course's YAML data and validate it, reporting errors as file / entry / field.

An editor who mistypes a date must be told *where*: ``book/data/events/iraq.yml``, line
12, event ``tishreen-begins``, field ``date``, and what is wrong, never a bare
traceback. Cross-references (an exercise naming an unknown event, a term relating to a
missing term) are checked here too, because no single model can see them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import TypeAdapter, ValidationError

from .models import Article, Event, Exercise, FieldError, Term

DATA_DIR = Path(__file__).parent / "data"
#: Tests point this at a modified copy of the data (the kernel inherits it).
DATA_ENV = "PRT_DATA_DIR"


class DataError(ValueError):
    """Invalid course data; the message names file, line, entry and field."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid course data:\n  " + "\n  ".join(problems))


class _TextDates(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: 20x faster, same nodes
    """A YAML loader that keeps ``2019-10-01`` as text, so date precision survives."""


_TextDates.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Place:
    """Where an entry was read: its file, and the line of each of its fields and list items.

    Kept beside the validated models so that a problem found later (a cross-reference, a
    ¶ number the article does not have) still names the file and line to edit.
    """

    file: str
    lines: dict[Path_, int]

    def line(self, path: Path_ = ()) -> int:
        """The line of ``path`` inside the entry, or of the nearest field that holds it."""
        while path not in self.lines:
            path = path[:-1]
        return self.lines[path]

    def problem(self, noun: str, ident: str, path: Path_, message: str) -> str:
        """``file:line: noun 'id', field 'name': message``; a list item's field is its list."""
        names = [str(p) for p in (path[:-1] if path and isinstance(path[-1], int) else path)]
        field = f", field {'.'.join(names)!r}" if names else ""
        return f"{self.file}:{self.line(path)}: {noun} {ident!r}{field}: {message}"


def _lines(node: yaml.Node, path: Path_ = ()) -> dict[Path_, int]:
    """The line of every field and list item under ``node``, keyed by its path."""
    found = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found.update(_lines(value, path + (key.value,)))
            found[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            found.update(_lines(item, path + (n,)))
    return found


@dataclass(frozen=True)
class _Entry:
    data: Any
    place: Place


def _read_entries(path: Path) -> list[_Entry]:
    """The file's top-level list, each entry with the lines its fields start on."""
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
    return [_Entry(d, Place(_show(path), _lines(n))) for d, n in zip(data, node.value)]


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


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


def _validate(path: Path, model: Any, noun: str) -> list[tuple[Any, Place]]:
    adapter = TypeAdapter(model)
    items, problems, seen = [], [], {}
    for entry in _read_entries(path):
        ident = entry.data.get("id", "?") if isinstance(entry.data, dict) else "?"
        try:
            item = adapter.validate_python(entry.data)
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


def _all(paths: Iterable[Path], model: Any, noun: str, places: dict[tuple[str, str], Place]) -> list[Any]:
    items, problems, where = [], [], {}
    for path in sorted(paths):
        try:
            loaded = _validate(path, model, noun)
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


def load_course(data_dir: Path | None = None) -> Course:
    """Load and check everything under ``data_dir``; raise DataError listing every problem."""
    data_dir = data_dir or Path(os.environ.get(DATA_ENV) or DATA_DIR)
    problems: list[str] = []
    places: dict[tuple[str, str], Place] = {}

    def attempt(paths: Iterable[Path], model: Any, noun: str) -> list[Any]:
        try:
            return _all(paths, model, noun, places)
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
    )
    problems = _cross_check(course)
    if problems:
        raise DataError(problems)
    return course


@lru_cache(maxsize=1)
def course() -> Course:
    """The course's data, loaded once per process (notebooks and Sphinx share it)."""
    return load_course()
