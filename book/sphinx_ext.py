"""Everything that touches Sphinx: article markup, the glossary, assets and the offline guard.

Why a Sphinx extension and not notebook code: paragraph numbers, reading time and
glossary targets must exist in the built HTML whether or not a kernel ran, and the
offline guard must see every built page at once.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.addnodes import glossary as glossary_node
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain, make_glossary_term
from sphinx.errors import ExtensionError
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .anatomy import shape_chapter
from .glossary_filter import glossary_filter
from .assets import PLOTLY_STATIC, plotly_js_path
from .links import mark_outside_links
from .search_terms import CourseDomain
from .load import course
from .models import Article, Term
from .timeline_assets import add_to_page as add_timeline_assets

STATIC_DIR = Path(__file__).parent / "static"
logger = logging.getLogger(__name__)
WORDS_PER_MINUTE = 200
#: Nodes inside the article section that are ours, not the article's (annotations).
OURS = (nodes.sidebar, nodes.Admonition, nodes.container, nodes.table, nodes.topic)


class article_meta(nodes.General, nodes.Element):
    """Marks the section holding an article's text; renders its attribution."""


class reading_time(nodes.Inline, nodes.TextElement):
    """Filled with the reading time computed from the article's own words."""


class term_uses(nodes.General, nodes.Element):
    """Filled, once every page is read, with links to each chapter paragraph using a term."""


class chapter_terms(nodes.General, nodes.Element):
    """Filled with the definitions of the terms this page links to (its own mini glossary)."""


class ChapterTerms(SphinxDirective):
    """``{chapter-glossary}``: the words this chapter links, with their short definitions."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [chapter_terms("")]


class para_ref(nodes.Inline, nodes.TextElement):
    """A link to an article paragraph, checked against the numbering once all pages are read."""


def _para(*children: nodes.Node, classes: list[str] | None = None) -> nodes.paragraph:
    return nodes.paragraph("", "", *children, classes=classes or [])


def attribution(article: Article) -> list[nodes.Node]:
    """Title, byline, date, publisher and source for the head of an article's text."""
    byline = article.byline or "Unsigned"
    date = article.date.label() if article.date else "Undated"
    link: nodes.Node = (
        nodes.reference("", str(article.source_url), refuri=str(article.source_url))
        if article.source_url
        else nodes.Text("no web address is given in the copy the course was made from")
    )
    return [
        _para(nodes.strong("", f"“{article.title}”")),
        _para(nodes.Text(f"By {byline} · {date} · {article.publisher}")),
        _para(nodes.Text("Source: "), link),
        _para(nodes.Text("Reading time: "), reading_time("", "", article=article.id)),
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
    from .sources import checked_label

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
            section = marker.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            if section is None:
                raise ExtensionError(f"{self.env.docname}: article-meta must sit inside a section")
            words = 0
            blocks = article_blocks(section)
            for n, block in enumerate(blocks, start=1):
                block["ids"].append(f"p{n}")
                block["classes"].append("prt-para")
                words += len(block.astext().split())
                target = block if isinstance(block, nodes.paragraph) else next(block.findall(nodes.paragraph))
                mark = f'<a class="prt-pnum" href="#p{n}" aria-label="Paragraph {n}">¶{n}</a>'
                target.insert(0, nodes.raw("", mark, format="html"))
            minutes[marker["article"]] = max(1, math.ceil(words / WORDS_PER_MINUTE))
            counts = self.env.__dict__.setdefault("prt_paragraphs", {})
            counts[marker["article"]] = (self.env.docname, len(blocks))
        for slot in list(self.document.findall(reading_time)):
            if slot["article"] not in minutes:
                raise ExtensionError(
                    f"{self.env.docname}: reading time for {slot['article']!r} asked for, "
                    "but that article's text is not on this page"
                )
            slot += nodes.inline("", f"about {minutes[slot['article']]} minutes", classes=["prt-reading-time"])


class ResolveParaRefs(SphinxPostTransform):
    """Turn ¶ references into links, failing on a paragraph the article does not have."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        counts: dict[str, tuple[str, int]] = getattr(self.env, "prt_paragraphs", {})
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


def _merge_paragraphs(app: Sphinx, env: Any, docnames: set, other: Any) -> None:
    env.__dict__.setdefault("prt_paragraphs", {}).update(getattr(other, "prt_paragraphs", {}))


def _purge_paragraphs(app: Sphinx, env: Any, docname: str) -> None:
    counts = env.__dict__.setdefault("prt_paragraphs", {})
    for article in [a for a, (doc, _) in counts.items() if doc == docname]:
        del counts[article]


def visit_article_meta(self: Any, node: article_meta) -> None:
    self.body.append(self.starttag(node, "div", CLASS="prt-article-meta"))


def depart_article_meta(self: Any, node: article_meta) -> None:
    self.body.append("</div>\n")


def _pass(self: Any, node: nodes.Node) -> None:
    """reading_time renders as its children."""


def _ar(text: str) -> nodes.raw:
    return nodes.raw("", f'<span lang="ar" dir="rtl">{html.escape(text)}</span>', format="html")


def _sources(sources: list[Any]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, s in enumerate(sources):
        if i:
            out.append(nodes.Text("; "))
        out.append(nodes.reference("", s.ref, refuri=str(s.url)) if s.url else nodes.Text(s.ref))
    return out


def term_definition(t: Term, terms: dict[str, Term]) -> nodes.definition:
    """A glossary entry's body: definition, use in the articles, origin, related terms."""
    body = nodes.definition()
    body += _para(nodes.Text(t.definition), classes=["prt-definition"])
    if t.original:
        form: list[nodes.Node] = [nodes.strong("", "Original: ")]
        form.append(_ar(t.original.text) if t.original.language == "ar" else nodes.emphasis("", t.original.text))
        if t.original.transliteration:
            form.append(nodes.Text(f" ({t.original.transliteration})"))
        form.append(nodes.Text(f", “{t.original.meaning}”."))
        body += _para(*form)
    body += _para(nodes.Text(t.explanation))
    body += _para(nodes.strong("", "Origin: "), nodes.Text(f"{t.origin.text} Source: "), *_sources(t.origin.sources), nodes.Text("."))
    if t.contested:
        body += _para(nodes.strong("", "Contested: "), nodes.Text(t.contested))
    if t.related:
        links: list[nodes.Node] = [nodes.strong("", "Related: ")]
        for i, r in enumerate(t.related):
            if i:
                links.append(nodes.Text(", "))
            links.append(nodes.reference("", terms[r].term, refid=f"term-{r}"))
        body += _para(*links)
    return body


class MyAnswers(SphinxDirective):
    """``{my-answers}``: the reader's answers page (book/answers/page.py)."""

    def run(self) -> list[nodes.Node]:
        from .answers.page import my_answers_html

        return [nodes.raw("", my_answers_html(fingerprint()[:12]), format="html")]


class CourseGlossary(SphinxDirective):
    """``{course-glossary}``: the whole glossary from book/data/glossary/*.yml, A to Z.

    Each term (and each alias, and its id) is registered with Sphinx's standard domain,
    so a ``{term}`` link to an unknown word fails the ``-W`` build. Entries are grouped
    under letter headings with a letter bar on top; each ends with "where it appears",
    filled in after every chapter has been read.
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        terms = course().terms
        std: StandardDomain = self.env.get_domain("std")  # type: ignore[assignment]
        ordered = sorted(terms.values(), key=lambda t: t.term.lower())
        letters = sorted({_letter(t) for t in ordered})
        bar = _para(classes=["prt-letters"])
        for i, letter in enumerate(letters):
            bar += nodes.reference("", letter, refid=_letter_id(letter))
            if i < len(letters) - 1:
                bar += nodes.Text(" · ")
        out: list[nodes.Node] = [nodes.raw("", glossary_filter(course().articles), format="html"), bar]
        for letter in letters:
            # (Sphinx reads "heading-level", MyST's writer override reads "level".)
            out.append(nodes.rubric("", letter, ids=[_letter_id(letter)], **{"heading-level": 2, "level": 2}))
            gloss = glossary_node()
            gloss["sorted"] = False  # already sorted A to Z
            dlist = nodes.definition_list(classes=["glossary", "prt-glossary"])
            gloss += dlist
            for t in (t for t in ordered if _letter(t) == letter):
                term = make_glossary_term(
                    self.env, [nodes.Text(t.term)], None, self.env.docname, self.lineno,
                    f"term-{t.id}", self.state.document,
                )
                self.state.document.note_explicit_target(term)
                # The id works as a link target too, so chapters can write {term}`text <id>`.
                for alias in {t.id, *t.aliases} - {t.term}:
                    std._note_term(alias, f"term-{t.id}", location=term)
                body = term_definition(t, terms)
                body += term_uses("", term_id=t.id)
                dlist += nodes.definition_list_item("", term, body)
            out.append(gloss)
        return out


def _letter_id(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"


def _letter(t: Term) -> str:
    first = t.term.lstrip("'’\"")[:1].upper()
    return first if first.isalpha() else "#"


def _collect_term_uses(app: Sphinx, doctree: nodes.document) -> None:
    """Record each {term} link in a chapter with the ¶ (or section) it sits in."""
    docname = app.env.docname
    uses = app.env.__dict__.setdefault("prt_term_uses", {})
    uses.pop(docname, None)
    if not docname.startswith("chapters/"):
        return
    found = []
    for ref in doctree.findall(addnodes.pending_xref):
        if ref.get("reftype") != "term":
            continue
        anchor, label = "", ""
        parent = ref.parent
        while parent is not None:
            ids = parent.get("ids", []) if isinstance(parent, nodes.Element) else []
            para = next((i for i in ids if re.fullmatch(r"p\d+", i)), None)
            if para:
                anchor, label = para, f"¶{para[1:]}"
                break
            if isinstance(parent, nodes.section) and ids:
                anchor, label = ids[0], parent[0].astext()
                break
            parent = parent.parent
        found.append((ref["reftarget"].lower(), anchor, label))
    uses[docname] = found


def _merge_term_uses(app: Sphinx, env: Any, docnames: set, other: Any) -> None:
    env.__dict__.setdefault("prt_term_uses", {}).update(getattr(other, "prt_term_uses", {}))


def _purge_term_uses(app: Sphinx, env: Any, docname: str) -> None:
    env.__dict__.setdefault("prt_term_uses", {}).pop(docname, None)


def term_index(env: Any) -> dict[str, list[tuple[str, str, str]]]:
    """term id -> [(docname, anchor, label)] in reading order, from the recorded links."""
    std: StandardDomain = env.get_domain("std")
    index: dict[str, list[tuple[str, str, str]]] = {}
    for docname, found in sorted(getattr(env, "prt_term_uses", {}).items()):
        for target, anchor, label in found:
            hit = std._terms.get(target)
            if hit is None:
                continue
            term_id = hit[1].removeprefix("term-")
            entry = (docname, anchor, label)
            if entry not in index.setdefault(term_id, []):
                index[term_id].append(entry)
    return index


def _fill_term_uses(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Where it appears, and definition previews on every term link."""
    terms = course().terms
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "") or ""
        if "#term-" in uri and ref.get("internal"):
            term = terms.get(uri.rsplit("#term-", 1)[1])
            if term:
                ref["reftitle"] = term.definition
                ref["classes"].append("prt-term")
    for slot in list(doctree.findall(chapter_terms)):
        _fill_chapter_terms(app, slot, docname)
    slots = list(doctree.findall(term_uses))
    if not slots:
        return
    index = term_index(app.env)
    for slot in slots:
        para = _para(nodes.strong("", "Where it appears: "), classes=["prt-uses"])
        places = index.get(slot["term_id"], [])
        if not places:
            para += nodes.Text("not yet linked from a chapter.")
        by_doc: dict[str, list[tuple[str, str]]] = {}
        for doc, anchor, label in places:
            by_doc.setdefault(doc, []).append((anchor, label))
        chapters = [f"prt-in-{doc.rsplit('/', 1)[-1]}" for doc in by_doc]
        item = slot.parent.parent  # definition_list_item: the entry's term, then its definition
        item[0]["classes"].extend(chapters)
        slot.parent["classes"].extend(chapters)
        for n, (doc, spots) in enumerate(by_doc.items()):
            if n:
                para += nodes.Text("; ")
            para += nodes.emphasis("", _chapter_label(doc))
            para += nodes.Text(" ")
            uri = app.builder.get_relative_uri(docname, doc)
            for i, (anchor, label) in enumerate(spots):
                if i:
                    para += nodes.Text(", ")
                para += nodes.reference("", label or "top", refuri=f"{uri}#{anchor}" if anchor else uri)
        slot.replace_self(para)


def _fill_chapter_terms(app: Sphinx, slot: nodes.Element, docname: str) -> None:
    std: StandardDomain = app.env.get_domain("std")  # type: ignore[assignment]
    terms = course().terms
    ids: list[str] = []
    for target, _, _ in getattr(app.env, "prt_term_uses", {}).get(docname, []):
        hit = std._terms.get(target)
        term_id = hit[1].removeprefix("term-") if hit else None
        if term_id in terms and term_id not in ids:
            ids.append(term_id)
    dlist = nodes.definition_list(classes=["prt-chapter-terms"])
    glossary_uri = app.builder.get_relative_uri(docname, "glossary")
    for term_id in sorted(ids, key=lambda i: terms[i].term.lower()):
        t = terms[term_id]
        head = nodes.term("", "", nodes.reference("", t.term, refuri=f"{glossary_uri}#term-{t.id}"))
        dlist += nodes.definition_list_item("", head, nodes.definition("", _para(nodes.Text(t.definition))))
    chapter = docname.rsplit("/", 1)[-1]
    more = _para(nodes.reference("", "These words alone in the glossary, with their full entries",
                                 refuri=f"{glossary_uri}?chapter={chapter}"), classes=["prt-chapter-filter"])
    slot.replace_self([dlist, more])


def _chapter_label(docname: str) -> str:
    article = course().articles.get(docname.rsplit("/", 1)[-1])
    return article.short if article else docname


# ---------------------------------------------------------------- assets and guard

def _add_static(app: Sphinx) -> None:
    # Added after the theme has scanned _static, so JB1 does not inject everything here.
    app.config.html_static_path.append(str(STATIC_DIR))


#: Theme scripts no page of ours needs: Font Awesome's SVG replacer (1.5 MB; the
#: theme's stylesheet already draws the same icons from its font) and the search index
#: with its tools, which the theme loads on every page only for search-as-you-type
#: (off here; search.html loads them itself).
UNNEEDED_SCRIPTS = re.compile(
    r'\s*<script\b[^>]*\bsrc="[^"]*(?:scripts/fontawesome\.js|searchtools\.js|language_data\.js|searchindex\.js)'
    r'[^"]*"[^>]*></script>'
)


def without_unneeded_scripts(markup: str) -> str:
    """A template filter (see templates/layout.html) dropping UNNEEDED_SCRIPTS."""
    return UNNEEDED_SCRIPTS.sub("", markup)


#: Scripts Sphinx and the extensions add without ``defer``, though each waits for the
#: DOM anyway. Parser-blocking, they held first paint back a round trip each: 1.4 s of
#: 2.6 s on a 1.6 Mbps, 150 ms link. documentation_options.js stays as it is: inline
#: scripts after it use what it defines; so does search.html, whose searchtools.js
#: calls doctools.js as it loads.
DEFERRABLE = {"doctools.js", "sphinx_highlight.js", "clipboard.min.js", "copybutton.js",
              "sphinx-book-theme.js", "togglebutton.js", "design-tabs.js"}


def _defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    from sphinx.builders.html._assets import _JavaScript

    if pagename == "search":
        return

    def deferred(js: Any) -> Any:
        if (not isinstance(js, _JavaScript) or Path(str(js.filename)).name not in DEFERRABLE
                or {"defer", "async"} & set(js.attributes)):
            return js
        return _JavaScript(js.filename, priority=js.priority, **js.attributes, defer="defer")

    context["script_files"] = [deferred(js) for js in context.get("script_files", [])]


def _mark_outside_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if "body" in context:
        context["body"] = mark_outside_links(context["body"])


#: Scripts only some pages use, each with the mark in a page's body that calls for it.
BODY_SCRIPTS = {"notes.js": 'class="margin', "terms.js": "prt-term", "anatomy.js": "prt-fold",
                "flags.js": 'class="prt-pnum"', "graders.js": "prt-exercise", "ledger.js": 'data-kind="ledger"',
                "exercises.js": "prt-exercise", "flashcards.js": "prt-flashcards"}
#: Scripts of one page: page name -> files in static/.
PAGE_SCRIPTS = {"search": ["search-summary.js"], "glossary": ["glossary-filter.js"],
                "my-answers": ["answer-file.js", "my-answers.js"]}


def _page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Each page loads only the scripts it uses."""
    body = context.get("body", "")
    for name, mark in BODY_SCRIPTS.items():
        if mark in body:
            app.add_js_file(name, defer="defer")
    for name in PAGE_SCRIPTS.get(pagename, []):
        if pagename == "search":
            # After documentation_options.js (priority 200), before searchtools.js runs.
            app.add_js_file(name, priority=201)
        else:
            app.add_js_file(name, defer="defer")


def _add_template_filter(app: Sphinx) -> None:
    from book.navigation import without_hidden_toggles, without_inline_print

    filters = app.builder.templates.environment.filters
    filters["prt_without_unneeded_scripts"] = without_unneeded_scripts
    filters["prt_without_hidden_toggles"] = without_hidden_toggles
    filters["prt_without_inline_print"] = without_inline_print


PACKAGE_DIR = Path(__file__).parent


def fingerprint() -> str:
    """A hash of what every page is made from: book/ (code, data, assets, templates) and
    the table of contents (each page's sidebar shows it; Sphinx alone would leave the
    unchanged pages with the old one)."""
    digest = hashlib.sha256()
    files = [p for p in PACKAGE_DIR.rglob("*") if p.suffix in {".py", ".yml", ".js", ".css", ".svg", ".html"}
             and "node_modules" not in p.parts]  # the vendored bundle is copied, not read
    for path in sorted(files) + [PACKAGE_DIR.parent / "_toc.yml", PACKAGE_DIR.parent / "_config.yml"]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp(app: Sphinx) -> Path:
    return Path(app.outdir).parent / ".prt-fingerprint"


def _outdated_by_data(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Rebuild every page when book/ changed: the execution cache keys on notebook text only.

    Without this, editing an event's date would leave the cached timeline, and the page,
    showing the old date until someone cleaned the build by hand.
    """
    stamp = _stamp(app)
    if stamp.exists() and stamp.read_text() == fingerprint():
        # The glossary's "where it appears" links are made from the chapters.
        if any(d.startswith("chapters/") for d in added | changed) and "glossary" in env.found_docs:
            return ["glossary"]
        return []
    cache = Path(app.config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    shutil.rmtree(cache, ignore_errors=True)
    return sorted(env.found_docs - added - removed)


def _drop_widget_state(app: Sphinx, doctree: nodes.document) -> None:
    """Static pages use each exercise's own HTML, so the saved widget state is dead weight."""
    metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    metadata.get("js_files", {}).pop("ipywidgets_state", None)


EXTERNAL = re.compile(
    r"<(script|link|img|iframe|source|video|audio|embed|object|track)\b[^>]*?\b(src|href|data|srcset|poster)"
    r"\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)
CSS_EXTERNAL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])((?:https?:)?//[^\"')\s]+)", re.IGNORECASE)


def external_references(outdir: Path) -> list[str]:
    """Every place a built page or stylesheet would make the browser contact another host."""
    found = []
    for page in sorted(outdir.rglob("*.html")):
        for m in EXTERNAL.finditer(page.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{page.relative_to(outdir)}: <{m.group(1)} {m.group(2)}={m.group(3)}>")
    for sheet in sorted(outdir.rglob("*.css")):
        for m in CSS_EXTERNAL.finditer(sheet.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{sheet.relative_to(outdir)}: {m.group(1)}")
    return found


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
HANDLER = re.compile(r"\son[a-z]+=\"([^\"]*)\"", re.I)
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.I)
JS_TYPES = ("", "text/javascript", "module", "application/javascript")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(page: str) -> str:
    """A policy allowing only the book's own files, plus this page's own inline scripts by hash.

    Inline scripts come from the toolchain (the theme's colour-mode switch and the
    like); each is allowed by its exact hash, so nothing injected later runs.
    Styles may be inline because plotly draws with them.
    """
    hashes = []
    for attrs, body in INLINE_SCRIPT.findall(page):
        kind = re.search(r"\btype=[\"']?([^\"'\s>]+)", attrs)
        if (kind.group(1).lower() if kind else "") in JS_TYPES:
            hashes.append(_sha256(body))
    handlers = sorted({_sha256(html.unescape(h)) for h in HANDLER.findall(page)})
    script = " ".join(["'self'", *sorted(set(hashes)), *(["'unsafe-hashes'", *handlers] if handlers else [])])
    return (
        f"default-src 'self'; script-src {script}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-src 'none'; worker-src 'self' blob:"
    )


def apply_csp(outdir: Path) -> int:
    """Write the policy into every built page (idempotent: an older one is replaced)."""
    count = 0
    for path in outdir.rglob("*.html"):
        if "_static" in path.relative_to(outdir).parts:
            continue
        page = CSP_META.sub("", path.read_text(encoding="utf-8"))
        meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(page)}">\n'
        page, n = re.subn(r"(<head[^>]*>\s*)", lambda m: m.group(1) + meta, page, count=1)
        if n:
            path.write_text(page, encoding="utf-8")
            count += 1
    return count


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    src = plotly_js_path()
    dest = outdir / "_static" / PLOTLY_STATIC
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not dest.exists() or dest.stat().st_size != src.stat().st_size:
        shutil.copyfile(src, dest)
    apply_csp(outdir)
    found = external_references(outdir)
    if found:
        raise ExtensionError(
            "offline guard: built pages reference other hosts (the book must work offline):\n  "
            + "\n  ".join(found[:50])
        )
    _stamp(app).write_text(fingerprint())


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(article_meta, html=(visit_article_meta, depart_article_meta))
    app.add_node(reading_time, html=(_pass, _pass))
    app.add_directive("article-meta", ArticleMeta)
    app.add_directive("course-glossary", CourseGlossary)
    app.add_role("reading-time", reading_time_role)
    app.add_role("para", para_role)
    app.add_role("checked-as-of", checked_as_of_role)
    app.add_node(para_ref, html=(_pass, _pass))
    app.add_post_transform(ResolveParaRefs)
    app.connect("env-merge-info", _merge_paragraphs)
    app.connect("env-purge-doc", _purge_paragraphs)
    app.add_transform(NumberArticle)
    app.connect("builder-inited", _add_static)
    app.add_css_file("course.css")
    app.add_js_file("course.js", defer="defer")
    app.connect("html-page-context", add_timeline_assets)
    app.add_js_file("nav.js", defer="defer")
    app.add_css_file("reader.css")
    app.connect("doctree-read", shape_chapter)
    app.connect("html-page-context", _mark_outside_links)
    app.add_domain(CourseDomain)
    app.add_directive("my-answers", MyAnswers)
    app.connect("html-page-context", _page_scripts)
    app.connect("builder-inited", _add_template_filter)
    app.connect("html-page-context", _defer_scripts)
    app.connect("doctree-read", _drop_widget_state)
    app.connect("env-get-outdated", _outdated_by_data)
    app.add_node(term_uses, html=(_pass, _pass))
    app.add_node(chapter_terms, html=(_pass, _pass))
    app.add_directive("chapter-glossary", ChapterTerms)
    app.connect("doctree-read", _collect_term_uses)
    app.connect("env-merge-info", _merge_term_uses)
    app.connect("env-purge-doc", _purge_term_uses)
    app.connect("doctree-resolved", _fill_term_uses)
    app.connect("build-finished", _finish)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
