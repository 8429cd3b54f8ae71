"""The built book: complete article text, working glossary links, nothing from other hosts."""

from __future__ import annotations



from book.sphinxext.guard import external_references


def test_guard_finds_a_planted_reference(tmp_path):
    (tmp_path / "a.html").write_text('<img alt="" src="https://example.org/x.png">', encoding="utf-8")
    (tmp_path / "b.css").write_text("@font-face{src:url(//fonts.example/x.woff)}", encoding="utf-8")
    found = external_references(tmp_path)
    assert len(found) == 2 and "a.html" in found[0]


