"""The literal heuristic of tests/test_strings.py for Python modules that write for
readers (its docstring says what is flagged): a module of its own, read as a syntax tree
so that docstrings and comments are left out."""

from __future__ import annotations

import ast
import re
from typing import Container

#: Reader words: a capital letter or two words (class names, selectors and attribute
#: names are neither).
READER = re.compile(r"^[^.#\[]*(?:[A-Z][a-z]|[A-Za-z]{2,}[\s,:;!?]+[A-Za-z])")
WORD = re.compile(r"[A-Za-z]{2,}")
KEY = re.compile(r"^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*[a-z0-9])$")


def _text(node: ast.AST) -> str | None:
    """A string literal's text; an f-string's with "{}" where its values go."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _strings(node: ast.AST) -> list[str]:
    """Every string literal in an expression, also in the positional arguments of the
    calls it makes (``_with_para("the demand: ...", p)``; in t("feature.key") the key is
    no word) and those an f-string's values choose between (f"{'Right' if ok else ...}")."""
    if isinstance(node, ast.Call):
        return [s for arg in node.args for s in _strings(arg)]
    text = _text(node)
    inner = [v.value for v in node.values if isinstance(v, ast.FormattedValue)] if isinstance(node, ast.JoinedStr) else []
    if text is not None:
        return [text] + [s for v in inner for s in _strings(v)]
    return [s for child in ast.iter_child_nodes(node) for s in _strings(child)]


PY_LABELS = {"description", "placeholder", "tooltip", "title", "caption", "label", "name", "text", "hint", "legend"}
PY_RAISES = {"Misfit", "NameProblem"}
#: A literal that is code, not words: CSS, a pattern, a policy, a path.
#: A regular expression's literal (it may name tags, it writes none).
PATTERN = re.compile(r"\[\^|\\[sdwSb.]|\(\?")
CODE = re.compile(r"[{}\\]|;\s*[\w-]+[:-]|;$|\(\?|^[\w-]*[./][\w./-]*$|^\W")


def words_in_markup(text: str) -> list[str]:
    """The words of an HTML fragment a Python literal writes: between tags, and in the
    attributes a reader hears or sees."""
    text = re.sub(r"\{\}|&#?\w+;", " ", text)
    found = re.findall(r'\b(?:aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{2,}[^"]*)"', text)
    text = re.sub(r"^[^<>]*=[^<>]*>|<[^>]*>|<[^>]*$", "<>", text)
    return found + [s.strip() for s in text.split("<>") if WORD.search(s)]


def english_in_python(name: str, text: str, allowed: Container[tuple[str, str]] = ()) -> list[str]:
    """Literals with words that reach a reader from a Python module (the heuristic above)."""
    tree, found = ast.parse(text), []
    docs = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(
        n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body and isinstance(n.body[0], ast.Expr)}

    def flag(node: ast.AST | None, check: re.Pattern[str] = READER) -> None:
        for s in _strings(node) if node is not None else []:
            bare = s.replace("{}", " ")  # an f-string's values are not code braces
            if check.search(bare) and not CODE.search(bare) and not KEY.match(s):
                found.append(s)

    parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    exported = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign)
                and any(isinstance(x, ast.Name) and x.id == "__all__" for x in n.targets)}
    for node in ast.walk(tree):
        text_ = _text(node)
        if text_ is not None and "<" in text_ and id(node) not in docs | parts and not PATTERN.search(text_):
            found.extend(words_in_markup(text_))
        if isinstance(node, ast.Call):
            callee = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            for kw in node.keywords:
                if kw.arg in PY_LABELS:
                    flag(kw.value)
            if callee == "print" or callee in PY_RAISES:
                for arg in node.args:
                    flag(arg)
        elif isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                if isinstance(k, ast.Constant) and k.value in PY_LABELS:
                    flag(v)
        elif isinstance(node, (ast.Tuple, ast.List)) and isinstance(node.ctx, ast.Load) and id(node) not in exported:
            for item in node.elts:  # rows a writer joins into a page: ("Model answer:", text)
                flag(item)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in {"value", "description", "tooltip", "string"}:
                    flag(node.value)
                elif isinstance(target, ast.Name) and re.fullmatch(r"[A-Z][A-Z_]+", target.id):
                    flag(node.value)
    return [f"{name}: {s!r}" for s in dict.fromkeys(found) if (name, s) not in allowed]
