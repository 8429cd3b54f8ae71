"""What an exercise offers a participant, in the order offered: the shuffled items, a
matching's pairs and the answers it offers, an ordering's events and their key.

Pure functions of the course data. The graders and widgets (``book.kinds``),
the answer file's checks (``book.answers``), the pages' catalog and the paper keys all
read them here, so none of them reaches into another's module for them.
"""

from __future__ import annotations

import random
from typing import Any, Sequence

from .load import Course, course
from .models import Event, Matching, Ordering


def shuffled(items: Sequence[Any], seed: str) -> list[Any]:
    """A fixed shuffle per exercise: the same order in Jupyter, in the book and in tests."""
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


def matching_pairs(ex: Matching, of: Course | None = None) -> list[tuple[str, str]]:
    """(left, right) pairs: glossary terms bring their own definitions (in the words of
    ``of``, the course in the language setting's words by default)."""
    terms = (of or course()).terms
    return [(terms[t].term, terms[t].definition) for t in ex.terms] + [
        (p.left, p.right) for p in ex.pairs
    ]


def matching_rights(ex: Matching) -> list[str]:
    """The right-hand items in the order offered to a participant."""
    return shuffled([r for _, r in matching_pairs(ex)], ex.id)


def ordering_events(ex: Ordering) -> list[Event]:
    events = course().events
    return [events[i] for i in ex.events]


def ordering_key(ex: Ordering) -> list[str]:
    """Event ids in date order (ties keep the order the exercise lists them in)."""
    return [e.id for e in sorted(ordering_events(ex), key=lambda e: e.date.start)]


def ordering_presented(ex: Ordering) -> list[Event]:
    """The events in the shuffled order a participant first sees."""
    return shuffled(ordering_events(ex), ex.id)
