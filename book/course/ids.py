"""Stable ids for what an exercise offers (options, rubric points, grievances, matching
pairs): the same in every language of the book, so an answer file made on the Spanish
edition counts beside one made on the English.

An id is made from the English data, once, deterministically: the first ``WORDS`` words of
the English text, folded to ASCII letters and digits ("Muhasasa, the sectarian quota" ->
``muhasasa-the-sectarian-quota``); texts of one exercise whose first words are alike take
more words until they differ, so no id depends on the order the texts are written in. Why a slug and not a position or a hash: a slug reads in the file
("chosen": ["muhasasa-the-sectarian-quota"]) and survives a reordering of the options or
a new option; a reword after the first words keeps it. A reword of the first words would
change it, so an editor who rewords one (or wants a shorter id) writes ``id:`` in the YAML
with the former slug; ``make validate`` refuses an explicit id given twice. A translation
never changes an id: the ids come from the English YAML, and a translated edition changes
only the texts shown.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

#: How many of the text's first words make its id.
WORDS = 4
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def slug(text: str, words: int = WORDS) -> str:
    """The text's first ``words`` words as an id: ASCII letters and digits, joined by "-"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded)[:words])


def stable_ids(texts: Sequence[str], explicit: Sequence[str | None] = ()) -> list[str]:
    """One id per text, unique within the list: the explicit id where one is given, else
    the text's slug. Texts whose first words are alike all take as many more words as
    tell them apart (``names-the-lack-of`` twice becomes ``names-the-lack-of-a-party``
    and ``names-the-lack-of-organs``), so an id never depends on the texts' order; only
    texts alike word for word are numbered (``-2``, in the order written), and an empty
    slug is ``item``. ValueError when an explicit id is given twice."""
    given = [e for e in explicit if e]
    if len(given) != len(set(given)):
        raise ValueError(f"an id is given twice: {sorted({e for e in given if given.count(e) > 1})}")
    mine = [explicit[n] if n < len(explicit) and explicit[n] else None for n in range(len(texts))]
    words = {n: WORDS for n in range(len(texts)) if not mine[n]}
    while True:
        made = {n: slug(texts[n], k) for n, k in words.items()}
        alike = {n for n in made if list(made.values()).count(made[n]) > 1 or made[n] in given}
        longer = {n for n in alike if slug(texts[n], words[n] + 1) != made[n]}
        if not longer:
            break
        for n in longer:
            words[n] += 1
    taken, out = set(given), []
    for n in range(len(texts)):
        if mine[n]:
            out.append(mine[n])
            continue
        out.append(free(made[n] or "item", taken))
    return out


def free(base: str, taken: set[str], form: str = "{base}-{n}") -> str:
    """``base``, or the first of ``form`` numbered from 2 that is not ``taken``; added to ``taken``."""
    made, n = base, 1
    while made in taken:
        n += 1
        made = form.format(base=base, n=n)
    taken.add(made)
    return made
