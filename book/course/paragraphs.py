"""The articles' paragraphs, numbered once: the one paragraph model of the book.

An article's ¶ numbers are what a group cites ("look at ¶51"), so every part of the book
must number them alike: the build's anchors (``book.sphinxext.article`` checks its doctree
against this model and stops on any difference), ``make validate``'s checks of every ¶ the
data and the pages cite (``checks.py``), and the exercises that show a paragraph's text
("click the passage"), in the book and live.

Paragraphs are read from the chapter's Markdown with the parser the build uses (MyST's
markdown-it): in the section holding ``{article-meta}``, every paragraph and every list
is one ¶, except inside list items, tables, directives (margin notes, admonitions) and
code cells, which are ours, not the article's.

In a translated edition a ¶ holds the words of its page's ``.po`` (Sphinx's gettext, one
message per Markdown paragraph, ``locale/<lang>/LC_MESSAGES/<page>.po``), as the build
prints it: the model reads the English structure and swaps in each paragraph's usable
translation (not fuzzy; for today's English), so the numbering is the English one in
every edition, and a ¶ left in English says so (``translated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable

import yaml
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from docutils.utils.smartquotes import smartyPants
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from .language import SOURCE, current
from .translations import page_messages

#: The book's root (``_toc.yml``, ``chapters/``): two folders above this package's.
ROOT = Path(__file__).resolve().parents[2]
#: As in _config.yml (parse.myst_enable_extensions): they change what is a paragraph.
MYST_EXTENSIONS = {"colon_fence", "deflist", "attrs_inline", "attrs_block", "linkify", "substitution"}
#: Tokens that open a block whose paragraphs are not the article's own (they are ours).
_NOT_ARTICLE = {"list_item_open", "table_open"}
#: A role's shown words: ``Tishreen <tishreen>`` shows "Tishreen".
_ROLE_TARGET = re.compile(r"\s*<[^<>]*>\s*$")


@dataclass(frozen=True)
class Paragraph:
    """One ¶ of an article: its number and its words as a reader reads them (no markup)."""

    number: int
    text: str
    #: False where a translated edition shows this ¶ in English (missing or stale).
    translated: bool = True

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class ArticleText:
    """An article's paragraphs, and the page (relative to the book's root) that holds them."""

    page: str
    paragraphs: tuple[Paragraph, ...]

    def get(self, anchor: str) -> Paragraph | None:
        n = int(anchor[1:]) if re.fullmatch(r"p[1-9][0-9]*", anchor) else 0
        return self.paragraphs[n - 1] if 1 <= n <= len(self.paragraphs) else None


@cache
def _markdown() -> MarkdownIt:
    return create_md_parser(MdParserConfig(enable_extensions=MYST_EXTENSIONS), RendererHTML)


def plain(text: str) -> str:
    """Whitespace as a reader sees it: runs of spaces and line breaks are one space."""
    return " ".join(text.split())


def printed(text: str) -> str:
    """The words as the book prints them: Sphinx's smartquotes ("qDe": curly quotes, dashes
    for ``--`` and ``---``, ellipses), applied to the whole ¶ at once."""
    return plain(smartyPants(text, "qDe"))


#: Quotes of every kind, as one mark: docutils curls them by the edition's language (‘…’
#: and “…” in English; “…” and «…» in Spanish), the model in English: which quote is
#: typography, not the paragraph's words.
_STRAIGHT = str.maketrans({q: '"' for q in "'‘’“”«»„‚‹›"})


def same_words(a: str, b: str) -> bool:
    """The same paragraph, read by two parsers: equal but for spacing and the way a quote
    is curled (the build curls each piece of text apart, and may turn a quote the wrong
    way at a role's edge; the model curls the ¶ whole, and in English)."""
    return plain(a).translate(_STRAIGHT) == plain(b).translate(_STRAIGHT)


def _words(inline: Token) -> str:
    """An inline token's words: text and code as written, a role's shown words, breaks as spaces."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "myst_role":
            parts.append(_ROLE_TARGET.sub("", child.content))
    return "".join(parts)


#: A page's translation: a Markdown paragraph's source (Sphinx's msgid) to its translation,
#: or None where it has none that the build would use.
Translate = Callable[[str], "str | None"]


def message_id(source: str) -> str:
    """A paragraph's msgid as Sphinx's gettext writes it: its source on one line."""
    return source.replace("\n", " ").strip()


def _translated_words(source: str, translate: Translate) -> str | None:
    found = translate(message_id(source))
    if found is None:
        return None
    inline = [t for t in _markdown().parse(found, {}) if t.type == "inline"]
    return " ".join(_words(t) for t in inline)


def read(text: str, translate: Translate | None = None) -> dict[str, tuple[Paragraph, ...]]:
    """The paragraphs of each article whose ``{article-meta}`` this Markdown holds, in the
    words of ``translate`` where it has them (see the module's note)."""
    tokens = _markdown().parse(text, {})
    found = {}
    for i, token in enumerate(tokens):
        if token.type not in ("fence", "colon_fence") or not token.info.strip().startswith("{article-meta}"):
            continue
        start = max((j for j in range(i) if tokens[j].type == "heading_open"), default=0)
        level = int(tokens[start].tag[1:]) if tokens[start].type == "heading_open" else 0
        blocks: list[list[str]] = []
        english: list[bool] = []  # per block: a paragraph of it is shown in English
        hidden = depth = in_para = 0  # inside our blocks; inside the article's own list; a paragraph
        for t in tokens[start + 1:]:
            if t.type == "heading_open" and int(t.tag[1:]) <= level:
                break
            if t.type in _NOT_ARTICLE and not depth:
                hidden += 1
            elif t.type in ("list_item_close", "table_close") and hidden:
                hidden -= 1
            elif hidden:
                continue
            elif t.type in ("bullet_list_open", "ordered_list_open"):
                blocks += [] if depth else [[]]
                english += [] if depth else [False]
                depth += 1
            elif t.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
            elif t.type == "paragraph_open":
                blocks += [] if depth else [[]]
                english += [] if depth else [False]
                in_para += 1
            elif t.type == "paragraph_close":
                in_para -= 1
            elif t.type == "inline" and in_para:
                words = _translated_words(t.content, translate) if translate else None
                english[-1] = english[-1] or (translate is not None and words is None)
                blocks[-1].append(_words(t) if words is None else words)
        found[token.info.split()[1]] = tuple(Paragraph(n, printed(" ".join(b)), not e)
                                             for n, (b, e) in enumerate(zip(blocks, english), start=1))
    return found


def pages(root: Path = ROOT) -> list[Path]:
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


def articles(root: Path = ROOT, language: str = SOURCE) -> dict[str, ArticleText]:
    """Every article on the book's pages, with its page and paragraphs (in ``language``)."""
    found = {}
    for page in pages(root):
        if page.suffix == ".md":
            name = page.relative_to(root).as_posix()
            translate = None if language == SOURCE else page_messages(language, name[:-3]).get
            for article, paragraphs in read(page.read_text(encoding="utf-8"), translate).items():
                found[article] = ArticleText(name, paragraphs)
    return found


def course_articles() -> dict[str, ArticleText]:
    """The book's own articles in the language setting's words, read once per process and
    language (the exercises that show a ¶ ask here)."""
    return _course_articles(current())


@cache
def _course_articles(language: str) -> dict[str, ArticleText]:
    return articles(ROOT, language)
