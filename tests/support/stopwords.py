"""English left in a translated page: the common English function words in what a reader
of the Spanish or Arabic edition sees, outside what is English on purpose.

Why function words: a sentence of interface English ("Check your answer", "Show the
group's answers") always carries some ("the", "your", "of"), while a name or a title a
page quotes carries few, and a Spanish or Arabic sentence none. Why not in what the page
marks or quotes: a paragraph not yet translated is shown in English with ``lang="en"``
(``prt-untranslated``), a source keeps its own title and a quotation its words; code is
no prose. In Arabic, a Latin name sits in ``<bdi>`` or ``dir="ltr"``: it is left out too.
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup, Comment

#: Words English writes in almost every sentence and Spanish never does ("a", "no", "he",
#: "me", "has", "son" are Spanish words too, so they are not here).
FUNCTION_WORDS = frozenset("""
the and of to is are was were with for from this that these those your you it its be been
by at an or not which will would have can should into than then there their they what when
""".split())

#: What a translated page shows in English on purpose, in every edition: text marked
#: English, code, quotations, the sources' titles and links (a source is cited as it was
#: published, a work's title in italics), and what no reader sees as prose (scripts, styles, templates).
LEFT_OUT = ("script", "style", "template", "noscript", "code", "pre", "kbd", "samp", "blockquote", "q", "cite", "em", "i",
            ".prt-untranslated", "[lang]:not([lang='es']):not([lang='ar'])", "a.prt-ext",
            ".prt-tl-sources", "td.prt-src", ".prt-sources",
            # Links to other pages (the menu, previous and next) show those pages' titles:
            # each is counted on its own page.
            ".bd-sidebar-primary", ".prev-next-area")
#: What a right-to-left page isolates as Latin: names and titles in ``<bdi>`` or ``dir="ltr"``.
LEFT_OUT_RTL = ("bdi", "[dir='ltr']")


def visible_text(markup: str, rtl: bool = False) -> str:
    """The page's body as a reader reads it, without what is English on purpose."""
    soup = BeautifulSoup(markup, "html.parser")
    body = soup.body or soup
    for comment in body.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for selector in LEFT_OUT + (LEFT_OUT_RTL if rtl else ()):
        for element in body.select(selector):
            element.decompose()
    return body.get_text(" ")


#: Quoted words, in the quotation marks the editions use.
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
#: What ends a run of a name's words.
BREAK = re.compile(r"[.,;:!?()\[\]/|·—–]")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _capital(word: str) -> bool:
    return word[0].isupper()


def _outside_names(words: list[str]) -> list[str]:
    """The words that are not inside a name or a title written in title case: a run of
    capitalised words, with the function words between them ("The Irish Times",
    "Congress of the Productive Classes"), is a name however many "the" it holds."""
    kept, n = [], 0
    while n < len(words):
        end = n
        if _capital(words[n]):
            last = n
            while end + 1 < len(words) and (_capital(words[end + 1]) or words[end + 1].lower() in FUNCTION_WORDS):
                end += 1
                last = end if _capital(words[end]) else last
            if sum(_capital(w) for w in words[n:last + 1]) >= 2:
                n = last + 1
                continue
        kept.append(words[n])
        n += 1
    return kept


def english_words(markup: str, rtl: bool = False) -> Counter:
    """How often each English function word appears in the page's own words, outside
    quotations and names."""
    found: Counter = Counter()
    for stretch in BREAK.split(QUOTED.sub(" . ", visible_text(markup, rtl))):
        found.update(w.lower() for w in _outside_names(WORD.findall(stretch)) if w.lower() in FUNCTION_WORDS)
    return found


def sentences_with(markup: str, words: Counter, rtl: bool = False, most: int = 3) -> list[str]:
    """Where the words are: the first few stretches of text around them (for a failure's message)."""
    text = " ".join(visible_text(markup, rtl).split())
    found = re.finditer(r"[^.:;\n]{0,50}\b(%s)\b[^.:;\n]{0,50}" % "|".join(map(re.escape, words)), text, re.I)
    return [m.group(0).strip() for _, m in zip(range(most), found)]
