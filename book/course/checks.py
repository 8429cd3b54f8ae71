"""Checks across the data and the pages, run by ``make validate`` before any build.

No model and no page can see these alone: an event's ``passage: p999`` is a valid
anchor, yet the article may have 80 paragraphs; a ``{para}`` role is checked by the
build only on the page it sits on; a ``<script>`` typed into a page would be hashed into
the Content-Security-Policy as the book's own and run. Each problem names file, line,
entry and field, so an editor can go straight to it.

Paragraphs are counted from the chapter's Markdown with the parser the build uses
(MyST's markdown-it), by the rule of ``book.sphinxext.article.article_blocks``: in the section
holding ``{article-meta}``, every paragraph and every list counts once, except inside
list items, directives (margin notes, admonitions) and code cells. A site test compares
this count with the ¶ anchors of the built pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from .load import Course

#: As in _config.yml (parse.myst_enable_extensions): they change what is a paragraph.
MYST_EXTENSIONS = {"colon_fence", "deflist", "attrs_inline", "attrs_block", "linkify", "substitution"}
PARA_ROLE = re.compile(r"\{para\}`([^`]*)`")
RAW_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
#: A fence opening a block whose content is not Markdown read by the build.
_FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})\s*(\S*)")
#: Tokens that open a block whose paragraphs are not the article's own (they are ours).
_NOT_ARTICLE = {"list_item_open", "table_open"}


@dataclass(frozen=True)
class Article:
    """Where an article's text sits, and how many ¶ it has."""

    page: str
    paragraphs: int


@cache
def _markdown() -> MarkdownIt:
    return create_md_parser(MdParserConfig(enable_extensions=MYST_EXTENSIONS), RendererHTML)


def _show(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def pages(root: Path) -> list[Path]:
    """The book's content sources, in _toc.yml's order (README and others are not pages)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "file" in node:
                names.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({k: v for k, v in toc.items() if k != "root"})
    found = []
    for name in names:
        found += [p for p in (root / f"{name}.md", root / f"{name}.ipynb") if p.exists()][:1]
    return found


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


def count_paragraphs(text: str) -> dict[str, int]:
    """The ¶ count of each article whose ``{article-meta}`` this Markdown holds."""
    tokens = _markdown().parse(text, {})
    counts = {}
    for i, token in enumerate(tokens):
        if token.type not in ("fence", "colon_fence") or not token.info.strip().startswith("{article-meta}"):
            continue
        start = max((j for j in range(i) if tokens[j].type == "heading_open"), default=0)
        level = int(tokens[start].tag[1:]) if tokens[start].type == "heading_open" else 0
        blocks, hidden = 0, 0
        for t in tokens[start + 1:]:
            if t.type == "heading_open" and int(t.tag[1:]) <= level:
                break
            if t.type in _NOT_ARTICLE:
                hidden += 1
            elif t.type in ("list_item_close", "table_close"):
                hidden -= 1
            elif not hidden and t.type in ("paragraph_open", "bullet_list_open", "ordered_list_open"):
                blocks += 1
        counts[token.info.split()[1]] = blocks
    return counts


def articles(root: Path) -> dict[str, Article]:
    """Every article on the book's pages, with its page and ¶ count."""
    found = {}
    for page in pages(root):
        if page.suffix == ".md":
            for article, count in count_paragraphs(page.read_text(encoding="utf-8")).items():
                found[article] = Article(_show(page, root), count)
    return found


def _paragraph(number: str, article: str, where: dict[str, Article]) -> str | None:
    """What is wrong with ¶``number`` of ``article``, or None if the article has it."""
    if article not in where:
        return f"article {article!r} has no text on any page, so it has no ¶{number}"
    count = where[article].paragraphs
    if not number.isdigit() or not 1 <= int(number) <= count:
        return f"¶{number} is not in {article!r} ({where[article].page} has ¶1-¶{count})"
    return None


def _data_problems(course: Course, where: dict[str, Article]) -> list[str]:
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
    return problems


def _page_problems(page: Path, root: Path, where: dict[str, Article]) -> list[str]:
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
