"""The course's data and words in another language: gettext catalogs (``.po``), the format
Sphinx uses for the pages, so one tool chain and one translator's habit serve both.

Data (``book/data/*.yml``): one catalog per data file, ``locale/<lang>/LC_MESSAGES/_data/
<file>.po`` (``glossary-peru.po`` for ``glossary/peru.yml``), one message per translatable
field of an entry, with a stable context naming it: ``term:fujimorism:definition``,
``exercise:peru-order:options.2.text``. The words catalog (``strings.yml``) is
``_data/strings.po``, context ``strings:<feature.key>`` (a plural form: ``…:one``).

A message is used only when it is translated, not fuzzy, and its msgid is today's
English: a missing or stale translation leaves the English, and the loader records it
(``fallbacks``) so that a page can mark it. ``extract`` writes the templates
(``_build/gettext/_data/*.pot``); ``book.course.catalogs`` merges them into the ``.po``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import polib

from .language import DATA_DOMAIN, SOURCE, po_folder

#: The fields of an entry that are words for readers (every other field is an id, a date,
#: a URL, a reference or a kind). A list of such words (``questions``) is translated item
#: by item; ``aliases`` stay English (they find the term in the English articles).
WORDS = frozenset({
    "term", "definition", "explanation", "text", "meaning", "contested", "title", "subtitle",
    "short", "annotation", "label", "prompt", "feedback", "facilitator_note", "model_answer",
    "rubric", "questions", "claim", "why", "left", "right", "article_demand", "grievance",
    "note", "households", "track", "byline", "publisher",
})
#: Fields never translated even when their name is in WORDS, by the noun's kind.
KEEP = {"original": {"text"}}  # a term's original form (fujimorismo) is the original


def data_catalog_name(data_file: Path, data_dir: Path) -> str:
    """``glossary/peru.yml`` -> ``glossary-peru``: one flat catalog name per data file."""
    return data_file.relative_to(data_dir).with_suffix("").as_posix().replace("/", "-")


def fields(noun: str, ident: str, data: Any, path: tuple = ()) -> list[tuple[str, str]]:
    """Every translatable text of an entry as (context, English), in the entry's order."""
    found: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if path and key in KEEP.get(str(path[-1]), set()):
                continue
            sub = path + (key,)
            if isinstance(value, str) and key in WORDS:
                found.append((_context(noun, ident, sub), value))
            elif isinstance(value, dict) and key in WORDS:  # feedback by ¶: p3 -> why not
                found += [(_context(noun, ident, sub + (k,)), v) for k, v in value.items() if isinstance(v, str)]
            elif isinstance(value, list) and key in WORDS:
                found += [(_context(noun, ident, sub + (n,)), v) for n, v in enumerate(value) if isinstance(v, str)]
                found += [f for n, v in enumerate(value) if isinstance(v, dict)
                          for f in fields(noun, ident, v, sub + (n,))]
            elif isinstance(value, (dict, list)):
                found += fields(noun, ident, value, sub)
    elif isinstance(data, list):
        for n, item in enumerate(data):
            found += fields(noun, ident, item, path + (n,))
    return found


def _context(noun: str, ident: str, path: tuple) -> str:
    return f"{noun}:{ident}:{'.'.join(str(p) for p in path)}"


@dataclass
class Messages:
    """A language's usable messages of one catalog: (context, English) -> translation."""

    language: str
    name: str
    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Contexts asked for whose translation was missing, fuzzy or made for other English.
    fallbacks: set[str] = field(default_factory=set)

    def get(self, context: str, english: str) -> str:
        if self.language == SOURCE:
            return english
        text = self.texts.get((context, english))
        if text is None:
            self.fallbacks.add(context)
            return english
        return text


def usable(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) and not entry.fuzzy and not entry.obsolete


@lru_cache(maxsize=64)
def _read(path: Path, mtime: float) -> dict[tuple[str, str], str]:
    po = polib.pofile(str(path), wrapwidth=0)
    return {(e.msgctxt or "", e.msgid): e.msgstr for e in po if usable(e)}


def data_path(language: str, name: str) -> Path:
    return po_folder(language) / DATA_DOMAIN / f"{name}.po"


def page_messages(language: str, docname: str) -> dict[str, str]:
    """A page's usable translations (Sphinx's gettext: no context), msgid -> msgstr."""
    path = po_folder(language) / f"{docname}.po"
    if language == SOURCE or not path.exists():
        return {}
    return {msgid: text for (ctx, msgid), text in _read(path, path.stat().st_mtime).items() if not ctx}


def messages(language: str, name: str) -> Messages:
    """The usable messages of a data catalog (none for the source language or no file)."""
    found = Messages(language, name)
    path = data_path(language, name) if language != SOURCE else None
    if path is not None and path.exists():
        found.texts = dict(_read(path, path.stat().st_mtime))
    return found


def translate_entry(noun: str, data: Any, catalog: Messages) -> Any:
    """An entry (as read from YAML) with its words in the catalog's language."""
    if catalog.language == SOURCE or not isinstance(data, dict):
        return data
    ident = str(data.get("id", "?"))
    wanted = dict(fields(noun, ident, data))
    return _replace(data, (), noun, ident, wanted, catalog)


def _replace(data: Any, path: tuple, noun: str, ident: str, wanted: dict[str, str], catalog: Messages) -> Any:
    if isinstance(data, dict):
        return {k: _replace(v, path + (k,), noun, ident, wanted, catalog) for k, v in data.items()}
    if isinstance(data, list):
        return [_replace(v, path + (n,), noun, ident, wanted, catalog) for n, v in enumerate(data)]
    context = _context(noun, ident, path)
    if isinstance(data, str) and context in wanted:
        return catalog.get(context, data)
    return data
