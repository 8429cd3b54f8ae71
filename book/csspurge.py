"""Cut a stylesheet down to the rules that can match the book's pages.

The theme ships Bootstrap and Font Awesome in one 0.40 MB stylesheet that blocks the
first paint of every page; the pages use a small part of it. On a 1.6 Mbps phone link
that part is the difference between text at 1 s and at 5 s (issue 17).

The cut is conservative: a selector is dropped only when it names a class, an id or an
element that no page and no script of the book can produce. Everything the check cannot
judge is kept: attribute selectors, pseudo-classes, and whatever sits inside ``:not()``,
``:is()``, ``:where()`` or ``:has()``. @font-face, @keyframes and @page are kept
whole, and so are license comments (``/*! ... */``). A custom property (``--name``) is
dropped only when no rule left in any of the site's stylesheets, no page and no script
reads it, directly or through another custom property.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import tinycss2
from tinycss2 import ast

#: At-rules whose block holds rules to cut in turn.
GROUPING = {"media", "supports", "layer", "container", "document"}
_CLASS = re.compile(r"\.((?:\\.|[\w-])+)")
_ID = re.compile(r"#((?:\\.|[\w-])+)")
_TAG = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")
_ESCAPE = re.compile(r"\\(.)")


@dataclass
class Used:
    """What the pages can show: class names, ids and element names (lower case), and
    the custom properties (``--name``) pages and scripts read or set themselves."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    properties: set[str] = field(default_factory=set)

    def can_match(self, selector: str) -> bool:
        """False only when ``selector`` needs a class, id or element the pages never have."""
        plain = _strip_nested(selector)
        plain = re.sub(r"\[[^\]]*\]", "", plain)  # attribute selectors: kept whatever they ask
        classes = {_ESCAPE.sub(r"\1", c) for c in _CLASS.findall(plain)}
        ids = {_ESCAPE.sub(r"\1", i) for i in _ID.findall(plain)}
        plain = _CLASS.sub("", _ID.sub("", plain))
        plain = re.sub(r"::?[\w-]+", "", plain)  # pseudo-classes and pseudo-elements
        tags = {t.lower() for t in _TAG.findall(plain)}
        return classes <= self.classes and ids <= self.ids and tags <= self.tags


def _strip_nested(selector: str) -> str:
    """The selector without anything in parentheses (``:not(.x)`` asks for no ``.x``)."""
    out, depth = [], 0
    for ch in selector:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def _inner(rule: object) -> list | None:
    """The rules inside a grouping at-rule (@media, @supports ...), to cut in turn; None
    for any other rule."""
    if isinstance(rule, ast.AtRule) and rule.lower_at_keyword in GROUPING and rule.content is not None:
        return tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
    return None


def _rewrite(rules: list, qualified: Callable[[ast.QualifiedRule], str]) -> list[str]:
    """The rules written out again, minified: each qualified rule as ``qualified`` writes
    it ("" drops it), inside grouping at-rules too (one left empty is dropped); other
    at-rules whole, and of the comments only licenses. Both cuts, of selectors and of
    custom properties, walk a sheet this one way."""
    out: list[str] = []
    for rule in rules:
        inner = _inner(rule)
        if isinstance(rule, ast.QualifiedRule):
            out.append(qualified(rule))
        elif inner is not None:
            body = "".join(_rewrite(inner, qualified))
            if body:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{body}}}")
        elif isinstance(rule, ast.AtRule):
            out.append(rule.serialize().strip())
        elif isinstance(rule, ast.Comment) and rule.value.startswith("!"):
            out.append(f"/*{rule.value}*/\n")
    return [text for text in out if text]


def _parse(css: str) -> list:
    """A stylesheet's top-level rules, license comments among them."""
    return tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)


def _matching(rule: ast.QualifiedRule, used: Used) -> str:
    """The rule with only the selectors ``used`` can match; "" when none can."""
    kept = [s for s in _split_selectors(tinycss2.serialize(rule.prelude)) if used.can_match(s)]
    return ",".join(kept) + "{" + tinycss2.serialize(rule.content).strip() + "}" if kept else ""


def cut(css: str, used: Used) -> str:
    """``css`` with only the rules ``used`` can match, minified, its source-map link gone."""
    return "".join(_rewrite(_parse(css), lambda rule: _matching(rule, used))) + "\n"


#: A glyph in the private-use area, escaped (``"\\f0c9"``) or as the character itself:
#: icons are drawn by ``content:`` directly or through a custom property
#: (``--pst-icon-admonition-tip: "\\f0eb"``).
_GLYPH = re.compile(r'\\([0-9a-fA-F]{4,6})\s?|([\ue000-\uf8ff])')


def icon_codepoints(css: str) -> set[int]:
    """The private-use code points a (cut) stylesheet can still draw."""
    points = {int(hexa, 16) if hexa else ord(char) for hexa, char in _GLYPH.findall(css)}
    return {p for p in points if 0xE000 <= p <= 0xF8FF or p >= 0xF0000}


_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def _declarations_of(rule: ast.QualifiedRule) -> list[ast.Declaration]:
    """The rule's declarations, without the comments and stray tokens between them."""
    return [d for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            if isinstance(d, ast.Declaration)]


def _declarations(rules: list) -> list[tuple[str, str]]:
    """Every (property, value) of the qualified rules, inside grouping at-rules too."""
    found = []
    for rule in rules:
        inner = _inner(rule)
        if isinstance(rule, ast.QualifiedRule):
            found += [(decl.name, tinycss2.serialize(decl.value)) for decl in _declarations_of(rule)]
        elif inner is not None:
            found += _declarations(inner)
    return found


def used_properties(sheets: list[str], outside: set[str]) -> set[str]:
    """The custom properties the sheets' own rules read, directly or through another
    custom property, plus ``outside`` (names pages and scripts use)."""
    values: dict[str, list[str]] = {}
    wanted = set(outside)
    for css in sheets:
        for name, value in _declarations(_parse(css)):
            if name.startswith("--"):
                values.setdefault(name, []).append(value)
            else:
                wanted.update(_VAR.findall(value))
    todo = list(wanted)
    while todo:
        for value in values.get(todo.pop(), []):
            for name in _VAR.findall(value):
                if name not in wanted:
                    wanted.add(name)
                    todo.append(name)
    return wanted


def _keeping(rule: ast.QualifiedRule, keep: set[str]) -> str:
    """The rule without the custom properties not in ``keep``; "" when nothing is left."""
    body = ";".join(f"{d.name if d.name.startswith('--') else d.lower_name}:"
                    f"{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
                    for d in _declarations_of(rule) if not d.name.startswith("--") or d.name in keep)
    return tinycss2.serialize(rule.prelude).strip() + "{" + body + "}" if body else ""


def without_properties(css: str, keep: set[str]) -> str:
    """``css`` without the declarations of custom properties not in ``keep``."""
    return "".join(_rewrite(_parse(css), lambda rule: _keeping(rule, keep))) + "\n"
