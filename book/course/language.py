"""The one language setting: which edition this process makes (``PRT_LANGUAGE``, ``en`` by
default).

Why an environment variable: the book is made by several processes (Sphinx, the kernels
that execute the chapters, the paper and pocket editions, ``make lab``); a kernel started
by the build inherits the build's environment, so one variable reaches them all, with no
argument threaded through twenty modules. Code asks ``current()`` when it makes a text,
never at import, so a process can make two editions one after the other.

Each edition says its direction: nothing may assume left to right (Arabic reads right to left).
English is the source language: its edition sits at the site's root, every other at
``<code>/`` beside it. This module imports nothing of ours.
"""

from __future__ import annotations

from collections.abc import Iterator

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

ENV = "PRT_LANGUAGE"
SOURCE = "en"
#: Where the translations are: ``locale/<code>/LC_MESSAGES/<page>.po`` (Sphinx's gettext)
#: and ``locale/<code>/LC_MESSAGES/_data/<file>.po`` (the YAML data and the words catalog).
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
DATA_DOMAIN = "_data"


@dataclass(frozen=True)
class Language:
    code: str        # BCP 47, as in lang="..."
    name: str        # in its own language, as the switcher shows it
    direction: str   # "ltr" or "rtl"
    #: The CLDR locale babel formats its dates and numbers with: Arabic as written in Iraq,
    #: whose months are the Syriac names (تشرين الأول, "Tishreen", is October), with
    #: CLDR's digits for ``ar``, the Western ones (book/sphinxext/DESIGN.md, "Arabic").
    cldr: str = ""

    @property
    def locale(self) -> str:
        return self.cldr or self.code


#: The editions, the source first. A new edition is a line here and its locale/ folder.
LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "ltr"),
    "es": Language("es", "Español", "ltr"),
    "ar": Language("ar", "العربية", "rtl", cldr="ar_IQ"),
}


class LanguageError(ValueError):
    pass


def check(code: str) -> str:
    if code not in LANGUAGES:
        raise LanguageError(f"{ENV}={code!r}: the book has editions in {', '.join(LANGUAGES)} "
                            "(book/course/language.py LANGUAGES)")
    return code


def current() -> str:
    """The language of what this process makes now."""
    return check(os.environ.get(ENV) or SOURCE)


@contextlib.contextmanager
def speaking(code: str) -> Iterator[None]:
    """Make what this process makes in ``code`` for a while (the catalog of a translated
    edition carries the source's words too, to read older answer files)."""
    before = os.environ.get(ENV)
    os.environ[ENV] = check(code)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before


def translations() -> list[str]:
    """The editions other than the source's."""
    return [code for code in LANGUAGES if code != SOURCE]


def edition_prefix(code: str) -> str:
    """Where an edition sits in the built site: ``""`` for the source, ``"es/"`` for Spanish."""
    return "" if code == SOURCE else f"{check(code)}/"


def po_folder(code: str) -> Path:
    return LOCALE_DIR / check(code) / "LC_MESSAGES"


def cldr(code: str | None = None) -> str:
    """The locale babel formats ``code``'s dates and numbers with (``ar_IQ`` for ``ar``)."""
    return LANGUAGES[check(code or current())].locale


def html_attrs(code: str | None = None) -> str:
    """``lang="es" dir="ltr"`` for a document's root element in ``code`` (the setting's)."""
    found = LANGUAGES[check(code or current())]
    return f'lang="{found.code}" dir="{found.direction}"'
