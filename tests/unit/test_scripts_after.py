"""A page's scripts fetched after its text by one loader (book/scripts_after.py): every
deferred tag gathered in order, none that blocks or is inline, none from another host;
an edition made from the pages adds and removes names in the same list."""

from __future__ import annotations

import pytest

from book.scripts_after import add, deferred, gather, remove, sources

PAGE = """<html><head>
<script>const DOCUMENTATION_OPTIONS = {};</script>
<script src="../_static/searchtools.js"></script>
    <script defer src="../_static/doctools.js?v=9a2dae69"></script>
    <script defer="defer" src="../_static/course.js?v=b272"></script>
<script>let toggleHintShow = 'Click to show';</script>
<script type="application/json" class="prt-ex-data">{"defer": "src"}</script>
</head><body><p>Text</p>
<script defer src="../_static/scripts/bootstrap.js?digest=55"></script>
<script defer src="../_static/scripts/pydata-sphinx-theme.js?digest=55"></script>
</body></html>"""


def test_every_deferred_script_goes_to_one_loader_in_order_and_nothing_else_moves():
    page = gather(PAGE, "../_static/", "abc")
    assert sources(page) == ["../_static/doctools.js?v=9a2dae69", "../_static/course.js?v=b272",
                             "../_static/scripts/bootstrap.js?digest=55",
                             "../_static/scripts/pydata-sphinx-theme.js?digest=55"]
    assert page.count("<script defer") == 1
    assert '<script defer src="../_static/after-text.js?v=abc" data-src="' in page
    assert page.index("after-text.js") < page.index("toggleHintShow")  # where the first tag was
    for kept in ('<script src="../_static/searchtools.js"></script>', "toggleHintShow",
                 '<script type="application/json" class="prt-ex-data">{"defer": "src"}</script>', "<p>Text</p>"):
        assert kept in page
    assert gather(page, "../_static/", "abc") == page  # a second pass finds nothing to gather


def test_a_page_without_deferred_scripts_is_left_alone_and_another_host_is_refused():
    assert gather("<p>none</p>", "_static/", "v") == "<p>none</p>"
    with pytest.raises(ValueError, match="another host.*//cdn.example.org/x.js"):
        gather('<script defer src="https://cdn.example.org/x.js"></script>', "_static/", "v")


def test_an_edition_adds_its_scripts_after_the_pages_and_removes_some():
    page = gather(PAGE, "../_static/", "abc")
    more = add(page, ["../_static/facilitator.js"])
    assert sources(more)[-1] == "../_static/facilitator.js" and sources(more)[:-1] == sources(page)
    fewer = remove(more, {"course.js", "facilitator.js"})
    assert [s.split("?")[0].rsplit("/", 1)[-1] for s in sources(fewer)] == [
        "doctools.js", "bootstrap.js", "pydata-sphinx-theme.js"]
    # The search page has no loader: its scripts come as deferred tags after its own.
    search = add("<html><head></head><body></body></html>", ["_static/facilitator.js"])
    assert '<script defer src="_static/facilitator.js"></script>\n</body>' in search
    assert remove(search, {"facilitator.js"}) == search


def test_the_search_pages_parser_blocking_scripts_are_deferred_in_order_and_data_left():
    page = deferred(PAGE)
    assert '<script defer src="../_static/searchtools.js"></script>' in page
    assert '<script type="application/json" class="prt-ex-data">' in page and "<script>let toggleHintShow" in page
    assert '<script defer src="../_static/doctools.js?v=9a2dae69"></script>' in page  # as it was
