"""The book's reader-facing words: one catalog (book/data/strings.yml) for the scripts,
the templates and the Sphinx layer.

Why one file: labels, feedback frames and notices written into the code would make a
second language a change to twenty files; with the catalog it is a translated copy of
one. Python reads a text with ``t("feature.key", name=value)``; the build writes the
same catalog as ``_static/strings.js`` for the pages' scripts (``PRT.t``, in
static/translate.js); templates call ``prt_t``. A key the catalog lacks, or a
placeholder the code and the text do not share, is an error naming file, line and key:
a typo can never show a key's name, or a ``{name}`` unfilled, to a reader.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Callable

import yaml
from babel import Locale, UnknownLocaleError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import language as lang
from .translations import Messages, messages
from .yamlfile import lines_of, read_node, show

STRINGS_FILE = Path(__file__).resolve().parents[1] / "data" / "strings.yml"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: A feature's or a key's name: lower-case words joined by "_".
Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*[a-z0-9]$")]
#: The catalog of the words' translations (locale/<lang>/LC_MESSAGES/_data/strings.po),
#: one message per key, context ``strings:<feature.key>`` (``…:<form>`` for a plural form).
PO_NAME = "strings"


@lru_cache(maxsize=8)
def plural_rule(language: str) -> Callable[[int], str]:
    """Which plural form (Unicode's name) a count takes in ``language``: CLDR's rule, from
    babel (JavaScript asks Intl.PluralRules, from the same data)."""
    try:
        return Locale.parse(language.replace("-", "_")).plural_form
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"no plural rule for {language!r} in babel's CLDR data") from None


def context(key: str, form: str | None = None) -> str:
    """A key's message context in the words' .po: ``strings:nav.chapters``, ``strings:before.gist:one``."""
    return f"strings:{key}" + (f":{form}" if form else "")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


class Plural(BaseModel):
    """A text that depends on a count {n}: its forms, by Unicode's plural category names."""

    model_config = ConfigDict(extra="forbid")
    zero: str | None = None
    one: str | None = None
    two: str | None = None
    few: str | None = None
    many: str | None = None
    other: str

    @model_validator(mode="after")
    def _same_names(self) -> "Plural":
        """Every form fills the same names (a form may leave out the count itself)."""
        want = placeholders(self.other) - {"n"}
        for form, text in self.forms().items():
            if placeholders(text) - {"n"} != want:
                raise ValueError(f"form {form!r} uses {sorted(placeholders(text))}, 'other' uses {sorted(want | {'n'})}")
        return self

    def forms(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class CatalogFile(BaseModel):
    """The shape of strings.yml: a language, then feature -> key -> text or plural forms."""

    model_config = ConfigDict(extra="forbid")
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
    strings: dict[Name, dict[Name, str | Plural]]

    @model_validator(mode="after")
    def _plural_rule(self) -> "CatalogFile":
        plural_rule(self.language)
        return self


class StringsError(ValueError):
    """A bad catalog, or a key or placeholder that the code and the catalog do not share."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("reader-facing strings:\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class Catalog:
    """The validated catalog, each key with the line it is written on."""

    file: str
    language: str
    texts: dict[str, str | dict[str, str]]
    lines: dict[str, int]

    def _where(self, key: str) -> str:
        return f"{self.file}:{self.lines[key]}: key {key!r}"

    def names(self, key: str) -> set[str]:
        """The names the code must give for ``key`` ({n} for a plural)."""
        text = self.texts[key]
        if isinstance(text, dict):
            return placeholders(text["other"]) | {"n"}
        return placeholders(text)

    def t(self, key: str, /, **params: Any) -> str:
        """The text of ``key`` with its {names} filled in; a plural picks its form by ``n``."""
        if key not in self.texts:
            raise StringsError([f"{self.file}: no key {key!r}, which the code asks for"])
        if set(params) != self.names(key):
            raise StringsError([f"{self._where(key)}: the code gives {sorted(params)}, "
                                f"the text uses {sorted(self.names(key))}"])
        text = self.texts[key]
        if isinstance(text, dict):
            form = plural_rule(self.language)(int(params["n"]))
            text = text.get(form, text["other"])
        return PLACEHOLDER.sub(lambda m: str(params[m.group(1)]), text)

    def t_html(self, key: str, /, **markup: Any) -> str:
        """The text of ``key`` as HTML: its own words escaped, each {name} filled with the
        markup given, as it is (a <strong>, a <code> whose contents the caller escaped).
        Why: a sentence with a word in bold stays one text for a translator, not three."""
        marks = {k: v if k == "n" else f"\x00{k}\x00" for k, v in markup.items()}
        text = html.escape(self.t(key, **marks), quote=False)
        for k, v in markup.items():
            text = text.replace(f"\x00{k}\x00", str(v))
        return text

    def as_script(self) -> str:
        """The catalog as a classic script for the pages (static/translate.js reads it)."""
        data = json.dumps(self.texts, ensure_ascii=False, indent=0, sort_keys=True)
        return ("/* Written by book/course/strings.py from book/data/strings.yml at every build: edit that file. */\n"
                "window.PRT = window.PRT || {};\n"
                f"window.PRT.language = {json.dumps(self.language)};\n"
                f"window.PRT.strings = {data};\n")


def read(path: Path = STRINGS_FILE) -> Catalog:
    """Load and check a catalog; a problem names the file, the line and the key."""
    where = show(path)
    try:
        data, node = read_node(path)
    except (yaml.YAMLError, OSError) as err:
        raise StringsError([f"{where}: cannot be read as YAML: {err}"]) from None
    lines = lines_of(node) if node is not None else {(): 1}
    try:
        model = CatalogFile.model_validate(data)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            loc = tuple(p for p in e["loc"] if p not in ("str", "Plural", "[key]")
                        and not str(p).startswith(("function-after", "union")))
            line = next((lines[loc[:n]] for n in range(len(loc), -1, -1) if loc[:n] in lines), 1)
            name = ".".join(str(p) for p in loc[1:3]) if loc[:1] == ("strings",) else ".".join(map(str, loc))
            problems.append(f"{where}:{line}: key {name or '(file)'!r}: {e['msg']}")
        raise StringsError(problems) from None
    texts: dict[str, str | dict[str, str]] = {}
    key_lines: dict[str, int] = {}
    for feature, keys in model.strings.items():
        for key, text in keys.items():
            texts[f"{feature}.{key}"] = text.forms() if isinstance(text, Plural) else text
            key_lines[f"{feature}.{key}"] = lines[("strings", feature, key)]
    return Catalog(where, model.language, texts, key_lines)


def translated(english: Catalog, words: Messages) -> Catalog:
    """The catalog in ``words``' language: each text whose translation is usable, and which
    fills the same names; any other stays English (``words.fallbacks`` names it)."""
    texts: dict[str, str | dict[str, str]] = {}
    for key, text in english.texts.items():
        if isinstance(text, dict):
            texts[key] = {form: _same_names(words, context(key, form), text.get(form, text["other"]), plural=True)
                          for form in plural_forms(words.language, text)}
        else:
            texts[key] = _same_names(words, context(key), text)
    return Catalog(english.file, words.language, texts, english.lines)


#: CLDR's plural categories in its order (Arabic has all six; English one and other).
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@lru_cache(maxsize=8)
def _counted_forms(language: str) -> frozenset[str]:
    rule = plural_rule(language)
    return frozenset({rule(n) for n in range(1000)} | {"other"})


def plural_forms(language: str, english: dict[str, str] | None = None) -> list[str]:
    """The forms a plural text has in ``language``: those CLDR gives the course's counts
    (under a thousand: Arabic's six; Spanish's "many", for a million, never comes), and
    the English text's own (a ``zero`` written for English stays a message)."""
    wanted = _counted_forms(language) | set(english or ())
    return [form for form in PLURAL_CATEGORIES if form in wanted]


def _same_names(words: Messages, ctx: str, english: str, plural: bool = False) -> str:
    text = words.get(ctx, english)
    # A translation that drops a {name} is not used; a plural form may leave out its
    # count, as English "one" may ("دقيقتان", two minutes, says its number in its word).
    drop = {"n"} if plural else set()
    if placeholders(text) - drop != placeholders(english) - drop:
        words.fallbacks.add(ctx)
        return english
    return text


def catalog(language: str | None = None) -> Catalog:
    """The book's catalog in ``language`` (the language setting's by default), read once per
    process and language."""
    return _catalog(lang.check(language or lang.current()))


@lru_cache(maxsize=8)
def _catalog(language: str) -> Catalog:
    english = read()
    return english if language == lang.SOURCE else translated(english, messages(language, PO_NAME))


def untranslated(language: str) -> set[str]:
    """The keys' contexts whose words ``language`` lacks (the coverage test asks)."""
    words = messages(language, PO_NAME)
    translated(read(), words)
    return set(words.fallbacks)


#: Unicode's first-strong isolate and its end: the plain-text twin of ``<bdi>``.
FSI, PDI = "\u2068", "\u2069"


def isolated(text: str) -> str:
    """``text`` (a title, a name) to set into a sentence of the edition's words as one
    unit: in a right-to-left edition between Unicode's isolates, so an English title keeps
    its order ("Not in place: US-led invasion of Iraq begins (¶2)" never comes apart
    around the ¶) and the Arabic sentence around it keeps its own. A left-to-right
    edition needs none, and its texts stay plain."""
    return f"{FSI}{text}{PDI}" if lang.LANGUAGES[lang.current()].direction == "rtl" else text


def t(key: str, /, **params: Any) -> str:
    """A reader-facing text of the book's catalog (see Catalog.t)."""
    return catalog().t(key, **params)


def t_text(key: str, /, **params: Any) -> str:
    """A text of the book's catalog as HTML text: the filled text, escaped whole."""
    return html.escape(t(key, **params))


def t_html(key: str, /, **markup: Any) -> str:
    """A text of the book's catalog as HTML around the markup given (see Catalog.t_html)."""
    return catalog().t_html(key, **markup)
