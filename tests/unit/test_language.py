"""The language setting and the translations (issue 29): one setting chooses the words,
the data, dates and plurals; the catalogs are complete where they must be, keep what a
translation must keep, and leave the ¶ numbering the English one."""

from __future__ import annotations

import json

import re

import polib
import pytest

from book import i18n
from book.course import language, paragraphs
from book.course.dates import PartialDate, date_label, range_label
from book.course.load import course, load_course
from book.course.strings import catalog, untranslated
from book.course.translations import Messages, fields, page_messages, translate_entry
from book.timeline.base import region_name

TRANSLATED = language.translations()


@pytest.fixture
def spanish(monkeypatch):
    monkeypatch.setenv(language.ENV, "es")


def test_the_setting_defaults_to_english_and_refuses_an_edition_the_book_lacks(monkeypatch):
    monkeypatch.delenv(language.ENV, raising=False)
    assert language.current() == "en"
    monkeypatch.setenv(language.ENV, "xx")
    with pytest.raises(language.LanguageError, match="book/course/language.py"):
        language.current()


def test_words_are_made_when_asked_so_one_process_can_make_both_editions(monkeypatch):
    """No module fixes the language at import: the same function answers in each."""
    monkeypatch.setenv(language.ENV, "en")
    assert region_name("peru") == "Peru"
    assert course().terms["fujimorism"].term == "Fujimorism"
    monkeypatch.setenv(language.ENV, "es")
    assert region_name("peru") == "Perú"
    assert course().terms["fujimorism"].term == "Fujimorismo"


def test_no_module_fixes_a_text_at_import():
    """A module-level ``NAME = t(...)`` would freeze the language of the first import."""
    found = []
    for path in sorted(i18n.ROOT.glob("book/**/*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(r"^[A-Za-z_][A-Za-z0-9_]* *(: *[^=]+)?= .*\bt(_text|_html)?\(", line):
                found.append(f"{path.relative_to(i18n.ROOT)}:{n}: {line.strip()}")
    assert found == []


def test_dates_and_plurals_follow_the_setting(spanish):
    assert PartialDate.parse("2019-10-01").label() == "1 de octubre de 2019"
    assert PartialDate.parse("2019-10").label() == "octubre de 2019"
    assert range_label(PartialDate.parse("2000-11-19"), PartialDate.parse("2000-11-21")) == "19–21 de noviembre de 2000"
    assert catalog().t("article.minutes", n=1) == "unos 1 minuto"
    assert catalog().t("article.minutes", n=7) == "unos 7 minutos"

    class Unconfirmed:
        date, end, confirmed = PartialDate.parse("2022-12"), None, False

    assert date_label(Unconfirmed()) == "diciembre de 2022 (fecha sin confirmar)"


def test_english_dates_are_as_before(monkeypatch):
    monkeypatch.setenv(language.ENV, "en")
    assert PartialDate.parse("2019-10-01").label() == "1 October 2019"
    assert range_label(PartialDate.parse("1903-07-30"), PartialDate.parse("1903-08-23")) == "30 July to 23 August 1903"


#: An edition still being translated, and the interface's features it has in full: the
#: Arabic slice of issue 30 has what a reader meets on the landing page, a chapter page
#: (its timeline too) and an exercise page, and My answers; the room, the group page,
#: the paper and the ledger still show English (isolated, marked where the page marks).
SLICE = {"ar": {"nav", "article", "language", "glossary", "before", "flags", "note", "meta", "fold", "search",
                "common", "term", "cards", "exercise", "grade", "key", "my_answers", "timeline"}}


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_coverage_every_word_of_the_interface_is_translated(code):
    """The interface (strings.yml) has no English left in a translated edition: every key,
    every plural form (Arabic's six), with the same {names}; in an edition still being
    translated, every key of the features its slice covers."""
    missing = untranslated(code)
    if code in SLICE:
        missing = {c for c in missing if c.removeprefix("strings:").split(".")[0] in SLICE[code]}
    assert missing == set()


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_lint_passes_on_the_books_translations(code):
    assert i18n.lint([code]) == []


@pytest.mark.parametrize("english, translated, problem", [
    ("See the {term}`regime <fujimorism>` in {para}`6`.", "Véase el régimen en el {para}`6`.", "drops {term}<fujimorism>"),
    ("See {para}`6` and {para}`7`.", "Véanse el {para}`6` y el {para}`8`.", "drops {para}`7`"),
    ("One paragraph.", "Un párrafo.\n\nY otro.", "adds paragraph breaks"),
    ("A [timeline](#chapter-timeline-peru).", "Una cronología.", "drops link #chapter-timeline-peru"),
    ("Sent {n} files.", "Enviados {count} archivos.", "drops {n}"),
])
def test_the_lint_refuses_a_translation_that_drops_a_role_a_reference_or_a_break(english, translated, problem):
    assert problem in i18n.lint_entry(polib.POEntry(msgid=english, msgstr=translated))


def test_data_messages_have_stable_contexts_and_stale_ones_fall_back_to_english():
    entry = {"id": "fujimorism", "term": "Fujimorism", "aliases": ["fujimorismo"], "definition": "The current.",
             "origin": {"text": "It grew.", "sources": [{"ref": "El Comercio", "url": "https://example.org"}]},
             "original": {"language": "es", "text": "fujimorismo", "meaning": "the current"}}
    contexts = dict(fields("term", "fujimorism", entry))
    assert set(contexts) == {"term:fujimorism:term", "term:fujimorism:definition", "term:fujimorism:origin.text",
                             "term:fujimorism:original.meaning"}
    words = Messages("es", "glossary-peru", {("term:fujimorism:definition", "The current."): "La corriente.",
                                              ("term:fujimorism:term", "Fujimorism (old)"): "Fujimorismo"})
    out = translate_entry("term", entry, words)
    assert out["definition"] == "La corriente."
    assert out["term"] == "Fujimorism"  # made for other English: the English, recorded
    assert out["aliases"] == ["fujimorismo"] and out["original"]["text"] == "fujimorismo"
    assert "term:fujimorism:term" in words.fallbacks


def test_a_changed_english_message_keeps_its_translation_fuzzy_with_the_previous_english():
    old = polib.POFile()
    old.append(polib.POEntry(msgid="Castillo fell in 2022.", msgstr="Castillo cayó en 2022."))
    old.append(polib.POEntry(msgctxt="term:x:definition", msgid="Old words.", msgstr="Palabras viejas."))
    template = polib.POFile()
    template.append(polib.POEntry(msgid="Castillo fell in December 2022."))
    template.append(polib.POEntry(msgctxt="term:x:definition", msgid="New words."))
    template.append(polib.POEntry(msgid="A new paragraph."))
    merged = {e.msgid: e for e in i18n.merge(old, template, "es")}
    first = merged["Castillo fell in December 2022."]
    assert first.fuzzy and first.msgstr == "Castillo cayó en 2022." and first.previous_msgid == "Castillo fell in 2022."
    assert merged["New words."].fuzzy and merged["New words."].previous_msgid == "Old words."
    assert merged["A new paragraph."].msgstr == "" and not merged["A new paragraph."].fuzzy
    assert '#| msgid "Old words."' in str(merged["New words."])


def test_the_spanish_data_loads_and_passes_the_english_checks():
    spanish = load_course(language="es")
    assert spanish.terms["fujimorism"].definition.startswith("La corriente política")
    assert spanish.articles["peru"].title == "Perú: ¡Abajo el régimen fujimorista!"
    assert not spanish.in_english("term", "fujimorism", "explanation")  # translated: not marked


def test_a_missing_or_stale_data_translation_shows_the_english_and_is_recorded():
    words = Messages("es", "glossary-core", {("term:x:definition", "Old words."): "Palabras viejas."})
    assert words.get("term:x:definition", "Old words.") == "Palabras viejas." and not words.fallbacks
    assert words.get("term:x:definition", "New words.") == "New words."  # made for other English
    assert words.get("term:y:definition", "Words.") == "Words."  # never translated
    assert words.fallbacks == {"term:x:definition", "term:y:definition"}


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_article_has_the_same_paragraphs_in_every_edition(code):
    """The ¶ ids are the English ones: the model reads the English structure and swaps in
    each paragraph's words, so a group can cite ¶14 across languages."""
    english = paragraphs.articles()
    translated = paragraphs.articles(language=code)
    assert set(english) == set(translated)
    for name, article in english.items():
        assert [p.anchor for p in translated[name].paragraphs] == [p.anchor for p in article.paragraphs], name


NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?")


def _numbers(text: str) -> list[str]:
    """The numbers of a text, thousands separators dropped (2,000 and 2.000 and 2000 alike)."""
    return sorted(re.sub(r"[.,](?=\d{3}\b)", "", n) for n in NUMBER.findall(text))


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_number_and_date_of_an_english_paragraph_is_in_its_translation(code):
    english = paragraphs.articles()
    translated = paragraphs.articles(language=code)
    checked = 0
    for name, article in english.items():
        for ours, theirs in zip(article.paragraphs, translated[name].paragraphs):
            if theirs.translated:
                assert _numbers(ours.text) == _numbers(theirs.text), f"{name} {ours.anchor}"
                checked += 1
    assert checked >= 24  # the Peru article at least


def test_the_peru_article_is_translated_whole_and_its_messages_are_sphinx_s():
    """Every ¶ of the slice's article is in its page's .po under the msgid Sphinx writes."""
    found = paragraphs.articles(language="es")["peru"].paragraphs
    assert all(p.translated for p in found)
    assert len(page_messages("es", "chapters/peru")) > 24


@pytest.fixture
def arabic(monkeypatch):
    monkeypatch.setenv(language.ENV, "ar")


def test_arabic_reads_right_to_left_with_iraqs_month_names_and_western_digits(arabic):
    """The edition's choices (book/sphinxext/DESIGN.md, "Arabic"): dir="rtl"; dates in
    babel's ar_IQ, whose months are the Syriac names (تشرين الأول is October); digits the
    Western ones, CLDR's default for Arabic, so a ¶ number or a date reads the same in
    every edition and a group cites ¶19 alike."""
    assert language.html_attrs() == 'lang="ar" dir="rtl"'
    # CLDR joins the month's two words with a no-break space: they never part at a line's end.
    assert PartialDate.parse("2019-10-01").label() == "1 تشرين\u00a0الأول 2019"
    assert PartialDate.parse("2019-10").label().replace("\u00a0", " ") == "تشرين الأول 2019"
    assert range_label(PartialDate.parse("2000-11-19"), PartialDate.parse("2000-11-21")).replace("\u00a0", " ") == "19–21 تشرين الثاني 2000"
    assert not re.search("[\u0660-\u0669\u06f0-\u06f9]", PartialDate.parse("2019-10-01").label())


def test_arabic_plurals_have_their_six_forms(arabic):
    """A count takes CLDR's Arabic forms (zero, one, two, few, many, other): the catalog
    has a message for each, and the English's two forms made them."""
    from book.course.strings import plural_forms

    assert plural_forms("ar") == ["zero", "one", "two", "few", "many", "other"]
    assert plural_forms("es") == ["one", "other"]  # Spanish's "many" (a million) never comes
    words = catalog()
    assert words.t("article.minutes", n=1) == "نحو دقيقة واحدة"
    assert words.t("article.minutes", n=2) == "نحو دقيقتين"
    assert words.t("article.minutes", n=7) == "نحو 7 دقائق"
    assert words.t("article.minutes", n=15) == "نحو 15 دقيقة"
    po = polib.pofile(str(language.po_folder("ar") / "_data" / "strings.po"), wrapwidth=0)
    forms = {e.msgctxt.rsplit(":", 1)[1] for e in po if e.msgctxt.startswith("strings:article.minutes:")}
    assert forms == {"zero", "one", "two", "few", "many", "other"}
    assert "nplurals=6" in po.metadata["Plural-Forms"]


def test_the_lint_lets_a_plural_form_say_its_count_in_its_word():
    entry = polib.POEntry(msgctxt="strings:article.minutes:two", msgid="about {n} minutes", msgstr="نحو دقيقتين")
    assert i18n.lint_entry(entry) == []
    assert i18n.lint_entry(polib.POEntry(msgctxt="strings:x.y", msgid="{n} files", msgstr="ملفات")) == ["drops {n}"]


@pytest.mark.parametrize("query, indexed", [
    ("المحاصصة", "محاصصة"), ("محاصصة", "محاصصة"), ("بالمحاصصة", "محاصصه"), ("والطبقة", "طبقه"),
    ("للعمال", "عمال"), ("الثورة", "ثوره"), ("الله", "الله"), ("أممية", "اممیه".replace("ی", "ي")),
    # A hamza alef is no article: Germany with and without its article, tablets, a root's ال.
    ("الألمانية", "ألمانية"), ("الألواح", "ألواح"), ("الالتفاف", "التفاف"),
])
def test_arabic_search_finds_a_word_with_and_without_its_article(query, indexed):
    from book.sphinxext.search_arabic import stem

    assert stem(query) == stem(indexed)


def test_the_arabic_splitter_and_stemmer_are_the_same_rule_in_python_and_in_the_pages_javascript(tmp_path):
    """The index (Python, at build) and the reader's query (JavaScript) must agree, word
    for word: a word with a shadda, a tanwin or a tatweel is one word, not two."""
    import shutil
    import subprocess

    from book.sphinxext.search_arabic import JS_SPLITTER, JS_STEMMER, SearchArabic

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    text = ("المحاصصة محاصصة بالمحاصصة وَالثَّوْرَة للعمال الله إلى أممية الميسّر أولًا الـ2019 Tishreen 2019"
            " ألمانية الألمانية الالتفاف")
    script = tmp_path / "stem.js"
    script.write_text(JS_SPLITTER + JS_STEMMER + "\nvar s = new Stemmer();\nconsole.log(JSON.stringify(splitQuery(" +
                      json.dumps(text) + ").map(function (w) { return s.stemWord(w); })));\n", encoding="utf-8")
    out = subprocess.run([node, str(script)], capture_output=True, text=True, check=True).stdout
    arabic = SearchArabic({})
    indexed = [arabic.stem(w) for w in arabic.split(text)]
    assert "ميسر" in indexed and "اولا" in indexed and len(indexed) == len(text.split())
    assert json.loads(out) == indexed


def test_the_plural_forms_step_gives_arabic_six_messages_and_leaves_spanish_as_it_is(tmp_path):
    """make translations adds Arabic's forms beside the English's two; a Spanish catalog
    merged again is byte for byte what it was (the translators' files do not move)."""
    pot = polib.pofile(str(i18n.extract_data(tmp_path)[-1].parent / "strings.pot"), wrapwidth=0)
    arabic = {e.msgctxt for e in i18n.with_plural_forms(pot, "ar")}
    assert {f"strings:article.minutes:{form}" for form in ("zero", "one", "two", "few", "many", "other")} <= arabic
    spanish = polib.pofile(str(language.po_folder("es") / "_data" / "strings.po"), wrapwidth=0)
    assert str(i18n.merge(spanish, i18n.with_plural_forms(pot, "es"), "es")) == str(spanish)
