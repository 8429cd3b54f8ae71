r"""Search in Arabic: a word is found with and without its article (ال).

Sphinx has no Arabic stemmer (sphinx.search has none for ``ar``; it falls back to
English's Porter stemmer, which leaves Arabic as it is), so المحاصصة and محاصصة were two
different words and a reader who typed one missed the other. This light stemmer indexes,
and the search page looks up, a word's form without the article and its attached
particles (وال، بال، كال، فال، لل), with its letters normalised as Arabic search engines
do: short vowels and tatweel dropped, أ إ آ written ا, ى written ي, ة written ه. The
same rules run in Python (the index, at build) and in JavaScript (the reader's query,
``Stemmer`` in language_data.js), written side by side so that they stay one rule.

What it cannot do: it removes no suffix (pronouns ـها ـهم, plurals ـات ـون ـين, the
dual), no other prefix (the conjunction و alone, the future س), and finds no root: عمال
(workers) does not find عامل (a worker); a word that begins with ال not as its article
(التزام) is indexed without it too, so it also matches تزام (no Arabic word). The article
is taken off before the letters are normalised, and as often as it is there: ألمانية
(Germany, its alef a hamza, no article) stays المانيه as الألمانية does, where a
normalised أ would have read as an article and left the two words apart; التزام and
الالتزام both become تزام. Sphinx's
splitters (``\w+`` at build, ``\p{Letter}`` in the search box) cut a word at a vowel
mark, a shadda or a tatweel (none is a letter): both splitters here drop the marks first,
so الميسّر is one word, found by الميسر. English words on an Arabic page are found only as
written (no Porter stemming there).
"""

from __future__ import annotations

import re

from sphinx.search import SearchLanguage

#: Short vowels, tanwin, shadda, sukun, the dagger alef (U+064B-U+0652, U+0670) and tatweel.
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
#: The article with what may be joined to it, longest first.
ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
#: A stem keeps at least this many letters (الله stays الله).
SHORTEST = 3


def normalise(word: str) -> str:
    word = _MARKS.sub("", word)
    return word.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}))


def _without_article(word: str) -> str:
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= SHORTEST:
            return _without_article(word[len(article):])
    return word


def stem(word: str) -> str:
    """The form a word is indexed and looked up by: without its article (see above)."""
    return normalise(_without_article(_MARKS.sub("", word)))


JS_STEMMER = """
/* Arabic: a word without its article, the same rule as book/sphinxext/search_arabic.py. */
var Stemmer = function() {
  var marks = /[\\u064b-\\u0652\\u0670\\u0640]/g;
  var letters = {"\\u0623": "\\u0627", "\\u0625": "\\u0627", "\\u0622": "\\u0627", "\\u0649": "\\u064a", "\\u0629": "\\u0647"};
  var articles = %s;
  var bare = function(w) {
    for (var i = 0; i < articles.length; i++) {
      if (w.indexOf(articles[i]) === 0 && w.length - articles[i].length >= %d) {
        return bare(w.slice(articles[i].length));
      }
    }
    return w;
  };
  this.stemWord = function(w) {
    return bare(w.replace(marks, "")).replace(/[\\u0623\\u0625\\u0622\\u0649\\u0629]/g, function(c) { return letters[c]; });
  };
};
""" % ("[" + ", ".join('"%s"' % "".join("\\u%04x" % ord(c) for c in a) for a in ARTICLES) + "]", SHORTEST)


#: The search box's splitter (searchtools.js keeps its own when none is given): the marks
#: dropped before the split, as ``SearchArabic.split`` does at build.
JS_SPLITTER = """
var splitQuery = function(query) {
  return query.replace(/[\\u064b-\\u0652\\u0670\\u0640]/g, "")
    .split(/[^\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu).filter(function(term) { return term; });
};
"""


class SearchArabic(SearchLanguage):
    lang = "ar"
    language_name = "Arabic"
    js_stemmer_code = JS_STEMMER
    js_splitter_code = JS_SPLITTER

    def split(self, input: str) -> list[str]:
        """Words, with their marks dropped first: Python's ``\\w`` is no vowel mark either."""
        return super().split(_MARKS.sub("", input))
    #: Particles too common to search for (and, in, from, to, on, that, which ...).
    stopwords = {"و", "في", "من", "إلى", "الى", "على", "عن", "أن", "ان", "إن", "التي", "الذي", "هذا", "هذه", "ما", "لا"}

    def stem(self, word: str) -> str:
        return stem(word)

    def word_filter(self, word: str) -> bool:
        return bool(word) and word not in self.stopwords and not word.isdigit()
