"""The facilitator's session sheets, read back as a facilitator (and a member) meets them.

A facilitator prints the sheet from the facilitator edition's handouts page and runs the
meeting from it: every exercise's key must be on it, in the words of the data (the
right options, the events in date order, the pairs, the model answers, the article's
demands, the notes). A member prints the readers' handouts: none of those keys may be
there, and no reader page may lead to the facilitator's sheets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from book.course import language
from book.course.load import course
from book.timeline import date_label
from bookfiles import CHAPTERS, built_text
from book.scripts_after import sources
from pdfread import page_fill, pdf_text, screen_only
from textmatch import squeeze

MAX_PAGES = 7  # short enough to use on a table (the keys of 10-13 exercises); the members' sheet is 2-4


def _flat(text: str) -> str:
    """Squeezed, without hyphens: pdftotext drops the hyphen of a word broken at a line's end."""
    return squeeze(text).replace("-", "")


def sheet(edition: Path, chapter: str) -> Path:
    return edition / "handouts" / f"{chapter}-session-facilitator.pdf"


def expected_keys(chapter: str) -> list[str]:
    """What each exercise's key says, worked out from the data as the README states it
    (an ordering's key comes from its events' dates), as text the sheet must hold."""
    data = course()
    keys = []
    for ex in data.chapter_exercises(chapter):
        if ex.passages:
            keys.append("In the article: " + ", ".join(f"¶{p[1:]}" for p in ex.passages))
        if ex.facilitator_note:
            keys.append(f"Facilitator note: {ex.facilitator_note}")
        if ex.kind == "choice":
            keys += [f"{'Right' if o.correct else 'Not right'}: {o.text}" for o in ex.options]
            keys += [o.feedback for o in ex.options]
        elif ex.kind == "ordering":
            events = sorted((data.events[i] for i in ex.events), key=lambda e: e.date.start)
            keys += [f"{n}. {date_label(e)}: {e.title}" for n, e in enumerate(events, start=1)]
        elif ex.kind == "matching":
            keys += [f"{data.terms[t].term} → {data.terms[t].definition}" for t in ex.terms]
            keys += [f"{p.left} → {p.right}" for p in ex.pairs]
        elif ex.kind == "short":
            keys += [f"Model answer: {ex.model_answer}"] + [f"Rubric: {r}" for r in ex.rubric]
        elif ex.kind == "bridge":
            keys += [f"{g.grievance} → the article's demand: {g.article_demand}" for g in ex.grievances]
        else:  # ledger, discussion: nothing to grade, and the sheet says so
            keys += ["No key:"] + [f"Prompt: {q}" for q in getattr(ex, "questions", [])]
    return keys


def secret_keys(chapter: str) -> list[str]:
    """Key text that only a facilitator should read: the marked answers, orders, pairs,
    model answers and notes (a note a chapter prints for everyone is no secret). A pair
    may quote the article, so a key counts as printed when its start and end both are."""
    chapters = _flat((Path(__file__).resolve().parents[2] / "chapters" / f"{chapter}.md").read_text(encoding="utf-8"))
    return [k for k in expected_keys(chapter)
            if not k.startswith(("In the article", "No key", "Prompt")) and len(_flat(k)) >= 25
            and _flat(k)[:60] not in chapters]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_facilitator_sheet_holds_every_key_of_its_chapter(built, edition, chapter):
    pdf = sheet(edition, chapter)
    assert pdf.exists(), "run `make facilitator` (make book does)"
    pages = len(PdfReader(pdf).pages)
    assert 3 <= pages <= MAX_PAGES, f"{pdf.name}: {pages} pages"
    text = pdf_text(pdf)
    for n in range(1, pages + 1):
        assert f"page {n} of {pages}" in text
    squeezed = _flat(text)
    missing = [k for k in expected_keys(chapter) if _flat(k) not in squeezed]
    assert not missing, missing[:5]
    # The members' sheet is all there too: its questions, said to have no single answer.
    members = pdf_text(built / "handouts" / f"{chapter}-session.pdf")
    for heading in ("Context", "Key passages", "Questions", "Words of the week", "Exercises and their keys"):
        assert _flat(heading) in squeezed
    assert _flat("Open questions: no single answer") in squeezed
    questions = re.findall(r"(?m)^\s*\d+\.\s+(\S.{40})", members)
    assert len(questions) >= 8 and all(_flat(q) in squeezed for q in questions)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_facilitator_sheet_says_how_to_answer_with_a_pen(edition, chapter):
    """The exercises' prompts come from the data, which serves the screen too: on paper an
    ordering is numbered and a ledger written down, and no button is pressed."""
    text = pdf_text(sheet(edition, chapter))
    assert not screen_only(text), screen_only(text)[:3]
    squeezed = _flat(text)
    orderings = [ex for ex in course().chapter_exercises(chapter) if ex.kind == "ordering"]
    assert orderings
    for ex in orderings:
        assert _flat(f"{ex.prompt} Number the events from 1 (earliest) to {len(ex.events)}.") in squeezed
    if any(ex.kind == "ledger" for ex in course().chapter_exercises(chapter)):
        assert _flat("For each household, write down the minutes without power each day") in squeezed


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_facilitator_sheet_has_no_half_empty_page_but_its_last(edition, chapter):
    filled = page_fill(sheet(edition, chapter))
    half_empty = [n for n, f in enumerate(filled[:-1], start=1) if f < 0.5]
    assert not half_empty, f"pages {half_empty} are more than half empty"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_readers_paper_holds_no_key(built, chapter):
    secrets = secret_keys(chapter)
    assert len(secrets) > 20
    for pdf in sorted((built / "handouts").glob("*.pdf")):
        squeezed = _flat(pdf_text(pdf))
        leaked = [k for k in secrets if _flat(k)[:60] in squeezed and _flat(k)[-60:] in squeezed]
        assert not leaked, f"{pdf.name}: {leaked[:3]}"
        assert _flat("Facilitator note:") not in squeezed and _flat("Exercises and their keys") not in squeezed
    assert not list(built.rglob("*facilitator*.pdf"))


def test_only_the_facilitator_edition_lists_the_sheets(built, edition):
    page = (edition / "handouts.html").read_text(encoding="utf-8")
    for chapter in CHAPTERS:
        name = f"handouts/{chapter}-session-facilitator.pdf"
        assert f'href="{name}"' in page
        size = re.search(rf'data-file="{re.escape(name)}">(\d+) pages, (\d+) KB<', page)
        assert size and int(size.group(1)) == len(PdfReader(sheet(edition, chapter)).pages)
    for reader_page in built.rglob("*.html"):
        assert "session-facilitator" not in built_text(reader_page), reader_page


@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_every_language_has_its_facilitator_edition(edition, code):
    """Nested as the readers' editions are (``_build/facilitator/es/``): its pages in its
    language and direction, each loading the keys and the facilitator's script from its
    own _static, the keys and notes in its words, the group page, and a session sheet
    per chapter listed on its handouts page, with every exercise's title in its words."""
    root = edition / language.edition_prefix(code)
    direction = language.LANGUAGES[code].direction
    pages = [p for p in root.rglob("*.html") if "_static" not in p.relative_to(root).parts
             and p.relative_to(root).parts[0] not in language.translations()]
    assert (root / "group.html") in pages and len(pages) >= 20
    # The group page, made in My answers' shell, does not say in the sidebar that it is My answers.
    sidebar = BeautifulSoup(built_text(root / "group.html"), "html.parser").select_one(".bd-sidebar-primary")
    assert sidebar.select("a.current, li.active") == [] and sidebar.select_one('a[href="my-answers.html"]') is not None
    for page in pages:
        markup = built_text(page)
        soup = BeautifulSoup(markup, "html.parser")
        assert (soup.html.get("lang"), soup.html.get("dir")) == (code, direction), page
        # Fetched after the text by the page's loader (book/scripts_after.py); a pocket
        # file, which has none, names them in tags.
        scripts = [s for s in sources(markup) + [t["src"] for t in soup.select("script[src]")] if "facilitator" in s]
        assert len(scripts) == 2 and all((page.parent / s).resolve().is_relative_to(root.resolve())
                                         and (page.parent / s).is_file() for s in scripts), (page, scripts)
    with language.speaking(code):
        data = course()
        script = (root / "_static" / "facilitator-data.js").read_text(encoding="utf-8")
        notes = json.dumps(json.loads(script[script.index("{"):script.index(";\n")]), ensure_ascii=False)
        assert all(json.dumps(ex.facilitator_note, ensure_ascii=False)[1:-1] in notes
                   for ex in data.exercises.values() if ex.facilitator_note)
        listing = (root / "handouts.html").read_text(encoding="utf-8")
        for chapter in CHAPTERS:
            pdf = sheet(root, chapter)
            assert f'href="handouts/{chapter}-session-facilitator.pdf"' in listing
            assert PdfReader(pdf).trailer["/Root"].get("/Lang") == code


@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_every_facilitator_sheet_names_each_exercise_in_its_language(edition, code):
    """pdftotext finds every exercise's title, in the edition's words, on its session sheet."""
    root = edition / language.edition_prefix(code)
    # Raw order for a left-to-right sheet; pdftotext's raw order of a right-to-left line is
    # the order its words are drawn in, so the Arabic is read as laid out.
    raw = language.LANGUAGES[code].direction == "ltr"
    with language.speaking(code):
        for chapter in CHAPTERS:
            pdf = sheet(root, chapter)
            # Letters and digits only: marks and quotation marks land where pdftotext guesses.
            squeezed = re.sub(r"[\W_]+", "", _flat(pdf_text(pdf, raw=raw)))
            titles = [ex.title for ex in course().chapter_exercises(chapter)]
            missing = [title for title in titles if re.sub(r"[\W_]+", "", _flat(title)) not in squeezed]
            assert not missing, (pdf, missing)
