"""The glossary: the whole glossary page from the data, each chapter's own word list,
and "where it appears" links from every entry back to the chapter paragraphs using it.

Each term (and each alias and id) is registered with Sphinx's standard domain through
``make_glossary_term``, so a ``{term}`` link to an unknown word fails the ``-W`` build.
Nodes: ``term_uses`` and ``chapter_terms``, placeholders filled at doctree-resolved,
when every chapter has been read. Where each term is used is kept by ``TermUseCollector``
(env.prt_term_uses: docname -> [(term, ¶ anchor, label)]).
"""

from __future__ import annotations

import html
import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.addnodes import glossary as glossary_node
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util.docutils import SphinxDirective

from ..course.load import course
from ..course.models import Term
from ..course.strings import t as words
from .config import chapter_key, is_chapter
from .glossary_filter import glossary_filter
from .nodes import para, render_children


class term_uses(nodes.General, nodes.Element):
    """Filled, once every page is read, with links to each chapter paragraph using a term."""


class chapter_terms(nodes.General, nodes.Element):
    """Filled with the definitions of the terms this page links to (its own mini glossary)."""


class ChapterTerms(SphinxDirective):
    """``{chapter-glossary}``: the words this chapter links, with their short definitions."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [chapter_terms("")]

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
    body += para(nodes.Text(t.definition), classes=["prt-definition"])
    if t.original:
        form: list[nodes.Node] = [nodes.strong("", words("glossary.original"))]
        form.append(_ar(t.original.text) if t.original.language == "ar" else nodes.emphasis("", t.original.text))
        if t.original.transliteration:
            form.append(nodes.Text(f" ({t.original.transliteration})"))
        form.append(nodes.Text(words("glossary.meaning", meaning=t.original.meaning)))
        body += para(*form)
    body += para(nodes.Text(t.explanation))
    body += para(nodes.strong("", words("glossary.origin")), nodes.Text(t.origin.text + words("glossary.origin_source")), *_sources(t.origin.sources), nodes.Text("."))
    if t.contested:
        body += para(nodes.strong("", words("glossary.contested")), nodes.Text(t.contested))
    if t.related:
        links: list[nodes.Node] = [nodes.strong("", words("glossary.related"))]
        for i, r in enumerate(t.related):
            if i:
                links.append(nodes.Text(", "))
            links.append(nodes.reference("", terms[r].term, refid=f"term-{r}"))
        body += para(*links)
    return body

def fold_entry(body: nodes.definition, t: Term) -> None:
    """The entry folded after its definition: the rest (original form, explanation, origin
    and sources, related terms, where it appears) in a ``<details>``, so the page draws
    119 definitions, not 3,400 elements at once (a slow phone's main thread). The rest is
    also a block the built page loads when it is shown (book/later.py): four fifths of the
    page's 0.34 MB, which a phone on a plain host waited for before the first word. It
    arrives when the entry is opened, reached by a link (reader.css shows a target's
    entry whole, static/glossary-filter.js opens it) or printed after being opened once;
    Find in page finds the terms and definitions, the search page every word."""
    summary = html.escape(words("glossary.more", term=t.term))
    body.insert(1, nodes.raw("", f'<details class="prt-entry-more"><summary>{summary}</summary>'
                                 f'<div class="prt-entry-rest" id="term-{t.id}-more" data-later="shown">',
                             format="html"))
    body.append(nodes.raw("", "</div></details>", format="html"))


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
        ordered = sorted(terms.values(), key=lambda t: t.term.lower())
        letters = sorted({_letter(t) for t in ordered})
        bar = para(classes=["prt-letters"])
        for i, letter in enumerate(letters):
            bar += nodes.reference("", letter, refid=_letter_id(letter))
            if i < len(letters) - 1:
                bar += nodes.Text(" · ")
        out: list[nodes.Node] = [nodes.raw("", glossary_filter(course().articles, len(ordered)), format="html"), bar]
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
                for alias in sorted({t.id, *t.aliases} - {t.term}):
                    # Registered only: the node made for an alias is not put in the page.
                    make_glossary_term(self.env, [nodes.Text(alias)], None, self.env.docname, self.lineno,
                                       f"term-{t.id}", self.state.document)
                body = term_definition(t, terms)
                body += term_uses("", term_id=t.id)
                fold_entry(body, t)
                dlist += nodes.definition_list_item("", term, body)
            out.append(gloss)
        return _from_data(out)


def _from_data(made: list[nodes.Node]) -> list[nodes.Node]:
    """What the directive writes from the course data is already in the edition's language
    (the data's own catalogs translate it): Sphinx's page catalog must neither look its
    words up nor mark them as left in English."""
    for node in made:
        for text in node.findall(nodes.TextElement):
            text["translatable"] = False
    return made


def _letter_id(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"


def _letter(t: Term) -> str:
    first = t.term.lstrip("'’\"")[:1].upper()
    return first if first.isalpha() else "#"


def term_ids() -> dict[str, str]:
    """Every name a {term} link may use (term, alias, id; lower case) -> the term's id."""
    out = {}
    for t in course().terms.values():
        for name in (t.term, *t.aliases, t.id):
            out[name.lower()] = t.id
    return out


class TermUseCollector(EnvironmentCollector):
    """Each {term} link in a chapter, with the ¶ (or section) it sits in."""

    def clear_doc(self, app: Sphinx, env: Any, docname: str) -> None:
        _uses(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
        _uses(env).update({d: v for d, v in _uses(other).items() if d in docnames})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        docname = app.env.docname
        if not is_chapter(app.config, docname):
            return
        found = []
        for ref in doctree.findall(addnodes.pending_xref):
            if ref.get("reftype") != "term":
                continue
            anchor, label = "", ""
            parent = ref.parent
            while parent is not None:
                ids = parent.get("ids", []) if isinstance(parent, nodes.Element) else []
                number = next((i for i in ids if re.fullmatch(r"p\d+", i)), None)
                if number:
                    anchor, label = number, f"¶{number[1:]}"
                    break
                if isinstance(parent, nodes.section) and ids:
                    anchor, label = ids[0], parent[0].astext()
                    break
                parent = parent.parent
            found.append((ref["reftarget"].lower(), anchor, label))
        _uses(app.env)[docname] = found


def _uses(env: Any) -> dict[str, list[tuple[str, str, str]]]:
    if not hasattr(env, "prt_term_uses"):
        env.prt_term_uses = {}
    return env.prt_term_uses


def term_index(env: Any) -> dict[str, list[tuple[str, str, str]]]:
    """term id -> [(docname, anchor, label)] in reading order, from the recorded links."""
    names = term_ids()
    index: dict[str, list[tuple[str, str, str]]] = {}
    for docname, found in sorted(_uses(env).items()):
        for target, anchor, label in found:
            term_id = names.get(target)
            if term_id is None:
                continue
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
        where = para(nodes.strong("", words("glossary.where")), classes=["prt-uses"])
        places = index.get(slot["term_id"], [])
        if not places:
            where += nodes.Text(words("glossary.not_linked"))
        by_doc: dict[str, list[tuple[str, str]]] = {}
        for doc, anchor, label in places:
            by_doc.setdefault(doc, []).append((anchor, label))
        chapters = [f"prt-in-{chapter_key(doc)}" for doc in by_doc]
        item = slot.parent.parent  # definition_list_item: the entry's term, then its definition
        item[0]["classes"].extend(chapters)
        slot.parent["classes"].extend(chapters)
        for n, (doc, spots) in enumerate(by_doc.items()):
            if n:
                where += nodes.Text("; ")
            where += nodes.emphasis("", _chapter_label(doc))
            where += nodes.Text(" ")
            uri = app.builder.get_relative_uri(docname, doc)
            for i, (anchor, label) in enumerate(spots):
                if i:
                    where += nodes.Text(", ")
                where += nodes.reference("", label or words("glossary.top"), refuri=f"{uri}#{anchor}" if anchor else uri)
        slot.replace_self(where)


def _fill_chapter_terms(app: Sphinx, slot: nodes.Element, docname: str) -> None:
    terms, names = course().terms, term_ids()
    ids: list[str] = []
    for target, _, _ in _uses(app.env).get(docname, []):
        term_id = names.get(target)
        if term_id in terms and term_id not in ids:
            ids.append(term_id)
    dlist = nodes.definition_list(classes=["prt-chapter-terms"])
    glossary_uri = app.builder.get_relative_uri(docname, app.config.prt_glossary_doc)
    for term_id in sorted(ids, key=lambda i: terms[i].term.lower()):
        t = terms[term_id]
        head = nodes.term("", "", nodes.reference("", t.term, refuri=f"{glossary_uri}#term-{t.id}"))
        dlist += nodes.definition_list_item("", head, nodes.definition("", para(nodes.Text(t.definition))))
    chapter = chapter_key(docname)
    more = para(nodes.reference("", words("glossary.chapter_filter"),
                                 refuri=f"{glossary_uri}?chapter={chapter}"), classes=["prt-chapter-filter"])
    slot.replace_self([dlist, more])


def _chapter_label(docname: str) -> str:
    article = course().articles.get(chapter_key(docname))
    return article.short if article else docname

def setup(app: Sphinx) -> None:
    app.add_node(term_uses, html=(render_children, render_children))
    app.add_node(chapter_terms, html=(render_children, render_children))
    app.add_directive("course-glossary", CourseGlossary)
    app.add_directive("chapter-glossary", ChapterTerms)
    app.add_env_collector(TermUseCollector)
    app.connect("doctree-resolved", _fill_term_uses)
