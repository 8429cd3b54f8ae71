"""The source registry: `make validate` rejects untrustworthy or stale sources, naming
file, line, entry and field, and the check date reaches the reader's pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from book.course import sources
from conftest import ROOT


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def validate(monkeypatch, capsys):
    """Run what `make validate` runs (prt validate), in-process, on a scratch copy of the data."""
    from book.cli import main

    def run(data: Path) -> Run:
        monkeypatch.setenv("PRT_DATA_DIR", str(data))
        monkeypatch.chdir(ROOT)
        code = main(["validate"])
        out = capsys.readouterr()
        return Run(code, out.out, out.err)

    return run


def test_the_check_date_is_shown_on_the_timelines(built):
    label = sources.checked_label()
    pages = [built / "timelines.html"] + sorted((built / "chapters").glob("*.html"))
    assert len(pages) == 5
    for page in pages:
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
        assert f"checked as of {label}" in text, page.name


