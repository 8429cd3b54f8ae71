"""book/inputs.py and its use by the handouts: a step is skipped only when neither what it
is made from nor what it made changed (the sizes it writes into handouts.html aside)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from book.editions import handouts
from book.editions.inputs import digest, record, unchanged


def _site(tmp_path: Path, editions: tuple[str, ...] = ("",)) -> Path:
    """A built site: the English edition at its root, others (``"es/"``) beside it."""
    html = tmp_path / "html"
    for prefix in editions:
        for rel, text in {"index.html": "<p>home</p>", "chapters/tishreen.html": "<p>one</p>",
                          "handouts.html": "<span>12 pages</span>", "handouts/tishreen-session.pdf": "%PDF",
                          "pocket/tishreen.html": "<p>pocket</p>", "_static/styles/theme-cut.css": "p{}"}.items():
            (html / prefix / rel).parent.mkdir(parents=True, exist_ok=True)
            (html / prefix / rel).write_text(text, encoding="utf-8")
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


def test_the_handouts_are_remade_when_an_input_or_an_output_changed(tmp_path):
    html = _site(tmp_path)
    made = handouts._paper_state(html)
    (html / "handouts.html").write_text("<span>13 pages</span>")  # the sizes it fills in
    assert handouts._paper_state(html) == made
    (html / "pocket" / "tishreen.html").write_text("<p>rewritten by someone else</p>")
    assert handouts._paper_state(html) != made
    (html / "pocket" / "tishreen.html").write_text("<p>pocket</p>")
    assert handouts._paper_state(html) == made
    (html / "chapters" / "tishreen.html").write_text("<p>two</p>")
    assert handouts._paper_state(html) != made
    assert handouts.handouts_stamp(html).parent == tmp_path  # beside the site, not shipped in it


def test_unchanged_inputs_skip_the_printing(tmp_path, monkeypatch):
    html = _site(tmp_path)
    record(handouts.handouts_stamp(html), handouts._paper_state(html))
    filled = []
    monkeypatch.setattr(handouts, "fill_sizes", lambda page, site: filled.append(page) or 0)
    def printing() -> list[str]:
        raise AssertionError("printed")

    monkeypatch.setattr(handouts, "chapters", printing)
    assert handouts.print_handouts(html) == []
    assert filled == [html / "handouts.html"]  # a rebuilt handouts page gets its sizes back
    (html / "chapters" / "tishreen.html").write_text("<p>changed</p>")
    with pytest.raises(AssertionError, match="printed"):  # changed inputs: remade
        handouts.print_handouts(html)


def test_each_edition_is_remade_on_its_own(tmp_path, monkeypatch):
    """The Spanish pages changed: only the Spanish files are made again, and the English
    state never counts the Spanish folder (nor the Spanish its own stamp, kept outside)."""
    html = _site(tmp_path, ("", "es/"))
    for code in ("en", "es"):
        record(handouts.handouts_stamp(html, code), handouts._paper_state(html / ("" if code == "en" else "es")))
    assert handouts.handouts_stamp(html, "es").parent == tmp_path
    monkeypatch.setattr(handouts, "fill_sizes", lambda page, site: 0)
    monkeypatch.setattr(handouts, "workers", lambda: 1)  # in this process, where the stand-ins are
    printed = []
    monkeypatch.setattr(handouts, "_print_part", lambda html, code, part: printed.append((code, part)) or [])
    monkeypatch.setattr(handouts, "chapters", lambda: ["tishreen"])
    assert handouts.print_handouts(html) == [] and printed == []
    english = handouts._paper_state(html)
    (html / "es" / "chapters" / "tishreen.html").write_text("<p>uno</p>")
    assert handouts._paper_state(html) == english
    handouts.print_handouts(html)
    assert {code for code, _ in printed} == {"es"} and len(printed) == 3  # the book, pocket and EPUB, the chapter
    assert (html / "pocket" / "tishreen.html").exists() and not (html / "es" / "pocket").exists()


def test_the_sphinx_layer_leaves_the_pocket_files_their_own_policy(tmp_path):
    """A rebuild after `make handouts` once gave the pocket files the book's policy (the
    guard rewrote every .html in the output), and the stylesheet cut read them as pages."""
    from book.sphinxext.config import sphinx_pages
    from book.sphinxext.guard import apply_csp

    html = _site(tmp_path)
    (html / "_static" / "fragment.html").write_text("<head></head>")
    pocket = '<head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head>'
    (html / "pocket" / "tishreen.html").write_text(pocket)
    (html / "chapters" / "tishreen.html").write_text("<head></head><p>one</p>")
    assert sphinx_pages(html) == [html / "chapters" / "tishreen.html", html / "handouts.html", html / "index.html"]
    assert apply_csp(html) == 1  # handouts.html and index.html have no <head> here
    assert (html / "pocket" / "tishreen.html").read_text() == pocket
    assert "Content-Security-Policy" in (html / "chapters" / "tishreen.html").read_text()


def test_the_facilitator_edition_is_remade_only_when_it_or_its_inputs_changed(tmp_path, monkeypatch):
    from book.editions import facilitator as edition

    readers = _site(tmp_path)
    out = tmp_path / "facilitator"
    shutil.copytree(readers, out)
    record(edition.edition_stamp(out), edition._state(readers, out))

    def printing(*_: object) -> list[Path]:
        raise AssertionError("made again")

    monkeypatch.setattr(edition, "add_sheets", printing)
    assert edition.build(readers, out) == (4, [])  # _static's fragments are not pages
    (out / "handouts.html").write_text("<span>changed by hand</span>")
    with pytest.raises(AssertionError, match="made again"):
        edition.build(readers, out)
    shutil.rmtree(out)
    shutil.copytree(readers, out)
    assert edition.build(readers, out) == (4, [])
    (readers / "chapters" / "tishreen.html").write_text("<p>two</p>")
    with pytest.raises(AssertionError, match="made again"):
        edition.build(readers, out)
    assert edition.edition_stamp(out).parent == tmp_path
