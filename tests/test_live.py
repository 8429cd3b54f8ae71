"""Live use: `make lab` answers on 127.0.0.1 (binder/ is checked in test_deps.py)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_starts_on_loopback_and_stops(tmp_path):
    port = _free_port()
    log = (tmp_path / "lab.log").open("w")
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_PORT={port}", f"LAB_DIR={tmp_path / 'lab'}"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
             "PRT_ANSWERS_DIR": str(tmp_path / "answers")},
    )
    try:
        status, deadline = None, time.monotonic() + 90
        while time.monotonic() < deadline and status is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as reply:
                    status = reply.status
            except OSError:
                time.sleep(0.5)
        assert status == 200, (tmp_path / "lab.log").read_text()[-2000:]
        printed = (tmp_path / "lab.log").read_text()
        assert f"http://127.0.0.1:{port}/lab" in printed and "token=" in printed
        assert (tmp_path / "lab" / "exercises" / "tishreen.ipynb").exists(), "no work copies"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the whole group: make and jupyter
        proc.wait(timeout=30)
