"""The editions in other languages: their builds, and the catalogs translators work in.

``python -m book.cli edition es`` builds the Spanish edition with the language setting
(``PRT_LANGUAGE=es``) in its environment, so the kernels that execute its chapters write
Spanish too, in ``_build/editions/es/`` (its own doctrees and execution cache: the
English cache holds English outputs), and mirrors its pages into ``_build/html/es/``. Sphinx reads the pages' translations from ``locale/`` (gettext,
one ``.po`` per page); the data's and the words' come from ``locale/<lang>/LC_MESSAGES/
_data/`` through ``book.course.translations``.

``python -m book.cli translations`` (``make translations``) keeps every ``.po`` in step
with the English: Sphinx's gettext builder writes the pages' templates, ``extract_data``
the data's and the words' (``_build/gettext/_data/*.pot``), and each language's ``.po`` is
merged with them as ``msgmerge --previous`` would (polib; babel's writer, which sphinx-intl
uses, breaks a long ``#| msgid`` over unquoted lines): a new message is added empty, a
changed one keeps its old translation marked fuzzy with the previous English beside it
(``#| msgid``), so the build shows the English, marked, until a translator checks it.
``sphinx-intl stat -d locale -l es`` counts what is translated. Then ``lint`` refuses a translation that
drops a ``{term}``, a ¶ reference, a link, a ``{name}`` or a paragraph break.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import polib

from .course import language as lang
from .course.load import DATA_DIR, DataError, load_course, load_timeline_extras
from .course.strings import STRINGS_FILE, PO_NAME, context as strings_context, plural_forms, PLURAL_CATEGORIES, read as read_strings, t
from .course.translations import data_catalog_name, fields, usable
from .course.yamlfile import read_entries
from .sphinxext.config import MADE_AFTER

ROOT = Path(__file__).resolve().parents[1]
GETTEXT_DIR = Path("_build") / "gettext"
#: The noun each data file's entries are (the contexts' first word).
NOUNS = {"articles": "article", "events": "event", "glossary": "term", "exercises": "exercise",
         "periods": "period", "labels": "label"}


def _config(root: Path, overrides: dict) -> dict:
    return {"latex_individualpages": False, "locale_dirs": [str(lang.LOCALE_DIR.relative_to(ROOT))],
            "gettext_compact": False, **overrides}


def edition_dir(code: str, root: Path = ROOT) -> Path:
    """Where an edition is built: ``_build/editions/<code>/`` (its html/, doctrees, execution
    cache, uncut stylesheets, fingerprint: all that Sphinx and MyST-NB put beside an
    output folder stays out of the English site)."""
    return root / "_build" / "editions" / lang.check(code)


def build_edition(code: str, root: Path = ROOT) -> int:
    """Build the edition in ``code`` (warnings are errors), then mirror its pages into the
    site at ``_build/html/<code>/``."""
    from jupyter_book.sphinx import build_sphinx

    os.environ[lang.ENV] = lang.check(code)  # this process, and the kernels it starts
    where = edition_dir(code, root)
    overrides = _config(root, {"language": code, "html_title": t("paper.course"), "author": t("language.author"),
                               "html_theme_options": {"search_bar_text": t("nav.search_book")}})
    result = build_sphinx(root, where / "html", noconfig=True, path_config=str(root / "_config.yml"),
                          confoverrides=overrides, doctreedir=where / ".doctrees", warningiserror=True, keep_going=True)
    if result:
        return 1
    mirror(where / "html", root / "_build" / "html" / lang.edition_prefix(code))
    return 0


def mirror(source: Path, target: Path) -> int:
    """Make ``target`` a copy of ``source``, copying only what changed; returns the files copied.
    The edition's handouts, pocket files and EPUB (``MADE_AFTER``) are made in ``target``
    from its pages after the build, never in ``source``: they stay, and `make handouts`
    decides whether the pages they came from changed."""
    copied = 0
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for rel in sorted(wanted):
        src, dst = source / rel, target / rel
        if dst.exists() and dst.stat().st_size == src.stat().st_size and dst.stat().st_mtime >= src.stat().st_mtime:
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        copied += 1
    made_after = [target / folder for folder in MADE_AFTER]
    for gone in [p for p in target.rglob("*") if p.is_file() and p.relative_to(target) not in wanted
                 and not any(p.is_relative_to(folder) for folder in made_after)]:
        gone.unlink()
    return copied


def extract_data(out: Path, data_dir: Path = DATA_DIR) -> list[Path]:
    """The data's and the words' templates: ``<out>/_data/<file>.pot``, one message per
    translatable field (book.course.translations.fields), each with its stable context."""
    written = []
    for path in sorted(data_dir.rglob("*.yml")):
        name = data_catalog_name(path, data_dir)
        pot = _pot()
        if path.name == STRINGS_FILE.name:
            for key, text in read_strings(path).texts.items():
                forms = text.items() if isinstance(text, dict) else [(None, text)]
                for form, words in forms:
                    pot.append(polib.POEntry(msgctxt=strings_context(key, form), msgid=words,
                                             occurrences=[(path.relative_to(data_dir).as_posix(), "")]))
            name = PO_NAME
        else:
            noun = NOUNS.get(path.relative_to(data_dir).parts[0].removesuffix(".yml"))
            if noun is None:
                continue  # sources, vocabulary: names and references, not words
            for entry in read_entries(path):
                ident = str(entry.data.get("id", "?")) if isinstance(entry.data, dict) else "?"
                for ctx, english in fields(noun, ident, entry.data):
                    pot.append(polib.POEntry(msgctxt=ctx, msgid=english, occurrences=[
                        (path.relative_to(data_dir).as_posix(), str(entry.place.line()))]))
        target = out / lang.DATA_DOMAIN / f"{name}.pot"
        target.parent.mkdir(parents=True, exist_ok=True)
        pot.save(str(target))
        written.append(target)
    return written


def _pot() -> polib.POFile:
    pot = polib.POFile(wrapwidth=0)
    pot.metadata = {"Project-Id-Version": "Permanent Revolution Today", "MIME-Version": "1.0",
                    "Content-Type": "text/plain; charset=utf-8", "Content-Transfer-Encoding": "8bit"}
    return pot


def extract_pages(root: Path = ROOT) -> int:
    """The pages' templates: Sphinx's gettext builder, one ``.pot`` per page, no execution
    (a kernel's outputs are made in the edition's language, never translated)."""
    from jupyter_book.sphinx import build_sphinx

    out = root / GETTEXT_DIR
    result = build_sphinx(root, out, noconfig=True, path_config=str(root / "_config.yml"), builder="gettext",
                          confoverrides=_config(root, {"nb_execution_mode": "off", "gettext_location": False,
                                                       "gettext_uuid": False}),
                          doctreedir=root / "_build" / ".doctrees-gettext", warningiserror=False, keep_going=True)
    return 1 if result else 0


def merge(po: polib.POFile | None, template: polib.POFile, code: str) -> polib.POFile:
    """``template``'s messages with ``po``'s translations, as ``msgmerge --previous`` does:
    an unchanged message keeps its translation; a changed one (same context, or the
    closest English of a message that went) keeps the old translation, fuzzy, with the old
    English as ``#| msgid``; a new one is empty; messages that went are dropped."""
    old = {(e.msgctxt, e.msgid): e for e in po or [] if not e.obsolete}
    by_context = {e.msgctxt: e for e in old.values() if e.msgctxt}
    merged = _pot()
    # No dates, no placeholders: a .po changes only where its messages do.
    merged.metadata = {**merged.metadata, "Language": code, "Plural-Forms": PLURAL_FORMS.get(code, "")}
    unmatched = {k: e for k, e in old.items() if (k not in {(t.msgctxt, t.msgid) for t in template})}
    for new in template:
        entry = polib.POEntry(msgctxt=new.msgctxt, msgid=new.msgid, occurrences=new.occurrences,
                              flags=[f for f in new.flags if f != "fuzzy"], comment=new.comment)
        same = old.get((new.msgctxt, new.msgid))
        if same is not None:
            entry.msgstr, entry.tcomment = same.msgstr, same.tcomment
            entry.flags += [f for f in same.flags if f == "fuzzy"]
            entry.previous_msgid = same.previous_msgid if same.fuzzy else None
        else:
            before = by_context.get(new.msgctxt) if new.msgctxt else _closest(new.msgid, unmatched)
            if before is not None and before.msgstr:
                entry.msgstr, entry.tcomment = before.msgstr, before.tcomment
                entry.flags.append("fuzzy")
                entry.previous_msgid = before.previous_msgid if before.fuzzy and before.previous_msgid else before.msgid
        merged.append(entry)
    return merged


#: The header gettext tools expect (babel's CLDR rules decide the forms the book shows).
PLURAL_FORMS = {"es": "nplurals=2; plural=(n != 1);", "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"}


def with_plural_forms(template: polib.POFile, code: str) -> polib.POFile:
    """The words' template with each plural text in ``code``'s forms: English writes
    ``one`` and ``other``, Arabic needs ``zero``, ``two``, ``few`` and ``many`` too
    (``strings:before.gist:few``), each a message whose English is the ``other`` form."""
    contexts = {e.msgctxt for e in template if e.msgctxt}
    out = _pot()
    out.metadata = template.metadata
    for entry in template:
        out.append(entry)
        ctx = entry.msgctxt or ""
        if not (ctx.startswith("strings:") and ctx.endswith(":other")):
            continue
        base = ctx.removesuffix("other")
        for form in plural_forms(code):
            if base + form not in contexts:
                out.append(polib.POEntry(msgctxt=base + form, msgid=entry.msgid, occurrences=entry.occurrences))
    return out


def _closest(msgid: str, unmatched: dict) -> polib.POEntry | None:
    """The message that went whose English is closest to ``msgid`` (60% alike at least)."""
    candidates = {e.msgid: e for (ctx, _), e in unmatched.items() if not ctx and e.msgstr}
    found = difflib.get_close_matches(msgid, list(candidates), n=1, cutoff=0.6)
    return candidates[found[0]] if found else None


def update(codes: list[str], pot_dir: Path) -> list[str]:
    """Each language's ``.po`` brought in step with the templates under ``pot_dir`` (merge)."""
    done = []
    for pot_path in sorted(pot_dir.rglob("*.pot")):
        name = pot_path.relative_to(pot_dir).with_suffix(".po")
        template = polib.pofile(str(pot_path), wrapwidth=0)
        for code in codes:
            po_path = lang.po_folder(code) / name
            po = polib.pofile(str(po_path), wrapwidth=0) if po_path.exists() else None
            merged = merge(po, with_plural_forms(template, code), code)
            po_path.parent.mkdir(parents=True, exist_ok=True)
            merged.save(str(po_path))
            done.append(str(po_path.relative_to(ROOT)))
    return done


# ------------------------------------------------------------------------------------ lint

#: What a translation must keep of its English, each as a multiset: MyST roles with their
#: targets ({term}`shown <id>` keeps <id>; {para}`14`), links' addresses, {names} filled
#: by code, and paragraph breaks.
_ROLE = re.compile(r"\{([\w-]+)\}`(?:[^`<]*<([^`>]+)>|([^`]*))`")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_NAME = re.compile(r"(?<![`}])\{(\w+)\}(?!`)")


def kept(text: str) -> Counter:
    """What a translation of ``text`` must keep (see above)."""
    found: Counter = Counter()
    for role, target, shown in _ROLE.findall(text):
        found[f"{{{role}}}" + (f"<{target}>" if target else (f"`{shown}`" if role in ("para", "ref", "doc") else ""))] += 1
    found.update(f"link {href}" for href in _LINK.findall(text))
    found.update(f"{{{name}}}" for name in _NAME.findall(text))
    found["paragraph breaks"] += len(re.findall(r"\n\s*\n", text.strip()))
    return +found


def lint_entry(entry: polib.POEntry) -> list[str]:
    """What a translated entry lost or added of its English's roles, links, names, breaks."""
    if not entry.msgstr:
        return []
    want, got = kept(entry.msgid), kept(entry.msgstr)
    if (entry.msgctxt or "").startswith("strings:") and entry.msgctxt.rsplit(":", 1)[-1] in PLURAL_CATEGORIES:
        want.pop("{n}", None)  # a plural form may say its count in its word: دقيقتان, two minutes
        got.pop("{n}", None)
    problems = [f"drops {k}" for k in sorted(want - got)] + [f"adds {k}" for k in sorted(got - want)]
    return problems


def lint(codes: list[str] | None = None) -> list[str]:
    """Every translation's problems, as ``file:line: context: problem``; and the data in
    each language must pass the English's checks (a definition of at most 40 words ...)."""
    problems = []
    for code in codes or lang.translations():
        try:
            load_timeline_extras(events=load_course(language=code).events, language=code)
        except DataError as err:
            problems += [f"{code}: {p} (translated in {lang.po_folder(code).relative_to(ROOT)}/{lang.DATA_DOMAIN}/)"
                         for p in err.problems]
        for path in sorted(lang.po_folder(code).rglob("*.po")):
            for entry in polib.pofile(str(path), wrapwidth=0):
                if entry.obsolete:
                    continue
                where = f"{path.relative_to(ROOT)}:{entry.linenum}: {entry.msgctxt or entry.msgid[:40]!r}"
                problems += [f"{where}: {p}" for p in lint_entry(entry)]
    return problems


def coverage(code: str, docname: str) -> tuple[int, int]:
    """(translated, all) messages of a page's or data file's ``.po`` (``_data/strings``)."""
    path = lang.po_folder(code) / f"{docname}.po"
    if not path.exists():
        return 0, 0
    entries = [e for e in polib.pofile(str(path), wrapwidth=0) if not e.obsolete]
    return sum(1 for e in entries if usable(e)), len(entries)
