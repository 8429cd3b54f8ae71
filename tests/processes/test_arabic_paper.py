"""The Arabic edition's paper (issue 30): WeasyPrint sets Arabic in the font the project's
script installs (Noto Naskh Arabic, scripts/install-test-deps.sh), so its text copies out
of the PDF as text: lam-alef (لا) and the joined letters as the letters they are, not
glyph fragments, and the alef with hamza that WeasyPrint leaves without its letter filled
in (book/editions/paper/tounicode.py), and an alef's tanwin read inside its word
(actualtext.py). Printed here from a document made as the paper
code makes it (its <html> says lang and dir) with the book's paper.css."""

from __future__ import annotations

import re
import subprocess

import pytest

from book.course import language
from book.editions.paper import render
from book.editions.paper.render import write_pdf

SENTENCES = ["لا يمكن للبرجوازية إنجاز المهام الديمقراطية", "نريد وطن", "المحاصصة الطائفية",
             # Words Amiri's stacked forms lost letters in (اعراق, الري خين); an alef with
             # hamza lost in a whole handout (WeasyPrint#2841): tests/site/test_handouts.py.
             "ما بدأ في أيام أكتوبر وأول", "العراق الخريجين الخبز الكهرباء"]


def _arabic(body: str, body_class: str = "handout") -> str:
    """A document as the paper code makes one in Arabic: its <html> says lang and dir."""
    return (f'<!DOCTYPE html><html {language.html_attrs("ar")}><head><meta charset="utf-8"><title>ت</title></head>'
            f'<body class="{body_class}">{body}</body></html>')


def _pdf_text(path) -> str:
    """pdftotext's reading, without the bidi embeddings it wraps each run in (U+202A-U+202C)."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub("[\u202a-\u202e]", "", text)


def _letters(text: str) -> str:
    """The letters without spaces: pdftotext guesses word gaps from glyph positions, and
    the joined forms sometimes read as a gap (للبرجواز ية)."""
    return re.sub(r"\s+", "", text)


def test_the_arabic_fonts_are_installed_by_the_projects_script():
    fonts = subprocess.run(["fc-list", ":lang=ar", "family"], capture_output=True, text=True).stdout
    assert "Noto Naskh Arabic" in fonts, "run scripts/install-test-deps.sh (fonts-noto-core)"
    assert "Amiri" in fonts, "run scripts/install-test-deps.sh (fonts-hosny-amiri)"


def test_arabic_paper_copies_out_as_the_words_it_prints(tmp_path):
    body = "".join(f"<p>{s}.</p>" for s in SENTENCES) + '<p><span lang="en">Tishreen ¶19</span> في 1 تشرين الأول 2019.</p>'
    markup = _arabic(f"<h1>انتفاضة تشرين</h1>{body}")
    assert 'dir="rtl"' in markup and 'lang="ar"' in markup
    text = _pdf_text(write_pdf(markup, tmp_path / "ar.pdf"))
    for sentence in SENTENCES:
        assert _letters(sentence) in _letters(text), f"{sentence!r} not in {text!r}"
    assert "لا" in text  # lam-alef, one ligature on paper, two letters in the text
    assert "Tishreen ¶19" in text and "2019" in text and "تشرين الأول" in text
    # Presentation forms (U+FB50-U+FEFF) would mean a glyph copied out instead of its letter.
    assert not [c for c in text if "\ufb50" <= c <= "\ufeff" and c != "\ufeff"], text


def test_the_fonts_used_are_arabic_and_latin_not_a_fallback(tmp_path):
    markup = _arabic(f"<p>{SENTENCES[0]} Tishreen.</p>", body_class="")
    pdf = write_pdf(markup, tmp_path / "fonts.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Noto-Naskh-Arabic" in fonts, fonts
    if "DejaVu" not in fonts:
        pytest.fail(f"the Latin word was not set in DejaVu: {fonts}")


#: The Peru handout's words with an alef carrying tanwin (طويلًا, عاجلًا, جميعًا), in two
#: lines, as pdftotext read them on a line of their own before actualtext.py.
TANWIN = ["لم تدم طويلًا هزيمة فوجيموري وحزبها الميال إلى الفاشية",
          "سيقع حتمًا عاجلًا أو آجلًا، بطريقة أو بأخرى",
          "اختار كاستيو سياسات أسلافه جميعًا"]


def _tanwin_pdf(path):
    body = "".join(f"<p>{s}.</p>" for s in TANWIN)
    return write_pdf(_arabic(body), path)


def _pixels(pdf, tmp_path) -> list[bytes]:
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "96", "-png", str(pdf), str(prefix)], check=True)
    return [png.read_bytes() for png in sorted(tmp_path.glob(f"{pdf.stem}-*.png"))]


def test_an_alef_with_tanwin_copies_out_inside_its_word_and_prints_the_same(tmp_path, monkeypatch):
    wrapped = _tanwin_pdf(tmp_path / "wrapped.pdf")
    monkeypatch.setattr(render, "wrap_tanwin", lambda writer: 0)
    drawn = _tanwin_pdf(tmp_path / "drawn.pdf")
    marks_alone = [line for line in _pdf_text(drawn).splitlines() if line.strip() == "\u064b"]
    assert marks_alone, "WeasyPrint's own drawing no longer sets the tanwin apart: actualtext.py may go"
    text = _pdf_text(wrapped)
    for sentence in TANWIN:
        assert _letters(sentence) in _letters(text), f"{sentence!r} not in {text!r}"
    pages = _pixels(wrapped, tmp_path)
    assert pages and pages == _pixels(drawn, tmp_path)
