"""Generated HTML read by the search index word by word (book/sphinxext/search_words.py):
a line break after the closing tags of elements that start a line, before a <br>, and
nothing inside a script, a style or preformatted text."""

from __future__ import annotations

import json
import re

from book.sphinxext.search_words import spaced


def _indexed(markup: str) -> list[str]:
    """The words as Sphinx's index reads a raw HTML node: tags removed, nothing in their place."""
    markup = re.sub(r"<(script|style).*?</\1>", "", markup, flags=re.DOTALL)
    return re.sub(r"<[^<]+?>", "", markup).split()


def test_cells_items_options_and_svg_names_become_words_of_their_own():
    markup = ('<table><tr><td>1917</td><td><strong>October</strong><span><br>Soviets</span></td></tr></table>'
              '<ul><li>Care as camouflage</li><li>Listening</li></ul><select><option>Choose</option></select>'
              '<svg><g><title>1993 constitution</title></g><g><title>Fujimori falls</title></g><text>Lima</text></svg>'
              '<div><p>abroad</p></div><fieldset><legend>Kind</legend></fieldset><div>Check</div>')
    assert _indexed(markup) != _indexed(spaced(markup))  # the index glued them before
    assert _indexed(spaced(markup)) == ["1917", "October", "Soviets", "Care", "as", "camouflage", "Listening", "Choose",
                                       "1993", "constitution", "Fujimori", "falls", "Lima", "abroad", "Kind", "Check"]


def test_inline_markup_is_left_as_it_reads():
    markup = "<p>the <strong>working</strong> class<em>es</em> <a href='#p3'>¶3</a></p>"
    assert spaced(markup) == markup + "\n"


def test_a_script_a_style_and_preformatted_text_are_not_touched():
    data = json.dumps({"feedback": "<p>Right.</p><p>¶19</p>"})
    markup = f'<p>a</p><script type="application/json">{data}</script><style>p::after{{content:"</p>"}}</style><p>b</p>'
    out = spaced(markup)
    assert json.loads(re.search(r'json">(.*?)</script>', out).group(1)) == json.loads(data)
    assert '<style>p::after{content:"</p>"}</style>' in out
    pre = "<pre><p>kept</p><p>as is</p></pre><textarea><p>typed</p></textarea><p>c</p><p>d</p>"
    assert spaced(pre) == "<pre><p>kept</p><p>as is</p></pre><textarea><p>typed</p></textarea><p>c</p>\n<p>d</p>\n"


def test_spacing_twice_changes_nothing_more():
    markup = "<table><tr><td>a</td><td>b<br>c</td></tr></table>"
    assert spaced(spaced(markup)) == spaced(markup)
