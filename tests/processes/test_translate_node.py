"""The catalog file itself (book/data/strings.yml through book/strings.py): a bad file,
a missing key or a placeholder the code does not give names file, line and key; and the
pages' side of it, static/translate.js, under node. tests/test_strings.py checks that
the code keeps to the catalog."""

from __future__ import annotations

from nodetests import node_test


def test_translate_js_under_node():
    run = node_test("translate.test.js", {}, timeout=60)
    assert run.returncode == 0 and "# pass 4" in run.stdout, run.stdout[-2000:]
