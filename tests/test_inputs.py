"""book/inputs.py and its use by the handouts: a step is skipped only when nothing it is
made from changed, and what the step writes itself does not count as a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from book import handouts
from book.inputs import digest, record, unchanged


def _site(tmp_path: Path) -> Path:
    html = tmp_path / "html"
    for rel, text in {"chapters/tishreen.html": "<p>one</p>", "handouts.html": "<span>12 pages</span>",
                      "handouts/tishreen-session.pdf": "%PDF", "pocket/tishreen.html": "<p>pocket</p>",
                      "_static/styles/theme-cut.css": "p{}"}.items():
        (html / rel).parent.mkdir(parents=True, exist_ok=True)
        (html / rel).write_text(text, encoding="utf-8")
    return html


def test_digest_follows_bytes_and_names(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("x"), b.write_text("y")
    first = digest([a, b])
    assert digest([a, b]) == first
    b.write_text("z")
    assert digest([a, b]) != first
    assert digest([a]) != digest([a, b])


def test_a_stamp_holds_until_the_inputs_change(tmp_path):
    stamp = tmp_path / "deep" / ".stamp"
    assert not unchanged(stamp, "abc")  # never made
    record(stamp, "abc")
    assert unchanged(stamp, "abc") and not unchanged(stamp, "abd")


def test_the_handouts_own_files_are_not_their_inputs(tmp_path):
    html = _site(tmp_path)
    before = handouts._paper_inputs(html)
    (html / "handouts" / "tishreen-session.pdf").write_text("%PDF-2")
    (html / "pocket" / "tishreen.html").write_text("<p>pocket 2</p>")
    (html / "handouts.html").write_text("<span>13 pages</span>")
    assert handouts._paper_inputs(html) == before
    (html / "chapters" / "tishreen.html").write_text("<p>two</p>")
    assert handouts._paper_inputs(html) != before
    assert handouts.handouts_stamp(html).parent == tmp_path  # beside the site, not shipped in it


def test_unchanged_inputs_skip_the_printing(tmp_path, monkeypatch):
    html = _site(tmp_path)
    record(handouts.handouts_stamp(html), handouts._paper_inputs(html))
    filled = []
    monkeypatch.setattr(handouts, "fill_sizes", lambda page, site: filled.append(page) or 0)
    monkeypatch.setattr(handouts, "chapters", lambda: (_ for _ in ()).throw(AssertionError("printed")))
    assert handouts.print_handouts(html) == []
    assert filled == [html / "handouts.html"]  # a rebuilt handouts page gets its sizes back
    (html / "chapters" / "tishreen.html").write_text("<p>changed</p>")
    with pytest.raises(AssertionError, match="printed"):  # changed inputs: remade
        handouts.print_handouts(html)
