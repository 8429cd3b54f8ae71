"""Blocks a built page loads later (book/later.py): cut out into scripts of their own,
innermost first, linked relative to the page, and put back whole by ``inline``."""

from __future__ import annotations

import json
import re

import pytest

from book.later import FOLDER, cut, cut_page, inline

PAGE = ('<html><body><p>Line\u2028break and a form\x0cfeed before the block</p>\n'
        '<section id="timeline"><h2>Timeline</h2>\n'
        '<div class="prt-fold-body" id="timeline-body" data-later="shown"><p>Intro<br>text</p>'
        '<script type="application/json" class="prt-tl-data" id="tl-data" data-later="asked">{"a": "\\u003c/div>"}</script>'
        '<div class="prt-table-wrap" id="tl-table" data-later="shown"><table><tr><td>1917<br>October</td></tr>'
        '</table><div>nested div</div></div><p>unclosed paragraph<div>after it</div></div>\n'
        '</section><p id="after">After the block</p></body></html>')


def test_each_block_goes_to_its_own_script_and_the_page_keeps_its_elements():
    markup, scripts = cut(PAGE, "chapters/tishreen", 1)
    assert sorted(scripts) == ["chapters-tishreen--timeline-body.js", "chapters-tishreen--tl-data.js",
                               "chapters-tishreen--tl-table.js"]
    # The page keeps the outer element, empty, and everything around it as it was.
    assert re.search(r'<div class="prt-fold-body" id="timeline-body" data-later="shown" '
                     r'data-later-src="\.\./_static/later/chapters-tishreen--timeline-body\.js\?v=[0-9a-f]{10}"></div>\n'
                     r'</section><p id="after">After the block</p>', markup)
    assert markup.startswith(PAGE[:PAGE.index("<section")])
    assert "1917" not in markup and "Intro" not in markup
    # The outer block's script holds the inner blocks emptied: each loads only when asked.
    outer = json.loads(re.match(r'PRT\.later\.put\("timeline-body", (".*")\);\n$', scripts[
        "chapters-tishreen--timeline-body.js"], re.S).group(1))
    assert outer.startswith("<p>Intro<br>text</p>") and outer.endswith("<p>unclosed paragraph<div>after it</div>")
    assert '<div class="prt-table-wrap" id="tl-table" data-later="shown" data-later-src=' in outer
    assert "1917" not in outer and '{"a"' not in outer
    table = json.loads(scripts["chapters-tishreen--tl-table.js"].split(", ", 1)[1][:-3])
    assert table == "<table><tr><td>1917<br>October</td></tr></table><div>nested div</div>"


def test_a_page_at_the_root_links_its_scripts_without_climbing():
    markup, _ = cut(PAGE, "timelines", 0)
    assert 'data-later-src="_static/later/timelines--timeline-body.js?v=' in markup


def test_a_cut_page_put_back_is_the_page_itself_and_a_second_cut_changes_nothing(tmp_path):
    page = tmp_path / "chapters" / "tishreen.html"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    assert cut_page(page, tmp_path) == 3
    cut_once = page.read_text(encoding="utf-8")
    assert "Intro" not in cut_once and len(cut_once) < len(PAGE) - 200
    assert sorted(p.name for p in (tmp_path / FOLDER).iterdir()) == [
        "chapters-tishreen--timeline-body.js", "chapters-tishreen--tl-data.js", "chapters-tishreen--tl-table.js"]
    back = inline(cut_once, page)
    assert re.sub(r' data-later-src="[^"]*"', "", back) == PAGE
    assert cut_page(page, tmp_path) == 0 and page.read_text(encoding="utf-8") == cut_once


def test_a_page_without_blocks_is_left_alone(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>No block</p>", encoding="utf-8")
    assert cut_page(page, tmp_path) == 0 and not (tmp_path / FOLDER).exists()
    assert inline("<p>No block</p>", page) == "<p>No block</p>"


def test_a_marked_element_without_an_id_stops_the_build_naming_the_page():
    with pytest.raises(ValueError, match="chapters/peru: an element marked data-later has no id"):
        cut('<div data-later="shown"><p>text</p></div>', "chapters/peru", 1)


def test_a_missing_or_foreign_script_is_named(tmp_path):
    page = tmp_path / "timelines.html"
    markup = '<div id="x" data-later="shown" data-later-src="_static/later/timelines--x.js?v=1"></div>'
    (tmp_path / FOLDER).mkdir(parents=True)
    (tmp_path / FOLDER / "timelines--x.js").write_text("alert(1);\n", encoding="utf-8")
    with pytest.raises(ValueError, match="timelines--x.js: not a later block's script"):
        inline(markup, page)


def test_a_group_of_blocks_shares_one_script_and_each_comes_back_to_its_place(tmp_path):
    """The timeline's cards outside its first view: one request for all of them."""
    page = ('<ol><li id="c1">kept</li><li id="c2" data-later="asked" data-later-group="tl-cards">two\u2028lines</li>'
            '<li id="c3" data-later="asked" data-later-group="tl-cards"><p>three</p></li></ol>')
    markup, scripts = cut(page, "timelines", 0)
    assert list(scripts) == ["timelines--tl-cards.js"]
    assert scripts["timelines--tl-cards.js"].count("PRT.later.put(") == 2
    assert markup.count('data-later-src="_static/later/timelines--tl-cards.js?v=') == 2
    assert "three" not in markup and "kept" in markup
    (tmp_path / FOLDER).mkdir(parents=True)
    for name, text in scripts.items():
        (tmp_path / FOLDER / name).write_text(text, encoding="utf-8")
    back = inline(markup, tmp_path / "timelines.html")
    assert re.sub(r' data-later-src="[^"]*"', "", back) == page


def test_a_group_split_across_depths_stops_the_build():
    page = ('<div id="a" data-later="asked" data-later-group="g"><p id="inner" data-later="shown">x</p></div>'
            '<p id="b" data-later="asked" data-later-group="g">b</p>')
    with pytest.raises(ValueError, match="chapters/peru: the later blocks of chapters-peru--g.js sit at different depths"):
        cut(page, "chapters/peru", 1)
