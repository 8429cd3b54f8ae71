"""The stylesheet cut (book/csspurge.py): what it may drop and what it must keep."""

from __future__ import annotations

from book.csspurge import Used, cut, icon_codepoints, used_properties, without_properties

USED = Used(classes={"nav", "show", "prt-term"}, ids={"main"}, tags={"html", "body", "a", "p", "ul", "li"})


def test_drops_only_selectors_naming_what_no_page_has():
    css = (".nav a{color:red}.modal{display:none}#main{margin:0}#gone{margin:1px}"
           "table td{padding:0}.nav,.toast{top:0}")
    out = cut(css, USED)
    assert ".nav a{color:red}" in out and "#main{margin:0}" in out
    assert ".modal" not in out and "#gone" not in out and "table" not in out
    assert ".nav{top:0}" in out  # the list keeps its live half


def test_keeps_what_it_cannot_judge():
    css = ("a:not(.modal){x:1}[data-theme=dark] p{x:2}:root{--a:1}.nav:hover::before{x:3}"
           'a[href$=".pdf"]{x:4}li:nth-child(2n+1){x:5}')
    out = cut(css, USED)
    for kept in ("a:not(.modal)", "[data-theme=dark] p", ":root", ".nav:hover::before", 'a[href$=".pdf"]',
                 "li:nth-child("):
        assert kept in out, kept


def test_at_rules_are_cut_inside_and_dropped_when_empty():
    css = ("@media (min-width:960px){.nav{a:1}.modal{b:2}}@media print{.toast{c:3}}"
           "@font-face{font-family:X;src:url(x.woff2)}@keyframes spin{to{transform:rotate(1turn)}}"
           "/*! license */\n/* a comment */.show{d:4}")
    out = cut(css, USED)
    assert "@media (min-width:960px){.nav{a:1}}" in out
    assert "print" not in out and ".modal" not in out
    assert "@font-face" in out and "@keyframes spin" in out
    assert "/*! license */" in out and "a comment" not in out


def test_escaped_class_names():
    assert ".prt\\:term" not in cut(".prt\\:term{a:1}", USED)
    assert cut(".prt\\-term{a:1}", USED).startswith(".prt-term{a:1}")  # the same name, unescaped


def test_custom_properties_kept_when_read_directly_through_others_or_outside():
    sheet = (":root{--used:1px;--via:var(--deep);--deep:red;--unused:0;--from-js:2px;"
             "--self-only:var(--unused)}.nav{margin:var(--used);color:var(--via)}")
    keep = used_properties([sheet], outside={"--from-js"})
    assert keep == {"--used", "--via", "--deep", "--from-js"}
    out = without_properties(sheet, keep)
    assert "--unused" not in out and "--self-only" not in out
    assert "--deep:red" in out and ".nav{margin:var(--used);color:var(--via)}" in out


def test_rules_left_empty_are_dropped_and_important_survives():
    out = without_properties(":root{--gone:1}.nav{color:red!important}", set())
    assert ":root" not in out and ".nav{color:red!important}" in out


def test_the_property_cut_walks_at_rules_and_comments_as_the_selector_cut_does():
    css = ("/*! license */\n/* a note */@media print{:root{--gone:1}}"
           "@media screen{.nav{--kept:1;color:red}}@font-face{font-family:X}")
    assert without_properties(css, {"--kept"}) == \
        "/*! license */\n@media screen{.nav{--kept:1;color:red}}@font-face{font-family:X}\n"


def test_icon_codepoints_escaped_literal_and_through_properties():
    css = '.fa-bars:before{content:"\\f0c9"}.x:before{content:"\uf105"}:root{--tip:"\\f0eb"}.y:after{content:"\\201c"}'
    assert icon_codepoints(css) == {0xF0C9, 0xF105, 0xF0EB}
