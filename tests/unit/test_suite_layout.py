"""The suite's own layout: what tests share lives in a module of its own, by concern
in tests/support/ (helpers.py, screens.py, stillness.py, bookfiles.py, textmatch.py,
pdfread.py ...), no module in tests/ imports from a test module, and every test is in a
layer's folder, the layer its marker names.

A helper kept in a test module ties every importer to that module: a test that moves,
or an edit to a fixture beside it, breaks files that never asked for it; the importer
pulls in another module's tests, fixtures and marks; and the helper hides among tests, so
the next person writes it again.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import LAYERS

TESTS = Path(__file__).resolve().parents[1]


def modules(folder: Path) -> list[Path]:
    """Every Python module of the suite, in every layer's folder and tests/support/."""
    return sorted(p for p in folder.rglob("*.py") if "node_modules" not in p.parts)


def imports_of_test_modules(folder: Path) -> list[str]:
    """Every import of a test module (``test_*.py``) by a module in ``folder``, as
    ``file:line imports name``: plain, from-imports, relative or through the package
    (``from tests import test_x``)."""
    tests = {path.stem for path in modules(folder) if path.name.startswith("test_")}
    found = []
    for path in modules(folder):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module] if node.module else []
                names += [f"{node.module or ''}.{alias.name}" for alias in node.names]
            else:
                continue
            found += [f"{path.name}:{node.lineno} imports {name.lstrip('.')}" for name in names
                      if name.rsplit(".", 1)[-1] in tests]
    return found


def test_no_module_in_tests_imports_from_a_test_module():
    assert imports_of_test_modules(TESTS) == []


def test_the_check_finds_planted_imports_of_a_test_module(tmp_path):
    (tmp_path / "test_source.py").write_text("CHAPTERS = []\n", encoding="utf-8")
    (tmp_path / "helpers.py").write_text("import os\n", encoding="utf-8")
    (tmp_path / "shared.py").write_text("from test_source import CHAPTERS\n", encoding="utf-8")
    (tmp_path / "test_user.py").write_text(
        "import helpers\nfrom helpers import os\n"
        "from test_source import CHAPTERS\nimport test_source\nfrom .test_source import CHAPTERS as C\n"
        "from tests import test_source\n\ndef test_x():\n    from test_source import CHAPTERS\n",
        encoding="utf-8")
    assert imports_of_test_modules(tmp_path) == [
        "shared.py:1 imports test_source",
        "test_user.py:3 imports test_source",
        "test_user.py:4 imports test_source",
        "test_user.py:5 imports test_source",
        "test_user.py:6 imports tests.test_source",
        "test_user.py:9 imports test_source",
    ]


def predicates_evaluated_as_strings(folder: Path) -> list[str]:
    """Every ``wait_for_function`` whose predicate is an expression, not a function, as
    ``file:line``. Playwright polls an expression with eval() inside the page, which the
    book's policy (no 'unsafe-eval') refuses: such a wait works only if the condition
    already holds at the first look, and fails now and then. A function is compiled once,
    outside the policy."""
    found = []
    for path in modules(folder):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "wait_for_function" and node.args):
                continue
            first = node.args[0]
            text = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else \
                "".join(v.value for v in first.values if isinstance(v, ast.Constant)) if isinstance(first, ast.JoinedStr) else None
            if text is not None and not re.match(r"\s*(\(([^()]*)\)|\w+)\s*=>|\s*(async\s+)?function\b", text):
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_every_wait_for_a_condition_passes_a_function():
    assert predicates_evaluated_as_strings(TESTS) == []


def test_the_check_finds_a_planted_expression(tmp_path):
    (tmp_path / "test_x.py").write_text(
        "def test_x(page, s):\n"
        "    page.wait_for_function(\"() => window.ready\")\n"
        "    page.wait_for_function(\"el => !el.isConnected\", arg=1)\n"
        "    page.wait_for_function(f\"(s) => s === '{s}'\")\n"
        "    page.wait_for_function(\"window.ready\")\n"
        "    page.wait_for_function(f\"location.hash === '#{s}'\")\n"
        "    page.wait_for_function(STILL)\n", encoding="utf-8")
    assert predicates_evaluated_as_strings(tmp_path) == ["test_x.py:5", "test_x.py:6"]


def test_every_test_module_is_in_a_layers_folder():
    misplaced = [str(p.relative_to(TESTS)) for p in modules(TESTS)
                 if p.name.startswith("test_") and p.relative_to(TESTS).parts[0] not in LAYERS]
    assert misplaced == []
    assert not [p for p in (TESTS / "support").glob("test_*.py")]
