"""The English search index holds the words the pages show, not two of them glued
together (Sphinx strips a raw HTML node's tags without a space: book/sphinxext/
search_words.py). A term is glued when it is no word of the pages but splits into two
that are."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from sphinx.search.en import SearchEnglish
from bookfiles import built_text

#: Left glued on purpose (search_words.py says why): a two-line SVG label, "Tishreen" /
#: "uprising".
KNOWN = {"tishreenupris"}


def _index(built) -> dict:
    raw = (built / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(raw[raw.index("(") + 1: raw.rindex(")")])


def test_no_term_of_the_index_is_two_words_of_the_pages_glued(built):
    index = _index(built)
    stem = SearchEnglish({}).stem
    words: set[str] = set()
    for name in index["docnames"]:
        soup = BeautifulSoup(built_text(built / f"{name}.html"), "html.parser")
        for hidden in soup(["script", "style"]):
            hidden.decompose()
        words |= set(re.findall(r"\w+", soup.get_text(" ").lower()))
    known = words | {stem(w) for w in words}
    terms = [term for term, docs in index["terms"].items() if docs != []]  # [] is a term a rebuild emptied
    glued = sorted(term for term in terms if term not in known and any(
        term[:i] in words and term[i:] in known for i in range(3, len(term) - 2)))
    assert len(terms) > 3000 and "fujimori" in terms and "muhasasa" in terms
    assert set(glued) <= KNOWN, glued
