"""Checks across the data and the pages, run by ``make validate`` before any build.

No model and no page can see these alone: an event's ``passage: p999`` is a valid
anchor, yet the article may have 80 paragraphs; a ``{para}`` role is checked by the
build only on the page it sits on; a ``<script>`` typed into a page would be hashed into
the Content-Security-Policy as the book's own and run. Each problem names file, line,
entry and field, so an editor can go straight to it.

Paragraphs are the paragraph model's (``paragraphs.py``), the very ¶s the build numbers
(it stops where its doctree differs) and the exercises show. A site test compares them
with the ¶ anchors of the built pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .load import Course
from .paragraphs import ArticleText, articles, pages

PARA_ROLE = re.compile(r"\{para\}`([^`]*)`")
RAW_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
#: A fence opening a block whose content is not Markdown read by the build.
_FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})\s*(\S*)")
def _show(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _markdown_lines(path: Path) -> list[tuple[str, str]]:
    """(where, text) of each Markdown line of a page; in a notebook, its Markdown cells'
    lines, placed as ``cell N line M`` (a notebook's JSON has no useful line numbers)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".ipynb":
        return [(str(n), line) for n, line in enumerate(text.splitlines(), start=1)]
    lines = []
    for c, cell in enumerate(json.loads(text)["cells"], start=1):
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            lines += [(f"cell {c} line {n}", line) for n, line in enumerate(source.splitlines(), start=1)]
    return lines


def _prose(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The lines the build reads as Markdown: without code blocks and code cells, whose
    text is shown or run, never rendered as HTML. Directives (margin notes) hold Markdown."""
    kept: list[tuple[str, str]] = []
    fences: list[tuple[str, bool]] = []  # (opening fence, holds code) from outer to inner
    for where, line in lines:
        match = _FENCE.match(line)
        if match and fences and not match.group(2) and match.group(1)[0] == fences[-1][0][0] \
                and len(match.group(1)) >= len(fences[-1][0]):
            fences.pop()
            continue
        if fences and fences[-1][1]:
            continue
        if match:
            fence, info = match.groups()
            fences.append((fence, fence[0] != ":" and not (info.startswith("{") and "code-cell" not in info)))
            continue
        kept.append((where, line))
    return kept


def _paragraph(number: str, article: str, where: dict[str, ArticleText]) -> str | None:
    """What is wrong with ¶``number`` of ``article``, or None if the article has it."""
    if article not in where:
        return f"article {article!r} has no text on any page, so it has no ¶{number}"
    count = len(where[article].paragraphs)
    if not number.isdigit() or not 1 <= int(number) <= count:
        return f"¶{number} is not in {article!r} ({where[article].page} has ¶1-¶{count})"
    return None


def _data_problems(course: Course, where: dict[str, ArticleText]) -> list[str]:
    problems = []

    def check(noun: str, ident: str, path: tuple, anchor: str | None, article: str | None) -> None:
        if anchor is None:
            return
        if article is None:
            problems.append(course.problem(noun, ident, path, f"{anchor} names a ¶, but the entry names no chapter"))
        elif (wrong := _paragraph(anchor.removeprefix("p"), article, where)) is not None:
            problems.append(course.problem(noun, ident, path, wrong))

    for e in course.events.values():
        check("event", e.id, ("passage",), e.passage, e.chapters[0] if e.chapters else None)
    for x in course.exercises.values():
        for n, anchor in enumerate(x.passages):
            check("exercise", x.id, ("passages", n), anchor, x.chapter)
        for n, g in enumerate(getattr(x, "grievances", [])):
            check("exercise", x.id, ("grievances", n, "passage"), g.passage, x.chapter)
        for n, anchor in enumerate(getattr(x, "candidates", [])):
            check("exercise", x.id, ("candidates", n), anchor, x.chapter)
    return problems


def _page_problems(page: Path, root: Path, where: dict[str, ArticleText]) -> list[str]:
    problems, name = [], _show(page, root)
    here = next((a for a, art in where.items() if art.page == name), None)
    for n, line in _prose(_markdown_lines(page)):
        if RAW_SCRIPT.search(line):
            problems.append(
                f"{name}:{n}: raw <script> in a page: the built page would run it as the book's own "
                "script; put behaviour in book/static/ and data in book/data/"
            )
        for match in PARA_ROLE.finditer(line):
            article, _, number = match.group(1).rpartition(":")
            article = article or here or ""  # a bare number is a ¶ of this page's article
            if not article:
                wrong = "this page holds no article; write {para}`article:N`"
            else:
                wrong = _paragraph(number, article, where)
            if wrong:
                problems.append(f"{name}:{n}: {{para}}`{match.group(1)}`: {wrong}")
    return problems


def check_book(course: Course, root: Path) -> list[str]:
    """Every problem across data and pages, each naming file, line, entry and field."""
    where = articles(root)
    problems = [course.problem("article", a, ("id",), "no page holds its text ({article-meta} " + a + ")")
                for a in course.articles if a not in where]
    problems += _data_problems(course, where)
    for page in pages(root):
        problems += _page_problems(page, root, where)
    return problems
