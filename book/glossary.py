"""Glossary self-test: flashcards from the same terms as the glossary page.

Static in the book (course.js turns the cards, keeps what you knew in this browser),
and a live widget for a facilitator who wants to drill one chapter's words with a
group. Decks are the terms each chapter actually links, read from the chapter files.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import ipywidgets as w

from .course.load import course
from .course.markup import json_script
from .course.strings import t, t_text

CHAPTERS_DIR = Path(__file__).resolve().parent.parent / "chapters"
TERM_LINK = re.compile(r"\{term\}`[^`<]*<([^>`]+)>`|\{term\}`([^`<]+)`")


def chapter_terms(chapter: str) -> list[str]:
    """Glossary ids a chapter links to, in order of first use."""
    terms = course().terms
    lookup = {term.id: term.id for term in terms.values()}
    for term in terms.values():
        for name in [term.term, *term.aliases]:
            lookup.setdefault(name.lower(), term.id)
    text = (CHAPTERS_DIR / f"{chapter}.md").read_text(encoding="utf-8")
    found: list[str] = []
    for target, plain in TERM_LINK.findall(text):
        term_id = lookup.get((target or plain).strip().lower())
        if term_id and term_id not in found:
            found.append(term_id)
    return found


def decks() -> dict[str, list[str]]:
    """'All terms' A to Z, then one deck per chapter that has a file."""
    data = course()
    out = {t("cards.all_terms"): sorted(data.terms, key=lambda i: data.terms[i].term.lower())}
    for chapter, article in data.articles.items():
        if (CHAPTERS_DIR / f"{chapter}.md").exists():
            out[article.short] = chapter_terms(chapter)
    return out


class Flashcards:
    """One output, two renderings: static cards for the book, a widget for Jupyter."""

    def __init__(self, chosen: dict[str, list[str]]):
        self.decks = chosen

    def _repr_html_(self) -> str:
        terms = course().terms
        cards = {i: [terms[i].term, terms[i].definition] for ids in self.decks.values() for i in ids}
        payload = json.dumps({"decks": self.decks, "cards": cards}, ensure_ascii=False)
        options = "".join(f'<option value="{html.escape(d)}">{html.escape(d)} ({len(ids)})</option>'
                          for d, ids in self.decks.items())
        return (
            f'<section class="prt-flashcards" aria-label="{t_text("cards.label")}">'
            f'<label>{t_text("cards.deck")} <select class="prt-deck">{options}</select></label>'
            '<div class="prt-card" aria-live="polite"><p class="prt-card-term"></p>'
            '<p class="prt-card-definition" hidden></p></div>'
            f'<div class="prt-ex-actions"><button type="button" class="prt-flip">{t_text("cards.show_definition")}</button> '
            f'<button type="button" class="prt-knew">{t_text("cards.knew")}</button> '
            f'<button type="button" class="prt-again">{t_text("cards.again")}</button> '
            f'<button type="button" class="prt-reset">{t_text("common.start_again")}</button></div>'
            '<p class="prt-card-progress" role="status"></p>'
            + json_script(payload, "prt-cards-data") + "</section>"
        )

    def widget(self) -> w.Widget:
        terms = course().terms
        deck = w.Dropdown(options=list(self.decks), description=t("cards.deck"))
        card = w.HTML()
        progress = w.HTML()
        flip, knew, again = (w.Button(description=t(k)) for k in ("cards.show_definition", "cards.knew", "cards.again"))
        state: dict[str, Any] = {"queue": [], "known": set(), "shown": False}

        def draw() -> None:
            if not state["queue"]:
                card.value = f"<p><strong>{t_text('cards.deck_done')}</strong> {t_text('cards.choose_again')}</p>"
            else:
                term = terms[state["queue"][0]]
                back = f"<p>{html.escape(term.definition)}</p>" if state["shown"] else ""
                card.value = f"<h3>{html.escape(term.term)}</h3>{back}"
            progress.value = "<p>" + t_text("cards.progress", known=len(state["known"]),
                                                   total=len(self.decks[deck.value]), left=len(state["queue"])) + "</p>"

        def start(_: Any = None) -> None:
            state.update(queue=list(self.decks[deck.value]), known=set(), shown=False)
            draw()

        def on_flip(_: Any) -> None:
            state["shown"] = True
            draw()

        def answer(known: bool) -> None:
            if not state["queue"]:
                return
            term = state["queue"].pop(0)
            if known:
                state["known"].add(term)
            else:
                state["queue"].append(term)  # comes back at the end of the deck
            state["shown"] = False
            draw()

        deck.observe(start, names="value")
        flip.on_click(on_flip)
        knew.on_click(lambda _: answer(True))
        again.on_click(lambda _: answer(False))
        start()
        return w.VBox([deck, card, w.HBox([flip, knew, again]), progress])

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.widget()._repr_mimebundle_() or {})
        bundle["text/html"] = self._repr_html_()
        return bundle


def flashcards(chapter: str | None = None) -> Flashcards:
    """Every deck, or one chapter's."""
    every = decks()
    if chapter is None:
        return Flashcards(every)
    name = course().articles[chapter].short
    return Flashcards({name: every[name]})
