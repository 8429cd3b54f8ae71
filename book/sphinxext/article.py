"""The article: its attribution, numbered paragraphs (¶1, ¶2 ...), reading time and
¶ references.

Paragraph numbers and reading time must exist in the built HTML whether or not a kernel
ran, so they are made here, from the doctree. Nodes: ``article_meta`` (the attribution
block; its section becomes the article's text), ``article_subtitle`` (the article's own
subtitle, under the chapter's title), ``reading_time``, ``para_ref``.
Transforms: ``NumberArticle`` (priority 870, before doctree-read, so the collectors see
the ¶ ids; it also places the subtitle); post-transform ``ResolveParaRefs`` (once every
page is read).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.errors import ExtensionError
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..course import paragraphs
from ..course.load import course
from ..course.language import SOURCE
from ..course.models import Article
from ..course.translations import page_messages
from ..course.strings import t, t_text
from .nodes import para, render_children

logger = logging.getLogger(__name__)
WORDS_PER_MINUTE = 200
#: Nodes inside the article section that are ours, not the article's (annotations).
OURS = (nodes.sidebar, nodes.Admonition, nodes.container, nodes.table, nodes.topic)


class article_meta(nodes.General, nodes.Element):
    """Marks the section holding an article's text; renders its attribution."""


class article_subtitle(nodes.General, nodes.TextElement):
    """The article's subtitle (articles.yml), right under the chapter's title. Not a
    paragraph: the jump bar goes after the page's first paragraph, its byline."""


class reading_time(nodes.Inline, nodes.TextElement):
    """Filled with the reading time computed from the article's own words."""

class para_ref(nodes.Inline, nodes.TextElement):
    """A link to an article paragraph, checked against the numbering once all pages are read."""

def attribution(article: Article) -> list[nodes.Node]:
    """Title, byline, date, publisher and source for the head of an article's text."""
    byline = article.byline or t("article.unsigned")
    date = article.date.label() if article.date else t("article.undated")
    link: nodes.Node = (
        nodes.reference("", str(article.source_url), refuri=str(article.source_url))
        if article.source_url
        else nodes.Text(t("article.no_address"))
    )
    return [
        para(nodes.strong("", t("article.title_quoted", title=article.title))),
        para(nodes.Text(t("article.byline", byline=byline, date=date, publisher=article.publisher))),
        para(nodes.Text(t("article.source")), link),
        para(nodes.Text(t("article.reading_time")), reading_time("", "", article=article.id)),
    ]


class ArticleMeta(SphinxDirective):
    """``{article-meta} <id>``: attribution block; its section becomes the article text."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        article = course().articles.get(self.arguments[0])
        if article is None:
            raise self.error(f"unknown article id {self.arguments[0]!r} (see book/data/articles.yml)")
        node = article_meta("", *attribution(article), article=article.id, classes=["prt-article-meta"])
        return [node]


def reading_time_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{reading-time}`tishreen```: minutes to read that article, counted at build time."""
    if text not in course().articles:
        msg = inliner.reporter.error(f"unknown article id {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    return [reading_time("", "", article=text)], []


def checked_as_of_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{checked-as-of}`date```: the date to which the facts were checked (book/data/sources.yml)."""
    from ..course.sources import checked_label

    return [nodes.inline("", checked_label(), classes=["prt-checked"])], []


def para_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{para}`14``` on a chapter page, ``{para}`tishreen:14``` from any page: a link to ¶14."""
    chapter, _, number = text.rpartition(":")
    if not number.isdigit() or int(number) < 1:
        msg = inliner.reporter.error(f"{{para}} needs a paragraph number, got {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    return [para_ref("", f"¶{number}", chapter=chapter, number=int(number))], []


def _is_ours(node: nodes.Node, stop: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None and parent is not stop:
        if isinstance(parent, OURS + (article_meta, nodes.list_item)):
            return True
        parent = parent.parent
    return False


def _reader_words(block: nodes.Element) -> str:
    """A ¶'s words as a reader reads them: a list's items one after another, and a line
    break (raw HTML, and LaTeX) no word."""
    parts = [block] if isinstance(block, nodes.paragraph) else list(block.findall(nodes.paragraph))
    return " ".join("".join(t.astext() for t in part.findall(nodes.Text) if not isinstance(t.parent, nodes.raw))
                    for part in parts)


def article_blocks(section: nodes.section) -> list[nodes.Element]:
    """The article's own paragraphs and lists, in order, without our annotations."""
    return [
        n
        for n in section.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.bullet_list, nodes.enumerated_list)))
        if not _is_ours(n, section)
    ]


class NumberArticle(SphinxTransform):
    """Give every article paragraph a stable ¶ anchor and fill in reading times."""

    default_priority = 870  # before DoctreeReadEvent (880): collectors see the ¶ ids

    def apply(self, **kwargs: Any) -> None:
        minutes: dict[str, int] = {}
        for marker in list(self.document.findall(article_meta)):
            self._subtitle(course().articles[marker["article"]])
            section = marker.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            if section is None:
                raise ExtensionError(f"{self.env.docname}: article-meta must sit inside a section")
            words = 0
            blocks = article_blocks(section)
            self._as_modelled(marker["article"], blocks)
            for n, block in enumerate(blocks, start=1):
                block["ids"].append(f"p{n}")
                block["classes"].append("prt-para")
                words += len(block.astext().split())
                target = block if isinstance(block, nodes.paragraph) else next(block.findall(nodes.paragraph))
                label = t("article.paragraph", n=n)
                # The flag button is made here, not at load (static/flags.js answers it):
                # a hundred buttons made by script were a long task on a phone.
                flag = t_text("flags.open", n=n)
                mark = (f'<a class="prt-pnum" href="#p{n}" aria-label="{label}">¶{n}</a>'
                        f'<button type="button" class="prt-flag-btn" data-flag="" aria-label="{flag}" aria-expanded="false">'
                        f'<span class="prt-mark" aria-hidden="true"></span></button>')
                target.insert(0, nodes.raw("", mark, format="html"))
            minutes[marker["article"]] = max(1, math.ceil(words / WORDS_PER_MINUTE))
        for slot in list(self.document.findall(reading_time)):
            if slot["article"] not in minutes:
                raise ExtensionError(
                    f"{self.env.docname}: reading time for {slot['article']!r} asked for, "
                    "but that article's text is not on this page"
                )
            slot += nodes.inline("", t("article.minutes", n=minutes[slot["article"]]), classes=["prt-reading-time"])


    def _as_modelled(self, article: str, blocks: list[nodes.Element]) -> None:
        """Stop the build where the doctree's paragraphs are not the paragraph model's
        (``book.course.paragraphs``, which the checks and the exercises read): one ¶
        numbering for the whole book, or none."""
        source = Path(self.env.doc2path(self.env.docname))
        if source.suffix != ".md" or self.app.builder.name == "gettext":  # gettext: the English, raw
            return
        language = self.config.language or SOURCE
        translate = None if language == SOURCE else page_messages(language, self.env.docname).get
        model = paragraphs.read(source.read_text(encoding="utf-8"), translate).get(article, ())
        for n, (block, modelled) in enumerate(zip(blocks, model), start=1):
            words = _reader_words(block)
            if not paragraphs.same_words(words, modelled.text):
                raise ExtensionError(f"{self.env.docname}: ¶{n} of {article!r} is {words[:60]!r} in the "
                                     f"build but {modelled.text[:60]!r} in book.course.paragraphs"
                                     + (f" ({language})" if translate else ""))
        if len(blocks) != len(model):
            raise ExtensionError(f"{self.env.docname}: {article!r} has {len(blocks)} ¶ in the build but "
                                 f"{len(model)} in book.course.paragraphs")

    def _subtitle(self, article: Article) -> None:
        """The article's subtitle under the page's title (the chapter's title is the article's)."""
        top = next(iter(self.document.findall(nodes.section)), None)
        if not article.subtitle or top is None or not isinstance(top[0], nodes.title):
            return
        if not any(isinstance(n, article_subtitle) for n in top.children):
            top.insert(1, article_subtitle("", article.subtitle, article=article.id))


class ResolveParaRefs(SphinxPostTransform):
    """Turn ¶ references into links, failing on a paragraph the article does not have."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        counts = _counts(self.env)
        here = {a: c for a, (doc, c) in counts.items() if doc == self.env.docname}
        for ref in list(self.document.findall(para_ref)):
            chapter = ref["chapter"] or next(iter(here), "")
            docname, count = counts.get(chapter, ("", 0))
            if not docname or ref["number"] > count:
                logger.warning(
                    f"¶ reference {ref.astext()} ({chapter or 'this page'}) points to no paragraph "
                    f"(the article has {count})", location=ref,
                )
                ref.replace_self(nodes.Text(ref.astext()))
                continue
            uri = "" if docname == self.env.docname else self.app.builder.get_relative_uri(self.env.docname, docname)
            link = nodes.reference("", ref.astext(), refuri=f"{uri}#p{ref['number']}", classes=["prt-pref"])
            ref.replace_self(link)


class ParagraphCollector(EnvironmentCollector):
    """Per page, how many paragraphs each article on it has (env.prt_paragraphs:
    article id -> (docname, count)): ¶ references anywhere are checked against it."""

    def clear_doc(self, app: Sphinx, env: Any, docname: str) -> None:
        counts = _counts(env)
        for article in [a for a, (doc, _) in counts.items() if doc == docname]:
            del counts[article]

    def merge_other(self, app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
        _counts(env).update({a: v for a, v in _counts(other).items() if v[0] in docnames})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        for marker in doctree.findall(article_meta):
            section = marker.parent
            while not isinstance(section, nodes.section):
                section = section.parent
            count = sum(1 for n in section.findall(nodes.Element) if "prt-para" in n.get("classes", []))
            _counts(app.env)[marker["article"]] = (app.env.docname, count)


def _counts(env: Any) -> dict[str, tuple[str, int]]:
    if not hasattr(env, "prt_paragraphs"):
        env.prt_paragraphs = {}
    return env.prt_paragraphs


def visit_article_meta(self: Any, node: article_meta) -> None:
    self.body.append(self.starttag(node, "div", CLASS="prt-article-meta"))


def depart_article_meta(self: Any, node: article_meta) -> None:
    self.body.append("</div>\n")


def visit_article_subtitle(self: Any, node: article_subtitle) -> None:
    self.body.append(self.starttag(node, "p", CLASS="prt-subtitle"))


def depart_article_subtitle(self: Any, node: article_subtitle) -> None:
    self.body.append("</p>\n")


def setup(app: Sphinx) -> None:
    app.add_node(article_meta, html=(visit_article_meta, depart_article_meta))
    app.add_node(article_subtitle, html=(visit_article_subtitle, depart_article_subtitle))
    app.add_node(reading_time, html=(render_children, render_children))
    app.add_node(para_ref, html=(render_children, render_children))
    app.add_directive("article-meta", ArticleMeta)
    app.add_role("reading-time", reading_time_role)
    app.add_role("para", para_role)
    app.add_role("checked-as-of", checked_as_of_role)
    app.add_transform(NumberArticle)
    app.add_post_transform(ResolveParaRefs)
    app.add_env_collector(ParagraphCollector)
