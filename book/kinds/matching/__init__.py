"""Matching: each left item to its right item (a term to its glossary definition)."""

from __future__ import annotations

import html
from typing import Any

from ...course.ids import stable_ids
from ...course.load import in_source, source_course
from ...course.models import Matching
from ...course.offered import matching_pairs as pairs, matching_rights as rights, shuffled
from ...course.strings import t, t_text
from ..frame import frame_html
from ..result import Result, offered_index

SCREEN_HOW = None
SHAPE = "pairs"
CAPTION = "group.bars_matching"
#: Whether ``bars`` tells the key (counts who matched each item rightly): the room shows such counts after Reveal.
BARS_SHOW_KEY = True


def grade(ex: Matching, answer: dict[str, str]) -> Result:
    """Count the right matches and name the left items still wrong."""
    expected = dict(pairs(ex))
    if not any(answer.get(left) for left in expected):
        return Result(False, 0.0, [t("grade.match_first")], invalid=True)
    wrong = [left for left, right in expected.items() if answer.get(left) != right]
    hits = len(expected) - len(wrong)
    if not wrong:
        return Result(True, 1.0, [t("grade.all_matched", n=hits)])
    return Result(
        False,
        hits / len(expected),
        [t("grade.matched", hits=hits, total=len(expected))] + [t("grade.look_again", item=left) for left in wrong],
    )


def key_text(ex: Matching) -> list[str]:
    return [t("answers.then", before=left, after=right) for left, right in pairs(ex)]


#: Letters naming the offered answers (a matching has at most 26 items).
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: How much of an answer a menu's option shows: the lettered list above has it whole.
OPTION_CHARS = 60


def _option(letter: str, right: str) -> str:
    short = right if len(right) <= OPTION_CHARS else right[:OPTION_CHARS].rsplit(" ", 1)[0] + " …"
    return f"{letter}: {short}"


def static_html(ex: Matching) -> str:
    """The answers once, lettered and written out in full; then one compact menu per item
    (a native select: the phone's own picker, the keyboard's arrows, a screen reader's
    list), choosing a letter. Six terms with six long definitions each were 8.3 phone
    screens as radio groups; each answer is now on the page once. A menu's option shows
    the letter and the answer's first words (a phone's picker cuts long options)."""
    offered = rights(ex)
    letters = "".join(
        f'<li id="ex-{ex.id}-r{i}" data-right="{i}"><span class="prt-letter" aria-hidden="true">{LETTERS[i]}</span>'
        f'<span class="prt-sr">{LETTERS[i]}: </span>{html.escape(r)}</li>'
        for i, r in enumerate(offered)
    )
    options = f'<option value="">{t_text("exercise.choose_letter")}</option>' + "".join(
        f'<option value="{i}">{html.escape(_option(LETTERS[i], r))}</option>' for i, r in enumerate(offered)
    )
    items = "".join(
        f'<div class="prt-match-item" id="ex-{ex.id}-m{n}" data-left="{n}">'
        f'<label for="ex-{ex.id}-s{n}">{html.escape(left)}</label>'
        f'<select id="ex-{ex.id}-s{n}" class="prt-match-select">{options}</select>'
        f'<span class="prt-match-look" hidden>{t_text("exercise.match_look")}</span></div>'
        for n, (left, _) in enumerate(pairs(ex))
    )
    spec = {
        "kind": "matching",
        "lefts": [left for left, _ in pairs(ex)],
        "key": [offered.index(right) for _, right in pairs(ex)],
    }
    body = (f'<p class="prt-match-head" id="ex-{ex.id}-answers">{t_text("exercise.match_answers")}</p>'
            f'<ol class="prt-match-rights" aria-labelledby="ex-{ex.id}-answers">{letters}</ol>'
            f'<p class="prt-match-head">{t_text("exercise.match_items")}</p>'
            f'<div class="prt-match">{items}</div>')
    return frame_html(ex, spec, body, how=SCREEN_HOW)


def ids(ex: Matching) -> list[str]:
    """The pairs' stable ids, in the pairs' order: a glossary term's id, else the English
    left text's slug or the pair's ``id:`` (book/course/ids.py). A right item's id is its
    pair's, so a right match pairs an id with itself."""
    source = in_source(ex)
    return stable_ids([left for left, _ in pairs(source, source_course())], list(source.terms) + [p.id for p in source.pairs])


def right_ids(ex: Matching) -> list[str]:
    """The right items' ids in the order offered (``rights``: the same shuffle)."""
    return shuffled(ids(ex), ex.id)


def _right_id(ex: Matching, texts: list[tuple[str, str]], left: str, right: str) -> str:
    """The id of the right item ``right`` chosen for ``left`` (its own pair's when two read alike)."""
    own = dict(zip([lf for lf, _ in texts], zip(ids(ex), [r for _, r in texts])))
    if left in own and own[left][1] == right:
        return own[left][0]
    return ids(ex)[offered_index([r for _, r in texts], right, "answers.what_answer")]


def to_stable(ex: Matching, live: dict[str, str], texts: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """In an answer file: ``{"pairs": {item's id: the id of the answer chosen}}`` (a right
    match is an id paired with itself). ``live`` holds the texts of this edition, or of
    ``texts`` (the pairs in another language's words)."""
    texts = texts or pairs(ex)
    lefts = [left for left, _ in texts]
    return {"pairs": {ids(ex)[offered_index(lefts, left, "answers.what_item")]: _right_id(ex, texts, left, right)
                      for left, right in live.items()}}


def from_stable(ex: Matching, stable: dict[str, Any]) -> dict[str, str]:
    made, both = ids(ex), pairs(ex)
    return {both[offered_index(made, left, "answers.what_item")][0]: both[offered_index(made, right, "answers.what_answer")][1]
            for left, right in dict(stable["pairs"]).items()}


def upgrade(ex: Matching, old: dict[str, Any]) -> dict[str, Any]:
    """A version 1 or 2 answer ({English left item: English right item}) with the pairs' ids."""
    return {**old, **to_stable(ex, dict(old["pairs"]), pairs(in_source(ex), source_course()))}


def entry(ex: Matching) -> dict[str, Any]:
    """The items (``lefts``, this edition's texts) and their ids; the answers in the order
    offered (``rights``) and theirs."""
    return {"lefts": [left for left, _ in pairs(ex)], "ids": ids(ex), "rights": rights(ex), "right_ids": right_ids(ex)}


def bars(entry: dict[str, Any], answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """How many matched each item rightly (gave it its own pair's answer), each item shown
    with its right match after the edition's arrow, as the caption says; the group page
    (static/kinds/matching.js) shows the same words, the match in a span of its own."""
    right = dict(zip(entry["right_ids"], entry["rights"]))
    return [(t("answers.then", before=left, after=right[i]), sum(a.get("pairs", {}).get(i) == i for a in answers))
            for left, i in zip(entry["lefts"], entry["ids"])]


def paper_kind(ex: Matching) -> str:
    return t("paper.kind_matching")


def paper_how(ex: Matching) -> str | None:
    return None


def paper_lines(ex: Matching) -> list[tuple[str, str]]:
    return [(t("paper.leads_to", item=left), right) for left, right in pairs(ex)]
