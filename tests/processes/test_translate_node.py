"""The catalog file itself (book/data/strings.yml through book/strings.py): a bad file,
a missing key or a placeholder the code does not give names file, line and key; and the
pages' side of it, static/translate.js, under node. tests/test_strings.py checks that
the code keeps to the catalog."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]


def test_translate_js_under_node():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the JavaScript tests")
    run = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "translate.test.js")], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0 and "# pass 4" in run.stdout, run.stdout[-2000:]
