"""Live use: `make lab` answers on 127.0.0.1 (binder/ is checked in test_deps.py)."""

from __future__ import annotations

import time
import urllib.request
from urllib.parse import urlsplit

from helpers import start_lab


def test_make_lab_starts_on_loopback_and_stops(tmp_path):
    with start_lab(tmp_path, PRT_ANSWERS_DIR=str(tmp_path / "answers")) as (url, proc):
        where = urlsplit(url)
        assert where.hostname == "127.0.0.1" and where.path.startswith("/lab") and "token=" in where.query
        status, deadline = None, time.monotonic() + 90
        while time.monotonic() < deadline and status is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{where.port}/login", timeout=2) as reply:
                    status = reply.status
            except OSError:
                time.sleep(0.2)
        assert status == 200, (tmp_path / "lab.log").read_text()[-2000:]
        assert (tmp_path / "lab" / "exercises" / "tishreen.ipynb").exists(), "no work copies"
    assert proc.poll() is not None, "make lab still runs after it was stopped"
