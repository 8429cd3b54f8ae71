"""Permanent Revolution Today: the course's data, figures, exercises and book tooling.

Chapters and exercise notebooks call the public functions re-exported here, one or two
lines per cell, so that no logic lives in a notebook.
"""

from .load import DataError, course, load_course

__all__ = ["DataError", "course", "load_course"]
