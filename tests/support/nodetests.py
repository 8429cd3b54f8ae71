"""Running one of tests/js/*.test.js under node's own test runner, as the node layer's
tests do: node is required (make test-deps installs it), the environment holds only a
PATH and the files the test names."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parents[1] / "js"


def node_test(name: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    """``node --test tests/js/<name>`` with ``env`` (paths of the files it reads)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the JavaScript tests")
    return subprocess.run([node, "--test", str(JS / name)], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", **env}, timeout=timeout)
