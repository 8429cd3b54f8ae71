"""The catalog file itself (book/data/strings.yml through book/strings.py): a bad file,
a missing key or a placeholder the code does not give names file, line and key; and the
pages' side of it, static/translate.js, under node. tests/test_strings.py checks that
the code keeps to the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from book.course.strings import StringsError, read


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "strings.yml"
    path.write_text("language: en\nstrings:\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, message", [
    ("  fold:\n    show: Show\n    Bad-Key: x\n", ":5: key 'fold.Bad-Key'"),
    ("  fold:\n    show: 3\n    count:\n      one: '{n} item'\n      other: '{n} items of {kind}'\n",
     ":5: key 'fold.count': Value error, form 'one' uses ['n'], 'other' uses ['kind', 'n']"),
    ("  fold:\n    count:\n      one: a\n      lots: b\n", ":6: key 'fold.count': Extra inputs"),
])
def test_a_bad_catalog_names_file_line_and_key(tmp_path, body, message):
    with pytest.raises(StringsError) as err:
        read(write(tmp_path, body))
    assert "strings.yml:" in str(err.value) and message in str(err.value)


def test_a_missing_key_or_a_different_placeholder_names_file_line_and_key(tmp_path):
    c = read(write(tmp_path, "  fold:\n    show: Show\n    section: 'Show section: {name}'\n"))
    with pytest.raises(StringsError, match=r"strings\.yml: no key 'fold\.hide'"):
        c.t("fold.hide")
    with pytest.raises(StringsError, match=r"strings\.yml:5: key 'fold\.section': the code gives \['title'\], the text uses \['name'\]"):
        c.t("fold.section", title="Context")


