"""Read a YAML list of entries, keeping where each entry and each of its fields starts.

The course's data files are lists of entries; an editor needs the file and line of a
problem, and pydantic knows neither. This module knows nothing of the course.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


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


def lines_of(node: yaml.Node, path: Path_ = ()) -> dict[Path_, int]:
    """The line of every field and list item under ``node``, keyed by its path."""
    found = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found.update(lines_of(value, path + (key.value,)))
            found[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            found.update(lines_of(item, path + (n,)))
    return found


@dataclass(frozen=True)
class Entry:
    data: Any
    place: Place


def read_node(path: Path) -> tuple[Any, yaml.Node | None]:
    """The file's data and its YAML node tree (for lines_of); dates stay text.
    Raises yaml.YAMLError or OSError: each caller reports them in its own terms."""
    loader = _TextDates(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def read_entries(path: Path) -> list[Entry]:
    """The file's top-level list, each entry with the lines its fields start on."""
    try:
        data, node = read_node(path)
    except yaml.YAMLError as err:
        raise DataError([f"{show(path)}: not valid YAML: {err}"]) from None
    except OSError as err:
        raise DataError([f"{show(path)}: cannot be read: {err.strerror}"]) from None
    if not isinstance(data, list):
        raise DataError([f"{show(path)}: expected a list of entries at the top level"])
    return [Entry(d, Place(show(path), lines_of(n))) for d, n in zip(data, node.value)]


def show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
