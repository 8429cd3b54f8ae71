"""A no-change `make html` skips each edition whose inputs are those of its last good run
(book/unchanged.py): run once, skipped after, run again when a page, a catalog or a setting
changed or the output went, and never stamped after a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from book import unchanged


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny checkout: a page, book/, a built landing page, a Spanish catalog."""
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "peru.md").write_text("# Peru\n", encoding="utf-8")
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "x.py").write_text("X = 1\n", encoding="utf-8")
    for root in (tmp_path / "_build" / "html", tmp_path / "_build" / "html" / "es"):
        root.mkdir(parents=True, exist_ok=True)
        (root / "index.html").write_text("<html></html>", encoding="utf-8")
    locale = tmp_path / "locale"
    (locale / "es" / "LC_MESSAGES").mkdir(parents=True)
    (locale / "es" / "LC_MESSAGES" / "index.po").write_text('msgid "A"\nmsgstr "B"\n', encoding="utf-8")
    monkeypatch.setattr(unchanged, "ROOT", tmp_path)
    monkeypatch.setattr(unchanged, "BUILD", tmp_path / "_build")
    monkeypatch.setattr(unchanged.lang, "LOCALE_DIR", locale)
    monkeypatch.delenv("PRT_DATA_DIR", raising=False)
    return tmp_path


def _runs(step: str) -> int:
    """How many times the step ran in one call (0 or 1)."""
    ran = []
    assert unchanged.when_changed(step, lambda: ran.append(1) or 0, say=lambda _: None) == 0
    return len(ran)


def test_an_edition_runs_once_then_is_skipped_until_what_it_reads_changes(checkout, monkeypatch):
    assert _runs("en") == 1
    assert _runs("en") == 0
    (checkout / "chapters" / "peru.md").write_text("# Perú\n", encoding="utf-8")
    assert _runs("en") == 1 and _runs("en") == 0
    (checkout / "_build" / "html" / "something.html").write_text("built", encoding="utf-8")
    assert _runs("en") == 0  # what the build writes is no input
    monkeypatch.setenv("PRT_DATA_DIR", "/elsewhere")
    assert _runs("en") == 1
    (checkout / "_build" / "html" / "index.html").unlink()
    assert _runs("en") == 1  # its output went


def test_a_catalog_changes_its_edition_only(checkout):
    assert _runs("en") == 1 and _runs("es") == 1
    (checkout / "locale" / "es" / "LC_MESSAGES" / "index.po").write_text('msgid "A"\nmsgstr "C"\n', encoding="utf-8")
    assert _runs("en") == 0
    assert _runs("es") == 1


def test_a_failed_run_is_not_stamped(checkout):
    assert unchanged.when_changed("en", lambda: 1, say=lambda _: None) == 1
    assert _runs("en") == 1
