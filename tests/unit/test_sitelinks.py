"""HTML validity (the current Nu validator) and internal links and anchors (checked in-process)."""

from __future__ import annotations


from sitelinks import check_site


def test_link_check_finds_a_broken_anchor_page_and_escape(tmp_path):
    """The checker really checks: planted faults are found, good links of every shape pass."""
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "a.html").write_text(
        '<!doctype html><title>a</title><p id="top">a</p>\n'
        '<a href="b.html#here">ok</a><a href="sub/">ok</a><a href="#top">ok</a><a href="b.html?x=1">ok</a>\n'
        '<a href="my%20page.html#x%20y">ok</a><a href="https://example.org/#nowhere">external</a>\n'
        '<a href="b.html#gone">bad anchor</a>\n<a href="c.html">missing</a>\n'
        '<a href="#nothere">bad here</a>\n<img alt="" src="../outside.png">', encoding="utf-8")
    (site / "b.html").write_text('<!doctype html><title>b</title><p id="here">b</p>', encoding="utf-8")
    (site / "my page.html").write_text('<title>m</title><a name="x y"></a>', encoding="utf-8")
    (site / "sub" / "index.html").write_text('<title>s</title><a href="../a.html#top">up</a>', encoding="utf-8")
    report = check_site(site)
    assert report.problems == [
        "a.html:4: b.html#gone: no id 'gone' in b.html",
        "a.html:5: c.html: no such file",
        "a.html:6: #nothere: no id 'nothere' in a.html",
        "a.html:7: ../outside.png: leaves the site",
    ]
    assert (report.links, report.anchors) == (10, 6)


